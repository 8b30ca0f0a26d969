"""Turning character spans found on ``doc.text`` into spaCy spans."""

from __future__ import annotations

import weakref

from spacy.tokens import Doc, Span

from ..extractors.entity_rules import Tok, tokenize
from ..lang.tokenizer import DOC_TEXTS

__all__ = ["char_span", "doc_text", "rule_tokens"]

#: Each Doc's rule-layer tokens, for as long as the Doc lives (beside it, as ``DOC_TEXTS``)
_RULE_TOKENS: weakref.WeakKeyDictionary[Doc, tuple[str, list[Tok]]] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept beside the Doc (the news tokenizer records it; else it is built once).

    spaCy rebuilds ``doc.text`` from every token on each access (a Token object per token), and each
    component reads it; a Doc's text never changes, so one copy serves them all.
    """
    text = DOC_TEXTS.get(doc)
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.text
        DOC_TEXTS[doc] = text
    return text


def rule_tokens(doc: Doc) -> list[Tok]:
    """``tokenize(doc_text(doc))``, computed once per Doc: the entity and people components both read it."""
    text = doc_text(doc)
    cached = _RULE_TOKENS.get(doc)
    if cached is None or cached[0] is not text:
        cached = (text, tokenize(text))
        _RULE_TOKENS[doc] = cached
    return cached[1]


def char_span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    """The token span covering ``doc.text[start:end]`` (expanded to token edges), or None if empty."""
    return doc.char_span(start, end, label=label, alignment_mode="expand")
