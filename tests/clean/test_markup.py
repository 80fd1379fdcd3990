"""Markup tags left in a text are not words of the article; what they wrap is."""

from __future__ import annotations

import pytest

from crosswire import clean
from crosswire.clean.markup import markup_spans
from crosswire.models import Document


def test_an_embedded_post_keeps_its_words_and_loses_its_tags() -> None:
    text = (
        "Jeff Sessions and Rudy Giuliani wore the hats on Wednesday night.\n\n"
        '<tweet id="771156540103417856" author="@cspan" datetime="2016-09-01">Rudy Giuliani & Sen. Jeff '
        'Sessions wear "Make Mexico Great Again Also" hat prior to Trump speech. — CSPAN (@cspan) '
        "September 1, 2016</tweet>.\n\nMany reporters noted the change on Twitter.\n"
    )
    doc = next(clean.run([Document(id="b", text=text)]))
    assert doc.clean == (
        "Jeff Sessions and Rudy Giuliani wore the hats on Wednesday night.\n\n"
        'Rudy Giuliani & Sen. Jeff Sessions wear "Make Mexico Great Again Also" hat prior to Trump '
        "speech. — CSPAN (@cspan) September 1, 2016.\n\nMany reporters noted the change on Twitter."
    )
    # the clean view still maps onto the original characters
    i = doc.clean.index("Rudy Giuliani &")
    start = doc.offsets.to_original(i)
    assert text[start : start + 15] == "Rudy Giuliani &"


@pytest.mark.parametrize("text", ["x < y and y > z", "I <3 New York", "a <= b", "if a<b and c>d then"])
def test_comparisons_and_hearts_are_no_markup(text: str) -> None:
    assert markup_spans(text) == []


def test_tags_with_and_without_attributes_are_markup() -> None:
    text = '<p class="lead">Hello</p><br/>'
    assert [text[s:e] for s, e in markup_spans(text)] == ['<p class="lead">', "</p>", "<br/>"]
