"""What the user names: directories (recursive, sorted, no hidden files), globs, lists, missing paths."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crosswire import ingest
from crosswire.errors import InputNotFound
from crosswire.ledger import Ledger

TEXT = "The defence talks at the Pentagon ended on Tuesday with a joint statement.\n"


def test_directory_recursive_sorted_without_hidden(write: Callable[[str, str], Path], tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/config", "sub/.cache/x.txt"):
        write(name, TEXT)
    calls: list[tuple[int, int]] = []
    docs = list(
        ingest.run([str(tmp_path)], ledger=Ledger(), progress=lambda done, total: calls.append((done, total)))
    )
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_glob_and_explicit_hidden_file(write: Callable[[str, str], Path], tmp_path: Path) -> None:
    write("x1.txt", TEXT)
    write("x2.txt", TEXT)
    write("y.md", TEXT)
    hidden = write(".notes.txt", TEXT)
    docs = list(ingest.run([str(tmp_path / "x*.txt"), str(hidden)], ledger=Ledger()))
    assert [d.id for d in docs] == ["x1", "x2", ".notes"]


def test_same_file_twice_is_read_once(write: Callable[[str, str], Path], tmp_path: Path) -> None:
    path = write("a.txt", TEXT)
    ledger = Ledger()
    assert len(list(ingest.run([str(tmp_path), str(path)], ledger=ledger))) == 1
    assert ledger.rejected == []


def test_same_stem_in_two_folders_is_a_duplicate_id(
    write: Callable[[str, str], Path], tmp_path: Path
) -> None:
    first = write("one/story.txt", TEXT)
    second = write("two/story.txt", TEXT)
    ledger = Ledger()
    [doc] = list(ingest.run([str(tmp_path)], ledger=ledger))
    assert doc.path == str(first)
    [rej] = ledger.rejected
    assert (rej.path, rej.code) == (str(second), "duplicate")
    assert rej.reason == f"duplicate id story, first seen in {first}"


def test_missing_paths_are_rejected_when_something_exists(
    write: Callable[[str, str], Path], tmp_path: Path
) -> None:
    path = write("a.txt", TEXT)
    ledger = Ledger()
    docs = list(
        ingest.run([str(tmp_path / "nope.txt"), str(path), str(tmp_path / "none-*.txt")], ledger=ledger)
    )
    assert [d.id for d in docs] == ["a"]
    assert [(r.path, r.code) for r in ledger.rejected] == [
        (str(tmp_path / "nope.txt"), "not-found"),
        (str(tmp_path / "none-*.txt"), "not-found"),
    ]


def test_nothing_exists_raises(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match="nope"):
        list(ingest.run([str(tmp_path / "nope"), str(tmp_path / "nope-*.txt")], ledger=Ledger()))
    with pytest.raises(InputNotFound):
        list(ingest.run([], ledger=Ledger()))


def test_empty_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    ledger = Ledger()
    assert list(ingest.run([str(tmp_path / "empty")], ledger=ledger)) == []
    assert [r.code for r in ledger.rejected] == ["empty"]


def test_size_is_checked_before_reading(
    write: Callable[[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from crosswire.ingest.detect import SNIFF_BYTES

    path = write("big.txt", TEXT * 1000)
    read: list[int] = []
    real_open = Path.open

    class Counting:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def __enter__(self) -> Counting:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def read(self, n: int = -1) -> bytes:
            data: bytes = self.fh.read(n)
            read.append(len(data))
            return data

    monkeypatch.setattr(Path, "open", lambda self, *a, **k: Counting(real_open(self, *a, **k)))
    ledger = Ledger()
    assert list(ingest.run([str(path)], ledger=ledger, max_bytes=1000)) == []
    [rej] = ledger.rejected
    assert rej.code == "too-large" and "--max-bytes" in rej.reason
    # only the first bytes that tell a container (a crawl, a mailbox) from a document are read
    assert sum(read) <= SNIFF_BYTES < path.stat().st_size


def test_read_bytes_for_uploads() -> None:
    ledger = Ledger()
    [doc] = list(ingest.read_bytes(TEXT.encode("utf-16"), name="upload.txt", ledger=ledger))
    assert (doc.id, doc.text) == ("upload", TEXT)
    assert list(ingest.read_bytes(b"x" * 20, name="big.txt", ledger=ledger, max_bytes=10)) == []
    assert list(ingest.read_bytes(b"", name="empty.txt", ledger=ledger)) == []
    assert [r.code for r in ledger.rejected] == ["too-large", "empty"]


def test_unexpected_error_in_one_file_is_recorded_and_the_run_goes_on(
    write: Callable[[str, str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crosswire.ingest import text as text_reader

    write("a.txt", TEXT)
    write("boom.txt", TEXT)
    write("c.txt", TEXT)
    real = text_reader.read_text

    def flaky(text: str, *, path: str, **kwargs: object) -> object:  # stands in for read_text
        if path.endswith("boom.txt"):
            raise ValueError("simulated reader bug")
        return real(text, path=path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(text_reader, "read_text", flaky)
    ledger = Ledger()
    assert [d.id for d in ingest.run([str(tmp_path)], ledger=ledger)] == ["a", "c"]
    [rej] = ledger.rejected
    assert rej.code == "error"
    assert "ValueError: simulated reader bug" in rej.reason


def test_unexpected_error_in_one_jsonl_line_keeps_the_others(
    write: Callable[[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from crosswire.ingest import jsonl

    path = write(
        "b.jsonl", '{"id": "1", "text": "One."}\n{"id": "2", "text": "Two."}\n{"id": "3", "text": "Three."}\n'
    )
    real = jsonl.from_record

    def flaky(record: dict[str, object], **kwargs: object) -> object:
        if record["id"] == "2":
            raise KeyError("simulated")
        return real(record, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jsonl, "from_record", flaky)
    ledger = Ledger()
    assert [d.id for d in ingest.run([str(path)], ledger=ledger)] == ["1", "3"]
    [rej] = ledger.rejected
    assert (rej.code, rej.line) == ("error", 2)


def test_url_serving_a_page_is_read_as_html(news_page: str) -> None:
    from crosswire.testing import FakeFetcher

    url = "https://capital-ledger.example/world/hegseth-jaishankar-pentagon"
    [doc] = list(ingest.run([url], ledger=Ledger(), fetcher=FakeFetcher({url: news_page.encode()})))
    assert (doc.format, doc.id, doc.url) == ("html", url, url)
