"""Percentages in Indonesian news text: ``15,08 persen`` (decimal comma), ``98%``, ``lima persen``,
``setengah persen``, ``minus 5,51 persen``, ranges (``10-15 persen``, ``antara 5 hingga 7 persen``) and
percentage points (``2 poin persentase``, ``0,25 persen poin``), with what the sentence says they measure.

The vocabulary lives in ``data/lang/percent_words.tsv`` and ``data/lang/number_words.tsv``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

from ..lang.numbers import number_words, percent_words
from .numbers import alternation, digit_pattern, parse_number, word_number_pattern

__all__ = ["PercentHit", "find_percentages"]

logger = logging.getLogger(__name__)

_S = r"[^\S\n]+"
_S0 = r"[^\S\n]*"
_MEASURE_WINDOW = 120


@dataclass(frozen=True, slots=True)
class PercentHit:
    """One percentage: ``value`` for a single figure, ``low``/``high`` (and ``value`` None) for a range;
    ``points`` for a change in percentage points; ``measure`` is what it measures when the clause names it."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    points: bool
    measure: str | None = None


@cache
def _regex() -> re.Pattern[str]:
    pw = percent_words()
    nw = number_words()
    num = rf"(?:{digit_pattern()}|{word_number_pattern()})"
    pct = "(?i:" + alternation([f for f in pw.get("percent") if f != "%"]) + r")(?![\w])"
    pct_any = rf"(?:%|{pct})"
    conn = alternation(pw.get("range_conn"))
    sign = "(?i:" + alternation(list(nw.of_kind("sign"))) + ")"
    between = "(?i:" + alternation(pw.get("between")) + ")"
    between_and = "(?i:" + alternation(pw.get("between_and")) + ")"
    points = "(?i:" + alternation(pw.get("points")) + r")(?![\w])"
    points_only = r"(?i:poin)" + _S + r"(?i:persentase)(?![\w])"
    return re.compile(
        rf"(?<![\w.,])"
        rf"(?:(?P<btw>{between}){_S})?"
        rf"(?:(?P<sign>{sign}){_S}|(?P<dash>-)(?=\d))?"
        rf"(?P<n1>{num})"
        rf"(?:{_S0}(?P<p1>%))?"
        rf"(?:{_S0}(?P<conn>{conn}|(?(btw){between_and}|(?!))){_S0}(?P<n2>{num}))?"
        rf"(?:{_S0}(?P<pts>{points})|{_S0}(?P<pts2>{points_only})|{_S0}(?P<pct>{pct_any}))"
    )


@cache
def _plus_minus() -> re.Pattern[str]:
    return re.compile(r"(?i:" + alternation(percent_words().get("plus_minus")) + r")" + _S0 + "$")


@cache
def _measure_regex() -> re.Pattern[str]:
    pw = percent_words()
    return re.compile(r"(?<![\w-])(?i:" + alternation(pw.get("measure")) + r")(?![\w-])")


def _measure(text: str, start: int) -> str | None:
    """The nearest measure phrase before ``start`` in the same clause (``tingkat kemiskinan``)."""
    lo = max(text.rfind(c, 0, start) for c in ".!?\n;\"“”") + 1
    lo = max(lo, start - _MEASURE_WINDOW)
    window = text[lo:start]
    found = list(_measure_regex().finditer(window))
    if not found:
        return None
    first = len(found) - 1
    while first > 0 and not window[found[first - 1].end():found[first].start()].strip():
        first -= 1
    head_start, head_end = found[first].start(), found[-1].end()
    stops = {s.lower() for s in percent_words().get("measure_stop")}
    words = [window[head_start:head_end]]
    for w in re.finditer(r"[^\s,()]+", window[head_end:]):
        tok = w.group(0)
        if tok.lower() in stops or not re.fullmatch(r"[A-Za-z-]+", tok) or len(words) >= 3:
            break
        words.append(tok)
    return " ".join(" ".join(words).split())


def _value(s: str) -> float | None:
    return parse_number(" ".join(s.split()))


def find_percentages(text: str) -> list[PercentHit]:
    """Every percentage in ``text`` in order; ``text[start:end] == hit.text``."""
    hits: list[PercentHit] = []
    for m in _regex().finditer(text):
        n1 = _value(m.group("n1"))
        if n1 is None:
            continue
        negative = bool(m.group("sign") or m.group("dash"))
        if m.group("sign") and _plus_minus().search(text[max(0, m.start() - 15):m.start()]):
            negative = False
        if m.group("dash") and re.search(r"[\d%]" + _S0 + "$", text[max(0, m.start() - 5):m.start()]):
            negative = False
        start = m.start()
        if (m.group("sign") or m.group("dash")) and not negative:
            start = m.start("n1")
        sign = -1.0 if negative else 1.0
        points = bool(m.group("pts") or m.group("pts2"))
        if m.group("n2") is not None:
            n2 = _value(m.group("n2"))
            if n2 is None:
                continue
            low, high = sign * n1, n2
            if low > high:
                continue
            hit = PercentHit(start, m.end(), text[start:m.end()], None, low, high, points)
        else:
            hit = PercentHit(start, m.end(), text[start:m.end()], sign * n1, None, None, points)
        measure = _measure(text, start)
        hits.append(PercentHit(hit.start, hit.end, hit.text, hit.value, hit.low, hit.high, hit.points, measure))
    return hits
