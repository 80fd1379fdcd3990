"""SQLite store: one file, WAL journal (readers never wait for the writer), FTS5 search.

Input → output: ``sqlite:///PATH`` → an open, migrated :class:`SQLiteStore`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from crosswire.errors import StoreError
from crosswire.store.migrate import apply_migrations
from crosswire.store.records import PRIVATE_MARK_END, PRIVATE_MARK_START
from crosswire.store.sql import SQLStore

__all__ = ["SQLiteStore", "fts_query"]

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(q: str) -> str:
    """A user's words as an FTS5 query: every word must appear (prefix match on the last one).

    Each word is quoted, so FTS5 syntax in the input (``NEAR``, ``*``, ``:``, quotes) is read as
    text and can never make the query fail or widen it.
    """
    words = _WORD.findall(q)
    if not words:
        return '""'
    parts = [f'"{w}"' for w in words]
    parts[-1] += "*"
    return " ".join(parts)


class SQLiteStore(SQLStore):
    dialect = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        super().__init__(f"sqlite:///{self.path}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the database folder: {exc}") from exc
        self.schema_version = apply_migrations(self._conn(), "sqlite", where=str(self.path))

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 30000")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the SQLite database: {exc}") from exc
        return conn

    def _is_integrity_error(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.IntegrityError)

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        conn = self._conn()

        def run(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
            return list(conn.execute(sql, tuple(params)).fetchall())

        # BEGIN IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout
        # instead of one failing half-way with "database is locked".
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield run
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _text_match_sql(self) -> str:
        return "documents.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH fts_q(?))"

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        conn = self._conn()
        # fts_q turns raw user words into a safe FTS5 query inside SQL (used by list filters).
        if not getattr(self._local, "fts_fn", False):
            conn.create_function("fts_q", 1, fts_query, deterministic=True)
            self._local.fts_fn = True
        return list(conn.execute(sql, tuple(params)).fetchall())

    def _search_rows(self, q: str, limit: int) -> list[tuple[Any, ...]]:
        return self._rows(
            "SELECT d.id, d.title, d.source, d.story_id,"
            " snippet(documents_fts, 1, ?, ?, '…', 16)"
            " FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (PRIVATE_MARK_START, PRIVATE_MARK_END, fts_query(q), limit),
        )
