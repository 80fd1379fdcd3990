"""When the words of a quote group were said, and when they were first reported.

Input → output: quote groups (:func:`~crosswire.align.quotes.group_quotes`), the story's
quotes, time expressions, annotated documents (their parse) and documents → the same groups
with ``said_on`` (a day, and the words of a report that date the saying) and
``first_reported`` (the earliest publication date of the reports that carry them).

A report dates a saying with a time expression that hangs on the verb of its cue in the
parse, outside the quoted words: "The US on Wednesday said that …", "Hegseth, during a
meeting … on July 1, 2025, expressed optimism that …", "“…,” he said at the start of their
meeting on Tuesday", "Mangoni, testifying Tuesday, said …". Not taken:

- a date that hangs on another verb of the sentence: it dates something else ("… had not
  been made public Friday, and co-workers said …"), or on the speaker's noun ("the nominee
  for the Nov. 8 election said …");
- any date of a cue in the present tense ("In Atlanta on Tuesday, police say a man shot …":
  a claim made now, the date is the event's) or with a modal ("will argue": a plan);
- a date inside the words: it belongs to what was said ("Great meeting yesterday …" was
  posted the day after the meeting);
- a month or a year ("in February" dates something else in the sentence more often than
  the saying; a clock time on a day gives its day), and a day after the report's own
  publication date (a plan);
- anything in a document without a dependency parse.

Reports that disagree on the day are outvoted, one vote per report; a day read only from
relative words of an undated report ("Wednesday", against the story's earliest publication
date) is marked inferred, as in the timeline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from crosswire.models import AnnotatedDocument, Document, Quote, QuoteDate, QuoteGroup, TimeExpression

__all__ = ["date_quote_groups", "saying_date"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def saying_date(
    quote: Quote, *, times: Sequence[TimeExpression], annotated: AnnotatedDocument
) -> tuple[TimeExpression, str] | None:
    """The time expression that dates ``quote``'s saying and its day, or None (see the module docstring)."""
    if quote.cue_span is None or annotated.doc is None or not annotated.doc.has_annotation("DEP"):
        return None  # no parse: no date is guessed from word order
    cue = quote.cue_span
    verbs = {t.i for t in _tokens(annotated, cue.start, cue.end) if t.pos_ in ("VERB", "AUX")}
    if not verbs:
        return None  # "according to": no verb to hang a date on
    if any(
        annotated.doc[i].tag_ in ("VBZ", "VBP") or any(c.tag_ == "MD" for c in annotated.doc[i].children)
        for i in verbs
    ):
        # "In Atlanta on Tuesday, police say a man shot …": a claim in the present tense is
        # not a dated saying, and the date in its sentence belongs to the event; "When he
        # returns to court on May 3, Perlo will argue …" is a plan
        return None
    published = annotated.document.published_date
    # the parse chain stays in the cue's sentence: nothing outside it is looked up
    sent = annotated.doc[min(verbs)].sent
    best: tuple[int, TimeExpression, str] | None = None
    for t in times:
        if t.document != quote.document or t.type not in ("DATE", "TIME") or t.value is None:
            continue
        b0, b1 = annotated.document.to_body(t.start, t.end)
        if b0 < sent.start_char or b1 > sent.end_char:
            continue
        if t.start < quote.end and quote.start < t.end:
            continue  # inside the words: it dates what was said, not the saying
        m = _DAY.match(t.value)
        if m is None:
            continue
        day = m.group()
        if published is not None and day > published.isoformat():
            continue  # after the report itself: a plan
        tokens = _tokens(annotated, t.start, t.end)
        if not tokens or not _hangs_on(tokens[0], verbs):
            continue
        gap = min(abs(t.start - cue.end), abs(cue.start - t.end))
        if best is None or gap < best[0]:
            best = (gap, t, day)
    return None if best is None else (best[1], best[2])


def _tokens(annotated: AnnotatedDocument, start: int, end: int) -> list[Any]:
    # the spaCy tokens of original characters [start, end) (the parse is over the clean body)
    b0, b1 = annotated.document.to_body(start, end)
    span = annotated.doc.char_span(b0, b1, alignment_mode="expand") if b1 > b0 else None
    return list(span) if span is not None else []


def _hangs_on(token: Any, verbs: set[int]) -> bool:
    """``token`` reaches one of ``verbs`` up the parse without entering another verb's clause;
    a participle or adverbial clause on the way ("testifying Tuesday", "after the shootings")
    is part of the saying's own circumstances, a reported clause ("police say a man shot") is not."""
    through_clause = False
    for _ in range(12):
        if token.i in verbs:
            return True
        if token.head.i == token.i:
            return False
        if token.pos_ in ("VERB", "AUX"):
            if token.dep_ not in ("acl", "advcl"):
                return False
            through_clause = True
        token = token.head
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN") and not through_clause:
            # "The Republican presidential nominee for the Nov. 8 election later said …": a date
            # inside the description of the speaker says who, not when ("Mangoni, testifying
            # Tuesday, said" dates the saying through its participle)
            return False
    return False


def date_quote_groups(
    groups: Sequence[QuoteGroup],
    quotes: Sequence[Quote],
    *,
    times: Sequence[TimeExpression],
    annotated: Mapping[str, AnnotatedDocument],
    documents: Mapping[str, Document],
) -> list[QuoteGroup]:
    """``groups`` with ``said_on`` and ``first_reported`` filled in (see the module docstring)."""
    by_id = {q.id: q for q in quotes}
    times_of: dict[str, list[TimeExpression]] = defaultdict(list)
    for t in times:
        times_of[t.document].append(t)
    out = []
    for g in groups:
        votes: dict[str, list[TimeExpression]] = defaultdict(list)
        voted: set[tuple[str, str]] = set()
        for qid in g.quotes:
            q = by_id.get(qid)
            if q is None or q.document not in annotated:
                continue
            found = saying_date(q, times=times_of[q.document], annotated=annotated[q.document])
            if found is None or (q.document, found[1]) in voted:
                continue
            voted.add((q.document, found[1]))
            votes[found[1]].append(found[0])
        said_on = None
        if votes:
            # most reports first, then a day a report's own date anchors, then the earliest
            day = min(
                votes,
                key=lambda d: (-len(votes[d]), all(t.anchor_source == "story" for t in votes[d]), d),
            )
            ts = sorted(votes[day], key=lambda t: (t.anchor_source == "story", t.document, t.start))
            first = ts[0]
            said_on = QuoteDate(
                date=day,
                citation=documents[first.document].cite(first.start, first.end),
                inferred=all(t.anchor_source == "story" for t in ts),
            )
        published = [d.published[:10] for d in (documents.get(x) for x in g.documents) if d and d.published]
        out.append(replace(g, said_on=said_on, first_reported=min(published) if published else None))
    return out
