"""Correction candidates for one unknown word, each with an error-model cost.

Single-word candidates are one weighted edit away (keyboard neighbours and OCR confusions are cheap,
doubled letters cheap to drop or restore; dropping a first letter costs extra, since a stray letter
typed before a word is rarer than one inside it); split candidates undo a merged word (space dropped or typed
as a neighbouring key). The error model is data: ``data/lexicon/confusions.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

LETTERS = "abcdefghijklmnopqrstuvwxyz"
INF = float("inf")
MIN_SPLIT_PART = 2


@dataclass(frozen=True, slots=True)
class ErrorModel:
    """Costs and confusion tables read from ``confusions.json``."""

    neighbours: dict[str, frozenset[str]]
    ocr: tuple[tuple[str, str], ...]
    ocr_single: frozenset[tuple[str, str]]
    digit_letters: dict[str, str]
    space_keys: frozenset[str]
    costs: dict[str, float]


@cache
def error_model() -> ErrorModel:
    """Load the error model once; keyboard neighbours are keys whose centres are about one key apart."""
    ref = resources.files("idnews_extract.data.lexicon").joinpath("confusions.json")
    raw = json.loads(ref.read_text(encoding="utf-8"))
    pos: dict[str, tuple[float, float]] = {}
    for r, (row, offset) in enumerate(raw["keyboard_rows"]):
        for c, ch in enumerate(row):
            pos[ch] = (r, c + offset)
    neigh: dict[str, set[str]] = {ch: set() for ch in pos}
    for a, (ra, ca) in pos.items():
        for b, (rb, cb) in pos.items():
            if a != b and abs(ra - rb) <= 1 and abs(ca - cb) <= 1.0:
                neigh[a].add(b)
    ocr = tuple((s, m) for s, m in raw["ocr"])
    return ErrorModel(
        neighbours={k: frozenset(v) for k, v in neigh.items()},
        ocr=ocr,
        ocr_single=frozenset((s, m) for s, m in ocr if len(s) == 1 and len(m) == 1),
        digit_letters=dict(raw["digit_letters"]),
        space_keys=frozenset(raw["space_keys"]),
        costs=dict(raw["costs"]),
    )


@cache
def _substitutions(ch: str) -> tuple[tuple[str, float], ...]:
    """Every letter that may stand where ``ch`` was typed, with the cost of that substitution."""
    em = error_model()
    cost = em.costs
    out = []
    for x in LETTERS:
        if x == ch:
            continue
        if (ch, x) in em.ocr_single:
            out.append((x, cost["ocr"]))
        elif x in em.neighbours.get(ch, ()):
            out.append((x, cost["keyboard"]))
        else:
            out.append((x, cost["substitute"]))
    return tuple(out)


def edits(word: str) -> dict[str, float]:
    """Every string one weighted edit from lowercase ``word``, mapped to its cheapest cost."""
    em = error_model()
    cost = em.costs
    out: dict[str, float] = {}

    def put(cand: str, c: float) -> None:
        if cand and (cand not in out or c < out[cand]):
            out[cand] = c

    n = len(word)
    for i in range(n):
        ch = word[i]
        left = word[i - 1] if i else ""
        right = word[i + 1] if i + 1 < n else ""
        head, tail = word[:i], word[i + 1 :]
        # the typo holds an extra letter
        if ch == left or ch == right:
            c = cost["delete_double"]
        elif ch in em.neighbours.get(left, ()) or ch in em.neighbours.get(right, ()):
            c = cost["delete_adjacent"]
        else:
            c = cost["delete"]
        put(head + tail, c + (0.0 if i else cost["delete_first"]))
        # the typo holds a wrong letter (the hot loop: ``put`` inlined)
        for x, c in _substitutions(ch):
            cand = head + x + tail
            if c < out.get(cand, INF):
                out[cand] = c
        # two letters swapped
        if right and right != ch:
            put(head + right + ch + word[i + 2 :], cost["transpose"])
    # the typo lost a letter
    insert, insert_double = cost["insert"], cost["insert_double"]
    for i in range(n + 1):
        left = word[i - 1] if i else ""
        right = word[i] if i < n else ""
        head, tail = word[:i], word[i:]
        for x in LETTERS:
            c = insert_double if x == left or x == right else insert
            cand = head + x + tail
            if c < out.get(cand, INF):
                out[cand] = c
    # OCR multi-letter confusions
    for seen, meant in em.ocr:
        if len(seen) == 1 and len(meant) == 1:
            continue
        start = word.find(seen)
        while start != -1:
            put(word[:start] + meant + word[start + len(seen) :], cost["ocr"])
            start = word.find(seen, start + 1)
    out.pop(word, None)
    return out


def digit_readings(token: str) -> list[str]:
    """Letter readings of a word OCR'd with digits in it (``ma1am`` -> ``malam``, ``mailam``...)."""
    em = error_model()
    readings = [""]
    for ch in token:
        opts = em.digit_letters.get(ch, ch) if ch.isdigit() else ch
        readings = [r + o for r in readings for o in opts]
        if len(readings) > 64:
            return []
    return readings


def splits(word: str, is_word: Callable[[str], bool]) -> dict[tuple[str, str, str], float]:
    """Two-word readings ``(left, right, separator)`` of a merged token: the space dropped (separator
    ``""``) or typed as a key next to the space bar (separator ``v``, ``b``, ``n`` or ``m``)."""
    em = error_model()
    out: dict[tuple[str, str, str], float] = {}
    n = len(word)
    for i in range(MIN_SPLIT_PART, n - MIN_SPLIT_PART + 1):
        a, b = word[:i], word[i:]
        if is_word(a) and is_word(b):
            out[(a, b, "")] = em.costs["split_space"]
        if word[i] in em.space_keys and i + 1 <= n - MIN_SPLIT_PART:
            a, b = word[:i], word[i + 1 :]
            if is_word(a) and is_word(b):
                out[(a, b, word[i])] = em.costs["split_key"]
    return out
