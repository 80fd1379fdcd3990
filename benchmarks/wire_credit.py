"""Wire-copy credit detection on PolNeAR, and dedup speed on a synthetic 100k set.

Usage::

    .venv/bin/python benchmarks/wire_credit.py ../shared/data/polnear [--docs 100000] [--no-speed]

Part 1 — from the article TEXT alone (``polnear/{train,dev}/text/*.txt``), is it wire copy,
and from which agency? Gold: ``metadata.tsv`` column ``wire`` (``AP``, ``AFP``, ``UPI``,
``Reuters``; ``None``/``NA`` = not wire). Two detectors are scored:

- ``clean``: the pipeline's clean stage alone (``Document.credit``);
- ``families``: what origin families use, :func:`crosswire.cluster.credit.document_credit`
  over the cleaned document (``Document.credit`` when set, else the in-text credit forms).

Part 2 — dedup speed: ``--docs`` synthetic documents (stories × copies: exact copies,
near copies with 3 % of words replaced, and rewrites that keep a third of the story's
sentences), fingerprinted with ``dedup.run`` and searched with ``find_duplicates``;
prints fingerprints/s, search time, peak RSS and near-duplicate recall/false positives.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from crosswire import clean, dedup
from crosswire.cluster.credit import canonical_agency, document_credit
from crosswire.errors import InputError
from crosswire.models import Document


def _gold(wire: str) -> str | None:
    if wire.strip() in {"", "None", "NA"}:
        return None
    return canonical_agency(wire) or wire.strip()


def load_polnear(root: Path) -> list[tuple[Document, str | None, str]]:
    """(document, gold agency or None, publisher) for every train and dev article."""
    meta = root / "metadata.tsv"
    if not meta.is_file():
        raise InputError(f"{meta}: not found — pass the polnear folder (…/shared/data/polnear)")
    out = []
    with meta.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] not in {"train", "dev"}:
                continue
            path = root / row["compartment"] / "text" / f"{row['filename']}.txt"
            if not path.is_file():
                raise InputError(f"{path}: listed in metadata.tsv but missing")
            doc = Document(id=row["filename"], text=path.read_text(encoding="utf-8"), path=str(path))
            out.append((doc, _gold(row["wire"]), row["publisher"]))
    return out


def _score(name: str, gold: list[str | None], pred: list[str | None]) -> None:
    tp = sum(g is not None and p is not None for g, p in zip(gold, pred, strict=True))
    fp = sum(g is None and p is not None for g, p in zip(gold, pred, strict=True))
    fn = sum(g is not None and p is None for g, p in zip(gold, pred, strict=True))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    named = sum(g is not None and p == g for g, p in zip(gold, pred, strict=True))
    print(
        f"  {name:<9} wire detection P {prec:.3f}  R {rec:.3f}  F1 {f1:.3f}   (tp {tp}, fp {fp}, fn {fn}); "
        f"agency named right: {named}/{tp} detected ({named / tp if tp else 0:.3f}), "
        f"{named}/{tp + fn} gold wire ({named / (tp + fn) if tp + fn else 0:.3f})"
    )


def credit_benchmark(root: Path, *, show: int) -> None:
    rows = load_polnear(root)
    docs = [d for d, _, _ in rows]
    t0 = time.perf_counter()
    cleaned = {d.id: d for d in clean.run(docs)}
    t_clean = time.perf_counter() - t0
    gold = [g for _, g, _ in rows]
    by_clean: list[str | None] = []
    by_families: list[str | None] = []
    t0 = time.perf_counter()
    for d in docs:
        c = cleaned.get(d.id)
        if c is None:  # the clean stage refused it (the ledger would say why): score as "not detected"
            by_clean.append(None)
            by_families.append(None)
            continue
        by_clean.append(canonical_agency(c.credit) or c.credit if c.credit else None)
        mention = document_credit(c)
        by_families.append(mention.agency if mention else None)
    t_credit = time.perf_counter() - t0
    counts = Counter(g or "not wire" for g in gold)
    print(f"PolNeAR train+dev: {len(rows)} articles; gold: {dict(sorted(counts.items()))}")
    print(f"  clean.run {t_clean:.2f} s; document_credit {t_credit * 1000 / len(docs):.2f} ms/article")
    _score("clean", gold, by_clean)
    _score("families", gold, by_families)
    wrong = [
        (d.id, g, p)
        for (d, g, _), p in zip(rows, by_families, strict=True)
        if (g is None) != (p is None) or g != p
    ]
    print(f"  families disagreements with gold ({len(wrong)}):")
    for doc_id, g, p in wrong[:show]:
        print(f"    {doc_id}: gold {g or '-'}, found {p or '-'}")


# ------------------------------------------------------------------------ dedup speed


def _synthetic(n_docs: int, *, seed: int = 13) -> Iterator[tuple[Document, str, str]]:
    """(document, story id, kind) — kind: wire | exact | near | rewrite."""
    rng = random.Random(seed)
    syll = [
        "ka",
        "lo",
        "mi",
        "ren",
        "tas",
        "vo",
        "der",
        "pi",
        "sul",
        "no",
        "bra",
        "te",
        "qui",
        "mon",
        "zu",
        "el",
    ]
    vocab = ["".join(rng.choice(syll) for _ in range(rng.randint(1, 4))) for _ in range(30000)]
    vocab = list(dict.fromkeys(vocab))
    # Zipf-like word frequencies, as in news text.
    cum = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(vocab))))

    def sentence() -> str:
        words = rng.choices(vocab, cum_weights=cum, k=rng.randint(12, 28))
        return " ".join(words).capitalize() + "."

    produced = 0
    story = 0
    while produced < n_docs:
        sid = f"s{story}"
        base = [sentence() for _ in range(rng.randint(8, 14))]
        text = " ".join(base)
        yield Document(id=f"{sid}-wire", text=text), sid, "wire"
        produced += 1
        for k in range(min(9, n_docs - produced)):
            kind = rng.choices(["exact", "near", "rewrite"], weights=[1, 3, 6])[0]
            if kind == "exact":
                body = text
            elif kind == "near":
                words = text.split()
                for i in rng.sample(range(len(words)), max(1, len(words) * 3 // 100)):
                    words[i] = rng.choice(vocab)
                body = " ".join(words)
            else:
                kept = rng.sample(base, max(1, len(base) // 3))
                body = " ".join(kept + [sentence() for _ in range(len(base) - len(kept))])
            yield Document(id=f"{sid}-{k}", text=body), sid, kind
            produced += 1
        story += 1


def speed_benchmark(n_docs: int) -> None:
    t0 = time.perf_counter()
    generated = list(_synthetic(n_docs))
    t_gen = time.perf_counter() - t0
    docs = [d for d, _, _ in generated]
    words = sum(len(d.text.split()) for d in docs)
    t0 = time.perf_counter()
    fingerprinted = list(dedup.run(docs))
    t_fp = time.perf_counter() - t0
    t0 = time.perf_counter()
    dups = dedup.find_duplicates(fingerprinted)
    t_find = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux → MiB

    kind = {d.id: k for d, _, k in generated}
    story = {d.id: s for d, s, _ in generated}
    found = {d.document for d in dups}
    expected = {i for i, k in kind.items() if k in {"exact", "near"}}
    hits = len(found & expected)
    false = [d for d in dups if kind[d.document] == "rewrite" or story[d.document] != story[d.of]]
    by_kind = Counter(d.kind for d in dups)
    print(
        f"dedup on {len(docs)} synthetic documents ({words / len(docs):.0f} words on average; generated in {t_gen:.1f} s)"
    )
    print(
        f"  dedup.run: {t_fp:.1f} s = {len(docs) / t_fp:,.0f} fingerprints/s ({words / t_fp / 1e6:.2f} M words/s)"
    )
    print(f"  find_duplicates: {t_find:.1f} s; {by_kind['exact']} exact + {by_kind['near']} near")
    print(
        f"  copies found: {hits}/{len(expected)} (recall {hits / len(expected) if expected else 0:.4f}); "
        f"false duplicates (third-of-sentences rewrites or cross-story): {len(false)}"
    )
    print(f"  peak RSS: {rss:,.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("polnear", type=Path, help="the polnear folder, e.g. ../shared/data/polnear")
    ap.add_argument("--docs", type=int, default=100_000, help="synthetic documents for the speed test")
    ap.add_argument("--no-speed", action="store_true", help="skip the dedup speed test")
    ap.add_argument("--show", type=int, default=20, help="disagreements to list")
    args = ap.parse_args(argv)
    try:
        credit_benchmark(args.polnear, show=args.show)
    except InputError as exc:
        print(f"wire_credit: {exc}", file=sys.stderr)
        return 2
    if not args.no_speed:
        speed_benchmark(args.docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
