"""Find time-expression candidates in raw text and trim spans the way TIMEX3 marks them.

Input → output: a string → ``[(start, end), ...]`` character ranges of time expressions
a statistical tagger tends to miss ("now", "recently", "two years", "Tuesday nights",
"3 p.m.", "10-year"), plus helpers that trim a span to TIMEX3 extent (no preposition,
no possessive, no trailing punctuation; "the" and modifiers such as "early" and
"nearly" stay, as TimeML annotates them) and tell non-times (ages) apart.

Patterns are anchored on time words, never on short tokens alone, so "we", "sat" or
"may" in running text are never candidates.
"""

from __future__ import annotations

import re

from crosswire.extract.timex_lexicon import (
    DAYPART_RE,
    MONTH_RE,
    MONTH_WORDS,
    NUMBER_RE,
    ORDINAL_RE,
    SEASON_RE,
    SET_ADVERBS,
    UNIT_RE,
    WEEKDAY_RE,
)

__all__ = ["find_candidates", "is_age", "looks_temporal", "trim_span"]

_MOD = (
    r"(?:(?:about|around|approximately|nearly|almost|roughly|some|more than|less than|fewer than|at least|"
    r"no more than|up to|over|only|just|early|late|mid-|the end of|the beginning of|the start of|"
    r"the middle of|the rest of) )?"
)
_YEAR = r"(?:1[5-9]|20)\d\d"
_FULL_MONTH = r"january|february|march|april|may|june|july|august|september|october|november|december"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_REL = r"(?:this|last|next|coming|past|this past|this coming|previous|following)"
_ADJ_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|[a-z]+-(?:one|two|three|four|five|six|seven|eight|nine))"
_CLOCK = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)|\d{1,2}:\d{2}|noon|midnight)"
_TZ = r"(?:\s+(?:[A-Z]{1,2}[SD]T|GMT|UTC)\b)?"
_DAYWORD = rf"(?:{WEEKDAY_RE}|today|yesterday|tomorrow|tonight)"

_PATTERNS: list[str] = [
    # clock times, with a day before or after: "3 p.m.", "10:35 a.m. Tuesday", "midnight Friday"
    rf"(?:{_DAYWORD},? (?:at )?)?{_CLOCK}{_TZ}(?:,? (?:on )?(?:{_DAYWORD}|{MONTH_RE} {_DAY}))?",
    # calendar dates: "Tuesday, July 1, 2025", "1 July 2025", "July 2025", "mid-July", "2025-07-01"
    rf"{_MOD}(?:{WEEKDAY_RE},? )?{MONTH_RE} {_DAY}(?:,? {_YEAR})?(?![\d:])",
    rf"{_MOD}(?:{WEEKDAY_RE},? )?(?:the )?{_DAY} (?:of )?{MONTH_RE}(?:,? {_YEAR})?",
    rf"{_MOD}(?:{_REL} )?{MONTH_RE}(?:,? (?:of )?{_YEAR})",
    # a month of a year told relatively: "April last year", "June of this year" (one expression)
    rf"{_MOD}{MONTH_RE} (?:of )?(?:last|this|next|the previous|the preceding|the following) year",
    # a month alone only by its full name or an abbreviation with its period ("Jan" is also a name)
    rf"{_MOD}(?:{_REL} )?(?:{_FULL_MONTH}|(?:{MONTH_WORDS})\.)",
    # a year after a preposition ("in 1990", "between 1994 and 1997"); the preposition is trimmed
    rf"(?:in|since|until|by|from|during|before|after|through|between|of|and|to|or|early|late|mid-) {_YEAR}(?![\d,.]\d)",
    r"\d{4}-\d{2}-\d{2}",
    r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})",
    # weekdays and named days: "on Wednesday" (the span is "Wednesday"), "last Friday", "yesterday afternoon"
    rf"{_MOD}(?:{_REL} )?{WEEKDAY_RE}s?(?:,? {DAYPART_RE}s?)?",
    rf"{_MOD}(?:today|tonight|yesterday|tomorrow|the day before yesterday|the day after tomorrow)(?: {DAYPART_RE})?",
    rf"(?:this|last|yesterday|tomorrow) {DAYPART_RE}|overnight",
    # decades and centuries: "the 1990s", "the mid-'80s", "the 20th century"
    rf"(?:the )?{_MOD}(?:(?:19|20)\d0s|'\d0s)",
    r"(?:the )?\d{1,2}(?:st|nd|rd|th) century|(?:this|last|next) century",
    # deictic periods: "last week", "earlier this month", "later this year", "the third quarter"
    rf"{_MOD}(?:earlier |later )?{_REL} (?:week|weekend|month|year|quarter|decade|{SEASON_RE})",
    rf"{_MOD}(?:the )?(?:{_YEAR} |year-ago |year-earlier )?(?:fiscal[- ])?{ORDINAL_RE}[- ](?:fiscal )?(?:quarter|half)(?:,? (?:of )?(?:fiscal )?{_YEAR})?",
    r"(?:the )?(?:latest|current|year-earlier|year-ago|comparable|previous|same|fiscal) (?:quarter|period)",
    r"the (?:quarter|weekend|year|week)|the (?:(?:current |latest |previous )?fiscal|full|calendar) year|year(?:'s)?[- ]end",
    r"(?:the )?year-(?:earlier|ago)|\bQ[1-4](?: {_YEAR})?".replace("{_YEAR}", _YEAR),
    rf"(?:fiscal|calendar) (?:year )?{_YEAR}",
    rf"(?:the )?{_MOD}{SEASON_RE}(?: of)? {_YEAR}|{_REL} {SEASON_RE}|the {SEASON_RE}",
    # durations and offsets: "the past two years", "two years ago", "a decade", "several weeks"
    rf"{_MOD}(?:the )?(?:(?:past|last|next|first|previous|coming|following|final|latest|remaining|additional|full|entire|initial) )*{NUMBER_RE}(?: (?:more|additional|straight|consecutive|full|trading|business))? {UNIT_RE}(?: (?:ago|earlier|from now))?",
    r"(?:the )?(?:(?:past|last|next|coming|recent) )+(?:few |several )?(?:days|weeks|months|years|decades|centuries)|recent (?:days|weeks|months|years|decades)|decades|centuries",
    # adjectival durations: "10-year", "two-day", "decade-long", "decadal"
    rf"{_ADJ_NUM}-(?:second|minute|hour|day|week|month|year|decade|century)(?:-long)?(?!-old)|(?:day|week|month|year|decade)s?-long|decadal",
    # frequencies: "weekly", "every day", "twice a year"
    r"(?:" + "|".join(SET_ADVERBS) + r")",
    rf"(?:every|each) (?:other )?(?:{UNIT_RE}|{DAYPART_RE}|{WEEKDAY_RE}|{MONTH_RE})",
    # references to the present, past and future
    # ("now," opening a sentence is a discourse marker; "soon", "previously" and a bare adjective
    # "future" are seldom marked as times)
    r"(?:right )?now(?!,)|currently|recently|nowadays|lately|at present"
    r"|the (?:near |foreseeable )?future|the past|these days|a later date",
    # holidays
    r"christmas(?: day| eve)?|new year's (?:day|eve)|thanksgiving(?: day)?|independence day|labor day|memorial day"
    r"|easter(?: sunday| week)?|election day",
]

# A space in a pattern stands for any run of whitespace (news text wraps lines anywhere).
_CANDIDATE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS).replace(" ", r"\s+") + r")(?![\w]|-\w)", re.I
)

# Every letter run in the patterns: a match can only begin with one of them (or a digit or "'").
_TRIGGERS = frozenset(re.findall(r"[a-z]+", "|".join(_PATTERNS).lower()))
_TOKEN = re.compile(r"[A-Za-z]+|\d+|'")

# Capitalised-only words: lower-case "may", "march", "fall", "spring" are verbs or nouns.
_NEEDS_CAPITAL = re.compile(r"^(?:may|march)$", re.I)
# A count of one of these units is more often a fraction or an ordinal ("a quarter of", "a second round").
_NOT_DURATION = re.compile(r"^(?:a|one) (?:second|quarter)$", re.I)
_AGE = re.compile(r"\d+[- ](?:year|month|week|day)s?[- ]old|\b(?:years?|months?) old\b|-old\b", re.I)
_LEADING = re.compile(
    r"^(?:on|in|at|by|since|until|till|during|from|for|through|throughout|within|before|after|"
    r"as of|as early as|as late as|starting|beginning|ending|of|and|or|to|between|over(?=\s+the\b))\s+",
    re.I,
)
# "the" belongs to the noun phrase, not the time, before a hyphenated adjective ("the third-quarter loss",
# "the year-ago period") and before a bare plural unit ("in the weeks before").
_NOT_OURS_THE = re.compile(r"^the\s+(?=[\w']+-[\w-]+$|(?:days|weeks|months|years|decades)$)", re.I)
_TRAILING = re.compile(rf"(?<!\bthe)(\s+{UNIT_RE})\s+(?:later|before|after)$|\s+or so$", re.I)
_TIME_WORD = re.compile(
    rf"\d|\b(?:{MONTH_WORDS}|{WEEKDAY_RE}|{UNIT_RE}|{SEASON_RE}|now|today|tonight|yesterday|"
    r"tomorrow|current(?:ly)?|recent(?:ly)?|future|past|soon|period|noon|midnight|morning|afternoon|evening|"
    r"daily|weekly|monthly|annually|yearly|quarterly|hourly|decadal|christmas|thanksgiving|"
    r"nowadays|lately|presently|previously|formerly|once|holiday|season)\b",
    re.I,
)


def find_candidates(text: str) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` ranges of time expressions the patterns find, leftmost-longest."""
    out: list[tuple[int, int]] = []
    for m in _matches(text):
        start, end = trim_span(text, m.start(), m.end())
        if end <= start:
            continue
        word = text[start:end]
        if (_NEEDS_CAPITAL.match(word) and not word[0].isupper()) or _NOT_DURATION.match(word):
            continue
        if _AGE.search(text[start : min(len(text), end + 6)]):
            continue
        out.append((start, end))
    return out


def _matches(text: str) -> list[re.Match[str]]:
    """``_CANDIDATE.finditer(text)``, but tried only where a token that can start a match begins.

    Trying the whole alternation at every word start costs milliseconds per article; the
    first word of any match is a number, an apostrophe or one of :data:`_TRIGGERS`.
    """
    out: list[re.Match[str]] = []
    done = 0
    for tok in _TOKEN.finditer(text):
        if tok.start() < done:
            continue
        word = tok.group(0)
        if not (word[0].isdigit() or word == "'" or word.lower() in _TRIGGERS):
            continue
        m = _CANDIDATE.match(text, tok.start())
        if m is not None and m.end() > m.start():
            out.append(m)
            done = m.end()
    return out


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` to TIMEX3 extent: no leading preposition, possessive or stray punctuation."""
    while True:
        s, e = start, end
        while s < e and text[s] in " \t\n\r,;:.!?\"'()[]“”‘’—–-":
            s += 1
        while e > s and text[e - 1] in ' \t\n\r,;:!?"()[]“”‘’—–-':
            e -= 1
        # A trailing period belongs to an abbreviation ("Oct.", "p.m.") but not to a word ending a sentence.
        if (
            e > s
            and text[e - 1] == "."
            and not re.search(r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b[A-Z][a-z]{1,3}\.)$", text[s:e])
        ):
            e -= 1
        if text[s:e].lower().endswith(("'s", "’s")):
            e -= 2
        elif text[s:e].lower().endswith(("s'", "s’")):
            e -= 1
        # "three days later": TimeML marks the duration, "later" relates it to another event
        tail = _TRAILING.search(text[s:e])
        if tail:
            e = s + (tail.end(1) if tail.group(1) else tail.start())
        m = _LEADING.match(text[s:e])
        if m and m.end() < e - s and not re.match(r"at\s+(?:least|most)\b", text[s:e], re.I):
            s += m.end()
        elif the := _NOT_OURS_THE.match(text[s:e]):
            s += the.end()
        if (s, e) == (start, end):
            return s, e
        start, end = s, e


def is_age(text: str) -> bool:
    """True for ages ("62-year-old", "37 years old"): TimeML does not mark them as times."""
    return bool(_AGE.search(text))


def looks_temporal(text: str) -> bool:
    """True when ``text`` holds a time word at all; a tagger's DATE without one is not a time ("annual" is)."""
    return bool(_TIME_WORD.search(text))
