"""The typed results at the edge of the pipeline: frozen dataclasses with an exact JSON round-trip.

Every item with ``start``/``end`` satisfies ``article.text[start:end] == item.text`` (offsets into the
caller's original string). Items hold plain values only, so they pickle and serialise cheaply.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, TypeVar

__all__ = [
    "Article",
    "Correction",
    "DateMention",
    "Dateline",
    "Entity",
    "Percentage",
    "Person",
    "Quote",
    "Removal",
]

_Item = TypeVar("_Item", bound="_Record")


class _Record:
    """Shared ``to_dict``/``from_dict`` for the flat result items."""

    __slots__ = ()
    _tuple_fields: ClassVar[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if f.name in self._tuple_fields:
                value = [list(v) if isinstance(v, tuple) else v for v in value]
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls: type[_Item], data: dict[str, Any]) -> _Item:
        kwargs: dict[str, Any] = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name in cls._tuple_fields:
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            kwargs[f.name] = value
        return cls(**kwargs)


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity(_Record):
    """A named-entity mention: PERSON, ORG, LOC or EVENT."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Person(_Record):
    """One real person: the fullest name, other ways the text names them, their roles, every mention."""

    _tuple_fields: ClassVar[frozenset[str]] = frozenset({"aliases", "roles", "mentions"})

    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    standing: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(_Record):
    """A statement: ``direct`` (inside quote marks, marks excluded) or ``indirect`` (reported clause)."""

    kind: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention(_Record):
    """A temporal expression with its TIMEX3 ``type`` and ``value`` (``None`` when it cannot be resolved).

    ``timezone`` is WIB/WITA/WIT when written; ``interval`` is the approximate calendar interval of a
    modified or anchored expression (``akhir tahun ini``: value ``2018``, interval ``2018-10/2018-12``).
    """

    text: str
    value: str | None
    type: str
    start: int
    end: int
    timezone: str | None = None
    interval: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Percentage(_Record):
    """A percentage: a single ``value``, or a ``low``/``high`` range; ``points`` for percentage points."""

    text: str
    value: float | None
    start: int
    end: int
    low: float | None = None
    high: float | None = None
    points: bool = False
    measure: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction(_Record):
    """A typo or spacing fix: ``text`` as written in the input, ``replacement`` as used for extraction."""

    text: str
    replacement: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Removal(_Record):
    """A stretch of the input left out of extraction: ``dateline``, ``footer``, ``inserted``, ``duplicate``."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline(_Record):
    """The dateline prefix of the body (``Tanjungbalai (Antaranews Sumut) -``): its place and outlet."""

    place: str | None
    source: str | None
    start: int
    end: int


_LISTS: dict[str, type[_Record]] = {
    "entities": Entity,
    "people": Person,
    "quotes": Quote,
    "dates": DateMention,
    "percentages": Percentage,
    "corrections": Correction,
    "removed": Removal,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """Everything extracted from one article, in the JSON shape of the output contract.

    ``extra`` holds the span groups of components you add yourself (``doc.spans[NAME]``), by group name;
    it appears in the JSON only when not empty. ``text`` is the caller's original input; it is kept for rendering and offset checks but is not part
    of the contract's JSON (pass ``include_text=True`` to keep it) and does not take part in equality.
    """

    id: str | None = None
    reference_date: str | None = None
    reference_date_source: str | None = None
    dateline: Dateline | None = None
    entities: tuple[Entity, ...] = ()
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    percentages: tuple[Percentage, ...] = ()
    corrections: tuple[Correction, ...] = ()
    removed: tuple[Removal, ...] = ()
    extra: dict[str, tuple[Entity, ...]] = field(default_factory=dict)
    text: str | None = field(default=None, compare=False, repr=False)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The article as plain JSON-ready values, keys in contract order."""
        out: dict[str, Any] = {
            "id": self.id,
            "reference_date": self.reference_date,
            "reference_date_source": self.reference_date_source,
            "dateline": self.dateline.to_dict() if self.dateline else None,
        }
        for key in _LISTS:
            out[key] = [item.to_dict() for item in getattr(self, key)]
        if self.extra:
            out["extra"] = {name: [item.to_dict() for item in items] for name, items in self.extra.items()}
        if include_text:
            out["text"] = self.text
        return out

    def to_json(self, *, indent: int | None = None, include_text: bool = False) -> str:
        """The article as a JSON string (UTF-8 characters kept as they are)."""
        return json.dumps(self.to_dict(include_text=include_text), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output (or the parsed JSON of :meth:`to_json`)."""
        dateline = data.get("dateline")
        lists = {key: tuple(item_cls.from_dict(d) for d in data.get(key, ())) for key, item_cls in _LISTS.items()}
        return cls(
            id=data.get("id"),
            reference_date=data.get("reference_date"),
            reference_date_source=data.get("reference_date_source"),
            dateline=Dateline.from_dict(dateline) if dateline else None,
            extra={
                name: tuple(Entity.from_dict(d) for d in items) for name, items in data.get("extra", {}).items()
            },
            text=data.get("text"),
            **lists,
        )

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an article from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

    def _repr_html_(self) -> str:
        from .render import render_article

        return render_article(self)

    def to_frame(self, kind: str = "entities") -> Any:
        """One list of items as a pandas DataFrame (needs the ``pandas`` extra)."""
        from .frames import article_frame

        return article_frame(self, kind)
