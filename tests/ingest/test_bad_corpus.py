"""A corpus of bad and awkward inputs, built here: 0 crashes, every reject explained, every good item kept."""

from __future__ import annotations

import codecs
import gzip
import json
from collections.abc import Callable
from pathlib import Path

from crosswire import ingest
from crosswire.ledger import Ledger

ARTICLE = (
    "Hegseth, Jaishankar discuss defence sales\n\n"
    "US Defence Secretary Pete Hegseth met External Affairs Minister S Jaishankar at the Pentagon on Tuesday.\n\n"
    "“We’re eager to work alongside you,” Hegseth said — and the two discussed pending sales.\n"
)
WESTERN = "Café talks in São Paulo: the envoy’s résumé was “naïve”, officials said.\n" * 3
MAX_BYTES = 4096


def _jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def build_corpus(
    root: Path, *, news_page: str, rss: str, atom: str, warc: bytes
) -> tuple[dict[str, int], dict[tuple[str, int | None], str]]:
    """Write the corpus; returns (documents expected per file, expected reject code per (file, line))."""
    ok: dict[str, int] = {}
    bad: dict[tuple[str, int | None], str] = {}

    def put(name: str, data: bytes | str, *, docs: int = 0, code: str | None = None) -> None:
        (root / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if docs:
            ok[name] = docs
        if code:
            bad[(name, None)] = code

    # -- refused whole files
    put("binary.bin", bytes(range(256)) * 8, code="binary")
    put("image.png", b"\x89PNG\r\n\x1a\n" + bytes(200), code="binary")
    put("report.pdf", b"%PDF-1.7\n" + bytes(range(128, 256)), code="binary")
    put("empty.txt", b"", code="empty")
    put("whitespace.txt", " \n\n\t  \r\n\u00a0\n", code="empty")
    put("control.txt", "".join(chr(c) for c in range(1, 9)) * 40, code="binary")
    put("huge.txt", ARTICLE * 200, code="too-large")
    put("huge.html", "<html><body>" + "<p>x</p>" * 2000 + "</body></html>", code="too-large")
    put("bad-bom.txt", codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", code="decode")
    put("broken.html", "<html><body><div><p>", code="no-text")
    put(
        "notext.html",
        "<!DOCTYPE html><html><head><title>Page</title><script>var a=1;</script></head><body></body></html>",
        code="no-text",
    )
    put("broken.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>T</ti', code="malformed")
    put("cut-item.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x')
    bad[("cut-item.rss", 1)] = "no-text"
    put(
        "nothing.atom",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>',
        code="empty",
    )
    put("archive.gz", gzip.compress(ARTICLE.encode()), code="binary")
    put("garbage.dat", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x1B, 0x7F]) * 60, code="binary")

    # -- accepted whole files, awkward encodings
    put("seedlike.txt", ARTICLE, docs=1)
    put("utf8-bom.txt", codecs.BOM_UTF8 + ARTICLE.encode(), docs=1)
    put("utf16le.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), docs=1)
    put("utf16be.txt", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), docs=1)
    put("latin1.txt", WESTERN.replace("’", "'").replace("“", '"').replace("”", '"').encode("latin-1"), docs=1)
    put("cp1252.txt", WESTERN.encode("cp1252"), docs=1)
    put(
        "mixed.txt",
        ARTICLE.encode() + "Caf\xe9 au lait at the embassy, said the envoy.\n".encode("latin-1"),
        docs=1,
    )
    put("crlf.txt", ARTICLE.replace("\n", "\r\n"), docs=1)
    put("page.html", news_page, docs=1)
    put("page-saved-as.txt", news_page.replace("discuss pending", "weigh pending"), docs=1)
    put("valid.rss", rss, docs=2)
    put("valid.atom", atom, docs=1)
    put("crawl.warc.gz", warc, docs=2)
    put("prose-with-braces.txt", "{Editor's note} The talks went well, officials said.\n", docs=1)

    # -- e-mail: a message, a mailbox with a message that has no text, and an empty mailbox
    message = (
        "From: Press Office <press@example.mil>\nSubject: Readout\nDate: Tue, 01 Jul 2025 21:14:00 +0000\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        "Hegseth met Jaishankar at the Pentagon on Tuesday and discussed pending defence sales.=0A\n"
    )
    put("readout.eml", message, docs=1)
    put(
        "headers-only.eml",
        "From: a@b.example\nSubject: nothing\nDate: Tue, 01 Jul 2025 21:14:00 +0000\n",
        code="no-text",
    )
    envelope = "From press@example.mil Tue Jul  1 21:14:00 2025\n"
    put(
        "inbox.mbox",
        envelope + message + "\n" + envelope + "From: a@b.example\nSubject: nothing\n\n\n",
        docs=1,
    )
    bad[("inbox.mbox", 2)] = "no-text"
    put("empty.mbox", envelope + "\n", code="empty")

    # -- JSONL: good lines kept, each bad line rejected with its number
    put(
        "batch.jsonl",
        _jsonl(
            {"id": "j1", "text": "Line one story about the Pentagon talks.", "source": "Wire"},
            "{this is not json",
            {"id": "j2", "text": ""},
            {"id": "j3", "html": news_page.replace("discuss pending", "review pending")},
            {"id": "j4", "title": ["not", "a", "string"], "text": "x"},
            [1, 2, 3],
            {"id": "j5", "text": "Another accepted story."},
            {"id": "j1", "text": "Same id as line 1."},
        ),
        docs=3,
    )
    bad.update(
        {("batch.jsonl", 2): "malformed", ("batch.jsonl", 3): "empty", ("batch.jsonl", 5): "malformed"}
    )
    bad.update({("batch.jsonl", 6): "malformed", ("batch.jsonl", 8): "duplicate"})

    # -- duplicate ids across files: the second is refused, naming the first
    (root / "dupes").mkdir()
    (root / "dupes" / "seedlike.txt").write_text(ARTICLE, encoding="utf-8")
    bad[("dupes/seedlike.txt", None)] = "duplicate"
    return ok, bad


def test_bad_corpus(
    tmp_path: Path,
    news_page: str,
    rss_syndicated: str,
    atom_feed: str,
    make_warc: Callable[..., bytes],
    make_page: Callable[..., str],
) -> None:
    warc = make_warc(
        [
            (
                "https://a.example/1",
                make_page("Talks", ["The talks at the Pentagon ended on Tuesday with a joint statement."]),
            ),
            (
                "https://a.example/2",
                make_page("Quad", ["Quad foreign ministers met in Washington to discuss maritime security."]),
            ),
        ]
    )
    ok, bad = build_corpus(tmp_path, news_page=news_page, rss=rss_syndicated, atom=atom_feed, warc=warc)
    assert len(list(tmp_path.rglob("*"))) >= 31

    ledger = Ledger()
    docs = list(ingest.run([str(tmp_path)], ledger=ledger, max_bytes=MAX_BYTES))

    # Every good item accepted, from the file it came from.
    per_file: dict[str, int] = {}
    for d in docs:
        record = d.format in {"jsonl", "rss", "warc"} or (
            d.format == "mail" and d.path.rsplit(":", 1)[-1].isdigit()
        )
        name = Path(d.path.rsplit(":", 1)[0] if record else d.path).name
        per_file[name] = per_file.get(name, 0) + 1
    assert per_file == ok

    # Every reject reported with its path (+ line) and a reason; no internal errors.
    got = {(str(Path(r.path).relative_to(tmp_path)), r.line): r for r in ledger.rejected}
    assert {k: r.code for k, r in got.items()} == bad
    for r in ledger.rejected:
        assert r.code != "error", r
        assert len(r.reason) > 15, r
    assert "first seen in" in got[("dupes/seedlike.txt", None)].reason
    assert got[("batch.jsonl", 8)].reason.endswith(f"{tmp_path / 'batch.jsonl'}:1")

    # Decoded right whatever the encoding.
    by_id = {d.id: d for d in docs}
    assert by_id["latin1"].text.startswith("Café talks in São Paulo")
    assert by_id["cp1252"].text == WESTERN
    for name in ("utf8-bom", "utf16le", "utf16be"):
        assert by_id[name].text == ARTICLE
    assert by_id["mixed"].text.endswith("Café au lait at the embassy, said the envoy.\n")
    assert "“We’re eager" in by_id["mixed"].text
