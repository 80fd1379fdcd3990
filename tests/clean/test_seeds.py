"""The seed acceptance facts, and every span clean produces on the seeds read back exactly."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest

from crosswire import clean
from crosswire.models import Document


def _ws(s: str) -> str:
    return " ".join(s.split())


def _clean_lines(doc: Document) -> list[tuple[int, int]]:
    """``[start, end)`` in the clean view of every non-empty line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.clean)]


def test_five_documents(seed_documents: list[Document]) -> None:
    assert len(seed_documents) == 5
    assert all(d.offsets is not None and d.clean for d in seed_documents)


def test_002_dateline_and_truncation(seed_by_prefix: dict[str, Document]) -> None:
    doc = seed_by_prefix["002"]
    assert doc.published == "2025-07-02"
    assert doc.published_from == "dateline"
    assert doc.dateline_place == "Washington"
    assert doc.truncated is True
    assert doc.truncation_reason is not None and "empty paragraph" in doc.truncation_reason
    assert doc.clean.startswith("During his meeting with External Affairs Minister S. Jaishankar")
    assert "date 2025-07-02" not in doc.clean
    # The first clean paragraph reads back from the original, after the dateline.
    start, end = _clean_lines(doc)[0]
    cite = doc.cite_body(start, end)
    first_line = doc.text.splitlines()[0]
    assert cite.text == first_line[first_line.index("During") :]
    assert doc.text[cite.start : cite.end] == cite.text


def test_003_credit(seed_by_prefix: dict[str, Document]) -> None:
    doc = seed_by_prefix["003"]
    assert doc.credit == "PTI"
    assert doc.credit_span is not None
    assert doc.credit_span.document == doc.id
    assert doc.text[doc.credit_span.start : doc.credit_span.end] == "Based On A PTI Report"
    assert "PTI" not in doc.clean and "Based On" not in doc.clean
    assert doc.truncated is False
    # Five blank lines between paragraphs became one paragraph break.
    assert "\n\n\n" not in doc.clean
    assert doc.clean.count("\n\n") == 10
    assert doc.clean == doc.clean.strip()


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_complete_seeds_are_not_truncated(seed_by_prefix: dict[str, Document], prefix: str) -> None:
    doc = seed_by_prefix[prefix]
    assert (doc.truncated, doc.truncation_reason) == (False, None)
    assert doc.published is None  # no sidecar, no dateline: unknown, never the file date


def test_every_clean_line_reads_back_exactly(seed_documents: list[Document], seeds_dir: Any) -> None:
    for doc in seed_documents:
        original_lines = [ln.strip() for ln in doc.text.splitlines() if ln.strip()]
        for start, end in _clean_lines(doc):
            cite = doc.cite_body(start, end)
            assert doc.text[cite.start : cite.end] == cite.text == doc.clean[start:end]
            # Each clean line is an original line, or the tail of one (a dateline removed).
            assert any(ln.endswith(cite.text) for ln in original_lines), cite.text[:60]
        # The file on disk is the text, untouched.
        assert doc.text == (seeds_dir / f"{doc.id}.txt").read_text(encoding="utf-8")


def test_every_clean_character_maps_to_its_original(seed_documents: list[Document]) -> None:
    for doc in seed_documents:
        assert doc.offsets is not None
        assert doc.offsets.clean_length == len(doc.clean)
        for i, ch in enumerate(doc.clean):
            orig = doc.text[doc.offsets.to_original(i)]
            assert orig == ch or (ch in " \n" and orig.isspace())


def test_random_clean_ranges_map_to_the_same_words(seed_documents: list[Document]) -> None:
    rng = random.Random(20250702)
    for doc in seed_documents:
        for _ in range(300):
            a, b = sorted(rng.sample(range(len(doc.clean) + 1), 2))
            s, e = doc.to_original(a, b)
            assert _ws(doc.text[s:e]) == _ws(doc.clean[a:b]), (doc.id, a, b)


def test_clean_is_idempotent_on_its_output(seed_documents: list[Document]) -> None:
    for doc in seed_documents:
        again = next(clean.run([Document(id=doc.id, text=doc.clean)]))
        assert again.clean == doc.clean


def test_title_line_kept_out_of_clean() -> None:
    text = "Hegseth meets Jaishankar\n\nThe two met at the Pentagon on Tuesday.\n"
    doc = next(
        clean.run(
            [Document(id="t", text=text, title="Hegseth meets Jaishankar", meta={"title_span": (0, 24)})]
        )
    )
    assert doc.clean == "The two met at the Pentagon on Tuesday."
    same_line = "Hegseth meets Jaishankar The two met at the Pentagon on Tuesday."
    doc = next(clean.run([Document(id="u", text=same_line, meta={"title_span": (0, 24)})]))
    assert doc.clean == "The two met at the Pentagon on Tuesday."
    assert doc.cite_body(0, 7).text == "The two"


def test_url_and_title_lines_kept_out_of_clean(tmp_path: Path) -> None:
    from crosswire import ingest
    from crosswire.ledger import Ledger

    page = tmp_path / "page.txt"
    page.write_text(
        "http://www.example-news.com/2009/11/30/inmate-escapes.html\n"
        "Texas Inmate Pulls Gun On Guards, Runs Away\n"
        "11/30/09 05:40 PM ET\n"
        "A convicted sex offender pulled a gun on two guards during a prison transfer Monday.\n"
    )
    [doc] = list(clean.run(ingest.run([str(page)], ledger=Ledger())))
    assert doc.clean == "A convicted sex offender pulled a gun on two guards during a prison transfer Monday."
    assert (doc.published, doc.published_from) == ("2009-11-30", "stamp")
    # the page's date stamp between its address and its headline
    page.write_text(
        "http://www.example-news.com/2011/11/11/navy-foils-pirates.html\n"
        "Updated: November 11, 2011 20:09 IST\n"
        "Navy foils Somali pirate attack off Gulf of Aden\n"
        "The Indian Navy thwarted a multi-boat attack by sea brigands on merchant vessels on Thursday.\n"
    )
    [doc] = list(clean.run(ingest.run([str(page)], ledger=Ledger())))
    assert doc.title == "Navy foils Somali pirate attack off Gulf of Aden"
    assert (
        doc.clean
        == "The Indian Navy thwarted a multi-boat attack by sea brigands on merchant vessels on Thursday."
    )
    assert (doc.published, doc.published_from) == ("2011-11-11", "stamp")
