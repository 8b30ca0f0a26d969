"""Speech-cue lexicon and word-level helpers for quote finding.

The cue words (``kata``, ``ujarnya``, ``mengatakan``, ``Ditambahkan``, ``menurut``) and the small word lists
that shape speaker phrases live in ``idnews_extract/data/lang/speech_verbs.tsv`` and ``quote_lexicon.tsv``;
this module loads them once and offers tokenisation and lookups over them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

__all__ = ["DEMONSTRATIVES", "Cue", "Lexicon", "Token", "lexicon", "skip_openers", "tokens"]

_DATA = "idnews_extract.data.lang"
#: Demonstratives that close a description of someone already named (``politisi Partai Golkar itu``).
DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut"})

# A word: letters/digits, optionally a leading @ or # (account handles, tags), inner - . ’ ' joiners.
_WORD = re.compile(r"[@#]?\w+(?:[-.’'/]\w+)*")


class Token(NamedTuple):
    """A word of the text with its character offsets (a named tuple: quote finding makes thousands)."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Cue:
    """One speech-cue form from ``speech_verbs.tsv``."""

    form: str
    lemma: str
    role: str  # POST, NYA, ACT, PASS, PREP
    flags: frozenset[str]

    @property
    def base_len(self) -> int:
        """Length of the cue word as written without the ``-nya`` enclitic (``ujarnya`` -> 4)."""
        first = self.form.split()[0]
        if first.endswith("nya") and (self.role == "NYA" or self.role in ("PASS", "PREP")):
            return len(first) - 3
        return len(first)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The loaded cue forms (keyed by lower-case first word) and word lists by category."""

    cues: dict[str, tuple[Cue, ...]]
    words: dict[str, frozenset[str]]
    #: category -> first word -> the phrases (one word or more, lower case) starting with it, longest first
    phrases: dict[str, dict[str, tuple[tuple[str, ...], ...]]]

    def in_cat(self, category: str, word: str) -> bool:
        return word.lower() in self.words.get(category, frozenset())

    def cue(self, first: str, following: list[str] | None = None) -> Cue | None:
        """The longest cue form that starts with ``first`` and continues with ``following`` (lower case)."""
        best: Cue | None = None
        for cue in self.cues.get(first.lower(), ()):
            parts = cue.form.split()
            rest = parts[1:]
            if rest and (following is None or [w.lower() for w in following[: len(rest)]] != rest):
                continue
            if best is None or len(parts) > len(best.form.split()):
                best = cue
        return best

    def match_phrase(self, category: str, words: list[str]) -> int:
        """Number of leading ``words`` that form a phrase of ``category`` (0 when none; longest wins)."""
        if not words:
            return 0
        candidates = self.phrases.get(category, {}).get(words[0].lower(), ())
        if not candidates:
            return 0
        low = tuple(w.lower() for w in words)
        return next((len(phrase) for phrase in candidates if low[: len(phrase)] == phrase), 0)


def skip_openers(toks: Sequence[Token], i: int, lex: Lexicon) -> int:
    """Index after the sentence openers at ``toks[i]`` (``Lebih lanjut``, ``Namun,``, ``Sementara itu,``), at
    most three, each with the comma after it; never the last token (``Kemudian`` alone stays)."""
    for _ in range(3):
        n = lex.match_phrase("connective", [t.text for t in toks[i : i + 4]])
        if not n or i + n >= len(toks):
            break
        i += n
        if toks[i].text == "," and i + 1 < len(toks):
            i += 1
    return i


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def lexicon() -> Lexicon:
    """Load the cue and word-list data once."""
    cues: dict[str, list[Cue]] = {}
    for row in _rows("speech_verbs.tsv"):
        cue = Cue(row["form"], row["lemma"], row["role"], frozenset(f for f in row["flags"].split(",") if f))
        cues.setdefault(cue.form.split()[0].lower(), []).append(cue)
    words: dict[str, set[str]] = {}
    phrases: dict[str, dict[str, set[tuple[str, ...]]]] = {}
    for row in _rows("quote_lexicon.tsv"):
        phrase = tuple(row["phrase"].lower().split())
        if len(phrase) == 1:
            words.setdefault(row["category"], set()).add(phrase[0])
        phrases.setdefault(row["category"], {}).setdefault(phrase[0], set()).add(phrase)
    return Lexicon(
        {k: tuple(v) for k, v in cues.items()},
        {k: frozenset(v) for k, v in words.items()},
        {cat: {first: tuple(sorted(v, key=len, reverse=True)) for first, v in by_first.items()}
         for cat, by_first in phrases.items()},
    )


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of ``text[start:end]`` with offsets into ``text``."""
    make = Token._make
    return [make((m.start(), m.end(), m.group())) for m in _WORD.finditer(text, start, len(text) if end is None else end)]
