"""Format sniffing looks at content first."""

from __future__ import annotations

import gzip

import pytest

from crosswire.ingest.detect import is_warc, sniff_text


@pytest.mark.parametrize(
    ("text", "name", "fmt"),
    [
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "a.txt", "feed"),
        ('<?xml version="1.0"?><!-- generator --><feed xmlns="http://www.w3.org/2005/Atom"/>', "a", "feed"),
        ("<rss><channel/></rss>", "a.html", "feed"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", "html"),
        ("  \n<html lang='en'><p>x</p></html>", "a", "html"),
        ("<div><p>A fragment saved as a page.</p></div>", "page.htm", "html"),
        ("<div>angle brackets in a text file</div>", "notes.txt", "text"),
        ('{"id": "1", "text": "x"}\n{"id": "2", "text": "y"}\n', "a.txt", "jsonl"),
        ('{broken\n{"id": "2", "text": "y"}\n', "a.jsonl", "jsonl"),
        ('[{"id": "1", "text": "x"}]', "a.json", "json"),
        ('{\n  "id": "1",\n  "text": "x"\n}\n', "a.json", "json"),
        ("Hegseth meets Jaishankar\n\nThe two met on Tuesday.", "a.html", "text"),
        ("{curly braces open this text} but it is prose.", "a.txt", "text"),
        # records with whole articles in them: the first line runs past the sniffed kilobyte
        ('{"id": "1", "text": "' + "The two met. " * 200 + '"}\n{"id": "2", "text": "y"}\n', "feed", "jsonl"),
        ("{broken\n" + '{"id": "2", "text": "' + "x " * 900 + '"}\n', "a.jsonl", "jsonl"),
    ],
)
def test_sniff(text: str, name: str, fmt: str) -> None:
    assert sniff_text(text, name=name) == fmt


def test_warc_plain_and_gzipped() -> None:
    head = b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"
    assert is_warc(head)
    assert is_warc(gzip.compress(head + b"x" * 100))
    assert not is_warc(gzip.compress(b"just some text"))
    assert not is_warc(b"WARC is a format")
