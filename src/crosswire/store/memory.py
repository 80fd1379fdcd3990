"""In-memory store: the fake behind the ``Store`` seam for fast tests (``memory://``).

Input → output: the same calls as the SQL stores → the same answers, held in dicts under one
lock. Search is a plain case-insensitive "every word occurs" scan, enough for tests.
"""

from __future__ import annotations

import copy
import json
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from crosswire.models import Document
from crosswire.store.records import (
    PRIVATE_MARK_END,
    PRIVATE_MARK_START,
    DocumentInfo,
    FeedInfo,
    FolderInfo,
    SearchHit,
    StoryInfo,
    StoryQuery,
    StorySummary,
    text_hash,
)
from crosswire.store.sql import now_iso

__all__ = ["MemoryStore"]


@dataclass(slots=True)
class _Story:
    id: str
    created_at: str
    headline: str = ""
    first_date: str | None = None
    last_date: str | None = None
    independent_sources: int = 0
    conflicts: int = 0
    updates: int = 0
    corrections: int = 0
    unnamed: int = 0
    entities: tuple[str, ...] = ()
    brief: dict[str, Any] | None = None
    brief_revision: int | None = None
    rendered: dict[str, str] = field(default_factory=dict)
    stale: bool = True
    error: str | None = None
    updated_at: str | None = None


class MemoryStore:
    url = "memory://"
    schema_version = 0

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._docs: dict[str, Document] = {}
        self._added: dict[str, str] = {}
        self._story_of: dict[str, str | None] = {}
        self._stories: dict[str, _Story] = {}
        self._moves: dict[str, str] = {}  # a story gone → the story its documents went to
        self._feeds: dict[int, FeedInfo] = {}
        self._folders: dict[int, FolderInfo] = {}
        self._tokens: list[str] = []
        self._next_id = 1

    # -- documents -------------------------------------------------------------------

    def find_duplicate(self, document: Document, *, text_only: bool = False) -> str | None:
        with self._lock:
            if document.id in self._docs and not text_only:
                return document.id
            h = text_hash(document.text)
            for d in self._docs.values():
                if text_hash(d.text) == h:
                    return d.id
            if text_only or not document.url or document.meta.get("version_of"):
                return None  # versions share their address
            for d in self._docs.values():
                if d.url == document.url:
                    return d.id
        return None

    def add_document(self, document: Document) -> str | None:
        with self._lock:
            dup = self.find_duplicate(document)
            if dup is not None:
                return dup
            self._docs[document.id] = document
            self._added[document.id] = now_iso()
            self._story_of[document.id] = None
        return None

    def add_documents(self, documents: Iterable[Document]) -> list[str]:
        return [d.id for d in documents if self.add_document(d) is None]

    def get_document(self, document_id: str) -> Document | None:
        return self._docs.get(document_id)

    def get_documents(self, document_ids: Sequence[str]) -> list[Document]:
        return [self._docs[i] for i in document_ids if i in self._docs]

    def _info(self, d: Document) -> DocumentInfo:
        return DocumentInfo(
            d.id, d.title, d.source, d.url, d.published, self._story_of.get(d.id), self._added[d.id]
        )

    def list_documents(
        self, *, limit: int = 50, offset: int = 0, story_id: str | None = None
    ) -> list[DocumentInfo]:
        with self._lock:
            ids = sorted(self._docs, key=lambda i: (self._added[i], i))
            if story_id:
                ids = [i for i in ids if self._story_of.get(i) == story_id]
            return [self._info(self._docs[i]) for i in ids[offset : offset + limit]]

    def count_documents(self) -> int:
        return len(self._docs)

    def document_story(self, document_id: str) -> str | None:
        return self._story_of.get(document_id)

    def unassigned_documents(self) -> list[str]:
        with self._lock:
            return [
                i
                for i in sorted(self._docs, key=lambda i: (self._added[i], i))
                if self._story_of.get(i) is None
            ]

    def all_document_ids(self, *, since: str | None = None) -> list[str]:
        with self._lock:
            ids = sorted(self._docs, key=lambda i: (self._added[i], i))
            return [i for i in ids if since is None or self._added[i] >= since]

    def delete_document(self, document_id: str) -> tuple[bool, str | None]:
        with self._lock:
            if document_id not in self._docs:
                return False, None
            story = self._story_of.pop(document_id, None)
            del self._docs[document_id]
            del self._added[document_id]
            if story is not None:
                if not self.story_document_ids(story):
                    self._stories.pop(story, None)
                    return True, None
                self._stories[story].stale = True
            return True, story

    # -- stories ---------------------------------------------------------------------

    def assign_story(self, document_id: str, story_id: str, *, merged: Sequence[str] = ()) -> None:
        with self._lock:
            if story_id not in self._stories:
                self._stories[story_id] = _Story(story_id, now_iso())
                self._moves.pop(story_id, None)  # the id lives again
            for old in merged:
                if old == story_id:
                    continue
                for i, s in list(self._story_of.items()):
                    if s == old:
                        self._story_of[i] = story_id
                self._stories.pop(old, None)
                self._moves[old] = story_id
            before = self._story_of.get(document_id)
            self._story_of[document_id] = story_id
            self._refresh(story_id)
            if before is not None and before != story_id and before in self._stories:
                # Moved out of another story: it is recomputed, or gone when this was its last.
                if before in self._story_of.values():
                    self._refresh(before)
                else:
                    self._stories.pop(before)
                    self._moves[before] = story_id

    def _refresh(self, story_id: str) -> None:
        # Stale, and provisional list columns from the documents until the brief brings better ones.
        st = self._stories[story_id]
        st.stale = True
        docs = self.get_documents(self.story_document_ids(story_id))
        dates = sorted(d.published[:10] for d in docs if d.published)
        st.first_date, st.last_date = (dates[0], dates[-1]) if dates else (None, None)
        if st.updated_at is None:
            st.independent_sources = len({d.source or d.id for d in docs})
        if not st.headline:
            st.headline = min((d.title or "" for d in docs), default="")

    def story_document_ids(self, story_id: str) -> list[str]:
        with self._lock:
            ids = [i for i, s in self._story_of.items() if s == story_id]
            return sorted(ids, key=lambda i: (self._docs[i].published or "", self._added[i], i))

    def _story_info(self, st: _Story) -> StoryInfo:
        return StoryInfo(
            st.id,
            st.headline,
            st.first_date,
            st.last_date,
            len(self.story_document_ids(st.id)),
            st.independent_sources,
            st.conflicts,
            st.stale,
            st.updated_at,
            st.error,
            st.updates,
            st.corrections,
            st.unnamed,
        )

    def story_moved_to(self, story_id: str) -> str | None:
        with self._lock:
            seen = {story_id}
            current = self._moves.get(story_id)
            while current is not None and current not in seen:
                if current in self._stories:
                    return current
                seen.add(current)
                current = self._moves.get(current)
            return None

    def get_story(self, story_id: str) -> StoryInfo | None:
        with self._lock:
            st = self._stories.get(story_id)
            return self._story_info(st) if st else None

    def _matches(self, st: _Story, q: StoryQuery) -> bool:
        if q.date_from and (st.last_date or st.first_date or "") < q.date_from[:10]:
            return False
        if q.date_to and (st.first_date is None or st.first_date > q.date_to[:10]):
            return False
        if st.independent_sources < q.min_sources:
            return False
        docs = self.get_documents(self.story_document_ids(st.id))
        if q.source and not any(q.source.lower() in (d.source or "").lower() for d in docs):
            return False
        if q.entity and not any(q.entity.lower() in e.lower() for e in st.entities):
            return False
        if q.text:
            words = [w.lower() for w in re.findall(r"\w+", q.text)]
            hay = [st.headline.lower(), *((d.title or "") + " " + d.text for d in docs)]
            if not any(all(w in h.lower() for w in words) for h in hay):
                return False
        return True

    def list_stories(self, query: StoryQuery) -> tuple[list[StoryInfo], int]:
        with self._lock:
            found = [self._story_info(st) for st in self._stories.values() if self._matches(st, query)]
        found.sort(key=lambda s: s.id)
        found.sort(key=lambda s: (s.last_date or "", s.documents), reverse=True)
        return found[query.offset : query.offset + query.limit], len(found)

    def stale_stories(self) -> list[str]:
        return [s.id for s in self._stories.values() if s.stale]

    def mark_stale(self, story_ids: Iterable[str]) -> None:
        with self._lock:
            for sid in story_ids:
                if sid in self._stories:
                    self._stories[sid].stale = True

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
    ) -> bool:
        with self._lock:
            st = self._stories.get(story_id)
            if st is None:
                return False
            fresh = sorted(self.story_document_ids(story_id)) == sorted(documents)
            st.headline = summary.headline
            st.first_date = summary.first_date or st.first_date
            st.last_date = summary.last_date or st.last_date
            st.independent_sources = summary.independent_sources
            st.conflicts = summary.conflicts
            st.updates = summary.updates
            st.corrections = summary.corrections
            st.unnamed = summary.unnamed
            st.entities = summary.entities
            st.brief = copy.deepcopy(brief)
            st.brief_revision = revision
            st.rendered = {"md": markdown, "html": html}
            st.stale = not fresh
            st.error = None
            st.updated_at = now_iso()
            return fresh

    def outdated_briefs(self, revision: int) -> list[str]:
        with self._lock:
            return [
                s.id for s in self._stories.values() if s.brief is not None and s.brief_revision != revision
            ]

    def put_brief_error(self, story_id: str, error: str) -> None:
        with self._lock:
            if story_id in self._stories:
                self._stories[story_id].error = error
                self._stories[story_id].stale = False

    def get_brief(self, story_id: str) -> dict[str, Any] | None:
        st = self._stories.get(story_id)
        return copy.deepcopy(st.brief) if st and st.brief is not None else None

    def get_brief_json(self, story_id: str) -> str | None:
        st = self._stories.get(story_id)
        return json.dumps(st.brief, ensure_ascii=False) if st and st.brief is not None else None

    def get_rendered(self, story_id: str, fmt: str) -> str | None:
        st = self._stories.get(story_id)
        return st.rendered.get(fmt) if st else None

    def search(self, q: str, *, limit: int = 20) -> list[SearchHit]:
        words = [w.lower() for w in re.findall(r"\w+", q)]
        if not words:
            return []
        hits = []
        with self._lock:
            for d in self._docs.values():
                low = d.text.lower()
                if all(w in low or w in (d.title or "").lower() for w in words):
                    at = max(low.find(words[0]), 0)
                    s = max(at - 60, 0)
                    snippet = (
                        d.text[s:at] + PRIVATE_MARK_START + d.text[at : at + len(words[0])] + PRIVATE_MARK_END
                    )
                    snippet += d.text[at + len(words[0]) : at + 100]
                    hits.append(SearchHit(d.id, d.title, d.source, self._story_of.get(d.id), snippet))
        return hits[:limit]

    # -- feeds, folders, tokens --------------------------------------------------------

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def add_feed(self, url: str, *, interval: float) -> FeedInfo:
        with self._lock:
            for f in self._feeds.values():
                if f.url == url:
                    self._feeds[f.id] = replace(f, interval=interval)
                    return self._feeds[f.id]
            feed = FeedInfo(self._new_id(), url, interval, created_at=now_iso())
            self._feeds[feed.id] = feed
            return feed

    def list_feeds(self) -> list[FeedInfo]:
        return sorted(self._feeds.values(), key=lambda f: f.id)

    def update_feed(
        self, feed_id: int, *, etag: str | None, last_modified: str | None, polled: str, error: str | None
    ) -> None:
        with self._lock:
            if feed_id in self._feeds:
                self._feeds[feed_id] = replace(
                    self._feeds[feed_id],
                    etag=etag,
                    last_modified=last_modified,
                    last_polled=polled,
                    last_error=error,
                )

    def delete_feed(self, feed_id: int) -> bool:
        return self._feeds.pop(feed_id, None) is not None

    def add_folder(self, path: str, *, interval: float) -> FolderInfo:
        with self._lock:
            for f in self._folders.values():
                if f.path == path:
                    self._folders[f.id] = replace(f, interval=interval)
                    return self._folders[f.id]
            folder = FolderInfo(self._new_id(), path, interval, created_at=now_iso())
            self._folders[folder.id] = folder
            return folder

    def list_folders(self) -> list[FolderInfo]:
        return sorted(self._folders.values(), key=lambda f: f.id)

    def update_folder(self, folder_id: int, *, scanned: str, error: str | None, seen: dict[str, str]) -> None:
        with self._lock:
            if folder_id in self._folders:
                f = self._folders[folder_id]
                self._folders[folder_id] = replace(
                    f, last_scanned=scanned, last_error=error, seen={**f.seen, **seen}
                )

    def delete_folder(self, folder_id: int) -> bool:
        return self._folders.pop(folder_id, None) is not None

    def add_token(self, name: str, digest: str) -> None:
        self._tokens.append(digest)

    def token_digests(self) -> list[str]:
        return list(self._tokens)

    def close(self) -> None:
        return None
