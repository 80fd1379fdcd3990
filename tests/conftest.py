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


@pytest.fixture(scope="session")
def hash_embedder(fake_embedder: Any) -> Any:
    """The shared hashed bag-of-words embedder: lexical similarity only, no model."""
    return fake_embedder


@pytest.fixture(scope="session")
def minilm() -> Any:
    """The real MiniLM embedder (the one the CLI uses), loaded once."""
    from crosswire.embedding import load_embedder

    return load_embedder("minilm-onnx")


@pytest.fixture(scope="session")
def seed_extraction(nlp: Any) -> Any:
    """The five seeds as an Extraction built by hand (``tests/align/seedkit.py``), independent of extract/cluster."""
    import seedkit  # on sys.path through tests/align/conftest.py and tests/brief/conftest.py

    return seedkit.extraction(nlp)


@pytest.fixture(scope="session")
def seed_alignment(seed_extraction: Any, minilm: Any) -> Any:
    """The seed extraction aligned with MiniLM: computed once for the align and brief tests."""
    from crosswire import align

    return next(align.run([seed_extraction], embedder=minilm))
