"""Speakers → entities, and the reported clauses a brief should not list as statements.

Input → output: quotes of one story (:func:`crosswire.extract.quotes.extract_quotes`) + its
entities and annotated documents → the same quotes with ``speaker`` set to an
``Entity.id`` (:func:`link_speakers`), and without reported clauses whose cue is negated
(:func:`without_denials`). Both are pure; the extract stage runs them after extraction.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any

from crosswire.annotate.lexicon import TITLE_HEADS, is_a_name
from crosswire.models import AnnotatedDocument, Entity, Quote, Span

__all__ = ["link_speakers", "without_denials"]


def link_speakers(
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    adocs: Sequence[AnnotatedDocument] = (),
) -> list[Quote]:
    """Set ``Quote.speaker`` to the id of the entity the speaker phrase names (pure).

    The phrase to look up is the pronoun's antecedent when there is one, else the speaker
    span. An entity whose mention contains the phrase's syntactic head wins (so "the
    economist Jared Bernstein, a former adviser in the Obama White House" is Bernstein, not
    Obama); a phrase whose head is no name ("a spokesman for Modi", "the joint statement by
    Trump and Modi") is not the person inside it, though it may be the one organisation or
    country inside it ("U.S. officials"); without a parse (``adocs`` not given) the first
    overlapping mention does. A phrase no mention overlaps, such as "The defence secretary",
    is matched against entity roles and names, and linked only when exactly one entity fits;
    failing that, a description headed by a title ("the Vermont senator") is the one person
    the document named before it with that title (:func:`_entity_by_title`), or, when no one
    was named with it, the person the report is about at that point (:func:`_entity_by_topic`);
    a bare "police" is the one police force the report names ("the NYPD"); "the commission"
    is the organisation named shortly before whose name has that word ("the Commission on
    Presidential Debates"). Otherwise ``speaker`` stays None.
    """
    by_doc = {a.document.id: a for a in adocs}
    types = {e.id: e.type for e in entities}
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for ent in entities:
        for m in ent.mentions:
            mentions.setdefault(m.document, []).append((m.start, m.end, ent.id))
    out = list(quotes)
    linked: dict[str, list[Quote]] = {}  # per document, quotes whose speaker is a person
    for k in sorted(range(len(quotes)), key=lambda k: (quotes[k].document, quotes[k].start)):
        q = quotes[k]
        span = q.speaker_antecedent or q.speaker_span
        if span is None:
            continue
        ent_id = _entity_by_mention(span, mentions.get(span.document, []), by_doc.get(span.document), types)
        if ent_id is None and span.document in by_doc:
            # A name the tagger missed here ("Ivanka Trump, the … nominee's eldest daughter,
            # noted"), which the story's entities know from elsewhere.
            head = _head_name(span, by_doc[span.document])
            ent_id = _entity_by_role(head, entities) if head else None
        if ent_id is None:
            words = (
                by_doc[span.document].document.text[span.start : span.end]
                if span.document in by_doc
                else None
            )
            words = words if words is not None else (q.speaker_text or "")
            ent_id = (
                _entity_by_role(words, entities)
                or _entity_by_title(words, span, entities)
                or _entity_by_office(words, span, entities)
                or _entity_by_topic(
                    words, span, entities, linked.get(span.document, []), by_doc.get(span.document)
                )
                or _police_force(words, span.document, entities)
                or _entity_by_body_noun(words, span, entities)
            )
        if ent_id:
            out[k] = dataclasses.replace(q, speaker=ent_id)
            if types.get(ent_id) == "PERSON":
                linked.setdefault(q.document, []).append(out[k])
    return out


# "police said": the one police force the report names ("the NYPD", "Troy Police Department").
_POLICE_WORDS = re.compile(r"^(?:the\s+)?(?:local\s+|city\s+)?police$", re.IGNORECASE)
_FORCE = re.compile(
    r"\b(?:police|sheriff'?s?|constabulary|gendarmerie)\b|^(?:NYPD|LAPD|RCMP)$", re.IGNORECASE
)


def _police_force(words: str, document: str, entities: Sequence[Entity]) -> str | None:
    """The organisation a bare "police" speaks for: the only police force named in the report."""
    if not _POLICE_WORDS.match(" ".join(words.split())):
        return None
    forces = {
        e.id
        for e in entities
        if e.type == "ORG"
        and any(_FORCE.search(n) for n in (e.name, *e.aliases))
        and any(m.document == document for m in e.mentions)
    }
    return next(iter(forces)) if len(forces) == 1 else None


# "The commission says …": a body's own noun, as a report calls it once it has named it.
_BODY_NOUN = re.compile(
    r"^the\s+(agency|authority|bank|board|bureau|commission|committee|company|corporation|council|court|"
    r"department|foundation|fund|group|institute|league|ministry|office|organi[sz]ation|party|service|union|"
    r"university)$",
    re.IGNORECASE,
)
_BODY_REACH = 1500  # characters back to the naming of the body


def _entity_by_body_noun(words: str, span: Span, entities: Sequence[Entity]) -> str | None:
    """The organisation "the commission" names: the one most recently named in the same document
    (within ``_BODY_REACH`` characters) whose name has that noun ("Commission on Presidential
    Debates"). A body whose name lacks it ("the union" after "the Association of Flight
    Attendants") stays unnamed: the nearest organisation is as often another one."""
    m = _BODY_NOUN.match(" ".join(words.split()))
    if m is None:
        return None
    noun = re.compile(rf"\b{m.group(1)}s?\b", re.IGNORECASE)
    best: tuple[int, str] | None = None
    for e in entities:
        if e.type != "ORG" or not any(noun.search(n) for n in (e.name, *e.aliases)):
            continue
        before = [x.start for x in e.mentions if x.document == span.document]
        near = [at for at in before if span.start - _BODY_REACH <= at < span.start]
        if near and (best is None or max(near) > best[0]):
            best = (max(near), e.id)
    return best[1] if best else None


def without_denials(quotes: Sequence[Quote], adoc: AnnotatedDocument) -> list[Quote]:
    """``quotes`` less the reported clauses whose cue is negated (pure).

    "Salazar has not indicated that he will act by the May 9 deadline" reports what Salazar
    did *not* say, and so do "refused to say the words 'radical Islam'" and "none has said
    they want heavy U.S. military engagement"; listed under "who said what" any would read as
    a statement; nor is the bare name a stance takes as its object ("Reid, who endorsed
    Clinton", "Obama's impending endorsement for Clinton"). PolNeAR, like
    PARC, annotates such attributions, so :func:`extract_quotes` keeps them (and the
    benchmark scores them); the product's extract stage drops them here. Direct quotations
    are never dropped: their words were said, whatever the cue.
    """
    doc = adoc.doc
    if doc is None:
        return list(quotes)
    out = []
    for q in quotes:
        if q.kind != "direct" and q.cue_span is not None and q.document == adoc.document.id:
            b0, b1 = adoc.document.to_body(q.cue_span.start, q.cue_span.end)
            cue = doc.char_span(b0, b1, alignment_mode="expand")
            if cue is not None and any(_denied(t) for t in cue):
                continue
            if _NO_ONE.match(q.speaker_text or ""):
                continue  # "none has said they want heavy U.S. military engagement": no one did
        if q.kind == "indirect" and len(q.text.split()) <= 4 and is_a_name(q.text) and not q.text.isupper():
            continue  # "Reid, who endorsed Clinton": a stance on someone, no words of anyone's
        out.append(q)
    return out


# A speaker that is no one: "none (of them) has said", "no candidate has said", "nobody said".
_NO_ONE = re.compile(r"\s*(?:(?:none|nobody|no one|no-one|neither)\b|no\s+(?=[a-z]))", re.IGNORECASE)
# Verbs that say their complement did not happen: "refused to say the words 'radical Islam'".
_NOT_DONE = frozenset({"refuse", "decline", "fail", "avoid"})


def _denied(tok: Any) -> bool:
    """Is the cue word negated ("has not indicated") or the complement of a verb saying it was
    not done ("refused to say", "declined to say whether")?"""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_ in _NOT_DONE


def _head_name(span: Span, adoc: AnnotatedDocument) -> str | None:
    """The proper name at the head of a speaker phrase that no mention covers, with its
    compounds ("Ivanka Trump"); None when the head is no proper noun or is a mention."""
    if adoc.doc is None:
        return None
    b0, b1 = adoc.document.to_body(span.start, span.end)
    phrase = adoc.doc.char_span(b0, b1, alignment_mode="expand")
    if phrase is None or not len(phrase):
        return None
    root = phrase.root
    if root.pos_ != "PROPN" or root.ent_type_ or any(c.dep_ == "conj" for c in root.children):
        return None  # (and "Salazar and Locke said" is two people, neither alone)
    first = root.i
    while (
        first > phrase.start
        and adoc.doc[first - 1].dep_ == "compound"
        and adoc.doc[first - 1].pos_ == "PROPN"
    ):
        first -= 1
    return str(adoc.doc[first : root.i + 1].text)


def _entity_by_mention(
    span: Span,
    mentions: Sequence[tuple[int, int, str]],
    adoc: AnnotatedDocument | None,
    types: Mapping[str, str],
) -> str | None:
    overlapping = [(s, e, eid) for s, e, eid in mentions if s < span.end and span.start < e]
    if not overlapping:
        return None
    if adoc is not None and adoc.doc is not None:
        b0, b1 = adoc.document.to_body(span.start, span.end)
        phrase = adoc.doc.char_span(b0, b1, alignment_mode="expand")
        if phrase is not None:
            person_of = _people_by_token(phrase, overlapping, adoc, types)
            if _coordinated_people(phrase, person_of):
                return None  # "Ann Mercer and Bo Chandler said": two speakers, neither alone
            head_start, head_end = adoc.document.to_original(
                phrase.root.idx, phrase.root.idx + len(phrase.root)
            )
            for s, e, eid in overlapping:
                if s <= head_start and head_end <= e:
                    if types.get(eid) == "NORP" and _one_member(phrase):
                        return None  # "the Wisconsin Republican" is a person, not the party
                    return eid
            named = _name_after_title(phrase, person_of) or _appositive_person(phrase, person_of)
            if named is not None:
                return named
            # The head is no name: "a spokesman for Modi", "the joint statement by Trump and
            # Modi". A person named inside is not the speaker; an organisation or country may
            # speak through its people ("U.S. officials", "a Pentagon spokesman"), but not
            # through anyone who lives or works there ("a Bukit Sama village resident").
            if phrase.root.lower_ not in _VOICES:
                return None
            # A party's members speak for themselves, not for their party or anything else
            # named with them ("a few Republican lawmakers", "Democratic leaders in Congress");
            # "Egyptian authorities" speak for Egypt.
            text = adoc.document.text
            if any(text[s:e].lower() in _PARTIES for s, e, _ in overlapping):
                return None  # (the model calls "GOP" an organisation as often as a group)
            if any(t.lower_ == "former" for t in phrase):
                return None  # "a former Pentagon official" no longer speaks for it
            # Nor does a person's spokesman speak for the state in that person's party tag ("a
            # spokesman for Sen. Marco Rubio (R-Fla.)"): whoever is named, the voice is theirs.
            if any(types.get(eid) == "PERSON" for _, _, eid in overlapping):
                return None
            others = {eid for _, _, eid in overlapping if types.get(eid) != "PERSON"}
            return next(iter(others)) if len(others) == 1 else None
    return overlapping[0][2]


def _one_member(phrase: Any) -> bool:
    """A singular description headed by a party or nationality word: "the Wisconsin
    Republican", "an American" (one person), not "Republicans" or "the Americans" (the group)."""
    root = phrase.root
    return root.tag_ in {"NNP", "NN", "JJ"} and any(
        c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in root.children
    )


def _people_by_token(
    phrase: Any,
    overlapping: Sequence[tuple[int, int, str]],
    adoc: AnnotatedDocument,
    types: Mapping[str, str],
) -> dict[int, str]:
    """Token index → the PERSON entity whose mention covers that token of ``phrase``."""
    out = {}
    for tok in phrase:
        at, _ = adoc.document.to_original(tok.idx, tok.idx + len(tok))
        eid = next((eid for s, e, eid in overlapping if s <= at < e and types.get(eid) == "PERSON"), None)
        if eid is not None:
            out[tok.i] = eid
    return out


def _name_after_title(phrase: Any, person_of: Mapping[int, str]) -> str | None:
    """The person whose name ends a phrase of title words before it ("Colts interim coach Bruce
    Arians", parsed with "Colts" as head; "SeaMicro CEO and new AMD general manager Andrew
    Feldman"; what follows a comma, such as ", who backs Trump,", is not the title): no
    preposition, verb or comma between them, and no other person in them."""
    comma = next((t.i for t in phrase if t.text == ","), None)
    if comma is not None and comma > phrase.start:
        phrase = phrase.doc[phrase.start : comma]  # "…Mayor Rudy Giuliani, who backs Trump,"
    eid = person_of.get(phrase[-1].i)
    if eid is None or len({person_of[t.i] for t in phrase if t.i in person_of}) > 1:
        return None
    before = [t for t in phrase if t.i not in person_of]
    if before and all(t.pos_ in _TITLE_POS and t.dep_ != "poss" for t in before):
        return eid
    return None


def _coordinated_people(phrase: Any, person_of: Mapping[int, str]) -> bool:
    """Two people joined by "and" *as the speaker*: the head itself or its apposition ("The two
    reporters …, Carl Bernstein and Bob Woodward"), not inside a clause below it ("Hegseth, who
    met Jaishankar and Singh, said" is Hegseth)."""
    for tok in phrase:
        this, other = person_of.get(tok.i), person_of.get(tok.head.i)
        if tok.dep_ != "conj" or this is None or other in (None, this):
            continue
        up = tok.head
        while up.i != phrase.root.i and up.dep_ in _NOMINAL_CHAIN and up.head.i != up.i:
            up = up.head
        if up.i == phrase.root.i:
            return True
    return False


_NOMINAL_CHAIN = frozenset({"appos", "conj", "compound", "flat"})


def _appositive_person(phrase: Any, person_of: Mapping[int, str]) -> str | None:
    """The person named in apposition to the phrase's head ("the Troy police chief, Charles Craft")."""
    for tok in phrase:
        if tok.dep_ == "appos" and tok.head.i == phrase.root.i and tok.i in person_of:
            return person_of[tok.i]
    return None


_TITLE_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM", "CCONJ"})

# Posts held *in* a place or body whose holders speak for themselves, not for it: a
# Philadelphia judge's ruling is not Philadelphia's word, a county coroner's finding not the county's.
_OWN_VOICES = frozenset(
    {"judge", "justice", "coroner", "sheriff", "undersheriff", "detective", "inspector", "trooper"}
    | {"constable", "marshal", "lieutenant", "sergeant", "superintendent"}
    | {"king", "queen", "prince", "princess", "emperor", "pope"}
)

# A single title speaks for its body only when speaking for it is the job ("a Pentagon
# spokesman", "a Kremlin official"). "The Indiana governor" is one person: the phrase goes to
# the role lookup (the story's one governor), never to Indiana. Plurals ("U.S. officials",
# "Indian ministers") are the body's voice.
_SPOKES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "representative"}
    | {"envoy", "ambassador", "diplomat", "aide", "source", "executive"}
)

# Heads of a speaker phrase that speak for the organisation or country named inside it.
_VOICES = (
    _SPOKES
    | {t + "s" for t in (TITLE_HEADS | _SPOKES) - _OWN_VOICES}
    # a document it issues: "a report from the US Department of Defense", "the Pentagon's readout"
    | {"statement", "release", "report", "reports", "readout", "announcement", "communique", "bulletin"}
    | {"article", "articles", "story", "website", "post", "tweet", "video", "blog"}
    | {"authorities", "police", "ministry", "department", "office", "government", "administration"}
)

# Party adjectives the tagger labels NORP, as it labels nationalities.
_PARTIES = frozenset({"republican", "republicans", "democratic", "democrat", "democrats", "gop"})

_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|our|their|his|her|its)\s+", re.IGNORECASE)


def _norm_role(words: str) -> str:
    return " ".join(_DETERMINERS.sub("", words.strip()).casefold().split())


# Titles as written before a name, and as a description of the person says them ("the senator").
_TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "adm": "admiral", "amb": "ambassador", "atty": "attorney", "pres": "president",
    "supt": "superintendent", "insp": "inspector", "det": "detective", "sgt": "sergeant",
    "capt": "captain", "col": "colonel", "lt": "lieutenant", "maj": "major", "cmdr": "commander",
}  # fmt: skip
_TITLE_WORD = re.compile(r"[a-z][a-z-]*")


def _title_words(role: str) -> list[str]:
    return [_TITLE_ABBREVIATIONS.get(w, w) for w in _TITLE_WORD.findall(role.casefold().replace(".", ""))]


def _title_description(words: str, heads: frozenset[str] = TITLE_HEADS) -> list[str] | None:
    """The words of a definite description headed by one title ("the Senate Democratic leader"
    → senate, democratic, leader), else None: "a senator", "the senators" and "the president
    of the union" name no one person."""
    if not re.match(r"the\s", words, re.IGNORECASE):
        return None
    key = _norm_role(words).split()
    if not 1 <= len(key) <= 4 or not all(_TITLE_WORD.fullmatch(w) for w in key):
        return None
    if key[-1] not in heads or key[-1].endswith("s"):
        return None
    return key


def _entity_by_title(words: str, span: Span, entities: Sequence[Entity]) -> str | None:
    """The person a definite description headed by a title names ("the Senate Democratic
    leader", "The Vermont senator"): the one person named earlier in the same document whose
    role has that title ("Senate Minority Leader", "Sen."); when several have it, the one whose
    role shares most of the description's other words, if one does.
    """
    key = _title_description(words)
    if key is None:
        return None
    head, others = key[-1], set(key[:-1])
    scores: dict[str, int] = {}
    for e in entities:
        if e.type != "PERSON" or not any(
            m.document == span.document and m.start < span.start for m in e.mentions
        ):
            continue
        titled = [set(t) for t in map(_title_words, e.roles) if t and t[-1] == head]
        if titled:
            scores[e.id] = max(len(others & t) for t in titled)
    if len(scores) == 1:
        return next(iter(scores))
    best = max(scores.values(), default=0)
    top = [e for e, n in scores.items() if n == best]
    return top[0] if best and len(top) == 1 else None


# Words before an office that say when it was held, not which office: "the former secretary of state".
_TENURE = re.compile(r"^(?:(?:former|then|current|outgoing|incoming|acting|new|onetime|one-time)\s+)+")


def _entity_by_office(words: str, span: Span, entities: Sequence[Entity]) -> str | None:
    """The person an office with its body names ("The former secretary of State"): the one
    person named earlier in the same document whose role is that office word for word
    ("Secretary of State"). An office of a body no role names ("the president of the union")
    names no one."""
    if not re.match(r"the\s", words, re.IGNORECASE) or " of " not in words.casefold():
        return None
    key = _TENURE.sub("", _norm_role(words))
    hits = {
        e.id
        for e in entities
        if e.type == "PERSON"
        and any(m.document == span.document and m.start < span.start for m in e.mentions)
        and any(_norm_role(r) == key for r in e.roles)
    }
    return next(iter(hits)) if len(hits) == 1 else None


_TOPIC_REACH = 600  # characters back to the previous statement of the person a description names
# Descriptions a writer uses for the person a report is about, in place of the name: offices
# and candidacies. Not those of a second person beside them ("the spokesman", "the lawyer").
_TOPIC_HEADS = frozenset({
    "president", "president-elect", "senator", "governor", "congressman", "congresswoman",
    "mayor", "secretary", "minister", "premier", "chancellor", "king", "queen", "pope",
    "nominee", "candidate", "front-runner", "frontrunner", "incumbent", "challenger",
    "contender", "hopeful", "billionaire", "businessman", "businesswoman", "mogul",
    "republican", "democrat", "independent", "libertarian",
})  # fmt: skip


def _entity_by_topic(
    words: str,
    span: Span,
    entities: Sequence[Entity],
    earlier: Sequence[Quote],
    adoc: AnnotatedDocument | None,
) -> str | None:
    """The person a title description names when no one was named with that title: the writer's
    variation on the person just quoted ("Donald Trump said Friday that it would 'have been
    cool' had Hillary Clinton congratulated him … ¶ '…,' the Republican nominee said"). Only
    when that person's statement is close before, the description stands after its sentence,
    no other person is named since, and, for an office ("the senator"), no role of theirs is
    another office ("President Obama"); a party or a candidacy may be anyone's.
    """
    key = _title_description(words, _TOPIC_HEADS)
    if key is None or not earlier or adoc is None:
        return None
    prev = max(earlier, key=lambda q: q.start)
    if (prev.speaker_antecedent or prev.speaker_span) == span:
        return prev.speaker  # the same phrase speaks twice: '“…,” the mogul said, arguing that …'
    if prev.start >= span.start or span.start - prev.end > _TOPIC_REACH:
        return None
    person = next((e for e in entities if e.id == prev.speaker), None)
    if person is None:
        return None
    office = key[-1] in TITLE_HEADS
    if office and any(_title_words(r)[-1:] not in ([], [key[-1]]) for r in person.roles):
        return None
    told = max((s.end for s in adoc.sentences if s.start <= prev.end), default=prev.end)
    if span.start < told:
        return None  # in that statement's own sentence ("… to unendorse Trump after the mogul claimed")
    # Other people named since, by their mentions or by their surname where the tagger missed
    # it ("Trump charges that …" between Clinton's statement and "The New York businessman").
    between = adoc.document.text[told : span.start]
    for e in entities:
        if e.type != "PERSON" or e.id == person.id:
            continue
        surname = e.name.split()[-1]
        if any(m.document == span.document and told <= m.start < span.start for m in e.mentions) or (
            re.search(rf"\b{re.escape(surname)}\b", between)
        ):
            return None
    return person.id


def _entity_by_role(words: str, entities: Sequence[Entity]) -> str | None:
    """The one entity holding the role (or bearing the name) ``words`` names, if exactly one does.

    A lone word that is the surname of one person of the story is that person: the tagger
    misses names it should find ("flores said" in lower-cased text), but the story's entity
    "Jackeline Flores" still says who Flores is.
    """
    key = _norm_role(words)
    if not key:
        return None
    hits = {
        e.id
        for e in entities
        if any(_norm_role(r) == key or _norm_role(r).endswith(" " + key) for r in e.roles)
        or key in {_norm_role(e.name), *(_norm_role(a) for a in e.aliases)}
        or (
            e.type == "PERSON"
            and " " not in key
            and any(_norm_role(n).split()[-1:] == [key] for n in (e.name, *e.aliases))
        )
    }
    return next(iter(hits)) if len(hits) == 1 else None
