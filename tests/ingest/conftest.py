"""Fixtures for the ingest tests: realistic pages, feeds and archives, written by the tests.

Nothing here touches the network: feed URLs go through :class:`crosswire.testing.FakeFetcher`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Hegseth, Jaishankar discuss pending defence sales | The Capital Ledger</title>
  <meta property="og:site_name" content="The Capital Ledger">
  <meta property="og:title" content="Hegseth, Jaishankar discuss pending defence sales">
  <meta name="author" content="Asha Menon">
  <meta property="article:published_time" content="2025-07-02T08:15:00+05:30">
  <link rel="canonical" href="https://capital-ledger.example/world/hegseth-jaishankar-pentagon">
  <script>window.dataLayer = [];</script>
</head>
<body>
  <header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/india">India</a>
    | <a href="/subscribe">Subscribe</a> | <a href="/login">Sign in</a></nav></header>
  <div class="share-bar">Share on Facebook | Share on X | WhatsApp | Email</div>
  <main>
    <article>
      <h1>Hegseth, Jaishankar discuss pending defence sales</h1>
      <p class="byline">By Asha Menon | July 2, 2025</p>
      <p>US Defence Secretary Pete Hegseth met External Affairs Minister S Jaishankar at the Pentagon on
      Tuesday, and said Washington hoped to complete several major pending defence sales to India soon.</p>
      <p>"We're eager to work alongside you to realise our shared goals," Hegseth said at the start of the
      meeting, adding that the two countries were mutually aware of the security concerns in the region.</p>
      <aside class="related"><h3>Also read</h3><ul><li><a href="/a">Quad ministers meet in Washington</a></li></ul></aside>
      <p>Jaishankar described the defence partnership as "one of the most consequential pillars" of the
      India-US relationship, and said it was built on a deepening convergence of capabilities.</p>
      <p>The two sides also discussed a new 10-year framework for the major defence partnership, which
      officials said they expected to sign soon.</p>
    </article>
  </main>
  <footer><p>Copyright 2025 The Capital Ledger. All rights reserved.</p>
    <p>Follow us on X, Facebook and Instagram.</p><p>Newsletter: get the morning brief in your inbox.</p></footer>
</body>
</html>
"""

RSS_SYNDICATED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>World Desk Aggregator</title>
  <link>https://aggregator.example/world</link>
  <description>World news from many wires</description>
  <language>en</language>
  <item>
    <title>US, India aim to seal 10-year defence framework</title>
    <link>https://aggregator.example/world/us-india-framework</link>
    <guid isPermaLink="false">agg-2025-07-02-0001</guid>
    <pubDate>Wed, 02 Jul 2025 03:10:00 GMT</pubDate>
    <source url="https://www.reuters.com/world/">Reuters</source>
    <description>&lt;p&gt;WASHINGTON (Reuters) - The United States hopes to complete several major pending
    defence sales to India, Defense Secretary Pete Hegseth said on Tuesday.&lt;/p&gt;
    &lt;p&gt;He spoke at the start of a meeting with Indian Foreign Minister Subrahmanyam Jaishankar at the
    Pentagon.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Jaishankar: defence ties one of the most consequential pillars</title>
    <link>https://aggregator.example/world/jaishankar-pillars</link>
    <guid isPermaLink="false">agg-2025-07-02-0002</guid>
    <pubDate>Wed, 02 Jul 2025 05:40:00 GMT</pubDate>
    <content:encoded><![CDATA[<p>External Affairs Minister S Jaishankar said the defence partnership is
    "one of the most consequential pillars" of India-US ties.</p><p>&mdash; PTI</p>]]></content:encoded>
  </item>
</channel>
</rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Defence Wire</title>
  <link href="https://defence-wire.example/"/>
  <updated>2025-07-02T10:00:00Z</updated>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <entry>
    <title>Pentagon lists US-made platforms in India's inventory</title>
    <link href="https://defence-wire.example/2025/07/02/platforms"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2025-07-02T09:30:00Z</published>
    <author><name>R. Iyer</name></author>
    <content type="html">&lt;p&gt;The Pentagon said India has integrated the C-130J Super Hercules and
    C-17 Globemaster III into its military.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def warc_bytes(pages: list[tuple[str, str]], *, extra_records: bool = True) -> bytes:
    """A gzip-compressed WARC with one HTML ``response`` per ``(url, html)``, written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    if extra_records:
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "crosswire-tests"}))
    for url, html in pages:
        if extra_records:
            req_headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=req_headers))
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers
        )
        writer.write_record(record)
    if extra_records:
        css = StatusAndHeaders("200 OK", [("Content-Type", "text/css")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.com/site.css", "response", payload=io.BytesIO(b"body{}"), http_headers=css
            )
        )
    return buf.getvalue()


def article_page(title: str, paragraphs: list[str], *, site: str = "Example News") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title><meta property='og:site_name' content='{site}'>"
        f"</head><body><nav>Home | World | Subscribe</nav><article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright 2025 {site}</footer></body></html>"
    )


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """Write a file under ``tmp_path`` (str as UTF-8) and return its path."""

    def _write(name: str, data: bytes | str) -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return p

    return _write


@pytest.fixture
def news_page() -> str:
    return NEWS_PAGE


@pytest.fixture
def rss_syndicated() -> str:
    return RSS_SYNDICATED


@pytest.fixture
def atom_feed() -> str:
    return ATOM_FEED


@pytest.fixture
def make_warc() -> Callable[..., bytes]:
    return warc_bytes


@pytest.fixture
def make_page() -> Callable[..., str]:
    return article_page
