"""Whitespace and HTML-entity normalisation: the first text-stage step.

Scraped news carries ``&nbsp;``/``&quot;`` entities, NBSP inside datelines (``JAKARTA \\xa0 (Pos Kota) –``),
zero-width characters and Windows line ends. Later steps match patterns on plain spaces, so this step proposes
edits that make them plain, in one pass, so that running it on its own output proposes nothing (idempotent).
"""

from __future__ import annotations

import html
import logging
import re

from idnews_extract.text.edits import Edit

logger = logging.getLogger(__name__)

#: Horizontal spaces that become one ASCII space (tab, NBSP, the U+2000 block, narrow NBSP, ideographic space).
_SPACES = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
#: Invisible characters that are removed (zero-width space/joiners, word joiner, BOM, soft hyphen).
_INVISIBLE = "\u200b-\u200d\u2060\ufeff\u00ad"
_SPACE_SET = frozenset(" \t\u00a0\u1680\u202f\u205f\u3000") | frozenset(chr(c) for c in range(0x2000, 0x200B))
_INVISIBLE_SET = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")

# One token is: an entity (possibly double-escaped, ``&amp;nbsp;``), a run of spaces/invisibles, or a line end.
_TOKEN = re.compile(
    r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    rf"|[{_SPACES}{_INVISIBLE}]+"
    r"|\r\n?"
)


#: Anything that can make an edit: an entity, a line end, a space other than " ", an invisible, two spaces.
_WORK = re.compile(rf"[&\r{_SPACES.replace(' ', '')}{_INVISIBLE}]|  ")


def _decode(token: str) -> str:
    """Decode an entity token fully (``&amp;quot;`` -> ``"``); other tokens are returned unchanged."""
    if not token.startswith("&"):
        return token
    previous, current = None, token
    while previous != current:
        previous, current = current, html.unescape(current)
    return current.replace("\r\n", "\n").replace("\r", "\n")


def _is_blank(decoded: str) -> bool:
    return all(ch in _SPACE_SET or ch in _INVISIBLE_SET for ch in decoded)


def find_normalisations(text: str) -> list[Edit]:
    """Edits that decode HTML entities, turn NBSP and other spaces into ``" "``, drop zero-width characters,
    turn ``\\r\\n``/``\\r`` into ``\\n`` and collapse runs of spaces and tabs to one space.

    Kinds: ``"entity"`` when the span holds an entity, else ``"whitespace"``. Sorted and non-overlapping.
    """
    edits: list[Edit] = []
    if _WORK.search(text) is None:  # only single plain spaces: nothing to do (most articles)
        return edits
    run_start = run_end = -1
    run_decoded: list[str] = []
    run_has_entity = False

    def flush() -> None:
        if run_start < 0:
            return
        decoded = "".join(run_decoded)
        replacement = " " if any(ch in _SPACE_SET for ch in decoded) else ""
        if text[run_start:run_end] != replacement:
            edits.append(Edit(run_start, run_end, replacement, "entity" if run_has_entity else "whitespace"))

    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0] == "\r":
            flush()
            run_start = -1
            edits.append(Edit(match.start(), match.end(), "\n", "whitespace"))
            continue
        decoded = _decode(token)
        if _is_blank(decoded):
            if run_start >= 0 and match.start() == run_end:
                run_end = match.end()
            else:
                flush()
                run_start, run_end, run_decoded, run_has_entity = match.start(), match.end(), [], False
            run_decoded.append(decoded)
            run_has_entity = run_has_entity or token.startswith("&")
            continue
        flush()
        run_start = -1
        if decoded != token:
            edits.append(Edit(match.start(), match.end(), decoded, "entity"))
    flush()
    return edits


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply sorted, non-overlapping edits (a convenience for tests and benchmarks)."""
    parts: list[str] = []
    position = 0
    for edit in sorted(edits):
        parts.append(text[position:edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)
