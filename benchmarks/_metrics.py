"""Clustering metrics shared by the benchmarks: B-cubed precision/recall/F1 and ARI.

Input → output: two labelings of the same items (``dict`` item → cluster label) → figures.
B-cubed (Bagga & Baldwin 1998) averages, over items, the precision and recall of the item's
predicted cluster against its gold cluster; it rewards neither one big cluster nor singletons.
"""

from __future__ import annotations

import resource
import sys
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

__all__ = ["PrecomputedEmbedder", "adjusted_rand", "b_cubed", "peak_rss_mib", "report_streaming"]


def b_cubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """``(precision, recall, f1)`` of ``predicted`` against ``gold`` over the items of ``gold``."""
    items = list(gold)
    missing = [i for i in items if i not in predicted]
    if missing:
        raise ValueError(f"{len(missing)} gold items have no predicted cluster, e.g. {missing[0]!r}")
    pair = Counter((gold[i], predicted[i]) for i in items)
    g_size = Counter(gold[i] for i in items)
    p_size = Counter(predicted[i] for i in items)
    precision = recall = 0.0
    for (g, p), n in pair.items():
        # each of the n items in this (gold, predicted) cell has n correct companions
        precision += n * n / p_size[p]
        recall += n * n / g_size[g]
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> float:
    from sklearn.metrics import adjusted_rand_score

    items = list(gold)
    return float(adjusted_rand_score([str(gold[i]) for i in items], [str(predicted[i]) for i in items]))


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class PrecomputedEmbedder:
    """Serves vectors computed earlier for known texts and embeds (and remembers) the rest.

    So a benchmark can time clustering apart from the model, and re-runs after a change
    of the lead text only embed what changed.
    """

    def __init__(self, table: dict[str, Any], fallback: Any) -> None:
        self.name = "precomputed"
        self.dim = int(fallback.dim)
        self.table = table
        self.fallback = fallback
        self.embedded = 0  # texts the fallback had to embed

    def embed(self, texts: Sequence[str]) -> Any:
        import numpy as np

        missing = list(dict.fromkeys(t for t in texts if t not in self.table))
        if missing:
            for t, v in zip(missing, self.fallback.embed(missing), strict=True):
                self.table[t] = np.asarray(v, dtype=np.float32)
            self.embedded += len(missing)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.table[t] for t in texts])


def report_streaming(
    adocs: Sequence[Any],
    embedder: Any,
    gold: Mapping[str, Hashable],
    batch: Mapping[str, Hashable],
    *,
    orders: int = 3,
    regroup_every: int = 0,
    checkpoint: int = 100,
) -> None:
    """Stream ``adocs`` in ``orders`` shuffled arrival orders (seeds 0…) and print B³-F1 of each
    against gold and against the batch partition, then how much the orders agree.

    Also printed per order: the *running* B³-F1, the mean over checkpoints every ``checkpoint``
    documents of the documents seen so far (what a reader of the stream sees meanwhile). With
    ``regroup_every`` > 0 each order is streamed again with ``StreamingClusterer.regroup()``
    after every ``regroup_every`` documents and once at the end; a checkpoint is taken before
    the regrouping of its step, so it sees up to ``regroup_every`` documents not yet revised.
    """
    import random
    import time

    from crosswire.cluster.stream import StreamingClusterer
    from crosswire.testing import FixedClock

    def partition(sc: Any) -> dict[str, Hashable]:
        return {doc: st.id for st in sc.stories() for doc in st.documents}

    def stream(order: list[int], every: int) -> tuple[dict[str, Hashable], float, float, list[float]]:
        sc = StreamingClusterer(embedder, clock=FixedClock())
        running: list[float] = []
        regroup_times: list[float] = []
        t0 = time.perf_counter()
        for n, k in enumerate(order, 1):
            sc.add(adocs[k])
            if n % checkpoint == 0:
                sp = partition(sc)
                running.append(b_cubed({d: gold[d] for d in sp}, sp)[2])
            if every and (n % every == 0 or n == len(order)):
                t1 = time.perf_counter()
                sc.regroup()
                regroup_times.append(time.perf_counter() - t1)
        dt = time.perf_counter() - t0
        return partition(sc), dt, sum(running) / max(1, len(running)), regroup_times

    runs = []
    for seed in range(orders):
        order = list(range(len(adocs)))
        random.Random(seed).shuffle(order)
        sp, dt, run_f1, _ = stream(order, 0)
        runs.append(sp)
        print(
            f"streaming shuffle {seed}: B3 F1 vs gold {b_cubed(gold, sp)[2]:.3f}, "
            f"vs batch {b_cubed(batch, sp)[2]:.3f}, running {run_f1:.3f}  ({dt:.1f} s)"
        )
        if regroup_every:
            sp, dt, run_f1, times = stream(order, regroup_every)
            print(
                f"  + regroup every {regroup_every}: B3 F1 vs gold {b_cubed(gold, sp)[2]:.3f}, "
                f"vs batch {b_cubed(batch, sp)[2]:.3f}, running {run_f1:.3f}  ({dt:.1f} s; "
                f"{len(times)} regroupings, mean {sum(times) / len(times):.2f} s, last {times[-1]:.2f} s)"
            )
    agree = [b_cubed(runs[a], runs[b])[2] for a in range(orders) for b in range(a + 1, orders)]
    if agree:
        print(
            f"streaming order sensitivity: B3 F1 between shuffles min {min(agree):.3f} "
            f"mean {sum(agree) / len(agree):.3f}"
        )
