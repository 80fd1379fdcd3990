"""Words per second of annotate + extract, against spaCy alone, measured in the same run.

Input → output: a corpus path → a table of words/s on stdout.

    .venv/bin/python benchmarks/speed_extract.py ../shared/data/multinews/dev.jsonl --limit 2000
    .venv/bin/python benchmarks/speed_extract.py ../shared/data/polnear/dev/text

Corpora: a ``.jsonl`` file (Multi-News: each line's ``documents`` is one story; other JSONL:
``text`` or ``body`` per line, stories of 5 consecutive lines) or a directory of ``.txt``
files (stories of 5 consecutive files). Rows:

- ``spacy``: ``nlp.pipe`` with the same pipeline minus crosswire's sentence-hints component;
- ``annotate``: :func:`crosswire.annotate.run` (hints, sentence fixes, mention clean-up, offsets);
- ``+entities``: annotate, then :func:`resolve_entities` per story;
- ``+extract``: annotate, then the whole extract stage (entities, quotes, speakers, times).

Goal: ≥ 5,000 words/s for annotate + extract on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from crosswire import annotate
from crosswire.annotate.sentences import HINTS_COMPONENT
from crosswire.extract import extract_story
from crosswire.extract.entities import resolve_entities
from crosswire.models import AnnotatedDocument, Document, Story, StoryDocs

STORY_SIZE = 5


def read_stories(path: Path, limit: int) -> list[list[str]]:
    """Texts grouped into stories, at most ``limit`` documents in all."""
    stories: list[list[str]] = []
    count = 0
    if path.is_dir():
        files = sorted(path.rglob("*.txt"))
        texts = [f.read_text(encoding="utf-8", errors="replace") for f in files[:limit]]
        return [texts[i : i + STORY_SIZE] for i in range(0, len(texts), STORY_SIZE)]
    flat: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if count >= limit:
                break
            rec = json.loads(line)
            if isinstance(rec.get("documents"), list):
                docs = [d for d in rec["documents"] if isinstance(d, str) and d.strip()][: limit - count]
                if docs:
                    stories.append(docs)
                    count += len(docs)
            elif text := rec.get("text") or rec.get("body"):
                flat.append(text)
                count += 1
    stories.extend(flat[i : i + STORY_SIZE] for i in range(0, len(flat), STORY_SIZE))
    return stories


def _documents(stories: list[list[str]]) -> Iterator[Document]:
    for si, texts in enumerate(stories):
        for di, text in enumerate(texts):
            yield Document(id=f"s{si}-d{di}", text=text)


def _by_story(adocs: Iterator[AnnotatedDocument]) -> Iterator[StoryDocs]:
    """Regroup the annotated stream into stories (documents of a story are consecutive)."""
    current: list[AnnotatedDocument] = []
    key = None
    for adoc in adocs:
        story_key = adoc.document.id.split("-")[0]
        if current and story_key != key:
            yield StoryDocs(
                Story(id=str(key), documents=tuple(a.document.id for a in current)), tuple(current)
            )
            current = []
        key = story_key
        current.append(adoc)
    if current:
        yield StoryDocs(Story(id=str(key), documents=tuple(a.document.id for a in current)), tuple(current))


def _timed(fn: Callable[[], int]) -> tuple[float, float]:
    """Wall seconds and CPU seconds of this process (CPU is what load from other jobs does not inflate)."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="a .jsonl file or a directory of .txt files")
    ap.add_argument("--limit", type=int, default=1000, help="documents to read (default 1000)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--n-process", type=int, default=1, help="spaCy worker processes (default 1)")
    ap.add_argument("--model", default="auto")
    ap.add_argument("--skip-full", action="store_true", help="skip the +extract row (quotes and times)")
    ap.add_argument("--repeat", type=int, default=1, help="rounds; each row reports its best (default 1)")
    ap.add_argument(
        "--quote-model",
        default=None,
        help="also time annotate+extract with the quote tagger using this CRFsuite model "
        "(`crosswire train-quotes`)",
    )
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: no such file or directory", file=sys.stderr)
        return 2

    stories = read_stories(args.corpus, args.limit)
    texts = [t for s in stories for t in s]
    words = sum(len(t.split()) for t in texts)
    nlp = annotate.load_nlp(args.model)
    # Warm-up: the first sight of a word adds it to the vocabulary, and first-call allocations
    # are not throughput either; without this the first row measured pays for all rows.
    for text in texts:
        nlp.make_doc(text)
    list(nlp.pipe(texts[:20]))

    def spacy_only() -> int:
        with nlp.select_pipes(disable=[HINTS_COMPONENT]):
            return sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process))

    def annotate_only() -> int:
        run = annotate.run(
            _documents(stories), model=args.model, batch_size=args.batch_size, n_process=args.n_process
        )
        return sum(1 for _ in run)

    def with_entities() -> int:
        run = annotate.run(
            _documents(stories), model=args.model, batch_size=args.batch_size, n_process=args.n_process
        )
        return sum(len(resolve_entities(s.documents)) for s in _by_story(run))

    def with_extract() -> int:
        run = annotate.run(
            _documents(stories), model=args.model, batch_size=args.batch_size, n_process=args.n_process
        )
        return sum(len(extract_story(s).entities) for s in _by_story(run))

    def with_tagger() -> int:
        run = annotate.run(
            _documents(stories), model=args.model, batch_size=args.batch_size, n_process=args.n_process
        )
        return sum(
            len(extract_story(s, quote_method="tagger", quote_model=args.quote_model).entities)
            for s in _by_story(run)
        )

    rows: list[tuple[str, Callable[[], int]]] = [
        ("spacy (nlp.pipe)", spacy_only),
        ("annotate", annotate_only),
        ("annotate+entities", with_entities),
    ]
    if not args.skip_full:
        rows.append(("annotate+extract", with_extract))
        if args.quote_model:
            rows.append(("+extract (tagger)", with_tagger))
    print(f"corpus: {args.corpus}  documents: {len(texts)}  stories: {len(stories)}  words: {words:,}")
    print(
        f"batch_size={args.batch_size} n_process={args.n_process} model={args.model} pipes={nlp.pipe_names}"
    )
    best: dict[str, tuple[float, float]] = {}
    for _ in range(max(1, args.repeat)):  # rounds interleave the rows so load hits them alike
        for name, fn in rows:
            wall, cpu = _timed(fn)
            old = best.get(name)
            best[name] = (min(wall, old[0]), min(cpu, old[1])) if old else (wall, cpu)
    base_wall = base_cpu = 0.0
    print(
        f"{'':20s} {'wall s':>8s} {'words/s':>10s} {'ratio':>6s}   {'cpu s':>8s} {'words/cpu-s':>12s} {'ratio':>6s}"
    )
    for name, _ in rows:
        wall, cpu = best[name]
        wps, cps = words / wall, words / max(cpu, 1e-9)
        base_wall, base_cpu = base_wall or wps, base_cpu or cps
        print(
            f"{name:20s} {wall:8.2f} {wps:10,.0f} {wps / base_wall:6.2f}   {cpu:8.2f} {cps:12,.0f} {cps / base_cpu:6.2f}"
        )
    if args.n_process > 1:
        print("note: with --n-process > 1 the CPU columns count this process only (workers are not included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
