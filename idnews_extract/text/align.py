"""The one alignment object of the text stage.

Every text-stage step (normalisation, dateline, footers, duplicates, typo fixes) returns
:class:`~idnews_extract.text.edits.Edit` values against the text it was given; :meth:`Alignment.apply`
makes the next text and composes the offset map, so any span of the final text maps back to the
caller's original string.

The map is a sorted list of segments ``(new_start, new_end, orig_start, orig_end, exact)``. An exact
segment is text copied unchanged (offsets map one to one); an inexact one is a replacement, and any
offset inside it maps to the whole original span it replaced. Deleted text has no segment.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from .edits import Edit

__all__ = ["Alignment", "Segment"]


class Segment(NamedTuple):
    """A stretch of the current text and the stretch of the original it comes from."""

    new_start: int
    new_end: int
    orig_start: int
    orig_end: int
    exact: bool


class Alignment:
    """Current text plus a map of its offsets back to the original string."""

    __slots__ = ("original", "text", "segments", "_starts")

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self.segments: list[Segment] = [Segment(0, len(original), 0, len(original), True)] if original else []
        self._starts = [s.new_start for s in self.segments]

    # -- editing ---------------------------------------------------------------------------------
    def apply(self, edits: Iterable[Edit]) -> list[tuple[int, int]]:
        """Apply non-overlapping edits (offsets into the current text); return each edit's original span.

        Edits are applied in offset order; an overlapping or out-of-range edit raises ``ValueError``.
        """
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        cursor = 0
        for edit in ordered:
            if edit.start < cursor or edit.end < edit.start or edit.end > len(self.text):
                raise ValueError(f"edit {edit!r} overlaps another or lies outside the text")
            cursor = edit.end
        if not ordered:
            return []
        spans = [self.to_original(e.start, e.end) for e in ordered]
        pieces: list[str] = []
        segments: list[Segment] = []
        cursor = 0
        out_len = 0
        for edit, (o_start, o_end) in zip(ordered, spans):
            out_len = self._copy(cursor, edit.start, out_len, segments, pieces)
            if edit.replacement:
                n = len(edit.replacement)
                segments.append(Segment(out_len, out_len + n, o_start, o_end, False))
                pieces.append(edit.replacement)
                out_len += n
            cursor = edit.end
        self._copy(cursor, len(self.text), out_len, segments, pieces)
        self.text = "".join(pieces)
        self.segments = segments
        self._starts = [s.new_start for s in segments]
        return spans

    def _copy(self, start: int, end: int, out_at: int, segments: list[Segment], pieces: list[str]) -> int:
        """Copy ``text[start:end]`` unchanged, carrying over the pieces of the map it covers."""
        if start >= end:
            return out_at
        pieces.append(self.text[start:end])
        shift = out_at - start
        i = max(bisect_right(self._starts, start) - 1, 0)
        while i < len(self.segments) and self.segments[i].new_start < end:
            seg = self.segments[i]
            lo, hi = max(seg.new_start, start), min(seg.new_end, end)
            if lo < hi:
                if seg.exact:
                    delta = seg.orig_start - seg.new_start
                    segments.append(Segment(lo + shift, hi + shift, lo + delta, hi + delta, True))
                else:
                    segments.append(Segment(lo + shift, hi + shift, seg.orig_start, seg.orig_end, False))
            i += 1
        return out_at + (end - start)

    # -- mapping ---------------------------------------------------------------------------------
    def _segment_at(self, offset: int, *, right: bool) -> Segment | None:
        """The segment holding ``offset`` (as a start when ``right`` is false, as an end otherwise)."""
        if not self.segments:
            return None
        probe = offset - 1 if right else offset
        i = bisect_right(self._starts, probe) - 1
        if i < 0:
            return self.segments[0]
        return self.segments[i]

    def original_offset(self, offset: int, *, end: bool = False) -> int:
        """Map one offset of the current text to the original (as a span start, or an end)."""
        offset = min(max(offset, 0), len(self.text))
        seg = self._segment_at(offset, right=end)
        if seg is None:
            return 0
        if not end:
            if offset >= seg.new_end:  # past the last segment: the end of the original
                return seg.orig_end
            if seg.exact:
                return seg.orig_start + max(offset - seg.new_start, 0)
            return seg.orig_start
        if offset <= seg.new_start:
            return seg.orig_start
        if seg.exact:
            return seg.orig_start + min(offset, seg.new_end) - seg.new_start
        return seg.orig_end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``[start, end)`` of the current text to a span of the original string."""
        o_start = self.original_offset(start)
        if end <= start:
            return o_start, o_start
        o_end = self.original_offset(end, end=True)
        return o_start, max(o_start, o_end)

    def is_exact(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is copied unchanged from the original."""
        o_start, o_end = self.to_original(start, end)
        return self.original[o_start:o_end] == self.text[start:end]

    # -- plain values, for storing on a spaCy Doc ------------------------------------------------
    def to_plain(self) -> dict[str, object]:
        return {"original": self.original, "segments": [list(s) for s in self.segments]}

    @classmethod
    def from_plain(cls, data: dict[str, object], text: str) -> Alignment:
        obj = cls.__new__(cls)
        obj.original = str(data["original"])
        obj.text = text
        obj.segments = [Segment(*s) for s in data["segments"]]  # type: ignore[union-attr]
        obj._starts = [s.new_start for s in obj.segments]
        return obj
