"""TIMEX3 normalisation of one time expression against an anchor date (rule-first).

Input → output: ``(text, anchor, context, tense, reference)`` → ``(type, value)``, where type is one of the
TIMEX3 types DATE, TIME, DURATION, SET and value follows TimeML conventions
("2025-07-01", "2025-02", "2025-W26", "2025-Q3", "2025-SU", "199X", "P10Y",
"PRESENT_REF", "2025-07-02T15:00", ...) or is None when it cannot be resolved.

The rules encode English news conventions that a general date parser does not know:
a bare weekday in a report means the most recent such day (the same day included)
unless the clause is about the future; "the quarter" in a results story is the last
completed quarter; "10-year" is a duration, never a date. ``dateparser`` is only a
fallback for a span no rule recognises, and only ever sees that span — never free
text, where it reads "we" as Wednesday.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from crosswire.extract.timex_calendar import week_value
from crosswire.extract.timex_lexicon import MONTH_WORDS, NUMBER_RE, WEEKDAY_RE, parse_number, unit_of
from crosswire.extract.timex_rules_days import RULES as DAY_RULES
from crosswire.extract.timex_rules_days import Result, Tense, TimexType, offset_value
from crosswire.extract.timex_rules_periods import RULES as PERIOD_RULES

__all__ = ["Tense", "TimexType", "normalize"]

# Day and date rules first: "the past two years" must reach the duration rule before "the past".
_RULES = [*DAY_RULES, *PERIOD_RULES]

# Words that put a clause in the future when no parser gave the tense: a bare weekday then points forward.
_FUTURE_CONTEXT = re.compile(
    r"\b(?:will|'ll|shall|going to|plans?|planning|scheduled?|expected|due to|set to|to be held|"
    r"intends? to|aims? to|as soon as|as early as|no later than|is to|are to)\b",
    re.I,
)

_MODIFIER = re.compile(
    r"^(?:about|around|approximately|nearly|almost|roughly|some|more than|less than|fewer than|"
    r"at least|at most|no more than|no less than|over|under|up to|only|just|fully|barely|as (?:long|much|many|little|few|early|late|soon) as|"
    r"earlier|later|the day|the night of|the morning of|the evening of|the week of|the early hours of|"
    r"the (?:end|beginning|start|middle|close|turn|rest|remainder|balance) of|"
    r"(?:very )?early|(?:very )?late|mid-?|middle|end-|end of|beginning of|start of|"
    r"in|on|at|during|since|until|till|by|from|for|through|throughout|within|before|after|"
    r"a good part of|much of|all of|most of|each of|"
    r"the)\s*(?=\S)",
    re.I,
)


def normalize(
    text: str,
    *,
    anchor: dt.date | None,
    context: str = "",
    tense: Tense | None = None,
    reference: str | None = None,
) -> Result:
    """TIMEX3 ``(type, value)`` of ``text`` read against ``anchor`` (the publication date).

    ``context`` is the clause or sentence around the expression: it tells a results
    story ("quarter") from others. ``tense`` is the tense of the verb governing the
    expression, which decides the direction of bare weekdays, months and holidays
    ("met Friday" is the last Friday, "will meet Friday" the next). The present counts
    as the past for weekdays: news present tense mostly reports ("says", "is"), and
    reading it as the future lost more than it won on TimeBank; a month or a day of the
    month it governs is the nearer of its two years ("which ends January 31" in a
    November report is the coming one). Without ``tense``, future wording in
    ``context`` ("will", "plans", "as soon as") decides.
    ``reference`` is the TIMEX3 value of the date the text mentioned last: anaphoric
    expressions ("that day", "a year earlier", "the year-ago quarter") count from it.
    ``anchor=None`` keeps absolute dates ("July 1, 2025") and durations but gives
    ``None`` as the value of anything relative ("Tuesday", "last week").
    """
    s = _clean(text)
    if not s or text.strip() in ("may", "march", "sat", "sun", "wed"):
        return "DATE", None  # lower-case verbs and nouns, not months or weekdays
    future = tense == "future" if tense is not None else bool(_FUTURE_CONTEXT.search(context))
    out = _read(s, anchor, future, context, reference)
    if tense == "present" and anchor is not None and _MONTH_VALUE.match(out[1] or ""):
        # "…, which ends January 31" in a November report: a date the present tense governs
        # is a schedule more often than a report, so of the day's two years (the past one and
        # the coming one) the nearer wins. Weekdays stay on the past side ("says Friday").
        ahead = _read(s, anchor, True, context, reference)
        out = _nearer_year(anchor, out, ahead)
    return out


# "the day after July 4", "two weeks before Christmas": a count of days or weeks from a date
# the span itself names. Without it the leading "the day" is stripped as a modifier and the
# span reads as July 4 itself.
_COUNTED_FROM_DATE = re.compile(
    rf"(?:the |a |one |({NUMBER_RE}) )?(days?|nights?|weeks?) (after|before|following|preceding) (.+)", re.I
)


def _read(s: str, anchor: dt.date | None, future: bool, context: str, reference: str | None) -> Result:
    counted = _counted_from_date(s, anchor, future, context, reference)
    if counted is not None:
        return counted
    for candidate in _variants(s):
        for pattern, rule in _RULES:
            m = pattern.fullmatch(candidate)
            if m is None:
                continue
            out = rule(m, anchor, future, context, reference)
            if out is not None:
                return out
    return _fallback(s, anchor)


def _counted_from_date(
    s: str, anchor: dt.date | None, future: bool, context: str, reference: str | None
) -> Result | None:
    """ "the day after July 4" → 2016-07-05: the named date moved by the count; None when the
    span does not name a day to count from ("the day after the election" is left to the rules)."""
    m = _COUNTED_FROM_DATE.fullmatch(s)
    if m is None:
        return None
    try:
        n = 1 if m.group(1) is None else parse_number(m.group(1))
    except ValueError:
        return None
    base = _read(m.group(4), anchor, future, context, reference)
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", base[1] or "")
    if n is None or day is None or base[0] != "DATE":
        return None
    sign = 1 if m.group(3).lower() in ("after", "following") else -1
    moved = dt.date(*map(int, day.groups()))
    if unit_of(m.group(2)) == "week" and s.startswith("the "):
        return "DATE", offset_value(moved, "week", sign * n)  # "the week after July 4": that week
    days = 7 if unit_of(m.group(2)) == "week" else 1  # "two weeks after June 12": a day
    return "DATE", (moved + dt.timedelta(days=sign * n * days)).isoformat()


_MONTH_VALUE = re.compile(r"^(\d{4})(-\d\d(?:-\d\d)?)$")


def _nearer_year(anchor: dt.date, past: Result, ahead: Result) -> Result:
    """Of two readings of one month or day in two different years, the one nearer ``anchor``."""
    mp = _MONTH_VALUE.match(past[1] or "")
    ma = _MONTH_VALUE.match(ahead[1] or "")
    # the same month in two years (a movable holiday's day differs by a few: Thanksgiving)
    if not (mp and ma) or mp.group(2)[:3] != ma.group(2)[:3] or mp.group(1) == ma.group(1):
        return past

    def distance(m: re.Match[str]) -> int:
        y, mo, d = (m.group(0) + "-15").split("-")[:3]  # a month counts from its middle
        return abs((dt.date(int(y), int(mo), int(d)) - anchor).days)

    return ahead if distance(ma) < distance(mp) else past


# --------------------------------------------------------------------------- input


def _clean(text: str) -> str:
    s = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s+", " ", s.lower()).strip()
    s = re.sub(r"(?:'s|s')$", "", s)  # possessive: "last year's" → "last year"
    s = s.strip(' ,;:!?"()[]')
    # A sentence-final period after a full word is punctuation; after "p.m." or "Oct" it is part of it.
    if s.endswith(".") and not re.search(r"(?:\b[a-z]\.[a-z]\.|\b(?:" + MONTH_WORDS + r"))\.$", s):
        s = s[:-1].rstrip()
    return s


def _variants(s: str) -> list[str]:
    """``s`` and then ``s`` with leading modifiers removed one at a time ("about", "early", "the end of")."""
    out = [s]
    cur = s
    while True:
        nxt = _MODIFIER.sub("", cur, count=1)
        if nxt == cur or not nxt:
            break
        out.append(nxt)
        cur = nxt
    # "the past two years" must reach the duration rule with its "the past" intact, which it does
    # because the full form is tried first; the stripped forms only help what nothing matched.
    return out


# ------------------------------------------------------------------------ fallback


# A month, a weekday, a four-digit year or a clock time: what dateparser reads reliably.
_PARSEABLE = re.compile(
    r"\b(?:" + MONTH_WORDS + r")\b|" + WEEKDAY_RE + r"|\b(?:1[0-9]|20)\d\d\b|\d:\d\d|\b[ap]\.?m\b", re.I
)


@functools.lru_cache(maxsize=32)
def _date_parser(anchor: dt.date | None) -> Any:
    """A dateparser parser relative to ``anchor``; built once per anchor (building one takes milliseconds)."""
    from dateparser.date import DateDataParser

    # Without an anchor, a relative phrase resolves against a date nobody writes about; the caller
    # only keeps the result when the span names its year.
    base = dt.datetime.combine(anchor, dt.time()) if anchor else dt.datetime(1900, 1, 1)
    settings = {"PREFER_DATES_FROM": "current_period", "RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True}
    return DateDataParser(languages=["en"], settings=settings)


def _fallback(s: str, anchor: dt.date | None) -> Result:
    """dateparser over the span alone, written at the granularity it reports."""
    if not _PARSEABLE.search(s):
        return "DATE", None  # a bare number ("the 5th") is no date; dateparser would guess a month
    data = _date_parser(anchor).get_date_data(s)
    if data.date_obj is None:
        return "DATE", None
    d, period = data.date_obj, data.period
    absolute = re.search(r"\b(?:1[0-9]|20)\d\d\b", s) is not None
    if anchor is None and not absolute:
        return "DATE", None
    if period == "time":
        return "TIME", d.strftime("%Y-%m-%dT%H:%M")
    if period == "year":
        return "DATE", d.strftime("%Y")
    if period == "month":
        return "DATE", d.strftime("%Y-%m")
    if period == "week":
        return "DATE", week_value(d.date())
    return "DATE", d.date().isoformat()
