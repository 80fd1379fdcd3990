"""Lexical features shared by alignment, conflicts and quotes."""

from __future__ import annotations

import pytest

from crosswire.align.features import content_words, jaccard, normalize_quotes, numbers_with_units, stem


def test_stem_matches_british_and_american_spellings_and_plurals() -> None:
    assert stem("defence") == stem("defense")
    assert stem("sales") == stem("sale")
    assert stem("realise") == stem("realize")


def test_stem_joins_derived_forms_of_one_word() -> None:
    assert stem("awareness") == stem("aware")
    assert stem("regional") == stem("region")
    assert stem("national") == stem("nation")
    assert stem("region") != stem("regiment")


def test_numbers_keep_their_unit_and_skip_dates_and_idioms() -> None:
    assert (10.0, "year") in numbers_with_units("a new 10-year framework")
    assert numbers_with_units("on July 1, 2025 the talks began") == []
    assert numbers_with_units("one of the most consequential pillars") == []
    assert (3.0, "minister") in numbers_with_units("three ministers met")
    assert numbers_with_units("2 million doses")[0] == (2e6, "dos")


def test_content_words_and_jaccard() -> None:
    a = content_words("Hegseth hopes to complete several major pending defence sales")
    b = content_words("Hegseth hopes to complete several big defense sales")
    assert "the" not in a and stem("defence") in a
    assert 0.4 < jaccard(a, b) < 1.0
    assert jaccard(a, set()) == 0.0


def test_normalize_quotes_keeps_length() -> None:
    s = "“deep and ongoing” — it’s"
    assert len(normalize_quotes(s)) == len(s)
    assert normalize_quotes(s).startswith('"deep')


def test_quote_balance_reads_straight_marks_by_where_they_stand() -> None:
    from crosswire.align.features import quote_balance

    assert quote_balance('He said "we will win.') == 1
    assert quote_balance('we will win," he said.') == -1
    assert quote_balance("“We will win,” he said.") == 0
    # a spaced closing mark after a clause's punctuation, as text rejoined from tokens has it
    assert quote_balance('People rushed out of their homes, " a spokesman said.') == -1
    assert quote_balance('The spokesman said: " We will rebuild.') == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll from Tuesday's earthquake in Abruzzo rose to 24 on Tuesday", [(24.0, "peopl")]),
        ("a death toll of at least 30", [(30.0, "peopl")]),
        ("The death toll is 5 percent higher than in 2009", [(5.0, "percent")]),
        ("The road toll rose to 12 dollars", [(12.0, "dollar")]),
    ],
)
def test_a_death_tolls_figure_counts_people(text: str, expected: list[tuple[float, str]]) -> None:
    assert numbers_with_units(text) == expected
