"""Datelines: the place (and date, and agency) an article opens with.

Input → output: the original text and where its first body line starts → a
:class:`Dateline` (the ``[start, end)`` to delete, place, ISO date, agency) or None.

Recognised at the start of the first body line only:

- a machine date prefix, as scrapers write it: ``date 2025-07-02 Washington, July 2 During…``
  (also ``dated``/``published``/``updated``, an optional time, and an optional place-and-date
  after it even without a separator);
- a classic dateline, which must end in a separator (``-``, ``—``, ``–``, ``:``), an agency in
  parentheses, or be a place-comma-date followed by a capitalised word:
  ``WASHINGTON (Reuters) -``, ``NEW DELHI, July 2 (PTI) —``, ``Washington, July 2:``,
  ``Washington, July 2 During…``. An all-caps place needs only the separator
  (``MUMBAI —``; with a colon, ``NEW DELHI: The …``, it must not be a label such as ``NASA:``
  or a transcript's speaker); a title-case place also needs a date or an agency, so a sentence
  such as ``Delhi: a city…`` is not mistaken for one; places joined by "/" need only the
  separator and a capitalised word after it (``New Delhi/Mumbai: The …``);
- a place and the country or state it is in, as wire datelines name a smaller city
  (``KIEV, Ukraine (AP) —``, ``AUSTIN, Texas --``, ``Seoul, South Korea, July 3 (Reuters) -``,
  and AFP's ``L'Aquila (Italy) (AFP) –``, which needs its credit):
  the second name must be a country, a US state or another region of the table below, so
  "Yesterday, Obama — …" is no dateline; a title-case place needs a dash, a date or an agency;
- a press release's dateline with its distribution service (``ARLINGTON, Va., July 2, 2025
  /PRNewswire/ --``, ``SAN JOSE, Calif.--(BUSINESS WIRE)--``, ``TORONTO, July 02, 2025 (GLOBE
  NEWSWIRE) --``): ``distributor``, never ``agency`` (the words are the issuer's);
- an agency (or CNN, whose own copy opens so) in parentheses alone: ``(Reuters) - The``,
  ``(CNN) -- The``, ``(CNN)The``; the separator may be left out before a capital.

The place is title-cased (``NEW DELHI`` → ``New Delhi``). A date with a year becomes ISO
8601; a day and month without a year are not turned into a date (no guessing the year).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crosswire.clean.agencies import AGENCY_LIST, agency_names
from crosswire.places import US_STATES, country_for

__all__ = ["Dateline", "date_in_file_name", "find_dateline", "find_stamp"]

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = r"(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
_NOT_PLACE = set(_MONTHS) | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "the", "a", "an", "in", "on", "at", "by", "for", "and", "but", "he", "she", "they", "it", "we",
    "updated", "published", "date", "dated", "posted", "breaking", "exclusive", "watch", "live",
    "update", "opinion", "analysis", "editorial", "photos", "video", "explained", "explainer", "note",
    "editor's", "correction", "fact", "news", "report", "source", "sources", "read", "also",
}  # fmt: skip
_ABBREV = r"(?:,[ \t]*(?:(?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\.))?"  # Washington, D.C. / Flint, Mich.
_CAPS_PLACE = rf"[A-Z][A-Z.'’\-]+(?:[ \t]+[A-Z][A-Z.'’\-]*){{0,3}}{_ABBREV}"
# a title-case word: "Kabul", "L'Aquila", "N'Djamena", "Bogotá", "Winston-Salem"
_TITLE_WORD = r"[A-Z](?:[a-zà-öø-ÿ.]|[-'’][A-Za-zà-öø-ÿ])+"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:[ \t]+(?:{_TITLE_WORD}|de|del|da|la|el|es|of|upon))*?{_ABBREV}"
_DAY_MONTH = (
    rf"(?:(?P<month>{_MONTH})\.?[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<day2>\d{{1,2}})[ \t]+(?P<month2>{_MONTH})\.?)"
    r"(?:,?[ \t]+(?P<year>\d{4}))?"
)
# CNN's own copy opens with "(CNN)" as a wire's does with "(Reuters)": the copy is CNN's. It is
# no agency elsewhere ("told CNN", "CNN's Jake Tapper" credit nothing), so only a dateline reads it.
_OUTLETS = {"CNN": "CNN", "CNN Business": "CNN", "CNNMoney": "CNN", "CNN Money": "CNN"}
_OUTLET = "|".join(re.escape(o).replace(r"\ ", r"[ \t]+") for o in sorted(_OUTLETS, key=len, reverse=True))
_AGENCY_PAREN = rf"\([ \t]*(?:(?P<agency>{AGENCY_LIST})|(?P<outlet>{_OUTLET}))[ \t]*\)"
_SEP = r"[ \t]*(?:[-—–:]+|(?=\s))"
#: A dash that separates (not the hyphen of "US-India"): spaced hyphens, or an en/em dash.
_DASH = r"(?:[ \t]+-{1,2}[ \t]+|[ \t]*[—–][ \t]*)"

#: A country or state after a place: one to four words ("Ukraine", "South Korea", "Bosnia and
#: Herzegovina"), never a month ("MOSCOW, July 3" is a date).
_REGION = rf"(?!{_MONTH}\b){_TITLE_WORD}(?:[ \t]+(?:(?!{_MONTH}\b){_TITLE_WORD}|of|and|the)){{0,3}}"
# Regions a dateline names after a place that are neither countries nor US states.
_OTHER_REGIONS = frozenset(
    {
        "England", "Scotland", "Wales", "Northern Ireland", "Gaza Strip", "Gaza", "West Bank",
        "Puerto Rico", "Guam", "Kashmir", "Crimea", "Tibet", "Washington", "Ontario", "Quebec",
        "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick",
        "Newfoundland", "New South Wales", "Victoria", "Queensland", "Tasmania", "Catalonia",
        "Bavaria", "Sicily", "Sardinia", "Corsica", "Kurdistan",
    }
)  # fmt: skip


def _read_cities() -> frozenset[str]:
    path = Path(__file__).resolve().parent.parent / "data" / "cities.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


_CITIES = _read_cities()


def _is_region(name: str) -> bool:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # "México"
    return name in _OTHER_REGIONS or name in US_STATES or country_for(plain) is not None


_PREFIX = re.compile(
    r"(?i:date|dated|published|posted|updated)[ \t]*:?[ \t]+(?P<iso>\d{4}-\d{2}-\d{2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}))?)?\b[ \t,:|-]*"
)
# After a date prefix the place-and-date may follow with no separator at all.
_AFTER_PREFIX = re.compile(
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE}),[ \t]*{_DAY_MONTH}(?:[ \t]*{_AGENCY_PAREN})?[ \t]*[-—–:]*[ \t]*"
)
# A place and its country or state ("KIEV, Ukraine (AP) —", "AUSTIN, Texas --"); the region is
# checked against the table (_placed_in_region), and a month is never part of it.
_IN_REGION = re.compile(
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,[ \t]*(?P<region>{_REGION})|[ \t]*\((?P<paren_region>{_REGION})\))"
    rf"(?:,?[ \t]*{_DAY_MONTH})?(?:[ \t]*{_AGENCY_PAREN})?(?P<sep>{_DASH}|[ \t]*[-—–:]+[ \t]*)?"
)
# A CAPS place and a colon, as Indian papers open: "NEW DELHI: The government …". A label
# ("NASA: The agency …") or a transcript's speaker ("TRUMP: …", again on later lines) looks the
# same ("MUST SEE: …" in a caps headline too), so the place must be a city of the table
# (data/cities.txt) or a country or state, and no later line may open with another such label
# (_colon_place).
_CAPS_COLON = re.compile(rf"(?P<place>{_CAPS_PLACE}):[ \t]+(?=[A-Z“\"‘'])")
# A press release's dateline as the distribution services write it: "ARLINGTON, Va., July 2, 2025
# /PRNewswire/ --", "SAN JOSE, Calif.--(BUSINESS WIRE)--", "TORONTO, July 02, 2025 (GLOBE
# NEWSWIRE) --". The service carries the issuer's own words: it is no news agency, and credits none.
_DISTRIBUTORS = {
    "prnewswire": "PR Newswire",
    "cnw": "CNW",
    "business wire": "Business Wire",
    "globe newswire": "GlobeNewswire",
    "accesswire": "ACCESSWIRE",
    "newsfile corp.": "Newsfile",
}
_DISTRIBUTED = re.compile(
    rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,[ \t]*(?P<region>{_REGION}))?(?:,?[ \t]*{_DAY_MONTH})?"
    r"[ \t]*-{0,2}[ \t]*(?:/[ \t]*(?P<dist>PRNewswire(?:-[A-Za-z]+)*|CNW)[ \t]*/|"
    r"\([ \t]*(?P<dist2>BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE|Newsfile Corp\.)[ \t]*\))"
    r"[ \t]*(?:[-—–]+[ \t]*)?"
)
# Searched first, so _DISTRIBUTED runs only on the few lines that name a service.
_DISTRIBUTOR_MARK = re.compile(r"PRNewswire|CNW|BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE|Newsfile Corp")
# CAPS place with a date and/or an agency (checked: _has_date_or_agency), then any separator.
_CAPS_DATED = re.compile(
    rf"(?P<place>{_CAPS_PLACE})(?=,[ \t]*\w|[ \t]*\()(?:,[ \t]*{_DAY_MONTH})?(?:[ \t]*{_AGENCY_PAREN})?"
    r"[ \t]*[-—–:]+[ \t]*"
)
_CLASSIC = [
    # CAPS place alone, then a dash: "MUMBAI — Shares …"
    re.compile(rf"(?P<place>{_CAPS_PLACE}){_DASH}"),
    _CAPS_DATED,
    # Any place + (Agency), separator optional: "Washington (Reuters) The …"
    re.compile(
        rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?:,[ \t]*{_DAY_MONTH})?[ \t]*{_AGENCY_PAREN}{_SEP}[ \t]*"
    ),
    # Place + date, then a separator or a capitalised word: "Washington, July 2: …", "…, July 2 During …"
    re.compile(
        rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE}),[ \t]*{_DAY_MONTH}[ \t]*(?:[-—–:]+[ \t]*|(?=[A-Z“\"‘']))"
    ),
    _IN_REGION,
    _CAPS_COLON,
    # Places joined by "/", as a paper with reporters in two cities writes it, then a separator
    # and a capitalised word: "New Delhi/Mumbai: The …", "NEW DELHI/MUMBAI — The …". The slash
    # tells it from a label ("Summary: The …"), which a lone title-case place cannot be told from.
    re.compile(
        rf"(?P<place>(?:{_CAPS_PLACE}|{_TITLE_PLACE})(?:[ \t]*/[ \t]*(?:{_CAPS_PLACE}|{_TITLE_PLACE}))+)"
        r"[ \t]*[-—–:]+[ \t]*(?=[A-Z“\"‘'])"
    ),
]
# A page's date stamp on a line of its own, as scraped pages keep it near the top:
# "Tuesday, July 2, 2013", "Published on Jul 02, 2013 4:22 PM", "Updated: July 2, 2013 15:01 IST",
# "3 July 2013 Last updated at 13:38 GMT", "WEDNESDAY 03 JULY 2013", "INDONESIA, July 2, 2013",
# "updated 8:41 p.m. EST, Tue March 3, 2009", "on March 1, 2012 at 8:12 am".
_WEEKDAY = r"(?i:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)(?i:day|nesday|urday|sday)?\.?,?"
_TIME = r"\d{1,2}[:.][ \t]?\d{2}(?::\d{2})?[ \t]?(?i:[ap]\.?m\.?)?(?:[ \t]*(?:[A-Z]{2,4}|(?i:hrs?)))?"
_STAMP_WORDS = r"(?i:(?:first[ \t]+|last[ \t]+)?(?:published|updated|posted|modified)|date[d]?|on)(?:[ \t]+(?i:on|at))?[ \t]*:?"
_STAMP = re.compile(
    rf"(?:{_STAMP_WORDS}[ \t]*)?(?:{_TIME}[ \t]*,?[ \t]*)?(?:(?!{_WEEKDAY})(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE}),[ \t]*)?(?:{_WEEKDAY}[ \t]+)?"
    rf"(?:(?P<month>{_MONTH})\.?[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})[ \t]+(?P<month2>{_MONTH})\.?,?[ \t]+(?P<year2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<n1>\d{{1,2}})[ \t]?/[ \t]?(?P<n2>\d{{1,2}})[ \t]?/[ \t]?(?P<nyear>\d{{4}}|\d{{2}}))"
    rf"(?:[ \t]*[,|@-]?[ \t]*(?:{_STAMP_WORDS}[ \t]*)?(?i:at[ \t]+)?{_TIME})?[ \t]*"
)
# A bare agency opening the text: "(Reuters) - The …", "(CNN)The …"
_AGENCY_ONLY = re.compile(rf"{_AGENCY_PAREN}(?:[ \t]*[-—–:]+[ \t]*|[ \t]*(?=[A-Z“\"‘']))")


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int  # delete [start, end): the dateline and the separator after it
    place: str | None
    date: str | None  # ISO 8601 when the dateline has a full date
    agency: str | None
    agency_span: tuple[int, int] | None  # original offsets of "(Reuters)"
    distributor: str | None = None  # a press release's distribution service ("PR Newswire")


def find_dateline(text: str, start: int) -> Dateline | None:
    """The dateline at ``text[start:]`` (the first body line), or None."""
    iso: str | None = None
    pos = start
    prefix = _PREFIX.match(text, pos)
    if prefix:
        iso = _valid_iso(prefix.group("iso"))
        pos = prefix.end()
        m = _AFTER_PREFIX.match(text, pos)
        if m and _is_place(m.group("place")):
            return _build(m, start, iso)
        return Dateline(start, pos, None, iso, None, None)
    bare = _AGENCY_ONLY.match(text, pos)
    if bare:
        return _build(bare, start, None)
    if _DISTRIBUTOR_MARK.search(text, pos, pos + 160):
        m = _DISTRIBUTED.match(text, pos)
        if m is not None and _is_place(m.group("place")):
            return _build(m, start, None)
    for pattern in _CLASSIC:
        m = pattern.match(text, pos)
        if m is None or not _is_place(m.group("place")):
            continue
        if m.re is _CAPS_DATED and not _has_date_or_agency(m):
            continue
        if m.re is _IN_REGION and not _placed_in_region(m):
            continue
        if m.re is _CAPS_COLON and not _colon_place(m):
            continue
        return _build(m, start, None)
    return None


def _colon_place(m: re.Match[str]) -> bool:
    """A "NEW DELHI: The …" dateline, not a label or a transcript's first speaker."""
    place = m.group("place")
    words = place.split()
    if any(w.lower().strip(".:") in _NOT_PLACE or w.lower() in _LABELS for w in words) or agency_names(place):
        return False
    if _title(place) not in _CITIES and not _is_region(_title(place)):
        return False  # "NASA:", "HUFFPOLLSTER:", "MUST SEE:", "CHARGED WITH MURDER:"
    # a transcript names its speakers at the start of line after line: "TRUMP: … ¶ CLINTON: …"
    # ("ALSO READ: …" lines are the page's, not speakers)
    return not any(
        not any(w.lower() in _NOT_PLACE or w.lower() in _LABELS for w in later.group(1).split())
        for later in _SPEAKER_LABEL.finditer(m.string, m.end())
    )


_SPEAKER_LABEL = re.compile(r"\n[ \t]*([A-Z][A-Z.'’\-]+(?:[ \t]+[A-Z][A-Z.'’\-]+){0,2}):[ \t]")


_LABELS = frozenset(
    {
        "warning", "spoiler", "flashback", "review", "interview", "poll", "factbox", "timeline",
        "video", "photos", "photo", "quote", "transcript", "related", "listen", "reminder",
        "background", "context", "why", "what", "how", "who", "when", "where", "q", "a", "ps",
        "pic", "graphic", "live", "latest", "developing", "urgent", "alert", "opinion", "column",
    }
)  # fmt: skip


def _placed_in_region(m: re.Match[str]) -> bool:
    """A place-and-region dateline: the region is one, and something ends it (an all-caps place
    may end at any separator; a title-case one needs a date, an agency, or a dash before a
    capital: "Miller, Texas — a small town" is a sentence)."""
    region = m.group("region") or m.group("paren_region")
    if not _is_region(region):
        return False
    if m.group("paren_region") and not (m.group("agency") or m.group("outlet")):
        return False  # "Onna (Italy)" opens a sentence as easily as a dateline: AFP's has its credit
    sep = m.group("sep") or ""
    if _has_date_or_agency(m):
        return bool(sep) or m.group("agency") is not None or m.group("outlet") is not None
    if m.group("place").split(",")[0].isupper():
        return bool(sep.strip())
    after = m.string[m.end() : m.end() + 1]
    return bool(sep.strip()) and ":" not in sep and (after.isupper() or after in _OPENING_QUOTES)


_OPENING_QUOTES = frozenset("“\"‘'")


def find_stamp(line: str) -> str | None:
    """The ISO date of a line that is only a page's date stamp ("Published on Jul 02, 2013
    4:22 PM"), else None. A line that says anything more is text, not a stamp.

    Stamps joined by "|" ("on September 14, 2013 11:41am | Updated on September 14, 2013
    11:41am") are one stamp line when every part is a stamp; the first is the publication.
    """
    whole = _stamp_date(line)  # "July 2, 2013 | 4:22 PM" is one stamp with its time
    if whole is not None or "|" not in line:
        return whole
    dates = [_stamp_date(p) for p in line.split("|")]
    return dates[0] if all(dates) else None


def _stamp_date(line: str) -> str | None:
    m = _STAMP.fullmatch(line.strip())
    if m is None or (m.group("place") and not _is_place(m.group("place"))):
        return None
    if m.group("iso"):
        return _valid_iso(m.group("iso"))
    if m.group("n1"):
        return _numeric_date(
            m.group("n1"), m.group("n2"), m.group("nyear"), us_clock=bool(_US_CLOCK.search(line))
        )
    groups = m.groupdict()
    groups["year"] = groups.get("year") or groups.get("year2")
    return _date(groups)


def _build(m: re.Match[str], start: int, iso: str | None) -> Dateline:
    groups = m.groupdict()
    place = groups.get("place")
    if place and (region := groups.get("region") or groups.get("paren_region")):
        place = f"{_title(place)}, {region}"
    agency = agency_names(groups["agency"]) if groups.get("agency") else []
    if groups.get("outlet"):
        agency = [_OUTLETS[" ".join(groups["outlet"].split())]]
    named = "agency" if groups.get("agency") else "outlet" if groups.get("outlet") else None
    return Dateline(
        start=start,
        end=m.end(),
        place=_title(place) if place else None,
        date=iso or _date(groups),
        agency=agency[0] if agency else None,
        agency_span=(m.start(named) - 1, m.end(named) + 1) if named else None,
        distributor=_distributor(groups.get("dist") or groups.get("dist2")),
    )


def _distributor(name: str | None) -> str | None:
    if not name:
        return None
    return _DISTRIBUTORS.get(name.lower().split("-")[0], name)


def _has_date_or_agency(m: re.Match[str]) -> bool:
    return bool(m.group("month") or m.group("month2") or m.group("agency") or m.group("outlet"))


def _is_place(place: str) -> bool:
    if "/" in place:
        return all(_is_place(part.strip()) for part in place.split("/"))
    words = place.split()
    return bool(words) and words[0].lower().strip(".:") not in _NOT_PLACE and 3 <= len(place) <= 40


def _title(place: str) -> str:
    """``NEW DELHI`` → ``New Delhi``, ``ST. LOUIS`` → ``St. Louis``, ``L'AQUILA`` → ``L'Aquila``;
    mixed-case words and initials (``D.C.``) kept."""
    return " ".join(
        # each part of "L'AQUILA", "WINSTON-SALEM": "L'Aquila", "Winston-Salem"
        re.sub(r"[^\W\d_]+", lambda p: p.group(0).capitalize(), w)
        if w.isupper() and "." not in w.rstrip(".")
        else w
        for w in place.split()
    )


# A 12-hour clock or a US time zone: the page writes dates month first ("4/11/2007 1:26 PM").
_US_CLOCK = re.compile(r"(?<![a-z])[ap]\.?m\b\.?|\b[ECMP][SD]?T\b", re.I)


def _numeric_date(a: str, b: str, year: str, *, us_clock: bool) -> str | None:
    """ "4/11/2007": the order of day and month is read from the numbers when one is above 12,
    else from a US clock on the line (month first); otherwise it is ambiguous and not read."""
    first, second = int(a), int(b)
    y = int(year) if len(year) == 4 else (2000 + int(year) if int(year) < 70 else 1900 + int(year))
    if first > 12:
        day, month = first, second
    elif second > 12 or us_clock:
        month, day = first, second
    else:
        return None  # "04/05/2009" with nothing else to go on: April or May
    return _valid_iso(f"{y:04d}-{month:02d}-{day:02d}")


def _valid_iso(s: str) -> str | None:
    try:
        return date.fromisoformat(s).isoformat()
    except ValueError:
        return None


def _date(groups: dict[str, str | None]) -> str | None:
    month, day, year = (
        groups.get("month") or groups.get("month2"),
        groups.get("day") or groups.get("day2"),
        groups.get("year"),
    )
    if not (month and day and year):
        return None
    try:
        return date(int(year), _MONTHS[month.lower().rstrip(".")], int(day)).isoformat()
    except (KeyError, ValueError):
        return None


# An ISO date standing alone in a file name: "politico_2016-07-05_criminal-charges.txt".
_NAME_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])(?![0-9])")


def date_in_file_name(path: str) -> str | None:
    """The ISO date an article's file name carries ("nyt_2016-07-05_slug.txt"), or None.

    Scrapers and archives often name a file by the day the article was published; this is the
    weakest evidence of that day, used only when the text and its metadata give none. Only the
    last path component counts (a folder named by crawl day says nothing of each article), and
    only one date there (two dates are a range or a copy of two names).
    """
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    found = _NAME_DATE.findall(name)
    if len(found) != 1:
        return None
    year, month, day = (int(x) for x in found[0])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None  # "2016-13-40" is no date
