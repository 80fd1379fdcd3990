"""Hedges: how sure each report is — cues found in real text, and what the briefs do with them.

Usage::

    .venv/bin/python benchmarks/hedges.py --texts ../shared/data/polnear/train/text \\
        ../shared/data/polnear/dev/text --ecbplus ../shared/data/ecbplus [--sample 60] [--seed 0] [--list]

No corpus here annotates hedging, so this is not a precision score; it prints what a reader can
judge by hand:

- ``--texts`` (folders of ``.txt`` reports): every cue :func:`~crosswire.extract.hedges.hedge_cues`
  finds, by kind and by word, and a seeded sample of ``--sample`` cues in their sentence (to judge
  precision); then a sample of the sentences that hold a hedge-like word ("alleg", "report",
  "believ", "may", "could", "appear", "likely", "confirm" …) and no cue (to judge what is left).
- ``--ecbplus``: the largest ECB+ subtopics (``--stories``, as in ``conflicts_ecbplus.py``), each
  through the whole flow as ``crosswire brief DIR`` would; per story the facts some report hedges,
  those hedged by every report of them, the corroborated facts that one report hedges and another
  states outright (``--list`` prints each with its cues), and the lines of the summary and
  timeline that carry a fact half its reports or more hedge but no cue of their own, with the
  headline when it is cut from such a fact's wording (the brief's rule says none).
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosswire.extract.hedges import hedge_cues

# Words a hedge is often made of: the sentences holding one and no cue are what the rules leave.
_HEDGE_LIKE = re.compile(
    r"\b(?:alleg\w*|reported(?:ly)?|believed|thought\s+to|may|might|could|appear\w*|seem\w*|likely|"
    r"suspect\w*|accus\w*|unconfirmed|verif\w*|confirm\w*|claim\w*|possibl\w*|probabl\w*)\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def texts_part(folders: list[Path], *, sample: int, seed: int, show: bool) -> None:
    files = sorted(p for f in folders for p in f.glob("*.txt"))
    kinds: collections.Counter[str] = collections.Counter()
    words: collections.Counter[tuple[str, str]] = collections.Counter()
    found: list[tuple[str, str, str]] = []  # (file, cue, sentence)
    left: list[tuple[str, str]] = []
    n_sentences = 0
    t0 = time.perf_counter()
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        cues = hedge_cues(text)
        for s, e in _sentences(text):
            n_sentences += 1
            inside = [(a, b, k) for a, b, k in cues if s <= a and b <= e]
            sentence = " ".join(text[s:e].split())
            for a, b, k in inside:
                kinds[k] += 1
                words[(k, " ".join(text[a:b].lower().split()))] += 1
                found.append((p.name, text[a:b], sentence))
            if not inside and _HEDGE_LIKE.search(text[s:e]):
                left.append((p.name, sentence))
    took = time.perf_counter() - t0
    print(
        f"{len(files)} reports, {n_sentences} sentences, {sum(kinds.values())} hedge cues "
        f"({', '.join(f'{k} {v}' for k, v in kinds.most_common())}); {took:.1f} s"
    )
    for kind in ("alleged", "reported", "uncertain", "unverified"):
        top = [(w, n) for (k, w), n in words.most_common() if k == kind][:12]
        print(f"  {kind:10} " + ", ".join(f"{w} {n}" for w, n in top))
    rng = random.Random(seed)
    print(f"\nsample of {min(sample, len(found))} cues (judge: does the cue hedge what its sentence says?)")
    for name, cue, sentence in rng.sample(found, min(sample, len(found))):
        print(f"  [{name}] «{cue}» {sentence[:220]}")
    print(f"\n{len(left)} sentences hold a hedge-like word and no cue; a sample of {min(sample, len(left))}:")
    for name, sentence in rng.sample(left, min(sample, len(left))):
        print(f"  [{name}] {sentence[:220]}")
    if show:
        print("\nevery cue:")
        for name, cue, sentence in found:
            print(f"  [{name}] «{cue}» {sentence[:220]}")


def ecbplus_part(data_dir: Path, *, stories: int, min_tokens: int, show: bool) -> None:
    from conflicts_ecbplus import brief_reports, largest_subtopics
    from crosswire import pipeline
    from crosswire.config import load_config

    by_story = largest_subtopics(data_dir, stories=stories, min_tokens=min_tokens)
    config = load_config()
    embedder = pipeline.load_models(config)
    totals: collections.Counter[str] = collections.Counter()
    t0 = time.perf_counter()
    print(
        f"\n{'subtopic':12} {'reports':>7} {'facts':>5} {'hedged':>6} {'by all':>6} {'mixed':>5} {'surer lines':>11}"
    )
    for key, reports in by_story.items():
        _, briefs = brief_reports(reports, config=config, embedder=embedder)
        here: collections.Counter[str] = collections.Counter()
        mixed = []
        for b in briefs:
            facts = b.facts
            here["facts"] += len(facts)
            for f in facts:
                if not f.hedged:
                    continue
                here["hedged"] += 1
                if len(f.hedged) == len(f.documents):
                    here["by all"] += 1
                elif f.status != "single_source":
                    here["mixed"] += 1
                    mixed.append(f)
            # the summary and timeline must not state outright what half the reports of it or more
            # only hedge: a line carrying such a fact holds a cue of its own
            lines = [(s.text, s.citations[0]) for s in b.summary] + [
                (t.text, t.citations[0]) for t in b.timeline
            ]
            surer = [
                text
                for text, c in lines
                if not hedge_cues(text)
                and any(
                    f.mostly_hedged
                    and any(
                        x.document == c.document and x.start < c.end and c.start < x.end for x in f.citations
                    )
                    for f in facts
                )
            ]
            hedged_text = [f.text for f in facts if f.mostly_hedged]
            surer += (
                [b.headline]
                if any(b.headline in t for t in hedged_text) and not hedge_cues(b.headline)
                else []
            )
            here["surer"] += len(surer)
            if show:
                for text in surer:
                    print(f"    surer: {text[:160]!r}")
        totals.update(here)
        totals["reports"] += len(reports)
        print(
            f"{key:12} {len(reports):7d} {here['facts']:5d} {here['hedged']:6d} {here['by all']:6d} "
            f"{here['mixed']:5d} {here['surer']:11d}"
        )
        if show:
            texts = {d.id: d.text for b in briefs for d in b.documents}
            for f in mixed:
                outright = [d for d in f.documents if d not in {h.document for h in f.hedged}]
                print(f"    {f.text[:160]!r}\n      outright: {', '.join(outright)}")
                for h in f.hedged:
                    bears = (
                        " ".join(texts[h.document][h.scope.start : h.scope.end].split()) if h.scope else ""
                    )
                    print(f"      hedged {h.document}: «{h.text}» on “{bears[:150]}”")
    print(
        f"\n{len(by_story)} subtopics, {totals['reports']} reports: {totals['facts']} facts, "
        f"{totals['hedged']} hedged by a report ({totals['by all']} by every report of them, "
        f"{totals['mixed']} corroborated facts hedged by some reports and stated outright by others); "
        f"{totals['surer']} summary/timeline lines state outright what a report hedges; "
        f"{time.perf_counter() - t0:.0f} s"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=Path, nargs="*", default=[], help="folders of .txt reports")
    ap.add_argument("--ecbplus", type=Path, help="the ecbplus folder (doc_clusters.tsv, ECB+/)")
    ap.add_argument("--stories", type=int, default=13, help="ECB+ subtopics, most reports first")
    ap.add_argument("--min-tokens", type=int, default=150, help="leave out shorter ECB+ reports")
    ap.add_argument("--sample", type=int, default=60, help="cues and left sentences to print")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--list", action="store_true", help="print every cue and every mixed fact")
    args = ap.parse_args(argv)
    if args.texts:
        texts_part(args.texts, sample=args.sample, seed=args.seed, show=args.list)
    if args.ecbplus:
        ecbplus_part(args.ecbplus, stories=args.stories, min_tokens=args.min_tokens, show=args.list)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
