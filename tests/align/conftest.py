"""Fixtures for the align tests: a hand-built seed Extraction and embedders."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import seedkit


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
    """The five seeds as an Extraction built by hand (see seedkit) — independent of extract/cluster."""
    return seedkit.extraction(nlp)


@pytest.fixture(scope="session")
def seed_alignment(seed_extraction: Any, minilm: Any) -> Any:
    from crosswire import align

    return next(align.run([seed_extraction], embedder=minilm))
