"""Datelines at the start of the body: place, date, agency, and what to delete."""

from __future__ import annotations

import pytest

from crosswire import clean
from crosswire.clean.dateline import find_dateline
from crosswire.models import Document


@pytest.mark.parametrize(
    ("text", "place", "iso", "agency", "rest"),
    [
        (
            " date 2025-07-02 Washington, July 2 During his meeting",
            "Washington",
            "2025-07-02",
            None,
            "During his meeting",
        ),
        ("WASHINGTON (Reuters) - The United States", "Washington", None, "Reuters", "The United States"),
        ("NEW DELHI, July 2 (PTI) — India and the US", "New Delhi", None, "PTI", "India and the US"),
        ("Washington, July 2: The two leaders", "Washington", None, None, "The two leaders"),
        ("New Delhi, July 2, 2025 (IANS) The talks", "New Delhi", "2025-07-02", "IANS", "The talks"),
        ("LONDON, 2 July (AFP) - Shares fell", "London", None, "AFP", "Shares fell"),
        ("MUMBAI — Shares rose", "Mumbai", None, None, "Shares rose"),
        ("Washington, D.C., July 2 - The", "Washington, D.C.", None, None, "The"),
        ("(Reuters) - The United States", None, None, "Reuters", "The United States"),
        ("Published: 2025-07-01 10:30 IST | The minister", None, "2025-07-01", None, "The minister"),
    ],
)
def test_datelines(text: str, place: str | None, iso: str | None, agency: str | None, rest: str) -> None:
    start = len(text) - len(text.lstrip())
    d = find_dateline(text, start)
    assert d is not None
    assert (d.place, d.date, d.agency) == (place, iso, agency)
    assert text[d.end :] == rest
    if agency:
        assert d.agency_span is not None
        assert text[d.agency_span[0] : d.agency_span[1]].strip("()") in text


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon said on Tuesday",
        "US-India ties are deepening",
        "NASA: The agency said",
        "BREAKING — markets fall",
        "Delhi: a city of contrasts",
        "External Affairs Minister S. Jaishankar met",
        "July 2 - the day of the talks",
        "Hegseth, Jaishankar meet at Pentagon",
    ],
)
def test_not_datelines(text: str) -> None:
    assert find_dateline(text, 0) is None


def test_dateline_fills_unknown_date_only() -> None:
    text = "NEW DELHI, July 2, 2025 (PTI) — India and the US agreed to deepen ties."
    unknown, known = clean.run(
        [
            Document(id="a", text=text),
            Document(id="b", text=text, published="2025-07-03", published_from="sidecar"),
        ]
    )
    assert (unknown.published, unknown.published_from) == ("2025-07-02", "dateline")
    assert (known.published, known.published_from) == ("2025-07-03", "sidecar")
    for doc in (unknown, known):
        assert doc.clean == "India and the US agreed to deepen ties."
        assert doc.dateline_place == "New Delhi"
        assert doc.credit == "PTI"
        assert doc.credit_span is not None
        assert doc.text[doc.credit_span.start : doc.credit_span.end] == "(PTI)"


def test_dateline_after_a_headline() -> None:
    text = (
        "Talks at the Pentagon\n\nWASHINGTON (Reuters) - The United States and India held talks on Tuesday."
    )
    doc = next(
        clean.run([Document(id="r", text=text, meta={"title_span": (0, 21)}, title="Talks at the Pentagon")])
    )
    assert doc.clean == "The United States and India held talks on Tuesday."
    assert (doc.dateline_place, doc.credit) == ("Washington", "Reuters")
