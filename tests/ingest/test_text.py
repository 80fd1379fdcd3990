"""The plain-text reader: text exactly as read, headline titles, sidecar metadata, never the mtime."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from crosswire import ingest
from crosswire.ingest.text import headline_span
from crosswire.ledger import Ledger

BODY = "US Defence Secretary Pete Hegseth met External Affairs Minister S Jaishankar at the Pentagon on Tuesday.\n"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Hegseth, Jaishankar discuss defence sales\n\n" + BODY, "Hegseth, Jaishankar discuss defence sales"),
        (
            "  US hopes to finish 'major pending' deals with India  \r\n" + BODY,
            "US hopes to finish 'major pending' deals with India",
        ),
        (
            "Is the India-US partnership the most consequential?\n" + BODY,
            "Is the India-US partnership the most consequential?",
        ),
        (BODY + BODY, None),  # a sentence, not a headline
        ("The meeting took place on Tuesday.\n" + BODY, None),  # terminal period
        ("date 2025-07-02 Washington\n" + BODY, None),  # a dateline
        ("By Asha Menon\n" + BODY, None),  # a byline
        ("Photo: Pentagon press office\n" + BODY, None),  # a caption
        ("\n\n\nHegseth meets Jaishankar\n" + BODY, None),  # the first line is blank
        ("Hegseth meets Jaishankar\n", None),  # nothing follows
        ("hegseth meets jaishankar at the pentagon\n" + BODY, None),  # not title-like
        ("Pentagon talks\nEnd", None),  # the body must be longer than the headline
        ("Friday, November 11, 2011\n" + BODY, None),  # a date stamp
        ("THURSDAY, DECEMBER 3, 2009, 9:36 AM\n" + BODY, None),
        ("Updated: November 11, 2011 20:09 IST\n" + BODY, None),
        ("March On Washington Draws Thousands\n" + BODY, "March On Washington Draws Thousands"),
    ],
)
def test_headline(text: str, title: str | None) -> None:
    span = headline_span(text)
    assert (text[span[0] : span[1]] if span else None) == title


def test_text_is_exactly_the_file(write: Callable[[str, bytes], Path]) -> None:
    raw = "  \n\nSeveral   spaces\t and tabs \n\n\n\nand padding  \n\n"
    path = write("raw.txt", raw.encode())
    [doc] = list(ingest.run([str(path)], ledger=Ledger()))
    assert doc.text == raw
    assert (doc.id, doc.format, doc.path) == ("raw", "txt", str(path))


def test_sidecar_metadata(write: Callable[[str, bytes], Path]) -> None:
    path = write("story.txt", ("Hegseth meets Jaishankar\n\n" + BODY).encode())
    write(
        "story.json",
        json.dumps(
            {
                "source": "Hindustan Times",
                "url": "https://ht.example/1",
                "published": "2025-07-02T10:00:00+05:30",
            }
        ).encode(),
    )
    ledger = Ledger()
    [doc] = list(ingest.run([str(path.parent)], ledger=ledger))  # the sidecar is not read as an article
    assert ledger.rejected == []
    assert (doc.source, doc.url) == ("Hindustan Times", "https://ht.example/1")
    assert (doc.published, doc.published_from) == ("2025-07-02T10:00:00+05:30", "sidecar")
    assert doc.title == "Hegseth meets Jaishankar"
    assert doc.text[slice(*doc.meta["title_span"])] == doc.title


def test_meta_json_sidecar_and_bad_sidecar(write: Callable[[str, bytes], Path]) -> None:
    good = write("a.txt", BODY.encode())
    write("a.meta.json", b'{"published": "2 July 2025", "title": "Pentagon talks"}')
    bad = write("b.txt", BODY.encode())
    write("b.json", b"{not json")
    ledger = Ledger()
    a, b = list(ingest.run([str(good), str(bad)], ledger=ledger))
    assert (a.published, a.title) == ("2025-07-02", "Pentagon talks")
    assert b.published is None
    assert ledger.rejected == []
    assert len(ledger.warnings) == 1 and "b.json" in ledger.warnings[0]


def test_published_is_never_the_mtime(write: Callable[[str, bytes], Path]) -> None:
    path = write("old.txt", BODY.encode())
    os.utime(path, (1_600_000_000, 1_600_000_000))
    [doc] = list(ingest.run([str(path)], ledger=Ledger()))
    assert doc.published is None and doc.published_from is None


def test_a_mojibake_file_is_repaired_and_the_ledger_says_so(write: Callable[[str, bytes], Path]) -> None:
    scraped = "François Hollande spoke to reporters in Paris on Monday.".encode().decode("cp1252")
    path = write("hollande.txt", scraped.encode("utf-8"))
    ledger = Ledger()
    [doc] = list(ingest.run([str(path)], ledger=ledger))
    assert doc.text.startswith("François Hollande")
    assert any("hollande.txt" in w and "repaired" in w for w in ledger.warnings)


def test_a_first_line_that_is_the_pages_address_is_its_url(write: Callable[[str, bytes], Path]) -> None:
    url = "https://www.example-news.com/2025/07/02/hegseth-jaishankar-talks.html"
    path = write("saved.txt", f"\n{url}\nHegseth, Jaishankar discuss defence sales\n{BODY}".encode())
    [doc] = list(ingest.run([str(path)], ledger=Ledger()))
    assert doc.url == url and doc.text[slice(*doc.meta["url_span"])] == url
    assert doc.title == "Hegseth, Jaishankar discuss defence sales"
    # a sidecar's URL wins; a line that only starts with an address is text
    write("saved.json", b'{"url": "https://canonical.example/1"}')
    [doc] = list(ingest.run([str(path)], ledger=Ledger()))
    assert doc.url == "https://canonical.example/1"
    # a rule line between the address and the headline is no date stamp to skip
    path = write("ruled.txt", f"{url}\n-----\nHegseth, Jaishankar discuss defence sales\n{BODY}".encode())
    [doc] = list(ingest.run([str(path)], ledger=Ledger()))
    assert doc.title is None
    path = write("said.txt", f"{url} reported the talks.\n{BODY}".encode())
    [doc] = list(ingest.run([str(path)], ledger=Ledger()))
    assert doc.url is None and "url_span" not in doc.meta
