"""A quake told the way the wires and the big sites publish it, read as a careful reader would.

The reports are written here the way pages of AP, Reuters, AFP and the BBC reach a monitor:
datelines naming the country, a byline, page furniture, a sign-off, a toll that rises between
dated reports. Each assertion is a fault a brief of them once had (19th session).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

# AP's copy, as the families test has it too
_AP = (Path(__file__).resolve().parents[1] / "cluster" / "data" / "families" / "quake-ap.txt").read_text(
    encoding="utf-8"
)
_BBC = """Italy earthquake: Dozens trapped as quake hits Abruzzo

At least 12 people have been killed after a 6.1-magnitude earthquake hit central Italy, officials say.

The quake struck early on Tuesday near the city of L'Aquila in the Abruzzo region.

Media playback is unsupported on your device Media caption Footage shows damage in Onna

Prime Minister Giorgia Meloni said the government would declare a state of emergency.

Share this with Facebook Twitter Email
"""
_REUTERS = """Italy quake kills 11, dozens trapped - officials

PAGANICA, Italy (Reuters) - An earthquake of magnitude 6.1 hit central Italy before dawn on Tuesday, \
killing at least 11 people, officials said.

Prime Minister Giorgia Meloni said the government would declare a state of emergency in the Abruzzo region.

(Reporting by Angelo Amante; Editing by Alex Richardson)
"""
_FEED = [
    {
        "id": "afp-1",
        "source": "France 24",
        "title": "Quake kills 12 in central Italy",
        "published": "2025-07-01T06:40:00Z",
        "text": "L'Aquila (Italy) (AFP) – A powerful earthquake killed at least 12 people in central "
        "Italy before dawn on Tuesday, the civil protection agency said, as rescuers dug through "
        "rubble in search of survivors.\n\nThe 6.1-magnitude quake struck at 3:36 am (0136 GMT) "
        "near the city of L'Aquila, according to Italy's National Institute of Geophysics and "
        'Volcanology (INGV).\n\n"We heard a terrible roar and then everything fell," said Marco '
        "Rinaldi, a 61-year-old baker in the village of Onna.\n\nCivil protection chief Fabrizio "
        "Curcio told reporters the toll was likely to rise.",
    },
    {
        "id": "ansa-2",
        "source": "ANSA",
        "title": "Quake toll rises to 24, dozens missing",
        "published": "2025-07-01T14:15:00Z",
        "text": "ROME - The death toll from Tuesday's earthquake in Abruzzo rose to 24 on Tuesday "
        "afternoon, with dozens still missing, civil protection officials said.\n\nThe quake, "
        "which INGV put at magnitude 6.3, destroyed hundreds of homes in the villages of Onna, "
        "Paganica and Tempera.\n\nPremier Giorgia Meloni, who flew to L'Aquila in the afternoon, "
        'said the government would release 50 million euros in emergency funds. "The state is '
        'here and will stay here," she said.\n\nCurcio said rescuers had pulled 37 people alive '
        "from the rubble.",
    },
    {
        "id": "aj-3",
        "source": "Al Jazeera",
        "title": "Italy earthquake death toll climbs to 29",
        "published": "2025-07-02T09:05:00Z",
        "text": "The death toll from a powerful earthquake that struck central Italy on Tuesday has "
        "risen to 29, Italian officials said on Wednesday, as rescuers searched for survivors "
        "for a second day.\n\nThe magnitude 6.1 quake hit the Abruzzo region near L'Aquila, a city "
        "still rebuilding after a 2009 earthquake that killed 309 people.\n\nPrime Minister "
        'Giorgia Meloni pledged 50 million euros in emergency aid, saying: "The state is here, '
        "and it will stay here.\"\n\nItaly's civil protection agency denied reports that a hospital "
        "in L'Aquila had collapsed. \"The hospital is damaged but standing, and all patients were "
        'moved safely," the agency said in a statement.',
    },
]


def _brief(paths: list[str], minilm: Any) -> Any:
    from crosswire import pipeline

    docs = pipeline.read(paths)
    stories = pipeline.stories(docs, embedder=minilm)
    (brief,) = list(pipeline.briefs(stories, embedder=minilm))
    return brief


def test_three_pages_of_one_quake(tmp_path: Path, minilm: Any) -> None:
    for name, text in (("ap", _AP), ("bbc", _BBC), ("reuters", _REUTERS)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    brief = _brief([str(tmp_path)], minilm)
    docs = {d.id: d for d in brief.documents}
    assert (docs["ap"].credit, docs["reuters"].credit) == ("AP", "Reuters")
    assert docs["ap"].title.startswith("Earthquake kills 12")  # no "UPDATE 2-"
    # AP's and Reuters' own copies are two origins, however alike their sentences
    families = {m: f.id for f in brief.story.families for m in f.members}
    assert families["ap"] != families["reuters"]
    assert "earthquake" in brief.headline.lower() and "Meloni" not in brief.headline
    shown = [f.text for f in brief.facts] + [s.text for s in brief.summary]
    for furniture in ("Story continues", "Media playback", "Share this", "contributed", "By MARIA", "(AP)"):
        assert not any(furniture in t for t in shown), furniture
    people = {e.name: e.type for e in brief.entities}
    assert people.get("Giulia Bianchi") == "PERSON" and "Frances D'Emilio" not in people


def test_a_toll_rising_over_a_day_of_dated_reports(tmp_path: Path, minilm: Any) -> None:
    feed = tmp_path / "quake.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in _FEED), encoding="utf-8")
    brief = _brief([str(feed)], minilm)
    assert brief.event_date == "2025-07-01"
    (update,) = [c for c in brief.conflicts if c.kind == "update"]
    assert [s.value for s in update.sides] == ["at least 12 people", "rose to 24", "has risen to 29"]
    places = {e.name: e.type for e in brief.entities if e.type in {"GPE", "LOC"}}
    assert {"Onna", "Paganica", "Tempera"} <= set(places)
