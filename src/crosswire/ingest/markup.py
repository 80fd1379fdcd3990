"""HTML fragments → plain text, for feed items (``<description>``, ``<content:encoded>``).

Input → output: an HTML fragment → text with one blank line between block elements, one
newline per ``<br>``, entities decoded, scripts and styles dropped. Full pages go through
trafilatura (:mod:`crosswire.ingest.html`), which also removes navigation and footers;
a feed item is already just the article, so a small stdlib parser is enough and fast.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_links", "html_to_text"]

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    ]
)
_SKIP = frozenset({"script", "style", "template", "noscript", "iframe", "svg"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or None
            self._words = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join(" ".join(self._words).split())))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._words.append(data)


def html_links(fragment: str) -> list[tuple[str, str]]:
    """The ``(href, anchor text)`` of every link of an HTML fragment, in order."""
    parser = _Links()
    parser.feed(fragment)
    parser.close()
    return parser.links


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (see the module docstring)."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
