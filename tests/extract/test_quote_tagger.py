"""The learned quote tagger: brat reading, BIO labels, grouping, training, tagging the seeds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bratkit import assert_offsets, at, write_brat_corpus

from crosswire.errors import ConfigError, ModelError, RejectedInput
from crosswire.extract.brat import BratAttribution, load_brat_dir, parse_ann
from crosswire.extract.quote_tagger import (
    default_model_path,
    document_sequences,
    load_tagger,
    quotes_from_labels,
    spans_from_labels,
    tag_quotes,
)
from crosswire.extract.quote_tagger_train import (
    annotated,
    gold_sequence_labels,
    reading_view,
    train_quote_tagger,
    training_examples,
)
from crosswire.extract.quotes import extract_quotes
from crosswire.models import AnnotatedDocument

# A PolNeAR-style text: a said-clause, an interrupted direct quotation and a stance cue.
TEXT = (
    "Pentagon talks\n"
    "Defense Secretary Pete Hegseth said that the partnership with India is vital.\n"
    "“We are ready,” he said, “to sign the framework this year.”\n"
    "Jaishankar welcomed the decision."
)


GOLD = (
    BratAttribution(
        content=(at(TEXT, "that the partnership with India is vital"),),
        source=(at(TEXT, "Defense Secretary Pete Hegseth"),),
        cue=(at(TEXT, "said"),),
    ),
    BratAttribution(
        content=(at(TEXT, "“We are ready,”"), at(TEXT, "“to sign the framework this year.”")),
        source=((TEXT.index("he said"), TEXT.index("he said") + 2),),
        cue=(at(TEXT, "said", 1),),
    ),
    BratAttribution(
        content=(at(TEXT, "the decision"),),
        source=(at(TEXT, "Jaishankar"),),
        cue=(at(TEXT, "welcomed"),),
    ),
)


# ------------------------------------------------------------------------ brat


def test_parse_ann_resolves_events_fragments_and_missing_source() -> None:
    ann = (
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
        "T1\tSource 0 5\tSmith\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 20;25 30\tit was ok\n"
        "E2\tAttribution-no-source:T4 Content:T5 Cue:T4\n"
        "T4\tCue 31 36\tseems\n"
        "T5\tContent 37 40\tfoo\n"
        "T6\tDiscard 41 44\tbar\n"
        "#1\tAnnotatorNotes T1\tnote\n"
    )
    a, b = parse_ann(ann)
    assert a == BratAttribution(((11, 20), (25, 30)), ((0, 5),), ((6, 10),))
    assert b == BratAttribution(((37, 40),), None, ((31, 36),))


def test_parse_ann_names_the_file_and_line_of_a_bad_span() -> None:
    with pytest.raises(RejectedInput, match=r"x\.ann:2: bad brat span"):
        parse_ann("T1\tSource 0 5\tSmith\nT2\tCue six 10\tsaid\n", where="x.ann")


def test_load_brat_dir_takes_the_first_annotator_and_checks_spans(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a_story.txt").write_text("Smith said it.", encoding="utf-8")
    (tmp_path / "attributions" / "a_story_ann1.ann").write_text(
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 13\tit\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    (tmp_path / "attributions" / "a_story_ann2.ann").write_text("", encoding="utf-8")
    (doc,) = load_brat_dir(tmp_path)
    assert doc.name == "a_story" and len(doc.attributions) == 1
    (tmp_path / "attributions" / "a_story_ann1.ann").write_text(
        "T3\tContent 11 99\tit\nE1\tAttribution:T3 Content:T3\n", encoding="utf-8"
    )
    with pytest.raises(RejectedInput, match="outside the 14-char text"):
        load_brat_dir(tmp_path)


# ---------------------------------------------------------------- BIO decoding


def test_spans_from_labels_starts_a_run_at_b_and_at_a_stray_i() -> None:
    labels = [
        "B-SOURCE",
        "I-SOURCE",
        "B-CUE",
        "B-CONTENT",
        "I-CONTENT",
        "B-CONTENT",
        "O",
        "I-CONTENT",
        "I-CUE",
    ]
    assert spans_from_labels(labels) == [
        ("SOURCE", 0, 2),
        ("CUE", 2, 3),
        ("CONTENT", 3, 5),
        ("CONTENT", 5, 6),
        ("CONTENT", 7, 8),
        ("CUE", 8, 9),
    ]


# ------------------------------------------------------- labels ↔ attributions


def _annotated(nlp: Any, name: str, text: str) -> AnnotatedDocument:
    """The annotate stage's view of ``text``, as training and the benchmark build it."""
    return annotated(name, text, nlp(reading_view(name, text).body))


@pytest.mark.slow
def test_training_reads_the_clean_view_and_labels_map_to_it(nlp: Any) -> None:
    # Scraped text: a no-break space after "he said.", a double space, blank-line padding.
    # The parse is over the clean view (plain spaces), so the second half of the quotation
    # still belongs to the cue; gold offsets into the original text label the right tokens.
    text = (
        "“They sue,” Senator Alice Moore said.\u00a0“Everybody sues,  right?”\n\n\n\n"
        "Moore then left the hall.\n"
    )
    gold = (
        BratAttribution(
            content=(at(text, "“They sue,”"), at(text, "“Everybody sues,  right?”")),
            source=(at(text, "Senator Alice Moore"),),
            cue=(at(text, "said"),),
        ),
    )
    adoc = _annotated(nlp, "scraped", text)
    assert adoc.document.body != text  # whitespace made plain, runs collapsed
    quotes = extract_quotes(adoc, method="rules")
    assert_offsets(quotes, text)
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("They sue", "Senator Alice Moore"),
        ("Everybody sues,  right?", "Senator Alice Moore"),
    ]
    labels = [lab for seq in gold_sequence_labels(adoc, gold) for lab in seq]
    words = [t.text for seq in document_sequences(adoc.doc) for t in (adoc.doc[i] for i in seq)]
    assert [w for w, lab in zip(words, labels, strict=True) if lab != "O"] == [
        "“", "They", "sue", ",", "”", "Senator", "Alice", "Moore", "said",
        "“", "Everybody", "sues", ",", "right", "?", "”",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="clean view"):
        annotated("scraped", text, nlp(text))


@pytest.fixture(scope="module")
def adoc(nlp: Any) -> AnnotatedDocument:
    return _annotated(nlp, "polnear-like", TEXT)


@pytest.mark.slow
def test_gold_labels_round_trip_to_quotes(adoc: AnnotatedDocument) -> None:
    doc = adoc.doc
    labels = gold_sequence_labels(adoc, GOLD)
    assert len(labels) == len(document_sequences(doc)) == 4
    assert labels[0] == ["O", "O"]  # the headline holds no attribution
    quotes = quotes_from_labels(adoc, labels)
    assert_offsets(quotes, TEXT)
    got = {(q.text, q.kind, q.speaker_text, q.cue) for q in quotes}
    assert got == {
        ("the partnership with India is vital", "indirect", "Defense Secretary Pete Hegseth", "said"),
        ("We are ready", "direct", "he", "said"),
        ("to sign the framework this year", "direct", "he", "said"),
        ("the decision", "indirect", "Jaishankar", "welcomed"),
    }
    # Both halves of the interrupted quotation share the cue (one attribution), and "he" is
    # resolved to the earlier speaker.
    halves = [q for q in quotes if q.speaker_text == "he"]
    assert len({q.cue_span for q in halves}) == 1
    assert all(
        q.speaker_antecedent is not None
        and TEXT[q.speaker_antecedent.start : q.speaker_antecedent.end].endswith("Hegseth")
        for q in halves
    )


@pytest.mark.slow
def test_content_without_cue_continues_the_previous_paragraph(nlp: Any) -> None:
    text = "Senator Alice Moore said the plan would cut costs.\nThe savings would reach schools first.\n"
    gold = (
        BratAttribution(
            content=(
                at(text, "the plan would cut costs"),
                at(text, "The savings would reach schools first"),
            ),
            source=(at(text, "Senator Alice Moore"),),
            cue=(at(text, "said"),),
        ),
    )
    adoc = _annotated(nlp, "two-paragraphs", text)
    quotes = quotes_from_labels(adoc, gold_sequence_labels(adoc, gold))
    assert_offsets(quotes, text)
    assert [(q.text, q.speaker_text, q.cue) for q in quotes] == [
        ("the plan would cut costs", "Senator Alice Moore", "said"),
        ("The savings would reach schools first", "Senator Alice Moore", "said"),
    ]
    assert quotes[0].cue_span == quotes[1].cue_span


@pytest.mark.slow
def test_partial_quotation_inside_a_content_is_kept_whole(nlp: Any) -> None:
    text = 'Jaishankar described the partnership as "one of the most consequential pillars" of the ties.\n'
    # The content stops inside the quotation, as a CRF may: the quotation is completed.
    gold = (
        BratAttribution(
            content=(at(text, 'the partnership as "one of the most consequential'),),
            source=(at(text, "Jaishankar"),),
            cue=(at(text, "described"),),
        ),
    )
    adoc = _annotated(nlp, "partial", text)
    (quote,) = quotes_from_labels(adoc, gold_sequence_labels(adoc, gold))
    assert quote.text == 'the partnership as "one of the most consequential pillars"'
    assert (quote.kind, quote.speaker_text, quote.cue) == ("indirect", "Jaishankar", "described")


@pytest.mark.slow
def test_training_is_deterministic_and_the_model_tags(adoc: AnnotatedDocument, tmp_path: Path) -> None:
    examples = list(training_examples([(adoc, GOLD)]))
    a = train_quote_tagger(examples * 3, tmp_path / "a.crfsuite", max_iterations=30, min_freq=1)
    b = train_quote_tagger(examples * 3, tmp_path / "b.crfsuite", max_iterations=30, min_freq=1)
    assert a.read_bytes() == b.read_bytes()
    # Trained on this very text, the model reproduces its labels and so its quotes.
    quotes = tag_quotes(adoc, model=a, keep_rules="none")
    assert_offsets(quotes, TEXT)
    assert {(q.text, q.speaker_text) for q in quotes} >= {
        ("the partnership with India is vital", "Defense Secretary Pete Hegseth"),
        ("We are ready", "he"),
        ("to sign the framework this year", "he"),
    }


def test_missing_or_broken_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="train-quotes"):
        load_tagger(tmp_path / "nothing.crfsuite")
    junk = tmp_path / "junk.crfsuite"
    junk.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="not a CRFsuite model"):
        load_tagger(junk)


@pytest.mark.slow
def test_unknown_method_is_a_config_error(adoc: AnnotatedDocument) -> None:
    with pytest.raises(ConfigError, match="'neural'"):
        extract_quotes(adoc, method="neural")


# ------------------------------------------------------------ default model


def test_no_model_ships_and_the_default_lives_in_the_user_data_dir() -> None:
    from platformdirs import user_data_dir

    assert default_model_path() == Path(user_data_dir("crosswire", appauthor=False)) / "quote-tagger.crfsuite"
    package_data = Path(__file__).resolve().parents[2] / "src" / "crosswire" / "data"
    assert not list(package_data.glob("*.crfsuite"))  # weights learned from research corpora stay out


@pytest.mark.slow
def test_a_trained_tagger_on_the_seeds(
    adoc: AnnotatedDocument, seed_annotated: list[AnnotatedDocument], tmp_path: Path
) -> None:
    # A toy model: what is checked is that tagging real reports gives exact offsets and keeps
    # the rules' direct quotations with their speakers, whatever the model learned.
    model = train_quote_tagger(
        list(training_examples([(adoc, GOLD)])) * 3, tmp_path / "toy.crfsuite", max_iterations=30, min_freq=1
    )
    by_prefix = {a.document.id[:3]: a for a in seed_annotated}
    for a in seed_annotated:
        assert_offsets(extract_quotes(a, method="tagger", model=model), a.document.text)
    quotes = extract_quotes(by_prefix["002"], method="tagger", model=model)
    rules = extract_quotes(by_prefix["002"], method="rules")
    direct = {(q.start, q.end, q.speaker_text) for q in rules if q.kind == "direct"}
    assert direct and direct <= {(q.start, q.end, q.speaker_text) for q in quotes}
    assert any(q.speaker_text and "Hegseth" in q.speaker_text for q in quotes)


# ------------------------------------------------------------------------- CLI


def _brat_corpus(root: Path) -> Path:
    """TEXT and its GOLD attributions as a one-text brat corpus in PolNeAR's layout."""
    return write_brat_corpus(root, {"pentagon-talks": (TEXT, GOLD)})


@pytest.mark.slow
def test_train_quotes_command_writes_a_model_that_brief_uses(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from crosswire.cli import main

    corpus = _brat_corpus(tmp_path / "brat")
    assert len(load_brat_dir(corpus)[0].attributions) == 3
    # two unusable texts: named on stderr with the reason, the rest still trains (exit 1: partial)
    (corpus / "text" / "orphan.txt").write_text("Nobody annotated this.", encoding="utf-8")
    (corpus / "text" / "broken.txt").write_text("Short.", encoding="utf-8")
    (corpus / "attributions" / "broken_a1.ann").write_text(
        "T1\tContent 0 999\tShort.\nE1\tAttribution:T1 Content:T1\n", encoding="utf-8"
    )
    model = tmp_path / "tagger.crfsuite"
    assert main(["train-quotes", str(corpus), "--out", str(model)]) == 1
    out, err = capsys.readouterr()
    assert model.is_file() and "quote tagger written to" in out
    assert "orphan.txt" in err and "no annotation file" in err
    assert "broken_a1.ann" in err and "outside the 6-char text" in err
    monkeypatch.setenv("CROSSWIRE_QUOTE_MODEL", str(model))
    assert main(["brief", str(seeds_dir), "--quotes", "tagger", "--format", "json", "-q"]) == 0
    brief = json.loads(capsys.readouterr().out)
    assert brief["stories"][0]["quotes"]
    # no model where the tagger looks: exit 3 (environment) with the way out in the message
    monkeypatch.setenv("CROSSWIRE_QUOTE_MODEL", str(tmp_path / "missing.crfsuite"))
    assert main(["brief", str(seeds_dir), "--quotes", "tagger", "-q"]) == 3
    assert "crosswire train-quotes" in capsys.readouterr().err
