"""Numbers in Indonesian news text: digits with thousand dots and a decimal comma (``1.250``, ``15,08``),
scale words (``1,5 juta``, ``Rp1,5 triliun``) and number words (``dua puluh lima``, ``setengah``).

The word grammar is the one ``num2words(n, lang="id")`` writes (and its tests round-trip it):
units, ``puluh``/``belas``/``ratus`` inside a group below a thousand, scales (``ribu``, ``juta``, ...)
in falling order, ``se-`` forms (``seratus``, ``seribu``), ``koma`` decimals and ``setengah``-style fractions.
"""

from __future__ import annotations

import logging
import re
from functools import cache

from ..lang.numbers import number_words

__all__ = ["find_numbers", "parse_number", "alternation", "digit_pattern", "word_number_pattern", "parse_digits"]

logger = logging.getLogger(__name__)

_MAX_WORDS = 24
_WORD_KINDS = ("unit", "small", "tens", "teen", "hundreds", "scale", "se_scale", "fraction", "decimal")

#: digits: Indonesian thousands (1.250 / 1.250,5), decimal comma (15,08), English decimal with 1-2 places (2.5), integer.
_DIGITS = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![\d])|\d+)"


def alternation(forms: "list[str] | tuple[str, ...] | set[str]") -> str:
    """A regex alternation of literal forms, longest first, spaces matching any run of blanks."""
    parts = sorted({f for f in forms if f}, key=lambda f: (-len(f), f))
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"[^\S\n]+") for p in parts) + ")"


def digit_pattern() -> str:
    """The regex for a written number in digits (no sign, no scale word)."""
    return _DIGITS


@cache
def word_number_pattern() -> str:
    """The regex for a run of number words (case-insensitive group), bounded by non-letters."""
    words = alternation(list(number_words().of_kind(*_WORD_KINDS)))
    return rf"(?i:(?<![\w-]){words}(?:[^\S\n]+{words}){{0,{_MAX_WORDS - 1}}}(?![\w-]))"


@cache
def _scale_pattern() -> str:
    return alternation(list(number_words().of_kind("scale")))


@cache
def _find_regex() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\d.,])(?P<d>{_DIGITS})(?:[^\S\n]*(?P<s>(?i:{_scale_pattern()}))(?!\w))?(?![\w])"
        rf"|(?P<w>{word_number_pattern()})"
    )


def parse_digits(s: str) -> float | None:
    """``"1.250"`` -> 1250, ``"15,08"`` -> 15.08, ``"2.5"`` -> 2.5; None when ``s`` is not a written number."""
    s = s.strip()
    if not re.fullmatch(_DIGITS, s):
        return None
    if re.fullmatch(r"\d+\.\d{1,2}", s):
        return float(s)
    return float(s.replace(".", "").replace(",", "."))


def _parse_words(tokens: list[str]) -> float | None:
    """The value of a full sequence of number words, or None when it is not one well-formed number."""
    table = number_words().kinds
    total = 0.0
    group = 0.0
    pending: float | None = None
    last_scale = float("inf")
    frac = 0.0
    seen = False
    i = 0
    while i < len(tokens):
        entry = table.get(tokens[i])
        if entry is None:
            return None
        kind, v = entry
        if kind == "unit":
            if pending is not None or frac or group % 10:
                return None
            if group % 100 and group % 100 >= 10 and group % 10 == 0 and v == 0:
                return None
            pending = v
        elif kind == "small":
            if pending is not None or frac:
                return None
            if v >= 100:
                if group:
                    return None
            elif group % 100:
                return None
            group += v
        elif kind in {"tens", "teen"}:
            if pending is None or pending == 0 or group % 100 or frac:
                return None
            group += pending * 10 if kind == "tens" else 10 + pending
            pending = None
        elif kind == "hundreds":
            if pending is None or pending == 0 or group or frac:
                return None
            group += pending * 100
            pending = None
        elif kind in {"scale", "se_scale"}:
            g = group + (pending or 0) + frac if kind == "scale" else 1.0
            if kind == "se_scale" and (group or pending is not None or frac):
                return None
            if g == 0 or v >= last_scale:
                return None
            total += g * v
            group, pending, frac, last_scale = 0.0, None, 0.0, v
        elif kind == "fraction":
            if frac or group % 10 or (group and pending is None):
                return None
            frac = v
        elif kind == "decimal":
            digits = []
            j = i + 1
            while j < len(tokens) and table.get(tokens[j], ("", 0))[0] == "unit":
                digits.append(str(int(table[tokens[j]][1])))
                j += 1
            if not digits or frac or (pending is None and group == 0 and not seen):
                return None
            frac = float("0." + "".join(digits))
            i = j
            seen = True
            continue
        else:
            return None
        seen = True
        i += 1
    if not seen:
        return None
    return total + group + (pending or 0) + frac


def _segment_words(tokens: list[str]) -> list[tuple[int, int, float]]:
    """Split a run of number words into the longest well-formed numbers, left to right: (first, end, value)."""
    out: list[tuple[int, int, float]] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            value = _parse_words(tokens[i:j])
            if value is not None:
                out.append((i, j, value))
                i = j
                break
        else:
            i += 1
    return out


@cache
def _prefix_regex() -> re.Pattern[str]:
    nw = number_words()
    currency = alternation(list(nw.of_kind("currency")))
    sign = alternation(list(nw.of_kind("sign")))
    return re.compile(rf"^(?:{currency}[^\S\n]*)?(?:(?P<sign>(?i:{sign})[^\S\n]+|-(?=\d)))?")


def parse_number(s: str) -> float | None:
    """The value of one written number: ``"1.250"`` -> 1250, ``"15,08"`` -> 15.08, ``"dua puluh lima"`` -> 25,
    ``"1,5 juta"`` -> 1.5e6, ``"Rp1,5 triliun"`` -> 1.5e12, ``"setengah"`` -> 0.5, ``"minus 2"`` -> -2.
    None when ``s`` is not exactly one number."""
    s = s.strip()
    m = _prefix_regex().match(s)
    sign = -1.0 if m and m.group(0).strip() and (m.group("sign") or m.group(0).rstrip().endswith("-")) else 1.0
    body = s[m.end():].strip() if m else s
    if not body:
        return None
    dm = re.fullmatch(rf"(?P<d>{_DIGITS})(?:[^\S\n]*(?P<s>(?i:{_scale_pattern()})))?", body)
    if dm:
        value = parse_digits(dm.group("d"))
        if value is None:
            return None
        if dm.group("s"):
            value *= number_words().kinds[dm.group("s").lower()][1]
        return sign * value
    tokens = _tokens(body)
    value = _parse_words(tokens) if tokens else None
    return None if value is None else sign * value


def _tokens(s: str) -> list[str]:
    """Lower-cased number-word tokens, keeping multi-word table entries (``tiga perempat``) together."""
    words = s.lower().split()
    table = number_words().kinds
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and f"{words[i]} {words[i + 1]}" in table:
            out.append(f"{words[i]} {words[i + 1]}")
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int, float]]:
    """Numbers inside a run of number words ``text[start:end]``: character spans and values."""
    pieces: list[tuple[int, int, str]] = []
    table = number_words().kinds
    words = [(m.start() + start, m.end() + start, m.group(0).lower()) for m in re.finditer(r"\S+", text[start:end])]
    i = 0
    while i < len(words):
        if i + 1 < len(words) and f"{words[i][2]} {words[i + 1][2]}" in table:
            pieces.append((words[i][0], words[i + 1][1], f"{words[i][2]} {words[i + 1][2]}"))
            i += 2
        else:
            pieces.append(words[i])
            i += 1
    return [(pieces[a][0], pieces[b - 1][1], v) for a, b, v in _segment_words([p[2] for p in pieces])]


def find_numbers(text: str) -> list[tuple[int, int, float]]:
    """Every number in ``text`` as ``(start, end, value)``, in order; ``text[start:end]`` is the number as written,
    including a scale word (``1,5 juta``) but not a currency mark. Vague words (``puluhan``) are not numbers."""
    out: list[tuple[int, int, float]] = []
    for m in _find_regex().finditer(text):
        if m.group("d") is not None:
            value = parse_digits(m.group("d"))
            if value is None:
                continue
            end = m.end("d")
            if m.group("s"):
                value *= number_words().kinds[m.group("s").lower()][1]
                end = m.end("s")
            out.append((m.start("d"), end, value))
        else:
            out.extend(word_spans(text, m.start("w"), m.end("w")))
    return out
