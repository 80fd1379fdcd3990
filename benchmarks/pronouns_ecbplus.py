"""Pronoun speakers against ECB+ entity coreference: is "he said" credited to the right person?

Input → output: the ECB+ corpus folder (``doc_clusters.tsv`` and the ``ECB+/<topic>/*.xml``
files) → a table of how the quote extractor resolves pronoun speakers ("he", "she", "they",
"it") to an earlier phrase, judged by ECB+'s human-participant chains.

For every quote whose speaker is such a pronoun and whose pronoun ECB+ marks as a
``HUMAN_PART*`` mention in a coreference chain (``CROSS_DOC_COREF`` with a ``HUM`` note, or
``INTRA_DOC_COREF``):

* **resolvable** — the chain has a mention earlier in the document that is not a pronoun;
* **right** — the antecedent crosswire chose overlaps a mention of that chain;
* **wrong** — it overlaps mentions of other chains only;
* **unjudged** — it overlaps no ECB+ mention (ECB+ marks only some sentences of a document);
* **unresolved** — crosswire left the antecedent empty (nothing guessed).

Precision = right / (right + wrong); recall = right / resolvable.

Usage::

    .venv/bin/python benchmarks/pronouns_ecbplus.py ../shared/data/ecbplus [--cache FILE] [--errors N]

``--cache`` takes the annotation pickle ``cluster_ecbplus.py --cache`` writes (delete it after a
change to ``annotate/``: it holds the annotations of the code that made it).
"""

from __future__ import annotations

import argparse
import collections
import csv
import pickle
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cluster_ecbplus import _ENTITIES, _TOKEN, annotate, detokenize, load
from crosswire.extract.quotes import extract_quotes

_TOKEN_ID = re.compile(r'<token t_id="(\d+)" sentence="(\d+)"[^>]*>([^<]*)</token>')
_HUMAN = re.compile(r'<(HUMAN_PART[A-Z_]*) m_id="(\d+)"\s*>(.*?)</\1>', re.S)
_ANCHOR = re.compile(r'<token_anchor t_id="(\d+)"')
_CHAIN = re.compile(
    r'<(CROSS_DOC_COREF|INTRA_DOC_COREF) r_id="(\d+)"(?: note="([^"]*)")?\s*>(.*?)</\1>', re.S
)
_SOURCE = re.compile(r'<source m_id="(\d+)"')
_PRONOUNS = frozenset({"he", "she", "they", "it"})
_PRONOUN_WORDS = frozenset(
    {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "who", "i", "we"}
)


def token_offsets(xml: str) -> dict[str, tuple[int, int]]:
    """Token id → character range in the text ``cluster_ecbplus.load`` lays out (one sentence a line)."""
    sentences: dict[str, list[tuple[str, str]]] = {}
    for tid, sent, tok in _TOKEN_ID.findall(xml):
        for k, v in _ENTITIES.items():
            tok = tok.replace(k, v)
        sentences.setdefault(sent, []).append((tid, tok))
    assert len(sentences) == len({s for s, _ in _TOKEN.findall(xml)})
    out: dict[str, tuple[int, int]] = {}
    base = 0
    for toks in sentences.values():
        line = detokenize([t for _, t in toks])
        cursor = 0
        for tid, tok in toks:
            word = '"' if tok in {"``", "''"} else tok
            at = line.find(word, cursor)
            if at >= 0:
                out[tid] = (base + at, base + at + len(word))
                cursor = at + len(word)
        base += len(line) + 1
    return out


def gold_mentions(xml: str) -> list[tuple[int, int, str, bool]]:
    """``(start, end, chain, is_pronoun)`` of the human-participant mentions in a coreference chain."""
    offsets = token_offsets(xml)
    words_of = {t: w for t, _, w in _TOKEN_ID.findall(xml)}
    chain_of: dict[str, str] = {}
    for kind, rid, note, body in _CHAIN.findall(xml):
        if kind == "CROSS_DOC_COREF" and not (note or "").startswith("HUM"):
            continue
        for mid in _SOURCE.findall(body):
            chain_of[mid] = note or f"intra-{rid}"
    out = []
    for _, mid, body in _HUMAN.findall(xml):
        spans = [offsets[t] for t in _ANCHOR.findall(body) if t in offsets]
        if mid not in chain_of or not spans:
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        words = re.findall(r"\w+", " ".join(words_of.get(t, "") for t in _ANCHOR.findall(body)))
        is_pronoun = len(words) == 1 and words[0].lower() in _PRONOUN_WORDS
        out.append((start, end, chain_of[mid], is_pronoun))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("root", type=Path, help="the ECB+ folder (with doc_clusters.tsv)")
    p.add_argument("--cache", type=Path, help="annotation pickle written by cluster_ecbplus.py --cache")
    p.add_argument("--errors", type=int, default=0, help="print this many wrong resolutions")
    args = p.parse_args(argv)

    t0 = time.perf_counter()
    if args.cache and args.cache.exists():
        adocs, _gold, _table = pickle.loads(args.cache.read_bytes())
    else:
        docs, _gold, spans = load(args.root)
        adocs = annotate(docs, spans)
    t_annotate = time.perf_counter() - t0
    files: dict[str, Path] = {}
    with (args.root / "doc_clusters.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            files[row["doc_id"]] = args.root / row["file"]

    counts: collections.Counter[str] = collections.Counter()
    by_pronoun: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    errors: list[str] = []
    t1 = time.perf_counter()
    for adoc in adocs:
        doc_id = adoc.document.id
        gold = gold_mentions(files[doc_id].read_text(encoding="utf-8"))
        text = adoc.document.text
        for q in extract_quotes(adoc):
            word = (q.speaker_text or "").lower()
            if word not in _PRONOUNS or q.speaker_span is None:
                continue
            counts["pronoun speakers"] += 1
            ps, pe = q.speaker_span.start, q.speaker_span.end
            chains = {c for s, e, c, _ in gold if s < pe and ps < e}
            if not chains:
                continue
            (chain,) = sorted(chains)[:1]
            counts["in a gold chain"] += 1
            resolvable = any(c == chain and not pron and e <= ps for s, e, c, pron in gold)
            ant = q.speaker_antecedent
            if ant is None:
                verdict = "unresolved"
            else:
                hit = {c for s, e, c, _ in gold if s < ant.end and ant.start < e}
                verdict = "right" if chain in hit else "wrong" if hit else "unjudged"
            if resolvable:
                counts["resolvable"] += 1
            counts[verdict] += 1
            by_pronoun[word][verdict] += 1
            by_pronoun[word]["resolvable"] += resolvable
            if verdict == "wrong" and len(errors) < args.errors:
                assert ant is not None
                errors.append(
                    f"{doc_id} {word!r} → {text[ant.start : ant.end][:60]!r} | "
                    f"{text[max(0, ps - 160) : pe + 40]!r}".replace("\\n", " ")
                )
    t_extract = time.perf_counter() - t1

    right, wrong = counts["right"], counts["wrong"]
    precision = right / (right + wrong) if right + wrong else 0.0
    recall = right / counts["resolvable"] if counts["resolvable"] else 0.0
    print(
        f"ECB+ documents: {len(adocs)}; pronoun speakers: {counts['pronoun speakers']}, "
        f"in a gold human-participant chain: {counts['in a gold chain']}, resolvable: {counts['resolvable']}"
    )
    print(f"right {right}  wrong {wrong}  unjudged {counts['unjudged']}  unresolved {counts['unresolved']}")
    print(f"antecedent precision {precision:.3f}  recall {recall:.3f}")
    print(
        "by pronoun: "
        + "; ".join(
            f"{w} {c['right']}/{c['right'] + c['wrong']} right (resolvable {c['resolvable']})"
            for w, c in sorted(by_pronoun.items())
        )
    )
    print(
        f"time: annotate {t_annotate:.1f} s{' (cache)' if args.cache and args.cache.exists() else ''}, "
        f"extract {t_extract:.1f} s"
    )
    for line in errors:
        print("  wrong:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
