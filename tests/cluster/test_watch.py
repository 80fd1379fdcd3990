"""``crosswire watch``: folder scanning, and a one-shot run over the seed reports."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from crosswire.cluster.watch import _Seen, scan, watch
from crosswire.config import load_config
from crosswire.errors import InputNotFound


def test_scan_waits_until_a_file_stops_changing(tmp_path: Path) -> None:
    seen = _Seen()
    f = tmp_path / "a.txt"
    f.write_text("first half", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("editor swap file", encoding="utf-8")
    assert scan(tmp_path, seen, settle=True) == []  # first sight: maybe still being written
    f.write_text("first half, second half", encoding="utf-8")
    os.utime(f, ns=(1, 1))
    assert scan(tmp_path, seen, settle=True) == []  # changed since: wait again
    assert scan(tmp_path, seen, settle=True) == [f]  # unchanged: ready
    assert scan(tmp_path, seen, settle=True) == []  # never twice


def test_scan_once_takes_everything_now(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    files = [tmp_path / "b.txt", tmp_path / "sub" / "a.txt"]
    for f in files:
        f.write_text("text", encoding="utf-8")
    assert scan(tmp_path, _Seen(), settle=False) == sorted(files)


def test_missing_directory_is_input_not_found(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        watch(tmp_path / "absent", once=True, config=load_config(embedder="fake"))


def test_empty_directory_once_means_nothing_usable(tmp_path: Path) -> None:
    out = io.StringIO()
    assert watch(tmp_path, once=True, config=load_config(embedder="fake"), out=out) == 2
    assert out.getvalue().startswith("0 stories")


@pytest.mark.slow
def test_watch_once_puts_the_seeds_into_one_story(tmp_path: Path, seed_paths: list[Path]) -> None:
    for p in seed_paths:
        shutil.copy(p, tmp_path / p.name)
    out = io.StringIO()
    code = watch(tmp_path, once=True, fmt="table", config=load_config(embedder="fake"), out=out)
    lines = out.getvalue().splitlines()
    assignments = [line for line in lines if line.startswith("doc ")]
    assert code == 0
    assert len(assignments) == len(seed_paths)
    assert " (new) · “" in assignments[0]
    assert sum(" (new) " in line for line in assignments) == 1
    # each line says how big the story is and what it is about: its first report's title
    title = assignments[0].split(" · “", 1)[1]
    assert assignments[-1].endswith(f" · 5 documents · “{title}") and len(title) > 20
    assert "1 story from 5 documents" in lines
    # The table names the story as the assignment lines did.
    (story,) = {line.split(" → story ")[1].split()[0] for line in assignments}
    assert any(line.startswith(story) for line in lines if not line.startswith("doc "))


@pytest.mark.slow
def test_watch_prints_the_documents_a_regrouping_moved(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from crosswire.cluster.stream import Regrouping, StreamingClusterer

    shutil.copy(seed_paths[0], tmp_path / seed_paths[0].name)
    calls: list[int] = []

    def regroup(self: StreamingClusterer) -> Regrouping:
        calls.append(1)
        (story,) = self.stories()
        return Regrouping(moves=((story.documents[0], "s-elsewhere"),))

    monkeypatch.setattr(StreamingClusterer, "regroup", regroup)
    out = io.StringIO()
    watch(tmp_path, once=True, fmt="json", config=load_config(embedder="fake"), out=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines() if line.startswith('{"type"')]
    assert calls == [1]  # once, after the scan's documents were placed
    assert lines[-1] == {"type": "regroup", "document": lines[0]["document"], "story": "s-elsewhere"}


@pytest.mark.slow
def test_watch_does_not_regroup_a_costly_window_after_every_scan(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import crosswire.cluster.watch as watch_module
    from crosswire.cluster.stream import Regrouping, StreamingClusterer

    now = [0.0]
    monkeypatch.setattr(watch_module.time, "monotonic", lambda: now[0])
    calls: list[float] = []

    def regroup(self: StreamingClusterer) -> Regrouping:
        calls.append(now[0])
        now[0] += 10.0  # a regrouping that takes 10 s: the next waits 100 s
        return Regrouping()

    monkeypatch.setattr(StreamingClusterer, "regroup", regroup)
    arriving = list(seed_paths)
    shutil.copy(arriving.pop(0), tmp_path)

    def sleep(_: float) -> None:  # 30 s between scans, a new report in each
        now[0] += 30.0
        if not arriving:
            raise KeyboardInterrupt
        shutil.copy(arriving.pop(0), tmp_path)

    watch(
        tmp_path, interval=0, quiet=True, config=load_config(embedder="fake"), out=io.StringIO(), sleep=sleep
    )
    # A file is read once it stops changing (one scan late): the first arrives at 30 s, and
    # the reports read at 70, 100 and 130 s fall within the 100 s pause after that regrouping.
    assert calls == [30.0]


def test_scan_reads_a_file_again_when_it_grows(tmp_path: Path) -> None:
    seen = _Seen()
    box = tmp_path / "inbox.jsonl"
    box.write_text('{"id": "r1", "text": "First."}\n', encoding="utf-8")
    assert scan(tmp_path, seen, settle=False) == [box]
    assert scan(tmp_path, seen, settle=False) == []
    with box.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "r2", "text": "Second."}\n')
    assert scan(tmp_path, seen, settle=False) == [box]  # appended to: read again


@pytest.mark.slow
def test_watch_places_only_the_new_records_of_a_file_that_grows(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8"), "source": f"outlet {k}"}
        for k, p in enumerate(seed_paths[:3])
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "no-text"}\n' + json.dumps(records[0]) + "\n", encoding="utf-8")
    arriving = records[1:]
    scans = [0]

    def sleep(_: float) -> None:  # a scraper appends a record every third scan (it settles in two)
        scans[0] += 1
        if scans[0] % 3:
            return
        if not arriving:
            raise KeyboardInterrupt
        with feed.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(arriving.pop(0)) + "\n")

    out = io.StringIO()
    code = watch(tmp_path, interval=0, fmt="json", config=load_config(embedder="fake"), out=out, sleep=sleep)
    placed = [json.loads(line)["document"] for line in out.getvalue().splitlines() if '"assignment"' in line]
    assert placed == [r["id"] for r in records]  # each once, in the order they were appended
    # the bad first line is reported once, not at every reading; the good records read again
    # are no duplicates
    assert capsys.readouterr().err.count("feed.jsonl:1") == 1
    assert code == 1


@pytest.mark.slow
def test_a_file_overwritten_with_its_corrected_version_is_read_as_its_next_version(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    # A scraper keeps one file per article and rewrites it when the outlet corrects the page:
    # the changed file had been skipped (its id was known), so the correction never arrived
    for p in seed_paths:
        shutil.copy(p, tmp_path / p.name)
    (page,) = tmp_path.glob("004_*.txt")
    corrected = (
        page.read_text(encoding="utf-8").replace(
            "The meeting took place on Tuesday during the QUAD summit.",
            "The meeting took place on Tuesday, a day after the Quad foreign ministers met.",
        )
        + "\n\nCorrection: An earlier version of this article said the meeting took place during the QUAD summit.\n"
    )
    scans = [0]

    def sleep(_: float) -> None:
        scans[0] += 1
        if scans[0] == 3:
            page.write_text(corrected, encoding="utf-8")
        elif scans[0] == 9:
            os.utime(page)  # touched, not changed: nothing new to place
        elif scans[0] == 12:  # saved again under new page furniture: the same report
            page.write_text(corrected + "\nShare this article\n", encoding="utf-8")
        elif scans[0] > 16:
            raise KeyboardInterrupt

    out = io.StringIO()
    watch(tmp_path, interval=0, fmt="json", config=load_config(embedder="fake"), out=out, sleep=sleep)
    lines = [json.loads(line) for line in out.getvalue().splitlines() if '"assignment"' in line]
    assert [x["document"] for x in lines[-1:]] == [f"{page.stem}~v2"]
    assert len(lines) == len(seed_paths) + 1
    assert lines[-1]["supersedes"] == page.stem and lines[0]["supersedes"] is None


def test_find_versions_orders_the_reads_of_one_file() -> None:
    from crosswire import dedup
    from crosswire.models import Document, Version

    first = Document(id="a", text="The meeting was on Wednesday.", source="NDTV")
    second = dedup.as_version(
        Document(id="a", text="The talks were held on Tuesday, officials said.", source="NDTV"),
        of="a",
        number=2,
    )
    third = dedup.as_version(Document(id="a", text="Tuesday.", source="NDTV"), of="a", number=3)
    reason = "read again from where a was read, changed since"
    # not near duplicates at all: the reads of one file are versions whatever they say
    assert dedup.find_versions([first, second, third], []) == [
        Version("a", "a~v3", reason),
        Version("a~v2", "a~v3", reason),
    ]
