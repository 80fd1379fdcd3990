"""annotate: one spaCy pass over each document's clean view.

Input → output: :class:`~crosswire.models.Document` → :class:`~crosswire.models.AnnotatedDocument`
(sentences and entity mentions in original offsets, the spaCy ``Doc`` kept for the quote
and time extractors).

- :func:`load_nlp` (``model.py``) — the pipeline, cached per name, with sentence hints.
- ``sentences.py`` — sentence boundary fixes and the mapping to original offsets.
- ``mentions.py`` — clean-up rules for the model's entity mistakes.
- ``lexicon.py`` — the small general word lists those rules use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from crosswire.annotate.mentions import build_mentions
from crosswire.annotate.model import load_nlp
from crosswire.annotate.sentences import build_sentences
from crosswire.models import AnnotatedDocument, Document

__all__ = ["annotate_doc", "load_nlp", "run"]


def annotate_doc(document: Document, doc: object) -> AnnotatedDocument:
    """Sentences and cleaned mentions of ``document`` from the spaCy ``doc`` over its body."""
    mentions = build_mentions(document, doc)
    sentences = build_sentences(document, doc)
    return AnnotatedDocument(document=document, sentences=sentences, mentions=mentions, doc=doc)


def run(
    docs: Iterable[Document],
    *,
    model: str = "auto",
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[AnnotatedDocument]:
    """Annotate ``docs`` lazily, in order, with one batched ``nlp.pipe`` pass over ``Document.body``.

    ``n_process > 1`` forks spaCy workers (worth it on long runs only: each worker loads the
    model and every ``Doc`` is pickled back).
    """
    nlp = load_nlp(model)
    pairs = ((d.body, d) for d in docs)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield annotate_doc(document, doc)
