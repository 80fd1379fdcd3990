"""Timeline and event date: normalised dates, each with the sentences that carry it.

Input → output: an :class:`~crosswire.models.Alignment` (its extraction's TIMEX3 time
expressions, its facts) → the event date (a TIMEX3 value) and sorted
:class:`~crosswire.models.TimelineEntry` tuples.

The event date is the DATE value backed by the most independent sources among sentences
that tell the main event (the lead sentences — counted below any headline and deck lines the
text kept — and sentences of corroborated facts): "on
Tuesday" and "on July 1, 2025" count as one value once normalised. A TIME counts as its day
only when it names that day ("Thursday evening"; not "around 10 a.m."). The day a statement
was made ("…, police said Friday") and a date after every report's publication (a plan)
count only when nothing else dates the event.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from types import EllipsisType

from crosswire.align import family_map
from crosswire.align.backing import mostly_own_news, surer_than_sources
from crosswire.align.claims import is_boilerplate, trim_sentence
from crosswire.align.conflicts import SAYING_VERBS, governing_verb, year_names_a_thing
from crosswire.align.features import content_words, jaccard, quote_balance
from crosswire.models import Alignment, AnnotatedDocument, Citation, Fact, TimeExpression, TimelineEntry
from crosswire.wordlists import CALENDAR_ABBREVIATIONS, CALENDAR_NAMES

__all__ = ["event_date", "timeline"]

_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DAY_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")  # a TIME value on a known day: 2010-09-09TEV
# Words by which a time expression names its own day ("Thursday evening", "last night").
_DAY_WORDS = "|".join(sorted(CALENDAR_NAMES | CALENDAR_ABBREVIATIONS))
_NAMES_A_DAY = re.compile(
    rf"\b(?:{_DAY_WORDS}|yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening)"
    r"|\d{1,2}/\d{1,2})\b",
    re.IGNORECASE,
)
# Deictic words inside a quotation point at the day it was *said*, which the publication
# date does not give: "which we're building on here today" in a next-day report.
_DEICTIC = re.compile(
    r"\b(today|tonight|yesterday|tomorrow|this (week|month|year)|last \w+|next \w+)\b", re.I
)
_PRONOUN_START = re.compile(r"^\W*(he|she|they|it|this|these|those|its|their)\b", re.I)


def _sentence_of(adoc: AnnotatedDocument, t: TimeExpression) -> tuple[int, int, int] | None:
    """(trimmed start, end, sentence index) of the sentence holding ``t``.

    A sentence splitter may cut inside a quotation (‘"We're eager … goals. They're deep
    and ongoing”, Hegseth said … on Tuesday.’): when the sentence closes a quotation that
    the previous sentence of its paragraph opened, or opens one the next closes, the two are
    one sentence for the reader.
    """
    doc = adoc.document
    for k, s in enumerate(adoc.sentences):
        if s.start <= t.start and t.end <= s.end:
            a, b = trim_sentence(doc, s.start, s.end)
            if not (a <= t.start and t.end <= b):
                return None  # the expression sits in a dateline or credit that was trimmed away
            if k > 0 and quote_balance(doc.text[a:b]) < 0:
                prev = adoc.sentences[k - 1]
                pa, pb = trim_sentence(doc, prev.start, prev.end)
                if pb > pa and quote_balance(doc.text[pa:pb]) > 0 and "\n\n" not in doc.text[pb:a]:
                    a = pa
            elif k + 1 < len(adoc.sentences) and quote_balance(doc.text[a:b]) > 0:
                # and the other way: the date is in the piece that opens the quotation
                nxt = adoc.sentences[k + 1]
                na, nb = trim_sentence(doc, nxt.start, nxt.end)
                if nb > na and quote_balance(doc.text[na:nb]) < 0 and "\n\n" not in doc.text[b:na]:
                    b = nb
            return a, b, s.index
    return None


_HEADING_WORDS = 18  # the longest headline or deck line (the text reader's headline limit)


def _heading_sentences(adoc: AnnotatedDocument) -> int:
    """How many sentences the headline and deck lines above a report's first paragraph of prose
    hold ("Clinton: Trump's view of the world is 'dangerously wrong'; ¶ In speech to AIPAC, she
    attacks …"), lines a text file keeps when its reader took none of them for the title.
    They tell the event too, so they stay in the lead; the lead's count starts below them.
    Nothing is a heading when more than three short lines come first (a list, hard-wrapped
    copy) or no line of prose follows."""
    text = adoc.document.text
    end = lines = 0
    for line in text.splitlines(keepends=True):
        words = len(line.split())
        if words > _HEADING_WORDS:
            break
        end += len(line)
        lines += 1 if words else 0
        if lines > 3:
            return 0
    else:
        return 0
    return sum(1 for s in adoc.sentences if s.start < end)


# Clauses and phrases that describe a noun: a date inside one dates the noun's past.
_NOUN_MODIFIERS = frozenset({"acl", "relcl", "appos"})


def _describes_a_past_thing(adoc: AnnotatedDocument, t: TimeExpression, first_year: str | None) -> bool:
    """A date of a year before every report, inside a clause that describes a noun ("near
    L’Aquila, a city devastated by an earthquake in 2009 that killed 309 people"): history
    told of the noun. Under 2009 the timeline would show the sentence whose news is the quake
    that hit this week; "Hegseth, who met Jaishankar on Tuesday, said …" stays dated."""
    if first_year is None or adoc.doc is None or not t.value or t.value[:4] >= first_year:
        return False
    b0, b1 = adoc.document.to_body(t.start, t.end)
    span = adoc.doc.char_span(b0, b1, alignment_mode="contract") if b1 > b0 else None
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.head.i != tok.i:
        if tok.dep_ in _NOUN_MODIFIERS and tok.i != span.root.i:
            return True
        tok = tok.head
    return False


def _dated(alignment: Alignment) -> list[tuple[TimeExpression, int, int, int]]:
    annotated = {a.document.id: a for a in alignment.extraction.story.documents}
    years = [a.document.published[:4] for a in annotated.values() if a.document.published]
    first_year = min(years) if years else None
    quoted = [(q.document, q.start, q.end) for q in alignment.extraction.quotes if q.kind != "indirect"]
    # "did not respond to requests for comment on Tuesday" dates the reporting, not the story
    silent = [(n.document, n.start, n.end) for n in alignment.extraction.sourcing if n.kind == "no comment"]
    out = []
    for t in alignment.extraction.times:
        if any(d == t.document and s <= t.start and t.end <= e for d, s, e in silent):
            continue
        if t.type in ("DATE", "TIME") and t.value and _DAY_TIME.match(t.value):
            if not _NAMES_A_DAY.search(t.text):
                continue  # "around 10 a.m.": a clock time put on the publication day, a guess
            t = replace(t, type="DATE", value=t.value[:10])  # "Thursday evening": its day
        if t.type != "DATE" or not t.value or not _DATE_VALUE.match(t.value) or t.document not in annotated:
            continue
        if _DEICTIC.search(t.text) and any(
            d == t.document and s <= t.start and t.end <= e for d, s, e in quoted
        ):
            continue
        if year_names_a_thing(annotated[t.document], t) or _describes_a_past_thing(
            annotated[t.document], t, first_year
        ):
            continue
        where = _sentence_of(annotated[t.document], t)
        if where is not None and not is_boilerplate(annotated[t.document].document.text[where[0] : where[1]]):
            out.append((t, *where))  # a "posted in … on <date>" line or a URL dates no event
    return out


def _facts_at(facts: tuple[Fact, ...], doc: str, start: int, end: int) -> list[Fact]:
    return [
        f for f in facts if any(c.document == doc and c.start < end and start < c.end for c in f.citations)
    ]


def event_date(alignment: Alignment, *, lead_sentences: int = 2) -> str | None:
    """The most supported DATE value of the main event (day precision preferred).

    None when nothing dates the event, or when only a year or month does and the story
    dates a day in a later year: the coarse date is then history told as background.
    """
    family_of: Mapping[str, str] = family_map(alignment.extraction.story.story)
    annotated = {x.document.id: x for x in alignment.extraction.story.documents}
    dated = _dated(alignment)
    telling: list[tuple[TimeExpression, float]] = []
    said: list[tuple[TimeExpression, float]] = []
    heading = {doc_id: _heading_sentences(adoc) for doc_id, adoc in annotated.items()}
    for t, a, b, index in dated:
        assert t.value is not None
        facts = _facts_at(alignment.facts, t.document, a, b)
        backed = max((f.independent_sources for f in facts), default=1)
        index -= heading.get(t.document, 0)  # the lead is counted from the first line of prose
        if index >= lead_sentences and backed < 2:
            continue  # a date in a side remark, not in the telling of the event
        # "…, police said Friday": the day of the statement, not of what it reports
        saying = governing_verb(annotated.get(t.document), t.start, t.end) in SAYING_VERBS
        (said if saying else telling).append((t, backed + (1.0 if index < lead_sentences else 0.0)))
    support: dict[str, set[str]] = defaultdict(set)
    weight: dict[str, float] = defaultdict(float)
    for t, w in telling or said:
        assert t.value is not None
        support[t.value].add(family_of.get(t.document, t.document))
        weight[t.value] += w
    if not support:
        return None
    # A date after every report was published is a plan ("a November 22, 2013 release date"
    # in reports of April 2012), not what happened: the event is one of the others, if any.
    published = [
        d.published[:10] for d in (a.document for a in alignment.extraction.story.documents) if d.published
    ]
    latest = max(published, default=None)
    past = [v for v in support if latest is None or v <= latest[: len(v)]]
    if past:
        support = {v: support[v] for v in past}
    full = [v for v in support if len(v) == 10]
    if not full:
        # Only a year or a month tells the event ("struck down by the court, most recently in
        # 1990"), while the story dates a later day ("November 29, 2016", in a side remark):
        # the coarse date is background history, not the event. Say nothing rather than that.
        later_days = {t.value[:4] for t, *_ in dated if t.value is not None and len(t.value) == 10}
        if later_days and max(later_days) > max(v[:4] for v in support):
            return None
    return max(full or list(support), key=lambda v: (len(support[v]), weight[v], v))


def _actors(
    alignment: Alignment, kinds: frozenset[str] = frozenset({"PERSON", "ORG", "FAC"})
) -> list[tuple[str, int, int, str]]:
    """(document, start, end, key) of every person, organisation or facility named: who and where."""
    ex = alignment.extraction
    if ex.entities:
        return [
            (m.document, m.start, m.end, e.id) for e in ex.entities if e.type in kinds for m in e.mentions
        ]
    return [
        (m.document, m.start, m.end, m.text)
        for a in ex.story.documents
        for m in a.mentions
        if m.label in kinds
    ]


def timeline(alignment: Alignment, *, event: str | EllipsisType | None = ...) -> tuple[TimelineEntry, ...]:
    """One entry per date and event, cited by every sentence that dates it, sorted by date.

    Two dated sentences are one event when they carry the same fact, share many words, or
    name at least two of the same people, organisations or places on the same date ("met
    at the Pentagon on Tuesday" / "Hegseth … at the Pentagon on July 1, 2025"); a sentence
    naming no person on the story's event date ("The meeting took place on Tuesday during
    the Quad summit") refers back to the main event. An entry whose date rests only on
    relative words of undated reports is marked ``inferred``. ``event``: the story's event date,
    when the caller has it (:func:`event_date`; computed here otherwise).
    """
    documents = {a.document.id: a.document for a in alignment.extraction.story.documents}
    actors = _actors(alignment)
    people = _actors(alignment, frozenset({"PERSON"}))
    main = event_date(alignment) if isinstance(event, EllipsisType) else event

    def named(doc: str, a: int, b: int, *, among: list[tuple[str, int, int, str]] = actors) -> set[str]:
        return {key for d, s, e, key in among if d == doc and a <= s and e <= b}

    def same_event(x: tuple[str, int, int], y: tuple[str, int, int]) -> bool:
        if {f.id for f in _facts_at(alignment.facts, *x)} & {f.id for f in _facts_at(alignment.facts, *y)}:
            return True
        wx = content_words(documents[x[0]].text[x[1] : x[2]])
        wy = content_words(documents[y[0]].text[y[1] : y[2]])
        return jaccard(wx, wy) >= 0.3 or len(named(*x) & named(*y)) >= 2

    entries: list[tuple[str, list[tuple[str, int, int]]]] = []
    dated = _dated(alignment)
    for t, a, b, _ in dated:
        assert t.value is not None
        here = (t.document, a, b)
        if any(value == t.value and here in members for value, members in entries):
            continue
        # join every entry of that date telling the same event (merging them, so the
        # order the sentences come in does not split one event in two)
        hits = [e for e in entries if e[0] == t.value and any(same_event(here, m) for m in e[1])]
        if not hits and t.value == main and not named(*here, among=people):
            # "The meeting took place on Tuesday during the Quad summit": no one of its own
            # on the day of the story's event — it refers back to the main event
            hits = sorted((e for e in entries if e[0] == t.value), key=lambda e: -len(e[1]))[:1]
        if not hits:
            entries.append((t.value, [here]))
            continue
        first = hits[0]
        for other in hits[1:]:
            first[1].extend(other[1])
            entries.remove(other)
        first[1].append(here)

    # A sentence with several dates ("Between 1991 and 1998, … until he returned in June
    # 1999"; "On Wednesday night, the president portrayed Mr. Trump as … camps that Mr. Obama
    # argued in 2004 were unhealthy") is told once, under its most precise date (the earliest
    # of equals), not once per date; an entry left with no sentence of its own goes.
    home: dict[tuple[str, int, int], str] = {}
    dates_of: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    for value, members in entries:
        for m in members:
            dates_of[m].add(value)
            if m not in home or (len(value), home[m]) > (len(home[m]), value):
                home[m] = value
    # Two reports' wordings of one fact are told once too: "Weaver told CNN Tuesday that … the
    # convention in July" and "Weaver told CNN that … the convention in July" go under Tuesday,
    # when every date of the one is a date of the other.
    joins: dict[tuple[str, int, int], tuple[str, int, int]] = {}
    fact_ids = {m: {f.id for f in _facts_at(alignment.facts, *m)} for m in home}
    for y in home:
        for x in home:
            if (
                x[0] != y[0]
                and fact_ids[x] & fact_ids[y]
                and dates_of[y] <= dates_of[x]
                and len(home[x]) > len(home[y])
                and (y not in joins or len(home[x]) > len(home[joins[y]]))
            ):
                joins[y] = x
    for y in joins:
        while joins[y] in joins:  # a wording joined to one that joined another: told with the last
            joins[y] = joins[joins[y]]
    for y, x in joins.items():
        home[y] = home[x]
    entries = [
        (
            value,
            [m for m in members if home[m] == value]
            + [y for y, x in joins.items() if x in members and home[x] == value and y not in members],
        )
        for value, members in entries
    ]
    entries = [(value, members) for value, members in entries if members]
    out = []
    for value, members in entries:
        cites: list[Citation] = [documents[d].cite(a, b) for d, a, b in members]
        # a date read only from relative words of undated reports (against the story's
        # publication date) is shown as inferred
        spans = set(members)
        inferred = all(
            t.anchor_source == "story"
            for t, a, b, _ in dated
            if t.value == value and (t.document, a, b) in spans
        )
        # the entry reads best from a sentence that starts on its own and names who and where,
        # states nothing more surely than most reports of it do, and is not one report's own
        # news told around what the others say
        best = min(
            cites,
            key=lambda c: (
                surer_than_sources(alignment.facts, alignment.extraction.hedges, c.document, c.start, c.end),
                len(cites) > 1
                and mostly_own_news(alignment.facts, documents[c.document].text, c.document, c.start, c.end),
                bool(_PRONOUN_START.match(c.text)) or c.text[:1] in "\"“‘'",
                -len(named(c.document, c.start, c.end)),
                len(c.text),
            ),
        )
        # the sentence shown is cited first, where a reader looks for it
        ordered = (best, *(c for c in cites if c is not best))
        out.append(TimelineEntry(date=value, text=best.text, citations=ordered, inferred=inferred))
    out.sort(key=lambda e: (e.date, -len(e.citations)))
    return tuple(out)
