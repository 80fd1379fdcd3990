"""Credit lines: who the copy really comes from, and the lines that say it.

Input → output: one line (or the end of the last line) of the original text → a
:class:`CreditMatch` (what to delete, the agency named, the span that names it) or None.

A *credit line* is a whole line that only credits copy: ``Based On A PTI Report``,
``(With inputs from PTI, ANI)``, ``— PTI``, ``(Reuters)``, ``Source: AFP``, ``PTI SKU RHL``
(PTI's sign-off codes), ``(With inputs from agencies)`` (a credit naming no agency: removed,
``credit`` stays None). A *bare* one — only the name, ``ASSOCIATED PRESS.`` — credits the
story at either end of the text, but in the middle it is a photo caption's credit: it is
removed there without crediting the story. A *syndication note* — "This story has not been edited by … staff and
is auto-generated from a syndicated feed" — marks wire copy without naming the wire.
A *sign-off* (``Reporting by …; Editing by …``, ``Edited by …``, ``Compiled by …``, ``… writer
Jane Doe contributed to this report.``, which credits no agency) is recognised only among the
last lines, where it cannot be a sentence of the story.
An *inline* credit ends the last paragraph: ``… it added. — PTI``, ``… said. (Reuters)``,
``… (With inputs from ANI)``.
A *byline* (``By MARIA ROSSI and JOHN SMITH, Associated Press``, ``By Jane Doe | Reuters``,
``By Jane Doe, Staff Writer``) is recognised only above the first paragraph; it credits the
agency it names, if any ("By …, Associated Press" is AP's copy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.clean.agencies import AGENCY_LIST, agency_names
from crosswire.wordlists import CALENDAR_NAMES

__all__ = ["CreditMatch", "byline", "credit_line", "inline_credit", "signoff_line", "syndication_note"]

_LEAD = r"(?i:with[ \t]+(?:additional[ \t]+)?inputs?[ \t]+from|inputs?[ \t]+from|based[ \t]+on[ \t]+(?:an?[ \t]+)?(?:reports?[ \t]+(?:from|by)[ \t]+)?|source[ \t]*:|sources[ \t]*:|courtesy[ \t]*:?|via|from|by|credit[ \t]*:)?"
_TAIL = r"(?i:[ \t]+(?:reports?|copy|inputs|wire|feed|news[ \t]+agency|news[ \t]+service))?"
_CODES = r"(?:[ \t]+[A-Z]{2,4}){0,4}"  # PTI's desk codes: "PTI SKU RHL"
_CREDIT_LINE = re.compile(
    rf"[(\[]?[ \t]*(?:[-—–]+[ \t]*)?{_LEAD}[ \t]*(?i:the[ \t]+)?(?P<agencies>{AGENCY_LIST}){_TAIL}{_CODES}"
    r"[ \t]*\.?[ \t]*[)\]]?[ \t]*\.?"
)
_SYNDICATION = re.compile(
    r"(?i)[(\[]?.{0,120}(?:not[ \t]+been[ \t]+edited|auto-?generated|published|reproduced)\b.{0,120}"
    r"(?:syndicated|agency|wire)[ \t]+(?:feed|copy)\b.{0,80}"
)
_SIGNOFF = re.compile(
    r"(?i)[(\[]?[ \t]*(?:\(?(?:additional[ \t]+)?reporting|writing|editing|edited|compiled|written|produced|translated)"
    r"[ \t]+by[ \t]+.{1,160}"
)
# "Associated Press writer Frances D'Emilio in Rome contributed to this report.": who helped
# write it, not what happened. It credits no one: a paper's own story that AP "contributed to"
# is not AP's copy.
_CONTRIBUTED = re.compile(
    r"(?i)[(\[]?[ \t]*(?:[\w.'’-]+[ \t,]+){1,14}contributed[ \t]+"
    r"(?:reporting|to[ \t]+this[ \t]+(?:report|story|article))(?:[ \t]+from[ \t]+[\w .,'’-]{1,40}?)?[ \t]*\.?[)\]]?"
)
_INLINE = re.compile(
    rf"(?:[ \t]*[-—–]+[ \t]*(?P<dash>{AGENCY_LIST})|[ \t]*\([ \t]*(?P<paren>{AGENCY_LIST})[ \t]*\)"
    rf"|[ \t]*[(\[][ \t]*(?i:with[ \t]+(?:additional[ \t]+)?inputs?[ \t]+from)[ \t]+(?P<inputs>{AGENCY_LIST})[ \t]*\.?[ \t]*[)\]])"
    r"[ \t]*\.?[ \t]*\Z"
)
# A byline: "By" and one to four names (two to four capitalised words each), then the
# writers' outlet or title in capitalised words ("Associated Press", "Staff Writer", "The
# Washington Post"). No lower-case word but "of the …" — "By Tuesday, rebels held …" is text.
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|da|del|van|von|der|le|la|al|bin)"
_NAME = rf"(?!(?i:the)\b)[A-Z][\w'’.-]*(?:[ \t]+{_NAME_WORD}){{1,3}}"
_AFFILIATION = (
    r"(?:[A-Z][\w'’.&-]*|of|the|for|and|at|to)(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|the|for|and|at|to)){0,5}"
)
_BYLINE = re.compile(
    rf"(?i:by)[ \t]+(?P<names>{_NAME}(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*){_NAME}){{0,3}})"
    rf"(?:[ \t]*[,|/–—-][ \t]*(?P<affiliation>{_AFFILIATION}))?[ \t]*\.?"
)
# The Guardian's and others' byline without "By": the writers and where they file from, or
# their post ("Angela Giuffrida in Rome", "Lorenzo Tondo and Angela Giuffrida in Palermo",
# "Angela Giuffrida, Rome correspondent"). A line that is only this has no verb: no sentence.
_BYLINE_IN = re.compile(
    rf"(?P<names>{_NAME}(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+){_NAME}){{0,2}})"
    r"(?:[ \t]+in[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}"
    r"|[ \t]*,[ \t]*(?:[A-Za-z][\w'’.-]*[ \t]+){0,3}(?i:correspondent|editor|reporter|writer|bureau chief))"
)
_NOT_NAMES = CALENDAR_NAMES | {
    "the", "then", "now", "law", "order", "contrast", "comparison", "far", "early", "late", "mid",
}  # fmt: skip
_MAX_BYLINE_WORDS = 16
_SYNDICATION_WORDS = ("syndicated", "agency", "wire")
_MAX_SIGNOFF_WORDS = 24
_MAX_CREDIT_CHARS = 160
_MAX_INLINE_CHARS = 120
_MAX_NOTE_CHARS = 400


@dataclass(frozen=True, slots=True)
class CreditMatch:
    start: int  # delete [start, end) of the original
    end: int
    agency: str | None  # normalised first agency named, None for "agencies"
    span: tuple[int, int]  # the credit as it reads in the original, trimmed
    #: "line" (a credit line), "bare" (only an agency's name: a story credit at the ends of the
    #: text, a photo credit in the middle), "syndication", "signoff" or "inline".
    kind: str = "line"


def credit_line(text: str, start: int, end: int) -> CreditMatch | None:
    """The credit line ``text[start:end]`` (a stripped line), or None."""
    if end - start > _MAX_CREDIT_CHARS:
        return None  # a paragraph, not a credit (and the long regex is not worth running)
    m = _CREDIT_LINE.fullmatch(text, start, end)
    if not m:
        return None
    names = agency_names(m.group("agencies"))
    bare = text[start:end].rstrip(". \t") == m.group("agencies")
    return CreditMatch(start, end, names[0] if names else None, (start, end), "bare" if bare else "line")


def byline(text: str, start: int, end: int) -> CreditMatch | None:
    """A "By Jane Doe, Associated Press" or "Angela Giuffrida in Rome" line (only call it above
    the first paragraph), or None."""
    line = text[start:end]
    if len(line.split()) > _MAX_BYLINE_WORDS:
        return None
    if (m := _BYLINE.fullmatch(line) or _BYLINE_IN.fullmatch(line)) is None:
        return None
    if any(w.lower() in _NOT_NAMES for w in re.findall(r"[\w'’]+", m.group("names"))):
        return None  # "By Monday Morning", "By Law Enforcement Officials": not writers
    # the outlet may have been read as one more name ("… and JOHN SMITH, Associated Press")
    names = agency_names(line[m.start("names") :])
    return CreditMatch(start, end, names[0] if names else None, (start, end), "byline")


def syndication_note(text: str, start: int, end: int) -> CreditMatch | None:
    """A "this story … is auto-generated from a syndicated feed" line, or None."""
    line = text[start:end]
    low = line.lower()
    if len(line) > _MAX_NOTE_CHARS or not any(w in low for w in _SYNDICATION_WORDS):
        return None  # cheap test first: most lines are paragraphs without these words
    if not _SYNDICATION.fullmatch(line):
        return None
    names = agency_names(line)
    return CreditMatch(start, end, names[0] if names else None, (start, end), "syndication")


def signoff_line(text: str, start: int, end: int) -> CreditMatch | None:
    """A "Reporting by …; Editing by …" line (only call it on the last lines), or None."""
    line = text[start:end]
    if len(line.split()) > _MAX_SIGNOFF_WORDS:
        return None
    if "contributed" in line.lower() and _CONTRIBUTED.fullmatch(line):
        return CreditMatch(start, end, None, (start, end), "signoff")
    if not _SIGNOFF.fullmatch(line):
        return None
    names = agency_names(line)
    return CreditMatch(start, end, names[0] if names else None, (start, end), "signoff")


def inline_credit(text: str, start: int, end: int) -> CreditMatch | None:
    """A credit closing the line ``text[start:end]`` ("… it added. — PTI"), or None."""
    # The credit is at the end: search only the line's tail, not every start position.
    m = _INLINE.search(text, max(start, end - _MAX_INLINE_CHARS), end)
    if not m or m.start() == start:
        return None  # a line that is only a credit is a credit line, not an inline credit
    group = "dash" if m.group("dash") else "paren" if m.group("paren") else "inputs"
    names = agency_names(m.group(group))
    s = m.start()
    while s < m.end() and text[s] in " \t":
        s += 1
    e = m.end()
    while e > s and text[e - 1] in " \t":
        e -= 1
    return CreditMatch(m.start(), m.end(), names[0] if names else None, (s, e), "inline")
