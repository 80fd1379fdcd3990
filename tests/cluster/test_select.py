"""Choosing stories by id, by a member document, and by their count of independent sources."""

from __future__ import annotations

import pytest

from crosswire.cluster import story_id
from crosswire.cluster.select import select_stories
from crosswire.errors import ConfigError
from crosswire.models import AnnotatedDocument, Document, EditorNote, Family, Story, StoryDocs


def _story(
    *members: str, families: tuple[tuple[str, ...], ...] = (), retracted: tuple[str, ...] = ()
) -> StoryDocs:
    fams = tuple(Family(f"f-{f[0]}", f, f[0]) for f in families)
    docs = []
    for m in members:
        text = "Officials said the quake struck at dawn." + (
            "\n\nThis story has been withdrawn." if m in retracted else ""
        )
        notes = (EditorNote(m, text.index("This story"), len(text), "retraction"),) if m in retracted else ()
        docs.append(AnnotatedDocument(Document(id=m, text=text, notes=notes), ()))
    return StoryDocs(Story(story_id(members), members, fams), tuple(docs))


QUAKE = _story("afp-1", "ansa-2", "ap", "bbc", families=(("afp-1",), ("ansa-2",), ("ap", "bbc")))
SEEDS = _story("000", "001", "002", "003", families=(("000",), ("001",), ("002", "003")))
LONE = _story("blog-7")
ALL = [QUAKE, SEEDS, LONE]


def test_no_names_and_one_source_keep_every_story_in_order() -> None:
    assert select_stories(ALL) == ALL


def test_a_story_is_named_by_its_id_its_first_digits_or_a_member_document() -> None:
    assert select_stories(ALL, names=[SEEDS.story.id]) == [SEEDS]
    assert select_stories(ALL, names=[QUAKE.story.id[:8]]) == [QUAKE]
    assert select_stories(ALL, names=["bbc", "blog-7"]) == [QUAKE, LONE]


def test_too_few_independent_sources_leave_a_story_out() -> None:
    # the quake's four reports are three origins (AP's copy on the BBC), the lone blog one
    assert select_stories(ALL, min_sources=3) == [QUAKE, SEEDS]
    assert select_stories(ALL, names=["blog-7"], min_sources=2) == []


def test_a_retracted_report_is_no_source_when_choosing() -> None:
    # the seeds with 000 retracted by its outlet: two sources, as their brief says
    retracted = _story(
        "000", "001", "002", "003", families=(("000",), ("001",), ("002", "003")), retracted=("000",)
    )
    assert select_stories([retracted], min_sources=3) == []
    assert select_stories([retracted], min_sources=2) == [retracted]


def test_a_name_that_picks_nothing_says_what_is_there() -> None:
    with pytest.raises(ConfigError) as err:
        select_stories(ALL, names=["s-000000000000"])
    message = str(err.value)
    assert "'s-000000000000'" in message and QUAKE.story.id in message and "4 documents" in message
    assert "a document's id names its story" in message


def test_a_prefix_of_several_ids_asks_for_more_of_it() -> None:
    with pytest.raises(ConfigError, match="begins the ids of 3 stories"):
        select_stories(ALL, names=["s-"])


def test_min_sources_below_one_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="1 or more"):
        select_stories(ALL, min_sources=0)
