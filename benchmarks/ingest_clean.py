"""Ingest + clean: cold CLI start on the seeds, and throughput on real news text.

Usage::

    .venv/bin/python benchmarks/ingest_clean.py ../shared/data [--seeds examples/hegseth-jaishankar] [--runs 5]

1. Cold ``crosswire ingest SEEDS --format json`` wall time (a new process each run: imports
   included), min and median of ``--runs``.
2. ``ingest.run`` → ``clean.run`` over PolNeAR's 924 article files (``polnear/{train,dev}/text``),
   read from disk: documents/s, MB/s, and what clean found (datelines, credits, truncations).
3. ``clean.run`` alone over Multi-News documents (``multinews/dev.jsonl``, records built with
   ``ingest.from_record``): documents/s and MB/s on ~20k short documents.
4. E-mail: PolNeAR's articles sent as mail (quoted-printable; every other one with an HTML
   alternative; the first line as Subject) into one mbox mailbox written by the benchmark, then
   ``ingest.run`` → ``clean.run`` on it: messages/s, and how many read back as exactly the
   text the file reader gives for the same article (decoded, mojibake repaired; trailing line
   ends aside).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from crosswire import clean, ingest
from crosswire.config import load_config
from crosswire.errors import RejectedInput
from crosswire.ledger import Ledger
from crosswire.models import Document

ROOT = Path(__file__).resolve().parents[1]


def cold_cli(seeds: Path, runs: int) -> None:
    exe = Path(sys.executable).with_name("crosswire")
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run(
            [str(exe), "ingest", str(seeds), "--format", "json", "-q"], capture_output=True, check=False
        )
        times.append(time.perf_counter() - t0)
        if done.returncode != 0:
            print(f"  crosswire ingest exited {done.returncode}: {done.stderr.decode()[-500:]}")
            return
    n = len(json.loads(done.stdout)["documents"])
    print(f"cold `crosswire ingest {seeds} --format json`: {n} documents; "
          f"min {min(times):.2f} s, median {statistics.median(times):.2f} s over {runs} runs")  # fmt: skip


def polnear(root: Path) -> None:
    files = sorted(str(p) for p in root.glob("*/text/*.txt"))
    if not files:
        print(f"  {root}: no PolNeAR texts found, skipped")
        return
    size = sum(Path(f).stat().st_size for f in files)
    ledger = Ledger()
    t0 = time.perf_counter()
    docs = list(clean.run(ingest.run(files, ledger=ledger), ledger=ledger))
    dt = time.perf_counter() - t0
    print(
        f"PolNeAR: {len(files)} files, {size / 1e6:.1f} MB → {len(docs)} documents, {len(ledger.rejected)} rejected"
    )
    print(f"  ingest+clean {dt:.2f} s = {len(docs) / dt:,.0f} docs/s, {size / dt / 1e6:.2f} MB/s")
    places = Counter(d.dateline_place for d in docs if d.dateline_place)
    credits = Counter(d.credit for d in docs if d.credit)
    reasons = Counter((d.truncation_reason or "").split(" (")[0].split(":")[0] for d in docs if d.truncated)
    print(
        f"  datelines: {sum(places.values())} (top: {', '.join(f'{p} {n}' for p, n in places.most_common(5))})"
    )
    print(f"  credits: {dict(credits.most_common())}")
    print(f"  truncated: {sum(reasons.values())} {dict(reasons)}")


def multinews(path: Path, limit: int) -> None:
    if not path.is_file():
        print(f"  {path}: not found, skipped")
        return
    docs: list[Document] = []
    empty = 0
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            cluster = json.loads(line)
            for i, text in enumerate(cluster["documents"]):
                record = {"id": f"{cluster['idx']}-{i}", "text": text}
                try:
                    docs.append(ingest.from_record(record, where=f"{path.name}:{number} doc {i}"))
                except RejectedInput:
                    empty += 1  # Multi-News has empty documents; from_record refuses them
            if len(docs) >= limit:
                break
    size = sum(len(d.text.encode()) for d in docs)
    ledger = Ledger()
    t0 = time.perf_counter()
    cleaned = list(clean.run(docs, ledger=ledger))
    dt = time.perf_counter() - t0
    print(f"Multi-News: {len(docs)} documents ({empty} empty ones refused by from_record), {size / 1e6:.1f} MB; clean.run {dt:.2f} s = "
          f"{len(docs) / dt:,.0f} docs/s, {size / dt / 1e6:.2f} MB/s; "
          f"{sum(r.code == 'empty' for r in ledger.rejected)} left empty; "
          f"{sum(r.code == 'short' for r in ledger.rejected)} stubs under {load_config().min_words} words; "
          f"{sum(d.truncated for d in cleaned)} truncated")  # fmt: skip
    for r in ledger.rejected:
        if r.code in ("language", "short"):  # each is printed so it can be checked by hand
            text = next(d.text for d in docs if r.path in (d.path, d.id))
            print(f"  rejected {r.path}: {r.reason.split(' and ')[0]}: {' '.join(text.split()[:12])} …")


def mailbox(root: Path) -> None:
    from email.message import EmailMessage

    files = sorted(root.glob("*/text/*.txt"))
    if not files:
        print(f"  {root}: no PolNeAR texts found, skipped")
        return
    texts = [f.read_text(encoding="utf-8") for f in files]
    box = bytearray()
    for k, text in enumerate(texts):
        m = EmailMessage()
        m["From"] = f"News Desk <desk{k % 7}@outlet{k % 7}.example>"
        m["Subject"] = next((ln.strip() for ln in text.splitlines() if ln.strip()), "(no subject)")[:200]
        m["Date"] = "Tue, 05 Jul 2016 21:14:00 +0000"
        m["Message-ID"] = f"<{k}@bench.example>"
        m.set_content(text, cte="quoted-printable")
        if k % 2:
            m.add_alternative(f"<html><body><pre>{text}</pre></body></html>", subtype="html")
        raw = bytes(m).replace(b"\nFrom ", b"\n>From ")  # mboxrd escaping, as a mail program writes
        box += b"From desk@outlet.example Tue Jul  5 21:14:00 2016\n" + raw + b"\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "polnear.mbox"
        path.write_bytes(bytes(box))
        ledger = Ledger()
        t0 = time.perf_counter()
        read = list(ingest.run([str(path)], ledger=ledger))
        docs = list(clean.run(read, ledger=ledger))
        dt = time.perf_counter() - t0
    # the same articles read as files: the text crosswire reads (decoded, mojibake repaired)
    as_files = [d.text for d in ingest.run([str(f) for f in files], ledger=Ledger())]
    same = sum(
        d.text.rstrip("\n") == t.replace("\r\n", "\n").rstrip("\n")
        for d, t in zip(read, as_files, strict=False)
    )
    print(
        f"E-mail: PolNeAR's {len(texts)} articles as one mbox of {len(box) / 1e6:.1f} MB → {len(read)} messages read, "
        f"{len(docs)} after clean, {len(ledger.rejected)} rejected; ingest+clean {dt:.2f} s = "
        f"{len(read) / dt:,.0f} messages/s; the text the file reader gives, exactly: {same} / {len(texts)}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the shared data folder, e.g. ../shared/data")
    ap.add_argument("--seeds", type=Path, default=ROOT / "examples" / "hegseth-jaishankar")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--multinews-docs", type=int, default=20_000)
    args = ap.parse_args(argv)
    cold_cli(args.seeds, args.runs)
    polnear(args.data / "polnear")
    multinews(args.data / "multinews" / "dev.jsonl", args.multinews_docs)
    mailbox(args.data / "polnear")
    return 0


if __name__ == "__main__":
    sys.exit(main())
