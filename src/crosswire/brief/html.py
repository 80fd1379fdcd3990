"""Brief → one self-contained HTML file (inline CSS and JS, no network, readable on a phone).

Input → output: briefs (via :func:`crosswire.brief.json_out.to_dict`) + rejects → HTML text.

Every citation is a link ``#doc-<id>-<start>-<end>`` to the cited characters inside the
embedded article. The article text is escaped and cut at every citation boundary into
``<span class="seg" data-c="…">``; an empty anchor marks each citation's start, so the link
works without JavaScript (the page jumps there and CSS ``:target`` lights the first
segment); a few lines of JS light the whole range. Nothing from an article is ever
emitted unescaped.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from crosswire.brief.json_out import ordered, short_ids, to_dict
from crosswire.models import Brief, Rejected

__all__ = ["anchor_id", "render_html"]

_CSS = """
:root{--fg:#1d1d1f;--muted:#6e6e73;--bg:#fff;--line:#e5e5ea;--hl:#ffe58f;--ok:#1f7a3d;--warn:#b25000;--bad:#b00020}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:60rem;margin:auto;padding:1rem}h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
.meta{color:var(--muted)}a{color:#0b57d0}a.cite{font-size:.8em;white-space:nowrap;text-decoration:none;margin-left:.15em}
.badge{display:inline-block;font-size:.75em;border-radius:.6em;padding:0 .5em;border:1px solid currentColor}
.corroborated{color:var(--ok)}.single_source{color:var(--warn)}.contested{color:var(--bad)}
ul,ol{padding-left:1.3rem}li{margin:.35rem 0}
.tbl{overflow-x:auto}table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid var(--line);padding:.2rem .4rem;text-align:center}
td.f{text-align:left;max-width:22rem}td.h1{background:#2e7d32;color:#fff}td.h0{background:#f5f5f7}
article.doc{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem;margin:.8rem 0;white-space:pre-wrap;word-wrap:break-word;font-size:.92em}
article.doc h3{white-space:normal;margin:.2rem 0 .5rem;font-size:1rem}
.seg.hl,a.anchor:target+.seg,a.anchor:target+a.anchor+.seg,a.anchor:target+a.anchor+a.anchor+.seg{background:var(--hl)}del{color:var(--bad)}ins{color:var(--ok);text-decoration:none;font-weight:600}
details{margin:.3rem 0}summary{cursor:pointer}
@media (max-width:600px){body{font-size:15px}main{padding:.6rem}}
"""

_JS = """
(function(){function show(){document.querySelectorAll('.seg.hl').forEach(function(e){e.classList.remove('hl')});
var id=decodeURIComponent(location.hash.slice(1));if(!id)return;
document.querySelectorAll('.seg').forEach(function(e){if((' '+e.getAttribute('data-c')+' ').indexOf(' '+id+' ')>=0)e.classList.add('hl')});
var d=document.getElementById(id);if(d&&d.closest){var det=d.closest('details');if(det)det.open=true}}
window.addEventListener('hashchange',show);show();})();
"""


def anchor_id(document: str, start: int, end: int) -> str:
    """The fragment id of a citation: ``doc-<id>-<start>-<end>`` (id made safe for HTML)."""
    return f"doc-{re.sub(r'[^A-Za-z0-9_-]', '_', document)}-{start}-{end}"


class _Cites:
    """Citation links, and every cited range per document for the article markup."""

    def __init__(self, short: dict[str, str]) -> None:
        self.short = short
        self.ranges: dict[str, set[tuple[int, int]]] = {}

    def links(self, cites: Iterable[dict[str, Any]], limit: int = 8) -> str:
        out: list[str] = []
        seen: set[str] = set()
        for c in cites:
            aid = anchor_id(c["document"], c["start"], c["end"])
            self.ranges.setdefault(c["document"], set()).add((c["start"], c["end"]))
            if aid in seen:
                continue
            seen.add(aid)
            label = f"{self.short.get(c['document'], c['document'])}:{c['start']}-{c['end']}"
            out.append(
                f'<a class="cite" href="#{aid}" title="{escape(c["text"][:300])}">[{escape(label)}]</a>'
            )
        extra = f' <span class="meta">+{len(out) - limit} more</span>' if len(out) > limit else ""
        return "".join(out[:limit]) + extra


def _article(doc: dict[str, Any], text: str, ranges: set[tuple[int, int]], label: str) -> str:
    """The escaped article text cut at every citation boundary, with an anchor at each citation start."""
    cuts = sorted({0, len(text)} | {s for s, _ in ranges} | {e for _, e in ranges})
    starts: dict[int, list[tuple[int, int]]] = {}
    for s, e in sorted(ranges, key=lambda r: (r[0], -(r[1] - r[0]))):
        starts.setdefault(s, []).append((s, e))
    parts = []
    for a, b in itertools.pairwise(cuts):
        for s, e in starts.get(a, []):
            parts.append(f'<a class="anchor" id="{anchor_id(doc["id"], s, e)}"></a>')
        covering = " ".join(anchor_id(doc["id"], s, e) for s, e in ranges if s <= a and b <= e)
        parts.append(f'<span class="seg" data-c="{covering}">{escape(text[a:b])}</span>')
    head = escape(doc["title"] or doc["path"] or doc["id"])
    meta = escape(" · ".join(x for x in (doc["source"], doc["published"], f"family {doc['family']}") if x))
    return (
        f'<article class="doc" id="article-{escape(doc["id"])}"><h3>[{escape(label)}] {head}</h3>'
        f'<div class="meta">{meta}</div>{"".join(parts)}</article>'
    )


def _story(brief: Brief, n: int) -> str:
    d = to_dict(brief)
    short = short_ids(d["story"]["documents"])
    cites = _Cites(short)
    s = d["story"]
    h: list[str] = [f'<section class="story" id="story-{n}">']
    h.append(f"<h1>{escape(s['headline'] or '(no headline)')}</h1>")
    h.append(
        f'<p class="meta">Event date: <b>{escape(s["event_date"] or "unknown")}</b> · '
        f"{len(s['documents'])} documents · {s['independent_sources']} independent sources</p>"
    )
    h.append("<h2>Summary</h2><ol>")
    h += [f"<li>{escape(x['text'])} {cites.links(x['citations'])}</li>" for x in d["summary"]]
    h.append("</ol><h2>Conflicts</h2>")
    if not d["conflicts"]:
        h.append("<p>None found.</p>")
    h.append("<ul>")
    for c in d["conflicts"]:
        sides = "".join(
            f"<li>“{escape(sd['value'])}” {cites.links(sd['citations'], 6)}</li>" for sd in c["sides"]
        )
        h.append(
            f'<li><span class="badge contested">{escape(c["kind"])}</span> {escape(c["description"])}<ul>{sides}</ul></li>'
        )
    h.append("</ul><h2>Facts</h2><ul>")
    for f in d["facts"]:
        if f["status"] == "single_source":
            continue
        h.append(
            f'<li><span class="badge {f["status"]}">{escape(f["status"].replace("_", " "))} · '
            f"{f['independent_sources']}</span> {escape(f['text'])} {cites.links(f['citations'], 6)}</li>"
        )
    h.append("</ul><h2>Quotes</h2><ul>")
    for q in d["quotes"]:
        who = escape(q["speaker_name"] or q["speaker"] or "unknown speaker")
        variants = []
        for v in q["variants"]:
            if v["text"] == q["text"]:
                continue
            diff = " ".join(
                escape(t["text"])
                if t["op"] == "equal"
                else (
                    f"<del>{escape(t['text'])}</del>"
                    if t["op"] == "delete"
                    else f"<ins>{escape(t['text'])}</ins>"
                )
                for t in v["diff"]
            )
            kind = "verbatim" if v["verbatim"] else "paraphrased"
            variants.append(
                f"<li>{kind}: “{escape(v['text'])}” {cites.links(v['citations'], 3)}<br><small>{diff}</small></li>"
            )
        more = (
            f"<details><summary>{len(variants)} variants</summary><ul>{''.join(variants)}</ul></details>"
            if variants
            else ""
        )
        h.append(
            f"<li><b>{who}</b> <span class='meta'>({escape(q['kind'])})</span>: “{escape(q['text'])}” {cites.links(q['citations'], 4)}{more}</li>"
        )
    h.append("</ul><h2>Timeline</h2><ul>")
    h += [
        f"<li><b>{escape(t['date'])}</b> — {escape(t['text'])} {cites.links(t['citations'], 4)}</li>"
        for t in d["timeline"]
    ]
    h.append("</ul><h2>Single-source claims</h2><ul>")
    h += [
        f"<li>{escape(f['text'])} {cites.links(f['citations'], 2)}</li>"
        for f in d["facts"]
        if f["status"] == "single_source"
    ]
    h.append("</ul><h2>Entities</h2><ul>")
    for e in d["entities"]:
        roles = f" — {escape(', '.join(e['roles']))}" if e["roles"] else ""
        h.append(
            f"<li><b>{escape(e['name'])}</b> <span class='meta'>{escape(e['type'])}</span>{roles} · {len(e['documents'])} documents</li>"
        )
    h.append("</ul><h2>Coverage</h2><div class='tbl'><table><tr><th>fact</th>")
    for doc_id, fam in zip(d["coverage"]["documents"], d["coverage"]["families"], strict=True):
        h.append(f"<th>{escape(short.get(doc_id, doc_id))}<br><small>{escape(fam)}</small></th>")
    h.append("</tr>")
    texts = {f["id"]: f["text"] for f in d["facts"]}
    for row in d["coverage"]["rows"]:
        cells = "".join(f'<td class="h{v}">{"■" if v else ""}</td>' for v in row["cells"])
        h.append(
            f'<tr><td class="f" title="{escape(texts[row["fact"]])}">{escape(row["fact"])} <span class="badge {row["status"]}">{escape(row["status"].replace("_", " "))}</span></td>{cells}</tr>'
        )
    h.append("</table></div><h2>Articles</h2>")
    for doc, full in zip(d["documents"], brief.documents, strict=True):
        h.append(
            _article(doc, full.text, cites.ranges.get(doc["id"], set()), short.get(doc["id"], doc["id"]))
        )
    h.append("</section>")
    return "\n".join(h)


def render_html(briefs: Sequence[Brief], *, rejected: Sequence[Rejected]) -> str:
    body = [_story(b, n) for n, b in enumerate(ordered(briefs), 1)]
    if not briefs:
        body.append("<p>No stories.</p>")
    if rejected:
        body.append("<h2>Rejected inputs</h2><ul>")
        for r in rejected:
            where = f"{r.path}:{r.line}" if r.line is not None else r.path
            body.append(f"<li><code>{escape(where)}</code> — {escape(r.reason)}</li>")
        body.append("</ul>")
    title = escape(briefs[0].headline if briefs else "crosswire brief")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{title}</title><style>{_CSS}</style></head><body><main>"
        + "\n".join(body)
        + f"</main><script>{_JS}</script></body></html>\n"
    )
