"""Origin families: text reuse, credits and publishers join documents; shared quotes do not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crosswire import dedup
from crosswire.cluster.families import find_families, publisher_key, wire_dateline
from crosswire.ledger import Ledger
from crosswire.models import Document, Family

DATA = Path(__file__).parent / "data" / "families"


def _text(name: str) -> str:
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")


def _read(name: str, **kw: Any) -> Document:
    return Document(id=name, text=(DATA / f"{name}.txt").read_text(encoding="utf-8"), path=name, **kw)


def _flood_story() -> list[Document]:
    return list(
        dedup.run(
            [
                _read("rewrite-light", published="2024-06-18T10:30:00"),
                _read("wire", published="2024-06-18T08:05:00"),
                _read("independent", published="2024-06-18T09:10:00"),
                _read("rewrite-third", published="2024-06-18T13:00:00"),
            ]
        )
    )


def _assert_citations_exact(families: tuple[Family, ...], docs: list[Document]) -> int:
    by_id = {d.id: d for d in docs}
    n = 0
    for fam in families:
        for ev in fam.evidence:
            for c in ev.citations:
                assert by_id[c.document].text[c.start : c.end] == c.text
                assert c.text.strip()
                n += 1
    return n


def test_wire_and_two_rewrites_are_one_family_the_quote_sharing_report_another() -> None:
    docs = _flood_story()
    families = find_families(docs)
    assert [set(f.members) for f in families] == [{"rewrite-light", "wire", "rewrite-third"}, {"independent"}]
    wire_family, independent = families
    assert wire_family.id == "f-rewrite-light"  # stable: the first member in story order
    assert wire_family.origin == "wire"  # earliest published
    assert {e.kind for e in wire_family.evidence} == {"text-reuse"}
    # The rewrite that keeps a third of the wire's sentences is joined by its own evidence.
    third = [e for e in wire_family.evidence if set(e.documents) == {"wire", "rewrite-third"}]
    assert third and third[0].score >= 0.25
    cited = {c.text for c in third[0].citations}
    assert any(t.startswith("Around 20,000 hectares of crop land") for t in cited)
    assert any(t.startswith("Large parts of the Kaziranga National Park are under water") for t in cited)
    assert not any("No one will be left" in t for t in cited)  # a shared quote is no evidence
    assert 0.5 < wire_family.confidence <= 1.0
    assert independent.members == ("independent",) and independent.evidence == ()
    assert _assert_citations_exact(families, docs) >= 8


def test_independent_reports_sharing_only_quotes_stay_apart() -> None:
    from crosswire.cluster.reuse import align, passages, quote_pool

    wire, indep = _read("wire"), _read("independent")
    pw, pi = passages(wire.body), passages(indep.body)
    reuse = align(pw, pi, pool=quote_pool([pw, pi]))
    assert len(reuse.pairs) >= 2  # the two quotes do align…
    assert reuse.narrative_pairs == 0  # …but none of it is narrative
    assert len(find_families([wire, indep])) == 2


def test_credit_only_evidence_joins_documents_credited_to_one_agency() -> None:
    agency_copy = Document(
        id="r1",
        text="WASHINGTON (Reuters) - The U.S. Senate on Thursday passed a $95 billion aid package after a "
        "rare overnight session, sending the bill to the House, where its fate is uncertain.",
    )
    rewrite = Document(
        id="r2",
        text="Senators approved the foreign aid bill early on Thursday morning by 70 votes to 29, with 22 "
        "Republicans joining most Democrats.\n\n(With inputs from Reuters)",
    )
    other = Document(
        id="a1",
        text="PARIS (AFP) - French lawmakers on Thursday debated a pension reform bill that unions have "
        "vowed to fight with strikes across the country.",
    )
    families = find_families([rewrite, agency_copy, other])
    assert [f.members for f in families] == [("r2", "r1"), ("a1",)]
    reuters, afp = families
    assert reuters.origin == "r1" and reuters.label == "Reuters"
    assert [e.kind for e in reuters.evidence] == ["credit"]
    assert [c.text for c in reuters.evidence[0].citations] == ["With inputs from Reuters", "Reuters"]
    assert afp.label == "AFP" and afp.origin == "a1"
    _assert_citations_exact(families, [rewrite, agency_copy, other])


def test_clean_stage_credit_field_is_used_and_canonicalised() -> None:
    a = Document(
        id="a",
        text="Stocks rose on Monday as investors cheered strong earnings.",
        credit="Press Trust of India",
    )
    b = Document(id="b", text="The rupee fell four paise against the dollar in early trade.", credit="PTI")
    (family,) = find_families([a, b])
    assert family.members == ("a", "b") and family.label == "PTI" and family.origin == "PTI"
    # the evidence says which two reports carry the credit (a family may have more members)
    assert [e.description for e in family.evidence] == ["a and b both credited to PTI"]


def test_credited_rewrite_joins_the_wire_style_report_it_matches() -> None:
    wire = _read("wire")
    credited = Document(
        id="credited",
        text=(DATA / "rewrite-third.txt").read_text(encoding="utf-8") + "\n\nBased on a PTI report\n",
    )
    unrelated = Document(
        id="other",
        text="Guwahati, June 18 The Assam cabinet on Tuesday approved a new "
        "excise policy that raises the licence fee for bars and liquor shops in the state.",
    )
    families = find_families([credited, wire, unrelated])
    joined = next(f for f in families if "credited" in f.members)
    assert set(joined.members) == {"credited", "wire"}
    assert joined.label == "PTI" and joined.origin == "wire"
    credit = [e for e in joined.evidence if e.kind == "credit"]
    assert credit and "wire-style" in credit[0].description
    texts = [c.text for c in credit[0].citations]
    assert texts[:2] == ["Based on a PTI report", "Guwahati, June 18"]
    assert any(f.members == ("other",) for f in families)
    _assert_citations_exact(families, [credited, wire, unrelated])


def test_same_publisher_is_one_source() -> None:
    a = Document(
        id="h1",
        text="Kerala reported its first monsoon showers on Thursday, two days early.",
        source="www.TheHindu.com",
    )
    b = Document(
        id="h2",
        text="The Met department said the monsoon would cover Karnataka by the weekend.",
        url="https://thehindu.com/news/national/monsoon-karnataka/article1.ece",
    )
    c = Document(
        id="x", text="Farmers in Punjab began sowing paddy as canal water arrived.", source="tribuneindia.com"
    )
    assert publisher_key(a) == publisher_key(b) == "thehindu.com"
    families = find_families([a, b, c])
    assert [f.members for f in families] == [("h1", "h2"), ("x",)]
    assert families[0].label == "thehindu.com"
    assert [e.kind for e in families[0].evidence] == ["publisher"]


def test_exact_copy_is_duplicate_evidence() -> None:
    wire = _read("wire")
    copy = Document(id="copy", text=wire.text.replace("\n\n", "\n"))
    (family,) = find_families(list(dedup.run([wire, copy])))
    assert family.members == ("wire", "copy")
    assert "duplicate" in {e.kind for e in family.evidence}


def test_wire_dateline_detection() -> None:
    assert wire_dateline(_read("wire")) == (0, len("Guwahati, June 18"))
    assert wire_dateline(_read("independent")) is None
    assert wire_dateline(Document(id="d", text="On Tuesday, June 18 the council met.")) is None


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="appears twice"):
        find_families([_read("wire"), _read("wire")])
    assert find_families([]) == ()


def test_seed_story_families(seed_documents: list[Document]) -> None:
    """The five seeds: 003 credits PTI and joins 002, the wire-style report; the rest stand alone."""
    families = find_families(seed_documents)
    groups = sorted(sorted(d[:3] for d in f.members) for f in families)
    assert groups == [["000"], ["001"], ["002", "003"], ["004"]]
    pti = next(f for f in families if len(f.members) == 2)
    assert pti.label == "PTI" and pti.origin is not None and pti.origin.startswith("002")
    # the sentences 003 shares with 002 are quotations, and the reader is told so in words
    assert "sentences match it, all of them inside quotations" in pti.evidence[0].description
    _assert_citations_exact(families, seed_documents)


def test_a_report_mixing_two_independent_accounts_does_not_chain_them_into_one_source() -> None:
    """The mixed report reuses both; the two accounts share no narrative text, so they stay two."""
    from crosswire.cluster.reuse import align, passages, quote_pool

    docs = list(dedup.run([_read("wire"), _read("independent"), _read("mixed")]))
    ps = [passages(d.body) for d in docs]
    pool = quote_pool(ps)
    assert align(ps[0], ps[2], pool=pool).narrative_pairs >= 3  # mixed ← wire
    assert align(ps[1], ps[2], pool=pool).narrative_pairs >= 2  # mixed ← independent
    assert align(ps[0], ps[1], pool=pool).narrative_pairs == 0  # the two accounts share nothing
    families = find_families(docs)
    assert len(families) == 2
    (with_mixed,) = [f for f in families if "mixed" in f.members]
    assert len(with_mixed.members) == 2  # it joins one side (the one its share of reuse is larger with)
    # Chaining every reuse link (the old rule) would have made one source of all three.
    assert len(find_families(docs, min_affinity=0.0)) == 1


def test_two_agencies_own_reports_of_one_event_are_two_sources() -> None:
    """AP's and Reuters' copies share the quake's figures and officials, not each other's text."""
    from crosswire import clean
    from crosswire.cluster.reuse import align, passages, quote_pool
    from crosswire.ingest.text import headline_span

    texts = {"ap": _text("quake-ap"), "reuters": _text("quake-reuters")}
    raw = [Document(id=k, text=t, meta={"title_span": headline_span(t)}) for k, t in texts.items()]
    docs = list(dedup.run(clean.run(raw, ledger=Ledger())))
    assert [d.credit for d in docs] == ["AP", "Reuters"]
    ps = [passages(d.body) for d in docs]
    reuse = align(ps[0], ps[1], pool=quote_pool(ps))
    assert reuse.narrative_pairs >= 2 and reuse.share >= 0.25  # enough for text reuse alone
    families = find_families(docs)
    assert [f.members for f in families] == [("ap",), ("reuters",)]
    assert [f.label for f in families] == ["AP", "Reuters"]


def test_a_family_is_named_by_its_publisher_as_the_feed_writes_it() -> None:
    a = Document(
        id="aj-3", text="The death toll from the quake has risen to 29, officials said.", source="Al Jazeera"
    )
    b = Document(
        id="aj-4",
        text="Rescuers in Onna worked through a second night under floodlights.",
        source="al jazeera ",
    )
    c = Document(id="ansa-2", text="Premier Giorgia Meloni flew to L'Aquila in the afternoon.", source="ANSA")
    d = Document(
        id="x", text="Shops in Teramo stayed shut on Wednesday.", url="https://WWW.IlCentro.it/abruzzo/x"
    )
    labels = {f.members: f.label for f in find_families([a, b, c, d])}
    # one comparable key ("al jazeera") joins the first two; the reader sees the name as written
    assert labels == {("aj-3", "aj-4"): "Al Jazeera", ("ansa-2",): "ANSA", ("x",): "ilcentro.it"}
