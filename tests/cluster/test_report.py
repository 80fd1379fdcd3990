"""The cluster report: table and JSON list stories, members, families, duplicates and rejects."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from crosswire import cluster
from crosswire.cluster.report import render_clusters
from crosswire.errors import ConfigError
from crosswire.models import AnnotatedDocument, Evidence, Family, Rejected, Story, StoryDocs
from crosswire.testing import FakeEmbedder

REJECTED = [
    Rejected(path="feeds/broken.xml", reason="not well-formed XML at line 3", code="malformed", line=3)
]


@pytest.fixture
def stories(quakes: list[AnnotatedDocument]) -> list[StoryDocs]:
    return list(cluster.run(quakes, embedder=FakeEmbedder()))


def test_json_report_lists_every_story_member_and_reject(stories: list[StoryDocs]) -> None:
    data = json.loads(render_clusters(stories, rejected=REJECTED, fmt="json"))
    assert [s["id"] for s in data["stories"]] == [sd.story.id for sd in stories]
    members = sorted(d["id"] for s in data["stories"] for d in s["documents"])
    assert members == sorted(a.document.id for sd in stories for a in sd.documents)
    assert data["stories"][0]["documents"][0]["published"] is not None
    assert data["rejected"] == [
        {
            "path": "feeds/broken.xml",
            "line": 3,
            "code": "malformed",
            "reason": "not well-formed XML at line 3",
        }
    ]


def test_table_shows_stories_families_duplicates_and_rejects(stories: list[StoryDocs], adoc: Any) -> None:
    first = stories[0]
    ids = first.story.documents
    family = Family(
        id="f-1",
        members=ids[:2],
        origin=ids[0],
        label="AFAD bulletin",
        evidence=(Evidence(kind="text-reuse", description="2 shared passages", documents=ids[:2]),),
    )
    story = Story(id=first.story.id, documents=ids, families=(family,), duplicates=())
    table = render_clusters([StoryDocs(story, first.documents), *stories[1:]], rejected=REJECTED, fmt="table")
    assert table.startswith("2 stories from 6 documents")
    assert f"{first.story.id}  3 documents, 1 independent source" in table
    # documents that only share text: the label says so, and whose is the earliest
    assert f"family shared text, earliest AFAD bulletin: {ids[0]}, {ids[1]} — 2 shared passages" in table
    assert "feeds/broken.xml:3: not well-formed XML at line 3 [malformed]" in table
    for doc_id in ids:
        assert doc_id in table


def test_unknown_format_is_a_config_error(stories: list[StoryDocs]) -> None:
    with pytest.raises(ConfigError, match="xml"):
        render_clusters(stories, rejected=[], fmt="xml")


def test_empty_report() -> None:
    assert render_clusters([], rejected=[], fmt="table") == "0 stories from 0 documents\n"
    assert json.loads(render_clusters([], rejected=[], fmt="json")) == {"stories": [], "rejected": []}


def test_table_says_once_which_reports_stand_alone_and_fits_long_ids(stories: list[StoryDocs]) -> None:
    first = stories[0]
    docs = [
        AnnotatedDocument(
            dataclasses.replace(a.document, id=f"{a.document.id}_a-very-long-file-name-of-a-report"), ()
        )
        for a in first.documents
    ]
    ids = tuple(a.document.id for a in docs)
    joined = Family(
        "f-1", ids[:2], ids[0], (Evidence("text-reuse", "2 shared passages", ids[:2]),), 0.9, "AFP"
    )
    alone = Family(f"f-{ids[2]}", ids[2:], ids[2])
    table = render_clusters(
        [StoryDocs(Story(first.story.id, ids, (joined, alone)), tuple(docs))], fmt="table"
    )
    rows = [line for line in table.splitlines() if line.startswith(tuple(f"  {i}" for i in ids))]
    # every id whole, and the dates in one column
    assert len({row.index(" 20") for row in rows}) == 1, rows
    assert f"    family AFP: {ids[0]}, {ids[1]} — 2 shared passages" in table
    assert f"    on their own: {ids[2]} (no text, credit or publisher shared)" in table
    assert "independent: shares no text" not in table

    every = tuple(Family(f"f-{i}", (i,), i) for i in ids)
    table = render_clusters([StoryDocs(Story(first.story.id, ids, every), tuple(docs))], fmt="table")
    assert "  families: none; each report is its own source" in table and "family " not in table
