"""Fixtures for the extract tests: ``annotate_text`` (a made-up text through the real clean and
annotate stages) and ``bratkit`` (brat corpora the quote-tagger tests write) on the import path."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crosswire.models import AnnotatedDocument, Document

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def annotate_text(nlp: Any) -> Callable[[str, str], AnnotatedDocument]:
    """Text → AnnotatedDocument through the real clean and annotate stages (offsets mapped)."""
    from crosswire import annotate, clean

    def build(doc_id: str, text: str) -> AnnotatedDocument:
        (doc,) = list(clean.run([Document(id=doc_id, text=text)]))
        (adoc,) = list(annotate.run([doc]))
        return adoc

    return build
