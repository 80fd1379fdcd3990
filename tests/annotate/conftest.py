"""Fixtures for the annotate tests: documents built straight from text, with a real clean view."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from crosswire.models import Document, OffsetMap


def collapse_whitespace(doc_id: str, text: str) -> Document:
    """A Document whose clean view drops leading/trailing space and collapses spaces/tabs runs.

    Newlines are kept so paragraph breaks survive; the OffsetMap is built run by run, the way
    the clean stage does, so annotate's offset mapping is exercised for real.
    """
    clean_parts: list[str] = []
    clean_starts: list[int] = []
    orig_starts: list[int] = []
    lengths: list[int] = []
    pos = 0
    body = text.strip()
    offset = text.index(body[0]) if body else 0
    for m in re.finditer(r"[^ \t]+|[ \t]+", body):
        piece = m.group(0) if not m.group(0).isspace() else " "
        clean_starts.append(pos)
        orig_starts.append(offset + m.start())
        lengths.append(len(piece))
        clean_parts.append(piece)
        pos += len(piece)
    return Document(
        id=doc_id,
        text=text,
        clean="".join(clean_parts),
        offsets=OffsetMap(tuple(clean_starts), tuple(orig_starts), tuple(lengths)),
    )


@pytest.fixture(scope="session")
def make_clean_doc() -> Callable[[str, str], Document]:
    return collapse_whitespace
