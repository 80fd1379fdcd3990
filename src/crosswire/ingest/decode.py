"""Bytes → text: charset detection and the binary / empty / undecodable checks.

Input → output: the raw bytes of one file or record → ``(text, encoding)``, or
:class:`~crosswire.errors.RejectedInput` with a reason the user can act on.

Order of decisions (cheapest and most certain first):

1. empty → ``empty``; a known binary signature (PDF, ZIP, PNG, …) → ``binary``;
2. a byte-order mark decides the codec (UTF-8, UTF-16 LE/BE, UTF-32);
3. NUL bytes without a BOM: UTF-16 without BOM when every other byte is NUL, else ``binary``;
4. strict UTF-8 (the common case: no detector is imported at all);
5. a charset the file declares (``<meta charset>``, ``<?xml encoding?>``) or its container
   does (a WARC record's HTTP ``Content-Type``), when the bytes decode cleanly with it;
6. *mixed* encodings — valid multi-byte UTF-8 next to stray single bytes, as when a
   latin-1 paragraph is pasted into a UTF-8 file — decode as UTF-8 and read each stray
   byte as cp1252 (so ``é`` stays ``é`` in both halves);
7. a single-byte legacy encoding: Western text (mostly ASCII letters with a few accented
   ones) is cp1252, which is a superset of the printable latin-1 range; anything else
   goes to charset-normalizer, whose guesses on short Western text are unreliable
   (it reads ``Café`` as UTF-16) — hence step 7's order;
8. the decoded text must be text: too many control characters → ``binary``;
   nothing but whitespace → ``empty``;
9. text that was UTF-8 read as cp1252/latin-1 somewhere upstream (*mojibake*: "FranÃ§ois",
   "itâ€™s", "GuantÃ¡namo") is repaired (:func:`repair_mojibake`, ftfy's encoding fixer and
   nothing else of ftfy), so names are names; the encoding label says so.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from crosswire.errors import MissingDependency, RejectedInput

__all__ = ["declared_charset", "decode", "looks_binary", "repair_mojibake"]

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# C0 controls other than tab, newline, vertical tab, form feed, carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_DECLARED = re.compile(
    rb"""(?i)(?:<meta[^>]{0,200}?charset|<\?xml[^>]{0,100}?encoding|^content-type:[^\n]*?charset)\s*=\s*["']?([a-z0-9_.:-]{2,40})""",
    re.M,
)
_ALPHA_RUN = re.compile(r"[^\W\d_]+")
#: A text with more than this share of control characters is binary that happened to decode.
_MAX_CONTROL_SHARE = 0.01
#: Western single-byte text: at most this share of its letters are non-ASCII (or only a few at all).
_MAX_WESTERN_SHARE = 0.3
_FEW_NON_ASCII = 3


def looks_binary(head: bytes) -> str | None:
    """What kind of binary file ``head`` starts like (``"a PDF document"``), or None."""
    for sig, kind in _SIGNATURES:
        if head.startswith(sig):
            return kind
    return None


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML ``<meta>``, an XML declaration or an HTTP header names, if Python knows it."""
    m = _DECLARED.search(head[:4096])
    if m is None:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, path: str, declared: str | None = None) -> tuple[str, str]:
    """Decode one file's bytes; returns ``(text, encoding)`` or raises :class:`RejectedInput`.

    ``declared`` is a charset the container names (HTTP ``Content-Type``); else the bytes'
    own ``<meta charset>`` / ``<?xml encoding?>`` is used. A declaration is trusted only when
    the bytes are not UTF-8 and decode cleanly with it.
    """
    if not data:
        raise RejectedInput(path, "the file is empty (0 bytes)", code="empty")
    if kind := looks_binary(data[:16]):
        raise RejectedInput(
            path,
            f"this is {kind}, not text; crosswire reads plain text, HTML, JSON Lines, RSS/Atom, WARC and e-mail (.eml, mbox)",
            code="binary",
        )
    text, encoding = _decode(data, path=path, declared=declared)
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = len(_CONTROL.findall(text))
    if controls > max(2, _MAX_CONTROL_SHARE * len(text)):
        raise RejectedInput(
            path,
            f"looks like binary data ({controls} control characters in {len(text)} characters read as {encoding}); "
            "convert it to text first",
            code="binary",
        )
    if not text.strip():
        raise RejectedInput(path, "the file contains only whitespace", code="empty")
    repaired = repair_mojibake(text)
    if repaired != text:
        return repaired, f"{encoding}, mojibake repaired"
    return text, encoding


# A UTF-8 lead byte read as cp1252/latin-1 ("Ã", "Â", "â"), possibly decomposed ("A" + a
# combining tilde), followed by a continuation byte read the same way: the mark of mojibake.
# Only text holding one is handed to ftfy, so clean text costs one regex scan.
_MOJIBAKE = re.compile(
    "(?:[\u00c2-\u00f4]|[AaEeIiOoUu][\u0300-\u036f])"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_DECOMPOSED = re.compile("[A-Za-z][\u0300-\u036f]+")


def repair_mojibake(text: str) -> str:
    """``text`` with double-encoded UTF-8 decoded once more ("FranÃ§ois" → "François").

    ftfy decides, sequence by sequence, whether text is mojibake, and leaves real accented
    text ("Café", "São Paulo") alone; only its encoding fixer runs (quotes stay curly,
    widths, ligatures, line breaks and control characters stay as they are). Sequences
    damaged beyond repair (a byte lost on the way) are left as found.
    """
    if not _MOJIBAKE.search(text):
        return text
    import ftfy

    # Some scrapers also decompose the mojibake ("A" + U+0303 for "Ã"): compose those letters
    # first, only where they occur, so the offsets of everything else do not move.
    composed = _DECOMPOSED.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)
    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=False,
        replace_lossy_sequences=False,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    fixed: str = ftfy.fix_text(composed, config)
    return fixed if fixed != composed else text


def _decode(data: bytes, *, path: str, declared: str | None) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label
            except UnicodeDecodeError as exc:
                raise RejectedInput(
                    path,
                    f"starts with a {label} byte-order mark but is not valid {label} "
                    f"(byte {exc.start + len(bom)}): re-save it in one encoding, preferably UTF-8",
                    code="decode",
                ) from None
    if b"\x00" in data:
        return _nul_bytes(data, path=path)
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    declared = declared or declared_charset(data)
    # UTF-16/32 are settled by the BOM and NUL checks above; a declaration of them on bytes
    # without NULs is wrong, and "decoding" with it would turn any even-length text into CJK.
    if declared and declared not in ("utf-8", "ascii") and not declared.startswith(("utf-16", "utf-32")):
        try:
            return data.decode(declared), f"{declared} (declared)"
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; fall through to detection
    if _has_utf8_multibyte(data):
        return data.decode("utf-8", errors="crosswire-cp1252"), "UTF-8 mixed with cp1252"
    return _legacy(data, path=path)


def _nul_bytes(data: bytes, *, path: str) -> tuple[str, str]:
    """NUL bytes and no BOM: UTF-16 without BOM if the NULs sit on one parity, else binary."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for zeros, codec, label in ((odd, "utf-16-le", "UTF-16 LE"), (even, "utf-16-be", "UTF-16 BE")):
        if len(zeros) and zeros.count(0) / len(zeros) > 0.9 and len(data) % 2 == 0:
            try:
                return data.decode(codec), f"{label} without BOM"
            except UnicodeDecodeError:
                break
    raise RejectedInput(
        path,
        "contains NUL bytes: this is a binary file, not text (if it is UTF-16 text, save it with a BOM or as UTF-8)",
        code="binary",
    )


def _has_utf8_multibyte(data: bytes) -> bool:
    """True when ``data`` holds at least one well-formed multi-byte UTF-8 sequence."""
    text = data.decode("utf-8", errors="replace")
    return any(ch != "\ufffd" for ch in _NON_ASCII.findall(text))


def _legacy(data: bytes, *, path: str) -> tuple[str, str]:
    western = data.decode("cp1252", errors="crosswire-latin1")
    letters = "".join(_ALPHA_RUN.findall(western))
    non_ascii = len(_NON_ASCII.findall(letters))
    if non_ascii <= _FEW_NON_ASCII or non_ascii <= _MAX_WESTERN_SHARE * len(letters):
        return western, "cp1252"
    try:
        from charset_normalizer import from_bytes
    except ImportError as exc:  # pragma: no cover - it is a core dependency
        raise MissingDependency("charset-normalizer", extra="all", purpose="Reading non-UTF-8 files") from exc
    best = from_bytes(data).best()
    if best is None:
        raise RejectedInput(
            path,
            "is not UTF-8 and no other character encoding fits it; re-save it as UTF-8",
            code="decode",
        )
    return str(best), str(best.encoding)


def _cp1252_errors(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: read each byte UTF-8 could not decode as cp1252 (latin-1 for its 5 holes)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="crosswire-latin1"), exc.end


def _latin1_errors(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: bytes undefined in cp1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as latin-1."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("crosswire-cp1252", _cp1252_errors)
codecs.register_error("crosswire-latin1", _latin1_errors)
