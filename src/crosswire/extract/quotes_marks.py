"""Quotation-mark pairing: a text → the stretches of it between quotation marks.

Input → output: a string (``Document.body``) → :class:`Quoted` ranges in that string's offsets.

News text mixes every kind of double quotation mark, often wrongly: straight ``"``, curly
``“ ”``, low ``„``, guillemets ``« »``, the typewriter pair ````` ``…'' ````` and the doubled
apostrophe ``''…''`` of wire archives, and mismatched pairs such as ``"…”`` or ``“…"``. Which
glyph opens and which closes is therefore not trusted; a mark *opens* when a word follows it
and *closes* when a word (or sentence punctuation) precedes it, and marks alternate.

Paragraphs: a quotation may run over several paragraphs. By the printers' convention a
paragraph that ends inside a quotation has no closing mark and the next paragraph opens with
a mark again; such a paragraph becomes one :class:`Quoted` with ``continues=True``, and the
next one is its continuation. A paragraph that ends inside a quotation *without* the next
paragraph opening a mark means a stray mark (an inch sign, a typo): that opening is dropped
rather than swallowing the following text. A paragraph that ends inside a quotation with an
attribution tag of its own (", the two men said in a statement.") lost its closing mark: the
quotation ends at the comma before the tag.

Single quotation marks are not paired: ``’`` is also the apostrophe, and single marks in news
copy are nested quotes (inside double ones) or headline style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quoted", "find_quoted"]

# Longest first so that ``''`` wins over a lone ``'`` (which is never a mark on its own).
_MARK = re.compile(r"''|``|[\"“”„‟«»]")
_OPEN_ONLY = frozenset({"“", "„", "‟", "«", "``"})
_CLOSE_ONLY = frozenset({"”", "»"})
# Characters that may stand right before an opening mark / right after a closing mark.
_BEFORE_OPEN = frozenset(" \t\n\r([{―—–-/:;,.!?…") | {""}
_AFTER_CLOSE = frozenset(" \t\n\r)]}―—–-/:;,.!?…'’") | {""}  # ― the quotation dash: '”― Pamela Padilla'
# Trailing punctuation that belongs to the sentence around the quotation, not to the words quoted.
_TRIM_END = ",;: \t\r\n"
# A paragraph that ends inside a quotation with an attribution tag of its own ('"By rolling back
# this rule we are ensuring …, the two men said in a statement.'): the closing mark was left
# out, and the quotation ends at the comma before the tag.
_SAYING = r"(?:said|says|added|adds|told|tells|wrote|writes|stated|states|explained|noted|declared|insisted)"
_TAG_AT_END = re.compile(
    r",\s+(?:"
    # ", the two men said …", not a reported clause inside the quotation (", Kerry said that …")
    r"(?:[A-Z]|the |a |an |his |her |their )[^,.;:!?\"“”„«»\n]{0,80}?\s" + _SAYING + r"\b(?!\s+that\b)"
    r"|" + _SAYING + r"\s+(?:[A-Z]|the |a |an )"  # , said Noah Greenwald …
    r")[^\"“”„«»\n]{0,120}$"
)


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quoted stretch; offsets into the string given to :func:`find_quoted`.

    ``open``/``close`` are the positions of the marks (``close`` is None when the paragraph
    ended inside the quotation and ``continues`` is True); ``start``/``end`` the content,
    without marks, surrounding blanks or a trailing comma, colon or semicolon.
    """

    open: int
    open_len: int
    close: int | None
    close_len: int
    start: int
    end: int
    continues: bool = False
    continued: bool = False  # this paragraph continues the quotation of the previous one

    @property
    def outer_end(self) -> int:
        """End of the stretch including its closing mark."""
        return self.close + self.close_len if self.close is not None else self.end


def _can_open(text: str, pos: int, length: int) -> bool:
    after = text[pos + length : pos + length + 1]
    before = text[pos - 1 : pos] if pos else ""
    return bool(after) and not after.isspace() and (before in _BEFORE_OPEN or before in "\"“”„«»'`")


def _can_close(text: str, pos: int, length: int) -> bool:
    before = text[pos - 1 : pos] if pos else ""
    after = text[pos + length : pos + length + 1]
    return bool(before) and not before.isspace() and (after in _AFTER_CLOSE or after in '"“”„«»')


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    return start, end


def _next_paragraph_opens(text: str, newline: int) -> tuple[int, int] | None:
    """The mark that opens the paragraph after the line break at ``newline``, if any."""
    pos = newline
    while pos < len(text) and text[pos].isspace():
        pos += 1
    m = _MARK.match(text, pos)
    if m and _can_open(text, pos, len(m.group())):
        return pos, len(m.group())
    return None


def find_quoted(text: str, *, min_chars: int = 2) -> list[Quoted]:
    """Every quoted stretch of ``text`` in order; contents shorter than ``min_chars`` are dropped."""
    out: list[Quoted] = []
    open_at: tuple[int, int] | None = None  # (position, length) of the pending opening mark
    continued = False
    pos = 0
    while True:
        m = _MARK.search(text, pos)
        newline = text.find("\n", pos)
        if open_at is not None and newline != -1 and (m is None or newline < m.start()):
            # The paragraph ends inside a quotation.
            tag = _TAG_AT_END.search(text, open_at[0] + open_at[1], newline)
            if tag is not None:
                # …unless it ends with its own attribution: the closing mark is missing.
                start, end = _content(text, open_at[0] + open_at[1], tag.start())
                if end - start >= min_chars:
                    out.append(Quoted(open_at[0], open_at[1], tag.start(), 0, start, end, False, continued))
                open_at, continued, pos = None, False, newline + 1
                continue
            nxt = _next_paragraph_opens(text, newline)
            if nxt is not None:
                start, end = _content(text, open_at[0] + open_at[1], newline)
                if end - start >= min_chars:
                    out.append(Quoted(open_at[0], open_at[1], None, 0, start, end, True, continued))
                open_at, continued, pos = nxt, True, nxt[0] + nxt[1]
            else:
                open_at, continued, pos = None, False, newline + 1  # a stray mark: forget it
            continue
        if m is None:
            break
        mark, mpos, mlen = m.group(), m.start(), len(m.group())
        pos = m.end()
        opens, closes = _can_open(text, mpos, mlen), _can_close(text, mpos, mlen)
        if open_at is None:
            # A clear closer glyph with a word before it and none after cannot open.
            if opens and not (mark in _CLOSE_ONLY and closes and not opens):
                open_at = (mpos, mlen)
            continue
        # A mark with blanks on both sides ('…come back, " Charles said', as detokenised or
        # badly spaced copy writes it) neither opens nor closes by its context; marks
        # alternate, so with a quotation open it closes it (a clear opener glyph does not).
        spaced = not opens and not closes and mark not in _OPEN_ONLY
        if (closes and not (mark in _OPEN_ONLY and opens and not closes)) or spaced:
            start, end = _content(text, open_at[0] + open_at[1], mpos)
            if end - start >= min_chars:
                out.append(Quoted(open_at[0], open_at[1], mpos, mlen, start, end, False, continued))
            open_at, continued = None, False
        elif opens:
            # Two openers in a row: the first one was never closed; trust the later one.
            open_at, continued = (mpos, mlen), False
    return out
