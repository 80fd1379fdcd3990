"""When quoted words were said: a date that hangs on the cue, outside the words; the first report."""

from __future__ import annotations

from typing import Any

import pytest

from crosswire.align.when import date_quote_groups, saying_date
from crosswire.models import Document, QuoteGroup, Story, StoryDocs

TEXT = (
    "Police said on Tuesday that the bridge on Route 9 would reopen after the repairs.\n\n"
    "In Atlanta on Monday, officials say a man stole a city bus and drove it into a lake.\n\n"
    "“We are glad the search is over and the families can grieve,” the mayor said at a news "
    "conference on Wednesday.\n\n"
    "When the council meets on Monday, the governor will argue that the budget is far too small.\n\n"
    "The governor posted “Great meeting yesterday with the mayor and the council” on X.\n\n"
    "The Republican presidential nominee for the Nov. 8 election later said he was being “sarcastic” "
    "in his comments.\n\n"
    "Mangoni, testifying Tuesday, said the drivers were never warned.\n"
)


@pytest.fixture(scope="module")
def parsed(nlp: Any) -> tuple[Any, Any]:
    from crosswire import annotate
    from crosswire.extract import extract_story

    doc = Document(id="d", text=TEXT, published="2025-07-02")
    adocs = tuple(annotate.run([doc]))
    return adocs[0], extract_story(StoryDocs(Story(id="s", documents=("d",)), adocs))


def _said(parsed: tuple[Any, Any], words: str) -> str | None:
    adoc, ex = parsed
    (q,) = [q for q in ex.quotes if words in q.text]
    found = saying_date(q, times=ex.times, annotated=adoc)
    return None if found is None else found[1]


def test_a_date_on_the_cue_dates_the_saying(parsed: tuple[Any, Any]) -> None:
    assert _said(parsed, "bridge on Route 9") == "2025-07-01"  # "said on Tuesday" (published Wed)
    assert _said(parsed, "We are glad") == "2025-07-02"  # "said at a news conference on Wednesday"


def test_dates_of_the_event_a_plan_or_the_words_do_not(parsed: tuple[Any, Any]) -> None:
    assert _said(parsed, "stole a city bus") is None  # "In Atlanta on Monday, officials say …"
    assert _said(parsed, "budget is far too small") is None  # "will argue": a plan
    assert _said(parsed, "Great meeting yesterday") is None  # inside the words
    assert _said(parsed, "being “sarcastic”") is None  # in the speaker's description: who, not when


def test_a_date_in_a_participle_on_the_speaker_dates_the_saying(parsed: tuple[Any, Any]) -> None:
    assert _said(parsed, "drivers were never warned") == "2025-07-01"  # "Mangoni, testifying Tuesday, said"


def test_groups_take_the_day_most_reports_give_and_their_first_report(
    parsed: tuple[Any, Any], nlp: Any
) -> None:
    adoc, ex = parsed
    (q,) = [q for q in ex.quotes if "We are glad" in q.text]
    later = Document(id="e", text="Nothing here.", published="2025-07-03T08:00:00")
    group = QuoteGroup(
        id="Q1",
        speaker=None,
        text=q.text,
        kind="direct",
        quotes=(q.id,),
        variants=(),
        documents=("d", "e"),
        citations=(),
    )
    (dated,) = date_quote_groups(
        [group], ex.quotes, times=ex.times, annotated={"d": adoc}, documents={"d": adoc.document, "e": later}
    )
    assert dated.said_on is not None and dated.said_on.date == "2025-07-02"
    assert dated.said_on.citation.text == "Wednesday" and not dated.said_on.inferred
    assert dated.first_reported == "2025-07-02"
    # without a parse nothing is dated (never a guess from word order)
    from dataclasses import replace

    bare = replace(adoc, doc=None)
    assert saying_date(q, times=ex.times, annotated=bare) is None
    # a model configured without its parser: parts of speech, but no heads and no sentences
    with nlp.select_pipes(disable=["parser"]):
        unparsed = replace(adoc, doc=nlp(adoc.document.body))
    assert saying_date(q, times=ex.times, annotated=unparsed) is None
