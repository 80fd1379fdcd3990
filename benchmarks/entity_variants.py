"""Names one report spells otherwise: which entities the resolver merges across spellings.

Usage::

    .venv/bin/python benchmarks/entity_variants.py ../shared/data/ecbplus

ECB+ has no entity-resolution gold for this, so it is a list to read: every ECB+ subtopic
(each half of each topic, detokenised as in ``cluster_ecbplus.py``) is cleaned, annotated and
resolved as one story, and every entity with an alias that differs from its name in one word
of five letters or more, one edit apart — the merges of a variant spelling
(``extract.entities``, ``extract.entity_orgs``) — is printed with its type, for a reader to judge.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_ecbplus import load


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path, help="the ecbplus folder (doc_clusters.tsv, ECB+/)")
    args = ap.parse_args(argv)

    from rapidfuzz.distance import Levenshtein

    from crosswire import annotate, clean
    from crosswire.extract.entities import name_key, resolve_entities

    t0 = time.perf_counter()
    docs, gold, _ = load(args.data_dir)
    by_subtopic: dict[str, list] = collections.defaultdict(list)
    for d in docs:
        by_subtopic[gold[d.id]].append(d)
    merges = 0
    for key in sorted(by_subtopic):
        adocs = list(annotate.run(list(clean.run(by_subtopic[key]))))
        for e in resolve_entities(adocs):
            name = name_key(e.name).split()
            for alias in e.aliases:
                words = name_key(alias).split()
                if len(words) != len(name) or len(words) < 2 or words[0] != name[0]:
                    continue
                differ = [(a, b) for a, b in zip(words, name, strict=True) if a != b]
                if len(differ) == 1 and len(differ[0][0]) >= 5 and Levenshtein.distance(*differ[0]) <= 1:
                    merges += 1
                    print(f"{key:12} {e.type:7} {e.name!r} ← {alias!r}")
    print(
        f"\n{len(by_subtopic)} subtopics, {len(docs)} reports: {merges} variant spellings merged; "
        f"{time.perf_counter() - t0:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
