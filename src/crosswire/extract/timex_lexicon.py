"""Words of English time expressions: numbers, units, months, weekdays, seasons, holidays.

Input → output: nothing; constant tables and regex fragments shared by the TIMEX3
normaliser (:mod:`crosswire.extract.timex_rules`) and the candidate matcher
(:mod:`crosswire.extract.timex_patterns`). Keeping them in one place means the matcher
never finds a phrase the normaliser has no rule for.
"""

from __future__ import annotations

import re

__all__ = [
    "DAYPART",
    "DAYPART_RE",
    "DURATION_UNIT",
    "MONTHS",
    "MONTH_RE",
    "MONTH_WORDS",
    "NUMBER_RE",
    "ORDINALS",
    "ORDINAL_RE",
    "SEASONS",
    "SEASON_RE",
    "SET_ADVERBS",
    "UNIT_RE",
    "WEEKDAYS",
    "WEEKDAY_RE",
    "parse_number",
    "unit_of",
]

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Long names first so the alternation never stops at a prefix ("jun" of "june").
MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_RE = r"(?:" + MONTH_WORDS + r")\.?"

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

# Only full weekday names in running text: "sat", "sun", "wed" are ordinary words.
WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_RE = r"(?:spring|summer|autumn|fall|winter)"

# TIMEX3 part-of-day codes.
DAYPART: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "daytime": "DT",
}  # fmt: skip
DAYPART_RE = r"(?:morning|afternoon|evening|night)"

_SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a": 1, "an": 1, "a single": 1, "a couple of": 2, "a couple": 2, "a dozen": 12,
    "a hundred": 100, "one hundred": 100, "hundred": 100,
}  # fmt: skip

# Quantities that are real but unknown: TIMEX3 writes the count as "X" ("PXY").
_VAGUE = ("a few", "few", "several", "some", "many", "a number of", "numerous", "dozens of", "hundreds of")

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "last": -1, "final": -1,
}  # fmt: skip
ORDINAL_RE = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th)"

_WORD_NUMBER = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten"
)
NUMBER_RE = (
    r"(?:\d+(?:[.,]\d+)?|(?:a|one) hundred|a dozen|a couple(?: of)?|a single|a few|few|several|some|many"
    r"|a number of|numerous|dozens of|hundreds of|" + _WORD_NUMBER + r"|an?)"
)

# Unit word → (TIMEX3 unit letter, multiplier, is a time-of-day unit).
DURATION_UNIT: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "fortnight": ("W", 2, False), "month": ("M", 1, False), "quarter": ("Q", 1, False),
    "year": ("Y", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
    "millennium": ("Y", 1000, False), "weekend": ("D", 2, False),
    "quarter-century": ("Y", 25, False), "half-century": ("Y", 50, False),
}  # fmt: skip
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?"
    r"|(?:quarter|half)[- ]centur(?:y|ies)|quarters?|years?|decades?|centuries|century|millenni(?:um|a))"
)

SET_ADVERBS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "fortnightly": "P2W", "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P1Q", "annually": "P1Y",
    "yearly": "P1Y", "biannually": "P6M", "semiannually": "P6M",
}  # fmt: skip


def unit_of(word: str) -> str:
    """Singular unit word for a plural or singular one: "centuries" → "century"."""
    w = word.lower().replace(" ", "-")  # "quarter century" is the "quarter-century"
    if w.endswith("centuries"):
        return w[: -len("ies")] + "y"
    if w in ("millennia", "millenniums"):
        return "millennium"
    return w[:-1] if w.endswith("s") else w


def parse_number(text: str) -> int | None:
    """The count in a number phrase; None when it is vague ("several", "a few").

    Raises ``ValueError`` for a phrase that is not a number phrase at all, so a caller
    cannot mistake a typo in a rule for a vague quantity.
    """
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in _VAGUE:
        return None
    if re.fullmatch(r"\d+(?:,\d{3})*", t):
        return int(t.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", t):
        f = float(t)
        return int(f) if f.is_integer() else None
    if t in _SMALL:
        return _SMALL[t]
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](\w+)", t)
    if m and m.group(2) in _SMALL and _SMALL[m.group(2)] < 10:
        return _SMALL[m.group(1)] + _SMALL[m.group(2)]
    raise ValueError(f"not a number phrase: {text!r}")
