"""Sentence-level reuse: splitting, quote flags, matching form, narrative vs quotation."""

from __future__ import annotations

from crosswire.cluster.reuse import align, passages, quote_pool, stem


def test_sentences_keep_abbreviations_and_initials_together() -> None:
    body = (
        "U.S. Defense Secretary Pete Hegseth met S. Jaishankar at the Pentagon. Col. Chris Devine spoke "
        "later.\nThe India-U.S. Defense Acceleration Ecosystem summit is next. It will strengthen "
        "interoperability ... between our forces."
    )
    got = [body[p.start : p.end] for p in passages(body)]
    assert got == [
        "U.S. Defense Secretary Pete Hegseth met S. Jaishankar at the Pentagon.",
        "Col. Chris Devine spoke later.",
        "The India-U.S. Defense Acceleration Ecosystem summit is next.",
        "It will strengthen interoperability ... between our forces.",
    ]


def test_quote_flags_cover_quoted_words_only() -> None:
    body = 'Hegseth said the ties were “deep and ongoing” on Tuesday. "We are eager," he said.'
    first, second = passages(body)
    flagged = dict(zip(first.stems, first.quoted, strict=True))
    assert flagged["deep"] and flagged["ongo"] and not flagged["hegset"] and not flagged["tuesda"]
    assert all(second.quoted)  # "we are eager": every content word is quoted
    assert first.quoted_share < 0.5


def test_stem_folds_spelling_and_inflection() -> None:
    assert stem("defence") == stem("defense")
    assert stem("realise") == stem("realize")
    assert stem("strengthening") == stem("strengthen")
    assert stem("cooperation") == stem("cooperate")


def test_reworded_sentence_aligns_and_counts_as_narrative() -> None:
    a = passages(
        "Around 20,000 hectares of crop land have been submerged, and embankments were breached at five "
        "places in Lakhimpur district."
    )
    b = passages(
        "About 20,000 hectares of cropland were submerged while embankments have been breached at five "
        "places in the Lakhimpur district."
    )
    reuse = align(a, b)
    assert len(reuse.pairs) == 1 and reuse.narrative_pairs == 1 and reuse.share == 1.0


def test_shared_quote_and_speaker_name_is_not_narrative() -> None:
    a = passages('"No one will be left without food or shelter," Chief Minister Himanta Biswa Sarma said.')
    b = passages(
        '"No one will be left without food or shelter," Chief Minister Himanta Biswa Sarma said in Guwahati.'
    )
    reuse = align(a, b, pool=quote_pool([a, b]))
    assert len(reuse.pairs) == 1  # the sentences do align…
    assert reuse.narrative_pairs == 0 and reuse.support == 1.0  # …but share only a quote and a name


def test_reported_speech_of_a_quote_is_discounted() -> None:
    wire = passages('"We hope we can complete several major pending defence sales to India," Hegseth said.')
    one = passages("Hegseth said the US hoped to complete several major pending defence sales to India soon.")
    two = passages("He stated the US hope to complete several major pending defense sales to India quickly.")
    pool = quote_pool([wire, one, two])
    assert align(one, two, pool=pool).narrative_pairs == 0
    assert align(one, two).narrative_pairs == 1  # without the story's quotes it would look copied


def test_a_title_written_before_a_name_is_not_narrative() -> None:
    # every report introduces the official so: "civil protection chief Fabrizio Curcio said"
    a = passages("Civil protection chief Fabrizio Curcio said rescuers were searching three villages.")
    b = passages("Civil protection chief Fabrizio Curcio said the number of dead could rise.")
    assert not (a[0].evidence_bigrams & b[0].evidence_bigrams)
    # the words after the name still count
    c = passages(
        "Civil protection chief Fabrizio Curcio said rescuers were searching three villages near L'Aquila."
    )
    assert a[0].evidence_bigrams & c[0].evidence_bigrams
