"""A corrected report in the seed story: the brief counts it for what it says now, and shows the
correction on its own, cited — never its retracted words as a conflict (22nd session)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from crosswire import render

pytestmark = pytest.mark.slow

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "brief.schema.json").read_text())
_NOTE = (
    "Correction: An earlier version of this article said the meeting took place during the QUAD "
    "summit. It took place a day after the meeting of Quad foreign ministers."
)


@pytest.fixture(scope="module")
def corrected_brief(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, minilm: Any) -> Any:
    from crosswire import pipeline

    folder = tmp_path_factory.mktemp("corrected")
    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    (seed,) = folder.glob("004_*.txt")
    text = seed.read_text(encoding="utf-8").replace(
        "The meeting took place on Tuesday during the QUAD summit.",
        "The meeting took place on Tuesday, a day after the Quad foreign ministers met in Washington.",
    )
    seed.write_text(text.rstrip() + f"\n\n{_NOTE}\n", encoding="utf-8")
    stories = pipeline.stories(pipeline.read([str(folder)]), embedder=minilm)
    (brief,) = list(pipeline.briefs(stories, embedder=minilm))
    return brief


def test_the_retracted_words_are_no_conflict_and_no_claim(corrected_brief: Any) -> None:
    # 000 says the meeting "follows the Quad Foreign Ministers' Meeting"; 004 said "during the
    # QUAD summit" and corrected it: the sequence conflict the uncorrected seeds show is gone
    assert not [c for c in corrected_brief.conflicts if c.kind == "sequence"]
    said = [c.text for f in corrected_brief.facts for c in f.citations]
    said += [c.text for q in corrected_brief.quotes for c in q.citations]
    assert not [s for s in said if "earlier version" in s or "QUAD summit" in s]


def test_the_correction_is_shown_cited_in_every_format(corrected_brief: Any) -> None:
    payload = json.loads(render([corrected_brief], fmt="json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(payload)
    (story,) = payload["stories"]
    notes = {d["id"][:3]: d["notes"] for d in story["documents"]}
    assert [n["kind"] for n in notes.pop("004")] == ["correction"]
    assert not any(notes.values())
    (note,) = next(d["notes"] for d in story["documents"] if d["id"].startswith("004"))
    doc = next(d for d in corrected_brief.documents if d.id.startswith("004"))
    assert doc.text[note["citation"]["start"] : note["citation"]["end"]] == note["citation"]["text"] == _NOTE

    md = render([corrected_brief], fmt="md")
    section = md.split("## Corrections and editor's notes", 1)[1].split("\n## ", 1)[0]
    start, end = note["citation"]["start"], note["citation"]["end"]
    assert f"- **004** (correction): “{_NOTE}” [004:{start}-{end}]" in section

    html = render([corrected_brief], fmt="html")
    assert '<h2>Corrections and editor\'s notes <span class="n">1</span></h2>' in html
    assert f"doc-{doc.id}-{start}-{end}" in html  # the chip jumps to the note in the article


def test_the_seeds_have_no_notes(seed_brief: Any) -> None:
    assert all(d.notes == () for d in seed_brief.documents)
    assert "## Corrections and editor's notes" not in render([seed_brief], fmt="md")


def test_the_page_before_its_correction_is_superseded_not_read(
    tmp_path: Path, seeds_dir: Path, corrected_brief: Any, minilm: Any
) -> None:
    # A monitor's folder holds 004 as first fetched and as corrected: the earlier version's
    # "during the QUAD summit" stood against the correction and against 000 as two conflicts
    from crosswire import pipeline

    for doc in corrected_brief.documents:
        (tmp_path / Path(doc.path).name).write_text(doc.text, encoding="utf-8")
    (original,) = seeds_dir.glob("004_*.txt")
    shutil.copy(original, tmp_path / "004_as_first_fetched.txt")
    stories = pipeline.stories(pipeline.read([str(tmp_path)]), embedder=minilm)
    (brief,) = list(pipeline.briefs(stories, embedder=minilm))
    corrected = next(d.id for d in brief.documents if d.notes)
    (version,) = brief.story.superseded
    assert (version.document, version.by) == ("004_as_first_fetched", corrected)
    assert not [c for c in brief.conflicts if c.kind == "sequence"]
    cited = {c.document for f in brief.facts for c in f.citations} | {
        c.document for q in brief.quotes for c in q.citations
    }
    cited |= {c.document for t in brief.timeline for c in t.citations}
    assert "004_as_first_fetched" not in cited
    assert brief.story.independent_sources == corrected_brief.story.independent_sources == 4

    payload = json.loads(render([brief], fmt="json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(payload)
    docs = {d["id"]: d for d in payload["stories"][0]["documents"]}
    assert docs["004_as_first_fetched"]["superseded_by"] == {
        "document": corrected,
        "reason": "it carries a correction the other lacks",
    }
    md = render([brief], fmt="md")
    html = render([brief], fmt="html")
    assert '<a href="#article-004_as_first_fetched"><b>004_as</b></a>: an earlier version of' in html
    assert (  # cited by its short name, "004_as" beside "004_aa3eec08ddc9d96a"
        f"- **004_as**: an earlier version of {corrected}, which supersedes it (it carries "
        "a correction the other lacks); left out of the facts, quotes and timeline"
    ) in md


def test_a_retracted_report_is_no_source(tmp_path: Path, seeds_dir: Path, minilm: Any) -> None:
    # The outlet withdrew 004: it must not corroborate anything, nor count as a source
    from crosswire import pipeline

    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    (seed,) = tmp_path.glob("004_*.txt")
    note = (
        "Editor's note: This article has been retracted. Its account relied on a source we could not verify."
    )
    seed.write_text(seed.read_text(encoding="utf-8").rstrip() + f"\n\n{note}\n", encoding="utf-8")
    stories = pipeline.stories(pipeline.read([str(tmp_path)]), embedder=minilm)
    (brief,) = list(pipeline.briefs(stories, embedder=minilm))
    cited = {c.document[:3] for f in brief.facts for c in f.citations}
    cited |= {c.document[:3] for q in brief.quotes for c in q.citations}
    cited |= {c.document[:3] for t in brief.timeline for c in t.citations}
    assert "004" not in cited and {"000", "001", "002", "003"} <= cited
    payload = json.loads(render([brief], fmt="json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(payload)
    (story,) = payload["stories"]
    assert story["story"]["independent_sources"] == 3  # 000, 001 and the PTI family; 004 is withdrawn
    assert [d["id"][:3] for d in story["documents"] if d["retracted"]] == ["004"]
    md = render([brief], fmt="md")
    assert "**Independent sources:** 3" in md
    assert f"- **004** (retraction): “{note}”" in md
    assert "— the report is left out of the facts, quotes and timeline" in md
