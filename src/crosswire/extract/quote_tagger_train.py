"""Training the quote tagger: brat attribution annotations + spaCy parses → a CRFsuite model.

Input → output: texts with their gold ``Source``/``Cue``/``Content`` attributions (brat, as in
PolNeAR; read by :mod:`crosswire.extract.brat`) and their spaCy ``Doc`` → BIO label sequences
per paragraph (:func:`gold_sequence_labels`) → a model file (:func:`train_quote_tagger`).

Labels: a token is SOURCE, CUE or CONTENT when it overlaps a fragment of that role; each
fragment starts with ``B-``. PolNeAR is univocal (a token is at most one role: 23 conflicting
characters in 5.5 M of train), so the first annotation a token gets is kept.

Training is deterministic: CRFsuite's L-BFGS has no random state, and the examples are fed in
the order given (texts in name order, paragraphs in text order).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from crosswire.annotate import annotate_doc
from crosswire.clean.stage import clean_document
from crosswire.errors import MissingDependency, RejectedInput
from crosswire.extract.brat import BratAttribution, BratDoc, load_brat_dir
from crosswire.extract.quote_tagger import Item, document_features, document_sequences, rule_token_labels
from crosswire.extract.quotes_marks import find_quoted
from crosswire.ledger import Ledger
from crosswire.models import AnnotatedDocument, Document

__all__ = [
    "Example",
    "annotated",
    "gold_sequence_labels",
    "parsed_brat_dir",
    "reading_view",
    "train_from_brat",
    "train_quote_tagger",
    "training_examples",
]

#: One paragraph: token features and gold labels.
Example = tuple[list[Item], list[str]]


def reading_view(name: str, text: str) -> Document:
    """``text`` as the pipeline reads it: the clean stage's view (plain whitespace, page furniture out).

    Parse ``reading_view(name, text).body`` for :func:`annotated`; training and the benchmark
    read the texts the way ``crosswire brief`` does, so a no-break space after "he said." is the
    plain space spaCy splits on, and the model's entities are cleaned as in the product.
    """
    return clean_document(Document(id=name, text=text))


def annotated(name: str, text: str, doc: Any) -> AnnotatedDocument:
    """The annotate stage's output for ``text``, from ``doc``: spaCy's parse of its :func:`reading_view`.

    Quotes extracted from it carry offsets into ``text`` (the clean view maps back exactly).
    """
    document = reading_view(name, text)
    if doc.text != document.body:
        raise ValueError(
            f"{name}: the spaCy Doc is not over the clean view of the text; parse reading_view(name, text).body"
        )
    return annotate_doc(document, doc)


def gold_sequence_labels(adoc: AnnotatedDocument, attributions: Sequence[BratAttribution]) -> list[list[str]]:
    """BIO labels of every paragraph of ``adoc.doc`` (see :func:`.quote_tagger.document_sequences`).

    Gold offsets point into the original text; they are mapped to the clean view the parse is
    over (a fragment inside removed page furniture labels nothing).
    """
    doc = adoc.doc
    role_of: dict[int, tuple[str, int]] = {}  # token → (role, fragment id)
    frag_id = 0
    for att in attributions:
        for role, frags in (("SOURCE", att.source), ("CUE", att.cue), ("CONTENT", att.content)):
            for s, e in frags or ():
                frag_id += 1
                bs, be = adoc.document.to_body(s, e)
                span = doc.char_span(bs, be, alignment_mode="expand") if be > bs else None
                if span is None:
                    continue
                for i in range(span.start, span.end):
                    if not doc[i].is_space:
                        role_of.setdefault(i, (role, frag_id))
    out: list[list[str]] = []
    for seq in document_sequences(doc):
        labels: list[str] = []
        prev: tuple[str, int] | None = None
        for i in seq:
            cur = role_of.get(i)
            if cur is None:
                labels.append("O")
            else:
                labels.append(("I-" if cur == prev else "B-") + cur[0])
            prev = cur
        out.append(labels)
    return out


def training_examples(
    pairs: Iterable[tuple[AnnotatedDocument, Sequence[BratAttribution]]],
) -> Iterator[Example]:
    """Paragraph examples of parsed, annotated texts (the rules run on each text for features)."""
    from crosswire.extract.quotes import extract_quotes

    for adoc, attributions in pairs:
        doc = adoc.doc
        rules = rule_token_labels(adoc, extract_quotes(adoc, method="rules"))
        feats = document_features(doc, rules, find_quoted(adoc.document.body))
        labels = gold_sequence_labels(adoc, attributions)
        yield from zip(feats, labels, strict=True)


def train_quote_tagger(
    examples: Iterable[Example],
    out: str | Path,
    *,
    c1: float = 2.0,
    c2: float = 0.05,
    max_iterations: int = 150,
    min_freq: int = 5,
) -> Path:
    """Train a CRFsuite model (L-BFGS, L1 ``c1`` + L2 ``c2``) on ``examples``; write it to ``out``.

    ``min_freq`` drops features seen fewer times. The defaults were chosen on a held-out fifth
    of PolNeAR train: stronger regularisation generalised better up to a plateau (c1 0.05 → 0.1
    → 0.5 → 1.0 → 2.0: content overlap F1 0.63 → 0.65 → 0.67 → 0.67 → 0.67, speaker F1 0.54 →
    0.59), and L1 prunes most rare word features, so the model is about 1.3 MB instead of 8.
    """
    try:
        import pycrfsuite
    except ImportError as exc:
        raise MissingDependency("python-crfsuite", extra="nlp", purpose="Training the quote tagger") from exc
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in examples:
        trainer.append(feats, labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    # CRFsuite writes the file itself; write next to the target and rename, so a failed run
    # never leaves a half-written model where the tagger would load it.
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as tmp:
        part = Path(tmp.name)
    try:
        trainer.train(str(part))
        part.chmod(0o644)  # a model is data to share, not a private temporary file
        part.replace(path)
    finally:
        part.unlink(missing_ok=True)
    return path


def train_from_brat(
    directory: str | Path,
    out: str | Path,
    *,
    nlp: Any,
    docs: Sequence[Any] | None = None,
    limit: int | None = None,
    ledger: Ledger | None = None,
    c1: float = 2.0,
    c2: float = 0.05,
    max_iterations: int = 150,
) -> Path:
    """Parse a brat split (``text/`` + ``attributions/``) with ``nlp`` and train a model to ``out``.

    ``docs``: the spaCy parses of the split's texts (their :func:`reading_view`) in :func:`load_brat_dir` order, when
    already at hand (the benchmark caches them); otherwise the texts are parsed here.
    ``ledger``: unusable texts are recorded there and skipped (see :func:`load_brat_dir`).
    """
    brat, parsed = parsed_brat_dir(directory, nlp=nlp, docs=docs, limit=limit, ledger=ledger)
    pairs = ((annotated(b.name, b.text, d), b.attributions) for b, d in zip(brat, parsed, strict=True))
    return train_quote_tagger(training_examples(pairs), out, c1=c1, c2=c2, max_iterations=max_iterations)


def parsed_brat_dir(
    directory: str | Path,
    *,
    nlp: Any,
    docs: Sequence[Any] | None = None,
    limit: int | None = None,
    ledger: Ledger | None = None,
) -> tuple[list[BratDoc], list[Any]]:
    """The usable texts of a brat split and the spaCy parses of their :func:`reading_view`
    (``docs`` when already at hand).

    Raises :class:`RejectedInput` when no text is usable: there is nothing to train on.
    """
    brat: list[BratDoc] = load_brat_dir(directory, limit=limit, ledger=ledger)
    if not brat:
        raise RejectedInput(str(directory), "no usable annotated text to train on", code="empty")
    if docs is None:
        docs = list(nlp.pipe([reading_view(b.name, b.text).body for b in brat], batch_size=16))
    parsed = list(docs)
    return brat, parsed
