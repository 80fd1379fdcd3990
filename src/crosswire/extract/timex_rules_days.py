"""TIMEX3 rules for days, dates, durations, sets and references to the present, past and future.

Input → output: one registered rule per phrase shape; each takes a regex match, the
anchor, whether the clause is about the future, the context and the reference time, and
returns ``(type, value)`` or None to let the next rule try. :func:`timex_rules.normalize`
runs :data:`RULES` and then :data:`timex_rules_periods.RULES` in order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal

from crosswire.extract.timex_calendar import (
    day_year,
    days_in_month,
    direction_of,
    month_year,
    quarter_of,
    shift_months,
    week_value,
    weekday_date,
)
from crosswire.extract.timex_lexicon import (
    DAYPART,
    DAYPART_RE,
    DURATION_UNIT,
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    SET_ADVERBS,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    parse_number,
    unit_of,
)

__all__ = [
    "DAY_RE",
    "RULES",
    "YEAR_DIGITS",
    "YEAR_RE",
    "Result",
    "Rule",
    "Tense",
    "TimexType",
    "duration_value",
    "offset_value",
    "parse_ref",
    "rule_registry",
]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"]
Result = tuple[TimexType, str | None]
# (match, anchor, future clause, context, reference value) → result, or None: not mine after all
Rule = Callable[[re.Match[str], dt.date | None, bool, str, str | None], Result | None]


def rule_registry() -> tuple[list[tuple[re.Pattern[str], Rule]], Callable[[str], Callable[[Rule], Rule]]]:
    """An ordered rule list and the decorator that appends a ``(pattern, rule)`` to it."""
    rules: list[tuple[re.Pattern[str], Rule]] = []

    def rule(pattern: str) -> Callable[[Rule], Rule]:
        def register(fn: Rule) -> Rule:
            rules.append((re.compile(pattern, re.I), fn))
            return fn

        return register

    return rules, rule


RULES, _rule = rule_registry()


def parse_ref(ref: str | None) -> tuple[int, int | None, int | None, int | None] | None:
    """``(year, month, day, quarter)`` of a reference value ("1989-10-27", "1989-Q3", "1989"); None if not calendar."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4]))?", ref or "")
    if m is None:
        return None
    y, mo, d, q = (int(g) if g else None for g in m.groups())
    assert y is not None
    if mo is not None and not (1 <= mo <= 12 and (d is None or 1 <= d <= days_in_month(y, mo))):
        return None  # "1990-02-29" is no day on the calendar: nothing to count from
    return y, mo, d, q


_PRESENT = r"now|right now|just now|currently|current|presently|at present|the present|present|at the moment|nowadays|these days|today's|this time|at this time"
_PAST = r"recently|recent|lately|previously|formerly|once|the past|in the past|earlier|before|in recent times|recent times|past"
_FUTURE = r"the future|future|in the future|the near future|the foreseeable future|soon|very soon|shortly|eventually|later|a later date|an early date|as soon as possible|in due course"


@_rule(rf"(?:{_PRESENT})")
def _present(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    return "DATE", "PRESENT_REF"


@_rule(rf"(?:{_PAST})")
def _past_ref(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    return "DATE", "PAST_REF"


@_rule(rf"(?:{_FUTURE})")
def _future_ref(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    return "DATE", "FUTURE_REF"


# ---- sets: "weekly", "every day", "each July", "Tuesdays"


@_rule(r"(?:" + "|".join(SET_ADVERBS) + r")")
def _set_adverb(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    return "SET", SET_ADVERBS[m.group(0).lower()]


@_rule(rf"(?:every|each|per|once a|twice a|(?:\w+ )?times a) (other )?({UNIT_RE}|{DAYPART_RE})")
def _set_every(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    word = unit_of(m.group(2))
    if word in DAYPART:
        return "SET", f"XXXX-XX-XXT{DAYPART[word]}"
    letter, mult, is_time = DURATION_UNIT[word]
    n = mult * (2 if m.group(1) else 1)
    return "SET", f"P{'T' if is_time else ''}{n}{letter}"


@_rule(
    rf"(?:every|each) ({WEEKDAY_RE})( {DAYPART_RE})?|({WEEKDAY_RE})s( {DAYPART_RE}s?)?|({WEEKDAY_RE})( {DAYPART_RE})s"
)
def _set_weekday(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    day = WEEKDAYS[(m.group(1) or m.group(3) or m.group(5)).lower()]
    part = (m.group(2) or m.group(4) or m.group(6) or "").strip().rstrip("s")
    suffix = f"T{DAYPART[part]}" if part else ""
    return "SET", f"XXXX-WXX-{day + 1}{suffix}"


@_rule(rf"(?:every|each) ({MONTH_RE})")
def _set_month(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    return "SET", f"XXXX-{MONTHS[m.group(1).rstrip('.')]:02d}"


# ---- adjectival durations and ages: "10-year", "two-day", "decade-long", "62-year-old"

_ADJ_NUMBER = r"(\d+|[a-z]+(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"


@_rule(
    _ADJ_NUMBER + r"[- ](second|minute|hour|day|night|week|month|quarter|year|decade|century)(?:-long|-old)?"
)
def _adjectival(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    if "-" not in m.group(0):
        return None  # "two years" without a hyphen is the plain duration rule's
    try:
        n = parse_number(m.group(1).replace("-", " "))
    except ValueError:
        return None
    return duration_value(n, m.group(2))


@_rule(
    r"(second|minute|hour|day|week|month|year|decade|century|centurie)s?-long|decadal|decennial|centennial"
)
def _unit_long(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    word = m.group(0).lower()
    if word in ("decadal", "decennial"):
        return "DURATION", "P10Y"
    if word == "centennial":
        return "DURATION", "P100Y"
    unit = "century" if m.group(1).lower() == "centurie" else m.group(1)
    return duration_value(None if word.split("-")[0].endswith("s") else 1, unit)


def duration_value(n: int | None, unit_word: str) -> Result:
    """TIMEX3 duration of ``n`` units ("P2Y", "PT16H"); decades and centuries in years; ``None`` → "X"."""
    letter, mult, is_time = DURATION_UNIT[unit_of(unit_word)]
    count = "X" if n is None else str(n * mult)
    return "DURATION", f"P{'T' if is_time else ''}{count}{letter}"


# ---- "N units ago/earlier/later", "a year ago", "a decade ago"


@_rule(rf"({NUMBER_RE}) ({UNIT_RE}) (ago|earlier|before|back|later|after|from now|hence)")
def _ago(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result | None:
    unit = unit_of(m.group(2))
    n = parse_number(m.group(1))
    sign = 1 if m.group(3) in ("later", "after", "from now", "hence") else -1
    if anchor is None:
        return "DATE", None
    if n is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    parsed = parse_ref(ref)
    if unit == "year" and parsed and parsed[3]:
        # "profit rose from $5 million a year ago" in a results story: the quarter a year back.
        return "DATE", f"{parsed[0] + sign * n}-Q{parsed[3]}"
    base = anchor
    if m.group(3) in ("earlier", "later", "before", "after") and parsed and parsed[1] and parsed[2]:
        base = dt.date(parsed[0], parsed[1], parsed[2])  # "three days later": later than the date just told
    elif m.group(3) in ("earlier", "later", "before", "after") and DURATION_UNIT[unit][2]:
        # "returned 10 minutes earlier": minutes before the moment the story tells, which no
        # date named; the publication day would be a guess dressed as a date
        return "DATE", None
    return "DATE", offset_value(base, unit, sign * n)


def offset_value(anchor: dt.date, unit: str, n: int) -> str:
    """Anchor moved by ``n`` units, written at that unit's granularity."""
    _, mult, is_time = DURATION_UNIT[unit]
    if is_time:
        return anchor.isoformat()
    if unit in ("day", "night"):
        return (anchor + dt.timedelta(days=n)).isoformat()
    if unit in ("week", "fortnight", "weekend"):
        return week_value(anchor + dt.timedelta(weeks=n * mult))
    if unit == "month":
        return shift_months(anchor, n).strftime("%Y-%m")
    if unit == "quarter":
        d = shift_months(anchor, 3 * n)
        return f"{d.year}-Q{quarter_of(d)}"
    return str(anchor.year + n * mult)


# ---- durations: "two years", "the past two years", "the first nine months", "several weeks"

_DUR_PRE = (
    r"(?:(?:the|a|an|another|each of the) )?(?:(?:past|last|next|first|previous|coming|following|final|"
    r"latest|remaining|additional|other|full|entire|whole|initial|preceding|recent|same) )*"
)


@_rule(
    _DUR_PRE
    + rf"({NUMBER_RE})(?: (?:more|additional|straight|consecutive|full|trading|business|calendar|long|extra))? ({UNIT_RE})(?: or (?:so|more|longer|two|three))?(?: long| running| in a row)?"
)
def _plain_duration(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    num = m.group(1).lower()
    unit = unit_of(m.group(2))
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", num):
        return None  # "the 1988 quarter" names a year, it does not count quarters
    if (
        num in ("a", "an", "one")
        and unit == "quarter"
        and not re.search(r"\b(?:past|last|next|first|full)\b", m.group(0), re.I)
    ):
        return None  # "a quarter" is often a fraction ("a quarter of the shares")
    return duration_value(parse_number(num), unit)


@_rule(
    rf"(?:(?:the|in|over|for) )?(?:(?:past|last|next|coming|recent|following|previous|ensuing|intervening|early|later) )*(?:few |several |many )?({UNIT_RE})(?: to come| ahead)?"
)
def _vague_duration(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    word = m.group(1).lower()
    if not word.endswith("s") and word not in ("centuries", "millennia"):
        return None  # singular "the week", "the year": handled as dates below
    if re.match(r"(?:(?:in|over) )?(?:the )?(?:recent|past) (?:years|decades)$", m.group(0)):
        return "DATE", "PAST_REF"  # "in recent years": the recent past, not a measured stretch
    return duration_value(None, word)


@_rule(r"(?:the )?(past|last|next|coming|previous) (decade|century|millennium|(?:quarter|half)[- ]century)")
def _past_decade(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    # "the past decade" is the ten years up to now, like "the past two years".
    return duration_value(1, m.group(2))


@_rule(r"(?:the )?week (?:of|beginning|starting|ending) (.+)")
def _week_of(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    from crosswire.extract.timex_rules import normalize  # the recursion: a rule normalises a part

    typ, value = normalize(
        m.group(1), anchor=anchor, context=ctx, tense="future" if future else "past", reference=ref
    )
    if typ != "DATE" or value is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return None
    return "DATE", week_value(dt.date.fromisoformat(value))


# ---- named days: "today", "yesterday", "tonight", "this morning", "last night"

_DAY_OFFSET = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


@_rule(
    r"(today|tonight|yesterday|tomorrow|the day before yesterday|the day after tomorrow)(?: ('s )?("
    + DAYPART_RE
    + r"))?"
)
def _named_day(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    word = m.group(1).lower()
    part = "night" if word == "tonight" else (m.group(3) or "")
    typ: TimexType = "TIME" if part else "DATE"
    if anchor is None:
        return typ, None
    d = anchor + dt.timedelta(days=_DAY_OFFSET[word])
    return typ, d.isoformat() + (f"T{DAYPART[part.lower()]}" if part else "")


@_rule(r"(this|last|yesterday|tomorrow|the) (" + DAYPART_RE + r")|(overnight)")
def _daypart(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    if anchor is None:
        return "TIME", None
    if m.group(3):
        return "TIME", f"{anchor.isoformat()}T{DAYPART[m.group(3).lower()]}"
    word, part = m.group(1).lower(), m.group(2).lower()
    shift = -1 if word in ("last", "yesterday") else (1 if word == "tomorrow" else 0)
    if word == "last" and part != "night":
        shift = -1
    return "TIME", f"{(anchor + dt.timedelta(days=shift)).isoformat()}T{DAYPART[part]}"


# ---- weekdays: "Tuesday", "on Wednesday", "last Friday", "Friday morning"


@_rule(rf"({WEEKDAY_RE}) of (last|this|next) week")
def _weekday_of_week(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result:
    """ "Monday of last week": that weekday in the week the words count to."""
    if anchor is None:
        return "DATE", None
    monday = anchor - dt.timedelta(days=anchor.weekday())
    week = {"last": -1, "this": 0, "next": 1}[m.group(2).lower()]
    return "DATE", (monday + dt.timedelta(weeks=week, days=WEEKDAYS[m.group(1).lower()])).isoformat()


@_rule(rf"(later|earlier) ({WEEKDAY_RE})(?:,? ({DAYPART_RE}))?")
def _later_weekday(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result:
    """ "later Monday": a day close to the report's own, so the nearest such weekday whatever
    the tense (a report stamped the next morning says "later Monday" of the day before);
    "earlier Friday" lies behind."""
    if anchor is None:
        return "DATE", None
    day = WEEKDAYS[m.group(2).lower()]
    back = weekday_date(anchor, day, direction=0, future=False)
    ahead = weekday_date(anchor, day, direction=0, future=True)
    later = m.group(1).lower() == "later"
    d = ahead if later and (ahead - anchor).days < (anchor - back).days else back
    return "DATE", d.isoformat() + (f"T{DAYPART[m.group(3).lower()]}" if m.group(3) else "")


@_rule(
    rf"(?:(last|next|this|this past|this coming|coming|past) )?({WEEKDAY_RE})(?:'s)?(?:,? ({DAYPART_RE}))?"
)
def _weekday(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    part = m.group(3)
    # TimeBank marks "Friday night" as a DATE whose value names the part of the day.
    typ: TimexType = "DATE"
    if anchor is None:
        return typ, None
    word = (m.group(1) or "").lower()
    direction = direction_of(word) if word != "this" else 0
    d = weekday_date(anchor, WEEKDAYS[m.group(2).lower()], direction=direction, future=future)
    return typ, d.isoformat() + (f"T{DAYPART[part.lower()]}" if part else "")


# ---- absolute calendar dates

YEAR_DIGITS = r"(?:1[0-9]|20)\d\d"
YEAR_RE = rf"({YEAR_DIGITS})"
DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"


@_rule(r"(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2})(?::\d{2})?)?")
def _iso(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result | None:
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    if m.group(4):
        return "TIME", f"{d.isoformat()}T{m.group(4)}:{m.group(5)}"
    return "DATE", d.isoformat()


@_rule(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")
def _numeric(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 1900 if year >= 50 else 2000
    if month > 12 >= day:
        month, day = day, month  # day-first writing ("25/12/2024")
    try:
        return "DATE", dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@_rule(
    rf"(?:({MONTH_RE}) {DAY_RE} ?(?:-|to|through) ?(\d{{1,2}})|{DAY_RE} ?(?:-|to) ?(\d{{1,2}}) ({MONTH_RE}))(?:,? {YEAR_RE})?"
)
def _day_range(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    """ "September 16-19" (a poll's field dates): its first day. Read whole, the "19" would be
    a year (2019)."""
    from crosswire.extract.timex_rules import normalize  # the recursion: a rule normalises a part

    month, first, last = (
        (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(4), m.group(5))
    )
    if not int(first) < int(last) <= 31:
        return None
    year = f", {m.group(7)}" if m.group(7) else ""
    return normalize(
        f"{month} {first}{year}",
        anchor=anchor,
        context=ctx,
        tense="future" if future else "past",
        reference=ref,
    )


@_rule(
    rf"(?:(last|next|this|this past|this coming) )?(?:{WEEKDAY_RE},? )?(?:the )?(?:({MONTH_RE}) {DAY_RE}|{DAY_RE}(?: of)? ({MONTH_RE}))(?:,? {YEAR_RE})?"
)
def _month_day(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    month = MONTHS[(m.group(2) or m.group(5)).rstrip(".").lower()]
    day = int(m.group(3) or m.group(4))
    direction = direction_of(m.group(1))
    if m.group(6):
        year = int(m.group(6))
    elif anchor is None:
        return "DATE", None
    else:
        try:
            year = day_year(anchor, month, day, future=future if direction == 0 else direction > 0)
        except ValueError:
            return None
    try:
        return "DATE", dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@_rule(
    rf"(?:(last|next|this|this past|this coming|coming|past) )?({MONTH_RE})(?:,? (?:of )?{YEAR_RE}|(?:,? (?:of )?'(\d\d)))?"
)
def _month(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    word = m.group(2).rstrip(".").lower()
    month = MONTHS[word]
    if m.group(3):
        return "DATE", f"{m.group(3)}-{month:02d}"
    if m.group(4):
        y = int(m.group(4))
        return "DATE", f"{(1900 if y >= 50 else 2000) + y}-{month:02d}"
    if anchor is None:
        return "DATE", None
    if (m.group(1) or "").lower() == "this":
        return "DATE", f"{anchor.year}-{month:02d}"  # "this November" in July: this year's, said or to come
    return (
        "DATE",
        f"{month_year(anchor, month, direction=direction_of(m.group(1)), future=future)}-{month:02d}",
    )


_YEAR_SHIFT = {"last": -1, "the previous": -1, "the preceding": -1, "this": 0, "next": 1, "the following": 1}


@_rule(rf"({MONTH_RE}) (?:of )?(last|this|next|the previous|the preceding|the following) year")
def _month_of_relative_year(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result:
    """ "April last year", "June of this year": the month of the year the words count to —
    from the publication date, or for "the following/previous year" from the date the text
    mentioned last."""
    if m.group(2).startswith("the "):
        base = int(ref[:4]) if ref and ref[:4].isdigit() else None
    else:
        base = anchor.year if anchor is not None else None
    if base is None:
        return "DATE", None
    return "DATE", f"{base + _YEAR_SHIFT[m.group(2)]}-{MONTHS[m.group(1).rstrip('.').lower()]:02d}"


@_rule(
    rf"(?:(?:fiscal|calendar|the|model|school) )*(?:year )?{YEAR_RE}(?: fiscal year| financial year)?|fy ?{YEAR_RE}|'(\d\d)"
)
def _year(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    if m.group(3):
        y = int(m.group(3))
        return "DATE", str((1900 if y >= 50 else 2000) + y)
    return "DATE", m.group(1) or m.group(2)


@_rule(
    rf"{YEAR_RE}s|'(\d)0s|(?:the )?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
)
def _decade(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    if m.group(1):
        if not m.group(1).endswith("0"):
            return None
        return "DATE", m.group(1)[:3] + "X"
    if m.group(2):
        return "DATE", f"19{m.group(2)}X"
    names = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
    return "DATE", f"19{names.index(m.group(3).lower()) + 2}X"


@_rule(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century")
def _century(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    return "DATE", f"{int(m.group(1)) - 1:02d}"
