"""An outlet's notes on its own report (corrections, clarifications, update notes, editor's
notes) are kept apart from the report: out of the clean view, each an ``EditorNote`` citing its
words — the forms newspapers, sites and the wires print them in."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire import clean, ingest
from crosswire.clean.notes import is_note_continuation, is_note_heading, note_kind
from crosswire.ledger import Ledger
from crosswire.models import Document

BODY = (
    "External Affairs Minister S. Jaishankar met U.S. Defense Secretary Pete Hegseth at the Pentagon "
    "on Tuesday, where the two discussed pending defense sales.\n\n"
    '"We hope we can complete several major pending defence sales to India," Hegseth said.\n\n'
    "The meeting took place a day after the Quad foreign ministers met in Washington."
)


def _read(tmp_path: Path, text: str, name: str = "report.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ledger = Ledger()
    docs = list(clean.run(ingest.run([str(path)], ledger=ledger), ledger=ledger))
    assert not ledger.rejected, ledger.rejected
    (doc,) = docs
    return doc


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "Correction: An earlier version of this article said the meeting took place on Wednesday.",
            "correction",
        ),
        (
            "CORRECTION: Due to an editing error, an alternate version of this article was published.",
            "correction",
        ),
        ("An earlier version of this story misspelled Jaishankar's name.", "correction"),
        (
            "This story has been corrected to show that the meeting was on Tuesday, not Wednesday.",
            "correction",
        ),
        ("This version corrects the spelling of Jaishankar's name.", "correction"),
        (
            "Because of an editing error, an article on April 25 misstated the name of a program.",
            "correction",
        ),
        ("(Corrects day of meeting in paragraph 2 to Tuesday, not Wednesday)", "correction"),
        ("(This July 2 story corrects paragraph 3 to say the meeting took place on Tuesday)", "correction"),
        (
            "CLARIFICATION: The first sentence has been clarified to reflect that Fowler is calling for a process.",
            "clarification",
        ),
        (
            "Clarification (July 3, 2025): A previous version of this report did not say the framework is unsigned.",
            "clarification",
        ),
        ("This story has been updated with additional reactions from members of Congress.", "update"),
        ("This post has been updated to include Zucker’s comments on HLN.", "update"),
        ("This article was updated to reflect that Clinton was officially declared the winner.", "update"),
        ("Update: This story has been updated with comment from the Pentagon.", "update"),
        ("(Adds Pentagon statement in paragraphs 4-5)", "update"),
        ("This is a developing story and will be updated.", "update"),
        (
            "Editor’s note: Donald Trump regularly incites political violence and is a serial liar.",
            "editor's note",
        ),
        ("Editor's Note: The following is part 3 of 3 excerpts from the book.", "editor's note"),
        ("Note to readers: the author is a former Pentagon official.", "editor's note"),
        (
            "Editor's note: This article has been retracted. Its account relied on a source we could not verify.",
            "retraction",
        ),
        ("This story has been withdrawn.", "retraction"),
        ("(Story withdrawn; no replacement)", "retraction"),
        ("(Reuters withdraws this story. There will be no replacement)", "retraction"),
        ("KILL: The story is being withdrawn. There will be no substitute.", "retraction"),
        ("RETRACTION: The Example Times retracts this article.", "retraction"),
    ],
)
def test_a_note_on_the_report_is_known_by_its_kind(line: str, kind: str) -> None:
    assert note_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        # news about someone else's report, or the report's own words
        "(Politico responded late Friday with an editor's note on the story saying that Carson had implied it.)",
        "The newspaper later issued a correction saying the figure was wrong.",
        "This report said the meeting was productive.",
        "This week the minister said the deal was close.",
        "An earlier version of the bill was rejected by the Senate.",
        # someone withdrawing something, another outlet's story withdrawn
        "The minister withdrew the remark on Tuesday.",
        "The report was withdrawn after complaints from the ministry.",
        "The story was killed by editors at the paper.",
        # an update that is news, and a page's stamp
        "UPDATE: The Pentagon later said the framework would be signed in October.",
        "Updated: July 2, 2025 10:15 IST",
        # a lone word may be a page's menu
        "Corrections",
        "Update",
    ],
)
def test_a_line_that_only_mentions_a_correction_is_no_note(line: str) -> None:
    assert note_kind(line) is None


def test_headings_and_closing_lines() -> None:
    assert is_note_heading("CORRECTION:")
    assert is_note_heading("Correction: October 2, 2016, Sunday.")
    assert is_note_heading("Editor's Note:")
    assert not is_note_heading("Correction: An earlier version of this story misspelled his name.")
    assert not is_note_heading("UPDATE:")  # what follows an "UPDATE:" is news
    assert is_note_continuation("We regret the error.")
    assert is_note_continuation("As published in the International New York Times.")


def test_a_correction_closing_the_report_is_a_note_not_text(tmp_path: Path) -> None:
    note = (
        "Correction: An earlier version of this article said the meeting took place during the "
        "QUAD summit. It took place a day after the meeting of Quad foreign ministers."
    )
    text = f"{BODY}\n\n{note}\n"
    doc = _read(tmp_path, text)
    assert doc.clean == BODY
    ((n),) = doc.notes
    assert (n.kind, doc.text[n.start : n.end]) == ("correction", note)
    assert n.document == doc.id


def test_a_newspaper_correction_appended_is_two_notes(tmp_path: Path) -> None:
    # The New York Times' archive form: "CORRECTION APPENDED." above the report, the correction
    # under a "CORRECTION:" heading at its end.
    tail = (
        "CORRECTION:\n\nAs published in the International New York Times.\n\nBecause of an editing "
        "error, an article on July 2 about the Pentagon meeting misstated the day it took place. "
        "It was Tuesday, not Wednesday.\n"
    )
    text = f"CORRECTION APPENDED.\n\n{BODY}\n\n{tail}"
    doc = _read(tmp_path, text)
    assert doc.clean == BODY
    assert [(n.kind, doc.text[n.start : n.end]) for n in doc.notes] == [
        ("correction", "CORRECTION APPENDED."),
        ("correction", tail.rstrip()),
    ]


def test_a_wire_advisory_above_the_dateline_is_a_note(tmp_path: Path) -> None:
    text = (
        "UPDATE 1-US, India to sign defense framework soon, Hegseth says\n\n"
        "(Adds Pentagon statement in paragraphs 4-5)\n\n"
        "WASHINGTON, July 1 (Reuters) - U.S. Defense Secretary Pete Hegseth said on Tuesday the "
        "United States hoped to complete several major pending defense sales to India.\n\n"
        "Hegseth met Indian External Affairs Minister Subrahmanyam Jaishankar at the Pentagon.\n"
    )
    doc = _read(tmp_path, text)
    assert doc.title == "US, India to sign defense framework soon, Hegseth says"
    assert (doc.dateline_place, doc.credit) == ("Washington", "Reuters")  # the dateline under the note
    assert doc.clean.startswith("U.S. Defense Secretary Pete Hegseth said on Tuesday")
    assert [(n.kind, doc.text[n.start : n.end]) for n in doc.notes] == [
        ("update", "(Adds Pentagon statement in paragraphs 4-5)")
    ]


def test_a_note_goes_on_over_its_wrapped_lines_and_regrets(tmp_path: Path) -> None:
    text = (
        f"{BODY}\n\nThis story has been corrected to show that the meeting took place on\n"
        "Tuesday, not Wednesday.\nWe regret the error.\n"
    )
    doc = _read(tmp_path, text)
    assert doc.clean == BODY
    ((n),) = doc.notes
    assert doc.text[n.start : n.end].endswith("Tuesday, not Wednesday.\nWe regret the error.")


def test_news_about_corrections_stays_in_the_report(tmp_path: Path) -> None:
    text = (
        f"{BODY}\n\nThe Times of India later issued a correction saying the meeting was on Tuesday.\n\n"
        "UPDATE: The Pentagon later said the framework would be signed in October.\n"
    )
    doc = _read(tmp_path, text)
    assert doc.notes == ()
    assert "issued a correction" in doc.clean and "signed in October" in doc.clean


def test_a_heading_followed_by_the_report_takes_only_its_paragraph(tmp_path: Path) -> None:
    # An "Editor's note:" heading above the report: the note is its paragraph, not the rest
    note = "Editor's note:\n\nThis report contains the minister's remarks as the Pentagon released them."
    text = f"{note}\n\n{BODY}\n"
    doc = _read(tmp_path, text)
    assert doc.clean == BODY
    assert [doc.text[n.start : n.end] for n in doc.notes] == [note]


def test_a_text_that_is_only_a_note_is_kept_as_the_report(tmp_path: Path) -> None:
    # A paper's corrections column is itself the report: nothing is left out of it
    text = (
        "Correction: An earlier version of this article misstated the day of the meeting between "
        "the defense secretary and the external affairs minister. It was Tuesday, not Wednesday.\n"
    )
    doc = _read(tmp_path, text)
    assert doc.notes == ()
    assert doc.clean == text.strip()


def test_an_advisory_opening_a_text_is_a_note_not_its_headline(tmp_path: Path) -> None:
    # A wire story saved without its headline: the advisory above the dateline had been taken
    # for the headline (and cut out of the text as one), so the note was lost
    text = (
        "(Adds Pentagon statement in paragraph 3)\n\n"
        "WASHINGTON, July 1 (Reuters) - U.S. Defense Secretary Pete Hegseth said on Tuesday the "
        "United States hoped to complete several major pending defense sales to India.\n\n"
        "Hegseth met Indian External Affairs Minister Subrahmanyam Jaishankar at the Pentagon.\n"
    )
    doc = _read(tmp_path, text)
    assert doc.title is None
    assert (doc.dateline_place, doc.credit) == ("Washington", "Reuters")
    assert [(n.kind, doc.text[n.start : n.end]) for n in doc.notes] == [
        ("update", "(Adds Pentagon statement in paragraph 3)")
    ]
