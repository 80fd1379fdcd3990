"""TIMEX3 rules for quarters, halves, periods named by a determiner, seasons, holidays and clock times.

Input → output: one registered rule per phrase shape (see :mod:`timex_rules_days` for the
rule signature). Determiners place a period against the anchor ("this quarter"), against
the reference time — the date the text last named ("that day", "the year-earlier
quarter") — or against the period a results story is about ("the latest period").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from crosswire.extract.timex_calendar import (
    HOLIDAYS,
    SEASON_ORDER,
    day_year,
    direction_of,
    last_completed_quarter,
    quarter_of,
    season_of,
    shift_months,
    week_value,
    weekend_saturday,
)
from crosswire.extract.timex_lexicon import (
    DURATION_UNIT,
    MONTH_RE,
    ORDINAL_RE,
    ORDINALS,
    SEASON_RE,
    SEASONS,
    WEEKDAY_RE,
)
from crosswire.extract.timex_rules_days import (
    YEAR_DIGITS,
    YEAR_RE,
    Result,
    offset_value,
    parse_ref,
    rule_registry,
)

__all__ = ["RULES"]

RULES, _rule = rule_registry()


# ---- quarters, halves, seasons


_PAST_RESULTS = re.compile(r"\b(?:reported|posted|earned|had|was|were|rose|fell|totaled|totalled)\b", re.I)
_YEAR_WORD = r"(?:(this|next|last) year's |(?:the |a |an |its |their )?(?:(?P<back>year-ago|year-earlier) )?)"


@_rule(
    rf"{_YEAR_WORD}(?:({YEAR_DIGITS}|fiscal {YEAR_DIGITS}) )?(?:fiscal[- ])?({ORDINAL_RE}|final)[- ](?:fiscal )?(quarter|half)(?:,? (?:of )?(?:fiscal )?(?:year )?{YEAR_RE})?|q([1-4])(?: {YEAR_RE})?"
)
def _quarter_rule(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    if m.group(7):
        n, kind, year_text = int(m.group(7)), "quarter", m.group(8)
    else:
        n = ORDINALS.get(m.group(4).lower(), 0)
        kind, year_text = m.group(5).lower(), m.group(6)
        lead = re.match(r"(?:fiscal )?(\d{4})", m.group(3) or "")
        year_text = year_text or (lead.group(1) if lead else None)
    limit = 4 if kind == "quarter" else 2
    if n == -1:
        n = limit
    if not 1 <= n <= limit:
        return None
    code = f"Q{n}" if kind == "quarter" else f"H{n}"
    if year_text:
        return "DATE", f"{year_text}-{code}"
    if anchor is None:
        return "DATE", None
    year = (
        anchor.year
        + {"this": 0, "next": 1, "last": -1}.get((m.group(1) or "this").lower(), 0)
        - bool(m.group("back"))
    )
    if (
        not m.group(1)
        and kind == "quarter"
        and n > quarter_of(anchor)
        and not future
        and _PAST_RESULTS.search(ctx)
    ):
        year -= 1  # results reported for a quarter that has not begun this year are last year's
    return "DATE", f"{year}-{code}"


_PART_OF_YEAR = {
    ("first", "three months"): "Q1", ("last", "three months"): "Q4",
    ("first", "six months"): "H1", ("last", "six months"): "H2",
    ("first", "half"): "H1", ("second", "half"): "H2", ("last", "half"): "H2",
}  # fmt: skip


@_rule(
    rf"(?:the )?(first|last|final|second) (three months|six months|half) of (?:(the|this|last|next) year|({YEAR_DIGITS}))"
)
def _part_of_year(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    """ "the last three months of 2015" → 2015-Q4, "the first half of the year" → its H1."""
    which = "last" if m.group(1).lower() == "final" else m.group(1).lower()
    code = _PART_OF_YEAR.get((which, m.group(2).lower()))
    if code is None:
        return None
    if m.group(4):
        return "DATE", f"{m.group(4)}-{code}"
    if anchor is None:
        return "DATE", None
    # "the year" is the report's own year, as "this year" is
    year = anchor.year + {"the": 0, "this": 0, "last": -1, "next": 1}[m.group(3).lower()]
    return "DATE", f"{year}-{code}"


@_rule(r"(.+?) (?:that |which )?(?:ended|ending|ends)(?: on)? (.+)")
def _period_ended(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    """ "the quarter ended Sept. 30": the quarter that mostly lies before the end date; other periods as they are."""
    from crosswire.extract.timex_rules import normalize  # the recursion: a rule normalises a part

    typ, value = normalize(m.group(2), anchor=anchor, context=ctx, tense="past", reference=ref)
    head = m.group(1)
    if re.fullmatch(r"(?:the |its |their )?(?:fiscal |financial )?year", head):
        return "DURATION", "P1Y"  # "the year ended March 31": twelve months up to a date, not a calendar year
    if not re.search(r"\b(?:quarter|period|half)$", head):
        return normalize(head, anchor=anchor, context=ctx, tense="past", reference=ref)
    if typ != "DATE" or value is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "DATE", None
    ordinal = re.search(rf"\b({ORDINAL_RE})\b", head)
    if ordinal and ORDINALS[ordinal.group(1)] in range(1, 5):
        # "its fiscal first quarter ended Sept. 30": the company's own count, in the end date's year
        kind = "H" if head.endswith("half") else "Q"
        return "DATE", f"{value[:4]}-{kind}{ORDINALS[ordinal.group(1)]}"
    mid = dt.date.fromisoformat(value) - dt.timedelta(days=45)  # a fiscal quarter ending July 31 is mostly Q2
    if head.endswith("half"):
        return "DATE", f"{mid.year}-H{1 if mid.month <= 6 else 2}"
    return "DATE", f"{mid.year}-Q{quarter_of(mid)}"


@_rule(r"(?:the )?(?:fiscal )?year(?:'s)?[- ]end")
def _year_end(m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None) -> Result:
    return "DATE", str(anchor.year) if anchor else None


# How each determiner places a period: relative to the anchor (this/last/next), to the
# reference time — the date the text last mentioned (that/the same/the following) — or
# to the reference a year back ("the year-earlier quarter").
_DET_KIND = {
    "this": "current", "the current": "current", "the full": "current", "the whole": "current", "the entire": "current",
    "last": "previous", "this past": "previous", "the previous": "previous", "the preceding": "previous", "the prior": "previous",
    "the latest": "latest", "the most recent": "latest", "the recent": "latest", "the": "latest",
    "next": "next", "the coming": "next",
    "that": "that", "the same": "that", "the comparable": "that", "the corresponding": "that",
    "the following": "following", "the next": "following", "the ensuing": "following",
    "the year-earlier": "year-back", "the year-ago": "year-back", "year-earlier": "year-back", "year-ago": "year-back",
    "a year-earlier": "year-back", "a year-ago": "year-back", "last year's": "year-back",
}  # fmt: skip
_DET_RE = "|".join(sorted(_DET_KIND, key=len, reverse=True))


@_rule(
    rf"({_DET_RE})(?: (fiscal|calendar|financial))?(?: (quarter|period|half|year|month|week|weekend|day|decade|century))?"
)
def _deictic(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    det, fiscal, unit = m.group(1).lower(), m.group(2), (m.group(3) or "").lower()
    kind = _DET_KIND[det]
    if not unit:
        if kind != "year-back":
            return None
        unit = "period"  # "the year-earlier" alone: the year-earlier period
    if anchor is None:
        return "DATE", None
    parsed = parse_ref(ref)
    if unit == "period":
        if not ((parsed and parsed[3]) or "quarter" in ctx.lower()):
            return "DATE", None if kind != "year-back" else str(anchor.year - 1)
        unit = "quarter"
    if unit in ("quarter", "half"):
        return _deictic_quarter(kind, unit, anchor, parsed)
    if kind in ("that", "following", "year-back") and parsed is None and kind != "year-back":
        return "DATE", None  # anaphora with nothing to point back at
    if unit == "year":
        if kind in ("current", "latest"):
            base = anchor.year - (1 if fiscal and det == "the latest" else 0)
        elif kind == "previous":
            base = anchor.year - 1
        elif kind == "next":
            base = anchor.year + 1
        else:
            base = (parsed[0] if parsed else anchor.year) + {"that": 0, "following": 1, "year-back": -1}[kind]
        return "DATE", str(base)
    if unit == "decade":
        shift = {"previous": -1, "next": 1}.get(kind, 0)
        return "DATE", f"{str(anchor.year + 10 * shift)[:3]}X"
    if unit == "century":
        shift = {"previous": -1, "next": 1}.get(kind, 0)
        return "DATE", f"{(anchor.year + 100 * shift) // 100:02d}"
    return _deictic_small(kind, det, unit, anchor, parsed, future)


def _deictic_quarter(
    kind: str, unit: str, anchor: dt.date, parsed: tuple[int, int | None, int | None, int | None] | None
) -> Result:
    ref_q = (parsed[0], parsed[3]) if parsed and parsed[3] else None
    if kind == "current":
        y, q = anchor.year, quarter_of(anchor)
    elif kind == "next":
        y, q = (anchor.year, quarter_of(anchor) + 1) if quarter_of(anchor) < 4 else (anchor.year + 1, 1)
    elif kind == "previous":
        y, q = last_completed_quarter(anchor)
    elif kind == "following":
        if ref_q is None:
            return "DATE", None
        y, q = (ref_q[0], ref_q[1] + 1) if ref_q[1] < 4 else (ref_q[0] + 1, 1)
    else:  # latest / that / year-back: the quarter the story is about, else the last completed one
        y, q = ref_q or last_completed_quarter(anchor)
        if kind == "year-back":
            y -= 1
    if unit == "half":
        return "DATE", f"{y}-H{1 if q <= 2 else 2}"
    return "DATE", f"{y}-Q{q}"


def _deictic_small(
    kind: str,
    det: str,
    unit: str,
    anchor: dt.date,
    parsed: tuple[int, int | None, int | None, int | None] | None,
    future: bool,
) -> Result:
    """Months, weeks, weekends and days named by a determiner."""
    ref_day = dt.date(parsed[0], parsed[1], parsed[2]) if parsed and parsed[1] and parsed[2] else None
    ref_month = dt.date(parsed[0], parsed[1], 1) if parsed and parsed[1] else None
    shift = {"previous": -1, "next": 1, "following": 1, "year-back": 0}.get(kind, 0)
    if unit == "weekend":
        word = {"previous": "last", "next": "next", "current": "this"}.get(kind, "the")
        return "DATE", week_value(weekend_saturday(anchor, word, future=future)) + "-WE"
    if kind in ("that", "following"):
        base = ref_day if unit in ("day", "week") else ref_month
        if base is None:
            return "DATE", None
    else:
        base = anchor
    if kind == "year-back":
        base = shift_months(base, -12)
    if unit == "month":
        return "DATE", shift_months(base, shift).strftime("%Y-%m")
    if unit == "week":
        return "DATE", week_value(base + dt.timedelta(weeks=shift))
    return "DATE", (base + dt.timedelta(days=shift)).isoformat()


@_rule(
    rf"(?:the )?(?:same |corresponding |comparable |year-earlier |year-ago )?(?:({YEAR_DIGITS}) )?(quarter|period|half)(?: (?:of |in )?(last year|a year (?:earlier|ago)|the previous year|the year before|{YEAR_DIGITS}))?"
)
def _period_of_year(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    """ "the 1988 quarter", "the same period last year", "the quarter a year ago": a reference quarter moved to a year."""
    year_text, unit, when = m.group(1), m.group(2).lower(), (m.group(3) or "").lower()
    if not (year_text or when):
        return None
    if anchor is None and not year_text:
        return "DATE", None
    parsed = parse_ref(ref)
    y, q = (
        (parsed[0], parsed[3])
        if parsed and parsed[3]
        else (last_completed_quarter(anchor) if anchor else (0, 0))
    )
    if year_text or re.fullmatch(r"\d{4}", when):
        y = int(year_text or when)
    else:
        y -= 1
    if not q:
        return "DATE", str(y)
    return "DATE", f"{y}-H{1 if q <= 2 else 2}" if unit == "half" else f"{y}-Q{q}"


@_rule(
    r"(?:(earlier|later|early|late|end of|mid) )?(this|last|next|past|coming|the coming) (year|month|week|quarter)"
)
def _this_period(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    word, unit = m.group(2).lower(), m.group(3).lower()
    if word == "past" and not m.group(1):
        return "DURATION", f"P1{DURATION_UNIT[unit][0]}"  # "the past year": the twelve months to now
    if anchor is None:
        return "DATE", None
    shift = {"this": 0, "last": -1, "next": 1, "past": -1, "coming": 1, "the coming": 1}[word]
    if unit == "quarter":
        y, q = last_completed_quarter(anchor) if shift < 0 else (anchor.year, quarter_of(anchor))
        if shift > 0:
            y, q = (y, q + 1) if q < 4 else (y + 1, 1)
        return "DATE", f"{y}-Q{q}"
    return "DATE", offset_value(anchor, unit, shift) if unit != "year" else str(anchor.year + shift)


@_rule(
    rf"(?:(this|last|next|this past|this coming|past|coming) )?(?:the )?({SEASON_RE})(?:,? (?:of )?{YEAR_RE})?"
)
def _season_rule(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    code = SEASONS[m.group(2).lower()]
    if m.group(3):
        return "DATE", f"{m.group(3)}-{code}"
    if anchor is None:
        return "DATE", None
    year, current = season_of(anchor)
    i, j = SEASON_ORDER.index(current), SEASON_ORDER.index(code)
    direction = direction_of(m.group(1))
    if direction == 0:
        direction = 0 if i == j else (1 if future else -1)
    if direction < 0:
        year = year if j < i else year - 1
    elif direction > 0:
        year = year if j > i else year + 1
    return "DATE", f"{year}-{code}"


# ---- holidays whose date is fixed or computable


@_rule(rf"(?:(last|next|this) )?({'|'.join(HOLIDAYS)})(?:,? {YEAR_RE})?( week| weekend)?")
def _holiday(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    fn = HOLIDAYS[m.group(2).lower()]
    if m.group(4):  # "Easter week": the week the holiday falls in; "Memorial Day weekend": its weekend
        typ, value = _holiday_date(m, fn, anchor, future)
        if value and m.group(4) == " weekend":
            day = dt.date.fromisoformat(value)
            ahead = (5 - day.weekday()) % 7  # the Saturday nearest the holiday: before a Monday's
            saturday = day + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
            return typ, week_value(saturday) + "-WE"
        return typ, value and week_value(dt.date.fromisoformat(value))
    return _holiday_date(m, fn, anchor, future)


def _holiday_date(
    m: re.Match[str], fn: Callable[[int], dt.date], anchor: dt.date | None, future: bool
) -> Result:
    if m.group(3):
        return "DATE", fn(int(m.group(3))).isoformat()
    if anchor is None:
        return "DATE", None
    direction = direction_of(m.group(1)) or (1 if future else 0)
    this_year = fn(anchor.year)
    if direction < 0 and this_year >= anchor:
        return "DATE", fn(anchor.year - 1).isoformat()
    if direction > 0 and this_year < anchor:
        return "DATE", fn(anchor.year + 1).isoformat()
    if direction == 0:
        # the convention of a day named without its year ("Dec. 25"): the nearest on the
        # tense's side — "At Christmas, stores were full" in a July report is last Christmas
        return "DATE", fn(day_year(anchor, this_year.month, this_year.day, future=future)).isoformat()
    return "DATE", this_year.isoformat()


# ---- clock times: "3 p.m.", "10:35 a.m. Tuesday", "noon", "midnight Friday"

_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'clock)?|(noon|midnight|midday)"
_TZ = r"(?:\s+(?:[a-z]{1,2}[sd]t|gmt|utc|local time|local))?"


def _clock_value(m: re.Match[str], first: int) -> str | None:
    """ "HH:MM" (or "24" for midnight) from the four ``_CLOCK`` groups starting at group ``first``."""
    hour_text, minute_text, ampm, named = (m.group(first + i) for i in range(4))
    if named:
        return {"noon": "12:00", "midday": "12:00", "midnight": "24"}[named.lower()]
    if not ampm and not minute_text:
        return None  # a bare number is not a time
    hour, minute = int(hour_text), int(minute_text or 0)
    if ampm and ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm and ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _timed(
    clock: str, day_text: str | None, anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    if not day_text:
        return "TIME", None if anchor is None else f"{anchor.isoformat()}T{clock}"
    from crosswire.extract.timex_rules import normalize  # the recursion: a rule normalises a part

    typ, value = normalize(
        day_text, anchor=anchor, context=ctx, tense="future" if future else "past", reference=ref
    )
    if typ != "DATE" or (value is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", value)):
        return None
    return "TIME", None if value is None else f"{value}T{clock}"


@_rule(rf"(?:at )?(?:{_CLOCK}){_TZ}(?:,? (?:on )?(.+))?")
def _clock(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    clock = _clock_value(m, 1)
    return None if clock is None else _timed(clock, m.group(5), anchor, future, ctx, ref)


@_rule(
    rf"({WEEKDAY_RE}|today|yesterday|tomorrow|tonight|(?:{MONTH_RE}) \d{{1,2}})(?:,? at|,)? (?:{_CLOCK}){_TZ}"
)
def _day_then_clock(
    m: re.Match[str], anchor: dt.date | None, future: bool, ctx: str, ref: str | None
) -> Result | None:
    clock = _clock_value(m, 2)
    return None if clock is None else _timed(clock, m.group(1), anchor, future, ctx, ref)
