"""Stores under test: SQLite (tmp file), PostgreSQL (``-m postgres``, CROSSWIRE_TEST_POSTGRES) and memory."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PG_ENV = "CROSSWIRE_TEST_POSTGRES"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    dsn = os.environ.get(PG_ENV)
    if not dsn:
        pytest.skip(
            f"{PG_ENV} is not set (a PostgreSQL DSN; scripts/ci-services.sh starts one and prints it)"
        )
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in dsn else "?"
    try:
        yield f"{dsn}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres), "memory"])
def any_store(request: pytest.FixtureRequest) -> Iterator[Any]:
    from crosswire.store import open_store

    url = {"sqlite": "sqlite_url", "postgres": "pg_url"}.get(request.param)
    s = open_store(request.getfixturevalue(url) if url else "memory://")
    try:
        yield s
    finally:
        s.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sql_url(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue({"sqlite": "sqlite_url", "postgres": "pg_url"}[request.param]))
