"""Calendar arithmetic for TIMEX3 values: weeks, quarters, seasons, holidays, news-convention years.

Input → output: dates and small integers → dates and TIMEX3 value pieces. Pure functions;
:mod:`crosswire.extract.timex_rules` writes the values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

__all__ = [
    "AGAINST_DAYS",
    "AGAINST_MONTHS",
    "HOLIDAYS",
    "SEASON_ORDER",
    "day_year",
    "days_in_month",
    "direction_of",
    "easter",
    "last_completed_quarter",
    "month_year",
    "nth_weekday",
    "quarter_of",
    "season_of",
    "shift_months",
    "week_value",
    "weekday_date",
    "weekend_saturday",
]


def shift_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = days_in_month(year, month)
    return dt.date(year, month, min(d.day, last))


def days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def week_value(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def last_completed_quarter(d: dt.date) -> tuple[int, int]:
    q = quarter_of(d) - 1
    return (d.year, q) if q >= 1 else (d.year - 1, 4)


def season_of(d: dt.date) -> tuple[int, str]:
    # Meteorological seasons; December belongs to the winter of the next year's start.
    code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        d.month, "FA"
    )
    year = d.year + 1 if d.month == 12 else d.year
    return year, code


SEASON_ORDER = ["WI", "SP", "SU", "FA"]


def weekday_date(anchor: dt.date, weekday: int, *, direction: int, future: bool) -> dt.date:
    """The ``weekday`` a news report means: same day or most recent one, or the next one in a future clause.

    ``direction``: -1 "last Tuesday", +1 "next Tuesday", 0 a bare weekday.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction < 0:
        return anchor - dt.timedelta(days=back or 7)
    if direction > 0:
        return anchor + dt.timedelta(days=ahead or 7)
    if back == 0:
        return anchor
    return anchor + dt.timedelta(days=ahead) if future else anchor - dt.timedelta(days=back)


# How far a bare month or day may lie against the tense ("the deadline of Feb. 10" told in
# a past-tense clause of a January report) before the other year is meant.
AGAINST_MONTHS = 2
AGAINST_DAYS = 60


def month_year(anchor: dt.date, month: int, *, direction: int, future: bool) -> int:
    """Year of a month named without one: the latest such month in a past clause, the next in a future one.

    "last"/"next" (``direction`` -1/+1) exclude the anchor's own month. A month at most
    ``AGAINST_MONTHS`` against the tense, and nearer than the one with it, wins.
    """
    if direction < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    back = (anchor.month - month) % 12
    ahead = (month - anchor.month) % 12
    go_ahead = (
        ahead <= AGAINST_MONTHS and ahead < back
        if not future
        else not (back <= AGAINST_MONTHS and back < ahead)
    )
    if go_ahead:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def day_year(anchor: dt.date, month: int, day: int, *, future: bool) -> int:
    """Year of "July 2" with no year: the nearest such day on the tense's side of the anchor.

    A day at most ``AGAINST_DAYS`` on the other side, and nearer, wins ("Friday's
    deadline of Feb. 10" in a January report).
    """
    dated: list[tuple[int, int]] = []  # (signed distance in days, year)
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            dated.append(((dt.date(year, month, day) - anchor).days, year))
        except ValueError:
            continue  # February 29 outside a leap year
    if not dated:
        raise ValueError(f"no year near {anchor} has {month}/{day}")
    with_tense = [d for d in dated if (d[0] >= 0 if future else d[0] <= 0)]
    against = [d for d in dated if d not in with_tense]
    best_with = min(with_tense, key=lambda d: abs(d[0])) if with_tense else None
    best_against = min(against, key=lambda d: abs(d[0])) if against else None
    if best_against and (
        best_with is None
        or (abs(best_against[0]) <= AGAINST_DAYS and abs(best_against[0]) < abs(best_with[0]))
    ):
        return best_against[1]
    assert best_with is not None
    return best_with[1]


def direction_of(word: str | None) -> int:
    if not word:
        return 0
    w = word.strip().lower()
    if w in ("last", "past", "this past", "previous", "preceding"):
        return -1
    if w in ("next", "coming", "this coming", "following", "upcoming"):
        return 1
    return 0


def weekend_saturday(anchor: dt.date, word: str, *, future: bool) -> dt.date:
    """Saturday of the weekend meant: the current one on a weekend day, else the past one unless ahead."""
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)  # the latest Saturday up to the anchor
    on_weekend = anchor.weekday() >= 5
    if word == "last":
        return saturday - dt.timedelta(weeks=1) if on_weekend else saturday
    ahead = word == "next" or (word in ("this", "the") and future) or (word == "this" and not on_weekend)
    if ahead and not on_weekend:
        return saturday + dt.timedelta(weeks=1)
    if word == "next":
        return saturday + dt.timedelta(weeks=1)
    return saturday


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month, day = divmod(h + j - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    d = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    return d + dt.timedelta(weeks=n - 1)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 6, 0, 1) - dt.timedelta(weeks=1),
    "election day": lambda y: (
        nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)
    ),  # Tuesday after the first Monday
    "easter": lambda y: easter(y),
    "easter sunday": lambda y: easter(y),
}
HOLIDAYS = dict(sorted(HOLIDAYS.items(), key=lambda kv: -len(kv[0])))  # longest first for the regex
