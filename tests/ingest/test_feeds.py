"""RSS/Atom files and feed URLs: one Document per item, the syndicated publisher kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from crosswire import ingest
from crosswire.errors import InputNotFound
from crosswire.ledger import Ledger
from crosswire.testing import FakeFetcher, FakeResponse


def test_rss_items_with_syndicated_source(write: Callable[[str, str], Path], rss_syndicated: str) -> None:
    path = write("world.rss", rss_syndicated)
    ledger = Ledger()
    first, second = list(ingest.run([str(path)], ledger=ledger))
    assert ledger.rejected == []
    assert first.format == second.format == "rss"
    # <source url="…">Reuters</source> names the real publisher; the feed is only the aggregator.
    assert first.source == "Reuters"
    assert first.meta["source_url"] == "https://www.reuters.com/world/"
    assert second.source == "World Desk Aggregator"
    assert first.id == "agg-2025-07-02-0001"
    assert first.url == "https://aggregator.example/world/us-india-framework"
    assert first.published == "2025-07-02T03:10:00+00:00"
    assert first.published_from == "feed"
    assert first.title == "US, India aim to seal 10-year defence framework"
    assert first.path == f"{path}:1"
    # HTML stripped, paragraphs kept apart.
    assert "<p>" not in first.text
    assert first.text.startswith("WASHINGTON (Reuters) - The United States hopes")
    assert "\n\nHe spoke at the start" in first.text
    # content:encoded preferred over the (absent) summary; entities decoded.
    assert second.text.endswith("— PTI")


def test_atom_entry(write: Callable[[str, str], Path], atom_feed: str) -> None:
    path = write("defence.atom", atom_feed)
    [doc] = list(ingest.run([str(path)], ledger=Ledger()))
    assert doc.source == "Defence Wire"
    assert doc.author == "R. Iyer"
    assert doc.published == "2025-07-02T09:30:00+00:00"
    assert doc.url == "https://defence-wire.example/2025/07/02/platforms"
    assert "C-17 Globemaster III" in doc.text


def test_feed_detected_by_content(write: Callable[[str, str], Path], atom_feed: str) -> None:
    path = write("feed.txt", atom_feed)
    [doc] = list(ingest.run([str(path)], ledger=Ledger()))
    assert doc.format == "rss"


def test_feed_url_through_the_fetcher_seam(rss_syndicated: str) -> None:
    url = "https://aggregator.example/world.rss"
    fetcher = FakeFetcher({url: rss_syndicated.encode()})
    ledger = Ledger()
    docs = list(ingest.run([url], ledger=ledger, fetcher=fetcher))
    assert [d.source for d in docs] == ["Reuters", "World Desk Aggregator"]
    assert fetcher.requests[0][0] == url
    assert docs[0].path == f"{url}:1"


def test_feed_url_errors_are_rejected_not_raised(rss_syndicated: str) -> None:
    good = "https://aggregator.example/world.rss"
    fetcher = FakeFetcher(
        {good: rss_syndicated.encode(), "https://down.example/feed": FakeResponse(status=503)}
    )
    ledger = Ledger()
    docs = list(
        ingest.run(
            ["https://missing.example/feed", "https://down.example/feed", good],
            ledger=ledger,
            fetcher=fetcher,
        )
    )
    assert len(docs) == 2
    assert [(r.path, r.code) for r in ledger.rejected] == [
        ("https://missing.example/feed", "fetch"),
        ("https://down.example/feed", "fetch"),
    ]
    assert "HTTP 503" in ledger.rejected[1].reason


def test_fetcher_exception_is_rejected() -> None:
    class Unreachable:
        def get(self, url: str, *, headers: dict[str, str] | None = None) -> FakeResponse:
            raise OSError("connection refused")

    ledger = Ledger()
    assert list(ingest.run(["https://offline.example/rss"], ledger=ledger, fetcher=Unreachable())) == []
    [rej] = ledger.rejected
    assert rej.code == "fetch" and "connection refused" in rej.reason


def test_broken_feed_is_rejected(write: Callable[[str, str], Path]) -> None:
    path = write(
        "broken.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>unclosed'
    )
    ledger = Ledger()
    assert list(ingest.run([str(path)], ledger=ledger)) == []
    [rej] = ledger.rejected
    assert rej.path == str(path)
    assert rej.code in {"malformed", "no-text"}
    assert rej.reason


def test_item_without_text_is_rejected_others_kept(write: Callable[[str, str], Path]) -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
    <item><title>Only a title</title><link>https://desk.example/1</link></item>
    <item><title>Full</title><link>https://desk.example/2</link><description>The talks ended on Tuesday.</description></item>
    </channel></rss>"""
    path = write("desk.rss", feed)
    ledger = Ledger()
    [doc] = list(ingest.run([str(path)], ledger=ledger))
    assert doc.url == "https://desk.example/2"
    [rej] = ledger.rejected
    assert (rej.path, rej.line, rej.code) == (str(path), 1, "no-text")


def test_only_missing_paths_raise() -> None:
    with pytest.raises(InputNotFound):
        list(ingest.run(["/nonexistent/crosswire/feed.xml"], ledger=Ledger()))


def test_read_bytes_of_a_fetched_feed_uses_the_url(rss_syndicated: str) -> None:
    url = "https://aggregator.example/world.rss"
    docs = list(ingest.read_bytes(rss_syndicated.encode(), name=url, ledger=Ledger()))
    assert [d.path for d in docs] == [f"{url}:1", f"{url}:2"]
    assert docs[0].source == "Reuters"


GOOGLE_NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>"Italy earthquake" - Google News</title><link>https://news.google.com/</link>
<item><title>Italy quake kills 11, dozens trapped - officials - Reuters</title>
<link>https://news.google.com/rss/articles/CBMiX2h0?oc=5</link><guid isPermaLink="false">CBMiX2h0</guid>
<pubDate>Tue, 01 Jul 2025 05:10:00 GMT</pubDate>
<description>&lt;a href="https://news.google.com/rss/articles/CBMiX2h0?oc=5"&gt;Italy quake kills 11, dozens trapped - officials&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;Reuters&lt;/font&gt;</description>
<source url="https://www.reuters.com">Reuters</source></item>
<item><title>Italy earthquake death toll climbs to 29 - Al Jazeera</title>
<link>https://news.google.com/rss/articles/CBMiOWh0?oc=5</link><guid isPermaLink="false">CBMiOWh0</guid>
<pubDate>Wed, 02 Jul 2025 08:41:00 GMT</pubDate>
<description>The death toll from the earthquake that struck central Italy on Tuesday has risen to 29, officials said on Wednesday.</description>
<source url="https://www.aljazeera.com">Al Jazeera</source></item>
</channel></rss>
"""


def test_an_aggregators_headline_only_item_is_rejected_and_the_outlet_cut_from_titles(
    write: Callable[[str, str], Path],
) -> None:
    path = write("gnews.xml", GOOGLE_NEWS)
    ledger = Ledger()
    [doc] = list(ingest.run([str(path)], ledger=ledger))
    # the item with a text keeps it, under its title without " - Al Jazeera"
    assert (doc.source, doc.title) == ("Al Jazeera", "Italy earthquake death toll climbs to 29")
    [rej] = ledger.rejected
    assert (rej.where(), rej.code) == (f"{path}:1", "headline-only")
    assert "only its headline ('Italy quake kills 11, dozens trapped - officials')" in rej.reason
    assert "the article its link leads to" in rej.reason


@pytest.mark.parametrize(
    ("title", "source", "shown"),
    [
        ("Italy quake kills 11 - Reuters", "Reuters", "Italy quake kills 11"),
        ("Quake: toll rises | AP News", "ap news", "Quake: toll rises"),
        ("Italy quake kills 11 - dozens trapped", "Reuters", "Italy quake kills 11 - dozens trapped"),
        ("Reuters", "Reuters", "Reuters"),
        ("Talks end - Reuters", None, "Talks end - Reuters"),
    ],
)
def test_the_outlets_name_after_a_title(title: str, source: str | None, shown: str) -> None:
    from crosswire.ingest.feeds import without_source_suffix

    assert without_source_suffix(title, source) == shown
