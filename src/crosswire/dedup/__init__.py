"""dedup: fingerprint every document; find exact and near duplicates.

Input → output: ``Document`` → the same ``Document`` with ``fingerprint`` set
(:func:`run`); a batch of documents → ``list[Duplicate]`` (:func:`find_duplicates`); those
→ the earlier versions of a report a later one supersedes (:func:`find_versions`).

Fingerprints (see :mod:`crosswire.dedup.sketch`): an exact hash of the matching
form (casefold, ASCII quotes/dashes, collapsed whitespace), a 64-bit SimHash of weighted
word 3-gram shingles and a 128-permutation MinHash of the shingle set.

Thresholds (measured; figures in ``docs/_sections/dedup-families.md``):

- ``near_threshold = 0.6`` on the MinHash Jaccard estimate of word 3-gram shingles.
  Measured on the seeds with random word substitutions (50 copies per rate): one word in
  fifty changed gives true J 0.88–0.91, one in twenty 0.75–0.79, one in ten 0.56–0.63,
  one in five 0.33–0.40; the five seed reports of one meeting (different articles that
  share quotes) have true J ≤ 0.10. 0.6 keeps light edits (headline, credit line, a few words) as duplicates and
  leaves rewrites to the origin-family step (:mod:`crosswire.cluster.families`), which
  works sentence by sentence.
- ``simhash_distance = 3`` bits of 64 (Manku et al., WWW 2007). Shingle SimHash is
  sensitive on news-length texts: one changed word in a hundred moves it 1–10 bits, one in
  twenty 5–19; different seed articles differ by 24–32. So SimHash is the second, strict
  detector (near-verbatim copies the MinHash estimate might just miss); a SimHash match
  must also have J ≥ 0.3, because short templated texts collide.
- ``NUM_PERM = 128``: measured no slower than 64 (tokenising and SimHash dominate), and
  the estimate's σ at J = 0.5 is 0.044, well inside the 0.10 ↔ 0.6 gap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from crosswire.dedup.near import find_duplicates
from crosswire.dedup.sketch import MinHashSignature, fingerprint, matching_form
from crosswire.dedup.versions import as_version, find_versions
from crosswire.models import Document

__all__ = [
    "MinHashSignature",
    "as_version",
    "find_duplicates",
    "find_versions",
    "fingerprint",
    "matching_form",
    "run",
]


def run(docs: Iterable[Document]) -> Iterator[Document]:
    """Attach a :class:`~crosswire.models.Fingerprint` of the body to each document, lazily."""
    for doc in docs:
        yield replace(doc, fingerprint=fingerprint(doc.id, doc.body))
