"""Credit lines, syndication notes, sign-offs and inline credits: found, normalised, removed."""

from __future__ import annotations

import pytest

from crosswire import clean
from crosswire.clean.credit import credit_line, inline_credit, signoff_line, syndication_note
from crosswire.models import Document

BODY = "The two leaders met at the Pentagon on Tuesday and discussed pending defence sales."


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("Based On A PTI Report", "PTI"),
        ("(With inputs from agencies)", None),
        ("With inputs from ANI", "ANI"),
        ("(with inputs from PTI and Reuters)", "PTI"),
        ("— PTI", "PTI"),
        ("(Reuters)", "Reuters"),
        ("Source: AFP", "AFP"),
        ("PTI SKU RHL", "PTI"),
        ("— The Associated Press", "AP"),
        ("Press Trust of India", "PTI"),
        ("[IANS]", "IANS"),
    ],
)
def test_credit_lines(line: str, agency: str | None) -> None:
    m = credit_line(line, 0, len(line))
    assert m is not None and m.agency == agency
    assert line[m.span[0] : m.span[1]] == line


@pytest.mark.parametrize(
    "line",
    [
        "The PTI report said the talks went well.",
        "Reuters reported that the talks were productive.",
        "Based on the minister's remarks, the deal is close.",
        "From Washington, the view is different.",
    ],
)
def test_sentences_are_not_credit_lines(line: str) -> None:
    assert credit_line(line, 0, len(line)) is None


def test_acronyms_are_case_sensitive() -> None:
    assert credit_line("— pti", 0, 5) is None
    assert credit_line("— AP", 0, 4) is not None


def test_syndication_note_and_signoff() -> None:
    note = "(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)"
    assert syndication_note(note, 0, len(note)) is not None
    assert syndication_note(BODY, 0, len(BODY)) is None
    sign = "Reporting by Idrees Ali; Editing by Chris Reese"
    assert signoff_line(sign, 0, len(sign)) is not None
    assert signoff_line(BODY, 0, len(BODY)) is None


@pytest.mark.parametrize(
    ("line", "credit", "agency"),
    [
        ("India has also deployed MQ 9Bs, it added. — PTI", "— PTI", "PTI"),
        ("he said on Tuesday. (Reuters)", "(Reuters)", "Reuters"),
        ("the ministry said. (With inputs from ANI)", "(With inputs from ANI)", "ANI"),
    ],
)
def test_inline_credits(line: str, credit: str, agency: str) -> None:
    m = inline_credit(line, 0, len(line))
    assert m is not None and m.agency == agency
    assert line[m.span[0] : m.span[1]] == credit
    assert inline_credit(BODY, 0, len(BODY)) is None


def test_credit_lines_removed_and_span_kept() -> None:
    text = f"{BODY}\n\nThey also discussed training.\n\n(With inputs from PTI)\n\n\n"
    doc = next(clean.run([Document(id="w", text=text)]))
    assert doc.clean == f"{BODY}\n\nThey also discussed training."
    assert doc.credit == "PTI"
    assert (
        doc.credit_span is not None
        and doc.text[doc.credit_span.start : doc.credit_span.end] == "(With inputs from PTI)"
    )
    assert doc.truncated is False  # blank lines after a credit line are not a cut


def test_syndicated_note_marks_the_document() -> None:
    text = f"{BODY}\n\n(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)\n"
    doc = next(clean.run([Document(id="s", text=text)]))
    assert doc.clean == BODY
    assert doc.credit is None
    assert doc.meta["syndicated"] is True


def test_inline_credit_at_the_end_removed() -> None:
    text = f"{BODY} It said more talks would follow. — PTI"
    doc = next(clean.run([Document(id="i", text=text)]))
    assert doc.clean == f"{BODY} It said more talks would follow."
    assert doc.credit == "PTI"
    assert doc.truncated is False


def test_signoff_only_near_the_end() -> None:
    body = f"Edited by hand, the list was long.\n{BODY}\nThey met again.\nThey agreed.\nThey left."
    doc = next(
        clean.run([Document(id="r", text=f"{body}\n\nReporting by Idrees Ali; Editing by Chris Reese")])
    )
    assert doc.clean == body


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("By MARIA ROSSI and JOHN SMITH, Associated Press", "AP"),
        ("By Jane Doe | Reuters", "Reuters"),
        ("By Jean-Luc de la Tour, AFP", "AFP"),
        ("By Jane Doe, Staff Writer", None),
        ("by Hannah Fry, The Washington Post", None),
        ("By Jane Doe and John Roe", None),
        # the Guardian's: the writers and where they file from, or their post
        ("Angela Giuffrida in Rome", None),
        ("Lorenzo Tondo and Angela Giuffrida in Palermo", None),
        ("Julian Borger, world affairs editor", None),
    ],
)
def test_bylines(line: str, agency: str | None) -> None:
    from crosswire.clean.credit import byline

    m = byline(line, 0, len(line))
    assert m is not None and (m.kind, m.agency) == ("byline", agency)


@pytest.mark.parametrize(
    "line",
    [
        "By Monday Morning",
        "By Tuesday, rebels held the town",
        "By Law Enforcement Officials",
        "By the end of it",
        "Rescuers in Onna",
        "The Pope in Rome",
        "Hillary Clinton in Iowa: what to watch",
        "Angela Giuffrida in Rome said the talks had failed",
    ],
)
def test_sentences_opening_with_by_are_no_bylines(line: str) -> None:
    from crosswire.clean.credit import byline

    assert byline(line, 0, len(line)) is None


def test_a_writers_line_without_by_above_the_article_is_no_sentence_of_it() -> None:
    text = (
        "Angela Giuffrida in Rome\n"
        "At least 12 people have been killed after a magnitude 6.1 earthquake struck central Italy.\n"
        "Angela Giuffrida in Rome reported the toll as it rose."
    )
    doc = next(clean.run([Document(id="g", text=text)]))
    assert doc.clean.startswith("At least 12 people")
    assert doc.clean.endswith("Angela Giuffrida in Rome reported the toll as it rose.")


def test_a_byline_above_the_article_is_removed_and_credits_its_agency() -> None:
    text = (
        "Quake kills 12 in Italy\n\nBy MARIA ROSSI, Associated Press\n\n"
        "A magnitude 6.1 earthquake struck central Italy early Tuesday, officials said.\n\n"
        "By Tuesday evening, rescuers had reached three villages."
    )
    doc = next(
        clean.run(
            [Document(id="b", text=text, meta={"title_span": (0, 23)}, title="Quake kills 12 in Italy")]
        )
    )
    assert doc.clean.startswith("A magnitude 6.1 earthquake")
    assert doc.clean.endswith("By Tuesday evening, rescuers had reached three villages.")
    assert doc.credit == "AP"


def test_a_contributed_reporting_line_at_the_end_is_a_signoff_that_credits_no_one() -> None:
    body = f"{BODY}\nThey met again."
    for line, credit in (
        ("Associated Press writer Frances D'Emilio in Rome contributed to this report.", None),
        ("Bryant Rousseau and Caryn Wilson contributed reporting.", None),
    ):
        doc = next(clean.run([Document(id="c", text=f"{body}\n\n{line}")]))
        assert (doc.clean, doc.credit) == (body, credit)
    # a sentence of the story that happens to say so stays
    kept = f"{body}\nMany people contributed to this report on the flood damage in the region."
    assert next(clean.run([Document(id="k", text=kept)])).clean == kept
