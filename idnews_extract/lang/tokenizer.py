"""The news tokenizer: spaCy's Indonesian rules plus news abbreviations, glued honorifics and ``(d/m)`` dates."""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from functools import cache
from typing import Any

from spacy.lang.id import Indonesian
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex, registry

from .data import read_tsv

__all__ = ["BARE_TOKENIZER", "MAX_CHUNK", "abbreviations", "build_tokenizer", "honorifics", "tokenize"]


@registry.tokenizers("idnews_extract.bare_tokenizer.v1")
def _bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A rule-less placeholder tokenizer for a Language whose tokenizer is replaced or never used."""
    return lambda nlp: Tokenizer(nlp.vocab)


#: Config override for ``spacy.blank``/``spacy.load``: building spaCy's default ``id`` tokenizer
#: (16k exceptions) takes seconds, wasted when the news tokenizer replaces it or nothing uses it.
BARE_TOKENIZER: dict[str, Any] = {"nlp": {"tokenizer": {"@tokenizers": "idnews_extract.bare_tokenizer.v1"}}}


@cache
def abbreviations() -> frozenset[str]:
    """Every abbreviation the tokenizer keeps whole (honorifics included)."""
    return frozenset(row[0] for row in read_tsv("lang/tokenizer_abbreviations.tsv", 2))


@cache
def honorifics() -> tuple[str, ...]:
    """Honorifics that may be glued to a name (``H.Ismail``), longest first."""
    rows = read_tsv("lang/tokenizer_abbreviations.tsv", 2)
    return tuple(sorted((r[0] for r in rows if r[1] == "honorific"), key=len, reverse=True))


@cache
def _parenthesised() -> str:
    """The regex of what stays whole inside parentheses, e.g. ``(12/3)``."""
    return "(?:" + "|".join(row[1] for row in read_tsv("lang/tokenizer_patterns.tsv", 2)) + ")"


def _top_level_branches(piece: str) -> list[str]:
    """``a|b(c|d)`` -> ``["a", "b(c|d)"]``: the alternatives of a regex outside any group or class."""
    out, depth, in_class, escaped, begin = [], 0, False, False, 0
    for k, ch in enumerate(piece):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(piece[begin:k])
            begin = k + 1
    return out + [piece[begin:]]


def _prefix_search(pieces: list[str]) -> Callable[[str], re.Match[str] | None]:
    """What ``compile_prefix_regex(pieces).search`` finds, about 25x faster.

    spaCy joins ``^a|^b|...``, which ``re`` tries branch by branch at every position of the string;
    ``^(?:a|b|...)`` fails at once after position 0. spaCy anchors only the first top-level branch of a
    piece, so a piece's other branches (``<a([^>]+)>``) stay unanchored here too: same match, any string.
    """
    pieces = [p for p in pieces if p.strip()]
    loose = [branch for p in pieces for branch in _top_level_branches(p)[1:]]
    pattern = "^(?:" + "|".join(pieces) + ")" + "".join("|" + b for b in loose)
    return re.compile(pattern).search


class _TailSearch:
    """A suffix search that looks at the last ``window`` characters only.

    spaCy's ``$``-anchored suffix regex is tried at every position of the rest of a chunk, once per
    suffix split off, so a chunk of quote marks or brackets costs quadratic time (2,000 ``"`` took
    seconds). spaCy only reads the match's length, and no suffix is longer than the window.
    ``pattern`` keeps ``Tokenizer.to_bytes`` working (it reads ``suffix_search.__self__.pattern``).
    """

    def __init__(self, regex: re.Pattern[str], window: int = 64) -> None:
        self.regex, self.pattern, self.window = regex, regex.pattern, window

    def search(self, string: str) -> re.Match[str] | None:
        return self.regex.search(string, max(0, len(string) - self.window))


#: Each Doc's text for as long as the Doc lives, recorded where it is known (``tokenize``) and read by
#: ``components._spans.doc_text``: spaCy rebuilds ``doc.text`` from every token on each access. Kept beside
#: the Doc rather than in ``user_data``, which is serialised with it and copied by ``Doc.from_docs``.
DOC_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()

#: Chunks (runs without whitespace) longer than this skip spaCy's affix loop, which copies the rest of
#: the chunk at every split (quadratic); they are cut linearly by ``_LONG_CHUNK_TOKEN`` instead.
MAX_CHUNK = 100
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_CHUNK = re.compile(rf"\S{{{MAX_CHUNK + 1},}}")
# a word with inner URL/number punctuation (``kompas.com/a-b``), else one character
_LONG_CHUNK_TOKEN = re.compile(r"\w+(?:[-./:?=&%#~+@,']+\w+)*|\S")


def tokenize(tokenizer: Tokenizer, text: str) -> Doc:
    """``tokenizer(text)``, in time linear in ``len(text)`` whatever the text.

    Text without a chunk over :data:`MAX_CHUNK` characters goes to ``tokenizer`` as it is; each longer
    chunk becomes a Doc of its own, cut by a linear regex, and the pieces are joined, so
    ``doc.text == text`` always (but for lone surrogates, each read as U+FFFD).
    """
    # spaCy hashes each token as UTF-8, which a lone surrogate (JSON lets "\ud800" through) is not: it
    # becomes U+FFFD, one character for one, so every offset stays the same
    text = _SURROGATE.sub("\ufffd", text)
    if _LONG_CHUNK.search(text) is None:
        doc = tokenizer(text)
        DOC_TEXTS[doc] = text
        return doc
    docs: list[Doc] = []
    position = 0
    for match in _LONG_CHUNK.finditer(text):
        if match.start() > position:
            docs.append(tokenizer(text[position : match.start()]))
        words = _LONG_CHUNK_TOKEN.findall(match.group())
        end = match.end()
        spaces = [False] * len(words)
        if text.startswith(" ", end):  # the one space after a token belongs to it, as spaCy does
            spaces[-1] = True
            end += 1
        docs.append(Doc(tokenizer.vocab, words=words, spaces=spaces))
        position = end
    if position < len(text):
        docs.append(tokenizer(text[position:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def build_tokenizer(nlp: Language) -> Tokenizer:
    """A tokenizer for ``nlp`` (a blank ``id`` Language) with the news rules added.

    Rules, infixes and URL matching come from ``Indonesian.Defaults`` (what ``spacy.blank("id")``
    uses), so ``nlp`` need not have built its own tokenizer first.
    """
    inner = _parenthesised()
    # An opening parenthesis is split off unless it opens a kept-whole form such as (12/3).
    prefixes = [p for p in Indonesian.Defaults.prefixes if p != "\\("]
    prefixes.append(r"\((?!" + inner + r"\))")
    # An honorific glued to a capitalised name is split off as its own token: H.Ismail -> H. Ismail.
    prefixes.extend(re.escape(h) + "(?=[A-Z])" for h in honorifics())
    prefix_search = _prefix_search(prefixes)
    suffix_search = _TailSearch(compile_suffix_regex(Indonesian.Defaults.suffixes)).search
    whole, rules = _whole_words(prefix_search, suffix_search)
    tokenizer = Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=prefix_search,
        suffix_search=suffix_search,
        # a quote mark glued between two words is its own token: Bandung”kata -> Bandung ” kata
        infix_finditer=compile_infix_regex([*Indonesian.Defaults.infixes, r"(?<=\w)[\"“”„«»](?=\w)"]).finditer,
        token_match=_TokenMatch(whole, re.compile(r"\(" + inner + r"\)$")).match,
        url_match=Indonesian.Defaults.url_match,
    )
    for form in abbreviations():
        tokenizer.add_special_case(form, [{ORTH: form}])
    return tokenizer


class _TokenMatch:
    """``token_match``: a word spaCy's exceptions keep whole (a set lookup) or a kept-whole parenthesised
    form such as ``(12/3)``. ``pattern`` keeps ``Tokenizer.to_bytes`` working, as for :class:`_TailSearch`."""

    def __init__(self, words: frozenset[str], regex: re.Pattern[str]) -> None:
        self.words, self.regex, self.pattern = words, regex, regex.pattern

    def match(self, string: str) -> bool:
        return string in self.words or self.regex.match(string) is not None


def _whole_words(
    prefix_search: Callable[[str], Any], suffix_search: Callable[[str], Any]
) -> tuple[frozenset[str], dict[str, Any]]:
    """spaCy's ``id`` exceptions split into words kept whole (``abu-abu``: ~15,600 of them) and the rest.

    A word kept whole by an exception and one matched by ``token_match`` tokenize alike when no prefix
    or suffix matches it; such words go in a set, since adding each as a special case takes seconds.
    """
    whole: set[str] = set()
    rules: dict[str, Any] = {}
    for form, pieces in Indonesian.Defaults.tokenizer_exceptions.items():
        if pieces == [{ORTH: form}] and not prefix_search(form) and not suffix_search(form):
            whole.add(form)
        else:
            rules[form] = pieces
    return frozenset(whole), rules
