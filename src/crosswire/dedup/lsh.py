"""MinHash LSH by banding, in numpy: signatures → candidate pairs above a Jaccard threshold.

Input → output: a ``(n, num_perm)`` matrix of MinHash values → verified index pairs
``(i, j)``, ``i < j``, whose Jaccard estimate is ≥ the threshold.

The banding is the one ``datasketch.MinHashLSH`` uses — ``b`` bands of ``r`` rows chosen
to minimise the equally weighted false-positive and false-negative areas under the
S-curve ``1 − (1 − sʳ)ᵇ`` (:func:`lsh_params` reproduces its ``_optimal_param``) — but
the index is built for the whole batch at once: one sort per band instead of a Python
dict insert and query per document. Measured on 18,210 distinct synthetic texts (machine
under load, same 11,085 verified pairs): ``MinHashLSH`` insert + query 7.5 s, this 2.3 s —
and no ``import datasketch`` (~2 s: it pulls in scipy).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["banded_pairs", "lsh_params"]

_GRID = np.linspace(0.0, 1.0, 2001)
_MIX = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=64)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` minimising false-positive + false-negative area around ``threshold``."""
    s = _GRID
    below, above = s <= threshold, s >= threshold
    best, best_err = (1, num_perm), float("inf")
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            p = 1.0 - (1.0 - s**r) ** b
            err = np.trapezoid(p[below], s[below]) + np.trapezoid(1.0 - p[above], s[above])
            if err < best_err:
                best, best_err = (b, r), float(err)
    return best


def _band_hash(block: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint64]:
    # A 64-bit polynomial hash of each row of the band; collisions only add candidates,
    # which the Jaccard check below removes.
    h = np.zeros(block.shape[0], dtype=np.uint64)
    with np.errstate(over="ignore"):
        for c in range(block.shape[1]):
            h = (h ^ block[:, c].astype(np.uint64)) * _MIX
    return h


def banded_pairs(
    matrix: npt.NDArray[np.uint32], threshold: float, *, chunk: int = 200_000
) -> npt.NDArray[np.int64]:
    """``(k, 2)`` array of row pairs ``i < j`` sharing a band and with Jaccard estimate ≥ ``threshold``."""
    n, num_perm = matrix.shape
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    b, r = lsh_params(threshold, num_perm)
    found: list[npt.NDArray[np.int64]] = []
    for band in range(b):
        h = _band_hash(matrix[:, band * r : (band + 1) * r])
        order = np.argsort(h, kind="stable")
        hs = h[order]
        starts = np.flatnonzero(np.r_[True, hs[1:] != hs[:-1]])
        sizes = np.diff(np.r_[starts, n])
        for start, size in zip(starts[sizes > 1], sizes[sizes > 1], strict=True):
            members = np.sort(order[start : start + size])
            x, y = np.triu_indices(int(size), 1)
            found.append(np.stack([members[x], members[y]], axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.unique(np.concatenate(found).astype(np.int64), axis=0)
    keep = np.zeros(len(pairs), dtype=bool)
    for lo in range(0, len(pairs), chunk):
        p = pairs[lo : lo + chunk]
        keep[lo : lo + chunk] = (matrix[p[:, 0]] == matrix[p[:, 1]]).mean(axis=1) >= threshold
    return pairs[keep]
