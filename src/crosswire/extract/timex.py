"""Time expressions of one annotated document, TIMEX3-normalised against its publication date.

Input → output: :class:`~crosswire.models.AnnotatedDocument` → ``list[TimeExpression]``
with original offsets (``document.text[start:end] == text``), TIMEX3 type and value,
and the anchor used ("2025-07-02"). A report with no publication date of its own is read
against the earliest publication date of its story (``anchor_source="story"``, passed in by
the extract stage); with no date at all, relative expressions such as "Tuesday" keep
``value=None`` and absolute dates still resolve.

Candidates are the spaCy DATE/TIME entities plus :func:`timex_patterns.find_candidates`
(spaCy misses "now", "recently", many durations and weekdays in some contexts).
Overlapping candidates merge into one span, unless the spaCy entity joins two
expressions ("Tuesday and Wednesday", "between 1994 and 1997"), which TIMEX3 marks
separately. Normalisation is :func:`timex_rules.normalize`, re-exported here, given the
tense of the governing verb (from the parse) and the reference time: the last date the
text named, which anaphora ("a year earlier", "that day") count from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import Any, Literal

from crosswire.extract.timex_calendar import HOLIDAYS
from crosswire.extract.timex_lexicon import MONTH_WORDS, MONTHS, WEEKDAY_RE
from crosswire.extract.timex_patterns import find_candidates, is_age, looks_temporal, trim_span
from crosswire.extract.timex_rules import Tense, normalize
from crosswire.models import AnnotatedDocument, TimeExpression

__all__ = ["extract_times", "find_spans", "normalize", "story_anchor"]

_SPACY_LABELS = ("DATE", "TIME")
# Values that can serve as reference time: a year, month, day or quarter on the calendar.
_CALENDAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-Q[1-4])?")
# Only an expression that names its date sets the reference time; "a year earlier" or "that day"
# resolved against it must not move it, or each anaphor would drift from the last.
_EXPLICIT = re.compile(
    rf"\d|\b(?:{MONTH_WORDS}|{WEEKDAY_RE}|today|yesterday|tomorrow|first|second|third|fourth)\b", re.I
)
# Words that make an expression count from the reference time; its value must not become the next one.
_ANAPHORIC = re.compile(
    r"\b(?:that|same|ago|earlier|later|following|previous|before|after|year-ago|year-earlier)\b", re.I
)


def _sets_reference(text: str, typ: str, value: str | None) -> bool:
    """True when ``text`` names a date the following anaphora may count from.

    An explicit date ("Oct. 27", "1989", "the third quarter") always does; a quarter named
    by a determiner ("the latest quarter") does too — it is the period a results story is
    about — unless it was itself resolved from the reference ("the year-ago quarter").
    """
    if typ != "DATE" or value is None or not _CALENDAR.fullmatch(value):
        return False
    if _EXPLICIT.search(text):
        return True
    return "-Q" in value and not _ANAPHORIC.search(text)


# A spaCy DATE that is only one of these is a non-time: "annual report", "the day-to-day", "age 62".
_NOT_TIME = re.compile(r"^(?:annual|the day|day-to-day|\d{1,3}|\d{5,}|ages? \d+.*|one day|the time)$", re.I)


def extract_times(adoc: AnnotatedDocument, *, story_date: date | None = None) -> list[TimeExpression]:
    """Every time expression of ``adoc`` in text order, normalised against its publication date.

    ``story_date``: the anchor for a document that carries no publication date of its own
    (the earliest publication date of the other reports of its story, see
    :func:`story_anchor`); each expression records which anchor it used (``anchor_source``).
    """
    document = adoc.document
    body = document.body
    anchor = document.published_date
    source: Literal["published", "story"] | None = "published" if anchor else None
    if anchor is None and story_date is not None:
        anchor, source = story_date, "story"
    anchor_text = anchor.isoformat() if anchor else None
    out: list[TimeExpression] = []
    reference: str | None = None  # the date the text mentioned last, for "that day", "a year earlier"
    spans = find_spans(body, adoc.doc)
    end_date_of_period = False
    previous_tense: Tense = "past"
    for i, (start, end) in enumerate(spans):
        text = body[start:end]
        ends_with_date = i + 1 < len(spans) and _ENDED.fullmatch(body[end : spans[i + 1][0]]) is not None
        if ends_with_date:
            text = body[start : spans[i + 1][1]]  # normalised with its end date; the span stays the period
        context, tense = _context(adoc.doc, body, start, end)
        if i > 0 and _is_joint(body, spans[i - 1][1], start):
            tense = previous_tense  # "as soon as Tuesday or Wednesday": both ahead
        previous_tense = tense
        typ, value = normalize(text, anchor=anchor, context=context, tense=tense, reference=reference)
        if value and _counted_from_an_event(body, end, spans[i + 1][0] if i + 1 < len(spans) else None, text):
            value = None  # "The month after his nomination": which month the text does not say
        if text.lower() == "today" and _still_today(adoc.doc, start, end):
            value = "PRESENT_REF"  # "the government under which we still live today": nowadays
        relative = anchor is not None and (typ, value) != normalize(
            text, anchor=None, context=context, tense=tense, reference=reference
        )
        # a borrowed anchor is recorded only where the value depends on it: "July 1, 2025"
        # needs none, and nothing about it is inferred
        borrowed = source == "story" and relative
        if not end_date_of_period and _sets_reference(text, typ, value):
            reference = value
        # "Sept. 30" closing "the quarter ended Sept. 30" is not what the story is about: the quarter is
        end_date_of_period = ends_with_date
        o_start, o_end = document.to_original(start, end)
        original = document.text[o_start:o_end]
        kept = (anchor_text, source) if source == "published" or borrowed else (None, None)
        readings = (
            _other_readings(text, value, anchor=anchor, context=context, reference=reference)
            if relative and anchor is not None and typ == "DATE" and value
            else ()
        )
        out.append(
            TimeExpression(document.id, o_start, o_end, original, typ, value, *kept, readings=readings)
        )
    return out


def _still_today(doc: Any, start: int, end: int) -> bool:
    """ "we still live today", "calls today still roll over": "today" beside "still" on one
    verb in the present is the present age, not the report's day ("reporters still
    questioned him today" keeps the day)."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    verb = span[0].head
    if verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head  # "calls today still roll over": "today" hangs on the noun
    return verb.tag_ in ("VBP", "VBZ") and any(
        c.lower_ == "still" and c.dep_ == "advmod" for c in verb.children
    )


# "the month", "the week" … followed by "after"/"before"/"since" + an event, not a date.
_UNIT_ALONE = re.compile(r"^(?:the|that)\s+(?:day|night|weekend|week|month|year|season)$", re.I)
_FROM_AN_EVENT = re.compile(r"\s+(?:after|before|following|since|preceding|ahead of)\s+", re.I)


def _counted_from_an_event(body: str, end: int, next_start: int | None, text: str) -> bool:
    """ "The month after his nomination", "the week before the convention": a period placed
    against an event, not against the report's date; unless a date follows ("the day after July 4")."""
    if not _UNIT_ALONE.fullmatch(text.strip()):
        return False
    m = _FROM_AN_EVENT.match(body, end)
    return m is not None and next_start != m.end()


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Words whose day is counted from the moment of publication, which a date stamp may give a day
# late (a report posted past midnight, or stamped in another time zone). A weekday is not one:
# "on Tuesday" names that day whenever the report went out.
_DEICTIC_DAY = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening))\b", re.I
)


def _other_readings(
    text: str, value: str, *, anchor: date, context: str, reference: str | None
) -> tuple[str, ...]:
    """The values a relative date takes read back and forward in time, and a day's neighbours."""
    out: list[str] = []
    tenses: tuple[Tense, ...] = ("past", "future")
    for tense in tenses:
        other = normalize(text, anchor=anchor, context=context, tense=tense, reference=reference)[1]
        if other and other != value and other not in out:
            out.append(other)
    if _DAY_VALUE.match(value) and _DEICTIC_DAY.search(text):
        day = date.fromisoformat(value)
        out += [(day + timedelta(days=d)).isoformat() for d in (-1, 1)]
    return tuple(out)


def story_anchor(adocs: Sequence[AnnotatedDocument]) -> date | None:
    """The date an undated report of a story is read against: the story's earliest publication date.

    Reports of one story are published within the clustering window of each other, so a
    weekday or "yesterday" in an undated report almost always means the same day as in its
    dated siblings; the earliest date is the one closest to the event. None when no report
    of the story is dated.
    """
    dates = [d for a in adocs if (d := a.document.published_date) is not None]
    return min(dates) if dates else None


def find_spans(body: str, doc: Any = None) -> list[tuple[int, int]]:
    """TIMEX3 extents in ``body`` (clean-view offsets): spaCy DATE/TIME entities of ``doc`` merged with patterns.

    ``doc`` may be None (no parse available): the patterns alone are used.
    """
    patterns = find_candidates(body)
    spacy_spans: list[tuple[int, int]] = []
    if doc is not None:
        patterns = [p for p in patterns if not _month_is_a_verb(doc, *p)]
        for ent in doc.ents:
            if ent.label_ not in _SPACY_LABELS:
                continue
            s, e = trim_span(body, ent.start_char, ent.end_char)
            text = body[s:e]
            if (
                e <= s
                or is_age(body[s : min(len(body), e + 6)])
                or _NOT_TIME.match(text)
                or not looks_temporal(text)
            ):
                continue
            spacy_spans.append((s, e))
    merged: list[tuple[int, int]] = []
    used: set[int] = set()
    for s, e in spacy_spans:
        inside = [i for i, (ps, pe) in enumerate(patterns) if ps < e and s < pe]
        # Two pattern matches inside one entity joined by "and"/"or"/"to": TIMEX3 marks each.
        if len(inside) >= 2 and all(
            _is_joint(body, patterns[a][1], patterns[b][0]) for a, b in pairwise(inside)
        ):
            continue
        for i in inside:
            used.add(i)
            s, e = min(s, patterns[i][0]), max(e, patterns[i][1])
        merged.append((s, e))
    merged.extend(p for i, p in enumerate(patterns) if i not in used)
    spans = _non_overlapping(merged)
    if doc is not None:
        spans = [(s, e) for s, e in spans if not _holiday_names_a_thing(doc, body, s, e)]
    return [kept for s, e in spans if (kept := _after_super(body, s, e)) is not None]


_SUPER = re.compile(r"\bSuper\s+$")


def _after_super(body: str, start: int, end: int) -> tuple[int, int] | None:
    """ "Super Tuesday" names a day of primaries whose date the calendar does not give: its
    weekday is no time; a date after it ("Super Tuesday, March 1") still is."""
    if not _SUPER.search(body[max(0, start - 7) : start]):
        return start, end
    m = re.match(r"\w+[\s,]*", body[start:end])
    rest = start + (m.end() if m else 0)
    return (rest, end) if rest < end else None


# Things a holiday's name modifies without dating them: "Christmas trees", "a Christmas card".
# An event it modifies is held on it ("his Labor Day cookout") and stays dated.
_HOLIDAY_THINGS = frozenset(
    {"tree", "card", "gift", "present", "decoration", "light", "ornament", "carol", "song", "ad",
     "special", "sweater", "stocking", "cookie", "movie", "film", "story", "spirit", "music", "tune",
     "message", "greeting", "wish", "list", "island", "bunny", "egg", "turkey", "candy", "costume"}
)  # fmt: skip


def _holiday_names_a_thing(doc: Any, body: str, start: int, end: int) -> bool:
    """ "Christmas trees", "a Christmas card", "Easter Island": the holiday's name modifies a
    thing or is part of a name, not a time."""
    if body[start:end].lower().replace("’", "'") not in HOLIDAYS:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    last = span[-1]
    head = last.head
    return bool(
        last.dep_ in {"compound", "nmod", "amod"}
        and head.i == last.i + 1
        and (head.pos_ == "PROPN" or head.lemma_.lower() in _HOLIDAY_THINGS)
    )


def _month_is_a_verb(doc: Any, start: int, end: int) -> bool:
    """ "this may not be far", "they march Sunday": the month's name is a verb in this sentence.

    The patterns read "this may" as a month; the tagger, which sees the sentence, says it is a
    modal or a verb (a month is a proper noun, or a noun in lower-cased text).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.lower_ in MONTHS and (t.tag_ == "MD" or t.pos_ in {"VERB", "AUX"}) for t in span
    )


def _is_joint(body: str, end: int, start: int) -> bool:
    """True when the characters between two expressions only join them ("and", "or", "to", "-", ",")."""
    gap = re.sub(r"\s+", " ", body[end:start].strip().lower())
    return gap in _JOINTS


_JOINTS = frozenset(
    {"", ",", "and", "or", "to", "-", "–", "through", "until", ", and", "and early", "and late",
     "ended", "ending", "that ended", "which ended", "ended on", "ends"}
)  # fmt: skip
# "the quarter ended Sept. 30": TIMEX3 marks the period and the date apart, but the period takes its value from the date.
_ENDED = re.compile(r"\s+(?:that |which )?(?:ended|ending|ends)(?: on)?\s+$", re.I)


def _non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlaps merged into their union."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "may", "might", "can", "should", "must", "would"})
_PAST_AUX = frozenset({"has", "have", "had", "was", "were", "did", "'ve", "could"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "does", "do"})
# Events a calendar holds, named by their date: "the Nov. 8 election", "the June 7 primary".
_CALENDAR_EVENTS = frozenset(
    {"election", "primary", "caucus", "vote", "referendum", "runoff", "debate", "convention", "hearing",
     "trial", "deadline", "summit", "inauguration", "meeting", "conference", "ballot", "poll", "contest"}
)  # fmt: skip
# Verbs that put a date in a calendar: "set for October 28", "scheduled for", "adjourned until".
_SCHEDULING = frozenset(
    {
        "set",
        "slate",
        "schedule",
        "reschedule",
        "pencil",
        "book",
        "fix",
        "plan",
        "postpone",
        "adjourn",
        "delay",
        "move",
    }
)
# Verbs whose simple present with a day is a calendar entry: "holds its primary Tuesday",
# "votes Monday", "meets Friday", "opens Sunday" lie ahead of the report.
_SCHEDULED = frozenset(
    {"hold", "vote", "meet", "open", "close", "begin", "start", "resume", "host", "visit", "travel",
     "head", "arrive", "leave", "return", "face", "play", "debate", "caucus", "convene", "kick", "wrap",
     "gather", "speak", "testify"}
)  # fmt: skip
_FUTURE_BEFORE = re.compile(r"(?:as soon as|as early as|no later than)\s*$", re.I)
# Verbs of planning, whose object is what is planned: "has scheduled a news conference Thursday".
_PLAN = frozenset({"plan", "schedule", "expect"})
# Verbs of intending: what they govern lies ahead of the report even in the past tense
# ("planned to leave Thursday", "has scheduled a news conference Thursday").
_INTEND = frozenset(
    {
        "plan",
        "schedule",
        "expect",
        "intend",
        "prepare",
        "aim",
        "hope",
        "propose",
        "promise",
        "vow",
        "threaten",
    }
)


def _context(doc: Any, body: str, start: int, end: int) -> tuple[str, Tense]:
    """The sentence around ``body[start:end]`` and the tense of the verb that governs it."""
    if _FUTURE_BEFORE.search(body[max(0, start - 20) : start]):
        tense: Tense = "future"
    else:
        tense = "past"  # news reports the past unless a verb says otherwise
    if doc is None:
        return "", tense
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "", tense
    if tense == "past":
        root = span.root
        tense = _verb_tense(root)
        event = _calendar_event(span)
        if event is not None and event.lemma_.lower() == "poll":
            tense = "past"  # "a March 3 poll shows …": a poll is reported once it is taken
        elif (
            event is not None
            and (tense != "past" or _under_could(root))
            and not (tense == "present" and _looked_back_on(event))
        ):
            # "the Nov. 8 election", "the election on Nov. 8", "Election Day" in a clause in
            # the present or future (or what "could" happen by then): an event a calendar
            # holds, the coming one (or one just gone, within the tolerance of a day said
            # against the tense)
            tense = "future"
        elif event is not None and not _held_by_a_past_verb(event):
            # a past verb further up tells the report, not the event ("the nominee for the
            # Nov. 8 election later said …" in July): of the date's two years, the nearer.
            # "the Oct. 23 slaying" is no calendar event and keeps the verb's past.
            tense = "present"
    return span.sent.text, tense


def _calendar_event(span: Any) -> Any:
    """The noun of the calendar event the date names — "the Nov. 8 election" (the date
    modifies it), "the election on Nov. 8" (the object of its preposition), "Election Day" —
    or None."""
    root = span.root
    if span.text.lower().startswith("election day"):
        return root
    if root.dep_ in {"nmod", "compound", "poss"} and root.head.i > root.i:  # "Tuesday's primary"
        return root.head if root.head.lemma_.lower() in _CALENDAR_EVENTS else None
    prep = root.head
    if (
        root.dep_ == "pobj"
        and prep.lower_ in {"on", "in"}
        and prep.head.i < prep.i
        and prep.head.lemma_.lower() in _CALENDAR_EVENTS
    ):
        return prep.head
    return None


# Nouns of an outcome or an aftermath: "his victory in Tuesday's primary", "the impact of
# Monday's debate" look back on the event.
_OUTCOMES = frozenset(
    {"victory", "win", "loss", "defeat", "result", "momentum", "showing", "performance", "aftermath",
     "outcome", "triumph", "upset", "sweep", "impact", "effect", "fallout", "wake", "reaction", "response"}
)  # fmt: skip


def _looked_back_on(event: Any) -> bool:
    """ "since Monday's debate", "after Tuesday's primary", "problems during Monday's debate",
    "his victory in Tuesday's primary": the event lies behind a sentence in the present ("after
    Thursday's debate, Cruz must travel …" looks ahead)."""
    if event.dep_ != "pobj":
        return False
    prep = event.head
    return bool(
        prep.lower_ in {"since", "after", "following", "during"}
        or (prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in _OUTCOMES)
    )


def _under_could(token: Any) -> bool:
    """Is the first verb above ``token`` that has auxiliaries one of possibility, "could"?"""
    for _ in range(6):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
            if auxes:
                return "could" in auxes
    return False


def _held_by_a_past_verb(event: Any) -> bool:
    """Is the event noun the subject, object or prepositional object of a finite past verb
    ("the March 15 primary was a blowout", "chose Trump in a March 5 caucus")?"""
    if event.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}:
        verb = event.head
    elif event.dep_ == "pobj":
        verb = event.head.head
    else:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(verb.pos_ in ("VERB", "AUX") and (verb.tag_ == "VBD" or auxes & _PAST_AUX - {"could"}))


def _verb_tense(token: Any) -> Tense:
    """Tense of the first finite verb above ``token``: auxiliaries first, then the verb's own tag."""
    infinitive = False  # passed a "to" infinitive on the way up
    for _ in range(6):
        if token.head.i == token.i:
            break
        prep, token = token, token.head
        if (
            prep.dep_ == "prep"
            and prep.lower_ in {"for", "until", "till"}
            and token.lemma_.lower() in _SCHEDULING
        ):
            return "future"  # "a trial date was set for October 28": the date a schedule names
        if token.lower_ == "due" and token.pos_ == "ADJ":
            return "future"  # "due to enter his plea in September"
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if _intends(token) and _intended(prep, token):
            # what is intended lies ahead ("planned to leave Thursday", "prepared for …,
            # including a debate Thursday"); the day of the intending itself does not
            # ("Sanders promised Sunday … to end …", "at a Thursday rally, Sanders promised …")
            return "future"
        if token.lemma_ == "go" and token.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in token.children):
            return "future"  # "is going to be back Monday"
        auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"have", "'ve"} and auxes & (_FUTURE_AUX - {"will", "'ll", "shall"}):
            return "past"  # "Saturday would have been Reagan's birthday": what might have been
        if auxes & _FUTURE_AUX:
            return "future"
        if auxes & _PAST_AUX:
            return "past"
        # What a present-tense clause is able, enough or about "to" do lies ahead: "is strong
        # enough to put states in play in November" (a February report) is the coming November.
        if auxes & _PRESENT_AUX or token.tag_ in ("VBZ", "VBP"):
            if token.tag_ in ("VBZ", "VBP") and not auxes and token.lemma_ in _SCHEDULED:
                return "future"  # "Wyoming, which holds a caucus on Saturday": a calendar, not a report
            return "future" if infinitive else "present"
        if token.tag_ in ("VBD", "VBN"):
            return "past"
        if _before_a_present_event(token):
            return "future"
        # an infinitive or a participle carries no tense of its own: "plans to meet Friday" → "plans"
        infinitive = infinitive or (token.tag_ == "VB" and "to" in auxes)
    return "past"  # news reports the past unless a verb says otherwise


def _intended(child: Any, verb: Any) -> bool:
    """Does the way up from a date enter a verb of intending through what is intended — its
    clause ("planned to leave Thursday"), "for" ("prepared for …"), or any object of a verb
    of planning ("has scheduled a news conference Thursday") — rather than its own
    circumstances ("promised on Tuesday", "aimed their Friday editorial at …")?"""
    if verb.lemma_.lower() in _PLAN or child.dep_ in {"xcomp", "ccomp", "advcl"}:
        return True
    return bool(child.dep_ == "prep" and child.lower_ in {"for", "toward", "towards", "including"})


def _intends(verb: Any) -> bool:
    """A verb of intent, also where the lemmatizer cut its "e" ("hoped" → "hop")."""
    lem = verb.lemma_.lower()
    return lem in _INTEND or (lem + "e" in _INTEND and verb.lower_.startswith(lem + "e"))


_TEMPORAL_MARKS = frozenset({"after", "before", "once", "until", "till", "when"})


def _before_a_present_event(verb: Any) -> bool:
    """Does a verb without tense ("endorsing") hang on a clause that tells when in the present
    tense ("after the president meets with Sanders")? English puts what is still to come there
    in the present: "signs pointed to Obama endorsing Clinton on Thursday after the president
    meets with Sanders" is next Thursday, whatever "pointed" says."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.tag_ not in ("VBZ", "VBP"):
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if marks & _TEMPORAL_MARKS and not auxes & _PAST_AUX:
            return True
    return False
