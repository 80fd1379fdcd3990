"""The five seed reports, aligned as a careful reader would (hand-built extraction, real MiniLM)."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.slow


def _fact_with(al: Any, *needles: str) -> Any:
    hits = [
        f for f in al.facts if any(all(n.lower() in c.text.lower() for n in needles) for c in f.citations)
    ]
    assert hits, f"no fact cites {needles}"
    return max(hits, key=lambda f: f.independent_sources)


@pytest.mark.parametrize(
    "needles",
    [
        ("pending", "sales"),
        ("10-year Framework",),
        ("integration of", "defen"),
        ("most consequential pillars",),
        ("free and open Indo-Pacific",),
        ("INDUS-X",),
    ],
)
def test_the_corroborated_core(seed_alignment: Any, needles: tuple[str, ...]) -> None:
    f = _fact_with(seed_alignment, *needles)
    assert f.status in {"corroborated", "contested"}
    assert f.independent_sources >= 2


@pytest.mark.parametrize(
    "needles",
    [
        # a second statement of a document, or a paraphrase under the strict bar, is not news of its own
        ("officially sign a new 10-year agreement",),
        ("finish several important defence deals",),
        ("upcoming 10-Year Defense Framework",),
        ("possess the capabilities to counter threats together",),
        ("necessary tools",),
        ("right equipment",),
        ("not just based on common interests",),
        ("not built merely on shared interests",),
    ],
)
def test_restatements_are_not_single_source(seed_alignment: Any, needles: tuple[str, ...]) -> None:
    f = _fact_with(seed_alignment, *needles)
    assert f.status in {"corroborated", "contested"} and f.independent_sources >= 2


def test_a_fact_is_backed_only_by_reports_that_say_it(seed_alignment: Any) -> None:
    # 000's "commitment to a free and open Indo-Pacific region and awareness of regional security
    # concerns" packs two statements: each half backs its own fact, so the reports that only speak
    # of security concerns do not count for "free and open"
    free = _fact_with(seed_alignment, "free and open Indo-Pacific")
    assert all("free and open" in c.text for c in free.citations)
    aware = _fact_with(seed_alignment, "mutually aware of the security concerns")
    assert any("awareness of regional security concerns" in c.text for c in aware.citations)
    assert free.id != aware.id


def test_a_fact_counts_documents_and_families_not_claims(seed_alignment: Any) -> None:
    fam = {m: f.id for f in seed_alignment.extraction.story.story.families for m in f.members}
    for f in seed_alignment.facts:
        assert f.independent_sources == len({fam.get(d, d) for d in f.documents})
        assert len(f.documents) == len(set(f.documents))


@pytest.mark.parametrize(
    "needles",
    [
        ("Marco Rubio", "trade"),
        ("interim trade pact",),
        ("Rajnath Singh",),
        ("honour cordon",),
        ("Autonomous Systems Industry Alliance",),
        ("Chris Devine",),
        ("C 130J Super Hercules",),
        ("decadal roadmap",),
    ],
)
def test_single_source_items(seed_alignment: Any, needles: tuple[str, ...]) -> None:
    f = _fact_with(seed_alignment, *needles)
    assert f.status == "single_source" and f.independent_sources == 1


def test_pti_rewrite_is_not_an_independent_source(seed_alignment: Any) -> None:
    # 002 and 003 (“Based On A PTI Report”) form one origin family in the input
    for f in seed_alignment.facts:
        prefixes = {d[:3] for d in f.documents}
        others = prefixes - {"002", "003"}
        if {"002", "003"} <= prefixes:
            assert f.independent_sources == len(others) + 1


def test_region_wording_is_flagged(seed_alignment: Any) -> None:
    places = [c for c in seed_alignment.conflicts if c.kind == "place"]
    assert len(places) == 1
    sides = {s.value: {c.document[:3] for c in s.citations} for s in places[0].sides}
    assert set(sides) == {"Indo-Pacific", "Asia-Pacific"}
    assert {"001", "004"} <= sides["Asia-Pacific"]


def test_sequence_follows_vs_during_is_flagged(seed_alignment: Any) -> None:
    seq = [c for c in seed_alignment.conflicts if c.kind == "sequence"]
    assert len(seq) == 1
    docs = {c.document[:3] for s in seq[0].sides for c in s.citations}
    assert docs == {"000", "004"}


def test_no_date_conflict_tuesday_is_july_first(seed_alignment: Any) -> None:
    assert [c for c in seed_alignment.conflicts if c.kind == "date"] == []


def test_who_said_which_quote(seed_alignment: Any) -> None:
    names = {e.id: e.name for e in seed_alignment.extraction.entities}
    by_text = {q.text: names.get(q.speaker or "") for q in seed_alignment.quotes}
    pillars = next(q for q in seed_alignment.quotes if "consequential pillars" in q.text)
    assert names[pillars.speaker] == "S. Jaishankar" and len(pillars.documents) == 3
    eager = next(q for q in seed_alignment.quotes if "eager to work alongside" in q.text)
    assert names[eager.speaker] == "Pete Hegseth"
    assert {d[:3] for d in eager.documents} == {"000", "002"}  # 000 quotes "deep and ongoing"
    assert any("Asia-Pacific" in t and who == "Pete Hegseth" for t, who in by_text.items())


def test_fact_wording_is_a_whole_named_sentence_when_one_exists(seed_alignment: Any) -> None:
    sales = _fact_with(seed_alignment, "pending", "sales")
    assert not re.match(r"^\W*(he|she|they|it)\b", sales.text, re.I)
    assert "Hegseth" in sales.text or "United States" in sales.text or "US" in sales.text


def test_quote_groups_read_direct_then_partial_then_indirect(seed_alignment: Any) -> None:
    rank = {"direct": 0, "partial": 1, "indirect": 2}
    kinds = [rank[q.kind] for q in seed_alignment.quotes]
    assert kinds == sorted(kinds)
    for a, b in zip(seed_alignment.quotes, seed_alignment.quotes[1:], strict=False):
        if a.kind == b.kind:
            assert len(a.documents) >= len(b.documents)


def test_all_citations_exact(seed_alignment: Any) -> None:
    docs = {a.document.id: a.document for a in seed_alignment.extraction.story.documents}
    cites = [c for f in seed_alignment.facts for c in f.citations]
    cites += [c for q in seed_alignment.quotes for c in q.citations]
    cites += [c for q in seed_alignment.quotes for v in q.variants for c in v.citations]
    assert cites
    for c in cites:
        assert docs[c.document].text[c.start : c.end] == c.text


def test_single_source_facts_do_not_repeat_one_sentence_in_pieces(seed_alignment: Any) -> None:
    # a sentence split into clauses that met no other report is listed once, as written
    docs = {a.document.id: a.document for a in seed_alignment.extraction.story.documents}
    seen: dict[tuple[str, int], str] = {}
    for f in seed_alignment.facts:
        if f.status != "single_source":
            continue
        for c in f.citations:
            sent = next(s for s in _sentences_of(seed_alignment, c.document) if s.start <= c.start < s.end)
            key = (c.document, sent.start)
            assert seen.setdefault(key, f.id) == f.id, (
                f"{docs[c.document].text[sent.start : sent.end]!r} split"
            )


def _sentences_of(al: Any, doc_id: str) -> Any:
    return next(a.sentences for a in al.extraction.story.documents if a.document.id == doc_id)
