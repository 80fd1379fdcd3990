"""Fact alignment against ECB+ cross-document event coreference: are the claims a fact groups the same event?

Run: ``.venv/bin/python benchmarks/align_ecbplus.py ../shared/data/ecbplus [--stories 13]``

A fact says that several reports tell one thing; its corroboration count rests on that. ECB+
annotates, in selected sentences of each report, the mentions of actions (events) and links
those that refer to the same real event across reports (``CROSS_DOC_COREF`` chains, ``ACT…``).
That gives a gold, though a loose one, for pairs of sentences: two sentences of different
reports *tell the same event* when they mention one chain. Scored on the pairs of sentences
of different reports where both sentences carry an annotated action:

- **pair precision**: of the pairs a fact puts together (a claim of each, in the same fact),
  the share whose sentences share an event chain;
- **pair recall**: of the gold pairs (sentences sharing a chain), the share a fact puts
  together. Recall is low by nature: a sentence mentions several events and a fact takes one
  claim per report, so most gold pairs are not the same *claim*; precision is the figure that
  says whether corroboration counts are earned.

The subtopics with the most reports are run through the whole flow (as ``crosswire brief
DIR``), from files written to a temporary folder, as ``conflicts_ecbplus.py`` does.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_ecbplus import _TOKEN
from conflicts_ecbplus import brief_reports, largest_subtopics

_MARKABLE = re.compile(r'<(ACTION_[A-Z_]+) m_id="(\d+)"\s*>(.*?)</\1>', re.S)
_ANCHOR = re.compile(r'<token_anchor t_id="(\d+)"')
_TOKEN_SENT = re.compile(r'<token t_id="(\d+)" sentence="(\d+)"')
_CHAIN = re.compile(r'<CROSS_DOC_COREF r_id="\d+" note="(ACT[^"]*)"\s*>(.*?)</CROSS_DOC_COREF>', re.S)
_SOURCE = re.compile(r'<source m_id="(\d+)"')


def event_chains(xml: str) -> dict[int, set[str]]:
    """Sentence index (in order of appearance, as ``load`` lays the text out) → the event chains it mentions."""
    order: dict[str, int] = {}
    for sent, _ in _TOKEN.findall(xml):
        order.setdefault(sent, len(order))
    sent_of_token = {t: s for t, s in _TOKEN_SENT.findall(xml)}
    sentence_of_markable: dict[str, int] = {}
    for _, mid, body in _MARKABLE.findall(xml):
        anchors = _ANCHOR.findall(body)
        if anchors and anchors[0] in sent_of_token:
            sentence_of_markable[mid] = order[sent_of_token[anchors[0]]]
    out: dict[int, set[str]] = collections.defaultdict(set)
    for chain, body in _CHAIN.findall(xml):
        for mid in _SOURCE.findall(body):
            if mid in sentence_of_markable:
                out[sentence_of_markable[mid]].add(chain)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path, help="the ecbplus folder (doc_clusters.tsv, ECB+/)")
    ap.add_argument("--stories", type=int, default=13, help="how many subtopics, most reports first")
    ap.add_argument("--skip", type=int, default=0, help="leave out the N largest subtopics (a held-out set)")
    ap.add_argument("--min-tokens", type=int, default=150, help="leave out shorter reports")
    ap.add_argument("--top", type=int, default=0, help="also print the N most-sourced facts of each story")
    args = ap.parse_args(argv)

    from crosswire import pipeline
    from crosswire.config import load_config

    by_story = largest_subtopics(
        args.data_dir, stories=args.stories, min_tokens=args.min_tokens, skip=args.skip
    )
    chosen = list(by_story)
    # ``load`` lays a report out one sentence a line, in the order of its XML (Document.path)
    spans: dict[str, list[tuple[int, int]]] = {}
    for docs in by_story.values():
        for d in docs:
            starts = [0] + [m.end() for m in re.finditer("\n", d.text)]
            spans[d.id] = [(a, b - 1) for a, b in itertools.pairwise(starts)]

    config = load_config()
    embedder = pipeline.load_models(config)
    t0 = time.perf_counter()
    tp = fp = gold_pairs = found = 0
    sourced = collections.Counter()  # facts by independent sources
    print(f"{'subtopic':12} {'reports':>7} {'facts≥2':>7} {'pairs':>6} {'P':>6} {'R':>6}")
    for key in chosen:
        chains = {d.id: event_chains(Path(d.path).read_text(encoding="utf-8")) for d in by_story[key]}

        def sentence(doc: str, start: int) -> int | None:
            for k, (a, b) in enumerate(spans[doc]):
                if a <= start < b:
                    return k
            return None

        _, briefs = brief_reports(by_story[key], config=config, embedder=embedder)
        together: set[tuple[tuple[str, int], tuple[str, int]]] = set()
        s_tp = s_fp = n_multi = 0
        for b in briefs:
            for f in b.facts:
                sourced[min(f.independent_sources, 6)] += 1
                members = {(c.document, sentence(c.document, c.start)) for c in f.citations}
                members = {(d, s) for d, s in members if s is not None and chains[d].get(s)}
                n_multi += len({d for d, _ in members}) >= 2
                for x in members:
                    for y in members:
                        if x < y and x[0] != y[0]:
                            together.add((x, y))
                            if chains[x[0]][x[1]] & chains[y[0]][y[1]]:
                                s_tp += 1
                            else:
                                s_fp += 1
            for f in sorted(b.facts, key=lambda f: -f.independent_sources)[: args.top]:
                print(f"    {f.independent_sources} | {f.text[:110]}")
        annotated = [(d, s) for d in chains for s in chains[d] if chains[d][s]]
        s_gold = s_found = 0
        for x in annotated:
            for y in annotated:
                if x < y and x[0] != y[0] and chains[x[0]][x[1]] & chains[y[0]][y[1]]:
                    s_gold += 1
                    s_found += (x, y) in together
        tp, fp, gold_pairs, found = tp + s_tp, fp + s_fp, gold_pairs + s_gold, found + s_found
        p = s_tp / (s_tp + s_fp) if s_tp + s_fp else 0.0
        r = s_found / s_gold if s_gold else 0.0
        print(f"{key:12} {len(by_story[key]):7d} {n_multi:7d} {s_tp + s_fp:6d} {p:6.3f} {r:6.3f}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = found / gold_pairs if gold_pairs else 0.0
    print(
        f"\n{len(chosen)} subtopics: fact pairs {tp + fp} (both sentences annotated), pair precision "
        f"{p:.3f}, pair recall {r:.3f} of {gold_pairs} gold pairs; facts by independent sources "
        + ", ".join(f"{k}{'+' if k == 6 else ''}: {v}" for k, v in sorted(sourced.items()))
        + f"; {time.perf_counter() - t0:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
