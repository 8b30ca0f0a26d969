"""``idnews_percentages``: percentages with values, ranges and points, in ``doc.spans["idnews_percentages"]``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..extractors.percentages import find_percentages
from ._spans import char_span, doc_text

__all__ = ["PercentageFinder", "make_percentages"]


class PercentageFinder:
    """Finds ``15,08 persen``, ``98%``, ``lima persen``, ``10-15 persen``, ``2 poin persentase``."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for hit in find_percentages(doc_text(doc)):
            span = char_span(doc, hit.start, hit.end, "PERCENT")
            if span is None:
                continue
            span._.idnews_pct_value = hit.value
            span._.idnews_pct_low = hit.low
            span._.idnews_pct_high = hit.high
            span._.idnews_pct_points = hit.points
            span._.idnews_pct_measure = hit.measure
            spans.append(span)
        doc.spans["idnews_percentages"] = spans
        return doc


@Language.factory(
    "idnews_percentages",
    assigns=["doc.spans", "span._.idnews_pct_value", "span._.idnews_pct_low", "span._.idnews_pct_high"],
)
def make_percentages(nlp: Language, name: str) -> PercentageFinder:
    """Percentages resolved to numbers (Indonesian decimal comma, number words, ranges)."""
    register_extensions()
    return PercentageFinder()
