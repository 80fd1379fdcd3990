"""Conflicts: same slot, different value — and never a conflict from a mere paraphrase."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
import seedkit

from crosswire import align
from crosswire.align.claims import Claim
from crosswire.align.conflicts import date_conflicts
from crosswire.models import Document, Entity, Family, Span, TimeExpression


def _time(texts: dict[str, str], doc: str, text: str, value: str) -> TimeExpression:
    i = texts[doc].index(text)
    return TimeExpression(doc, i, i + len(text), text, "DATE", value)


def _run(ex: Any, emb: Any) -> Any:
    return next(align.run([ex], embedder=emb))


def _named(texts: dict[str, str], names: list[str], kind: str = "PERSON") -> tuple[Entity, ...]:
    """One entity per name, with a mention wherever the name occurs first in each text."""
    ents = []
    for k, name in enumerate(names):
        spans = [Span(d, t.index(name), t.index(name) + len(name)) for d, t in texts.items() if name in t]
        ents.append(Entity(f"{kind[0]}{k}", name, kind, (name,), (), tuple(spans)))
    return tuple(ents)


def _parsed(ex: Any, nlp: Any) -> Any:
    """The same extraction with a spaCy parse of each document (for the slots that need one)."""
    docs = [a.document for a in ex.story.documents]
    return type(ex)(
        type(ex.story)(ex.story.story, tuple(seedkit.annotate(docs, nlp))), ex.entities, (), ex.times
    )


def test_same_date_in_other_words_is_no_conflict(hash_embedder: Any) -> None:
    texts = {
        "a": "Pete Hegseth met Subrahmanyam Jaishankar at the Pentagon on Tuesday to discuss defence sales.",
        "b": "Pete Hegseth met Subrahmanyam Jaishankar at the Pentagon on July 1, 2025 to discuss defence sales.",
    }
    times = (_time(texts, "a", "Tuesday", "2025-07-01"), _time(texts, "b", "July 1, 2025", "2025-07-01"))
    al = _run(seedkit.small_extraction(texts, times=times), hash_embedder)
    assert [f.status for f in al.facts] == ["corroborated"]
    assert al.conflicts == ()


@pytest.mark.slow
def test_different_dates_for_one_event_conflict(nlp: Any, hash_embedder: Any) -> None:
    texts = {
        "a": "Pete Hegseth met Subrahmanyam Jaishankar at the Pentagon on Tuesday to discuss defence sales.",
        "b": "Pete Hegseth met Subrahmanyam Jaishankar at the Pentagon on Wednesday to discuss defence sales.",
    }
    times = (_time(texts, "a", "Tuesday", "2025-07-01"), _time(texts, "b", "Wednesday", "2025-07-02"))
    # the date slot needs the verb each date hangs on: give the documents a parse
    al = _run(_parsed(seedkit.small_extraction(texts, times=times), nlp), hash_embedder)
    dates = [c for c in al.conflicts if c.kind == "date"]
    assert len(dates) == 1
    assert {s.value for s in dates[0].sides} == {"2025-07-01", "2025-07-02"}
    assert dates[0].fact == al.facts[0].id and al.facts[0].status == "contested"
    for side in dates[0].sides:
        for c in side.citations:
            assert texts[c.document][c.start : c.end] == c.text


def test_number_conflict_inside_a_fact(hash_embedder: Any) -> None:
    texts = {
        "a": "The two countries will sign a new 10-year defence framework agreement in Washington soon.",
        "b": "The two countries will sign a new 5-year defence framework agreement in Washington soon.",
    }
    al = _run(seedkit.small_extraction(texts), hash_embedder)
    nums = [c for c in al.conflicts if c.kind == "number"]
    assert len(nums) == 1 and {s.value for s in nums[0].sides} == {"10-year", "5-year"}


@pytest.mark.slow
def test_a_figure_rounded_is_no_number_conflict(nlp: Any, hash_embedder: Any) -> None:
    texts = {
        "a": "The quake struck at a depth of 10 kilometres (6.2 miles) in Bener Meriah district of Aceh.",
        "b": "The quake struck at a depth of 10 kilometres (6 miles) in Bener Meriah district of Aceh.",
    }
    al = _run(_parsed(seedkit.small_extraction(texts), nlp), hash_embedder)  # spaCy's sentences
    assert len(al.facts) == 1  # one statement: its figures compare
    assert [c.description for c in al.conflicts] == []
    # a whole number that is not the fraction rounded still differs
    texts["b"] = texts["b"].replace("(6 miles)", "(8 miles)")
    al = _run(_parsed(seedkit.small_extraction(texts), nlp), hash_embedder)
    assert [c.kind for c in al.conflicts] == ["number"]


def test_paraphrase_without_slot_change_is_no_conflict(hash_embedder: Any) -> None:
    texts = {
        "a": "The US hopes to complete several major pending defence sales to India soon.",
        "b": "The US hopes to finish several major pending defence sales to India soon.",
    }
    al = _run(seedkit.small_extraction(texts), hash_embedder)
    assert al.conflicts == ()


def _place_entities(texts: dict[str, str], names: list[str]) -> tuple[Entity, ...]:
    out = []
    for k, name in enumerate(names):
        spans = []
        for d, t in texts.items():
            start = 0
            while (i := t.find(name, start)) >= 0:
                spans.append(Span(d, i, i + len(name)))
                start = i + 1
        out.append(Entity(f"P{k}", name, "LOC", (name,), (), tuple(spans)))
    return tuple(out)


def test_region_named_two_ways_is_a_place_conflict(hash_embedder: Any) -> None:
    texts = {
        "a": "Both leaders backed a free and open Indo-Pacific region. Ships sailed.",
        "b": "Hegseth saluted cooperation in securing a free and open Asia-Pacific region. Talks ended.",
    }
    ents = _place_entities(texts, ["Indo-Pacific", "Asia-Pacific"])
    al = _run(seedkit.small_extraction(texts, ents=ents), hash_embedder)
    places = [c for c in al.conflicts if c.kind == "place"]
    assert len(places) == 1
    assert {s.value for s in places[0].sides} == {"Indo-Pacific", "Asia-Pacific"}


def test_two_places_named_side_by_side_are_not_a_conflict(hash_embedder: Any) -> None:
    texts = {
        "a": "Talks between North Korea and South Korea resumed in Seoul.",
        "b": "North Korea fired a missile. South Korea protested in Seoul.",
    }
    ents = _place_entities(texts, ["North Korea", "South Korea"])
    al = _run(seedkit.small_extraction(texts, ents=ents), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "place"] == []


def test_sequence_conflict_after_vs_during(hash_embedder: Any) -> None:
    texts = {
        "a": "The meeting follows the Quad Foreign Ministers' Meeting in Washington.",
        "b": "The meeting took place on Tuesday during the QUAD summit.",
        "c": "The meeting was held during the Quad summit in Washington.",
    }
    al = _run(seedkit.small_extraction(texts), hash_embedder)
    seq = [c for c in al.conflicts if c.kind == "sequence"]
    assert seq, al.conflicts
    docs = {c.document for s in seq for side in s.sides for c in side.citations}
    assert "a" in docs
    # b and c agree with each other (both "during"): never a conflict between them alone
    assert all({c.document for side in s.sides for c in side.citations} != {"b", "c"} for s in seq)


def test_events_placed_relative_to_a_person_are_no_sequence_conflict(hash_embedder: Any) -> None:
    texts = {
        "a": "Orozco boasted about the shooting to other jail inmates two weeks after Ortiz's death.",
        "b": "Orozco had also boasted prior to Ortiz's killing that he wanted to make a name for his gang.",
    }
    ents = _named(texts, ["Orozco", "Ortiz"])
    al = _run(seedkit.small_extraction(texts, ents=ents), hash_embedder)
    assert [c.description for c in al.conflicts if c.kind == "sequence"] == []
    # without knowing Ortiz is a person, the shared name looked like a shared reference event
    al = _run(seedkit.small_extraction(texts), hash_embedder)
    assert [c.kind for c in al.conflicts if c.kind == "sequence"] == ["sequence"]


def test_person_conflict_when_each_side_names_someone_else(hash_embedder: Any) -> None:
    texts = {
        "a": "Marco Rubio welcomed the minister with an honour cordon at the Pentagon on Tuesday.",
        "b": "Pete Hegseth welcomed the minister with an honour cordon at the Pentagon on Tuesday.",
    }
    al = _run(
        seedkit.small_extraction(texts, ents=_named(texts, ["Marco Rubio", "Pete Hegseth"])), hash_embedder
    )
    people = [c for c in al.conflicts if c.kind == "person"]
    assert len(people) == 1 and {s.value for s in people[0].sides} == {"Marco Rubio", "Pete Hegseth"}


@pytest.mark.slow
def test_people_named_as_modifiers_take_no_side(nlp: Any, hash_embedder: Any) -> None:
    # one statement: Obama's administration revokes Bush's rule; neither name is a rival actor
    texts = {
        "a": "The Obama administration revoked the rule on endangered species reviews on Tuesday.",
        "b": "The Bush rule on endangered species reviews was revoked by the administration on Tuesday.",
    }
    ex = seedkit.small_extraction(texts, ents=_named(texts, ["Obama", "Bush"]))
    assert [c for c in _run(_parsed(ex, nlp), hash_embedder).conflicts if c.kind == "person"] == []
    # without a parse every named person counts, and the same claims are a person conflict
    assert [c for c in _run(ex, hash_embedder).conflicts if c.kind == "person"]


def test_two_names_sharing_a_word_are_no_person_conflict(hash_embedder: Any) -> None:
    # "Bush" and "George W. Bush" left apart by the entity stage are not two rival people
    texts = {
        "a": "Bush welcomed the minister with an honour cordon at the Pentagon on Tuesday.",
        "b": "George W. Bush welcomed the minister with an honour cordon at the Pentagon on Tuesday.",
    }
    ents = (
        *_named(texts, ["George W. Bush"]),
        Entity("PB", "Bush", "PERSON", ("Bush",), (), (Span("a", 0, 4),)),
    )
    al = _run(seedkit.small_extraction(texts, ents=ents), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "person"] == []


@pytest.mark.slow
def test_documents_are_exact_in_conflict_citations(seed_alignment: Any) -> None:
    docs: dict[str, Document] = {a.document.id: a.document for a in seed_alignment.extraction.story.documents}
    for c in seed_alignment.conflicts:
        for side in c.sides:
            for cit in side.citations:
                assert docs[cit.document].text[cit.start : cit.end] == cit.text


def test_place_mentions_cut_with_or_without_region_still_compare(hash_embedder: Any) -> None:
    texts = {
        "a": "Tensions are rising in the Indo-Pacific region this year, officials warned.",
        "b": "Tensions are rising in the Asia-Pacific region this year, analysts said.",
    }
    ents = (
        Entity(
            "I",
            "Indo-Pacific",
            "LOC",
            (),
            (),
            (Span("a", texts["a"].index("Indo"), texts["a"].index(" this")),),
        ),
        Entity(
            "A",
            "Asia-Pacific",
            "LOC",
            (),
            (),
            (Span("b", texts["b"].index("Asia"), texts["b"].index("-Pacific") + 8),),
        ),
    )
    al = _run(seedkit.small_extraction(texts, ents=ents), hash_embedder)
    assert [c.kind for c in al.conflicts if c.kind == "place"] == ["place"]


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # ranges the wording allows: a toll that grows between reports is no conflict
        (
            "At least five people were injured in the quake in Aceh.",
            "The quake in Aceh injured more than 200 people.",
            False,
        ),
        (
            "About 1,500 houses were damaged by the quake in Aceh.",
            "The quake in Aceh damaged 1,400 houses.",
            False,
        ),
        # different things counted with the same unit
        (
            "Ten people were killed by the quake in Aceh on Tuesday.",
            "Five people were injured by the quake in Aceh on Tuesday.",
            False,
        ),
        # an increment and a clock time are not totals
        (
            "Another four people died in hospital after the quake in Aceh.",
            "Five people died in hospital after the quake in Aceh.",
            False,
        ),
        (
            "The quake in Aceh struck at 3:35 pm on Tuesday.",
            "The quake in Aceh struck at 3:42 pm on Tuesday.",
            False,
        ),
        # the same count, told two ways
        (
            "He served four months in federal prison for obstruction.",
            "He served five months in federal prison for obstruction.",
            True,
        ),
        (
            "The tsunami killed 230,000 people in 13 countries in 2004.",
            "The tsunami killed 230,000 people in 14 countries in 2004.",
            True,
        ),
    ],
)
def test_number_conflicts_need_the_same_count_told_incompatibly(
    hash_embedder: Any, a: str, b: str, conflict: bool
) -> None:
    al = _run(seedkit.small_extraction({"a": a, "b": b}), hash_embedder)
    assert len(al.facts) == 1, [f.text for f in al.facts]  # one statement, so its numbers compare
    numbers = [c for c in al.conflicts if c.kind == "number"]
    assert bool(numbers) is conflict, [c.description for c in numbers]
    for c in numbers:
        assert (
            "(" in c.description and "countr" not in c.description.split("(")[1][:5]
        ) or "countries" in c.description


def test_two_people_s_different_remarks_in_one_loose_fact_are_no_person_conflict(hash_embedder: Any) -> None:
    texts = {
        "a": "Andrew Feldman said SeaMicro was founded to dramatically reduce the power consumed by "
        "servers, while increasing compute density and bandwidth.",
        "b": "Lisa Su said the fabric technology of SeaMicro together with AMD processors points the way "
        "to a compelling roadmap for the cloud data center market.",
    }
    from crosswire.align.claims import extract_claims
    from crosswire.align.conflicts import person_conflicts

    ex = seedkit.small_extraction(texts, ents=_named(texts, ["Andrew Feldman", "Lisa Su"]))
    claims = [c for a in ex.story.documents for c in extract_claims(a, entities=ex.entities)]
    docs = {a.document.id: a.document for a in ex.story.documents}
    # put them in one fact, as a loose grouping might: still two different statements
    assert person_conflicts(claims, [list(range(len(claims)))], entities=ex.entities, documents=docs) == []


def test_a_sequence_needs_the_same_event_placed_differently(hash_embedder: Any) -> None:
    texts = {
        "a": "Prosecutors played a tape of the girl on Tuesday after Texas Ranger Nick Hanna testified.",
        "b": "The defence team says the Utah case must be resolved before Jeffs is moved to Texas.",
    }
    al = _run(seedkit.small_extraction(texts), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "sequence"] == []


def test_events_of_two_people_placed_against_one_event_are_no_sequence_conflict(hash_embedder: Any) -> None:
    texts = {
        "a": "Kasich scores all 66 delegates after Ohio win, his first of the year.",
        "b": "Clinton already scored 175 additional delegates in the South before winning Ohio.",
    }
    ex = seedkit.small_extraction(texts, ents=_named(texts, ["Kasich", "Clinton"], "PERSON"))
    assert [c for c in _run(ex, hash_embedder).conflicts if c.kind == "sequence"] == []
    # one person's delegates, placed before and after the same win, are a conflict
    texts["b"] = texts["b"].replace("Clinton", "Kasich")
    ex = seedkit.small_extraction(texts, ents=_named(texts, ["Kasich"], "PERSON"))
    assert [c for c in _run(ex, hash_embedder).conflicts if c.kind == "sequence"]


@pytest.mark.slow
def test_counts_of_two_actors_are_no_number_conflict(nlp: Any, hash_embedder: Any) -> None:
    texts = {
        "a": "The Orioles have offered Teixeira a seven-year deal worth $140 million, reports said.",
        "b": "The Red Sox have offered Teixeira an eight-year deal worth $140 million, reports said.",
    }
    ex = seedkit.small_extraction(texts, ents=_named(texts, ["Orioles", "Red Sox"], "ORG"))
    assert [c for c in _run(_parsed(ex, nlp), hash_embedder).conflicts if c.kind == "number"] == []
    # the same offer told with two lengths is one
    texts["b"] = texts["b"].replace("The Red Sox", "The Orioles")
    ex = seedkit.small_extraction(
        texts, ents=(Entity("O0", "Orioles", "ORG", ("Orioles",), (), tuple(Span(d, 4, 11) for d in texts)),)
    )
    assert [c for c in _run(_parsed(ex, nlp), hash_embedder).conflicts if c.kind == "number"]


def test_a_mixed_fraction_is_one_count_shown_as_written(hash_embedder: Any) -> None:
    texts = {
        "a": "He served 4 1/2 months in federal prison for obstruction.",
        "b": "He served four months in federal prison for obstruction.",
    }
    al = _run(seedkit.small_extraction(texts), hash_embedder)
    sides = [[s.value for s in c.sides] for c in al.conflicts if c.kind == "number"]
    assert sides == [["four months", "4 1/2 months"]]  # not "2 months" read from "1/2"


@pytest.mark.slow
def test_a_count_in_an_after_clause_tells_another_event(nlp: Any, hash_embedder: Any) -> None:
    texts = {
        "a": "Charles rushed for 226 yards on 25 carries against the Broncos on Sunday.",
        "b": "Charles rushed for 226 yards against the Broncos on Sunday, a week after he managed "
        "10 yards on nine carries against Oakland.",
    }
    ex = seedkit.small_extraction(texts, ents=_named(texts, ["Charles"]))
    assert [
        c.description for c in _run(_parsed(ex, nlp), hash_embedder).conflicts if c.kind == "number"
    ] == []
    # the same carries in the main clause are one game's count told two ways
    texts["b"] = "Charles rushed for 226 yards on nine carries against the Broncos on Sunday."
    ex = seedkit.small_extraction(texts, ents=_named(texts, ["Charles"]))
    assert [c for c in _run(_parsed(ex, nlp), hash_embedder).conflicts if c.kind == "number"]


@pytest.mark.slow
def test_dates_that_some_reading_reconciles_are_no_conflict(nlp: Any, hash_embedder: Any) -> None:
    from dataclasses import replace

    texts = {
        "a": "HP expects the deal with EDS to close in its first fiscal quarter, which ends January 31.",
        "b": "HP expects the deal with EDS to close in its first fiscal quarter, which ends Jan. 31, 2008.",
    }
    yearless = _time(texts, "a", "January 31", "2007-01-31")
    times = (yearless, _time(texts, "b", "Jan. 31, 2008", "2008-01-31"))
    conflicts = _run(_parsed(seedkit.small_extraction(texts, times=times), nlp), hash_embedder).conflicts
    assert [c.kind for c in conflicts] == ["date"]
    # read forward, "January 31" is the date the other report gives
    times = (replace(yearless, readings=("2008-01-31",)), times[1])
    assert _run(_parsed(seedkit.small_extraction(texts, times=times), nlp), hash_embedder).conflicts == ()


@pytest.mark.slow
def test_a_year_naming_another_event_dates_nothing(nlp: Any, hash_embedder: Any) -> None:
    texts = {
        "a": "A 6.1-magnitude quake struck Indonesia's Aceh province, a region hit by the 2004 tsunami.",
        "b": "A powerful 6.1-magnitude quake hit Indonesia's Aceh province early on Tuesday.",
    }
    times = (_time(texts, "a", "2004", "2004"), _time(texts, "b", "Tuesday", "2013-07-02"))
    al = _run(_parsed(seedkit.small_extraction(texts, times=times), nlp), hash_embedder)
    assert len(al.facts) == 1, [f.text for f in al.facts]  # one statement: its dates compare
    assert [c.description for c in al.conflicts if c.kind == "date"] == []


@pytest.mark.slow
def test_a_date_inferred_from_another_report_contradicts_nothing(nlp: Any, hash_embedder: Any) -> None:
    from dataclasses import replace

    texts = {
        "a": "Interior Secretary Ken Salazar announced today that the rule will be reversed.",
        "b": "Interior Secretary Ken Salazar announced on Tuesday that the rule will be reversed.",
    }
    stated = (_time(texts, "a", "today", "2009-04-28"), _time(texts, "b", "Tuesday", "2009-03-03"))
    conflicts = _run(_parsed(seedkit.small_extraction(texts, times=stated), nlp), hash_embedder).conflicts
    assert [c.kind for c in conflicts] == ["date"]
    # "today" in a report without a date of its own, read against the story's earliest date
    inferred = (replace(stated[0], anchor="2009-03-04", anchor_source="story"), stated[1])
    assert _run(_parsed(seedkit.small_extraction(texts, times=inferred), nlp), hash_embedder).conflicts == ()


_TOLL = {
    "a": "A strong earthquake in Aceh province killed 5 people and flattened houses, officials said.",
    "b": "A strong earthquake in Aceh province killed 24 people and flattened houses, officials said.",
}


@pytest.mark.parametrize(
    ("published", "kind"),
    [
        ({"a": "2013-07-02", "b": "2013-07-03"}, "update"),  # the later report counts more: news
        ({"a": "2013-07-02T07:41", "b": "2013-07-02T15:01"}, "update"),  # later the same day
        ({"a": "2013-07-03", "b": "2013-07-02"}, "number"),  # revised down: a conflict
        ({"a": "2013-07-02", "b": "2013-07-02"}, "number"),  # same day, order unknown
        ({"a": "2013-07-02"}, "number"),  # one report undated
    ],
)
def test_a_toll_that_rises_between_dated_reports_is_an_update(
    hash_embedder: Any, published: dict[str, str], kind: str
) -> None:
    al = _run(seedkit.small_extraction(_TOLL, published=published), hash_embedder)
    assert len(al.facts) == 1
    (c,) = al.conflicts
    assert c.kind == kind
    if kind == "update":
        assert [s.value for s in c.sides] == ["5 people", "24 people"]  # publication order
        assert c.description.startswith(
            "The count rose as reports came in (people): 5 people (2013-07-02) → "
        )
        assert al.facts[0].status != "contested"  # the fact stands; only its count moved
    else:
        assert al.facts[0].status == "contested"


def test_a_death_toll_that_rises_between_reports_is_an_update(nlp: Any, hash_embedder: Any) -> None:
    # "the death toll … rose to 24": the figure has no unit after it, and the toll's subject
    # names a place, which is no actor counting
    texts = {
        "a": "The death toll from Tuesday's earthquake in Abruzzo rose to 24 on Tuesday afternoon, "
        "civil protection officials said.",
        "b": "The death toll from the earthquake that struck central Italy on Tuesday has risen to 29, "
        "civil protection officials said.",
    }
    ex = seedkit.small_extraction(texts, published={"a": "2025-07-01T14:15", "b": "2025-07-02T09:05"})
    al = _run(_parsed(ex, nlp), hash_embedder)
    (c,) = al.conflicts
    assert c.kind == "update"
    assert [s.value for s in c.sides] == ["rose to 24", "has risen to 29"]
    # a first report's "at least 12" agrees with both, and opens the series (one fact, as the
    # model groups them; the hashed embedder of this test does not)
    from crosswire.align.claims import Claim
    from crosswire.align.conflicts_numbers import number_conflicts
    from crosswire.align.features import content_words, numbers_with_units

    texts["c"] = "The earthquake in central Italy on Tuesday killed at least 12 people, officials said."
    published = {"a": "2025-07-01T14:15", "b": "2025-07-02T09:05", "c": "2025-07-01T06:40"}
    docs = {d: Document(id=d, text=t, published=published[d]) for d, t in texts.items()}
    claims = [
        Claim(
            f"c{k}",
            d,
            0,
            (0, len(t)),
            ((0, len(t)),),
            t,
            0.0,
            True,
            frozenset(content_words(t)),
            tuple(numbers_with_units(t)),
        )
        for k, (d, t) in enumerate(texts.items())
    ]
    ((_, c),) = number_conflicts(claims, [[0, 1, 2]], documents=docs)
    assert c.kind == "update"
    assert [s.value for s in c.sides] == ["at least 12 people", "rose to 24", "has risen to 29"]
    # told in other words, the first report's lead is a fact of its own, and still opens the toll
    ((g, c),) = number_conflicts(claims, [[0, 1], [2]], documents=docs)
    assert (g, [s.value for s in c.sides]) == (0, ["at least 12 people", "rose to 24", "has risen to 29"])
    # not when the count is no lead, nor a later report's
    later = [replace(claims[2], position=0.4), replace(claims[2], document="d")]
    docs["d"] = Document(id="d", text=texts["c"], published="2025-07-03T08:00")
    for c2 in later:
        ((_, c),) = number_conflicts([*claims[:2], c2], [[0, 1], [2]], documents=docs)
        assert [s.value for s in c.sides] == ["rose to 24", "has risen to 29"]


def test_a_fixed_count_is_a_conflict_whatever_the_dates(hash_embedder: Any) -> None:
    texts = {
        "a": "The two countries will sign a new 5-year defence framework agreement in Washington soon.",
        "b": "The two countries will sign a new 10-year defence framework agreement in Washington soon.",
    }
    ex = seedkit.small_extraction(texts, published={"a": "2025-07-01", "b": "2025-07-02"})
    assert [c.kind for c in _run(ex, hash_embedder).conflicts] == ["number"]


@pytest.mark.slow
def test_statements_on_two_days_are_no_date_conflict(nlp: Any, hash_embedder: Any) -> None:
    texts = {
        "a": "Prosecutors in California said on Thursday that the actress Lindsay Lohan would be "
        "arrested if she left the rehab facility.",
        "b": "Prosecutors in California said on Friday that the actress Lindsay Lohan would not face "
        "a probation violation for leaving the rehab facility.",
    }
    times = (_time(texts, "a", "Thursday", "2013-05-02"), _time(texts, "b", "Friday", "2013-05-03"))
    al = _run(_parsed(seedkit.small_extraction(texts, times=times), nlp), hash_embedder)
    assert len(al.facts) == 1  # one loose fact: the prosecutors and the rehab
    assert [c for c in al.conflicts if c.kind == "date"] == []
    # the same statement dated two ways still conflicts
    same = {"a": texts["a"], "b": texts["a"].replace("Thursday", "Friday")}
    times = (_time(same, "a", "Thursday", "2013-05-02"), _time(same, "b", "Friday", "2013-05-03"))
    al = _run(_parsed(seedkit.small_extraction(same, times=times), nlp), hash_embedder)
    assert [c.kind for c in al.conflicts] == ["date"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Subryan mowed into the woman with his gray 2013 Toyota Camry around 7 p.m.", True),  # a car model
        ("The woman was hit at 7 p.m., police told 1010 WINS on Saturday.", True),  # a radio station
        ("Our 2012 Chiefs lost again on Sunday.", True),
        ("In 2013 Obama won the vote in Ohio.", False),  # the year dates the sentence
        ("It happened in March 2013 in Ohio.", False),
    ],
)
def test_a_year_before_a_name_names_a_thing(nlp: Any, text: str, names: bool) -> None:
    import re

    from crosswire.align.conflicts import year_names_a_thing

    (adoc,) = seedkit.annotate([Document(id="x", text=text)], nlp)
    m = re.search(r"\b\d{4}\b", text)
    assert m is not None
    t = TimeExpression("x", m.start(), m.end(), m.group(), "DATE", m.group())
    assert year_names_a_thing(adoc, t) is names


@pytest.mark.slow
def test_both_ends_of_a_range_in_each_report_are_no_conflict(nlp: Any, hash_embedder: Any) -> None:
    # "Between 1991 and 1998" in two reports: the start in one and the end in the other
    # compare as two dates of "was", but each report states both
    line = "Between 1991 and 1998, Comeaux was in and out of prison on parole violations."
    texts = {"a": line, "b": line}
    times = tuple(_time(texts, d, y, y) for d in texts for y in ("1991", "1998"))
    al = _run(_parsed(seedkit.small_extraction(texts, times=times), nlp), hash_embedder)
    assert [c.description for c in al.conflicts] == []
    # two steps of one story, each report telling both, in a fact that groups all four
    # sentences: May 1984 in one report and June 1999 in the other are no disagreement
    steps = (
        "He returned to prison in May 1984 with a new charge of indecency with a child.",
        "He finally returned to prison in June 1999 to serve a life sentence for assault.",
    )
    texts = {"a": " ".join(steps), "b": " ".join(steps)}
    times = tuple(
        _time(texts, d, x, v) for d in texts for x, v in (("May 1984", "1984-05"), ("June 1999", "1999-06"))
    )
    ex = _parsed(seedkit.small_extraction(texts, times=times), nlp)
    claims = [
        Claim(
            f"{d}{k}",
            d,
            k,
            span,
            (span,),
            texts[d][slice(*span)],
            k / 2,
            True,
            frozenset(texts[d][slice(*span)].split()),
        )
        for d in texts
        for k, span in enumerate([(0, len(steps[0])), (len(steps[0]) + 1, len(texts[d]))])
    ]
    documents = {a.document.id: a.document for a in ex.story.documents}
    annotated = {a.document.id: a for a in ex.story.documents}
    found = date_conflicts(claims, [[0, 1, 2, 3]], times=times, documents=documents, annotated=annotated)
    assert found == []
    found = date_conflicts(claims, [[0, 3]], times=times, documents=documents, annotated=annotated)
    assert [c.kind for _, c in found] == ["date"]  # told alone, the two dates do differ
    # one end in one report and the other end in the other still differ (told of an action:
    # a state, "was in and out of prison", two reports may date each their own way)
    acted = line.replace("was in and out of prison", "returned to prison")
    texts = {"a": acted.replace("Between 1991 and 1998", "In 1991"), "b": acted.replace("Between 1991", "In")}
    times = (_time(texts, "a", "1991", "1991"), _time(texts, "b", "1998", "1998"))
    al = _run(_parsed(seedkit.small_extraction(texts, times=times), nlp), hash_embedder)
    assert [c.kind for c in al.conflicts] == ["date"]


def test_words_given_to_two_people_are_one_conflict_not_two(hash_embedder: Any) -> None:
    from crosswire.models import Quote

    texts = {
        "a": 'AMD will keep selling SeaMicro servers "for the foreseeable future," Lisa Su said.',
        "b": 'AMD will keep selling SeaMicro servers "for the foreseeable future," Lu said.',
    }
    ents = _named(texts, ["Lisa Su", "Lu"])
    words = "for the foreseeable future,"
    quotes = tuple(
        Quote(f"q{d}", d, t.index(words), t.index(words) + len(words), words, "partial", ents[k].id)
        for k, (d, t) in enumerate(texts.items())
    )
    al = _run(seedkit.small_extraction(texts, ents=ents, quotes=quotes), hash_embedder)
    kinds = [c.kind for c in al.conflicts]
    assert kinds.count("person") == 1 and "attribution" not in kinds


@pytest.mark.slow
def test_the_speaker_and_the_person_spoken_of_are_no_person_conflict(nlp: Any, hash_embedder: Any) -> None:
    texts = {
        "a": "Officers found a shotgun and three shells in the car after the chase, Robert Pickell said.",
        "b": "Officers found a shotgun and three shells in the car after Anthony LaCalamita surrendered.",
    }
    ex = seedkit.small_extraction(texts, ents=_named(texts, ["Robert Pickell", "Anthony LaCalamita"]))
    assert [c for c in _run(_parsed(ex, nlp), hash_embedder).conflicts if c.kind == "person"] == []
    # two people saying it: one statement, two speakers — a conflict
    texts = {"a": texts["a"], "b": texts["a"].replace("Robert Pickell", "James Gage")}
    ex = seedkit.small_extraction(texts, ents=_named(texts, ["Robert Pickell", "James Gage"]))
    assert [c.kind for c in _run(_parsed(ex, nlp), hash_embedder).conflicts] == ["person"]


def test_two_shares_in_one_sentence_are_each_read_at_their_own_figure(hash_embedder: Any) -> None:
    # Iowa, 2016: the live count and the final one. The sentence that gives two shares does
    # not say which of them the other report's share is; and a side never shows a figure
    # that is not its value ("49.6 percent vs 49.6 percent" was shown before).
    texts = {
        "a": "Clinton had 51 percent of the delegates in Iowa to Sanders’ 48 percent.",
        "b": "Clinton had 50 percent of the delegates in Iowa to Sanders’ 48 percent.",
    }
    al = _run(seedkit.small_extraction(texts), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "number"] == []


@pytest.mark.slow
def test_copies_of_one_origin_do_not_contradict_each_other(nlp: Any, hash_embedder: Any) -> None:
    # ECB+ 23: a wire story and its next-day reprint, "earlier in the day" read against each one's date
    texts = {
        "a": "The climber is thought to have fallen much earlier in the day on the ridge.",
        "b": "The climber is thought to have fallen much earlier in the day on the ridge.",
    }
    times = (
        _time(texts, "a", "earlier in the day", "2013-09-14"),
        _time(texts, "b", "earlier in the day", "2013-09-15"),
    )
    apart = _parsed(seedkit.small_extraction(texts, times=times), nlp)
    assert [c.kind for c in _run(apart, hash_embedder).conflicts] == ["date"]  # two sources: they disagree
    one = seedkit.small_extraction(texts, times=times, families=(Family("F0", ("a", "b"), "a"),))
    assert _run(_parsed(one, nlp), hash_embedder).conflicts == ()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b"),
    [
        # ECB+ 12: "AK-47" is a model, not 47 of anything
        (
            "Nine assault rifles and a grenade launcher were seized from the pirates by the navy.",
            "The navy seized seven AK-47 assault rifles and a grenade launcher from the pirates.",
        ),
        # ECB+ 10: a sum of parts is no rival of a part
        (
            "Teixeira played 54 games with the Angels after the trade this season.",
            "Teixeira played a combined 157 games with the Angels and the Braves this season.",
        ),
        # ECB+ 20: a decimal the tokenizer cut at its point ("6. 0") is not 0 of anything
        (
            "A magnitude-6. 0 quake can cause severe damage to houses.",
            "A magnitude 6 quake can cause severe damage to houses.",
        ),
    ],
)
def test_figures_that_are_no_rival_counts(nlp: Any, hash_embedder: Any, a: str, b: str) -> None:
    al = _run(_parsed(seedkit.small_extraction({"a": a, "b": b}), nlp), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "number"] == []


def test_title_case_headlines_place_no_events(hash_embedder: Any) -> None:
    # ECB+ 19: every word of a headline is capitalised, so its "names" (Teen, By, Police) named
    # one reference event for a vigil and a death
    texts = {
        "a": "Large Riot Breaks Out In Brooklyn During Vigil For Teen Shot 11 Times By Police",
        "b": "Riots Erupt Following Death of Brooklyn Teen Killed By Police",
    }
    al = _run(seedkit.small_extraction(texts), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "sequence"] == []


def test_two_countries_sharing_a_word_are_not_one_place(hash_embedder: Any) -> None:
    # ECB+ 30: cables cut off the United Arab Emirates in one report, the United Kingdom in another
    texts = {
        "a": "Internet traffic to the United Arab Emirates was disrupted by the cable cuts. Repairs began.",
        "b": "Internet traffic to the United Kingdom was disrupted by the cable cuts. Repairs began.",
    }
    ents = _place_entities(texts, ["United Arab Emirates", "United Kingdom"])
    al = _run(seedkit.small_extraction(texts, ents=ents), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "place"] == []


def test_a_name_and_its_clipped_form_are_no_two_people(hash_embedder: Any) -> None:
    # ECB+ 29: the tagger made people of the team; "Jags" is how one report clips "Jaguars"
    texts = {
        "a": "The Jaguars could not come up with the play to tie the game in the fourth quarter.",
        "b": "The Jags could not come up with the play to tie the game in the fourth quarter.",
    }
    al = _run(seedkit.small_extraction(texts, ents=_named(texts, ["Jaguars", "Jags"])), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "person"] == []


@pytest.mark.slow
def test_a_past_event_and_a_plan_are_no_date_conflict(nlp: Any, hash_embedder: Any) -> None:
    # ECB+ 2 (reports of 2013): she hosted the Oscars in 2007 and will host them in 2014
    texts = {
        "a": "Ellen DeGeneres will host the Academy Awards ceremony in 2014, the academy announced.",
        "b": "Ellen DeGeneres hosted the Academy Awards ceremony in 2007, the academy announced.",
    }
    times = (
        replace(_time(texts, "a", "2014", "2014"), anchor="2013-08-02"),
        replace(_time(texts, "b", "2007", "2007"), anchor="2013-08-02"),
    )
    al = _run(_parsed(seedkit.small_extraction(texts, times=times), nlp), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "date"] == []
    # told in the past tense but dated after the report, or both plans, two dates still differ
    ahead = {"a": texts["a"], "b": texts["a"].replace("2014", "2015")}
    times = (
        replace(_time(ahead, "a", "2014", "2014"), anchor="2013-08-02"),
        replace(_time(ahead, "b", "2015", "2015"), anchor="2013-08-02"),
    )
    al = _run(_parsed(seedkit.small_extraction(ahead, times=times), nlp), hash_embedder)
    assert [c.kind for c in al.conflicts] == ["date"]
    # the same words, one a plan and one a past event by their tense alone ("this year")
    now = {"a": texts["a"].replace("in 2014", "this year"), "b": texts["b"].replace("in 2007", "in 2012")}
    times = (
        replace(_time(now, "a", "this year", "2013"), anchor="2013-08-02"),
        replace(_time(now, "b", "2012", "2012"), anchor="2013-08-02"),
    )
    al = _run(_parsed(seedkit.small_extraction(now, times=times), nlp), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "date"] == []


@pytest.mark.slow
def test_dates_on_a_verb_of_being_are_no_date_conflict(nlp: Any, hash_embedder: Any) -> None:
    # ECB+ 34: a state each report dates its own way is no event told twice
    texts = {
        "a": "The rural health clinic in Bayou La Batre has been a staple for residents since 1987.",
        "b": "The rural health clinic in Bayou La Batre has been a staple for residents since 2005.",
    }
    times = (_time(texts, "a", "1987", "1987"), _time(texts, "b", "2005", "2005"))
    al = _run(_parsed(seedkit.small_extraction(texts, times=times), nlp), hash_embedder)
    assert [c for c in al.conflicts if c.kind == "date"] == []
