"""The SQL store shared by SQLite and PostgreSQL: one set of queries, two dialects.

Input → output: documents, story assignments, computed briefs, feeds, folders and token
digests → rows in the schema of ``store/migrations``; queries → :mod:`crosswire.store.records`.

Queries are written with ``?`` placeholders; the PostgreSQL subclass turns them into ``%s``.
Each thread gets its own connection (the service reads in a thread pool while the worker
writes), which SQLite in WAL mode and PostgreSQL both serve without readers waiting.
"""

from __future__ import annotations

import contextlib
import json
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from crosswire.errors import StoreError
from crosswire.models import Document
from crosswire.store.records import (
    DocumentInfo,
    FeedInfo,
    FolderInfo,
    SearchHit,
    StoryInfo,
    StoryQuery,
    StorySummary,
    document_from_json,
    document_to_json,
    text_hash,
)

__all__ = ["SQLStore", "now_iso"]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


_STORY_COLUMNS = "s.id, s.headline, s.first_date, s.last_date, s.independent_sources, s.conflicts, s.stale, s.updated_at, s.error, s.updates, s.corrections, s.unnamed"
# the document count is selected right after the story's columns
_COUNT = _STORY_COLUMNS.count(",") + 1
_DOC_INFO_COLUMNS = "id, title, source, url, published, story_id, added_at"


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with LIKE's wildcards taken literally."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SQLStore(ABC):
    """Protocol-conforming store over a DB-API connection; subclasses supply connect/search."""

    dialect: str = ""

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()
        self.schema_version = 0

    # -- connections -----------------------------------------------------------------

    @abstractmethod
    def _connect(self) -> Any: ...

    @abstractmethod
    def _is_integrity_error(self, exc: BaseException) -> bool: ...

    @abstractmethod
    def _search_rows(self, q: str, limit: int) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def _text_match_sql(self) -> str:
        """SQL fragment ``documents.id IN (…)`` matching the full-text query bound to one ``?``."""

    def _sql(self, sql: str) -> str:
        return sql

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self._conn().execute(self._sql(sql), tuple(params))
        return list(cur.fetchall())

    @contextmanager
    @abstractmethod
    def _tx(self) -> Iterator[Any]:
        """A write transaction; yields a function ``run(sql, params) -> rows``."""
        yield None

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                # A connection another thread is using may refuse; there is nothing left to save.
                with contextlib.suppress(Exception):
                    conn.close()
            self._all.clear()
        self._local = threading.local()

    # -- documents -------------------------------------------------------------------

    def find_duplicate(self, document: Document, *, text_only: bool = False) -> str | None:
        """The id of a stored document with the same id, URL or text (with ``text_only``: the same
        text), else None."""
        if text_only:
            rows = self._rows(
                "SELECT id FROM documents WHERE text_hash = ? LIMIT 1", (text_hash(document.text),)
            )
            return str(rows[0][0]) if rows else None
        clauses = ["id = ?", "text_hash = ?"]
        params: list[Any] = [document.id, text_hash(document.text)]
        if document.url and not document.meta.get("version_of"):  # versions share their address
            clauses.append("url = ?")
            params.append(document.url)
        # the same id first, then the same words, then the same address: a re-post of a later
        # version's words is a duplicate of that version, not of the first under its address
        rows = self._rows(
            f"SELECT id FROM documents WHERE {' OR '.join(clauses)} "
            "ORDER BY CASE WHEN id = ? THEN 0 WHEN text_hash = ? THEN 1 ELSE 2 END LIMIT 1",
            [*params, document.id, text_hash(document.text)],
        )
        return str(rows[0][0]) if rows else None

    def add_document(self, document: Document) -> str | None:
        """Insert ``document``; returns the id of the stored duplicate instead when there is one."""
        dup = self.find_duplicate(document)
        if dup is not None:
            return dup
        try:
            with self._tx() as run:
                run(
                    "INSERT INTO documents (id, text, text_hash, url, title, source, published, data, story_id, added_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                    (
                        document.id,
                        document.text,
                        text_hash(document.text),
                        document.url,
                        document.title,
                        document.source,
                        document.published,
                        document_to_json(document),
                        now_iso(),
                    ),
                )
        except Exception as exc:
            # Two requests raced with the same document: the unique indexes decided.
            if self._is_integrity_error(exc):
                dup = self.find_duplicate(document)
                if dup is not None:
                    return dup
            raise StoreError(f"{self.url}: cannot store document {document.id}: {exc}") from exc
        return None

    def add_documents(self, documents: Iterable[Document]) -> list[str]:
        """Insert each document that is not a duplicate; returns the ids inserted."""
        return [d.id for d in documents if self.add_document(d) is None]

    def get_document(self, document_id: str) -> Document | None:
        rows = self._rows("SELECT text, data FROM documents WHERE id = ?", (document_id,))
        if not rows:
            return None
        return document_from_json(document_id, rows[0][0], rows[0][1])

    def get_documents(self, document_ids: Sequence[str]) -> list[Document]:
        """The documents with these ids, in the order given (missing ids are skipped)."""
        if not document_ids:
            return []
        marks = ", ".join("?" for _ in document_ids)
        rows = self._rows(f"SELECT id, text, data FROM documents WHERE id IN ({marks})", list(document_ids))
        by_id = {r[0]: document_from_json(r[0], r[1], r[2]) for r in rows}
        return [by_id[i] for i in document_ids if i in by_id]

    def list_documents(
        self, *, limit: int = 50, offset: int = 0, story_id: str | None = None
    ) -> list[DocumentInfo]:
        where, params = ("WHERE story_id = ?", [story_id]) if story_id else ("", [])
        rows = self._rows(
            f"SELECT {_DOC_INFO_COLUMNS} FROM documents {where} ORDER BY added_at, id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [DocumentInfo(*r) for r in rows]

    def count_documents(self) -> int:
        return int(self._rows("SELECT count(*) FROM documents")[0][0])

    def document_story(self, document_id: str) -> str | None:
        rows = self._rows("SELECT story_id FROM documents WHERE id = ?", (document_id,))
        return rows[0][0] if rows else None

    def unassigned_documents(self) -> list[str]:
        return [
            r[0] for r in self._rows("SELECT id FROM documents WHERE story_id IS NULL ORDER BY added_at, id")
        ]

    def all_document_ids(self, *, since: str | None = None) -> list[str]:
        """Ids in arrival order; ``since`` (ISO time) keeps those added at or after it."""
        if since is None:
            return [r[0] for r in self._rows("SELECT id FROM documents ORDER BY added_at, id")]
        rows = self._rows("SELECT id FROM documents WHERE added_at >= ? ORDER BY added_at, id", (since,))
        return [r[0] for r in rows]

    def delete_document(self, document_id: str) -> tuple[bool, str | None]:
        """Remove a document; returns (found, the story it was in). The story is marked stale."""
        story = self.document_story(document_id)
        with self._tx() as run:
            found = bool(run("SELECT 1 FROM documents WHERE id = ?", (document_id,)))
            run("DELETE FROM documents WHERE id = ?", (document_id,))
            if story is not None:
                left = run("SELECT count(*) FROM documents WHERE story_id = ?", (story,))[0][0]
                if left == 0:
                    run("DELETE FROM stories WHERE id = ?", (story,))
                    story = None
                else:
                    run("UPDATE stories SET stale = 1 WHERE id = ?", (story,))
        return found, story

    # -- stories ---------------------------------------------------------------------

    def assign_story(self, document_id: str, story_id: str, *, merged: Sequence[str] = ()) -> None:
        """Put a document in a story (created if new); documents of ``merged`` stories move too.

        A document moved out of another story leaves it stale, or gone when it was its last;
        a story gone records where its documents went (``story_moved_to``).
        """
        with self._tx() as run:
            if not run("SELECT 1 FROM stories WHERE id = ?", (story_id,)):
                run("INSERT INTO stories (id, created_at, stale) VALUES (?, ?, 1)", (story_id, now_iso()))
                run("DELETE FROM story_moves WHERE old_id = ?", (story_id,))  # the id lives again
            for old in merged:
                if old == story_id:
                    continue
                run("UPDATE documents SET story_id = ? WHERE story_id = ?", (story_id, old))
                self._drop_story(run, old, story_id)
            rows = run("SELECT story_id FROM documents WHERE id = ?", (document_id,))
            before = rows[0][0] if rows else None
            run("UPDATE documents SET story_id = ? WHERE id = ?", (story_id, document_id))
            run("UPDATE stories SET stale = 1 WHERE id = ?", (story_id,))
            self._refresh_dates(run, story_id)
            if before is not None and before != story_id:
                if run("SELECT 1 FROM documents WHERE story_id = ? LIMIT 1", (before,)):
                    run("UPDATE stories SET stale = 1 WHERE id = ?", (before,))
                    self._refresh_dates(run, before)
                else:
                    self._drop_story(run, before, story_id)

    def _drop_story(self, run: Any, old: str, new: str) -> None:
        # A story whose documents all went to ``new``: gone, with a note of where they went.
        run("DELETE FROM stories WHERE id = ?", (old,))
        run("DELETE FROM story_moves WHERE old_id = ?", (old,))
        run("INSERT INTO story_moves (old_id, new_id, moved_at) VALUES (?, ?, ?)", (old, new, now_iso()))

    def _refresh_dates(self, run: Any, story_id: str) -> None:
        # Provisional list columns from the documents until the brief brings better ones.
        row = run(
            "SELECT min(substr(published, 1, 10)), max(substr(published, 1, 10)), count(DISTINCT coalesce(source, id)),"
            " min(coalesce(title, ''))"
            " FROM documents WHERE story_id = ?",
            (story_id,),
        )[0]
        run(
            "UPDATE stories SET first_date = ?, last_date = ?,"
            " independent_sources = CASE WHEN updated_at IS NULL THEN ? ELSE independent_sources END,"
            " headline = CASE WHEN headline = '' THEN ? ELSE headline END WHERE id = ?",
            (row[0], row[1], int(row[2] or 0), row[3] or "", story_id),
        )

    def story_document_ids(self, story_id: str) -> list[str]:
        rows = self._rows(
            "SELECT id FROM documents WHERE story_id = ? ORDER BY published, added_at, id", (story_id,)
        )
        return [r[0] for r in rows]

    def _story_from_row(self, r: Sequence[Any], documents: int) -> StoryInfo:
        return StoryInfo(
            id=r[0],
            headline=r[1],
            first_date=r[2],
            last_date=r[3],
            documents=documents,
            independent_sources=int(r[4]),
            conflicts=int(r[5]),
            stale=bool(r[6]),
            updated_at=r[7],
            error=r[8],
            updates=int(r[9]),
            corrections=int(r[10]),
            unnamed=int(r[11]),
        )

    def story_moved_to(self, story_id: str) -> str | None:
        """The live story that the documents of a story now gone went to (None: not moved)."""
        seen = {story_id}
        current = story_id
        while rows := self._rows("SELECT new_id FROM story_moves WHERE old_id = ?", (current,)):
            current = rows[0][0]
            if current in seen:
                return None  # a cycle cannot come from assign_story; refuse it rather than loop
            seen.add(current)
            if self._rows("SELECT 1 FROM stories WHERE id = ?", (current,)):
                return str(current)
        return None

    def get_story(self, story_id: str) -> StoryInfo | None:
        rows = self._rows(
            f"SELECT {_STORY_COLUMNS}, (SELECT count(*) FROM documents d WHERE d.story_id = s.id)"
            " FROM stories s WHERE s.id = ?",
            (story_id,),
        )
        return self._story_from_row(rows[0], int(rows[0][_COUNT])) if rows else None

    def list_stories(self, query: StoryQuery) -> tuple[list[StoryInfo], int]:
        """One page of stories matching ``query`` (newest first) and how many match in all."""
        where: list[str] = []
        params: list[Any] = []
        if query.date_from:
            where.append("coalesce(s.last_date, s.first_date) >= ?")
            params.append(query.date_from[:10])
        if query.date_to:
            where.append("s.first_date <= ?")
            params.append(query.date_to[:10])
        if query.min_sources > 1:
            where.append("s.independent_sources >= ?")
            params.append(query.min_sources)
        if query.source:
            where.append(
                "EXISTS (SELECT 1 FROM documents d WHERE d.story_id = s.id AND lower(d.source) LIKE ? ESCAPE '\\')"
            )
            params.append(_like(query.source))
        if query.entity:
            where.append("s.entities LIKE ? ESCAPE '\\'")
            params.append(_like(query.entity))
        if query.text:
            where.append(
                f"(lower(s.headline) LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM documents WHERE "
                f"documents.story_id = s.id AND {self._text_match_sql()}))"
            )
            params += [_like(query.text), query.text]
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total = int(self._rows(f"SELECT count(*) FROM stories s {clause}", params)[0][0])
        rows = self._rows(
            f"SELECT {_STORY_COLUMNS}, (SELECT count(*) FROM documents d WHERE d.story_id = s.id) AS n"
            f" FROM stories s {clause}"
            " ORDER BY coalesce(s.last_date, '') DESC, n DESC, s.created_at DESC, s.id LIMIT ? OFFSET ?",
            [*params, query.limit, query.offset],
        )
        return [self._story_from_row(r, int(r[_COUNT])) for r in rows], total

    def stale_stories(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM stories WHERE stale = 1 ORDER BY created_at")]

    def mark_stale(self, story_ids: Iterable[str]) -> None:
        ids = list(story_ids)
        if not ids:
            return
        with self._tx() as run:
            for sid in ids:
                run("UPDATE stories SET stale = 1 WHERE id = ?", (sid,))

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
        """Store a computed brief. It is marked fresh only if the story still has exactly ``documents``
        (a document that arrived meanwhile keeps it stale, so the worker computes it again).
        ``revision``: the brief format it was computed with (:meth:`outdated_briefs`)."""
        with self._tx() as run:
            if not run("SELECT 1 FROM stories WHERE id = ?", (story_id,)):
                return False
            now_docs = sorted(r[0] for r in run("SELECT id FROM documents WHERE story_id = ?", (story_id,)))
            fresh = now_docs == sorted(documents)
            run(
                "UPDATE stories SET headline = ?, first_date = coalesce(?, first_date), last_date = coalesce(?, last_date),"
                " independent_sources = ?, conflicts = ?, updates = ?, corrections = ?, unnamed = ?, entities = ?, brief = ?, brief_md = ?, brief_html = ?,"
                " stale = ?, error = NULL, updated_at = ?, brief_revision = ? WHERE id = ?",
                (
                    summary.headline,
                    summary.first_date,
                    summary.last_date,
                    summary.independent_sources,
                    summary.conflicts,
                    summary.updates,
                    summary.corrections,
                    summary.unnamed,
                    "\n".join(e.lower() for e in summary.entities),
                    json.dumps(brief, ensure_ascii=False),
                    markdown,
                    html,
                    0 if fresh else 1,
                    now_iso(),
                    revision,
                    story_id,
                ),
            )
        return fresh

    def outdated_briefs(self, revision: int) -> list[str]:
        rows = self._rows(
            "SELECT id FROM stories WHERE brief IS NOT NULL"
            " AND (brief_revision IS NULL OR brief_revision <> ?) ORDER BY created_at",
            (revision,),
        )
        return [r[0] for r in rows]

    def put_brief_error(self, story_id: str, error: str) -> None:
        """Record why a brief could not be computed; the last good brief stays readable."""
        with self._tx() as run:
            run("UPDATE stories SET error = ?, stale = 0 WHERE id = ?", (error, story_id))

    def get_brief(self, story_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT brief FROM stories WHERE id = ?", (story_id,))
        if not rows or rows[0][0] is None:
            return None
        value: dict[str, Any] = json.loads(rows[0][0])
        return value

    def get_brief_json(self, story_id: str) -> str | None:
        """The stored brief JSON text as is: the API sends it without parsing it again."""
        rows = self._rows("SELECT brief FROM stories WHERE id = ?", (story_id,))
        return rows[0][0] if rows else None

    def get_rendered(self, story_id: str, fmt: str) -> str | None:
        column = {"md": "brief_md", "html": "brief_html"}[fmt]
        rows = self._rows(f"SELECT {column} FROM stories WHERE id = ?", (story_id,))
        return rows[0][0] if rows else None

    # -- search ----------------------------------------------------------------------

    def search(self, q: str, *, limit: int = 20) -> list[SearchHit]:
        if not q.strip():
            return []
        return [SearchHit(*r) for r in self._search_rows(q, limit)]

    # -- feeds and folders -----------------------------------------------------------

    def add_feed(self, url: str, *, interval: float) -> FeedInfo:
        with self._tx() as run:
            if not run("SELECT 1 FROM feeds WHERE url = ?", (url,)):
                run(
                    "INSERT INTO feeds (url, interval, created_at) VALUES (?, ?, ?)",
                    (url, interval, now_iso()),
                )
            else:
                run("UPDATE feeds SET interval = ? WHERE url = ?", (interval, url))
        return next(f for f in self.list_feeds() if f.url == url)

    def list_feeds(self) -> list[FeedInfo]:
        rows = self._rows(
            "SELECT id, url, interval, etag, last_modified, last_polled, last_error, created_at FROM feeds ORDER BY id"
        )
        return [FeedInfo(int(r[0]), r[1], float(r[2]), *r[3:]) for r in rows]

    def update_feed(
        self, feed_id: int, *, etag: str | None, last_modified: str | None, polled: str, error: str | None
    ) -> None:
        with self._tx() as run:
            run(
                "UPDATE feeds SET etag = ?, last_modified = ?, last_polled = ?, last_error = ? WHERE id = ?",
                (etag, last_modified, polled, error, feed_id),
            )

    def delete_feed(self, feed_id: int) -> bool:
        with self._tx() as run:
            found = bool(run("SELECT 1 FROM feeds WHERE id = ?", (feed_id,)))
            run("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return found

    def add_folder(self, path: str, *, interval: float) -> FolderInfo:
        with self._tx() as run:
            if not run("SELECT 1 FROM folders WHERE path = ?", (path,)):
                run(
                    "INSERT INTO folders (path, interval, created_at) VALUES (?, ?, ?)",
                    (path, interval, now_iso()),
                )
            else:
                run("UPDATE folders SET interval = ? WHERE path = ?", (interval, path))
        return next(f for f in self.list_folders() if f.path == path)

    def list_folders(self) -> list[FolderInfo]:
        rows = self._rows(
            "SELECT id, path, interval, last_scanned, last_error, created_at FROM folders ORDER BY id"
        )
        folders = []
        for r in rows:
            seen = {
                rel: sig
                for rel, sig in self._rows(
                    "SELECT relpath, signature FROM folder_files WHERE folder_id = ?", (r[0],)
                )
            }
            folders.append(FolderInfo(int(r[0]), r[1], float(r[2]), r[3], r[4], r[5], seen))
        return folders

    def update_folder(self, folder_id: int, *, scanned: str, error: str | None, seen: dict[str, str]) -> None:
        """Record a scan; ``seen`` holds the files read in it (relative path → signature)."""
        with self._tx() as run:
            run(
                "UPDATE folders SET last_scanned = ?, last_error = ? WHERE id = ?",
                (scanned, error, folder_id),
            )
            for rel, sig in seen.items():
                run("DELETE FROM folder_files WHERE folder_id = ? AND relpath = ?", (folder_id, rel))
                run(
                    "INSERT INTO folder_files (folder_id, relpath, signature) VALUES (?, ?, ?)",
                    (folder_id, rel, sig),
                )

    def delete_folder(self, folder_id: int) -> bool:
        with self._tx() as run:
            found = bool(run("SELECT 1 FROM folders WHERE id = ?", (folder_id,)))
            run("DELETE FROM folder_files WHERE folder_id = ?", (folder_id,))
            run("DELETE FROM folders WHERE id = ?", (folder_id,))
        return found

    # -- tokens ----------------------------------------------------------------------

    def add_token(self, name: str, digest: str) -> None:
        with self._tx() as run:
            run("INSERT INTO tokens (name, digest, created_at) VALUES (?, ?, ?)", (name, digest, now_iso()))

    def token_digests(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT digest FROM tokens")]
