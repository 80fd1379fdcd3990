"""Origin families: which documents of one story come from the same origin.

Input → output: the documents of ONE story → ``tuple[Family, ...]``; the number of
families is the number of independent sources.

Five articles that rewrite one wire report are one source, not five. Documents are joined
(union-find) by *strong* evidence only:

``duplicate``
    same exact hash, or MinHash Jaccard ≥ ``duplicate_jaccard`` (from ``dedup``).
``text-reuse``
    sentence-level reuse (:mod:`crosswire.cluster.reuse`): at least
    ``min_narrative_pairs`` aligned sentence pairs whose shared words are *narrative* —
    not inside any quotation of the story — and those pairs are ≥ ``min_share`` of the
    shorter document's substantive sentences. Quotes are shared by nature; outlets that
    independently report the same quotes are not joined.
``credit``
    two documents credited to the same agency (``Document.credit`` or an in-text credit:
    "(PTI)", "Based on a PTI report", "with inputs from Reuters" — see
    :mod:`crosswire.cluster.credit`); or a credited document and the story's *wire-style*
    uncredited report (a "Place, Month Day" dateline and no outlet credit) when the
    credited document's sentences match it (quote-derived matches count here) for at
    least ``credit_support`` of its substantive sentences — the credit says where the
    text came from, the overlap says which document of the story that is.
``publisher``
    same outlet (``Document.source``/``site_name``/URL domain): one newsroom is one source.

Duplicates, credits and publishers join outright. Text reuse joins two groups only when most
document pairs across them share some narrative text (``min_affinity``): a report that mixes
two wires reuses both, but the wires' own reports share nothing, and chaining every reuse
link would count AP and AFP as one source. The mixed report joins the side it reuses most.
Nor does text reuse ever join copies credited to different agencies: AP's and Reuters' reports
of one quake share its figures and officials ("killing at least 12 people", "civil protection
chief Fabrizio Curcio said") because both report them, not because one copied the other.

Each family names its origin (a member that is the agency's own copy, else the member
the credit points to, else the earliest published, else the one the others reuse most;
or the agency's name when only rewrites are present), a human label (agency, publisher,
or the origin's source), every piece of evidence with exact citations, and a confidence:
for a joined family the mean strength of the evidence that joined it; for a single
document, how clearly it stands apart (1 − half its largest sentence overlap with any
other document).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from crosswire.cluster.credit import CreditMention, document_credit
from crosswire.cluster.reuse import Passage, Reuse, align, passages, quote_pool
from crosswire.dedup.near import order_key
from crosswire.dedup.sketch import MinHashSignature
from crosswire.models import Citation, Document, Evidence, Family

__all__ = ["find_families", "publisher_key", "publisher_name", "wire_dateline"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on", "by", "and"}
_DATELINE = re.compile(
    rf"(?P<place>(?:[A-Z][a-z]+|[A-Z]{{2,}})(?:[ -](?:[A-Z][a-z]+|[A-Z]{{2,}})){{0,2}}),?\s+{_MONTH}\s+\d{{1,2}}\b"
    r"(?=\s*(?:\([^)]{1,40}\)\s*)?(?:[-—–:]\s*)?[A-Z\"“])"
)


def _publisher(doc: Document) -> str | None:
    """The first field that names the outlet, as written: the source, else the site name,
    else the URL's host; without "www."."""
    for value in (doc.source, doc.site_name, doc.url):
        v = (value or "").strip()
        if "://" in v:
            v = urlsplit(v).hostname or ""
        v = re.sub(r"(?i)^www\.", "", v).strip(" /")
        if v:
            return v
    return None


def publisher_key(doc: Document) -> str | None:
    """The outlet as one comparable key: ``"www.Reuters.com"``, ``"https://reuters.com/x"`` → ``"reuters.com"``."""
    name = _publisher(doc)
    return name.casefold() if name else None


def publisher_name(doc: Document) -> str | None:
    """The outlet as a reader knows it, from the field :func:`publisher_key` reads: the source as
    written ("Al Jazeera", not the key's "al jazeera"), a host in lower case."""
    name = _publisher(doc)
    if name and "." in name and " " not in name:
        return name.lower()  # a host written as the source ("www.TheHindu.com") reads as one
    return name


def wire_dateline(doc: Document, *, head: int = 200) -> tuple[int, int] | None:
    """Original-text span of a wire-style dateline ("Washington, July 2") near the start, if any.

    The clean stage may have cut the dateline from the body (and set ``dateline_place``),
    so this looks at ``Document.text``; with ``dateline_place`` set and no "Place, Month
    Day" form found, the place's first occurrence near the start is the span.
    """
    m = _DATELINE.search(doc.text, 0, head)
    if m is not None and m.group("place").split()[0].casefold() not in _WEEKDAY:
        return m.start(), m.end()
    if doc.dateline_place:
        at = doc.text.find(doc.dateline_place, 0, head + len(doc.dateline_place))
        if at >= 0:
            return at, at + len(doc.dateline_place)
    return None


@dataclass(frozen=True, slots=True)
class _Doc:
    doc: Document
    passages: list[Passage]
    credit: CreditMention | None
    publisher: str | None
    dateline: tuple[int, int] | None  # original-text span

    @property
    def is_agency_copy(self) -> bool:
        """The agency's own copy: its credit is a dateline credit ("DALLAS (AP) —")."""
        return self.credit is not None and self.credit.kind == "dateline"


@dataclass(frozen=True, slots=True)
class _Edge:
    a: int
    b: int
    evidence: Evidence
    strength: float
    origin: int | None = None  # the member this evidence names as the origin, if it names one


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _reuse_citations(
    a: _Doc, b: _Doc, reuse: Reuse, *, narrative_only: bool, limit: int
) -> tuple[Citation, ...]:
    cites: list[Citation] = []
    for pair in reuse.pairs:
        if narrative_only and not pair.is_narrative:
            continue
        pa, pb = a.passages[pair.a], b.passages[pair.b]
        cites += [a.doc.cite_body(pa.start, pa.end), b.doc.cite_body(pb.start, pb.end)]
        if len(cites) >= 2 * limit:
            break
    return tuple(cites)


def _credit_citation(d: _Doc) -> tuple[Citation, ...]:
    c = d.credit
    if c is None or c.end <= c.start:
        return ()
    return (d.doc.cite(c.start, c.end),)


def _minhash_jaccard(a: Document, b: Document) -> float:
    fa, fb = a.fingerprint, b.fingerprint
    if fa is None or fb is None:
        return 0.0
    if fa.exact == fb.exact:
        return 1.0
    if isinstance(fa.minhash, MinHashSignature) and isinstance(fb.minhash, MinHashSignature):
        return fa.minhash.jaccard(fb.minhash)
    return 0.0


def _edges(
    docs: list[_Doc],
    reuse: dict[tuple[int, int], Reuse],
    *,
    min_share: float,
    min_narrative_pairs: int,
    credit_support: float,
    duplicate_jaccard: float,
    max_citations: int,
) -> list[_Edge]:
    edges: list[_Edge] = []
    n = len(docs)
    for i in range(n):
        for j in range(i + 1, n):
            a, b = docs[i], docs[j]
            ids = (a.doc.id, b.doc.id)
            jac = _minhash_jaccard(a.doc, b.doc)
            if jac >= duplicate_jaccard:
                edges.append(
                    _Edge(
                        i,
                        j,
                        Evidence("duplicate", f"{ids[1]} repeats {ids[0]} (Jaccard {jac:.2f})", ids, (), jac),
                        jac,
                    )
                )
            r = reuse[i, j]
            if jac < duplicate_jaccard and r.narrative_pairs >= min_narrative_pairs and r.share >= min_share:
                desc = (
                    f"{r.narrative_pairs} of {r.substantive} sentences reused between {ids[0]} and {ids[1]} "
                    f"(narrative, not quotation; {len(r.pairs)} sentence pairs in all)"
                )
                cites = _reuse_citations(a, b, r, narrative_only=True, limit=max_citations)
                edges.append(
                    _Edge(
                        i,
                        j,
                        Evidence("text-reuse", desc, ids, cites, round(r.share, 3)),
                        min(1.0, 0.5 + r.share),
                    )
                )
            if a.publisher and a.publisher == b.publisher:
                edges.append(
                    _Edge(
                        i,
                        j,
                        Evidence(
                            "publisher",
                            f"{ids[0]} and {ids[1]} both published by {publisher_name(a.doc)}",
                            ids,
                            (),
                            0.95,
                        ),
                        0.95,
                    )
                )
            if a.credit and b.credit and a.credit.agency == b.credit.agency:
                desc = f"{ids[0]} and {ids[1]} both credited to {a.credit.agency}"
                cites = (*_credit_citation(a), *_credit_citation(b))
                edges.append(_Edge(i, j, Evidence("credit", desc, ids, cites, 0.85), 0.85))
    # A credited rewrite and the story's uncredited wire-style report it matches best.
    for i in range(n):
        edge = _wire_edge(i, docs, reuse, credit_support=credit_support, max_citations=max_citations)
        if edge is not None:
            edges.append(edge)
    return edges


def _wire_edge(
    i: int,
    docs: list[_Doc],
    reuse: dict[tuple[int, int], Reuse],
    *,
    credit_support: float,
    max_citations: int,
) -> _Edge | None:
    """Join credited document ``i`` to the wire-style report its sentences match best, if any."""
    a = docs[i]
    if a.credit is None or a.is_agency_copy:
        return None
    best: tuple[float, int, tuple[int, int]] | None = None
    for j, b in enumerate(docs):
        if j == i or b.dateline is None or (b.credit is not None and b.credit.agency != a.credit.agency):
            continue
        support = reuse[min(i, j), max(i, j)].support
        if support >= credit_support and (best is None or support > best[0]):
            best = (support, j, b.dateline)
    if best is None:
        return None
    support, j, (ds, de) = best
    b = docs[j]
    r = reuse[min(i, j), max(i, j)]
    # How well the credited document matches any *other* document: if it matches one as
    # well as the wire-style report, the text does not single the report out, and the
    # join rests mostly on the credit — say so, and trust it less.
    rival = max(
        ((reuse[min(i, k), max(i, k)].support, k) for k in range(len(docs)) if k not in (i, j)),
        default=(0.0, -1),
    )
    first, second = (a, b) if i < j else (b, a)
    # how many of the matching sentences are narrative, which quotations shared by nature are not
    inside = (
        "all of them inside quotations"
        if r.narrative_pairs == 0
        else f"{r.narrative_pairs} of them outside quotations"
    )
    desc = (
        f"{a.doc.id} credits {a.credit.agency}; {b.doc.id} is the story's wire-style report "
        f"(dateline {b.doc.text[ds:de]!r}) and {len(r.pairs)} of {r.substantive} sentences "
        f"match it, {inside}"
    )
    if rival[0] >= support:
        desc += (
            f"; but its sentences match {docs[rival[1]].doc.id} at least as closely ({rival[0]:.2f} "
            f"against {support:.2f}), so the join rests mostly on the credit"
        )
    reused = _reuse_citations(first, second, r, narrative_only=False, limit=max_citations)
    cites = (*_credit_citation(a), b.doc.cite(ds, de), *reused)
    evidence = Evidence("credit", desc, (a.doc.id, b.doc.id), cites, round(support, 3))
    strength = min(0.9, 0.4 + support * min(1.0, support / rival[0] if rival[0] else 1.0))
    return _Edge(i, j, evidence, strength, origin=j)


def _origin(members: list[int], docs: list[_Doc], edges: list[_Edge]) -> tuple[int | None, str | None]:
    """(member index judged the origin, agency name when the origin is an agency not in the story)."""
    copies = [m for m in members if docs[m].is_agency_copy]
    if copies:
        return min(copies, key=lambda m: order_key(docs[m].doc, m)), None
    pointed = [e.origin for e in edges if e.origin is not None]
    if pointed:
        return min(pointed, key=lambda m: order_key(docs[m].doc, m)), None
    agencies = Counter(c.agency for m in members if (c := docs[m].credit) is not None)
    text_edges = [e for e in edges if e.evidence.kind in {"text-reuse", "duplicate"}]
    if agencies and not text_edges:
        return None, agencies.most_common(1)[0][0]
    dated = [m for m in members if docs[m].doc.published]
    if dated:
        return min(dated, key=lambda m: order_key(docs[m].doc, m)), None
    reused = Counter[int]()
    for e in text_edges:
        reused[e.a] += 1
        reused[e.b] += 1
    return max(members, key=lambda m: (reused[m], -m)), None


def _group(
    n: int,
    edges: list[_Edge],
    reuse: dict[tuple[int, int], Reuse],
    credits: Sequence[str | None],
    *,
    min_affinity: float,
) -> list[list[int]]:
    """Partition the documents into families, each a sorted list of indices, by first member.

    A duplicate, a shared credit or a shared publisher joins outright: each names one
    origin. Text reuse joins two groups only when more than ``min_affinity`` of the document
    pairs across them share some narrative text (one sentence pair is enough) — why: a
    report that mixes two wires (AP's casualty figures, AFP's quotes) reuses both, and
    joining every reuse link would chain the two wires' families into one "source", while
    their own reports share nothing. Such a report joins the side it reuses most (edges are
    taken strongest first); the two wires stay two sources. Two groups credited to different
    agencies (and none in common) are never joined by text reuse: each names its origin.
    """
    uf = _UnionFind(n)
    linked = {(e.a, e.b) for e in edges} | {(e.b, e.a) for e in edges}
    for e in edges:
        if e.evidence.kind != "text-reuse":
            uf.union(e.a, e.b)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(uf.find(i), []).append(i)

    def affine(x: int, y: int) -> bool:
        return (x, y) in linked or reuse[min(x, y), max(x, y)].narrative_pairs > 0

    text = sorted(
        (e for e in edges if e.evidence.kind == "text-reuse"), key=lambda e: (-e.strength, e.a, e.b)
    )
    for e in text:
        ra, rb = uf.find(e.a), uf.find(e.b)
        if ra == rb:
            continue
        group_a, group_b = members[ra], members[rb]
        agencies_a = {credits[x] for x in group_a} - {None}
        agencies_b = {credits[x] for x in group_b} - {None}
        if agencies_a and agencies_b and agencies_a.isdisjoint(agencies_b):
            continue  # two wires' own accounts of one event
        shared = sum(affine(x, y) for x in group_a for y in group_b)
        if shared <= min_affinity * len(group_a) * len(group_b):
            continue
        uf.union(ra, rb)
        root = uf.find(ra)
        members[root] = sorted(members.pop(ra) + members.pop(rb))
    return sorted(members.values(), key=lambda m: m[0])


def find_families(
    documents: Sequence[Document],
    *,
    min_share: float = 0.25,
    min_narrative_pairs: int = 2,
    credit_support: float = 0.3,
    duplicate_jaccard: float = 0.6,
    min_affinity: float = 0.5,
    max_citations: int = 6,
) -> tuple[Family, ...]:
    """The origin families of one story's documents, in order of their first member."""
    if not documents:
        return ()
    seen: set[str] = set()
    for d in documents:
        if d.id in seen:
            raise ValueError(f"document id {d.id!r} appears twice in the story; ids must be unique")
        seen.add(d.id)
    docs = [
        _Doc(d, passages(d.body), document_credit(d), publisher_key(d), wire_dateline(d)) for d in documents
    ]
    pool = quote_pool(x.passages for x in docs)
    n = len(docs)
    reuse = {
        (i, j): align(docs[i].passages, docs[j].passages, pool=pool)
        for i in range(n)
        for j in range(i + 1, n)
    }
    edges = _edges(
        docs,
        reuse,
        min_share=min_share,
        min_narrative_pairs=min_narrative_pairs,
        credit_support=credit_support,
        duplicate_jaccard=duplicate_jaccard,
        max_citations=max_citations,
    )
    credits = [d.credit.agency if d.credit is not None else None for d in docs]
    components = _group(n, edges, reuse, credits, min_affinity=min_affinity)

    families: list[Family] = []
    for members in components:
        inside = [e for e in edges if e.a in members and e.b in members]
        origin_i, agency = _origin(members, docs, inside)
        if len(members) == 1:
            i = members[0]
            overlap = max((reuse[min(i, j), max(i, j)].support for j in range(n) if j != i), default=0.0)
            confidence = max(0.0, 1.0 - 0.5 * min(1.0, overlap))
        else:
            confidence = sum(e.strength for e in inside) / len(inside)
        credited = Counter(c.agency for m in members if (c := docs[m].credit) is not None)
        origin_doc = docs[origin_i].doc if origin_i is not None else None
        label: str | None
        if credited:
            label = credited.most_common(1)[0][0]
        elif any(e.evidence.kind == "publisher" for e in inside):
            label = publisher_name(docs[members[0]].doc)
        elif origin_doc is not None:
            label = publisher_name(origin_doc) or origin_doc.id
        else:
            label = agency
        families.append(
            Family(
                id=f"f-{docs[members[0]].doc.id}",
                members=tuple(docs[m].doc.id for m in members),
                origin=origin_doc.id if origin_doc is not None else agency,
                evidence=tuple(e.evidence for e in inside),
                confidence=round(confidence, 3),
                label=label,
            )
        )
    return tuple(families)
