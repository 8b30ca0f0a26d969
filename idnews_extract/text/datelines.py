"""Find the dateline glued to the start of a news body (``Jakarta, CNN Indonesia -- ``, ``TEMPO.CO, Jakarta - ``).

Outlet tokens and the shapes each outlet uses come from ``data/lang/cleanup_outlets.tsv``; place names for
datelines without an outlet token (Detik ``Jakarta - ``, Okezone ``JAKARTA - ``) come from ``places.txt`` (built
from the MIT Kemendagri gazetteer by ``scripts/build_places.py``) and ``cleanup_places_extra.txt``, minus rubric
words in ``cleanup_rubrics.txt`` (``ANALISIS –`` stays). Every pattern is anchored and runs on a bounded head of
the text, so the cost does not grow with the article.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "lang"
#: How far into the text a dateline may reach (the longest real ones are about 90 characters).
HEAD_CHARS = 240
#: Dateline shapes that name an outlet (see cleanup_outlets.tsv); ``bare`` (a place alone) is tried last.
SHAPES = ("paren", "place_comma", "token_place", "token_dot", "token")
MATCH_KINDS = ("exact", "prefix", "suffix")

_S = r"[ \t\u00a0]"  # a horizontal space (NBSP too, in case the text was not normalised)
_DASH = r"[-\u2010-\u2015]{1,3}"
_WORD = r"[A-Z][A-Za-z'\u2019]{0,30}\.?"
_PLACE = rf"{_WORD}(?:{_S}(?:[a-z]{{1,3}}{_S})?{_WORD}){{0,3}}"
_DATE = rf"\d{{1,2}}{_S}+[A-Za-z]{{3,9}}\.?{_S}+\d{{4}}"


@dataclass(frozen=True, slots=True)
class DatelineHit:
    """A dateline prefix ``text[start:end]`` (dash and following spaces included), with its place and outlet
    as written (``text[place_start:place_end] == place``)."""

    start: int
    end: int
    place: str | None
    place_start: int | None
    place_end: int | None
    source: str | None
    source_start: int | None
    source_end: int | None


@dataclass(frozen=True, slots=True)
class OutletToken:
    """One row of cleanup_outlets.tsv."""

    token: str
    match: str
    uses: frozenset[str]


def _data_lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a data file."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@cache
def load_outlets() -> tuple[OutletToken, ...]:
    """Outlet tokens with how they match and where they are used."""
    rows = _data_lines("cleanup_outlets.tsv")
    out: list[OutletToken] = []
    for line in rows[1:]:  # header
        token, match, uses = line.split("\t")
        out.append(OutletToken(token, match, frozenset(uses.split(","))))
    return tuple(out)


def _fold(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).casefold()


@cache
def load_places() -> frozenset[str]:
    """Case-folded place names a bare dateline may use."""
    names = _data_lines("places.txt") + _data_lines("cleanup_places_extra.txt")
    return frozenset(_fold(name) for name in names)


@cache
def load_rubrics() -> frozenset[str]:
    """Case-folded rubric labels and common words that are never a dateline place."""
    return frozenset(_fold(name) for name in _data_lines("cleanup_rubrics.txt"))


def token_pattern(use: str) -> str:
    """A regex alternation of the outlet tokens with ``use``, longest first, case-insensitive, bounded."""
    parts: list[str] = []
    for row in sorted(load_outlets(), key=lambda r: -len(r.token)):
        if use not in row.uses:
            continue
        escaped = re.escape(row.token).replace(r"\ ", f"{_S}+")
        if row.match == "exact":
            parts.append(escaped)
        elif row.match == "prefix":
            parts.append(rf"{escaped}[\w./]{{0,30}}(?:{_S}[A-Z][\w.]{{0,20}})?")
        else:  # suffix: a domain-like word ending in the token
            parts.append(rf"[A-Za-z0-9][A-Za-z0-9-]{{0,40}}{escaped}")
    # a token ends at a non-word character, or (KOMPAS.comPenyidik) where a lower-case end meets a capital
    return rf"(?i:{'|'.join(parts)})(?:(?![\w])|(?<=[a-z])(?=[A-Z]))"


@cache
def _shape_patterns() -> dict[str, re.Pattern[str]]:
    """The anchored regex of each dateline shape, built from the outlet data."""
    dash_or_glue = rf"(?:{_S}*{_DASH}{_S}*|(?<=[a-z])(?=[A-Z]))"
    templates = {
        "paren": rf"(?P<place>{_PLACE})(?:{_S}*,{_S}*{_PLACE}){{0,2}}{_S}*,?{_S}*(?:(?P<date>{_DATE}){_S}*)?"
        rf"\({_S}*(?P<source>{{T}}){_S}*\){_S}*{_DASH}(?:{_S}*\n)?{_S}*",
        "place_comma": rf"(?P<place>{_PLACE}){_S}*,{_S}*(?P<source>{{T}}){dash_or_glue}",
        "token_place": rf"(?P<source>{{T}}){_S}*,{_S}*(?P<place>{_PLACE}){_S}*{_DASH}{_S}*",
        "token_dot": rf"(?P<source>{{T}}){_S}*{_DASH}{_S}*(?P<place>{_PLACE})\.{_S}+",
        "token": rf"(?P<source>{{T}}){dash_or_glue}",
    }
    patterns = {shape: re.compile(tpl.replace("{T}", token_pattern(shape))) for shape, tpl in templates.items()}
    # a bare place needs a space on one side of the dash, or (``SWEDIA-Tanpa``) an upper-case place
    patterns["bare"] = re.compile(
        rf"(?P<place>{_PLACE})(?:{_S}+{_DASH}{_S}*|{_DASH}{_S}+|(?P<tight>{_DASH})(?=[A-Z][a-z]))"
    )
    return patterns


@cache
def _byline_prefix() -> re.Pattern[str]:
    from idnews_extract.text.footers import load_phrases  # local import: footers imports this module

    words = sorted(load_phrases().get("byline_prefix", ()), key=len, reverse=True)
    return re.compile(rf"(?i:{'|'.join(re.escape(w) for w in words)}){_S}")


def is_place(name: str) -> bool:
    """Whether ``name`` is a known place and not a rubric label."""
    folded = _fold(name.rstrip("."))
    return folded in load_places() and folded not in load_rubrics()


def _hit(match: re.Match[str], offset: int, start: int) -> DatelineHit:
    groups = match.groupdict()
    place = groups.get("place")
    source = groups.get("source")
    return DatelineHit(
        start=start,
        end=offset + match.end(),
        place=place,
        place_start=offset + match.start("place") if place is not None else None,
        place_end=offset + match.start("place") + len(place) if place is not None else None,
        source=source,
        source_start=offset + match.start("source") if source is not None else None,
        source_end=offset + match.end("source") if source is not None else None,
    )


def _match_outlet_shapes(head: str, pos: int) -> re.Match[str] | None:
    """The longest outlet-token dateline matching at ``pos``."""
    best: re.Match[str] | None = None
    for shape in SHAPES:
        match = _shape_patterns()[shape].match(head, pos)
        if match is not None and (best is None or match.end() > best.end()):
            best = match
    return best


def find_dateline(text: str) -> DatelineHit | None:
    """The dateline at the start of ``text`` (after leading whitespace), or ``None``.

    Outlet-token shapes win over a bare place; a bare place counts only when it is a known place of at most
    four words followed by a spaced dash. A byline line before it (``Laporan wartawan X, NAME``) is included.
    """
    start = len(text) - len(text.lstrip())
    head = text[: start + HEAD_CHARS]
    match = _match_outlet_shapes(head, start)
    if match is not None:
        return _hit(match, 0, start)
    byline = _byline_prefix().match(head, start)
    if byline is not None:
        for word in re.finditer(r"(?<=\s)\S", head[: byline.end() + 120]):
            if word.start() < byline.end():
                continue
            match = _match_outlet_shapes(head, word.start())
            if match is not None:
                return _hit(match, 0, start)
    match = _shape_patterns()["bare"].match(head, start)
    if match is not None and match.group("tight") is not None and not match.group("place").isupper():
        match = None
    if match is not None and is_place(match.group("place")):
        return _hit(match, 0, start)
    return None
