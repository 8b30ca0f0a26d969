"""The text stage: normalise, find the dateline, drop footers/inserted lines/duplicates, fix typos.

Each step returns edits against the text it is given and :class:`Alignment` applies them, so the
result's spans (dateline, removals, corrections, agency credits) are offsets into the original input
and every later offset can be mapped back too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .align import Alignment
from .edits import Edit

__all__ = ["TextStageConfig", "TextStageResult", "run_text_stage"]


@dataclass(frozen=True, slots=True, kw_only=True)
class TextStageConfig:
    """Switches of the text stage."""

    cleanup: bool = True  # normalise whitespace/entities, dateline, footers, inserted lines, duplicates
    correct_typos: bool = True  # spelling and OCR fixes
    spacing: bool = True  # preposition spacing fixes (diseluruh -> di seluruh); needs correct_typos


@dataclass(slots=True)
class TextStageResult:
    """What the text stage found, in offsets of the original input, plus the alignment."""

    alignment: Alignment
    dateline: dict[str, Any] | None = None
    removed: list[tuple[str, int, int]] = field(default_factory=list)
    corrections: list[tuple[int, int, str]] = field(default_factory=list)
    credits: list[tuple[int, int, str]] = field(default_factory=list)
    reference_date: str | None = None
    reference_date_source: str | None = None

    def to_plain(self) -> dict[str, Any]:
        """Plain values only, to store on a spaCy Doc."""
        return {
            "alignment": self.alignment.to_plain(),
            "dateline": self.dateline,
            "removed": [list(r) for r in self.removed],
            "corrections": [list(c) for c in self.corrections],
            "credits": [list(c) for c in self.credits],
            "reference_date": self.reference_date,
            "reference_date_source": self.reference_date_source,
        }


def run_text_stage(text: str, config: TextStageConfig = TextStageConfig()) -> TextStageResult:
    """Run the enabled steps on ``text`` and return the cleaned text's alignment and findings."""
    align = Alignment(text)
    result = TextStageResult(alignment=align)
    if config.cleanup:
        _cleanup(align, result)
    if config.correct_typos:
        from .typos import find_corrections

        edits = find_corrections(align.text, spacing=config.spacing)
        for edit, (start, end) in zip(sorted(edits), align.apply(edits)):
            result.corrections.append((start, end, edit.replacement))
    return result


def _cleanup(align: Alignment, result: TextStageResult) -> None:
    from .cleanup import (
        find_dateline,
        find_normalisations,
        find_reference_date,
        find_removals,
        find_source_credits,
    )

    align.apply(find_normalisations(align.text))
    dateline = find_dateline(align.text)
    found = find_reference_date(align.text, dateline)
    if found:
        result.reference_date, result.reference_date_source = found
    for start, end, outlet in find_source_credits(align.text):
        o_start, o_end = align.to_original(start, end)
        result.credits.append((o_start, o_end, align.original[o_start:o_end] or outlet))
    edits: list[Edit] = list(find_removals(align.text, dateline))
    if dateline is not None:
        result.dateline = _dateline_plain(align, dateline)
        edits.append(Edit(dateline.start, dateline.end, "", "dateline"))
    edits.sort()
    for edit, (start, end) in zip(edits, align.apply(edits)):
        if edit.kind != "dateline" and end > start:
            result.removed.append((edit.kind, start, end))


def _dateline_plain(align: Alignment, hit: Any) -> dict[str, Any]:
    """The dateline's spans mapped to the original, as plain values."""
    out: dict[str, Any] = {}
    out["start"], out["end"] = align.to_original(hit.start, hit.end)
    for part in ("place", "source"):
        s, e = getattr(hit, f"{part}_start"), getattr(hit, f"{part}_end")
        if getattr(hit, part) is None or s is None or e is None:
            out[part] = out[f"{part}_start"] = out[f"{part}_end"] = None
            continue
        o_s, o_e = align.to_original(s, e)
        out[part], out[f"{part}_start"], out[f"{part}_end"] = align.original[o_s:o_e], o_s, o_e
    return out
