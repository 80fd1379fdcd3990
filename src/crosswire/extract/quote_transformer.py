"""Transformer attribution tagger: an annotated document → quotes, stacked on the rule extractor.

Input → output: :class:`~crosswire.models.AnnotatedDocument` (spaCy ``Doc`` over
``Document.body``) → :class:`~crosswire.models.Quote` list in ORIGINAL offsets, the same
objects :func:`crosswire.extract.quotes.extract_quotes` returns.

The same task as the CRF of :mod:`.quote_tagger` — BIO labels SOURCE / CUE / CONTENT on every
token of every paragraph (:func:`~.quote_tagger.document_sequences`) — learned by fine-tuning
a small BERT encoder (all-MiniLM-L6-v2) as a token classifier instead of a CRF on parse
features. Words are spaCy's tokens; each word is labelled by its first sub-word. Consecutive
paragraphs are packed into one window of at most ``max_len`` sub-words (a ``[SEP]`` between
them), so a paragraph sees its neighbours — PARC contents and their cues cross sentence and
paragraph boundaries — and no sub-word is encoded twice. Stacking: what the rules made of
each word (:func:`~.quote_tagger.rule_token_labels`: in a direct / partial / indirect
content, a speaker, a cue) is added to its sub-words' input embeddings through a small
learned table (zero at the start, so training begins from the plain encoder).

Prediction packs the document twice — the second time with windows shifted by half a window,
so each word is also read among other neighbours — and averages the two label distributions
of each word (``passes=2``). Decoding is a Viterbi pass over the words' label log-probabilities
that allows ``I-X`` only after ``B-X`` or ``I-X`` (well-formed BIO). A sentence left with a
content but no cue then gets its likeliest cue word when the model gives it at least 0.1
(:func:`add_missing_cues`): the encoder misses more cues than contents (on held-out train no
word of 21 % of gold cues is tagged CUE; no prediction overlaps 14 % of gold contents), and a content
without a cue of its own is grouped with a cue in another sentence, merging two attributions
into one. The labels go to :func:`~.quote_tagger.quotes_from_labels`, the grouping the CRF uses.
On a held-out fifth of PolNeAR train (168 texts; the model trained on the other 672) the
missing cues raise content overlap F1 of a 3-epoch model 0.730 → 0.736 (recall 0.70 → 0.72,
precision 0.76 → 0.75; a floor of 0.05 scored the same, 0.2 less), and the second packing
takes it to 0.739 and speaker F1 exact 0.608 → 0.617, at twice the encoder time. With the
5-epoch default of :mod:`.quote_transformer_train` the model alone scores 0.736 (speaker 0.619),
two packings 0.744 (0.627), and the added cues then leave overlap F1 at 0.744 (speaker 0.624)
while raising content exact F1 0.552 → 0.560 and recall 0.744 → 0.753. Tried on the same texts
and left out (each within ±0.005 of F1): a log-prior offset on CONTENT or on CUE/SOURCE labels
(trades precision for recall), a missing speaker found the same way, allowing ``B-CONTENT``
right after a content, splitting a content at a sentence that holds another cue, dropping
one-word contents, and a confidence floor per attribution.

So on that held-out fifth the tagger scores content overlap F1 0.74 and speaker F1 exact 0.62,
against 0.68 and 0.59 for the CRF trained on the same texts; content exact F1 0.56 (CRF 0.53).
It extracts about 3,500 words/s on 2 cores with one packing (``passes=1``), about half that
with the default two (the CRF 25,000). Keeping the rules' direct quotes
(``keep_rules="direct"``, the default) and keeping none scored within 0.005 of each other
(none: overlap F1 0.746, exact 0.549, speaker 0.629; direct: 0.744, 0.560, 0.624).

The model directory is written by :mod:`.quote_transformer_train`; none ships with crosswire
(see :func:`default_model_dir`).
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosswire.errors import MissingDependency, ModelError
from crosswire.extract.quote_tagger import (
    DEFAULT_KEEP_RULES,
    KeepRules,
    document_sequences,
    quotes_from_labels,
    rule_token_labels,
)
from crosswire.models import AnnotatedDocument, Quote

__all__ = [
    "DEFAULT_CUE_FLOOR",
    "DEFAULT_PASSES",
    "LABELS",
    "RULE_TAGS",
    "TransformerTagger",
    "Window",
    "add_missing_cues",
    "build_windows",
    "decode_bio",
    "default_model_dir",
    "document_labels",
    "load_transformer",
    "predict_logprobs",
    "transformer_quotes",
]

#: Output labels; index = class id.
LABELS = ("O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT")
#: What the rules made of a word (:func:`rule_token_labels`); index = rule embedding id.
RULE_TAGS = ("-", "C-direct", "C-partial", "C-indirect", "S", "Q")
#: Label ignored by the loss (sub-words after a word's first, special tokens).
IGNORE = -100
DEFAULT_MAX_LEN = 256
#: Packings of a document averaged at prediction (see :func:`predict_logprobs`).
DEFAULT_PASSES = 2
#: Least probability at which a sentence's likeliest cue word is taken (:func:`add_missing_cues`).
DEFAULT_CUE_FLOOR = 0.1
META_FILE = "crosswire-quote-transformer.json"
RULE_FILE = "rule_embeddings.safetensors"
FORMAT = 1


def default_model_dir() -> Path:
    """Where ``crosswire train-quotes --method transformer`` writes, and the tagger looks.

    Next to the CRF's default model (:func:`.quote_tagger.default_model_path`); no model ships
    with crosswire, for the same licence reason.
    """
    from platformdirs import user_data_dir

    return Path(user_data_dir("crosswire", appauthor=False)) / "quote-transformer"


# ------------------------------------------------------------------- windows


@dataclass(frozen=True, slots=True)
class Window:
    """One encoder input: sub-word ids and, per sub-word, rule tag id and label id.

    ``words`` maps each sub-word position that carries a word's label to ``(paragraph,
    word)``; other positions carry :data:`IGNORE` as label.
    """

    input_ids: tuple[int, ...]
    rule_ids: tuple[int, ...]
    label_ids: tuple[int, ...]
    words: tuple[tuple[int, int, int], ...]  # (position, paragraph, word)


def _paragraph_pieces(
    tokenizer: Any,
    words: Sequence[str],
    rules: Sequence[int],
    labels: Sequence[int] | None,
    *,
    budget: int,
) -> list[tuple[list[int], list[int], list[int], list[tuple[int, int]]]]:
    """Sub-words of one paragraph, cut into pieces of at most ``budget`` sub-words at word edges.

    Each piece: ids, rule ids, label ids, and ``(offset in piece, word index)`` of first sub-words.
    """
    enc = tokenizer(list(words), is_split_into_words=True, add_special_tokens=False, verbose=False)
    ids: list[int] = enc["input_ids"]
    word_ids: list[int | None] = enc.word_ids()
    pieces: list[tuple[list[int], list[int], list[int], list[tuple[int, int]]]] = []
    cur: tuple[list[int], list[int], list[int], list[tuple[int, int]]] = ([], [], [], [])
    prev: int | None = None
    # Sub-words of one word, grouped, so a cut never falls inside a word.
    groups: list[tuple[int, list[int]]] = []
    for tok, w in zip(ids, word_ids, strict=True):
        if w is None:
            continue
        if w != prev:
            groups.append((w, []))
            prev = w
        groups[-1][1].append(tok)
    for w, toks in groups:
        toks = toks[:budget]  # a word longer than a window (a pasted URL) keeps its head
        if cur[0] and len(cur[0]) + len(toks) > budget:
            pieces.append(cur)
            cur = ([], [], [], [])
        cur[3].append((len(cur[0]), w))
        cur[0].extend(toks)
        cur[1].extend([rules[w]] * len(toks))
        cur[2].extend([labels[w] if labels is not None else 0] + [IGNORE] * (len(toks) - 1))
    if cur[0]:
        pieces.append(cur)
    return pieces


def build_windows(
    tokenizer: Any,
    paragraphs: Sequence[Sequence[str]],
    rules: Sequence[Sequence[int]],
    labels: Sequence[Sequence[int]] | None = None,
    *,
    max_len: int = DEFAULT_MAX_LEN,
    first: int | None = None,
) -> list[Window]:
    """Pack the paragraphs of one document into windows of at most ``max_len`` sub-words.

    ``paragraphs``: the words of each paragraph; ``rules``: their rule tag ids; ``labels``:
    their label ids when training (None to predict). Paragraphs follow each other in a
    window, ``[SEP]`` between; a paragraph longer than a window is cut at word edges.
    ``first``: the first window closes once it holds this many sub-words (default: full),
    which shifts every later window — a second view of the document (see ``passes``).
    """
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    budget = max_len - 2
    limit = [budget if first is None else max(1, min(first, budget))]
    out: list[Window] = []
    ids: list[int] = []
    rids: list[int] = []
    lids: list[int] = []
    where: list[tuple[int, int, int]] = []

    def flush() -> None:
        if ids:
            out.append(
                Window(
                    (cls, *ids, sep),
                    (0, *rids, 0),
                    (IGNORE, *lids, IGNORE),
                    tuple((p + 1, n, w) for p, n, w in where),
                )
            )
        ids.clear()
        rids.clear()
        lids.clear()
        where.clear()
        limit[0] = budget

    for n, words in enumerate(paragraphs):
        labs = labels[n] if labels is not None else None
        for piece in _paragraph_pieces(tokenizer, words, rules[n], labs, budget=budget):
            extra = len(piece[0]) + (1 if ids else 0)
            if ids and len(ids) + extra > limit[0]:
                flush()
            if ids:
                ids.append(sep)
                rids.append(0)
                lids.append(IGNORE)
            base = len(ids)
            ids.extend(piece[0])
            rids.extend(piece[1])
            lids.extend(piece[2])
            where.extend((base + off, n, w) for off, w in piece[3])
    flush()
    return out


def document_inputs(
    adoc: AnnotatedDocument, rule_quotes: Sequence[Quote]
) -> tuple[list[list[str]], list[list[int]]]:
    """Words and rule tag ids of every paragraph of ``adoc`` (:func:`document_sequences` order)."""
    doc = adoc.doc
    rule_of = rule_token_labels(adoc, rule_quotes)
    index = {t: k for k, t in enumerate(RULE_TAGS)}
    seqs = document_sequences(doc)
    words = [[doc[i].text for i in seq] for seq in seqs]
    rules = [[index[rule_of.get(i, "-")] for i in seq] for seq in seqs]
    return words, rules


# ------------------------------------------------------------------- decoding

# I-X only continues X; B-X cannot follow X either: the encoder tends to open a new run inside
# a name ("Jeb" B, "Bush" B), and PARC almost never has two abutting spans of one role, so
# these runs are one span (speaker F1 exact 0.54 → 0.57 on a held-out fifth of PolNeAR train).
_ALLOWED: list[list[bool]] = [
    [
        not (b.startswith("I-") and a[2:] != b[2:]) and not (b.startswith("B-") and a[2:] == b[2:])
        for b in LABELS
    ]
    for a in LABELS
]


def decode_bio(logprobs: Sequence[Sequence[float]]) -> list[str]:
    """Best well-formed BIO sequence for per-word label log-probabilities (Viterbi).

    ``I-X`` may only follow ``B-X`` or ``I-X``, and cannot open a paragraph; ``B-X`` cannot
    follow ``B-X`` or ``I-X`` (see ``_ALLOWED``).
    """
    if not logprobs:
        return []
    n_lab = len(LABELS)
    neg = -math.inf
    score = [lp if not LABELS[k].startswith("I-") else neg for k, lp in enumerate(logprobs[0])]
    back: list[list[int]] = []
    for row in logprobs[1:]:
        nxt = [neg] * n_lab
        ptr = [0] * n_lab
        for b in range(n_lab):
            best, arg = neg, 0
            for a in range(n_lab):
                if _ALLOWED[a][b] and score[a] > best:
                    best, arg = score[a], a
            nxt[b] = best + row[b]
            ptr[b] = arg
        score = nxt
        back.append(ptr)
    k = max(range(n_lab), key=lambda j: score[j])
    path = [k]
    for ptr in reversed(back):
        k = ptr[k]
        path.append(k)
    return [LABELS[j] for j in reversed(path)]


# ------------------------------------------------------------------ the model


@dataclass(frozen=True, slots=True)
class TransformerTagger:
    """A loaded model: tokenizer, encoder with classification head, rule embedding table."""

    path: Path
    tokenizer: Any
    model: Any  # transformers BertForTokenClassification, eval mode
    rule_embeddings: Any  # torch.nn.Embedding(len(RULE_TAGS), hidden)
    max_len: int


def import_torch(purpose: str) -> tuple[Any, Any]:
    """``(torch, transformers)``, or :class:`MissingDependency` naming the ``quotes-nn`` extra."""
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise MissingDependency(exc.name or "torch", extra="quotes-nn", purpose=purpose) from exc
    # a model is read from a local directory: no progress bars or load reports on stderr,
    # where crosswire reports rejected inputs
    hf_logging: Any = transformers.utils.logging
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    return torch, transformers


def forward_logits(torch: Any, model: Any, rule_embeddings: Any, batch: Sequence[Window]) -> tuple[Any, Any]:
    """Logits ``[batch, len, labels]`` of padded windows, and their padded label tensor."""
    width = max(len(w.input_ids) for w in batch)
    pad = 0

    def padded(rows: list[tuple[int, ...]], fill: int) -> Any:
        return torch.tensor([list(r) + [fill] * (width - len(r)) for r in rows], dtype=torch.long)

    ids = padded([w.input_ids for w in batch], pad)
    rules = padded([w.rule_ids for w in batch], 0)
    labels = padded([w.label_ids for w in batch], IGNORE)
    mask = padded([(1,) * len(w.input_ids) for w in batch], 0)
    embeds = model.bert.embeddings.word_embeddings(ids) + rule_embeddings(rules)
    out = model(inputs_embeds=embeds, attention_mask=mask)
    return out.logits, labels


_loaded: dict[tuple[Path, int], TransformerTagger] = {}
_lock = threading.Lock()


def load_transformer(model: str | Path | None = None) -> TransformerTagger:
    """The model in directory ``model`` (default :func:`default_model_dir`), loaded once per process."""
    torch, transformers = import_torch("The transformer quote tagger")
    path = Path(model) if model is not None else default_model_dir()
    meta_path = path / META_FILE
    if not meta_path.is_file():
        raise ModelError(
            f"{path}: no transformer quote model there — train one from a brat attribution corpus "
            "with `crosswire train-quotes --method transformer BRAT_DIR` (writes the default "
            "model), or use the rules (CROSSWIRE_QUOTE_METHOD=rules, the default)"
        )
    key = (path.resolve(), meta_path.stat().st_mtime_ns)  # a model retrained in place is reloaded
    with _lock:
        tagger = _loaded.get(key)
        if tagger is not None:
            return tagger
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT or tuple(meta.get("labels", ())) != LABELS:
                raise ModelError(f"{meta_path}: model format or labels differ from this crosswire's")
            from safetensors.torch import load_file

            tokenizer = transformers.AutoTokenizer.from_pretrained(str(path), local_files_only=True)
            net = transformers.AutoModelForTokenClassification.from_pretrained(
                str(path), local_files_only=True
            )
            net.eval()
            table = torch.nn.Embedding(len(RULE_TAGS), net.config.hidden_size)
            table.load_state_dict(load_file(str(path / RULE_FILE)))
            table.eval()
        except (OSError, ValueError, KeyError, RuntimeError) as exc:
            raise ModelError(f"{path}: cannot load the transformer quote model ({exc})") from exc
        tagger = TransformerTagger(path, tokenizer, net, table, int(meta.get("max_len", DEFAULT_MAX_LEN)))
        _loaded[key] = tagger
        return tagger


def _one_pass(
    torch: Any,
    tagger: TransformerTagger,
    paragraphs: Sequence[Sequence[str]],
    rules: Sequence[Sequence[int]],
    *,
    batch_size: int,
    first: int | None,
) -> list[list[list[float]]]:
    """Label log-probabilities of every word from one packing of the document into windows."""
    windows = build_windows(tagger.tokenizer, paragraphs, rules, max_len=tagger.max_len, first=first)
    found: list[list[list[float] | None]] = [[None] * len(p) for p in paragraphs]
    with torch.inference_mode():
        for b in range(0, len(windows), batch_size):
            batch = windows[b : b + batch_size]
            logits, _ = forward_logits(torch, tagger.model, tagger.rule_embeddings, batch)
            lp = torch.log_softmax(logits.float(), dim=-1).tolist()
            for row, w in zip(lp, batch, strict=True):
                for pos, n, k in w.words:
                    found[n][k] = row[pos]
    out: list[list[list[float]]] = []
    outside = [0.0] + [-1e9] * (len(LABELS) - 1)
    for para in found:
        # A word with no sub-word (a control character) continues what precedes it.
        rows: list[list[float]] = []
        for row in para:
            rows.append(row if row is not None else rows[-1] if rows else outside)
        out.append(rows)
    return out


def _mean_logprob(a: float, b: float) -> float:
    """log((e^a + e^b) / 2) without overflow."""
    hi, lo = (a, b) if a >= b else (b, a)
    return hi + math.log1p(math.exp(lo - hi)) - math.log(2.0)


def predict_logprobs(
    tagger: TransformerTagger,
    paragraphs: Sequence[Sequence[str]],
    rules: Sequence[Sequence[int]],
    *,
    batch_size: int = 16,
    passes: int = DEFAULT_PASSES,
) -> list[list[list[float]]]:
    """Label log-probabilities (:data:`LABELS` order) of every word of every paragraph (one document).

    ``passes=2`` also packs the document with windows shifted by half a window and averages
    the two probability estimates of each word (twice the encoder time).
    """
    if passes not in (1, 2):
        raise ValueError(f"passes must be 1 or 2, not {passes}")
    torch, _ = import_torch("The transformer quote tagger")
    out = _one_pass(torch, tagger, paragraphs, rules, batch_size=batch_size, first=None)
    if passes == 1:
        return out
    half = (tagger.max_len - 2) // 2
    other = _one_pass(torch, tagger, paragraphs, rules, batch_size=batch_size, first=half)
    return [
        [[_mean_logprob(x, y) for x, y in zip(ra, rb, strict=True)] for ra, rb in zip(pa, pb, strict=True)]
        for pa, pb in zip(out, other, strict=True)
    ]


def add_missing_cues(
    labels: Sequence[Sequence[str]],
    logprobs: Sequence[Sequence[Sequence[float]]],
    sentences: Sequence[Sequence[int]],
    *,
    min_prob: float = DEFAULT_CUE_FLOOR,
) -> list[list[str]]:
    """Give a cue to each sentence that has a content but no cue, when the model half-sees one.

    ``labels``, ``logprobs``: per paragraph, per word (well-formed BIO, :data:`LABELS` order);
    ``sentences``: the sentence id of each word. In such a sentence the ``O`` word with the
    highest ``B-CUE`` probability becomes ``B-CUE`` if that probability is at least
    ``min_prob``, and the ``O`` words right after it whose ``I-CUE`` probability is at least
    ``min_prob`` continue it. Without this, the grouping links the content to a cue in another
    sentence, and two attributions come out as one. Pure.
    """
    b_cue, i_cue = LABELS.index("B-CUE"), LABELS.index("I-CUE")
    floor = math.log(min_prob) if min_prob > 0 else -math.inf
    out: list[list[str]] = []
    for labs_in, rows, sent in zip(labels, logprobs, sentences, strict=True):
        labs = list(labs_in)
        with_cue = {sent[k] for k, lab in enumerate(labs) if lab.endswith("-CUE")}
        wanting = {sent[k] for k, lab in enumerate(labs) if lab.endswith("-CONTENT")} - with_cue
        for s in sorted(wanting):
            free = [k for k, lab in enumerate(labs) if sent[k] == s and lab == "O"]
            if not free:
                continue
            k = max(free, key=lambda j: rows[j][b_cue])
            if rows[k][b_cue] < floor:
                continue
            labs[k] = "B-CUE"
            k += 1
            while k < len(labs) and sent[k] == s and labs[k] == "O" and rows[k][i_cue] >= floor:
                labs[k] = "I-CUE"
                k += 1
        out.append(labs)
    return out


def document_labels(
    tagger: TransformerTagger,
    adoc: AnnotatedDocument,
    rule_quotes: Sequence[Quote],
    *,
    batch_size: int = 16,
    passes: int = DEFAULT_PASSES,
    cue_floor: float = DEFAULT_CUE_FLOOR,
) -> list[list[str]]:
    """BIO labels of every paragraph of ``adoc`` (:func:`document_sequences` order), ready for
    :func:`~.quote_tagger.quotes_from_labels`: Viterbi, then :func:`add_missing_cues`
    (``cue_floor`` 0 or above 1 turns it off)."""
    words, rules = document_inputs(adoc, rule_quotes)
    logprobs = predict_logprobs(tagger, words, rules, batch_size=batch_size, passes=passes)
    labels = [decode_bio(rows) for rows in logprobs]
    if not 0 < cue_floor <= 1:
        return labels
    doc = adoc.doc
    sent_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
    sentences = [[sent_of[i] for i in seq] for seq in document_sequences(doc)]
    return add_missing_cues(labels, logprobs, sentences, min_prob=cue_floor)


def transformer_quotes(
    adoc: AnnotatedDocument,
    *,
    model: str | Path | None = None,
    keep_rules: KeepRules = DEFAULT_KEEP_RULES,
    batch_size: int = 16,
    passes: int = DEFAULT_PASSES,
    cue_floor: float = DEFAULT_CUE_FLOOR,
) -> list[Quote]:
    """Quotes of ``adoc`` found by the transformer tagger on top of the rules.

    ``keep_rules``: as in :func:`.quote_tagger.tag_quotes` — ``"direct"`` keeps the rules'
    direct quotes as they are, ``"all"`` every rule quote, ``"none"`` only the tagger's.
    ``passes``, ``cue_floor``: see :func:`predict_logprobs`, :func:`add_missing_cues`.
    """
    from crosswire.extract.quotes import extract_quotes

    tagger = load_transformer(model)
    rule_quotes = extract_quotes(adoc, method="rules")
    labels = document_labels(
        tagger, adoc, rule_quotes, batch_size=batch_size, passes=passes, cue_floor=cue_floor
    )
    return quotes_from_labels(adoc, labels, rule_quotes=rule_quotes, keep_rules=keep_rules)
