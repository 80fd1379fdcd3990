"""WARC archives: HTML responses become documents; other records are counted, not rejected."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crosswire import ingest
from crosswire.ledger import Ledger


def test_two_html_responses(
    write: Callable[[str, bytes], Path],
    make_warc: Callable[..., bytes],
    make_page: Callable[..., str],
    news_page: str,
) -> None:
    warc = make_warc(
        [
            ("https://capital-ledger.example/world/hegseth-jaishankar-pentagon", news_page),
            (
                "https://other.example/news/quad",
                make_page(
                    "Quad ministers meet in Washington",
                    [
                        "Foreign ministers of the Quad met in Washington on Tuesday to discuss maritime security.",
                        "They agreed to meet again later this year, officials from the four countries said.",
                    ],
                ),
            ),
        ]
    )
    path = write("crawl.warc.gz", warc)
    ledger = Ledger()
    docs = list(ingest.run([str(path)], ledger=ledger))
    assert ledger.rejected == []
    assert [d.format for d in docs] == ["warc", "warc"]
    assert docs[0].url == "https://capital-ledger.example/world/hegseth-jaishankar-pentagon"
    assert docs[1].id == "https://other.example/news/quad"
    assert docs[1].url == "https://other.example/news/quad"
    assert "maritime security" in docs[1].text
    assert "Subscribe" not in docs[1].text
    assert ledger.counts["ingest.warc.skipped.request"] == 2
    assert ledger.counts["ingest.warc.skipped.not-html"] == 1


def test_truncated_archive_keeps_what_was_read(
    write: Callable[[str, bytes], Path], make_warc: Callable[..., bytes], make_page: Callable[..., str]
) -> None:
    page = make_page(
        "Defence talks", ["The defence talks at the Pentagon ended on Tuesday with a joint statement."]
    )
    one = make_warc([("https://a.example/1", page)], extra_records=False)
    two = make_warc([("https://a.example/2", page)], extra_records=False)
    path = write("cut.warc.gz", one + two[: len(two) // 2])
    ledger = Ledger()
    docs = list(ingest.run([str(path)], ledger=ledger))
    assert [d.url for d in docs] == ["https://a.example/1"]
    [rej] = ledger.rejected
    assert rej.path == str(path) and rej.line == 2 and rej.code == "malformed"


def test_read_bytes_reads_a_warc_upload(
    make_warc: Callable[..., bytes], make_page: Callable[..., str]
) -> None:
    page = make_page(
        "Defence talks", ["The defence talks at the Pentagon ended on Tuesday with a joint statement."]
    )
    ledger = Ledger()
    [doc] = list(
        ingest.read_bytes(make_warc([("https://a.example/1", page)]), name="upload.warc.gz", ledger=ledger)
    )
    assert doc.url == "https://a.example/1"


def test_a_crawl_larger_than_the_limit_is_read_record_by_record(
    write: Callable[[str, bytes], Path], make_warc: Callable[..., bytes], make_page: Callable[..., str]
) -> None:
    pages = [
        (
            f"https://a.example/{k}",
            make_page(f"Report {k}", [f"The talks ended on Tuesday, report {k} said."] * 3),
        )
        for k in range(6)
    ]
    warc = write("crawl.warc.gz", make_warc(pages))
    limit = max(len(p.encode()) for _, p in pages) + 400  # each record fits, the crawl does not
    assert warc.stat().st_size > limit
    ledger = Ledger()
    docs = list(ingest.run([str(warc)], ledger=ledger, max_bytes=limit))
    assert len(docs) == 6 and not any(r.code == "too-large" for r in ledger.rejected)
