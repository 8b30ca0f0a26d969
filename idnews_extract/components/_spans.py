"""Turning character spans found on ``doc.text`` into spaCy spans."""

from __future__ import annotations

import weakref

from spacy.tokens import Doc, Span

from ..extractors.entity_rules import Tok, tokenize
from ..lang.tokenizer import DOC_TEXTS

__all__ = ["char_span", "doc_text", "rule_tokens"]

#: Each Doc's rule-layer tokens, for as long as the Doc lives (beside it, as ``DOC_TEXTS``)
_RULE_TOKENS: weakref.WeakKeyDictionary[Doc, list[Tok]] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept beside the Doc (the news tokenizer records it; else it is built once).

    spaCy rebuilds ``doc.text`` from every token on each access (a Token object per token), and each
    component reads it; a Doc's text never changes, so one copy serves them all.
    """
    text = DOC_TEXTS.get(doc)
    if text is None:
        text = DOC_TEXTS[doc] = doc.text
    return text


def rule_tokens(doc: Doc) -> list[Tok]:
    """``tokenize(doc_text(doc))``, computed once per Doc: the entity and people components both read it."""
    toks = _RULE_TOKENS.get(doc)
    if toks is None:
        toks = _RULE_TOKENS[doc] = tokenize(doc_text(doc))
    return toks


def char_span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    """The token span covering ``doc.text[start:end]`` (expanded to token edges), or None if empty."""
    return doc.char_span(start, end, label=label, alignment_mode="expand")
