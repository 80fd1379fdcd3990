"""Exact and near duplicates among fingerprinted documents.

Input → output: documents (with or without a :class:`~crosswire.models.Fingerprint`) →
``list[Duplicate]``, one per document that repeats an earlier one.

Detectors, in order of cost:

1. exact — equal ``Fingerprint.exact`` (matching-form hash);
2. MinHash — LSH band collisions (:mod:`crosswire.dedup.lsh`: datasketch's banding,
   built in numpy for the whole batch) or, for small batches such as one story, every
   pair; kept when the MinHash Jaccard estimate of the word 3-gram shingle sets is
   ≥ ``near_threshold``;
3. SimHash — pairs whose 64-bit SimHashes differ in ≤ ``simhash_distance`` bits, found
   with the pigeonhole block index (split into ``k + 1`` blocks; a close pair agrees on
   one block exactly), kept when their Jaccard estimate is also ≥ ``simhash_min_jaccard``
   (SimHash alone over-matches short texts that share a template).

Matches are grouped (union-find); ``Duplicate.of`` is the group's earliest published
document, then the first seen. Only one representative of each exact group enters the
near-duplicate indexes, so a thousand copies of one text cost one lookup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from crosswire.dedup.lsh import banded_pairs
from crosswire.dedup.sketch import MinHashSignature, fingerprint
from crosswire.models import Document, Duplicate, Fingerprint

__all__ = ["find_duplicates", "hamming", "order_key", "simhash_pairs"]


def hamming(a: int, b: int) -> int:
    """Number of differing bits of two 64-bit SimHashes."""
    return (a ^ b).bit_count()


def order_key(doc: Document, index: int) -> tuple[int, str, int]:
    """Earliest published first (undated after dated), then first seen."""
    return (0, doc.published, index) if doc.published else (1, "", index)


class _Groups:
    """Union-find over document indexes; the representative is the earliest by ``keys``."""

    def __init__(self, keys: Sequence[tuple[int, str, int]]) -> None:
        self.parent = list(range(len(keys)))
        self.keys = keys

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.keys[rb] < self.keys[ra]:
            ra, rb = rb, ra
        self.parent[rb] = ra


def _fingerprints(docs: Sequence[Document]) -> list[Fingerprint]:
    out = []
    for d in docs:
        fp = d.fingerprint
        if fp is None or not isinstance(fp.minhash, MinHashSignature):
            # A document that did not pass through dedup.run (or was loaded without its MinHash).
            fp = fingerprint(d.id, d.body)
        out.append(fp)
    return out


def _lsh_pairs(sigs: dict[int, MinHashSignature], threshold: float) -> set[tuple[int, int]]:
    """Pairs with Jaccard estimate ≥ ``threshold`` among LSH band collisions (large batches)."""
    keys = sorted(sigs)
    matrix = np.stack([sigs[k].hashvalues for k in keys])
    return {(keys[x], keys[y]) for x, y in banded_pairs(matrix, threshold).tolist()}


def _all_pairs(sigs: dict[int, MinHashSignature], threshold: float) -> set[tuple[int, int]]:
    """Every pair whose Jaccard estimate is ≥ ``threshold``, by direct comparison (small batches)."""
    keys = sorted(sigs)
    matrix = np.stack([sigs[k].hashvalues for k in keys])
    pairs: set[tuple[int, int]] = set()
    for x in range(len(keys) - 1):
        agree = (matrix[x + 1 :] == matrix[x]).mean(axis=1)
        for y in np.flatnonzero(agree >= threshold):
            pairs.add((keys[x], keys[x + 1 + int(y)]))
    return pairs


def simhash_pairs(hashes: dict[int, int], distance: int) -> set[tuple[int, int]]:
    """Pairs of keys whose SimHashes differ in ≤ ``distance`` bits (pigeonhole block index)."""
    blocks = distance + 1
    width = 64 // blocks
    pairs: set[tuple[int, int]] = set()
    for b in range(blocks):
        shift = b * width
        mask = (1 << (width if b < blocks - 1 else 64 - shift)) - 1
        buckets: dict[int, list[int]] = defaultdict(list)
        for i, h in hashes.items():
            buckets[(h >> shift) & mask].append(i)
        for members in buckets.values():
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    i, j = members[x], members[y]
                    if hamming(hashes[i], hashes[j]) <= distance:
                        pairs.add((min(i, j), max(i, j)))
    return pairs


def find_duplicates(
    docs: Sequence[Document],
    *,
    near_threshold: float = 0.6,
    simhash_distance: int = 3,
    simhash_min_jaccard: float = 0.3,
    lsh_from: int = 300,
) -> list[Duplicate]:
    """Every document that repeats an earlier one, exactly or nearly (see the module docstring).

    ``near_threshold`` is on the MinHash Jaccard estimate of word 3-gram shingle sets;
    ``simhash_distance`` is the largest Hamming distance of two SimHashes counted as near
    (0–15; the block index needs ``64 / (k + 1)`` ≥ 4 bits a block). Batches of fewer
    than ``lsh_from`` distinct texts (one story, say) are compared pair by pair (exact, a
    few milliseconds); larger ones go through the LSH band index.
    """
    if not 0.0 < near_threshold <= 0.95:
        # Above ~0.97 the optimal banding has a single band: LSH would be a plain equality test.
        raise ValueError(f"near_threshold must be in (0, 0.95], got {near_threshold}")
    if not 0 <= simhash_distance <= 15:
        raise ValueError(f"simhash_distance must be in 0..15, got {simhash_distance}")
    n = len(docs)
    if n < 2:
        return []
    fps = _fingerprints(docs)
    keys = [order_key(d, i) for i, d in enumerate(docs)]
    groups = _Groups(keys)

    first_of_exact: dict[str, int] = {}
    for i in sorted(range(n), key=keys.__getitem__):
        rep = first_of_exact.setdefault(fps[i].exact, i)
        if rep != i:
            groups.union(rep, i)

    reps = sorted(set(first_of_exact.values()))
    sigs: dict[int, MinHashSignature] = {i: fps[i].minhash for i in reps if docs[i].body.strip()}
    if len(sigs) > 1:
        candidates = _all_pairs if len(sigs) < lsh_from else _lsh_pairs
        for i, j in candidates(sigs, near_threshold):  # verified: Jaccard estimate ≥ threshold
            groups.union(i, j)
        for i, j in simhash_pairs({i: fps[i].simhash for i in sigs}, simhash_distance):
            if sigs[i].jaccard(sigs[j]) >= simhash_min_jaccard:
                groups.union(i, j)

    out: list[Duplicate] = []
    for i in range(n):
        root = groups.find(i)
        if root == i:
            continue
        if fps[i].exact == fps[root].exact:
            out.append(Duplicate(docs[i].id, docs[root].id, "exact", 1.0))
        else:
            sim = fps[i].minhash.jaccard(fps[root].minhash)
            out.append(Duplicate(docs[i].id, docs[root].id, "near", round(sim, 4)))
    return out
