"""JSON Lines: good lines load whatever the other lines hold; each bad line is reported by number."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from crosswire import ingest
from crosswire.errors import RejectedInput
from crosswire.ledger import Ledger


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_good_and_bad_lines(write: Callable[[str, str], Path], news_page: str) -> None:
    lines = [
        _line(id="a1", url="https://wire.example/a1", source="Wire", title="Talks at the Pentagon",
              published="2025-07-02T09:00:00Z", text="Hegseth met Jaishankar on Tuesday.\n\nThey discussed sales."),
        "{not json",
        _line(id="a2", text="   "),
        "",
        _line(id="a3", html=news_page, source="The Capital Ledger"),
        json.dumps(["an", "array"]),
        _line(id="a4", title=42, text="x"),
        _line(url="https://wire.example/a5", text="No id: the URL is the id.", published="July 2, 2025"),
        _line(title="neither id nor url", text="Line numbers make the id."),
        _line(id="a6"),
    ]  # fmt: skip
    path = write("batch.jsonl", "\n".join(lines) + "\n")
    ledger = Ledger()
    docs = list(ingest.run([str(path)], ledger=ledger))
    assert [d.id for d in docs] == ["a1", "a3", "https://wire.example/a5", "batch:9"]
    a1, a3, a5, a9 = docs
    assert a1.text == "Hegseth met Jaishankar on Tuesday.\n\nThey discussed sales."
    assert a1.published == "2025-07-02T09:00:00+00:00"
    assert a1.path == f"{path}:1"
    assert a1.format == "jsonl"
    assert a3.title == "Hegseth, Jaishankar discuss pending defence sales"
    assert "consequential pillars" in a3.text and "<p>" not in a3.text
    assert a5.published == "2025-07-02"
    assert a9.path == f"{path}:9"
    rejected = {r.line: r for r in ledger.rejected}
    assert sorted(line or 0 for line in rejected) == [2, 3, 6, 7, 10]
    assert all(r.path == str(path) for r in ledger.rejected)
    assert "not valid JSON" in rejected[2].reason
    assert rejected[3].code == "empty"
    assert "expected a JSON object" in rejected[6].reason
    assert '"title" must be a string' in rejected[7].reason
    assert '"text" or "html"' in rejected[10].reason


def test_published_forms() -> None:
    epoch = ingest.from_record({"id": "e", "text": "x", "published": 1751414400}, where="u")
    assert epoch.published == "2025-07-02T00:00:00+00:00"
    rfc = ingest.from_record(
        {"id": "r", "text": "x", "published": "Wed, 02 Jul 2025 03:10:00 GMT"}, where="u"
    )
    assert rfc.published == "2025-07-02T03:10:00+00:00"
    vague = ingest.from_record({"id": "v", "text": "x", "published": "last Tuesday"}, where="u")
    assert vague.published is None and vague.meta["published_raw"] == "last Tuesday"
    with pytest.raises(RejectedInput, match="epoch seconds"):
        ingest.from_record({"id": "b", "text": "x", "published": True}, where="u")


def test_json_array_file(write: Callable[[str, str], Path]) -> None:
    records = [{"id": "x1", "text": "One."}, {"id": "x2", "text": "Two."}, {"id": 3}]
    path = write("export.json", json.dumps(records, indent=2))
    ledger = Ledger()
    assert [d.id for d in ingest.run([str(path)], ledger=ledger)] == ["x1", "x2"]
    [rej] = ledger.rejected
    assert rej.line == 3


def test_duplicate_ids_keep_the_first(write: Callable[[str, str], Path]) -> None:
    path = write("dupes.jsonl", "\n".join([_line(id="s1", text="First."), _line(id="s1", text="Second.")]))
    ledger = Ledger()
    [doc] = list(ingest.run([str(path)], ledger=ledger))
    assert doc.text == "First."
    [rej] = ledger.rejected
    assert rej.code == "duplicate"
    assert rej.line == 2
    assert rej.reason == f"duplicate id s1, first seen in {path}:1"


def test_from_record_for_the_service() -> None:
    doc = ingest.from_record({"id": 7, "text": "Body.", "source": "Wire"}, where="upload")
    assert (doc.id, doc.text, doc.source, doc.path) == ("7", "Body.", "Wire", "upload")
    with pytest.raises(RejectedInput) as exc:
        ingest.from_record({"id": "x", "text": ["not", "a", "string"]}, where="upload:4")
    assert exc.value.line == 4 and exc.value.path == "upload"
    with pytest.raises(RejectedInput):
        ingest.from_record({"id": True, "text": "x"}, where="upload")


def test_a_mojibake_field_is_repaired_before_anything_is_read() -> None:
    from crosswire.ingest.jsonl import from_record

    scraped = "Jaishankar met Hegseth; it’s a “pillar”.".encode().decode("cp1252", errors="ignore")
    doc = from_record({"id": "m1", "text": scraped}, where="feed.jsonl:1")
    assert doc.text.startswith("Jaishankar met Hegseth; it’s a “pillar")


def test_a_jsonl_file_larger_than_the_limit_is_read_line_by_line(tmp_path: Path) -> None:
    record = {"id": "r", "text": "The talks at the Pentagon ended on Tuesday, officials said. " * 5}
    lines = [json.dumps({**record, "id": f"r{k}"}) for k in range(20)]
    lines[7] = json.dumps({"id": "huge", "text": "x " * 2000})  # one record over the limit
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    limit = 1000
    assert path.stat().st_size > limit
    ledger = Ledger()
    docs = list(ingest.run([str(path)], ledger=ledger, max_bytes=limit))
    assert [d.id for d in docs] == [f"r{k}" for k in range(20) if k != 7]
    (rejected,) = ledger.rejected
    assert (rejected.line, rejected.code) == (8, "too-large")
    # one JSON document over the limit is refused whole, as any other file
    (tmp_path / "feed.jsonl").unlink()
    (tmp_path / "big.json").write_text(
        json.dumps({"id": "b", "text": "y " * 2000}, indent=1), encoding="utf-8"
    )
    ledger = Ledger()
    assert list(ingest.run([str(tmp_path / "big.json")], ledger=ledger, max_bytes=limit)) == []
    assert [r.code for r in ledger.rejected] == ["too-large"]
