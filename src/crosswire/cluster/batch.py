"""Batch story clustering: all documents at once → groups of document indices.

Input → output: a sequence of :class:`~crosswire.models.AnnotatedDocument` + an embedder →
``list[list[int]]``, each inner list one story (indices into the input), largest first.

Steps, each a pure function:

1. features — TF-IDF of the clean bodies (sublinear tf), title + lead embeddings,
   entity bags (or, for input without mentions, the rare words of each document:
   :func:`rare_word_matrix`), publication days (:mod:`crosswire.cluster.features`);
2. :func:`candidate_pairs` — sparse, blocked nearest neighbours: a pruned TF-IDF
   product per block of rows (each document keeps its ``candidate_terms`` heaviest
   terms, so posting lists stay short), plus embedding neighbours for inputs small
   enough for dense block products; never the full n × n matrix;
3. :func:`pair_features` + ``combine_many`` — the combined story score of every
   candidate pair; pairs touching a page template (a text repeated verbatim in
   ``template_copies`` documents or more, :func:`~crosswire.cluster.features.template_mask`)
   score 0;
3b. :func:`expand_rows` — each TF-IDF row borrows a little of its ``expansion_neighbours``
   best-scoring neighbours' rows (pseudo-relevance feedback), and the pairs are scored
   again with the expanded lexical cosine: recall for reports told from different angles;
4. :func:`average_link` — agglomerative average-link on the candidate graph (pairs
   that are not candidates count as similarity 0), stopping at a strict threshold,
   so look-alike events stay apart;
5. :func:`attach_fragments` — small leftover clusters join the core story they are
   most similar to on average, at a looser threshold (recall without chaining).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from crosswire.cluster.features import (
    ClusterConfig,
    DocFeatures,
    PairFeatures,
    combine_many,
    doc_features,
    entity_similarity,
    idf_from_bags,
    lead_text,
    rare_word_limit,
    template_mask,
    text_key,
    time_factors,
    tokenize,
)

if TYPE_CHECKING:
    import numpy.typing as npt
    import scipy.sparse as sp

    from crosswire.models import AnnotatedDocument
    from crosswire.seams import Embedder

__all__ = [
    "ScoredGraph",
    "attach_fragments",
    "average_link",
    "candidate_pairs",
    "cluster_documents",
    "expand_rows",
    "pair_features",
    "rare_word_matrix",
    "score_graph",
    "tfidf_matrix",
    "tfidf_terms",
]

_BLOCK = 1024
#: Pairs per chunk of row gathers: an expanded row holds ~3x the terms of a plain one, and two
#: gathered chunks of 50k pairs stay near 0.25 GiB.
_PAIR_CHUNK = 50_000


def tfidf_matrix(texts: Sequence[str]) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows of ``texts`` (words and word pairs), as CSR float32 (see :func:`tfidf_terms`)."""
    return tfidf_terms(texts)[0]


def tfidf_terms(texts: Sequence[str]) -> tuple[sp.csr_matrix, npt.NDArray[np.bool_]]:
    """L2-normalised TF-IDF rows of ``texts`` (words and word pairs), and which columns are single words.

    Sublinear tf ``1 + ln n`` and smoothed idf ``ln((1 + N) / (1 + df)) + 1``, as
    scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` computes them, built directly:
    no vocabulary sort and no scikit-learn import, which dominate at 100k documents.
    Word pairs ("betty ford", "red sox") separate look-alike events better than their
    words alone, which two stories of the same kind share. The column mask lets
    :func:`rare_word_matrix` reuse the tokenisation (the costly part) for single words.
    """
    import scipy.sparse as sparse

    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    counts: list[int] = []
    for text in texts:
        tokens = tokenize(text)
        bag = Counter(tokens)
        bag.update(f"{a} {b}" for a, b in pairwise(tokens))
        for term, n in bag.items():
            indices.append(vocab.setdefault(term, len(vocab)))
            counts.append(n)
        indptr.append(len(indices))
    n_docs = len(texts)
    if not vocab:
        return sparse.csr_matrix((n_docs, 1), dtype=np.float32), np.zeros(1, dtype=np.bool_)
    single = np.fromiter((" " not in term for term in vocab), dtype=np.bool_, count=len(vocab))
    cols = np.asarray(indices, dtype=np.int32)
    df = np.bincount(cols, minlength=len(vocab))
    idf = (np.log((1 + n_docs) / (1 + df)) + 1.0).astype(np.float32)
    data = (1.0 + np.log(np.asarray(counts, dtype=np.float32))) * idf[cols]
    ptr = np.asarray(indptr, dtype=np.int64)
    row_norm = np.sqrt(np.add.reduceat(data * data, ptr[:-1])) if len(data) else np.zeros(0, np.float32)
    lengths = np.diff(ptr)
    # rows with no terms have no entries; reduceat would repeat a neighbour's value for them
    row_norm = np.where(lengths > 0, row_norm, 1.0)
    data /= np.repeat(row_norm, lengths).astype(np.float32)
    return sparse.csr_matrix((data, cols, ptr), shape=(n_docs, len(vocab)), dtype=np.float32), single


def rare_word_matrix(x: sp.csr_matrix, single: npt.NDArray[np.bool_], *, max_df: int) -> sp.csr_matrix:
    """0/1 rows of the rare words of each document: single-word columns of ``x`` used by 2 to
    :func:`~crosswire.cluster.features.rare_word_limit` documents (a pair's dot product is the
    number of rare words it shares; see ``ClusterConfig.w_rare_words``)."""
    df = np.bincount(x.indices, minlength=x.shape[1])
    limit = rare_word_limit(x.shape[0], max_df=max_df)
    keep = np.flatnonzero(single & (df >= 2) & (df <= limit))
    rare: sp.csr_matrix = x[:, keep].tocsr()
    rare.data = np.ones_like(rare.data)
    return rare


def _prune_rows(x: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Keep the ``keep`` heaviest entries of each row (for candidate generation only)."""
    import scipy.sparse as sparse

    indptr, indices, data = x.indptr, x.indices, x.data
    rows, cols, vals = [], [], []
    for r in range(x.shape[0]):
        a, b = indptr[r], indptr[r + 1]
        top = a + np.argpartition(-data[a:b], keep - 1)[:keep] if b - a > keep else np.arange(a, b)
        rows.append(np.full(len(top), r, dtype=np.int32))
        cols.append(indices[top])
        vals.append(data[top])
    if not rows:
        return x
    return sparse.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=x.shape, dtype=np.float32
    )


def _top_k_sparse(block: sp.csr_matrix, offset: int, k: int, floor: float) -> tuple[list[int], list[int]]:
    rows_i: list[int] = []
    rows_j: list[int] = []
    indptr, indices, data = block.indptr, block.indices, block.data
    for r in range(block.shape[0]):
        a, b = indptr[r], indptr[r + 1]
        i = offset + r
        cols, vals = indices[a:b], data[a:b]
        ok = (vals >= floor) & (cols != i)
        cols, vals = cols[ok], vals[ok]
        if len(cols) > k:
            cols = cols[np.argpartition(-vals, k - 1)[:k]]
        rows_i.extend([i] * len(cols))
        rows_j.extend(cols.tolist())
    return rows_i, rows_j


def candidate_pairs(
    x: sp.csr_matrix, emb: npt.NDArray[np.float32] | None, *, config: ClusterConfig
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Unique pairs ``(i, j)``, ``i < j``, worth scoring: each document's nearest neighbours."""
    n = x.shape[0]
    k = config.neighbours
    pruned = _prune_rows(x, config.candidate_terms)
    pruned_t = pruned.T.tocsr()
    ii: list[int] = []
    jj: list[int] = []
    for start in range(0, n, _BLOCK):
        block = (pruned[start : start + _BLOCK] @ pruned_t).tocsr()
        bi, bj = _top_k_sparse(block, start, k, config.min_candidate)
        ii += bi
        jj += bj
    if emb is not None and n <= config.embedding_candidates_max_docs and n > 1:
        kk = min(k, n - 1)
        for start in range(0, n, _BLOCK):
            sims = emb[start : start + _BLOCK] @ emb.T
            for r in range(sims.shape[0]):
                sims[r, start + r] = -2.0
            top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
            ii += np.repeat(np.arange(start, start + sims.shape[0]), kk).tolist()
            jj += top.ravel().tolist()
    if not ii:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    a = np.asarray(ii, dtype=np.int64)
    b = np.asarray(jj, dtype=np.int64)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keys = np.unique(lo * n + hi)
    return keys // n, keys % n


def _pair_dots(
    x: sp.csr_matrix, i: npt.NDArray[np.int64], j: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """Row dot products ``x[i] · x[j]`` per pair, in chunks (bounded memory)."""
    out = np.zeros(len(i), dtype=np.float64)
    for s in range(0, len(i), _PAIR_CHUNK):
        a, b = i[s : s + _PAIR_CHUNK], j[s : s + _PAIR_CHUNK]
        out[s : s + _PAIR_CHUNK] = np.asarray(x[a].multiply(x[b]).sum(axis=1)).ravel()
    return out


def pair_features(
    i: npt.NDArray[np.int64],
    j: npt.NDArray[np.int64],
    x: sp.csr_matrix,
    emb: npt.NDArray[np.float32] | None,
    feats: Sequence[DocFeatures],
    *,
    config: ClusterConfig,
    rare: sp.csr_matrix | None = None,
) -> PairFeatures:
    """The similarities of each pair that :func:`~crosswire.cluster.features.combine_many` weighs.

    ``rare`` (:func:`rare_word_matrix`) gives the shared rare words, counted only when no
    document carries mentions (they stand in for the entity overlap).
    """
    cosine = None
    if emb is not None:
        cosine = np.zeros(len(i), dtype=np.float64)
        for s in range(0, len(i), _PAIR_CHUNK):
            a, b = i[s : s + _PAIR_CHUNK], j[s : s + _PAIR_CHUNK]
            cosine[s : s + _PAIR_CHUNK] = np.einsum("ij,ij->i", emb[a], emb[b])
    # Entities count when the input was annotated at all (some document has mentions); a
    # document without any then simply shares none. Unannotated input drops the feature.
    entities = None
    if any(f.entities for f in feats):
        idf = idf_from_bags([f.entities for f in feats])
        entities = np.array(
            [
                entity_similarity(feats[a].entities, feats[b].entities, idf)
                for a, b in zip(i.tolist(), j.tolist(), strict=True)
            ],
            dtype=np.float64,
        )
    days = np.array([np.nan if f.day is None else f.day for f in feats], dtype=np.float64)
    time = time_factors(
        days[i], days[j], scale_days=config.time_scale_days, grace_days=config.time_grace_days
    )
    rare_words = _pair_dots(rare, i, j) if rare is not None and entities is None else None
    return PairFeatures(_pair_dots(x, i, j), cosine, entities, time, rare_words)


def expand_rows(
    x: sp.csr_matrix,
    i: npt.NDArray[np.int64],
    j: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64],
    *,
    neighbours: int,
    weight: float,
) -> sp.csr_matrix:
    """Each row of ``x`` plus ``weight`` × the score-weighted mean of its ``neighbours`` best pairs, L2-normalised.

    Pseudo-relevance feedback on the document graph: two reports of one story told from
    different angles share few rare words with each other, but each shares many with a
    third report (or with its own closest neighbour); borrowing a little of the nearest
    neighbours' vocabulary lets their cosine see that. Vectorised: one sort of the pairs
    by (row, −score) ranks each row's neighbours, and a sparse product does the rest.
    """
    import scipy.sparse as sparse

    n = x.shape[0]
    keep = scores > 0
    rows = np.concatenate([i[keep], j[keep]])
    cols = np.concatenate([j[keep], i[keep]])
    vals = np.concatenate([scores[keep], scores[keep]])
    order = np.lexsort((-vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows, side="left")
    top = rank < neighbours
    rows, cols, vals = rows[top], cols[top], vals[top]
    row_sum = np.bincount(rows, weights=vals, minlength=n)
    # float32 throughout: the pair dot products that follow are memory-bound row gathers.
    vals = (weight * vals / row_sum[rows]).astype(np.float32)
    k = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n), dtype=np.float32)
    expanded = (x + k @ x).tocsr()
    norms = np.sqrt(np.asarray(expanded.multiply(expanded).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    out: sp.csr_matrix = (sparse.diags((1.0 / norms).astype(np.float32)) @ expanded).tocsr()
    return out


def average_link(
    n: int,
    i: npt.NDArray[np.int64],
    j: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64],
    *,
    threshold: float,
) -> list[list[int]]:
    """Average-link agglomerative clustering on a sparse similarity graph.

    The similarity of two clusters is the sum of their pairwise scores over the product
    of their sizes; a pair that is not in the graph counts as 0, so a cluster only
    grows while its members stay similar *on average* (no single-link chaining through
    one bridging report). Merges stop when the best average falls below ``threshold``.
    Returns clusters (sorted index lists), largest first, ties by first index.
    """
    # links[c][d] = sum of scores between clusters c and d
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for a, b, s in zip(i.tolist(), j.tolist(), scores.tolist(), strict=True):
        if s > 0:
            links[a][b] = links[a].get(b, 0.0) + s
            links[b][a] = links[b].get(a, 0.0) + s
    size = [1] * n
    members: list[list[int] | None] = [[k] for k in range(n)]
    heap = [
        (-s, a, b) for a, b, s in zip(i.tolist(), j.tolist(), scores.tolist(), strict=True) if s >= threshold
    ]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if members[a] is None or members[b] is None:
            continue
        current = links[a].get(b, 0.0) / (size[a] * size[b])
        if abs(current + neg) > 1e-12:
            continue  # stale: sizes or links changed since this entry was pushed
        if current < threshold:
            break
        big, small = (a, b) if size[a] >= size[b] else (b, a)
        links[big].pop(small, None)
        links[small].pop(big, None)
        for c, v in links[small].items():
            links[c].pop(small, None)
            links[big][c] = links[big].get(c, 0.0) + v
            links[c][big] = links[big][c]
        links[small] = {}
        size[big] += size[small]
        members[big] += members[small]
        members[small] = None
        for c, v in links[big].items():
            avg = v / (size[big] * size[c])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, big, c))
    clusters = [sorted(m) for m in members if m is not None]
    clusters.sort(key=lambda m: (-len(m), m[0]))
    return clusters


def attach_fragments(
    clusters: list[list[int]],
    i: npt.NDArray[np.int64],
    j: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64],
    *,
    max_size: int,
    threshold: float,
) -> list[list[int]]:
    """Join each small cluster (``<= max_size`` members) to the larger cluster it is most similar to.

    Average link at a strict threshold keeps look-alike events apart but leaves reports
    that are worded differently (a short item, a follow-up) as fragments. A fragment
    joins the core cluster (``> max_size`` members) with the highest average pair score,
    when that average reaches ``threshold``. Fragments are judged against the cores as
    the first pass left them, so the result does not depend on processing order.
    """
    label = np.empty(sum(len(c) for c in clusters), dtype=np.int64)
    for c, members in enumerate(clusters):
        label[members] = c
    sizes = [len(c) for c in clusters]
    sums: dict[tuple[int, int], float] = {}
    for a, b, s in zip(label[i].tolist(), label[j].tolist(), scores.tolist(), strict=True):
        if a == b:
            continue
        for frag, core in ((a, b), (b, a)):
            if sizes[frag] <= max_size < sizes[core]:
                sums[frag, core] = sums.get((frag, core), 0.0) + s
    best: dict[int, tuple[float, int]] = {}
    for (frag, core), total in sums.items():
        avg = total / (sizes[frag] * sizes[core])
        if avg >= threshold and (frag not in best or (avg, -core) > (best[frag][0], -best[frag][1])):
            best[frag] = (avg, core)
    merged = [list(c) for c in clusters]
    for frag, (_, core) in sorted(best.items()):
        merged[core] += merged[frag]
        merged[frag] = []
    out = [sorted(c) for c in merged if c]
    out.sort(key=lambda m: (-len(m), m[0]))
    return out


@dataclass(frozen=True, slots=True)
class ScoredGraph:
    """The candidate graph of a batch: pairs ``(i[k], j[k])`` with their final story ``scores``.

    ``x`` is the TF-IDF matrix, ``emb`` the lead embeddings (None without an embedder) and
    ``template`` marks page-template copies; kept so an analysis can score other pairs alike.
    """

    i: npt.NDArray[np.int64]
    j: npt.NDArray[np.int64]
    scores: npt.NDArray[np.float64]
    x: sp.csr_matrix
    emb: npt.NDArray[np.float32] | None
    template: npt.NDArray[np.bool_]


def score_graph(
    adocs: Sequence[AnnotatedDocument],
    *,
    embedder: Embedder | None,
    config: ClusterConfig,
    vectors: npt.NDArray[np.float32] | None = None,
) -> ScoredGraph:
    """Steps 1–3b of the module docstring: candidate pairs of ``adocs`` and their final scores.

    ``vectors`` are the lead embeddings when the caller has them (one row per document, as
    ``embedder`` would give); then the embedder is not called.
    """
    x, single = tfidf_terms([a.document.body for a in adocs])
    emb = None
    if vectors is not None:
        emb = np.asarray(vectors, dtype=np.float32)
    elif embedder is not None:
        emb = np.asarray(
            embedder.embed([lead_text(a, sentences=config.lead_sentences) for a in adocs]), dtype=np.float32
        )
    feats = [doc_features(a) for a in adocs]
    i, j = candidate_pairs(x, emb, config=config)
    # Shared rare words stand in for the entity overlap when nothing carries mentions.
    rare = None
    if config.w_rare_words > 0 and not any(f.entities for f in feats):
        rare = rare_word_matrix(x, single, max_df=config.rare_word_max_df)
    pf = pair_features(i, j, x, emb, feats, config=config, rare=rare)
    # Copies of a page template carry no story: they link to nothing (see ClusterConfig.template_copies).
    template = template_mask([text_key(a) for a in adocs], min_copies=config.template_copies)
    linked = ~(template[i] | template[j])
    scores = np.where(
        linked,
        combine_many(pf.lexical, pf.cosine, pf.entities, pf.time, config=config, rare_words=pf.rare_words),
        0.0,
    )
    if config.expansion_neighbours > 0 and config.expansion_weight > 0:
        x2 = expand_rows(
            x, i, j, scores, neighbours=config.expansion_neighbours, weight=config.expansion_weight
        )
        lexical = _pair_dots(x2, i, j)
        scores = np.where(
            linked,
            combine_many(lexical, pf.cosine, pf.entities, pf.time, config=config, rare_words=pf.rare_words),
            0.0,
        )
    return ScoredGraph(i, j, scores, x, emb, template)


def cluster_documents(
    adocs: Sequence[AnnotatedDocument],
    *,
    embedder: Embedder | None,
    config: ClusterConfig,
    vectors: npt.NDArray[np.float32] | None = None,
) -> list[list[int]]:
    """Stories as lists of indices into ``adocs``, largest first (see the module docstring).

    ``vectors``: the lead embeddings already computed (see :func:`score_graph`).
    """
    n = len(adocs)
    if n == 0:
        return []
    g = score_graph(adocs, embedder=embedder, config=config, vectors=vectors)
    cores = average_link(n, g.i, g.j, g.scores, threshold=config.threshold)
    return attach_fragments(
        cores, g.i, g.j, g.scores, max_size=config.fragment_size, threshold=config.attach_threshold
    )
