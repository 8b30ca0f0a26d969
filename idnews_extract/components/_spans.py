"""Turning character spans found on ``doc.text`` into spaCy spans."""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["char_span", "doc_text"]

_TEXT_KEY = ("idnews_extract", "doc_text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and kept in ``doc.user_data``.

    spaCy rebuilds ``doc.text`` from every token on each access (a Token object per token), and each
    component reads it; a Doc's text never changes, so one copy serves them all.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str) or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def char_span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    """The token span covering ``doc.text[start:end]`` (expanded to token edges), or None if empty."""
    return doc.char_span(start, end, label=label, alignment_mode="expand")
