"""The public functions: ``extract`` one article, ``extract_many`` of them, ``load`` the spaCy pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
import re
from functools import cache
from typing import Any

from spacy.language import Language

from .edge import doc_to_article
from .pipeline import load
from .results import Article

__all__ = ["MAX_CHARS", "extract", "extract_many", "load", "normalise_reference_date"]

MAX_CHARS = 10_000_000  # longer input is refused: a news article is far shorter, and cost is linear in length


_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]*(?:Z|[+-][0-9:]+)?)?")


@cache
def default_pipeline() -> Language:
    """The default pipeline, built once per process."""
    nlp = load()
    nlp.max_length = MAX_CHARS
    return nlp


def normalise_reference_date(value: object) -> str | None:
    """``None``, a ``date``/``datetime`` or an ISO ``YYYY-MM-DD`` string as ``YYYY-MM-DD``; else ValueError."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        match = _ISO_DATE.fullmatch(value.strip())
        if match:
            try:
                return dt.date.fromisoformat(match.group(1)).isoformat()
            except ValueError:
                pass
        raise ValueError(f"reference_date must be a real calendar date written YYYY-MM-DD, got {value!r}")
    raise TypeError(f"reference_date must be None, a datetime.date or a 'YYYY-MM-DD' string, not {type(value).__name__}")


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise ValueError(f"text is {len(text):,} characters; the limit is {MAX_CHARS:,}")
    return text


def extract(
    text: str,
    *,
    reference_date: str | dt.date | None = None,
    id: str | None = None,
    nlp: Language | None = None,
) -> Article:
    """Extract entities, people, quotes, dates, percentages and fixes from one Indonesian news text.

    ``reference_date`` (``"YYYY-MM-DD"`` or a date) resolves relative expressions such as ``Selasa``
    or ``pekan lalu``; without it the date found in the dateline or text is used when trustworthy.
    ``nlp`` is a pipeline from :func:`load` (configured, or with components you added); by default
    the standard pipeline, built once per process. Raises ``TypeError``/``ValueError`` for a
    non-string text, a non-string id or an unreadable reference date.
    """
    text = _check_text(text)
    ref = normalise_reference_date(reference_date)
    if id is not None and not isinstance(id, str):
        raise TypeError(f"id must be a str or None, not {type(id).__name__}")
    nlp = nlp if nlp is not None else default_pipeline()
    doc = nlp.make_doc(text)
    if ref is not None:
        doc._.idnews_reference_date = ref
        doc._.idnews_reference_date_source = "given"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc_to_article(doc, id=id)


def extract_many(
    records_or_texts: Iterable[str | Mapping[str, Any]],
    *,
    batch_size: int = 64,
    workers: int = 1,
    text_key: str = "text",
    id_key: str = "id",
    date_key: str = "date",
) -> Iterator[Article]:
    """Extract from many texts, or records with ``text``/``id``/``date`` keys, in order.

    ``workers > 1`` spreads batches of ``batch_size`` over a pool of processes, each with its own
    pipeline (see :mod:`idnews_extract.batch`). A bad record raises ``TypeError``/``ValueError``.
    """
    from .batch import iter_partitions

    keys = {"text_key": text_key, "id_key": id_key, "date_key": date_key}
    results = iter_partitions(records_or_texts, batch_size=batch_size, workers=workers, include_text=True, **keys)
    for result in results:
        error = result.get("error")
        if error:
            exc = TypeError if error["type"] in ("invalid_text", "invalid_record") else ValueError
            raise exc(f"record {result.get('id')!r}: {error['message']}")
        yield Article.from_dict(result)
