"""Helpers for the quote-tagger tests: gold spans located in a text, brat corpora, offset checks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from crosswire.extract.brat import BratAttribution
from crosswire.models import Quote


def at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """``(start, end)`` of the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def write_brat_corpus(root: Path, docs: Mapping[str, tuple[str, Sequence[BratAttribution]]]) -> Path:
    """Texts and their gold attributions as a brat corpus in PolNeAR's layout (``text/``, ``attributions/``).

    A discontinuous span ("“We will not go back,” … “until …”") is one text-bound annotation
    with ``;``-separated fragments, as brat writes it.
    """
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, (text, gold) in docs.items():
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        lines, t = [], 0
        for e, att in enumerate(gold, 1):
            args = []
            for role, spans in (("Content", att.content), ("Source", att.source), ("Cue", att.cue)):
                t += 1
                spec = ";".join(f"{s} {end}" for s, end in spans or ())
                lines.append(f"T{t}\t{role} {spec}\t{' '.join(text[s:end] for s, end in spans or ())}")
                args.append(f"{role}:T{t}")
            lines.append(f"E{e}\tAttribution:T{t} " + " ".join(args))
        (root / "attributions" / f"{name}_a1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def assert_offsets(quotes: Sequence[Quote], text: str) -> None:
    """Every quote, speaker and cue is the exact text at its offsets."""
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_span is not None:
            assert text[q.speaker_span.start : q.speaker_span.end] == q.speaker_text
        if q.cue_span is not None:
            assert text[q.cue_span.start : q.cue_span.end] == q.cue
