"""Summary, headline, timeline on small inputs (no model)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
import seedkit

from crosswire import align, brief
from crosswire.brief.headline import trim_headline
from crosswire.models import TimeExpression

TEXTS = {
    "a": (
        "Officials from both countries met in Geneva on Monday to discuss a ceasefire. "
        "The ceasefire talks ended without an agreement after six hours. "
        "He said the mood was tense."
    ),
    "b": (
        "Officials from both countries met in Geneva on Monday to discuss a ceasefire plan. "
        "The ceasefire talks ended without any agreement after six hours. "
        "A local bakery sold out of bread."
    ),
    "c": "The ceasefire talks in Geneva ended without an agreement after six hours of talks on Monday.",
}


def _brief(hash_embedder: Any, **kw: Any) -> Any:
    times = []
    for d, t in TEXTS.items():
        i = t.index("Monday")
        times.append(TimeExpression(d, i, i + 6, "Monday", "DATE", "2024-03-04"))
    ex = seedkit.small_extraction(TEXTS, times=tuple(times), **kw)
    return next(brief.run(align.run([ex], embedder=hash_embedder)))


def test_summary_sentences_are_source_sentences_most_corroborated_first(hash_embedder: Any) -> None:
    b = _brief(hash_embedder)
    assert 1 <= len(b.summary) <= 7
    for s in b.summary:
        assert any(s.text == c.text for c in s.citations)
        for c in s.citations:
            assert TEXTS[c.document][c.start : c.end] == c.text
    texts = [s.text for s in b.summary]
    assert "A local bakery sold out of bread." not in texts[:2]
    assert len({c.document for c in b.summary[0].citations}) >= 2
    assert not any(t.startswith("He said") for t in texts)


def test_a_sentence_leaning_on_the_one_before_is_not_summary_material(hash_embedder: Any) -> None:
    from crosswire.brief.summary import candidates

    texts = {
        "a": (
            "Officials from both countries met in Geneva on Monday to discuss a ceasefire. "
            "But the ceasefire talks ended without an agreement after six hours. "
            "That's a setback for the mediators who arranged the ceasefire talks."
        ),
        "b": (
            "Officials from both countries met in Geneva on Monday to discuss a ceasefire plan. "
            "The ceasefire talks ended without any agreement after six hours. "
            "That setback for the mediators who arranged the ceasefire talks was plain."
        ),
    }
    alignment = next(align.run([seedkit.small_extraction(texts)], embedder=hash_embedder))
    score = {c.text: c.score for c in candidates(alignment)}
    but = score["But the ceasefire talks ended without an agreement after six hours."]
    plain = score["The ceasefire talks ended without any agreement after six hours."]
    assert but < plain - 1.0
    thats = score["That's a setback for the mediators who arranged the ceasefire talks."]
    that_setback = score["That setback for the mediators who arranged the ceasefire talks was plain."]
    assert thats < that_setback - 1.0  # "That's …" points back; "That setback …" names its subject
    b = next(brief.run([alignment]))
    assert not any(s.text.startswith(("But ", "That's")) for s in b.summary)
    # a pronoun subject after a fronted phrase leans on the sentence before just the same
    texts = {
        "a": "Clinton took questions on Saturday. First, she refused to name the enemy at the debate.",
        "b": "Clinton refused to name the enemy at the debate, and her rivals noticed on Saturday.",
    }
    alignment = next(align.run([seedkit.small_extraction(texts)], embedder=hash_embedder))
    score = {c.text: c.score for c in candidates(alignment)}
    first = score["First, she refused to name the enemy at the debate."]
    named = score["Clinton refused to name the enemy at the debate, and her rivals noticed on Saturday."]
    assert first < named - 1.0


def test_a_quotation_tagged_only_with_a_pronoun_is_scored_down(hash_embedder: Any) -> None:
    from crosswire.brief.summary import candidates

    texts = {
        "a": "Ryan spoke in Washington on Thursday. “Conservatives want to know whether he shares our "
        "values on limited government,” he added.",
        "b": "“Conservatives want to know whether he shares our values on limited government,” Ryan said.",
    }
    alignment = next(align.run([seedkit.small_extraction(texts)], embedder=hash_embedder))
    score = {c.text: c.score for c in candidates(alignment)}
    pronoun = score[texts["a"].split("Thursday. ")[1]]
    assert pronoun < score[texts["b"]] - 1.0  # alone in a summary, whose words are these?


def test_the_writer_s_question_is_scored_down(hash_embedder: Any) -> None:
    from crosswire.brief.summary import candidates

    texts = {
        "a": "Obama said Clinton is the most qualified candidate ever. How does Obama's claim about "
        "Clinton as the most qualified candidate stack up?",
        "b": "Obama's claim that Clinton is the most qualified candidate ever does not stack up.",
    }
    alignment = next(align.run([seedkit.small_extraction(texts)], embedder=hash_embedder))
    score = {c.text: c.score for c in candidates(alignment)}
    question = next(t for t in score if t.endswith("?"))
    assert score[question] < score[texts["b"]] - 1.0


def test_a_sentence_inside_a_quotation_is_no_summary_sentence(hash_embedder: Any) -> None:
    from crosswire.brief.summary import candidates
    from crosswire.models import Quote

    said = (
        '"It is every sheriff’s nightmare," she said. "You never want an escape from any jail. '
        'Three maximum security prisoners escaped from the county jail on Friday. So it is not a good day."'
    )
    texts = {
        "a": said,
        "b": "Three maximum security prisoners escaped from the county jail on Friday, officials said.",
    }
    qs = said.index("You never")
    quote = Quote("Q", "a", qs, len(said) - 1, said[qs:-1], "direct", None, "she")
    for quotes in ((), (quote,)):
        alignment = next(align.run([seedkit.small_extraction(texts, quotes=quotes)], embedder=hash_embedder))
        score = {c.text: c.score for c in candidates(alignment)}
        inside = score["Three maximum security prisoners escaped from the county jail on Friday."]
        told = score[texts["b"]]
        # its speaker is named two sentences before: alone in a summary, whose words are these?
        assert (inside < told - 1.0) == bool(quotes)


def test_the_summary_opens_with_the_event_on_its_date(hash_embedder: Any) -> None:
    from crosswire.models import Entity, Span

    background = (
        "South Sudan split off from Sudan in July after a referendum backed by Salva Kiir and John Garang."
    )
    texts = {
        "a": "Bombs fell on the Yida refugee camp in South Sudan on Thursday, aid workers said. "
        + background,
        "b": "Aircraft bombed the Yida refugee camp in South Sudan on Thursday, witnesses said. "
        + background,
    }
    times, ents = [], []
    for d, t in texts.items():
        for x, v in (("Thursday", "2011-11-10"), ("July", "2011-07")):
            times.append(TimeExpression(d, t.index(x), t.index(x) + len(x), x, "DATE", v))
    for k, (name, kind) in enumerate(
        (("South Sudan", "GPE"), ("Salva Kiir", "PERSON"), ("John Garang", "PERSON"))
    ):
        spans = tuple(Span(d, t.index(name), t.index(name) + len(name)) for d, t in texts.items())
        ents.append(Entity(f"e{k}", name, kind, (name,), (), spans))
    ex = seedkit.small_extraction(texts, times=tuple(times), ents=tuple(ents))
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    assert b.event_date == "2011-11-10"
    # two people and a date make "who met whom" — but July is not the day of this story
    assert "Yida refugee camp" in b.summary[0].text


def test_without_a_lead_the_summary_opens_with_the_headlines_sentence(hash_embedder: Any) -> None:
    from crosswire.brief.summary import summarize

    alignment = next(align.run([seedkit.small_extraction(TEXTS)], embedder=hash_embedder))
    first = summarize(alignment)[0].text
    title = "The ceasefire talks ended without an agreement after six hours"
    assert not first.startswith(title)
    assert summarize(alignment, headline=title)[0].text.startswith(title)
    # a headline no two sources back opens nothing
    assert summarize(alignment, headline="He said the mood was tense")[0].text == first


def test_a_sentence_that_closes_a_quotation_it_did_not_open_is_scored_down(hash_embedder: Any) -> None:
    from crosswire.brief.summary import candidates

    texts = {
        "a": 'The quake was felt strongly in Banda Aceh.\n\nPeople rushed out of their homes in Aceh," a spokesman said.',
        "b": "People rushed out of their homes in Aceh after the quake, officials said.",
    }
    alignment = next(align.run([seedkit.small_extraction(texts)], embedder=hash_embedder))
    score = {c.text: c.score for c in candidates(alignment)}
    assert score['People rushed out of their homes in Aceh," a spokesman said.'] < score[texts["b"]] - 1.0


def test_event_date_and_timeline(hash_embedder: Any) -> None:
    b = _brief(hash_embedder)
    assert b.event_date == "2024-03-04"
    assert b.timeline and all(t.date == "2024-03-04" for t in b.timeline)
    assert sum(len(t.citations) for t in b.timeline) == 3


def _brief_dated(hash_embedder: Any, texts: dict[str, str], dates: list[tuple[str, str, str]]) -> Any:
    """The brief of ``texts`` with the given (document, words, TIMEX3 value) dates."""
    times = tuple(
        TimeExpression(d, texts[d].index(x), texts[d].index(x) + len(x), x, "DATE", v) for d, x, v in dates
    )
    return next(brief.run(align.run([seedkit.small_extraction(texts, times=times)], embedder=hash_embedder)))


def test_a_sentence_with_several_dates_is_told_once_under_its_most_precise(hash_embedder: Any) -> None:
    line = "Between 1991 and 1998, he was in and out of prison until he returned to prison in June 1999."
    texts = {"a": line, "b": "He escaped from a prison transfer in Huntsville on Monday."}
    dates = [
        ("a", "1991", "1991"),
        ("a", "1998", "1998"),
        ("a", "June 1999", "1999-06"),
        ("b", "Monday", "2009-11-30"),
    ]
    b = _brief_dated(hash_embedder, texts, dates)
    assert [(t.date, t.text) for t in b.timeline] == [("1999-06", line), ("2009-11-30", texts["b"])]
    # of two dates alike in precision, the range's start
    b = _brief_dated(hash_embedder, texts, [d for d in dates if d[2] != "1999-06"])
    assert [t.date for t in b.timeline] == ["1991", "2009-11-30"]


def test_a_sentence_dated_twice_is_told_once_though_the_coarse_date_has_other_sentences(
    hash_embedder: Any,
) -> None:
    texts = {
        "a": "On Wednesday night, Obama gave a convention speech against Trump, as he had in 2004.",
        "b": "Obama gave a convention speech in 2004 that made him a national figure.",
    }
    dates = [("a", "Wednesday night", "2016-07-27"), ("a", "2004", "2004"), ("b", "2004", "2004")]
    b = _brief_dated(hash_embedder, texts, dates)
    # the 2004 entry joined both sentences; the first is told under its Wednesday only
    assert [(t.date, [c.document for c in t.citations]) for t in b.timeline] == [
        ("2004", ["b"]),
        ("2016-07-27", ["a"]),
    ]


def test_two_wordings_of_one_fact_are_told_once_under_the_more_precise_date(hash_embedder: Any) -> None:
    # USA Today, 6 Apr 2016: one rewrite kept "Tuesday", the other dropped it; the second was
    # told again under July, the month of the convention it mentions.
    texts = {
        "a": "Weaver told CNN Tuesday that he believes the battle will continue until the convention in July.",
        "b": "Weaver told CNN that he believes the battle will continue until the convention in July.",
    }
    dates = [("a", "Tuesday", "2016-04-05"), ("a", "July", "2016-07"), ("b", "July", "2016-07")]
    b = _brief_dated(hash_embedder, texts, dates)
    assert [(t.date, sorted(c.document for c in t.citations)) for t in b.timeline] == [
        ("2016-04-05", ["a", "b"])
    ]


def test_a_quotation_the_splitter_cut_is_one_timeline_sentence_whichever_piece_is_dated(
    hash_embedder: Any,
) -> None:
    line = "Brooks said Thursday’s debate “went well for Rubio. It was uplifting” on Friday’s show."
    texts = {"a": line, "b": "Rubio did well in the Miami debate on Thursday, Brooks said."}
    dates = [
        ("a", "Thursday’s", "2016-03-10"),
        ("a", "Friday’s", "2016-03-11"),
        ("b", "Thursday", "2016-03-10"),
    ]
    b = _brief_dated(hash_embedder, texts, dates)
    cited = [(t.date, c.start, c.end) for t in b.timeline for c in t.citations if c.document == "a"]
    assert cited == [("2016-03-10", 0, len(line))]  # was also told, cut, under its first date


def test_headline_is_trimmed_source_text(hash_embedder: Any) -> None:
    b = _brief(hash_embedder)
    assert b.headline
    assert any(b.headline in t for t in TEXTS.values())
    assert (
        trim_headline(
            "External Affairs Minister S. Jaishankar met with U.S. Defense Secretary Pete Hegseth at the Pentagon, "
            "emphasizing the increasingly vital defense ties."
        )
        == "External Affairs Minister S. Jaishankar met with U.S. Defense Secretary Pete Hegseth at the Pentagon"
    )


@pytest.mark.parametrize(
    ("sentence", "headline"),
    [
        (
            "A car bomb exploded in a busy market in Baghdad on Monday, killing dozens and wounding 40.",
            "A car bomb exploded in a busy market in Baghdad on Monday, killing dozens and wounding 40",
        ),
        (
            "A magnitude 6.1 earthquake struck central Italy early Tuesday, killing at least 12 people.",
            "A magnitude 6.1 earthquake struck central Italy early Tuesday, killing at least 12 people",
        ),
        # a participle clause without a toll is still cut
        (
            "The storm hit the Oregon coast on Monday, leaving the town without power.",
            "The storm hit the Oregon coast on Monday",
        ),
        (
            "Police shot the gunman in the lobby on Friday, killing him.",
            "Police shot the gunman in the lobby on Friday",
        ),
    ],
)
def test_a_clause_that_gives_the_toll_stays_in_the_headline(sentence: str, headline: str) -> None:
    assert trim_headline(sentence) == headline


def test_a_breadcrumb_line_is_no_headline(hash_embedder: Any) -> None:
    crumb = "News / World / Europe / Geneva talks on Monday\n"
    texts = {k: crumb + t for k, t in TEXTS.items()}  # a site template on every page
    times = []
    for d, t in texts.items():
        for k in (i for i in range(len(t)) if t.startswith("Monday", i)):
            times.append(TimeExpression(d, k, k + 6, "Monday", "DATE", "2024-03-04"))
    b = next(
        brief.run(align.run([seedkit.small_extraction(texts, times=tuple(times))], embedder=hash_embedder))
    )
    assert b.headline and " / " not in b.headline


def test_empty_story_gives_an_empty_brief(hash_embedder: Any) -> None:
    ex = seedkit.small_extraction({"z": "Read more"})
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    assert b.summary == () and b.facts == () and b.headline == "" and b.event_date is None


def test_today_inside_a_quote_is_not_dated_by_the_publication_date(hash_embedder: Any) -> None:
    from crosswire.models import Quote

    texts = {
        "q": 'Hegseth said the partnership was "a foundation we are building on here today" at the Pentagon.',
        "r": "Hegseth met Jaishankar at the Pentagon on Tuesday to discuss the partnership foundation.",
    }
    qs, qe = texts["q"].index("a foundation"), texts["q"].index('" at')
    quote = Quote("Q", "q", qs, qe, texts["q"][qs:qe], "partial", None)
    i, j = texts["q"].index("today"), texts["r"].index("Tuesday")
    times = (
        TimeExpression("q", i, i + 5, "today", "DATE", "2025-07-02"),
        TimeExpression("r", j, j + 7, "Tuesday", "DATE", "2025-07-01"),
    )
    ex = seedkit.small_extraction(texts, times=times, quotes=(quote,))
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    assert [t.date for t in b.timeline] == ["2025-07-01"]
    assert b.event_date == "2025-07-01"


def test_a_sentence_split_inside_a_quotation_is_shown_whole(hash_embedder: Any) -> None:
    texts = {
        "a": '"We are ready to sign the framework. It is deep and ongoing", Hegseth said at the Pentagon on Tuesday.',
        "b": "Hegseth met Jaishankar at the Pentagon on Tuesday and said the framework is deep and ongoing.",
    }
    times = tuple(
        TimeExpression(d, t.index("Tuesday"), t.index("Tuesday") + 7, "Tuesday", "DATE", "2025-07-01")
        for d, t in texts.items()
    )
    b = next(brief.run(align.run([seedkit.small_extraction(texts, times=times)], embedder=hash_embedder)))
    assert len(b.timeline) == 1
    cites = {c.document: c for c in b.timeline[0].citations}
    assert cites["a"].text == texts["a"]  # from the opening quotation mark, not from "It is"
    for c in cites.values():
        assert texts[c.document][c.start : c.end] == c.text


def test_a_date_after_every_report_is_a_plan_not_the_event(hash_embedder: Any) -> None:
    texts = {
        "a": "Ross resumed talks with Lionsgate on Monday about the sequel, set for release on November 22, 2013.",
        "b": "Lionsgate and Ross resumed talks on Monday on the sequel, due in theaters on November 22, 2013.",
    }
    times = []
    for d, t in texts.items():
        for x, v in (("Monday", "2012-04-09"), ("November 22, 2013", "2013-11-22")):
            times.append(TimeExpression(d, t.index(x), t.index(x) + len(x), x, "DATE", v))
    published = {"a": "2012-04-09", "b": "2012-04-10"}
    ex = seedkit.small_extraction(texts, times=tuple(times), published=published)
    assert next(brief.run(align.run([ex], embedder=hash_embedder))).event_date == "2012-04-09"
    # with no other date, the planned one is still the story's date
    ex = seedkit.small_extraction(
        texts, times=tuple(t for t in times if t.text != "Monday"), published=published
    )
    assert next(brief.run(align.run([ex], embedder=hash_embedder))).event_date == "2013-11-22"


def test_a_year_of_background_history_is_not_the_event_date(hash_embedder: Any) -> None:
    # undated reports: the only dates backed by two reports are the court rulings of 1989/1990;
    # the tweet of 29 November 2016 is dated in a side remark. "Event date: 1990" would be wrong.
    texts = {
        "a": "Trump said burning the flag should be a crime. Laws banning flag burning were struck down by "
        "the supreme court, most recently in 1990, as a violation of free speech. He tweeted on "
        "November 29, 2016 about it.",
        "b": "Trump called for jail for flag burners. The supreme court struck down laws banning flag "
        "burning, most recently in 1990, as a violation of free speech.",
    }
    y1, y2 = texts["a"].index("1990"), texts["b"].index("1990")
    d = texts["a"].index("November 29, 2016")
    times = (
        TimeExpression("a", y1, y1 + 4, "1990", "DATE", "1990"),
        TimeExpression("b", y2, y2 + 4, "1990", "DATE", "1990"),
        TimeExpression("a", d, d + 17, "November 29, 2016", "DATE", "2016-11-29"),
    )
    ex = seedkit.small_extraction(texts, times=times)
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    assert b.event_date is None
    assert "1990" in [t.date for t in b.timeline]  # still on the timeline, as history
    # without the later day, the year is all there is, and it stands
    ex = seedkit.small_extraction(texts, times=times[:2])
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    assert b.event_date == "1990"


@pytest.mark.slow
def test_a_year_naming_a_thing_does_not_date_the_sentence(nlp: Any, hash_embedder: Any) -> None:
    from crosswire.align.conflicts import year_names_a_thing
    from crosswire.models import Document

    text = (
        "The attacks in Paris reframed the 2016 presidential contest on Saturday. "
        "The court cited its 2011 ruling. The war began in 2011 when Clinton was secretary of state."
    )
    (adoc,) = seedkit.annotate([Document(id="p", text=text)], nlp)
    firsts = [text.index("2016"), text.index("2011"), text.rindex("2011")]
    named = [
        year_names_a_thing(adoc, TimeExpression("p", i, i + 4, text[i : i + 4], "DATE", text[i : i + 4]))
        for i in firsts
    ]
    assert named == [True, True, False]  # "the 2016 contest", "its 2011 ruling"; "began in 2011" dates
    ex = seedkit.small_extraction(
        {"p": text},
        times=tuple(TimeExpression("p", i, i + 4, text[i : i + 4], "DATE", text[i : i + 4]) for i in firsts),
    )
    ex = replace(ex, story=replace(ex.story, documents=(adoc,)))
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    assert [t.date for t in b.timeline] == ["2011"] and "began in 2011" in b.timeline[0].text


def test_a_past_year_in_a_clause_describing_a_noun_does_not_date_the_sentence(
    nlp: Any, hash_embedder: Any
) -> None:
    from crosswire.models import Document

    text = (
        "The quake hit at 3.36am near L’Aquila, a city devastated by an earthquake in 2009 that killed 309 "
        "people. The mayor, who met the premier on Tuesday, said the town would be rebuilt."
    )
    past, tuesday = text.index("2009"), text.index("Tuesday")
    times = (
        TimeExpression("g", past, past + 4, "2009", "DATE", "2009"),
        TimeExpression("g", tuesday, tuesday + 7, "Tuesday", "DATE", "2025-07-01"),
    )
    (adoc,) = seedkit.annotate([Document(id="g", text=text, published="2025-07-01T07:30:00Z")], nlp)
    ex = seedkit.small_extraction({"g": text}, times=times, published={"g": "2025-07-01T07:30:00Z"})
    ex = replace(ex, story=replace(ex.story, documents=(adoc,)))
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    # 2009 is the city's past: under it the timeline would tell this week's quake; a date in a
    # relative clause of the story's own days still dates its sentence
    assert [(t.date, t.text[:9]) for t in b.timeline] == [("2025-07-01", "The mayor")]


@pytest.mark.slow
def test_the_day_a_statement_was_made_does_not_date_the_event(nlp: Any, hash_embedder: Any) -> None:
    from crosswire.models import Document

    texts = {
        "a": "A plant worker shot two colleagues in a break room, police said Friday. "
        "Hiller had argued with co-workers on Thursday evening.",
        "b": "A worker at the plant shot two colleagues in a break room, police told reporters on Friday. "
        "Hiller had argued with co-workers on Thursday evening.",
    }
    times = []
    for d, t in texts.items():
        friday = t.index("Friday")
        evening = t.index("Thursday evening")
        times.append(TimeExpression(d, friday, friday + 6, "Friday", "DATE", "2010-09-10"))
        times.append(TimeExpression(d, evening, evening + 16, "Thursday evening", "TIME", "2010-09-09TEV"))
    adocs = seedkit.annotate([Document(id=d, text=t) for d, t in texts.items()], nlp)
    ex = seedkit.small_extraction(texts, times=tuple(times))
    ex = replace(ex, story=replace(ex.story, documents=tuple(adocs)))
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    # Friday is when the police spoke; Thursday evening, a TIME on a known day, dates the event
    assert b.event_date == "2010-09-09"
    assert "2010-09-09" in [t.date for t in b.timeline]
    # a clock time alone is put on the publication day by the time tagger: a guess, no date
    clock = "A plant worker shot two colleagues at about 10:30, police said."
    i = clock.index("about 10:30")
    ex = seedkit.small_extraction(
        {"c": clock}, times=(TimeExpression("c", i, i + 11, "about 10:30", "TIME", "2010-09-10T10:30"),)
    )
    assert next(brief.run(align.run([ex], embedder=hash_embedder))).timeline == ()


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("The day before, at a rally in Beaumont, Mr. Trump was just as blunt.", True),
        ("The following year, in United States v. Eichman, the court ruled again.", True),
        ("Earlier that week, the minister met the envoy in Delhi.", True),
        ("The two leaders also discussed the framework.", True),
        ("Hegseth met Jaishankar at the Pentagon on Tuesday.", False),
        ("Before the talks ended, the two sides signed the framework.", False),
    ],
)
def test_a_sentence_leaning_on_an_earlier_one_is_recognised(text: str, leans: bool) -> None:
    # such a sentence never leads a summary and gives way to one that stands alone
    from crosswire.align.features import CONTEXTUAL_START

    assert bool(CONTEXTUAL_START.match(text)) is leans


def test_a_page_title_is_the_headline_not_a_summary_sentence(hash_embedder: Any) -> None:
    from crosswire.brief.summary import is_title_line

    title = "Ceasefire Talks in Geneva End Without Agreement\n"
    texts = {k: title + t for k, t in TEXTS.items()}  # every report carries the same title line
    times = []
    for d, t in texts.items():
        i = t.index("Monday")
        times.append(TimeExpression(d, i, i + 6, "Monday", "DATE", "2024-03-04"))
    b = next(
        brief.run(align.run([seedkit.small_extraction(texts, times=tuple(times))], embedder=hash_embedder))
    )
    assert b.summary and not any(is_title_line(s.text) for s in b.summary)
    assert is_title_line(title) and not is_title_line("The ceasefire talks ended without an agreement.")

    for title in (
        # a title in sentence case is still a line of its own at the top without a full stop
        "Ceasefire talks in Geneva end without an agreement\n",
        # and one an archive ended with a period, when it is capitalised as a title
        "Ceasefire Talks In Geneva End Without Agreement.\n",
    ):
        texts = {k: title + t for k, t in TEXTS.items()}
        times = [
            TimeExpression(d, t.index("Monday"), t.index("Monday") + 6, "Monday", "DATE", "2024-03-04")
            for d, t in texts.items()
        ]
        b = next(
            brief.run(
                align.run([seedkit.small_extraction(texts, times=tuple(times))], embedder=hash_embedder)
            )
        )
        assert b.summary and all(s.text != title.strip() for s in b.summary), title


def test_the_headline_is_one_line(hash_embedder: Any) -> None:
    from crosswire.brief.headline import headline
    from crosswire.models import AnnotatedDocument, Sentence

    # the splitter left a title and the stamp line under it in one "sentence"
    text = (
        "Woman Killed in Queens Hit-And-Run, Police Arrest Driver\n"
        "on September 14, 2013 11:41am | Updated on September 14, 2013 11:41am\n"
        "A woman was killed by a hit-and-run driver in Queens on Friday night, police said."
    )
    cut = text.index("\nA woman")
    ex = seedkit.small_extraction({"a": text})
    adoc = ex.story.documents[0]
    sents = (Sentence("a", 0, cut, text[:cut], 0), Sentence("a", cut + 1, len(text), text[cut + 1 :], 1))
    ex = replace(ex, story=replace(ex.story, documents=(AnnotatedDocument(adoc.document, sents),)))
    al = next(align.run([ex], embedder=hash_embedder))
    h = headline(al)
    assert "\n" not in h and "Updated" not in h


@pytest.mark.parametrize("distractor", ["a", "b", "d", None])
def test_the_headline_is_a_whole_sentence_that_stands_alone(
    hash_embedder: Any, distractor: str | None
) -> None:
    from crosswire.brief.headline import headline

    texts = {
        # leans on a sentence before it
        "a": "That official, Anna Berg, said the ceasefire talks in Geneva ended on Monday without an agreement. "
        "The talks lasted six hours.",
        # would be cut off with "…" after 30 words
        "b": "Negotiators from both countries met in Geneva on Monday and talked for six hours about a ceasefire, "
        "prisoner exchanges, the reopening of the border crossings, the return of refugees and the rebuilding "
        "of the schools and hospitals destroyed in the fighting. Nothing was agreed.",
        "c": "The ceasefire talks in Geneva ended without an agreement on Monday.",
        # cut by the splitter inside a quotation
        "d": "Anna Berg said the ceasefire talks in Geneva on Monday “made real progress on prisoners. Nobody "
        "walked out” of the talks.",
    }
    texts = {k: t for k, t in texts.items() if k in {distractor, "c"}}
    if distractor == "d":  # told by two reports
        texts["d2"] = texts["d"].replace("Nobody", "No one")
    if distractor == "b":  # told by two reports: the long sentence is the better backed one
        texts["b2"] = texts["b"].replace("Nothing was agreed.", "No deal was reached.")
    if distractor is None:  # a date line above the sentence a headline wants
        texts["c"] = "(Mon, 4 Mar 2024)\n" + texts["c"]
    times = [
        TimeExpression(d, t.index(w), t.index(w) + len(w), w, "DATE", "2024-03-04")
        for d, t in texts.items()
        for w in ("Monday", "4 Mar 2024")
        if w in t
    ]
    al = next(align.run([seedkit.small_extraction(texts, times=tuple(times))], embedder=hash_embedder))
    assert headline(al) == "The ceasefire talks in Geneva ended without an agreement on Monday"


def test_the_writers_own_opinion_is_not_summary_material(hash_embedder: Any) -> None:
    texts = {
        "a": "Officials from both countries met in Geneva on Monday to discuss a ceasefire. "
        "While I am all for talking, I am skeptical that the talks will change anything for the refugees.",
        "b": "Officials from both countries met in Geneva on Monday to discuss a ceasefire plan. "
        "While I am all for talking, I am skeptical that the talks will change anything for refugees.",
        "c": "The ceasefire talks in Geneva ended without an agreement after six hours on Monday. "
        "The refugees of World War I had waited longer, a historian told the talks.",
    }
    times = [
        TimeExpression(d, t.index("Monday"), t.index("Monday") + 6, "Monday", "DATE", "2024-03-04")
        for d, t in texts.items()
    ]
    b = next(
        brief.run(align.run([seedkit.small_extraction(texts, times=tuple(times))], embedder=hash_embedder))
    )
    assert b.summary
    assert not any("skeptical" in s.text for s in b.summary)


def test_a_standfirst_bullet_under_the_title_is_no_summary_sentence(hash_embedder: Any) -> None:
    top = "Ceasefire Talks in Geneva End Without Agreement\n• Negotiators from both sides to meet again in spring\n"
    texts = {k: top + t for k, t in TEXTS.items()}  # every report carries the page's standfirst
    times = [
        TimeExpression(d, t.index("Monday"), t.index("Monday") + 6, "Monday", "DATE", "2024-03-04")
        for d, t in texts.items()
    ]
    ex = seedkit.small_extraction(texts, times=tuple(times))
    # The sentence splitter leaves the bullet out of the sentence, as spaCy does.
    docs = tuple(
        replace(
            a,
            sentences=tuple(
                replace(s, start=s.start + 2, text=s.text[2:]) if s.text.startswith("• ") else s
                for s in a.sentences
            ),
        )
        for a in ex.story.documents
    )
    ex = replace(ex, story=replace(ex.story, documents=docs))
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    assert b.summary and not any("meet again in spring" in s.text for s in b.summary)


def test_the_lead_is_counted_below_the_headline_and_deck_lines_a_text_kept(hash_embedder: Any) -> None:
    # headline and deck lines end with punctuation, so the text reader took neither for a title
    texts = {
        "a": "Clinton: Trump's view of the world is 'dangerously wrong';\n"
        "In speech to AIPAC, she attacks her rival's inexperience.\n\n"
        "Hillary Clinton went on offense against Donald Trump on Monday, saying he would abdicate "
        "American leadership in the Middle East and calling him a bully without naming him.\n\n"
        "Her aides later described the speech as the first of several on foreign policy ahead of "
        "the remaining primaries in the spring.",
        "b": "Candidates promise they will stand by Israel.\nAll pledge support, and Trump reads a text.\n\n"
        "The remaining presidential candidates took turns at the podium of the influential "
        "lobbying group's conference in Washington, one after another, on Monday evening.\n\n"
        "A protest outside the hall drew a few dozen people holding signs about the settlements.",
    }
    times = []
    for d, t in texts.items():
        i = t.index("Monday")
        times.append(TimeExpression(d, i, i + 6, "Monday", "DATE", "2016-03-21"))
    ex = seedkit.small_extraction(texts, times=tuple(times), published={"a": "2016-03-22", "b": "2016-03-22"})
    assert next(brief.run(align.run([ex], embedder=hash_embedder))).event_date == "2016-03-21"
    # the same sentences two prose paragraphs down are side remarks, not the lead
    prose = (
        "The hall was full long before the first of the candidates arrived, and the security lines "
        "outside stretched around the block for most of the afternoon.\n\n"
    )
    late = {d: t.replace("\n\n", "\n\n" + prose + prose, 1) for d, t in texts.items()}
    times = []
    for d, t in late.items():
        i = t.index("Monday")
        times.append(TimeExpression(d, i, i + 6, "Monday", "DATE", "2016-03-21"))
    ex = seedkit.small_extraction(late, times=tuple(times), published={"a": "2016-03-22", "b": "2016-03-22"})
    assert next(brief.run(align.run([ex], embedder=hash_embedder))).event_date is None


def test_the_summary_tells_a_fact_once_however_many_wordings_it_has(hash_embedder: Any) -> None:
    # ECB+ 24 (the Harry Winston robbery): one-sentence reports of one fact filled the three
    # summary lines with three wordings of it, leaving out what only one report added
    texts = {
        "a": "Armed robbers stole diamonds worth 85 million euros from the Harry Winston store in Paris.",
        "b": "Armed robbers stole diamonds worth 85 million euros from the Harry Winston jewellers in Paris.",
        "c": "Armed robbers stole diamonds worth 85 million euros from a Harry Winston store in central Paris.",
        "d": "French police said the robbers were dressed as women and carried handguns.",
    }
    b = next(brief.run(align.run([seedkit.small_extraction(texts)], embedder=hash_embedder)))
    assert any(len(f.documents) >= 3 for f in b.facts), "the three wordings are one fact"
    told = [s.text for s in b.summary if "85 million" in s.text]
    assert len(told) == 1


def test_the_headline_is_the_event_the_reports_open_with_not_the_sentence_naming_most_people(
    hash_embedder: Any,
) -> None:
    """No report names a person in its lead: it still leads with the news, not with the premier."""
    from crosswire.brief.headline import headline
    from crosswire.models import Entity, Span

    texts = {
        "a": "At least 12 people were killed when an earthquake hit central Italy on Tuesday, officials said. "
        "Prime Minister Giorgia Meloni said the government would declare a state of emergency in Abruzzo.",
        "b": "An earthquake killed at least 12 people in central Italy on Tuesday, officials said. "
        "Rescuers searched the rubble of three villages. "
        "Giorgia Meloni, the prime minister, said a state of emergency would be declared in Abruzzo.",
    }
    ents = [
        Entity(
            f"e{k}",
            name,
            kind,
            (name,),
            (),
            tuple(Span(d, t.index(name), t.index(name) + len(name)) for d, t in texts.items()),
        )
        for k, (name, kind) in enumerate((("Italy", "GPE"), ("Giorgia Meloni", "PERSON"), ("Abruzzo", "GPE")))
    ]
    al = next(align.run([seedkit.small_extraction(texts, ents=tuple(ents))], embedder=hash_embedder))
    assert {f.independent_sources for f in al.facts if "Meloni" in f.text} == {2}  # as backed as the quake
    assert "earthquake" in headline(al), headline(al)


@pytest.mark.slow
def test_the_headline_keeps_a_clause_whose_cut_would_leave_no_verb(nlp: Any, hash_embedder: Any) -> None:
    from crosswire.brief.headline import headline
    from crosswire.models import Document

    text = (
        "Tuesday at Baldwin Wallace University in Berea, Ohio, after winning the state's Republican "
        "primary, Gov. John Kasich told supporters he would stay in the race until the convention. "
        "He said the campaign would move west."
    )
    (adoc,) = seedkit.annotate([Document(id="k", text=text)], nlp)
    ex = seedkit.small_extraction({"k": text})
    ex = replace(ex, story=replace(ex.story, documents=(adoc,)))
    h = headline(next(align.run([ex], embedder=hash_embedder)))
    # cut at ", after …" it read "Tuesday at Baldwin Wallace University in Berea, Ohio": no event
    assert h.startswith("Tuesday at Baldwin Wallace University") and "Kasich told supporters" in h, h


def test_the_last_line_of_a_quotation_opened_lines_before_is_scored_down(hash_embedder: Any) -> None:
    from crosswire.brief.summary import candidates

    # the closing mark stands after the sentence, on its line: '… in Aceh. "'
    texts = {
        "a": (
            'The quake was felt strongly in Banda Aceh.\n"Help is on its way, said the governor.\n'
            'People rushed out of their homes in Aceh after the quake. "\n'
        ),
        "b": "People rushed out of their homes in Aceh after the quake, officials said.",
    }
    alignment = next(align.run([seedkit.small_extraction(texts)], embedder=hash_embedder))
    score = {c.text: c.score for c in candidates(alignment)}
    assert score["People rushed out of their homes in Aceh after the quake."] < score[texts["b"]] - 1.0


def test_one_reports_news_told_around_what_others_say_is_neither_headline_nor_timeline_text(
    nlp: Any, hash_embedder: Any
) -> None:
    from crosswire.models import Document

    texts = {
        "dmn": (
            "Marcus Webb, who shot Daniel Ortiz outside the Lone Star Tavern in Dallas on Friday, had been "
            "fired from the bar last month, co-workers said."
        ),
        "ap": (
            "A bartender died of his wounds. Marcus Webb shot Daniel Ortiz outside the Lone Star Tavern in "
            "Dallas on Friday following a lengthy disagreement regarding an outstanding restaurant bill, "
            "investigators said."
        ),
    }
    shot = texts["ap"].split(". ", 1)[1]
    adocs = seedkit.annotate([Document(id=d, text=t) for d, t in texts.items()], nlp)
    times = tuple(
        TimeExpression(d, t.index("Friday"), t.index("Friday") + 6, "Friday", "DATE", "2025-06-13")
        for d, t in texts.items()
    )
    ex = seedkit.small_extraction(texts, times=times)
    ex = replace(ex, story=replace(ex.story, documents=tuple(adocs)))
    b = next(brief.run(align.run([ex], embedder=hash_embedder)))
    (fired,) = [f for f in b.facts if "had been fired" in f.text]
    assert fired.status == "single_source"
    assert b.headline.startswith("Marcus Webb shot Daniel Ortiz")
    (day,) = [t for t in b.timeline if t.date == "2025-06-13"]
    assert day.text == shot and {c.document for c in day.citations} == {"ap", "dmn"}
    assert b.summary[0].text == shot
