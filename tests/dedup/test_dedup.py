"""dedup: fingerprints and exact/near duplicate detection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from crosswire import dedup
from crosswire.dedup.lsh import banded_pairs, lsh_params
from crosswire.dedup.near import hamming, simhash_pairs
from crosswire.dedup.sketch import (
    NUM_PERM,
    matching_form,
    minhash_values,
    shingle_hashes,
    simhash,
    word_tokens,
)
from crosswire.models import Document

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "hegseth-jaishankar"

WIRE = (
    "NEW DELHI — The Reserve Bank of India kept its benchmark repo rate unchanged at 6.5 per cent on "
    "Friday, citing sticky food inflation and uncertain monsoon rains. Governor Shaktikanta Das said the "
    "monetary policy committee voted five to one to hold rates and to remain focused on withdrawal of "
    "accommodation. The central bank raised its growth forecast for the current fiscal year to 7.2 per "
    "cent from 7 per cent, pointing to strong investment demand and a recovery in rural consumption. "
    "Economists polled before the meeting had expected no change. Retail inflation eased to 4.8 per cent "
    "in May but vegetable prices rose sharply in June, Das said, adding that the bank would act if price "
    "pressures spread. Bond yields rose two basis points after the announcement while the rupee was "
    "little changed against the dollar."
)


def _docs(*texts: str) -> list[Document]:
    return [Document(id=f"d{i}", text=t, published=f"2024-06-{10 + i:02d}") for i, t in enumerate(texts)]


def _seed_docs() -> list[Document]:
    return [Document(id=p.name[:3], text=p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def test_run_attaches_fingerprints_lazily() -> None:
    seen: list[str] = []

    def source() -> Iterator[Document]:
        for d in _docs(WIRE, WIRE.upper()):
            seen.append(d.id)
            yield d

    it = dedup.run(source())
    assert seen == []  # a generator: nothing read before the first next()
    first = next(it)
    assert first.fingerprint is not None and first.fingerprint.document == "d0"
    second = next(it)
    assert second.fingerprint is not None
    # Case and whitespace do not change the exact hash; the SimHash is 64 bits.
    assert first.fingerprint.exact == second.fingerprint.exact
    assert 0 <= first.fingerprint.simhash < 2**64
    assert len(first.fingerprint.minhash) == NUM_PERM


def test_matching_form_normalises_quotes_dashes_case_and_space() -> None:
    assert matching_form("“Deep  and\nongoing” — Hegseth’s words") == '"deep and ongoing" - hegseth\'s words'
    assert word_tokens("It’s “one of the most”") == ["it's", "one", "of", "the", "most"]


def test_minhash_is_datasketch_affine32_bit_for_bit() -> None:
    from datasketch import MinHash

    hashes = np.unique(shingle_hashes(word_tokens(WIRE)) >> np.uint64(32)).astype(np.uint32)
    ref = MinHash(num_perm=128, seed=1, hashfunc=lambda x: x)
    ref.update_batch([int(h) for h in hashes])
    assert np.array_equal(ref.hashvalues, minhash_values(hashes, num_perm=128, seed=1))
    fp = dedup.fingerprint("d", WIRE)
    lean = fp.minhash.lean()
    assert lean.jaccard(fp.minhash.lean()) == 1.0


def test_simhash_matches_the_definition() -> None:
    h = shingle_hashes(word_tokens(WIRE))
    uniq, counts = np.unique(h, return_counts=True)
    score = [0.0] * 64
    for x, c in zip(uniq.tolist(), counts.tolist(), strict=True):
        w = 1.0 + float(np.log(c))
        for k in range(64):
            score[k] += w if (x >> k) & 1 else -w
    assert simhash(h) == sum(1 << k for k in range(64) if score[k] > 0)
    assert simhash(np.zeros(0, dtype=np.uint64)) == 0


def test_exact_duplicate_points_to_the_earliest() -> None:
    copy = WIRE.replace("—", "-").replace(" on Friday", "  on\nFriday")
    later, earlier = (
        Document(id="late", text=WIRE, published="2024-06-12"),
        Document(id="early", text=copy, published="2024-06-11"),
    )
    dups = dedup.find_duplicates(list(dedup.run([later, earlier])))
    assert [(d.document, d.of, d.kind, d.similarity) for d in dups] == [("late", "early", "exact", 1.0)]


def test_light_rewrite_is_near_duplicate() -> None:
    rewrite = (
        WIRE.replace("NEW DELHI — ", "")
        .replace("on Friday", "on Friday morning")
        .replace("sharply", "steeply")
        .replace("little changed", "flat")
        + " (With inputs from agencies)"
    )
    docs = list(dedup.run(_docs(WIRE, rewrite)))
    dups = dedup.find_duplicates(docs)
    assert len(dups) == 1 and dups[0].document == "d1" and dups[0].of == "d0" and dups[0].kind == "near"
    assert 0.6 <= dups[0].similarity < 1.0


def test_same_event_different_article_is_not_a_duplicate() -> None:
    other = (
        "Mumbai: India's central bank left interest rates on hold for an eighth straight meeting, "
        "Governor Shaktikanta Das said on Friday, as the monetary policy committee voted five to one to keep "
        "the repo rate at 6.5 per cent. Das told reporters that food inflation remained a worry and that the "
        "bank would act if price pressures spread. The rupee barely moved, traders said, while the benchmark "
        "bond yield edged up. The bank now sees growth of 7.2 per cent this fiscal year."
    )
    docs = list(dedup.run(_docs(WIRE, other)))
    assert dedup.find_duplicates(docs) == []


def test_seed_reports_are_not_duplicates_of_each_other() -> None:
    docs = list(dedup.run(_seed_docs()))
    assert dedup.find_duplicates(docs) == []
    # …but a seed and its re-wrapped copy are.
    s = docs[2]
    rewrapped = Document(id="copy", text=" ".join(s.text.split()).replace("Tuesday", "Tuesday morning"))
    dups = dedup.find_duplicates([*docs, *dedup.run([rewrapped])])
    assert [(d.document, d.of, d.kind) for d in dups] == [("copy", s.id, "near")]


def test_simhash_block_index_finds_exactly_the_close_pairs() -> None:
    rng = np.random.default_rng(7)
    base = [int(x) for x in rng.integers(0, 2**63, size=40, dtype=np.int64)]
    hashes = dict(enumerate(base))
    for k, h in enumerate(base[:20]):  # a partner 0..5 bits away for half of them
        flips = rng.choice(64, size=k % 6, replace=False)
        hashes[100 + k] = h ^ sum(1 << int(f) for f in flips)
    brute = {(i, j) for i in hashes for j in hashes if i < j and hamming(hashes[i], hashes[j]) <= 3}
    assert simhash_pairs(hashes, 3) == brute
    assert {(k, 100 + k) for k in range(20) if k % 6 <= 3} <= brute


def test_simhash_of_a_one_word_edit_is_close() -> None:
    a = dedup.fingerprint("a", WIRE)
    b = dedup.fingerprint("b", WIRE.replace("sharply", "steeply"))
    assert hamming(a.simhash, b.simhash) <= 10
    assert hamming(a.simhash, dedup.fingerprint("c", _seed_docs()[0].text).simhash) > 10


def test_documents_without_fingerprint_are_fingerprinted() -> None:
    dups = dedup.find_duplicates(_docs(WIRE, WIRE))
    assert [(d.document, d.of, d.kind) for d in dups] == [("d1", "d0", "exact")]


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="near_threshold"):
        dedup.find_duplicates(_docs(WIRE, WIRE), near_threshold=0.99)
    with pytest.raises(ValueError, match="simhash_distance"):
        dedup.find_duplicates(_docs(WIRE, WIRE), simhash_distance=16)


def test_lsh_and_pairwise_paths_agree() -> None:
    docs = list(dedup.run(Document(id=d.id, text=d.text, published="2025-07-02") for d in _seed_docs()))
    edited = [
        Document(id=f"{d.id}-edit", text=d.text.replace(" the ", " a ", 2), published="2099-01-01")
        for d in docs
    ]
    batch = [*docs, *dedup.run(edited)]
    pairwise = dedup.find_duplicates(batch)
    via_lsh = dedup.find_duplicates(batch, lsh_from=2)
    assert pairwise == via_lsh
    assert sorted((d.document, d.of) for d in pairwise) == sorted((f"{d.id}-edit", d.id) for d in docs)


def test_lsh_params_match_datasketch() -> None:
    from datasketch.lsh import _optimal_param

    for threshold in (0.3, 0.6, 0.8, 0.95):
        assert lsh_params(threshold, 128) == _optimal_param(threshold, 128, 0.5, 0.5)


def test_banded_pairs_finds_similar_rows_only() -> None:
    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32, size=(50, 128), dtype=np.uint64).astype(np.uint32)
    near = base[:10].copy()
    near[:, :20] = rng.integers(0, 2**32, size=(10, 20), dtype=np.uint64).astype(np.uint32)  # J ≈ 0.84
    far = base[10:20].copy()
    far[:, :90] = rng.integers(0, 2**32, size=(10, 90), dtype=np.uint64).astype(np.uint32)  # J ≈ 0.3
    pairs = {tuple(p) for p in banded_pairs(np.vstack([base, near, far]), 0.6).tolist()}
    assert pairs == {(i, 50 + i) for i in range(10)}
