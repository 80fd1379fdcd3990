"""Words per second of annotate + extract with the transformer quote tagger, against the rules.

Input → output: a corpus path (as for ``speed_extract.py``) and a transformer model directory
→ a table of words/s on stdout.

    python benchmarks/quote_transformer_speed.py ../shared/data/multinews/dev.jsonl --limit 300 \\
        --model /tmp/crosswire-quote-transformer

(``python``: a venv with ``crosswire[quotes-nn]``, i.e. torch and transformers.) Rows, each over
the same annotated stories:

- ``annotate``: :func:`crosswire.annotate.run` alone;
- ``annotate+extract (rules)``: annotate, then :func:`crosswire.extract.extract_story`;
- ``annotate+extract (transformer)``: annotate, then the same extract stage with each
  document's quotes from :func:`~crosswire.extract.quote_transformer.transformer_quotes`
  (entities, speaker linking and times as ``extract_story`` does them).

The model is loaded before timing. torch uses at most 2 threads.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosswire import annotate
from crosswire.extract import extract_story
from crosswire.models import Quote, StoryDocs
from speed_extract import _by_story, _documents, read_stories


def _extract_with_transformer(story: StoryDocs, model: str | None) -> int:
    from crosswire.extract.entities import resolve_entities
    from crosswire.extract.quote_transformer import transformer_quotes
    from crosswire.extract.quotes import link_speakers
    from crosswire.extract.timex import extract_times

    entities = resolve_entities(story.documents)
    raw: list[Quote] = []
    for adoc in story.documents:
        raw.extend(transformer_quotes(adoc, model=model))
    link_speakers(raw, entities, story.documents)
    for adoc in story.documents:
        extract_times(adoc)
    return len(entities)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="a .jsonl file or a directory of .txt files")
    ap.add_argument("--limit", type=int, default=300, help="documents to read (default 300)")
    ap.add_argument("--model", default=None, help="transformer model directory (default: the user's)")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch

    from crosswire.extract.quote_transformer import load_transformer

    torch.set_num_threads(min(2, os.cpu_count() or 1))
    load_transformer(args.model)
    stories = read_stories(args.corpus, args.limit)
    texts = [t for s in stories for t in s]
    words = sum(len(t.split()) for t in texts)
    nlp = annotate.load_nlp("auto")
    list(nlp.pipe(texts[:20]))  # warm-up

    def annotated() -> list[StoryDocs]:
        return list(_by_story(annotate.run(_documents(stories), model="auto")))

    rows: list[tuple[str, Callable[[], object]]] = [
        ("annotate", annotated),
        ("annotate+extract (rules)", lambda: [extract_story(s) for s in annotated()]),
        (
            "annotate+extract (transformer)",
            lambda: [_extract_with_transformer(s, args.model) for s in annotated()],
        ),
    ]
    print(
        f"corpus: {args.corpus}  documents: {len(texts)}  words: {words:,}  torch threads: {torch.get_num_threads()}"
    )
    print(f"{'':32s} {'wall s':>8s} {'words/s':>10s}   {'cpu s':>8s} {'words/cpu-s':>12s}")
    for name, fn in rows:
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"{name:32s} {wall:8.2f} {words / wall:10,.0f}   {cpu:8.2f} {words / max(cpu, 1e-9):12,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
