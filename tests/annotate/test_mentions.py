"""Entity mentions: the small model's systematic mistakes are cleaned by general rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from crosswire import annotate
from crosswire.models import AnnotatedDocument, Document

pytestmark = pytest.mark.slow


def _labels(adoc: AnnotatedDocument) -> dict[str, str]:
    return {m.text: m.label for m in adoc.mentions}


def _annotate(text: str, doc_id: str = "t") -> AnnotatedDocument:
    return next(annotate.run([Document(id=doc_id, text=text)]))


@pytest.fixture(scope="module")
def seeds(seed_annotated: list[Any]) -> dict[str, AnnotatedDocument]:
    return {a.document.id[:3]: a for a in seed_annotated}


def test_mention_offsets_are_exact_in_every_seed(seed_annotated: list[Any]) -> None:
    for adoc in seed_annotated:
        assert adoc.mentions
        for m in adoc.mentions:
            assert adoc.document.text[m.start : m.end] == m.text
            assert m.document == adoc.document.id
        starts = [m.start for m in adoc.mentions]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in zip(adoc.mentions, adoc.mentions[1:], strict=False))


def test_aircraft_designations_are_products_not_people(seeds: dict[str, AnnotatedDocument]) -> None:
    labels = _labels(seeds["002"])
    for name in (
        "C 17 Globemaster III",
        "P 8I Poseidon",
        "C 130J Super Hercules",
        "CH 47F Chinook",
        "MH 60R Sea Hawk",
        "AH 64E Apache",
        "M777",
        "MQ 9Bs",
    ):
        assert labels.get(name) == "PRODUCT", name
    assert labels.get("Harpoon") == "PRODUCT"  # "Harpoon antiship missiles"
    people = [m.text for m in seeds["002"].mentions if m.label == "PERSON"]
    assert not any(any(ch.isdigit() for ch in p) for p in people)


def test_titles_are_not_organisations(seeds: dict[str, AnnotatedDocument]) -> None:
    for adoc in seeds.values():
        orgs = {m.text for m in adoc.mentions if m.label == "ORG"}
        assert not orgs & {"External Affairs", "Indian External Affairs", "Defence", "Defense", "State"}, orgs
        assert "Minister" not in {m.text for m in adoc.mentions if m.label == "PERSON"}
    # The demonym in "Indian External Affairs Minister" survives as its own mention.
    assert _labels(seeds["003"]).get("Indian") == "NORP"


def test_platform_after_posted_on_is_a_product(seeds: dict[str, AnnotatedDocument]) -> None:
    for key in ("002", "004"):
        xs = [m for m in seeds[key].mentions if m.text == "X"]
        assert xs and all(m.label == "PRODUCT" for m in xs), key
    assert len([m for m in seeds["002"].mentions if m.text == "X"]) == 2  # one was missed by the model


def test_leading_the_and_possessive_are_trimmed(seeds: dict[str, AnnotatedDocument]) -> None:
    texts = [m.text for a in seeds.values() for m in a.mentions]
    assert not [t for t in texts if t.lower().startswith("the ")]
    assert not [t for t in texts if t.endswith(("'s", "’s"))]
    assert "Narendra Modi" in {m.text for m in seeds["003"].mentions}


def test_regions_are_locations_everywhere_in_a_document(seeds: dict[str, AnnotatedDocument]) -> None:
    labels = {(m.text, m.label) for m in seeds["000"].mentions if "Indo-Pacific" in m.text}
    assert labels == {("Indo-Pacific region", "LOC"), ("Indo-Pacific", "LOC")}


def test_country_pairs_become_two_places() -> None:
    adoc = _annotate("The U.S.-India partnership and the India-US framework were discussed in Delhi.")
    gpes = [m.text for m in adoc.mentions if m.label == "GPE"]
    assert gpes[:4] == ["U.S.", "India", "India", "US"]
    assert not [m for m in adoc.mentions if "-" in m.text]


def test_lone_codes_without_product_context_stay_what_they_were() -> None:
    adoc = _annotate("Leaders of the G20 met in Rome. The G20 summit ended on Sunday.")
    assert "PRODUCT" not in {m.label for m in adoc.mentions}


def test_mentions_map_through_the_clean_view(make_clean_doc: Callable[[str, str], Document]) -> None:
    doc = make_clean_doc(
        "ws", "  US   Defense Secretary  Pete   Hegseth met  Indian officials in   New Delhi. "
    )
    adoc = next(annotate.run([doc]))
    texts = {m.text: m.label for m in adoc.mentions}
    assert texts.get("Pete   Hegseth") == "PERSON"
    for m in adoc.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_cleaned_mentions_are_written_back_to_the_spacy_doc(seeds: dict[str, AnnotatedDocument]) -> None:
    doc = seeds["002"].doc
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("C 17 Globemaster III", "PRODUCT") in ents
    assert not [e for e in doc.ents if e.label_ == "PERSON" and e.text[:1].isdigit()]


@pytest.mark.slow
def test_a_title_before_a_name_the_model_called_a_title_of_a_work_is_a_person(nlp: Any) -> None:
    adoc = _annotate('"He was going to be shot," Undersheriff James Gage said.')
    assert _labels(adoc).get("James Gage") == "PERSON"
    assert "Undersheriff James Gage" not in _labels(adoc)


def test_a_name_does_not_run_across_a_verb() -> None:
    adoc = _annotate("Currently, Dell resells SeaMicro servers to its largest customers.\n")
    names = [m.text for m in adoc.mentions]
    assert "Dell resells SeaMicro" not in names
    assert {"Dell", "SeaMicro"} <= set(names)


def test_a_work_of_art_holding_a_verb_is_no_title() -> None:
    adoc = _annotate(
        'Bemoaning the "phony system," Trump accused Holt of being a Democrat, though a review of '
        "records indicate he has been a Republican.\n"
    )
    assert not any(m.label == "WORK_OF_ART" for m in adoc.mentions)  # was "Trump accused Holt of being a"


def test_a_platform_is_never_a_person() -> None:
    adoc = _annotate(
        "Trump took to Twitter overnight to accuse Clinton's campaign of being duped and encourage "
        "Americans to check out what he called a tape.\n"
    )
    assert _labels(adoc).get("Twitter") != "PERSON"


_FOWLER = (
    "Don Fowler, who led the Democratic National Committee in the 1990s, said the party should "
    "prepare a plan.\n\nKamarck noted that the process has not changed in the decades since "
    "Eagleton was replaced over mental health concerns. But Fowler said the politics surrounding "
    "the top of the ticket would be more intense.\n"
)


def test_a_lone_surname_is_the_person_named_in_full_in_the_document() -> None:
    adoc = _annotate(_FOWLER)
    lone = [m for m in adoc.mentions if m.text == "Fowler"]
    assert lone and all(m.label == "PERSON" for m in lone)  # the model says ORG ("But Fowler said")


def test_a_place_keeps_its_label_beside_a_person_of_that_surname() -> None:
    adoc = _annotate(
        "Mayor Harold Washington spoke in Chicago on Monday. He later flew to Washington, where "
        "Congress was debating the budget.\n"
    )
    assert _labels(adoc).get("Washington") == "GPE"


def test_a_lone_surname_the_model_called_a_place_is_the_person_named_in_full() -> None:
    adoc = _annotate(
        "“It would have been a real long-shot,” said Stephen Vladeck of the University of Texas "
        "School of Law.\n\n"
        "“The basic problem here is that the relevant federal criminal laws are a patchwork,” "
        "Vladeck said.\n\n"
        "“There’s a worthwhile debate that we ought to have,” said Vladeck.\n"
    )
    lone = [m for m in adoc.mentions if m.text == "Vladeck"]
    assert lone and all(m.label == "PERSON" for m in lone)  # the model says GPE


def test_a_name_the_document_puts_where_a_place_goes_stays_a_place() -> None:
    adoc = _annotate(
        "The quake struck off Aceh on Tuesday, said Sutopo Purwo Nugroho, a disaster agency "
        "spokesman, and another man, Teuku Aceh.\n\nHouses collapsed in Aceh.\n"
    )
    assert {m.label for m in adoc.mentions if m.text == "Aceh"} <= {"GPE", "LOC"}


def test_a_full_name_the_model_called_a_product_is_the_person_named_so_elsewhere() -> None:
    adoc = _annotate(
        "The rule was mentioned by Ivanka Trump in an interview with Cosmopolitan magazine.\n\n"
        "The campaign has previously addressed the plight of many single mothers. In a Wall Street "
        "Journal essay last week, Ivanka Trump acknowledged their uphill battle.\n"
    )
    full = [m for m in adoc.mentions if m.text == "Ivanka Trump"]
    assert len(full) == 2 and all(m.label == "PERSON" for m in full)  # the second was PRODUCT


def test_a_headline_s_verbs_and_a_person_s_possessions_are_not_part_of_names() -> None:
    adoc = _annotate(
        "Barack Obama’s Endorsement Couldn’t Come At A Better Time For Hillary Clinton\n\n"
        "Clinton and Sanders Aren’t Butting Heads Over The Democratic Platform\n\n"
        "Bernie Sanders spoke. Young people fell overwhelmingly in Sanders’ camp, and Class A "
        "shares rose. Prime Minister Theresa May met George Will.\n"
    )
    names = {m.text: m.label for m in adoc.mentions}
    assert "Barack Obama’s Endorsement" not in names and names.get("Barack Obama") == "PERSON"
    assert "Sanders Are" not in names
    assert names.get("Theresa May") == "PERSON"  # a word that may end a clause may end a name
    # a surname before a bare possessive apostrophe is still the person, not a place
    assert {m.label for m in adoc.mentions if m.text == "Sanders"} <= {"PERSON"}


def test_a_nickname_in_quotation_marks_is_part_of_the_name() -> None:
    adoc = _annotate(
        "As reported by Western Journalism, former CIA operative and Marine John “Tig” Tiegen "
        "found both issues to be disqualifying.\n\n"
        "“If you’re going to be a leader, you should be in the Situation Room,” Tiegen said.\n"
    )
    people = [m.text for m in adoc.mentions if m.label == "PERSON"]
    assert any(p.endswith("John “Tig” Tiegen") for p in people)  # the model cut it at "“Tig"
    assert {m.label for m in adoc.mentions if m.text == "Tiegen"} == {"PERSON"}  # was ORG


def test_a_dash_glued_to_a_name_is_not_part_of_it() -> None:
    adoc = _annotate(
        "\"Great speech. She's tested. She's ready.\"\n\n-President Obama, tweeting after the speech.\n"
    )
    assert _labels(adoc).get("Obama") == "PERSON"  # "-President" was one token, and no name followed


def test_an_outlet_s_possessive_before_a_writer_is_two_names() -> None:
    # The model ran "Commentary’s Noah Rothman" together as an ORG and "Politico’s Glenn Thrush"
    # as a PERSON; the writer was lost to the one and the magazine taken for a person by the other.
    adoc = _annotate(
        "“It’ll annoy Rubio detractors,” Commentary’s Noah Rothman tweeted Friday. Politico’s Glenn "
        "Thrush wrote it. Harvard’s Kennedy School said so.\n"
    )
    labels = _labels(adoc)
    assert labels.get("Noah Rothman") == "PERSON" and labels.get("Commentary") == "ORG"
    assert labels.get("Glenn Thrush") == "PERSON" and labels.get("Politico") == "ORG"
    assert labels.get("Kennedy School") != "PERSON"  # a school the university has


def test_a_mention_without_a_capital_is_no_name() -> None:
    # ECB+ copy opens with its URL cut at the dots: "html" was a person in 39 briefs
    adoc = _annotate(
        "http: / / the-palmerpost. blogspot. nl / 2012 / 08 / farewell-mat-maid. html\n"
        "Tuesday, August 7, 2012\nFarewell to another piece of Mat Maid\n"
        "A fast-moving fire destroyed the warehouse, fire chief Jacob Howell said.\n"
    )
    names = [m.text for m in adoc.mentions if m.label in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}]
    assert all(any(ch.isupper() for ch in n) for n in names) and "Jacob Howell" in names


def test_a_time_zone_is_no_name() -> None:
    # the model tags "GMT" an organisation: it became one of the story's entities
    adoc = _annotate(
        "The 6.1-magnitude quake struck at 3:36 am (0136 GMT) near the city of L'Aquila, according to "
        "Italy's National Institute of Geophysics and Volcanology (INGV).\n"
    )
    texts = [m.text for m in adoc.mentions]
    assert "GMT" not in texts and "L'Aquila" in texts


def test_a_list_of_names_is_one_mention_per_name() -> None:
    # the model tagged "Onna, Paganica" an organisation and "Tempera" a place
    adoc = _annotate(
        "The quake, which INGV put at magnitude 6.3, destroyed hundreds of homes in the villages of "
        "Onna, Paganica and Tempera.\n"
    )
    labels = _labels(adoc)
    assert "Onna, Paganica" not in labels
    assert labels.get("Onna") == labels.get("Paganica") == labels.get("Tempera") == "GPE"


def test_a_name_with_a_comma_is_no_list_and_items_keep_their_label_out_of_place() -> None:
    from crosswire.annotate.mentions import _Ent, _rule_lists

    text = "T-Mobile USA, Inc. and Research In Motion sued. He read Eyefull, Wink, Titter and Beauty Parade."
    spans = [
        ("T-Mobile USA, Inc.", "ORG"),
        ("Research In Motion", "ORG"),
        ("Eyefull, Wink, Titter", "ORG"),
        ("Beauty Parade", "LOC"),
    ]
    ents = [_Ent(text.index(t), text.index(t) + len(t), label) for t, label in spans]
    out = [(text[e.start : e.end], e.label) for e in _rule_lists(text, ents)]
    assert ("T-Mobile USA, Inc.", "ORG") in out  # a company's legal form is no second name
    assert [x for x in out if x[0] in {"Eyefull", "Wink", "Titter"}] == [
        ("Eyefull", "ORG"),
        ("Wink", "ORG"),
        ("Titter", "ORG"),
    ]


def test_a_name_in_apposition_to_a_title_is_a_person() -> None:
    # the model tagged the mayor an organisation
    adoc = _annotate(
        "Onna, a village of about 300 people, lost 40 people in the 2009 earthquake. On Tuesday it "
        "lost seven more, according to the mayor, Elena Ricci.\n"
    )
    assert _labels(adoc).get("Elena Ricci") == "PERSON"
