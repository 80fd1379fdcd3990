"""Rows the store hands back, and the codec that turns a :class:`Document` into columns.

Input → output: :class:`~crosswire.models.Document` ⇄ plain JSON-able dicts; query options
→ :class:`StoryQuery`. Shared by the SQLite, PostgreSQL and memory stores so the three agree.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from crosswire.models import Document, EditorNote, Fingerprint, OffsetMap, Span

__all__ = [
    "PRIVATE_MARK_END",
    "PRIVATE_MARK_START",
    "DocumentInfo",
    "FeedInfo",
    "FolderInfo",
    "SearchHit",
    "StoryInfo",
    "StoryQuery",
    "StorySummary",
    "document_from_json",
    "document_to_json",
    "text_hash",
]

#: Search snippets mark matches with two private-use characters, never with HTML: the text is
#: untrusted, so the UI escapes the snippet first and only then turns the marks into ``<mark>``.
PRIVATE_MARK_START = "\ue000"
PRIVATE_MARK_END = "\ue001"


def text_hash(text: str) -> str:
    """Identity of an article's words: SHA-256 of the whitespace-collapsed text.

    Collapsing whitespace makes the same article re-posted from another reader (CRLF, extra
    blank lines) hash the same, while any change of a word makes it a different article.
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def document_to_json(doc: Document) -> str:
    """Every field of ``doc`` but ``text`` (stored in its own column) as JSON.

    The MinHash of the fingerprint is dropped: it is only needed while deduplicating a batch,
    and the exact hash and SimHash are kept.
    """
    data: dict[str, Any] = {
        "path": doc.path,
        "format": doc.format,
        "url": doc.url,
        "source": doc.source,
        "title": doc.title,
        "author": doc.author,
        "published": doc.published,
        "published_from": doc.published_from,
        "dateline_place": doc.dateline_place,
        "credit": doc.credit,
        "credit_span": [doc.credit_span.start, doc.credit_span.end] if doc.credit_span else None,
        "site_name": doc.site_name,
        "language": doc.language,
        "truncated": doc.truncated,
        "truncation_reason": doc.truncation_reason,
        "clean": doc.clean,
        "offsets": (
            [list(doc.offsets.clean_starts), list(doc.offsets.orig_starts), list(doc.offsets.lengths)]
            if doc.offsets is not None
            else None
        ),
        "fingerprint": (
            {"exact": doc.fingerprint.exact, "simhash": doc.fingerprint.simhash} if doc.fingerprint else None
        ),
        "notes": [[n.start, n.end, n.kind] for n in doc.notes],
        "meta": doc.meta,
    }
    # default=str: metadata from feeds may hold datetimes; a string is what a reader wants back.
    return json.dumps(data, ensure_ascii=False, default=str)


def document_from_json(document_id: str, text: str, payload: str) -> Document:
    """Inverse of :func:`document_to_json`."""
    data = json.loads(payload)
    offsets = data.get("offsets")
    credit_span = data.get("credit_span")
    fp = data.get("fingerprint")
    return Document(
        id=document_id,
        text=text,
        path=data.get("path") or "",
        format=data.get("format") or "txt",
        url=data.get("url"),
        source=data.get("source"),
        title=data.get("title"),
        author=data.get("author"),
        published=data.get("published"),
        published_from=data.get("published_from"),
        dateline_place=data.get("dateline_place"),
        credit=data.get("credit"),
        credit_span=Span(document_id, credit_span[0], credit_span[1]) if credit_span else None,
        site_name=data.get("site_name"),
        language=data.get("language"),
        truncated=bool(data.get("truncated")),
        truncation_reason=data.get("truncation_reason"),
        clean=data.get("clean") or "",
        offsets=OffsetMap(tuple(offsets[0]), tuple(offsets[1]), tuple(offsets[2])) if offsets else None,
        fingerprint=Fingerprint(document_id, fp["exact"], int(fp["simhash"])) if fp else None,
        notes=tuple(EditorNote(document_id, int(a), int(b), kind) for a, b, kind in data.get("notes") or ()),
        meta=data.get("meta") or {},
    )


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document as listed (no text)."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    story_id: str | None
    added_at: str


@dataclass(frozen=True, slots=True)
class StorySummary:
    """The columns of a story row the list page shows, computed from its brief."""

    headline: str
    first_date: str | None
    last_date: str | None
    independent_sources: int
    conflicts: int
    entities: tuple[str, ...] = ()
    updates: int = 0  # figures a later report updates (a rising toll), listed apart from conflicts
    corrections: int = 0  # reports their outlets corrected, clarified or retracted
    unnamed: int = 0  # corroborated facts every report of which rests on unnamed sources


@dataclass(frozen=True, slots=True)
class StoryInfo:
    """One story as the list shows it. ``stale`` is true while a newer brief is being computed."""

    id: str
    headline: str
    first_date: str | None
    last_date: str | None
    documents: int
    independent_sources: int
    conflicts: int
    stale: bool
    updated_at: str | None  # when the brief was last computed; None before the first one
    error: str | None = None  # why the last brief computation failed, if it did
    updates: int = 0  # figures a later report updates (a rising toll); not conflicts
    corrections: int = 0  # reports their outlets corrected, clarified or retracted
    unnamed: int = 0  # corroborated facts every report of which rests on unnamed sources


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """Filters of ``GET /stories``; every one is optional and they combine with AND."""

    date_from: str | None = None  # ISO date: stories whose span ends on or after it
    date_to: str | None = None  # ISO date: stories whose span starts on or before it
    source: str | None = None  # a document of the story has this source (case-insensitive)
    entity: str | None = None  # an entity of the brief contains this (case-insensitive)
    text: str | None = None  # full-text match in a document of the story, or in the headline
    min_sources: int = 1  # told by at least this many independent sources (outlets, before the brief)
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A document matching a search; ``snippet`` marks matches with the private-use marks."""

    document: str
    title: str | None
    source: str | None
    story_id: str | None
    snippet: str


@dataclass(frozen=True, slots=True)
class FeedInfo:
    id: int
    url: str
    interval: float
    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None
    last_error: str | None = None
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class FolderInfo:
    id: int
    path: str
    interval: float
    last_scanned: str | None = None
    last_error: str | None = None
    created_at: str = ""
    seen: dict[str, str] = field(default_factory=dict, compare=False)  # relpath → size:mtime signature
