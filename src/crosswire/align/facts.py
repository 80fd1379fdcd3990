"""Facts: claims of different documents that say the same thing, and who backs them.

Input → output: claims of one story + their embeddings → groups of claim indices →
:class:`~crosswire.models.Fact` with citations, independent-source count and salience.

Two claims match on meaning (embedding cosine) and on words (stemmed content-word
Jaccard, rapidfuzz token ratio); the score mixes them so "complete several major pending
defence sales" ≈ "finish several big defence deals" (embeddings) while two sentences
that share a topic but not a statement stay apart (words). Groups grow by average
link: a claim joins a fact only when it is close to the fact as a whole, not to one
member, and a fact holds at most one claim per document (unless the two are
near-identical repetitions), so a chain of loose resemblances cannot merge a story.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Literal

import numpy as np

from crosswire.align.claims import Claim
from crosswire.align.features import normalize_quotes
from crosswire.models import Citation, Document, Fact

__all__ = ["canonical_claim", "claim_similarity", "group_claims", "linked_groups", "make_facts", "salience"]

_PRONOUN_START = re.compile(r"^\W*(he|she|they|it|this|that|these|those|we|i|you|its|their|his|her)\b", re.I)


def claim_similarity(
    claims: Sequence[Claim], vectors: Any, *, embed_weight: float = 0.65, threshold: float = 0.55
) -> np.ndarray:
    """Pairwise claim similarity in [0, 1]: ``embed_weight`` × cosine + the rest × lexical overlap.

    Lexical overlap is the larger of the content-word Jaccard and the fuzzy token ratio
    discounted to the Jaccard's scale, so shared long phrases count even when function words differ.
    """
    n = len(claims)
    vec = np.asarray(vectors, dtype=np.float32)
    cos = np.clip(vec @ vec.T, 0.0, 1.0) if n else np.zeros((0, 0), np.float32)
    lex = _jaccard_matrix([c.words for c in claims])
    same_doc = np.array([[a.document == b.document for b in claims] for a in claims], dtype=bool).reshape(
        n, n
    )
    lex[same_doc] = 0.0
    # rapidfuzz only where it can change the outcome: close in meaning, few shared stems
    from rapidfuzz import fuzz

    norm = [normalize_quotes(c.text).lower() for c in claims]
    # (the fuzzy score adds at most 0.5 of lexical overlap: only pairs that could cross ``threshold``)
    reach = embed_weight * cos + (1.0 - embed_weight) * 0.5 >= threshold
    below = embed_weight * cos + (1.0 - embed_weight) * lex < threshold
    cand = np.argwhere(np.triu(reach & below & (lex < 0.5) & ~same_doc, k=1))
    seen: dict[tuple[str, str], float] = {}
    for i, j in cand.tolist():
        key = (norm[i], norm[j])
        if key not in seen:
            seen[key] = 0.8 * fuzz.token_sort_ratio(norm[i], norm[j]) / 100.0 - 0.3
        fz = seen[key]
        if fz > lex[i, j]:
            lex[i, j] = lex[j, i] = fz
    sim: np.ndarray = embed_weight * cos + (1.0 - embed_weight) * lex
    np.fill_diagonal(sim, 1.0)
    return sim


def _jaccard_matrix(word_sets: Sequence[frozenset[str]]) -> np.ndarray:
    """Pairwise Jaccard of word sets, as one sparse product (fast for a thousand claims)."""
    from scipy.sparse import csr_matrix

    n = len(word_sets)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, ws in enumerate(word_sets):
        for w in ws:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    x = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, max(len(vocab), 1)))
    inter = np.asarray((x @ x.T).todense(), dtype=np.float32)
    sizes = np.asarray(x.sum(axis=1), dtype=np.float32).reshape(-1)
    union = sizes[:, None] + sizes[None, :] - inter
    out: np.ndarray = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    return out


def group_claims(
    claims: Sequence[Claim],
    sim: np.ndarray,
    *,
    threshold: float = 0.55,
    average_threshold: float = 0.5,
    near_identical: float = 0.95,
) -> list[list[int]]:
    """Average-link grouping of claims into facts, strongest pairs first.

    Two groups merge when their strongest link is ≥ ``threshold``, their mean link is ≥
    ``average_threshold``, and they share no document (two claims of one document may share a
    fact only when they are near-identical, ≥ ``near_identical``).
    """
    n = len(claims)
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    docs: dict[int, set[str]] = {i: {claims[i].document} for i in range(n)}
    doc_arr = np.array([c.document for c in claims], dtype=object)
    iu, ju = np.triu_indices(n, k=1)
    keep = (sim[iu, ju] >= threshold) & (doc_arr[iu] != doc_arr[ju]) if n > 1 else np.zeros(0, dtype=bool)
    iu, ju = iu[keep], ju[keep]
    order = np.argsort(-sim[iu, ju], kind="stable")
    for i, j in zip(iu[order].tolist(), ju[order].tolist(), strict=True):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        shared = docs[gi] & docs[gj]
        if shared:
            # two claims of one document share a fact only when they are near-identical repeats
            clash = sim[np.ix_(a, b)][np.equal.outer(doc_arr[a], doc_arr[b])]
            if clash.size and float(clash.min()) < near_identical:
                continue
        if float(sim[np.ix_(a, b)].mean()) < average_threshold:
            continue
        members[gi] = a + b
        docs[gi] |= docs.pop(gj)
        for k in b:
            group_of[k] = gi
        del members[gj]
    return [sorted(m, key=lambda k: (claims[k].document, claims[k].start)) for m in members.values()]


def linked_groups(
    claims: Sequence[Claim], sim: np.ndarray, groups: Sequence[Sequence[int]], *, threshold: float = 0.5
) -> dict[int, set[int]]:
    """Groups that say the same thing but could not merge (a document says it twice, in two places).

    "the minister hoped to finalize the sales" (lead) and "... hope to complete the sales, expand
    co-production and sign the framework" (a later clause) stay two facts, one claim per
    document each; linking them lets each count the other's sources for salience.
    """
    group_of = {k: g for g, idx in enumerate(groups) for k in idx}
    pairs = {
        tuple(sorted((group_of[int(i)], group_of[int(j)])))
        for i, j in np.argwhere(sim >= threshold)
        if group_of[int(i)] != group_of[int(j)]
    }
    links: dict[int, set[int]] = {}
    for a, b in pairs:
        mean = float(np.mean(sim[np.ix_(list(groups[a]), list(groups[b]))]))
        if mean >= threshold:
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)
    return links


def canonical_claim(claims: Sequence[Claim]) -> Claim:
    """The clearest wording: a whole, attributed, self-contained sentence, not a fragment."""

    def clarity(c: Claim) -> float:
        words = len(c.text.split())
        score = 0.0
        score += 1.0 if c.whole else 0.0
        score += -1.5 if _PRONOUN_START.match(c.text) else 0.0
        score += 1.0 if c.text[:1].isupper() or c.text[:1] in "\"“'‘" else -1.0
        score += 0.5 if _balanced(c.text) else -0.5
        score -= 0.5 if "..." in c.text or "…" in c.text else 0.0
        score += 0.5 if 8 <= words <= 40 else 0.0
        score += 0.3 if c.text.rstrip()[-1:] in ".!?" else 0.0
        score += 0.1 * min(len(c.entities), 3)
        score -= 0.3 * c.position
        return score

    return max(claims, key=clarity)


def _balanced(text: str) -> bool:
    straight = text.count('"') % 2 == 0
    curly = text.count("“") == text.count("”")
    return straight and curly and text.count("(") == text.count(")")


def salience(*, independent_sources: float, total_sources: int, centrality: float, position: float) -> float:
    """How much a fact matters to the story: backed by many independent sources, central, early."""
    share = independent_sources / max(total_sources, 1)
    return round(2.0 * share + 1.0 * centrality + 0.5 * (1.0 - position), 4)


def make_facts(
    claims: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    *,
    documents: Mapping[str, Document],
    family_of: Mapping[str, str],
    centrality: Sequence[float],
    contested: set[int] | None = None,
    links: Mapping[int, set[int]] | None = None,
    id_prefix: str = "F",
) -> tuple[list[Fact], dict[int, str]]:
    """One :class:`Fact` per group, highest salience first, and each group's fact id.

    ``contested`` holds the indices of groups with a conflict inside.
    """
    contested = contested or set()
    links = links or {}
    total = len(set(family_of.values())) or 1
    out: list[tuple[float, int, Fact]] = []
    for g, idx in enumerate(groups):
        members = [claims[k] for k in idx]
        docs = tuple(dict.fromkeys(c.document for c in members))
        fams = tuple(dict.fromkeys(family_of.get(d, d) for d in docs))
        citations: list[Citation] = []
        for c in members:
            citations += [documents[c.document].cite(s, e) for s, e in c.parts]
        status: Literal["corroborated", "single_source", "contested"]
        if g in contested:
            status = "contested"
        elif len(fams) >= 2:
            status = "corroborated"
        else:
            status = "single_source"
        linked_docs = {claims[k].document for h in links.get(g, ()) for k in groups[h]}
        backing = {family_of.get(d, d) for d in linked_docs} | set(fams)
        score = salience(
            # linked facts lend half weight: they say it, but in other words or another place
            independent_sources=len(fams) + 0.5 * (len(backing) - len(fams)),
            total_sources=total,
            centrality=float(np.mean([centrality[k] for k in idx])),
            position=min(c.position for c in members),
        )
        fact = Fact(
            id="",
            text=canonical_claim(members).text,
            citations=tuple(citations),
            documents=docs,
            independent_sources=len(fams),
            status=status,
            families=fams,
            score=score,
        )
        out.append((score, g, fact))
    out.sort(key=lambda t: (-t[0], t[1]))
    ids = {g: f"{id_prefix}{k + 1}" for k, (_, g, _) in enumerate(out)}
    return [replace(f, id=ids[g]) for _, g, f in out], ids
