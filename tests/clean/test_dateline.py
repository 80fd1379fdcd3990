"""Datelines at the start of the body: place, date, agency, and what to delete."""

from __future__ import annotations

import pytest

from crosswire import clean
from crosswire.clean.dateline import date_in_file_name, find_dateline, find_stamp
from crosswire.models import Document


@pytest.mark.parametrize(
    ("text", "place", "iso", "agency", "rest"),
    [
        (
            " date 2025-07-02 Washington, July 2 During his meeting",
            "Washington",
            "2025-07-02",
            None,
            "During his meeting",
        ),
        ("WASHINGTON (Reuters) - The United States", "Washington", None, "Reuters", "The United States"),
        ("NEW DELHI, July 2 (PTI) — India and the US", "New Delhi", None, "PTI", "India and the US"),
        ("Washington, July 2: The two leaders", "Washington", None, None, "The two leaders"),
        ("New Delhi, July 2, 2025 (IANS) The talks", "New Delhi", "2025-07-02", "IANS", "The talks"),
        ("LONDON, 2 July (AFP) - Shares fell", "London", None, "AFP", "Shares fell"),
        ("MUMBAI — Shares rose", "Mumbai", None, None, "Shares rose"),
        ("Washington, D.C., July 2 - The", "Washington, D.C.", None, None, "The"),
        ("(Reuters) - The United States", None, None, "Reuters", "The United States"),
        ("Published: 2025-07-01 10:30 IST | The minister", None, "2025-07-01", None, "The minister"),
        ("New Delhi/Mumbai: The Reserve Bank", "New Delhi/Mumbai", None, None, "The Reserve Bank"),
        ("NEW DELHI / MUMBAI — Shares rose", "New Delhi / Mumbai", None, None, "Shares rose"),
        # a smaller place and its country or state, as the wires write it
        ("KIEV, Ukraine (AP) — Rebels shelled", "Kiev, Ukraine", None, "AP", "Rebels shelled"),
        ("SEASIDE, Oregon (Reuters) - Heavy rain", "Seaside, Oregon", None, "Reuters", "Heavy rain"),
        ("GAZA CITY, Gaza Strip (AFP) – Israeli jets", "Gaza City, Gaza Strip", None, "AFP", "Israeli jets"),
        ("MOSCOW, Russia, July 3 (Reuters) - The", "Moscow, Russia", None, "Reuters", "The"),
        ("BIRMINGHAM, Alabama -- The storm", "Birmingham, Alabama", None, None, "The storm"),
        ("SEOUL, South Korea — North Korea fired", "Seoul, South Korea", None, None, "North Korea fired"),
        ("Kabul, Afghanistan – A suicide bomber", "Kabul, Afghanistan", None, None, "A suicide bomber"),
        (
            "L'Aquila (Italy) (AFP) – A powerful earthquake",
            "L'Aquila, Italy",
            None,
            "AFP",
            "A powerful earthquake",
        ),
        ("Bogotá, Colombia (AFP) – The", "Bogotá, Colombia", None, "AFP", "The"),
        ("Winston-Salem, N.C. (AP) — The", "Winston-Salem, N.C.", None, "AP", "The"),
        ("MONTERREY, México (AP) — The", "Monterrey, México", None, "AP", "The"),
        ("ST. LOUIS, Mo. (AP) — The", "St. Louis, Mo.", None, "AP", "The"),
        ("L'AQUILA, Italy (AP) — The", "L'Aquila, Italy", None, "AP", "The"),
        # Indian papers: a city of the table, a colon
        ("NEW DELHI: The government on Tuesday", "New Delhi", None, None, "The government on Tuesday"),
        ("MUMBAI: Shares rose", "Mumbai", None, None, "Shares rose"),
        ("WINSTON-SALEM, N.C. (AP) — The", "Winston-Salem, N.C.", None, "AP", "The"),
        # CNN's own copy
        ("(CNN) -- Heavy rain flooded", None, None, "CNN", "Heavy rain flooded"),
        ("(CNN)Heavy rain flooded", None, None, "CNN", "Heavy rain flooded"),
        ("WASHINGTON (CNN Business) — The Fed", "Washington", None, "CNN", "The Fed"),
    ],
)
def test_datelines(text: str, place: str | None, iso: str | None, agency: str | None, rest: str) -> None:
    start = len(text) - len(text.lstrip())
    d = find_dateline(text, start)
    assert d is not None
    assert (d.place, d.date, d.agency) == (place, iso, agency)
    assert text[d.end :] == rest
    if agency:
        assert d.agency_span is not None
        assert text[d.agency_span[0] : d.agency_span[1]].strip("()") in text


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon said on Tuesday",
        "US-India ties are deepening",
        "NASA: The agency said",
        "BREAKING — markets fall",
        "Delhi: a city of contrasts",
        "External Affairs Minister S. Jaishankar met",
        "July 2 - the day of the talks",
        "Hegseth, Jaishankar meet at Pentagon",
        "New Delhi/Mumbai: a tale of two cities",
        "Updates/Breaking: The minister",
        "Israel/Gaza",
        "Yesterday, Obama — the president — said",
        "Smith, Jones (AP) — the two",
        "Paris, France: a city of light",
        "Miller, Texas — a small town",
        "(CNN) the network said",
        "Onna (Italy) – a village of 300",
        "MUST SEE: The video of the rescue",
        "HUFFPOLLSTER: A seismic shift",
        "KARACHI: Thank you.\nLAHORE: And to you.",  # a transcript's speakers, not a dateline
    ],
)
def test_not_datelines(text: str) -> None:
    assert find_dateline(text, 0) is None


def test_dateline_fills_unknown_date_only() -> None:
    text = "NEW DELHI, July 2, 2025 (PTI) — India and the US agreed to deepen ties."
    unknown, known = clean.run(
        [
            Document(id="a", text=text),
            Document(id="b", text=text, published="2025-07-03", published_from="sidecar"),
        ]
    )
    assert (unknown.published, unknown.published_from) == ("2025-07-02", "dateline")
    assert (known.published, known.published_from) == ("2025-07-03", "sidecar")
    for doc in (unknown, known):
        assert doc.clean == "India and the US agreed to deepen ties."
        assert doc.dateline_place == "New Delhi"
        assert doc.credit == "PTI"
        assert doc.credit_span is not None
        assert doc.text[doc.credit_span.start : doc.credit_span.end] == "(PTI)"


def test_dateline_after_a_headline() -> None:
    text = (
        "Talks at the Pentagon\n\nWASHINGTON (Reuters) - The United States and India held talks on Tuesday."
    )
    doc = next(
        clean.run([Document(id="r", text=text, meta={"title_span": (0, 21)}, title="Talks at the Pentagon")])
    )
    assert doc.clean == "The United States and India held talks on Tuesday."
    assert (doc.dateline_place, doc.credit) == ("Washington", "Reuters")


def test_a_wire_dateline_naming_the_country_credits_the_wire() -> None:
    # "KIEV, Ukraine (AP) —" was read as text: the AP credit was lost and the dateline stood
    # at the head of the first claim and of the summary
    text = "Rebels shell Donetsk\n\nKIEV, Ukraine (AP) — Rebels shelled the city of Donetsk on Monday."
    doc = next(
        clean.run([Document(id="k", text=text, meta={"title_span": (0, 20)}, title="Rebels shell Donetsk")])
    )
    assert doc.clean == "Rebels shelled the city of Donetsk on Monday."
    assert (doc.dateline_place, doc.credit) == ("Kiev, Ukraine", "AP")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Tuesday, July 2, 2013", "2013-07-02"),
        ("Tue Jul 2, 2013 1:28PM GMT", "2013-07-02"),
        ("Published on Jul 02, 2013 4:22 PM", "2013-07-02"),
        ("Updated: July 2, 2013 15:01 IST", "2013-07-02"),
        ("WEDNESDAY 03 JULY 2013", "2013-07-03"),
        ("3 July 2013 Last updated at 13:38 GMT", "2013-07-03"),
        ("Last updated on Feb 3, 2021 at 9:15 a.m. ET", "2021-02-03"),
        ("INDONESIA, July 2, 2013", "2013-07-02"),
        ("updated 8:41 p.m. EST, Tue March 3, 2009", "2009-03-03"),
        ("on March 1, 2012 at 8:12 am", "2012-03-01"),
        ("Tuesday 28 April 2009 22.34 BST", "2009-04-28"),
        ("on September 14, 2013 11:41am | Updated on September 14, 2013 11:41am", "2013-09-14"),
        ("Published Sept. 2, 2013 | Updated Sept. 3, 2013", "2013-09-02"),  # the first is the publication
        ("Tuesday, July 2, 2013 | 4:22 PM", "2013-07-02"),  # one stamp with its time
        # numeric: month first on a 12-hour clock or when the day is above 12; day first above 12
        ("Updated 4/11/2007 1:26 PM", "2007-04-11"),
        ("Updated 4 / 9 / 2007 6: 04 PM", "2007-04-09"),  # as detokenised text writes it
        ("Posted: 04/28/09", "2009-04-28"),
        ("9/10/2010 @ 1:19PM", "2010-09-10"),
        ("Published 28/04/2009 13:38", "2009-04-28"),
        ("Published 04/05/2009 13:38", None),  # April 5 or 4 May: not guessed
        ("Updated 2/30/2009 1:00 PM", None),  # no such day
        # a sentence with a date in it is text, not a stamp
        ("The quake struck on July 2, 2013.", None),
        ("Tuesday, July 2, 2013 was a bad day", None),
        ("July 2", None),  # no year: no guessing
        ("July 2, 2013 | Weather | Traffic", None),  # a menu after the date
    ],
)
def test_find_stamp(line: str, iso: str | None) -> None:
    assert find_stamp(line) == iso


def test_a_date_stamp_line_dates_the_article_and_is_not_text() -> None:
    text = (
        "http://www.straitstimes.com/breaking-news/quake-strikes-aceh\n"
        "Dozens injured as quake hits Indonesia's Aceh\n"
        "Published on Jul 02, 2013 4:22 PM\n"
        "A 6.1-magnitude earthquake which hit Aceh on Tuesday killed at least one person.\n"
    )
    doc = next(clean.run([Document(id="st", text=text)]))
    assert (doc.published, doc.published_from) == ("2013-07-02", "stamp")
    assert "Published on" not in doc.clean and "killed at least one person" in doc.clean
    # a date the metadata gives wins; a stamp further down the article is left alone
    known = next(clean.run([Document(id="k", text=text, published="2013-07-03", published_from="sidecar")]))
    assert known.published == "2013-07-03"
    late = "\n".join(["One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Tuesday, July 2, 2013", "Seven."])
    assert "Tuesday, July 2, 2013" in next(clean.run([Document(id="l", text=late)])).clean


@pytest.mark.parametrize(
    ("path", "iso"),
    [
        ("stories/politico_2016-07-05_criminal-charges-against-clinton.txt", "2016-07-05"),
        ("2025-07-02-hegseth-meets-jaishankar.html", "2025-07-02"),
        ("archive/2016-07-05/story.txt", None),  # a folder named by crawl day: not the article's
        ("copy_2016-07-05_of_2016-07-04.txt", None),  # two dates: which one?
        ("report-2016-13-40.txt", None),  # no such day
        ("id-12016-07-05.txt", None),  # part of a longer number
        ("000_b881777e44a1a9ae.txt", None),
    ],
)
def test_date_in_file_name(path: str, iso: str | None) -> None:
    assert date_in_file_name(path) == iso


def test_a_file_name_dates_an_article_only_when_nothing_else_does() -> None:
    text = "Lynch closes the door on Clinton probe\nAttorney General Loretta Lynch said Wednesday the case is closed.\n"
    named = "west-journal_2016-07-06_lynch-closes-the-door.txt"
    doc = next(clean.run([Document(id="w", text=text, path=named)]))
    assert (doc.published, doc.published_from) == ("2016-07-06", "file name")
    dated = "WASHINGTON, July 7, 2016 (AP) — " + text
    doc = next(clean.run([Document(id="d", text=dated, path=named)]))
    assert (doc.published, doc.published_from) == ("2016-07-07", "dateline")
    record = next(clean.run([Document(id="r", text=text, path="2016-07-06.jsonl:3", format="jsonl")]))
    assert record.published is None  # one file of many records: its name dates none of them
