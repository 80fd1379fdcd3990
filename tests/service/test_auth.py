"""Tokens: created once, stored as digests, compared in constant time."""

from __future__ import annotations

from pathlib import Path

from crosswire.service.auth import create_token, digest, issue_token, verify_token
from crosswire.store import open_store
from crosswire.store.memory import MemoryStore


def test_create_token_stores_only_a_digest(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    token = create_token(db=url, name="desk")
    assert token.startswith("cw_") and len(token) > 40
    store = open_store(url)
    try:
        assert store.token_digests() == [digest(token)]
        assert token not in (tmp_path / "c.db").read_bytes().decode("latin-1")
        assert verify_token(store, token)
        assert not verify_token(store, token + "x")
        assert not verify_token(store, "")
        assert not verify_token(store, None)
    finally:
        store.close()


def test_every_issued_token_works_and_tokens_differ() -> None:
    store = MemoryStore()
    a, b = issue_token(store, name="a"), issue_token(store, name="b")
    assert a != b and verify_token(store, a) and verify_token(store, b)


def test_cli_token_create(tmp_path: Path, capsys: object) -> None:
    from crosswire.cli import main

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["token", "create", "--db", url, "--name", "ci"]) == 0
    token = capsys.readouterr().out.strip()  # type: ignore[attr-defined]
    store = open_store(url)
    assert verify_token(store, token)
    store.close()
