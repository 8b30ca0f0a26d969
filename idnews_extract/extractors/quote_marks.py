"""Pair quotation marks by position, not by glyph direction.

Indonesian outlets open quotes with ``"``, ``“`` or (Harian Kompas) ``”`` and mix glyphs inside one quote, and a few
per cent of quote paragraphs have an odd number of marks. Marks are paired left to right inside each paragraph; a
paragraph that ends inside a quote closes it there (multi-paragraph quotes give one span per paragraph); a lone
closing mark right before a cue takes its content from the start of the paragraph. Never raises; linear time.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QUOTE_CHARS", "MarkedSpan", "pair_marks"]

QUOTE_CHARS = frozenset('"“”„‟«»')
_END_PUNCT = frozenset(",.!?…;:-–—")
_SENT_END = frozenset(".!?…")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """Content between quote marks: ``text[start:end]`` without the marks.

    ``open_mark``/``close_mark`` are the offsets of the marks (None where the mark is missing: an unclosed
    paragraph of a multi-paragraph quote, or a lone closing mark).
    """

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None


def _next_word(text: str, i: int, end: int) -> str:
    """The word starting at the first letter after ``i`` (skipping spaces and a comma), lower case."""
    j = i
    while j < end and (text[j].isspace() or text[j] == ","):
        j += 1
    k = j
    while k < end and (text[k].isalnum()):
        k += 1
    return text[j:k].lower()


def pair_marks(text: str, start: int, end: int, is_cue_word: "callable[[str], bool]") -> list[MarkedSpan]:
    """Quoted spans of the paragraph ``text[start:end]``.

    ``is_cue_word(word)`` says whether a lower-case word can start a post-quote cue (``kata``, ``ujarnya``);
    it decides lone closing marks and mixed-glyph closes such as ``saya, "kata``.
    """
    marks = [i for i in range(start, end) if text[i] in QUOTE_CHARS]
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    last_end = start
    for m in marks:
        before = text[m - 1] if m > start else ""
        after = text[m + 1] if m + 1 < end else ""
        if open_at is None:
            if _lone_close(text, m, start, end, before, after, is_cue_word) and text[last_end:m].strip():
                s = _clip_start(text, last_end, m)
                while s < m and (text[s].isspace() or text[s] in QUOTE_CHARS):
                    s += 1
                spans.append(MarkedSpan(s, m, None, m))
                last_end = m + 1
            else:
                open_at = m
            continue
        # open: the next mark closes, unless it plainly opens a new quote after a finished sentence
        inner = text[open_at + 1 : m].rstrip()
        reopen = (
            before.isspace()
            and after.isalnum()
            and inner[-1:] in _SENT_END
            and not is_cue_word(_next_word(text, m + 1, end))
        )
        if reopen:
            spans.append(MarkedSpan(open_at + 1, open_at + 1 + len(inner), open_at, None))
            open_at = m
            continue
        spans.append(MarkedSpan(open_at + 1, m, open_at, m))
        open_at = None
        last_end = m + 1
    if open_at is not None:
        e = end
        while e > open_at + 1 and text[e - 1].isspace():
            e -= 1
        if e > open_at + 1:
            spans.append(MarkedSpan(open_at + 1, e, open_at, None))
    return spans


def _lone_close(text: str, m: int, start: int, end: int, before: str, after: str, is_cue_word) -> bool:
    """A mark with no open quote before it that can only be a closing one (``... ini," kata X``)."""
    if m == start:
        return False
    if before in _END_PUNCT and not after.isalnum():
        return True
    j = m - 1
    while j >= start and text[j].isspace():
        j -= 1
    nxt = _next_word(text, m + 1, end)
    lower_next = not after.isalnum() or after.islower()
    return j >= start and text[j] in _END_PUNCT and lower_next and is_cue_word(nxt)


_LONE_SPAN_MAX = 600


def _clip_start(text: str, lo: int, m: int) -> int:
    """Start of a lone-close span: ``lo``, or for a very long stretch the start of the sentence before ``m``."""
    if m - lo <= _LONE_SPAN_MAX:
        return lo
    j = m - 2
    while j > lo:
        if text[j] in _SENT_END and text[j + 1].isspace() and text[j + 2 : j + 3].isupper():
            return j + 2
        j -= 1
    return lo
