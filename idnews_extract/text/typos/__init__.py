"""Typo and OCR correction for Indonesian news text (spelling, OCR confusions, merged words, di/ke spacing)."""

from __future__ import annotations

from idnews_extract.text.edits import Edit
from idnews_extract.text.typos.corrector import correct

__all__ = ["find_corrections"]


def find_corrections(text: str, *, spacing: bool = True) -> list[Edit]:
    """Corrections for ``text``, sorted and non-overlapping; ``text[start:end]`` is the original token.

    ``kind`` is ``"typo"`` for spelling, OCR and merged-word fixes and ``"spacing"`` for a preposition
    written onto its word (``diseluruh`` -> ``di seluruh``); spacing edits come only when ``spacing``.
    """
    return correct(text, spacing=spacing)
