"""The transformer quote tagger: windows, BIO decoding, training from brat, tagging, model errors."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from bratkit import assert_offsets, at, write_brat_corpus

from crosswire.errors import ModelError
from crosswire.extract.brat import BratAttribution, load_brat_dir
from crosswire.extract.quote_tagger import document_sequences
from crosswire.extract.quote_tagger_train import annotated, reading_view
from crosswire.extract.quote_transformer import (
    IGNORE,
    LABELS,
    _one_pass,
    add_missing_cues,
    build_windows,
    decode_bio,
    default_model_dir,
    document_inputs,
    document_labels,
    load_transformer,
    predict_logprobs,
    transformer_quotes,
)
from crosswire.extract.quote_transformer_train import (
    default_base_model,
    train_from_brat,
    train_quote_transformer,
    training_windows,
)
from crosswire.extract.quotes import extract_quotes
from crosswire.models import AnnotatedDocument

# Two PolNeAR-style reports: a said-clause, an interrupted direct quotation, a stance cue.
TEXTS = {
    "port-strike": (
        "Dock workers walk out\n"
        "Union leader Maria Alvarez said that the strike will continue until wages rise.\n"
        "“We will not go back,” she said, “until the port authority signs.”\n"
        "The port authority rejected the demands on Tuesday."
    ),
    "budget-vote": (
        "Council passes budget\n"
        "Mayor Daniel Reyes told reporters that the new budget protects every library.\n"
        "“This is a good day for the city,” he said.\n"
        "Opposition members criticised the tax increase."
    ),
}


def _gold(name: str) -> tuple[BratAttribution, ...]:
    t = TEXTS[name]
    if name == "port-strike":
        return (
            BratAttribution(
                (at(t, "that the strike will continue until wages rise"),),
                (at(t, "Union leader Maria Alvarez"),),
                (at(t, "said"),),
            ),
            BratAttribution(
                (at(t, "“We will not go back,”"), at(t, "“until the port authority signs.”")),
                (at(t, "she"),),
                (at(t, "said", 1),),
            ),
            BratAttribution((at(t, "the demands"),), (at(t, "The port authority"),), (at(t, "rejected"),)),
        )
    return (
        BratAttribution(
            (at(t, "that the new budget protects every library"),),
            (at(t, "Mayor Daniel Reyes"),),
            (at(t, "told"),),
        ),
        BratAttribution((at(t, "“This is a good day for the city,”"),), (at(t, "he"),), (at(t, "said"),)),
        BratAttribution((at(t, "the tax increase"),), (at(t, "Opposition members"),), (at(t, "criticised"),)),
    )


def _brat_corpus(root: Path) -> Path:
    """TEXTS and their gold attributions as a brat corpus in PolNeAR's layout."""
    return write_brat_corpus(root, {name: (text, _gold(name)) for name, text in TEXTS.items()})


@pytest.fixture(scope="module")
def tokenizer() -> Any:
    import transformers

    return transformers.AutoTokenizer.from_pretrained(str(default_base_model()), local_files_only=True)


@pytest.fixture(scope="module")
def adocs(nlp: Any) -> dict[str, AnnotatedDocument]:
    return {name: annotated(name, text, nlp(reading_view(name, text).body)) for name, text in TEXTS.items()}


# ------------------------------------------------------------------ pure parts


def test_decode_bio_never_opens_a_run_with_i() -> None:
    def row(best: str, second: str = "O") -> list[float]:
        return [0.0 if lab == best else -1.0 if lab == second else -9.0 for lab in LABELS]

    # The argmax would be I-CUE after O and I-CONTENT after a cue: both ill-formed.
    labels = decode_bio([row("I-CUE", "B-CUE"), row("I-CUE"), row("I-CONTENT", "B-CONTENT")])
    assert labels == ["B-CUE", "I-CUE", "B-CONTENT"]
    assert decode_bio([]) == []


def test_decode_bio_keeps_a_name_in_one_run() -> None:
    def row(**lp: float) -> list[float]:
        return [lp.get(lab.replace("-", "_"), -9.0) for lab in LABELS]

    # "Jeb" B-SOURCE, "Bush" B-SOURCE would be two speakers, the nearest one "Bush".
    labels = decode_bio([row(B_SOURCE=0.0, O=-2.0), row(B_SOURCE=0.0, I_SOURCE=-0.5), row(B_CUE=0.0, O=-1.0)])
    assert labels == ["B-SOURCE", "I-SOURCE", "B-CUE"]


def test_windows_pack_paragraphs_and_label_first_subwords(tokenizer: Any) -> None:
    paragraphs = [["Officials", "said", "unprecedented", "talks"], ["Hegseth", "agreed", "."]]
    rules = [[4, 5, 0, 0], [4, 5, 0]]
    labels = [[1, 3, 5, 6], [1, 3, 0]]
    (window,) = build_windows(tokenizer, paragraphs, rules, labels, max_len=64)
    ids = window.input_ids
    assert ids[0] == tokenizer.cls_token_id and ids[-1] == tokenizer.sep_token_id
    assert ids.count(tokenizer.sep_token_id) == 2  # between the paragraphs, and closing
    assert [(n, w) for _, n, w in window.words] == [(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (1, 2)]
    labelled = [window.label_ids[p] for p, _, _ in window.words]
    assert labelled == [1, 3, 5, 6, 1, 3, 0]
    # Every other position (later sub-words, separators) is left out of the loss.
    assert sum(1 for x in window.label_ids if x != IGNORE) == 7
    assert len(ids) > 9  # "unprecedented" and "Hegseth" take several sub-words
    assert all(window.rule_ids[p] == rules[n][w] for p, n, w in window.words)


def test_a_long_paragraph_is_cut_into_windows_at_word_edges(tokenizer: Any) -> None:
    words = ["The", "minister", "said", "negotiations", "continue"] * 30
    windows = build_windows(tokenizer, [words], [[0] * len(words)], max_len=32)
    assert len(windows) > 1 and all(len(w.input_ids) <= 32 for w in windows)
    assert [w for win in windows for _, _, w in win.words] == list(range(len(words)))


def test_a_shifted_packing_closes_the_first_window_early(tokenizer: Any) -> None:
    paragraphs = [["The", "minister", "said", "talks", "continue", "."]] * 12
    rules = [[0] * 6] * 12
    plain = build_windows(tokenizer, paragraphs, rules, max_len=40)
    shifted = build_windows(tokenizer, paragraphs, rules, max_len=40, first=19)
    assert len(shifted[0].input_ids) - 2 <= 19 < len(plain[0].input_ids) - 2
    assert all(len(w.input_ids) <= 40 for w in shifted)
    # every word is still labelled exactly once, in order
    for windows in (plain, shifted):
        assert [(n, w) for win in windows for _, n, w in win.words] == [
            (n, w) for n in range(12) for w in range(6)
        ]
    assert [w.words[0][1] for w in shifted] != [w.words[0][1] for w in plain]


def _rows(*best: tuple[str, float]) -> list[float]:
    """Log-probabilities with the given label probabilities, the rest spread over O."""
    probs = dict(best)
    rest = 1.0 - sum(probs.values())
    return [math.log(probs.get(lab, 0.0) + (rest if lab == "O" else 0.0) or 1e-12) for lab in LABELS]


def test_a_sentence_with_a_content_but_no_cue_gets_its_likeliest_cue() -> None:
    # "Critics , angry at the plan , [warned] of [higher] [fares] ." — the encoder gave "warned"
    # only 0.3 of B-CUE, so Viterbi left it O and the content would join a cue elsewhere.
    labels = [["B-SOURCE", "O", "O", "O", "O", "O", "O", "O", "O", "B-CONTENT", "I-CONTENT", "O"]]
    rows = [[_rows(("B-SOURCE", 0.9))] + [_rows()] * 5 + [_rows(("B-CUE", 0.3)), _rows(("I-CUE", 0.4))]]
    rows[0] += [_rows(("B-CUE", 0.05)), _rows(("B-CONTENT", 0.8)), _rows(("I-CONTENT", 0.8)), _rows()]
    sentences = [[0] * 12]
    got = add_missing_cues(labels, rows, sentences, min_prob=0.1)
    assert got[0][6:9] == ["B-CUE", "I-CUE", "O"]
    assert got[0][:6] == labels[0][:6] and got[0][9:] == labels[0][9:]
    # below the floor, or with a cue already in the sentence, nothing changes
    assert add_missing_cues(labels, rows, sentences, min_prob=0.5) == labels
    with_cue = [[*labels[0][:2], "B-CUE", *labels[0][3:]]]
    assert add_missing_cues(with_cue, rows, sentences, min_prob=0.1) == with_cue


def test_missing_cues_are_looked_for_sentence_by_sentence() -> None:
    # two sentences in one paragraph; only the second has a content without cue
    labels = [["B-SOURCE", "B-CUE", "B-CONTENT", "O", "O", "B-CONTENT", "I-CONTENT"]]
    rows = [[_rows(), _rows(("B-CUE", 0.9)), _rows(), _rows(("B-CUE", 0.6)), _rows(("B-CUE", 0.2))]]
    rows[0] += [_rows(), _rows()]
    got = add_missing_cues(labels, rows, [[0, 0, 0, 1, 1, 1, 1]], min_prob=0.1)
    assert got == [["B-SOURCE", "B-CUE", "B-CONTENT", "B-CUE", "O", "B-CONTENT", "I-CONTENT"]]
    # with the whole paragraph one sentence, the existing cue serves
    assert add_missing_cues(labels, rows, [[0] * 7], min_prob=0.1) == labels


# --------------------------------------------------------------- model errors


def test_missing_or_broken_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"nothing.*train-quotes --method transformer"):
        load_transformer(tmp_path / "nothing")
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "crosswire-quote-transformer.json").write_text('{"format": 1}', encoding="utf-8")
    with pytest.raises(ModelError, match="junk"):
        load_transformer(tmp_path / "junk")


def test_no_model_ships_and_the_default_lives_in_the_user_data_dir() -> None:
    from platformdirs import user_data_dir

    assert default_model_dir() == Path(user_data_dir("crosswire", appauthor=False)) / "quote-transformer"


# ------------------------------------------------------------------ training


@pytest.fixture(scope="module")
def trained(tokenizer: Any, adocs: dict[str, AnnotatedDocument], tmp_path_factory: Any) -> Path:
    """A model fine-tuned on the two reports, repeated until it has learned them."""
    import torch

    torch.set_num_threads(min(2, os.cpu_count() or 1))
    windows = training_windows(tokenizer, [(adocs[n], _gold(n)) for n in TEXTS])
    out = tmp_path_factory.mktemp("qt") / "model"
    return train_quote_transformer(windows * 8, out, epochs=6, lr=3e-4, batch_size=4, warmup=0.05)


@pytest.mark.slow
def test_a_trained_model_recovers_the_attributions_it_learned(
    trained: Path, adocs: dict[str, AnnotatedDocument]
) -> None:
    for adoc in adocs.values():
        quotes = transformer_quotes(adoc, model=trained, keep_rules="none")
        assert_offsets(quotes, adoc.document.text)
    got = {
        (q.text, q.speaker_text, q.cue)
        for q in transformer_quotes(adocs["port-strike"], model=trained, keep_rules="none")
    }
    assert {
        ("the strike will continue until wages rise", "Union leader Maria Alvarez", "said"),
        ("We will not go back", "she", "said"),
        ("the demands", "The port authority", "rejected"),
    } <= got
    budget = transformer_quotes(adocs["budget-vote"], model=trained, keep_rules="none")
    assert ("the new budget protects every library", "Mayor Daniel Reyes") in {
        (q.text, q.speaker_text) for q in budget
    }


@pytest.mark.slow
def test_two_passes_average_the_probabilities_of_two_packings(
    trained: Path, adocs: dict[str, AnnotatedDocument]
) -> None:
    import torch

    tagger = load_transformer(trained)
    adoc = adocs["port-strike"]
    rule_quotes = extract_quotes(adoc, method="rules")
    words, rules = document_inputs(adoc, rule_quotes)
    # a first window of 20 sub-words cuts this report at another paragraph than a full one
    shifted = _one_pass(torch, tagger, words, rules, batch_size=4, first=20)
    plain = predict_logprobs(tagger, words, rules, passes=1)
    both = predict_logprobs(tagger, words, rules, passes=2)
    half = _one_pass(torch, tagger, words, rules, batch_size=4, first=(tagger.max_len - 2) // 2)
    assert shifted != plain  # the packing changes what a word sees
    for pa, pb, pm in zip(plain, half, both, strict=True):
        for ra, rb, rm in zip(pa, pb, pm, strict=True):
            assert sum(math.exp(x) for x in rm) == pytest.approx(1.0, abs=1e-6)
            for x, y, m in zip(ra, rb, rm, strict=True):
                assert math.exp(m) == pytest.approx((math.exp(x) + math.exp(y)) / 2, abs=1e-9)
    with pytest.raises(ValueError, match="passes"):
        predict_logprobs(tagger, words, rules, passes=3)
    labels = document_labels(tagger, adoc, rule_quotes)
    assert [len(p) for p in labels] == [len(p) for p in words]


@pytest.mark.slow
def test_the_model_is_loaded_once_and_reloaded_when_retrained(trained: Path) -> None:
    assert load_transformer(trained) is load_transformer(trained)


@pytest.mark.slow
def test_training_from_a_brat_corpus_is_deterministic(nlp: Any, tmp_path: Path) -> None:
    import torch

    corpus = _brat_corpus(tmp_path / "brat")
    assert [len(d.attributions) for d in load_brat_dir(corpus)] == [3, 3]
    a = train_from_brat(corpus, tmp_path / "a", nlp=nlp, epochs=2)
    b = train_from_brat(corpus, tmp_path / "b", nlp=nlp, epochs=2)
    assert sorted(p.name for p in a.iterdir()) == sorted(p.name for p in b.iterdir())
    wa = load_transformer(a).model.classifier.weight
    wb = load_transformer(b).model.classifier.weight
    assert torch.equal(wa, wb)
    doc = next(iter(load_brat_dir(corpus)))
    adoc = annotated(doc.name, doc.text, nlp(reading_view(doc.name, doc.text).body))
    quotes = transformer_quotes(adoc, model=a)  # an untrained toy: offsets hold whatever it tags
    assert_offsets(quotes, doc.text)
    assert len(document_sequences(adoc.doc)) == 4


@pytest.mark.slow
def test_train_quotes_method_transformer_writes_a_model_that_brief_uses(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from crosswire.cli import main

    corpus = _brat_corpus(tmp_path / "brat")
    model = tmp_path / "quote-transformer"
    assert main(["train-quotes", "--method", "transformer", str(corpus), "--out", str(model)]) == 0
    out, err = capsys.readouterr()
    assert "quote tagger written to" in out and "--quotes transformer" in err
    assert (model / "crosswire-quote-transformer.json").is_file()
    monkeypatch.setenv("CROSSWIRE_QUOTE_MODEL", str(model))
    assert main(["brief", str(seeds_dir), "--quotes", "transformer", "--format", "json", "-q"]) == 0
    brief = json.loads(capsys.readouterr().out)
    for q in brief["stories"][0]["quotes"]:
        for c in q["citations"]:
            text = (seeds_dir / f"{c['document']}.txt").read_text(encoding="utf-8")
            assert text[c["start"] : c["end"]] == c["text"]
    # no model where the transformer looks: exit 3 (environment) with the way out in the message
    monkeypatch.setenv("CROSSWIRE_QUOTE_MODEL", str(tmp_path / "missing"))
    assert main(["brief", str(seeds_dir), "--quotes", "transformer", "-q"]) == 3
    assert "train-quotes --method transformer" in capsys.readouterr().err
