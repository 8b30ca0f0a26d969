"""Indonesian calendar words for the date extractor, read once from ``data/lang``: ``months.tsv``,
``weekdays.tsv``, ``date_words.tsv`` (relative expressions, units, parts of day, cues) and
``date_holidays.tsv`` (movable holidays, anniversaries, Hijri new year)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from .data import read_tsv

__all__ = ["DateWords", "Holidays", "Month", "date_words", "holidays", "months", "weekdays", "DATE_WORD_CATEGORIES"]

DATE_WORD_CATEGORIES = frozenset(
    {"unit", "unit_se", "rel_day", "rel_unit_dir", "ago_dir", "span_dir", "month_dir", "pod", "pod_past",
     "pod_yesterday", "timezone", "time_cue", "mod", "mod_interval", "range_conn", "month_prefix", "day_prefix",
     "weekday_prefix", "year_prefix", "quarter", "weekend", "future_cue", "past_cue", "since", "weekday_block_before",
     "year_cue_before", "year_cue_after", "count_noun", "age_cue", "set_cue", "times_word", "law_cue",
     "doc_number_cue", "hijri_suffix", "decade_suffix", "decade_prefix", "century", "working_day", "span_cue"}
)


@dataclass(frozen=True, slots=True)
class Month:
    """One written month name."""

    form: str
    number: int
    calendar: str  # "greg" or "hijri"
    style: str  # "full", "old" or "abbr"


@dataclass(frozen=True, slots=True)
class DateWords:
    """``date_words.tsv`` by category: ``groups[category][form] = value`` (insertion order kept)."""

    groups: dict[str, dict[str, str]]

    def forms(self, category: str) -> tuple[str, ...]:
        """The forms of one category."""
        return tuple(self.groups.get(category, {}))

    def value(self, category: str, form: str) -> str | None:
        """The value of ``form`` in ``category``, matching case-insensitively and on collapsed blanks."""
        group = self.groups.get(category, {})
        key = " ".join(form.split())
        if key in group:
            return group[key]
        low = key.lower()
        for k, v in group.items():
            if k.lower() == low:
                return v
        return None


@dataclass(frozen=True, slots=True)
class Holidays:
    """Holidays: surface ``names`` -> key, movable ``dates[key][year]``, ``fixed[key]`` = (month, day),
    anniversary subjects ``anniv`` -> founding date, ``anniv_cues``, and ``hijri_new_year[gregorian year]``."""

    names: dict[str, str]
    dates: dict[str, dict[int, dt.date]]
    fixed: dict[str, tuple[int, int]]
    anniv: dict[str, dt.date]
    anniv_cues: tuple[str, ...]
    hijri_new_year: dict[int, dt.date]


@cache
def months() -> tuple[Month, ...]:
    """Month names; raises ``ValueError`` on a malformed row."""
    out = []
    for form, number, calendar, style in read_tsv("lang/months.tsv", 4):
        n = int(number)
        if not 1 <= n <= 12 or calendar not in {"greg", "hijri"} or style not in {"full", "abbr", "old"}:
            raise ValueError(f"months.tsv: bad row {form!r}")
        out.append(Month(form, n, calendar, style))
    return tuple(out)


@cache
def weekdays() -> dict[str, int]:
    """Day names -> ISO weekday."""
    out: dict[str, int] = {}
    for form, number in read_tsv("lang/weekdays.tsv", 2):
        n = int(number)
        if not 1 <= n <= 7:
            raise ValueError(f"weekdays.tsv: bad weekday {form!r}")
        out[form] = n
    return out


@cache
def date_words() -> DateWords:
    """The temporal word table; raises ``ValueError`` on an unknown category."""
    groups: dict[str, dict[str, str]] = {}
    for category, form, value in read_tsv("lang/date_words.tsv", 3):
        if category not in DATE_WORD_CATEGORIES:
            raise ValueError(f"date_words.tsv: unknown category {category!r}")
        groups.setdefault(category, {})[form] = value
    return DateWords(groups)


@cache
def holidays() -> Holidays:
    """The holiday table; raises ``ValueError`` on an unknown kind."""
    names: dict[str, str] = {}
    dates: dict[str, dict[int, dt.date]] = {}
    fixed: dict[str, tuple[int, int]] = {}
    anniv: dict[str, dt.date] = {}
    cues: list[str] = []
    for kind, key, value in read_tsv("lang/date_holidays.tsv", 3):
        if kind == "name":
            names[value] = key
        elif kind == "date":
            day = dt.date.fromisoformat(value)
            dates.setdefault(key, {})[day.year] = day
        elif kind == "fixed":
            month, day_ = value.split("-")
            fixed[key] = (int(month), int(day_))
        elif kind == "anniv":
            anniv[key] = dt.date.fromisoformat(value)
        elif kind == "anniv_cue":
            cues.append(key)
        else:
            raise ValueError(f"date_holidays.tsv: unknown kind {kind!r}")
    new_year = dates.pop("hijri_new_year", {})
    return Holidays(names, dates, fixed, anniv, tuple(cues), new_year)
