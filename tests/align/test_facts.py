"""Facts: grouping claims, counting independent sources by origin family."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest
import seedkit

from crosswire import align
from crosswire.align.backing import mostly_own_news, surer_than_sources
from crosswire.align.claims import Claim
from crosswire.align.facts import (
    attach_groups,
    canonical_claim,
    claim_voices,
    group_claims,
    make_facts,
    pronoun_referents,
    rejoin_needless_splits,
)
from crosswire.align.features import content_words
from crosswire.brief.json_out import fact_reading
from crosswire.models import Document, Fact, Family, Hedge, Quote, Span

SALES = {
    "a": "Pete Hegseth hopes to complete several major pending defence sales to India soon.",
    "b": "Pete Hegseth hopes to complete several major pending defence sales to India soon, officials said.",
    "c": "Pete Hegseth hopes to complete several major pending defence sales to India this year.",
    "d": "The weather in Washington was hot and humid all week long.",
}


def test_wire_copies_count_as_one_independent_source(hash_embedder: Any) -> None:
    fams = (Family("pti", ("a", "b"), "PTI", label="PTI"), Family("c", ("c",), "c"), Family("d", ("d",), "d"))
    al = next(align.run([seedkit.small_extraction(SALES, families=fams)], embedder=hash_embedder))
    sales = next(f for f in al.facts if "a" in f.documents)
    assert set(sales.documents) == {"a", "b", "c"}
    assert sales.independent_sources == 2 and set(sales.families) == {"pti", "c"}
    assert sales.status == "corroborated"
    weather = next(f for f in al.facts if "d" in f.documents)
    assert weather.status == "single_source" and weather.independent_sources == 1
    assert sales.score > weather.score


def test_copies_of_one_origin_alone_stay_single_source(hash_embedder: Any) -> None:
    texts = {k: SALES[k] for k in ("a", "b")}
    fams = (Family("pti", ("a", "b"), "PTI"),)
    al = next(align.run([seedkit.small_extraction(texts, families=fams)], embedder=hash_embedder))
    assert [(f.status, f.independent_sources, len(f.documents)) for f in al.facts] == [
        ("single_source", 1, 2)
    ]


def test_a_sentence_two_families_print_word_for_word_is_one_source(hash_embedder: Any) -> None:
    # two reports of different origin that share one sentence, word for word: a paragraph lifted
    # from a press release, not two confirmations; a third saying it in its own words counts
    lifted = (
        "Acquiring the company boosts the group's ability to help customers transform their data centers."
    )
    texts = {
        "a": lifted + " Shares rose two percent on the news in early trading on Monday.",
        "b": "The deal was announced on Monday. " + lifted,
        "c": "The purchase will help the group's customers transform their data centers, analysts said.",
    }
    fams = tuple(Family(k, (k,), k) for k in texts)
    al = next(align.run([seedkit.small_extraction(texts, families=fams)], embedder=hash_embedder))
    fact = next(f for f in al.facts if "a" in f.documents and "b" in f.documents)
    assert fact.independent_sources == len(fact.documents) - 1
    # the same words inside quotation marks are the speaker's, faithfully quoted by both
    quoted = {k: t.replace(lifted, f'"{lifted[:-1]}," the chief executive said.') for k, t in texts.items()}
    al = next(align.run([seedkit.small_extraction(quoted, families=fams)], embedder=hash_embedder))
    fact = next(f for f in al.facts if "a" in f.documents and "b" in f.documents)
    assert fact.independent_sources == len(fact.documents)


def test_fact_citations_are_exact(hash_embedder: Any) -> None:
    ex = seedkit.small_extraction(SALES)
    al = next(align.run([ex], embedder=hash_embedder))
    for f in al.facts:
        for c in f.citations:
            assert SALES[c.document][c.start : c.end] == c.text


def _claim(doc: str, text: str, *, whole: bool = True, position: float = 0.0) -> Claim:
    return Claim(
        f"{doc}:0",
        doc,
        0,
        (0, len(text)),
        ((0, len(text)),),
        text,
        position,
        whole,
        frozenset(text.lower().split()),
    )


def test_group_holds_one_claim_per_document_unless_near_identical() -> None:
    claims = [_claim("a", "x one"), _claim("a", "x two"), _claim("b", "x three")]
    sim = np.array([[1.0, 0.7, 0.9], [0.7, 1.0, 0.8], [0.9, 0.8, 1.0]])
    groups = group_claims(claims, sim, threshold=0.6, average_threshold=0.5)
    assert sorted(len(g) for g in groups) == [1, 2]
    sim[0, 1] = sim[1, 0] = 0.97  # a repeated sentence may join
    assert sorted(len(g) for g in group_claims(claims, sim, threshold=0.6, average_threshold=0.5)) == [3]


def test_average_link_stops_chains() -> None:
    claims = [_claim("a", "1"), _claim("b", "2"), _claim("c", "3")]
    # a~b and b~c are close, a and c are far apart: no fact of all three
    sim = np.array([[1.0, 0.8, 0.1], [0.8, 1.0, 0.7], [0.1, 0.7, 1.0]])
    assert sorted(len(g) for g in group_claims(claims, sim, threshold=0.6, average_threshold=0.5)) == [1, 2]


def test_canonical_prefers_whole_attributed_sentences() -> None:
    best = canonical_claim(
        [
            _claim("a", "He hopes to finish the deals."),
            _claim("b", "building on this, we hope we can complete the sales", whole=False),
            _claim("c", "Pete Hegseth hopes to complete several pending defence sales to India."),
        ]
    )
    assert best.document == "c"


def _ent_claim(doc: str, sentence: int, text: str, entities: tuple[str, ...] = ()) -> Claim:
    return Claim(
        f"{doc}:{sentence}",
        doc,
        sentence,
        (0, len(text)),
        ((0, len(text)),),
        text,
        0.0,
        True,
        frozenset(text.lower().split()),
        entities=entities,
    )


def test_a_document_saying_it_twice_joins_the_fact_counted_by_document() -> None:
    claims = [
        _ent_claim("a", 0, "the us hopes to finish the defence deals soon"),
        _ent_claim("b", 0, "hegseth hoped to complete the pending defence sales"),
        _ent_claim("a", 5, "he said the us hopes to complete several big defence deals"),
    ]
    sim = np.array([[1.0, 0.7, 0.3], [0.7, 1.0, 0.6], [0.3, 0.6, 1.0]])
    fam = {"a": "a", "b": "b"}
    first = group_claims(claims, sim, threshold=0.55, average_threshold=0.5)
    assert sorted(len(g) for g in first) == [1, 2]  # one claim per document in the first pass
    groups = attach_groups(claims, sim, first, family_of=fam)
    assert sorted(len(g) for g in groups) == [3]  # a's second statement backs the same fact


def test_a_name_no_other_source_mentions_keeps_a_claim_single() -> None:
    claims = [
        _ent_claim("a", 0, "the ministers backed the next summit"),
        _ent_claim("b", 0, "both ministers discussed the upcoming summit"),
        _ent_claim("c", 0, "they backed the summit and launched the Autonomous Systems Alliance"),
    ]
    sim = np.array([[1.0, 0.8, 0.52], [0.8, 1.0, 0.5], [0.52, 0.5, 1.0]])
    fam = {d: d for d in "abc"}
    first = group_claims(claims, sim, threshold=0.55, average_threshold=0.5)
    vocab = {
        "a": frozenset(claims[0].words),
        "b": frozenset(claims[1].words),
        "c": frozenset(claims[2].words),
    }
    groups = attach_groups(claims, sim, first, family_of=fam, family_vocab=vocab)
    assert sorted(len(g) for g in groups) == [1, 2]
    # without the vocabulary guard the loose match would join
    assert sorted(len(g) for g in attach_groups(claims, sim, first, family_of=fam)) == [3]


def test_claims_naming_different_people_are_different_statements() -> None:
    claims = [
        _ent_claim("a", 0, "rubio met jaishankar on trade", ("rubio", "jaishankar")),
        _ent_claim("b", 0, "hegseth met jaishankar at the pentagon", ("hegseth", "jaishankar")),
    ]
    sim = np.array([[1.0, 0.53], [0.53, 1.0]])
    groups = attach_groups(
        claims,
        sim,
        [[0], [1]],
        family_of={"a": "a", "b": "b"},
        people=frozenset({"rubio", "jaishankar", "hegseth"}),
    )
    assert sorted(len(g) for g in groups) == [1, 1]


def test_claims_naming_only_different_places_are_different_statements() -> None:
    claims = [
        _ent_claim("a", 0, "trump and clinton have won the primary in florida", ("trump", "clinton", "fl")),
        _ent_claim("b", 0, "trump got more votes in ohio than clinton", ("trump", "clinton", "oh")),
        _ent_claim("c", 0, "trump and clinton won in florida and ohio", ("trump", "clinton", "fl", "oh")),
    ]
    sim = np.array([[1.0, 0.53, 0.53], [0.53, 1.0, 0.1], [0.53, 0.1, 1.0]])
    kw: dict[str, Any] = {
        "family_of": {"a": "a", "b": "b", "c": "c"},
        "people": frozenset({"trump", "clinton"}),
        "places": frozenset({"fl", "oh"}),
        # every entity is named by every report: none is one report's news of its own
        "entity_families": dict.fromkeys(("trump", "clinton", "fl", "oh"), frozenset("abc")),
    }
    groups = attach_groups(claims[:2], sim[:2, :2], [[0], [1]], **kw)
    assert sorted(len(g) for g in groups) == [1, 1]
    # a place in common is enough: "in Florida" is told in "in Florida and Ohio"
    groups = attach_groups([claims[0], claims[2]], sim[np.ix_([0, 2], [0, 2])], [[0], [1]], **kw)
    assert sorted(len(g) for g in groups) == [2]


PROSECUTORS = {
    "a": "“No reasonable prosecutor would not present this case to a grand jury.”",
    "b": "“The director's job was not to say that a prosecutor would not move forward with the case.”",
}


def _quote_of(doc: str, speaker: str | None) -> Quote:
    text = PROSECUTORS[doc]
    return Quote(f"q-{doc}", doc, 1, len(text) - 1, text[1:-1], "direct", speaker)


def test_claim_voices_are_the_speakers_of_the_quotes_inside_a_claim() -> None:
    claims = [_claim(d, t) for d, t in PROSECUTORS.items()]
    writer = _claim("c", "The case was closed on Tuesday.")
    quotes = [_quote_of("a", "e-giuliani"), _quote_of("b", None)]
    # an unknown speaker is no voice; a claim with no quote in it is the writer's
    assert claim_voices([*claims, writer], quotes) == [frozenset({"e-giuliani"}), frozenset(), frozenset()]


@pytest.mark.parametrize(
    ("speaker_a", "speaker_b", "joined"),
    [
        ("e-giuliani", "e-lewandowski", False),  # two people's opinions, not one fact confirmed twice
        ("e-giuliani", "e-giuliani", True),  # one speaker's words reported by two outlets
        ("e-giuliani", None, True),  # words of no known speaker do not block
    ],
)
def test_quotes_of_different_speakers_are_different_statements(
    speaker_a: str, speaker_b: str | None, joined: bool
) -> None:
    claims = [_claim(d, t) for d, t in PROSECUTORS.items()]
    sim = np.array([[1.0, 0.5], [0.5, 1.0]])  # under the first pass's bar, over the second's
    voices = claim_voices(claims, [_quote_of("a", speaker_a), _quote_of("b", speaker_b)])
    groups = attach_groups(claims, sim, [[0], [1]], family_of={"a": "a", "b": "b"}, voices=voices)
    assert sorted(len(g) for g in groups) == ([2] if joined else [1, 1])


def test_canonical_avoids_pronouns_fragments_and_continuations() -> None:
    best = canonical_claim(
        [
            _claim("a", "He further stated the U.S. hope to strengthen interoperability", whole=False),
            _claim("b", "The two leaders also discussed the upcoming 10-year framework agreement."),
            _claim(
                "c",
                "A new 10-year Framework for the Major Defense Partnership is expected to be signed soon.",
            ),
        ]
    )
    assert best.document == "c"


POSTED = 'He posted on X that they had an "excellent discussion to deepen ties and strengthen cooperation".'


def _part(doc: str, k: int, parts: tuple[tuple[int, int], ...], *, sentence: int = 0) -> Claim:
    text = " ".join(POSTED[s:e] for s, e in parts)
    return Claim(
        f"{doc}:{sentence}.{k}",
        doc,
        sentence,
        (0, len(POSTED)),
        parts,
        text,
        0.0,
        False,
        frozenset(text.split()),
    )


def test_split_sentence_that_matched_nothing_is_made_whole_again() -> None:
    cut = POSTED.index(" and ")
    first = _part("a", 1, ((0, cut),))
    second = _part("a", 2, ((0, POSTED.index("deepen")), (cut + 5, len(POSTED))))
    other = _claim("b", "The weather was hot.")
    claims, groups = rejoin_needless_splits(
        [first, second, other], [[0], [1], [2]], documents={"a": Document(id="a", text=POSTED)}
    )
    assert [c.text for c in claims] == [POSTED, "The weather was hot."]
    assert claims[0].whole and claims[0].parts == ((0, len(POSTED)),) and claims[0].id == "a:0"
    assert groups == [[0], [1]]


def test_split_sentence_keeps_its_clauses_when_one_clause_matched() -> None:
    cut = POSTED.index(" and ")
    first = _part("a", 1, ((0, cut),))
    second = _part("a", 2, ((0, POSTED.index("deepen")), (cut + 5, len(POSTED))))
    other = _claim("b", "They had an excellent discussion to deepen ties.")
    claims, groups = rejoin_needless_splits(
        [first, second, other], [[0, 2], [1]], documents={"a": Document(id="a", text=POSTED)}
    )
    assert claims == [first, second, other] and groups == [[0, 2], [1]]


def test_clauses_split_apart_with_the_same_backing_become_one_fact() -> None:
    cut = POSTED.index(" and ")
    head = POSTED.index("deepen")

    def halves(doc: str) -> list[Claim]:
        return [_part(doc, 1, ((0, cut),)), _part(doc, 2, ((0, head), (cut + 5, len(POSTED))))]

    claims = [*halves("a"), *halves("b"), _claim("c", POSTED)]
    docs = {d: Document(id=d, text=POSTED) for d in "abc"}
    # c is a rewrite of b (one family): both groups are backed by the families a and b
    new, groups = rejoin_needless_splits(
        claims, [[0, 2], [1, 3, 4]], documents=docs, family_of={"a": "a", "b": "b", "c": "b"}
    )
    assert groups == [[0, 1, 2]]
    assert [c.text for c in new] == [POSTED] * 3 and all(c.whole for c in new)

    # different backing: each clause is news of its own sources, so the split stays
    new, groups = rejoin_needless_splits(
        claims, [[0, 2], [1, 3, 4]], documents=docs, family_of={"a": "a", "b": "b", "c": "c"}
    )
    assert new == claims and groups == [[0, 2], [1, 3, 4]]


def test_a_document_saying_two_things_in_two_places_keeps_them_two_facts() -> None:
    cut = POSTED.index(" and ")
    head = POSTED.index("deepen")
    a1, a2 = _part("a", 1, ((0, cut),)), _part("a", 2, ((0, head), (cut + 5, len(POSTED))))
    # b says the first thing in sentence 0 and the second in sentence 3: two statements
    b1, b2 = _part("b", 1, ((0, cut),)), _part("b", 2, ((0, head), (cut + 5, len(POSTED))), sentence=3)
    b1, b2 = replace(b1, whole=True), replace(b2, whole=True)
    docs = {d: Document(id=d, text=POSTED) for d in "ab"}
    new, groups = rejoin_needless_splits(
        [a1, a2, b1, b2], [[0, 2], [1, 3]], documents=docs, family_of={"a": "a", "b": "b"}
    )
    assert new == [a1, a2, b1, b2] and groups == [[0, 2], [1, 3]]


def test_pronoun_led_fact_takes_the_speaker_resolved_by_the_quote_stage() -> None:
    text = "He said the two countries are working more closely."
    quotes = [
        Quote("q1", "a", 13, 51, text[13:51], "indirect", "e-hegseth", "He", Span("a", 0, 2), "said"),
        Quote("q2", "a", 13, 51, text[13:51], "indirect", None, "he", Span("a", 0, 2), "said"),
        Quote("q3", "b", 0, 4, "test", "direct", "e-rubio", "Rubio", Span("b", 9, 14), "said"),
    ]
    referents = pronoun_referents(quotes)
    assert referents == {("a", 0): "e-hegseth"}  # unresolved and named speakers give nothing
    claims = [_claim("a", text), _claim("b", "The weather was hot in Washington.")]
    facts, _ = make_facts(
        claims,
        [[0], [1]],
        documents={"a": Document(id="a", text=text), "b": Document(id="b", text=claims[1].text)},
        family_of={"a": "a", "b": "b"},
        centrality=[0.5, 0.5],
        referents={("a", 0): "e-hegseth", ("b", 0): "e-rubio"},
    )
    by_doc = {f.documents[0]: f for f in facts}
    assert by_doc["a"].antecedent == "e-hegseth"
    assert by_doc["b"].antecedent is None  # a fact that does not open with a pronoun needs no note


def test_a_fact_that_is_all_quotation_names_its_speaker_at_its_end() -> None:
    # Politico, 6 Jul 2016: Giuliani's words in a single-source list must not read as the outlet's
    text = "“That's a smoking gun.” Lie after lie, Giuliani said of the report."
    claims = [_claim("a", text[:23]), _claim("b", "The weather was hot in Washington.")]
    facts, _ = make_facts(
        claims,
        [[0], [1]],
        documents={"a": Document(id="a", text=text), "b": Document(id="b", text=claims[1].text)},
        family_of={"a": "a", "b": "b"},
        centrality=[0.5, 0.5],
        names={"e-giuliani": "Rudy Giuliani"},
        speakers={"a": [(1, 22, "e-giuliani")], "b": [(4, 11, "e-giuliani")]},
    )
    by_doc = {f.documents[0]: f for f in facts}
    assert (by_doc["a"].antecedent, by_doc["a"].antecedent_at) == ("e-giuliani", len(claims[0].text))
    assert fact_reading(
        {"text": claims[0].text, "antecedent": "e-giuliani", "antecedent_at": 23},
        {"e-giuliani": "Rudy Giuliani"},
    ) == (
        "“That's a smoking gun.”",
        "Rudy Giuliani",
        "",
    )
    assert by_doc["b"].antecedent is None  # not wholly inside the quotation


def _hedged_facts(texts: dict[str, str], cues: dict[str, list[Hedge]]) -> Fact:
    claims = [replace(_claim(d, t), words=content_words(t)) for d, t in texts.items()]
    (fact,), _ = make_facts(
        claims,
        [list(range(len(claims)))],
        documents={d: Document(id=d, text=t) for d, t in texts.items()},
        family_of={d: d for d in texts},
        centrality=[0.5] * len(claims),
        hedges=cues,
    )
    return fact


def _cue(doc: str, text: str, word: str, scope: str | None = None) -> Hedge:
    at = text.index(word)
    s = text.index(scope) if scope else 0
    return Hedge(doc, at, at + len(word), word, "alleged", Span(doc, s, s + len(scope or text)))


def test_a_fact_half_its_reports_only_allege_is_worded_as_they_word_it() -> None:
    ap = "Marcus Webb allegedly shot Daniel Ortiz outside the Lone Star Tavern."
    tv = "Marcus Webb shot Daniel Ortiz outside the Lone Star Tavern early Friday."
    fact = _hedged_facts({"ap": ap, "tv": tv}, {"ap": [_cue("ap", ap, "allegedly")]})
    assert [h.document for h in fact.hedged] == ["ap"] and fact.mostly_hedged
    assert fact.text == ap  # not the TV station's, though it reads as well
    # one of three: it is said outright by most, and the note still names who hedges
    dmn = "Marcus Webb shot Daniel Ortiz outside the Lone Star Tavern, police said."
    fact = _hedged_facts({"ap": ap, "tv": tv, "dmn": dmn}, {"ap": [_cue("ap", ap, "allegedly")]})
    assert [h.document for h in fact.hedged] == ["ap"] and not fact.mostly_hedged
    assert not surer_than_sources([fact], fact.hedged, "tv", 0, len(tv))  # the brief may say it outright


def test_a_cue_bearing_on_another_part_of_the_claim_does_not_hedge_the_fact() -> None:
    a = "In a move that suggests there might be life in the old dog yet, AMD has acquired SeaMicro."
    b = "AMD has acquired SeaMicro, a maker of low-power servers."
    side = _cue("a", a, "might", "there might be life in the old dog yet")
    assert not _hedged_facts({"a": a, "b": b}, {"a": [side]}).hedged
    whole = _cue("a", a, "might")  # a cue bearing on the whole sentence does
    assert _hedged_facts({"a": a, "b": b}, {"a": [whole]}).hedged


def test_a_sentence_telling_its_own_news_around_a_shared_fact_is_mostly_its_own() -> None:
    text = (
        "Marcus Webb, the man accused of shooting Daniel Ortiz early Friday, had been fired from "
        "the same bar last month, two former co-workers said."
    )
    doc = Document(id="dmn", text=text)
    aside = text.index(", had been")
    other = Document(id="ap", text="Marcus Webb allegedly shot Daniel Ortiz early Friday.")
    shared = Fact(
        "F1",
        other.text,
        (other.cite(0, len(other.text)), doc.cite(0, aside)),
        ("ap", "dmn"),
        2,
        "corroborated",
    )
    own = Fact("F2", "", (doc.cite(0, 11), doc.cite(aside + 2, len(text))), ("dmn",), 1, "single_source")
    assert mostly_own_news([shared, own], text, "dmn", 0, len(text))
    # the other report's sentence, and a sentence whose own part is a stray word, are not
    assert not mostly_own_news([shared, own], other.text, "ap", 0, len(other.text))
    stray = Fact(
        "F3", "", (doc.cite(aside + 2, aside + 16),), ("dmn",), 1, "single_source"
    )  # "had been fired"
    assert not mostly_own_news([shared, stray], text, "dmn", 0, len(text))
    # nor one that carries no corroborated fact at all: it is single-source as a whole
    assert not mostly_own_news([own], text, "dmn", 0, len(text))


def test_a_report_that_could_not_verify_what_it_told_hedges_the_fact() -> None:
    # "Reuters could not independently verify the video." follows the claim: it bears on it
    told = "Russian forces shelled the children's hospital in Kharkiv on Tuesday, a video showed."
    reuters = told + " Reuters could not independently verify the video."
    kyiv = "Russian forces shelled the children's hospital in Kharkiv on Tuesday, officials said."
    at = reuters.index("could not")
    cue = Hedge("reuters", at, at + 30, reuters[at : at + 30], "unverified", Span("reuters", 0, len(told)))
    claims = [
        replace(c, words=content_words(c.text)) for c in (_claim("reuters", told), _claim("kyiv", kyiv))
    ]

    def fact_with(h: Hedge) -> Fact:
        (fact,), _ = make_facts(
            claims,
            [[0, 1]],
            documents={
                "reuters": Document(id="reuters", text=reuters),
                "kyiv": Document(id="kyiv", text=kyiv),
            },
            family_of={"reuters": "reuters", "kyiv": "kyiv"},
            centrality=[0.5, 0.5],
            hedges={"reuters": [h]},
        )
        return fact

    assert [(h.document, h.text) for h in fact_with(cue).hedged] == [
        ("reuters", "could not independently verify")
    ]
    # a cue of a sentence after, whose scope is its own sentence, does not
    assert not fact_with(replace(cue, scope=Span("reuters", len(told) + 1, len(reuters)))).hedged
