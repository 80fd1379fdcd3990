"""Wire credits found in article text: credits count, mentions of an agency do not."""

from __future__ import annotations

import pytest

from crosswire.cluster.credit import canonical_agency, document_credit, find_credits
from crosswire.models import Document, Span


@pytest.mark.parametrize(
    ("text", "agency", "kind", "cited"),
    [
        (
            "O'Malley shifts staff.\n\nDALLAS (AP) — Democratic candidate Martin O'Malley is",
            "AP",
            "dateline",
            "AP",
        ),
        ("NEW YORK, Nov. 19 (UPI) — Former Secretary of State Hillary Clinton", "UPI", "dateline", "UPI"),
        ("New York (AFP) – Oscar-winning actress Susan Sarandon", "AFP", "dateline", "AFP"),
        ("Washington, July 2 (PTI) US Defence Secretary Pete Hegseth said", "PTI", "dateline", "PTI"),
        ("The talks ended.\n\n\nBased On A PTI Report\n\n\n", "PTI", "phrase", "Based On A PTI Report"),
        ("Markets fell.\n(With inputs from Reuters)", "Reuters", "phrase", "With inputs from Reuters"),
        ("Markets fell sharply on Monday.\n— IANS\n", "IANS", "credit-line", "IANS"),
        (
            "Copyright 2016 The Associated Press. All rights reserved.",
            "AP",
            "phrase",
            "Copyright 2016 The Associated Press",
        ),
        (
            "The council voted 6-1.\n\n(Reporting by David Bailey; Editing by Cynthia Osterman.)",
            "Reuters",
            "signature",
            "(Reporting by David Bailey; Editing by Cynthia Osterman.)",
        ),
    ],
)
def test_credit_forms(text: str, agency: str, kind: str, cited: str) -> None:
    first = find_credits(text)[0]
    assert (first.agency, first.kind) == (agency, kind)
    assert text[first.start : first.end] == cited


@pytest.mark.parametrize(
    "text",
    [
        "Ash wrote in the email, which was first reported by The Associated Press.",
        "Reuters reported on Monday that the deal was close.",
        "He told AFP the talks had failed. Officials said the rally would go ahead.",
        "The leak was reported by Politico and confirmed by the Associated Press later that day.",
        "Prices rose.\n(With inputs from agencies)\n",  # a credit, but to no agency in particular
    ],
)
def test_mentions_are_not_credits(text: str) -> None:
    assert find_credits(text) == []


def test_canonical_names() -> None:
    assert canonical_agency("Press Trust of India") == "PTI"
    assert canonical_agency("The Associated Press") == "AP"
    assert canonical_agency("reuters") == "Reuters"
    assert canonical_agency("The Hill") is None


def test_document_credit_prefers_clean_but_an_agency_dateline_wins() -> None:
    text = (
        "ORLANDO, Fla. (Reuters) - President Obama met survivors.\n\nASSOCIATED PRESS.\n\nMore text follows."
    )
    stray = text.index("ASSOCIATED PRESS")
    doc = Document(id="d", text=text, credit="AP", credit_span=Span("d", stray, stray + 16))
    got = document_credit(doc)
    assert got is not None and got.agency == "Reuters" and got.kind == "dateline"
    kept = Document(
        id="k", text="Prices rose.\n\nBased on a PTI report", credit="PTI", credit_span=Span("k", 14, 35)
    )
    got = document_credit(kept)
    assert got is not None and (got.agency, got.start, got.end) == ("PTI", 14, 35)
    assert document_credit(Document(id="n", text="No credit here at all.")) is None
