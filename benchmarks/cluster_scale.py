"""Clustering at scale: a synthetic corpus of 100k documents, batch and streaming.

Run: ``.venv/bin/python benchmarks/cluster_scale.py --docs 100000``

No corpus path: the documents are generated (deterministically, ``--seed``). Each story
has its own rare words, names and two or three passages; each document of a story
rewrites most of those passages (words dropped, some swapped for words of a shared
pool, order kept), adds sentences of background vocabulary (Zipf-distributed, shared by every story)
and carries entity mentions of the story's names (no spaCy: mentions are generated with
the text). Publication dates spread stories over 60 days. Gold = story.

Printed: batch time and peak RSS, B-cubed F1 against the generated gold, then streaming
(every document in one open window, a FixedClock so nothing closes) with the p50/p95/max
time of one assignment and the B-cubed agreement with batch.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _metrics import b_cubed, peak_rss_mib
from crosswire.models import AnnotatedDocument, Document, Mention

_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


def generate(n_docs: int, *, seed: int = 7) -> tuple[list[AnnotatedDocument], dict[str, str]]:
    """``n_docs`` documents in stories of 1–30 reports (heavy-tailed, mean ~5); returns documents (shuffled) and gold."""
    rng = random.Random(seed)
    background = list(dict.fromkeys(_word(rng, rng.randint(2, 3)) for _ in range(30_000)))
    cum: list[float] = []  # Zipf: a few background words everywhere, most rare
    for r in range(len(background)):
        cum.append((cum[-1] if cum else 0.0) + 1.0 / (r + 1))
    synonyms = list(dict.fromkeys(_word(rng, 3) for _ in range(3_000)))
    start = date(2025, 1, 1)

    def filler(k: int) -> str:
        return " ".join(rng.choices(background, cum_weights=cum, k=k)).capitalize() + "."

    adocs: list[AnnotatedDocument] = []
    gold: dict[str, str] = {}
    s = 0
    while len(adocs) < n_docs:
        s += 1
        sid = f"story{s}"
        topic = [_word(rng, 3) for _ in range(12)]
        names = [(_word(rng, 2).capitalize() + " " + _word(rng, 3).capitalize(), "PERSON") for _ in range(2)]
        names.append((_word(rng, 3).capitalize(), "GPE"))
        passages = [
            [names[k % len(names)][0], *rng.sample(topic, 8), *rng.choices(background[:3000], k=10)]
            for k in range(rng.randint(2, 3))
        ]
        day = start + timedelta(days=rng.randint(0, 59))
        size = min(n_docs - len(adocs), 30, int(rng.paretovariate(1.2) * 2))
        for k in range(size):
            parts = [filler(rng.randint(5, 12))]
            for p in passages:
                if rng.random() < 0.8:
                    # a rewrite keeps the passage's order, drops some words and swaps others
                    words = [
                        w if rng.random() > 0.1 else rng.choice(synonyms) for w in p if rng.random() > 0.15
                    ]
                    parts.append(" ".join(words) + ".")
                parts.append(filler(rng.randint(5, 15)))
            text = " ".join(parts)
            doc_id = f"{sid}-{k}"
            mentions = []
            for name, label in names:
                at = text.find(name)
                if at >= 0:
                    mentions.append(Mention(doc_id, at, at + len(name), name, label))
            published = (day + timedelta(days=rng.randint(0, 2))).isoformat()
            adocs.append(
                AnnotatedDocument(
                    document=Document(id=doc_id, text=text, published=published),
                    sentences=(),
                    mentions=tuple(sorted(mentions, key=lambda m: m.start)),
                )
            )
            gold[doc_id] = sid
    rng.shuffle(adocs)
    return adocs, gold


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--embedder", default="fake", help="fake (default: hashed bag of words), none, or a name")
    p.add_argument("--no-stream", action="store_true")
    p.add_argument("--no-batch", action="store_true", help="streaming only (no agreement with batch)")
    args = p.parse_args(argv)

    from crosswire.cluster.batch import cluster_documents
    from crosswire.cluster.features import ClusterConfig
    from crosswire.embedding import load_embedder

    t0 = time.perf_counter()
    adocs, gold = generate(args.docs, seed=args.seed)
    print(
        f"generated {len(adocs)} documents in {len(set(gold.values()))} stories ({time.perf_counter() - t0:.1f} s)"
    )
    print(f"peak RSS after generating: {peak_rss_mib():.0f} MiB")
    embedder = None if args.embedder == "none" else load_embedder(args.embedder)
    config = ClusterConfig()

    pred: dict[str, int] = {}
    if not args.no_batch:
        t1 = time.perf_counter()
        groups = cluster_documents(adocs, embedder=embedder, config=config)
        t_batch = time.perf_counter() - t1
        pred = {adocs[k].document.id: g for g, members in enumerate(groups) for k in members}
        _, _, f1 = b_cubed(gold, pred)
        print(
            f"batch: {len(groups)} stories in {t_batch:.1f} s; B3 F1 vs generated gold {f1:.3f}; "
            f"peak RSS {peak_rss_mib():.0f} MiB"
        )

    if not args.no_stream:
        from crosswire.cluster.stream import StreamingClusterer
        from crosswire.testing import FixedClock

        sc = StreamingClusterer(embedder, config=config, clock=FixedClock())
        ordered = sorted(adocs, key=lambda a: (a.document.published or "", a.document.id))
        times = []
        t2 = time.perf_counter()
        for a in ordered:
            t = time.perf_counter()
            sc.add(a)
            times.append(time.perf_counter() - t)
        total = time.perf_counter() - t2
        times.sort()
        q = lambda f: times[min(len(times) - 1, int(f * len(times)))] * 1000  # noqa: E731
        stream = {doc: s.id for s in sc.stories() for doc in s.documents}
        print(
            f"streaming: {len(adocs)} documents in {total:.1f} s, {sc.open_stories()} stories open at the end; "
            f"assignment p50 {q(0.5):.2f} ms, p95 {q(0.95):.2f} ms, max {times[-1] * 1000:.1f} ms"
        )
        vs_batch = f", vs batch {b_cubed(pred, stream)[2]:.3f}" if pred else ""
        print(
            f"streaming B3 F1 vs gold {b_cubed(gold, stream)[2]:.3f}{vs_batch}; peak RSS {peak_rss_mib():.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
