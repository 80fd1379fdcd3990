"""Batch clustering: the seeds form one story, look-alike events split, ids and order are stable."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from crosswire import cluster
from crosswire.cluster.batch import (
    attach_fragments,
    average_link,
    candidate_pairs,
    cluster_documents,
    expand_rows,
    pair_features,
    rare_word_matrix,
    score_graph,
    tfidf_matrix,
    tfidf_terms,
)
from crosswire.cluster.features import ClusterConfig, doc_features
from crosswire.models import AnnotatedDocument, Document
from crosswire.testing import FakeEmbedder


def partition(story_docs: list[Any]) -> set[frozenset[str]]:
    return {frozenset(sd.story.documents) for sd in story_docs}


def test_two_lookalike_earthquakes_split_into_two_stories(quakes: list[AnnotatedDocument]) -> None:
    stories = list(cluster.run(quakes, embedder=FakeEmbedder()))
    assert partition(stories) == {
        frozenset({"quake-tr-1", "quake-tr-2", "quake-tr-3"}),
        frozenset({"quake-cl-1", "quake-cl-2", "quake-cl-3"}),
    }


def test_stories_have_stable_ids_and_documents_in_published_order(quakes: list[AnnotatedDocument]) -> None:
    first = list(cluster.run(quakes, embedder=FakeEmbedder()))
    again = list(cluster.run(list(reversed(quakes)), embedder=FakeEmbedder()))
    assert [s.story.id for s in first] == [s.story.id for s in again]
    for sd in first:
        assert sd.story.id == cluster.story_id(sd.story.documents)
        published = [a.document.published for a in sd.documents]
        assert published == sorted(published)
        assert tuple(a.document.id for a in sd.documents) == sd.story.documents


def test_largest_story_first(quakes: list[AnnotatedDocument], adoc: Any) -> None:
    lone = adoc("market-1", "Shares in Tokyo closed higher on Friday as exporters gained on a weaker yen.")
    stories = list(cluster.run([lone, *quakes], embedder=FakeEmbedder()))
    assert [len(s.documents) for s in stories] == [3, 3, 1]
    assert stories[-1].story.documents == ("market-1",)


def test_features_degrade_without_embedder_entities_or_dates(quakes: list[AnnotatedDocument]) -> None:
    bare = [
        AnnotatedDocument(document=Document(id=a.document.id, text=a.document.text), sentences=())
        for a in quakes
    ]
    groups = cluster_documents(bare, embedder=None, config=ClusterConfig())
    assert {frozenset(bare[k].document.id[:8] for k in g) for g in groups} == {
        frozenset({"quake-tr"}),
        frozenset({"quake-cl"}),
    }


def test_duplicate_document_ids_are_refused(quakes: list[AnnotatedDocument]) -> None:
    from crosswire.errors import InputError

    with pytest.raises(InputError, match="quake-tr-1"):
        list(cluster.run([quakes[0], quakes[0]], embedder=None))


def test_exact_copy_is_reported_as_duplicate_within_its_story(
    quakes: list[AnnotatedDocument], adoc: Any
) -> None:
    original = quakes[0].document
    copy = adoc("quake-tr-copy", original.text, published="2024-03-13")
    stories = list(cluster.run([*quakes, copy], embedder=FakeEmbedder()))
    turkey = next(s for s in stories if "quake-tr-1" in s.story.documents)
    assert "quake-tr-copy" in turkey.story.documents
    assert any({d.document, d.of} == {"quake-tr-1", "quake-tr-copy"} for d in turkey.story.duplicates)


def test_empty_input_gives_no_stories() -> None:
    assert list(cluster.run([], embedder=FakeEmbedder())) == []


def test_average_link_does_not_chain_through_one_bridge() -> None:
    # 0-1 and 2-3 are tight pairs; 1-2 is a single strong link. Single-link would join all four;
    # average link keeps two clusters because the pair averages fall below the threshold.
    i = np.array([0, 2, 1], dtype=np.int64)
    j = np.array([1, 3, 2], dtype=np.int64)
    s = np.array([0.9, 0.9, 0.6])
    assert average_link(4, i, j, s, threshold=0.3) == [[0, 1], [2, 3]]
    assert average_link(4, i, j, s, threshold=0.1) == [[0, 1, 2, 3]]


def test_candidate_pairs_are_unique_and_ordered(quakes: list[AnnotatedDocument]) -> None:
    x = tfidf_matrix([a.document.body for a in quakes])
    i, j = candidate_pairs(x, FakeEmbedder().embed([a.document.body for a in quakes]), config=ClusterConfig())
    pairs = list(zip(i.tolist(), j.tolist(), strict=True))
    assert len(pairs) == len(set(pairs))
    assert all(a < b for a, b in pairs)
    assert (0, 1) in pairs


@pytest.mark.slow
def test_seeds_form_one_story(seed_annotated: list[AnnotatedDocument]) -> None:
    from crosswire.embedding import load_embedder

    stories = list(cluster.run(seed_annotated, embedder=load_embedder("minilm-onnx")))
    assert len(stories) == 1
    assert sorted(stories[0].story.documents) == sorted(a.document.id for a in seed_annotated)


@pytest.mark.slow
def test_seeds_form_one_story_with_the_fake_embedder(
    seed_annotated: list[AnnotatedDocument], fake_embedder: Any
) -> None:
    stories = list(cluster.run(seed_annotated, embedder=fake_embedder))
    assert [len(s.documents) for s in stories] == [5]


LOGIN_PROMPT = (
    "Notice: you must log in to continue. Subscribers can sign in with their account; new readers "
    "can create a free account to read five articles a month."
)


def test_copies_of_a_page_template_stay_apart_and_join_no_story(
    quakes: list[AnnotatedDocument], adoc: Any
) -> None:
    copies = [adoc(f"login-{k}", LOGIN_PROMPT) for k in range(ClusterConfig().template_copies)]
    stories = list(cluster.run([*quakes, *copies], embedder=FakeEmbedder()))
    assert partition(stories) == {
        frozenset({"quake-tr-1", "quake-tr-2", "quake-tr-3"}),
        frozenset({"quake-cl-1", "quake-cl-2", "quake-cl-3"}),
    } | {frozenset({c.document.id}) for c in copies}
    # fewer copies than the limit are an ordinary repeated text: one story
    few = copies[: ClusterConfig().template_copies - 1]
    assert partition(list(cluster.run(few, embedder=FakeEmbedder()))) == {
        frozenset(c.document.id for c in few)
    }


def test_neighbour_expansion_lets_two_angles_of_a_story_meet_through_a_third() -> None:
    texts = [
        "Hegseth met Jaishankar at the Pentagon on defence cooperation",
        "Jaishankar and Hegseth discussed the Quad and a ten-year defence framework at the Pentagon",
        "The Quad framework covers maritime security and ten years of joint production",
    ]
    x = tfidf_matrix(texts)
    i = np.array([0, 1], dtype=np.int64)
    j = np.array([1, 2], dtype=np.int64)
    scores = np.array([0.5, 0.4])
    assert float(x[0].multiply(x[2]).sum()) == 0.0  # nothing in common directly
    expanded = expand_rows(x, i, j, scores, neighbours=2, weight=0.3)
    assert float(expanded[0].multiply(expanded[2]).sum()) > 0.0
    norms = np.sqrt(np.asarray(expanded.multiply(expanded).sum(axis=1)).ravel())
    assert np.allclose(norms, 1.0, atol=1e-5)
    unchanged = expand_rows(x, i, j, scores, neighbours=2, weight=0.0)
    assert np.allclose(unchanged.toarray(), x.toarray(), atol=1e-6)


def test_rare_word_matrix_keeps_single_words_of_two_to_limit_documents(ferry: list[tuple[str, str]]) -> None:
    texts = [text for _, text in ferry]
    x, single = tfidf_terms(texts)
    rare = rare_word_matrix(x, single, max_df=7)
    assert set(np.unique(rare.data).tolist()) == {1.0}
    shared = (rare @ rare.T).toarray()
    # six documents: rare = used by exactly two. The ferry reports share jadrolinija, hvar,
    # stari, grad, petrovic and 212; not "said" (three documents use it) nor the word pair
    # "stari grad" (single words only)
    assert shared[2, 5] == 6
    assert np.allclose(tfidf_matrix(texts).toarray(), x.toarray())


def test_rare_words_raise_the_score_of_unannotated_pairs_only(
    adoc: Any, ferry: list[tuple[str, str]]
) -> None:
    bare = [AnnotatedDocument(document=Document(id=k, text=t), sentences=()) for k, t in ferry]
    texts = [a.document.body for a in bare]
    x, single = tfidf_terms(texts)
    rare = rare_word_matrix(x, single, max_df=7)
    i, j = np.array([2], dtype=np.int64), np.array([5], dtype=np.int64)
    cfg = ClusterConfig()
    plain = pair_features(i, j, x, None, [doc_features(a) for a in bare], config=cfg)
    with_rare = pair_features(i, j, x, None, [doc_features(a) for a in bare], config=cfg, rare=rare)
    assert plain.rare_words is None
    assert with_rare.rare_words is not None and with_rare.rare_words.tolist() == [6.0]
    # annotated input (some document has mentions): the entity overlap is used instead
    annotated = [adoc(k, t, entities=(("hvar", "GPE"),)) for k, t in ferry]
    pf = pair_features(i, j, x, None, [doc_features(a) for a in annotated], config=cfg, rare=rare)
    assert pf.entities is not None and pf.rare_words is None


def test_score_graph_is_what_cluster_documents_groups(quakes: list[AnnotatedDocument], adoc: Any) -> None:
    copies = [adoc(f"login-{k}", LOGIN_PROMPT) for k in range(ClusterConfig().template_copies)]
    docs = [*quakes, *copies]
    cfg = ClusterConfig()
    g = score_graph(docs, embedder=FakeEmbedder(), config=cfg)
    assert g.template.tolist() == [False] * len(quakes) + [True] * len(copies)
    touches_template = g.template[g.i] | g.template[g.j]
    assert touches_template.any() and (g.scores[touches_template] == 0).all()
    assert (g.scores[~touches_template] > 0).any()
    cores = average_link(len(docs), g.i, g.j, g.scores, threshold=cfg.threshold)
    expected = attach_fragments(
        cores, g.i, g.j, g.scores, max_size=cfg.fragment_size, threshold=cfg.attach_threshold
    )
    assert cluster_documents(docs, embedder=FakeEmbedder(), config=cfg) == expected
