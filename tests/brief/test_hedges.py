"""A killing one outlet states as fact and two only allege: how sure each report is.

AP says the suspect "allegedly shot" the bartender, the Dallas Morning News calls him "the man
accused of shooting" him, and a local TV station (rewriting AP) says he "shot" him. A reader
must see that two of three reports only allege it, and the brief must not state it more surely
than they do — not in its headline, summary, facts or timeline. Each assertion is a fault a
brief of this story had before the 24th session; so is the DMN's own news (he had been fired
from the bar) told around the shared accusation, which the brief cited as theirs too before the
25th.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from crosswire import render
from crosswire.extract.hedges import hedge_cues

pytestmark = pytest.mark.slow

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "brief.schema.json").read_text())

_AP = """Man charged in fatal shooting outside Dallas bar

DALLAS (AP) — A 24-year-old man was charged Saturday with murder in the shooting death of a bartender outside a Deep Ellum bar, police said.

Marcus Webb allegedly shot Daniel Ortiz, 31, after an argument over an unpaid tab early Friday outside the Lone Star Tavern, according to an arrest affidavit.

Webb may have known the victim, police said, but investigators have not determined a motive.

Webb was being held on $500,000 bail at the Dallas County jail. It was not immediately clear whether he had an attorney who could comment on his behalf.
"""

_KDFW = """Deep Ellum bartender shot dead after argument over tab

By Carla Mendez
June 14, 2025

Marcus Webb shot Daniel Ortiz, 31, after an argument over an unpaid tab early Friday outside the Lone Star Tavern in Deep Ellum.

Ortiz, a bartender at the tavern for six years, died at Baylor University Medical Center.

Webb was arrested a few blocks away about an hour later. He was charged Saturday with murder and is being held on $500,000 bail.

Friends of Ortiz gathered outside the bar on Saturday evening to leave flowers and candles.
"""

_DMN = """Suspect in Deep Ellum bartender killing was fired from the bar last month

June 15, 2025

Marcus Webb, the man accused of shooting Daniel Ortiz, 31, outside the Lone Star Tavern in Deep Ellum early Friday, had been fired from the same bar last month, two former co-workers said.

Webb reportedly fled on foot after the shooting and was arrested a few blocks away.

A video posted on social media appears to show the two men arguing in the street shortly before the shots were fired. The video could not be independently verified.

Ortiz had worked at the tavern for six years, his sister Elena Ortiz said. "He was the one everybody called when they needed help," she said.
"""


@pytest.fixture(scope="module")
def shooting(tmp_path_factory: pytest.TempPathFactory, minilm: Any) -> Any:
    from crosswire import pipeline

    folder = tmp_path_factory.mktemp("shooting")
    for name, text in {"ap": _AP, "kdfw": _KDFW, "dmn": _DMN}.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    stories = pipeline.stories(pipeline.read([str(folder)]), embedder=minilm)
    (brief,) = list(pipeline.briefs(stories, embedder=minilm))
    return brief


def _surer(text: str) -> bool:
    """States the shooting with no hedge: "Marcus Webb shot Daniel Ortiz"."""
    return "shot Daniel Ortiz" in text and not hedge_cues(text)


def test_a_fact_says_which_reports_only_allege_it_and_is_worded_as_they_word_it(shooting: Any) -> None:
    (shot,) = [f for f in shooting.facts if "kdfw" in f.documents and "Ortiz, 31" in f.text]
    assert {h.document: h.kind for h in shot.hedged} == {"ap": "alleged", "dmn": "alleged"}
    assert {h.text for h in shot.hedged} == {"allegedly", "accused"}
    assert hedge_cues(shot.text)  # never the TV station's "Marcus Webb shot Daniel Ortiz"
    # of the two that hedge it, the wording that tells what the reports share, not the DMN's
    # "…, the man accused of shooting Daniel Ortiz, …, had been fired from the same bar last month"
    assert shot.text.startswith("Marcus Webb allegedly shot Daniel Ortiz, 31, after an argument")
    md = render([shooting], fmt="md")
    assert "hedged in 2 of 3 documents: “allegedly” (ap), “accused” (dmn)" in md


def test_headline_summary_and_timeline_state_nothing_more_surely_than_a_source(shooting: Any) -> None:
    assert not _surer(shooting.headline) and "Ortiz" in shooting.headline
    assert not [s.text for s in shooting.summary if _surer(s.text)]
    assert not [t.text for t in shooting.timeline if _surer(t.text)]


def test_one_reports_news_told_around_the_shared_accusation_stays_its_own(shooting: Any) -> None:
    # "Marcus Webb, the man accused of shooting Daniel Ortiz, …, had been fired from the same bar
    # last month, two former co-workers said": only the DMN says he had been fired
    (shot,) = [f for f in shooting.facts if "kdfw" in f.documents and "Ortiz, 31" in f.text]
    (dmn,) = [c for c in shot.citations if c.document == "dmn"]
    assert dmn.text.startswith("Marcus Webb, the man accused of shooting") and "fired" not in dmn.text
    (fired,) = [f for f in shooting.facts if "had been fired from the same bar" in f.text]
    assert fired.status == "single_source" and fired.documents == ("dmn",)
    assert [c.text for c in fired.citations] == [
        "Marcus Webb",
        "had been fired from the same bar last month, two former co-workers said.",
    ]
    # cited beside AP and the TV station, the whole sentence would read as theirs too
    assert not [
        s for s in shooting.summary if "fired" in s.text and len({c.document for c in s.citations}) > 1
    ]
    assert shooting.summary[0].text.startswith("Marcus Webb allegedly shot Daniel Ortiz")


def test_hedges_of_one_report_and_the_json(shooting: Any) -> None:
    (video,) = [f for f in shooting.facts if f.text == "The video could not be independently verified."]
    assert [(h.text, h.kind) for h in video.hedged] == [("could not be independently verified", "unverified")]
    md = render([shooting], fmt="md")
    assert (
        "The video could not be independently verified. — hedged: “could not be independently verified”" in md
    )
    payload = json.loads(render([shooting], fmt="json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(payload)
    texts = {d.id: d.text for d in shooting.documents}
    cues = [h for f in payload["stories"][0]["facts"] for h in f["hedged"]]
    cited = [h["citation"] for h in cues] + [h["scope"] for h in cues]
    assert cues and all(texts[c["document"]][c["start"] : c["end"]] == c["text"] for c in cited)
    (ap,) = [h for h in cues if h["citation"]["text"] == "allegedly"]
    assert ap["scope"]["text"].startswith("Marcus Webb allegedly shot Daniel Ortiz")
    html = render([shooting], fmt="html")
    assert "hedged in 2 of 3 documents" in html


def test_the_sourcing_section_lists_what_a_report_could_not_verify(shooting: Any) -> None:
    md = render([shooting], fmt="md")
    section = md.split("## Unnamed sources, no comment, unverified", 1)[1].split("\n## ", 1)[0]
    assert "- **dmn** — could not verify: “The video could not be independently verified.” [dmn:" in section
    assert "could not verify: <q class='said'>The video could not be independently verified.</q>" in render(
        [shooting], fmt="html"
    )
    (note,) = [n for n in shooting.sourcing if n.kind == "unverified"]
    assert note.document == "dmn"


def test_a_fact_names_the_details_only_one_origin_tells(shooting: Any) -> None:
    # AP and the TV station rewriting it are one origin: the DMN says nothing of the tab
    (shot,) = [f for f in shooting.facts if "kdfw" in f.documents and "Ortiz, 31" in f.text]
    assert [(c.document, c.text) for c in shot.single_source_details] == [
        ("ap", "argument over an unpaid tab")
    ]
    # the DMN's "reportedly" is named in the hedged note, not again as a detail
    (fled,) = [f for f in shooting.facts if f.text.startswith("Webb reportedly fled")]
    assert [c.text for c in fled.single_source_details] == ["fled on foot after the shooting"]
    assert "; only one source tells “argument over an unpaid tab” (ap)" in render([shooting], fmt="md")
    assert "only one source tells “argument over an unpaid tab” (ap)" in render([shooting], fmt="html")
    payload = json.loads(render([shooting], fmt="json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(payload)
    (row,) = [f for f in payload["stories"][0]["facts"] if f["id"] == shot.id]
    assert [c["text"] for c in row["single_source_details"]] == ["argument over an unpaid tab"]


def test_the_seed_brief_hedges_nothing(pipeline_briefs: list[Any]) -> None:
    (brief,) = pipeline_briefs
    assert not [f for f in brief.facts if f.hedged]
    assert "hedged" not in render([brief], fmt="md")


def test_the_note_counts_the_hedging_reports() -> None:
    from crosswire.brief.json_out import hedged_note

    def cue(doc: str, words: str) -> dict[str, Any]:
        return {
            "kind": "alleged",
            "citation": {"document": doc, "start": 0, "end": len(words), "text": words},
        }

    short = {"ap": "ap", "dmn": "dmn", "tv": "tv"}
    three = ["ap", "dmn", "tv"]
    assert hedged_note({"documents": three, "hedged": []}, short) == ""
    assert (
        hedged_note({"documents": ["ap"], "hedged": [cue("ap", "allegedly")]}, short) == "hedged: “allegedly”"
    )
    two = [cue("ap", "allegedly"), cue("dmn", "Accused")]
    assert hedged_note({"documents": three, "hedged": two}, short) == (
        "hedged in 2 of 3 documents: “allegedly” (ap), “accused” (dmn)"
    )
    assert hedged_note({"documents": ["ap", "dmn"], "hedged": two}, short).startswith(
        "hedged in both documents:"
    )
    every = [*two, cue("tv", "allegedly")]
    assert hedged_note({"documents": three, "hedged": every}, short) == (
        "hedged in all 3 documents: “allegedly” (ap, tv), “accused” (dmn)"
    )
