"""News cleanup for the text stage: normalisation, dateline, removals, source credits and the reference date.

The lead calls these in order, each on the previous step's output::

    find_normalisations(text) -> [Edit]            # whitespace / entities (normalise.py)
    find_dateline(text) -> DatelineHit | None      # datelines.py
    find_removals(text, dateline) -> [Edit]        # footers, "Baca juga" lines, duplicated paragraphs
    find_source_credits(text) -> [(start, end, outlet)]
    find_reference_date(text, dateline) -> (YYYY-MM-DD, "dateline" | "text") | None

All offsets are into the string each function was given; removals have replacement ``""``.
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from functools import cache

from idnews_extract.text.datelines import DatelineHit, _data_lines, find_dateline, token_pattern
from idnews_extract.text.duplicates import find_duplicates
from idnews_extract.text.edits import Edit
from idnews_extract.text.footers import inserted_lines, is_credit, load_phrases, tail_footers
from idnews_extract.text.normalise import find_normalisations

__all__ = [
    "DatelineHit",
    "find_dateline",
    "find_normalisations",
    "find_reference_date",
    "find_removals",
    "find_source_credits",
]

logger = logging.getLogger(__name__)

#: How far before a dated mention a future cue (``akan``, ``hingga``) still marks it as ahead (characters).
FUTURE_WINDOW = 40


def _overlaps(edit: Edit, taken: list[Edit]) -> bool:
    return any(edit.start < other.end and other.start < edit.end for other in taken)


def find_removals(text: str, dateline: DatelineHit | None = None) -> list[Edit]:
    """Footers at a tail (kind ``"footer"``), ``Baca juga`` lines anywhere (``"inserted"``) and later copies of
    repeated paragraphs (``"duplicate"``, the first copy kept). Sorted, non-overlapping, replacement ``""``.

    A tail is the end of the text or the end of a first copy that a removed duplicate block follows
    (``A B | footer | A B``). ``dateline`` (found on this same text) marks where the body starts: nothing
    before its end is removed.
    """
    floor = dateline.end if dateline is not None else 0
    duplicates = find_duplicates(text, 0)
    duplicates = [edit for edit in duplicates if edit.start >= floor]
    inserted = inserted_lines(text, floor)
    inserted_starts = frozenset(_first_non_space(text, edit.start) for edit in inserted)
    accepted: list[Edit] = list(duplicates)
    # tails: before every duplicate block, and the end of the text
    segment_floor = floor
    tails: list[tuple[int, int]] = []
    for edit in sorted(duplicates):
        tails.append((segment_floor, edit.start))
        segment_floor = edit.end
    # After the last removed copy the body to keep lies before it: the footer search may reach back to
    # that copy's start (a footer straight after a removed copy is not "the whole body").
    last_copy = max(duplicates, default=None)
    tails.append((last_copy.start if last_copy else segment_floor, len(text)))
    for low, high in tails:
        if high <= low:
            continue
        for edit in tail_footers(text, high, low, inserted_starts):
            if not _overlaps(edit, accepted):
                accepted.append(edit)
    for edit in inserted:
        if not _overlaps(edit, accepted):
            accepted.append(edit)
    return sorted(accepted)


def _first_non_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


# --------------------------------------------------------------------------------------------- source credits


@cache
def _credit_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    phrases = load_phrases()

    def alternation(kind: str) -> str:
        words = sorted(phrases.get(kind, ()), key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words)

    capwords = r"[A-Z][\w.&'\u2019-]{0,30}(?:[ \t][A-Z][\w.&'\u2019-]{0,30}){0,3}"
    cue = re.compile(
        rf"(?<!\w)(?i:{alternation('credit_cue')})[ \t]+"
        rf"(?:(?P<filler>(?i:{alternation('credit_filler')}))[ \t]+)?"
        rf"(?P<outlet>{token_pattern('credit')}|{capwords})"
    )
    bracket = re.compile(r"[\(\[]([^()\[\]\n]{1,60})[\)\]][ \t.]*(?=\n|$)")
    # the holder of a copyright notice: COPYRIGHT © ANTARA News Sumatera Utara 2018, © 2018 Kompas.com
    holder = re.compile(
        r"(?:(?i:copyright|hak[ \t]+cipta)[ \t]*(?:\u00a9|\((?i:c)\))?|\u00a9)[ \t]*(?:(?:19|20)\d\d[ \t]+)?"
        rf"(?P<outlet>{capwords})"
    )
    return cue, bracket, holder


def find_source_credits(text: str) -> list[tuple[int, int, str]]:
    """Agency credits naming the outlet a story comes from: a bracket at a paragraph end (``(Antara)``,
    ``[PageSix.com]``, ``(Antara / Reuters)``), a cue phrase (``demikian dikutip dari AFP``,
    ``dilansir kantor berita Antara``) or the holder of a copyright notice (``COPYRIGHT © ANTARA News 2018``).
    Returns ``(start, end, outlet)`` with ``text[start:end] == outlet``; these are never quote speakers."""
    cue, bracket, holder = _credit_patterns()
    found: dict[tuple[int, int], str] = {}
    for match in bracket.finditer(text):
        offset = match.start(1)
        for part in re.finditer(r"[^/]+", match.group(1)):
            name = part.group().strip()
            if name and is_credit(name):
                start = offset + part.start() + part.group().index(name)
                found[(start, start + len(name))] = name
    for match in cue.finditer(text):
        name = match.group("outlet").rstrip(".")
        if match.group("filler") is None and not is_credit(name):
            continue  # a capitalised name after a bare cue may be a person (mengutip Sri Mulyani)
        start = match.start("outlet")
        found[(start, start + len(name))] = name
    for match in holder.finditer(text):
        name = re.split(r"\.(?=[ \t]|$)", match.group("outlet"))[0]  # Kompas.com. All rights reserved
        if name and not name.startswith("All "):  # Copyright 2017 All Rights Reserved
            start = match.start("outlet")
            found[(start, start + len(name))] = name
    return sorted((start, end, name) for (start, end), name in found.items())


# --------------------------------------------------------------------------------------------- reference date


@cache
def load_calendar() -> dict[str, dict[str, int]]:
    """Month names -> number, weekday names -> ISO weekday, and future cue words (value 0), by kind."""
    table: dict[str, dict[str, int]] = {}
    for line in _data_lines("cleanup_calendar.tsv")[1:]:
        kind, name, *value = line.split("\t")
        table.setdefault(kind, {})[name.casefold()] = int(value[0]) if value and value[0] else 0
    return table


def _words(kind: str) -> str:
    names = sorted(load_calendar().get(kind, {}), key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


@cache
def _date_patterns() -> dict[str, re.Pattern[str]]:
    weekday = rf"(?P<wd>(?i:{_words('weekday')}))(?!\w)"
    month = rf"(?P<mon>(?i:{_words('month')}))\.?(?!\w)"
    numeric = r"\([ \t]*(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?[ \t]*\)"
    written = rf"[(,]?[ \t]*(?P<d2>\d{{1,2}})[ \t]+{month}(?:[ \t]+(?P<y2>\d{{4}}))?"
    return {
        # possessive ``*+``: runs of blanks are taken once, not re-split between the optional parts (cubic)
        "weekday_date": re.compile(rf"(?<!\w){weekday}[ \t]*+,?[ \t]*+(?:{numeric}|{written})"),
        "bare_weekday": re.compile(rf"(?:,|\bpada|\bhari)[ \t]+{weekday}[ \t]*(?:[,.]|\((?![ \t]*\d))"),
        "full_date": re.compile(
            rf"(?<![\w/])(?P<d1>\d{{1,2}})(?:[ \t]*(?:-|\u2013|hingga|sampai|dan|s\.d\.?|s/d)[ \t]*(?P<d2>\d{{1,2}}))?"
            rf"[ \t]+{month}(?:[ \t]+(?P<y>\d{{4}}))?"
        ),
        "slash_date": re.compile(r"(?<![\w/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\w/])"),
        "copyright": re.compile(r"(?i:copyright|hak cipta|\u00a9)[^\n]{0,80}?(?P<y>(?:19|20)\d\d)"),
        "future_before": re.compile(rf"(?i:(?<!\w)(?:{_words('future')})(?!\w))"),
        "future_after": re.compile(rf"[ \t]*+(?:siang|pagi|sore|malam)?[ \t]*+(?i:{_words('future_after')})(?!\w)"),
    }


def _make_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    value = int(raw)
    return value + 2000 if value < 100 else value


def _is_future(text: str, start: int, end: int) -> bool:
    pats = _date_patterns()
    window_start = max(0, start - FUTURE_WINDOW)
    sentence_start = max(text.rfind(". ", window_start, start), text.rfind("\n", window_start, start))
    window = text[max(window_start, sentence_start + 1):start]
    return bool(pats["future_before"].search(window)) or bool(pats["future_after"].match(text, end))


def _year_evidence(text: str) -> set[int]:
    """Years the article states: a copyright notice and four-digit years in full dates."""
    pats = _date_patterns()
    years = {int(m.group("y")) for m in pats["copyright"].finditer(text)}
    years |= {int(m.group("y")) for m in pats["full_date"].finditer(text) if m.group("y")}
    years |= {int(m.group("y")) for m in pats["slash_date"].finditer(text)}
    return years


def _date_from_dateline(text: str, dateline: DatelineHit) -> str | None:
    span = text[dateline.start:dateline.end]
    months = load_calendar().get("month", {})
    for match in _date_patterns()["full_date"].finditer(span):
        if match.group("y") and not match.group("d2"):
            found = _make_date(int(match.group("y")), months[match.group("mon").casefold()], int(match.group("d1")))
            if found is not None:
                return found.isoformat()
    for match in _date_patterns()["slash_date"].finditer(span):
        found = _make_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        if found is not None:
            return found.isoformat()
    return None


def _weekday_dated(text: str, years: set[int]) -> list[tuple[_dt.date, bool, bool]]:
    """Dates written with a weekday that agrees with them (``Jumat (17/8/2018)``), each with a future flag and
    a report flag (set off by a comma, as the day of a statement is: ``kata Yusri, Selasa (27/10/2020)``).

    A mention without a year counts only when exactly one evidenced year makes the weekday agree."""
    calendar = load_calendar()
    out: list[tuple[_dt.date, bool, bool]] = []
    for match in _date_patterns()["weekday_date"].finditer(text):
        weekday = calendar["weekday"][match.group("wd").casefold()]
        if match.group("d") is not None:
            day, month, year = int(match.group("d")), int(match.group("m")), _year(match.group("y"))
        else:
            day, month = int(match.group("d2")), calendar["month"][match.group("mon").casefold()]
            year = _year(match.group("y2"))
        candidates = [year] if year is not None else sorted(years)
        agreeing = [d for y in candidates if (d := _make_date(y, month, day)) and d.isoweekday() == weekday]
        if len(agreeing) == 1:
            before = text[max(0, match.start() - 2):match.start()].rstrip(" \t")
            reported = before.endswith(",")
            out.append((agreeing[0], _is_future(text, match.start(), match.end()), reported))
    return out


def _bare_weekday_event(text: str, years: set[int]) -> _dt.date | None:
    """A report day from a bare weekday (``H.Ismail, Selasa, mengatakan``) that names exactly one dated day in
    the text (``7 hingga 8 Agustus 2018``: 7 August 2018 is a Tuesday); ``None`` when ambiguous."""
    calendar = load_calendar()
    pats = _date_patterns()
    weekdays = {calendar["weekday"][m.group("wd").casefold()] for m in pats["bare_weekday"].finditer(text)}
    if len(weekdays) != 1:
        return None
    (weekday,) = weekdays
    days: set[_dt.date] = set()
    for match in pats["full_date"].finditer(text):
        month = calendar["month"][match.group("mon").casefold()]
        year_options = [int(match.group("y"))] if match.group("y") else sorted(years)
        first = int(match.group("d1"))
        last = int(match.group("d2")) if match.group("d2") else first
        if not 0 <= last - first <= 7:
            continue
        for year in year_options:
            for day in range(first, last + 1):
                found = _make_date(year, month, day)
                if found is not None and found.isoweekday() == weekday:
                    days.add(found)
    return days.pop() if len(days) == 1 else None


def find_reference_date(text: str, dateline: DatelineHit | None = None) -> tuple[str, str] | None:
    """The article's reference (publication) date inferred from the text, or ``None`` when evidence is weak.

    In order: a full date inside the dateline (``"dateline"``); else the latest past mention whose weekday agrees
    with its date (``Senin (7/9/2020)``; mentions set off by a comma, as the day of a statement is, are preferred
    over calendar facts like ``hari Kamis (29/10/2020)``; a mention without a year needs a unique year from a copyright notice or
    other full dates) (``"text"``); else a bare report weekday (``, Selasa,``) that matches exactly one dated day of
    the text (``"text"``). Mentions marked as still ahead (``akan``, ``hingga``, ``mendatang``) are skipped.
    """
    if dateline is not None:
        found = _date_from_dateline(text, dateline)
        if found is not None:
            return found, "dateline"
    years = _year_evidence(text)
    mentions = [(date, reported) for date, future, reported in _weekday_dated(text, years) if not future]
    reported = [date for date, is_reported in mentions if is_reported]
    past = reported or [date for date, _ in mentions]
    if past:
        return max(past).isoformat(), "text"
    event = _bare_weekday_event(text, years)
    if event is not None:
        return event.isoformat(), "text"
    return None
