"""Time expressions: TIMEX3 normalisation rules, candidate spans, and extraction on the seed story."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from crosswire.extract.timex import extract_times, find_spans, story_anchor
from crosswire.extract.timex_calendar import day_year, easter, month_year, weekday_date
from crosswire.extract.timex_patterns import find_candidates, is_age, trim_span
from crosswire.extract.timex_rules import normalize
from crosswire.models import AnnotatedDocument, Document, OffsetMap

WED = dt.date(2025, 7, 2)  # a Wednesday, the day after the Hegseth–Jaishankar meeting

# (text, anchor, expected type, expected value)
TABLE: list[tuple[str, dt.date, str, str | None]] = [
    # the seed expressions
    ("on Wednesday", WED, "DATE", "2025-07-02"),
    ("Tuesday", WED, "DATE", "2025-07-01"),
    ("yesterday", WED, "DATE", "2025-07-01"),
    ("July 1, 2025", WED, "DATE", "2025-07-01"),
    ("February 2025", WED, "DATE", "2025-02"),
    ("later this year", WED, "DATE", "2025"),
    ("April last year", WED, "DATE", "2024-04"),  # one expression, not "April" and "last year"
    ("June of this year", WED, "DATE", "2025-06"),
    ("10-year", WED, "DURATION", "P10Y"),
    ("decadal", WED, "DURATION", "P10Y"),
    # relative days and weeks across month and year boundaries
    ("today", dt.date(2025, 1, 1), "DATE", "2025-01-01"),
    ("yesterday", dt.date(2025, 1, 1), "DATE", "2024-12-31"),
    ("tomorrow", dt.date(2024, 12, 31), "DATE", "2025-01-01"),
    ("yesterday", dt.date(2024, 3, 1), "DATE", "2024-02-29"),  # leap year
    ("yesterday", dt.date(2023, 3, 1), "DATE", "2023-02-28"),
    ("last week", WED, "DATE", "2025-W26"),
    ("this week", dt.date(2021, 1, 2), "DATE", "2020-W53"),  # ISO week-year
    ("next month", dt.date(2025, 12, 15), "DATE", "2026-01"),
    ("last month", dt.date(2025, 1, 15), "DATE", "2024-12"),
    ("earlier this month", WED, "DATE", "2025-07"),
    ("this year", WED, "DATE", "2025"),
    ("last year", WED, "DATE", "2024"),
    ("early next year", WED, "DATE", "2026"),
    ("two weeks ago", WED, "DATE", "2025-W25"),
    ("five months ago", WED, "DATE", "2025-02"),
    ("a year ago", WED, "DATE", "2024"),
    ("three days earlier", WED, "DATE", "2025-06-29"),
    ("10 minutes earlier", WED, "DATE", None),  # minutes before an untold moment: no day
    ("last Friday", WED, "DATE", "2025-06-27"),
    ("next Wednesday", WED, "DATE", "2025-07-09"),
    ("Friday night", WED, "DATE", "2025-06-27TNI"),
    ("this morning", WED, "TIME", "2025-07-02TMO"),
    # calendar dates with and without a year
    ("Aug. 7, 1998", WED, "DATE", "1998-08-07"),
    ("1 July 2025", WED, "DATE", "2025-07-01"),
    ("June 30", WED, "DATE", "2025-06-30"),
    ("Dec. 30", dt.date(2026, 1, 3), "DATE", "2025-12-30"),
    ("Feb. 29", dt.date(2024, 3, 10), "DATE", "2024-02-29"),
    ("December", dt.date(2026, 1, 10), "DATE", "2025-12"),
    ("2025-07-01", WED, "DATE", "2025-07-01"),
    ("fiscal 1989", WED, "DATE", "1989"),
    ("mid-1996", WED, "DATE", "1996"),
    ("the 1990s", WED, "DATE", "199X"),
    ("the 20th century", WED, "DATE", "19"),
    # quarters, seasons, holidays
    ("the third quarter", WED, "DATE", "2025-Q3"),
    ("third-quarter", dt.date(1989, 10, 27), "DATE", "1989-Q3"),
    ("the first half of 2024", WED, "DATE", "2024-H1"),
    ("this summer", WED, "DATE", "2025-SU"),
    ("last fall", dt.date(2025, 3, 1), "DATE", "2024-FA"),
    ("Thanksgiving Day", dt.date(2025, 12, 1), "DATE", "2025-11-27"),
    ("Christmas", dt.date(2026, 1, 5), "DATE", "2025-12-25"),
    # references to the present, past and future
    ("now", WED, "DATE", "PRESENT_REF"),
    ("currently", WED, "DATE", "PRESENT_REF"),
    ("recently", WED, "DATE", "PAST_REF"),
    ("the future", WED, "DATE", "FUTURE_REF"),
    # durations: counted, vague and adjectival
    ("the past two years", WED, "DURATION", "P2Y"),
    ("two years", WED, "DURATION", "P2Y"),
    ("a decade", WED, "DURATION", "P10Y"),
    ("two decades", WED, "DURATION", "P20Y"),
    ("the first nine months", WED, "DURATION", "P9M"),
    ("16-hour", WED, "DURATION", "PT16H"),
    ("more than four hours", WED, "DURATION", "PT4H"),
    ("several years", WED, "DURATION", "PXY"),
    ("recent weeks", WED, "DURATION", "PXW"),
    ("the past decade", WED, "DURATION", "P10Y"),
    # clock times
    ("3 p.m.", WED, "TIME", "2025-07-02T15:00"),
    ("10:35 a.m. Tuesday", WED, "TIME", "2025-07-01T10:35"),
    ("Tuesday at 3 p.m.", WED, "TIME", "2025-07-01T15:00"),
    ("noon", WED, "TIME", "2025-07-02T12:00"),
    ("midnight", WED, "TIME", "2025-07-02T24"),
    # sets
    ("weekly", WED, "SET", "P1W"),
    ("every day", WED, "SET", "P1D"),
    ("twice a year", WED, "SET", "P1Y"),
    ("Tuesday nights", WED, "SET", "XXXX-WXX-2TNI"),
]


@pytest.mark.parametrize(("text", "anchor", "typ", "value"), TABLE, ids=[f"{t}@{a}" for t, a, _, _ in TABLE])
def test_normalize_table(text: str, anchor: dt.date, typ: str, value: str | None) -> None:
    assert normalize(text, anchor=anchor) == (typ, value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday", ("DATE", None)),
        ("last week", ("DATE", None)),
        ("3 p.m.", ("TIME", None)),
        ("July 1, 2025", ("DATE", "2025-07-01")),
        ("February 2025", ("DATE", "2025-02")),
        ("10-year", ("DURATION", "P10Y")),
        ("now", ("DATE", "PRESENT_REF")),
    ],
)
def test_without_anchor_only_absolute_values_resolve(text: str, expected: tuple[str, str | None]) -> None:
    assert normalize(text, anchor=None) == expected


def test_tense_turns_bare_weekday_and_month_forward() -> None:
    assert normalize("Friday", anchor=WED) == ("DATE", "2025-06-27")
    assert normalize("Friday", anchor=WED, tense="future") == ("DATE", "2025-07-04")
    assert normalize("Friday", anchor=WED, context="The ministers will meet again Friday.") == (
        "DATE",
        "2025-07-04",
    )
    assert normalize("Wednesday", anchor=WED, tense="future") == ("DATE", "2025-07-02")  # the same day stays
    assert normalize("March", anchor=dt.date(2025, 11, 5)) == ("DATE", "2025-03")
    assert normalize("March", anchor=dt.date(2025, 11, 5), tense="future") == ("DATE", "2026-03")


def test_present_tense_takes_the_nearer_year_of_a_month_or_day() -> None:
    # "…, which ends January 31" in a November report: the coming January 31.
    nov = dt.date(2007, 11, 12)
    assert normalize("January 31", anchor=nov, tense="present") == ("DATE", "2008-01-31")
    assert normalize("January 31", anchor=nov) == ("DATE", "2007-01-31")  # past tense: the last one
    assert normalize("October", anchor=nov, tense="present") == ("DATE", "2007-10")  # nearer behind
    assert normalize("March", anchor=dt.date(2025, 11, 5), tense="present") == ("DATE", "2026-03")
    assert normalize("Friday", anchor=WED, tense="present") == ("DATE", "2025-06-27")  # "says Friday"


def test_reference_time_resolves_anaphora() -> None:
    anchor = dt.date(1989, 10, 27)
    assert normalize("a year earlier", anchor=anchor, reference="1989-Q3") == ("DATE", "1988-Q3")
    assert normalize("the year-ago quarter", anchor=anchor, reference="1989-Q3") == ("DATE", "1988-Q3")
    assert normalize("that day", anchor=anchor, reference="1989-10-13") == ("DATE", "1989-10-13")
    assert normalize("the following month", anchor=anchor, reference="1989-03") == ("DATE", "1989-04")
    assert normalize("that day", anchor=anchor) == ("DATE", None)  # nothing to point back at
    assert normalize("the quarter ended Sept. 30", anchor=anchor) == ("DATE", "1989-Q3")


def test_lowercase_verbs_are_not_months() -> None:
    assert normalize("may", anchor=WED) == ("DATE", None)
    assert normalize("May", anchor=WED) == ("DATE", "2025-05")


def test_calendar_helpers() -> None:
    assert weekday_date(WED, 1, direction=0, future=False) == dt.date(2025, 7, 1)
    assert weekday_date(WED, 2, direction=-1, future=False) == dt.date(2025, 6, 25)
    assert month_year(dt.date(2025, 1, 10), 12, direction=0, future=False) == 2024
    assert day_year(dt.date(2025, 1, 5), 1, 14, future=False) == 2025  # nine days ahead, against the tense
    assert day_year(dt.date(2025, 3, 10), 2, 29, future=False) == 2024  # only a leap year has it
    assert easter(2000) == dt.date(2000, 4, 23)
    assert easter(2025) == dt.date(2025, 4, 20)


# ------------------------------------------------------------------- candidate spans


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in find_candidates(text)]


def test_candidates_catch_what_taggers_miss() -> None:
    text = (
        "Now, officials said the talks, held weekly for the past two years, resumed on Tuesday at 3 p.m. "
        "and are now expected to end soon, several weeks before the 10-year pact lapses in the third quarter."
    )
    found = _texts(text)
    assert found == [
        "weekly",
        "the past two years",
        "Tuesday at 3 p.m.",  # one TIMEX3: a clock time on a day
        "now",
        "several weeks",
        "10-year",
        "the third quarter",
    ]


def test_candidates_skip_words_that_only_look_like_times() -> None:
    # "we" is not Wednesday, "may" and "march" are verbs, "Jan" is a name, ages are not times.
    text = "We may march with Jan, a 62-year-old who is 37 years old, and with a second group."
    assert _texts(text) == []
    assert is_age("62-year-old") and is_age("37 years old")
    assert not is_age("10-year")


def test_trim_span_to_timex_extent() -> None:
    text = "It happened on Tuesday's session, within the past two years."
    s = text.index("on Tuesday's")
    assert text.__getitem__(slice(*trim_span(text, s, s + len("on Tuesday's")))) == "Tuesday"
    s = text.index("within")
    assert text.__getitem__(slice(*trim_span(text, s, len(text)))) == "the past two years"
    t2 = "They talked for three days later on."
    s = t2.index("three")
    assert t2.__getitem__(slice(*trim_span(t2, s, s + len("three days later")))) == "three days"


# --------------------------------------------------------------------- extraction


def test_extract_times_maps_clean_offsets_to_original_without_a_parse() -> None:
    text = (
        "  WASHINGTON, July 2 (PTI)  \n\nHegseth met Jaishankar on Tuesday.\nThey will meet again next month."
    )
    body_start = text.index("Hegseth")
    clean = text[body_start:]
    doc = Document(
        id="d1",
        text=text,
        published="2025-07-02",
        clean=clean,
        offsets=OffsetMap((0,), (body_start,), (len(clean),)),
    )
    times = extract_times(AnnotatedDocument(document=doc, sentences=(), doc=None))
    assert [(t.text, t.type, t.value, t.anchor) for t in times] == [
        ("Tuesday", "DATE", "2025-07-01", "2025-07-02"),
        ("next month", "DATE", "2025-08", "2025-07-02"),
    ]
    for t in times:
        assert doc.text[t.start : t.end] == t.text


def test_unknown_publication_date_keeps_absolute_dates_only() -> None:
    doc = Document(id="d2", text="The pact signed on July 1, 2025 was discussed again on Tuesday.")
    times = extract_times(AnnotatedDocument(document=doc, sentences=(), doc=None))
    assert [(t.text, t.value, t.anchor) for t in times] == [
        ("July 1, 2025", "2025-07-01", None),
        ("Tuesday", None, None),
    ]


def test_an_undated_report_is_read_against_its_story_date() -> None:
    doc = Document(id="d2", text="The pact signed on July 1, 2025 was discussed again on Tuesday.")
    adoc = AnnotatedDocument(document=doc, sentences=(), doc=None)
    times = extract_times(adoc, story_date=WED)
    # only the value that needs an anchor records the borrowed one
    assert [(t.text, t.value, t.anchor, t.anchor_source) for t in times] == [
        ("July 1, 2025", "2025-07-01", None, None),
        ("Tuesday", "2025-07-01", "2025-07-02", "story"),
    ]
    # a report with its own date keeps it, whatever the story's date
    dated = Document(id="d3", text="They met on Tuesday.", published="2025-07-09")
    (t,) = extract_times(AnnotatedDocument(document=dated, sentences=(), doc=None), story_date=WED)
    assert (t.value, t.anchor, t.anchor_source) == ("2025-07-08", "2025-07-09", "published")


def test_story_anchor_is_the_earliest_publication_date() -> None:
    def adoc(doc_id: str, published: str | None) -> AnnotatedDocument:
        return AnnotatedDocument(Document(id=doc_id, text="x", published=published), sentences=(), doc=None)

    assert story_anchor([adoc("a", None), adoc("b", "2025-07-03"), adoc("c", "2025-07-02T09:00:00")]) == WED
    assert story_anchor([adoc("a", None)]) is None


def test_reference_time_runs_through_a_results_story() -> None:
    text = (
        "Net income rose in the third quarter to $5 million from $4 million a year earlier. "
        "For the year ended March 31, sales fell."
    )
    doc = Document(id="wsj", text=text, published="1989-10-27")
    times = extract_times(AnnotatedDocument(document=doc, sentences=(), doc=None))
    assert [(t.text, t.type, t.value) for t in times] == [
        ("the third quarter", "DATE", "1989-Q3"),
        ("a year earlier", "DATE", "1988-Q3"),  # the year-ago quarter, not the year 1988
        ("the year", "DURATION", "P1Y"),  # twelve months ending March 31
        ("March 31", "DATE", "1989-03-31"),
    ]


@pytest.mark.slow
def test_spacy_ranges_are_split_and_ages_dropped(nlp: Any) -> None:
    body = "Sales rose between 1994 and 1997, the 62-year-old chairman said on Tuesday and Wednesday."
    spans = [body[s:e] for s, e in find_spans(body, nlp(body))]
    assert "1994" in spans and "1997" in spans
    assert "Tuesday" in spans and "Wednesday" in spans
    assert not any("old" in s for s in spans)


def test_a_month_of_a_relative_year_is_one_expression() -> None:
    text = (
        "In April last year an 8.6-magnitude quake struck off Banda Aceh. The vote is due in June this year."
    )
    doc = Document(id="q", text=text, published="2013-07-02")
    times = extract_times(AnnotatedDocument(document=doc, sentences=(), doc=None))
    assert [(t.text, t.value) for t in times] == [
        ("April last year", "2012-04"),
        ("June this year", "2013-06"),
    ]


@pytest.mark.slow
def test_seed_times(seed_annotated: list[Any]) -> None:
    by_prefix = {a.document.id[:3]: a for a in seed_annotated}
    times = {p: extract_times(a) for p, a in by_prefix.items()}
    for prefix, found in times.items():
        text = by_prefix[prefix].document.text
        for t in found:
            assert text[t.start : t.end] == t.text, (prefix, t)

    # 002 is dated 2025-07-02 by its dateline: "at the Pentagon on Tuesday" is 1 July.
    assert by_prefix["002"].document.published_date == WED
    tuesday = [t for t in times["002"] if t.text == "Tuesday"]
    assert [(t.type, t.value, t.anchor) for t in tuesday] == [("DATE", "2025-07-01", "2025-07-02")]

    # 004 has no date: weekdays and "yesterday" stay unresolved, but the spans are found.
    relative = {(t.text, t.value) for t in times["004"] if t.type == "DATE"}
    assert {("Wednesday", None), ("Tuesday", None), ("yesterday", None)} <= relative
    # read against the story's date (002's), they name the meeting day and the day after
    story = {
        (t.text, t.value, t.anchor_source)
        for t in extract_times(by_prefix["004"], story_date=story_anchor(seed_annotated))
        if t.type == "DATE"
    }
    assert {
        ("Tuesday", "2025-07-01", "story"),
        ("yesterday", "2025-07-01", "story"),
        ("Wednesday", "2025-07-02", "story"),
    } <= story

    # 001 and 003 name the day outright; "10-year" is a duration everywhere, never a date.
    assert ("July 1, 2025", "2025-07-01") in {(t.text, t.value) for t in times["001"]}
    assert ("February 2025", "2025-02") in {(t.text, t.value) for t in times["003"]}
    ten_year = [t for found in times.values() for t in found if t.text.lower() == "10-year"]
    assert len(ten_year) >= 5 and {(t.type, t.value) for t in ten_year} == {("DURATION", "P10Y")}


def test_a_relative_date_keeps_its_other_readings() -> None:
    text = "HP expects the deal to close in its first quarter, which ends January 31. It said so today. They met Tuesday."
    doc = Document(id="hp", text=text, published="2007-11-12")
    times = {t.text: t for t in extract_times(AnnotatedDocument(document=doc, sentences=(), doc=None))}
    assert times["January 31"].value == "2007-01-31" and "2008-01-31" in times["January 31"].readings
    # "today" in a report stamped a day late is the day before; a weekday names its day
    assert {"2007-11-11", "2007-11-13"} <= set(times["today"].readings)
    assert "2007-11-05" not in times["Tuesday"].readings and "2007-11-07" not in times["Tuesday"].readings
    absolute = extract_times(AnnotatedDocument(Document(id="x", text="On July 1, 2025 they met."), (), None))
    assert absolute[0].readings == ()


@pytest.mark.slow
def test_going_to_looks_ahead(nlp: Any) -> None:
    from crosswire.extract.timex import _context

    for text, tense in [
        ("Knowing that Pagano is going to be back Monday, the week should be easier.", "future"),
        ("Pagano was back Monday, and the week was easier.", "past"),
        # a present-tense clause of when: what it tells of is still to come
        (
            "All signs pointed to Obama endorsing Clinton on Monday after the president meets "
            "with Sanders in the Oval Office.",
            "future",
        ),
        ("Signs pointed to Obama endorsing Clinton on Monday after he met with Sanders.", "past"),
    ]:
        start = text.index("Monday")
        assert _context(nlp(text), text, start, start + 6)[1] == tense


@pytest.mark.slow
def test_a_month_name_the_tagger_reads_as_a_verb_is_no_time(nlp: Any) -> None:
    from crosswire.extract.timex import find_spans

    text = "In fact, this may not be far from the vision the CEO has for the company."
    assert find_spans(text, nlp(text)) == []
    text = "The vote is set for this May, officials said."
    assert [text[s:e] for s, e in find_spans(text, nlp(text))] == ["this May"]


def _values(text: str, published: str) -> dict[str, str | None]:
    from crosswire import annotate, clean

    (doc,) = list(clean.run([Document(id="t", text=text, published=published)]))
    (adoc,) = list(annotate.run([doc]))
    return {t.text: t.value for t in extract_times(adoc)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expression", "value", "published"),
    [
        # Trump, 1 Feb 2016: what the present is able "to" do lies ahead
        (
            "''Our popularity is strong enough to put states in play in November,'' Mr. Trump said.",
            "November",
            "2016-11",
            "2016-02-01",
        ),
        ("She hoped to win in November.", "November", "2016-11", "2016-02-01"),  # the lemmatizer: "hop"
        ("He wanted to meet Obama on Tuesday.", "Tuesday", "2016-01-26", "2016-02-01"),  # the past stays
        # USA Today, 6 Apr 2016: a calendar in the simple present (read here on 1 Feb)
        (
            "Sanders spoke in Wyoming, which holds a caucus on Saturday.",
            "Saturday",
            "2016-02-06",
            "2016-02-01",
        ),
        ("Sanders says Saturday was a good day.", "Saturday", "2016-01-30", "2016-02-01"),
        # Lakeland Radio, 12 Jun 2013: a schedule names a date to come, whatever the tense
        (
            "A provisional trial date was set for October 28, with a duration of three days.",
            "October 28",
            "2013-10-28",
            "2013-06-12",
        ),
        ("The 23-year-old is due to enter his plea in September.", "September", "2013-09", "2013-06-12"),
        ("The 23-year-old was due to enter his plea in September.", "September", "2013-09", "2013-06-12"),
        ("He left for Paris on Tuesday.", "Tuesday", "2013-06-11", "2013-06-12"),  # "for" a place
    ],
)
def test_what_a_present_clause_or_a_schedule_names_lies_ahead(
    text: str, expression: str, value: str, published: str
) -> None:
    assert _values(text, published)[expression] == value


@pytest.mark.slow
def test_a_period_counted_from_an_event_has_no_date() -> None:
    # Washington Post, 1 Sep 2016: not September, nor August — the text does not say
    values = _values(
        "The month after his nomination has been wasted on dust-ups. He left the week before.", "2016-09-01"
    )
    assert values["The month"] is None


@pytest.mark.slow
def test_a_date_naming_an_event_of_the_calendar_takes_the_nearer_year() -> None:
    # NYT, 31 Jul 2016: the past tense of "said" does not make the election last year's
    values = _values(
        "The Republican presidential nominee for the Nov. 8 election later said he was happy.", "2016-07-31"
    )
    assert values["Nov. 8"] == "2016-11-08"
    # a past event named by its date stays on the verb's side (AQUAINT, May 1999)
    values = _values("Police have searched for him since shortly after the Oct. 23 slaying.", "1999-05-06")
    assert values["Oct. 23"] == "1998-10-23"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the day after July 4", "2016-07-05"),  # the leading "the day" is no modifier to drop
        ("A day after June 12", "2016-06-13"),
        ("two days before July 4", "2016-07-02"),
        ("Two weeks after June 12", "2016-06-26"),  # a day, counted in weeks
        ("The week after July 4", "2016-W28"),  # the week itself
        ("the day before yesterday", "2016-07-06"),
    ],
)
def test_a_count_from_a_named_date_moves_it(text: str, value: str) -> None:
    assert normalize(text, anchor=dt.date(2016, 7, 8)) == ("DATE", value)


def test_a_holiday_without_its_year_follows_the_tense_like_a_day() -> None:
    july = dt.date(2016, 7, 8)
    # "At Christmas, stores were full" in a July report: last Christmas, as "Dec. 25" is
    assert normalize("Christmas", anchor=july, tense="past") == ("DATE", "2015-12-25")
    assert normalize("Dec. 25", anchor=july, tense="past") == ("DATE", "2015-12-25")
    assert normalize("The day before Christmas", anchor=july, tense="past") == ("DATE", "2015-12-24")
    assert normalize("Christmas", anchor=july, tense="future") == ("DATE", "2016-12-25")
    # the present tense takes the nearer year, though the movable day differs between them
    assert normalize("Thanksgiving", anchor=july, tense="present") == ("DATE", "2016-11-24")


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # a poll's field dates (USA Today, 20 Sep 2016): the first day; read whole, "19" was a year
        ("September 16-19", dt.date(2016, 9, 20), "2016-09-16"),
        ("Jan. 21-26", dt.date(2016, 2, 3), "2016-01-21"),
        ("11-14 July", dt.date(2016, 7, 18), "2016-07-11"),
        ("Feb. 11-15, 2015", dt.date(2016, 2, 18), "2015-02-11"),
        # "this" with a month is this year's, whatever the tense (NYT, 27 Jul 2016)
        ("this November", dt.date(2016, 7, 27), "2016-11"),
        ("this past week", dt.date(2016, 9, 19), "2016-W37"),
        ("this past weekend", dt.date(2016, 9, 19), "2016-W37-WE"),
        ("the last three months of 2015", dt.date(2016, 1, 4), "2015-Q4"),
        ("the first half of the year", dt.date(2015, 12, 22), "2015-H1"),
        ("the first six months of last year", dt.date(2016, 3, 1), "2015-H1"),
        ("a quarter-century ago", dt.date(2016, 5, 17), "1991"),
    ],
)
def test_ranges_parts_of_a_year_and_this_past(text: str, anchor: dt.date, value: str) -> None:
    assert normalize(text, anchor=anchor, tense="past") == ("DATE", value)


def test_a_quarter_or_half_century_is_a_duration() -> None:
    assert normalize("a quarter-century", anchor=WED) == ("DURATION", "P25Y")
    assert normalize("a half century", anchor=WED) == ("DURATION", "P50Y")
    assert normalize("the past quarter-century", anchor=WED) == ("DURATION", "P25Y")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expression", "value", "published"),
    [
        # an event a calendar holds is the coming one, whatever tense tells the sentence
        # (AP and Politico, April–May 2016)
        (
            "A Justice Department investigation could not be completed by the time of the Nov. 8 election.",
            "Nov. 8",
            "2016-11-08",
            "2016-04-15",
        ),
        ("Trump faces Clinton in the presidential election on Nov. 8.", "Nov. 8", "2016-11-08", "2016-05-16"),
        (
            "Working backward from Election Day, the time is fast approaching.",
            "Election Day",
            "2016-11-08",
            "2016-04-10",
        ),
        # unless the clause tells the event itself in the past
        ("The March 15 primary was a blowout.", "March 15", "2016-03-15", "2016-09-20"),
        ("After the Nov. 8 election, Trump picked his cabinet.", "Nov. 8", "2016-11-08", "2016-12-10"),
        # a poll is reported once it is taken
        ("A March 3 poll shows Clinton ahead.", "March 3", "2016-03-03", "2016-09-20"),
    ],
)
def test_a_calendar_event_named_by_its_date_lies_ahead_unless_told_in_the_past(
    text: str, expression: str, value: str, published: str
) -> None:
    assert _values(text, published)[expression] == value


def test_a_holiday_weekend_is_the_weekend_nearest_the_holiday() -> None:
    # Memorial Day 2016 was Monday 30 May: its weekend is the Saturday and Sunday before
    assert normalize("Memorial Day weekend", anchor=dt.date(2016, 7, 29), tense="past") == (
        "DATE",
        "2016-W21-WE",
    )


@pytest.mark.slow
def test_a_holiday_that_names_a_thing_is_no_time() -> None:
    # NYT, 28 Sep 2016: the trees are not dated; the cookout was held on Labor Day
    values = _values(
        "It included apples from Washington and Christmas trees from Oregon. "
        "He hosted his Labor Day cookout. Diamond wrote about Easter Island.",
        "2016-09-28",
    )
    assert "Christmas" not in values and "Easter" not in values
    assert values["Labor Day"] == "2016-09-05"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expression", "value", "published"),
    [
        # the day of the promise, not of what was promised (Breitbart, 9 Nov 2015)
        (
            "Sanders promised Sunday at a Las Vegas rally to end the wasteful spending.",
            "Sunday",
            "2015-11-08",
            "2015-11-09",
        ),
        ("She vowed to return Friday.", "Friday", "2015-11-13", "2015-11-09"),
        ("The White House has scheduled a news conference Thursday.", "Thursday", "2015-11-12", "2015-11-09"),
        # what might have been is past (Breitbart, 7 Feb 2016, a Sunday)
        (
            "Carson noted that Saturday would have been Ronald Reagan's 105th birthday.",
            "Saturday",
            "2016-02-06",
            "2016-02-07",
        ),
        # "Super Tuesday" is no Tuesday the calendar gives; its date is
        ("Clinton won big on Super Tuesday, March 1.", "March 1", "2016-03-01", "2016-02-11"),
    ],
)
def test_intending_might_have_been_and_super_tuesday(
    text: str, expression: str, value: str, published: str
) -> None:
    values = _values(text, published)
    assert values[expression] == value
    assert "Tuesday" not in values


@pytest.mark.slow
def test_days_joined_by_or_share_their_tense_and_a_calendar_present_lies_ahead() -> None:
    # Politico, Tuesday 24 Nov 2015 and Tuesday 1 Dec 2015
    values = _values("The EPA decision could come as soon as Tuesday or Wednesday.", "2015-11-24")
    assert values["Wednesday"] == "2015-11-25"
    values = _values("Yellen speaks to the Economic Club of Washington on Wednesday.", "2015-12-01")
    assert values["Wednesday"] == "2015-12-02"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expression", "value", "published"),
    [
        # a weekday's event in a present clause lies ahead ... (AP, Thursday 14 Apr 2016)
        (
            "Collins says the scenario rests on Trump winning in Tuesday's New York primary.",
            "Tuesday",
            "2016-04-19",
            "2016-04-14",
        ),
        (
            "After Thursday's final debate, Cruz must travel three hours.",
            "Thursday",
            "2016-01-28",
            "2016-01-27",
        ),
        # ... unless the sentence looks back on it (USA Today, Friday 30 Sep 2016; Thursday 7 Apr 2016)
        ("In this poll, Trump rose 1 point since Monday's debate.", "Monday", "2016-09-26", "2016-09-30"),
        (
            "One is the momentum from his victory in Tuesday's primary in Wisconsin.",
            "Tuesday",
            "2016-04-05",
            "2016-04-07",
        ),
        ("The impact of Monday's debate is still small.", "Monday", "2016-09-26", "2016-09-30"),
        # the circumstances of intending are not what is intended (Sunday 5 Jun, Saturday 27 Aug 2016)
        (
            "At a Thursday rally in Modesto, Sanders promised to legalize workers.",
            "Thursday",
            "2016-06-02",
            "2016-06-05",
        ),
        (
            "The editors of The Advocate aimed their Friday editorial at Clinton.",
            "Friday",
            "2016-08-26",
            "2016-08-27",
        ),
        (
            "Other Republicans prepared for the final days, including a debate Thursday in Des Moines.",
            "Thursday",
            "2016-01-28",
            "2016-01-26",
        ),
    ],
)
def test_a_weekday_event_ahead_or_looked_back_on(
    text: str, expression: str, value: str, published: str
) -> None:
    assert _values(text, published)[expression] == value


def test_later_or_earlier_with_a_weekday_is_a_day_close_to_the_report() -> None:
    # a report of Monday 21 Mar 2016 stamped Tuesday: "when he speaks later Monday"
    tuesday = dt.date(2016, 3, 22)
    assert normalize("later Monday", anchor=tuesday, tense="future") == ("DATE", "2016-03-21")
    assert normalize("later Friday", anchor=tuesday, tense="future") == ("DATE", "2016-03-25")
    assert normalize("earlier Friday", anchor=tuesday, tense="past") == ("DATE", "2016-03-18")


def test_a_weekday_of_a_counted_week() -> None:
    tuesday = dt.date(2016, 9, 20)
    assert normalize("Monday of last week", anchor=tuesday) == ("DATE", "2016-09-12")
    assert normalize("Friday of this week", anchor=tuesday) == ("DATE", "2016-09-23")


@pytest.mark.slow
def test_today_beside_still_in_the_present_is_the_present_age() -> None:
    # USA Today, 28 Jul 2016: the Constitutional Convention is not dated to the report's day
    values = _values(
        "He presided over the convention that wrote the government under which we still live today.",
        "2016-07-28",
    )
    assert values["today"] == "PRESENT_REF"
    values = _values("At the White House today, reporters still questioned Earnest.", "2016-07-28")
    assert values["today"] == "2016-07-28"
