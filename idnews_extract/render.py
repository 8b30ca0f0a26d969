"""HTML view of articles: entities, quotes (speaker shown), dates (value on hover) and percentages highlighted.

One self-contained page (inline CSS, no scripts, no external files); ``Article._repr_html_`` uses the
same fragment renderer, so a notebook shows what the CLI's ``render`` command writes.

Highlights may overlap in any way (a date inside an event name, an entity inside a quote, a quote
that runs into a removed footer): the text is cut at every start and end, and each piece opens the
highlights that cover it, outermost first, so the tags always nest. A highlight cut into pieces shows
its label (and a quote its speaker) once, after its last piece. Every piece carries ``data-*``
attributes (``data-kind``, ``data-label``, ``data-value``, ``data-speaker``) for scripts and tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from .results import Article

__all__ = ["render_article", "render_page"]

_ENTITY_CLASSES = frozenset({"PERSON", "ORG", "LOC", "EVENT"})

_CSS = """
.idnews{font-family:system-ui,sans-serif;line-height:2;max-width:52em;margin:1em 0;color:#111}
.idnews .body{white-space:pre-wrap}
.idnews h2{font-size:1.05em;margin:.2em 0}
.idnews .meta{color:#555;font-size:.9em}
.idnews mark{padding:.1em .2em;border-radius:.3em;color:#111}
.idnews sup.label{font-size:.62em;font-weight:600;margin-left:.25em;opacity:.75}
.idnews .PERSON{background:#ffd8a8}.idnews .ORG{background:#a5d8ff}.idnews .LOC{background:#b2f2bb}
.idnews .EVENT{background:#eebefa}.idnews .OTHER{background:#dee2e6}
.idnews .DATE{background:#ffec99}.idnews .PERCENT{background:#c3fae8}
.idnews .DATE mark,.idnews .PERCENT mark,.idnews mark mark{padding:0 .1em}
.idnews .quote{border-bottom:2px solid #e8590c;background:#fff4e6}
.idnews .quote.indirect{border-bottom-style:dashed;background:#f1f3f5}
.idnews .speaker{font-size:.72em;font-weight:600;color:#c2410c;margin-left:.3em}
.idnews .removed{color:#868e96;text-decoration:line-through}
.idnews .correction{text-decoration:underline wavy #f03e3e}
.idnews .legend{font-size:.85em;margin-bottom:.6em}
.idnews .legend>*{margin-right:.5em}
"""

_LEGEND = (
    '<div class="legend">'
    '<mark class="PERSON">PERSON</mark><mark class="ORG">ORG</mark><mark class="LOC">LOC</mark>'
    '<mark class="EVENT">EVENT</mark><mark class="DATE" title="hover: TIMEX3 type and value">date</mark>'
    '<mark class="PERCENT" title="hover: value">percentage</mark>'
    '<span class="quote direct">direct quote</span><span class="speaker">speaker</span>'
    '<span class="quote indirect">indirect quote</span>'
    '<span class="correction" title="hover: the fix used for extraction">typo fixed</span>'
    '<span class="removed">removed (footer, duplicate, inserted line)</span></div>'
)


@dataclass(frozen=True, slots=True)
class _Highlight:
    """One stretch to highlight: its tag, attributes, and what to show after its last piece."""

    start: int
    end: int
    layer: int  # lower layers enclose higher ones when both cover a piece
    tag: str
    attrs: str  # already escaped attribute text, including the leading space
    after: str = ""  # HTML shown once, at the end of the last piece (a label) or just after it (a speaker)
    after_inside: bool = True


def _attr(name: str, value: object) -> str:
    return f' {name}="{escape(str(value), quote=True)}"'


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:g}"


def _highlights(article: Article, length: int) -> list[_Highlight]:
    """Every highlight of the article inside ``[0, length)``, empty ones left out."""
    out: list[_Highlight] = []

    def add(start: int, end: int, layer: int, tag: str, attrs: str, after: str = "", inside: bool = True) -> None:
        start, end = max(0, start), min(length, end)
        if start < end:
            out.append(_Highlight(start, end, layer, tag, attrs, after, inside))

    for r in article.removed:
        add(r.start, r.end, 0, "span", _attr("class", "removed") + _attr("data-kind", "removed")
            + _attr("data-label", r.kind) + _attr("title", f"removed: {r.kind}"))
    for q in article.quotes:
        title = f"{q.kind} quote; speaker: {q.speaker or 'unknown'}; cue: {q.cue or '-'}"
        attrs = (_attr("class", f"quote {q.kind}") + _attr("data-kind", "quote") + _attr("data-label", q.kind)
                 + _attr("data-speaker", q.speaker or "") + _attr("title", title))
        add(q.start, q.end, 1, "span", attrs, f'<span class="speaker">— {escape(q.speaker or "?")}</span>', inside=False)
    for e in article.entities:
        cls = e.label if e.label in _ENTITY_CLASSES else "OTHER"
        attrs = _attr("class", cls) + _attr("data-kind", "entity") + _attr("data-label", e.label) + _attr("title", e.label)
        add(e.start, e.end, 2, "mark", attrs, f'<sup class="label">{escape(e.label)}</sup>')
    for group, items in article.extra.items():
        for x in items:
            attrs = (_attr("class", "OTHER") + _attr("data-kind", "extra") + _attr("data-label", x.label or group)
                     + _attr("title", f"{group}: {x.label}"))
            add(x.start, x.end, 2, "mark", attrs, f'<sup class="label">{escape(x.label or group)}</sup>')
    for d in article.dates:
        value = d.value if d.value is not None else "unresolved"
        attrs = (_attr("class", "DATE") + _attr("data-kind", "date") + _attr("data-label", d.type)
                 + _attr("data-value", value) + _attr("title", f"{d.type} {value}"))
        add(d.start, d.end, 3, "mark", attrs)
    for p in article.percentages:
        value = _fmt(p.value) if p.low is None and p.high is None else f"{_fmt(p.low)}–{_fmt(p.high)}"
        unit = " percentage points" if p.points else " %"
        measure = f" ({p.measure})" if p.measure else ""
        attrs = (_attr("class", "PERCENT") + _attr("data-kind", "percentage")
                 + _attr("data-label", "points" if p.points else "percent")
                 + _attr("data-value", value) + _attr("title", f"{value}{unit}{measure}"))
        add(p.start, p.end, 3, "mark", attrs)
    for c in article.corrections:
        attrs = (_attr("class", "correction") + _attr("data-kind", "correction") + _attr("data-value", c.replacement)
                 + _attr("title", f"read as: {c.replacement}"))
        add(c.start, c.end, 4, "span", attrs)
    return out


def _body(text: str, highlights: list[_Highlight]) -> str:
    """``text`` with the highlights as properly nested tags (overlaps split into pieces)."""
    cuts = sorted({0, len(text)} | {h.start for h in highlights} | {h.end for h in highlights})
    # Outermost first: lower layer, then the longer (earlier-starting) stretch, then input order.
    order = sorted(range(len(highlights)), key=lambda i: (highlights[i].layer, highlights[i].start, -highlights[i].end, i))
    rank = {i: r for r, i in enumerate(order)}
    by_start: dict[int, list[int]] = {}
    for i, h in enumerate(highlights):
        by_start.setdefault(h.start, []).append(i)
    active: set[int] = set()
    stack: list[int] = []
    out: list[str] = []
    for here, nxt in zip(cuts, cuts[1:], strict=False):
        active = {i for i in active if highlights[i].end > here} | set(by_start.get(here, ()))
        wanted = sorted(active, key=rank.__getitem__)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(_close(highlights[stack.pop()], last=False, here=here))
        for i in wanted[keep:]:
            out.append(f"<{highlights[i].tag}{highlights[i].attrs}>")
            stack.append(i)
        out.append(escape(text[here:nxt], quote=False))
    while stack:
        out.append(_close(highlights[stack.pop()], last=True, here=len(text)))
    return "".join(out)


def _close(h: _Highlight, *, last: bool, here: int) -> str:
    """The closing tag of one piece, with the highlight's label or speaker if this is its last piece."""
    if not (last or h.end <= here):
        return f"</{h.tag}>"
    return f"{h.after}</{h.tag}>" if h.after_inside else f"</{h.tag}>{h.after}"


def _header(article: Article) -> str:
    meta = []
    if article.id:
        meta.append(f"id <strong>{escape(article.id)}</strong>")
    if article.reference_date:
        meta.append(f"reference date {escape(article.reference_date)} ({escape(article.reference_date_source or '-')})")
    if article.dateline:
        meta.append(f"dateline {escape(article.dateline.place or '-')} / {escape(article.dateline.source or '-')}")
    counts = ", ".join(f"{len(getattr(article, k))} {k}" for k in ("entities", "people", "quotes", "dates", "percentages"))
    meta.append(counts)
    people = "; ".join(
        escape(p.name) + (f" <i>({escape(', '.join(p.roles))})</i>" if p.roles else "") for p in article.people
    )
    html = f'<div class="meta">{" · ".join(meta)}</div>'
    if people:
        html += f'<div class="meta">people: {people}</div>'
    return html


def render_article(article: Article, *, legend: bool = True, style: bool = True) -> str:
    """One article as an HTML fragment (with its own style block unless ``style=False``), for notebooks and pages.

    Needs ``article.text`` (kept by :func:`~idnews_extract.extract`, or by ``to_json(include_text=True)``);
    without it the header is shown with a note instead of the highlighted body.
    """
    if article.text is None:
        body = '<div class="meta">(no text kept with this article: nothing to highlight)</div>'
    else:
        body = f'<div class="body">{_body(article.text, _highlights(article, len(article.text)))}</div>'
    css = f"<style>{_CSS}</style>" if style else ""
    return f'{css}<div class="idnews">{_LEGEND if legend else ""}{_header(article)}{body}</div>'



def render_page(articles: Iterable[Article], *, title: str = "idnews_extract") -> str:
    """A self-contained HTML page for one or more articles, with one legend at the top."""
    parts = [render_article(a, legend=(i == 0), style=False) for i, a in enumerate(articles)]
    return (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>"
        f"<body>{'<hr>'.join(parts) or '<p>(no articles)</p>'}</body></html>\n"
    )
