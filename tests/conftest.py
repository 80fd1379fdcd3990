"""Shared fixtures: the bundled seed story, models loaded once per session.

Stage-specific fixtures live in ``tests/<stage>/conftest.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "hegseth-jaishankar"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_documents() -> list[Any]:
    """The five seeds through ingest → clean → dedup."""
    from crosswire.pipeline import read

    return read([str(SEEDS)])


@pytest.fixture(scope="session")
def seed_by_prefix(seed_documents: list[Any]) -> dict[str, Any]:
    """Seed documents keyed by their three-digit prefix: ``"002"`` → Document."""
    return {d.id[:3]: d for d in seed_documents}


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline, loaded once."""
    from crosswire.annotate import load_nlp

    return load_nlp("auto")


@pytest.fixture(scope="session")
def seed_annotated(seed_documents: list[Any], nlp: Any) -> list[Any]:
    from crosswire import annotate

    return list(annotate.run(seed_documents))


@pytest.fixture(scope="session")
def fake_embedder() -> Any:
    from crosswire.testing import FakeEmbedder

    return FakeEmbedder()
