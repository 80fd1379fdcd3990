"""Fixtures for clustering tests: two look-alike earthquakes, a bridged pair of stories, ferry reports.

The reports are written for these tests in the style of wire copy (invented outlets,
real-looking places); each event has three reports that paraphrase one another.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crosswire.models import AnnotatedDocument, Document, Mention


def make_adoc(
    doc_id: str, text: str, *, published: str | None = None, entities: tuple[tuple[str, str], ...] = ()
) -> AnnotatedDocument:
    """A Document (no clean view: body is the text) with mentions found by exact search for each entity."""
    doc = Document(id=doc_id, text=text, path=f"{doc_id}.txt", published=published)
    mentions = []
    for surface, label in entities:
        start = text.find(surface)
        while start != -1:
            mentions.append(Mention(doc_id, start, start + len(surface), surface, label))
            start = text.find(surface, start + len(surface))
    mentions.sort(key=lambda m: m.start)
    return AnnotatedDocument(document=doc, sentences=(), mentions=tuple(mentions))


_TURKEY = (
    ("Malatya", "GPE"),
    ("Turkey", "GPE"),
    ("AFAD", "ORG"),
    ("Yunus Sezer", "PERSON"),
    ("Sezer", "PERSON"),
)
_CHILE = (
    ("Antofagasta", "GPE"),
    ("Chile", "GPE"),
    ("ONEMI", "ORG"),
    ("Gabriel Boric", "PERSON"),
    ("Boric", "PERSON"),
)

QUAKES = [
    make_adoc(
        "quake-tr-1",
        "A magnitude 5.9 earthquake struck Malatya province in eastern Turkey early on Tuesday, "
        "collapsing several buildings and killing at least four people, the disaster agency AFAD said. "
        "Yunus Sezer, head of AFAD, said rescue teams were searching the rubble in the town of Doganyol. "
        "Residents spent the night outdoors as aftershocks rattled the region.",
        published="2024-03-12",
        entities=_TURKEY,
    ),
    make_adoc(
        "quake-tr-2",
        "Four people died when a 5.9-magnitude quake hit Malatya in eastern Turkey on Tuesday morning. "
        "Turkey's disaster management agency AFAD said buildings collapsed in Doganyol and nearby villages. "
        "Sezer told reporters that search and rescue teams had pulled survivors from the rubble overnight.",
        published="2024-03-12",
        entities=_TURKEY,
    ),
    make_adoc(
        "quake-tr-3",
        "Rescuers in Malatya dug through collapsed buildings after Tuesday's magnitude 5.9 earthquake in eastern Turkey "
        "killed four people. AFAD chief Yunus Sezer said more than 40 aftershocks followed the quake near Doganyol, "
        "and tents were sent for residents afraid to return home.",
        published="2024-03-13",
        entities=_TURKEY,
    ),
    make_adoc(
        "quake-cl-1",
        "A magnitude 6.8 earthquake shook northern Chile on Saturday, damaging homes and roads around Antofagasta, "
        "the emergency office ONEMI said. President Gabriel Boric said two people were killed and coastal areas "
        "were evacuated as a precaution against a tsunami.",
        published="2024-07-20",
        entities=_CHILE,
    ),
    make_adoc(
        "quake-cl-2",
        "Two people died after a 6.8-magnitude quake struck near Antofagasta in northern Chile on Saturday. "
        "ONEMI ordered the evacuation of the coast while the navy assessed the tsunami risk, and Boric "
        "said the government would send aid to damaged towns.",
        published="2024-07-20",
        entities=_CHILE,
    ),
    make_adoc(
        "quake-cl-3",
        "Chile's President Gabriel Boric visited Antofagasta on Sunday after Saturday's magnitude 6.8 earthquake "
        "killed two people. ONEMI lifted the tsunami precaution for the coast, and engineers inspected roads "
        "and homes damaged by the quake in northern Chile.",
        published="2024-07-21",
        entities=_CHILE,
    ),
]


@pytest.fixture
def quakes() -> list[AnnotatedDocument]:
    """Two earthquakes four months apart, three reports each: must split into two stories."""
    return list(QUAKES)


@pytest.fixture
def adoc() -> Callable[..., AnnotatedDocument]:
    return make_adoc


# Lower-cased, title-less extracts as in Multi-News: one ferry accident told twice, with few
# words in common beyond its names and figures, among other stories.
FERRY = [
    (
        "fire-1",
        "a wildfire forced hundreds of people from their homes near the town of paradise in northern "
        "california on thursday as strong winds pushed the flames across dry hills.",
    ),
    (
        "vote-1",
        "lawmakers in the senate approved a budget bill late on friday after a long debate over spending "
        "on roads, schools and the military.",
    ),
    (
        "ferry-1",
        "a jadrolinija ferry ran aground off hvar near stari grad on sunday, and captain ante petrovic said "
        "all 212 passengers were taken ashore by fishing boats.",
    ),
    (
        "fire-2",
        "firefighters battled a fast moving blaze that destroyed dozens of houses, officials said, and "
        "thousands were ordered to leave as the wind picked up.",
    ),
    (
        "vote-2",
        "the senate passed the spending bill in a late night vote, sending the budget measure for roads and "
        "schools to the president to sign.",
    ),
    (
        "ferry-2",
        "croatian police questioned petrovic after the jadrolinija vessel hit rocks at stari grad; the 212 "
        "people on board reached hvar harbour unhurt, the operator said.",
    ),
]


@pytest.fixture
def ferry() -> list[tuple[str, str]]:
    """(id, text) of six unannotated, lower-cased reports: two of one ferry accident, two pairs of other stories."""
    return FERRY
