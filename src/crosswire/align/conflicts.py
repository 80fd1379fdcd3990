"""Conflicts: where the sources disagree, slot by slot, and only where they really do.

Input → output: the claims of a story, their fact groups, the story's entities, time
expressions and annotated documents → :class:`~crosswire.models.Conflict` list (ids
are assigned by the caller).

Precision over recall: a paraphrase is never a conflict. Each detector needs the
same *slot* filled differently:

- date: two claims of one fact whose DATE values differ at their common granularity,
  governed by the same verb ("met on Tuesday" vs "met on July 2");
- number (in :mod:`crosswire.align.conflicts_numbers`): two claims of one fact that count
  the same unit doing the same thing with values no wording reconciles ("10-year" vs
  "5-year"; not "at least 5" vs "more than 200"); a running tally (dead, injured, arrested …)
  whose higher values first appear in later reports is an *update* instead ("1 dead
  (2 July) → 24 dead (3 July)"), not a conflict;
- person: two claims of one fact that each name exactly one person as the one who acts or
  speaks (a subject or an agent, not "the Bush-era rule"), a different one;
- place: two place names that share a word ("Asia-Pacific" / "Indo-Pacific", "Persian Gulf" / "Arabian Gulf"), never
  appear in one sentence, and fill the same context in different documents;
- sequence: the same event placed before / during / after the same reference event.
Attribution (the same words given to different speakers) comes from quote grouping.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from crosswire.align.claims import Claim, trim_sentence
from crosswire.align.conflicts_numbers import number_conflicts
from crosswire.align.features import STOPWORDS, jaccard, stem
from crosswire.annotate.lexicon import country_for
from crosswire.models import (
    AnnotatedDocument,
    Citation,
    Conflict,
    ConflictSide,
    Document,
    Entity,
    TimeExpression,
)
from crosswire.wordlists import CALENDAR_ABBREVIATIONS, CALENDAR_NAMES

__all__ = [
    "SAYING_VERBS",
    "date_conflicts",
    "governing_verb",
    "number_conflicts",
    "person_conflicts",
    "place_conflicts",
    "sequence_conflicts",
    "year_names_a_thing",
]

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_GENERIC_EVENT = frozenset(
    [
        "meeting",
        "meetings",
        "summit",
        "talks",
        "talk",
        "visit",
        "conference",
        "session",
        "ministerial",
        "minister",
        "ministers",
        "foreign",
        "forum",
        "dialogue",
        "the",
        "a",
        "an",
        "of",
        "and",
    ]
)
_RELATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("after", re.compile(r"\b(?:follows|followed|following|after|on the heels of|in the wake of)\b", re.I)),
    ("before", re.compile(r"\b(?:ahead of|before|precedes|preceded|prior to|in the run-up to)\b", re.I)),
    ("during", re.compile(r"\b(?:during|on the sidelines of|on the margins of|in the margins of)\b", re.I)),
)


def _sentence_citation(doc: Document, adoc: AnnotatedDocument | None, start: int, end: int) -> Citation:
    """Cite the (trimmed) sentence around ``[start, end)``; the span itself when no sentence covers it."""
    if adoc is not None:
        for s in adoc.sentences:
            if s.start <= start and end <= s.end:
                a, b = trim_sentence(doc, s.start, s.end)
                if a <= start and end <= b:
                    return doc.cite(a, b)
                return doc.cite(s.start, s.end)
    return doc.cite(start, end)


def _inside(claim: Claim, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in claim.parts)


# --------------------------------------------------------------------------- dates


def governing_verb(adoc: AnnotatedDocument | None, start: int, end: int) -> str | None:
    """Lemma of the verb a time expression hangs on (None without a parse)."""
    head = _governing_token(adoc, start, end)
    return str(head.lemma_).lower() if head is not None else None


def _governing_token(adoc: AnnotatedDocument | None, start: int, end: int) -> Any:
    """The verb token a time expression hangs on, or None."""
    if adoc is None or adoc.doc is None:
        return None
    b0, b1 = adoc.document.to_body(start, end)
    # the expression's first whole token, found by offset (the brief asks for every date)
    span = adoc.doc.char_span(b0, b1, alignment_mode="contract") if b1 > b0 else None
    if span is None or not len(span):
        return None
    head = span[0]
    for _ in range(6):
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
            break
        head = head.head
    return head if head.pos_ in {"VERB", "AUX"} else None


def _ahead(verb: Any) -> bool | None:
    """Whether a verb tells what is still to come ("will host", "to host"), what has happened
    ("hosted"), or neither can be told (None)."""
    if verb is None:
        return None
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & {"will", "'ll", "shall", "to"}:
        return True
    if verb.tag_ in {"VBD", "VBN"} or auxes & {"has", "have", "had", "was", "were", "did"}:
        return False
    return None


def year_names_a_thing(adoc: AnnotatedDocument, t: TimeExpression) -> bool:
    """A bare year before a noun ("reframed the 2016 presidential contest Saturday", "cited its
    2011 ruling"): it names the contest or the ruling, it does not date what the sentence tells."""
    if adoc.doc is None or not re.fullmatch(r"\d{4}", t.text.strip()):
        return False
    doc = adoc.document
    start, _ = doc.to_body(t.start, t.start)
    span = adoc.doc.char_span(start, start + len(t.text.strip()), alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    modifies = tok.dep_ in {"compound", "nummod", "amod", "nmod"} and tok.head.i > tok.i
    if modifies and tok.head.pos_ in {"NOUN", "PROPN"}:
        return True
    # "his gray 2013 Toyota Camry", "police told 1010 WINS": a name follows and no preposition
    # or clause edge comes before, whatever the parser made of it ("in 2013 Obama won" dates)
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    named = (
        nxt is not None
        and (nxt.pos_ == "PROPN" or (nxt.is_upper and len(nxt.text) > 1))  # "1010 WINS": tagged a noun
        and nxt.text[:1].isupper()
        and nxt.lower_ not in CALENDAR_NAMES
        and nxt.lower_ not in CALENDAR_ABBREVIATIONS
    )
    return bool(named and prev is not None and prev.pos_ in {"DET", "PRON", "ADJ", "VERB", "AUX", "NOUN"})


def _date_compatible(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _readings_meet(a: TimeExpression, b: TimeExpression) -> bool:
    """Some reading of each agrees: "Tuesday" in a report posted past midnight and "Monday"
    in another, or "which ends January 31" read forward, are no contradiction."""
    return any(
        _date_compatible(x, y) for x in (str(a.value), *a.readings) for y in (str(b.value), *b.readings)
    )


# Verbs of being and having: a date on them dates a state, which two reports may each date.
_STATE_VERBS = frozenset({"be", "have", "remain", "seem"})


def _side_of_report(t: TimeExpression) -> str:
    """Whether the date lies before or after the publication date it was read against (or neither
    can be told: the same day, month or year)."""
    if not t.anchor or not t.value:
        return ""
    own = t.anchor[: len(t.value)]
    return "before" if t.value < own else "after" if t.value > own else ""


# A date on a verb of saying dates a statement, and sources speak on many days: two such
# dates conflict only when the two wordings are one statement.
SAYING_VERBS = frozenset({"say", "tell", "add", "state", "note", "explain", "write", "comment", "insist"})
# Content-word Jaccard of two claims that are one statement (names included: the speaker is the same).
_SAME_WORDS_SAID = 0.5


def date_conflicts(
    claims: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    *,
    times: Sequence[TimeExpression],
    documents: Mapping[str, Document],
    annotated: Mapping[str, AnnotatedDocument],
) -> list[tuple[int, Conflict]]:
    """Claims of one fact that date the same action differently (after TIMEX3 normalisation).

    Only dates a report states count: "today" in a report with no publication date of its
    own is read against the story's earliest date (``anchor_source="story"``), a guess that
    can place it but not contradict another report.
    """
    by_doc: dict[str, list[TimeExpression]] = defaultdict(list)
    for t in times:
        if t.type == "DATE" and t.value and re.match(r"^\d{4}(-\d{2}){0,2}$", t.value):
            by_doc[t.document].append(t)
    out: list[tuple[int, Conflict]] = []
    for g, idx in enumerate(groups):
        dated: list[tuple[TimeExpression, str | None, Claim]] = []
        for k in idx:
            c = claims[k]
            adoc = annotated.get(c.document)
            for t in by_doc.get(c.document, []):
                if not (_inside(c, t.start, t.end) and t.value) or t.anchor_source == "story":
                    continue  # a date inferred from another report's publication date states nothing
                if adoc is not None and year_names_a_thing(adoc, t):
                    continue  # "a region hit by the 2004 tsunami": the tsunami's year, not this event's
                dated.append((t, governing_verb(adoc, t.start, t.end), c))
        stated: dict[str, list[TimeExpression]] = defaultdict(list)  # each report's dates in the fact
        for t, _, c in dated:
            stated[c.document].append(t)
        values: dict[str, list[Claim]] = defaultdict(list)
        for i, (t1, verb1, c1) in enumerate(dated):
            for t2, verb2, c2 in dated[i + 1 :]:
                v1, v2 = str(t1.value), str(t2.value)
                if c1.document == c2.document or _readings_meet(t1, t2):
                    continue
                if any(_readings_meet(t, t2) for t in stated[c1.document]) or any(
                    _readings_meet(t, t1) for t in stated[c2.document]
                ):
                    # one report states the other's date too: ends of a range ("between 1991
                    # and 1998") or two steps of a story ("returned to prison in May 1984" …
                    # "returned to prison in June 1999"), not a disagreement
                    continue
                if verb1 is None or verb1 != verb2 or verb1 in _STATE_VERBS:
                    # different actions ("thanked on Wednesday", "met on Tuesday"); or no action:
                    # "has been a staple since 1987" / "has been more pertinent to today's …"
                    continue
                if verb1 in SAYING_VERBS and jaccard(c1.words, c2.words) < _SAME_WORDS_SAID:
                    continue  # "a prosecutor said Friday" / "had said late Thursday": two statements
                if {_side_of_report(t1), _side_of_report(t2)} == {"before", "after"} or {
                    _ahead(_governing_token(annotated.get(c1.document), t1.start, t1.end)),
                    _ahead(_governing_token(annotated.get(c2.document), t2.start, t2.end)),
                } == {True, False}:
                    # "hosted the Oscars in 2007" / "to host Oscars in 2014" / "will host this
                    # year's Oscars": a past event and a plan
                    continue
                values[v1].append(c1)
                values[v2].append(c2)
        if len(values) >= 2:
            sides = tuple(
                ConflictSide(v, tuple(cit for c in dict.fromkeys(cs) for cit in c.citations(documents)))
                for v, cs in sorted(values.items())
            )
            desc = "Sources give different dates for the same event: " + " vs ".join(sorted(values))
            out.append((g, Conflict("", "date", desc, sides)))
    return out


# -------------------------------------------------------------------------- people


def person_conflicts(
    claims: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    *,
    entities: Sequence[Entity],
    documents: Mapping[str, Document],
    annotated: Mapping[str, AnnotatedDocument] | None = None,
) -> list[tuple[int, Conflict]]:
    """Claims of one fact that each name exactly one person — a different one, absent from the other.

    With a parse (``annotated``), a person counts for a claim only as its actor: the subject
    of a verb or the agent of a passive. "The Obama administration revoked a Bush-era rule"
    names two people as modifiers and neither as the actor, so it takes no side; without a
    parse, every person named counts.
    """
    people = {e.id: e for e in entities if e.type == "PERSON"}
    annotated = annotated or {}
    out: list[tuple[int, Conflict]] = []
    for g, idx in enumerate(groups):
        named: dict[str, list[Claim]] = defaultdict(list)
        roles: dict[str, set[str]] = defaultdict(set)
        for k in idx:
            c = claims[k]
            persons = [e for e in c.entities if e in people]
            adoc = annotated.get(c.document)
            if adoc is not None and adoc.doc is not None:
                acting = {p: _acts_in(c, people[p], adoc) for p in persons}
                persons = [p for p in persons if acting[p]]
                for p in persons:
                    roles[p].add(str(acting[p]))
            if len(persons) == 1:
                named[persons[0]].append(c)
        if len(named) < 2:
            continue
        if len({r for p in named for r in roles[p]}) > 1:
            continue  # the sheriff who said it and the suspect it is said of fill different slots
        everyone = set(named)
        # each side must not mention any other side's person anywhere in its claims
        if any(set(c.entities) & (everyone - {p}) for p, cs in named.items() for c in cs):
            continue
        # "Bush" vs "George W. Bush": two names sharing a word are more likely one person the
        # entity stage left apart than two people; precision first
        words = [{w.lower() for w in re.findall(r"[A-Za-z]{3,}", people[p].name)} for p in named]
        if any(words[i] & words[j] for i in range(len(words)) for j in range(i + 1, len(words))):
            continue
        # "Jags" / "Jaguars": one word clipped from the other (a nickname) is one name
        single = [people[p].name.lower() for p in named if len(people[p].name.split()) == 1]
        if any(_clipped(a, b) or _clipped(b, a) for i, a in enumerate(single) for b in single[i + 1 :]):
            continue
        # the same statement with another person in it: the two wordings must share their
        # words, names aside (a loose fact holding two people's different remarks is not one)
        names = {stem(w) for ws in words for w in ws}
        sides_words = [[c.words - names for c in cs] for cs in named.values()]
        if not any(
            jaccard(x, y) >= _SAME_STATEMENT
            for i in range(len(sides_words))
            for j in range(i + 1, len(sides_words))
            for x in sides_words[i]
            for y in sides_words[j]
        ):
            continue
        sides = tuple(
            ConflictSide(people[p].name, tuple(cit for c in cs for cit in c.citations(documents)))
            for p, cs in named.items()
        )
        desc = "Sources name different people for the same statement: " + " vs ".join(s.value for s in sides)
        out.append((g, Conflict("", "person", desc, sides)))
    return out


def _clipped(short: str, long: str) -> bool:
    """``short`` keeps the first letter and then only letters of ``long``, in order ("jags", "jaguars")."""
    if len(short) < 3 or len(short) >= len(long) or short[0] != long[0]:
        return False
    rest = iter(long[1:])
    return all(ch in rest for ch in short[1:])


_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass"})
# Content-word Jaccard (names aside) two wordings need to be one statement told of two people.
_SAME_STATEMENT = 0.3


def _acts_in(claim: Claim, person: Entity, adoc: AnnotatedDocument) -> str | None:
    """How ``person`` acts in the claim: "speaker" (subject of a verb of saying), "actor" (subject
    of another verb, or the agent "by X"), or None (only named)."""
    doc = adoc.document
    for m in person.mentions:
        if m.document != claim.document or not any(a <= m.start and m.end <= b for a, b in claim.parts):
            continue
        span = adoc.doc.char_span(*doc.to_body(m.start, m.end), alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        # "President Barack Obama", "Obama, the president,": climb names and appositions
        while (
            tok.dep_ in {"compound", "appos", "flat"}
            and tok.head.i != tok.i
            and tok.head.ent_type_ == tok.ent_type_
        ):
            tok = tok.head
        if tok.dep_ in _ACTOR_DEPS:
            return "speaker" if tok.head.lemma_.lower() in SAYING_VERBS else "actor"
        if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
            return "actor"
    return None


# -------------------------------------------------------------------------- places


def _context(text: str, start: int, end: int, value: str) -> frozenset[str]:
    """Stemmed content words around a mention (three left, two right) and inside it beyond the
    name itself ("the Asia-Pacific region" → "region"), so mentions cut either way compare."""
    left = re.findall(r"[A-Za-z][A-Za-z'-]*", text[max(0, start - 60) : start])[-3:]
    right = re.findall(r"[A-Za-z][A-Za-z'-]*", text[end : end + 30])[:2]
    own = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", value)}
    inner = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text[start:end]) if w.lower() not in own]
    return frozenset(stem(w) for w in left + inner + right if w.lower() not in STOPWORDS)


# Words of a place name that say what kind of place or which part, not which place.
_GENERIC_PLACE = frozenset(
    {
        "province",
        "district",
        "county",
        "city",
        "state",
        "region",
        "regional",
        "street",
        "avenue",
        "road",
        "boulevard",
        "square",
        "central",
        "north",
        "northern",
        "south",
        "southern",
        "east",
        "eastern",
        "west",
        "western",
        "upper",
        "lower",
        "greater",
        "island",
        "islands",
        "sheriff",
        "undersheriff",
        "department",
        "area",
        "valley",
        "river",
        "coast",
        "mount",
        "lake",
    }
)


def _place_words(value: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.split(r"[\s\-–]+", value) if len(w) >= 4)


def place_conflicts(
    *,
    annotated: Sequence[AnnotatedDocument],
    entities: Sequence[Entity],
) -> list[Conflict]:
    """Rival names for one place: they share a word, never meet in a sentence, and fill the same context."""
    # (value, document, start, end, sentence span) for every place mention
    occ: list[tuple[str, str, int, int, tuple[int, int]]] = []
    docs = {a.document.id: a for a in annotated}
    spans: list[tuple[str, str, int, int]] = []
    if entities:
        for ent in entities:
            if ent.type in _PLACE_TYPES:
                spans += [(ent.name, m.document, m.start, m.end) for m in ent.mentions]
    else:
        for a in annotated:
            spans += [(m.text, m.document, m.start, m.end) for m in a.mentions if m.label in _PLACE_TYPES]
    for value, d, s, e in spans:
        adoc = docs.get(d)
        if adoc is None:
            continue
        sent = next(((x.start, x.end) for x in adoc.sentences if x.start <= s and e <= x.end), (s, e))
        occ.append((value, d, s, e, sent))
    by_value: dict[str, list[tuple[str, int, int, tuple[int, int]]]] = defaultdict(list)
    for value, d, s, e, sent in occ:
        by_value[value].append((d, s, e, sent))
    values = sorted(by_value)
    out: list[Conflict] = []
    for i, v1 in enumerate(values):
        for v2 in values[i + 1 :]:
            w1, w2 = _place_words(v1), _place_words(v2)
            if not (w1 & w2) - _GENERIC_PLACE or w1 <= w2 or w2 <= w1:
                continue  # a shared name word is needed: "Avenue" alone does not make two streets one
            if not (w1 - w2) - _GENERIC_PLACE or not (w2 - w1) - _GENERIC_PLACE:
                continue  # "Central Aceh" / "Aceh province", "Upper Nile" / "Nile": a part, not a rival name
            country1, country2 = country_for(v1), country_for(v2)
            if country1 and country2 and country1 != country2:
                continue  # "United Arab Emirates" / "United Kingdom": two countries, not two names
            sents1 = {(d, sent) for d, _, _, sent in by_value[v1]}
            if sents1 & {(d, sent) for d, _, _, sent in by_value[v2]}:
                continue  # named side by side: two places, not two names for one
            hits1, hits2 = set(), set()
            for d1, s1, e1, _ in by_value[v1]:
                c1 = _context(docs[d1].document.text, s1, e1, v1)
                for d2, s2, e2, _ in by_value[v2]:
                    if d1 != d2 and c1 & _context(docs[d2].document.text, s2, e2, v2):
                        hits1.add((d1, s1, e1))
                        hits2.add((d2, s2, e2))
            if not hits1:
                continue
            sides = []
            for value, hits in ((v1, hits1), (v2, hits2)):
                cites: dict[str, Citation] = {}
                for d, s, e in sorted(hits):
                    cites.setdefault(d, _sentence_citation(docs[d].document, docs[d], s, e))
                sides.append(ConflictSide(value, tuple(cites.values())))
            desc = f"Sources name the region differently: {v1!r} vs {v2!r}"
            out.append(Conflict("", "place", desc, tuple(sides)))
    return out


# ------------------------------------------------------------------------ sequence


def _relation_hits(
    adoc: AnnotatedDocument,
) -> list[tuple[str, frozenset[str], frozenset[str], str, int, int]]:
    """(relation, subject words, reference-event words, phrase, sentence start, end) in one document."""
    doc = adoc.document
    out = []
    for sent in adoc.sentences:
        start, end = trim_sentence(doc, sent.start, sent.end)
        text = doc.text[start:end]
        long_words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
        if len(long_words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words):
            continue  # a Title Case headline: its capitals name nothing ("During Vigil For Teen Shot …")
        for relation, pattern in _RELATIONS:
            for m in pattern.finditer(text):
                tail = re.split(
                    r"[,;.:]\s|[,;]$|\.$|\s(?:and|but|which|where|while|as)\s", text[m.end() :], maxsplit=1
                )[0]
                words = re.findall(r"[A-Za-z][A-Za-z'’-]*", tail)[:8]
                proper = frozenset(
                    w.lower().rstrip("'’s")
                    for w in words
                    if w[0].isupper() and w.lower() not in _GENERIC_EVENT
                )
                subject = frozenset(
                    stem(w) for w in re.findall(r"[A-Za-z]+", text[: m.start()]) if w.lower() not in STOPWORDS
                )
                if proper and subject:
                    phrase = (m.group(0) + tail).strip()
                    out.append((relation, subject, proper, phrase, start, end))
    return out


# Share of the shorter subject's words both placements must have in common to be the same event
# ("The meeting follows …" / "The meeting took place … during …"), so that "prosecutors played
# a tape of Jeffs … after X testified" and "Jeffs' team says … before he is moved" are not one.
_SAME_SUBJECT = 0.34


def sequence_conflicts(
    *, annotated: Sequence[AnnotatedDocument], entities: Sequence[Entity] = ()
) -> list[Conflict]:
    """The same event placed before / during / after the same reference event by different documents."""
    hits = [(a, h) for a in annotated for h in _relation_hits(a)]
    # A person is no reference event: "after Ortiz's death" and "prior to Ortiz's killing", or
    # "after a prosecutor objected to Lohan's …" and "during a hearing … that Lohan …", share
    # only the name, and place different events.
    names = [m.text for a in annotated for m in a.mentions if m.label == "PERSON"]
    names += [alias for e in entities if e.type == "PERSON" for alias in (e.name, *e.aliases)]
    people = frozenset(w.lower().rstrip("'’s") for n in names for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", n))
    # the same names as the placed events' subject words are kept (stemmed): two events of
    # different people are two events
    people_stems = frozenset(stem(w) for n in names for w in re.findall(r"[A-Za-z]+", n) if w[:1].isupper())
    out: list[Conflict] = []
    seen: set[frozenset[tuple[str, int]]] = set()
    for i, (a1, h1) in enumerate(hits):
        for a2, h2 in hits[i + 1 :]:
            if a1.document.id == a2.document.id or h1[0] == h2[0]:
                continue
            if not (h1[2] & h2[2]) - people or len(h1[1] & h2[1]) < _SAME_SUBJECT * min(
                len(h1[1]), len(h2[1])
            ):
                continue  # another reference event, or another event placed against it
            who1, who2 = h1[1] & people_stems, h2[1] & people_stems
            if who1 and who2 and not who1 & who2:
                continue  # "Kasich scores all 66 delegates after Ohio win" / "Clinton … before winning Ohio"
            key = frozenset({(a1.document.id, h1[4]), (a2.document.id, h2[4])})
            if key in seen:
                continue
            seen.add(key)
            sides = (
                ConflictSide(h1[3], (a1.document.cite(h1[4], h1[5]),)),
                ConflictSide(h2[3], (a2.document.cite(h2[4], h2[5]),)),
            )
            ref = ", ".join(sorted((h1[2] & h2[2]) - people))
            desc = f"Sources order the events differently relative to {ref}: {h1[0]} vs {h2[0]}"
            out.append(Conflict("", "sequence", desc, sides))
    return out
