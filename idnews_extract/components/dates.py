"""``idnews_dates``: temporal expressions with TIMEX3 type and value, in ``doc.spans["idnews_dates"]``."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..extractors.dates import find_dates
from ._spans import char_span, doc_text

__all__ = ["DateFinder", "make_dates"]


class DateFinder:
    """Finds dates on ``doc.text`` and resolves them against ``doc._.idnews_reference_date``."""

    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.idnews_reference_date
        reference = dt.date.fromisoformat(ref) if ref else None
        spans = []
        for hit in find_dates(doc_text(doc), reference):
            span = char_span(doc, hit.start, hit.end, "DATE")
            if span is None:
                continue
            span._.idnews_date_type = hit.type
            span._.idnews_date_value = hit.value
            span._.idnews_timezone = hit.timezone
            span._.idnews_date_interval = hit.interval
            spans.append(span)
        doc.spans["idnews_dates"] = spans
        return doc


@Language.factory(
    "idnews_dates",
    assigns=["doc.spans", "span._.idnews_date_type", "span._.idnews_date_value", "span._.idnews_timezone"],
)
def make_dates(nlp: Language, name: str) -> DateFinder:
    """Dates, times, durations and sets (``Selasa``, ``7 hingga 8 Agustus 2018``, ``dua hari``)."""
    register_extensions()
    return DateFinder()
