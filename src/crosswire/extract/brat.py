"""brat attribution annotations (PARC / PolNeAR): ``.ann`` standoff files → gold attributions.

Input → output: a split directory (``text/*.txt`` + ``attributions/*.ann``) or one ``.ann``
string → :class:`BratDoc` per text (text, attributions with Source/Cue/Content character spans).

Format (brat standoff), one annotation a line, tab-separated::

    T3	Content 115 290	that Hillary Clinton's team avoided …
    T9	Content 315 448;463 553	“One of the things …” “Yesterday, …”   (discontinuous: fragments joined by ';')
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1                     (one attribution event)

Events are ``Attribution`` or ``Attribution-no-source`` (no Source argument); a few carry a
second content (``Content2``). ``Discard``/``Discuss`` text-bound annotations and ``#`` notes
are not attributions and are skipped. A text annotated by several people
(``<name>_<annotator>.ann``) uses the first annotation file in sorted order, so every text
counts once. Errors are crosswire's (a bad file names itself and its line), so the
quote tagger can be trained from the library and the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crosswire.errors import InputNotFound, RejectedInput
from crosswire.ledger import Ledger
from crosswire.models import Rejected

__all__ = ["BratAttribution", "BratDoc", "load_brat_dir", "parse_ann"]

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class BratAttribution:
    """One attribution: content fragments, and the source and cue fragments when annotated."""

    content: Fragments
    source: Fragments | None
    cue: Fragments | None


@dataclass(frozen=True, slots=True)
class BratDoc:
    name: str
    text: str
    attributions: tuple[BratAttribution, ...]


def _fragments(spec: str, where: str, lineno: int) -> Fragments:
    out = []
    for part in spec.split(";"):
        a, _, b = part.strip().partition(" ")
        try:
            out.append((int(a), int(b)))
        except ValueError as exc:
            raise RejectedInput(where, f"bad brat span {spec!r}", line=lineno) from exc
    return tuple(out)


def parse_ann(ann: str, *, where: str = "<ann>") -> tuple[BratAttribution, ...]:
    """Attributions of one brat file (text-bound spans resolved; events may precede their spans)."""
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for lineno, line in enumerate(ann.splitlines(), 1):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        key = parts[0]
        if key.startswith("T"):
            _label, _, spec = parts[1].partition(" ")
            spans[key] = _fragments(spec, where, lineno)
        elif key.startswith("E"):
            events.append(dict(a.split(":", 1) for a in parts[1].split() if ":" in a))
    out = []
    for args in events:
        for role in ("Content", "Content2"):
            if args.get(role) not in spans:
                continue
            src = spans.get(args.get("Source", ""))
            cue = spans.get(args.get("Cue", ""))
            out.append(BratAttribution(spans[args[role]], src, cue))
    return tuple(out)


def load_brat_dir(
    directory: str | Path, *, limit: int | None = None, ledger: Ledger | None = None
) -> list[BratDoc]:
    """Every text of a split with its (first) annotation file, in name order.

    A text that cannot be used (no annotation file, not UTF-8, a malformed or out-of-range
    span) raises :class:`RejectedInput` — or, when a ``ledger`` is given, is recorded there
    with the file and the reason, and the rest of the split is read.
    """
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not root.exists():
        raise InputNotFound(str(root))
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise RejectedInput(str(root), "expected text/ and attributions/ subfolders (a PolNeAR split)")
    by_stem: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        by_stem.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for txt in sorted(text_dir.glob("*.txt")):
        try:
            docs.append(_read_pair(txt, by_stem.get(txt.stem)))
        except RejectedInput as exc:
            if ledger is None:
                raise
            ledger.reject(Rejected(exc.path, exc.reason, exc.code, exc.line))
            continue
        if limit is not None and len(docs) >= limit:
            break
    return docs


def _read_pair(txt: Path, ann_path: Path | None) -> BratDoc:
    """One text and its annotations, checked (every span inside the text)."""
    if ann_path is None:
        raise RejectedInput(str(txt), "no annotation file for this text in attributions/", code="not-found")
    try:
        text = txt.read_text(encoding="utf-8")
        ann = ann_path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RejectedInput(str(txt), f"not UTF-8 ({exc.reason} at byte {exc.start})", code="decode") from exc
    attributions = parse_ann(ann, where=str(ann_path))
    for a in attributions:
        for s, e in (*a.content, *(a.source or ()), *(a.cue or ())):
            if not 0 <= s <= e <= len(text):
                raise RejectedInput(str(ann_path), f"span {s}-{e} outside the {len(text)}-char text")
    return BratDoc(txt.stem, text, attributions)
