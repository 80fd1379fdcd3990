"""The RSS/Atom reader: a feed → one Document per item, via feedparser.

Input → output: a feed's bytes (a file, or a URL's body fetched through the
:class:`~crosswire.seams.Fetcher` seam) → Documents, with a
:class:`~crosswire.errors.RejectedInput` in place of each item that has no text.

Per item: ``text`` is the full content (``<content:encoded>``, Atom ``<content>``) or else
the summary, HTML stripped; ``url`` is the link; ``published`` the item's date (else its
updated date); ``source`` is the item's ``<source>`` — the real publisher of a syndicated
item (``<source url="…">Reuters</source>``) — else the feed's own title; ``title`` is the
item's title without that publisher's name appended ("… - Reuters"). An item whose text is
only its headline and publisher (an aggregator's, such as Google News) is rejected: it
carries no report to read.
A feed that does not parse at all (feedparser "bozo" with no items) is rejected whole;
one that parses with errors keeps its items and leaves a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any
from urllib.parse import urlparse

from crosswire.errors import MissingDependency, RejectedInput
from crosswire.ingest.dates import from_struct_time
from crosswire.ingest.decode import repair_mojibake
from crosswire.ingest.guard import internal_error
from crosswire.ingest.markup import html_to_text
from crosswire.ledger import Ledger
from crosswire.models import Document

__all__ = ["read_feed"]


def _feedparser() -> Any:
    try:
        import feedparser
    except ImportError as exc:
        raise MissingDependency("feedparser", extra="web", purpose="Reading RSS and Atom feeds") from exc
    return feedparser


def read_feed(
    data: bytes, *, path: str, url: str | None = None, ledger: Ledger | None = None
) -> Iterator[Document | RejectedInput]:
    """Documents of one feed; the first item that cannot be used does not stop the others.

    Raises :class:`RejectedInput` when the feed as a whole cannot be parsed.
    """
    feedparser = _feedparser()
    parsed = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    entries = list(parsed.get("entries") or [])
    if not entries:
        if parsed.get("bozo"):
            why = parsed.get("bozo_exception")
            raise RejectedInput(path, f"malformed feed, no items could be read ({why})", code="malformed")
        raise RejectedInput(path, "the feed has no items", code="empty")
    feed = parsed.get("feed") or {}
    context = _FeedContext(
        path=path,
        title=_clean_str(feed.get("title")),
        host=urlparse(url or feed.get("link") or "").hostname,
        stem=PurePath(urlparse(path).path or path).stem or "feed",
        language=_clean_str(feed.get("language")),
        error=f" (the feed is malformed: {parsed.get('bozo_exception')})" if parsed.get("bozo") else "",
    )
    for number, entry in enumerate(entries, start=1):
        try:
            yield _item(entry, number, context)
        except Exception as exc:  # one broken item must not cost the items after it
            yield internal_error(path, exc, line=number)
    if parsed.get("bozo") and ledger is not None:
        # Items were read despite the error: keep them, but say so.
        ledger.warn(
            f"{path}: feed has errors ({parsed.get('bozo_exception')}); {len(entries)} items read anyway"
        )


@dataclass(frozen=True, slots=True)
class _FeedContext:
    """What every item of one feed shares."""

    path: str
    title: str | None
    host: str | None
    stem: str
    language: str | None
    error: str  # the feed's parse error, for messages ("" when it parsed cleanly)


def _item(entry: Any, number: int, feed: _FeedContext) -> Document | RejectedInput:
    """One feed item → a Document, or the reason it has none."""
    body = repair_mojibake(_entry_text(entry))
    if not body:
        return RejectedInput(
            feed.path, f"feed item has no content or summary text{feed.error}", code="no-text", line=number
        )
    source_el = entry.get("source") or {}
    source = _clean_str(source_el.get("title")) if isinstance(source_el, dict) else None
    title = without_source_suffix(
        _clean_str(repair_mojibake(html_to_text(entry.get("title") or ""))), source or feed.title
    )
    if title and _only_the_headline(body, title, source):
        # An aggregator's item (Google News): its text is the headline and the publisher, and
        # as a report it would make a story of headlines, each a "fact" of its outlet.
        return RejectedInput(
            feed.path,
            f"feed item carries only its headline ({title!r}), no article text: an aggregator's "
            "item; give crosswire the article its link leads to",
            code="headline-only",
            line=number,
        )
    published = from_struct_time(entry.get("published_parsed")) or from_struct_time(
        entry.get("updated_parsed")
    )
    link = _clean_str(entry.get("link"))
    meta: dict[str, Any] = {"feed": feed.title} if feed.title else {}
    if source and isinstance(source_el, dict) and source_el.get("href"):
        meta["source_url"] = source_el.get("href")
    return Document(
        id=_clean_str(entry.get("id")) or link or f"{feed.stem}#{number}",
        text=body,
        path=f"{feed.path}:{number}",
        format="rss",
        url=link,
        source=source or feed.title or feed.host,
        title=title,
        author=_clean_str(entry.get("author")),
        published=published,
        published_from="feed" if published else None,
        site_name=feed.title,
        language=_clean_str(entry.get("language")) or feed.language,
        meta=meta,
    )


def _entry_text(entry: Any) -> str:
    """The fullest text an item carries: its content, else its summary; HTML stripped."""
    candidates: list[str] = []
    for content in entry.get("content") or []:
        value = content.get("value") if isinstance(content, dict) else None
        if isinstance(value, str):
            candidates.append(value)
    summary = entry.get("summary")
    if isinstance(summary, str):
        candidates.append(summary)
    for value in candidates:
        text = html_to_text(value)
        if text.strip():
            return text
    return ""


_SEPARATOR = re.compile(r"\s+[-–—|·:]\s+")


def without_source_suffix(title: str | None, source: str | None) -> str | None:
    """``title`` without the outlet's name an aggregator or a page appends to it
    ("Italy quake kills 11 - Reuters" with source "Reuters" → "Italy quake kills 11")."""
    if not title or not source:
        return title
    separators = list(_SEPARATOR.finditer(title))
    last = separators[-1] if separators else None
    if last is not None and title[last.end() :].strip().casefold() == source.strip().casefold():
        return title[: last.start()].strip() or title
    return title


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _only_the_headline(body: str, title: str, source: str | None) -> bool:
    """The item's text says nothing its title and publisher do not: every word of it is theirs."""
    known = set(_words(title)) | set(_words(source or ""))
    words = _words(body)
    return bool(words) and all(w in known for w in words)


def _clean_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
