"""Reported speech: a parsed document → indirect attributions, headline "Name:" lines and posts.

Input → output: the spaCy ``Doc`` over ``Document.body`` (with the tokens inside quotation
marks blocked, and the direct quotes already found) → :class:`~.quotes_attribution.Attribution`
list, offsets into the body. Three finders, each called once per document by
:func:`crosswire.extract.quotes.extract_quotes`:

* :func:`indirect_attributions` — the clausal complement of a verb of saying or believing
  ("Hegseth said that …", "…, he said", "The US, he said, will …"), the sentence a source
  vouches for ("According to the Pentagon, …"), and the position taken by a verb or noun of
  stance (:mod:`.quotes_stance`). The clause stops before a second cue of the same speaker
  and before a clause about the speaker again; a quotation that is only part of it is
  demoted to ``partial``.
* :func:`name_colon_attributions` — a headline or transcript line opened by a bare name and a
  colon ("Paul Ryan: FBI Decision … Defies Explanation"), when the rest says something.
* :func:`post_attributions` — an embedded post's fallback text closing its paragraph ("… —
  Sahil Kapur (@sahilkapur) September 1, 2016"): a direct quote of its author.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from crosswire.extract.quotes_attribution import Attribution, Token, TokenIndex
from crosswire.extract.quotes_marks import Quoted
from crosswire.extract.quotes_stance import (
    is_report_source,
    is_stance_cue,
    lemma,
    name_colon,
    sentence_edge,
    stance_content,
)
from crosswire.extract.quotes_syntax import (
    clausal_complement,
    is_according,
    is_belief_cue,
    is_speech_cue,
    noun_phrase,
    speaker_of,
    trailing_relative,
    unclosed,
)
from crosswire.wordlists import POST_CREDIT

__all__ = ["indirect_attributions", "name_colon_attributions", "post_attributions", "reported_clause"]

_MIN_INDIRECT_TOKENS = 3
# Verbs that name something, whose object can carry the quoted name: 'called him “a stiff”'.
_NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "term", "describe", "characterize", "nickname"})
_WORD = re.compile(r"\w+")


def indirect_attributions(
    doc: Any, text: str, quoted: Sequence[Quoted], blocked: set[int], direct: Sequence[Attribution]
) -> list[Attribution]:
    by_cue: dict[int, list[Attribution]] = {}
    for a in direct:
        if a.cue is not None and a.kind == "direct":
            by_cue.setdefault(a.cue.i, []).append(a)
    out: list[Attribution] = []
    for tok in doc:
        if tok.i in blocked:
            continue
        content = reported_clause(tok)
        min_tokens = _MIN_INDIRECT_TOKENS
        if content is None:
            content = stance_content(tok)
            min_tokens = 1
            if content is None:
                continue
        content = _trim_clause(doc, tok, content)
        i, j = _within_paragraph(doc, text, tok, content)
        while i < j and (
            doc[i].is_punct
            or doc[i].is_space
            or (doc[i].dep_ == "mark" and doc[i].lower_ == "that")
            # "said earlier that …": the adverb tells when it was said, not what
            or (
                doc[i].pos_ == "ADV"
                and i + 1 < j
                and doc[i + 1].dep_ == "mark"
                and doc[i + 1].lower_ == "that"
            )
        ):
            i += 1
        while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space or doc[j - 1].dep_ == "cc"):
            if doc[j - 1].text in {")", "]"} and unclosed(doc[i : j - 1], doc[j - 1].text):
                break  # "at a depth of 10 km (6 miles)": the bracket closes what the clause opened
            j -= 1
        if j - i < min_tokens or all(doc[k].pos_ == "PRON" for k in range(i, j)):
            continue  # "… without reporting it": a lone pronoun tells a reader nothing
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
        # A clause inside one quotation is the quotation itself, reported above.
        if any(q.open <= start and end <= q.outer_end for q in quoted):
            continue
        # A clause that ends inside a quotation keeps that quotation whole, closing mark included;
        # one that opens with a quotation starts at its mark (and so differs from the quotation).
        end = max([end, *(q.outer_end for q in quoted if start <= q.open < end < q.outer_end)])
        start = min([start, *(q.open for q in quoted if q.open < start <= q.start and q.outer_end < end)])
        if tok.i in by_cue and not _demote_direct(text, start, end, by_cue[tok.i]):
            continue
        sp = speaker_of(tok)
        # A reported clause with no one reporting it ("knowing who's who", "you'd think") is
        # the writer's own sentence, not a quote. A speaker inside the range is the parser
        # running on, unless the cue and its speaker interrupt the clause: "The US, he said,
        # will act soon", "what officials called a hate crime".
        if sp is None or sp.i in blocked or sp.lower_ == "you":
            continue
        if i <= sp.i < j and (sp.i in content or sp not in tok.subtree):
            continue
        out.append(Attribution(start, end, "indirect", cue=tok, speaker=noun_phrase(sp, blocked=blocked)))
    return out


def _trim_clause(doc: Any, cue: Token, ids: set[int]) -> set[int]:
    """Cut the writer's own words the parser hung at the end of a reported clause.

    * A later cue of the same speaker: "He said that he was focused on the platform and noted
      that …", "… that Trump represents 'New York values,' stating during the debate that …":
      the second verb reports its own content.
    * A clause about the speaker again: "… is Hillary Clinton, and he railed against …"; not
      when the clause it joins has that subject too ("he hasn't had much time … and that he'll
      try …": the report goes on).
    * A non-restrictive relative clause about a name at the end: "…, who worked on …".
    """
    if not ids:
        return ids
    speaker = speaker_of(cue)
    who = speaker.lower_ if speaker is not None else None
    cut = max(ids) + 1
    for k in sorted(ids):
        t = doc[k]
        if k <= cue.i or t.dep_ not in {"conj", "advcl"}:
            continue
        subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        same_cue = (is_speech_cue(t) or is_stance_cue(t)) and not subj
        same_speaker = (
            t.dep_ == "conj"
            and bool(subj)
            and who is not None
            and subj[0].lower_ == who
            and not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == who for c in t.head.children)
        )
        if same_cue or same_speaker:
            cut = min(x.i for x in t.subtree)
            break
    kept = {x for x in ids if x < cut}
    aside = trailing_relative(doc, cue.i, kept) if kept else None
    return {x for x in kept if x < aside} if aside is not None else kept


def _demote_direct(text: str, start: int, end: int, direct: Sequence[Attribution]) -> bool:
    """Whether the reported clause ``[start, end)`` says more than the direct quotes of its cue.

    '"We are horrified" by the shooting, Nefzi said': the quotation is part of a clause the
    writer reports, so it is ``partial`` and the clause is the attribution. A clause that is no
    more than the quotations ('"…," Hegseth said') leaves them ``direct``.
    """
    inside = [a for a in direct if a.start < end and start < a.end]
    rest = list(text[start:end])
    for a in inside:
        # Blank out the quotation with its marks (the clause may start inside the opening mark).
        lo, hi = (a.quoted.open, a.quoted.outer_end) if a.quoted is not None else (a.start, a.end)
        for k in range(max(lo, start), min(hi, end)):
            rest[k - start] = " "
    if len(_WORD.findall("".join(rest))) < _MIN_INDIRECT_TOKENS:
        return False
    for a in inside:
        a.kind = "partial"
    return True


def reported_clause(tok: Token) -> set[int] | None:
    """Token ids of the clause reported by cue ``tok``, or None when ``tok`` reports none."""
    if is_according(tok):
        skip = {t.i for t in tok.subtree}
        edge = sentence_edge(tok.sent, min(skip), max(skip))
        if edge is not None:
            # "According to X, …" / "…, according to X.": the source vouches for the whole
            # sentence, whatever the parser attached the phrase to.
            return edge
        head = tok.head
        if head.i == tok.i or head.pos_ not in {"VERB", "AUX"}:
            return None
        return {t.i for t in head.subtree if t.i not in skip}
    if is_report_source(tok):
        # Only at the edge of its sentence: "In a Gallup poll, 40 percent said …".
        skip = {t.i for t in tok.subtree}
        if max(skip) >= max(t.i for t in tok.sent if not (t.is_punct or t.is_space)) and all(
            c.tag_ == "NNS" and not any(x.dep_ in {"acl", "relcl", "prep"} for x in c.children)
            for c in tok.children
            if c.dep_ == "pobj"
        ):
            # "… because he is ahead in the polls": a standing, not a source; polls the writer
            # says more of ("in online polls conducted after the debates") are one
            return None
        return sentence_edge(tok.sent, min(skip), max(skip))
    speech = is_speech_cue(tok)
    if not speech and not is_belief_cue(tok):
        return None
    clause = clausal_complement(tok)
    if clause is not None:
        if speech and _trailing_tag(tok, clause):
            # "Witnesses said the shooter used a rifle, police Lt. Gerry Scherlinck said": the
            # parser hung the closing tag under the first report; the tag reports all of it.
            return set(range(tok.head.left_edge.i, max(clause) + 1))
        tags = [t for t in tok.children if t.dep_ == "ccomp" and t.i in clause and _trailing_tag(t)]
        if tags:
            inner = clausal_complement(tags[0])
            if inner is not None:
                return inner  # …and the first report is the clause before the tag
        return clause
    if speech:
        # "urged voters to “turn away”", "called him “a total stiff”", "described it as …":
        # an object and what is said of it.
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        compl = [
            c
            for c in tok.children
            if c.dep_ in {"xcomp", "oprd"} or (c.dep_ == "prep" and c.lower_ in {"as", "of"} and c.i > tok.i)
        ]
        if lemma(tok) in _NAMING_VERBS:
            # "called Singh's house to let the family know …" is a telephone call: what a naming
            # verb says of its object is a noun or adjective, never a purpose "to …"; the parser's
            # second object is the name ('calling them "smoke screens …"').
            compl = [c for c in compl if not any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)]
            compl = sorted([*compl, *objs[1:]], key=lambda c: c.i)
        if objs and compl and objs[0].i < compl[0].i:
            return {t.i for t in objs[0].subtree} | {t.i for c in compl for t in c.subtree}
        if objs and lemma(tok) in _NAMING_VERBS and any(t.is_quote for t in objs[0].subtree):
            # 'called anti-Trump protestors “illegals”': the parser makes one object of both.
            return {t.i for t in objs[0].subtree}
    if speech and tok.dep_ == "parataxis" and tok.head.pos_ in {"VERB", "AUX"}:
        # "The US, he said, will act soon." — the cue interrupts the clause it reports.
        skip = {t.i for t in tok.subtree}
        return {t.i for t in tok.head.subtree if t.i not in skip}
    return None


def _trailing_tag(tok: Token, clause: set[int] | None = None) -> bool:
    """``tok`` is a closing "…, X said" that the parser made the complement of an earlier cue.

    Its subject comes after its own reported clause, it ends its sentence, and its head is a
    verb of saying or belief to its left whose subject opens the report ("Witnesses said …").
    """
    head = tok.head
    if tok.dep_ != "ccomp" or head.i >= tok.i or not (is_speech_cue(head) or is_belief_cue(head)):
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    clause = clause if clause is not None else clausal_complement(tok)
    if not subj or not clause or max(clause) >= subj[0].left_edge.i:
        return False
    rest = [t for t in tok.sent if t.i > tok.i]
    return all(t.is_punct or t.is_space for t in rest) and min(clause) > head.i


def name_colon_attributions(doc: Any, text: str, blocked: set[int]) -> list[Attribution]:
    """ "Paul Ryan: FBI Decision … Defies Explanation": the rest of the line is the name's."""
    out = []
    for tok in doc:
        if tok.text != ":" or tok.i in blocked:
            continue
        speaker = name_colon(doc, tok)
        if speaker is None:
            continue
        hi = text.find("\n", tok.idx)
        hi = len(text) if hi == -1 else hi
        body = text[tok.idx + 1 : hi]
        start = tok.idx + 1 + (len(body) - len(body.lstrip()))
        end = tok.idx + 1 + len(body.rstrip().rstrip(".;,"))
        if len(_WORD.findall(text[start:end])) < 2 or not _says_something(doc, text, start, end):
            continue
        out.append(Attribution(start, end, "indirect", cue=tok, speaker=speaker))
    return out


# An embedded post's credit closing its paragraph (``wordlists.POST_CREDIT``).
_POST_CREDIT = re.compile(POST_CREDIT + r"[ \t]*\.?[ \t]*$")
_MAX_POST_CHARS = 600


def post_attributions(doc: Any, text: str, found: Sequence[Attribution]) -> list[Attribution]:
    """An embedded post credited at the end of its paragraph is its author's words, direct:
    "Rudy Giuliani and Jeff Sessions briefly wore MAKE MEXICO GREAT AGAIN ALSO hats …
    — Sahil Kapur (@sahilkapur) September 1, 2016". The handle is the cue, the name the speaker."""
    if "(@" not in text:
        return []  # no handle, no post: most reports
    toks = TokenIndex(doc)
    taken = [(a.start, a.end) for a in found if a.kind == "direct"]
    out = []
    pos = 0
    for para in text.split("\n"):
        lo, pos = pos, pos + len(para) + 1
        m = _POST_CREDIT.search(para)
        if m is None or m.start() == 0 or m.start() > _MAX_POST_CHARS:
            continue
        start = lo + len(para) - len(para.lstrip())
        end = lo + m.start()
        if len(_WORD.findall(text, start, end)) < 2 or any(s <= start and end <= e for s, e in taken):
            continue
        name = (lo + m.start("name"), lo + m.end("name"))
        first, last = toks.at(name[0]), toks.at(name[1] - 1)
        cue = (lo + m.start("handle"), lo + m.end("handle"))
        cue_tok = toks.at(cue[0])
        out.append(
            Attribution(
                start,
                end,
                "direct",
                cue=cue_tok,
                speaker=(first.i, last.i + 1),
                cue_range=(cue_tok.i, cue_tok.i + 1),
                cue_chars=cue,
                speaker_chars=name,
            )
        )
    return out


# A quoted stretch in single or double marks: "Trump stirs 'ugliness'", "… ‘Like an Open Orchid.’"
_QUOTED_BIT = re.compile(r"(?:^|[\s(])[‘'\"“][^‘’'\"“”\n]{2,}[’'\"”](?=$|[\s.,;:!?)])")


_NAME_LIST = re.compile(r"^(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, ){2,}")


def _says_something(doc: Any, text: str, start: int, end: int) -> bool:
    """The rest of a "Name: …" line is a statement, not a label, a count or a list.

    A verb or a quotation makes it one. Without either (title-case headlines hide their verbs
    from the tagger: "… Not to Indict Defies Explanation"), it needs five words, and neither a
    number nor a list of names first. "Hillary Clinton: 1,769 delegates", "Iowa: Tim Albrecht,
    Brad Anderson, …" and "HP's Mark Hurd: Thoughts on consolidation" say nothing.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and any(t.pos_ in {"VERB", "AUX"} for t in span):
        return True
    if _QUOTED_BIT.search(text, start, end) is not None:
        return True
    rest = text[start:end]
    return len(_WORD.findall(rest)) >= 5 and not rest[:1].isdigit() and not _NAME_LIST.match(rest)


def _within_paragraph(doc: Any, text: str, anchor: Token, ids: set[int]) -> tuple[int, int]:
    """Range ``[i, j)`` of ``ids`` in the paragraph of ``anchor`` (parsers run over headings).

    A cue in the middle of the clause ("The US, he said, will act") stays inside the range.
    """
    lo = text.rfind("\n", 0, anchor.idx) + 1
    hi = text.find("\n", anchor.idx)
    hi = len(text) if hi == -1 else hi
    kept = [i for i in ids if lo <= doc[i].idx < hi]
    return (min(kept), max(kept) + 1) if kept else (0, 0)
