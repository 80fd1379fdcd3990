"""News told in passing: the modifiers the claim stage splits off their sentence, on real reports.

Run: ``.venv/bin/python benchmarks/claims_passing.py ../shared/data/ecbplus [--sample 40] [--seed 0] [--list]``

A claim "told in passing" (``Claim.aside``) is a modifier split from the sentence's main
statement: the subject's apposition, participle or relative clause ("Marcus Webb, the man accused
of shooting Daniel Ortiz, had been fired last month") or a relative clause closing the sentence
("…, which has significantly enhanced India's defence capabilities"). No corpus annotates this, so
the figure is what a reader judges by hand: the script counts the sentences split so and prints a
seeded sample of ``--sample`` of them (``--list``: all), each as its main claim and its modifier,
to judge whether the modifier states something of its own and both read as their report wrote
them. The texts are the ECB+ "ecbplus" reports, detokenised as in ``cluster_ecbplus.py``, read
through the clean and annotate stages from files as ``crosswire brief DIR`` would.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_ecbplus import load


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("data", type=Path, help="the ECB+ folder (doc_clusters.tsv and the XML files)")
    ap.add_argument("--sample", type=int, default=40, help="sentences to print for reading by eye")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--list", action="store_true", help="print every split sentence")
    args = ap.parse_args(argv)

    from crosswire import annotate, pipeline
    from crosswire.align.claims import extract_claims

    t0 = time.perf_counter()
    docs, gold, _ = load(args.data)
    reports = [d for d in docs if gold[d.id].endswith("ecbplus")]
    with tempfile.TemporaryDirectory() as tmp:
        for d in reports:
            (Path(tmp) / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
        documents = pipeline.read([tmp])
    split: list[tuple[str, str, str]] = []  # (document, main claim, modifier)
    n_claims = 0
    for adoc in annotate.run(documents, batch_size=32, n_process=1):
        claims = extract_claims(adoc)
        n_claims += len(claims)
        for k, c in enumerate(claims):
            if c.aside and k > 0 and claims[k - 1].sentence == c.sentence:
                split.append((c.document, claims[k - 1].text, c.text))
    print(
        f"{len(documents)} reports, {n_claims} claims: {len(split)} sentences tell a modifier in passing "
        f"({time.perf_counter() - t0:.0f} s)"
    )
    shown = split if args.list else random.Random(args.seed).sample(split, min(args.sample, len(split)))
    for doc, main_claim, modifier in shown:
        print(f"\n{doc}\n  main:     {main_claim}\n  modifier: {modifier}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
