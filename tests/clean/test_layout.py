"""The whitespace collapse and the run map it builds."""

from __future__ import annotations

import random

import pytest

from crosswire.clean.layout import collapse, split_lines
from crosswire.models import OffsetMap


def _ws(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("  One  two\t\tthree  ", "One two three"),
        ("Para one.\n\n\n\n\n\nPara two.\n\n", "Para one.\n\nPara two."),
        ("Line one.\nLine two.", "Line one.\nLine two."),
        ("Para one.\r\n\r\nPara two.\r\n", "Para one.\n\nPara two."),
        ("Para one.\n \t \n\u00a0\nPara two.", "Para one.\n\nPara two."),
        ("no\u00a0break\u00a0\u00a0space", "no break space"),
        ("tab\tonly", "tab only"),
        ("mixed \u2009\t run", "mixed run"),
        ("Old Mac\r\rline ends\u2028here", "Old Mac\n\nline ends\nhere"),
        (" lone ", "lone"),
        ("\n\n\n", ""),
        ("", ""),
    ],
)
def test_collapse(text: str, clean: str) -> None:
    out, offsets = collapse(text)
    assert out == clean
    assert offsets.clean_length == len(out)
    _assert_from_original(text, out, offsets)


def _assert_from_original(text: str, out: str, offsets: OffsetMap) -> None:
    """Each clean character is the original one it maps to; whitespace is a plain space or newline."""
    for i, ch in enumerate(out):
        orig = text[offsets.to_original(i)]
        assert orig == ch or (ch in " \n" and orig.isspace()), (i, ch, orig)
    assert not any(c.isspace() and c not in " \n" for c in out)


def test_deletions_take_their_line_break_with_them() -> None:
    text = "Para one.\nAdvertisement\nPara two.\n\nShare this\n\nPara three."
    lines = split_lines(text)
    drop = [
        (ln.line_start, ln.next) for ln in lines if text[ln.start : ln.end] in {"Advertisement", "Share this"}
    ]
    out, offsets = collapse(text, drop)
    assert out == "Para one.\nPara two.\n\nPara three."
    s, e = offsets.span_to_original(out.index("Para three."), len(out))
    assert text[s:e] == "Para three."


def test_split_lines_bounds() -> None:
    text = "  a b \r\n\n\tc"
    lines = split_lines(text)
    assert [(text[ln.start : ln.end], ln.blank) for ln in lines] == [("a b", False), ("", True), ("c", False)]
    assert [ln.next for ln in lines] == [8, 9, 11]


def test_random_messy_texts_round_trip() -> None:
    rng = random.Random(7)
    words = ["Hegseth", "said", "“deep”", "ties", "—", "India", "US-made", "10-year", "pillars."]
    spaces = [" ", "  ", "\t", "\u00a0", " \u2009", "\n", "\n\n", "\n \n\n\n", "\r\n", "\r\n\r\n\r\n"]
    for _ in range(200):
        parts = [rng.choice(spaces) if rng.random() < 0.3 else ""]
        for _ in range(rng.randint(1, 40)):
            parts += [rng.choice(words), rng.choice(spaces)]
        text = "".join(parts)
        out, offsets = collapse(text)
        assert _ws(out) == _ws(text)
        _assert_from_original(text, out, offsets)
        for _ in range(20):
            a, b = sorted(rng.sample(range(len(out) + 1), 2))
            s, e = offsets.span_to_original(a, b)
            assert _ws(text[s:e]) == _ws(out[a:b])


WRAPPED = (
    "BOSTON (AP) - Boston Red Sox owner John Henry said on Thursday night that his\n"
    'team would not sign first baseman Mark Teixeira. "We met with Mr. Teixeira and\n'
    'were very much impressed with him," Henry said in an e-mail to reporters.\n'
    "\n"
    "Teixeira, 28, is the most sought-after free agent this winter. The Washington\n"
    "Nationals made him an eight-year, $160 million offer last week.\n"
)


def test_a_hard_wrapped_text_is_read_as_paragraphs() -> None:
    from crosswire.clean.layout import hard_wrapped

    assert hard_wrapped(WRAPPED, split_lines(WRAPPED))
    out, offsets = collapse(WRAPPED, unwrap=True)
    assert out.split("\n\n")[0].count("\n") == 0  # the wraps are spaces; the paragraph break stays
    assert '"We met with Mr. Teixeira and were very much impressed with him,"' in out
    _assert_from_original(WRAPPED, out, offsets)
    # One paragraph a line, or lines that end their sentences, are no wrapping.
    one_a_line = WRAPPED.replace("his\nteam", "his team").replace("and\nwere", "and were")
    one_a_line = one_a_line.replace("Washington\nNationals", "Washington Nationals")
    assert not hard_wrapped(one_a_line, split_lines(one_a_line))
    sentences = "The talks began.\nThey ended at noon.\nNo deal was made.\n\nBoth sides left.\n"
    assert not hard_wrapped(sentences, split_lines(sentences))
