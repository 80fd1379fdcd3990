"""Roles from titles before a name and appositives after it (no model needed)."""

from __future__ import annotations

import pytest

from crosswire.extract.roles import roles_around, singular_role


def _roles(text: str, name: str, *, stops: tuple[str, ...] = ()) -> tuple[str, ...]:
    start = text.index(name)
    spans = [(text.index(s), text.index(s) + len(s)) for s in stops]
    return roles_around(text, start, start + len(name), stops=spans)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("External Affairs Minister S. Jaishankar met him.", "S. Jaishankar", ("External Affairs Minister",)),
        (
            "Hegseth met with India's Minister of External Affairs S. Jaishankar on July 1.",
            "S. Jaishankar",
            ("Minister of External Affairs",),
        ),
        ("US Defence Secretary Pete Hegseth said so.", "Pete Hegseth", ("Defence Secretary",)),
        ("At the Pentagon, Secretary Hegseth spoke.", "Hegseth", ("Secretary",)),
        ("Trump led, with Sens. Ted Cruz and Marco Rubio behind.", "Ted Cruz", ("Sen.",)),  # one senator
        (
            "Senior Defense Spokesman Col. Chris Devine said.",
            "Chris Devine",
            ("Senior Defense Spokesman", "Col."),
        ),
        (
            "talks with Indian Minister of External Affairs S Jaishankar",
            "S Jaishankar",
            ("Minister of External Affairs",),
        ),
        ("Pete Hegseth, the US defence secretary, said so.", "Pete Hegseth", ("defence secretary",)),
        ("Mr. Johnson said the vote would pass.", "Johnson", ()),
        (  # an initialism's dots end no appositive
            "said Alfredo Perez, a spokesman for the U.S. Marshals Service.",
            "Alfredo Perez",
            ("spokesman for the U.S. Marshals Service",),
        ),
        ("Meanwhile the farmer Tom Johnston said no.", "Tom Johnston", ()),
        # a place's "New" is no "new" to strip (Breitbart, 31 Aug 2016)
        (
            "and former New York City Mayor Rudy Giuliani wore a hat",
            "Rudy Giuliani",
            ("New York City Mayor",),
        ),
        ("The new Defence Secretary Pete Hegseth said so.", "Pete Hegseth", ("Defence Secretary",)),
    ],
)
def test_roles_from_titles_and_appositives(text: str, name: str, expected: tuple[str, ...]) -> None:
    assert _roles(text, name) == expected


def test_a_title_before_one_name_does_not_reach_past_another() -> None:
    text = "the meeting with Foreign Ministers Anthony Albanese of Australia and Takeshi Iwaya of Japan"
    stops = ("Anthony Albanese", "Takeshi Iwaya")
    assert _roles(text, "Anthony Albanese", stops=stops) == ("Foreign Minister",)
    assert _roles(text, "Takeshi Iwaya", stops=stops) == ()


def test_president_and_prime_minister_in_one_phrase() -> None:
    text = "built by President Trump and Prime Minister Modi, describing it"
    stops = ("Trump", "Modi")
    assert _roles(text, "Trump", stops=stops) == ("President",)
    assert _roles(text, "Modi", stops=stops) == ("Prime Minister",)


def test_singular_role() -> None:
    assert singular_role("Foreign Ministers") == "Foreign Minister"
    assert singular_role("Defense Secretaries") == "Defense Secretary"
    assert singular_role("Minister of External Affairs") == "Minister of External Affairs"
    assert (
        singular_role("spokesman for the U.S. Marshals Service") == "spokesman for the U.S. Marshals Service"
    )
