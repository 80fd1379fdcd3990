"""An outlet's notes on its own reports, and superseded versions, found in a corpus.

Usage::

    .venv/bin/python benchmarks/editor_notes.py ../shared/data/polnear/train/text ../shared/data/polnear/dev/text [--list]

Reads every path as ``crosswire`` does (ingest, clean, fingerprints) and prints:

- the notes the clean stage kept out of the reports (:class:`crosswire.models.EditorNote`), by
  kind, and with ``--list`` each one's first words, for a reader to judge whether each is a note;
- a recall check: every line that *opens* like a note (a "Correction"/"Clarification"/"Editor's
  note"/"Update" label, "This story has been …", "An earlier version …", a wire's "(Corrects …"
  or "(Adds …") and whether it was taken as one; those left in the report are listed, for a
  reader to judge that each is news (an "UPDATE: The Pentagon later said …" paragraph);
- the earlier versions of a report a later one supersedes among the near duplicates of the
  whole corpus (:func:`crosswire.dedup.find_versions`), with the reason.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter

from crosswire import dedup, pipeline
from crosswire.ledger import Ledger

_OPENS_LIKE_A_NOTE = re.compile(
    r"^[ \t\[(*]*(?:corrections?\b|clarifications?\b|ed(?:itor)?['’]?s['’]? note|updated?\b|"
    r"this (?:story|article|post|piece|report|version) (?:has|was|is|will)|an? (?:earlier|previous|prior) version|"
    r"\((?:corrects|updates|adds|clarifies|refiles|recasts))",
    re.I | re.M,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="folders or files, as `crosswire ingest` takes them")
    parser.add_argument("--list", action="store_true", help="print every note found")
    args = parser.parse_args()

    ledger = Ledger()
    started = time.perf_counter()
    docs = pipeline.read(args.paths, ledger=ledger)
    took = time.perf_counter() - started
    notes = [(d, n) for d in docs for n in d.notes]
    kinds = Counter(n.kind for _, n in notes)
    print(
        f"{len(docs)} reports read ({len(ledger.rejected)} rejected) in {took:.1f} s; "
        f"{len(notes)} notes in {len({d.id for d, _ in notes})} reports: {dict(sorted(kinds.items()))}"
    )
    if args.list:
        for d, n in notes:
            words = " ".join(d.text[n.start : n.end].split())
            print(f"  {n.kind:<14} {d.id[:44]:<44} {words[:110]}")

    taken = left = 0
    left_lines: list[str] = []
    for d in docs:
        for m in _OPENS_LIKE_A_NOTE.finditer(d.text):
            if any(n.start <= m.start() < n.end for n in d.notes):
                taken += 1
            else:
                left += 1
                end = d.text.find("\n", m.start())
                left_lines.append(f"  {d.id[:44]:<44} {d.text[m.start() : end if end >= 0 else None][:110]}")
    print(f"lines opening like a note: {taken + left}; taken as notes {taken}; left in the report {left}")
    for line in left_lines:
        print(line)

    duplicates = dedup.find_duplicates(docs)
    versions = dedup.find_versions(docs, duplicates)
    print(f"near or exact duplicates: {len(duplicates)}; superseded earlier versions: {len(versions)}")
    for v in versions:
        print(f"  {v.document} → {v.by} ({v.reason})")


if __name__ == "__main__":
    main()
