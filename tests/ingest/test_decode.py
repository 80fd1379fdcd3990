"""Charset detection: every common encoding of the same article decodes to the same text."""

from __future__ import annotations

import codecs

import pytest

from crosswire.errors import RejectedInput
from crosswire.ingest.decode import decode

ARTICLE = "Café talks: the minister’s “résumé” of the déjà-vu deal — naïve, said São Paulo’s envoy.\n"
LATIN1_ARTICLE = "Café talks: the minister's résumé of the déjà-vu deal, naïve, said São Paulo's envoy.\n"


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        (ARTICLE.encode("utf-8"), ARTICLE, "UTF-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), ARTICLE, "UTF-8 with BOM"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), ARTICLE, "UTF-16 LE"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), ARTICLE, "UTF-16 BE"),
        (ARTICLE.encode("utf-16-le"), ARTICLE, "UTF-16 LE without BOM"),
        (ARTICLE.encode("cp1252"), ARTICLE, "cp1252"),
        (LATIN1_ARTICLE.encode("latin-1"), LATIN1_ARTICLE, "cp1252"),
        ("Café".encode("latin-1"), "Café", "cp1252"),
    ],
)
def test_encodings(data: bytes, expected: str, encoding: str) -> None:
    assert decode(data, path="a.txt") == (expected, encoding)


def test_mixed_utf8_and_cp1252_keeps_both_halves() -> None:
    data = "Jaishankar’s visit — day one.\n".encode() + "Caf\xe9 r\xe9sum\xe9, said the envoy.\n".encode(
        "latin-1"
    )
    text, encoding = decode(data, path="m.txt")
    assert text == "Jaishankar’s visit — day one.\nCafé résumé, said the envoy.\n"
    assert encoding == "UTF-8 mixed with cp1252"


def test_cyrillic_legacy_encoding_goes_to_the_detector() -> None:
    text = "Министр обороны США встретился с министром иностранных дел Индии в Пентагоне.\n" * 3
    assert decode(text.encode("cp1251"), path="ru.txt")[0] == text


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b" \n\t \r\n  ", "empty"),
        ("\u3000\n".encode(), "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"text\x00with\x00nuls\x00here and there and a bit more", "binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", "decode"),
    ],
)
def test_rejected_bytes(data: bytes, code: str) -> None:
    with pytest.raises(RejectedInput) as exc:
        decode(data, path="bad.txt")
    assert exc.value.code == code
    assert exc.value.path == "bad.txt"
    assert exc.value.reason


def test_declared_charset_wins_over_guessing_for_markup() -> None:
    page = "<html><head><meta charset='windows-1251'></head><body><p>Министр обороны США</p></body></html>"
    text, encoding = decode(page.encode("cp1251"), path="ru.html")
    assert "Министр обороны США" in text
    assert encoding == "cp1251 (declared)"


def test_wrong_declaration_is_ignored() -> None:
    page = "<html><head><meta charset='utf-16'></head><body><p>Café</p></body></html>"
    assert "Café" in decode(page.encode("cp1252"), path="p.html")[0]


def _mojibake(text: str) -> str:
    """What a scraper makes of UTF-8 it reads as cp1252 and writes back as UTF-8."""
    # (bytes cp1252 leaves undefined, like 0x9d of "”", come through as latin-1 controls)
    return "".join(_cp1252(b) for b in text.encode("utf-8"))


def _cp1252(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


@pytest.mark.parametrize(
    ("scraped", "repaired"),
    [
        (
            _mojibake("François Hollande met officials at Guantánamo Bay."),
            "François Hollande met officials at Guantánamo Bay.",
        ),
        (_mojibake("“It’s fine,” Peña Nieto said."), "“It’s fine,” Peña Nieto said."),
        # decomposed by the scraper as well: "A" + combining tilde instead of "Ã"
        ("FranA\u0303\u00a7ois Hollande spoke.", "François Hollande spoke."),
    ],
)
def test_double_encoded_utf8_is_repaired(scraped: str, repaired: str) -> None:
    text, encoding = decode(scraped.encode("utf-8"), path="a.txt")
    assert text == repaired and encoding == "UTF-8, mojibake repaired"


def test_real_accents_and_curly_quotes_are_left_alone() -> None:
    assert decode(ARTICLE.encode("utf-8"), path="a.txt") == (ARTICLE, "UTF-8")
    # a byte lost on the way cannot be restored: such text stays as found
    damaged = "Rep. RaÃ\u0083Âol Grijalva said."
    assert decode(damaged.encode("utf-8"), path="a.txt")[0] in {damaged, "Rep. RaÃÂol Grijalva said."}
