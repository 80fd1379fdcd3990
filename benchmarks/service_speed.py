"""Speed of ``crosswire serve``: brief reads under load, and post-to-brief latency of the seeds.

Usage::

    .venv/bin/python benchmarks/service_speed.py ../shared/data [--requests 500] [--db URL]

Measures, against a real uvicorn server on 127.0.0.1 (SQLite in a temp dir unless ``--db``):

1. the five seeds (``examples/hegseth-jaishankar``) posted as one multipart request → time
   until ``GET /stories`` shows their story with a computed, non-stale brief (models already
   loaded; the cold figure, with model loading, is printed too). Goal: ≤ 5 s.
2. ``GET /stories/{id}`` of a 50-document story, warm: p50 / p95 / max over ``--requests``
   sequential requests on one keep-alive connection. Goal: p95 ≤ 50 ms. The 50 documents
   are ECB+ articles (``DATA/ecbplus``) of the largest topics, put in one story directly
   (the clusterer would split the look-alike events apart); the brief is computed by the
   real pipeline, so its size is that of a real 50-document brief.
"""

from __future__ import annotations

import argparse
import csv
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "hegseth-jaishankar"
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|n't\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def ecb_text(path: Path) -> str:
    """An ECB+ tokenised XML file back to plain text: sentences on lines, tokens spaced like prose."""
    sentences: dict[int, list[str]] = {}
    for tok in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines = []
    for n in sorted(sentences):
        line = " ".join(sentences[n])
        line = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", line))
        line = line.replace("`` ", '"').replace(" ''", '"').replace("``", '"').replace("''", '"')
        lines.append(line)
    return "\n".join(lines)


def ecb_documents(data: Path, n: int) -> list[dict[str, str]]:
    root = data / "ecbplus"
    rows = list(csv.DictReader((root / "doc_clusters.tsv").open(encoding="utf-8"), delimiter="\t"))
    by_topic: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_topic.setdefault(r["topic"], []).append(r)
    out: list[dict[str, str]] = []
    for topic in sorted(by_topic, key=lambda t: -len(by_topic[t])):
        for r in sorted(by_topic[topic], key=lambda r: r["doc_id"]):
            text = ecb_text(root / r["file"])
            out.append({"id": f"ecb-{r['doc_id']}", "text": text, "title": text.split("\n", 1)[0][:120]})
            if len(out) == n:
                return out
    raise SystemExit(f"only {len(out)} ECB+ documents under {root}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def open_db(url: str | None, tmp: Path, name: str) -> Any:
    from crosswire.store import open_store

    return open_store(url or f"sqlite:///{tmp / name}")


def warm(engine: Any) -> float:
    """What a running server's worker did at start-up: load the models and the stage modules."""
    t = time.perf_counter()
    engine.warm()
    return time.perf_counter() - t


def seeds_to_brief(db: str | None, tmp: Path, *, preload: bool) -> tuple[float, float]:
    """Seconds from POSTing the seeds to a visible brief; and the model-loading time spent first."""
    from crosswire.service.app import create_app
    from crosswire.service.auth import issue_token
    from crosswire.service.engine import PipelineEngine
    from crosswire.service.worker import Worker

    store = open_db(db, tmp, f"seeds-{preload}.db")
    token = issue_token(store, name="bench")
    engine = PipelineEngine()
    loaded = warm(engine) if preload else 0.0
    # warm_up=False: the cold run must pay model loading on the first document, as measured.
    worker = Worker(store, engine, tick=0.05, warm_up=False)
    app = create_app(store, worker=worker, uploads_dir=tmp / "uploads")
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(SEEDS.glob("*.txt"))]
    with Server(app) as server, httpx.Client(base_url=server.url, timeout=120) as client:
        t0 = time.perf_counter()
        r = client.post("/documents", files=files, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 202 and r.json()["accepted"] == 5, r.text
        while True:
            stories = client.get("/stories").json()["stories"]
            done = [s for s in stories if s["updated_at"] and not s["stale"]]
            if done and sum(s["documents"] for s in stories) == 5 and len(done) == len(stories):
                break
            failed = [s["error"] for s in stories if s["error"]]
            if failed:
                raise SystemExit(f"the brief failed: {failed[0]}")
            if time.perf_counter() - t0 > 300:
                raise SystemExit(f"no brief after 300 s: {stories}")
            time.sleep(0.02)
        elapsed = time.perf_counter() - t0
        sizes = sorted((s["documents"] for s in stories), reverse=True)
    store.close()
    print(f"  stories: {len(sizes)} (documents per story: {sizes})")
    return elapsed, loaded


def brief_reads(db: str | None, tmp: Path, data: Path, n_requests: int) -> None:
    from crosswire.service.app import create_app
    from crosswire.service.engine import PipelineEngine
    from crosswire.service.worker import Worker
    from crosswire.store.records import StorySummary

    store = open_db(db, tmp, "fifty.db")
    engine = PipelineEngine()
    records = ecb_documents(data, 51)
    extra, records = records[-1], records[:-1]
    docs = []
    for rec in records:
        from crosswire.ledger import Ledger

        docs += engine.read_record(rec, where=rec["id"], ledger=Ledger())
    for d in docs:
        store.add_document(d)
        store.assign_story(d.id, "s-bench50")
    t = time.perf_counter()
    computed = engine.brief("s-bench50", store.get_documents(store.story_document_ids("s-bench50")))
    print(
        f"  brief of the 50-document story computed in {time.perf_counter() - t:.1f} s (one time, by the worker)"
    )
    # A live story grows one document at a time: the recomputation reuses cached annotations
    # and claim embeddings, so it costs the new document, not the whole story again.
    from crosswire.ledger import Ledger

    (new,) = engine.read_record(extra, where=extra["id"], ledger=Ledger())
    t = time.perf_counter()
    engine.brief("s-bench50", [*store.get_documents(store.story_document_ids("s-bench50")), new])
    print(f"  the same brief recomputed after a 51st document joined: {time.perf_counter() - t:.1f} s")
    summary: StorySummary = computed.summary
    store.put_brief(
        "s-bench50",
        brief=computed.brief,
        markdown=computed.markdown,
        html=computed.html,
        summary=summary,
        documents=store.story_document_ids("s-bench50"),
    )
    app = create_app(store, worker=Worker(store, engine, warm_up=False), token_required=False)
    with Server(app) as server, httpx.Client(base_url=server.url) as client:
        for path, label in [
            ("/stories/s-bench50", "GET /stories/{id}  (JSON)"),
            ("/story/s-bench50", "GET /story/{id}    (HTML page)"),
        ]:
            for _ in range(30):
                client.get(path).raise_for_status()
            times = []
            size = 0
            for _ in range(n_requests):
                t = time.perf_counter()
                r = client.get(path)
                times.append((time.perf_counter() - t) * 1000)
                size = len(r.content)
            times.sort()
            p95 = times[int(0.95 * (len(times) - 1))]
            print(
                f"  {label}: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms "
                f"({n_requests} requests, {size / 1024:.0f} KiB){'  ✓ ≤ 50 ms' if p95 <= 50 and 'JSON' in label else ''}"
            )
    store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the evaluation data folder (../shared/data)")
    ap.add_argument("--requests", type=int, default=500)
    ap.add_argument(
        "--db", default=None, help="a database URL instead of SQLite in a temp dir (use an empty database)"
    )
    ap.add_argument("--skip-cold", action="store_true", help="skip the cold (model-loading) run")
    ap.add_argument(
        "--only", choices=["seeds", "reads"], default=None, help="run one of the two measurements"
    )
    args = ap.parse_args()
    if not (args.data / "ecbplus" / "doc_clusters.tsv").exists():
        print(f"{args.data}: no ecbplus/doc_clusters.tsv — pass the evaluation data folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if args.only in (None, "seeds"):
            print("seeds → visible brief (5 documents, one multipart POST):")
            if not args.skip_cold:
                cold, _ = seeds_to_brief(args.db, tmp, preload=False)
                print(f"  cold (models load on the first document): {cold:.2f} s")
            warm_s, loaded = seeds_to_brief(args.db, tmp, preload=True)
            verdict = "  ✓ ≤ 5 s" if warm_s <= 5 else "  ✗ > 5 s"
            print(f"  warm (models loaded at start-up, {loaded:.1f} s): {warm_s:.2f} s{verdict}")
        if args.only in (None, "reads"):
            print("50-document story, warm reads:")
            brief_reads(args.db, tmp, args.data, args.requests)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
