"""Rendering: JSON valid against docs/brief.schema.json, self-contained escaped HTML, Markdown refs."""

from __future__ import annotations

import dataclasses
import json
import re
from html import escape
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import seedkit

from crosswire import align, brief
from crosswire.brief.html import anchor_id
from crosswire.brief.render import render, to_dict
from crosswire.errors import ConfigError
from crosswire.models import Family, Rejected

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "brief.schema.json").read_text())

TEXTS = {
    "a": "Pete Hegseth met Jaishankar at the Pentagon on Tuesday. <script>alert('x')</script> was posted by a troll.",
    "b": "Pete Hegseth met Jaishankar at the Pentagon on Tuesday, officials said. The talks covered defence sales & trade.",
    "c": "The talks covered defence sales & trade between India and the United States.",
}
REJECTED = [
    Rejected("bad.jsonl", "line is not JSON", "malformed", line=3),
    Rejected("empty.txt", "empty file", "empty"),
]


@pytest.fixture(scope="module")
def small_briefs(hash_embedder: Any) -> list[Any]:
    fams = (Family("F1", ("a", "c"), "a"),)
    ex = seedkit.small_extraction(TEXTS, families=fams)
    return list(brief.run(align.run([ex], embedder=hash_embedder)))


def test_json_validates_and_citations_are_exact(small_briefs: list[Any]) -> None:
    payload = json.loads(render(small_briefs, rejected=REJECTED, fmt="json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(payload)
    assert payload["schema"] == "crosswire/1"
    assert payload["rejected"][0] == {
        "path": "bad.jsonl",
        "line": 3,
        "code": "malformed",
        "reason": "line is not JSON",
    }
    story = payload["stories"][0]
    n = 0
    for key in ("facts", "summary", "timeline"):
        for item in story[key]:
            for c in item["citations"]:
                assert TEXTS[c["document"]][c["start"] : c["end"]] == c["text"]
                n += 1
    assert n
    assert story["coverage"]["families"] == ["F1", "b", "F1"]
    assert all(len(r["cells"]) == 3 for r in story["coverage"]["rows"])
    assert set(story["single_source"]) == {f["id"] for f in story["facts"] if f["status"] == "single_source"}


@pytest.mark.slow
def test_seed_json_validates(seed_brief: Any) -> None:
    payload = json.loads(render([seed_brief], rejected=[], fmt="json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(payload)
    d = to_dict(seed_brief)
    assert d["story"]["event_date"] == "2025-07-01"
    assert [x["id"] for x in d["documents"]] == d["story"]["documents"]


def test_html_is_self_contained_escaped_and_linked(small_briefs: list[Any]) -> None:
    html = render(small_briefs, rejected=REJECTED, fmt="html")
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert html.count("<script>") == 1  # only our own inline script
    assert not re.search(r"""(src|href)=["']https?://""", html)  # no network, no CDN
    assert 'name="viewport"' in html and "@media" in html
    links = set(re.findall(r'href="#(doc-[^"]+)"', html))
    assert links
    for link in links:
        assert f'id="{link}"' in html  # every citation lands on an anchor in its article
    assert "bad.jsonl:3" in html and "line is not JSON" in html


def test_html_anchor_marks_the_cited_characters(small_briefs: list[Any]) -> None:
    html = render(small_briefs, rejected=[], fmt="html")
    b = small_briefs[0]
    c = b.summary[0].citations[0]
    aid = anchor_id(c.document, c.start, c.end)
    # the segments tagged with the citation's id spell its text (escaped)
    segs = re.findall(r'<span class="seg" data-c="([^"]*)">(.*?)</span>', html, re.S)
    covered = "".join(t for ids, t in segs if aid in ids.split())
    from html import escape

    assert covered == escape(c.text)


def test_markdown_has_refs_and_quoted_sources(small_briefs: list[Any]) -> None:
    md = render(small_briefs, rejected=REJECTED, fmt="md")
    assert md.startswith("# ")
    assert re.search(r"\[a:\d+-\d+\]", md)
    assert "> Pete Hegseth met Jaishankar at the Pentagon on Tuesday." in md
    assert "`bad.jsonl:3`" in md


@pytest.mark.slow
def test_seed_markdown(seed_brief: Any) -> None:
    seed_md = render([seed_brief], rejected=[], fmt="md")
    assert re.search(r"\[00[0-4]:\d+-\d+\]", seed_md)
    assert "## Conflicts" in seed_md and "Asia-Pacific" in seed_md
    # a count agrees with its noun: Rajnath Singh is named in one report
    assert "**Rajnath Singh** (PERSON) — Defence Minister; 1 document\n" in seed_md
    assert not re.search(r"\b1 (documents|independent sources)\b", seed_md)
    html = render([seed_brief], rejected=[], fmt="html")
    assert not re.search(r"\b1 (documents|independent sources|corroborated facts|conflicts)\b", html)
    assert re.search(r"\b1 document<", html)


@pytest.mark.slow
def test_sentences_of_one_date_share_one_timeline_line(pipeline_briefs: list[Any]) -> None:
    (seed_brief,) = pipeline_briefs
    # 004 tells two things of Wednesday 2 July: one date, two sentences under it
    day = [t for t in seed_brief.timeline if t.date == "2025-07-02"]
    assert len(day) == 2
    md = render([seed_brief], rejected=[], fmt="md")
    assert md.count("**2025-07-02**") == 1
    block = md.split("- **2025-07-02** (inferred)\n", 1)[1].split("\n- ", 1)[0]
    assert block.count("\n  - ") == 1 and block.startswith("  - ")
    html = render([seed_brief], rejected=[], fmt="html")
    assert html.count("<b>2025-07-02</b>") == 1
    assert re.search(
        r"<li><b>2025-07-02</b> <span class='meta'>\(inferred\)</span><ul><li>.*?</li><li>.*?</li></ul></li>",
        html,
    )


@pytest.mark.slow
def test_two_reports_dating_one_event_make_one_timeline_line(pipeline_briefs: list[Any]) -> None:
    (seed_brief,) = pipeline_briefs
    # 001's joint statement of Trump and Modi in February 2025 and 003's agreement "announced
    # during Modi's visit to the US in February 2025": one event, one line citing both
    (feb,) = [t for t in seed_brief.timeline if t.date == "2025-02"]
    assert sorted(c.document[:3] for c in feb.citations) == ["001", "003"]


def test_unknown_format_is_a_config_error(small_briefs: list[Any]) -> None:
    with pytest.raises(ConfigError):
        render(small_briefs, rejected=[], fmt="pdf")


def test_largest_story_first(hash_embedder: Any) -> None:
    one = seedkit.small_extraction({"x": "A lone report says a bridge collapsed in the night."})
    two = seedkit.small_extraction(TEXTS)
    briefs = list(brief.run(align.run([one, two], embedder=hash_embedder)))
    payload = json.loads(render(briefs, rejected=[], fmt="json"))
    assert [len(s["documents"]) for s in payload["stories"]] == [3, 1]


def test_fact_reading_puts_the_antecedent_after_the_leading_pronoun() -> None:
    from crosswire.brief.json_out import fact_reading

    names = {"e-hegseth": "Pete Hegseth"}
    fact = {"text": "He expressed hope for closer ties.", "antecedent": "e-hegseth"}
    assert fact_reading(fact, names) == ("He", "Pete Hegseth", " expressed hope for closer ties.")
    quoted = {"text": "“We hope,” he said.", "antecedent": "e-hegseth"}
    assert fact_reading(quoted, names)[0] == "“We"
    assert fact_reading({"text": "He left.", "antecedent": None}, names) == ("He left.", None, "")
    assert fact_reading({"text": "He left.", "antecedent": "e-unknown"}, names) == ("He left.", None, "")
    inner = {"text": "“We hope”, he said, “to sign it.”", "antecedent": "e-hegseth", "antecedent_at": 13}
    assert fact_reading(inner, names) == ("“We hope”, he", "Pete Hegseth", " said, “to sign it.”")


def test_the_reader_is_told_which_documents_are_one_origin(
    small_briefs: list[Any], hash_embedder: Any
) -> None:
    # a and c are one family: the header says so, and every format lists the origins
    md = render(small_briefs, rejected=[], fmt="md")
    assert "**Independent sources:** 2 (a and c are one origin)" in md
    assert "## Independent origins" in md and "- **a**: documents a, c, one origin (confidence" in md
    assert "- **b**: its own origin" in md
    html = render(small_briefs, rejected=[], fmt="html")
    assert "Independent origins" in html and "documents a, c, one origin" in html
    # no family: every document is its own origin, and nothing is claimed about copies
    alone = list(brief.run(align.run([seedkit.small_extraction(TEXTS)], embedder=hash_embedder)))
    md = render(alone, rejected=[], fmt="md")
    assert "**Independent sources:** 3\n" in md
    assert "Each document is its own origin" in md and "one origin (confidence" not in md


@pytest.mark.slow
def test_seed_markdown_explains_its_independent_sources(pipeline_briefs: list[Any]) -> None:
    # the real pipeline: the family and its evidence come from the cluster stage
    md = render(pipeline_briefs[:1], rejected=[], fmt="md")
    assert "**Independent sources:** 4 (002 and 003 are one origin: PTI)" in md
    line = next(x for x in md.splitlines() if x.startswith("- **PTI**"))
    assert "documents 002, 003" in line and "003 credits PTI" in line


def test_an_empty_section_says_so_in_every_format(hash_embedder: Any) -> None:
    from crosswire.brief.json_out import EMPTY

    empty = list(
        brief.run(align.run([seedkit.small_extraction({"p": "Short.", "q": "ok"})], embedder=hash_embedder))
    )
    md = render(empty, rejected=[], fmt="md")
    html = render(empty, rejected=[], fmt="html")
    for key in ("summary", "facts", "timeline", "single", "entities", "coverage"):
        assert EMPTY[key] in md and escape(EMPTY[key]) in html, key
    assert "| fact |" not in md  # no table of nothing


def test_a_family_that_only_shares_text_is_not_named_as_one_publishers() -> None:
    from crosswire.labels import family_label

    reuse = [{"kind": "text-reuse", "description": "2 of 8 sentences reused"}]
    fam = {"label": "ndtv.com", "origin": "a", "members": ["a", "b", "c"], "evidence": reuse}
    dated = {"a": "2011-11-11", "b": "2011-11-11", "c": "2011-11-12"}
    assert family_label(fam, dated) == "shared text, earliest ndtv.com"
    assert family_label(fam, {**dated, "c": None}) == "shared text"  # an undated member may be earlier
    credited = {**fam, "label": "PTI", "evidence": [*reuse, {"kind": "credit", "description": "credits PTI"}]}
    assert family_label(credited, dated) == "PTI"
    # a rewrite of Reuters' own copy (dateline "ROME (Reuters) -"), joined by its text alone
    assert family_label({**fam, "label": "Reuters"}, dated) == "Reuters"
    assert family_label({"label": "a", "origin": "a", "members": ["a"], "evidence": []}, dated) is None


def test_a_document_without_a_source_is_named_by_its_urls_host() -> None:
    from crosswire.labels import source_name

    assert source_name({"source": "Reuters", "url": "https://www.reuters.com/x"}) == "Reuters"
    assert source_name({"source": None, "url": "https://www.chron.com/news/article/1725.php"}) == "chron.com"
    assert source_name({"source": None, "url": None}) is None


def test_short_document_names_are_the_fewest_fields_that_tell_documents_apart() -> None:
    from crosswire.brief.json_out import short_ids

    assert short_ids(["002_a6f8", "003_47ea"]) == {"002_a6f8": "002", "003_47ea": "003"}
    ids = ["nyt_2015-11-17_terror", "wash-post_2015-11-15_carnage", "wash-post_2015-11-17_republicans"]
    assert list(short_ids(ids).values()) == ["nyt", "wash-post_2015-11-15", "wash-post_2015-11-17"]
    # one id a prefix of another: the shorter keeps all its fields, the longer one more
    assert short_ids(["a_b", "a_b_c"]) == {"a_b": "a_b", "a_b_c": "a_b_c"}
    assert short_ids(["x", "y"]) == {"x": "x", "y": "y"}


def test_a_document_whose_id_is_an_address_is_named_by_its_pages_slug() -> None:
    from crosswire.brief.json_out import short_ids

    # a feed item's guid is its id; the item's link names the article
    guids = ["https://abruzzotoday.example/?p=48211", "https://abruzzotoday.example/?p=48240"]
    links = {guids[0]: "https://abruzzotoday.example/2025/07/01/earthquake-kills-12/", guids[1]: None}
    assert short_ids(guids, urls=links) == {guids[0]: "earthquake-kills-12", guids[1]: "p=48240"}
    pages = [
        "https://www.reuters.com/world/europe/italy-quake-2025-07-01.html",
        "https://bbc.co.uk/news/12345",
    ]
    assert list(short_ids(pages).values()) == ["italy-quake-2025-07-01", "bbc.co.uk/news/12345"]
    # two pages of one slug: nothing shorter is safe
    same = ["https://a.example/live/quake", "https://b.example/news/quake"]
    assert short_ids(same) == {i: i for i in same}


def test_a_rising_toll_is_listed_as_an_update_and_validates(hash_embedder: Any) -> None:
    from crosswire.brief.render import render

    texts = {
        "a": "A strong earthquake in Aceh province killed 5 people and flattened houses, officials said.",
        "b": "A strong earthquake in Aceh province killed 24 people and flattened houses, officials said.",
    }
    ex = seedkit.small_extraction(texts, published={"a": "2013-07-02", "b": "2013-07-03"})
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    assert [c.kind for c in b.conflicts] == ["update"]
    md = render([b], fmt="md")
    assert "## Conflicts and updates" in md and "- **update**: The count rose as reports came in" in md
    html = render([b], fmt="html")
    assert '<span class="pill">0 conflicts</span>' in html and " and updates</h2>" in html
    schema = json.loads(
        (Path(__file__).parents[2] / "docs" / "brief.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(json.loads(render([b], fmt="json")), schema)


def test_several_stories_open_with_their_contents(hash_embedder: Any) -> None:
    one = seedkit.small_extraction(
        {"x": "A lone report says a bridge collapsed in the night."}, published={"x": "2025-07-03T08:00:00Z"}
    )
    two = seedkit.small_extraction(TEXTS, families=(Family("F1", ("a", "c"), "a"), Family("F2", ("b",), "b")))
    two = dataclasses.replace(
        two, story=dataclasses.replace(two.story, story=dataclasses.replace(two.story.story, id="s-two"))
    )
    briefs = list(brief.run(align.run([one, two], embedder=hash_embedder)))
    big, small = sorted(briefs, key=lambda b: -len(b.documents))
    md = render(briefs, rejected=[], fmt="md")
    head = md.split("\n---\n", 1)[0]
    assert head.startswith("# 2 stories from 4 documents")
    lines = [line for line in head.splitlines() if line[:3] in {"1. ", "2. "}]
    # the largest first, each with its counts and the id `brief --story` takes
    assert lines[0].startswith(f"1. **{big.headline}** — 3 documents, 2 independent sources")
    assert lines[0].endswith(f"`{big.story.id}`") and lines[1].endswith(
        f"reports 2025-07-03 · `{small.story.id}`"
    )
    page = render(briefs, rejected=[], fmt="html")
    assert page.index('id="stories"') < page.index('id="story-1"')
    assert '<a href="#story-1">' in page and '<a href="#story-2">' in page
    assert "<title>2 stories · crosswire brief</title>" in page


def test_one_story_has_no_contents(small_briefs: list[Any]) -> None:
    assert len(small_briefs) == 1
    assert render(small_briefs, rejected=[], fmt="md").startswith(f"# {small_briefs[0].headline}")
    assert 'id="stories"' not in render(small_briefs, rejected=[], fmt="html")
