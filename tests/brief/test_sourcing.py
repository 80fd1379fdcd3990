"""A deal story leaked by unnamed sources, then confirmed: what rests on whom, and who said nothing.

Three outlets report talks from people "familiar with the matter" (one of them rewriting
Reuters), the fourth the company's own announcement two days later. A reader must see which
reports rest on sources they do not name, why they say they do not, and who declined to
comment — and no no-comment may pass for news in the summary, the facts or the timeline. Each
assertion is a fault a brief of this story had before the 23rd session.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from crosswire import render

pytestmark = pytest.mark.slow

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "brief.schema.json").read_text())

_REUTERS = """Harbor Freight Lines in talks to buy Meridian Rail - sources

By Laura Chen

NEW YORK, March 3 (Reuters) - Harbor Freight Lines Inc is in advanced talks to acquire Meridian Rail Corp for about $4.2 billion, three people familiar with the matter said on Monday.

A deal could be announced as soon as next week, the sources said, asking not to be identified because the discussions are confidential.

"Both boards want this done before the summer," one of the people said. The talks could still fall apart, the people cautioned.

Harbor Freight declined to comment. Meridian did not respond to a request for comment.

Meridian shares rose 9 percent in after-hours trading following the report.

A combination would create the third-largest freight rail operator in the eastern United States, with more than 11,000 miles of track.

Harbor Freight Chief Executive Mark Ellison told analysts last month that the company was "always looking at ways to grow our network."

(Reporting by Laura Chen; Editing by Tom Hals)
"""

_BLOOMBERG = """Harbor Freight Is Said to Near Deal for Meridian Rail

By Paul Grant
March 3, 2025

Harbor Freight Lines Inc. is nearing an agreement to buy Meridian Rail Corp. for roughly $4 billion, according to people with knowledge of the matter.

The companies are working out final terms and an announcement may come within days, said the people, who asked not to be identified because the information is private.

A Harbor Freight spokeswoman, Dana Ruiz, said the company does not comment on market rumors. A representative for Meridian declined to comment.

Meridian has been exploring options since activist investor Grove Capital took a stake last year and pushed for a sale, a person close to the company said.

A combination would give Harbor Freight a network of more than 11,000 miles of track across the eastern US.
"""

_HERALD = """Freight giant eyes Meridian Rail in $4.2bn deal, report says

Tuesday, March 4, 2025

Harbor Freight Lines is in advanced talks to acquire Meridian Rail for about $4.2 billion, Reuters reported on Monday, citing three people familiar with the matter.

A deal could be announced as soon as next week, according to the report.

Meridian, which employs about 900 people at its yard on the city's north side, did not respond to requests for comment on Tuesday.

Local union leader Rosa Martinez said workers had heard nothing from management. "We learn about our own jobs from the news," Martinez said.

Meridian shares rose 9 percent after the report.
"""

_WSJ = """Harbor Freight Agrees to Buy Meridian Rail for $4.1 Billion

By Anne Porter
March 5, 2025

Harbor Freight Lines Inc. said Wednesday it agreed to buy Meridian Rail Corp. for $4.1 billion in cash, confirming days of speculation about a deal.

"This combination gives our customers a single network from the Great Lakes to the Gulf," Harbor Freight Chief Executive Mark Ellison said in a statement.

The deal, which both boards approved, is expected to close in the second half of the year, subject to approval by the Surface Transportation Board.

Meridian Chief Executive Susan Park said the agreement delivered "certain value" to shareholders.

Some investors had hoped for a higher price. One large Meridian shareholder, who spoke on condition of anonymity because the talks with the board were private, said the offer "undervalues the franchise."
"""


@pytest.fixture(scope="module")
def deal(tmp_path_factory: pytest.TempPathFactory, minilm: Any) -> Any:
    from crosswire import pipeline

    folder = tmp_path_factory.mktemp("deal")
    for name, text in {"reuters": _REUTERS, "bloomberg": _BLOOMBERG, "herald": _HERALD, "wsj": _WSJ}.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    stories = pipeline.stories(pipeline.read([str(folder)]), embedder=minilm)
    (brief,) = list(pipeline.briefs(stories, embedder=minilm))
    return brief


def _shown(brief: Any) -> list[str]:
    """Every sentence the brief tells as news: facts, summary, timeline."""
    out = [f.text for f in brief.facts] + [s.text for s in brief.summary]
    return out + [t.text for t in brief.timeline]


def test_a_fact_says_which_reports_rest_on_unnamed_sources(deal: Any) -> None:
    (talks,) = [f for f in deal.facts if "advanced talks" in f.text]
    assert set(talks.documents) == {"bloomberg", "herald", "reuters", "wsj"}
    # the WSJ has the company's own announcement; the others people who asked not to be named
    assert set(talks.unnamed) == {"bloomberg", "herald", "reuters"}
    md = render([deal], fmt="md")
    assert "unnamed sources in 3 of 4 documents (bloomberg, herald, reuters)" in md


def test_no_comment_is_no_news_but_what_it_says_of_its_subject_is(deal: Any) -> None:
    shown = _shown(deal)
    silent = ("declined to comment", "did not respond", "requests for comment")
    assert not [s for s in shown if any(w in s for w in silent)]
    # said on the record, it is a statement: the spokeswoman's "does not comment on market rumors"
    assert any("does not comment on market rumors" in s for s in shown)
    # "Meridian, which employs about 900 people …, did not respond …": the relative clause is news
    assert "Meridian employs about 900 people at its yard on the city's north side" in shown
    quotes = [v.text for q in deal.quotes for v in q.variants]
    assert not [t for t in quotes if t.startswith("to comment") or "identified" in t]


def test_the_sourcing_section_lists_unnamed_sources_why_and_no_comments(deal: Any) -> None:
    payload = json.loads(render([deal], fmt="json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(payload)
    (story,) = payload["stories"]
    silent = {
        (n["who_name"], n["detail"], n["document"]) for n in story["sourcing"] if n["kind"] == "no comment"
    }
    assert silent == {
        ("Harbor Freight Lines Inc.", "declined", "reuters"),
        ("Meridian Rail Corp.", "did not respond", "reuters"),
        ("Meridian Rail Corp.", "did not respond", "herald"),
        ("Meridian Rail Corp.", "declined", "bloomberg"),  # "A representative for Meridian"
    }
    for n in story["sourcing"]:  # every note cites the exact words
        text = next(d for d in deal.documents if d.id == n["document"]).text
        c = n["citation"]
        assert text[c["start"] : c["end"]] == c["text"]
    why = [n["citation"]["text"] for n in story["sourcing"] if n["kind"] == "anonymity"]
    assert "asking not to be identified because the discussions are confidential" in why
    md = render([deal], fmt="md")
    section = md.split("## Unnamed sources, no comment, unverified", 1)[1].split("## Who said what", 1)[0]
    assert "- **reuters** — unnamed: “three people familiar with the matter”" in section
    assert "- No comment from **Harbor Freight Lines Inc.**: declined" in section
    html = render([deal], fmt="html")
    assert 'id="s1-sourcing"' in html and 'href="#s1-sourcing"' in html


def test_an_unnamed_source_is_no_unknown_speaker(deal: Any) -> None:
    md = render([deal], fmt="md")
    main, other = (
        md.split("## Who said what", 1)[1].split("## Timeline", 1)[0].split("### Other attributions")
    )
    assert "**unnamed source (“one of the people”)** (direct" in main
    assert "**Reuters (unnamed: “three people familiar with the matter”)**" in main
    assert "unknown speaker (“the sources”)" not in md and "unnamed source" not in other


def test_the_seed_brief_has_no_sourcing_section(pipeline_briefs: list[Any]) -> None:
    # the five seeds name every speaker ("according to the Pentagon" is an institution)
    (brief,) = pipeline_briefs
    assert not [n for n in brief.sourcing if n.kind != "anonymity"]
    assert "## Unnamed sources" not in render([brief], fmt="md")


def test_a_report_with_only_a_grant_reads_as_one() -> None:
    from crosswire.brief.markdown import _Refs, _sourcing

    cite = {"document": "d1", "start": 0, "end": 35, "text": "who spoke on condition of anonymity"}
    d = {
        "documents": [{"id": "d1"}],
        "sourcing": [{"document": "d1", "kind": "anonymity", "citation": cite}],
    }
    (line,) = [x for x in _sourcing(d, {"d1": "d1"}, _Refs({"d1": "d1"})) if x.startswith("- ")]
    assert line == "- **d1** — not named: “who spoke on condition of anonymity” [d1:0-35]"
