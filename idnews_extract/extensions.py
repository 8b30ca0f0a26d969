"""The custom attributes idnews_extract keeps on spaCy objects: plain values only, ``idnews_`` prefixed.

Plain values (str, int, float, bool, lists and dicts of them) keep ``nlp.pipe``, pickling and
``DocBin`` working. Span attributes are read through the span groups the components fill:
``doc.spans["idnews_dates"]``, ``["idnews_percentages"]``, ``["idnews_quotes"]``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["DOC_ATTRS", "SPAN_ATTRS", "register_extensions"]

DOC_ATTRS: tuple[str, ...] = (
    "idnews_reference_date",  # "YYYY-MM-DD" or None: resolves relative dates
    "idnews_reference_date_source",  # "given" | "dateline" | "text" | None
    "idnews_text_stage",  # the text stage's findings and alignment (TextStageResult.to_plain())
    "idnews_people",  # list of {"name", "aliases", "roles", "mentions": [[start_char, end_char]], "standing"}
)

SPAN_ATTRS: tuple[str, ...] = (
    # dates
    "idnews_date_type",
    "idnews_date_value",
    "idnews_timezone",
    "idnews_date_interval",
    # percentages
    "idnews_pct_value",
    "idnews_pct_low",
    "idnews_pct_high",
    "idnews_pct_points",
    "idnews_pct_measure",
    # quotes
    "idnews_quote_kind",
    "idnews_cue",
    "idnews_cue_start",
    "idnews_cue_end",
    "idnews_speaker_start",
    "idnews_speaker_end",
)


def register_extensions() -> None:
    """Register every attribute once (safe to call again)."""
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
