"""PolNeAR loader: brat ``.ann`` attribution files → gold attributions with character spans.

Input → output: a PolNeAR split directory (``text/*.txt`` + ``attributions/*.ann``) →
:class:`GoldDoc` per text (text, attributions with Source/Cue/Content spans).

Format (brat standoff), one annotation a line, tab-separated::

    T3	Content 115 290	that Hillary Clinton's team avoided …
    T9	Content 315 448;463 553	“One of the things …” “Yesterday, …”   (discontinuous: fragments joined by ';')
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1                     (one attribution event)

Events are ``Attribution`` or ``Attribution-no-source`` (no Source argument); a few carry a
second content (``Content2``). ``Discard``/``Discuss`` text-bound annotations and ``#`` notes
are not attributions and are skipped. Some dev texts were annotated by several annotators
(``<name>_<annotator>.ann``); the first annotation file in sorted order is used so every text
counts once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["GoldAttribution", "GoldDoc", "load_split", "parse_ann"]

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Fragments
    source: Fragments | None
    cue: Fragments | None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _fragments(spec: str, where: str) -> Fragments:
    out = []
    for part in spec.split(";"):
        a, _, b = part.strip().partition(" ")
        try:
            out.append((int(a), int(b)))
        except ValueError as exc:
            raise ValueError(f"{where}: bad brat span {spec!r}") from exc
    return tuple(out)


def parse_ann(ann: str, *, where: str = "<ann>") -> tuple[GoldAttribution, ...]:
    """Attributions of one brat file (text-bound spans resolved; events may precede their spans)."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[dict[str, str]] = []
    for lineno, line in enumerate(ann.splitlines(), 1):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        key = parts[0]
        if key.startswith("T"):
            label, _, spec = parts[1].partition(" ")
            spans[key] = (label, _fragments(spec, f"{where}:{lineno}"))
        elif key.startswith("E"):
            args = dict(a.split(":", 1) for a in parts[1].split() if ":" in a)
            events.append(args)
    out = []
    for args in events:
        for role in ("Content", "Content2"):
            if role not in args or args[role] not in spans:
                continue
            src = spans[args["Source"]][1] if args.get("Source") in spans else None
            cue = spans[args["Cue"]][1] if args.get("Cue") in spans else None
            out.append(GoldAttribution(spans[args[role]][1], src, cue))
    return tuple(out)


def load_split(directory: str | Path, *, limit: int | None = None) -> list[GoldDoc]:
    """Every text of a split with its (first) annotation file, in name order."""
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"{root}: expected text/ and attributions/ subfolders (a PolNeAR split)")
    anns = sorted(ann_dir.glob("*.ann"))
    docs = []
    for txt in sorted(text_dir.glob("*.txt")):
        mine = [a for a in anns if a.stem.rsplit("_", 1)[0] == txt.stem]
        if not mine:
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append(
            GoldDoc(txt.stem, text, parse_ann(mine[0].read_text(encoding="utf-8"), where=str(mine[0])))
        )
        if limit is not None and len(docs) >= limit:
            break
    return docs
