"""Storage for the service: documents, story assignments, computed briefs, feeds, folders, tokens.

Input → output: a database URL → a :class:`~crosswire.seams.Store`.

- ``sqlite:///PATH`` — one file, WAL, FTS5 search (the default lives in the user data dir);
- ``postgresql://user:pass@host:port/db`` — PostgreSQL with tsvector search (psycopg 3);
- ``memory://`` — the in-memory fake used by tests.

The schema is versioned (``schema_version`` table, numbered SQL files in ``migrations/``);
a database written by a newer crosswire is refused with :class:`~crosswire.errors.MigrationError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from crosswire.errors import ConfigError

if TYPE_CHECKING:
    from crosswire.seams import Store

__all__ = ["default_url", "open_store"]


def default_url() -> str:
    """``sqlite:///`` of ``crosswire.db`` in the user data dir (e.g. ``~/.local/share/crosswire``)."""
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('crosswire', appauthor=False)) / 'crosswire.db'}"


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``url``; None means :func:`default_url`."""
    url = url or default_url()
    if url.startswith("sqlite:///"):
        from crosswire.store.sqlite import SQLiteStore

        return SQLiteStore(url[len("sqlite:///") :])
    if url.startswith(("postgresql://", "postgres://")):
        from crosswire.store.postgres import PostgresStore

        return PostgresStore(url)
    if url == "memory://":
        from crosswire.store.memory import MemoryStore

        return MemoryStore()
    raise ConfigError(
        f"unknown database URL {url!r}: use sqlite:///PATH, postgresql://user:pass@host:port/db or memory://"
    )
