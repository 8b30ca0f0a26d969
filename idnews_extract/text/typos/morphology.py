"""Indonesian affix stripping: is an unlisted word a regular derivation of a known root?

Suffixes peel in the order particle (-lah -kah -pun), possessive (-ku -mu -nya), derivational
(-kan -i -an); prefixes peel up to two layers (di-, ke-, se-, ter-, ber-, per-, meN-, peN-) with the
standard morphophonemic rules (meny- -> s-, mem- -> p-, men- -> t-, meng- -> k-, menge- before
monosyllables, be-/te-/pe- before r-, bel-ajar). The affix tables are data
(``data/lexicon/affixes.json``); only the rules' shape lives here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources

MAX_PREFIX_LAYERS = 2
MIN_ROOT = 3
VOWELS = "aeiou"


@cache
def affixes() -> dict:
    """The affix tables: suffix layers and prefix allomorph rules."""
    ref = resources.files("idnews_extract.data.lexicon").joinpath("affixes.json")
    return json.loads(ref.read_text(encoding="utf-8"))


def strip_suffixes(word: str) -> Iterator[str]:
    """Every stem left by removing an optional particle, possessive and derivational suffix, in order."""
    stems = [word]
    for layer in _suffix_layers():
        for s in stems[:]:
            if not s.endswith(layer):
                continue
            for suf in layer:
                if s.endswith(suf) and len(s) - len(suf) >= MIN_ROOT:
                    stems.append(s[: -len(suf)])
    return iter(dict.fromkeys(stems))


@cache
def _suffix_layers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(layer) for layer in affixes()["suffix_layers"])


def strip_prefix(word: str) -> Iterator[str]:
    """Stems under one prefix layer, following each allomorph rule in ``affixes.json``.

    A rule is ``[surface, restore, condition]``: the word starts with ``surface``; the stem is
    ``restore`` + the rest; ``condition`` limits the rest's first letter (``vowel``, a string of
    letters, or ``""`` for any).
    """
    for surface, restore, cond in _prefix_rules_by_head().get(word[:2], ()):
        if not word.startswith(surface):
            continue
        rest = word[len(surface) :]
        if len(rest) < 2 or (cond and rest[0] not in cond):
            continue
        stem = restore + rest
        if len(stem) >= MIN_ROOT:
            yield stem


@cache
def _prefix_rules_by_head() -> dict[str, list[tuple[str, str, str]]]:
    """The prefix rules keyed by their surface's first two letters (every surface has two or more), in
    file order: a word is checked against the few rules that can match it, not all of them. A ``vowel``
    condition becomes the letters it allows."""
    table: dict[str, list[tuple[str, str, str]]] = {}
    for surface, restore, cond in affixes()["prefix_rules"]:
        table.setdefault(surface[:2], []).append((surface, restore, VOWELS if cond == "vowel" else cond))
    return table


def _layers(word: str) -> Iterator[list[str]]:
    """The root hypotheses of ``word``, each once, a layer at a time: the stems the suffixes leave (the
    word itself first), then those under one prefix layer, then under two."""
    layer = list(strip_suffixes(word))
    seen = set(layer)
    for depth in range(MAX_PREFIX_LAYERS + 1):
        yield layer
        if depth == MAX_PREFIX_LAYERS:
            return
        nxt: list[str] = []
        for stem in layer:
            for prefixless in strip_prefix(stem):
                if prefixless not in seen:
                    seen.add(prefixless)
                    nxt.append(prefixless)
        layer = nxt


def roots_of(word: str) -> Iterator[str]:
    """All root hypotheses of ``word`` (itself included): suffixes peel first, then up to two prefix
    layers, so circumfix-only forms (ke-an, per-an, ber-an) are covered too."""
    for layer in _layers(word):
        yield from layer


def is_derived(word: str, is_root: Callable[[str], bool]) -> bool:
    """True when some affix analysis of ``word`` (other than the word itself) reaches a root.

    The typo corrector asks this of hundreds of candidates per unknown word, so the search stops at
    the first root and builds the next prefix layer only when the last one held none.
    """
    if word[:2] not in _prefix_rules_by_head() and not word.endswith(_all_suffixes()):
        return False  # no affix to peel off: the word itself is all there is
    for layer in _layers(word):
        for stem in layer:
            if stem != word and is_root(stem):
                return True
    return False


@cache
def _all_suffixes() -> tuple[str, ...]:
    return tuple(suffix for layer in _suffix_layers() for suffix in layer)
