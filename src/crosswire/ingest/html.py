"""The HTML reader: a news page → one Document, via trafilatura.

Input → output: decoded HTML (+ the URL it came from, if known) → :class:`Document` whose
``text`` is the article body trafilatura extracted (navigation, footers, share bars and
comments left out), with title, author, date, site name (also used as ``source``, else
the host name) and canonical URL from the page's metadata.

A page's correction or editor's notice that the extractor left out (sites set it apart, in an
``<aside class="correction">``, and extractors drop asides) is appended to ``text`` as a paragraph
of its own, for the clean stage to keep as the outlet's note: a correction must not vanish on the
way in. Only an element the page marks as one (its class or id says "correction",
"clarification", "editor's note") whose words read as a note on the report.

trafilatura (and lxml_html_clean, which it needs) is imported at first use; a missing
one raises :class:`~crosswire.errors.MissingDependency` naming the ``web`` extra.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from crosswire.clean.notes import note_kind
from crosswire.errors import MissingDependency, RejectedInput
from crosswire.ingest.dates import normalize_date
from crosswire.models import Document

__all__ = ["dropped_notices", "extract_html", "read_html"]


def _trafilatura() -> Any:
    try:
        import lxml_html_clean  # noqa: F401  # trafilatura's cleaner; fail here with the right message
        import trafilatura
    except ImportError as exc:
        raise MissingDependency(
            exc.name or "trafilatura", extra="web", purpose="Reading HTML pages and WARC archives"
        ) from exc
    return trafilatura


def extract_html(html: str, *, url: str | None = None) -> dict[str, Any]:
    """trafilatura's extraction as a dict (``text``, ``title``, ``author``, ``date``, ``sitename``, ``url``…).

    Returns ``{}`` when trafilatura finds no article in the page.
    """
    trafilatura = _trafilatura()
    with warnings.catch_warnings():
        # trafilatura 2.x trips lxml's FutureWarning about element truth-testing; not ours to fix.
        warnings.simplefilter("ignore", FutureWarning)
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
            # Only dates the page states in its markup: htmldate's extensive search guesses from
            # copyright lines and URLs ("© 2025" → 2025-01-01), and a guessed date is worse than none.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    if result is None:
        return {}
    fields: dict[str, Any] = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return fields


def read_html(html: str, *, path: str, doc_id: str, url: str | None = None, fmt: str = "html") -> Document:
    """One Document from an HTML page; raises :class:`RejectedInput` when no article text is found."""
    fields = extract_html(html, url=url)
    text = fields.get("text") or ""
    if not text.strip():
        raise RejectedInput(
            path,
            "no article text could be extracted from this HTML (empty page, script-only page, or a broken "
            "document); save the article page itself, or its text",
            code="no-text",
        )
    if notices := dropped_notices(html, text):
        text = text.rstrip() + "".join(f"\n\n{n}" for n in notices)
    title = _str(fields.get("title"))
    meta: dict[str, Any] = {}
    if title and text.startswith(title):
        # trafilatura repeats the headline as the first line; clean keeps it out of the body.
        meta["title_span"] = (0, len(title))
    site = _str(fields.get("sitename"))
    published = normalize_date(fields.get("date"))
    return Document(
        id=doc_id,
        text=text,
        path=path,
        format=fmt,
        url=_str(fields.get("url")) or url,
        source=site or _str(fields.get("hostname")),
        title=title,
        author=_str(fields.get("author")),
        published=published,
        published_from="html" if published else None,
        site_name=site,
        language=_str(fields.get("language")),
        meta=meta,
    )


# How a page marks its notice on the article: class="correction", id="editors-note", …
_NOTICE_MARK = re.compile(r"correction|clarification|editor['’]?s?[-_ ]?note|update[-_]?note", re.I)


def _marked(el: Any) -> bool:
    return bool(_NOTICE_MARK.search(f"{el.get('class') or ''} {el.get('id') or ''}"))


def dropped_notices(html: str, text: str) -> list[str]:
    """The page's correction and editor's notices (elements marked so by class or id) that read as
    a note on the report and are not in the extracted ``text``, in page order."""
    if not _NOTICE_MARK.search(html):
        return []  # most pages: no parse
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, etree.ParserError):
        return []  # trafilatura read the page; a page lxml cannot parse has no notices to add
    have = " ".join(text.split())
    out: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or not _marked(el):
            continue
        # the notice whole, else its paragraphs ("Corrections" above "Correction: An earlier …")
        for part in (el, *el.iter("p", "li")):
            words = " ".join(part.text_content().split())
            if words and words not in have and note_kind(words) is not None:
                out.append(words)
                have += " " + words
                if part is el:
                    break
    return out


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
