"""PostgreSQL store (psycopg 3): the shared SQL store with tsvector full-text search.

Input → output: ``postgresql://…`` → an open, migrated :class:`PostgresStore`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from crosswire.errors import MissingDependency, StoreError
from crosswire.store.migrate import apply_migrations
from crosswire.store.records import PRIVATE_MARK_END, PRIVATE_MARK_START
from crosswire.store.sql import SQLStore

__all__ = ["PostgresStore"]


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in creds else url


class PostgresStore(SQLStore):
    dialect = "postgres"

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.display = _redact(url)
        self.schema_version = apply_migrations(self._conn(), "postgres", where=self.display)

    def _connect(self) -> Any:
        try:
            import psycopg
        except ImportError as exc:
            raise MissingDependency("psycopg", extra="serve", purpose="A PostgreSQL store") from exc
        try:
            # autocommit: plain reads see the latest commit; writes open explicit transactions.
            return psycopg.connect(self.url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{self.display}: cannot connect to PostgreSQL: {exc}") from exc

    def _is_integrity_error(self, exc: BaseException) -> bool:
        import psycopg

        return isinstance(exc, psycopg.IntegrityError)

    def _sql(self, sql: str) -> str:
        # Queries are written with ? (no ? or % in any literal of ours); psycopg wants %s.
        return sql.replace("%", "%%").replace("?", "%s")

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        conn = self._conn()

        def run(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
            cur = conn.execute(self._sql(sql), tuple(params))
            return list(cur.fetchall()) if cur.description else []

        with conn.transaction():
            yield run

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self._conn().execute(self._sql(sql), tuple(params))
        return list(cur.fetchall()) if cur.description else []

    def _text_match_sql(self) -> str:
        return "documents.tsv @@ plainto_tsquery('english', ?)"

    def _search_rows(self, q: str, limit: int) -> list[tuple[Any, ...]]:
        options = f"StartSel={PRIVATE_MARK_START}, StopSel={PRIVATE_MARK_END}, MaxWords=30, MinWords=12, MaxFragments=1"
        return self._rows(
            "SELECT d.id, d.title, d.source, d.story_id,"
            " ts_headline('english', d.text, plainto_tsquery('english', ?), ?)"
            " FROM documents d WHERE d.tsv @@ plainto_tsquery('english', ?)"
            " ORDER BY ts_rank(d.tsv, plainto_tsquery('english', ?)) DESC, d.id LIMIT ?",
            (q, options, q, q, limit),
        )
