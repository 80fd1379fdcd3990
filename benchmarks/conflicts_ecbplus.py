"""Conflicts and contested facts on real multi-source stories: ECB+ subtopics briefed as a user would.

Run: ``.venv/bin/python benchmarks/conflicts_ecbplus.py ../shared/data/ecbplus [--stories 13] [--list]``

ECB+ has no conflict annotation, so this is not a precision score: it counts what a reader of
each brief is told is contested, and ``--list`` prints every conflict with its evidence so that
each can be judged by hand (the figures and the hand judgement are in ``docs/benchmarks.md``).
``sources`` is the largest story's count of independent sources (origin families) over its reports.
The subtopics with the most reports (``--stories``, each 9 to 15 reports of one real event)
are detokenised as in ``cluster_ecbplus.py`` and each is run through the whole flow
(``pipeline.read`` … ``pipeline.briefs``, as ``crosswire brief DIR`` would), from files written
to a temporary folder. Known artefacts of the detokenisation, not of crosswire: decimal numbers
come back as "6. 1" and thousands as "1, 000", and each text starts with its URL and title.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_ecbplus import load
from crosswire.models import Document


def largest_subtopics(
    data_dir: Path, *, stories: int, min_tokens: int, skip: int = 0
) -> dict[str, list[Document]]:
    """The ECB+ ("ecbplus" half) subtopics with the most reports longer than ``min_tokens``
    tokens, most reports first: ``stories`` of them after leaving out the ``skip`` largest."""
    docs, gold, _ = load(data_dir)
    tokens = {}
    with (data_dir / "doc_clusters.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            tokens[row["doc_id"]] = int(row["n_tokens"])
    by_story: dict[str, list[Document]] = collections.defaultdict(list)
    for d in docs:
        if gold[d.id].endswith("ecbplus") and tokens[d.id] > min_tokens:
            by_story[gold[d.id]].append(d)
    chosen = sorted(by_story, key=lambda k: (-len(by_story[k]), k))[skip : skip + stories]
    return {k: by_story[k] for k in chosen}


def brief_reports(reports: list[Document], *, config: Any, embedder: Any) -> tuple[list[Document], list[Any]]:
    """The reports through the whole flow, as ``crosswire brief DIR`` reads them from files:
    the documents as read, and the briefs of the stories they make."""
    from crosswire import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        for d in reports:
            (Path(tmp) / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
        documents = pipeline.read([tmp], config=config)
        briefs = list(
            pipeline.briefs(
                pipeline.stories(documents, config=config, embedder=embedder),
                config=config,
                embedder=embedder,
            )
        )
    return documents, briefs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path, help="the ecbplus folder (doc_clusters.tsv, ECB+/)")
    ap.add_argument("--stories", type=int, default=13, help="how many subtopics, most reports first")
    ap.add_argument("--min-tokens", type=int, default=150, help="leave out shorter reports")
    ap.add_argument("--list", action="store_true", help="print every conflict with its first citation")
    args = ap.parse_args(argv)

    from crosswire import pipeline
    from crosswire.config import load_config

    by_story = largest_subtopics(args.data_dir, stories=args.stories, min_tokens=args.min_tokens)
    chosen = list(by_story)

    config = load_config()
    embedder = pipeline.load_models(config)
    kinds: collections.Counter[str] = collections.Counter()
    contested = facts = reports = 0
    t0 = time.perf_counter()
    print(
        f"{'subtopic':12} {'reports':>7} {'dated':>5} {'stories':>7} {'sources':>7} {'event date':>10} "
        f"{'facts':>5} {'contested':>9}  conflicts"
    )
    dated = with_event_date = 0
    for key in chosen:
        documents, briefs = brief_reports(by_story[key], config=config, embedder=embedder)
        here: collections.Counter[str] = collections.Counter()
        n_contested = sum(1 for b in briefs for f in b.facts if f.status == "contested")
        for b in briefs:
            here.update(c.kind for c in b.conflicts)
            facts += len(b.facts)
        kinds.update(here)
        contested += n_contested
        reports += len(by_story[key])
        n_facts = sum(len(b.facts) for b in briefs)
        n_dated = sum(d.published is not None for d in documents)
        event = briefs[0].event_date if briefs else None  # the largest story's
        # independent sources (origin families) of the largest story, of its reports
        sources = f"{briefs[0].story.independent_sources}/{len(briefs[0].story.documents)}" if briefs else "-"
        dated += n_dated
        with_event_date += event is not None
        print(
            f"{key:12} {len(by_story[key]):7d} {n_dated:5d} {len(briefs):7d} {sources:>7} {event or 'unknown':>10} "
            f"{n_facts:5d} {n_contested:9d}  "
            + (", ".join(f"{k} {v}" for k, v in sorted(here.items())) or "-")
        )
        if args.list:
            for b in briefs:
                for c in b.conflicts:
                    print(f"    {c.kind}: {c.description}")
                    for side in c.sides:
                        cite = side.citations[0] if side.citations else None
                        print(
                            f"      {side.value!r}: {cite.text[:140]!r}" if cite else f"      {side.value!r}"
                        )
    print(
        f"\n{len(chosen)} subtopics, {reports} reports ({dated} with a publication date), "
        f"{with_event_date} with an event date; {facts} facts: {contested} contested; conflicts "
        + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
        + f" (total {sum(kinds.values())}); {time.perf_counter() - t0:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
