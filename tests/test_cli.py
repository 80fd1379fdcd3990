"""The command line: what it prints where, and how `brief` picks stories out of a folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crosswire.cli import _Progress, main

BRIDGE = """Bridge collapses over the Po after days of rain

PIACENZA, Italy — A road bridge over the Po river collapsed on Sunday night after four days of
heavy rain, regional officials said. No vehicles were on the span when it fell, and nobody was
hurt, the fire brigade said. Engineers had closed the bridge to lorries in May after cracks were
found in two of its piers.
"""


def test_the_progress_bar_is_drawn_on_a_terminal_only(capsys: pytest.CaptureFixture[str]) -> None:
    for terminal in (False, True):
        bar = _Progress(quiet=False, terminal=terminal)
        for done in range(1, 61):
            bar(done, 60)
        bar.close()
    err = capsys.readouterr().err
    # one bar, from the terminal run, ending in one line break: none written into a log
    assert err.count("reading [") == 60 and err.endswith("60/60\n")
    quiet = _Progress(quiet=True, terminal=True)
    quiet(60, 60)
    assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_brief_picks_stories_by_document_id_and_by_sources(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for f in seeds_dir.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    assert main(["brief", str(tmp_path), "--format", "json", "-q", "--story", "bridge"]) == 0
    stories = json.loads(capsys.readouterr().out)["stories"]
    assert [s["story"]["documents"] for s in stories] == [["bridge"]]

    assert main(["brief", str(tmp_path), "--format", "md", "--min-sources", "2"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# U.S. Defense Secretary Pete Hegseth met")  # one story: no contents
    assert "Bridge collapses" not in out and "briefing 1 of 2 stories" in err

    assert main(["brief", str(tmp_path), "-q", "--story", "s-000000000000"]) == 2
    err = capsys.readouterr().err
    assert "no story has the id 's-000000000000' or a document of that id" in err and "5 documents" in err

    # a name that picks nothing still lists what the read turned away, before the usage error
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    assert main(["brief", str(tmp_path), "--story", "s-000000000000"]) == 2
    err = capsys.readouterr().err
    assert "empty.txt: the file contains only" in err and "no story has the id" in err
