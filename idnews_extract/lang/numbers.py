"""Indonesian number words and percentage words, read once from ``data/lang/number_words.tsv`` and
``data/lang/percent_words.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .data import read_tsv

__all__ = ["NumberWords", "PercentWords", "number_words", "percent_words"]

_NUMBER_KINDS = frozenset(
    {"unit", "small", "tens", "teen", "hundreds", "scale", "se_scale", "fraction", "decimal", "ordinal", "roman",
     "sign", "currency", "vague"}
)
_PERCENT_KINDS = frozenset(
    {"percent", "points", "range_conn", "between", "between_and", "plus_minus", "measure", "measure_stop"}
)


@dataclass(frozen=True, slots=True)
class NumberWords:
    """Number words by kind: ``kinds[word] = (kind, value)`` (lower-cased keys, except Roman numerals and currency)."""

    kinds: dict[str, tuple[str, float]]

    def of_kind(self, *kinds: str) -> dict[str, float]:
        """The words of the given kinds with their values."""
        return {w: v for w, (k, v) in self.kinds.items() if k in kinds}


@dataclass(frozen=True, slots=True)
class PercentWords:
    """Percentage vocabulary: ``groups[kind]`` is a tuple of forms."""

    groups: dict[str, tuple[str, ...]]

    def get(self, kind: str) -> tuple[str, ...]:
        """Forms of one kind (empty when none)."""
        return self.groups.get(kind, ())


@cache
def number_words() -> NumberWords:
    """The number-word table; raises ``ValueError`` on an unknown kind or a bad value."""
    kinds: dict[str, tuple[str, float]] = {}
    for word, value, kind in read_tsv("lang/number_words.tsv", 3):
        if kind not in _NUMBER_KINDS:
            raise ValueError(f"number_words.tsv: unknown kind {kind!r} for {word!r}")
        key = word if kind in {"roman", "currency"} else word.lower()
        kinds[key] = (kind, float(value))
    return NumberWords(kinds)


@cache
def percent_words() -> PercentWords:
    """The percentage vocabulary; raises ``ValueError`` on an unknown kind."""
    groups: dict[str, list[str]] = {}
    for kind, form in read_tsv("lang/percent_words.tsv", 2):
        if kind not in _PERCENT_KINDS:
            raise ValueError(f"percent_words.tsv: unknown kind {kind!r} for {form!r}")
        groups.setdefault(kind, []).append(form)
    return PercentWords({k: tuple(v) for k, v in groups.items()})
