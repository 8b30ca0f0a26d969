"""Temporal expressions in Indonesian news text, typed and valued as TIMEX3.

Three steps, all linear in the text:
1. *atoms*: regexes built from the calendar data (``idnews_extract/lang/dates.py``) find single expressions
   (``Senin``, ``(12/3)``, ``7-8 Agustus 2018``, ``tahun lalu``, ``dua hari``, ``pukul 14.00 WIB``); overlapping
   candidates keep the longest; law and document numbers (``Nomor 24 Tahun 2007``, ``No 77/2016``) are skipped.
2. *merges*: a weekday takes its ``(d/m)``; a day takes its part of day or clock time; two dates joined by a
   range connector become a range (the first side borrowing the year it lacks); a month or holiday takes a
   following ``tahun ini/lalu``. Weak atoms (a bare month or year with no temporal cue) are kept only if merged.
3. *values*: each expression is resolved against the reference date (``None`` when it needs one that is unknown).

Values follow the project's gold conventions (TIMEX3 values, modifiers dropped: ``akhir tahun ini`` -> ``2018``;
anchored durations as durations: ``tiga bulan terakhir`` -> ``P3M``). With ``intervals=True`` modifiers and
anchored durations (and ``sejak X``) become explicit approximate intervals instead
(``2018-10/2018-12``, ``2018-05-07/2018-08-07``, ``2010/2018-08-07``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cache

from ..lang.dates import date_words, holidays, months, weekdays
from ..lang.numbers import number_words
from .numbers import alternation, digit_pattern, parse_number, word_number_pattern

__all__ = ["DateHit", "find_dates"]

logger = logging.getLogger(__name__)

_S = r"[^\S\n]+"  # blanks within a line (nbsp included)
_S0 = r"[^\S\n]*"


@dataclass(frozen=True, slots=True)
class DateHit:
    """One temporal expression: ``text == input[start:end]``, TIMEX3 ``type`` (DATE, TIME, DURATION, SET) and
    ``value`` (None when it needs a reference date that is unknown); ``timezone`` is WIB/WITA/WIT when written."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    timezone: str | None = None
    interval: str | None = None  # the approximate calendar interval, when it differs from ``value``


@dataclass(slots=True)
class _Atom:
    """A candidate expression under construction (internal, mutable)."""

    start: int
    end: int
    kind: str  # day month year week weekend quarter decade century rel time pod duration set holiday
    prio: int = 5
    weak: bool = False
    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: int | None = None
    future: bool = False
    wd_dir: int = 0  # Senin lalu (-1) / Senin depan (+1)
    month_dir: int = 0  # Mei lalu (-1) / Desember mendatang (+1)
    closest: bool = False  # (12/3): year closest to the reference
    rel_unit: str | None = None  # D W M Y for relative expressions
    rel_n: int = 0
    pod: str | None = None
    hh: int | None = None
    mi: int | None = None
    tz: str | None = None
    mod: str | None = None
    part: tuple[str, int] | None = None
    text_value: str | None = None  # a value fixed at creation (durations, sets, decades)
    span: tuple[int, float, str] | None = None  # anchored duration: (direction, n, unit letter[s])
    holiday: str | None = None
    hijri: tuple[int, int, int] | None = None
    anchor: dt.date | None = None
    end_atom: _Atom | None = None  # the second side of a range
    paren_end: int | None = None  # where a (d/m) closes, for a weekday that takes it
    since_start: int | None = None
    merged: bool = False
    extra: dict[str, object] = field(default_factory=dict)


# ---------------------------------------------------------------- patterns from data


def _alt_cased(forms: "list[str] | tuple[str, ...]") -> str:
    """Alternation where lower-case forms match in any case and other forms match as written."""
    lower = [f for f in forms if f == f.lower()]
    other = [f for f in forms if f != f.lower()]
    parts = []
    if lower:
        parts.append("(?i:" + alternation(lower) + ")")
    if other:
        parts.append(alternation(other))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True, slots=True)
class _Patterns:
    regexes: tuple[tuple[str, re.Pattern[str], int], ...]
    firsts: dict[str, tuple[int, ...]]  # lower-cased first word (or "#" digit, "(") -> patterns that can start there
    skip: tuple[re.Pattern[str], ...]
    range_gap: re.Pattern[str]
    month_of: dict[str, tuple[int, str]]


@cache
def _patterns() -> _Patterns:
    w = date_words()
    nw = number_words()
    mon_full = [m.form for m in months() if m.calendar == "greg" and m.style != "abbr"]
    mon_abbr = [m.form for m in months() if m.calendar == "greg" and m.style == "abbr"]
    mon_hijri = [m.form for m in months() if m.calendar == "hijri"]
    MF = "(?i:" + alternation(mon_full) + r")(?![\w])"
    MA = "(?:" + MF + "|" + alternation(mon_abbr) + r"\.?(?![\w]))"
    MH = "(?i:" + alternation(mon_hijri) + r")(?![\w])"
    WD = alternation(list(weekdays())) + r"(?![\w’'])"
    POD = "(?i:" + alternation(w.forms("pod")) + r")(?![\w])"
    TZ = "(?i:" + alternation(w.forms("timezone")) + r")(?![\w])"
    NUM = rf"(?:{digit_pattern()}|{word_number_pattern()})"
    UNITS = list(w.forms("unit")) + list(w.forms("working_day"))
    UNIT = "(?i:" + alternation(UNITS) + r")(?![\w-])"
    SE = "(?i:" + alternation(w.forms("unit_se")) + r")(?![\w-])"
    CONN = alternation(w.forms("range_conn"))
    MOD = "(?i:" + alternation(w.forms("mod")) + ")"
    ORD = alternation([k for k, (kind, _) in nw.kinds.items() if kind in {"ordinal", "roman"}])
    Y = r"(?:1[89]|20)\d{2}"
    rx: list[tuple[str, str, int]] = [
        # 7 hingga 8 Agustus 2018 / 5 Agt 2018 / tanggal 19 Agustus 2015 / 2 Juli lalu
        ("dmy", rf"(?<![\w.,/-])(?:(?P<pre>{_alt_cased(w.forms('day_prefix'))}){_S})?(?P<d1>\d{{1,2}})"
                rf"(?:{_S0}(?P<conn>{CONN}){_S0}(?P<d2>\d{{1,2}}))?{_S}(?P<mon>{MA})"
                rf"(?:{_S}(?P<y>{Y})(?![\w]))?(?:{_S}(?P<dir>{_alt_cased(w.forms('month_dir'))})(?![\w]))?", 1),
        ("dom", rf"(?<![\w])(?P<pre>{_alt_cased(w.forms('day_prefix'))}){_S}(?P<d>\d{{1,2}})(?![\w.,/])", 3),
        ("hijri", rf"(?<![\w.,])(?P<d>\d{{1,2}}){_S}(?P<mon>{MH})(?:{_S}(?P<y>1[34]\d{{2}})"
                  rf"(?:{_S}(?P<suf>{alternation(w.forms('hijri_suffix'))})(?![\w]))?)?", 1),
        ("numeric", r"(?<![\w/.,-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\w/-]|[.,]\d)", 2),
        ("paren", r"\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}|\d{2}))?\s*\)", 2),
        ("weekday", rf"(?<![\w])(?:(?P<pre>(?i:{alternation(w.forms('weekday_prefix'))})){_S})?(?P<wd>{WD})"
                    rf"(?:{_S}(?P<dir>{_alt_cased(w.forms('month_dir'))})(?![\w]))?", 3),
        ("month", rf"(?<![\w])(?:(?P<mod>{MOD}){_S})?(?:(?P<pre>(?i:{alternation(w.forms('month_prefix'))})){_S})?"
                  rf"(?P<mon>{MF})(?:{_S}(?P<y>{Y})(?![\w]))?(?:{_S}(?P<dir>{_alt_cased(w.forms('month_dir'))})(?![\w]))?", 3),
        ("year", rf"(?<![\w])(?:(?P<mod>{MOD}){_S})?(?:(?P<pre>{_alt_cased(w.forms('year_prefix'))}){_S})?"
                 rf"(?<![\w.,/])(?<![A-Za-z]-)(?P<y>{Y})(?![\w]|[.,/]\d|-an|{_S}(?:{alternation(w.forms('hijri_suffix'))})\b)", 4),
        ("decade", rf"(?<![\w])(?:(?P<pre>{_alt_cased(w.forms('decade_prefix'))}){_S})?(?P<y>{Y[:-5]}\d0)-?an(?![\w])", 2),
        ("century", rf"(?<![\w])(?i:{alternation(w.forms('century'))}){_S}(?i:ke)[-{_S[1:-2]}]?(?P<n>\d{{1,2}})(?![\w])", 2),
        ("quarter", rf"(?<![\w])(?P<q>{_alt_cased(w.forms('quarter'))}){_S0}(?:(?i:ke)-?{_S0})?(?P<n>{ORD}|[1-4])(?![\w])"
                    rf"(?:{_S0}\((?P<paren>[^()\n]{{1,30}})\))?(?:{_S0}(?:/|{_S}(?:(?i:tahun){_S})?)(?P<y>{Y})(?![\w]))?", 2),
        ("time", rf"(?<![\w])(?P<cue>{_alt_cased(w.forms('time_cue'))}){_S0}(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?"
                 rf"(?:{_S0}(?:-|–|(?i:hingga|sampai)){_S0}(?P<h2>\d{{1,2}})[.:](?P<mi2>\d{{2}}))?"
                 rf"(?:{_S0}(?P<tz>{TZ}))?(?:{_S}(?P<pod>{POD}))?(?![\w])", 2),
        ("clock", rf"(?<![\w.,])(?P<h>\d{{1,2}})[.:](?P<mi>\d{{2}}){_S0}(?P<tz>{TZ})", 2),
        ("pod_rel", rf"(?<![\w])(?P<pr>(?i:{alternation(w.forms('pod_yesterday'))}))(?![\w])", 2),
        ("pod_this", rf"(?<![\w])(?P<pod>{POD}){_S}(?i:ini)(?![\w])", 2),
        ("pod_past", rf"(?<![\w])(?i:{alternation(w.forms('pod_past'))}){_S}(?P<pod>{POD})", 3),
        ("pod", rf"(?<![\w])(?P<pod>{POD})(?:{_S}(?i:hari)(?![\w]))?", 6),
        ("rel_day", rf"(?<![\w])(?P<r>(?i:{alternation(w.forms('rel_day'))}))(?![\w])", 3),
        ("weekend", rf"(?<![\w])(?P<we>(?i:{alternation(w.forms('weekend'))})){_S}(?P<dir>{_alt_cased(w.forms('rel_unit_dir'))})(?![\w])", 1),
        ("rel_unit", rf"(?<![\w-])(?:(?P<mod>{MOD}){_S})?(?P<u>(?i:pekan|minggu|bulan|tahun))(?:{_S}(?i:ke)?)?"
                     rf"{_S}(?P<dir>{_alt_cased(w.forms('rel_unit_dir'))})(?![\w])", 3),
        ("ago", rf"(?<![\w.,-])(?:(?P<n>{NUM}){_S}(?P<u>{UNIT})|(?P<se>{SE}))"
                rf"{_S}(?P<dir>{_alt_cased(w.forms('ago_dir'))})(?![\w])", 2),
        ("day24", r"(?<![\w.,])(?P<n>\d+)\s*[xX×]\s*24\s*(?i:jam)(?![\w])", 1),
        ("duration", rf"(?<![\w.,-])(?P<n>{NUM})(?:{_S0}(?P<conn>-|–|(?i:hingga|sampai)){_S0}(?P<n2>{NUM}))?{_S}"
                     rf"(?P<u>{UNIT})(?:{_S}(?P<sd>{_alt_cased(w.forms('span_dir'))})(?![\w]))?", 4),
        ("se_duration", rf"(?<![\w-])(?P<se>{SE})(?:{_S}(?P<sd>{_alt_cased(w.forms('span_dir'))})(?![\w]))?", 5),
        ("bare_span", rf"(?<=\s)(?P<u>{UNIT}){_S}(?P<sd>{_alt_cased(w.forms('span_dir'))})(?![\w])", 6),
        ("set", rf"(?<![\w])(?P<cue>{_alt_cased(w.forms('set_cue'))}){_S}(?:(?P<n>{NUM}){_S})?"
                rf"(?:(?P<wd>{WD})|(?P<pod>{POD})|(?P<u>{UNIT}))(?:nya)?(?![\w])", 2),
        ("times", rf"(?<![\w-])(?P<n>{NUM}){_S}(?i:{alternation(w.forms('times_word'))}){_S}(?:(?i:dalam){_S})?(?P<se>{SE})", 1),
        ("holiday", rf"(?<![\w])(?P<h>{alternation(list(holidays().names))})(?![\w])(?:{_S}(?P<y>{Y})(?![\w]))?", 2),
        ("anniv", rf"(?<![\w])(?P<cue>{alternation(list(holidays().anniv_cues))}){_S}(?:(?P<s1>{alternation(list(holidays().anniv))}){_S})?"
                  rf"(?i:ke)[-{_S[1:-2]}]?{_S0}(?P<n>\d{{1,3}})(?:{_S}(?P<s2>{alternation(list(holidays().anniv))}))?(?![\w])", 1),
    ]
    law = alternation(w.forms("law_cue"))
    doc = alternation(w.forms("doc_number_cue"))
    skip = (
        re.compile(rf"(?<![\w])(?:{doc}){_S0}:?{_S0}\d[\w.\-]*(?:{_S0}/{_S0}[\w.\-]+|{_S}[A-Z]{{1,6}}(?={_S0}/))*"
                   rf"(?:{_S}(?i:tahun){_S}\d{{4}})?"),
        re.compile(rf"(?<![\w])(?:{law}){_S}\d+[A-Za-z]?(?:{_S}(?i:tahun){_S}\d{{4}}|{_S0}/{_S0}\d{{4}})"),
    )
    month_of = {m.form.lower(): (m.number, m.calendar) for m in months()}
    range_gap = re.compile(rf"{_S0}(?:{CONN}){_S0}")
    numw = [k for k, (kind, _) in nw.kinds.items() if kind in {"unit", "small", "tens", "teen", "hundreds", "scale",
                                                                   "se_scale", "fraction", "decimal"}]
    hol = holidays()
    starts: dict[str, list[str]] = {
        "dmy": ["#", *w.forms("day_prefix")], "dom": list(w.forms("day_prefix")), "hijri": ["#"],
        "numeric": ["#"], "paren": ["("], "weekday": [*w.forms("weekday_prefix"), *weekdays()],
        "month": [*w.forms("mod"), *w.forms("month_prefix"), *mon_full], "year": ["#", *w.forms("mod"), *w.forms("year_prefix")],
        "decade": ["#", *w.forms("decade_prefix")], "century": list(w.forms("century")), "quarter": list(w.forms("quarter")),
        "time": list(w.forms("time_cue")), "clock": ["#"], "pod_rel": list(w.forms("pod_yesterday")),
        "pod_this": list(w.forms("pod")), "pod_past": list(w.forms("pod_past")), "pod": list(w.forms("pod")),
        "rel_day": list(w.forms("rel_day")), "weekend": list(w.forms("weekend")),
        "rel_unit": [*w.forms("mod"), "pekan", "minggu", "bulan", "tahun"], "ago": ["#", *numw, *w.forms("unit_se")],
        "day24": ["#"], "duration": ["#", *numw], "se_duration": list(w.forms("unit_se")),
        "bare_span": [*w.forms("unit"), *w.forms("working_day")], "set": list(w.forms("set_cue")), "times": ["#", *numw],
        "holiday": list(hol.names), "anniv": list(hol.anniv_cues),
    }
    firsts: dict[str, list[int]] = {}
    for i, (name, _, _) in enumerate(rx):
        for form in starts[name]:
            key = form if form in {"#", "("} else _first_key(form)
            if key and i not in firsts.setdefault(key, []):
                firsts[key].append(i)
    compiled = tuple((name, re.compile(p), prio) for name, p, prio in rx)
    return _Patterns(compiled, {k: tuple(v) for k, v in firsts.items()}, skip, range_gap, month_of)


_TOKEN = re.compile(r"\d|[^\W\d_]+|\(")


def _first_key(form: str) -> str:
    m = _TOKEN.search(form)
    if m is None:
        return ""
    return "#" if m.group(0).isdigit() else m.group(0).lower()


# ---------------------------------------------------------------- small text helpers

_WORD_BEFORE = re.compile(r"([\w’'.-]+)[^\S\n]*$")
_WORD_AFTER = re.compile(r"^[^\S\n]*([\w’'.-]+)")


def _prev_word(text: str, i: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, i - 40):i])
    return m.group(1).rstrip(".") if m else ""


def _next_word(text: str, i: int) -> str:
    m = _WORD_AFTER.match(text[i:i + 40])
    return m.group(1) if m else ""


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0\"'“”‘’(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;"


def _is_number_word(word: str) -> bool:
    if re.fullmatch(r"\d+(?:[.,]\d+)*", word):
        return True
    entry = number_words().kinds.get(word.lower())
    return entry is not None and entry[0] in {"unit", "small", "tens", "teen", "hundreds", "scale", "se_scale",
                                               "fraction", "vague"}


def _in(word: str, category: str) -> bool:
    return date_words().value(category, word) is not None


def _num(s: str) -> float | None:
    return parse_number(" ".join(s.split()))


def _fmt_n(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


# ---------------------------------------------------------------- atoms


def _future_context(text: str, start: int, end: int) -> bool:
    """Whether the clause around a bare weekday talks about the future (akan, depan, mendatang)."""
    if _in(_prev_word(text, start), "past_cue"):
        return False
    lo = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    his = [h for h in (text.find(c, end) for c in ".!?\n") if h >= 0]
    hi = min(his) if his else len(text)
    window = text[max(lo, start - 80):min(hi, end + 60)]
    return any(_in(tok, "future_cue") for tok in re.findall(r"[\w-]+", window))


def _make_atom(name: str, m: re.Match[str], text: str, prio: int) -> _Atom | None:  # noqa: C901 (one dispatch)
    w = date_words()
    p = _patterns()
    g = m.groupdict()
    a = _Atom(m.start(), m.end(), name, prio)
    prev = _prev_word(text, m.start())
    if name == "dmy":
        if prev.lower() in {"ke", "ke-"} or text[max(0, m.start() - 3):m.start()].lower().endswith("ke-"):
            return None
        a.kind = "day"
        a.m = p.month_of[g["mon"].rstrip(".").lower()][0]
        a.d = int(g["d1"])
        a.y = int(g["y"]) if g["y"] else None
        if g["dir"]:
            if a.y is not None:
                a.end = m.end("y")
            else:
                a.month_dir = int(w.value("month_dir", g["dir"]) or 0)
        if g["d2"]:
            second = _Atom(m.start("d2"), a.end, "day", prio, y=a.y, m=a.m, d=int(g["d2"]), month_dir=a.month_dir)
            a.end_atom = second
        return a if _valid_day(a) else None
    if name == "dom":
        a.kind = "day"
        a.d = int(g["d"])
        return a if 1 <= a.d <= 31 else None
    if name == "hijri":
        if not g["y"]:
            return None
        a.kind = "day"
        a.hijri = (int(g["y"]), p.month_of[" ".join(g["mon"].lower().split())][0], int(g["d"]))
        return a
    if name in {"numeric", "paren"}:
        y = g["y"]
        a.kind = "day"
        a.d, a.m = int(g["d"]), int(g["m"])
        a.y = (2000 + int(y) if len(y) == 2 else int(y)) if y else None
        a.closest = a.y is None
        if name == "paren":
            inner = re.search(r"\S(?:.*\S)?", text[m.start() + 1:m.end() - 1])
            a.paren_end = m.end()
            a.extra["paren_start"] = m.start()
            if inner is None:
                return None
            a.start, a.end = m.start() + 1 + inner.start(), m.start() + 1 + inner.end()
        return a if _valid_day(a) else None
    if name == "weekday":
        word = g["wd"]
        if _in(prev, "weekday_block_before"):
            return None
        nxt = _next_word(text, m.end("wd"))
        if word == "Minggu" and (_in(nxt, "rel_unit_dir") and _sentence_start(text, m.start("wd"))):
            return None
        if (nxt[:1].isupper() and not g["dir"] and re.match(r"[^\S\n]", text[m.end():m.end() + 1] or "x")
                and nxt.lower() not in p.month_of and not _in(nxt, "pod") and not _in(nxt, "time_cue")
                and not _sentence_start(text, m.end() + len(text[m.end():]) - len(text[m.end():].lstrip()))):
            return None
        a.kind = "day"
        a.wd = weekdays()[word]
        if g["dir"]:
            a.wd_dir = int(w.value("month_dir", g["dir"]) or 0)
        a.future = _future_context(text, m.start(), m.end())
        return a
    if name == "month":
        a.kind = "month"
        a.m = p.month_of[g["mon"].lower()][0]
        a.y = int(g["y"]) if g["y"] else None
        a.mod = w.value("mod", g["mod"]) if g["mod"] else None
        if g["dir"]:
            if a.y is not None:
                a.end = m.end("y")
            else:
                a.month_dir = int(w.value("month_dir", g["dir"]) or 0)
        cue = g["mod"] or g["pre"] or a.y or (g["dir"] and a.month_dir) or _in(prev, "year_cue_before")
        a.weak = not cue
        return a
    if name == "year":
        nxt = _next_word(text, m.end())
        if _in(nxt, "count_noun") or prev.lower() in {"rp", "us$", "ke", "ke-"}:
            return None
        a.kind = "year"
        a.y = int(g["y"])
        a.mod = w.value("mod", g["mod"]) if g["mod"] else None
        a.extra["digits_start"] = m.start("y")
        a.weak = not (g["mod"] or g["pre"] or _in(prev, "year_cue_before") or _in(nxt, "year_cue_after"))
        return a
    if name == "decade":
        a.kind = "decade"
        a.text_value = g["y"][:3]
        return a
    if name == "century":
        a.kind = "century"
        a.text_value = f"{int(g['n']) - 1:02d}"
        return a
    if name == "quarter":
        letter = w.value("quarter", g["q"]) or "Q"
        kind, n = number_words().kinds.get(g["n"], number_words().kinds.get(g["n"].lower(), ("", 0)))
        n = int(g["n"]) if g["n"].isdigit() else int(n)
        if not 1 <= n <= (4 if letter == "Q" else 2):
            return None
        a.kind = "quarter"
        a.part = (letter, n)
        a.y = int(g["y"]) if g["y"] else None
        return a
    if name in {"time", "clock"}:
        h, mi = int(g["h"]), int(g["mi"] or 0)
        if name == "time" and g["mi"] is None and g["cue"].lower() != "pukul":
            return None
        if h > 24 or mi > 59:
            return None
        pod = g.get("pod")
        if pod and h < 12 and (w.value("pod", pod) in {"TAF", "TEV", "TNI"}) and not (pod.lower() == "siang" and h >= 10):
            h += 12 if h != 12 else 0
        a.kind = "time"
        a.hh, a.mi = h, mi
        a.tz = g["tz"].upper() if g.get("tz") else None
        if g.get("h2"):
            a.end_atom = _Atom(m.start("h2"), m.end(), "time", prio, hh=int(g["h2"]), mi=int(g["mi2"]), tz=a.tz)
        return a
    if name == "pod_rel":
        a.kind = "day"
        phrase = " ".join(g["pr"].lower().split())
        a.rel_unit, a.rel_n = "D", int(w.value("pod_yesterday", phrase) or 0)
        a.pod = w.value("pod", phrase.split()[-1])
        return a
    if name in {"pod_this", "pod_past"}:
        a.kind = "day"
        a.rel_unit, a.rel_n = "D", 0
        a.pod = w.value("pod", g["pod"])
        return a
    if name == "pod":
        a.kind = "pod"
        a.pod = w.value("pod", g["pod"])
        a.weak = True
        return a
    if name == "rel_day":
        if g["r"].lower().startswith("hari") and _is_number_word(prev):
            return None
        a.kind = "day"
        a.rel_unit, a.rel_n = "D", int(w.value("rel_day", g["r"]) or 0)
        return a
    if name == "weekend":
        a.kind = "weekend"
        a.rel_n = int(w.value("rel_unit_dir", g["dir"]) or 0)
        return a
    if name == "rel_unit":
        unit = g["u"]
        if _is_number_word(prev) and not g["mod"]:
            return None
        if unit == "Minggu" and not _sentence_start(text, m.start("u")):
            return None
        if unit.isupper() and len(unit) > 1 and unit != unit.upper():
            return None
        a.kind = "rel"
        a.rel_unit = {"pekan": "W", "minggu": "W", "bulan": "M", "tahun": "Y"}[unit.lower()]
        a.rel_n = int(w.value("rel_unit_dir", g["dir"]) or 0)
        a.mod = w.value("mod", g["mod"]) if g["mod"] else None
        return a
    if name == "ago":
        if prev.lower() in {"ke", "ke-"} or _in(prev, "age_cue"):
            return None
        if g["se"]:
            unit_word, n = w.value("unit_se", g["se"]) or "", 1.0
        else:
            unit_word, n = g["u"], _num(g["n"])
        unit = w.value("unit", unit_word) or w.value("working_day", unit_word)
        if n is None or unit is None or unit.startswith("T") or not float(n).is_integer():
            return None
        mult, letter = int(unit[:-1]), unit[-1]
        a.kind = "day" if letter == "D" else ("rel" if letter in "WMY" else "day")
        a.rel_unit = letter
        a.rel_n = int(n) * mult * int(w.value("ago_dir", g["dir"]) or 0)
        return a
    if name == "day24":
        a.kind = "duration"
        a.text_value = f"PT{int(g['n']) * 24}H"
        return a
    if name in {"duration", "se_duration", "bare_span"}:
        if prev.lower() in {"ke", "ke-"} or _in(prev, "age_cue") or _in(_prev_word(text, m.start() - len(prev) - 1), "age_cue"):
            return None
        if name == "bare_span" and not _in(prev, "span_cue"):
            return None
        if name == "se_duration" and text[m.end():m.end() + 1] == "-":
            return None
        if g.get("se"):
            unit_word, n, n2 = w.value("unit_se", g["se"]) or "", 1.0, None
        else:
            unit_word = g["u"]
            n = _num(g["n"]) if g.get("n") else 1.0
            n2 = _num(g["n2"]) if g.get("n2") else None
        unit = w.value("unit", unit_word) or w.value("working_day", unit_word)
        if n is None or unit is None or (g.get("n2") and n2 is None):
            return None
        nxt = _next_word(text, m.end())
        if unit[-1] == "Y" and re.fullmatch(r"(?:1[89]|20)\d{2}", nxt):
            return None
        if (unit == "1Y" and not g.get("sd") and re.search(r"[,(]" + _S0 + "$", text[max(0, m.start() - 3):m.start()])
                and re.match(_S0 + r"[,)]", text[m.end():m.end() + 3])):
            return None  # an age in apposition: "HA, 18 tahun, diduga ..." / "Andi (46 tahun)"
        a.kind = "duration"
        t = "T" if unit.startswith("T") else ""
        mult, letter = float(unit.lstrip("T")[:-1]), unit[-1]
        vals = [n * mult] + ([n2 * mult] if n2 is not None else [])
        a.text_value = "/".join(f"P{t}{_fmt_n(v)}{letter}" for v in vals)
        if g.get("sd") and n2 is None:
            a.span = (int(w.value("span_dir", g["sd"]) or 0), n * mult, t + letter)
        return a
    if name == "set":
        n = _num(g["n"]) if g["n"] else 1.0
        if n is None:
            return None
        a.kind = "set"
        if g["wd"]:
            a.text_value = f"XXXX-WXX-{weekdays()[g['wd']]}"
        elif g["pod"]:
            a.text_value = f"XXXX-XX-XX{w.value('pod', g['pod'])}"
        else:
            unit = w.value("unit", g["u"]) or w.value("working_day", g["u"]) or "1D"
            t = "T" if unit.startswith("T") else ""
            a.text_value = f"P{t}{_fmt_n(n * float(unit.lstrip('T')[:-1]))}{unit[-1]}"
        return a
    if name == "times":
        unit = w.value("unit", w.value("unit_se", g["se"]) or "") or "1D"
        t = "T" if unit.startswith("T") else ""
        a.kind = "set"
        a.text_value = f"P{t}{unit.lstrip('T')}"
        return a
    if name == "holiday":
        a.kind = "holiday"
        a.holiday = holidays().names[" ".join(g["h"].split())] if " ".join(g["h"].split()) in holidays().names else None
        a.y = int(g["y"]) if g["y"] else None
        return a if a.holiday else None
    if name == "anniv":
        subject = g["s1"] or g["s2"]
        if not subject:
            return None
        founded = holidays().anniv[" ".join(subject.split())]
        try:
            a.anchor = founded.replace(year=founded.year + int(g["n"]))
        except ValueError:
            return None
        a.kind = "day"
        return a
    return None


def _valid_day(a: _Atom) -> bool:
    if a.m is None or a.d is None or not 1 <= a.m <= 12 or a.d < 1:
        return False
    last = calendar.monthrange(a.y or 2000, a.m)[1]
    if a.d > last:
        return False
    return a.end_atom is None or _valid_day(a.end_atom)


# ---------------------------------------------------------------- selection and merges


def _atoms(text: str) -> list[_Atom]:
    p = _patterns()
    skip_starts, skip_ends = _union(sorted((m.start(), m.end()) for rx in p.skip for m in rx.finditer(text)))
    cands: list[_Atom] = []
    resume = [0] * len(p.regexes)  # like finditer: one pattern's matches do not overlap
    previous_digit = -2
    for tok in _TOKEN.finditer(text):
        t = tok.group(0)
        if t.isdigit():
            if tok.start() == previous_digit + 1:
                previous_digit = tok.start()
                continue
            previous_digit = tok.start()
            key = "#"
        else:
            key = t.lower()
        for i in p.firsts.get(key, ()):
            if tok.start() < resume[i]:
                continue
            name, rx, prio = p.regexes[i]
            m = rx.match(text, tok.start())
            if m is None or m.end() == m.start():
                continue
            resume[i] = m.end()
            k = bisect_left(skip_starts, m.end())  # the skips that start before the match ends
            if k and skip_ends[k - 1] > m.start():
                continue
            atom = _make_atom(name, m, text, prio)
            if atom is not None:
                cands.append(atom)
    cands.sort(key=lambda a: (-((a.paren_end or a.end) - int(a.extra.get("paren_start", a.start))), a.prio, a.start))  # type: ignore[call-overload]
    taken: list[_Atom] = []
    starts: list[int] = []  # the taken atoms' extents, disjoint and sorted: their ends sort the same way
    ends: list[int] = []
    for a in cands:
        lo = int(a.extra.get("paren_start", a.start))  # type: ignore[call-overload]
        hi = a.paren_end or a.end
        k = bisect_left(starts, hi)  # taken extents before k start before this one ends
        if k and ends[k - 1] > lo:
            continue
        taken.append(a)
        starts.insert(k, lo)
        ends.insert(k, hi)
    taken.sort(key=lambda a: a.start)
    return taken


def _union(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts and ends of the union of sorted ``spans``: disjoint, so both lists are sorted."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if ends and s < ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _is_dayish(a: _Atom) -> bool:
    return a.kind == "day" and a.end_atom is None


def _attach(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Weekday/deixis + (d/m); day + part of day; day + clock time; weekday + full date."""
    out: list[_Atom] = []
    for b in atoms:
        if out:
            a = out[-1]
            b_lo = b.extra.get("paren_start", b.start)
            gap = text[a.end:b_lo]
            blank = re.fullmatch(_S0, gap) is not None
            if (b.paren_end is not None and blank and a.kind == "day" and a.end_atom is None
                    and (a.wd is not None or a.rel_unit == "D") and a.m is None and a.paren_end is None):
                a.y, a.m, a.d, a.closest = b.y, b.m, b.d, b.closest
                a.end = b.paren_end
                a.paren_end = b.paren_end
                a.merged = True
                continue
            if b.kind == "pod" and blank and gap and _is_dayish(a) and a.pod is None and a.hh is None:
                a.pod, a.end, a.merged = b.pod, b.end, True
                continue
            if (b.kind == "time" and re.fullmatch(rf"{_S0}(?:,{_S0})?", gap) and gap and _is_dayish(a) and a.hh is None):
                a.hh, a.mi, a.tz, a.end, a.merged = b.hh, b.mi, b.tz, b.end, True
                if b.end_atom is not None:
                    a.end_atom = replace(b.end_atom, y=a.y, m=a.m, d=a.d, wd=a.wd, rel_unit=a.rel_unit,
                                         rel_n=a.rel_n, future=a.future, closest=a.closest)
                continue
            if (a.kind == "day" and a.wd is not None and a.m is None and b.kind == "day" and b.m is not None
                    and b.wd is None and b.rel_unit is None and re.fullmatch(rf"{_S0},?{_S0}", gap)):
                a.y, a.m, a.d, a.closest, a.end, a.merged = b.y, b.m, b.d, b.closest, b.end, True
                a.hh, a.mi, a.tz, a.pod = b.hh, b.mi, b.tz, b.pod
                continue
        out.append(b)
    return out


def _rangeable(a: _Atom, b: _Atom) -> bool:
    if a.end_atom is not None or b.end_atom is not None:
        return False
    if a.kind in {"day", "time"} and b.kind in {"day", "time"}:
        if a.rel_unit or b.rel_unit:
            return False
        if (a.hh is None) != (b.hh is None):
            return False
        if a.wd is not None and a.m is None:
            return b.m is not None or b.wd is not None
        return a.m is not None and b.m is not None or a.kind == b.kind == "time"
    return a.kind == b.kind and a.kind in {"month", "year", "quarter"}


def _ranges(text: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    gap_rx = _patterns().range_gap
    for b in atoms:
        if out:
            a = out[-1]
            if gap_rx.fullmatch(text[a.end:b.start]) and _rangeable(a, b):
                if a.kind == "year" and b.kind == "year":
                    a.start = int(a.extra.get("digits_start", a.start))  # type: ignore[arg-type]
                    a.mod = b.mod = None
                if a.y is None and b.y is not None:
                    a.y = b.y - (1 if (a.m or 0) > (b.m or 0) else 0)
                if a.wd is not None and a.m is None and b.m is not None:
                    a.extra["anchor_end"] = True
                a.end_atom = b
                a.end = b.end
                a.weak = b.weak = False
                a.merged = True
                continue
        out.append(b)
    return out


def _year_suffix(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """``September tahun lalu``, ``Januari-September tahun ini``, ``Lebaran tahun lalu``."""
    out: list[_Atom] = []
    for b in atoms:
        if out:
            a = out[-1]
            if (b.kind == "rel" and b.rel_unit == "Y" and b.mod is None and re.fullmatch(_S, text[a.end:b.start])
                    and a.kind in {"month", "day", "quarter", "holiday"} and a.y is None and a.wd is None
                    and a.rel_unit is None):
                a.extra["rel_year"] = b.rel_n
                if a.end_atom is not None:
                    a.end_atom.extra["rel_year"] = b.rel_n
                a.end, a.weak, a.month_dir = b.end, False, 0
                continue
        out.append(b)
    return out


# ---------------------------------------------------------------- values


def _year_for_month(month: int, ref: dt.date, direction: int, day: int | None = None) -> int:
    """The year of a month (or day) written without one: recent past for ``lalu``, next for ``mendatang``,
    else the reference year, moving a far-future month back a year and an early month forward in December."""
    y = ref.year
    here = (month, day or 1)
    now = (ref.month, ref.day if day else 1)
    if direction < 0:
        return y if here < now or (day is None and month < ref.month) else y - 1
    if direction > 0:
        return y if here > now or (day is None and month > ref.month) else y + 1
    if month - ref.month > 6:
        return y - 1
    if ref.month - month > 9:
        return y + 1
    return y


def _closest_year(month: int, day: int, ref: dt.date) -> int:
    best, best_gap = ref.year, None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            gap = abs((dt.date(y, month, day) - ref).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _add_units(day: dt.date, n: float, unit: str) -> dt.date | None:
    letter = unit[-1]
    if unit.startswith("T"):
        return None
    if letter == "D":
        return day + dt.timedelta(days=n)
    if letter == "W":
        return day + dt.timedelta(weeks=n)
    months_ = int(round(n * (12 if letter == "Y" else 1)))
    if letter not in "MY":
        return None
    y, m = _shift_month(day.year, day.month, months_)
    return dt.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def _week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _hijri_to_date(y: int, m: int, d: int) -> dt.date:
    """A Hijri date in Indonesia: the government's 1 Muharram of that year plus tabular month lengths."""

    def tabular(yy: int, mm: int, dd: int) -> dt.date:
        jd = dd + int(29.5 * (mm - 1) + 0.99) + (yy - 1) * 354 + (3 + 11 * yy) // 30 + 1948439 - 1
        return dt.date.fromordinal(jd - 1721425 + 1)

    first = tabular(y, 1, 1)
    table = holidays().hijri_new_year
    for gy in (first.year - 1, first.year, first.year + 1):
        official = table.get(gy)
        if official is not None and abs((official - first).days) <= 3:
            first = official
            break
    return first + (tabular(y, m, d) - tabular(y, 1, 1))


def _day_of(a: _Atom, ref: dt.date | None) -> dt.date | None:
    """The calendar day of a day atom, or None when it cannot be known."""
    if a.anchor is not None and a.wd is None:
        return a.anchor
    if a.hijri is not None:
        return _hijri_to_date(*a.hijri)
    if a.m is not None and a.d is not None:
        y = a.y
        if y is None:
            if ref is None:
                return None
            if "rel_year" in a.extra:
                y = ref.year + int(a.extra["rel_year"])  # type: ignore[call-overload]
            elif a.closest:
                y = _closest_year(a.m, a.d, ref)
            else:
                y = _year_for_month(a.m, ref, a.month_dir, a.d)
        try:
            return dt.date(y, a.m, a.d)
        except ValueError:
            return None
    if a.wd is not None:
        base = a.anchor or ref
        if base is None:
            return None
        back = (base.weekday() + 1 - a.wd) % 7
        ahead = (a.wd - base.weekday() - 1) % 7
        if a.anchor is not None:
            return base - dt.timedelta(days=back)
        if a.wd_dir < 0:
            return base - dt.timedelta(days=back or 7)
        if a.wd_dir > 0:
            return base + dt.timedelta(days=ahead or 7)
        return base + dt.timedelta(days=ahead) if a.future else base - dt.timedelta(days=back)
    if a.rel_unit == "D" and ref is not None:
        return ref + dt.timedelta(days=a.rel_n)
    if a.d is not None and a.m is None and ref is not None:  # tanggal 5: the closest such day of a month
        days = []
        for k in (-1, 0, 1):
            y, m = _shift_month(ref.year, ref.month, k)
            if a.d <= calendar.monthrange(y, m)[1]:
                days.append(dt.date(y, m, a.d))
        return min(days, key=lambda day: (abs((day - ref).days), day > ref)) if days else None
    return None


def _mod_interval(mod: str, gran: str, y: int, m: int | None = None) -> str | None:
    spec = date_words().value("mod_interval", f"{mod} {gran}")
    if spec is None:
        return None
    lo, hi = spec.split("/")
    if gran == "Y":
        return f"{y}-{lo}/{y}-{hi}"
    last = calendar.monthrange(y, m or 1)[1]
    hi = str(last) if hi == "L" else hi
    return f"{y}-{m:02d}-{int(lo):02d}/{y}-{m:02d}-{int(hi):02d}"


def _value(a: _Atom, ref: dt.date | None, intervals: bool) -> str | None:  # noqa: C901 (one dispatch)
    if a.text_value is not None and a.kind in {"duration", "set", "decade", "century"}:
        if a.kind == "duration" and intervals and a.span and ref is not None:
            direction, n, unit = a.span
            other = _add_units(ref, n * direction, unit)
            if other is not None:
                lo, hi = sorted((other, ref))
                return f"{lo.isoformat()}/{hi.isoformat()}"
        return a.text_value
    if a.kind == "day":
        if a.wd is not None and a.extra.get("anchor_end") and a.end_atom is not None:
            a.anchor = _day_of(a.end_atom, ref)
        day = _day_of(a, ref)
        if day is None:
            return None
        if a.hh is not None:
            return f"{day.isoformat()}T{a.hh:02d}:{a.mi or 0:02d}"
        if a.pod:
            return f"{day.isoformat()}{a.pod}"
        return day.isoformat()
    if a.kind == "time":
        if ref is None:
            return None
        return f"{ref.isoformat()}T{a.hh:02d}:{a.mi or 0:02d}"
    if a.kind == "month":
        y = a.y
        if y is None:
            if ref is None:
                return None
            y = ref.year + int(a.extra["rel_year"]) if "rel_year" in a.extra else _year_for_month(a.m or 1, ref, a.month_dir)  # type: ignore[call-overload]
        if intervals and a.mod:
            return _mod_interval(a.mod, "M", y, a.m)
        return f"{y}-{a.m:02d}"
    if a.kind == "year":
        if intervals and a.mod:
            return _mod_interval(a.mod, "Y", a.y or 0)
        return str(a.y)
    if a.kind == "quarter" and a.part:
        y = a.y
        if y is None:
            if ref is None:
                return None
            y = ref.year + int(a.extra.get("rel_year", 0))  # type: ignore[call-overload]
        return f"{y}-{a.part[0]}{a.part[1]}"
    if a.kind == "rel" and ref is not None:
        if a.rel_unit == "D":
            return (ref + dt.timedelta(days=a.rel_n)).isoformat()
        if a.rel_unit == "W":
            return _week(ref + dt.timedelta(weeks=a.rel_n))
        if a.rel_unit == "M":
            y, m = _shift_month(ref.year, ref.month, a.rel_n)
            if intervals and a.mod:
                return _mod_interval(a.mod, "M", y, m)
            return f"{y}-{m:02d}"
        if a.rel_unit == "Y":
            if intervals and a.mod:
                return _mod_interval(a.mod, "Y", ref.year + a.rel_n)
            return str(ref.year + a.rel_n)
        return None
    if a.kind == "weekend" and ref is not None:
        base = ref + dt.timedelta(weeks=a.rel_n)
        sat = base + dt.timedelta(days=5 - base.weekday())
        return f"{sat.isoformat()}/{(sat + dt.timedelta(days=1)).isoformat()}"
    if a.kind == "holiday" and a.holiday:
        y = a.y
        if y is None:
            if ref is None:
                return None
            y = ref.year + int(a.extra.get("rel_year", 0))  # type: ignore[call-overload]
        table = holidays()
        if a.holiday in table.fixed:
            mm, dd = table.fixed[a.holiday]
            return dt.date(y, mm, dd).isoformat()
        day = table.dates.get(a.holiday, {}).get(y)
        return day.isoformat() if day else None
    return None


def _type(a: _Atom) -> str:
    if a.kind in {"duration", "set"}:
        return "DURATION" if a.kind == "duration" else "SET"
    if a.hh is not None or a.pod is not None or a.kind == "time":
        return "TIME"
    return "DATE"


def find_dates(text: str, reference_date: dt.date | None = None, *, intervals: bool = False) -> list[DateHit]:
    """Temporal expressions in ``text``, in order, resolved against ``reference_date`` (the publication day).

    ``value`` follows the TIMEX3 gold conventions; ``interval`` is set when the expression also denotes an
    approximate calendar interval (modified ``akhir tahun ini`` -> ``2018-10/2018-12``, anchored ``tiga bulan
    terakhir`` -> ``2018-05-07/2018-08-07``, ``sejak 2010`` -> ``2010/2018-08-07``). ``intervals=True`` makes
    that interval the ``value`` (and its text, e.g. ``sejak 2010``, the hit's text)."""
    if isinstance(reference_date, dt.datetime):
        reference_date = reference_date.date()
    atoms = _year_suffix(text, _ranges(text, _attach(text, _atoms(text))))
    hits: list[DateHit] = []
    for a in atoms:
        if a.weak or a.kind == "pod":
            continue
        plain_start, plain = _resolve(text, a, reference_date, False)
        wide_start, wide = _resolve(text, a, reference_date, True)
        interval = wide if wide != plain else None
        if intervals:
            start, value, interval = wide_start, wide, None
        else:
            start, value = plain_start, plain
        hits.append(DateHit(start, a.end, text[start:a.end], _type(a), value, a.tz, interval))
    return hits


def _resolve(text: str, a: _Atom, reference_date: dt.date | None, intervals: bool) -> tuple[int, str | None]:
    """The start and value of one expression, as a TIMEX3 value or (``intervals``) an approximate interval."""
    start = a.start
    if intervals and a.kind == "year" and a.mod is None and _in(_prev_word(text, a.start), "since"):
        since = _prev_word(text, a.start)
        start = text.rfind(since, 0, a.start)
    value = _value(a, reference_date, intervals)
    if a.end_atom is not None and a.kind not in {"duration", "set"}:
        second = a.end_atom
        if second.y is None and a.y is not None and second.m is not None and a.m is not None:
            second.y = a.y + (1 if second.m < a.m else 0)
        if "rel_year" in a.extra and second.y is None:
            second.extra["rel_year"] = a.extra["rel_year"]
        if a.kind == "time" and second.kind == "time":
            second.y, second.m, second.d = a.y, a.m, a.d
        v2 = _value(second, reference_date, intervals)
        if a.kind in {"month", "year"}:
            value = _value(replace(a, mod=None, end_atom=None), reference_date, False)
            v2 = _value(replace(second, mod=None), reference_date, False)
        value = f"{value}/{v2}" if value and v2 else None
    elif intervals and start != a.start and value and reference_date is not None:
        value = f"{value.split('/')[0]}/{reference_date.isoformat()}"
    return start, value
