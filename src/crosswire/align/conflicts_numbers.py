"""Number conflicts: claims of one fact that count the same thing incompatibly, or a tally that rose.

Input → output: the claims of a story, their fact groups, the documents (for publication
dates), annotated documents and entities → ``(group, Conflict)`` pairs of kind ``number``
("10-year" vs "5-year") or ``update`` (a running toll whose higher values first appear in
later reports: "1 dead (2 July) → 24 dead (3 July)"). Ids are assigned by the caller.

A count is read as the range its wording allows, so "at least 5" and "more than 200" agree;
two counts compare only when they count the same unit doing the same thing, by the same actor.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crosswire.align.claims import Claim
from crosswire.align.features import NUMBER_WORDS, NUMERAL, STOPWORDS, TOLL_BEFORE, numeral_value, stem
from crosswire.models import AnnotatedDocument, Conflict, ConflictSide, Document, Entity

__all__ = ["number_conflicts"]

# The subject of the verb a count hangs on is who did the counted thing.
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass"})


def number_conflicts(
    claims: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    *,
    documents: Mapping[str, Document],
    annotated: Mapping[str, AnnotatedDocument] | None = None,
    entities: Sequence[Entity] = (),
) -> list[tuple[int, Conflict]]:
    """Claims of one fact that count the same thing incompatibly ("10-year" vs "5-year").

    A count is its value read as a range — "at least 5" is 5 or more, "up to 50" at most 50,
    "about 1,500" ±15 % — so "at least five people injured" and "more than 200 people
    injured" agree, as a toll that grows between reports does. Two counts compare only when
    they count the same unit doing the same thing: "five people were injured" and "10 people
    were killed" are different counts, not rival ones; with a parse and entities, neither are
    counts of different actors ("Charles rushed for 226 yards" / "Hillis rushed for 101 yards").
    """
    annotated = annotated or {}
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            mentions[m.document].append((m.start, m.end, e.id))
    out: list[tuple[int, Conflict]] = []
    # The dead a report's lead counts ("A powerful earthquake killed at least 12 people …"):
    # where a death toll that rises later starts, though its wording is another fact's.
    found = [_claim_counts(c, annotated) for c in claims]  # once each: groups and leads share them
    lead_deaths = [
        (n, c)
        for c, ns in zip(claims, found, strict=True)
        if c.position == 0.0
        for n in ns
        if n.unit == _PEOPLE and not n.toll and n.predicate & _THE_DEAD
    ]
    for g, idx in enumerate(groups):
        counts: dict[str, list[tuple[_Count, Claim]]] = defaultdict(list)
        for k in idx:
            for n in found[k]:
                counts[n.unit].append((n, claims[k]))
        for entries in counts.values():
            rivals: dict[float, list[tuple[_Count, Claim]]] = defaultdict(list)
            for i, (a, ca) in enumerate(entries):
                for b, cb in entries[i + 1 :]:
                    if ca.document == cb.document or a.value == b.value or not _same_count(a, b):
                        continue
                    if _rounded(a, b) or _rounded(b, a):
                        continue  # "10 kilometres (6.2 miles)" and "(6 miles)": one figure, rounded
                    # "the death toll … in Abruzzo rose to 24": a toll's subject names no actor
                    who_a = (
                        None
                        if a.toll
                        else _count_actor(ca, a.at, annotated.get(ca.document), mentions[ca.document])
                    )
                    who_b = (
                        None
                        if b.toll
                        else _count_actor(cb, b.at, annotated.get(cb.document), mentions[cb.document])
                    )
                    if who_a and who_b and who_a != who_b:
                        continue  # two actors' counts ("the Orioles offered seven years", "the Red Sox eight")
                    if a.low > b.high or b.low > a.high:
                        rivals[a.value].append((a, ca))
                        rivals[b.value].append((b, cb))
            if len(rivals) < 2:
                continue
            word = next(n.unit_word for n, _ in entries)
            rising = _rising_tally(rivals, documents) if _is_tally(entries) else None
            if rising is not None and any(n.toll for n, _ in entries):
                # a death toll: the first reports' leads give its lower counts too
                entries = entries + [e for e in lead_deaths if e not in entries]
            if rising is not None and (floors := _earlier_floors(entries, rivals, rising[0], documents)):
                merged = {**rivals, **floors}  # "at least 12" at dawn opens the series
                if (again := _rising_tally(merged, documents)) is not None:
                    rivals, rising = merged, again
            order = rising if rising is not None else sorted(rivals)
            sides = tuple(
                ConflictSide(
                    next(n.shown for n, _ in rivals[v]),
                    tuple(
                        cit for c in dict.fromkeys(c for _, c in rivals[v]) for cit in c.citations(documents)
                    ),
                )
                for v in order
            )
            if rising is not None:
                steps = (
                    f"{s.value} ({_first_published(rivals[v], documents)})"
                    for s, v in zip(sides, order, strict=True)
                )
                desc = f"The count rose as reports came in ({word}): " + " → ".join(steps)
                out.append((g, Conflict("", "update", desc, sides)))
            else:
                desc = f"Sources give different numbers ({word}): " + " vs ".join(s.value for s in sides)
                out.append((g, Conflict("", "number", desc, sides)))
    return out


# Running tallies of a developing story: what a later report counts again, higher. A toll that
# rises between reports is news, not a contradiction. (Stems, as ``stem`` gives them.)
_TALLY = frozenset(
    {
        "dead", "death", "kill", "died", "dying", "injur", "injury", "wound", "hurt", "miss",
        "trapp", "victim", "casualty", "evacuat", "displac", "homeles", "arrest", "detain",
        "rescu", "damag", "destroy", "affect", "infect", "hospitaliz",
    }
)  # fmt: skip


def _is_tally(entries: Sequence[tuple[_Count, Claim]]) -> bool:
    return any(n.unit in _TALLY or n.predicate & _TALLY for n, _ in entries)


def _when(claim: Claim, documents: Mapping[str, Document]) -> tuple[str, str] | None:
    """(date, time or "") of the claim's report; None when it carries no publication date."""
    doc = documents.get(claim.document)
    if doc is None or not doc.published:
        return None
    return doc.published[:10], doc.published[11:16]


def _claim_counts(claim: Claim, annotated: Mapping[str, AnnotatedDocument]) -> list[_Count]:
    """The counts a claim gives, one per unit it counts in, each read unambiguously."""
    found = _counts(claim.text, claim.numbers) + _toll_counts(claim.text, claim.numbers)
    per_unit: dict[str, list[_Count]] = defaultdict(list)
    for n in found:
        per_unit[n.unit].append(n)
    out = []
    for unit, ns in per_unit.items():
        # a claim with two values of one unit is ambiguous: skip (counting the values the
        # pattern could not place, "49.9 percent to Sanders' 49.6 percent")
        values = {v for v, u in claim.numbers if u == unit}
        if len(values | {n.value for n in ns}) == 1 and not _in_background_clause(
            claim, ns[0].at, annotated.get(claim.document)
        ):
            out.append(ns[0])
    return out


def _first_published(entries: Sequence[tuple[_Count, Claim]], documents: Mapping[str, Document]) -> str:
    return min(w for _, c in entries if (w := _when(c, documents)) is not None)[0]


def _earlier_floors(
    entries: Sequence[tuple[_Count, Claim]],
    rivals: Mapping[float, Sequence[tuple[_Count, Claim]]],
    lowest: float,
    documents: Mapping[str, Document],
) -> dict[float, list[tuple[_Count, Claim]]]:
    """The lower counts of a rising tally reported no later than its first value, by value.

    "At least 12 people" agrees with 24 and with 29, so it is no rival of either, but a reader of
    the update wants to see where the count started.
    """
    start = _first_published(rivals[lowest], documents)
    floors: dict[float, list[tuple[_Count, Claim]]] = defaultdict(list)
    for n, c in entries:
        when = _when(c, documents)
        if n.value < lowest and n.value not in rivals and when is not None and when[0] <= start:
            floors[n.value].append((n, c))
    return floors


def _rising_tally(
    rivals: Mapping[float, Sequence[tuple[_Count, Claim]]], documents: Mapping[str, Document]
) -> list[float] | None:
    """The rival values in publication order when every higher count first appears later.

    Every report must be dated; each value's first report must come no earlier than the first
    report of every lower value, and at least one strictly later (at the date, or at the time
    of day when both reports carry one). Otherwise None: same-day counts, an undated report or
    a count revised down stay a conflict.
    """
    firsts: list[tuple[float, tuple[str, str]]] = []
    for value, entries in sorted(rivals.items()):
        whens = [_when(c, documents) for _, c in entries]
        if any(w is None for w in whens):
            return None
        firsts.append((value, min(w for w in whens if w is not None)))
    later = False
    for (_, a), (_, b) in itertools.pairwise(firsts):
        if b[0] < a[0] or (b[0] == a[0] and a[1] and b[1] and b[1] < a[1]):
            return None
        later = later or b[0] > a[0] or bool(a[1] and b[1] and b[1] > a[1])
    return [v for v, _ in firsts] if later else None


@dataclass(frozen=True, slots=True)
class _Count:
    value: float
    unit: str  # stemmed, as numbers_with_units gives it
    unit_word: str  # as written
    low: float
    high: float
    predicate: frozenset[str]  # the stemmed content word on each side ("injured", "killed")
    shown: str  # "at least 5 people"
    at: int  # where the number starts in the claim's text
    toll: bool = False  # a death toll's figure: its verb's subject is the toll, not who counts


# The range a qualifier before a number allows, as factors of the number: "at least 5" is
# 5 or more, "up to 50" at most 50, "about 1,500" ±15 %, "nearly 100" 85 to 100.
_QUALIFIERS: tuple[tuple[re.Pattern[str], float, float], ...] = (
    (
        re.compile(r"\b(?:at least|more than|over|upwards of|in excess of|no fewer than)\s*$", re.I),
        1.0,
        math.inf,
    ),
    (
        re.compile(r"\b(?:up to|as many as|less than|fewer than|under|at most|no more than)\s*$", re.I),
        0.0,
        1.0,
    ),
    (
        re.compile(r"\b(?:about|around|approximately|roughly|some|an estimated|estimated)\s*$", re.I),
        0.85,
        1.15,
    ),
    (re.compile(r"\b(?:nearly|almost|close to|just under)\s*$", re.I), 0.85, 1.0),
    # a sum of parts ("a combined 157 games with the Angels and Braves") is no rival of a part
    (re.compile(r"\b(?:combined|total of|cumulative|all told)\s*$", re.I), 0.0, math.inf),
)
_COUNT = re.compile(
    r"(?<![\w.:,/])(?<![A-Z]-)(?<!\d\.\s)("
    + NUMERAL
    + "|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")(?:\s*(?:million|billion|thousand|hundred|bn|%|per ?cent))?[\s-]+([A-Za-z]+)",
    re.I,
)
# Words that say nothing about what is counted: auxiliaries, hedges, function words.
_NOT_PREDICATE = frozenset(
    {"were", "was", "have", "has", "had", "been", "are", "is", "reportedly", "also", "said", "old"}
)
# Clock times and time zones belong to the date slot ("3:35 pm"), not to counts.
_NOT_UNITS = frozenset({"am", "pm", "gmt", "utc", "bst", "est", "edt", "pst", "pdt", "ist", "cet"})
# "another four people": an increment, not the total another report gives
_INCREMENT = re.compile(r"\b(?:another|additional|further|extra)\s*$", re.I)
# A count's own words stop at the next comma, conjunction or clause mark.
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\"“”]|\b(?:and|but|while|as|after|before)\b", re.I)


def _written_as(value: float, raw: str) -> bool:
    """Whether ``value`` is the number written ``raw`` ("2.5" of "2.5 million", "five"), at any scale."""
    base = float(NUMBER_WORDS[raw.lower()]) if raw.lower() in NUMBER_WORDS else numeral_value(raw)
    return any(math.isclose(value, base * f) for f in (1, 100, 1e3, 1e6, 1e9))


def _counts(text: str, numbers: Sequence[tuple[float, str]]) -> list[_Count]:
    """The claim's counts with the unit as written, the range the wording allows, and the words around."""
    wanted = list(numbers)
    out = []
    for m in _COUNT.finditer(text):
        word = m.group(2)
        unit_of = [(v, u) for v, u in wanted if u and u == stem(word)]
        # the number of this unit with the value written here: "49.9 percent to Sanders' 49.6
        # percent" reads "49.6 percent" as 49.6, not as the first percentage of the sentence
        match = next((x for x in unit_of if _written_as(x[0], m.group(1))), unit_of[0] if unit_of else None)
        if match is None:
            continue
        wanted.remove(match)
        value, unit = match
        # "at least $20 million": the qualifier reads through a currency sign
        window = max(0, m.start() - 60)
        before = text[window : m.start()].rstrip("$€£¥")
        low_word = word.lower()
        if (
            len(low_word) < 3  # "3 co-defendants" cut at the hyphen
            or low_word in STOPWORDS
            or low_word in _NOT_PREDICATE
            or low_word in _NOT_UNITS
            or _INCREMENT.search(before)
        ):
            continue
        low, high, lead = value, value, None
        for pattern, lo_factor, hi_factor in _QUALIFIERS:
            if (lead := pattern.search(before)) is not None:
                low, high = lo_factor * value, math.inf if hi_factor == math.inf else hi_factor * value
                break
        after = text[m.end() : m.end() + 40]
        after = after[: cut.start()] if (cut := _CLAUSE_BREAK.search(after)) else after
        ahead = _CLAUSE_BREAK.split(before[: lead.start()] if lead else before)[-1]
        # the nearest content word on each side, within the count's own clause: the verb or
        # noun that says what is counted ("were *killed*", "*injured* more than 200 people")
        around = _content_words(after)[:1] + _content_words(ahead)[-1:]
        predicate = frozenset(stem(w) for w in around)
        # as the source words it ("at least $20 million per", "more than 200 people")
        first = window + lead.start() if lead is not None else window + len(before)
        shown = " ".join(text[first : m.end()].split())
        out.append(_Count(value, unit, word, low, high, predicate, shown, m.start()))
    return out


# A death toll's figure: the number after "the death toll … rose to" (TOLL_BEFORE), counted as
# the dead ("killed at least 12 people" and "the death toll rose to 24" count the same thing).
_TOLL_FIGURE = re.compile(r"(?<![\w.,/])(" + NUMERAL + r")(?![\w.,]\d)")
_TOLL_VERB = re.compile(
    r"(?:\b(?:has|had|have|now)[ \t]+)?\b[a-z]+[ \t]+(?:(?:to|at|of)[ \t]+)?"
    r"(?:(?:at least|more than|over|about|around|nearly|almost|some|an estimated)[ \t]+)?\Z"
)
_THE_DEAD = frozenset({stem("killed"), stem("dead"), stem("died")})
_PEOPLE = stem("people")


def _toll_counts(text: str, numbers: Sequence[tuple[float, str]]) -> list[_Count]:
    """The death tolls a claim gives ("The death toll … has risen to 29"), as counts of the dead."""
    out = []
    tolls = [v for v, u in numbers if u == _PEOPLE]
    for m in _TOLL_FIGURE.finditer(text):
        lead = TOLL_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if lead is None:
            continue
        value = next((v for v in tolls if _written_as(v, m.group(1))), None)
        if value is None:
            continue
        low, high = value, value
        for pattern, lo_factor, hi_factor in _QUALIFIERS:
            if pattern.search(text, lead.start(), m.start()):
                low, high = lo_factor * value, math.inf if hi_factor == math.inf else hi_factor * value
                break
        # as the source words it: the verb and the figure ("has risen to 29", "stood at 30")
        verb = _TOLL_VERB.search(text, lead.start(), m.start())
        shown = " ".join(text[verb.start() if verb else m.start() : m.end()].split())
        out.append(_Count(value, _PEOPLE, "dead", low, high, _THE_DEAD, shown, m.start(), toll=True))
    return out


_NOT_CONTENT = frozenset(STOPWORDS) | _NOT_PREDICATE


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in _NOT_CONTENT]


def _count_actor(
    claim: Claim, at: int, adoc: AnnotatedDocument | None, mentions: Sequence[tuple[int, int, str]]
) -> str | None:
    """The entity that is the subject of the verb a count hangs on, if the parse shows one."""
    tok = _count_token(claim, at, adoc)
    if tok is None or adoc is None:
        return None
    doc = adoc.document
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    subjects = [c for c in tok.children if c.dep_ in _ACTOR_DEPS]
    if not subjects:
        return None
    lo, hi = subjects[0].left_edge.idx, subjects[0].right_edge.idx + len(subjects[0].right_edge)
    lo, hi = doc.to_original(lo, hi)
    inside = sorted((s, eid) for s, e, eid in mentions if lo <= s and e <= hi)
    return inside[0][1] if inside else None


def _count_token(claim: Claim, at: int, adoc: AnnotatedDocument | None) -> Any | None:
    """The parsed token where a count starts (``at`` is an offset into the claim's text)."""
    if adoc is None or adoc.doc is None:
        return None
    offset = claim.original(at)
    if offset is None:
        return None
    body, _ = adoc.document.to_body(offset, offset)
    span = adoc.doc.char_span(body, body + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# "came one week after he managed 10 yards on nine carries": a clause the main event is
# placed after or before tells another event, whose counts are not this one's.
_BACKGROUND_MARKS = frozenset({"after", "before", "since", "until", "till"})


def _in_background_clause(claim: Claim, at: int, adoc: AnnotatedDocument | None) -> bool:
    """The count sits in an "after …" / "before …" clause or phrase: it counts an earlier or later event."""
    tok = _count_token(claim, at, adoc)
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in tok.children
        ):
            return True
        if tok.dep_ == "pcomp" and tok.head.lower_ in _BACKGROUND_MARKS:
            return True  # "after rushing for 100 yards"
        tok = tok.head
    return False


def _rounded(a: _Count, b: _Count) -> bool:
    """``b`` is ``a``'s fraction rounded to the nearest whole number (6.2 → 6, 4.5 → 5; "four
    months" for "4 1/2 months" cuts, it does not round)."""
    return a.value != int(a.value) and b.value == math.floor(a.value + 0.5)


def _same_count(a: _Count, b: _Count) -> bool:
    """Both count the same thing: what surrounds them shares a word, or neither says anything."""
    return bool(a.predicate & b.predicate) or not (a.predicate or b.predicate)
