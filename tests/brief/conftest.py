"""Fixtures for the brief tests: the seed alignment (hand-built extraction) and briefs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "align"))

import seedkit


@pytest.fixture(scope="session")
def hash_embedder(fake_embedder: Any) -> Any:
    """The shared hashed bag-of-words embedder: lexical similarity only, no model."""
    return fake_embedder


@pytest.fixture(scope="session")
def minilm() -> Any:
    from crosswire.embedding import load_embedder

    return load_embedder("minilm-onnx")


@pytest.fixture(scope="session")
def seed_extraction(nlp: Any) -> Any:
    return seedkit.extraction(nlp)


@pytest.fixture(scope="session")
def seed_alignment(seed_extraction: Any, minilm: Any) -> Any:
    from crosswire import align

    return next(align.run([seed_extraction], embedder=minilm))


@pytest.fixture(scope="session")
def seed_brief(seed_alignment: Any) -> Any:
    from crosswire import brief

    return next(brief.run([seed_alignment]))


@pytest.fixture(scope="session")
def pipeline_briefs(seed_documents: list[Any], minilm: Any) -> list[Any]:
    """The seeds through the real pipeline (ingest … extract → align → brief)."""
    from crosswire import pipeline

    stories = pipeline.stories(seed_documents, embedder=minilm)
    return list(pipeline.briefs(stories, embedder=minilm))
