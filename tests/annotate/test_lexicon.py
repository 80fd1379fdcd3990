"""The country table: every country by its names and its demonym; names more often a person's stay out."""

from __future__ import annotations

from crosswire.annotate.lexicon import DEMONYMS, country_for


def test_every_country_answers_to_its_names() -> None:
    assert country_for("U.S.") == country_for("the United States") == "United States"
    assert country_for("the Netherlands") == country_for("Holland") == "Netherlands"
    assert country_for("Côte d’Ivoire") == "Ivory Coast"
    assert country_for("DRC") == "Democratic Republic of the Congo"
    assert country_for("Burma") == "Myanmar"
    assert country_for("Mexico") == "Mexico"
    assert country_for("Mexicali") is None


def test_a_demonym_names_its_country() -> None:
    assert DEMONYMS["mexican"] == "Mexico"
    assert DEMONYMS["sudanese"] == "Sudan" and DEMONYMS["south sudanese"] == "South Sudan"
    assert DEMONYMS["filipino"] == "Philippines"


def test_names_more_often_a_person_s_or_a_state_s_are_no_country() -> None:
    # "Jim Jordan said", "Chad Smith": a person; "Georgia" in US news: the state
    assert country_for("Jordan") is None and country_for("Chad") is None and country_for("Georgia") is None
    assert DEMONYMS["jordanian"] == "Jordan"  # the demonym is unambiguous
