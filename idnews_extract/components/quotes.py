"""``idnews_quotes``: direct and indirect speech with cue and speaker span, in ``doc.spans["idnews_quotes"]``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..extractors.quotes import find_quotes
from ._spans import char_span, doc_text

__all__ = ["QuoteFinder", "make_quotes"]


class QuoteFinder:
    """Finds statements on ``doc.text``; speakers point at entity mentions in ``doc.ents``."""

    def __call__(self, doc: Doc) -> Doc:
        mentions = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        spans = []
        for hit in find_quotes(doc_text(doc), mentions):
            span = char_span(doc, hit.start, hit.end, hit.kind.upper())
            if span is None:
                continue
            span._.idnews_quote_kind = hit.kind
            span._.idnews_cue = hit.cue.lower() if hit.cue else None  # as written, without case
            span._.idnews_cue_start = hit.cue_start
            span._.idnews_cue_end = hit.cue_end
            span._.idnews_speaker_start = hit.speaker_start
            span._.idnews_speaker_end = hit.speaker_end
            spans.append(span)
        doc.spans["idnews_quotes"] = spans
        return doc


@Language.factory(
    "idnews_quotes",
    assigns=["doc.spans", "span._.idnews_quote_kind", "span._.idnews_cue", "span._.idnews_speaker_start"],
    requires=["doc.ents"],
)
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    """Quotes (direct, indirect) with their cue word and the span naming the speaker."""
    register_extensions()
    return QuoteFinder()
