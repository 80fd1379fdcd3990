"""The extract stage: per story, entities, quotes with speakers linked to them, and times."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from crosswire import extract
from crosswire.extract.entities import resolve_entities
from crosswire.models import AnnotatedDocument, Extraction, Story, StoryDocs

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_story(seed_annotated: list[AnnotatedDocument]) -> StoryDocs:
    story = Story(id="s-seed", documents=tuple(a.document.id for a in seed_annotated))
    return StoryDocs(story=story, documents=tuple(seed_annotated))


def test_run_gives_one_extraction_per_story_lazily(seed_story: StoryDocs, seed_annotated: list[Any]) -> None:
    pytest.importorskip("crosswire.extract.quotes")
    pytest.importorskip("crosswire.extract.timex")
    pulled = 0

    def stories() -> Iterator[StoryDocs]:
        nonlocal pulled
        for story in (
            seed_story,
            StoryDocs(Story(id="s-one", documents=(seed_annotated[0].document.id,)), (seed_annotated[0],)),
        ):
            pulled += 1
            yield story

    stream = extract.run(stories())
    first = next(stream)
    assert pulled == 1
    assert isinstance(first, Extraction) and first.story is seed_story
    assert first.entities == resolve_entities(seed_story.documents)
    second = next(stream)
    assert second.story.story.id == "s-one"
    assert {m.document for e in second.entities for m in e.mentions} == {seed_annotated[0].document.id}


def test_quotes_are_linked_to_story_entities_and_times_are_exact(seed_story: StoryDocs) -> None:
    pytest.importorskip("crosswire.extract.quotes")
    pytest.importorskip("crosswire.extract.timex")
    (ex,) = list(extract.run([seed_story]))
    texts = {a.document.id: a.document.text for a in seed_story.documents}
    ids = {e.id: e for e in ex.entities}
    assert ex.quotes, "the seeds quote both ministers"
    for q in ex.quotes:
        assert texts[q.document][q.start : q.end] == q.text
        assert q.speaker is None or q.speaker in ids
    speakers = {ids[q.speaker].name for q in ex.quotes if q.speaker}
    assert {"Pete Hegseth", "S. Jaishankar"} <= speakers
    for t in ex.times:
        assert texts[t.document][t.start : t.end] == t.text
