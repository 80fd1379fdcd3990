"""Extractive summary quality on Multi-News (ROUGE-1/2/L F1), crosswire vs LexRank and TextRank.

Usage::

    .venv/bin/python benchmarks/summary_multinews.py ../shared/data/multinews/dev.jsonl \
        [--sample 300] [--seed 0] [--all] [--embedder minilm-onnx] [--no-extract]

Per story (one line of the file: ``{idx, summary, documents[]}``) the documents become
``Document``s; they go through the brief's own code path — ``annotate.run`` (spaCy
sentences), ``extract.run`` (entities, dates, quotes: the summary's lead rule reads the
entities and the event date), ``align.align_story`` (claims, embeddings, facts with
corroboration) and ``brief.summary.summarize`` with a word budget equal to the reference
length and the brief's headline — and the output is truncated to the reference's word
count, as are the baselines. Each document is its own origin family (Multi-News gives no
provenance); ``--no-extract`` leaves the extraction empty, as the figures before 7 Dec 2026
did. LexRank (TF-IDF cosine graph, threshold 0.1, power iteration) and TextRank (TF-IDF cosine-weighted PageRank, d = 0.85)
are implemented here over the same sentences. ROUGE: ``rouge-score`` with the Porter
stemmer. The full dev half has 2,811 stories; by default a fixed random sample (seed 0)
of 300 is scored, which is what fits a shared two-core machine; ``--all`` scores every story.
Also printed: the share of summary sentences fully contained in their first citation.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np


def _sentences(adocs: Sequence[Any]) -> list[str]:
    return [s.text for a in adocs for s in a.sentences if len(s.text.split()) >= 4]


def _tfidf(sentences: Sequence[str]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english").fit_transform(sentences)


def lexrank(sentences: Sequence[str], *, threshold: float = 0.1, damping: float = 0.85) -> list[int]:
    """Sentence order by LexRank (Erkan & Radev 2004): thresholded cosine graph, power iteration."""
    x = _tfidf(sentences)
    sim = (x @ x.T).toarray()
    adj = (sim > threshold).astype(float)
    return _pagerank(adj, damping=damping)


def textrank(sentences: Sequence[str], *, damping: float = 0.85) -> list[int]:
    """Sentence order by TextRank (Mihalcea & Tarau 2004) with TF-IDF cosine edge weights."""
    x = _tfidf(sentences)
    sim = (x @ x.T).toarray()
    np.fill_diagonal(sim, 0.0)
    return _pagerank(sim, damping=damping)


def _pagerank(adj: np.ndarray, *, damping: float, iters: int = 100, tol: float = 1e-8) -> list[int]:
    n = adj.shape[0]
    rows = adj.sum(axis=1, keepdims=True)
    trans = np.divide(adj, rows, out=np.full_like(adj, 1.0 / max(n, 1)), where=rows > 0)
    p = np.full(n, 1.0 / n)
    for _ in range(iters):
        nxt = (1 - damping) / n + damping * trans.T @ p
        if np.abs(nxt - p).sum() < tol:
            p = nxt
            break
        p = nxt
    return sorted(range(n), key=lambda i: (-p[i], i))


def _take(sentences: Sequence[str], order: Sequence[int], budget: int) -> str:
    out: list[str] = []
    words = 0
    for i in order:
        out.append(sentences[i])
        words += len(sentences[i].split())
        if words >= budget:
            break
    return _truncate(" ".join(out), budget)


def _truncate(text: str, budget: int) -> str:
    return " ".join(text.split()[:budget])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", help="path to multinews/dev.jsonl")
    ap.add_argument("--sample", type=int, default=300, help="stories to score (fixed random sample)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--all", action="store_true", help="score every story")
    ap.add_argument("--embedder", default="minilm-onnx")
    ap.add_argument(
        "--no-extract",
        action="store_true",
        help="skip the extract stage (no entities, dates or quotes: the summary's lead rule is then "
        "off, as in the figures before 7 Dec 2026)",
    )
    args = ap.parse_args(argv)

    from rouge_score import rouge_scorer

    from crosswire import align, annotate, extract
    from crosswire.brief.headline import headline
    from crosswire.brief.summary import summarize
    from crosswire.embedding import load_embedder
    from crosswire.models import Document, Extraction, Story, StoryDocs

    lines = Path(args.data).read_text(encoding="utf-8").splitlines()
    stories = [json.loads(x) for x in lines if x.strip()]
    if not args.all and args.sample < len(stories):
        stories = random.Random(args.seed).sample(stories, args.sample)
    embedder = load_embedder(args.embedder)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    systems = ("crosswire", "lexrank", "textrank", "lead")
    scores: dict[str, dict[str, list[float]]] = {
        s: {"rouge1": [], "rouge2": [], "rougeL": []} for s in systems
    }
    contained = total_sentences = 0
    t0 = time.perf_counter()
    for n, rec in enumerate(stories, 1):
        docs = [
            Document(id=f"{rec['idx']}-{k}", text=t, path=f"{args.data}:{rec['idx']}")
            for k, t in enumerate(rec["documents"])
            if t.strip()
        ]
        if not docs:
            continue
        ref = rec["summary"]
        budget = len(ref.split())
        adocs = tuple(annotate.run(docs))
        story = Story(id=str(rec["idx"]), documents=tuple(d.id for d in docs))
        if args.no_extract:
            extraction = Extraction(StoryDocs(story, adocs), (), (), ())
        else:  # as the product runs: entities, dates and quotes first
            extraction = next(extract.run([StoryDocs(story, adocs)]))
        alignment = align.align_story(extraction, embedder=embedder)
        summary = summarize(alignment, max_sentences=100, max_words=budget, headline=headline(alignment))
        for s in summary:
            total_sentences += 1
            contained += bool(s.citations) and s.text in s.citations[0].text
        outputs = {"crosswire": _truncate(" ".join(s.text for s in summary), budget)}
        sents = _sentences(adocs)
        if sents:
            outputs["lexrank"] = _take(sents, lexrank(sents), budget)
            outputs["textrank"] = _take(sents, textrank(sents), budget)
        else:
            outputs["lexrank"] = outputs["textrank"] = ""
        # lead: the first sentences of each document in turn
        longest = max((len(a.sentences) for a in adocs), default=0)
        lead_order = [
            a.sentences[i].text
            for i in range(longest)
            for a in adocs
            if i < len(a.sentences) and len(a.sentences[i].text.split()) >= 4
        ]
        outputs["lead"] = _take(lead_order, range(len(lead_order)), budget) if lead_order else ""
        for system, out in outputs.items():
            sc = scorer.score(ref, out)
            for k in ("rouge1", "rouge2", "rougeL"):
                scores[system][k].append(sc[k].fmeasure * 100)
        if n % 25 == 0:
            r = scores["crosswire"]
            print(
                f"  {n}/{len(stories)} stories, {time.perf_counter() - t0:.0f}s — crosswire R1 "
                f"{statistics.mean(r['rouge1']):.2f} R2 {statistics.mean(r['rouge2']):.2f}",
                file=sys.stderr,
            )
    elapsed = time.perf_counter() - t0
    print(
        f"Multi-News dev: {len(stories)} stories (seed {args.seed}{', all' if args.all else ''}), {elapsed:.0f}s"
    )
    print(f"{'system':<10} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8}")
    for system in systems:
        r = scores[system]
        if r["rouge1"]:
            print(
                f"{system:<10} {statistics.mean(r['rouge1']):8.2f} {statistics.mean(r['rouge2']):8.2f} "
                f"{statistics.mean(r['rougeL']):8.2f}"
            )
    share = 100.0 * contained / total_sentences if total_sentences else 0.0
    print(
        f"summary sentences fully contained in their citation: {contained}/{total_sentences} = {share:.1f}%"
    )
    print("published (Multi-News paper, test set): LexRank 38.3/12.7, TextRank 38.4/13.1 (ROUGE-1/2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
