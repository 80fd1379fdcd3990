"""The five seed reports through ingest alone: read exactly, nothing invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire import ingest
from crosswire.ledger import Ledger


def test_seeds_read_exactly(seeds_dir: Path, seed_paths: list[Path]) -> None:
    ledger = Ledger()
    calls: list[tuple[int, int]] = []
    docs = list(ingest.run([str(seeds_dir)], ledger=ledger, progress=lambda d, t: calls.append((d, t))))
    assert ledger.rejected == [] and ledger.warnings == []
    assert [d.id for d in docs] == [p.stem for p in seed_paths]
    assert calls == [(i, 5) for i in range(1, 6)]
    for doc, path in zip(docs, seed_paths, strict=True):
        assert doc.text == path.read_bytes().decode("utf-8")  # not stripped, not normalised
        assert doc.format == "txt" and doc.path == str(path)
        assert doc.published is None  # no sidecar: unknown until clean reads a dateline
        assert doc.title is None  # every seed opens with a sentence, not a headline
        assert doc.clean == "" and doc.offsets is None  # clean's job


def test_glob_and_list_forms_agree(seeds_dir: Path) -> None:
    by_dir = [d.id for d in ingest.run([str(seeds_dir)], ledger=Ledger())]
    by_glob = [d.id for d in ingest.run([str(seeds_dir / "*.txt")], ledger=Ledger())]
    by_files = [d.id for d in ingest.run(sorted(str(p) for p in seeds_dir.glob("*.txt")), ledger=Ledger())]
    assert by_dir == by_glob == by_files


def test_plain_text_needs_no_heavy_reader(seeds_dir: Path) -> None:
    """Reading .txt must not import trafilatura, feedparser, warcio, charset-normalizer or dateparser."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from crosswire import clean, ingest\n"
        "from crosswire.ledger import Ledger\n"
        f"docs = list(clean.run(ingest.run([{str(seeds_dir)!r}], ledger=Ledger())))\n"
        "assert len(docs) == 5\n"
        "heavy = {'trafilatura', 'feedparser', 'warcio', 'charset_normalizer', 'dateparser', 'urllib.request'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_ingest_json_and_table(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from crosswire.cli import main

    cap = capsys
    assert main(["ingest", str(seeds_dir), "--format", "json", "-q"]) == 0
    payload = json.loads(cap.readouterr().out)
    assert payload["rejected"] == []
    rows = {row["id"][:3]: row for row in payload["documents"]}
    assert sorted(rows) == ["000", "001", "002", "003", "004"]
    assert (rows["002"]["published"], rows["002"]["dateline_place"], rows["002"]["truncated"]) == (
        "2025-07-02",
        "Washington",
        True,
    )
    assert rows["003"]["credit"] == "PTI"
    assert main(["ingest", str(seeds_dir), "--format", "table", "-q"]) == 0
    table = cap.readouterr().out
    assert "5 read, 0 rejected" in table
    assert "Washington" in table and "PTI" in table
