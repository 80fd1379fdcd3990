"""Streaming clustering: same partition as batch on the fixture, bridging merges, window closing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from crosswire import cluster
from crosswire.cluster.features import ClusterConfig
from crosswire.cluster.stream import StreamingClusterer
from crosswire.errors import InputError
from crosswire.models import AnnotatedDocument, Document
from crosswire.testing import FakeEmbedder, FixedClock, ManualClock

FLOOD_A = (
    "Floodwaters swept through the river town of Kemmern in Bavaria on Monday after the Main burst its banks, "
    "forcing 300 residents from their homes, the district office said. Firefighters used boats to reach "
    "elderly people trapped on upper floors."
)
FLOOD_B = (
    "Residents of Kemmern returned on Tuesday to homes filled with mud after the Main flood, and the district "
    "office said 300 people had spent the night in a school gym. Firefighters pumped water from cellars."
)
DAM_A = (
    "Engineers warned that the Lauterbach dam upstream of Kemmern was close to overflowing on Monday as "
    "reservoir levels reached a record, and the water authority opened its emergency spillway."
)
DAM_B = (
    "The water authority said the Lauterbach dam held overnight after the emergency spillway was opened, "
    "though the reservoir level stayed at a record and engineers kept watch on the wall."
)
BRIDGE = (
    "Floodwaters swept through Kemmern in Bavaria on Monday after the Main burst its banks, forcing 300 "
    "residents from their homes, firefighters used boats to reach people trapped on upper floors, while "
    "engineers warned that the Lauterbach dam upstream was close to overflowing as reservoir levels reached "
    "a record and the water authority opened its emergency spillway."
)


def partition_of(sc: StreamingClusterer) -> set[frozenset[str]]:
    return {frozenset(s.documents) for s in sc.stories()}


def test_streaming_gives_the_batch_partition_on_lookalike_events(quakes: list[AnnotatedDocument]) -> None:
    batch = {frozenset(sd.story.documents) for sd in cluster.run(quakes, embedder=FakeEmbedder())}
    for order in (quakes, list(reversed(quakes)), quakes[::2] + quakes[1::2]):
        sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock())
        for a in order:
            sc.add(a)
        assert partition_of(sc) == batch


def test_assignment_reports_new_and_joined_stories(quakes: list[AnnotatedDocument]) -> None:
    sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock())
    first = sc.add(quakes[0])
    second = sc.add(quakes[1])
    other = sc.add(quakes[3])
    assert first.new_story and first.story_id == cluster.story_id(["quake-tr-1"])
    assert not second.new_story and second.story_id == first.story_id and second.score > 0
    assert other.new_story and other.story_id != first.story_id
    assert first.merged == second.merged == ()


def test_a_bridging_document_merges_two_open_stories(adoc: Any) -> None:
    sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock())
    a1 = sc.add(adoc("flood-a", FLOOD_A))
    sc.add(adoc("flood-b", FLOOD_B))
    d1 = sc.add(adoc("dam-a", DAM_A))
    sc.add(adoc("dam-b", DAM_B))
    assert a1.story_id != d1.story_id and len(sc.stories()) == 2
    bridge = sc.add(adoc("bridge", BRIDGE))
    # the older story keeps its id; the younger one is reported as merged into it
    assert bridge.story_id == a1.story_id
    assert bridge.merged == (d1.story_id,)
    assert partition_of(sc) == {frozenset({"flood-a", "flood-b", "dam-a", "dam-b", "bridge"})}


def test_stories_close_after_the_window(adoc: Any) -> None:
    clock = ManualClock(datetime(2025, 7, 1, 9, 0, tzinfo=UTC))
    sc = StreamingClusterer(FakeEmbedder(), clock=clock)
    first = sc.add(adoc("flood-a", FLOOD_A))
    clock.advance(days=2)
    assert not sc.add(adoc("flood-b", FLOOD_B)).new_story  # within 3 days of the last document
    clock.advance(days=3, hours=1)
    assert sc.close_expired() == [first.story_id]
    late = sc.add(adoc("flood-late", FLOOD_A.replace("Monday", "Friday")))
    assert late.new_story and late.story_id != first.story_id
    assert sc.open_stories() == 1
    assert partition_of(sc) == {frozenset({"flood-a", "flood-b"}), frozenset({"flood-late"})}


def test_fixed_clock_keeps_every_story_open(quakes: list[AnnotatedDocument]) -> None:
    sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock())
    for a in quakes:
        sc.add(a)
    assert sc.close_expired() == [] and sc.open_stories() == 2


def test_the_same_document_twice_is_refused(quakes: list[AnnotatedDocument]) -> None:
    sc = StreamingClusterer(None, clock=FixedClock())
    sc.add(quakes[0])
    with pytest.raises(InputError, match="quake-tr-1"):
        sc.add(quakes[0])


def test_template_copies_beyond_the_limit_start_closed_stories(adoc: Any) -> None:
    from crosswire.cluster.features import ClusterConfig

    limit = ClusterConfig().template_copies
    sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock())
    notice = "Notice: you must log in to continue. Subscribers can sign in with their account."
    early = [sc.add(adoc(f"login-{k}", notice)) for k in range(limit - 1)]
    assert len({a.story_id for a in early}) == 1  # a stream cannot know the text will recur
    late = [sc.add(adoc(f"login-{k}", notice)) for k in range(limit - 1, limit + 2)]
    assert all(a.new_story for a in late) and len({a.story_id for a in late}) == 3
    assert sc.open_stories() == 1  # only the story of the early copies takes documents


def test_shared_rare_words_join_an_unannotated_report_to_its_story(ferry: list[tuple[str, str]]) -> None:
    bare = [AnnotatedDocument(document=Document(id=k, text=t), sentences=()) for k, t in ferry]
    scores = {}
    for w in (0.0, ClusterConfig().w_rare_words):
        # a threshold the lexical cosine alone does not reach (the defaults join either way here)
        sc = StreamingClusterer(
            None, clock=FixedClock(), config=ClusterConfig(w_rare_words=w, stream_threshold=0.34)
        )
        out = [sc.add(a) for a in bare]
        scores[w] = out[-1]
    assert scores[0.0].new_story
    joined = scores[ClusterConfig().w_rare_words]
    assert not joined.new_story and joined.story_id == cluster.story_id(["ferry-1"])


def test_regroup_takes_the_batch_grouping_and_keeps_the_oldest_ids(quakes: list[AnnotatedDocument]) -> None:
    # A threshold no pair reaches: the stream starts a story per report, as an early mistake would.
    sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock(), config=ClusterConfig(stream_threshold=0.95))
    first = {a.document.id: sc.add(a).story_id for a in quakes}
    assert len(sc.stories()) == len(quakes)
    regrouping = sc.regroup()
    batch = {frozenset(sd.story.documents) for sd in cluster.run(quakes, embedder=FakeEmbedder())}
    assert partition_of(sc) == batch
    # Each event keeps the id of its first report's story; the other stories are dissolved.
    tr, cl = first["quake-tr-1"], first["quake-cl-1"]
    assert {s.id for s in sc.stories()} == {tr, cl}
    assert sorted(regrouping.moves) == [
        ("quake-cl-2", cl),
        ("quake-cl-3", cl),
        ("quake-tr-2", tr),
        ("quake-tr-3", tr),
    ]
    assert set(regrouping.dissolved) == set(first.values()) - {tr, cl}
    assert sc.story_documents(tr)[0].document.id == "quake-tr-1"  # members stay in arrival order
    assert sc.regroup().moves == ()  # nothing left to revise


def test_regroup_splits_off_what_batch_keeps_apart(quakes: list[AnnotatedDocument], adoc: Any) -> None:
    # Five days after the last report: the stream's centroid takes it, batch does not.
    late = adoc(
        "quake-tr-4",
        "Rescue teams in Malatya ended the search of the rubble in Doganyol on Saturday, four days after the "
        "magnitude 5.9 earthquake in eastern Turkey, the disaster agency AFAD said. Sezer said the four people "
        "killed were buried on Friday and residents who spent nights outdoors were moved to tents.",
        published="2024-03-17",
        entities=(("Malatya", "GPE"), ("Turkey", "GPE"), ("AFAD", "ORG"), ("Sezer", "PERSON")),
    )
    docs = [*quakes, late]
    sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock())
    joined = [sc.add(a) for a in docs][-1]
    assert not joined.new_story
    regrouping = sc.regroup()
    assert partition_of(sc) == {
        frozenset(sd.story.documents) for sd in cluster.run(docs, embedder=FakeEmbedder())
    }
    ((moved, story),) = regrouping.moves
    assert moved == "quake-tr-4" and story != joined.story_id and regrouping.dissolved == ()
    assert joined.story_id in {s.id for s in sc.stories()}  # the old story keeps its id


def test_remove_takes_a_document_out_of_its_story(adoc: Any) -> None:
    sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock())
    flood = sc.add(adoc("flood-a", FLOOD_A)).story_id
    sc.add(adoc("flood-b", FLOOD_B))
    dam = sc.add(adoc("dam-a", DAM_A)).story_id
    assert sc.remove("flood-b") == flood
    assert partition_of(sc) == {frozenset({"flood-a"}), frozenset({"dam-a"})}
    assert sc.remove("dam-a") == dam and dam not in {s.id for s in sc.stories()}
    assert sc.remove("never-added") is None
    # The rebuilt story still takes its reports.
    assert sc.add(adoc("flood-c", FLOOD_B.replace("Tuesday", "Wednesday"))).story_id == flood


def test_regroup_never_gives_a_split_off_story_an_id_still_in_use(quakes: list[AnnotatedDocument]) -> None:
    # The Chilean report starts the story and the Turkish ones all join it (a threshold of 0,
    # months apart as they are). Batch keeps the Chilean report apart: the Turkish group takes the story's id,
    # and the Chilean report's new story must not get the same one (its own one-member hash).
    order = [quakes[3], *quakes[:3]]
    sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock(), config=ClusterConfig(stream_threshold=0.0))
    added = [sc.add(a) for a in order]
    first = added[0].story_id
    assert len(sc.stories()) == 1
    regrouping = sc.regroup()
    assert partition_of(sc) == {
        frozenset({"quake-tr-1", "quake-tr-2", "quake-tr-3"}),
        frozenset({"quake-cl-1"}),
    }
    assert {s.id for s in sc.stories()} == {first, dict(regrouping.moves)["quake-cl-1"]}


def test_regroup_keeps_every_document_when_a_fresh_id_matches_a_story_rebuilt_later(
    adoc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import crosswire.cluster.batch as batch

    plans: list[list[list[str]]] = [
        [["b", "c"], ["a", "d"]],  # a leaves the story it started (id: a's one-member hash)
        [["d"], ["a"], ["b"], ["c"]],  # a alone: its fresh id would be that story's id again
    ]

    def grouping(adocs: Any, **_: Any) -> list[list[int]]:
        index = {x.document.id: k for k, x in enumerate(adocs)}
        return [[index[i] for i in group] for group in plans.pop(0)]

    monkeypatch.setattr(batch, "cluster_documents", grouping)
    sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock(), config=ClusterConfig(stream_threshold=0.0))
    texts = {"a": FLOOD_A, "b": FLOOD_B, "c": DAM_A, "d": DAM_B}
    added = [sc.add(adoc(k, t)) for k, t in texts.items()]
    started = added[0].story_id
    sc.regroup()
    assert partition_of(sc) == {frozenset("bc"), frozenset("ad")}
    sc.regroup()
    assert partition_of(sc) == {frozenset("a"), frozenset("b"), frozenset("c"), frozenset("d")}
    ids = {s.documents[0]: s.id for s in sc.stories()}
    assert ids["b"] == started and ids["a"] != started


def test_restore_holds_a_stored_grouping_and_its_ids(adoc: Any) -> None:
    # As a store may hold them after a regrouping: the dam report told with the flood, under
    # ids the clusterer would not have given.
    sc = StreamingClusterer(FakeEmbedder(), clock=FixedClock())
    placed = [
        sc.restore(adoc("flood-a", FLOOD_A), "story-1"),
        sc.restore(adoc("dam-a", DAM_A), "story-1"),
        sc.restore(adoc("dam-b", DAM_B), "story-2"),
    ]
    assert [p.new_story for p in placed] == [True, False, True]
    assert partition_of(sc) == {frozenset({"flood-a", "dam-a"}), frozenset({"dam-b"})}
    assert {s.id for s in sc.stories()} == {"story-1", "story-2"}
    # Later reports are scored against the restored stories and join them by their stored ids.
    assert sc.add(adoc("flood-b", FLOOD_B)).story_id == "story-1"
    with pytest.raises(InputError, match="dam-b"):
        sc.restore(adoc("dam-b", DAM_B), "story-3")
    # A regrouping revises restored stories like any other and keeps their ids.
    sc.regroup()
    assert "story-1" in {s.id for s in sc.stories()}
