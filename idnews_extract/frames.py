"""pandas tables of results (the ``pandas`` extra): one row per item, with the article id.

Columns are ``article_id`` and then the item's fields in contract order (``Entity``: text, label,
start, end; ``Quote``: kind, text, start, end, speaker, cue; ...), so a table has the same columns
whether it holds rows or not, and ``frame.groupby("speaker")`` works on an article without quotes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from .results import Article, Correction, DateMention, Entity, Percentage, Person, Quote, Removal

__all__ = ["KINDS", "article_frame", "articles_to_frames"]

_ITEMS: dict[str, type] = {
    "entities": Entity,
    "people": Person,
    "quotes": Quote,
    "dates": DateMention,
    "percentages": Percentage,
    "corrections": Correction,
    "removed": Removal,
}
KINDS: tuple[str, ...] = tuple(_ITEMS)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("tables need pandas: pip install 'idnews_extract[pandas]'") from None
    return pandas


def _columns(kind: str) -> list[str]:
    return ["article_id", *(f.name for f in fields(_ITEMS[kind]))]


def _check(kinds: Iterable[str]) -> tuple[str, ...]:
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    unknown = [k for k in kinds if k not in _ITEMS]
    if unknown:
        raise ValueError(f"unknown kind(s) {unknown}; choose from {list(KINDS)}")
    return kinds


def article_frame(article: Article, kind: str = "entities") -> Any:
    """The ``kind`` items of one article (``"entities"``, ``"quotes"``, ...) as a DataFrame."""
    return articles_to_frames([article], kinds=(kind,))[kind]


def articles_to_frames(articles: Iterable[Article], *, kinds: Iterable[str] = KINDS) -> dict[str, Any]:
    """Items of many articles as DataFrames keyed by kind (all of :data:`KINDS` unless ``kinds`` says).

    Each row is one item with its article's ``id`` in ``article_id``; people's ``aliases``, ``roles``
    and ``mentions`` stay lists (tuples). Raises ``ValueError`` for an unknown kind and ``ImportError``
    when pandas is missing.
    """
    wanted = _check(kinds)
    pd = _pandas()
    articles = list(articles)
    frames: dict[str, Any] = {}
    for kind in wanted:
        rows = [{"article_id": a.id, **item.to_dict()} for a in articles for item in getattr(a, kind)]
        frames[kind] = pd.DataFrame(rows, columns=_columns(kind))
    return frames
