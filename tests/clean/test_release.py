"""Press releases as distribution services and press offices send them: masthead, distributor
dateline, the issuer's closing sections — read as a release, so only the report is text."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire import clean, ingest
from crosswire.clean.boilerplate import is_boilerplate, is_issuer_section
from crosswire.clean.dateline import find_dateline
from crosswire.ledger import Ledger

BODY = (
    "Aerodyne Systems Inc. (NYSE: ARDY) today announced that it has been awarded a $1.2 billion "
    "contract to supply parts for the Indian Navy's P-8I Poseidon fleet.\n\n"
    '"This contract reflects the deepening defense partnership between the United States and '
    'India," said Mark Smith, chief executive officer of Aerodyne Systems.\n\n'
    "The contract runs for five years, with deliveries beginning in early 2026."
)
TAIL = (
    "\n\nAbout Aerodyne Systems\n\nAerodyne Systems Inc. is a leading supplier of aerospace "
    "components, headquartered in Arlington, Virginia.\n\nForward-Looking Statements\n\nThis press "
    "release contains forward-looking statements within the meaning of the Private Securities "
    "Litigation Reform Act of 1995.\n\nSOURCE Aerodyne Systems Inc.\n"
)
HEADLINE = "Aerodyne Systems Wins $1.2 Billion Contract to Supply P-8I Patrol Aircraft Parts to India"


def _read(tmp_path: Path, text: str) -> ingest.Document:
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = clean.run(ingest.run([str(path)], ledger=Ledger()))
    return doc


@pytest.mark.parametrize(
    ("dateline", "place", "iso", "distributor"),
    [
        ("ARLINGTON, Va., July 2, 2025 /PRNewswire/ -- ", "Arlington, Va.", "2025-07-02", "PR Newswire"),
        ("WASHINGTON, July 1, 2025 /PRNewswire-USNewswire/ -- ", "Washington", "2025-07-01", "PR Newswire"),
        ("ARLINGTON, Va.--(BUSINESS WIRE)--", "Arlington, Va.", None, "Business Wire"),
        ("AUSTIN, Texas, July 02, 2025 (GLOBE NEWSWIRE) -- ", "Austin, Texas", "2025-07-02", "GlobeNewswire"),
    ],
)
def test_a_distributed_release_reads_as_its_report(
    tmp_path: Path, dateline: str, place: str, iso: str | None, distributor: str
) -> None:
    text = f"FOR IMMEDIATE RELEASE\n\nMedia contact: Jane Roe, +1 703 555 0100\n\n{HEADLINE}\n\n{dateline}{BODY}{TAIL}"
    doc = _read(tmp_path, text)
    assert doc.title == HEADLINE  # not "FOR IMMEDIATE RELEASE"
    assert doc.clean == BODY  # masthead, dateline, "About …", the legal notice and SOURCE gone
    assert (doc.dateline_place, doc.meta["distributor"]) == (place, distributor)
    assert doc.credit is None  # the service carries the issuer's words: it is no news agency
    # saved without its outlet, the release's publisher is its issuer ("SOURCE …" names it)
    assert doc.source == doc.meta["issuer"] == "Aerodyne Systems Inc."
    if iso:
        assert (doc.published, doc.published_from) == (iso, "dateline")
    assert not doc.truncated


def test_the_release_date_on_the_masthead_dates_it(tmp_path: Path) -> None:
    text = (
        "THE WHITE HOUSE\nOffice of the Press Secretary\nFOR IMMEDIATE RELEASE July 13, 2009\n"
        "President Obama Announces Nominee for Surgeon General\n"
        "Today, President Barack Obama announced his intent to nominate Regina M. Benjamin as "
        "Surgeon General.\nShe founded a rural health clinic in Alabama.\n"
    )
    doc = _read(tmp_path, text)
    assert (doc.published, doc.published_from) == ("2009-07-13", "stamp")
    assert "IMMEDIATE" not in doc.clean


def test_news_text_is_not_read_as_a_release(tmp_path: Path) -> None:
    text = (
        "Crowds gathered in the capital on Tuesday.\n\nAbout 200 people\n\nattended the rally, "
        "police said.\n\nSource code for the app was published later, the ministry said.\n"
    )
    assert _read(tmp_path, text).clean.endswith("the ministry said.")
    assert not is_issuer_section("About the rally", "Police said it was calm.")
    assert not is_boilerplate("Source code for the app was published later, the ministry said.")
    assert not is_boilerplate("Contact tracing began on Monday, officials said.")
    wire = find_dateline("WASHINGTON (Reuters) - The talks", 0)
    assert wire is not None and (wire.agency, wire.distributor) == ("Reuters", None)


def test_the_issuers_about_section_needs_its_name_below_it() -> None:
    assert is_issuer_section("About Aerodyne Systems", "Aerodyne Systems Inc. is a leading supplier.")
    assert is_issuer_section("About HP", "HP focuses on simplifying technology experiences.")
    assert is_issuer_section(
        "About EYP Mission Critical Facilities, Inc.", "EYP Mission Critical Facilities, Inc. is …"
    )
    assert is_issuer_section("Safe Harbor Statement", "This release contains …")
    assert not is_issuer_section("About Aerodyne Systems", "The company said the deal was final.")


def test_the_issuer_is_the_one_about_section_and_none_when_two_name_companies(tmp_path: Path) -> None:
    from crosswire.clean.boilerplate import issuer_named

    assert issuer_named(["About Aerodyne Systems", "Aerodyne Systems is a supplier."]) == "Aerodyne Systems"
    assert issuer_named(["About EYP", "EYP is a consultancy.", "About HP", "HP focuses on …"]) is None
    assert issuer_named(["About HP", "HP focuses on …", "SOURCE HP Inc."]) == "HP Inc."
    text = f"{HEADLINE}\n\n{BODY}{TAIL}"
    path = tmp_path / "release.txt"
    path.write_text(text, encoding="utf-8")
    (path.parent / "release.json").write_text('{"source": "Defense Weekly"}', encoding="utf-8")
    (doc,) = clean.run(ingest.run([str(path)], ledger=Ledger()))
    assert doc.source == "Defense Weekly"  # an outlet the metadata names stays the source
