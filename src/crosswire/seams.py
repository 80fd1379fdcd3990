"""The seams: Protocols for the parts a user or a test swaps out.

Input → output: nothing; implementations live in their stage folders, in-memory fakes
in :mod:`crosswire.testing`.

- :class:`Embedder` — text → unit vectors (MiniLM ONNX by default).
- :class:`Clock` — "now", so streaming windows and services are testable.
- :class:`Fetcher` — URL → bytes, for feeds and pages (no network in tests).
- :class:`Store` — documents, stories and briefs that persist (SQLite, PostgreSQL, memory).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from crosswire.models import Document
    from crosswire.store.records import (
        DocumentInfo,
        FeedInfo,
        FolderInfo,
        SearchHit,
        StoryInfo,
        StoryQuery,
        StorySummary,
    )

__all__ = ["Clock", "Embedder", "FetchResult", "Fetcher", "Store"]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of ``dim`` dimensions."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


class Clock(Protocol):
    def now(self) -> datetime: ...


class FetchResult(Protocol):
    status: int
    body: bytes
    headers: dict[str, str]


class Fetcher(Protocol):
    """HTTP GET with conditional headers (ETag / Last-Modified)."""

    def get(self, url: str, *, headers: dict[str, str] | None = None) -> FetchResult: ...


class Store(Protocol):
    """Persistence for the service: SQLite, PostgreSQL (``store/sql.py``) or memory (``store/memory.py``).

    Documents are unique by id, URL and text hash: ``add_document`` returns the id of the
    stored duplicate instead of inserting. Stories are written only by the service worker;
    ``stale`` marks a story whose documents changed since its brief was computed.
    """

    url: str
    schema_version: int

    # documents
    def add_documents(self, documents: Iterable[Document]) -> list[str]: ...
    def add_document(self, document: Document) -> str | None: ...
    def find_duplicate(self, document: Document, *, text_only: bool = False) -> str | None: ...
    def get_document(self, document_id: str) -> Document | None: ...
    def get_documents(self, document_ids: Sequence[str]) -> list[Document]: ...
    def list_documents(
        self, *, limit: int = 50, offset: int = 0, story_id: str | None = None
    ) -> list[DocumentInfo]: ...
    def count_documents(self) -> int: ...
    def document_story(self, document_id: str) -> str | None: ...
    def unassigned_documents(self) -> list[str]: ...
    def all_document_ids(self, *, since: str | None = None) -> list[str]: ...
    def delete_document(self, document_id: str) -> tuple[bool, str | None]: ...

    # stories and briefs
    def assign_story(self, document_id: str, story_id: str, *, merged: Sequence[str] = ()) -> None: ...
    def story_document_ids(self, story_id: str) -> list[str]: ...
    def get_story(self, story_id: str) -> StoryInfo | None: ...
    def story_moved_to(self, story_id: str) -> str | None: ...
    def list_stories(self, query: StoryQuery) -> tuple[list[StoryInfo], int]: ...
    def stale_stories(self) -> list[str]: ...
    def mark_stale(self, story_ids: Iterable[str]) -> None: ...
    def put_brief(
        self,
        story_id: str,
        *,
        brief: dict[str, Any],
        markdown: str,
        html: str,
        summary: StorySummary,
        documents: Sequence[str],
        revision: int | None = None,
    ) -> bool: ...
    def outdated_briefs(self, revision: int) -> list[str]:
        """Stories whose stored brief was computed with another brief revision (or before revisions)."""
        ...

    def put_brief_error(self, story_id: str, error: str) -> None: ...
    def get_brief(self, story_id: str) -> dict[str, Any] | None: ...
    def get_brief_json(self, story_id: str) -> str | None: ...
    def get_rendered(self, story_id: str, fmt: str) -> str | None: ...
    def search(self, q: str, *, limit: int = 20) -> list[SearchHit]: ...

    # watched feeds and folders
    def add_feed(self, url: str, *, interval: float) -> FeedInfo: ...
    def list_feeds(self) -> list[FeedInfo]: ...
    def update_feed(
        self, feed_id: int, *, etag: str | None, last_modified: str | None, polled: str, error: str | None
    ) -> None: ...
    def delete_feed(self, feed_id: int) -> bool: ...
    def add_folder(self, path: str, *, interval: float) -> FolderInfo: ...
    def list_folders(self) -> list[FolderInfo]: ...
    def update_folder(
        self, folder_id: int, *, scanned: str, error: str | None, seen: dict[str, str]
    ) -> None: ...
    def delete_folder(self, folder_id: int) -> bool: ...

    # API tokens (SHA-256 digests only)
    def add_token(self, name: str, digest: str) -> None: ...
    def token_digests(self) -> list[str]: ...

    def close(self) -> None: ...
