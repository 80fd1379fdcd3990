"""Hedges: the words by which a report says less than that something is so (24th session)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crosswire.extract.hedges import find_hedges, hedge_cues
from crosswire.models import AnnotatedDocument, Document, Sentence


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("Lopez allegedly fired 13 shots from a rooftop.", "allegedly", "alleged"),
        ("Carrasquillo is suspected of having directed Lopez.", "suspected", "alleged"),
        ("The man was arrested on suspicion of murder.", "on suspicion of", "alleged"),
        ("the two youths charged with murdering Horton", "charged with", "alleged"),
        ("Lopez is accused of spraying 13 shots.", "accused", "alleged"),
        ("The man claimed that he was threatened.", "claimed that", "alleged"),
        ("He is said to have fled to Mexico.", "is said to", "reported"),
        ("Lopez was reportedly aiming for an 11-year-old girl.", "reportedly", "reported"),
        ("The brothers are believed to be members of 8 Block.", "are believed to", "reported"),
        ("According to local media reports, 12 people died.", "According to local media reports", "reported"),
        ("The death toll may rise.", "may", "uncertain"),
        ("The gunman might have fled.", "might", "uncertain"),
        ("He could have killed them all.", "could have killed", "uncertain"),
        ("He will likely resign.", "will likely", "uncertain"),
        ("The shooting was apparently sparked by a feud.", "apparently", "uncertain"),
        ("A video appears to show the two men arguing.", "appears to", "uncertain"),
        ("Trump seemed to overstay his welcome.", "seemed to", "uncertain"),
        ("We assess it is possible that hostile actors gained access.", "it is possible", "uncertain"),
        ("Two nuns were found slain in a possible break-in.", "possible", "uncertain"),
        ("a job he's widely believed to want", "'s widely believed to", "reported"),
        ("Trump claims he's worth $10 billion.", "claims", "alleged"),
        ("Schoen told Hannity a Clinton loss is increasingly likely.", "is increasingly likely", "uncertain"),
        ("The field appeared poised to narrow further.", "appeared poised", "uncertain"),
        (
            "The video could not be independently verified.",
            "could not be independently verified",
            "unverified",
        ),
        ("Reuters was unable to verify the reports.", "was unable to verify", "unverified"),
        ("Her death has not been confirmed.", "has not been confirmed", "unverified"),
        (
            "It was not possible to independently confirm the account.",
            "was not possible to independently confirm",
            "unverified",
        ),
        ("CNN has not been able to confirm the footage.", "has not been able to confirm", "unverified"),
    ],
)
def test_a_hedge_cue_and_its_kind(text: str, cue: str, kind: str) -> None:
    assert [(text[s:e], k) for s, e, k in hedge_cues(text)] == [(cue, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "The group claimed responsibility for the attack.",  # what it did, not a disputed claim
        "Sanders claimed momentum in his victory speech.",
        "According to Reuters reports, 12 people died.",  # a named source
        "The treaty was signed on May 5 in Paris.",  # a month
        "Theresa May said the talks would go on.",  # a name
        "The talks began in may 2016.",  # a month in a text in lower case
        "The country's military might is large.",  # a noun
        "The US can soon complete several major defence sales.",  # ability, not doubt
        "The results could have a big impact on health care.",  # a forecast, no past
        "Women are more likely to vote than men.",  # a share of people
        "When the fight appeared to die down, she went back out.",  # what a witness saw then
        "She said that when the street seemed to have settled, she walked back outside.",
        "It is possible to be kind and at the same time very tough.",  # no doubt of a thing
        "An Iowa voter asked if she might consider appointing Obama.",  # a question asked
        'Asked what that might look like, she said: "We\'ll figure that out."',
        "The United States has not publicly accused Russia of being behind the hack.",
        "Clinton may hold a lead in pledged delegates, but that will not intimidate Sanders.",
        "The line may as well have been lifted from the 2012 script.",
        "The agency will confront terrorist activities wherever they may occur.",
        "A new 10-year framework is expected to be signed soon.",  # a plan, not a doubt
        "Marcus Webb shot Daniel Ortiz early Friday.",
    ],
)
def test_no_hedge(text: str) -> None:
    assert hedge_cues(text) == []


def test_overlapping_cues_are_one_and_hedges_cite_the_original() -> None:
    text = "He is likely to win.\n\nThe video, which could not be verified, appears to show him."
    assert [text[s:e] for s, e, _ in hedge_cues(text)] == ["is likely", "could not be verified", "appears to"]
    doc = Document(id="d", text=text)
    sentences = (Sentence("d", 0, 20, text[:20], 0), Sentence("d", 22, len(text), text[22:], 1))
    hedges = find_hedges(AnnotatedDocument(doc, sentences))
    for h in hedges:
        assert doc.text[h.start : h.end] == h.text and h.document == "d"
    # without a parse a cue bears on its sentence
    assert [(h.scope.start, h.scope.end) for h in hedges if h.scope] == [
        (0, 20),
        (22, len(text)),
        (22, len(text)),
    ]


def test_what_a_report_could_not_verify_in_the_sentence_before_is_hedged_there() -> None:
    text = (
        "A video posted online appears to show the two men arguing. Reuters could not independently "
        "verify the video.\n\nThe suspect was charged on Saturday. Police could not confirm whether he "
        "had a lawyer.\n\nThe claims could not be verified.\n\nTroops fired on the crowd, witnesses said. "
        "This could not be independently confirmed."
    )
    cuts = [
        0,
        text.index("Reuters"),
        text.index("The suspect"),
        text.index("Police"),
        text.index("The claims"),
        text.index("Troops"),
        text.index("This could"),
    ]
    ends = [*cuts[1:], len(text)]
    paragraphs = [0, 0, 1, 1, 2, 3, 3]
    sentences = tuple(
        Sentence("d", a, b, text[a:b], k, p)
        for k, (a, b, p) in enumerate(zip(cuts, ends, paragraphs, strict=True))
    )
    hedges = find_hedges(AnnotatedDocument(Document(id="d", text=text), sentences))
    about = [(h.text, text[h.scope.start : h.scope.end].strip()) for h in hedges if h.scope]
    # the video's sentence is hedged by the next one, which hedges itself too
    assert ("could not independently verify", sentences[0].text.strip()) in about
    assert ("could not independently verify", sentences[1].text.strip()) in about
    # whether he had a lawyer is news of its own; "the claims" opens its paragraph: nothing before
    assert [x for x in about if x[0] == "could not confirm"] == [
        ("could not confirm", sentences[3].text.strip())
    ]
    assert [x for x in about if x[0] == "could not be verified"] == [
        ("could not be verified", sentences[4].text.strip())
    ]
    # "This" points back at the sentence before
    assert ("could not be independently confirmed", sentences[5].text.strip()) in about


def test_a_cue_bears_on_the_phrase_it_governs(annotate_text: Callable[[str, str], AnnotatedDocument]) -> None:
    text = (
        "In a move that suggests there might be life in the old dog yet, AMD has acquired SeaMicro.\n\n"
        "Lopez allegedly fired 13 shots from a rooftop.\n\n"
        "Marcus Webb, the man accused of shooting Daniel Ortiz, had been fired from the bar."
    )
    adoc = annotate_text("d", text)
    scopes = {h.text: text[h.scope.start : h.scope.end] for h in find_hedges(adoc) if h.scope}
    assert "AMD has acquired" not in scopes["might"] and "old dog" in scopes["might"]
    assert scopes["allegedly"].startswith("Lopez allegedly fired 13 shots from a rooftop")
    assert scopes["accused"] == "accused of shooting Daniel Ortiz"
