"""Footers, bylines and cross-link lines of scraped news bodies.

Footer shapes (``Pewarta:``/``Editor:`` lines, ``COPYRIGHT © ANTARA 2018``, initials ``(ptr)``/``[feb]``/``(Cas/Isk)``,
a reporter name in capitals glued to the last sentence, UI residue, outlet boilerplate) are trusted only at a tail:
the end of the body, or the end of a first copy that a duplicated block follows. Cross-link lines
(``Baca juga: <headline>``) are removed anywhere. Cue words come from ``data/lang/cleanup_phrases.tsv``; agency
names that must stay (``(Antara)``, ``[PageSix.com]``) from ``cleanup_outlets.tsv``.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from functools import cache

from idnews_extract.text.datelines import _data_lines, token_pattern
from idnews_extract.text.edits import Edit

logger = logging.getLogger(__name__)

#: At most this many footer units (lines or glued tails) are taken from one tail.
MAX_TAIL_UNITS = 6
#: A footer line longer than this is body text, whatever it starts with.
MAX_FOOTER_LINE = 220
#: Longest content of an initials bracket: ``(dispen kolinlamil / sir)``.
MAX_INITIALS = 40
_SENTENCE_END = ".!?\"\u201d\u2019')\u2026"
PHRASE_KINDS = (
    "label", "copyright", "ui", "placeholder", "boilerplate", "notice", "contribution",
    "inserted", "byline_prefix", "credit_cue", "credit_filler",
)


@cache
def load_phrases() -> dict[str, tuple[str, ...]]:
    """Cue phrases by kind, from cleanup_phrases.tsv."""
    table: defaultdict[str, list[str]] = defaultdict(list)
    for line in _data_lines("cleanup_phrases.tsv")[1:]:
        kind, text = line.split("\t")
        table[kind].append(text)
    return {kind: tuple(values) for kind, values in table.items()}


def _alternation(kind: str) -> str:
    words = sorted(load_phrases().get(kind, ()), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t\u00a0]+") for w in words)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    labels = _alternation("label")
    year = r"(?:19|20)\d\d"
    return {
        # a label line: ``Pewarta: X``, ``Editor : Y``, ``Reporter: A | Editor: B``
        "label_line": re.compile(rf"(?i:{labels})[ \t]*:"),
        # a label glued after a sentence or a name: ``...dilakukan.Pewarta: X``, ``SavitriEditor: Y``
        "label_glued": re.compile(rf"(?:{labels})[ \t]*:"),
        "copyright": re.compile(rf"(?:{_alternation('copyright')})[^\n]{{0,100}}?{year}\b[^\n\w]{{0,3}}$"),
        "copyright_word": re.compile(rf"(?:{_alternation('copyright')})"),
        "ui": re.compile(rf"(?i:\d{{0,6}}[ \t]*(?:{_alternation('ui')}))[ \t.:!]*"),
        "placeholder": re.compile(rf"[\[(][ \t]*(?i:{_alternation('placeholder')})[^\]\)\n]{{0,80}}[\])]"),
        "boilerplate": re.compile(rf"(?i:{_alternation('boilerplate')})"),
        "notice": re.compile(rf"(?i:{_alternation('notice')})"),
        "contribution": re.compile(rf"(?i:{_alternation('contribution')})[ \t.]*$"),
        # ``Baca juga: headline`` as a line, or bracketed anywhere: ``[Baca juga: headline]``
        "inserted_line": re.compile(rf"[\[(]?[ \t]*(?i:{_alternation('inserted')})[ \t\u00a0]*[:\-\u2013\u2014]"),
        "inserted_bracket": re.compile(
            rf"[\[(][ \t]*(?i:{_alternation('inserted')})[ \t\u00a0]*:[^\]\)\n]{{0,200}}[\])]"
        ),
        "initials": re.compile(r"[\(\[]([A-Za-z0-9 .*/\-]{1,40})[\)\]][ \t]*$"),
        "caps_name": re.compile(r"(?<=[ \t])[A-Z][A-Z'\u2019]{1,20}(?:[ \t][A-Z][A-Z'\u2019]{1,20}){0,3}[ \t]*$"),
        "credit": re.compile(rf"[ \t]*(?:{token_pattern('credit')})[ \t]*"),
    }


def is_credit(name: str) -> bool:
    """Whether ``name`` (stripped) is an agency or outlet name from the data (``Antara``, ``PageSix.com``)."""
    return _patterns()["credit"].fullmatch(name) is not None


def is_initials(content: str) -> bool:
    """Whether the inside of a final bracket looks like desk initials (``ptr``, ``agi/agi``, ``U.H-RF/I015``)."""
    stripped = content.strip()
    if not stripped or stripped.replace(".", "").isdigit() or len(stripped) > MAX_INITIALS:
        return False
    parts = [part.strip() for part in stripped.split("/")]
    if len(parts) > 4 or any(is_credit(part) for part in parts if part):
        return False
    if all(not part or part == "*" for part in parts):
        return False
    for part in parts:
        if len(part) > 25 or len(part.split()) > 3 or part.isdigit():
            return False
    if len(parts) == 1 and _looks_like_name(stripped):
        return False  # (Boldsky), [The Next Web]: a source credit, not desk initials
    return len(parts) > 1 or len(stripped) <= 12


def _looks_like_name(text: str) -> bool:
    """Title-case words (``Metro``, ``The Next Web``) of which at least one has five letters or more."""
    words = text.split()
    return all(w[0].isupper() and w[1:].islower() for w in words if w.isalpha()) and any(
        len(w) >= 5 and w.isalpha() for w in words
    )


def _ends_sentence(text: str, cut: int, floor: int) -> bool:
    """Whether the non-space character before ``cut`` closes a sentence (or nothing precedes it)."""
    position = cut
    while position > floor and text[position - 1] in " \t":
        position -= 1
    return position == floor or text[position - 1] in _SENTENCE_END


def whole_line_footer(line: str) -> bool:
    """Whether a stripped tail line is all footer: label, copyright, UI residue, boilerplate, notice, initials."""
    pats = _patterns()
    if line and len(line) <= 3 * MAX_FOOTER_LINE and pats["boilerplate"].search(line):
        return True  # an outlet's stock closing paragraph is longer than a footer line
    if not line or len(line) > MAX_FOOTER_LINE:
        return False
    if pats["label_line"].match(line) or pats["notice"].match(line):
        return True
    if pats["copyright_word"].match(line) and pats["copyright"].search(line):
        return True
    if pats["ui"].fullmatch(line) or pats["placeholder"].fullmatch(line):
        return True
    if pats["contribution"].search(line) and len(line) <= 150:
        return True
    initials = pats["initials"].fullmatch(line)
    return initials is not None and is_initials(initials.group(1))


def glued_footer(text: str, start: int, end: int) -> int | None:
    """Where a footer glued to the last sentence of ``text[start:end]`` (one line) begins, or ``None``."""
    line = text[start:end]
    pats = _patterns()
    for match in pats["label_glued"].finditer(line):
        cut = match.start()
        glued = cut > 0 and line[cut - 1].islower()
        if len(line) - cut <= MAX_FOOTER_LINE and (glued or _ends_sentence(line, cut, 0)) and cut > 0:
            return start + cut
    for match in pats["copyright_word"].finditer(line):
        if pats["copyright"].match(line, match.start()) and _ends_sentence(line, match.start(), 0):
            return start + match.start() if match.start() > 0 else None
    initials = pats["initials"].search(line)
    if initials is not None and initials.start() > 0 and is_initials(initials.group(1)):
        if "/" in initials.group(1) or _ends_sentence(line, initials.start(), 0):
            return start + initials.start()
    caps = pats["caps_name"].search(line)
    if caps is not None and caps.start() > 0:
        name = caps.group().strip()
        if sum(ch.isalpha() for ch in name) >= 4 and not is_credit(name) and _ends_sentence(line, caps.start(), 0):
            return start + caps.start()
    return None


def _back_over_space(text: str, position: int, floor: int) -> int:
    while position > floor and text[position - 1].isspace():
        position -= 1
    return position


def tail_footers(text: str, end: int, floor: int = 0, skip: frozenset[int] = frozenset()) -> list[Edit]:
    """Footer edits at the tail ``text[floor:end]``, walking back over at most ``MAX_TAIL_UNITS`` units.

    ``skip`` holds line starts that another step removes (``Baca juga`` lines): they are stepped over.
    Each edit runs from the end of the preceding content to the end of its unit, so no blank line is left.
    """
    edits: list[Edit] = []
    unit_end = end
    units = 0
    while units < MAX_TAIL_UNITS:
        content_end = _back_over_space(text, unit_end, floor)
        if content_end <= floor:
            break
        line_start = max(text.rfind("\n", floor, content_end) + 1, floor)
        while line_start < content_end and text[line_start] in " \t":
            line_start += 1
        if line_start in skip:
            unit_end = line_start
            continue
        line = text[line_start:content_end]
        if whole_line_footer(line):
            cut = line_start
        else:
            glued = glued_footer(text, line_start, content_end)
            if glued is None:
                break
            cut = glued
        removal_start = _back_over_space(text, cut, floor)
        if removal_start <= floor:
            break  # never remove the whole body
        edits.append(Edit(removal_start, unit_end if unit_end > content_end else content_end, "", "footer"))
        unit_end = removal_start
        units += 1
    edits.sort()
    return edits


def inserted_lines(text: str, floor: int = 0) -> list[Edit]:
    """``Baca juga: <headline>`` lines (and a bare ``Baca juga:`` with its headline on the next line),
    bracketed ``[Baca juga: ...]`` anywhere, and whole-line UI placeholders, from ``floor`` on."""
    pats = _patterns()
    edits: list[Edit] = []
    taken_until = floor
    position = floor
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        stripped_start = position + (len(text[position:line_end]) - len(text[position:line_end].lstrip()))
        line = text[stripped_start:line_end].rstrip()
        remove_until = None
        if line and len(line) <= 300 and (pats["inserted_line"].match(line) or _multiword_ui(line)):
            remove_until = stripped_start + len(line)
            after = line.split(":", 1)[1].strip(" \t\u00a0]") if ":" in line else "x"
            if not after:  # headline on the next line
                nxt_start = _skip_blank(text, line_end)
                nxt_end = text.find("\n", nxt_start)
                nxt_end = length if nxt_end < 0 else nxt_end
                headline = text[nxt_start:nxt_end].strip()
                if 0 < len(headline) <= 150 and headline[-1] not in ".!?\"\u201d":
                    remove_until = nxt_start + len(text[nxt_start:nxt_end].rstrip())
        if remove_until is not None and stripped_start >= taken_until:
            start = _back_over_space(text, stripped_start, floor)
            if start == floor:  # first line: remove the following space instead
                start, remove_until = stripped_start, _skip_blank(text, remove_until)
            edits.append(Edit(start, remove_until, "", "inserted"))
            taken_until = remove_until
            position = remove_until
            continue
        for match in pats["inserted_bracket"].finditer(text, position, line_end):
            if match.start() >= taken_until:
                end = match.end()
                if end < line_end and text[end] == " ":
                    end += 1
                edits.append(Edit(match.start(), end, "", "inserted"))
                taken_until = end
        position = line_end + 1
    return edits


def _skip_blank(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _multiword_ui(line: str) -> bool:
    """A UI line safe to drop anywhere: a bracketed placeholder or a UI phrase of three words or more."""
    pats = _patterns()
    if pats["placeholder"].fullmatch(line):
        return True
    return len(line.split()) >= 3 and pats["ui"].fullmatch(line) is not None
