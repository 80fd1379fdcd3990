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
- a run with one line break becomes ``"\n"`` (a line break inside a paragraph stays) — or
  ``" "`` when the text is hard-wrapped (:func:`hard_wrapped`: plain-text wire copy and
  e-mail break lines at a fixed width, mid-sentence, and a quotation or a sentence runs on
  over the break);
- any other run becomes one ``" "``, mapped to the run's first space (else its first character).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from crosswire.models import OffsetMap

__all__ = ["Line", "collapse", "hard_wrapped", "split_lines"]

_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Whitespace runs other than the plain single space between two words, which stays as it is
# (most runs are that space: skipping them keeps the run map and the loop below short).
_WS = re.compile(r"[^\S ]\s*| \s+")
#: A wrapped line is at most this long (72–80 is usual; some wrap at 100).
_WRAP_WIDTH = 100
#: How a line that ends a sentence or a quotation ends.
_CLOSED = '.!?:;"”’)]'


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


def hard_wrapped(text: str, lines: list[Line]) -> bool:
    """True when single line breaks are soft wraps: no line is longer than ``_WRAP_WIDTH`` and
    at least half of the lines another line follows in the same paragraph end mid-sentence.

    One paragraph a line (scraped pages, most saved articles) has long lines or lines that
    end sentences; a text wrapped at 72 columns has neither.
    """
    content = [ln for ln in lines if not ln.blank]
    if len(content) < 3 or max(ln.end - ln.start for ln in content) > _WRAP_WIDTH:
        return False
    inner = [a for a, b in pairwise(lines) if not a.blank and not b.blank]
    if len(inner) < 2:
        return False
    open_ends = sum(1 for ln in inner if text[ln.end - 1] not in _CLOSED)
    return open_ends * 2 >= len(inner)


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(r for r in ranges if r[1] > r[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def collapse(
    text: str, deletions: Iterable[tuple[int, int]] = (), *, unwrap: bool = False
) -> tuple[str, OffsetMap]:
    """The clean view of ``text`` minus ``deletions``, and its run map (see the module docstring).

    ``unwrap``: a single line break is a space (the text is hard-wrapped).
    """
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
        if breaks and (len(breaks) > 1 or not unwrap):
            for b in breaks[:2]:
                p = m.start() + b.end() - 1  # of "\r\n" keep the "\n"
                kept.append((p, p + 1, "\n"))
        elif breaks:
            p = m.start() + breaks[0].start()  # a soft wrap: the break is a space
            kept.append((p, p + 1, " "))
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
