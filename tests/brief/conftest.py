"""Fixtures for the brief tests: briefs of the seed alignment (``tests/conftest.py``) and of small stories."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "align"))


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
