"""Versioned schema migrations: numbered SQL files applied in order, recorded in ``schema_version``.

Input → output: an open connection and a dialect name (``sqlite`` | ``postgres``) → the schema
at the newest version this crosswire knows, or :class:`~crosswire.errors.MigrationError`.

Files live in ``store/migrations/NNNN_what.<dialect>.sql`` (one flat folder, so the package
data glob ships them). Each pending file is applied with its ``schema_version`` row in one
transaction, so a failed step leaves the previous version intact. A database whose version is newer than the newest file was written by a
newer crosswire; opening it could corrupt it, so it is refused with a message to upgrade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from crosswire.errors import MigrationError

__all__ = ["Migration", "apply_migrations", "migrations"]

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.(sqlite|postgres)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(dialect: str) -> list[Migration]:
    """The migrations shipped for ``dialect``, oldest first; versions must be 1, 2, 3, … without gaps."""
    root = resources.files("crosswire.store").joinpath("migrations")
    found: list[Migration] = []
    for entry in root.iterdir():
        m = _NAME.match(entry.name)
        if m and m.group(3) == dialect:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    expected = list(range(1, len(found) + 1))
    if [mig.version for mig in found] != expected:
        raise MigrationError(
            f"migrations for {dialect} are not numbered 1..{len(found)} without gaps: broken install"
        )
    return found


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _check_newer(current: int, latest: int, where: str) -> None:
    if current > latest:
        raise MigrationError(
            f"{where}: the database has schema version {current}, but this crosswire only knows up to "
            f"version {latest}. It was written by a newer crosswire — upgrade crosswire "
            "(pip install -U crosswire) to open it."
        )


def apply_migrations(conn: Any, dialect: str, *, where: str) -> int:
    """Bring the schema up to date; returns the version now in place."""
    steps = migrations(dialect)
    latest = steps[-1].version
    if dialect == "sqlite":
        return _apply_sqlite(conn, steps, latest, where)
    if dialect == "postgres":
        return _apply_postgres(conn, steps, latest, where)
    raise MigrationError(f"no migrations for the {dialect!r} dialect")


def _apply_sqlite(conn: Any, steps: list[Migration], latest: int, where: str) -> int:
    import sqlite3

    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    current = int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])
    _check_newer(current, latest, where)
    for step in steps:
        if step.version <= current:
            continue
        # executescript runs statements one by one; the explicit BEGIN IMMEDIATE … COMMIT makes
        # the step atomic and keeps a second process from migrating at the same time.
        script = (
            "BEGIN IMMEDIATE;\n"
            f"{step.sql}\n;"
            f"INSERT INTO schema_version (version, name, applied_at) VALUES ({step.version}, '{step.name}', '{_now()}');\n"
            "COMMIT;"
        )
        try:
            conn.executescript(script)
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            # Another process may have applied it meanwhile: re-read before calling it a failure.
            again = conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
            if again >= step.version:
                continue
            raise MigrationError(f"{where}: migration {step.version:04d}_{step.name} failed: {exc}") from exc
        current = step.version
    return max(current, latest)


def _apply_postgres(conn: Any, steps: list[Migration], latest: int, where: str) -> int:
    import psycopg

    try:
        # One migrator at a time across processes (a session lock, held across the steps).
        conn.execute("SELECT pg_advisory_lock(7290331)")
    except psycopg.Error as exc:
        raise MigrationError(f"{where}: cannot lock the database to migrate it: {exc}") from exc
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
        current = int(conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])
        _check_newer(current, latest, where)
        for step in steps:
            if step.version <= current:
                continue
            try:
                with conn.transaction():
                    conn.execute(step.sql)
                    conn.execute(
                        "INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                        (step.version, step.name, _now()),
                    )
            except psycopg.Error as exc:
                raise MigrationError(
                    f"{where}: migration {step.version:04d}_{step.name} failed: {exc}"
                ) from exc
            current = step.version
        return current
    finally:
        conn.execute("SELECT pg_advisory_unlock(7290331)")
