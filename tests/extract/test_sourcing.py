"""Sourcing: unnamed sources, why a report does not name them, and who gave no comment (23rd session)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crosswire.extract.entities import resolve_entities
from crosswire.extract.sourcing import is_unnamed_source, mark_unnamed, no_comment_clauses, sourcing_notes
from crosswire.models import AnnotatedDocument, Document, Mention, Quote, Sentence

# ------------------------------------------------------------------ unnamed sources


@pytest.mark.parametrize(
    "phrase",
    [
        "three people familiar with the matter",
        "people with knowledge of the matter",
        "a person close to the company",
        "the sources",
        "one of the people",
        "the people",
        "Senior officials",
        "American military officials",
        "U.S. officials",
        "one senior administration official",
        "a Pentagon spokesman",
        "A representative for Meridian",
        "One large Meridian shareholder, who spoke on condition of anonymity",
        "two diplomats briefed on the talks",
        "his aides",
    ],
)
def test_a_phrase_describing_a_speaker_without_a_name_is_an_unnamed_source(phrase: str) -> None:
    assert is_unnamed_source(phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "the company",
        "the Pentagon",
        "the president",
        "Reuters",
        "Pete Hegseth",
        "he",
        "they",
        "the report",
        "The defence secretary",
        "the people's republic",  # a head followed by more name is no head
        "officials' statement",
        "his Twitter followers as the source for some of his claims",
        "Business Insider",  # a capital head is a name
    ],
)
def test_an_institution_a_title_or_a_pronoun_is_not_an_unnamed_source(phrase: str) -> None:
    assert not is_unnamed_source(phrase)


# ------------------------------------------------------------------- no comment


def _clause(text: str) -> list[tuple[str, str, str]]:
    return [(text[a:e], text[a:s], d) for a, s, e, d in no_comment_clauses(text)]


def test_no_comment_clauses_run_from_their_subject_to_the_end_of_the_predicate() -> None:
    assert _clause("Harbor Freight declined to comment.") == [
        ("Harbor Freight declined to comment", "Harbor Freight", "declined")
    ]
    assert _clause("But the company could not be reached for comment on Tuesday.") == [
        ("the company could not be reached for comment on Tuesday", "the company", "could not be reached")
    ]
    text = "Meridian, which employs about 900 people, did not respond to requests for comment."
    assert _clause(text) == [(text[:-1], "Meridian, which employs about 900 people", "did not respond")]
    assert _clause("Fiorina, 61, declined multiple requests for an interview for this article.")[0][1:] == (
        "Fiorina, 61",
        "declined",
    )
    # a clause of news after the no-comment is not part of it
    (clause,) = _clause("The ministry declined to comment, but its staff were told to pack.")
    assert clause[0] == "The ministry declined to comment"
    # said of the attempt: the call, the message, the request (ECB+ 18, four reports)
    (clause,) = _clause("Calls to Gordon Advisors were not answered Monday afternoon, and a recording said …")
    assert clause == (
        "Calls to Gordon Advisors were not answered Monday afternoon",
        "Calls to Gordon Advisors",
        "did not respond",
    )
    assert _clause("A message left with a spokesman for the state police was not immediately returned.")


@pytest.mark.parametrize(
    "text",
    [
        "The army did not respond to the attack until Friday.",  # no request for comment
        "Police said they had no suspects.",
        "The minister declined an invitation to the summit.",
        "The conservative majority on the Supreme Court refused requests to stop the count.",
        "The candidates did not respond to the union questionnaire.",  # news, not a no-comment
        "The calls were answered by a recording.",
        "His request for asylum was not granted.",
    ],
)
def test_other_refusals_and_responses_are_no_no_comment(text: str) -> None:
    assert _clause(text) == []


def _doc(doc_id: str, text: str, tagged: list[tuple[str, str]] = ()) -> AnnotatedDocument:  # type: ignore[assignment]
    """One-sentence-per-line document with each (surface, label) tagged wherever it occurs."""
    sentences, start = [], 0
    for k, line in enumerate(text.split("\n")):
        sentences.append(Sentence(doc_id, start, start + len(line), line, k))
        start += len(line) + 1
    mentions = [
        Mention(doc_id, i, i + len(name), name, label)
        for name, label in tagged
        for i in range(len(text))
        if text.startswith(name, i)
    ]
    return AnnotatedDocument(Document(id=doc_id, text=text), tuple(sentences), tuple(mentions))


def test_a_second_no_comment_of_one_subject_is_theirs_too() -> None:
    text = "Several superdelegates declined to comment, didn't respond to requests for comment or left."
    notes = sourcing_notes([_doc("d", text)])
    subjects = [text[n.who_span.start : n.who_span.end] for n in notes if n.who_span is not None]
    assert [n.detail for n in notes] == ["declined", "did not respond"]
    assert subjects == ["Several superdelegates", "Several superdelegates"]


def test_anonymity_grants_and_no_comments_are_notes_with_whom() -> None:
    text = (
        "A deal could come next week, the sources said, asking not to be identified because the talks are private.\n"
        "One shareholder, who spoke on condition of anonymity, said the price was low.\n"
        "A senior official, who was not authorized to speak publicly, confirmed the talks.\n"
        "Harbor Freight declined to comment.\n"
        "A representative for Meridian did not immediately respond to an email."
    )
    adoc = _doc("d", text, [("Harbor Freight Lines Inc.", "ORG"), ("Meridian Rail Corp.", "ORG")])
    # the full names are in another report of the story: "Harbor Freight" and "Meridian" are theirs
    other = _doc("o", "Harbor Freight Lines Inc. will buy Meridian Rail Corp.", [
        ("Harbor Freight Lines Inc.", "ORG"), ("Meridian Rail Corp.", "ORG"), ("Meridian", "NORP")
    ])  # fmt: skip
    entities = resolve_entities([adoc, other])
    notes = [n for n in sourcing_notes([adoc], entities)]
    said = [(n.kind, text[n.start : n.end], n.detail, n.who) for n in notes]
    assert said == [
        ("anonymity", "asking not to be identified because the talks are private", None, None),
        ("anonymity", "who spoke on condition of anonymity", None, None),
        ("anonymity", "who was not authorized to speak publicly", None, None),
        ("no comment", "Harbor Freight declined to comment", "declined", "e-harbor-freight-lines-inc"),
        (
            "no comment",
            "A representative for Meridian did not immediately respond to an email",
            "did not respond",
            "e-meridian-rail-corp",
        ),
    ]


def test_anonymity_inside_a_quotation_or_merely_mentioned_is_no_grant() -> None:
    text = (
        '"Leaks come from sources hiding behind a cloak of anonymity," said Nick Merrill.\n'
        "The candidate has made anonymity a campaign theme.\n"
        "One aide requested anonymity to discuss private talks."
    )
    notes = sourcing_notes([_doc("d", text)])
    assert [text[n.start : n.end] for n in notes] == ["requested anonymity to discuss private talks"]


def test_a_statement_running_into_a_grant_stays_a_quote_the_grant_alone_does_not() -> None:
    text = "He was unable to find a single taker, he said, on condition of anonymity to speak freely."
    adoc = _doc("d", text)
    notes = sourcing_notes([adoc])
    assert [text[n.start : n.end] for n in notes] == ["on condition of anonymity to speak freely"]

    def quote(words: str) -> Quote:
        start = text.index(words)
        return Quote(f"q{start}", "d", start, start + len(words), words, "indirect")

    statement = quote(
        "He was unable to find a single taker, he said, on condition of anonymity to speak freely"
    )
    grant = quote("anonymity to speak freely")
    assert mark_unnamed([statement, grant], [adoc], notes) == [statement]


# ------------------------------------------------------------ quotes, on real parses


@pytest.mark.slow
def test_quotes_resting_on_unnamed_sources_say_so_and_sourcing_clauses_are_no_quotes(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    from crosswire.extract import extract_story
    from crosswire.models import Story, StoryDocs

    reuters = annotate_text(
        "reuters",
        "Harbor Freight Lines Inc is in advanced talks to acquire Meridian Rail Corp for about $4.2 "
        "billion, three people familiar with the matter said on Monday.\n\n"
        "A deal could be announced as soon as next week, the sources said, asking not to be "
        "identified because the discussions are confidential.\n\n"
        "Harbor Freight declined to comment.\n\n"
        "A Harbor Freight spokeswoman, Dana Ruiz, said the company does not comment on rumors.",
    )
    herald = annotate_text(
        "herald",
        "Harbor Freight Lines is in advanced talks to acquire Meridian Rail for about $4.2 billion, "
        "Reuters reported on Monday, citing three people familiar with the matter.",
    )
    ex = extract_story(StoryDocs(Story("s", ("reuters", "herald")), (reuters, herald)))

    def unnamed(doc: AnnotatedDocument, starts: str) -> str | None:
        (q,) = [q for q in ex.quotes if q.document == doc.document.id and q.text.startswith(starts)]
        return doc.document.text[q.unnamed.start : q.unnamed.end] if q.unnamed else None

    assert unnamed(reuters, "Harbor Freight Lines Inc is in") == "three people familiar with the matter"
    assert unnamed(reuters, "A deal could be announced") == "the sources"
    assert unnamed(reuters, "the company does not comment") is None  # Dana Ruiz is named
    # a named relay citing unnamed sources rests on them; "citing …" itself is no quote
    assert unnamed(herald, "Harbor Freight Lines is in") == "three people familiar with the matter"
    texts = [q.text for q in ex.quotes]
    assert not [t for t in texts if "identified" in t or t.startswith(("to comment", "three people"))]
    kinds = [(n.document, n.kind) for n in ex.sourcing]
    assert ("reuters", "anonymity") in kinds and ("reuters", "no comment") in kinds
    assert kinds.count(("herald", "unnamed source")) == 1


@pytest.mark.slow
def test_a_no_comment_is_its_subjects_and_a_coordinated_one_only_its_own_predicate(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "Ramos said Trump has not replied to his interview requests.\n\n"
        "Bernie Sanders continues to insist on a contested convention and refuses to answer questions about his plans.\n\n"
        "Trump's campaign manager, Corey Lewandowski, declined to comment.\n\n"
        "Iran's mission to the United Nations did not respond to a request for comment.\n\n"
        "The publisher W. W. Norton, which declined to comment, returned the rights to Mr. Klein.\n\n"
        "“As such, the foundation has no comment on the actions of that person,” the statement said.\n\n"
        "Calls to the accounting firm Gordon Advisors were not answered Monday afternoon."
    )
    adoc = annotate_text("d", text)
    entities = resolve_entities([adoc])
    names = {e.id: e.name for e in entities}
    notes = [n for n in sourcing_notes([adoc], entities) if n.kind == "no comment"]
    said = [(adoc.document.text[n.start : n.end], names.get(n.who or "")) for n in notes]
    assert said == [
        ("Trump has not replied to his interview requests", "Trump"),
        ("refuses to answer questions about his plans", "Bernie Sanders"),
        ("Trump's campaign manager, Corey Lewandowski, declined to comment", "Corey Lewandowski"),
        ("Iran's mission to the United Nations did not respond to a request for comment", "Iran"),
        ("declined to comment", "W. W. Norton"),  # a relative clause: only its predicate, to its comma
        # whom the calls went to
        (
            "Calls to the accounting firm Gordon Advisors were not answered Monday afternoon",
            "Gordon Advisors",
        ),
    ]  # the foundation's "no comment" is inside its own statement: words on the record


@pytest.mark.slow
def test_someone_inside_a_named_persons_account_is_no_unnamed_source_of_the_report(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    from crosswire.extract import extract_story
    from crosswire.models import Story, StoryDocs

    post = annotate_text(
        "post",
        'Unique Armstead, 32, testified that after she overheard someone say "he has a gun," she took '
        "refuge inside a corner bodega with her son.\n\nA witness said the shooter fled on foot.",
    )
    ex = extract_story(StoryDocs(Story("s", ("post",)), (post,)))
    inside = [q for q in ex.quotes if q.speaker_text == "someone"]
    assert inside and all(q.unnamed is None for q in inside)  # Armstead, named, is the report's source
    (witness,) = [q for q in ex.quotes if q.text.startswith("the shooter fled")]
    assert witness.unnamed is not None  # the report's own unnamed witness still is one
    assert [n.kind for n in ex.sourcing] == ["unnamed source"]


def test_a_report_saying_it_could_not_verify_what_it_tells_has_one_note_per_sentence() -> None:
    from crosswire.extract.hedges import find_hedges
    from crosswire.extract.sourcing import unverified_notes
    from crosswire.models import AnnotatedDocument, Document, Sentence

    text = "A video appears to show the men arguing.\nThe video could not be independently verified.\n"
    cut = text.index("The video")
    sentences = (Sentence("d", 0, cut, text[:cut], 0), Sentence("d", cut, len(text), text[cut:], 1))
    adoc = AnnotatedDocument(Document(id="d", text=text), sentences)
    hedges = find_hedges(adoc)
    assert len([h for h in hedges if h.kind == "unverified"]) == 2  # its own sentence, and the one before
    (note,) = unverified_notes([adoc], hedges)
    assert (note.kind, text[note.start : note.end]) == (
        "unverified",
        "The video could not be independently verified.",
    )
