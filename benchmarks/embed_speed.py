"""Sentence-embedding speed and peak memory for several batch sizes.

Input → output: a Multi-News-style JSONL file (records with ``document`` or ``documents``)
→ a table of seconds and peak RSS per batch size on stdout.

Usage::

    .venv/bin/python benchmarks/embed_speed.py ../shared/data/multinews/dev.jsonl --texts 2000 --chars 400
    .venv/bin/python benchmarks/embed_speed.py ../shared/data/multinews/dev.jsonl --texts 320 --chars 2000 --longest

Each batch size runs in a fresh process (``--one``), so its peak RSS is its own: onnxruntime
keeps the memory of the largest batch it has run, and that is what the batch size decides.
The texts are the corpus's documents cut to ``--chars`` characters, in file order, or the
longest ones with ``--longest``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence


def _texts(path: str, n: int, chars: int, longest: bool) -> list[str]:
    out: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            docs = rec.get("documents") or rec.get("document") or []
            if isinstance(docs, str):
                docs = docs.split("|||||")
            out.extend((d if isinstance(d, str) else str(d.get("text", "")))[:chars] for d in docs)
            if not longest and len(out) >= n:
                break
    if longest:
        out.sort(key=len, reverse=True)
    return [t for t in out if t.strip()][:n]


def _one(path: str, n: int, chars: int, longest: bool, batch: int) -> None:
    from crosswire.embedding import load_embedder

    texts = _texts(path, n, chars, longest)
    embedder = load_embedder("minilm-onnx")
    embedder.batch_size = batch  # type: ignore[attr-defined]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    t0 = time.perf_counter()
    embedder.embed(texts)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps({"texts": len(texts), "seconds": seconds, "peak_mib": peak, "before_mib": before}))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="JSONL with a document/documents field per record (Multi-News)")
    ap.add_argument("--texts", type=int, default=2000)
    ap.add_argument("--chars", type=int, default=400, help="cut each text to this many characters")
    ap.add_argument("--longest", action="store_true", help="the longest texts instead of the first")
    ap.add_argument("--batch-sizes", default="64,32,16,8")
    ap.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one is not None:
        _one(args.corpus, args.texts, args.chars, args.longest, args.one)
        return 0
    print(f"{'batch':>6} {'texts':>6} {'seconds':>8} {'texts/s':>8} {'peak RSS MiB':>13} {'before MiB':>11}")
    for batch in (int(b) for b in args.batch_sizes.split(",")):
        cmd = [sys.executable, __file__, args.corpus, "--texts", str(args.texts), "--chars", str(args.chars)]
        cmd += ["--one", str(batch)] + (["--longest"] if args.longest else [])
        row = json.loads(
            subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        )
        print(
            f"{batch:>6} {row['texts']:>6} {row['seconds']:>8.1f} {row['texts'] / row['seconds']:>8.1f} "
            f"{row['peak_mib']:>13} {row['before_mib']:>11}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
