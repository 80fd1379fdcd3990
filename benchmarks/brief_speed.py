"""Wall time of `crosswire brief`: the bundled example cold, and one 50-document story.

Usage::

    .venv/bin/python benchmarks/brief_speed.py [examples/hegseth-jaishankar] [--docs 50] [--runs 3] [--annotate]

1. Cold: ``crosswire brief DIR --format html`` as a fresh process (model loads included),
   best and median of ``--runs``. Goal ≤ 5 s.
2. A 50-document story: the seed reports rewritten into ``--docs`` distinct documents
   (each a deterministic reshuffle of one seed's paragraphs under a new id, so they tell the
   same story without being byte-identical), written to a temporary folder and briefed in a
   fresh process. Goal ≤ 15 s. The per-stage split (read, stories, extract+align+brief,
   render) is measured in-process after that, with models already loaded.
3. ``--annotate``: ``annotate.run`` alone, warm, on the seeds and on 10, 20 and ``--docs``
   copies, in one process (batch 64) and in the two workers :func:`crosswire.config.annotation_plan`
   picks, alternating, ``--runs`` times each.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "crosswire"]


def _cold(paths: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(
            [*CLI, "brief", *paths, "--format", "html", "-q"], capture_output=True, text=True
        )
        times.append(time.perf_counter() - t)
        if proc.returncode not in (0, 1):
            sys.exit(f"crosswire brief failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return times


def _make_story(seeds: Path, out: Path, n: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    rnd = random.Random(0)
    for k in range(n):
        paras = [p for p in texts[k % len(texts)].split("\n") if p.strip()]
        head, rest = paras[:1], paras[1:]
        rnd.shuffle(rest)
        (out / f"{k:03d}_copy.txt").write_text("\n\n".join(head + rest) + "\n", encoding="utf-8")


def _stages(path: str) -> dict[str, float]:
    from crosswire import pipeline
    from crosswire.brief.render import render
    from crosswire.embedding import load_embedder

    embedder = load_embedder("minilm-onnx")
    out: dict[str, float] = {}
    t = time.perf_counter()
    docs = pipeline.read([path])
    out["read"] = time.perf_counter() - t
    t = time.perf_counter()
    stories = pipeline.stories(docs, embedder=embedder)
    out["annotate+cluster"] = time.perf_counter() - t
    t = time.perf_counter()
    briefs = list(pipeline.briefs(stories, embedder=embedder))
    out["extract+align+brief"] = time.perf_counter() - t
    t = time.perf_counter()
    render(briefs, rejected=[], fmt="html")
    out["render html"] = time.perf_counter() - t
    return out


def _annotate_split(seeds: Path, sizes: list[int], runs: int) -> None:
    from crosswire import annotate, pipeline
    from crosswire.config import Config, annotation_plan

    annotate.load_nlp("auto")
    with tempfile.TemporaryDirectory() as tmp:
        folders = [str(seeds)]
        for n in sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            _make_story(seeds, folder, n)
            folders.append(str(folder))
        for folder in folders:
            docs = pipeline.read([folder])
            words = sum(len(d.body.split()) for d in docs)
            plans = [(1, 64), annotation_plan(Config(workers=2), len(docs), words)]
            times: dict[tuple[int, int], list[float]] = {plan: [] for plan in plans}
            for _ in range(runs):
                for plan in plans:
                    t = time.perf_counter()
                    list(annotate.run(docs, n_process=plan[0], batch_size=plan[1]))
                    times[plan].append(time.perf_counter() - t)
            print(
                f"{len(docs)} documents, {words:,} words: "
                + "; ".join(
                    f"{n} process(es), batch {b}: " + " / ".join(f"{x:.2f}" for x in ts) + " s"
                    for (n, b), ts in times.items()
                )
            )


def main() -> int:
    ap = argparse.ArgumentParser(description="time `crosswire brief`")
    ap.add_argument("seeds", nargs="?", default=str(ROOT / "examples" / "hegseth-jaishankar"))
    ap.add_argument("--docs", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--annotate", action="store_true", help="only time annotate.run, 1 vs 2 processes")
    args = ap.parse_args()
    if args.annotate:
        _annotate_split(Path(args.seeds), [10, 20, args.docs], args.runs)
        return 0

    cold = _cold([args.seeds], args.runs)
    print(
        f"bundled example, cold process: best {min(cold):.2f}s, median {statistics.median(cold):.2f}s (goal ≤ 5 s)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        _make_story(Path(args.seeds), Path(tmp), args.docs)
        big = _cold([tmp], 1)
        print(f"{args.docs}-document story, cold process: {big[0]:.2f}s (goal ≤ 15 s)")
        _stages(tmp)  # warm the models
        stages = _stages(tmp)
        print("  warm split: " + ", ".join(f"{k} {v:.2f}s" for k, v in stages.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
