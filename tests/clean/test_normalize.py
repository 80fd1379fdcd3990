"""normalize_for_matching is same-length and only for matching."""

from __future__ import annotations

from crosswire.clean import normalize_for_matching
from crosswire.models import Document


def test_same_length_mapping() -> None:
    s = "“It’s deep—and ongoing”, he said\u00a0on\u2009Tuesday – ‘the US‑India’ «ties»"
    out = normalize_for_matching(s)
    assert len(out) == len(s)
    assert out == '"It\'s deep-and ongoing", he said on Tuesday - \'the US-India\' "ties"'


def test_plain_text_unchanged() -> None:
    s = "Plain ASCII text, with 'quotes' and \"double quotes\" - 10-year."
    assert normalize_for_matching(s) == s


def test_offsets_found_in_the_normalised_copy_hold_in_the_original(seed_documents: list[Document]) -> None:
    for doc in seed_documents:
        norm = normalize_for_matching(doc.text)
        assert len(norm) == len(doc.text)
        i = norm.find('"')
        if i >= 0:
            assert doc.text[i] in '"“”'


def test_to_clean_inverts_to_original_on_kept_text(seed_documents: list[Document]) -> None:
    for doc in seed_documents:
        om = doc.offsets
        assert om is not None
        for pos in range(0, om.clean_length, 7):
            assert om.to_clean(om.to_original(pos)) == pos
    # a deleted stretch maps to where the clean view resumes
    from crosswire.models import OffsetMap

    om = OffsetMap((0, 5), (0, 9), (5, 3))  # "Hello" + [4 deleted chars] + "abc"
    assert [om.to_clean(p) for p in (0, 4, 5, 8, 9, 11)] == [0, 4, 5, 5, 5, 7]
