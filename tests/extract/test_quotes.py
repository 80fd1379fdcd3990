"""Quotes with their speakers: quotation-mark pairing, the five seed reports, speaker linking."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from crosswire.extract.quotes import extract_quotes, link_speakers
from crosswire.extract.quotes_marks import find_quoted
from crosswire.extract.quotes_stance import stance_content
from crosswire.models import AnnotatedDocument, Document, Entity, Quote, Span

# --------------------------------------------------------------------- helpers


def _contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


def _assert_offsets(quotes: Sequence[Quote], text: str) -> None:
    """Every span a quote carries is exact in the original text."""
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert q.id == f"q-{q.document}-{q.start}"
        if q.speaker_span is not None:
            assert (q.speaker_span.document, text[q.speaker_span.start : q.speaker_span.end]) == (
                q.document,
                q.speaker_text,
            )
        if q.cue_span is not None:
            assert text[q.cue_span.start : q.cue_span.end] == q.cue


def _one(quotes: Sequence[Quote], starts: str, kind: str | None = None) -> Quote:
    hits = [q for q in quotes if q.text.startswith(starts) and (kind is None or q.kind == kind)]
    assert len(hits) == 1, (
        f"{len(hits)} quotes start with {starts!r} (kind {kind}): {[q.text[:40] for q in quotes]}"
    )
    return hits[0]


def _words(text: str, span: Span | None) -> str | None:
    return text[span.start : span.end] if span is not None else None


# ------------------------------------------------------ quotation-mark pairing


def test_pairs_straight_curly_and_mismatched_marks() -> None:
    text = '"We\'re eager. They\'re deep”, he said. “It\'s not," she said. "Plain" and “curly”.'
    assert _contents(text) == ["We're eager. They're deep", "It's not", "Plain", "curly"]


def test_a_mark_with_blanks_on_both_sides_closes_the_open_quotation() -> None:
    # badly spaced copy: the closing mark stands between blanks, and the paragraph goes on
    text = '"It was fun today, competing out there, " Charles said.\n"It was fun going out there. "\nNext.'
    assert _contents(text) == ["It was fun today, competing out there", "It was fun going out there."]
    assert _contents('He is 6 " tall and said "hello there" to me.') == [
        "hello there"
    ]  # nothing open: ignored


def test_a_quotation_dash_after_a_closing_mark_does_not_make_it_an_opening_one() -> None:
    text = "“He is ignorant of our culture.”― Pamela Padilla\n“I’m so ashamed.” ― Jacklyn Ashley"
    assert _contents(text) == ["He is ignorant of our culture.", "I’m so ashamed."]


def test_pairs_doubled_apostrophes_of_wire_archives() -> None:
    text = "''We finally may be seeing some wage acceleration,'' the economist wrote. It's Bernstein's."
    assert _contents(text) == ["We finally may be seeing some wage acceleration"]


def test_quotation_running_over_paragraphs_is_split_per_paragraph() -> None:
    text = 'He said: "The first paragraph ends open.\n\n"The second one closes." Then more.'
    found = find_quoted(text)
    assert [text[q.start : q.end] for q in found] == [
        "The first paragraph ends open.",
        "The second one closes.",
    ]
    assert (found[0].continues, found[0].close, found[1].continued) == (True, None, True)


def test_stray_mark_does_not_swallow_the_next_paragraph() -> None:
    text = 'The pipe is 5" wide and "quoted\n\nNext paragraph "here".'
    assert _contents(text) == ["here"]


def test_a_paragraph_ending_on_its_own_attribution_lost_its_closing_mark() -> None:
    # The next paragraph opens a mark, which by the printers' convention would continue the
    # quotation; but the paragraph ends with its attribution, so the closing mark is missing.
    text = (
        '"By rolling back this rule we are ensuring that species receive the full protection'
        " of the law, the two men said in a statement.\n"
        '"Federal agencies will once again have to consult with biologists. "\nNo word on bears.'
    )
    found = find_quoted(text)
    assert [text[q.start : q.end] for q in found] == [
        "By rolling back this rule we are ensuring that species receive the full protection of the law",
        "Federal agencies will once again have to consult with biologists.",
    ]
    assert not found[0].continues
    # the inverted tag, before a paragraph that does not open a mark (a stray mark otherwise)
    assert _contents('"Keep the papers, said Kessel, whose group helps.\nNext.') == ["Keep the papers"]
    # a reported clause inside a continued quotation is not its tag
    text = '"The cap rose to 85,000. Then, in 2017, Kerry said that 100,000 would come.\n\n"That adds up."'
    assert _contents(text) == [
        "The cap rose to 85,000. Then, in 2017, Kerry said that 100,000 would come.",
        "That adds up.",
    ]


@pytest.mark.slow
def test_the_attribution_of_a_quotation_missing_its_closing_mark_is_not_quoted(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "Salazar and Locke restored the rule.\n"
        '"By rolling back this rule we are ensuring that species receive the full protection'
        " of the law, the two men said in a statement.\n"
        '"Federal agencies will once again have to consult with biologists. "\n'
    )
    quotes = extract_quotes(annotate_text("t-unclosed", text))
    _assert_offsets(quotes, text)
    first = _one(quotes, "By rolling back")
    assert first.text.endswith("protection of the law")
    assert (first.kind, first.speaker_text) == ("direct", "the two men")


def test_single_quotes_and_apostrophes_are_not_paired() -> None:
    assert _contents("It's ‘in their heads’ and the voters' mood.") == []


# --------------------------------------------------------------- seed reports


@pytest.fixture(scope="module")
def seed_quotes(seed_annotated: list[Any]) -> dict[str, tuple[str, list[Quote]]]:
    """Prefix → (original text, quotes linked to the story's entities)."""
    from crosswire.extract.entities import resolve_entities

    entities = resolve_entities(seed_annotated)
    out = {}
    for adoc in seed_annotated:
        quotes = link_speakers(extract_quotes(adoc), entities, seed_annotated)
        out[adoc.document.id[:3]] = (adoc.document.text, quotes)
    return out


@pytest.mark.slow
def test_seed_spans_are_exact(seed_quotes: dict[str, tuple[str, list[Quote]]]) -> None:
    assert sum(len(qs) for _, qs in seed_quotes.values()) >= 30
    for text, quotes in seed_quotes.values():
        _assert_offsets(quotes, text)
        assert len({q.id for q in quotes}) == len(quotes)


@pytest.mark.slow
def test_seed_002_direct_quotes_and_speakers(seed_quotes: dict[str, tuple[str, list[Quote]]]) -> None:
    text, qs = seed_quotes["002"]
    # Mismatched marks "…” around two sentences, speaker after the quotation.
    q = _one(qs, "We're eager", "direct")
    assert q.text == "We're eager to work alongside you to realise our shared goals. They're deep and ongoing"
    assert (q.speaker, q.speaker_text, q.cue) == ("e-pete-hegseth", "Hegseth", "said")
    assert text[q.start - 1] == '"' and text[q.end] == "”"

    q = _one(qs, "one of the most consequential pillars", "partial")
    assert (q.speaker, q.speaker_text) == ("e-s-jaishankar", "Jaishankar")

    # Two sentences, one attribution: both quoted sentences are Jaishankar's.
    first = _one(qs, "It's not built merely on shared interests", "direct")
    second = _one(qs, "And what we do in the Indo-Pacific", "direct")
    assert first.text.endswith("of capabilities, of responsibilities")
    assert second.text.endswith("crucial to its strategic stability.")
    assert first.speaker == second.speaker == "e-s-jaishankar"

    # "he said": the pronoun is kept as written, its antecedent is the previous speaker.
    for start in ("The world is a complicated place", "and certainly our partnership"):
        q = _one(qs, start, "direct")
        assert q.speaker_text == "he"
        assert _words(text, q.speaker_antecedent) == "Jaishankar"
        assert q.speaker == "e-s-jaishankar"

    q = _one(qs, "The United States is very pleased", "direct")
    assert q.speaker == "e-pete-hegseth"

    q = _one(qs, "Had a productive conversation", "direct")
    assert (q.speaker, q.speaker_text, q.cue) == ("e-s-jaishankar", "Jaishankar", "posted on X")

    # "He posted on X" — He is Rajnath Singh, subject of the sentence before.
    q = _one(qs, "excellent discussion to review", "partial")
    assert (q.speaker_text, _words(text, q.speaker_antecedent)) == ("He", "Rajnath Singh")
    assert q.speaker == "e-rajnath-singh"
    q = _one(qs, "deep appreciation for the unwavering support", "partial")
    assert q.speaker == "e-rajnath-singh"

    # A role noun phrase is linked through the entity's roles ("Defence Secretary").
    q = _one(qs, "set a strong foundation", "partial")
    assert (q.speaker_text, q.speaker) == ("The defence secretary", "e-pete-hegseth")
    q = _one(qs, "And our nations boast", "direct")
    assert (q.speaker_text, q.cue, q.speaker) == ("he", "added", "e-pete-hegseth")
    assert _words(text, q.speaker_antecedent) == "The defence secretary"


@pytest.mark.slow
def test_seed_002_indirect_speech(seed_quotes: dict[str, tuple[str, list[Quote]]]) -> None:
    _, qs = seed_quotes["002"]
    q = _one(qs, "the US and India are mutually aware", "indirect")
    assert q.text.endswith("have the ability to counter that threat together")
    assert (q.speaker_text, q.speaker) == ("US Defence Secretary Pete Hegseth", "e-pete-hegseth")
    q = _one(qs, "they discussed weapons sales", "indirect")
    assert (q.cue, q.speaker_text, q.speaker) == ("According to", "the Pentagon", "e-pentagon")
    q = _one(qs, "India has also deployed", "indirect")
    assert (q.speaker_text, q.speaker) == ("it", "e-pentagon")


@pytest.mark.slow
def test_seed_001_indirect_speech(seed_quotes: dict[str, tuple[str, list[Quote]]]) -> None:
    text, qs = seed_quotes["001"]
    q = _one(qs, "the U.S. and India are mutually aware", "indirect")
    assert q.text == (
        "the U.S. and India are mutually aware of the security concerns in the Indo-Pacific region "
        "and possess the ability to counter those threats together"
    )
    assert (q.speaker_text, q.cue, q.speaker) == ("Hegseth", "stated", "e-pete-hegseth")
    assert text[q.start - 5 : q.start] == "that "


@pytest.mark.slow
def test_seed_000_partial_quote(seed_quotes: dict[str, tuple[str, list[Quote]]]) -> None:
    _, qs = seed_quotes["000"]
    q = _one(qs, "one of the most consequential pillars", "partial")
    assert q.text == "one of the most consequential pillars"
    assert (q.speaker_text, q.cue, q.speaker) == ("Jaishankar", "described", "e-s-jaishankar")


@pytest.mark.slow
def test_seed_004_post_on_x(seed_quotes: dict[str, tuple[str, list[Quote]]]) -> None:
    _, qs = seed_quotes["004"]
    q = _one(qs, "Great meeting yesterday with", "direct")
    assert q.text == "Great meeting yesterday with Indian Minister of External Affairs S Jaishankar"
    assert (q.speaker_text, q.cue, q.speaker) == ("Hegseth", "posted on X", "e-pete-hegseth")
    q = _one(qs, "Thank you, Mr. Minister", "direct")
    assert (q.speaker_text, q.speaker) == ("he", "e-pete-hegseth")


# ------------------------------------------------------- made-up documents


@pytest.mark.slow
def test_pronoun_without_antecedent_stays_unresolved(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    adoc = annotate_text("t-pronoun", "He said the budget would pass next week, and it did.")
    (q,) = [q for q in extract_quotes(adoc) if q.kind == "indirect"]
    assert (q.text, q.speaker_text, q.speaker_antecedent) == ("the budget would pass next week", "He", None)
    assert link_speakers([q], [], [adoc])[0].speaker is None


@pytest.mark.slow
def test_he_is_the_main_clause_subject_not_a_name_inside_what_was_claimed(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "At a rally in Texas, Mr. Trump was just as blunt, claiming without any evidence that "
        "President Obama wanted to take in 250,000 Syrian refugees. “You'd have to be insane,” he said."
    )
    adoc = annotate_text("t-main", text)
    q = _one(extract_quotes(adoc), "You'd have to be insane", "direct")
    assert q.speaker_text == "he"
    assert _words(text, q.speaker_antecedent) in {"Trump", "Mr. Trump"}  # not "President Obama"


_SANDERS = (
    "Backers of Hillary Clinton and Bernie Sanders avoided fights over policy at their first "
    "platform committee hearing Wednesday.\n"
    "Sanders’ only route to the nomination now is to persuade the superdelegates who’ve "
    "already backed Clinton to switch. But groups that have endorsed him say they believe "
    "superdelegates should pick the candidate who won the most pledged delegates, putting "
    "them at odds with Sanders’ stated plans.\n"
    "The Vermont senator vowed last month to take his campaign all the way to the "
    "convention. He sent out a fundraising email as the platform committee meeting began "
    "vowing to “fight for every vote” in the last primary in Washington on Tuesday. Sanders "
    "also pledged to “bring our political revolution” to the convention.\n"
    "“I am pretty good at arithmetic, and I know that the fight in front of us is a very "
    "steep fight,” he said in the email.\n"
)
_WASSERMAN_SCHULTZ = (
    "Florida Rep. Debbie Wasserman Schultz, the Democratic National Committee’s chair, chose "
    "four members.\n"
    "Wasserman Schultz, who is reviled by progressives, said at the hearing that drafting "
    "the platform “is an open process.” Sanders endorsed and has raised money for her "
    "primary challenger in Florida, law professor Tim Canova.\n"
    "“Do not let the perfect be the enemy of the good,” she said, in an implicit caution to "
    "Sanders backers.\n"
)

# Pronoun speakers and the antecedent they must get: (text, the quote's first words, its kind,
# the antecedents accepted — empty when nothing may be guessed).
_PRONOUN_CASES: dict[str, tuple[str, str, str, set[str]]] = {
    # gender from an honorific: "she" is not the man the document calls "Mr."
    "not-a-man-called-mr": (
        "Ms. Rawlings, 51, drove from Baltimore for the opening. Mr. Lewis greeted the crowd at "
        "the entrance of the museum.\n\n“It never crossed my mind that I would see this day,” she said.\n",
        "It never crossed my mind",
        "direct",
        {"Rawlings", "Ms. Rawlings"},
    ),
    # reported speech is the writer's: "since his arrest, the paper reports" makes Simpson "he"
    "reported-speech-genders": (
        "Trial is set for June 17 for 26-year-old Christopher Kenyon Simpson of Fort Coffee, who is "
        "accused of fatally shooting Ka'Loni Marie Flynn of Fort Smith.\n"
        "The Southwest Times Record reports Simpson has been held without bond at the LeFlore "
        "County Jail since his arrest on June 21.\n"
        "Flynn's body was found in a car near Spiro on April 9.\n"
        "Prosecutors allege Simpson shot Flynn after she told him she was pregnant.\n",
        "she was pregnant",
        "indirect",
        set(),
    ),
    # "second-guess" read as a noun leaves the name as the sentence's head, still its subject
    "name-left-as-the-head": (
        "“It's not as if he overlooked the facts,” said Steven Aftergood, director of the "
        "Project on Government Secrecy.\n\n"
        "Rep. Devin Nunes (R-Calif.), chairman of the House Intelligence Committee, didn’t "
        "second-guess Comey’s recommendation on prosecution, but he did call for more "
        "accountability down the road.\n",
        "more accountability",
        "indirect",
        {"Rep. Devin Nunes", "Devin Nunes"},
    ),
    # a fronted clause's "he" looks ahead to the name that is the main clause's subject
    "looks-ahead-to-the-main-subject": (
        "“That would change the whole texture of the story,” Aftergood said.\n\n"
        "Even as he accused the Justice Department of giving Clinton special treatment, Giuliani "
        "wouldn’t directly speculate about Comey’s motives.\n",
        "the Justice Department of giving",
        "indirect",
        {"Giuliani"},
    ),
    # a speaker inside someone else's reported clause is not who "He said" goes on to be
    "not-the-speaker-inside-a-report": (
        "White House spokesman Josh Earnest said Monday that President Barack Obama has long "
        "called for tax fairness and for relief for middle class families. He said Obama hopes "
        "that his successor will push for the same goals.\n",
        "Obama hopes",
        "indirect",
        {"White House spokesman Josh Earnest", "Josh Earnest"},
    ),
    # a name the model did not tag, subject of the main clause, is closer than a tagged one
    "an-untagged-subject-is-closer": (
        "“The basic problem here is that the laws are a patchwork,” said Stephen Vladeck of the "
        "University of Texas School of Law.\n\n"
        "Lynch still has the final say on whether Clinton faces prosecution, and though she has "
        "said she’ll accept the recommendation of the career prosecutors, Republicans are still "
        "crying foul.\n",
        "she’ll accept",
        "indirect",
        {"Lynch"},
    ),
    # ... but not a name inside what was testified: "he" is still whoever testified
    "not-a-name-inside-a-report": (
        "Elijah Coleman, 21, told jurors he and two acquaintances went to West Hill on May 29.\n"
        "After a face-off with some rivals who “wanted to fight,” he testified, Timmons pulled "
        "the trigger.\n"
        "“Jermayne fired the shot,” he said.\n",
        "Jermayne fired the shot",
        "direct",
        {"Elijah Coleman, 21", "Elijah Coleman"},
    ),
    # three paragraphs back, to the one person the document calls "she" ("her job")
    "reaches-back": (
        "Yvonne Hiller left her job at the plant in September.\n\n"
        "She was suspended twice in two months.\n\n"
        "She returned with a gun that she kept under the seat of her car.\n\n"
        "She said she wanted to confront the three coworkers from her shift.\n",
        "she wanted to confront",
        "indirect",
        {"Yvonne Hiller"},
    ),
    # not past another name: Mr. Justice came in between
    "not-past-another-name": (
        "Tom Clarke left his post at the mine in May.\n\n"
        "A Democrat, Mr. Justice is running for governor.\n\n"
        "The company released its figures on Monday.\n\n"
        "Through a spokesman, he declined to comment on the plan.\n",
        "to comment on the plan",
        "indirect",
        set(),
    ),
    # no subject fits "she": the direct object the sentence calls so
    "gendered-object": (
        "Prosecutors charged a 27-year-old man with shooting his pregnant girlfriend after she "
        "refused to get an abortion.\n",
        "to get an abortion",
        "indirect",
        {"his pregnant girlfriend"},
    ),
    # a prepositional object is how he spoke, not who
    "not-through-a-spokesman": (
        "The mine closed in May. Through a spokesman, he declined to comment on the plan.\n",
        "to comment on the plan",
        "indirect",
        set(),
    ),
    # a name that modifies the subject is no subject ("a Clinton surrogate")
    "modifier-is-no-subject": (
        "Ed Rendell, a Clinton surrogate, said he had battled three bouts of walking pneumonia. He "
        "added that the candidate would recover soon.\n",
        "the candidate would recover soon",
        "indirect",
        {"Ed Rendell, a Clinton surrogate"},
    ),
    # "he" is no plural ("those who might seek …")
    "he-is-no-plural": (
        "Don Fowler argued that the party should set up a process for those who might seek to be "
        "the nominee. All of which, he said, would help ensure confidence in the process.\n",
        "All of which",
        "indirect",
        {"Don Fowler"},
    ),
    # three people joined by "and" are no "she": no guess
    "names-joined-by-and": (
        "Will Smith, Robert De Niro and Stevie Wonder toured the museum on Saturday.\n\n"
        "“I haven't seen all of it yet,” she said.\n",
        "I haven't seen all of it yet",
        "direct",
        set(),
    ),
    # titles joined by "and" before one name are one person
    "titles-joined-by-and": (
        "His guest, the actress and activist Kamala Lopez, was emotional as she called for the "
        "ratification of the Equal Rights Amendment.\n",
        "the ratification",
        "indirect",
        {"Kamala Lopez"},
    ),
    # one man is no "they"
    "one-man-is-no-they": (
        "On the show, Donald Trump repeatedly demeaned women. They said he rated contestants by "
        "their looks.\n",
        "he rated contestants",
        "indirect",
        set(),
    ),
    # a commissioner is no "it" (the phrase was typed a place by its first word)
    "a-title-is-no-it": (
        "The Treasury Department released the figures on Monday. Connecticut’s tax commissioner "
        "said the numbers were preliminary. It said a final count would follow in May.\n",
        "a final count would follow in May",
        "indirect",
        {"Treasury Department"},
    ),
    # "The US" is a country, not the pronoun "us"
    "us-is-a-country": (
        "The US on Wednesday said that it hopes to finish several defence deals with India soon. "
        "It also said that both countries understand the security challenges in the region.\n",
        "both countries understand",
        "indirect",
        {"US", "The US"},
    ),
    # a network is no "she"
    "a-network-is-no-she": (
        "Abby Martin has worked for RT since 2012. The network said it would send Ms. Martin to "
        "Crimea for a better understanding. She declined that assignment.\n",
        "that assignment",
        "indirect",
        {"Martin", "Abby Martin", "Ms. Martin"},
    ),
    # a campaign is "it"
    "a-campaign-is-it": (
        "Donald Trump’s campaign is defending his early-morning tweets. It is denouncing what it "
        "calls a smear by the press.\n",
        "what it calls a smear",
        "indirect",
        {"Donald Trump’s campaign"},
    ),
    # the subject of a clause that opens the sentence
    "fronted-clause-subject": (
        "And while Donald Trump has railed against the special-interest provisions that pock the tax "
        "code, he has sought to protect breaks important to real estate.\n",
        "to protect breaks important to real estate",
        "indirect",
        {"Donald Trump"},
    ),
    # … unless that clause reports the rest: the observer is not the "he" of what he observed
    "fronted-observer": (
        "Yet, as Mr. Bown observed, in the early days of a new administration -- when he would not "
        "be worried about re-election -- a president can act fast.\n",
        "re-election",
        "indirect",
        set(),
    ),
    # a surname the tagger calls a plural noun (this "Sanders" is NNS) is still one person,
    # and a meeting is no "he"
    "surname-in-s-not-the-meeting": (
        _SANDERS,
        "I am pretty good at arithmetic",
        "direct",
        {"Sanders"},
    ),
    # a pronoun never refers to a name in its own clause ("she said, in a caution to Sanders
    # backers" is not Sanders, named just before her)
    "named-in-own-clause": (
        _SANDERS + _WASSERMAN_SCHULTZ,
        "Do not let the perfect",
        "direct",
        {"Wasserman Schultz", "Wasserman Schultz, who is reviled by progressives"},
    ),
    # a place name that only modifies a singular noun does not make the phrase a place
    "place-modifies-person": (
        "Many Latino Republicans are already doing so, thanks to Trump. One California delegate "
        "said he tried to give away guest passes to the convention to Mexican-American friends. "
        "He was unable to find a single taker, he said. “Not even one,” he said.\n",
        "Not even one",
        "direct",
        {"One California delegate"},
    ),
    # a possessive pronoun speaks through its noun ("his promises to …")
    "possessive": (
        "Donald Trump, under fire over his taxes, is casting himself as a champion of the little "
        "guy, but there is little in his plan that matches his rhetoric.\n\n"
        "His promises to stick it to the rich notwithstanding, independent analyses agree the top "
        "1 percent would gain the most.\n",
        "to stick it to the rich",
        "indirect",
        {"Donald Trump", "Donald Trump, under fire over his taxes"},
    ),
    # inside a reported clause, that clause's subject
    "reported-clause-subject": (
        "Frederick LaRue spent his last years in Mississippi.\n\n"
        "In an interview last summer, LaRue said Jeb Magruder lied when he claimed President "
        "Nixon knew about the break-in.\n",
        "President Nixon knew about the break-in",
        "indirect",
        {"Jeb Magruder"},
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(_PRONOUN_CASES))
def test_pronoun_speaker_antecedent(
    case: str, annotate_text: Callable[[str, str], AnnotatedDocument]
) -> None:
    text, starts, kind, accepted = _PRONOUN_CASES[case]
    q = _one(extract_quotes(annotate_text(f"t-{case}", text)), starts, kind)
    got = _words(text, q.speaker_antecedent)
    assert got in accepted if accepted else got is None, (case, got)


@pytest.mark.slow
def test_multi_paragraph_quotation_keeps_its_speaker(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "Mayor Ana Ruiz spoke to reporters on Monday.\n\n"
        "The mayor said: “We will open the bridge in May. The contractors have assured us of that.\n\n"
        "“We will not accept another delay,” she added.\n"
    )
    adoc = annotate_text("t-paras", text)
    quotes = extract_quotes(adoc)
    _assert_offsets(quotes, text)
    first = _one(quotes, "We will open the bridge", "direct")
    second = _one(quotes, "We will not accept another delay", "direct")
    assert first.text.endswith("assured us of that.")
    assert (first.speaker_text, first.cue) == ("The mayor", "said")
    assert second.speaker_text == "she"
    assert _words(text, second.speaker_antecedent) == "The mayor"


@pytest.mark.slow
def test_scare_quotes_are_not_quotes(annotate_text: Callable[[str, str], AnnotatedDocument]) -> None:
    adoc = annotate_text("t-scare", "The so-called “peace dividend” never came, and the council moved on.")
    assert extract_quotes(adoc) == []


def test_document_without_parse_is_refused() -> None:
    adoc = AnnotatedDocument(Document(id="t-noparse", text="He said so."), sentences=())
    with pytest.raises(ValueError, match="t-noparse"):
        extract_quotes(adoc)


# ------------------------------------------------------------------- linking


def _quote(
    doc: str, speaker: tuple[int, int], words: str, antecedent: tuple[int, int] | None = None
) -> Quote:
    return Quote(
        id=f"q-{doc}-0",
        document=doc,
        start=0,
        end=4,
        text="Text",
        kind="direct",
        speaker_text=words,
        speaker_span=Span(doc, *speaker),
        speaker_antecedent=Span(doc, *antecedent) if antecedent else None,
    )


def test_link_by_mention_and_by_antecedent() -> None:
    ent = Entity("e-ruiz", "Ana Ruiz", "PERSON", mentions=(Span("d", 10, 18),))
    assert link_speakers([_quote("d", (10, 18), "Ana Ruiz")], [ent])[0].speaker == "e-ruiz"
    # A pronoun is linked through its antecedent, not its own span.
    assert link_speakers([_quote("d", (40, 42), "he", antecedent=(10, 18))], [ent])[0].speaker == "e-ruiz"
    assert link_speakers([_quote("d", (40, 42), "he")], [ent])[0].speaker is None


def test_link_by_role_only_when_one_entity_holds_it() -> None:
    mayor = Entity("e-ruiz", "Ana Ruiz", "PERSON", roles=("Mayor",))
    quote = _quote("d", (0, 9), "The mayor")
    assert link_speakers([quote], [mayor])[0].speaker == "e-ruiz"
    other = Entity("e-lee", "Tom Lee", "PERSON", roles=("Deputy Mayor",))
    assert link_speakers([quote], [mayor, other])[0].speaker is None  # two fit: no guess


def test_bare_police_speak_for_the_one_police_force_the_report_names() -> None:
    # ECB+ 19: "police said" in a report naming the NYPD, and no other force
    nypd = Entity("e-nypd", "NYPD", "ORG", mentions=(Span("d", 100, 104),))
    quote = _quote("d", (0, 6), "police")
    assert link_speakers([quote], [nypd])[0].speaker == "e-nypd"
    troy = Entity("e-troy", "Troy Police Department", "ORG", mentions=(Span("d", 200, 222),))
    assert link_speakers([quote], [nypd, troy])[0].speaker is None  # two forces: no guess
    elsewhere = Entity("e-lapd", "LAPD", "ORG", mentions=(Span("other", 5, 9),))
    assert link_speakers([quote], [elsewhere])[0].speaker is None  # named in another report
    assert link_speakers([_quote("d", (0, 14), "police sources")], [nypd])[0].speaker is None


def test_a_body_s_own_noun_speaks_for_the_body_named_before_with_it() -> None:
    # "The nonpartisan Commission on Presidential Debates says … The commission says on its website"
    cpd = Entity("e-cpd", "Commission on Presidential Debates", "ORG", mentions=(Span("d", 100, 134),))
    fec = Entity("e-fec", "Federal Election Commission", "ORG", mentions=(Span("d", 40, 67),))
    gao = Entity("e-gao", "Government Accountability Office", "ORG", mentions=(Span("d", 150, 182),))
    says = _quote("d", (300, 314), "The commission")
    assert link_speakers([says], [fec, cpd, gao])[0].speaker == "e-cpd"  # the most recent one
    assert link_speakers([_quote("d", (300, 310), "the agency")], [cpd, gao])[0].speaker is None
    assert link_speakers([_quote("d", (20, 34), "The commission")], [cpd])[0].speaker is None  # named after
    far = _quote("d", (2000, 2014), "The commission")
    assert link_speakers([far], [cpd])[0].speaker is None  # too far back to be what it refers to


def test_a_description_headed_by_a_title_is_the_one_person_named_before_with_it() -> None:
    def person(eid: str, name: str, roles: tuple[str, ...], at: int, doc: str = "d") -> Entity:
        return Entity(eid, name, "PERSON", roles=roles, mentions=(Span(doc, at, at + 5),))

    reid = person("e-reid", "Harry M. Reid", ("Senate Minority Leader",), 10)
    sanders = person("e-sanders", "Bernie Sanders", ("Sen.",), 20)
    warren = person("e-warren", "Elizabeth Warren", ("Sen.",), 30)
    leader = _quote("d", (100, 128), "the Senate Democratic leader")
    assert link_speakers([leader], [reid, sanders])[0].speaker == "e-reid"
    senator = _quote("d", (100, 119), "The Vermont senator")
    assert link_speakers([senator], [reid, sanders])[0].speaker == "e-sanders"
    # two senators named before, and nothing in the description tells which: no guess
    assert link_speakers([senator], [reid, sanders, warren])[0].speaker is None
    # named only after the description, or only in another report: not whom it refers back to
    assert link_speakers([_quote("d", (0, 19), "The Vermont senator")], [sanders])[0].speaker is None
    elsewhere = person("e-casey", "Robert P. Casey Jr.", ("Sen.",), 20, doc="other")
    assert link_speakers([senator], [elsewhere])[0].speaker is None
    # an indefinite or plural description, or one with more after its title, names no one
    for words in ("a senator", "the senators", "the leader of the union"):
        assert (
            link_speakers([_quote("d", (100, 100 + len(words)), words)], [reid, sanders])[0].speaker is None
        )
    # an office with its body, named word for word by a role of one person named before
    # ("The former secretary of State", USA Today, 22 Mar 2016)
    clinton = person("e-clinton", "Hillary Clinton", ("Secretary of State",), 40)
    office = _quote("d", (100, 129), "The former secretary of State")
    assert link_speakers([office], [reid, clinton])[0].speaker == "e-clinton"
    union = _quote("d", (100, 124), "the president of the union")
    assert link_speakers([union], [reid, clinton])[0].speaker is None


@pytest.mark.slow
def test_a_description_no_one_was_named_with_is_the_person_just_quoted(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    from crosswire.extract.entities import resolve_entities

    def speakers(text: str) -> dict[str, str | None]:
        adoc = annotate_text("t-topic", text)
        ents = resolve_entities([adoc])
        names = {e.id: e.name for e in ents}
        quotes = link_speakers(extract_quotes(adoc), ents, [adoc])
        return {q.text[:10]: names.get(q.speaker or "") for q in quotes}

    said = (
        "Donald Trump said Friday that it would have been cool had Hillary Clinton congratulated "
        "him.\n\n"
        "“I was curious to see whether she’d do a class act,” the Republican nominee said at a rally.\n"
    )
    assert speakers(said)["I was curi"] == "Donald Trump"
    # another person named since: the description may be a switch back to them
    between = said.replace("\n\n“I was", "\n\nClinton was in Ohio on Friday.\n\n“I was")
    assert speakers(between)["I was curi"] is None
    # a person whose role is another office is not this one
    titled = said.replace("Donald Trump said", "President Barack Obama said").replace(
        "the Republican nominee", "the senator"
    )
    assert speakers(titled)["I was curi"] is None
    # a party member described by party and state is that person, not the party
    party = said.replace("the Republican nominee", "the New York Republican")
    assert speakers(party)["I was curi"] == "Donald Trump"


def test_a_lone_surname_the_tagger_missed_is_the_one_person_with_it() -> None:
    # lower-cased text: the tagger found "jackeline flores" once but not "flores" in "flores said"
    flores = Entity("e-flores", "jackeline flores", "PERSON", aliases=("jackeline flores",))
    assert link_speakers([_quote("d", (0, 6), "flores")], [flores])[0].speaker == "e-flores"
    # two people share the surname: no guess
    maria = Entity("e-mflores", "Maria Flores", "PERSON")
    assert link_speakers([_quote("d", (0, 6), "flores")], [flores, maria])[0].speaker is None
    # a surname is a person's, not an organisation's whose name ends with the word
    firm = Entity("e-firm", "Grupo Flores", "ORG")
    assert link_speakers([_quote("d", (0, 6), "flores")], [firm])[0].speaker is None


@pytest.mark.slow
def test_a_phrase_headed_by_no_name_is_not_the_person_inside_it(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "A spokesman for Narendra Modi said the talks had gone well.\n\n"
        "U.S. officials said the framework would be signed soon.\n\n"
        "A spokesman for Sen. Marco Rubio (R-Fla.) said the senator would vote against it."
    )
    adoc = annotate_text("t-head", text)
    modi, us, rubio, fla = (text.index(w) for w in ("Narendra Modi", "U.S.", "Marco Rubio", "Fla."))
    ents = [
        Entity("e-modi", "Narendra Modi", "PERSON", mentions=(Span("t-head", modi, modi + 13),)),
        Entity("e-us", "United States", "GPE", mentions=(Span("t-head", us, us + 4),)),
        Entity("e-rubio", "Marco Rubio", "PERSON", mentions=(Span("t-head", rubio, rubio + 11),)),
        Entity("e-fla", "Florida", "GPE", mentions=(Span("t-head", fla, fla + 4),)),
    ]
    linked = {q.text: q.speaker for q in link_speakers(extract_quotes(adoc), ents, [adoc])}
    assert linked["the talks had gone well"] is None  # the spokesman is not Modi
    # nor Florida, the state of his principal's party tag
    assert linked["the senator would vote against it"] is None
    assert linked["the framework would be signed soon"] == "e-us"  # a country speaks through its officials


@pytest.mark.slow
def test_a_post_held_in_a_place_does_not_speak_for_it_but_a_name_after_titles_does(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "A Philadelphia judge said the former employee was guilty of murder.\n\n"
        '"Would we have done it without him?" Colts interim coach Bruce Arians asked.\n'
    )
    adoc = annotate_text("t-posts", text)
    city, coach = text.index("Philadelphia"), text.index("Bruce Arians")
    ents = [
        Entity("e-phl", "Philadelphia", "GPE", mentions=(Span("t-posts", city, city + 12),)),
        Entity("e-arians", "Bruce Arians", "PERSON", mentions=(Span("t-posts", coach, coach + 12),)),
    ]
    linked = {q.speaker_text: q.speaker for q in link_speakers(extract_quotes(adoc), ents, [adoc])}
    assert linked["A Philadelphia judge"] is None  # a judge's word is not the city's
    assert linked["Colts interim coach Bruce Arians"] == "e-arians"  # parsed with "Colts" as head


@pytest.mark.slow
def test_one_office_holder_is_a_person_not_the_place_and_an_apposition_names_them(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "The Indiana governor said Democrats and the media are to blame.\n\n"
        "The Troy police chief, Charles Craft, said the gunman acted alone.\n\n"
        "A Pentagon spokesman said the talks had gone well.\n"
    )
    adoc = annotate_text("t-office", text)

    def ent(eid: str, name: str, kind: str) -> Entity:
        at = text.index(name)
        return Entity(eid, name, kind, mentions=(Span("t-office", at, at + len(name)),))

    ents = [
        ent("e-indiana", "Indiana", "GPE"),
        ent("e-troy", "Troy", "GPE"),
        ent("e-craft", "Charles Craft", "PERSON"),
        ent("e-pentagon", "Pentagon", "ORG"),
    ]
    linked = {q.text: q.speaker for q in link_speakers(extract_quotes(adoc), ents, [adoc])}
    assert linked["Democrats and the media are to blame"] is None  # a governor is not his state
    assert linked["the gunman acted alone"] == "e-craft"
    assert linked["the talks had gone well"] == "e-pentagon"  # speaking for it is a spokesman's job


@pytest.mark.slow
def test_coordinated_titles_before_a_name_but_never_two_people(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "SeaMicro CEO and new AMD general manager Andrew Feldman said the deal came together quickly.\n\n"
        "Analysts Ann Mercer and Bo Chandler said the price was high.\n\n"
        "Carla Diaz, who met Bo Chandler and Andrew Feldman last week, said the talks went well.\n\n"
        "Former prosecutor and New York City Mayor Rudy Giuliani, who backs Trump, called it a "
        "no-brainer to prosecute.\n"
    )
    adoc = annotate_text("t-titles", text)

    def ent(eid: str, name: str) -> Entity:
        starts = [m.start() for m in re.finditer(re.escape(name), text)]
        return Entity(eid, name, "PERSON", mentions=tuple(Span("t-titles", a, a + len(name)) for a in starts))

    ents = [
        ent("e-feldman", "Andrew Feldman"),
        ent("e-mercer", "Ann Mercer"),
        ent("e-chandler", "Bo Chandler"),
        ent("e-diaz", "Carla Diaz"),
        ent("e-giuliani", "Rudy Giuliani"),
        Entity(
            "e-trump",
            "Trump",
            "ORG",
            mentions=(Span("t-titles", text.index("Trump"), text.index("Trump") + 5),),
        ),
    ]
    linked = {q.text: q.speaker for q in link_speakers(extract_quotes(adoc), ents, [adoc])}
    # the relative clause after the name ends the phrase, not the title
    assert next(v for k, v in linked.items() if k.startswith("it a no-brainer")) == "e-giuliani"
    assert linked["the deal came together quickly"] == "e-feldman"
    assert linked["the price was high"] is None  # two people: no one of them is the speaker
    assert linked["the talks went well"] == "e-diaz"  # the "and" is below the head


@pytest.mark.slow
def test_the_speaker_of_a_misparsed_verb_with_several_subjects_is_the_name(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "In an e-mail to media members Thursday night, Henry said, "
        '"We met with Mr. Teixeira and were very much impressed with him."\n\n'
        "Electronics manufacturer Hewlett-Packard (hp.com) announced on Tuesday that it has signed "
        "an agreement to acquire a consulting company.\n"
    )
    quotes = extract_quotes(annotate_text("t-subjects", text))
    _assert_offsets(quotes, text)
    assert _one(quotes, "We met").speaker_text == "Henry"  # not "mail to media members"
    # The bracket the phrase opened closes it.
    assert _one(quotes, "it has signed").speaker_text == "Hewlett-Packard (hp.com)"
    # a person's name before a place's
    text = (
        "Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the Republican "
        "presidential primary, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered "
        "wagon.”\n"
    )
    quotes = extract_quotes(annotate_text("t-kasich", text))
    assert _one(quotes, "I’m getting ready").speaker_text == "Gov. John Kasich (R-OH)"
    # the one scolded for saying it said it, not the one who scolded
    text = (
        "In the summer after the 2012 loss to Obama, party Chairman Reince Priebus fairly scolded "
        "Romney for suggesting during the primary season that immigrants living in the country "
        "illegally should self-deport.\n"
    )
    quotes = extract_quotes(annotate_text("t-scolded", text))
    assert _by_cue(quotes, "suggesting").speaker_text == "Romney"


@pytest.mark.slow
def test_a_speaker_phrase_never_ends_inside_a_hyphenated_word(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = "Some co-workers said she had a history of run-ins with other workers and management.\n"
    quotes = extract_quotes(annotate_text("t-hyphen", text))
    assert _one(quotes, "she had a history").speaker_text == "Some co-workers"  # not "Some co"


@pytest.mark.slow
def test_a_discourse_marker_is_no_attribution(annotate_text: Callable[[str, str], AnnotatedDocument]) -> None:
    text = (
        "That said, the acquisition means that AMD will be competing with its own customers.\n\n"
        "Having said that, the Colts won the turnover battle over the Chiefs.\n\n"
        "Needless to say, the coach said the team had played its best game.\n"
    )
    quotes = extract_quotes(annotate_text("t-marker", text))
    assert [(q.speaker_text, q.text) for q in quotes] == [("the coach", "the team had played its best game")]


@pytest.mark.slow
def test_a_telephone_call_and_a_lone_pronoun_are_not_what_anyone_said(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "Chohan had called Singh's house to let the family know she was outside.\n\n"
        "Subryan was charged with leaving the scene of an accident without reporting it, the DA said.\n\n"
        'The mayor called the plan "a disgrace" on Monday.\n'
    )
    quotes = extract_quotes(annotate_text("t-call", text))
    _assert_offsets(quotes, text)
    texts = [q.text for q in quotes]
    assert not any("Singh's house" in t for t in texts)  # not a naming "called X Y"
    assert "it" not in texts
    assert any(t.startswith("Subryan was charged") for t in texts)
    assert any("a disgrace" in t for t in texts)  # a naming verb's object and its name stay


@pytest.mark.slow
def test_an_imperative_at_the_start_of_a_quotation_names_no_speaker(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        'The plant manager spoke to reporters outside. "Tell your audience to keep the families in '
        "your prayers, however you pray, we're all in shock.\n"
    )
    quotes = extract_quotes(annotate_text("t-imperative", text))
    assert all(q.speaker_text != "your audience" for q in quotes)


@pytest.mark.slow
def test_a_statement_speaks_for_whoever_issued_it_and_a_day_never_speaks(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "Gordon Advisors issued a statement Tuesday expressing condolences to the families of the victims.\n\n"
        'The United States issued a statement on Thursday condemning "in the strongest possible terms" '
        "the airstrike by the Sudanese forces.\n"
    )
    quotes = extract_quotes(annotate_text("t-statement", text))
    _assert_offsets(quotes, text)
    speakers = {q.speaker_text for q in quotes}
    assert not speakers & {"Tuesday", "Thursday"}
    assert {"Gordon Advisors", "The United States"} <= speakers


@pytest.mark.slow
def test_the_limits_of_the_imperative_statement_and_hyphen_rules(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        '"We urge the Government of South Sudan to exercise restraint in responding to this '
        'provocation, " read the press release.\n\n'
        "On inauguration day, federal agency heads were sent a memo stating that they should freeze "
        "all regulations in the pipeline.\n\n"
        'Kiir denied those claims in a statement Thursday, calling them "smoke screens to mask '
        "Khartoum's own activities.\"\n\n"
        "He said he and Lowell Anger-the lead DA on the case-were confident the conviction would stand.\n"
    )
    quotes = extract_quotes(annotate_text("t-limits", text))
    _assert_offsets(quotes, text)
    assert _one(quotes, "We urge").speaker_text == "the press release"  # inverted, not an imperative
    assert all(q.speaker_text != "federal agency heads" for q in quotes)  # they received the memo
    assert any(q.speaker_text == "Kiir" and "smoke screens" in q.text for q in quotes)  # the name it gives
    assert all("were" not in (q.speaker_text or "").split("-") for q in quotes)  # a dash, not a hyphen


# ------------------------------------------------- stance, sources, headlines


def _by_cue(quotes: Sequence[Quote], cue: str) -> Quote:
    hits = [q for q in quotes if q.cue == cue]
    assert len(hits) == 1, f"{len(hits)} quotes with cue {cue!r}: {[(q.cue, q.text) for q in quotes]}"
    return hits[0]


@pytest.mark.slow
def test_according_to_vouches_for_the_whole_sentence(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "Ted Cruz has won the Wisconsin Republican primary, according to three television networks.\n\n"
        "According to the Post, Bush campaign officials looked into what the consequences would be.\n"
    )
    quotes = extract_quotes(annotate_text("t-according", text))
    _assert_offsets(quotes, text)
    first, second = (q for q in quotes if q.cue is not None and q.cue.lower() == "according to")
    assert (first.kind, first.text, first.speaker_text) == (
        "indirect",
        "Ted Cruz has won the Wisconsin Republican primary",
        "three television networks",
    )
    assert second.text == "Bush campaign officials looked into what the consequences would be"
    assert second.speaker_text == "the Post"


@pytest.mark.slow
def test_stance_verbs_attribute_their_object_or_infinitive(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "Governor Mike Pence endorsed Ted Cruz on Friday.\n\n"
        "The senator vowed to block the nomination.\n\n"
        "Sanders called for a ban on fracking.\n\n"
        "Cruz was endorsed by the governor.\n"
    )
    quotes = extract_quotes(annotate_text("t-stance", text))
    _assert_offsets(quotes, text)
    q = _by_cue(quotes, "endorsed")
    assert (q.kind, q.text, q.speaker_text) == ("indirect", "Ted Cruz", "Governor Mike Pence")
    q = _by_cue(quotes, "vowed")
    assert (q.text, q.speaker_text) == ("to block the nomination", "The senator")
    q = _by_cue(quotes, "called for")
    assert (q.text, q.speaker_text) == ("a ban on fracking", "Sanders")
    # A passive subject is what the stance is about, not who holds it.
    assert not [q for q in quotes if q.speaker_text == "Cruz"]


@pytest.mark.slow
def test_stance_content_keeps_names_and_gerund_clauses_whole(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "External Affairs Minister S. Jaishankar met Pete Hegseth at the Pentagon, emphasizing "
        "the increasingly vital defense ties between India and the United States.\n"
    )
    quotes = extract_quotes(annotate_text("t-stance-whole", text))
    _assert_offsets(quotes, text)
    # "States" at the end of a clause is a name, not a mistagged "states" that starts a new cue.
    q = _by_cue(quotes, "emphasizing")
    assert q.text == "the increasingly vital defense ties between India and the United States"


def test_stance_content_joins_a_gerund_and_its_subject_hung_side_by_side(nlp: Any) -> None:
    from spacy.tokens import Doc

    # The parse of seed 004 in context: "US" and "helping" are both children of "about".
    words = ["Hegseth", "spoke", "about", "the", "US", "helping", "India", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, True, True, True, True, False, False],
        pos=["PROPN", "VERB", "ADP", "DET", "PROPN", "VERB", "PROPN", "PUNCT"],
        deps=["nsubj", "ROOT", "prep", "det", "pobj", "pcomp", "dobj", "punct"],
        heads=[1, 1, 1, 4, 2, 2, 5, 1],
        lemmas=["Hegseth", "speak", "about", "the", "US", "help", "India", "."],
    )
    content = stance_content(doc[1])
    assert content is not None
    assert " ".join(doc[k].text for k in sorted(content)) == "the US helping India"


def _parsed(nlp: Any, rows: list[tuple[str, str, str, int, str]]) -> Any:
    """A Doc with a given parse: (word, pos, dep, head index, lemma) per token."""
    from spacy.tokens import Doc

    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][1] != "PUNCT" for i in range(len(rows))]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
    )


def test_a_stance_object_stops_where_the_parser_hangs_a_list_across_a_clause(nlp: Any) -> None:
    # The small parser's reading: the list after the colon is an apposition of "resume".
    doc = _parsed(nlp, [
        ("The", "DET", "det", 1, "the"), ("president", "NOUN", "nsubj", 2, "president"),
        ("listed", "VERB", "ROOT", 2, "list"), ("Clinton", "PROPN", "poss", 4, "Clinton"),
        ("resume", "NOUN", "dobj", 2, "resume"), ("to", "PART", "aux", 6, "to"),
        ("try", "VERB", "advcl", 2, "try"), ("to", "PART", "aux", 8, "to"),
        ("argue", "VERB", "xcomp", 6, "argue"), (":", "PUNCT", "punct", 2, ":"),
        ("attorney", "NOUN", "appos", 4, "attorney"), ("and", "CCONJ", "cc", 10, "and"),
        ("senator", "NOUN", "conj", 10, "senator"), (".", "PUNCT", "punct", 2, "."),
    ])  # fmt: skip
    content = stance_content(doc[2])
    assert content is not None
    assert " ".join(doc[k].text for k in sorted(content)) == "Clinton resume"


def test_a_noun_cue_reports_every_object_of_its_preposition(nlp: Any) -> None:
    # "his claim of Clinton's super-qualifications": the parser makes three objects of "of".
    doc = _parsed(nlp, [
        ("his", "PRON", "poss", 1, "his"), ("claim", "NOUN", "ROOT", 1, "claim"),
        ("of", "ADP", "prep", 1, "of"), ("Clinton", "PROPN", "poss", 4, "Clinton"),
        ("super", "NOUN", "pobj", 2, "super"), ("-", "NOUN", "pobj", 2, "-"),
        ("qualifications", "NOUN", "pobj", 2, "qualification"),
    ])  # fmt: skip
    content = stance_content(doc[1])
    assert content is not None
    assert [doc[k].text for k in sorted(content)] == ["Clinton", "super", "-", "qualifications"]


@pytest.mark.slow
def test_a_quotation_credited_after_a_dash_is_the_credited_person_s(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "31 Latinos Share Their Thoughts On Donald Trump.\n\n"
        "“Mr. Trump embodies the lasting legacy of racism in the United States.” ― Sonya Herridge\n"
        "“He makes simple blanket statements about people.”― Pamela Padilla\n"
        "“I’m so ashamed to be an American.” ― Jacklyn Ashley\n\n"
        '"He can have intelligence briefings," Reid said. "But I hope they are fake."\n\n'
        "\"Great speech. She's tested. She's ready. She never quits.\"\n\n"
        "-President Obama, tweeting after Clinton's speech.\n\n"
        "\"The whole idea of a 'Crooked Hillary' needs to stop.\"\n\n"
        "— Reduce job-killing regulations on large and small businesses.\n"
    )
    quotes = extract_quotes(annotate_text("t-dash-credit", text))
    _assert_offsets(quotes, text)
    credited = {q.text[:12]: (q.kind, q.speaker_text, q.cue) for q in quotes}
    assert credited["Mr. Trump em"] == ("direct", "Sonya Herridge", "―")
    assert credited["He makes sim"] == ("direct", "Pamela Padilla", "―")
    assert credited["I’m so ashame"[:12]] == ("direct", "Jacklyn Ashley", "―")
    # the dash glued to the title is not part of the speaker
    assert credited["Great speech"] == ("direct", "President Obama", "-")
    # a list below a quotation credits no one, and a credited quotation is continued by none
    assert credited["The whole id"][1] is None


@pytest.mark.slow
def test_noun_cue_with_possessor(annotate_text: Callable[[str, str], AnnotatedDocument]) -> None:
    text = "Voters shrugged off Trump's attacks on Mr. Clinton last week.\n"
    quotes = extract_quotes(annotate_text("t-noun", text))
    _assert_offsets(quotes, text)
    q = _by_cue(quotes, "attacks on")
    assert (q.kind, q.text, q.speaker_text) == ("indirect", "Mr. Clinton", "Trump's")


@pytest.mark.slow
def test_headline_name_and_colon(annotate_text: Callable[[str, str], AnnotatedDocument]) -> None:
    text = "Paul Ryan: FBI Decision Not to Indict Defies Explanation.\n\nThe speaker spoke on Tuesday.\n"
    quotes = extract_quotes(annotate_text("t-colon", text))
    _assert_offsets(quotes, text)
    q = _by_cue(quotes, ":")
    assert (q.kind, q.text, q.speaker_text) == (
        "indirect",
        "FBI Decision Not to Indict Defies Explanation",
        "Paul Ryan",
    )


@pytest.mark.slow
def test_a_roundup_credits_its_excerpt_after_a_dash(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    # HuffPollster, 3 Feb 2016: the heading's verb ("agree") does not speak; the name after the
    # dash and before the colon does, one name or two.
    text = (
        "The caucuses are over.\n\nPollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: "
        "keep on contacting voters as late as possible.” [538.]\n\nWhy it went wrong -More from Mark Blumenthal "
        "and Jon Cohen: “Data collected by our firm helps confirm that both issues were in play.” [HuffPost.]\n"
    )
    quotes = extract_quotes(annotate_text("t-roundup", text))
    _assert_offsets(quotes, text)
    direct = sorted((q.text[:10], q.speaker_text, q.cue) for q in quotes if q.kind == "direct")
    assert direct == [
        ("Data colle", "Mark Blumenthal and Jon Cohen", ":"),
        ("One of the", "Carl Bialik", ":"),
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "line",
    [
        "HP's Mark Hurd: Thoughts on consolidation",  # a column's title
        "Hillary Clinton: 1,769 delegates",  # a count
        "Iowa: Tim Albrecht, Brad Anderson, Rob Barron",  # a list
    ],
)
def test_a_name_colon_line_that_says_nothing_is_no_attribution(
    annotate_text: Callable[[str, str], AnnotatedDocument], line: str
) -> None:
    text = line + "\n\nThe company spoke on Tuesday.\n"
    assert [q for q in extract_quotes(annotate_text("t-colon-none", text)) if q.cue == ":"] == []


@pytest.mark.slow
def test_a_name_colon_line_quoting_someone_is_an_attribution(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = "Hacker Guccifer: Clinton's Server Unprotected, 'Like an Open Orchid.'\n\nMore.\n"
    q = _by_cue(extract_quotes(annotate_text("t-colon-q", text)), ":")
    assert (q.speaker_text, q.text) == (
        "Hacker Guccifer",
        "Clinton's Server Unprotected, 'Like an Open Orchid.'",
    )


@pytest.mark.slow
def test_quotation_inside_a_reported_clause_is_partial(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = '"We are frustrated and horrified" by the mass shooting at a nightclub in Orlando, Nefzi said.\n'
    quotes = extract_quotes(annotate_text("t-demote", text))
    _assert_offsets(quotes, text)
    assert _one(quotes, "We are frustrated", "partial").speaker_text == "Nefzi"
    q = _one(quotes, '"We are frustrated', "indirect")
    assert q.text.endswith("in Orlando") and q.speaker_text == "Nefzi"


@pytest.mark.slow
def test_a_capitalised_quotation_after_an_infinitive_verb_is_partial(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "Zimmerman said he planned to use the proceeds to fight violence against officers and to "
        'counter "Hillary Clinton\'s anti-firearm rhetoric."\n\n'
        'Trump said "You tell me."\n'
    )
    quotes = extract_quotes(annotate_text("t-infinitive", text))
    _assert_offsets(quotes, text)
    assert _one(quotes, "Hillary Clinton's", "partial")
    assert _one(quotes, "You tell me", "direct")


@pytest.mark.slow
def test_speaker_phrase_keeps_age_apposition_and_relative_clause(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = "Lance Beebe, 49, a Navy veteran who now works for the Air Force, said the plan would fail.\n"
    quotes = extract_quotes(annotate_text("t-speaker", text))
    _assert_offsets(quotes, text)
    q = _one(quotes, "the plan would fail", "indirect")
    assert q.speaker_text == "Lance Beebe, 49, a Navy veteran who now works for the Air Force"


@pytest.mark.slow
def test_a_relative_clause_in_a_speaker_phrase_is_kept_whole(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "“When I listened to him, I thought for sure he was going to recommend prosecution,” said "
        "Rudy Giuliani, the former Republican mayor of New York who made his name prosecuting the "
        "Mafia in the 1980s.\n"
    )
    quotes = extract_quotes(annotate_text("t-relative", text))
    _assert_offsets(quotes, text)
    q = _one(quotes, "When I listened", "direct")
    # (it stopped at "who made": the clause under "made" was taken for the parser running on)
    assert q.speaker_text is not None and q.speaker_text.endswith("prosecuting the Mafia in the 1980s")


@pytest.mark.slow
def test_short_quotation_without_cue_is_a_title(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = "The show returns in October.\n\n“The Walking Dead”\n\nIt airs on Sundays.\n"
    assert extract_quotes(annotate_text("t-title", text)) == []


@pytest.mark.slow
def test_a_title_in_quotation_marks_is_no_partial_quote(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        'Ross was reportedly paid $3 million to write and direct "The Hunger Games," sources said.\n\n'
        'Ross said the sequel was "a very different film" from the first.\n'
    )
    quotes = extract_quotes(annotate_text("t-film-title", text))
    _assert_offsets(quotes, text)
    assert not [q for q in quotes if q.kind == "partial" and "Hunger" in q.text]
    assert _one(quotes, "a very different film", "partial").speaker_text == "Ross"


@pytest.mark.slow
def test_cue_interrupting_a_reported_clause(annotate_text: Callable[[str, str], AnnotatedDocument]) -> None:
    text = (
        "The US, he said, will act soon.\n\n"
        'In 2008, Trump said, the foundation\'s donation had made his father a "presenting sponsor."\n'
    )
    quotes = extract_quotes(annotate_text("t-interrupt", text))
    _assert_offsets(quotes, text)
    q = _one(quotes, "The US", "indirect")
    assert (q.text, q.cue, q.speaker_text) == ("The US, he said, will act soon", "said", "he")
    # The clause holding the partial quotation is reported too, with the same cue and speaker.
    q = _one(quotes, "In 2008", "indirect")
    assert q.text.endswith('a "presenting sponsor."') and q.speaker_text == "Trump"
    assert _one(quotes, "presenting sponsor", "partial").speaker_text == "Trump"


@pytest.mark.slow
def test_trailing_relative_clause_about_a_name_is_the_writers_aside(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "Officials said the FBI had secured the cooperation of Bryan Pagliano, who worked on the "
        "2008 campaign before setting up the server.\n\n"
        "Hegseth noted the successful integration of US defence systems into India's inventory, "
        "which has significantly enhanced India's defence capabilities.\n"
    )
    quotes = extract_quotes(annotate_text("t-relcl", text))
    _assert_offsets(quotes, text)
    q = _by_cue(quotes, "said")
    assert (q.text, q.speaker_text) == ("the FBI had secured the cooperation of Bryan Pagliano", "Officials")
    # About a common noun the clause is often the source's own judgement, and stays.
    assert _by_cue(quotes, "noted").text.endswith(
        "which has significantly enhanced India's defence capabilities"
    )


@pytest.mark.slow
def test_document_finding_attributes_its_object(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "A Monmouth poll out Monday showed Clinton with a healthy lead over Sanders in New York.\n\n"
        "Public records show no gifts from Trump to the foundation since 2008.\n"
    )
    quotes = extract_quotes(annotate_text("t-finding", text))
    _assert_offsets(quotes, text)
    q = _by_cue(quotes, "showed")
    assert (q.kind, q.text, q.speaker_text) == (
        "indirect",
        "Clinton with a healthy lead over Sanders in New York",
        "A Monmouth poll out Monday",
    )
    q = _by_cue(quotes, "show")
    assert (q.text, q.speaker_text) == ("no gifts from Trump to the foundation since 2008", "Public records")


@pytest.mark.slow
def test_adjectives_of_belief_and_stance(annotate_text: Callable[[str, str], AnnotatedDocument]) -> None:
    text = (
        "Her advisers are convinced that the strategy will work in the fall.\n\n"
        "His aides are quick to point out that he has placed second in the last two contests.\n\n"
        "Mr. Ryan has been critical of the trade deal for months.\n"
    )
    quotes = extract_quotes(annotate_text("t-adjective", text))
    _assert_offsets(quotes, text)
    q = _by_cue(quotes, "convinced")
    assert (q.text, q.speaker_text) == ("the strategy will work in the fall", "Her advisers")
    q = _by_cue(quotes, "point out")
    assert (q.text, q.speaker_text) == ("he has placed second in the last two contests", "His aides")
    q = _by_cue(quotes, "critical")
    assert (q.text, q.speaker_text) == ("the trade deal", "Mr. Ryan")


@pytest.mark.slow
def test_reported_clause_survives_common_misparses(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "A strong majority of Democratic voters say they are paying attention to the campaign; "
        "26 percent of Democrats say they have not been paying much attention.\n\n"
        "Sanders said the U.S. needs to secure the border and create a guest-worker program, but that "
        "he would not support mass deportation.\n\n"
        "The State Department less than two weeks ago said for the first time that “top secret” "
        "intelligence had passed through Clinton’s personal email server.\n"
    )
    quotes = extract_quotes(annotate_text("t-misparse", text))
    _assert_offsets(quotes, text)
    # Two reports side by side: the second "say" reports the clause after it, not the first report.
    q = _one(quotes, "they have not been", "indirect")
    assert q.speaker_text == "26 percent of Democrats"
    assert (
        _one(quotes, "they are paying", "indirect").speaker_text == "A strong majority of Democratic voters"
    )
    # "…, but that …" is the same report going on.
    q = _one(quotes, "the U.S. needs", "indirect")
    assert q.text.endswith("but that he would not support mass deportation")
    # A that-clause the parser hung on "the first time" as a relative clause.
    q = _one(quotes, "“top secret” intelligence", "indirect")
    assert (q.text.endswith("personal email server"), q.speaker_text) == (True, "The State Department")


@pytest.mark.slow
def test_a_reported_clause_goes_on_while_its_own_subject_does(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "Kasich spoke to supporters in Ohio on Sunday night.\n\n"
        "He said he hasn't had much time to think about it and that he'll try to do something "
        "in the private sector.\n\n"
        "He said the real front-runner is Hillary Clinton, and he railed against the party's "
        "superdelegates.\n"
    )
    quotes = extract_quotes(annotate_text("t-goes-on", text))
    _assert_offsets(quotes, text)
    # "he … and that he'll try": the reported clause's own subject again, still the report
    q = _one(quotes, "he hasn't had", "indirect")
    assert q.text.endswith("he'll try to do something in the private sector")
    # "… is Hillary Clinton, and he railed": the clause was about someone else; "he" is the
    # speaker again, in the writer's words
    assert (
        _one(quotes, "the real front-runner", "indirect").text == "the real front-runner is Hillary Clinton"
    )


@pytest.mark.slow
def test_a_denied_or_unsaid_clause_is_no_statement_in_the_product(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    from crosswire.extract.quotes import without_denials

    text = (
        "Salazar has said that he is concerned about the rule, but has not indicated that he will act "
        "by the May 9 deadline."
    )
    adoc = annotate_text("t-neg", text)
    raw = [q.text for q in extract_quotes(adoc)]
    assert "he will act by the May 9 deadline" in raw  # kept for PolNeAR, which annotates it
    kept = [q.text for q in without_denials(extract_quotes(adoc), adoc)]
    assert "he will act by the May 9 deadline" not in kept
    assert "he is concerned about the rule" in kept
    # words someone refused to say are not their words
    text = (
        'First, she and other Democrats on the stage refused to say the words "radical Islam," '
        "another moment seized upon by Republicans. Rubio said the ban was wrong."
    )
    adoc = annotate_text("t-refused", text)
    assert "radical Islam" in [q.text for q in extract_quotes(adoc)]
    kept = [q.text for q in without_denials(extract_quotes(adoc), adoc)]
    assert "radical Islam" not in kept and "the ban was wrong" in kept
    # nor is what no one said
    text = (
        "All three candidates issued statements condemning the attacks, and none has said they "
        "want heavy U.S. military engagement. No. 2 Democrat Dick Durbin said the vote would wait."
    )
    adoc = annotate_text("t-none", text)
    assert "they want heavy U.S. military engagement" in [q.text for q in extract_quotes(adoc)]
    kept = [q.text for q in without_denials(extract_quotes(adoc), adoc)]
    assert "they want heavy U.S. military engagement" not in kept and "the vote would wait" in kept
    # nor is the bare name a stance takes as its object
    text = "Chatter may simmer down now that Cruz has endorsed Trump, his aides said on Friday.\n"
    adoc = annotate_text("t-endorsed", text)
    assert "Trump" in [q.text for q in extract_quotes(adoc)]  # PolNeAR annotates it so
    assert "Trump" not in [q.text for q in without_denials(extract_quotes(adoc), adoc)]


@pytest.mark.slow
def test_a_closing_tag_hung_under_the_first_report_reports_all_of_it(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    # The parser makes "Scherlinck said" the complement of "Witnesses said"; both are reports.
    text = "Witnesses said the shooter used a shotgun or a rifle, Troy police Lt. Gerry Scherlinck said."
    quotes = extract_quotes(annotate_text("t-tag", text))
    _assert_offsets(quotes, text)
    assert sorted((q.speaker_text, q.text) for q in quotes) == [
        ("Troy police Lt. Gerry Scherlinck", "Witnesses said the shooter used a shotgun or a rifle"),
        ("Witnesses", "the shooter used a shotgun or a rifle"),
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "After guiding the Colts back to the playoffs, it's safe to say Luck exceeded all of them.",
        "It is fair to say that the deal is dead.",
    ],
)
def test_it_is_safe_to_say_is_the_writers_voice_not_a_quote(
    annotate_text: Callable[[str, str], AnnotatedDocument], text: str
) -> None:
    assert extract_quotes(annotate_text("t-it", text)) == []
    # an adjective's holder who is someone still speaks: "Aides are quick to point out that …"
    (q,) = extract_quotes(annotate_text("t-aides", "Aides were quick to say that the deal is dead."))
    assert (q.speaker_text, q.text) == ("Aides", "the deal is dead")


def _linked(adoc: AnnotatedDocument) -> list[tuple[str | None, str | None]]:
    """(speaker as written, name of the entity it is linked to) of each quote of one document."""
    from crosswire.extract.entities import resolve_entities

    entities = resolve_entities([adoc])
    names = {e.id: e.name for e in entities}
    return [
        (q.speaker_text, names.get(q.speaker or ""))
        for q in link_speakers(extract_quotes(adoc), entities, [adoc])
    ]


@pytest.mark.slow
def test_a_resident_of_a_place_does_not_speak_for_it(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        '"Many houses were damaged," a Bukit Sama village resident told AP.\n'
        '"We will send help," a Pentagon spokesman said.\n'
        '"The talks went well," a report from the Pentagon said.'
    )
    linked = dict(_linked(annotate_text("t-voice", text)))
    assert linked["a Bukit Sama village resident"] is None  # lives there; speaks for no one
    assert linked["a Pentagon spokesman"] == "Pentagon"  # speaks for it
    assert linked["a report from the Pentagon"] == "Pentagon"  # a document it issued


@pytest.mark.slow
def test_a_partys_members_do_not_speak_for_it(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "A few Republican lawmakers have called for a special prosecutor to take a look at the "
        "FBI’s findings.\n\n"
        "Democratic sources said Clinton could decide to retain Loretta Lynch as attorney general.\n\n"
        "Egyptian authorities said the cable was cut by a ship's anchor.\n"
    )
    linked = dict(_linked(annotate_text("t-party", text)))
    assert linked["A few Republican lawmakers"] is None
    assert linked["Democratic sources"] is None
    assert linked["Egyptian authorities"] == "Egypt"  # a people's authorities speak for its country
    # nor for a party the model calls an organisation, nor for a body they have left
    text = (
        "The GOP met on Monday.\n\n"
        "“This is crucial for both of them,” said one GOP leadership aide.\n\n"
        "“We will send help,” a former Pentagon spokesman said.\n\n"
        "The Pentagon declined to comment.\n"
    )
    linked = dict(_linked(annotate_text("t-party-org", text)))
    assert linked["one GOP leadership aide"] is None
    assert linked["a former Pentagon spokesman"] is None


@pytest.mark.slow
def test_a_name_the_tagger_missed_is_the_person_the_story_knows(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "The rule was mentioned by Ivanka Trump in an interview with Cosmopolitan magazine.\n\n"
        "Ivanka Trump, the Republican presidential nominee's eldest daughter, noted the rule in "
        "the interview last week. She said fathers would not be eligible.\n\n"
        "Interior Secretary Ken Salazar spoke on Monday. Salazar and Locke said the two "
        "departments would decide.\n"
    )
    linked = _linked(annotate_text("t-missed", text))
    assert ("Ivanka Trump, the Republican presidential nominee's eldest daughter", "Ivanka Trump") in linked
    assert ("She", "Ivanka Trump") in linked
    assert ("Salazar and Locke", None) in linked  # two people, neither alone


@pytest.mark.slow
def test_the_day_between_a_source_and_its_verb_is_not_the_speaker(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    from crosswire.extract.entities import resolve_entities

    # Wire style: "HP Monday announced …" — the parser makes "Monday" the subject.
    text = (
        "As part of its efforts, HP Monday announced it has signed an agreement to acquire "
        "EYP Mission Critical Facilities for an undisclosed sum."
    )
    adoc = annotate_text("t-day", text)
    (q,) = extract_quotes(adoc)
    assert (q.speaker_text, q.cue) == ("HP", "announced")
    entities = resolve_entities([adoc])
    (linked,) = link_speakers([q], entities, [adoc])
    assert {e.id: e.name for e in entities}.get(linked.speaker or "") == "HP"
    # the day right after a verb whose subject the parser lost speaks for no one
    said = (
        "After a day of tensions between two of the nation’s highest-profile Republicans, House "
        "Speaker Paul Ryan’s office announced Friday that Ryan will meet with Donald Trump on Thursday."
    )
    assert not [q for q in extract_quotes(annotate_text("t-day2", said)) if q.speaker_text == "Friday"]
    # an age the recogniser calls a date still speaks
    said = "“Donald is, and always has been, an amazing leader,” said the 46-year-old.\n"
    (q,) = extract_quotes(annotate_text("t-age", said))
    assert q.speaker_text == "the 46-year-old"


@pytest.mark.slow
def test_a_quotation_over_the_lines_of_hard_wrapped_copy_is_one_quote(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "BOSTON (AP) - Boston Red Sox owner John Henry said on Thursday night that his\n"
        'team would not sign first baseman Mark Teixeira. "We met with Mr. Teixeira and\n'
        "were very much impressed with him. After hearing about his other offers,\n"
        'however, it seems clear that we are not going to be a factor," Henry said in an\n'
        "e-mail to reporters.\n"
        "\n"
        "Teixeira, 28, is the most sought-after free agent this winter. The Washington\n"
        "Nationals made him an eight-year, $160 million offer last week.\n"
    )
    adoc = annotate_text("t-wrapped", text)
    quotes = extract_quotes(adoc)
    _assert_offsets(quotes, text)
    q = _one(quotes, "We met", "direct")
    assert q.speaker_text == "Henry"
    assert " ".join(q.text.split()).endswith("we are not going to be a factor")


@pytest.mark.slow
def test_a_relative_pronoun_moved_out_of_a_reported_clause_is_not_reported(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "The contest between the two rivals entered an urgent new phase Wednesday - a delicate "
        "minuet that Clinton and leading Democrats hope will soothe tensions and unite the party.\n"
    )
    quotes = extract_quotes(annotate_text("t-moved", text))
    _assert_offsets(quotes, text)
    q = _by_cue(quotes, "hope")
    assert q.text == "will soothe tensions and unite the party"
    assert q.speaker_text == "Clinton and leading Democrats"


@pytest.mark.slow
def test_an_embedded_post_is_its_author_s_words(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    # Breitbart, 31 Aug 2016: the embed's fallback text, credited at the end of its paragraph.
    text = (
        "Jeff Sessions and Rudy Giuliani wore the hats on Wednesday night.\n\n"
        "Rudy Giuliani and Jeff Sessions briefly wore MAKE MEXICO GREAT AGAIN ALSO hats at Trump’s AZ rally. "
        "Just another day in the campaign. — Sahil Kapur (@sahilkapur) September 1, 2016.\n\n"
        "The rally went on - as planned.\n"
    )
    quotes = extract_quotes(annotate_text("t-post", text))
    _assert_offsets(quotes, text)
    posts = [
        (q.kind, q.text[-33:], q.speaker_text, q.cue) for q in quotes if q.cue and q.cue.startswith("(@")
    ]
    assert posts == [("direct", "Just another day in the campaign.", "Sahil Kapur", "(@sahilkapur)")]


@pytest.mark.slow
def test_a_standing_in_the_polls_is_no_source(annotate_text: Callable[[str, str], AnnotatedDocument]) -> None:
    # Washington Post, 2 Feb 2016: "in the polls" closing the sentence tells where he stands
    text = (
        "His message long has been that he is a winner because he is ahead in the polls.\n\n"
        "In a new Quinnipiac poll, 45 percent of voters backed Clinton.\n\n"
        "Trump did fare well in online polls conducted after the primary debates by news outlets.\n"
    )
    quotes = extract_quotes(annotate_text("t-polls", text))
    sources = sorted(q.speaker_text for q in quotes if q.cue == "In" or q.cue == "in")
    assert sources == [
        "a new Quinnipiac poll",
        "online polls conducted after the primary debates by news outlets",
    ]


@pytest.mark.slow
def test_a_bare_tag_on_the_line_below_a_quotation_credits_it(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    # ECB+ copy, one sentence a line: the tag's "before …" clause tells when, it reports nothing
    text = (
        "The crowd grew through the evening.\n"
        "“The mayor and the commissioner should be down here. Right now!”\n"
        "Williams, a critic of NYPD policy, said before Kelly appeared on the scene.\n"
        "“We want answers from the police tonight.”\n"
        "The Clinton campaign did not immediately respond to requests for comment.\n"
    )
    quotes = extract_quotes(annotate_text("t-tag-below", text))
    _assert_offsets(quotes, text)
    got = [(q.kind, q.text[:20], q.speaker_text) for q in quotes]
    assert got == [
        ("direct", "The mayor and the co", "Williams, a critic of NYPD policy"),
        ("direct", "We want answers from", None),
    ]


@pytest.mark.slow
def test_the_person_a_report_quotes_as_saying_speaks(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    # ECB+ 19: the Daily News relays the words; the witness said them
    text = (
        '"The cops, they just jumped out of the car so fast," the New York Daily News quoted witness '
        "Devonte Brown as saying.\n\nReuters cited a senior official as saying that the talks had failed.\n"
    )
    quotes = extract_quotes(annotate_text("t-quoted-as", text))
    _assert_offsets(quotes, text)
    got = sorted((q.kind, q.speaker_text) for q in quotes)
    assert got == [("direct", "witness Devonte Brown"), ("indirect", "a senior official")]


@pytest.mark.slow
def test_an_adverb_before_that_tells_when_not_what(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = "Local official Miabek Lang said earlier that 12 people were killed in Thursday's bombing.\n"
    (q,) = extract_quotes(annotate_text("t-earlier", text))
    assert q.text == "12 people were killed in Thursday's bombing"


@pytest.mark.slow
def test_a_transcript_after_its_introduction_continues_the_speaker(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    # Breitbart, 15 Mar 2016: the speech after "Transcript as follows:" is Kasich's
    text = (
        "After winning Ohio, Gov. John Kasich said, “I’m getting ready to rent a covered wagon.”\n\n"
        "Transcript as follows:\n\n"
        '"Tonight we arrived in Cleveland, and we went to a restaurant to grab a quick meal.\n\n'
        '"We’re now up 400,000 plus jobs. We’re running a $2 billion surplus."\n\n'
        "Voters cheered.\n\n"
        '"This is all I got, OK?"\n'
    )
    quotes = extract_quotes(annotate_text("t-transcript", text))
    _assert_offsets(quotes, text)
    speakers = {q.text[:12]: q.speaker_text for q in quotes if q.kind == "direct"}
    assert speakers["Tonight we a"] == "Gov. John Kasich"
    assert speakers["We’re now up"] == "Gov. John Kasich"
    # a paragraph of the writer's own breaks the chain
    assert speakers.get("This is all ") is None


def test_a_participle_does_not_climb_to_a_head_put_after_it_that_reports_nothing(nlp: Any) -> None:
    from spacy.tokens import Doc

    from crosswire.extract.quotes_syntax import speaker_of

    # The parse of USA Today, 22 Mar 2016, in context: "went" hung as a ccomp on the later "is".
    # (word, pos, tag, dep, head, lemma)
    parse = [
        ("Clinton", "PROPN", "NNP", "nsubj", 1, "Clinton"),
        ("went", "VERB", "VBD", "ccomp", 12, "go"),
        ("on", "ADP", "IN", "prep", 1, "on"),
        ("offense", "NOUN", "NN", "pobj", 2, "offense"),
        (",", "PUNCT", ",", "punct", 1, ","),
        ("saying", "VERB", "VBG", "advcl", 1, "say"),
        ("he", "PRON", "PRP", "nsubj", 8, "he"),
        ("would", "AUX", "MD", "aux", 8, "would"),
        ("abdicate", "VERB", "VB", "ccomp", 5, "abdicate"),
        (",", "PUNCT", ",", "punct", 12, ","),
        ("his", "PRON", "PRP$", "poss", 11, "his"),
        ("view", "NOUN", "NN", "nsubj", 12, "view"),
        ("is", "AUX", "VBZ", "ROOT", 12, "be"),
        ("wrong", "ADJ", "JJ", "acomp", 12, "wrong"),
        (".", "PUNCT", ".", "punct", 12, "."),
    ]
    words, pos, tags, deps, heads, lemmas = (list(column) for column in zip(*parse, strict=True))
    doc = Doc(nlp.vocab, words=words, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas)
    speaker = speaker_of(doc[5])
    assert speaker is not None and speaker.text == "Clinton"


@pytest.mark.slow
def test_a_reported_clause_keeps_the_bracket_that_closes_what_it_opened(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = "The U.S. Geological Survey said the quake struck at a depth of 10 km (6 miles)."
    quotes = extract_quotes(annotate_text("t-bracket", text))
    _assert_offsets(quotes, text)
    assert _one(quotes, "the quake", "indirect").text == "the quake struck at a depth of 10 km (6 miles)"


@pytest.mark.slow
def test_a_speaker_phrase_stops_before_an_aside_it_opens_and_never_closes(
    annotate_text: Callable[[str, str], AnnotatedDocument],
) -> None:
    text = (
        "In Wisconsin, Sanders won 54 percent of union households to Clinton's 46 percent Tuesday "
        "night, according to exit polls (a sizable margin, but one that is slightly smaller than "
        "his overall support)."
    )
    quotes = extract_quotes(annotate_text("t-aside", text))
    _assert_offsets(quotes, text)
    (q,) = [q for q in quotes if q.cue == "according to"]
    assert q.speaker_text == "exit polls"
