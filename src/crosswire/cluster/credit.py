"""Wire credits: which news agency, if any, a text says it comes from.

Input → output: an article's original text → ``list[CreditMention]`` (agency, span, kind,
strength); a :class:`~crosswire.models.Document` → its best :class:`CreditMention`.

A *credit* says the article is (based on) an agency's copy; a *mention* of the agency
("Reuters reported", "told The Associated Press") is not one. So only these forms count:

===============  ==========================================================  ========
kind             form                                                        strength
===============  ==========================================================  ========
``dateline``     ``DALLAS (AP) —``, ``NEW YORK, Nov. 19 (UPI) —``,            1.0
                 ``Washington, July 2 (PTI)`` near the start
``credit-line``  a line that is only the agency: ``— PTI``, ``AFP``,          0.9
                 ``(Reuters)``, among the last lines
``phrase``       ``Based on a PTI report``, ``with inputs from PTI``,         0.9
                 ``Source: IANS``, ``Copyright 2016 The Associated Press``
``signature``    Reuters' ``(Reporting by …; Editing by …)``                  0.8
===============  ==========================================================  ========

Agency acronyms match case-sensitively (``AP`` is not "ap"); the words around them do
not ("Based On A PTI Report"). ``Document.credit`` from the clean stage wins when set;
this detector is its fallback and the source of the span for in-text phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from crosswire.clean.agencies import AGENCY, agency_name
from crosswire.models import Document

__all__ = ["CreditMention", "canonical_agency", "document_credit", "find_credits"]

# One agency list for the whole pipeline: the clean stage's (spellings, normal forms).
_A = AGENCY
_AG = rf"(?:[Tt]he\s+)?(?P<agency>{_A})"

_DATELINE = re.compile(rf"\(\s*{_AG}\s*\)(?=\s*(?:[-—–:]|\n|[A-Z]))")
_LINE = re.compile(rf"^[ \t]*[-—–/(]*[ \t]*{_AG}[ \t]*\)?[ \t.]*$", re.MULTILINE)
_PHRASE = re.compile(
    rf"(?i:(?:based|drawn)\s+on\s+(?:an?\s+)?(?:report\s+by\s+|reports?\s+from\s+)?(?=[^\n]{{0,60}}\b(?-i:{_A})))"
    rf"(?:(?i:the\s+))?(?P<agency>{_A})\b(?:\s+(?i:report|copy|story|despatch|dispatch)s?\b)?"
    rf"|(?i:with\s+(?:additional\s+)?inputs?\s+from\s+(?:(?:agencies|the)\s*(?:,|and)?\s*)?)(?P<agency2>{_A})\b"
    rf"|(?i:source\s*:\s*)(?P<agency3>{_A})\b"
    rf"|(?i:copyright\s+(?:©\s*)?\d{{4}}\s+)(?:(?i:the\s+))?(?P<agency4>{_A})\b"
    rf"|(?i:written\s+by\s+)(?:(?i:the\s+))?(?P<agency5>{_A})\b"
)
_SIGNATURE = re.compile(r"\(?\s*(?i:reporting\s+by)\b[^\n]{0,300}?(?i:editing\s+by)\b[^\n)]*\)?")

Kind = Literal["dateline", "credit-line", "phrase", "signature"]
_STRENGTH: dict[str, float] = {"dateline": 1.0, "credit-line": 0.9, "phrase": 0.9, "signature": 0.8}


@dataclass(frozen=True, slots=True)
class CreditMention:
    """``text[start:end]`` credits ``agency`` (canonical name) in the form ``kind``."""

    agency: str
    start: int
    end: int
    kind: Kind
    strength: float


def canonical_agency(name: str) -> str | None:
    """``"Associated Press"`` → ``"AP"``; None when ``name`` is not a known agency."""
    return agency_name(name)


def _mention(m: re.Match[str], kind: Kind) -> CreditMention | None:
    group = next(g for g in ("agency", "agency2", "agency3", "agency4", "agency5") if m.groupdict().get(g))
    agency = agency_name(m.group(group))
    if agency is None:  # "with inputs from agencies": a credit, but to no agency in particular
        return None
    if kind == "phrase":  # cite the whole phrase ("Based On A PTI Report"), it is the evidence
        start, end = m.start(), m.end()
    else:  # datelines and credit lines: the agency name itself
        start, end = m.start(group), m.end(group)
    return CreditMention(agency, start, end, kind, _STRENGTH[kind])


def find_credits(text: str, *, head: int = 400, tail_lines: int = 4) -> list[CreditMention]:
    """Every credit in ``text`` (original offsets), strongest first, then by position.

    Datelines count only in the first ``head`` characters and credit lines only among the
    last ``tail_lines`` non-empty lines, where agencies put them.
    """
    matches: list[CreditMention | None] = [_mention(m, "dateline") for m in _DATELINE.finditer(text, 0, head)]
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", text))[-tail_lines:]
    if lines:
        matches += [_mention(m, "credit-line") for m in _LINE.finditer(text, lines[0].start())]
    matches += [_mention(m, "phrase") for m in _PHRASE.finditer(text)]
    found = [c for c in matches if c is not None]
    for m in _SIGNATURE.finditer(text):
        # The Reuters signature names no agency: cite the whole signature.
        found.append(CreditMention("Reuters", m.start(), m.end(), "signature", _STRENGTH["signature"]))
    unique = {(c.start, c.end): c for c in found}
    return sorted(unique.values(), key=lambda c: (-c.strength, c.start))


def document_credit(doc: Document) -> CreditMention | None:
    """The document's credit: ``Document.credit`` (from clean) when set, else the strongest in its text.

    One exception: an agency dateline in the text ("ORLANDO, Fla. (Reuters) -") names the
    agency whose copy this is and wins over a different ``Document.credit`` (a stray
    "ASSOCIATED PRESS." photo-credit line, say). A ``Document.credit`` that names no known
    agency ("h/t: The Hill") is kept as given.
    """
    in_text = find_credits(doc.text)
    if not doc.credit:
        return in_text[0] if in_text else None
    agency = canonical_agency(doc.credit) or doc.credit.strip()
    if in_text and in_text[0].kind == "dateline" and in_text[0].agency != agency:
        return in_text[0]
    same = [c for c in in_text if c.agency == agency]
    span = doc.credit_span
    if span is None and same:
        return same[0]
    start, end = (span.start, span.end) if span is not None else (0, 0)
    kind: Kind = "dateline" if any(c.kind == "dateline" for c in same) else "credit-line"
    return CreditMention(agency, start, end, kind, _STRENGTH[kind])
