"""Roles of people from the words around a name: titles before it, appositives after it.

Input → output: a document's original text and a PERSON mention → role strings
(``"External Affairs Minister"``, ``"Minister of External Affairs"``, ``"Defence Secretary"``,
``"Secretary"``, ``"Senior Defense Spokesman"``, ``"Col."``).

Patterns (general, written for English news):

- **title before the name**: the capitalised run just before the mention that contains a
  title word — ``External Affairs Minister S. Jaishankar``, ``Secretary of State Marco Rubio``;
  a leading country or possessive (``US``, ``India's``, ``Indian``) is affiliation, not role;
  ranks and honorifics right before the name (``Col.``) are kept separately;
- **appositive after the name**: ``Pete Hegseth, the US defence secretary, said``.

The walk stops at another person's name so ``Ministers Anthony Albanese of Australia and
Takeshi Iwaya`` gives a role to Albanese only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.annotate.lexicon import DEMONYMS, FUNCTION_WORDS, HONORIFICS, TITLE_HEADS, country_for

__all__ = ["roles_around", "singular_role"]

_WORD = re.compile(r"[A-Za-z][\w.'’&-]*|[^\w\s]")
_CONNECTORS = frozenset({"of", "for", "and", "&"})
_MAX_ROLE_WORDS = 6
_COURTESY = frozenset({"mr", "mrs", "ms", "miss", "mx"})
# The phrase may hold an initialism ("a spokesman for the U.S. Marshals Service"): its dots end nothing.
_APPOSITIVE = re.compile(
    r"^\s*,\s+(?:(?:the|a|an)\s+)?(?P<phrase>(?:(?:[A-Z]\.){2,}|[^,.;:()“”\"]){2,80}?)"
    r"\s*(?=[,;:)]|\.(?![A-Z]\.)|$)"
)

# A plural title before a list of names gives each of them the singular one.
_ONE_OF = {"sens": "Sen.", "reps": "Rep.", "govs": "Gov."}


def _is_title_word(word: str) -> bool:
    return word.lower().strip(".’'") in TITLE_HEADS


def _is_affiliation(word: str) -> bool:
    """``US``, ``India's``, ``Indian``: who the office belongs to, not the office."""
    bare = re.sub(r"['’]s?$", "", word)
    return word.endswith(("'s", "’s")) or country_for(bare) is not None or bare.lower() in DEMONYMS


def singular_role(role: str) -> str:
    """``Foreign Ministers`` → ``Foreign Minister`` (a plural title before one of several names)."""
    words = role.split()
    for i, w in enumerate(words):
        low = w.lower()
        if low in {"of", "for"}:
            break  # what follows names the office's body: "spokesman for the U.S. Marshals Service"
        if low == "secretaries":
            words[i] = w[:-3] + "y"
        elif low.endswith("s") and low[:-1] in TITLE_HEADS:
            words[i] = w[:-1]
    return " ".join(words)


def _clean_phrase(words: list[str]) -> str | None:
    """Strip affiliation and function words at the left; a role needs a title word and ≤ 6 words."""
    while words and (words[0].lower() in _CONNECTORS or words[0].lower() in FUNCTION_WORDS):
        if words[0] == "New" and len(words) > 1 and words[1][:1].isupper():
            break  # "New York City Mayor": a place's name, not the "new" of "the new mayor"
        words = words[1:]
    # Affiliation may sit anywhere at the left: "India's Minister …", "US Defence Secretary".
    cut = 0
    for i, w in enumerate(words):
        if _is_affiliation(w):
            cut = i + 1
        elif _is_title_word(w):
            break
    words = words[cut:]
    while words and words[0].lower() in _CONNECTORS:
        words = words[1:]
    while words and words[-1].lower() in _CONNECTORS:
        words = words[:-1]
    if not words or len(words) > _MAX_ROLE_WORDS or not any(_is_title_word(w) for w in words):
        return None
    # A role ends with its title word ("Defence Secretary") or continues "of/for …" after it.
    last_title = max(i for i, w in enumerate(words) if _is_title_word(w))
    tail = words[last_title + 1 :]
    if tail and tail[0].lower() not in {"of", "for"}:
        return None
    return singular_role(" ".join(words))


def roles_around(
    text: str,
    start: int,
    end: int,
    *,
    sentence_start: int = 0,
    sentence_end: int | None = None,
    stops: Sequence[tuple[int, int]] = (),
) -> tuple[str, ...]:
    """Roles of the person named at ``text[start:end]``.

    ``sentence_start``/``sentence_end`` bound the context; ``stops`` are spans of other
    names (PERSON mentions) the title walk must not cross.
    """
    roles: list[str] = []
    left_bound = max(sentence_start, start - 160)
    for _, e in stops:
        if left_bound < e <= start:
            left_bound = e
    left = text[left_bound:start]
    tokens = _WORD.findall(left)
    ranks: list[str] = []
    while tokens and tokens[-1].lower().rstrip(".") in HONORIFICS and tokens[-1][:1].isupper():
        rank = tokens.pop()
        if rank.lower().rstrip(".") not in _COURTESY:
            # "Col.", "Sen.", "Gov." say something; "Mr." does not. "Sens. Ted Cruz and …": one senator
            ranks.insert(0, _ONE_OF.get(rank.lower().rstrip("."), rank))
    phrase: list[str] = []
    for tok in reversed(tokens):
        if tok[:1].isupper() or (tok.lower() in _CONNECTORS and phrase):
            phrase.insert(0, tok)
        else:
            break
    role = _clean_phrase(phrase)
    if role:
        roles.append(role)
    roles.extend(ranks)
    stop_at = len(text) if sentence_end is None else sentence_end
    m = _APPOSITIVE.match(text[end:stop_at])
    if m and not any(end < s < end + m.end() for s, _ in stops):
        words = m.group("phrase").split()
        if not any(w.lower() in {"who", "which", "that", "said", "says", "told"} for w in words):
            role = _clean_phrase(words)
            if role:
                roles.append(role)
    return tuple(dict.fromkeys(r for r in roles if r))
