"""Features and the pair score: entity keys, leads, time decay, rare words, batch/stream formula agreement."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from crosswire.cluster.features import (
    ClusterConfig,
    combine,
    combine_many,
    entity_bag,
    entity_similarity,
    lead_text,
    normalize_entity,
    rare_word_limit,
    rare_word_score,
    template_mask,
    text_key,
    time_factor,
    time_factors,
    tokenize,
)
from crosswire.models import AnnotatedDocument, Document, Sentence


@pytest.mark.parametrize(
    ("text", "label", "key"),
    [
        ("Pete Hegseth", "PERSON", "hegseth"),
        ("Hegseth's", "PERSON", "hegseth"),
        ("the Pentagon", "ORG", "pentagon"),
        ("Malatya", "GPE", "malatya"),
        ("Secretary Hegseth", "PERSON", "hegseth"),
        ("São Paulo", "GPE", "sao paulo"),
    ],
)
def test_normalize_entity(text: str, label: str, key: str) -> None:
    assert normalize_entity(text, label) == key


def test_entity_bag_and_weighted_jaccard(quakes: list[AnnotatedDocument]) -> None:
    tr1, tr2, cl1 = entity_bag(quakes[0]), entity_bag(quakes[1]), entity_bag(quakes[3])
    assert {"malatya", "turkey", "afad", "sezer"} <= tr1.keys()
    assert entity_similarity(tr1, tr2, {}) > 0.5
    assert entity_similarity(tr1, cl1, {}) == 0.0
    assert entity_similarity(tr1, {}, {}) == 0.0


def test_tokenize_keeps_decimals_and_drops_stop_words() -> None:
    assert tokenize("The magnitude 5.9 quake hit Malatya, it said.") == [
        "magnitude",
        "5.9",
        "quake",
        "hit",
        "malatya",
    ]


def test_lead_skips_fragmentary_sentences_and_is_capped() -> None:
    text = (
        "By Staff. Ankara. "
        + "A strong quake hit Malatya province early on Tuesday and killed four people. " * 3
    )
    doc = Document(id="d", text=text, title="Quake in Malatya")
    bounds = [(0, 9), (10, 17), (18, len(text))]
    sents = tuple(Sentence("d", a, b, text[a:b], k) for k, (a, b) in enumerate(bounds))
    lead = lead_text(AnnotatedDocument(document=doc, sentences=sents), max_words=20)
    assert lead.startswith("Quake in Malatya. By Staff. Ankara. A strong quake")
    assert len(lead.split()) == 3 + 20
    for k, (a, b) in enumerate(bounds):
        assert doc.text[a:b] == sents[k].text


def test_time_factor_decays_beyond_the_grace_period() -> None:
    assert time_factor(None, 10.0, scale_days=3, grace_days=1) == 1.0
    assert time_factor(10.0, 11.0, scale_days=3, grace_days=1) == 1.0
    assert time_factor(10.0, 14.0, scale_days=3, grace_days=1) == pytest.approx(np.exp(-1.0))
    assert time_factor(10.0, 100.0, scale_days=3, grace_days=1) < 1e-10


def test_batch_and_stream_formulas_agree() -> None:
    cfg = ClusterConfig()
    rng = np.random.default_rng(3)
    lex, cos, ent = rng.random(50), rng.random(50) * 2 - 1, rng.random(50)
    a = np.where(rng.random(50) < 0.3, np.nan, rng.integers(0, 20, 50).astype(float))
    b = rng.integers(0, 20, 50).astype(float)
    t = time_factors(a, b, scale_days=cfg.time_scale_days, grace_days=cfg.time_grace_days)
    many = combine_many(lex, cos, ent, t, config=cfg)
    for k in range(50):
        day: Any = None if np.isnan(a[k]) else float(a[k])
        tk = time_factor(day, float(b[k]), scale_days=cfg.time_scale_days, grace_days=cfg.time_grace_days)
        assert tk == pytest.approx(t[k])
        assert combine(lex[k], cos[k], ent[k], tk, config=cfg) == pytest.approx(many[k])
    # a missing feature drops out and the rest are renormalised
    assert combine(0.4, None, None, 1.0, config=cfg) == pytest.approx(0.4)


def test_text_key_ignores_case_spacing_and_punctuation(adoc: Any) -> None:
    a = adoc("a", "Tweet with a location. You can add location information to your tweets.")
    b = adoc("b", "tweet with a location you can  add location information\nto your tweets")
    c = adoc("c", "Tweet with a location: you can add your city to your tweets.")
    assert text_key(a) == text_key(b) != text_key(c)
    assert text_key(adoc("empty", "... — ...")) is None


def test_template_mask_marks_texts_repeated_in_enough_documents() -> None:
    keys = ["t", "t", "t", "u", "u", None, None, None]
    assert template_mask(keys, min_copies=3).tolist() == [True, True, True] + [False] * 5
    assert not template_mask(keys, min_copies=0).any()


def test_rare_word_score_saturates_and_the_rare_limit_follows_the_corpus_size() -> None:
    assert rare_word_score(0, half=3.0) == 0.0
    assert rare_word_score(3, half=3.0) == pytest.approx(0.5)
    assert rare_word_score(1, half=3.0) < rare_word_score(2, half=3.0) < rare_word_score(30, half=3.0) < 1.0
    # a tenth of the documents at most (a word every story of a handful uses is not rare), never below 2
    assert rare_word_limit(6, max_df=7) == 2
    assert rare_word_limit(40, max_df=7) == 4
    assert rare_word_limit(7755, max_df=7) == 7


def test_shared_rare_words_stand_in_for_entities_only_when_there_are_none() -> None:
    cfg = ClusterConfig()
    bare = combine(0.2, None, None, 1.0, config=cfg)
    with_rare = combine(0.2, None, None, 1.0, config=cfg, rare_words=3.0)
    w = cfg.w_rare_words
    assert with_rare == pytest.approx((cfg.w_lexical * 0.2 + w * 0.5) / (cfg.w_lexical + w))
    assert with_rare > bare
    # sharing no rare word counts as evidence against (the weight stays in the mean)
    assert combine(0.2, None, None, 1.0, config=cfg, rare_words=0.0) < bare
    # with entity overlap available, rare words are ignored
    assert combine(0.2, None, 0.5, 1.0, config=cfg, rare_words=3.0) == combine(
        0.2, None, 0.5, 1.0, config=cfg
    )
    assert combine(0.2, None, None, 1.0, config=ClusterConfig(w_rare_words=0.0), rare_words=3.0) == bare
    # the batch formula agrees
    rare = np.array([0.0, 1.0, 3.0, 8.0])
    lex = np.full(4, 0.2)
    many = combine_many(lex, None, None, np.ones(4), config=cfg, rare_words=rare)
    for k in range(4):
        assert many[k] == pytest.approx(combine(0.2, None, None, 1.0, config=cfg, rare_words=float(rare[k])))
