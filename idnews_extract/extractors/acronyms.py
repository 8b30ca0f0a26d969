"""Acronym definitions written in the text: ``Usaha Micro Kecil dan Menengah (UMKM)``, ``BPS (Badan Pusat Statistik)``.

Schwartz & Hearst (2003): the short form's characters are matched right to left inside the words
before the parenthesis, the first one at a word start. That also fits Indonesian syllable acronyms
(``Badan Ekonomi Kreatif (Bekraf)``, ``Kementerian Pertanian (Kementan)``). Linear in text length:
each parenthesis looks back at most a bounded number of words.
"""

from __future__ import annotations

import logging
import re

__all__ = ["find_acronyms"]

logger = logging.getLogger(__name__)

_PAREN = re.compile(r"\(([^()\n]{1,120})\)")
_WORD = re.compile(r"\S+")
_SENTENCE_STOP = re.compile(r"[.;:!?\"“”()]\s|\n")
_SHORT_OK = re.compile(r"[A-Za-z][\w&\-.]{1,11}")
_MAX_LONG_WORDS = 12


def _is_short_form(s: str) -> bool:
    """1-2 words, 2-12 characters, starting with a letter, at least one capital, not a plain word in capitals only."""
    words = s.split()
    if not 1 <= len(words) <= 2 or len(s) > 14:
        return False
    if not all(_SHORT_OK.fullmatch(w) for w in words):
        return False
    return any(c.isupper() for c in s) and sum(c.isalpha() for c in s) >= 2


def _best_long_form(short: str, long: str) -> int | None:
    """Offset into ``long`` where the shortest long form for ``short`` starts, or None (Schwartz-Hearst)."""
    s = len(short) - 1
    l = len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while l >= 0 and (long[l].lower() != c or (s == 0 and l > 0 and long[l - 1].isalnum())):
            l -= 1
        if l < 0:
            return None
        l -= 1
        s -= 1
    return long.rfind(" ", 0, l + 1) + 1


def _window_before(text: str, end: int, short: str) -> int:
    """Start of the words that may hold the long form: same sentence, at most min(|short|+5, 2|short|) words."""
    limit = min(len(short) + 5, 2 * len(short), _MAX_LONG_WORDS)
    lo = max(0, end - 400)
    chunk = text[lo:end]
    stops = list(_SENTENCE_STOP.finditer(chunk))
    if stops:
        lo += stops[-1].end()
        chunk = text[lo:end]
    words = list(_WORD.finditer(chunk))
    if len(words) > limit:
        return lo + words[-limit].start()
    return lo + (words[0].start() if words else len(chunk))


def _valid(long: str, short: str) -> bool:
    """Two or more words, longer than the short form, and title case: every word capitalised except
    short function words (``dan``, ``untuk``), which cannot start or end it."""
    words = long.split()
    if len(words) < 2 or len(long) <= len(short) or short.lower() in long.lower().split():
        return False
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or (len(w) <= 5 and w.isalpha()) for w in words)


def find_acronyms(text: str) -> list[tuple[int, int, int, int]]:
    """Acronym definitions as ``(long_start, long_end, short_start, short_end)``, sorted by position.

    ``Long Form (SHORT)`` and ``SHORT (Long Form)`` are both read; a definition needs the long form's
    words to contain the short form's letters in order, the first at a word start.
    """
    out: list[tuple[int, int, int, int]] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        inner_start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        before_end = m.start()
        while before_end > 0 and text[before_end - 1] == " ":
            before_end -= 1
        if _is_short_form(inner):
            lo = _window_before(text, before_end, inner)
            window = text[lo:before_end]
            k = _best_long_form(inner, window)
            if k is not None:
                long = window[k:].rstrip(" ,")
                if _valid(long, inner):
                    out.append((lo + k, lo + k + len(long), inner_start, inner_start + len(inner)))
                    continue
        # SHORT (Long Form): the word right before the parenthesis is the short form
        prev = re.search(r"([A-Za-z][\w&\-]{1,11})$", text[max(0, before_end - 14) : before_end])
        if prev and len(inner.split()) >= 2 and _is_short_form(prev.group(1)):
            short = prev.group(1)
            k = _best_long_form(short, inner)
            if k is not None and k == 0 and _valid(inner, short):
                s_end = before_end
                out.append((inner_start, inner_start + len(inner), s_end - len(short), s_end))
    return sorted(out)
