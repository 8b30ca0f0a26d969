"""The one value every text-stage step returns: an edit of a span of the text it was given."""

from __future__ import annotations

from typing import NamedTuple


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement`` (``""`` removes the span).

    ``kind`` says why: ``"dateline"``, ``"footer"``, ``"duplicate"``, ``"inserted"`` (Baca juga),
    ``"whitespace"``, ``"entity"`` (HTML entity), ``"typo"``, ``"spacing"``.
    Offsets are into the string the step was given. Edits of one step never overlap.
    """

    start: int
    end: int
    replacement: str
    kind: str
