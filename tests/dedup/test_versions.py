"""Versions of one report: the page before and after its outlet corrected or updated it."""

from __future__ import annotations

from dataclasses import replace

from crosswire import dedup
from crosswire.models import Document, EditorNote, Version

BODY = (
    "US Defense Secretary Pete Hegseth thanked External Affairs Minister S Jaishankar on Wednesday "
    "for a productive meeting about strengthening the India-US defence partnership. He said that the "
    "two countries are working more closely because their interests and responsibilities are "
    "becoming more aligned. The meeting took place on Tuesday during the QUAD summit. The US on "
    "Wednesday said that it hopes to finish several important defence deals with India soon."
)
FIXED = BODY.replace("during the QUAD summit", "a day after the Quad foreign ministers met")
NOTE = "Correction: An earlier version of this article said the meeting took place during the QUAD summit."


def _story(*docs: Document) -> list[Version]:
    docs_fp = [next(dedup.run([d])) for d in docs]
    return dedup.find_versions(docs_fp, dedup.find_duplicates(docs_fp))


def _doc(doc_id: str, body: str, *, note: bool = False, **kw: str) -> Document:
    text = f"{body}\n\n{NOTE}" if note else body
    notes = (EditorNote(doc_id, len(body) + 2, len(text), "correction"),) if note else ()
    return Document(id=doc_id, text=text, clean=body, notes=notes, **kw)


def test_the_corrected_page_supersedes_the_one_fetched_before() -> None:
    before, after = _doc("before", BODY), _doc("after", FIXED, note=True)
    assert _story(before, after) == [Version("before", "after", "it carries a correction the other lacks")]
    assert _story(after, before) == [Version("before", "after", "it carries a correction the other lacks")]


def test_two_outlets_copies_of_one_report_are_no_versions() -> None:
    # one wire story on two sites, one of them corrected: copies, counted once by the families
    a = _doc("a", BODY, source="The Hindu")
    b = _doc("b", FIXED, note=True, source="NDTV")
    assert _story(a, b) == []


def test_a_later_stamp_of_one_site_orders_its_versions() -> None:
    first = _doc("v1", BODY, url="https://www.example.com/a", published="2025-07-02T08:00:00+05:30")
    second = _doc("v2", FIXED, url="https://example.com/a?amp", published="2025-07-02T11:30:00+05:30")
    (v,) = _story(first, second)
    assert (v.document, v.by) == ("v1", "v2")
    assert v.reason == "published later (2025-07-02T11:30:00+05:30 after 2025-07-02T08:00:00+05:30)"


def test_nothing_orders_two_undated_unnoted_versions() -> None:
    # same day, no time, no note: which is the later is unknown, so both are read
    a = _doc("a", BODY, source="NDTV", published="2025-07-02")
    b = _doc("b", FIXED, source="NDTV", published="2025-07-02")
    assert _story(a, b) == []
    # and pages of no named outlet are never ordered by their dates
    c = _doc("c", BODY, published="2025-07-02T08:00:00")
    d = _doc("d", FIXED, published="2025-07-02T09:00:00")
    assert _story(c, d) == []


def test_an_exact_copy_is_no_version() -> None:
    a = _doc("a", BODY, source="NDTV")
    b = replace(_doc("b", BODY, source="NDTV"), notes=(EditorNote("b", 0, 10, "update"),))
    assert _story(a, b) == []


def test_a_version_renames_its_spans_with_it() -> None:
    from crosswire.models import Span

    doc = next(dedup.run([_doc("a", FIXED, note=True, source="NDTV")]))
    doc = replace(doc, credit_span=Span("a", 0, 2))
    v2 = dedup.as_version(doc, of="a", number=2)
    assert v2.id == "a~v2" and v2.meta["version_of"] == "a" and v2.meta["version"] == 2
    assert {n.document for n in v2.notes} == {v2.credit_span.document, v2.fingerprint.document} == {"a~v2"}
