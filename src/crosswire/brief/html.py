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

from crosswire.brief.json_out import (
    EMPTY,
    INFERRED_DATE_NOTE,
    NOTES_INTRO,
    RETRACTED,
    SOURCING_INTRO,
    SOURCING_TITLE,
    contents,
    contents_line,
    details_note,
    fact_reading,
    hedged_note,
    no_comments,
    ordered,
    origins,
    outlet_notes,
    short_ids,
    superseded_line,
    timeline_by_date,
    to_dict,
    unnamed_by_document,
    unnamed_note,
    unverified_by_document,
)
from crosswire.brief.quotes import (
    kind_documents,
    several_days,
    show_diff,
    shown_variants,
    speaker_label,
    split_quotes,
    variant_label,
    when_label,
)
from crosswire.labels import counted, source_name
from crosswire.models import Brief, Rejected

__all__ = ["anchor_id", "render_html"]

_CSS = """
:root{--fg:#1c1c1e;--muted:#636366;--bg:#f5f5f7;--card:#fff;--line:#e3e3e8;--hl:#ffe58f;--link:#0a58ca;
--ok:#1f7a3d;--ok-bg:#e8f5ec;--warn:#9a4a00;--warn-bg:#fff3e0;--bad:#b00020;--bad-bg:#fdecee}
@media (prefers-color-scheme:dark){:root{--fg:#f2f2f7;--muted:#a1a1a6;--bg:#111113;--card:#1c1c1f;--line:#333338;
--hl:#6b5500;--link:#79a8ff;--ok:#6fd08c;--ok-bg:#173321;--warn:#ffb366;--warn-bg:#3a2713;--bad:#ff6b81;--bad-bg:#3d1820}}
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:58rem;margin:auto;padding:1rem}
header.top{padding:.4rem 0 .8rem}header.top .kicker{font-size:.75rem;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
h1{font-size:1.55rem;line-height:1.25;margin:.2rem 0 .5rem}
h2{font-size:1.05rem;margin:0 0 .6rem;letter-spacing:.01em}
h2 .n{color:var(--muted);font-weight:400;font-size:.9em}
section.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:.9rem 1.1rem;margin:.9rem 0}
.meta{color:var(--muted);font-size:.9em}.ed{color:var(--muted)}.pills{display:flex;flex-wrap:wrap;gap:.4rem;margin:.3rem 0}
.pill{background:var(--card);border:1px solid var(--line);border-radius:999px;padding:.1rem .65rem;font-size:.85em}
nav.toc{display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.9em;margin:.4rem 0 0}
a{color:var(--link)}nav.toc a{text-decoration:none}.meta code{white-space:nowrap}
a.cite{display:inline-block;font-size:.72em;line-height:1.5;white-space:nowrap;text-decoration:none;
border:1px solid var(--line);border-radius:.4em;padding:0 .35em;margin:0 .1em;color:var(--link);vertical-align:.1em}
a.cite:hover,a.cite:focus{background:var(--hl);color:var(--fg)}
.badge{display:inline-block;font-size:.72em;font-weight:600;border-radius:.5em;padding:.05em .5em;margin-right:.3em;
vertical-align:.1em;white-space:nowrap}
.corroborated{color:var(--ok);background:var(--ok-bg)}.single_source,.unnamed{color:var(--warn);background:var(--warn-bg)}
.contested,.conflict{color:var(--bad);background:var(--bad-bg)}.kind{color:var(--muted);background:var(--bg)}
ul,ol{padding-left:1.25rem;margin:.2rem 0}li{margin:.45rem 0}ol.summary li{margin:.6rem 0}
li.fact,li.quote{list-style:none;margin-left:-1.25rem;padding:.45rem 0;border-top:1px solid var(--line)}
li.fact:first-child,li.quote:first-child{border-top:0}
q.said{quotes:"“" "”";font-style:normal}.who{font-weight:600}
.variants{margin:.2rem 0 0;font-size:.92em}.variants li{margin:.25rem 0}
.tbl{overflow-x:auto}table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid var(--line);padding:.2rem .45rem;text-align:center}
td.f{text-align:left;max-width:24rem;min-width:12rem}td.h1{background:var(--ok);color:#fff}td.h0{background:var(--bg)}
article.doc{border-top:1px solid var(--line);padding:.6rem 0;margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.92em}
article.doc h3{white-space:normal;margin:.2rem 0 .3rem;font-size:1rem}
.seg.hl,a.anchor:target+.seg,a.anchor:target+a.anchor+.seg,a.anchor:target+a.anchor+a.anchor+.seg{background:var(--hl)}
a.anchor{scroll-margin-top:4rem}
del{color:var(--bad)}ins{color:var(--ok);text-decoration:none;font-weight:600}
details{margin:.3rem 0}summary{cursor:pointer;color:var(--muted)}
@media (max-width:600px){body{font-size:15.5px}main{padding:.5rem}section.card{padding:.75rem .8rem;border-radius:.6rem}
h1{font-size:1.3rem}td.f{min-width:9rem}}
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
        """Compact source chips: the document's short id (``002``; ``002a``, ``002b`` when one
        list cites a document twice); the range and the cited words are in the tooltip."""
        unique: list[dict[str, Any]] = []
        seen: set[str] = set()
        for c in cites:
            aid = anchor_id(c["document"], c["start"], c["end"])
            self.ranges.setdefault(c["document"], set()).add((c["start"], c["end"]))
            if aid not in seen:
                seen.add(aid)
                unique.append(c)
        per_doc: dict[str, int] = {}
        for c in unique:
            per_doc[c["document"]] = per_doc.get(c["document"], 0) + 1
        nth: dict[str, int] = {}
        out: list[str] = []
        for c in unique:
            doc = c["document"]
            short = self.short.get(doc, doc)
            label = short
            if per_doc[doc] > 1:
                label += "abcdefghijklmnopqrstuvwxyz"[min(nth.get(doc, 0), 25)]
                nth[doc] = nth.get(doc, 0) + 1
            tip = f"{short}:{c['start']}-{c['end']} — {c['text'][:300]}"
            out.append(
                f'<a class="cite" href="#{anchor_id(doc, c["start"], c["end"])}" title="{escape(tip)}">'
                f"{escape(label)}</a>"
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
    meta = escape(" · ".join(x for x in (source_name(doc), doc["published"], f"family {doc['family']}") if x))
    return (
        f'<article class="doc" id="article-{escape(doc["id"])}"><h3>[{escape(label)}] {head}</h3>'
        f'<div class="meta">{meta}</div>{"".join(parts)}</article>'
    )


def _diff_html(v: dict[str, Any]) -> str:
    return " ".join(
        escape(t["text"])
        if t["op"] == "equal"
        else (f"<del>{escape(t['text'])}</del>" if t["op"] == "delete" else f"<ins>{escape(t['text'])}</ins>")
        for t in v["diff"]
    )


def _quote(q: dict[str, Any], cites: _Cites, *, variants: bool = True, reported: bool = True) -> str:
    who = escape(speaker_label(q))
    said, dated_by = when_label(q, reported=reported)
    when = f" · {escape(said)}" + (f" {cites.links([dated_by], 1)}" if dated_by else "") if said else ""
    items = []
    for v in shown_variants(q) if variants else []:
        kind = escape(variant_label(v, q))
        diff = f"<br><small>changes: {_diff_html(v)}</small>" if show_diff(v) else ""
        items.append(
            f"<li><span class='meta'>{kind}:</span> <q class='said'>{escape(v['text'])}</q> "
            f"{cites.links(v['citations'], 3)}{diff}</li>"
        )
    more = (
        f"<details class='variants'><summary>{counted(len(items), 'other wording')}"
        f"</summary><ul>{''.join(items)}</ul></details>"
        if items
        else ""
    )
    return (
        f"<li class='quote'><span class='who'>{who}</span> <span class='badge kind'>{escape(q['kind'])}</span>"
        f"<span class='meta'>{kind_documents(q)}{when}</span><br>"
        f"<q class='said'>{escape(q['text'])}</q> {cites.links(q['citations'], 4)}{more}</li>"
    )


def _has_sourcing(d: dict[str, Any]) -> bool:
    return bool(unnamed_by_document(d) or no_comments(d) or unverified_by_document(d))


def _sourcing(d: dict[str, Any], short: dict[str, str], cites: _Cites, sid: str) -> list[str]:
    """The section on unnamed sources, no-comments and what reports could not verify, or nothing
    when the reports have none."""
    unnamed, silent, unverified = unnamed_by_document(d), no_comments(d), unverified_by_document(d)
    if not unnamed and not silent and not unverified:
        return []
    h = [
        f'<section class="card" id="{sid}-sourcing"><h2>{escape(SOURCING_TITLE)}</h2>'
        f"<p class='meta'>{escape(SOURCING_INTRO)}</p><ul>"
    ]
    for doc_id, words, why in unnamed:
        line = f'<li class="fact"><a href="#article-{escape(doc_id)}"><b>{escape(short.get(doc_id, doc_id))}</b></a>'
        if words:
            line += " — unnamed: " + ", ".join(
                f"<q class='said'>{escape(' '.join(c['text'].split()))}</q> {cites.links([c])}" for c in words
            )
        if why:
            line += (
                ("; " if words else " — ")
                + "not named: "
                + ", ".join(
                    f"<q class='said'>{escape(' '.join(c['text'].split()))}</q> {cites.links([c])}"
                    for c in why
                )
            )
        h.append(line + "</li>")
    for who, details in silent:
        h.append(
            f'<li class="fact"><span class="badge kind">no comment</span><b>{escape(who)}</b>: '
            + "; ".join(f"{escape(what)} {cites.links(c)}" for what, c in details)
            + "</li>"
        )
    for doc_id, said in unverified:
        h.append(
            f'<li class="fact"><a href="#article-{escape(doc_id)}"><b>{escape(short.get(doc_id, doc_id))}</b></a>'
            + " — could not verify: "
            + ", ".join(
                f"<q class='said'>{escape(' '.join(c['text'].split()))}</q> {cites.links([c])}" for c in said
            )
            + "</li>"
        )
    h.append("</ul></section>")
    return h


def _story(brief: Brief, n: int) -> str:
    d = to_dict(brief)
    short = short_ids(d["story"]["documents"], urls={doc["id"]: doc["url"] for doc in d["documents"]})
    cites = _Cites(short)
    s = d["story"]
    corroborated = [f for f in d["facts"] if f["status"] != "single_source"]
    single = [f for f in d["facts"] if f["status"] == "single_source"]
    main_quotes, other_quotes = split_quotes(d)
    names = {e["id"]: e["name"] for e in d["entities"]}

    def reading(f: dict[str, Any]) -> str:
        head, name, tail = fact_reading(f, names)
        note = (
            f"<span class='ed' title='editor’s note: who is meant, or who said the quoted words'>[{escape(name)}]</span>"
            if name
            else ""
        )
        return escape(head) + (" " + note if note else "") + escape(tail)

    shared, alone, families = origins(d, short)
    sid = f"s{n}"
    h: list[str] = [f'<div class="story" id="story-{n}"><header class="top">']
    # a rising toll ("update") is listed with the conflicts but is not one
    disputes = sum(1 for c in d["conflicts"] if c["kind"] != "update")
    h.append('<div class="kicker">crosswire brief</div>')
    h.append(f"<h1>{escape(s['headline'] or '(no headline)')}</h1>")
    h.append(
        '<div class="pills">'
        f'<span class="pill">Event date <b>{escape(s["event_date"] or "unknown")}</b></span>'
        f'<span class="pill">{counted(len(s["documents"]), "document")}</span>'
        f'<span class="pill" title="{escape(shared)}">{counted(s["independent_sources"], "independent source")}</span>'
        f'<span class="pill">{counted(len(corroborated), "corroborated fact")}</span>'
        f'<span class="pill">{counted(disputes, "conflict")}</span></div>'
    )
    toc = [
        ("summary", "Summary"),
        ("facts", "Facts"),
        ("conflicts", "Conflicts"),
        *([("sourcing", "Sourcing")] if _has_sourcing(d) else []),
        ("quotes", "Who said what"),
        ("timeline", "Timeline"),
        ("single", "Single source"),
        ("coverage", "Coverage"),
        ("origins", "Origins"),
        ("articles", "Articles"),
    ]
    h.append(
        '<nav class="toc">'
        + "".join(f'<a href="#{sid}-{k}">{escape(t)}</a>' for k, t in toc)
        + "</nav></header>"
    )

    h.append(f'<section class="card" id="{sid}-summary"><h2>Summary</h2><ol class="summary">')
    h += [f"<li>{escape(x['text'])} {cites.links(x['citations'])}</li>" for x in d["summary"]]
    h.append("</ol>" + ("" if d["summary"] else f"<p>{escape(EMPTY['summary'])}</p>") + "</section>")

    h.append(
        f'<section class="card" id="{sid}-facts"><h2>Corroborated facts <span class="n">{len(corroborated)}</span></h2><ul>'
    )
    for f in corroborated:
        h.append(
            f'<li class="fact"><span class="badge {f["status"]}">{escape(f["status"].replace("_", " "))} · '
            f"{f['independent_sources']} sources</span>"
            + (
                f'<span class="badge unnamed">{escape(rests)}</span>'
                if (rests := unnamed_note(f, short))
                else ""
            )
            + (
                f'<span class="badge unnamed">{escape(hedge)}</span>'
                if (hedge := hedged_note(f, short))
                else ""
            )
            + f"{reading(f)}"
            + (f"<span class='meta'> — {escape(detail)}</span>" if (detail := details_note(f, short)) else "")
            + f" {cites.links(f['citations'], 10)}</li>"
        )
    if not corroborated:
        h.append(f"<li class='fact'>{escape(EMPTY['facts'])}</li>")
    h.append("</ul></section>")

    h.append(
        f'<section class="card" id="{sid}-conflicts"><h2>Conflicts <span class="n">{disputes}</span>'
        + (" and updates" if disputes < len(d["conflicts"]) else "")
        + "</h2>"
    )
    if not d["conflicts"]:
        h.append("<p>None found.</p>")
    h.append("<ul>")
    for c in d["conflicts"]:
        sides = "".join(
            f"<li><q class='said'>{escape(sd['value'])}</q> {cites.links(sd['citations'], 6)}</li>"
            for sd in c["sides"]
        )
        h.append(
            f'<li class="fact"><span class="badge {"kind" if c["kind"] == "update" else "conflict"}">{escape(c["kind"])}</span>{escape(c["description"])}<ul>{sides}</ul></li>'
        )
    h.append("</ul></section>")
    notes = outlet_notes(d)
    versions = [(doc["id"], line) for doc in d["documents"] if (line := superseded_line(doc, short))]
    if notes or versions:
        h.append(
            f'<section class="card" id="{sid}-notes"><h2>Corrections and editor\'s notes <span class="n">{len(notes) + len(versions)}</span></h2>'
            f"<p class='meta'>{escape(NOTES_INTRO)}</p><ul>"
        )
        for note in notes:
            h.append(
                f'<li class="fact"><span class="badge kind">{escape(note["kind"])}</span>'
                f"<q class='said'>{escape(' '.join(note['citation']['text'].split()))}</q> {cites.links([note['citation']])}"
                + (
                    f"<span class='meta'> — {escape(RETRACTED)}</span>"
                    if note["kind"] == "retraction"
                    else ""
                )
                + "</li>"
            )
        for doc_id, line in versions:
            h.append(
                f'<li class="fact"><span class="badge kind">earlier version</span><a href="#article-{escape(doc_id)}"><b>{escape(short.get(doc_id, doc_id))}</b></a>: {escape(line)}</li>'
            )
        h.append("</ul></section>")

    h += _sourcing(d, short, cites, sid)
    h.append(
        f'<section class="card" id="{sid}-quotes"><h2>Who said what <span class="n">{len(main_quotes)}</span></h2><ul>'
    )
    days = several_days(d)
    h += [_quote(q, cites, reported=days) for q in main_quotes]
    if not main_quotes:
        h.append("<li class='quote'>None found.</li>")
    h.append("</ul>")
    if other_quotes:
        h.append(
            f"<details><summary>{len(other_quotes)} other attributions (unknown speaker, too few words, "
            "or a report of someone else's words)</summary><ul>"
        )
        h += [_quote(q, cites, variants=False, reported=days) for q in other_quotes]
        h.append("</ul></details>")
    h.append("</section>")

    h.append(f'<section class="card" id="{sid}-timeline"><h2>Timeline</h2>')
    if any(t.get("date_inferred") for t in d["timeline"]):
        h.append(f"<p class='meta'>{escape(INFERRED_DATE_NOTE)}</p>")
    h.append("<ul>")
    # entries of one date read as one line of the timeline, each sentence under it
    for date, inferred, same in timeline_by_date(d["timeline"]):
        head = f"<b>{escape(date)}</b>" + (" <span class='meta'>(inferred)</span>" if inferred else "")
        lines = [f"{escape(t['text'])} {cites.links(t['citations'], 4)}" for t in same]
        if len(lines) == 1:
            h.append(f"<li>{head} — {lines[0]}</li>")
        else:
            h.append(f"<li>{head}<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul></li>")
    if not d["timeline"]:
        h.append(f"<li>{escape(EMPTY['timeline'])}</li>")
    h.append("</ul></section>")

    h.append(
        f'<section class="card" id="{sid}-single"><h2>Single-source claims <span class="n">{len(single)}</span></h2>'
        "<p class='meta'>Said by one origin only (copies of one wire story count once): check before relying on them.</p><ul>"
    )
    h += [
        f"<li>{reading(f)}"
        + ("<span class='meta'> — unnamed source</span>" if f.get("unnamed") else "")
        + (f"<span class='meta'> — {escape(hedge)}</span>" if (hedge := hedged_note(f, short)) else "")
        + f" {cites.links(f['citations'], 2)}</li>"
        for f in single
    ]
    if not single:
        h.append(f"<li>{escape(EMPTY['single'])}</li>")
    h.append("</ul></section>")

    h.append(f'<section class="card" id="{sid}-coverage"><h2>Coverage</h2>')
    h.append(
        "<p class='meta'>Which document backs which fact; the small line under each document is its origin family.</p>"
    )
    h.append("<div class='tbl'><table><tr><th>fact</th>")
    for doc_id, fam in zip(d["coverage"]["documents"], d["coverage"]["families"], strict=True):
        h.append(f"<th>{escape(short.get(doc_id, doc_id))}<br><small>{escape(fam)}</small></th>")
    h.append("</tr>")
    texts = {f["id"]: f["text"] for f in d["facts"]}
    for row in d["coverage"]["rows"]:
        cells = "".join(f'<td class="h{v}">{"■" if v else ""}</td>' for v in row["cells"])
        h.append(
            f'<tr><td class="f" title="{escape(texts[row["fact"]])}">{escape(row["fact"])} <span class="badge {row["status"]}">{escape(row["status"].replace("_", " "))}</span></td>{cells}</tr>'
        )
    h.append("</table></div>")
    if not d["coverage"]["rows"]:
        h.append(f"<p>{escape(EMPTY['coverage'])}</p>")
    h.append("<details><summary>Entities</summary><ul>")
    if not d["entities"]:
        h.append(f"<li>{escape(EMPTY['entities'])}</li>")
    for e in d["entities"]:
        roles = f" — {escape(', '.join(e['roles']))}" if e["roles"] else ""
        h.append(
            f"<li><b>{escape(e['name'])}</b> <span class='meta'>{escape(e['type'])}</span>{roles} · {counted(len(e['documents']), 'document')}</li>"
        )
    h.append("</ul></details></section>")

    h.append(
        f'<section class="card" id="{sid}-origins"><h2>Independent origins <span class="n">{len(families)}</span></h2>'
    )
    if alone:
        h.append(f"<p class='meta'>{escape(alone)}</p>")
    else:
        h.append("<p class='meta'>Copies and rewrites of one report count once.</p><ul>")
        for f in families:
            ev = "".join(f"<span class='meta'> — {escape(e)}</span>" for e in f["evidence"])
            h.append(f"<li><b>{escape(f['label'])}</b>: {escape(f['what'])}{ev}</li>")
        h.append("</ul>")
    h.append("</section>")

    h.append(f'<section class="card" id="{sid}-articles"><h2>Articles</h2>')
    h.append("<p class='meta'>Every source chip above jumps to its words here, highlighted.</p>")
    for doc, full in zip(d["documents"], brief.documents, strict=True):
        h.append(
            _article(doc, full.text, cites.ranges.get(doc["id"], set()), short.get(doc["id"], doc["id"]))
        )
    h.append("</section></div>")
    return "\n".join(h)


def _contents(briefs: Sequence[Brief]) -> str:
    """Several stories: a list of them first, each a link to its brief, with the id ``--story`` takes."""
    rows = contents(briefs)
    n_docs = sum(r["documents"] for r in rows)
    items = "".join(
        f'<li><a href="#story-{i}">{escape(r["headline"] or "(no headline)")}</a>'
        f'<div class="meta">{escape(contents_line(r))} · <code>{escape(r["id"])}</code></div></li>'
        for i, r in enumerate(rows, 1)
    )
    return (
        f'<section class="card" id="stories"><h2>{len(rows)} stories '
        f'<span class="n">from {counted(n_docs, "document")}</span></h2><ol>{items}</ol></section>'
    )


def render_html(briefs: Sequence[Brief], *, rejected: Sequence[Rejected]) -> str:
    body = [_contents(briefs)] if len(briefs) > 1 else []
    body += [_story(b, n) for n, b in enumerate(ordered(briefs), 1)]
    if not briefs:
        body.append("<p>No stories.</p>")
    if rejected:
        body.append('<section class="card"><h2>Rejected inputs</h2><ul>')
        for r in rejected:
            where = f"{r.path}:{r.line}" if r.line is not None else r.path
            body.append(f"<li><code>{escape(where)}</code> — {escape(r.reason)}</li>")
        body.append("</ul></section>")
    title = escape(
        ordered(briefs)[0].headline
        if len(briefs) == 1
        else f"{len(briefs)} stories · crosswire brief"
        if briefs
        else "crosswire brief"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{title}</title><style>{_CSS}</style></head><body><main>"
        + "\n".join(body)
        + f"</main><script>{_JS}</script></body></html>\n"
    )
