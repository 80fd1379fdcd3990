"""Details one source alone tells inside corroborated facts, on real multi-source stories (ECB+).

Run: ``.venv/bin/python benchmarks/details_ecbplus.py ../shared/data/ecbplus [--stories 13] [--sample 40] [--seed 0] [--list]``

A fact backed by several independent sources is shown in one report's wording, and that wording
may carry details the other origins do not tell ("Marcus Webb allegedly shot Daniel Ortiz after
an argument over an unpaid tab", where the other report says only that he is accused of shooting
him): ``Fact.single_source_details``. No corpus annotates this, so the figure is what a reader
judges by hand: per story the corroborated facts and those with such details, then a seeded
sample of ``--sample`` details (``--list``: all), each with its fact and the other reports'
sentences of it, to judge whether the other origins indeed do not tell it. The stories are the
largest ECB+ subtopics, each briefed from files as ``crosswire brief DIR`` would (as in
``conflicts_ecbplus.py``).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conflicts_ecbplus import brief_reports, largest_subtopics


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("data", type=Path, help="the ECB+ folder (doc_clusters.tsv and the XML files)")
    ap.add_argument("--stories", type=int, default=13)
    ap.add_argument("--min-tokens", type=int, default=150)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--list", action="store_true", help="print every detail")
    args = ap.parse_args(argv)

    from crosswire import pipeline
    from crosswire.config import load_config

    t0 = time.perf_counter()
    config = load_config()
    embedder = pipeline.load_models(config)
    found: list[tuple[str, str, str, list[str]]] = []  # (story, detail, fact wording, other wordings)
    n_backed = n_with = 0
    print(f"{'subtopic':<14} {'backed':>7} {'with':>5} {'details':>8}")
    for name, reports in largest_subtopics(
        args.data, stories=args.stories, min_tokens=args.min_tokens
    ).items():
        _, briefs = brief_reports(reports, config=config, embedder=embedder)
        backed = with_details = details = 0
        for brief in briefs:
            for f in brief.facts:
                if f.status == "single_source":
                    continue
                backed += 1
                if not f.single_source_details:
                    continue
                with_details += 1
                home = f.single_source_details[0].document
                others = [f"{c.document}: {c.text}" for c in f.citations if c.document != home]
                for c in f.single_source_details:
                    details += 1
                    found.append((name, f"{c.document}: «{c.text}»", f.text, others))
        n_backed += backed
        n_with += with_details
        print(f"{name:<14} {backed:>7} {with_details:>5} {details:>8}")
    print(
        f"\n{args.stories} subtopics: {n_backed} facts backed by two origins or more, {n_with} with details "
        f"one origin alone tells ({len(found)} details); {time.perf_counter() - t0:.0f} s"
    )
    shown = found if args.list else random.Random(args.seed).sample(found, min(args.sample, len(found)))
    for name, detail, wording, others in shown:
        print(f"\n{name} {detail}\n  fact:  {wording}")
        for o in others[:4]:
            print(f"  other: {o[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
