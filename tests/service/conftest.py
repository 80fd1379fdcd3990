"""Fixtures for the service tests: stores on SQLite and PostgreSQL, a fake pipeline engine, clients.

The :class:`FakeEngine` stands in for the pipeline stages behind the service's ``Engine``
seam, so API, worker and UI behaviour is tested without loading spaCy or an embedder.
Tests of the real pipeline through the API are marked ``slow``.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from crosswire.ledger import Ledger
from crosswire.models import Document, Rejected
from crosswire.service.engine import ComputedBrief, record_id, summarize

PG_ENV = "CROSSWIRE_TEST_POSTGRES"
_WORD = re.compile(r"[A-Za-z]{5,}")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
_QUOTE = re.compile(r"[\"“]([^\"”]{12,}?)[\"”]")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


class FakeEngine:
    """Readers, a word-overlap streaming clusterer and a small cited brief: enough to drive the service."""

    def __init__(self, *, threshold: float = 0.12) -> None:
        self.threshold = threshold
        self.stories: dict[str, set[str]] = {}  # story id → words
        self.members: dict[str, str] = {}  # document id → story id
        self.fail_on: set[str] = set()  # story ids whose brief raises (error-path tests)
        self.briefs_computed = 0
        self.prepared = 0
        self.warmed = False
        self.regroup_moves: list[tuple[str, str]] = []  # what the next regroup() revises
        self.regroups = 0

    # readers
    def read_record(self, record: Any, *, where: str, ledger: Ledger) -> list[Document]:
        if not isinstance(record, dict):
            ledger.reject(
                Rejected(where, f"expected a JSON object, found {type(record).__name__}", "malformed")
            )
            return []
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            ledger.reject(Rejected(where, 'the record has no "text"', "empty"))
            return []
        doc_id = str(record.get("id") or record.get("url") or record_id(record))
        return [
            Document(
                id=doc_id,
                text=text,
                path=where,
                format="jsonl",
                url=record.get("url"),
                source=record.get("source"),
                title=record.get("title"),
                published=record.get("published"),
            )
        ]

    def read_upload(self, data: bytes, *, name: str, ledger: Ledger) -> list[Document]:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            ledger.reject(Rejected(name, f"not UTF-8 text: {exc.reason}", "decode"))
            return []
        if not text.strip():
            ledger.reject(Rejected(name, "the file is empty", "empty"))
            return []
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        return [Document(id=Path(name).stem, text=text, path=name, title=first[:80])]

    def read_paths(self, paths: Sequence[str], *, ledger: Ledger) -> list[Document]:
        out: list[Document] = []
        for p in paths:
            out += self.read_upload(Path(p).read_bytes(), name=Path(p).name, ledger=ledger)
        return out

    # worker side
    def warm(self) -> None:
        self.warmed = True

    def prepare(self, documents: Sequence[Document]) -> None:
        self.prepared += len(documents)

    def assign(self, document: Document) -> tuple[str, tuple[str, ...]]:
        words = _words(document.text)
        best, score = None, 0.0
        for sid, sw in self.stories.items():
            j = len(words & sw) / max(1, len(words | sw))
            if j > score:
                best, score = sid, j
        if best is None or score < self.threshold:
            best = "s-" + hashlib.sha1(document.id.encode()).hexdigest()[:12]
            self.stories[best] = set()
        self.stories[best] |= words
        self.members[document.id] = best
        return best, ()

    def restore(self, document: Document, story_id: str) -> None:
        self.stories.setdefault(story_id, set()).update(_words(document.text))
        self.members[document.id] = story_id

    def regroup(self) -> tuple[tuple[str, str], ...]:
        self.regroups += 1
        moves, self.regroup_moves = tuple(self.regroup_moves), []
        for doc_id, story in moves:
            self.members[doc_id] = story
        return moves

    def forget(self, document_id: str) -> None:
        self.members.pop(document_id, None)

    def brief(self, story_id: str, documents: Sequence[Document]) -> ComputedBrief:
        if story_id in self.fail_on:
            raise RuntimeError("fake brief failure")
        self.briefs_computed += 1
        summary, facts, quotes = [], [], []
        for d in documents:
            m = _SENTENCE.search(d.text)
            if m:
                start = m.start() + (len(m.group()) - len(m.group().lstrip()))
                cite = {"document": d.id, "start": start, "end": m.end(), "text": d.text[start : m.end()]}
                summary.append({"text": cite["text"], "citations": [cite]})
                facts.append(
                    {
                        "id": f"f{len(facts)}",
                        "text": cite["text"],
                        "citations": [cite],
                        "documents": [d.id],
                        "independent_sources": 1,
                        "status": "single_source",
                    }
                )
            for q in _QUOTE.finditer(d.text):
                cite = {"document": d.id, "start": q.start(1), "end": q.end(1), "text": q.group(1)}
                quotes.append(
                    {
                        "id": f"q{len(quotes)}",
                        "speaker": None,
                        "text": q.group(1),
                        "kind": "direct",
                        "documents": [d.id],
                        "citations": [cite],
                        "variants": [
                            {"text": q.group(1), "documents": [d.id], "citations": [cite], "verbatim": True}
                        ],
                    }
                )
        if len(summary) > 1:
            # The story's lead event, as every document's first sentence tells it.
            lead = [s["citations"][0] for s in summary]
            facts.insert(
                0,
                {
                    "id": "f-lead",
                    "text": lead[0]["text"],
                    "citations": lead,
                    "documents": [c["document"] for c in lead],
                    "independent_sources": len(lead),
                    "status": "corroborated",
                },
            )
        headline = next((d.title for d in documents if d.title), None) or (
            summary[0]["text"] if summary else story_id
        )
        brief = {
            "story": {
                "id": story_id,
                "headline": headline,
                "event_date": None,
                "documents": [d.id for d in documents],
            },
            "documents": [
                {"id": d.id, "source": d.source, "title": d.title, "published": d.published}
                for d in documents
            ],
            "families": [
                {"id": f"fam{i}", "members": [d.id], "origin": d.id, "label": d.source}
                for i, d in enumerate(documents)
            ],
            "entities": [{"id": "e0", "name": "Pete Hegseth", "type": "PERSON"}]
            if any("Hegseth" in d.text for d in documents)
            else [],
            "summary": summary[:3],
            "facts": facts,
            "conflicts": [],
            "quotes": quotes,
            "timeline": [],
        }
        md = f"# {headline}\n\n" + "\n".join(f"- {s['text']}" for s in summary)
        html = f"<!doctype html><title>{escape(headline)}</title><h1>{escape(headline)}</h1>"
        return ComputedBrief(brief=brief, markdown=md, html=html, summary=summarize(brief))


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine()


def _pg_url(dsn: str, schema: str) -> str:
    sep = "&" if "?" in dsn else "?"
    return f"{dsn}{sep}options=-csearch_path%3D{schema}"


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
    try:
        yield _pg_url(dsn, schema)
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    from crosswire.store import open_store

    if request.param == "sqlite":
        s = open_store(f"sqlite:///{tmp_path / 'crosswire.db'}")
    else:
        s = open_store(request.getfixturevalue("pg_url"))
    try:
        yield s
    finally:
        s.close()


class Service:
    """A TestClient over the app with a token, and a way to wait for the worker."""

    def __init__(self, client: Any, token: str, engine: FakeEngine, store: Any) -> None:
        self.client = client
        self.token = token
        self.engine = engine
        self.store = store
        self.auth = {"Authorization": f"Bearer {token}"}

    def post(self, url: str, **kw: Any) -> Any:
        return self.client.post(url, headers={**self.auth, **kw.pop("headers", {})}, **kw)

    def delete(self, url: str) -> Any:
        return self.client.delete(url, headers=self.auth)

    def get(self, url: str, **kw: Any) -> Any:
        return self.client.get(url, **kw)

    def settle(self) -> None:
        assert self.client.app.state.worker.wait_idle(20), "the worker did not finish in 20 s"


@pytest.fixture
def service(store: Any, fake_engine: FakeEngine, tmp_path: Path) -> Iterator[Service]:
    from fastapi.testclient import TestClient

    from crosswire.service.app import create_app
    from crosswire.service.auth import issue_token
    from crosswire.service.worker import Worker

    token = issue_token(store, name="tests")
    worker = Worker(store, fake_engine, tick=0.05)
    app = create_app(store, worker=worker, uploads_dir=tmp_path / "uploads", max_body=256 * 1024)
    with TestClient(app) as client:
        yield Service(client, token, fake_engine, store)


@pytest.fixture(scope="session")
def seed_records(seeds_dir: Path) -> list[dict[str, Any]]:
    """The five seeds as JSON records (id = file stem), as a client would post them."""
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(seeds_dir.glob("*.txt"))]
