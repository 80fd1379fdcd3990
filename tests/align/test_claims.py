"""Claims: sentences and clauses pinned to exact original characters."""

from __future__ import annotations

from typing import Any

import pytest
import seedkit

from crosswire.align.claims import claim_text, extract_claims, is_boilerplate, trim_sentence
from crosswire.models import AnnotatedDocument, Document, Sentence


def _adoc(nlp: Any, text: str, doc_id: str = "d1") -> AnnotatedDocument:
    return seedkit.annotate([Document(id=doc_id, text=text)], nlp)[0]


@pytest.mark.slow
def test_packed_sentence_splits_into_one_claim_per_coordinated_verb(nlp: Any) -> None:
    text = (
        "Building on this progress, the US hopes to complete several major pending defence sales to India, "
        "expand co-production efforts, strengthen interoperability between the forces and sign a new framework."
    )
    claims = extract_claims(_adoc(nlp, text))
    assert len(claims) == 4
    assert all(c.text.startswith("Building on this progress, the US hopes to") for c in claims)
    assert claims[0].text.endswith("pending defence sales to India")
    assert claims[2].text.endswith("strengthen interoperability between the forces")
    assert claims[3].text.endswith("sign a new framework")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministers reviewed the sale of six patrol aircraft to the navy and the purchase of new "
            "artillery for the army.",
            [
                "The ministers reviewed the sale of six patrol aircraft to the navy",
                "The ministers reviewed the purchase of new artillery for the army",
            ],
        ),
        (
            # the parser hangs "awareness" and its complement on "region": cut by word order
            "They also recognized their shared commitment to a free and open Indo-Pacific region and "
            "awareness of regional security concerns.",
            [
                "They also recognized their shared commitment to a free and open Indo-Pacific region",
                "They also recognized awareness of regional security concerns",
            ],
        ),
    ],
)
def test_coordinated_object_phrases_that_each_state_something_split(
    nlp: Any, text: str, expected: list[str]
) -> None:
    adoc = _adoc(nlp, text)
    claims = extract_claims(adoc)
    assert [c.text for c in claims] == expected
    for c in claims:
        assert not c.whole
        assert " ".join(adoc.document.text[s:e] for s, e in c.parts) == c.text


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Jaishankar also met Rubio to discuss trade, security, critical technologies, connectivity, energy, "
        "and mobility.",
        "The talks covered the new framework and the naval exercises.",
        "Both sides welcomed progress in the negotiations between India and the United States.",
    ],
)
def test_lists_and_short_object_phrases_stay_whole(nlp: Any, text: str) -> None:
    claims = extract_claims(_adoc(nlp, text))
    assert [c.text for c in claims] == [text]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "This meeting underscored the strategic importance both nations place on their defence "
            "partnership, particularly in light of shared security concerns in the Indo-Pacific region.",
            [
                "This meeting underscored the strategic importance both nations place on their defence partnership",
                "particularly in light of shared security concerns in the Indo-Pacific region",
            ],
        ),
        (
            "The ministers agreed to expand trade, especially given the rising costs of energy imports "
            "across the region.",
            [
                "The ministers agreed to expand trade",
                "especially given the rising costs of energy imports across the region",
            ],
        ),
    ],
)
def test_a_closing_adjunct_marked_by_a_focusing_adverb_is_a_claim_of_its_own(
    nlp: Any, text: str, expected: list[str]
) -> None:
    adoc = _adoc(nlp, text)
    claims = extract_claims(adoc)
    assert [c.text for c in claims] == expected
    assert [c.parts for c in claims] == [
        ((0, len(expected[0])),),
        ((len(text) - 1 - len(expected[1]), len(text) - 1),),
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The ministers agreed to expand trade, especially now.",  # too little to stand as a claim
        "The ministers met on Tuesday, particularly to discuss trade with the neighbouring countries.",
        '"We will expand trade, particularly in light of rising energy costs in the region," he said.',
    ],
)
def test_short_adjuncts_other_phrases_and_quotations_stay_whole(nlp: Any, text: str) -> None:
    claims = extract_claims(_adoc(nlp, text))
    assert [c.text for c in claims] == [text]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # an apposition with a verb: an accusation told around the report's own news
            "Marcus Webb, the man accused of shooting Daniel Ortiz outside the Lone Star Tavern early "
            "Friday, had been fired from the same bar last month, two former co-workers said.",
            [
                "Marcus Webb had been fired from the same bar last month, two former co-workers said.",
                "Marcus Webb, the man accused of shooting Daniel Ortiz outside the Lone Star Tavern early Friday",
            ],
        ),
        (
            # a relative clause whose pronoun is its subject reads with the subject in its place
            "Meridian Foods, which employs about 900 people in the county, reported a quarterly loss on Tuesday.",
            [
                "Meridian Foods reported a quarterly loss on Tuesday.",
                "Meridian Foods employs about 900 people in the county",
            ],
        ),
        (
            "That company, which provides data center consulting services, will become a division of HP "
            "for an undisclosed sum.",
            [
                "That company will become a division of HP for an undisclosed sum.",
                "That company provides data center consulting services",
            ],
        ),
        (
            # the subject of what a speaker said
            "Police said that Marcus Webb, the man accused of shooting Daniel Ortiz outside the tavern, had "
            "been fired last month.",
            [
                "Police said that Marcus Webb had been fired last month.",
                "Marcus Webb, the man accused of shooting Daniel Ortiz outside the tavern",
            ],
        ),
        (
            "The agreement, announced during Prime Minister Narendra Modi's visit in February, is expected "
            "to provide a decadal roadmap for defence ties.",
            [
                "The agreement is expected to provide a decadal roadmap for defence ties.",
                "The agreement, announced during Prime Minister Narendra Modi's visit in February",
            ],
        ),
    ],
)
def test_a_modifier_of_the_subject_that_states_something_is_a_claim_of_its_own(
    nlp: Any, text: str, expected: list[str]
) -> None:
    claims = extract_claims(_adoc(nlp, text))
    assert [c.text for c in claims] == expected
    assert [c.aside for c in claims] == [False, True]
    assert all(claim_text(Document(id="d1", text=text), c.parts) == c.text for c in claims)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # a role or an age says who, not what happened
        "Pete Hegseth, the US Defence Secretary of the Trump administration, said the talks went well.",
        "Daniel Ortiz, 31, died at Baylor University Medical Center on Friday.",
        "David Ortiz, Boston's star designated hitter, could veto any trade the club makes this winter.",
        # too little in the modifier
        "The man, who was arrested, died at Baylor University Medical Center on Friday.",
        # the subject of a subordinate clause, and a subject two people share
        "When John Mitchell, the attorney general who ran the campaign committee, approved the plan, the "
        "burglars were hired.",
        "John Mitchell, the attorney general who ran the campaign committee, and Jeb Magruder approved the plan.",
        # a quotation before the modifier ends
        '"The city, which has grown fast in recent years, needs new schools," the mayor said.',
    ],
)
def test_roles_ages_short_and_shared_modifiers_stay_in_their_sentence(nlp: Any, text: str) -> None:
    claims = extract_claims(_adoc(nlp, text))
    assert [c.text for c in claims] == [text]


@pytest.mark.slow
def test_a_relative_clause_closing_the_sentence_is_a_claim_told_in_passing(nlp: Any) -> None:
    # the parser hangs "which" on "inventory"; the claim starts at the phrase the verb governs
    text = (
        "He noted the successful integration of numerous US defence systems into India's military "
        "inventory, which has significantly enhanced India's defence capabilities."
    )
    claims = extract_claims(_adoc(nlp, text))
    assert [c.text for c in claims] == [
        "He noted the successful integration of numerous US defence systems into India's military inventory",
        "the successful integration of numerous US defence systems into India's military inventory, "
        "which has significantly enhanced India's defence capabilities",
    ]
    assert [c.aside for c in claims] == [False, True]
    text = (
        "He was considered the liaison between Mitchell and Sen. James O. Eastland (D), who was chairman "
        "of the Senate Judiciary Committee."
    )
    main = extract_claims(_adoc(nlp, text))[0]
    assert main.text == "He was considered the liaison between Mitchell and Sen. James O. Eastland (D)"
    # closing the sentence but for whom the report has it from: the main claim keeps the tag
    text = "Emergency responders took Chohan to Jamaica Hospital, where she was later pronounced dead, the NYPD said."
    claims = extract_claims(_adoc(nlp, text))
    assert [c.text for c in claims] == [
        "Emergency responders took Chohan to Jamaica Hospital, the NYPD said.",
        "Jamaica Hospital, where she was later pronounced dead",
    ]
    assert [c.aside for c in claims] == [False, True]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The ministers discussed the new plan, all of which was approved by parliament last week.",
        "Chohan was rushed to Jamaica Hospital, where she later died.",  # too little in the clause
        'He told the crowd "we will rebuild the town," which drew loud applause from the stadium.',
        # "which" stands for the clause, not for the month
        "Prices rose 5 percent in March, which surprised most analysts in the city.",
    ],
)
def test_quantified_short_and_quoting_closing_clauses_stay_in_their_sentence(nlp: Any, text: str) -> None:
    claims = extract_claims(_adoc(nlp, text))
    assert [c.text for c in claims] == [text]


@pytest.mark.slow
def test_every_claim_part_is_exact_original_text(seed_extraction: Any) -> None:
    n = 0
    for adoc in seed_extraction.story.documents:
        doc = adoc.document
        for c in extract_claims(adoc, entities=seed_extraction.entities):
            assert " ".join(doc.text[s:e] for s, e in c.parts) == c.text
            assert all(doc.text[s:e].strip() == doc.text[s:e] for s, e in c.parts)
            n += 1
    assert n > 60


@pytest.mark.slow
def test_credit_line_heading_and_dateline_are_not_claims(seed_extraction: Any) -> None:
    texts = [c.text for a in seed_extraction.story.documents for c in extract_claims(a)]
    assert not any("Based On A PTI Report" in t for t in texts)
    assert "Hegseth on defence deals with India" not in texts  # a subheading: no verb
    assert not any(t.startswith("date 2025") for t in texts)
    assert any(t.startswith("During his meeting with External Affairs Minister") for t in texts)


def test_dateline_is_trimmed_from_a_sentence() -> None:
    text = "WASHINGTON, July 2 (PTI) — The two ministers met at the Pentagon on Tuesday."
    doc = Document(id="x", text=text)
    s, e = trim_sentence(doc, 0, len(text))
    assert text[s:e] == "The two ministers met at the Pentagon on Tuesday."


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("BREAKING: An earthquake struck Aceh on Tuesday.", "An earthquake struck Aceh on Tuesday."),
        (
            "Summary: Rich Fichera looks at the risks of the deal.",
            "Rich Fichera looks at the risks of the deal.",
        ),
        ("Editor's note: The talks resumed on Monday.", "The talks resumed on Monday."),
        ("Watchdogs said the talks had failed.", "Watchdogs said the talks had failed."),
        # HuffPollster: the dash after a heading the splitter cut off ("… MISLEADING? - Donald …")
        ("- Donald Trump has enjoyed a 20-point lead.", "Donald Trump has enjoyed a 20-point lead."),
        ("-5 degrees was the low on Monday.", "-5 degrees was the low on Monday."),
    ],
)
def test_a_page_label_is_trimmed_from_a_sentence(text: str, kept: str) -> None:
    s, e = trim_sentence(Document(id="x", text=text), 0, len(text))
    assert text[s:e] == kept


def test_boilerplate_detection() -> None:
    assert is_boilerplate("Based On A PTI Report")
    assert is_boilerplate("Also read: five things to know")
    assert is_boilerplate("Click here to subscribe")
    assert not is_boilerplate("The meeting took place on Tuesday during the summit.")
    # when the page was published is about the article, not the world (two reports' "Published:"
    # lines are no date conflict); nor is a bare address
    assert is_boilerplate("Published: July 28, 2004 at 1:24 PM")
    assert is_boilerplate("Date Published: Tuesday, November 15, 2011")
    assert is_boilerplate("Updated 2025-07-02")
    assert is_boilerplate("http://www.example.com/news/2004/07/28/larue")
    assert not is_boilerplate("Published reports said the minister resigned on Monday.")
    assert not is_boilerplate("The report was published on July 28, 2004 by the agency.")
    # a stretch that is mostly not words: a URL cut at its dots, a time stamp, a score table
    assert is_boilerplate("com / 2007 / US / 04 / 09 / michigan")
    assert is_boilerplate("Updated 4 / 11 / 2007 1: 26 PM")
    assert is_boilerplate("3-1, 2-0, 1-1, 4-2, 0-0 and 2-2 in Group B")
    assert is_boilerplate("News / World / Europe / Geneva talks on Monday")  # a breadcrumb
    # a blog's posting line says when the post went up, not what happened
    assert is_boilerplate(
        "On behalf of Howard R. Sanders, Esq. posted in Pedestrian Accidents on Wednesday, September 18, 2013."
    )
    assert is_boilerplate("posted in Hit and Run Accidents on Friday, September 20, 2013.")
    assert not is_boilerplate("The notice was posted in the lobby on Monday, March 3, 2013 by the landlord.")
    # an embedded post's credit standing alone, its dash gone (Breitbart, 31 Aug 2016)
    assert is_boilerplate("Sahil Kapur (@sahilkapur) September 1, 2016</tweet>.")
    assert not is_boilerplate("Kapur wrote that the hats were a joke, (@sahilkapur) said.")
    # the writer's own lines (Breitbart, HuffPost, AP)
    assert is_boilerplate("Follow Pam Key on Twitter @pamkeyNEN.")
    assert is_boilerplate("Amanda Terkel contributed reporting.")
    assert is_boilerplate("Associated Press writer Ken Thomas in Washington contributed to this report.")
    assert not is_boilerplate("Voters who follow Trump on Twitter are loyal.")
    assert not is_boilerplate("The Clinton Foundation contributed reporting tools to the group last year.")
    assert not is_boilerplate("1 dead, 2 hurt in Mich. office shooting; police say suspect had worked there")
    assert not is_boilerplate("Scores: 3-1, 2-0, 1-1 and 0-0 in the group stage of the cup")


@pytest.mark.slow
def test_claims_list_the_entities_they_name(seed_extraction: Any) -> None:
    adoc = next(a for a in seed_extraction.story.documents if a.document.id.startswith("001"))
    claims = extract_claims(adoc, entities=seed_extraction.entities)
    devine = next(c for c in claims if "Chris Devine" in c.text)
    names = {e.id: e.name for e in seed_extraction.entities}
    assert {"Chris Devine", "Pete Hegseth"} <= {names[e] for e in devine.entities}


def test_without_a_parse_sentences_stay_whole() -> None:
    doc = Document(id="p", text="The US hopes to complete sales, expand co-production and sign a framework.")
    adoc = AnnotatedDocument(doc, (Sentence("p", 0, len(doc.text), doc.text, 0),))
    claims = extract_claims(adoc)
    assert len(claims) == 1 and claims[0].whole and claims[0].text == doc.text


def test_the_rest_of_a_url_cut_at_its_dots_is_no_claim() -> None:
    # ECB+ copy: a URL line split at its dots headed three briefs ("com / news _ item")
    assert is_boilerplate("com / troy-michigan-office-shooting-follow-1 - dead-2 - injured-294072")
    assert is_boilerplate("com / news _ item")
    assert not is_boilerplate("The ratio is 3 / 4 of the well-to-do-ish voters in the county.")


def test_a_time_stamp_line_is_no_claim() -> None:
    # a page's stamp kept in the body: it told the timeline "8: 56am Monday 10th June 2013"
    assert is_boilerplate("8: 56am Monday 10th June 2013")
    assert is_boilerplate("8:56 am, Monday, June 10, 2013 GMT")
    assert not is_boilerplate("Monday 10 June 2013 was the hottest day of the year.")


def test_an_embedded_post_s_credit_is_no_claim() -> None:
    # the post is its author's quote (extract stage); the sentence its credit closes is not the writer's
    assert is_boilerplate("#RINO — Ben Jacobs (@Bencjacobs) September 1, 2016</tweet>.")
    assert is_boilerplate("Just another day in the campaign. — Sahil Kapur (@sahilkapur) September 1, 2016.")
    assert not is_boilerplate("Trump wrote on Twitter (@realDonaldTrump) that the polls were rigged.")
    assert not is_boilerplate("The rally went on - as planned - until late on Wednesday night.")


@pytest.mark.slow
def test_a_lead_in_that_introduces_the_next_lines_is_no_claim(nlp: Any) -> None:
    text = (
        "Senior Defense Spokesman Col. Chris Devine provided the following readout:\n\n"
        "Secretary of Defense Pete Hegseth met with External Affairs Minister S. Jaishankar at the "
        "Pentagon on July 1, 2025.\n\nRubio's press secretary replied on X, tweeting the following:\n\n"
        "The minister said: the talks were productive and will go on in July.\n\n"
        "Police said the man was escorted out of the building and was held outside for nine minutes:\n\n"
        "The officers waited."
    )
    texts = [c.text for c in extract_claims(_adoc(nlp, text))]
    assert not any("following" in t for t in texts)
    # a sentence that states something before its colon is a claim all the same
    assert any(t.startswith("Police said the man was escorted out") for t in texts)
    assert any(t.startswith("Secretary of Defense Pete Hegseth met") for t in texts)
    assert any("the talks were productive" in t for t in texts)  # a colon inside a sentence stays


@pytest.mark.slow
def test_a_no_comment_at_an_edge_of_a_sentence_is_cut_off_when_the_rest_reads_alone(nlp: Any) -> None:
    from crosswire.extract.entities import resolve_entities
    from crosswire.extract.sourcing import sourcing_notes

    text = (
        "Bernie Sanders continues to insist on a contested convention and refuses to answer questions "
        "about his plans.\n\n"
        "Calls to the accounting firm were not answered Monday afternoon; A recording said the offices "
        "were closed.\n\n"
        "Calls to the accounting firm were not answered, and a recording said the offices were closed.\n\n"
        "The firm declined to comment."
    )
    adoc = _adoc(nlp, text)
    notes = sourcing_notes([adoc], resolve_entities([adoc]))
    assert [c.text for c in extract_claims(adoc, sourcing=notes)] == [
        "Bernie Sanders continues to insist on a contested convention",
        "A recording said the offices were closed.",
        # "a recording said …" would not read alone: the sentence stays whole
        "Calls to the accounting firm were not answered, and a recording said the offices were closed.",
    ]


def test_words_reported_across_a_modifier_belong_to_the_main_statement() -> None:
    from crosswire.align import statement_of
    from crosswire.align.claims import Claim
    from crosswire.models import Quote

    text = (
        "He noted the successful integration of numerous US defence systems into India's military "
        "inventory, which has significantly enhanced India's defence capabilities."
    )
    cut = text.index(", which")
    said = text.index("the successful")

    def claim(k: int, s: int, e: int, aside: bool) -> Claim:
        return Claim(
            f"d:0.{k}", "d", 0, (0, len(text)), ((s, e),), text[s:e], 0.0, False, frozenset(), aside=aside
        )

    claims = [claim(1, 0, cut, False), claim(2, said, len(text) - 1, True)]
    # what he noted runs to the end of the sentence, but it is the first claim he is reported for
    quote = Quote("q1", "d", said, len(text) - 1, text[said:-1], "indirect", cue="noted")
    assert statement_of([quote], claims, [[0], [1]]) == {"q1": 0}
    plain = [claims[0], claim(2, said, len(text) - 1, False)]
    assert statement_of([quote], plain, [[0], [1]]) == {"q1": 1}  # without the mark, the larger overlap
