"""People: PERSON mentions clustered into one entry per person, with aliases and roles.

``H.Ismail`` and ``Ismail`` are one person (honorifics stripped, words shared); ``Joko Widodo`` and
``Jokowi`` are one when the text links them (``akrab disapa``, ``alias``, a bracket) or when the short
form is built from the full name's syllables (``Jokowi``, ``Djanur``) or initials (``SBY``).
Roles come from appositions: ``ROLE NAME`` (``Kepala Dinas Koperasi dan UKM Tanjungbalai Nedi Hamlet``),
``NAME, ROLE,``, ``NAME selaku ROLE`` and ``NAME, yang juga ROLE``, as written.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from idnews_extract.extractors.cues import DEMONSTRATIVES, lexicon, skip_openers
from idnews_extract.extractors.entity_rules import (
    ROLE_KINDS,
    Span,
    Tok,
    _lang,
    _title_at,
    strip_honorifics,
    tokenize,
)

__all__ = ["PersonCluster", "cluster_people", "find_roles"]

logger = logging.getLogger(__name__)

_ROLE_CONNECTORS = frozenset({"dan", "untuk", "&", "of", "for", "and", "the", "di", "dari", "pada"})
_MAX_ROLE_TOKENS = 16
_ROLE_JOINERS = frozenset({"sekaligus", "merangkap"})
_MAX_JOINED = 3
_AGE = re.compile(r" ?\(\d{1,2}( tahun)?\)")  # Robit (35), Robit (35 tahun)
_MAX_DESCRIPTOR_WORDS = 4
_ALIAS_WINDOW = 40  # characters between a name and its linked alias
_ROLE_ENDS = frozenset({"stop", "example"})  # title kinds a role phrase does not run past
_ANAPHOR_PARAGRAPHS = 3  # paragraph breaks between a person and a role that refers back to them
#: Where a clause opens: the text's start, after a sentence or clause mark or a line end, after menurut.
_CLAUSE_START = re.compile(r'(?:\A|[.,;:!?"“”\n]|(?<!\w)[Mm]enurut)\s*')
#: A lower-case word with an active verb prefix (meN-) is no part of a role: penonton juga dapat menikmati ...
_ACTIVE_VERB = re.compile(r"me(?!reka|nengah)(?:ng|ny|m[bpf]|n[cdjstz]|[lrw]|[mn][aeiou])")  # not mereka, menengah
#: After a role, a ber- word ends it too (atlet renang indah | berhasil menambah); before a name ber- words
#: describe (gelandang bertahan Casemiro).
_VERB = re.compile(rf"{_ACTIVE_VERB.pattern}|ber[a-z]{{3}}")


@dataclass(frozen=True, slots=True)
class PersonCluster:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]
    standing: str | None = None


@cache
def _alias_cues() -> tuple[str, ...]:
    """Phrases that introduce another name for the same person (``akrab disapa``, ``alias``)."""
    return tuple(sorted((form for form, _ in _lang("alias_cues.tsv")), key=len, reverse=True))


# ---------------------------------------------------------------- roles


def _role_word(tok: Tok) -> bool:
    """Inside a capitalised role: capitalised words, acronyms, numbers (Komisi VII), brackets, connectors, commas."""
    return (
        (tok.is_word and (tok.is_cap or tok.text[0].isdigit()))
        or tok.text in "(),"
        or tok.text in _ROLE_CONNECTORS
    )


def _title_starts(toks: list[Tok], lo: int, hi: int) -> list[tuple[int, int, frozenset[str]]]:
    out = []
    k = lo
    while k < hi:
        n, kinds = _title_at(toks, k)
        if n and kinds & ROLE_KINDS:
            out.append((k, n, kinds))
            k += n
        else:
            k += 1
    return out


def _role_before(text: str, toks: list[Tok], m: int, floor: int = 0, joined: int = 0) -> list[tuple[int, int]]:
    """Role phrase(s) ending right before token ``m`` (the mention's first token); ``floor`` is the first
    token after the previous PERSON mention, which a role never crosses; ``joined`` counts the roles
    already read after a ``sekaligus`` (at most :data:`_MAX_JOINED`)."""
    if m > floor and toks[m - 1].text == ",":  # ROLE, NAME: menurut pengamat pangan, Anton Apriyantono
        m -= 1
    for back in (1, 2):  # ROLE yakni NAME, ROLE seperti NAME
        n, kinds = _title_at(toks, m - back) if m - back > floor else (0, frozenset())
        if n == back and "example" in kinds:
            m -= back
            break
    lo = m
    while lo > floor and m - lo < _MAX_ROLE_TOKENS:
        prev = toks[lo - 1]
        if prev.text == "," and lo < m and _inner_comma(toks, lo):
            lo -= 1
            continue
        if toks[lo].start - prev.end > 1 or "\n" in text[prev.end : toks[lo].start]:
            break
        if prev.is_word or prev.text in "()-/&":
            lo -= 1
        else:
            break
    start = None
    heads = _title_starts(toks, lo, m)
    for k, n, kinds in reversed(heads):  # nearest head first, extended left while only role words lie between
        words = toks[k + n : m]
        if all(_role_word(t) for t in words):
            start = k
        elif start is None and "descriptor" in kinds and sum(1 for t in words if not _role_word(t)) <= _MAX_DESCRIPTOR_WORDS:
            stop = next((q for q in range(k, m) if _title_at(toks, q)[1] & _ROLE_ENDS), None)
            if any(_ACTIVE_VERB.match(t.text) or "link" in _title_at(toks, q)[1] for q, t in enumerate(words, k + n)
                   if not t.is_cap and (stop is None or q < stop)):
                break  # a clause, not a role: penonton juga dapat menikmati akting X, Korban pembunuhan merupakan ...
            if stop is None:
                start = k
            elif stop > k and "origin" in _title_at(toks, stop)[1] and _origin_phrase(toks, stop + 1, m):
                # the role ends where the origin begins: Gelandang anyar Persib | asal Ghana, Michael Essien
                start, m = k, stop
            break
        else:
            break
    if start is None:
        return []
    while start > lo and "modifier" in _title_at(toks, start - 1)[1]:
        start -= 1
    roles = [r for r in _split_roles(toks, start, m) if _balanced(text[r[0] : r[1]])]
    if joined < _MAX_JOINED and start - 1 > floor and toks[start - 1].text.lower() in _ROLE_JOINERS:
        # two roles joined: pengamat penerbangan sekaligus anggota Ombudsman, Alvin Lie
        roles = _role_before(text, toks, start - 1, floor, joined + 1) + roles
    return roles


def _clause_word(word: str) -> bool:
    """A pronoun or an adverb between a subject and its verb (``ia``, ``juga``, ``sudah``): no role goes on
    past it."""
    lex = lexicon()
    return lex.in_cat("pronoun", word) or lex.in_cat("adverb", word)


def _origin_phrase(toks: list[Tok], a: int, b: int) -> bool:
    """Tokens ``a:b`` name where someone is from (``Ghana``, ``Institut Teknologi Bandung (ITB),``):
    role words only, starting with a capitalised one."""
    return a < b and toks[a].is_cap and all(_role_word(t) for t in toks[a:b])


def _balanced(role: str) -> bool:
    return role.count("(") == role.count(")")


def _inner_comma(toks: list[Tok], k: int) -> bool:
    """A comma inside a capitalised role (``Divisi Sosialisasi, Partisipasi Masyarakat, dan Sumber Daya``):
    a capitalised word or ``dan`` follows, and it does not start a new title."""
    nxt = toks[k]
    return (nxt.is_cap or nxt.text == "dan") and not _title_at(toks, k)[0]


def _split_roles(toks: list[Tok], start: int, end: int) -> list[tuple[int, int]]:
    """``Direktur Zeni AD Brigadir Jenderal TNI`` -> two roles: a new title after a non-title word starts one."""
    cuts = [start]
    prev_title = False
    k = start
    while k < end:
        n, kinds = _title_at(toks, k)
        is_title = bool(n and kinds & {"head", "rank", "modifier"})
        if is_title and k > start and not prev_title and toks[k].is_cap and toks[k - 1].text not in _ROLE_CONNECTORS:
            cuts.append(k)
        prev_title = is_title
        k += n if n else 1
    cuts.append(end)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        while b > a and (toks[b - 1].text in "(," or toks[b - 1].text in _ROLE_CONNECTORS):  # peneliti | di
            b -= 1
        if b > a:
            out.append((toks[a].start, toks[b - 1].end))
    return out


def _role_after(text: str, toks: list[Tok], e: int, ceiling: int) -> list[tuple[int, int]]:
    """``NAME, ROLE,``, ``NAME selaku ROLE`` and ``NAME, yang juga ROLE``: token ``e`` follows the mention;
    ``ceiling`` is the next PERSON mention's first token (a title right before it is that person's:
    ``X, Wakil Gubernur Y``)."""
    k = e
    if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 1].text.isdigit() and toks[k + 2].text == ")":
        k += 3  # an age: Iqbal Ilham (31), pekerja swasta
    if k < len(toks) and toks[k].text == "(":  # NAME (ROLE)
        n, kinds = _title_at(toks, k + 1)
        close = next((q for q in range(k + 1, min(len(toks), k + _MAX_ROLE_TOKENS)) if toks[q].text in ")\n"), None)
        if n and kinds & {"head", "descriptor", "rank"} and close is not None and close > k + 1:
            return [(toks[k + 1].start, toks[close - 1].end)]
        return []
    comma = k < len(toks) and toks[k].text == ","
    if comma:
        k += 1
    n, kinds = _title_at(toks, k)
    if n and "link" in kinds:  # NAME selaku ROLE, NAME, yang juga ROLE
        k += n
    elif not comma:
        return []
    n, kinds = _title_at(toks, k)
    start = k
    while n and "modifier" in kinds and not kinds & {"head", "descriptor", "rank"}:
        k += n
        n, kinds = _title_at(toks, k)
    if not (n and kinds & {"head", "descriptor", "rank"}):
        return []
    j = _role_end(toks, k, n, kinds, min(len(toks), start + _MAX_ROLE_TOKENS, ceiling))
    if j >= ceiling:
        return []
    while j > start and (toks[j - 1].text in "(" or toks[j - 1].text in _ROLE_CONNECTORS):
        j -= 1
    if j < len(toks) and toks[j].text not in ",.;:\"“”!?" and not _title_at(toks, j)[1] & _ROLE_ENDS and toks[k].is_cap:
        # a capitalised role must end at punctuation; otherwise it is the start of a new clause
        if not (j < len(toks) and toks[j].is_word and not toks[j].is_cap):
            return []
    return _split_roles(toks, start, j) if j > start else []


def _role_end(toks: list[Tok], k: int, n: int, kinds: frozenset[str], limit: int) -> int:
    """Where the role whose title (``n`` tokens of ``kinds``) starts at token ``k`` ends, before ``limit``:
    capitalised words, numbers, brackets and connectors, and after a descriptor or a title written in lower
    case up to four lower-case words before a capitalised complement; punctuation, a stop word (``itu``,
    ``yang``), a verb, an adverb or a pronoun ends it (``kepala desa Sukamaju`` | ``hadir``, ``atlet renang``
    | ``berhasil``, ``buruh`` | ``juga menuntut``)."""
    j, lower = k + n, 0
    named = False  # a capitalised complement was read: lower-case words no longer continue the role
    while j < limit:
        t = toks[j]
        if t.text in ",.;:\"“”!?" or _title_at(toks, j)[1] & _ROLE_ENDS:
            break
        if _role_word(t):
            named = named or t.is_cap
        elif (t.is_word and ("descriptor" in kinds or not toks[k].is_cap) and lower < _MAX_DESCRIPTOR_WORDS
              and not named and not _VERB.match(t.text) and not _clause_word(t.text)):
            lower += 1
        else:
            break
        j += 1
    return j


def _anaphoric_roles(text: str, toks: list[Tok], mentions: list[tuple[int, int]]) -> list[tuple[int, tuple[int, int]]]:
    """Roles that refer back to the last person named: a public title opening a clause and closed by a
    demonstrative (``Di sektor kelistrikan, politisi Partai Golkar itu mengapresiasi ...``, ``Mantan Wali
    Kota Blitar ini juga ...``). Returns ``(mention index, role span)`` pairs; the person must be named
    at most :data:`_ANAPHOR_PARAGRAPHS` paragraphs back, and no name may stand inside the phrase."""
    out: list[tuple[int, tuple[int, int]]] = []
    starts = [s for s, _ in mentions]
    tok_starts = [t.start for t in toks]
    demonstratives = [k for k, t in enumerate(toks) if t.text in DEMONSTRATIVES]  # most clauses have none
    for opening in _CLAUSE_START.finditer(text):
        k = bisect_left(tok_starts, opening.end())
        if k == len(toks) or tok_starts[k] != opening.end():
            continue
        d = bisect_left(demonstratives, k)
        if d == len(demonstratives) or demonstratives[d] - k > _MAX_ROLE_TOKENS:
            continue
        first = q = skip_openers(toks, k, lexicon())  # type: ignore[arg-type]
        n, kinds = _title_at(toks, q)
        while n and "modifier" in kinds and not kinds & {"head", "descriptor"}:
            q += n
            n, kinds = _title_at(toks, q)
        if not (n and kinds & {"head", "descriptor"}) or "private" in kinds:
            continue
        j = _role_end(toks, q, n, kinds, min(len(toks), k + _MAX_ROLE_TOKENS))
        if not (j + 1 < len(toks) and toks[j].text in DEMONSTRATIVES and toks[j - 1].text not in _ROLE_CONNECTORS):
            continue
        after = toks[j + 1]
        if after.text == ",":
            if j + 2 < len(toks) and toks[j + 2].start in starts:  # Politisi X itu, Rina Wati, ...: a new person
                continue
        elif not (after.is_word and not after.is_cap):
            continue
        start, end = toks[first].start, toks[j - 1].end
        m = bisect_left(starts, end) - 1  # the last mention starting before the phrase ends
        if m < 0 or mentions[m][1] > start or text.count("\n\n", mentions[m][1], start) > _ANAPHOR_PARAGRAPHS:
            continue
        out.append((m, (start, end)))
    return out


def standing(roles: list[str] | tuple[str, ...], *, aged: bool = False) -> str | None:
    """``"public"`` when a role is an office, a rank or a public descriptor (``Kepala Dinas``, ``pengamat``),
    ``"private"`` when the roles only describe a private person (``warga Cipayung``, ``pedagang``) or, with
    no such role, the text gives the person's age (``Robit (35)``: news writes ages for private people),
    else ``None``. The first title of each role decides it."""
    kinds: set[str] = set()
    for role in roles:
        first = _first_title_kinds(tokenize(role))
        kinds.add("private" if "private" in first else "public" if first & ROLE_KINDS else "")
    if "public" in kinds:
        return "public"
    return "private" if "private" in kinds or aged else None


def _first_title_kinds(toks: list[Tok]) -> frozenset[str]:
    """The kinds of the first title phrase among ``toks`` (empty when there is none)."""
    for k in range(len(toks)):
        n, kinds = _title_at(toks, k)
        if n:
            return kinds
    return frozenset()


def _tok_start(tok: Tok) -> int:
    return tok.start


def _tok_end(tok: Tok) -> int:
    return tok.end


def find_roles(
    text: str,
    start: int,
    end: int,
    toks: list[Tok] | None = None,
    previous_end: int = 0,
    next_start: int | None = None,
) -> list[str]:
    """Roles given to the mention ``text[start:end]`` by an apposition, as written.

    ``previous_end``/``next_start`` bound the search by the neighbouring PERSON mentions.
    """
    toks = tokenize(text) if toks is None else toks
    # tokens are in text order, so the first token past a position is found by bisection (per mention)
    m = bisect_right(toks, start, key=_tok_end)
    e = bisect_left(toks, end, key=_tok_start)
    floor = bisect_left(toks, previous_end, key=_tok_start)
    ceiling = len(toks) if next_start is None else bisect_left(toks, next_start, key=_tok_start)
    spans = _role_before(text, toks, m, min(floor, m)) + _role_after(text, toks, e, ceiling)
    return [text[a:b] for a, b in spans]


# ---------------------------------------------------------------- clustering


def _core(name: str) -> str:
    return " ".join(strip_honorifics(name).split())


def _blend_of(short: str, words: list[str]) -> bool:
    """``Jokowi`` from ``Joko Widodo``, ``Djanur`` from ``Djadjang Nurdjaman``: prefixes of consecutive words."""
    s = short.lower()
    if len(words) < 2 or len(s) < 4:
        return False
    ws = [w.lower() for w in words]

    @cache  # memoised: without it, repeated letters make the search exponential in the number of words
    def rec(pos: int, wi: int, used: int) -> bool:
        used = min(used, 2)
        if pos == len(s):
            return used >= 2
        if wi >= len(ws):
            return False
        w = ws[wi]
        for n in range(min(len(w), len(s) - pos), 1, -1):
            if s[pos : pos + n] == w[:n] and rec(pos + n, wi + 1, used + 1):
                return True
        return False

    return any(rec(0, i, 0) for i in range(len(ws) - 1))


def _shortened(short: str, words: list[str]) -> bool:
    """``Sandi`` for ``Sandiaga Uno``, ``Rini`` for ``Harin Riandrini``: at least four letters clipped off the
    front of the first name or off the end of any name word (two letters or more cut away)."""
    if len(short) < 4 or len(words) < 2:
        return False
    low = short.lower()
    return (words[0] != short and words[0].startswith(short)) or any(
        len(w) >= len(low) + 2 and w.lower().endswith(low) for w in words
    )


def _initials_of(short: str, words: list[str]) -> bool:
    return len(short) >= 2 and short.isupper() and len(words) == len(short) and all(
        w[:1].upper() == c for w, c in zip(words, short)
    )


def _linked_pairs(text: str, mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Index pairs of neighbouring mentions joined by an alias cue (``yang akrab disapa``, ``alias``,
    ``, sapaan akrab``) or a bracket (``Joko Widodo (Jokowi)``)."""
    pairs = []
    cues = set(_alias_cues())
    for a in range(len(mentions) - 1):
        e1, s2 = mentions[a][1], mentions[a + 1][0]
        if s2 - e1 > _ALIAS_WINDOW:
            continue
        between = " ".join(text[e1:s2].replace(",", " ").split()).lower()
        if between.startswith("yang "):
            between = between[5:]
        if between == "(" or between in cues:
            pairs.append((a, a + 1))
    return pairs


def cluster_people(text: str, entities: list[Span], toks: list[Tok] | None = None) -> list[PersonCluster]:
    """PERSON mentions of ``entities`` grouped into people, in order of first mention.

    ``name`` is the fullest form without honorifics (``Ismail`` for ``H.Ismail``), ``aliases`` every other
    surface form, ``roles`` the appositive titles as written, ``mentions`` the sorted char spans.
    ``toks`` is ``tokenize(text)`` when the caller has it already.
    """
    mentions = sorted({(s, e) for s, e, label in entities if label == "PERSON" and e > s})
    if not mentions:
        return []
    toks = tokenize(text) if toks is None else toks
    surfaces = [text[s:e] for s, e in mentions]
    surface_set = set(surfaces)
    cores = [_core(x) or x for x in surfaces]
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    for a, b in _linked_pairs(text, mentions):
        union(a, b)
    # fullest forms first: each shorter form joins the nearest earlier (else any) fuller form containing it
    for i, j in _best_fuller_forms(mentions, cores):
        union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(find(i), []).append(i)
    anaphoric: dict[int, list[str]] = {}  # cluster root -> roles said of it later (politisi Partai Golkar itu)
    for i, (a, b) in _anaphoric_roles(text, toks, mentions):
        anaphoric.setdefault(find(i), []).append(text[a:b])
    clusters = []
    for idx in sorted(groups.values(), key=lambda g: mentions[g[0]][0]):
        first: dict[str, int] = {}  # each core's first mention (a dict: the list lookup was quadratic)
        for i in idx:
            first.setdefault(cores[i], i)
        name = max(first, key=lambda c: (len(c.split()), len(c), -first[c]))
        aliases: list[str] = []
        found: list[str] = []
        for i in idx:
            for form in (surfaces[i], cores[i]):
                if form != name and form not in aliases and form.strip():
                    aliases.append(form)
            prev_end = mentions[i - 1][1] if i > 0 else 0
            next_start = mentions[i + 1][0] if i + 1 < len(mentions) else None
            found += find_roles(text, *mentions[i], toks=toks, previous_end=prev_end, next_start=next_start)
        distinct: dict[str, str] = {}  # the first of the roles that differ only in case (Politisi, politisi)
        for role in found + anaphoric.get(idx[0], []):
            distinct.setdefault(role.lower(), role)
        roles = list(distinct.values())
        clusters.append(
            PersonCluster(
                name=name,
                aliases=tuple(a for a in aliases if a in surface_set),
                roles=tuple(roles),
                mentions=tuple(mentions[i] for i in idx),
                standing=standing(roles, aged=any(_AGE.match(text, mentions[i][1]) for i in idx)),
            )
        )
    return clusters


def _could_join(short: list[str], full: list[str]) -> bool:
    """Whether a mention whose core has words ``short`` may join one with the fuller core ``full``."""
    if _contains(full, short):
        return True
    return len(short) == 1 and (_blend_of(short[0], full) or _initials_of(short[0], full) or _shortened(short[0], full))


def _best_fuller_forms(mentions: list[tuple[int, int]], cores: list[str]) -> list[tuple[int, int]]:
    """For each mention ``i``, the mention ``j`` it joins: the nearest earlier (else the nearest later) one whose
    core is ``i``'s or fuller and contains it (ties: more words, then earlier in the text); ``(i, j)`` pairs.

    Names repeat, so the predicate runs once per pair of distinct cores, and only for cores that share a word
    or a word's first letters; the nearest mention of a core is found by bisection. Near-linear in mentions.
    """
    words = {c: c.split() for c in cores}
    by_core: dict[str, list[int]] = {}
    for i, c in enumerate(cores):
        by_core.setdefault(c, []).append(i)
    starts = {c: [mentions[k][0] for k in idx] for c, idx in by_core.items()}
    rank = {j: r for r, j in enumerate(sorted(range(len(mentions)), key=lambda k: (-len(cores[k].split()), mentions[k][0])))}
    # indexes that name every core a core may join (a superset: _could_join decides)
    with_word: dict[str, set[str]] = {}  # _contains: every word of the shorter core is in the fuller one
    clipped: dict[str, set[str]] = {}  # _shortened: the first word starts, or a word ends, with the short form (lower case)
    initials: dict[str, set[str]] = {}  # _initials_of
    pair2: dict[tuple[str, str], set[str]] = {}  # _blend_of: two-letter starts of consecutive words
    for c, ws in words.items():
        for w in ws:
            with_word.setdefault(w, set()).add(c)
        if ws:
            for n in range(4, len(ws[0])):
                clipped.setdefault(ws[0][:n].lower(), set()).add(c)
            initials.setdefault("".join(w[:1].upper() for w in ws), set()).add(c)
        for w in ws if len(ws) > 1 else ():
            for n in range(4, len(w) - 1):
                clipped.setdefault(w[-n:].lower(), set()).add(c)
        for a, b in zip(ws, ws[1:]):
            pair2.setdefault((a[:2].lower(), b[:2].lower()), set()).add(c)
    pairs: list[tuple[int, int]] = []
    for ci, idx in by_core.items():
        wi = words[ci]
        if not wi:
            continue
        pool = set(min((with_word.get(w, set()) for w in wi), key=len))
        if len(wi) == 1:
            w = wi[0]
            pool |= initials.get(w, set())
            if len(w) >= 4:
                low = w.lower()
                pool |= clipped.get(low, set())
                for n in range(2, len(low) - 1):
                    pool |= pair2.get((low[:2], low[n : n + 2]), set())
        targets = [cj for cj in pool if cj != ci and len(words[cj]) >= len(wi) and _could_join(wi, words[cj])]
        for p, i in enumerate(idx):
            s_i = mentions[i][0]
            best: tuple[tuple[int, int], int, int] | None = None
            if p > 0:  # the same core, earlier
                j = idx[p - 1]
                best = ((0, s_i - mentions[j][0]), rank[j], j)
            for cj in targets:
                js, ss = by_core[cj], starts[cj]
                k = bisect_right(ss, s_i)
                if k > 0:  # the nearest at or before i: every mention starting there
                    lo = bisect_left(ss, ss[k - 1])
                    run, key = js[lo:k], (0, s_i - ss[k - 1])
                else:  # else the nearest after
                    hi = bisect_right(ss, ss[0])
                    run, key = js[:hi], (1, ss[0] - s_i)
                j = min(run, key=rank.__getitem__)
                if best is None or (key, rank[j]) < best[:2]:
                    best = (key, rank[j], j)
            if best is not None:
                pairs.append((i, best[2]))
    return pairs


def _contains(full: list[str], part: list[str]) -> bool:
    """``part`` is a contiguous run of ``full``'s words, or its words all occur in ``full`` in order."""
    n = len(part)
    if any(full[k : k + n] == part for k in range(len(full) - n + 1)):
        return True
    it = iter(full)
    return n >= 2 and all(w in it for w in part)
