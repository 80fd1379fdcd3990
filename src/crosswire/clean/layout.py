"""Lines of the original text, and the whitespace collapse that builds the clean view.

Input → output: the original text + the character ranges other modules chose to delete →
``(clean, OffsetMap)``.

Every clean character comes from one original position, in order, so the run map is exact:
``offsets.to_original(i)`` is where clean character ``i`` came from, and it is that same
character except for whitespace, which is written in plain form — a space ``" "`` or a line
break ``"\n"`` — so later stages never meet tabs, no-break spaces or ``\r\n`` (spaCy, for one,
splits tokens only on plain spaces). Whitespace runs are collapsed:

- leading and trailing whitespace is dropped;
- a run holding two or more line breaks is a paragraph break, ``"\n\n"``, mapped to its
  first two line breaks — five blank lines become one break;
- a run with one line break becomes ``"\n"`` (a line break inside a paragraph stays);
- any other run becomes one ``" "``, mapped to the run's first space (else its first character).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from crosswire.models import OffsetMap

__all__ = ["Line", "collapse", "split_lines"]

_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Whitespace runs other than the plain single space between two words, which stays as it is
# (most runs are that space: skipping them keeps the run map and the loop below short).
_WS = re.compile(r"[^\S ]\s*| \s+")


@dataclass(frozen=True, slots=True)
class Line:
    """One line: content ``[start, end)`` without surrounding whitespace; terminator up to ``next``."""

    index: int
    start: int  # first non-space character (== end for a blank line)
    end: int  # after the last non-space character
    line_start: int  # where the line begins (leading whitespace included)
    next: int  # where the next line begins (after the line break)

    @property
    def blank(self) -> bool:
        return self.start == self.end


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (``str.splitlines`` boundaries), with stripped content bounds."""
    lines: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.splitlines(keepends=True)):
        content = raw.rstrip(_BREAKS)
        stripped = content.strip()
        lead = len(content) - len(content.lstrip())
        start = pos + lead
        lines.append(Line(i, start, start + len(stripped), pos, pos + len(raw)))
        pos += len(raw)
    return lines


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(r for r in ranges if r[1] > r[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def collapse(text: str, deletions: Iterable[tuple[int, int]] = ()) -> tuple[str, OffsetMap]:
    """The clean view of ``text`` minus ``deletions``, and its run map (see the module docstring)."""
    # 1. The surviving segments (original ranges) and the virtual text they make.
    segments: list[tuple[int, int]] = []
    pos = 0
    for s, e in _merge(deletions):
        if s > pos:
            segments.append((pos, s))
        pos = max(pos, e)
    if pos < len(text):
        segments.append((pos, len(text)))
    virtual = "".join(text[s:e] for s, e in segments)
    seg_vstarts: list[int] = []
    acc = 0
    for s, e in segments:
        seg_vstarts.append(acc)
        acc += e - s

    # 2. Kept ranges of the virtual text: non-space stretches whole, whitespace runs reduced
    #    to one or two characters, each written as a plain " " or "\n".
    kept: list[tuple[int, int, str | None]] = []  # (start, end, replacement for a 1-char range)
    last = len(virtual) - len(virtual.lstrip())  # leading and trailing whitespace dropped
    stop = len(virtual.rstrip())
    for m in _WS.finditer(virtual, last, stop):
        if m.start() > last:
            kept.append((last, m.start(), None))
        last = m.end()
        run = m.group(0)
        breaks = list(_BREAK.finditer(run))
        if breaks:
            for b in breaks[:2]:
                p = m.start() + b.end() - 1  # of "\r\n" keep the "\n"
                kept.append((p, p + 1, "\n"))
        else:
            space = run.find(" ")
            p = m.start() + (space if space >= 0 else 0)
            kept.append((p, p + 1, " "))
    if last < stop:
        kept.append((last, stop, None))

    # 3. Map kept virtual ranges to original runs (split where segments end), merging neighbours.
    clean_starts: list[int] = []
    orig_starts: list[int] = []
    lengths: list[int] = []
    parts: list[str] = []
    clean_pos = 0
    seg_i = 0
    for vs, ve, replacement in kept:
        while vs < ve:
            while seg_vstarts[seg_i] + (segments[seg_i][1] - segments[seg_i][0]) <= vs:
                seg_i += 1
            seg_start, seg_end = segments[seg_i]
            offset = vs - seg_vstarts[seg_i]
            take = min(ve - vs, (seg_end - seg_start) - offset)
            o = seg_start + offset
            if lengths and orig_starts[-1] + lengths[-1] == o:
                lengths[-1] += take
            else:
                clean_starts.append(clean_pos)
                orig_starts.append(o)
                lengths.append(take)
            parts.append(replacement if replacement is not None else text[o : o + take])
            clean_pos += take
            vs += take
    return "".join(parts), OffsetMap(tuple(clean_starts), tuple(orig_starts), tuple(lengths))
