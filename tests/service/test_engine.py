"""The real pipeline behind the service's Engine seam (spaCy loads once: marked slow)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crosswire.ledger import Ledger
from crosswire.service.engine import PipelineEngine, record_id, summarize


@pytest.fixture(scope="module")
def engine(fake_embedder: Any) -> PipelineEngine:
    return PipelineEngine(embedder=fake_embedder)


def test_record_ids_are_stable_for_records_without_id() -> None:
    a = {"text": "Floods closed schools in Valencia.", "source": "x"}
    assert record_id(a) == record_id(dict(reversed(list(a.items())))) != record_id({**a, "source": "y"})


def test_summarize_reads_the_list_columns_from_a_brief() -> None:
    brief = {
        "story": {"headline": "H", "event_date": "2025-07-01", "independent_sources": 4},
        "documents": [
            {
                "id": "a",
                "published": "2025-07-02T10:00:00",
                "notes": [{"kind": "update"}, {"kind": "correction"}],
            },
            {"id": "b", "published": None, "notes": [{"kind": "retraction"}]},
            {"id": "c", "published": None, "notes": [{"kind": "editor's note"}]},
        ],
        "conflicts": [{"kind": "number"}, {"kind": "date"}, {"kind": "update"}],  # an update is no conflict
        "facts": [
            {"status": "corroborated", "documents": ["a", "b"], "unnamed": ["a", "b"]},
            {"status": "corroborated", "documents": ["a", "b"], "unnamed": ["a"]},  # b is on the record
            {"status": "single_source", "documents": ["c"], "unnamed": ["c"]},  # not corroborated
            {"status": "contested", "documents": ["a", "c"], "unnamed": ["a", "c"]},
        ],
        "entities": [{"name": "Pete Hegseth"}, {"name": "India"}],
    }
    s = summarize(brief)
    assert (s.headline, s.first_date, s.last_date, s.independent_sources, s.conflicts) == (
        "H",
        "2025-07-01",
        "2025-07-02",
        4,
        2,
    )
    assert s.updates == 1
    assert s.corrections == 2  # a report corrected and one retracted; an update or editor's note is none
    assert s.unnamed == 2  # corroborated facts every report of which rests on unnamed sources
    assert (
        summarize({**brief, "story": {**brief["story"], "independent_sources": 0}}).independent_sources == 0
    )
    assert s.entities == ("Pete Hegseth", "India")
    assert summarize({}).headline == ""


@pytest.mark.slow
def test_readers_reject_with_reasons(engine: PipelineEngine) -> None:
    ledger = Ledger()
    assert engine.read_record({"id": "x", "text": 5}, where="request[0]", ledger=ledger) == []
    assert engine.read_record(["not", "an", "object"], where="request[1]", ledger=ledger) == []
    assert all(r.reason for r in ledger.rejected) and len(ledger.rejected) == 2
    ledger = Ledger()
    assert engine.read_upload(b"\x00\x01\x02binary\x00" * 50, name="blob.bin", ledger=ledger) == []
    assert ledger.rejected and ledger.rejected[0].path == "blob.bin"


@pytest.mark.slow
def test_seeds_assign_to_one_story_and_brief_cites_the_originals(
    engine: PipelineEngine, seed_paths: list[Path]
) -> None:
    docs = []
    for p in seed_paths:
        docs += engine.read_upload(p.read_bytes(), name=p.name, ledger=Ledger())
    assert [d.id for d in docs] == [p.stem for p in seed_paths]
    assert all(d.fingerprint is not None for d in docs)
    engine.prepare(docs)
    stories = {engine.assign(d)[0] for d in docs}
    assert len(stories) == 1
    computed = engine.brief("s-service", docs)
    assert computed.brief["story"]["id"] == "s-service"
    texts = {d.id: d.text for d in docs}
    cites = [c for part in ("summary", "facts") for item in computed.brief[part] for c in item["citations"]]
    assert cites
    for c in cites:
        assert texts[c["document"]][c["start"] : c["end"]] == c["text"]
    assert computed.markdown.strip() and "<html" in computed.html.lower()
    assert computed.summary.independent_sources >= 2


@pytest.mark.slow
def test_a_deleted_document_can_be_posted_again(engine: PipelineEngine, seed_paths: list[Path]) -> None:
    (doc,) = engine.read_upload(seed_paths[0].read_bytes(), name="again.txt", ledger=Ledger())
    first, _ = engine.assign(doc)
    engine.forget(doc.id)
    second, _ = engine.assign(doc)  # the clusterer refuses a seen id; the engine renames it inside
    assert first and second


@pytest.mark.slow
def test_forget_takes_the_latest_posting_out_of_the_clusterer(
    fake_embedder: Any, seed_paths: list[Path]
) -> None:
    engine = PipelineEngine(embedder=fake_embedder)
    docs = [
        d for p in seed_paths[:2] for d in engine.read_upload(p.read_bytes(), name=p.name, ledger=Ledger())
    ]
    engine.prepare(docs)
    for d in docs:
        engine.assign(d)
    engine.forget(docs[0].id)
    engine.assign(docs[0])  # posted again: "<id>#1" inside the clusterer
    members = {m for s in engine._clusterer.stories() for m in s.documents}
    assert members == {docs[1].id, f"{docs[0].id}#1"}  # the deleted posting is out
    engine.forget(docs[0].id)
    assert {m for s in engine._clusterer.stories() for m in s.documents} == {docs[1].id}
    assert engine.regroup() == ()  # one document left: nothing to regroup


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour wire</title>
<link>https://example.org/</link>
<item><title>Port strike spreads</title><link>https://example.org/a</link>
<pubDate>Tue, 01 Jul 2025 10:00:00 GMT</pubDate>
<description>Dockworkers in Rotterdam extended their strike to Antwerp on Tuesday, the union said.</description></item>
<item><title>Rail link opens</title><link>https://example.org/b</link>
<description>Nairobi's new commuter rail link opened on Monday after years of delays.</description></item>
</channel></rss>"""


@pytest.mark.slow
def test_a_polled_feed_body_reads_as_one_document_per_item(engine: PipelineEngine) -> None:
    ledger = Ledger()
    docs = engine.read_upload(RSS, name="https://example.org/feed", ledger=ledger)
    assert ledger.rejected == []
    assert [(d.id, d.title, d.format) for d in docs] == [
        ("https://example.org/a", "Port strike spreads", "rss"),
        ("https://example.org/b", "Rail link opens", "rss"),
    ]
    assert docs[0].published is not None and docs[0].published.startswith("2025-07-01")


def test_caching_embedder_embeds_each_text_once(fake_embedder: Any) -> None:
    import numpy as np

    from crosswire.service.engine import CachingEmbedder
    from crosswire.testing import FakeEmbedder

    inner = FakeEmbedder()
    cached = CachingEmbedder(inner, max_items=3)
    first = cached.embed(["a b", "c d", "a b"])
    assert inner.calls == 1 and first.shape == (3, inner.dim)
    assert np.array_equal(first[0], first[2])
    again = cached.embed(["c d", "a b"])
    assert inner.calls == 1 and np.array_equal(again, inner.embed(["c d", "a b"]))
    cached.embed(["e", "f", "g", "h"])  # more than max_items: the oldest go, the answer is still whole
    assert cached.embed(["a b"]).shape == (1, inner.dim)
    assert cached.embed([]).shape == (0, inner.dim)
    assert (cached.name, cached.dim) == (inner.name, inner.dim)


@pytest.mark.slow
def test_restore_puts_stored_documents_back_under_their_story_ids(
    fake_embedder: Any, seed_paths: list[Path]
) -> None:
    engine = PipelineEngine(embedder=fake_embedder)
    docs = [
        d for p in seed_paths[:3] for d in engine.read_upload(p.read_bytes(), name=p.name, ledger=Ledger())
    ]
    engine.prepare(docs)
    engine.restore(docs[0], "stored-1")
    engine.restore(docs[1], "stored-1")
    assert engine.assign(docs[2]) == ("stored-1", ())  # the next report joins the stored story


@pytest.mark.slow
def test_a_page_stored_again_after_its_correction_supersedes_the_first(
    engine: PipelineEngine, seed_paths: list[Path]
) -> None:
    from crosswire.service.worker import store_documents
    from crosswire.store.memory import MemoryStore

    store = MemoryStore()
    docs = []
    for p in seed_paths:
        docs += engine.read_upload(p.read_bytes(), name=p.name, ledger=Ledger())
    assert [o.duplicate_of for o in store_documents(store, docs)] == [None] * 5
    page = next(p for p in seed_paths if p.name.startswith("004"))
    text = page.read_text(encoding="utf-8")
    # fetched again under new page furniture: the same report, a duplicate
    (refetched,) = engine.read_upload(
        (text + "\n\nShare this article\n").encode(), name=page.name, ledger=Ledger()
    )
    (same,) = store_documents(store, [refetched])
    assert (same.duplicate_of, same.supersedes) == (page.stem, None)
    # fetched again after the outlet corrected it: its next version
    corrected = text.replace("during the QUAD summit", "a day after the Quad foreign ministers met") + (
        "\n\nCorrection: An earlier version of this article said the meeting took place during the QUAD summit.\n"
    )
    (fixed,) = engine.read_upload(corrected.encode(), name=page.name, ledger=Ledger())
    (outcome,) = store_documents(store, [fixed])
    assert (outcome.document, outcome.duplicate_of, outcome.supersedes) == (
        f"{page.stem}~v2",
        None,
        page.stem,
    )
    stored = store.get_documents([d.id for d in docs] + [outcome.document])
    computed = engine.brief("s-versions", stored)
    by_id = {d["id"]: d for d in computed.brief["documents"]}
    assert by_id[page.stem]["superseded_by"]["document"] == outcome.document
    assert [n["kind"] for n in by_id[outcome.document]["notes"]] == ["correction"]
    assert not [c for c in computed.brief["conflicts"] if c["kind"] == "sequence"]
