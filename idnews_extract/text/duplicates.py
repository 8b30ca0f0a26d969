"""Duplicated paragraphs: a scraping artefact that makes every quote count twice.

Shapes: a repeated block (``A B A B``, also with a footer between the copies, ``A B | footer | A B``), a single
repeated paragraph, and a paragraph that holds its own text twice. The first copy is kept. Paragraphs are compared
after normalising whitespace and quote glyphs, and without a dateline, so a second copy that lost its dateline still
matches.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from idnews_extract.text.datelines import find_dateline
from idnews_extract.text.edits import Edit

logger = logging.getLogger(__name__)

#: A repeated run counts when one of its paragraphs, or all of them together, is at least this long (characters):
#: short lines such as line-up headings ("Pelatih: X") legitimately repeat.
MIN_PARAGRAPH_CHARS = 60
MIN_RUN_CHARS = 120
#: A paragraph must be at least this long to be checked for holding its own text twice.
MIN_SELF_REPEAT_CHARS = 80

_QUOTES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
})
_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-blank line ``text[start:end]`` (surrounding spaces excluded) and its comparison key."""

    start: int
    end: int
    key: str


def comparison_key(text: str) -> str:
    """Whitespace- and quote-glyph-normalised, case-folded text for comparing paragraphs."""
    return _SPACE_RUN.sub(" ", text.translate(_QUOTES)).strip().casefold()


def paragraphs(text: str, floor: int = 0) -> list[Paragraph]:
    """The non-blank lines of ``text`` from ``floor`` on, keyed without a leading dateline."""
    out: list[Paragraph] = []
    position = floor
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        raw = text[position:line_end]
        stripped = raw.strip()
        if stripped:
            start = position + raw.index(stripped[0])
            end = start + len(stripped)
            hit = find_dateline(stripped)
            body = stripped[hit.end:] if hit is not None and hit.end < len(stripped) else stripped
            out.append(Paragraph(start, end, comparison_key(body)))
        position = line_end + 1
    return out


def _self_repeat(text: str, par: Paragraph) -> int | None:
    """Where the second copy starts when ``par`` is its own text repeated (``X X``, ``X X X``), else ``None``."""
    raw = text[par.start:par.end]
    if len(raw) < MIN_SELF_REPEAT_CHARS:
        return None
    probe = raw[:24]
    full = comparison_key(raw)
    position = raw.find(probe, MIN_SELF_REPEAT_CHARS // 2)
    tries = 0
    while position > 0 and tries < 3:
        head = comparison_key(raw[:position])
        copies = (len(full) + 1) // (len(head) + 1)
        if copies >= 2 and " ".join([head] * copies) == full:
            return par.start + position
        position = raw.find(probe, position + 1)
        tries += 1
    return None


def find_duplicates(text: str, floor: int = 0) -> list[Edit]:
    """Edits (kind ``"duplicate"``) that remove later copies of repeated paragraph runs, keeping the first copy.

    Each edit runs from the end of the last kept paragraph to the end of the run, so no blank lines are left.
    """
    pars = paragraphs(text, floor)
    first_seen: dict[str, int] = {}
    edits: list[Edit] = []
    index = 0
    while index < len(pars):
        key = pars[index].key
        earlier = first_seen.get(key)
        if earlier is None:
            first_seen[key] = index
            second = _self_repeat(text, pars[index])
            if second is not None:
                cut = second
                while cut > pars[index].start and text[cut - 1].isspace():
                    cut -= 1
                edits.append(Edit(cut, pars[index].end, "", "duplicate"))
            index += 1
            continue
        length = 0
        while index + length < len(pars) and earlier + length < index and (
            pars[index + length].key == pars[earlier + length].key
        ):
            length += 1
        run = pars[index:index + length]
        sizes = [len(p.key) for p in run]
        if max(sizes) >= MIN_PARAGRAPH_CHARS or sum(sizes) >= MIN_RUN_CHARS:
            edits.append(Edit(pars[index - 1].end, run[-1].end, "", "duplicate"))
            index += length
        else:
            index += 1
    return edits
