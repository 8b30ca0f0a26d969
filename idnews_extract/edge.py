"""The edge: one function that turns a processed Doc into an :class:`~idnews_extract.results.Article`.

Every offset is mapped back through the text stage's alignment to the caller's original string and
every item's ``text`` is cut from that string, so ``original[start:end] == item.text`` by construction.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc, Span

from .results import (
    Article,
    Correction,
    DateMention,
    Dateline,
    Entity,
    Percentage,
    Person,
    Quote,
    Removal,
)
from .components._spans import doc_text
from .text.align import Alignment

__all__ = ["doc_to_article"]

_OWN_GROUPS = ("idnews_dates", "idnews_percentages", "idnews_quotes")


class _Mapper:
    """Maps spans of ``doc.text`` to trimmed spans of the original input."""

    def __init__(self, doc: Doc, stage: dict[str, Any] | None) -> None:
        text = doc_text(doc)
        self.align = Alignment.from_plain(stage["alignment"], text) if stage else None
        self.original = self.align.original if self.align else text

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        if self.align is not None:
            start, end = self.align.to_original(start, end)
        text = self.original
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end, text[start:end]


def doc_to_article(doc: Doc, *, id: str | None = None) -> Article:
    """Collect what the components stored on ``doc`` into an Article with offsets into the input."""
    stage: dict[str, Any] | None = doc._.idnews_text_stage if Doc.has_extension("idnews_text_stage") else None
    m = _Mapper(doc, stage)
    entities = _entities(doc, m, stage)
    people = _people(doc, m)
    return Article(
        id=id,
        reference_date=_doc_attr(doc, "idnews_reference_date"),
        reference_date_source=_doc_attr(doc, "idnews_reference_date_source"),
        dateline=_dateline(stage),
        entities=entities,
        people=people,
        quotes=_quotes(doc, m, people, entities),
        dates=_dates(doc, m),
        percentages=_percentages(doc, m),
        corrections=tuple(
            Correction(text=m.original[s:e], replacement=r, start=s, end=e) for s, e, r in (stage or {}).get("corrections", [])
        ),
        removed=tuple(Removal(kind=k, start=s, end=e) for k, s, e in (stage or {}).get("removed", [])),
        extra=_extra(doc, m),
        text=m.original,
    )


def _doc_attr(doc: Doc, name: str) -> Any:
    return getattr(doc._, name) if Doc.has_extension(name) else None


def _span_attr(span: Span, name: str) -> Any:
    return getattr(span._, name) if Span.has_extension(name) else None


def _dateline(stage: dict[str, Any] | None) -> Dateline | None:
    found = (stage or {}).get("dateline")
    if not found:
        return None
    return Dateline(place=found["place"], source=found["source"], start=found["start"], end=found["end"])


def _entities(doc: Doc, m: _Mapper, stage: dict[str, Any] | None) -> tuple[Entity, ...]:
    found: dict[tuple[int, int, str], Entity] = {}

    def add(start: int, end: int, label: str, mapped: bool = False) -> None:
        s, e, text = (start, end, m.original[start:end]) if mapped else m.span(start, end)
        if text:
            found.setdefault((s, e, label), Entity(text=text, label=label, start=s, end=e))

    for ent in doc.ents:
        add(ent.start_char, ent.end_char, ent.label_)
    dateline = (stage or {}).get("dateline") or {}
    if dateline.get("place") is not None:
        add(dateline["place_start"], dateline["place_end"], "LOC", mapped=True)
    if dateline.get("source") is not None:
        add(dateline["source_start"], dateline["source_end"], "ORG", mapped=True)
    for s, e, _outlet in (stage or {}).get("credits", []):
        add(s, e, "ORG", mapped=True)
    return tuple(sorted(found.values(), key=lambda x: (x.start, x.end, x.label)))


def _people(doc: Doc, m: _Mapper) -> tuple[Person, ...]:
    people = []
    for p in _doc_attr(doc, "idnews_people") or []:
        mentions = tuple(sorted({m.span(s, e)[:2] for s, e in p["mentions"]}))
        people.append(
            Person(
                name=p["name"],
                aliases=tuple(p["aliases"]),
                roles=tuple(p["roles"]),
                mentions=mentions,
                standing=p.get("standing"),
            )
        )
    return tuple(people)


class _Overlaps:
    """Items ``(start, end, ...)`` sorted by start, to find those overlapping a span without a full scan
    (one scan per quote made the edge quadratic on long texts)."""

    def __init__(self, items: list[tuple[Any, ...]]) -> None:
        self.items = sorted(items, key=lambda item: item[:2])
        self.starts = [item[0] for item in self.items]
        self.longest = max((item[1] - item[0] for item in self.items), default=0)

    def __call__(self, s: int, e: int) -> list[tuple[Any, ...]]:
        """Items with ``start < e`` and ``end > s``, in sorted order."""
        lo = bisect_left(self.starts, s - self.longest)
        hi = bisect_left(self.starts, e)
        return [item for item in self.items[lo:hi] if item[1] > s]


def _speaker(start: int | None, end: int | None, m: _Mapper, mentions: _Overlaps, names: _Overlaps) -> str | None:
    """The speaker's ``people[].name`` (the most overlapped mention), else an overlapping ORG/PERSON
    entity's text, else the span as written when it reads like a name or handle; otherwise None."""
    if start is None or end is None or end <= start:
        return None
    s, e, text = m.span(start, end)

    def overlap(a: int, b: int) -> int:
        return min(b, e) - max(a, s)

    best = max(((overlap(ms, me), name) for ms, me, name in mentions(s, e) if overlap(ms, me) > 0), default=None)
    if best:
        return best[1]
    for _, _, _, ent in names(s, e):  # entities in their sorted order
        if overlap(ent.start, ent.end) > 0:
            return ent.text
    # A span that names nobody we know is kept only when it reads like a name or a handle: never guess.
    words = text.split()
    if 0 < len(words) <= 4 and all(w[:1].isupper() or w.startswith("@") for w in words):
        return text
    return None


def _quotes(doc: Doc, m: _Mapper, people: tuple[Person, ...], entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    quotes = []
    mentions = _Overlaps([(ms, me, person.name) for person in people for ms, me in person.mentions])
    names = _Overlaps([(ent.start, ent.end, k, ent) for k, ent in enumerate(entities) if ent.label in ("ORG", "PERSON")])
    for span in doc.spans.get("idnews_quotes", []):
        s, e, text = m.span(span.start_char, span.end_char)
        speaker = _speaker(_span_attr(span, "idnews_speaker_start"), _span_attr(span, "idnews_speaker_end"), m, mentions, names)
        quotes.append(
            Quote(kind=_span_attr(span, "idnews_quote_kind") or "direct", text=text, start=s, end=e, speaker=speaker, cue=_span_attr(span, "idnews_cue"))
        )
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end)))


def _dates(doc: Doc, m: _Mapper) -> tuple[DateMention, ...]:
    out = []
    for span in doc.spans.get("idnews_dates", []):
        s, e, text = m.span(span.start_char, span.end_char)
        out.append(
            DateMention(
                text=text,
                value=_span_attr(span, "idnews_date_value"),
                type=_span_attr(span, "idnews_date_type") or "DATE",
                start=s,
                end=e,
                timezone=_span_attr(span, "idnews_timezone"),
                interval=_span_attr(span, "idnews_date_interval"),
            )
        )
    return tuple(sorted(out, key=lambda d: (d.start, d.end)))


def _percentages(doc: Doc, m: _Mapper) -> tuple[Percentage, ...]:
    out = []
    for span in doc.spans.get("idnews_percentages", []):
        s, e, text = m.span(span.start_char, span.end_char)
        out.append(
            Percentage(
                text=text,
                value=_span_attr(span, "idnews_pct_value"),
                start=s,
                end=e,
                low=_span_attr(span, "idnews_pct_low"),
                high=_span_attr(span, "idnews_pct_high"),
                points=bool(_span_attr(span, "idnews_pct_points")),
                measure=_span_attr(span, "idnews_pct_measure"),
            )
        )
    return tuple(sorted(out, key=lambda p: (p.start, p.end)))


def _extra(doc: Doc, m: _Mapper) -> dict[str, tuple[Entity, ...]]:
    """Span groups that other components (your own) stored on the Doc, by group name."""
    extra: dict[str, tuple[Entity, ...]] = {}
    for name, group in doc.spans.items():
        if name in _OWN_GROUPS or not len(group):
            continue
        items = []
        for span in group:
            s, e, text = m.span(span.start_char, span.end_char)
            items.append(Entity(text=text, label=span.label_, start=s, end=e))
        extra[name] = tuple(items)
    return extra
