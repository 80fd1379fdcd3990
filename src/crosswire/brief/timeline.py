"""Timeline and event date: normalised dates, each with the sentences that carry it.

Input → output: an :class:`~crosswire.models.Alignment` (its extraction's TIMEX3 time
expressions, its facts) → the event date (a TIMEX3 value) and sorted
:class:`~crosswire.models.TimelineEntry` tuples.

The event date is the DATE value backed by the most independent sources among sentences
that tell the main event (the lead sentences and sentences of corroborated facts): "on
Tuesday" and "on July 1, 2025" count as one value once normalised.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from crosswire.align import family_map
from crosswire.align.claims import trim_sentence
from crosswire.align.features import content_words, jaccard
from crosswire.models import Alignment, AnnotatedDocument, Citation, Fact, TimeExpression, TimelineEntry

__all__ = ["event_date", "timeline"]

_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# Deictic words inside a quotation point at the day it was *said*, which the publication
# date does not give: "which we're building on here today" in a next-day report.
_DEICTIC = re.compile(
    r"\b(today|tonight|yesterday|tomorrow|this (week|month|year)|last \w+|next \w+)\b", re.I
)
_PRONOUN_START = re.compile(r"^\W*(he|she|they|it|this|these|those|its|their)\b", re.I)


def _sentence_of(adoc: AnnotatedDocument, t: TimeExpression) -> tuple[int, int, int] | None:
    """(trimmed start, end, sentence index) of the sentence holding ``t``."""
    for s in adoc.sentences:
        if s.start <= t.start and t.end <= s.end:
            a, b = trim_sentence(adoc.document, s.start, s.end)
            if a <= t.start and t.end <= b:
                return a, b, s.index
            return None  # the expression sits in a dateline or credit that was trimmed away
    return None


def _dated(alignment: Alignment) -> list[tuple[TimeExpression, int, int, int]]:
    annotated = {a.document.id: a for a in alignment.extraction.story.documents}
    quoted = [(q.document, q.start, q.end) for q in alignment.extraction.quotes if q.kind != "indirect"]
    out = []
    for t in alignment.extraction.times:
        if t.type != "DATE" or not t.value or not _DATE_VALUE.match(t.value) or t.document not in annotated:
            continue
        if _DEICTIC.search(t.text) and any(
            d == t.document and s <= t.start and t.end <= e for d, s, e in quoted
        ):
            continue
        where = _sentence_of(annotated[t.document], t)
        if where is not None:
            out.append((t, *where))
    return out


def _facts_at(facts: tuple[Fact, ...], doc: str, start: int, end: int) -> list[Fact]:
    return [
        f for f in facts if any(c.document == doc and c.start < end and start < c.end for c in f.citations)
    ]


def event_date(alignment: Alignment, *, lead_sentences: int = 2) -> str | None:
    """The most supported DATE value of the main event (day precision preferred)."""
    family_of: Mapping[str, str] = family_map(alignment.extraction.story.story)
    support: dict[str, set[str]] = defaultdict(set)
    weight: dict[str, float] = defaultdict(float)
    for t, a, b, index in _dated(alignment):
        assert t.value is not None
        facts = _facts_at(alignment.facts, t.document, a, b)
        backed = max((f.independent_sources for f in facts), default=1)
        if index >= lead_sentences and backed < 2:
            continue  # a date in a side remark, not in the telling of the event
        support[t.value].add(family_of.get(t.document, t.document))
        weight[t.value] += backed + (1.0 if index < lead_sentences else 0.0)
    if not support:
        return None
    full = [v for v in support if len(v) == 10] or list(support)
    return max(full, key=lambda v: (len(support[v]), weight[v], v))


def timeline(alignment: Alignment) -> tuple[TimelineEntry, ...]:
    """One entry per date and statement, cited by every sentence that dates it, sorted by date."""
    documents = {a.document.id: a.document for a in alignment.extraction.story.documents}
    entries: list[tuple[str, list[tuple[str, int, int]]]] = []
    for t, a, b, _ in _dated(alignment):
        assert t.value is not None
        words = content_words(documents[t.document].text[a:b])
        for value, members in entries:
            if value != t.value:
                continue
            d0, a0, b0 = members[0]
            same_fact = {f.id for f in _facts_at(alignment.facts, t.document, a, b)} & {
                f.id for f in _facts_at(alignment.facts, d0, a0, b0)
            }
            if same_fact or jaccard(words, content_words(documents[d0].text[a0:b0])) >= 0.3:
                if (t.document, a, b) not in members:
                    members.append((t.document, a, b))
                break
        else:
            entries.append((t.value, [(t.document, a, b)]))
    out = []
    for value, members in entries:
        cites: list[Citation] = [documents[d].cite(a, b) for d, a, b in members]
        best = min(cites, key=lambda c: (bool(_PRONOUN_START.match(c.text)), len(c.text)))
        out.append(TimelineEntry(date=value, text=best.text, citations=tuple(cites)))
    out.sort(key=lambda e: (e.date, -len(e.citations)))
    return tuple(out)
