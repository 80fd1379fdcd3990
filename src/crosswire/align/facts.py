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
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Literal

import numpy as np

from crosswire.align.backing import hedging_reports, single_source_details
from crosswire.align.claims import Claim, claim_text, token_offsets
from crosswire.align.features import (
    CONTEXTUAL_START,
    SPEAKER_PRONOUNS,
    content_words,
    normalize_quotes,
    numbers_with_units,
)
from crosswire.models import AnnotatedDocument, Citation, Document, Fact, Hedge, Quote
from crosswire.wordlists import CALENDAR_NAMES

__all__ = [
    "attach_groups",
    "canonical_claim",
    "claim_similarity",
    "claim_voices",
    "family_vocabulary",
    "group_claims",
    "linked_groups",
    "make_facts",
    "pronoun_referents",
    "rejoin_needless_splits",
    "salience",
]

# "it" too: "It also said that …" is an organisation or country speaking, resolved by the quote stage
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
    """Pairwise Jaccard of word sets, as one matrix product (fast for a thousand claims).

    A small story uses a dense 0/1 matrix; a large one a sparse one (scipy is imported only
    then: its import alone costs a cold run ~0.1 s).
    """
    n = len(word_sets)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, ws in enumerate(word_sets):
        for w in ws:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    width = max(len(vocab), 1)
    if n * width <= 4_000_000:
        dense = np.zeros((n, width), dtype=np.float32)
        dense[rows, cols] = 1.0
        inter = dense @ dense.T
        sizes = dense.sum(axis=1)
    else:
        from scipy.sparse import csr_matrix

        x = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, width))
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


def _names(text: str) -> set[str]:
    """Lower-cased capitalised words of ``text`` past its first word: the names it mentions
    (weekdays and months aside: a date is the date slot's business)."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)[1:]
    return {w.lower() for w in words if w[0].isupper() and w.lower() not in CALENDAR_NAMES and len(w) > 1}


def family_vocabulary(
    documents: Mapping[str, Document], family_of: Mapping[str, str]
) -> dict[str, frozenset[str]]:
    """Family id → the lower-cased words of its documents (for :func:`attach_groups`)."""
    out: dict[str, set[str]] = {}
    for d, doc in documents.items():
        words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", doc.text)}
        out.setdefault(family_of.get(d, d), set()).update(words)
    return {f: frozenset(w) for f, w in out.items()}


def _people_agree(a: Claim, b: Claim, people: frozenset[str]) -> bool:
    """Two claims that both name people name the same people ("he" names nobody)."""
    pa = {e for e in a.entities if e in people}
    pb = {e for e in b.entities if e in people}
    return not pa or not pb or pa == pb


def _places_agree(a: Claim, b: Claim, places: frozenset[str]) -> bool:
    """Two claims that both name ``places`` (the caller passes countries and US states: a city
    may lie in a country the other claim names, and regions such as the "Indo-Pacific" and the
    "Asia-Pacific" overlap) name at least one in common: "won the primary in Florida" and "got
    more votes in Ohio" are two results, whoever is named in both."""
    pa = {e for e in a.entities if e in places}
    pb = {e for e in b.entities if e in places}
    return not pa or not pb or bool(pa & pb)


def _voices_agree(a: Sequence[int], b: Sequence[int], voices: Sequence[frozenset[str]]) -> bool:
    """Two groups that both carry someone's words carry some of the same speaker's words.

    "“No reasonable prosecutor would not present this case to a grand jury”" (Giuliani) and
    "“I think the director's job was not to say that a prosecutor would not move forward with
    the case”" (Lewandowski) are close in meaning and words, and two people's opinions, not one
    fact two outlets confirm. Words in the writer's own voice carry no speaker and pass.
    """
    va = frozenset().union(*(voices[k] for k in a))
    vb = frozenset().union(*(voices[k] for k in b))
    return not va or not vb or bool(va & vb)


def _with_containment(claims: Sequence[Claim], sim: np.ndarray, *, min_shared: int = 4) -> np.ndarray:
    """``sim`` lifted where a short claim's content words sit inside a longer claim of another document.

    "Both nations possess the capabilities to counter threats together" is one clause of
    "the US and India are aware of the concerns … and possess the ability to counter those
    threats together": the embedding of the long sentence is diluted by its other half, but
    the short claim's words are there. Containment (shared / the smaller word set, at least
    ``min_shared`` words) is averaged with the cosine-weighted score.
    """
    out = sim.copy()
    n = len(claims)
    for i in range(n):
        wi = claims[i].words
        if len(wi) < min_shared:
            continue
        for j in range(n):
            if i == j or claims[i].document == claims[j].document:
                continue
            wj = claims[j].words
            shared = len(wi & wj)
            if shared < min_shared or len(wi) > len(wj):
                continue
            lifted = 0.5 * float(sim[i, j]) + 0.5 * shared / len(wi)
            if lifted > out[i, j]:
                out[i, j] = out[j, i] = lifted
    return out


def attach_groups(
    claims: Sequence[Claim],
    sim: np.ndarray,
    groups: Sequence[Sequence[int]],
    *,
    family_of: Mapping[str, str],
    entity_families: Mapping[str, frozenset[str]] | None = None,
    people: frozenset[str] = frozenset(),
    places: frozenset[str] = frozenset(),
    family_vocab: Mapping[str, frozenset[str]] | None = None,
    voices: Sequence[frozenset[str]] = (),
    threshold: float = 0.48,
    average_threshold: float = 0.45,
    second_margin: float = 0.08,
) -> list[list[int]]:
    """Second pass: a group that adds no independent source joins the fact it restates.

    :func:`group_claims` keeps one claim per document, so a document that says a thing
    twice ("hopes to finish several defence deals" in its lead and again later) leaves its
    second statement alone, and a loose paraphrase that misses the strict thresholds stays
    apart. Here a *source* group — backed by one origin family, or only by families the
    target already counts — joins the *target* group with the best link when the strongest
    cross-document pair is ≥ ``threshold`` and the mean is ≥ ``average_threshold`` (the same
    average link, looser, because the target already stands on other sources). Guards keep
    single-source news single: a claim naming an entity that no other family mentions
    (``entity_families``: entity id → families mentioning it), or a capitalised name no
    other family's text contains (``family_vocab``: family → its lower-cased words; this
    catches names the entity stage missed), carries news of its own; two claims naming
    different people, or only different ``places``, are different statements, and so are two
    groups that quote different speakers (``voices``: the speakers' entity ids per claim, from
    :func:`claim_voices`); and two clauses split from one sentence never share a fact.
    Corroboration is then counted by document and family, not by claim.
    """
    entity_families = entity_families or {}
    sim = _with_containment(claims, sim)
    out = [list(g) for g in groups]
    fams = [{family_of.get(claims[k].document, claims[k].document) for k in g} for g in out]

    vocab = family_vocab or {}

    def own_news(g: list[int]) -> bool:
        for k in g:
            fam = family_of.get(claims[k].document, claims[k].document)
            if any(entity_families.get(e, frozenset({fam})) <= {fam} for e in claims[k].entities):
                return True
            if vocab:
                elsewhere = [v for f, v in vocab.items() if f != fam]
                if any(all(n not in v for v in elsewhere) for n in _names(claims[k].text)):
                    return True
        return False

    def siblings(a: list[int], b: list[int]) -> bool:
        sa = {(claims[k].document, claims[k].sentence) for k in a}
        return any((claims[k].document, claims[k].sentence) in sa for k in b)

    docs = np.array([c.document for c in claims], dtype=object)
    # pairs of one document never count as support: mask them out once
    cross_doc = np.where(np.not_equal.outer(docs, docs), sim, -1.0) if len(claims) else sim
    news = [bool(g) and own_news(g) for g in out]
    # best link of every claim to every group (a column per group, refreshed when the group grows)
    to_group = np.full((len(claims), len(out)), -1.0)
    for t, g in enumerate(out):
        if g:
            to_group[:, t] = cross_doc[:, g].max(axis=1)

    def passes(s: int, t: int) -> float | None:
        """The strongest link when source group ``s`` may join target ``t``, else None."""
        src, tgt = out[s], out[t]
        cross = cross_doc[np.ix_(src, tgt)]
        values = np.sort(cross[cross > -1.0])[::-1]
        if not len(values):
            return None
        top = float(values[0])
        strict = len(fams[s]) > 1  # a multi-source group restating another: the first-pass bar
        if top < threshold + 0.07 * strict:
            return None
        # close to the target as a whole, or to two of its claims (a long target's members
        # each carry other facts too, which pulls the mean down)
        second = float(values[1]) if len(values) > 1 else 0.0
        if float(values.mean()) < average_threshold + 0.05 * strict and (
            strict or second < threshold - second_margin
        ):
            return None
        i, j = np.unravel_index(int(np.argmax(cross)), cross.shape)
        a, b = claims[src[int(i)]], claims[tgt[int(j)]]
        if not _people_agree(a, b, people) or not _places_agree(a, b, places) or siblings(src, tgt):
            return None
        if voices and not _voices_agree(src, tgt, voices):
            return None
        return top

    while True:
        best: tuple[float, int, int] | None = None
        for s, src in enumerate(out):
            if not src or news[s]:
                continue
            reach = to_group[src].max(axis=0)  # the strongest link to each group: a cheap bound
            for t in np.nonzero(reach >= threshold)[0].tolist():
                if t == s or not out[t]:
                    continue
                if not (len(fams[s]) == 1 or fams[s] <= fams[t]) or fams[t] <= fams[s]:
                    continue  # the source must add nothing the target lacks; the target something
                if best is not None and float(reach[t]) <= best[0]:
                    continue
                top = passes(s, t)
                if top is not None and (best is None or top > best[0]):
                    best = (top, s, t)
        if best is None:
            break
        _, s, t = best
        out[t] = sorted(out[t] + out[s], key=lambda k: (claims[k].document, claims[k].start))
        fams[t] |= fams[s]
        out[s], fams[s] = [], set()
        to_group[:, s] = -1.0
        to_group[:, t] = cross_doc[:, out[t]].max(axis=1)
    return [g for g in out if g]


def pronoun_referents(quotes: Sequence[Quote]) -> dict[tuple[str, int], str]:
    """(document, start of the pronoun) → Entity.id for every quote spoken by a pronoun linked to an entity.

    The quote stage already resolved "he" in "He said that …" to the person it refers to
    (or left it unresolved); a fact worded by that sentence reuses the answer instead of
    guessing again.
    """
    return {
        (q.document, q.speaker_span.start): q.speaker
        for q in quotes
        if q.speaker and q.speaker_span is not None and (q.speaker_text or "").lower() in SPEAKER_PRONOUNS
    }


def claim_voices(claims: Sequence[Claim], quotes: Sequence[Quote]) -> list[frozenset[str]]:
    """Entity ids of the speakers whose words each claim carries (a quote inside its parts).

    "“No reasonable prosecutor would not present this case to a grand jury.”" names nobody,
    but the quote stage knows whose words they are (Rudy Giuliani's, from the sentence
    before); a claim in the writer's own voice carries none.
    """
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for q in quotes:
        if q.speaker:
            by_doc[q.document].append((q.start, q.end, q.speaker))
    return [
        frozenset(
            speaker
            for start, end, speaker in by_doc.get(c.document, ())
            if any(start < e and s < end for s, e in c.parts)
        )
        for c in claims
    ]


def rejoin_needless_splits(
    claims: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    *,
    documents: Mapping[str, Document],
    family_of: Mapping[str, str] | None = None,
) -> tuple[list[Claim], list[list[int]]]:
    """Claims and groups with each split sentence that separated nothing made whole again.

    Splitting "deepen the partnership and strengthen cooperation" into two claims is worth it
    only when a clause meets other reports on its own, backed by other sources than its
    sibling. Two cases separate nothing, and in both the reader gets the sentence once, as
    written, instead of facts that repeat its shared start and may cut through a quotation:

    * no clause of the sentence joined any other claim;
    * its clauses landed in groups backed by the same independent sources (``family_of``):
      "… will continue to build on defense industrial cooperation and produce new
      innovations" told the same way by three outlets would otherwise be two facts with the
      same backing and nearly the same words. Those groups become one.

    Groups are returned with indices into the new claim list, in the same order.
    """
    family_of = family_of or {}
    groups = _merge_same_backing_splits(claims, groups, family_of=family_of)
    group_of = {k: g for g, idx in enumerate(groups) for k in idx}
    group_size = {k: len(g) for g in groups for k in g}
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, c in enumerate(claims):
        if not c.whole:
            by_sentence[(c.document, c.sentence)].append(k)
    lone = {
        key: ks
        for key, ks in by_sentence.items()
        if all(group_size.get(k, 1) == 1 for k in ks)
        or (len(ks) > 1 and len({group_of.get(k, -1 - k) for k in ks}) == 1)
    }
    if not lone:
        return list(claims), [list(g) for g in groups]
    new_claims: list[Claim] = []
    remap: dict[int, int] = {}
    for k, c in enumerate(claims):
        key = (c.document, c.sentence)
        if key not in lone:
            remap[k] = len(new_claims)
            new_claims.append(c)
            continue
        first = lone[key][0]
        if k != first:
            remap[k] = remap[first]
            continue
        parts = (c.sentence_span,)
        text = claim_text(documents[c.document], parts)
        remap[k] = len(new_claims)
        new_claims.append(
            replace(
                c,
                id=c.id.rsplit(".", 1)[0],
                parts=parts,
                text=text,
                whole=True,
                words=content_words(text),
                numbers=tuple(numbers_with_units(text)),
                entities=tuple(dict.fromkeys(e for j in lone[key] for e in claims[j].entities)),
            )
        )
    new_groups: list[list[int]] = []
    seen: set[int] = set()
    for g in groups:
        members = [m for m in dict.fromkeys(remap[k] for k in g) if m not in seen]
        if members:
            seen.update(members)
            new_groups.append(members)
    return new_claims, new_groups


def _merge_same_backing_splits(
    claims: Sequence[Claim], groups: Sequence[Sequence[int]], *, family_of: Mapping[str, str]
) -> list[list[int]]:
    """``groups`` with pairs of groups merged that one sentence, told the same way, split apart.

    Two groups merge when they are backed by the same families and every document found in
    both gives them two clauses of one sentence. A document that says the two things in two
    places keeps them apart: then they are two statements, even with the same backing.
    """
    group_of = {k: g for g, idx in enumerate(groups) for k in idx}
    backing = [frozenset(family_of.get(claims[k].document, claims[k].document) for k in g) for g in groups]
    # (group, document) -> the sentences of that document's claims in that group
    sentences: dict[tuple[int, str], set[int]] = defaultdict(set)
    split_in: dict[tuple[int, str], set[int]] = defaultdict(set)
    for k, g in group_of.items():
        c = claims[k]
        sentences[(g, c.document)].add(c.sentence)
        if not c.whole:
            split_in[(g, c.document)].add(c.sentence)
    docs_of = [{claims[k].document for k in g} for g in groups]
    parent = list(range(len(groups)))

    def find(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    # pairs of groups that hold clauses of one split sentence
    holders: dict[tuple[str, int], set[int]] = defaultdict(set)
    for (g, d), sents in split_in.items():
        for n in sents:
            holders[(d, n)].add(g)
    candidates = {(a, b) for held in holders.values() for a in held for b in held if a < b}
    for a, b in sorted(candidates):
        if backing[a] != backing[b]:
            continue
        shared = docs_of[a] & docs_of[b]
        if all(sentences[(a, d)] == sentences[(b, d)] == split_in[(a, d)] for d in shared):
            parent[find(b)] = find(a)
    merged: dict[int, list[int]] = {}
    for g, idx in enumerate(groups):
        merged.setdefault(find(g), []).extend(idx)
    return list(merged.values())


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


_SHARED_WEIGHT = 1.0


def canonical_claim(claims: Sequence[Claim], *, among: Sequence[Claim] = ()) -> Claim:
    """The clearest wording: a whole, attributed, self-contained sentence, not a fragment.

    With ``among`` (all the fact's claims, when ``claims`` are the few its wording must come
    from: the reports that hedge it), also the one that says most nearly what the other reports
    say rather than news of its own ("Webb, the man accused of shooting Ortiz, had been fired
    from the same bar last month" is one report's news beside the shooting the others tell)."""

    def shared(c: Claim) -> float:
        others = frozenset().union(*(o.words for o in among if o.document != c.document))
        return len(c.words & others) / len(c.words) if c.words and others else 1.0

    def clarity(c: Claim) -> float:
        words = len(c.text.split())
        score = 0.0
        # a whole sentence that names its subject reads alone; a clause or "He said ..." does not
        score += 1.5 if c.whole and len(c.parts) == 1 else 0.0
        score += -2.0 if _PRONOUN_START.match(c.text) else 0.0
        score -= 0.5 if CONTEXTUAL_START.match(c.text) else 0.0
        score += 1.0 if c.text[:1].isupper() or c.text[:1] in "\"“'‘" else -1.0
        score += 0.5 if _balanced(c.text) else -0.5
        score -= 0.5 if "..." in c.text or "…" in c.text else 0.0
        score += 0.5 if 8 <= words <= 40 else 0.0
        score += 0.3 if c.text.rstrip()[-1:] in ".!?" else 0.0
        score += 0.1 * min(len(c.entities), 3)
        score -= 0.3 * c.position
        score += _SHARED_WEIGHT * shared(c) if among else 0.0
        return score

    return max(claims, key=clarity)


def _inner_referent(
    claim: Claim, referents: Mapping[tuple[str, int], str], names: Mapping[str, str]
) -> tuple[str | None, int | None]:
    """A speaker pronoun inside the claim ("“…”, he said, “…”") and where its note goes in the text.

    Only when the claim does not name that speaker already: the note is for a reader who
    would otherwise not know who "he" is.
    """
    starts = {s for s, _ in claim.parts}
    found = sorted(
        (offset, eid)
        for (doc, at), eid in referents.items()
        # inside the claim, not where a part starts (a leading pronoun is the other case)
        if doc == claim.document and at not in starts and (offset := claim.local(at)) is not None
    )
    for offset, eid in found:
        word = re.match(r"\w+", claim.text[offset:])
        surname = _surname(eid, names)
        if word and (not surname or surname not in claim.text.lower()):
            return eid, offset + word.end()
    return None, None


def _quoted_speaker(
    claim: Claim, quotes: Sequence[tuple[int, int, str]], names: Mapping[str, str]
) -> str | None:
    """The speaker of the direct quotation the claim lies wholly inside, unless the claim names
    them. The quotation's span holds the words between the marks; the claim may carry the marks
    and the closing punctuation beyond them."""
    for start, end, eid in quotes:
        if all(start - 2 <= s and e <= end + 3 for s, e in claim.parts):
            surname = _surname(eid, names)
            return eid if surname and surname not in claim.text.lower() else None
    return None


def _surname(eid: str, names: Mapping[str, str]) -> str:
    """The last word of the entity's name, lower case ("" when it has none): what a claim
    that already names the person holds."""
    name = names.get(eid, "")
    return name.split()[-1].lower() if name else ""


def _balanced(text: str) -> bool:
    straight = text.count('"') % 2 == 0
    curly = text.count("“") == text.count("”")
    return straight and curly and text.count("(") == text.count(")")


_COPIED_MIN_WORDS = 10  # a sentence this long, word for word the same in two reports, was copied


def _sources(
    members: Sequence[Claim],
    family_of: Mapping[str, str],
    quoted: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> set[str]:
    """The independent sources behind a fact's claims: their documents' origin families, less
    those that back it only with the very sentence another family printed.

    Two reports whose families share no text overall may still share a sentence word for word
    (a paragraph lifted from a wire or a press release, a newsroom reusing its own copy the next
    day). That sentence is one origin's words, printed twice, not two confirmations; families
    that say the fact in words of their own still count one each. Quoted words are the
    speaker's, the same in every faithful report (``quoted``: direct quotations by document),
    so a claim inside quotation marks proves no copying."""
    quoted = quoted or {}
    parent: dict[str, str] = {}

    def find(f: str) -> str:
        while parent.get(f, f) != f:
            f = parent[f]
        return f

    first_with: dict[str, str] = {}
    for c in members:
        fam = family_of.get(c.document, c.document)
        plain = normalize_quotes(c.text)
        words = re.findall(r"\w+", plain.lower())
        if len(words) < _COPIED_MIN_WORDS or '"' in plain:
            continue
        if any(a < c.end and c.start < b for a, b in quoted.get(c.document, ())):
            continue
        key = " ".join(words)
        other = first_with.setdefault(key, fam)
        if find(other) != find(fam):
            parent[find(fam)] = find(other)
    return {find(family_of.get(c.document, c.document)) for c in members}


def _resting_on_unnamed(
    members: Sequence[Claim], unnamed: Mapping[str, Sequence[tuple[int, int]]]
) -> tuple[str, ...]:
    """The documents whose every claim among ``members`` carries words of an unnamed source:
    "…, three people familiar with the matter said" is the report's account of a leak."""
    out: dict[str, bool] = {}
    for c in members:
        spans = unnamed.get(c.document, ())
        inside = any(s < e2 and s2 < e for s, e in c.parts for s2, e2 in spans)
        out[c.document] = out.get(c.document, True) and inside
    return tuple(d for d, yes in out.items() if yes)


def _parse_of(
    document: str,
    annotated: Mapping[str, AnnotatedDocument],
    cache: dict[str, tuple[Any, list[int], list[tuple[int, int]]]],
) -> tuple[Any, list[int], list[tuple[int, int]]] | None:
    """The spaCy doc of ``document`` with its tokens' original offsets, computed once (None without a parse)."""
    adoc = annotated.get(document)
    if adoc is None or adoc.doc is None:
        return None
    if document not in cache:
        starts, spans = token_offsets(adoc)
        cache[document] = (adoc.doc, starts, spans)
    return cache[document]


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
    referents: Mapping[tuple[str, int], str] | None = None,
    names: Mapping[str, str] | None = None,
    quoted: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    speakers: Mapping[str, Sequence[tuple[int, int, str]]] | None = None,
    unnamed: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    hedges: Mapping[str, Sequence[Hedge]] | None = None,
    quotations: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    mentions: Mapping[str, Sequence[tuple[int, int, str]]] | None = None,
    annotated: Mapping[str, AnnotatedDocument] | None = None,
    id_prefix: str = "F",
) -> tuple[list[Fact], dict[int, str]]:
    """One :class:`Fact` per group, highest salience first, and each group's fact id.

    ``contested`` holds the indices of groups with a conflict inside. ``referents`` maps
    (document, start of a pronoun) to the Entity.id it refers to (:func:`pronoun_referents`);
    a fact whose wording starts with such a pronoun carries that id as ``antecedent``; one whose
    wording holds such a pronoun further in ("“…”, he said") carries it with ``antecedent_at``
    when the wording does not name that speaker (``names``: Entity.id → name). A family that
    backs the fact only with a sentence another family printed word for word, outside
    quotation marks (``quoted``: direct quotations by document), is no source of its own. A fact
    whose wording lies wholly inside a direct quotation with a known speaker (``speakers``:
    start, end, Entity.id by document) and does not name that speaker carries the speaker as
    ``antecedent`` with ``antecedent_at`` at its end: "“That's a smoking gun.” [Rudy Giuliani]"
    is someone's words, not the outlet's claim. ``hedges`` (by document): a fact that some
    documents only hedge ("allegedly", "may have") carries their cues as ``hedged``; when they
    are half its documents or more it is worded as one of them words it, never more surely.
    A fact backed by several origins lists the details of its wording that only its own origin
    tells (``single_source_details``; ``quotations``: direct and partial quotations by document,
    left out; ``mentions``: entity mentions by document, a name told when the entity is;
    ``annotated``: the documents' parses, to read a detail to the end of its phrase).
    """
    contested = contested or set()
    links = links or {}
    referents = referents or {}
    total = len(set(family_of.values())) or 1
    vocabulary: dict[str, frozenset[str]] = {}  # each document's content words, read once
    parses: dict[str, tuple[Any, list[int], list[tuple[int, int]]]] = {}  # and its tokens' offsets
    out: list[tuple[float, int, Fact]] = []
    for g, idx in enumerate(groups):
        members = [claims[k] for k in idx]
        docs = tuple(dict.fromkeys(c.document for c in members))
        fams = tuple(dict.fromkeys(family_of.get(d, d) for d in docs))
        sources = len(_sources(members, family_of, quoted))
        citations: list[Citation] = []
        for c in members:
            citations += c.citations(documents)
        status: Literal["corroborated", "single_source", "contested"]
        if g in contested:
            status = "contested"
        elif sources >= 2:
            status = "corroborated"
        else:
            status = "single_source"
        linked_docs = {claims[k].document for h in links.get(g, ()) for k in groups[h]}
        backing = {family_of.get(d, d) for d in linked_docs} | set(fams)
        score = salience(
            # linked facts lend half weight: they say it, but in other words or another place
            independent_sources=sources + 0.5 * (len(backing) - len(fams)),
            total_sources=total,
            centrality=float(np.mean([centrality[k] for k in idx])),
            position=min(c.position for c in members),
        )
        hedging = hedging_reports(members, hedges or {}, documents)
        # worded as the hedging reports word it when they are half of them or more
        mostly = 2 * len(hedging) >= len(docs)
        canon = (
            canonical_claim([c for c, _ in hedging.values()], among=members)
            if hedging and mostly
            else canonical_claim(members)
        )
        lead = len(canon.text) - len(canon.text.lstrip(" \"“‘'"))
        antecedent = (
            referents.get((canon.document, canon.start + lead)) if _PRONOUN_START.match(canon.text) else None
        )
        antecedent_at = None
        if antecedent is None:
            antecedent, antecedent_at = _inner_referent(canon, referents, names or {})
        if antecedent is None:
            antecedent = _quoted_speaker(canon, (speakers or {}).get(canon.document, ()), names or {})
            antecedent_at = len(canon.text) if antecedent else None
        fact = Fact(
            id="",
            text=canon.text,
            citations=tuple(citations),
            documents=docs,
            independent_sources=sources,
            status=status,
            families=fams,
            score=score,
            antecedent=antecedent,
            antecedent_at=antecedent_at,
            unnamed=_resting_on_unnamed(members, unnamed or {}),
            hedged=tuple(h for _, h in hedging.values()),
        )
        if status != "single_source":
            for d in docs:
                if d not in vocabulary and d in documents:
                    vocabulary[d] = content_words(documents[d].text)
            fact = replace(
                fact,
                single_source_details=single_source_details(
                    canon,
                    members,
                    documents=documents,
                    family_of=family_of,
                    # a hedge cue is named in the fact's hedged note, not again as a detail
                    quoted=[
                        *(quotations or {}).get(canon.document, ()),
                        *((h.start, h.end) for h in (hedges or {}).get(canon.document, ())),
                    ],
                    mentions=mentions,
                    vocabulary=vocabulary,
                    parse=_parse_of(canon.document, annotated or {}, parses),
                ),
            )
        out.append((score, g, fact))
    out.sort(key=lambda t: (-t[0], t[1]))
    ids = {g: f"{id_prefix}{k + 1}" for k, (_, g, _) in enumerate(out)}
    return [replace(f, id=ids[g]) for _, g, f in out], ids
