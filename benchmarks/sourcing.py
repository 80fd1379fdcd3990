"""Unnamed sources, anonymity grants and no-comments found in a brat attribution corpus (PolNeAR).

Usage::

    .venv/bin/python benchmarks/sourcing.py ../shared/data/polnear/train ../shared/data/polnear/dev [--list]

Runs each report through clean → annotate → extract as a story of its own and prints:

- **unnamed sources**: the quotes resting on a source the report does not name
  (``Quote.unnamed``), and, against the gold attributions, how often the words marked as the
  unnamed source are the gold ``Source`` of the attribution whose content the quote matches;
  of the gold attributions whose ``Source`` words the phrase test calls unnamed, how many the
  pipeline finds and marks (the phrase test is the same, so this measures finding the quote and
  its speaker, not the test);
- **dropped**: the quotes the sourcing rules remove (an anonymity clause, a no-comment's "to
  comment", "citing <an unnamed source>"), and how many of them overlap a gold ``Content`` —
  gold attributions the rule would lose;
- **anonymity grants** and **no-comments**, by kind, and a recall check: every sentence
  worded like one (mentions anonymity, "not to be identified/named", "not authorized to",
  or "comment"/"respond"/"reached" with a refusal) and whether it was taken; with ``--list``,
  each one found and each one left, for a reader to judge.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter

from crosswire import annotate, clean
from crosswire.extract.brat import load_brat_dir
from crosswire.extract.entities import resolve_entities
from crosswire.extract.quotes import extract_quotes, link_speakers, without_denials
from crosswire.extract.sourcing import is_unnamed_source, mark_unnamed, sourcing_notes
from crosswire.models import Document

_LIKE_A_GRANT = re.compile(
    r"anonymity|not to be (?:identified|named)|not be (?:identified|named)|not authori[sz]ed to", re.I
)
_LIKE_NO_COMMENT = re.compile(
    r"\b(?:declin\w*|refus\w*|did not (?:immediately )?(?:respond|reply|return)|"
    r"could not be reached|unavailable)\b[^.]{0,40}\b(?:comment|request|calls?|messages?|e-?mails?|reached)",
    re.I,
)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("splits", nargs="+", help="PolNeAR split folders (text/ and attributions/)")
    parser.add_argument(
        "--list", action="store_true", help="print every grant, no-comment and unnamed phrase"
    )
    args = parser.parse_args()

    gold = [d for split in args.splits for d in load_brat_dir(split)]
    started = time.perf_counter()
    docs = list(clean.run(Document(id=g.name, text=g.text) for g in gold))
    adocs = list(annotate.run(docs))
    by_name = {g.name: g for g in gold}
    quotes_n = unnamed_n = agree = matched = 0
    dropped: list[tuple[str, str, bool]] = []
    gold_unnamed = gold_unnamed_found = 0
    grants: list[tuple[str, str]] = []
    disagree: list[tuple[str, str, str]] = []
    silent: list[tuple[str, str, str, str | None]] = []
    phrases: Counter[str] = Counter()
    lines: Counter[str] = Counter()  # sentences worded like a grant / a no-comment
    taken: Counter[str] = Counter()  # … of them holding one
    left: list[tuple[str, str]] = []
    for adoc in adocs:
        doc = adoc.document
        g = by_name[doc.id]
        entities = resolve_entities([adoc])
        linked = link_speakers(without_denials(extract_quotes(adoc), adoc), entities, [adoc])
        notes = sourcing_notes([adoc], entities)
        kept = mark_unnamed(linked, [adoc], notes, entities)
        kept_ids = {q.id for q in kept}
        contents = [(min(s for s, _ in a.content), max(e for _, e in a.content), a) for a in g.attributions]
        for q in linked:
            if q.id not in kept_ids:
                hit = any(_overlap((q.start, q.end), (s, e)) > 0 for s, e, _ in contents)
                dropped.append((doc.id, " ".join(q.text.split()), hit))
        quotes_n += len(kept)
        for q in kept:
            if q.unnamed is None:
                continue
            unnamed_n += 1
            phrases[" ".join(doc.text[q.unnamed.start : q.unnamed.end].lower().split())] += 1
            best = max(contents, key=lambda c: _overlap((q.start, q.end), c[:2]), default=None)
            if best is None or _overlap((q.start, q.end), best[:2]) < 0.5 * min(
                q.end - q.start, best[1] - best[0]
            ):
                continue
            matched += 1
            src = best[2].source or ()
            if any(_overlap((q.unnamed.start, q.unnamed.end), f) > 0 for f in src):
                agree += 1
            else:
                ours = " ".join(doc.text[q.unnamed.start : q.unnamed.end].split())
                theirs = " | ".join(" ".join(doc.text[a:b].split()) for a, b in src) or "(no Source)"
                disagree.append((doc.id, ours, theirs))
        for a in g.attributions:
            if not a.source:
                continue
            words = " ".join(doc.text[s:e] for s, e in a.source)
            if not is_unnamed_source(words):
                continue
            gold_unnamed += 1
            span = (min(s for s, _ in a.content), max(e for _, e in a.content))
            gold_unnamed_found += any(
                q.unnamed is not None and _overlap((q.start, q.end), span) > 0 for q in kept
            )
        for n in notes:
            words = " ".join(doc.text[n.start : n.end].split())
            if n.kind == "anonymity":
                grants.append((doc.id, words))
            else:
                who = None
                if n.who_span is not None:
                    who = " ".join(doc.text[n.who_span.start : n.who_span.end].split())
                silent.append((doc.id, n.detail or "", words, n.who or (f"({who})" if who else None)))
        for sent in adoc.sentences:
            kinds = {n.kind for n in notes if sent.start <= n.start < sent.end}
            for kind, worded in (("anonymity", _LIKE_A_GRANT), ("no comment", _LIKE_NO_COMMENT)):
                if worded.search(sent.text):
                    lines[kind] += 1
                    taken[kind] += kind in kinds
                    if kind not in kinds:
                        left.append((kind, " ".join(sent.text.split())))
    took = time.perf_counter() - started
    print(f"{len(adocs)} reports, clean + annotate + extract in {took:.0f} s")
    print(
        f"unnamed sources: {unnamed_n} of {quotes_n} quotes ({unnamed_n / max(quotes_n, 1):.1%}); "
        f"{len(phrases)} distinct phrases; {matched} match a gold attribution, whose Source is the "
        f"unnamed words in {agree} ({agree / max(matched, 1):.1%})"
    )
    print(
        f"gold attributions whose Source the phrase test calls unnamed: {gold_unnamed}; found and "
        f"marked unnamed: {gold_unnamed_found} ({gold_unnamed_found / max(gold_unnamed, 1):.1%})"
    )
    lost = sum(1 for *_, hit in dropped if hit)
    print(f"dropped as sourcing: {len(dropped)} quotes, {lost} of them overlapping a gold Content")
    details = Counter(d for _, d, _, _ in silent)
    resolved = sum(1 for *_, who in silent if who and not who.startswith("("))
    print(
        f"anonymity grants: {len(grants)}; sentences worded like one: {lines['anonymity']}, taken {taken['anonymity']}"
    )
    print(
        f"no-comments: {len(silent)} {dict(sorted(details.items()))}, whom resolved to an entity "
        f"{resolved}; sentences worded like one: {lines['no comment']}, taken {taken['no comment']}"
    )
    if args.list:
        print("\nanonymity grants:")
        for doc_id, words in grants:
            print(f"  {doc_id[:40]:<40} {words[:110]}")
        print("\nno-comments:")
        for doc_id, detail, words, who in silent:
            print(f"  {doc_id[:40]:<40} {detail:<20} {str(who)[:30]:<30} {words[:80]}")
        print("\nunnamed phrases (most frequent first):")
        for phrase, n in phrases.most_common():
            print(f"  {n:>3} {phrase}")
        print("\nunnamed words that are not the gold Source of the matched attribution (ours → gold):")
        for doc_id, ours, theirs in disagree:
            print(f"  {doc_id[:40]:<40} {ours[:45]:<45} → {theirs[:60]}")
        print("\ndropped quotes (G: overlaps a gold Content):")
        for doc_id, words, hit in dropped:
            print(f"  {'G' if hit else ' '} {doc_id[:40]:<40} {words[:90]}")
        print("\nsentences worded like one, not taken:")
        for kind, words in left:
            print(f"  {kind:<11} {words[:150]}")


if __name__ == "__main__":
    main()
