"""Which pronoun a document uses for each person it names, from the document's own words."""

from __future__ import annotations

import pytest

from crosswire import annotate
from crosswire.extract.gender import Genders, name_genders, noun_gender, surname_key
from crosswire.models import Document

pytestmark = pytest.mark.slow


def _genders(text: str) -> Genders:
    adoc = next(annotate.run([Document(id="t-gender", text=text)]))
    return name_genders(adoc)


def test_surname_key_is_the_surname_without_honorifics_and_suffixes() -> None:
    assert surname_key("Donald J. Trump") == "trump"
    assert surname_key("Mr. Fowler") == "fowler"
    assert surname_key("Martin Luther King Jr.") == "king"
    assert surname_key("Clinton’s") == "clinton"
    assert (noun_gender("Spokeswoman"), noun_gender("senator")) == ("she", None)


def test_honorifics_and_gendered_titles_say_the_pronoun() -> None:
    g = _genders(
        "Don Fowler led the party in the 1990s. Mr. Fowler said the plan was ready. "
        "Ms. Kamarck disagreed with the timing. Campaign spokeswoman Jessica Ditto declined to comment.\n"
    )
    assert (g.of("Don Fowler"), g.of("Fowler"), g.of("Mr. Fowler")) == ("he", "he", "he")
    assert (g.of("Kamarck"), g.of("Jessica Ditto")) == ("she", "she")
    assert g.of("Marco Rubio") is None  # never named, never gendered


def test_a_pronoun_of_the_names_own_clause_counts_unless_another_person_is_named_in_it() -> None:
    g = _genders(
        "Ed Rendell battled three bouts of walking pneumonia in his campaigns for governor.\n\n"
        "Elizabeth Warren grilled John Stumpf on Tuesday for his role in the accounts scandal.\n"
    )
    assert g.of("Rendell") == "he"
    assert g.of("Elizabeth Warren") is None  # "his role" is Stumpf's


def test_pronouns_of_other_clauses_and_views_say_nothing() -> None:
    g = _genders(
        "Donald Trump said she was wrong about the wall. Jennifer McClellan, a corporate attorney, "
        "considers Kaine her political mentor.\n"
    )
    assert g.of("Trump") is None  # "she" is the subject of what he said
    assert g.of("Kaine") is None  # "her" is McClellan's


def test_a_surname_two_people_share_is_gendered_by_full_name_only() -> None:
    g = _genders(
        "Bill Clinton spent his morning at the foundation. Hillary Clinton told her supporters in "
        "Ohio that the race was close. Mrs. Clinton left for Florida.\n"
    )
    assert (g.of("Bill Clinton"), g.of("Hillary Clinton")) == ("he", "she")
    assert g.of("Clinton") is None


def test_a_trailing_participle_is_nobodys_evidence_but_an_emphatic_reflexive_is() -> None:
    g = _genders(
        "Judge Philip Hickok upheld the jury's recommendation.\n\n"
        "Chela Ortiz spoke briefly before Hickok made the final ruling, addressing her husband's "
        "killer directly.\n\n"
        "Loretta Lynch herself was a partner at the firm from 2002 to 2010.\n"
    )
    # "addressing her …" hangs on Hickok's clause in the parse, but is Chela's
    assert g.of("Hickok") is None
    assert g.of("Loretta Lynch") == "she"
