"""Sentence boundaries: paragraph breaks, quotes, abbreviations, datelines; offsets into the original."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from crosswire import annotate
from crosswire.annotate.sentences import paragraph_breaks
from crosswire.models import AnnotatedDocument, Document


def _annotate(doc: Document) -> AnnotatedDocument:
    return next(annotate.run([doc]))


def test_blank_lines_separate_paragraphs_and_single_newlines_are_wraps() -> None:
    text = "First line of a paragraph\nwrapped here.\n\nSecond paragraph."
    assert paragraph_breaks(text) == [(text.index("\n\n"), text.index("Second"))]


def test_single_newlines_separate_paragraphs_when_there_are_no_blank_lines() -> None:
    text = "One paragraph ends.\nAnother starts\nand is wrapped.\nHeadline\nBody."
    starts = [e for _, e in paragraph_breaks(text)]
    assert [text[s:].split()[0] for s in starts] == ["Another", "Headline", "Body."]


@pytest.mark.slow
def test_a_heading_without_a_full_stop_is_split_from_the_next_paragraph(nlp: Any) -> None:
    doc = Document(
        id="d", text="Minister on defence deals with India\n\nAccording to the ministry, talks went well."
    )
    sents = [s.text for s in _annotate(doc).sentences]
    assert sents == ["Minister on defence deals with India", "According to the ministry, talks went well."]


@pytest.mark.slow
def test_closing_quote_stays_with_its_sentence(nlp: Any) -> None:
    text = (
        '"And what we do in the region, we believe, is absolutely crucial to its stability."\n\n'
        "The ties are already strong, but more can be done, he said."
    )
    adoc = _annotate(Document(id="q", text=text))
    assert [s.text for s in adoc.sentences] == [
        '"And what we do in the region, we believe, is absolutely crucial to its stability."',
        "The ties are already strong, but more can be done, he said.",
    ]
    assert [s.paragraph for s in adoc.sentences] == [0, 1]


@pytest.mark.slow
def test_two_apostrophes_open_and_close_quotations_as_a_double_mark_does(nlp: Any) -> None:
    # Some newspaper archives print quotation marks as two apostrophes.
    text = (
        "But the president devoted far more of his speech to Mrs. Clinton. ''You can read about "
        "it, you can study it,'' Mr. Obama said. ''But Hillary's been in the room.''\n"
    )
    adoc = _annotate(Document(id="nyt", text=text))
    assert [s.text for s in adoc.sentences] == [
        "But the president devoted far more of his speech to Mrs. Clinton.",
        "''You can read about it, you can study it,'' Mr. Obama said.",
        "''But Hillary's been in the room.''",
    ]


@pytest.mark.slow
def test_no_sentence_starts_right_after_a_word(nlp: Any) -> None:
    text = (
        "Published: Tuesday, Aug. 2 2011 7: 08 p. m. MDT\n"
        "Prosecutors Tuesday put on the most shocking evidence yet in the trial of Warren Jeffs, who "
        "is charged with sexually assaulting underage girls.\n"
    )
    sents = [s.text for s in _annotate(Document(id="w", text=text)).sentences]
    assert sents[-1].startswith("Prosecutors Tuesday put on")  # was "Prosecutors" + "Tuesday put on …"


@pytest.mark.slow
def test_abbreviations_initials_and_ranks_do_not_end_sentences(nlp: Any) -> None:
    text = (
        "Senior Defense Spokesman Col. Chris Devine said the U.S. Defense Secretary met Minister "
        "S. Jaishankar in Washington. Talks went well."
    )
    sents = [s.text for s in _annotate(Document(id="a", text=text)).sentences]
    assert sents == [text[: text.index(" Talks")], "Talks went well."]


@pytest.mark.slow
def test_an_aside_in_parentheses_does_not_end_the_sentence(nlp: Any) -> None:
    text = (
        "But, a win is a win, and prior to the start of the 2012 regular season, very few (if any!) "
        "people had the Colts winning ten games and earning a post-season birth. "
        "The vote (held Monday) passed. (The count was 5-4.) Then it ended. A witness to the shooting "
        "of 16-year-old Kimani (Kiki) Gray says the youth did not have a gun."
    )
    sents = [s.text for s in _annotate(Document(id="a", text=text)).sentences]
    assert sents == [
        "But, a win is a win, and prior to the start of the 2012 regular season, very few (if any!) "
        "people had the Colts winning ten games and earning a post-season birth.",
        "The vote (held Monday) passed.",
        "(The count was 5-4.)",
        "Then it ended.",
        "A witness to the shooting of 16-year-old Kimani (Kiki) Gray says the youth did not have a gun.",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("rank", ["Lt.", "Sgt.", "Det.", "Capt.", "Cpl.", "Maj."])
def test_ranks_the_tokenizer_splits_do_not_end_sentences(nlp: Any, rank: str) -> None:
    # spaCy splits "Lt." into "Lt" + "." and the parser then ended the sentence at the period.
    text = (
        f"Witnesses said the shooter used a shotgun or a rifle, Troy police {rank} Gerry Scherlinck "
        "said. The damage was major. Officials said the office was closed."
    )
    sents = [s.text for s in _annotate(Document(id="a", text=text)).sentences]
    assert sents == [
        text[: text.index(" The damage")],
        "The damage was major.",
        "Officials said the office was closed.",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("title", ["Sens.", "Reps.", "Govs."])
def test_plural_titles_do_not_end_sentences(nlp: Any, title: str) -> None:
    # HuffPollster, 3 Feb 2016: "… with Sens." | "Ted Cruz (R-Texas), Marco Rubio …"
    text = (
        f"Donald Trump has enjoyed a 20-point lead in New Hampshire polls, with {title} Ted Cruz and "
        "Marco Rubio far behind. The primary is next week."
    )
    sents = [s.text for s in _annotate(Document(id="a", text=text)).sentences]
    assert sents == [text[: text.index(" The primary")], "The primary is next week."]


@pytest.mark.slow
def test_a_heading_on_a_line_of_its_own_is_its_own_sentence(nlp: Any) -> None:
    # HuffPost, 16 Jun 2016: one line break under a subhead, blank lines between paragraphs
    text = (
        "The day ended.\n\nORLANDO MOURNS\nOrlando mourned the dead after the attack. Wakes were held.\n\n"
        "He met the families of victims and spoke of the plan by President\nObama to visit the city.\n"
    )
    sents = [s.text for s in _annotate(Document(id="a", text=text)).sentences]
    assert sents[:4] == [
        "The day ended.",
        "ORLANDO MOURNS",
        "Orlando mourned the dead after the attack.",
        "Wakes were held.",
    ]
    assert sents[4].endswith("to visit the city.")  # a wrapped line is no heading


@pytest.mark.slow
def test_a_lower_case_word_after_an_abbreviation_starts_no_sentence(nlp: Any) -> None:
    # a headline line under a URL line, ECB+ 45: "Okla." | "man guilty …" became a summary line
    text = "http://www.metronewsday.com/news/okla-man.html\nOkla. man guilty of killing pregnant girlfriend\nAn Oklahoma man was found guilty."
    sents = [s.text for s in _annotate(Document(id="a", text=text)).sentences]
    assert "Okla. man guilty of killing pregnant girlfriend" in sents
    # the tokenizer splits "Ave" from its period: a lower-case word after it goes on the sentence
    text = "He had an arrest for walking down Pitkin Ave. brandishing a loaded gun, sources said."
    assert [s.text for s in _annotate(Document(id="b", text=text)).sentences] == [text]


@pytest.mark.slow
def test_dateline_prefix_is_its_own_sentence(nlp: Any) -> None:
    text = "WASHINGTON (Reuters) - The minister met his counterpart on Tuesday. They spoke for an hour."
    sents = [s.text for s in _annotate(Document(id="dl", text=text)).sentences]
    assert sents[0] == "WASHINGTON (Reuters) -"
    assert sents[1].startswith("The minister met")


@pytest.mark.slow
def test_sentence_offsets_point_into_the_original_through_the_clean_view(
    nlp: Any, make_clean_doc: Callable[[str, str], Document]
) -> None:
    doc = make_clean_doc("ws", "   The  minister\tmet   reporters.\n\n  He   said  little.  ")
    adoc = _annotate(doc)
    assert [s.text for s in adoc.sentences] == ["The  minister\tmet   reporters.", "He   said  little."]
    for s in adoc.sentences:
        assert doc.text[s.start : s.end] == s.text
    assert [s.paragraph for s in adoc.sentences] == [0, 1]


@pytest.mark.slow
def test_seed_sentences_are_exact_and_never_cross_a_paragraph(seed_annotated: list[Any]) -> None:
    assert len(seed_annotated) == 5
    for adoc in seed_annotated:
        text = adoc.document.text
        assert adoc.sentences, adoc.document.id
        assert [s.index for s in adoc.sentences] == list(range(len(adoc.sentences)))
        for s in adoc.sentences:
            assert text[s.start : s.end] == s.text
            assert s.text == s.text.strip()
            assert "\n\n" not in s.text
        paragraphs = [s.paragraph for s in adoc.sentences]
        assert paragraphs == sorted(paragraphs)


@pytest.mark.slow
def test_seed_quote_closing_marks_are_not_sentence_starts(seed_annotated: list[Any]) -> None:
    for adoc in seed_annotated:
        for s in adoc.sentences:
            assert not (s.text[:1] in '"”' and s.text[1:2] in {"", " ", "\n"}), s.text


@pytest.mark.slow
def test_dateline_left_without_separator_is_split_from_the_lede(nlp: Any) -> None:
    text = "Washington, July 2 During his meeting with the minister, the secretary praised the talks."
    sents = [s.text for s in _annotate(Document(id="dl2", text=text)).sentences]
    assert sents == [
        "Washington, July 2",
        "During his meeting with the minister, the secretary praised the talks.",
    ]
