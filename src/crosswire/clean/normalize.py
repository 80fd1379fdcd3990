"""Same-length character normalisation, for matching only.

Input → output: text → text of exactly the same length in which typographic variants
become their plain form, so offsets found in the normalised copy are offsets in the
original. Never used for anything shown to a reader.
"""

from __future__ import annotations

__all__ = ["normalize_for_matching"]

_MAP = {
    # single quotes, apostrophes, primes, accents used as quotes
    **dict.fromkeys("‘’‚‛′‵`´ʹʻʼʽˈ＇", "'"),
    # double quotes, guillemets, double primes
    **dict.fromkeys("“”„‟″‶«»〝〞〟＂", '"'),
    # hyphens, dashes, minus signs
    **dict.fromkeys("‐‑‒–—―−⁃﹘﹣－", "-"),
    # non-breaking and typographic spaces, invisible separators
    **dict.fromkeys(
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u200b\ufeff",
        " ",
    ),
    # line and paragraph separators
    **dict.fromkeys("\u2028\u2029\x85", "\n"),
    "\u00ad": "-",  # soft hyphen
    "\u2024": ".",  # one-dot leader
    "\u2044": "/",  # fraction slash
}
_TABLE = str.maketrans(_MAP)


def normalize_for_matching(s: str) -> str:
    """``s`` with curly quotes straight, dashes ``-``, exotic spaces ``" "``; ``len`` unchanged."""
    return s.translate(_TABLE)
