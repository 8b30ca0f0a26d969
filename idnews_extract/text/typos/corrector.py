"""Find typo, OCR, merged-word and di/ke spacing corrections in Indonesian news text.

Precision first: only words no source knows (and no affix analysis explains) are corrected, and the
best candidate must beat the hypothesis that the word is simply rare. Readings are ranked by a noisy
channel: the edit's plausibility (error model), the bigrams with both neighbours, and a document cache
(a word the text uses elsewhere is a likelier reading; an unknown word it repeats is likely genuine).
Capitalised words change only inside a known multiword name or by one cheap edit to a frequent
proper noun; acronyms, English words, URLs, e-mail addresses, handles, numbers and code-like tokens are never touched.
"""

from __future__ import annotations

import logging
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from idnews_extract.text.edits import Edit
from idnews_extract.text.typos import candidates as cands
from idnews_extract.text.typos.lexicon import SMOOTH, Lexicon, load
from idnews_extract.text.typos.morphology import affixes, is_derived

log = logging.getLogger(__name__)

TOKEN_RE = re.compile(r"[A-Za-z0-9]+")
# a chunk holding any of these is a URL, address, handle, path, hashtag or code: left alone
PROTECTED_RE = re.compile(r"@|#|://|www\.|[/\\_=<>{}\[\]~^|*+]|[A-Za-z0-9]\.[A-Za-z]{2,}")
SENTENCE_START_CHARS = frozenset(".!?\"'\u201c\u201d\u2018\u2019(:;\n")

COST_SCALE = 3.5  # nats per unit of edit cost
P_UNKNOWN = 1e-9  # unigram probability of an unknown word as a genuine rare word
P_DERIVED = 1e-7  # ... of an unlisted but regular derivation of a known root
WEAK_FREQ = 300  # a listed word at least this frequent (per 10^8) is trusted ...
STRONG_COUNT = 5  # ... and so is one seen this often in the news corpus
P_DICTIONARY = 1e-6  # unigram floor of a rare hunspell stem
MIN_NAME_COUNT = 2  # a lowercase token spelling a corpus-attested name is left alone
SPLIT_BONUS = 6.0  # nats: two known words joined by a space-bar slip explain a long unknown token well
MARGINS = {"unknown": 0.0, "weak": 4.0, "derived": 10.0, "dictionary": 8.0}  # nats a candidate must win by
SENTENCE_START_MARGIN = 2.0  # extra evidence a sentence-initial capitalised word needs
SENTENCE_START_MIN_BIGRAM = 2  # ... and it must be seen before the next word
DIGIT_MIN_FREQ = 100
MAX_COST = 1.3
NAME_BIGRAM_MIN = 3  # a capitalised word joins a multiword name seen this often
NAME_MIN_COUNT = 20  # a proper noun this frequent may absorb one cheap edit
NAME_SHARE = 0.8  # ... and written capitalised mid-sentence at least this often (not "Staf", "Kota")
NAME_MAX_COST = 0.55  # keyboard or OCR substitution only
SPACING_PREPS = ("di", "ke")
SPACING_MIN_BIGRAM = 3
SPACING_RATIO = 3.0
MIN_TOKEN = 3
MAX_TOKEN = 40  # longer tokens are not words; candidate generation is quadratic in length
SPLIT_SHORT_PART = 4
SPLIT_SHORT_BIGRAM = 2
CACHE_SIZE = 50_000
DERIVED_CANDIDATE_MIN_LEN = 6  # attested derivations news writes as names are proposed only for words this long ...
DERIVED_CANDIDATE_MAX_COST = 0.7  # ... and only one cheap edit away
CACHE_WEIGHT = 0.3  # weight of the document's own word distribution in the unigram mixture
CACHE_WINDOW = 2  # words each side that make two occurrences the same (a repeated passage)


@dataclass(frozen=True, slots=True)
class _Token:
    """A word token with its neighbours' lowercase forms (``None`` across punctuation)."""

    start: int
    end: int
    text: str
    prev: str | None
    next: str | None
    prev_cap: bool
    next_cap: bool
    sentence_start: bool
    in_compound: bool  # joined by a hyphen to another word (reduplication, compounds): left alone


_Raw = tuple[int, int, str]  # start, end, text of a word outside protected chunks


class _Doc:
    """Lowercase word counts of the text being corrected, the cache of a cache language model: counted
    on first use, since many texts have no token that needs them."""

    __slots__ = ("_counts", "_raw", "_total")

    def __init__(self, raw: list[_Raw]) -> None:
        self._raw = raw
        self._counts: dict[str, int] | None = None
        self._total = 1

    def bonus(self, word: str, p: float, *, own: bool) -> float:
        """log gain of ``word``'s unigram ``p`` mixed with its share of the document's other tokens."""
        counts = self._counts if self._counts is not None else self._count()
        c = counts.get(word, 0) - (1 if own else 0)
        if c <= 0:
            return 0.0
        return math.log1p(CACHE_WEIGHT * c / (self._total * p))

    def _count(self) -> dict[str, int]:
        """Count each word once per distinct surrounding words: a passage a scraped page repeats
        verbatim is one piece of evidence, so a duplicated typo does not vouch for itself."""
        words = [r[2].lower() for r in self._raw]
        seen: set[tuple[str, ...]] = set()
        counts: dict[str, int] = {}
        for i, low in enumerate(words):
            key = tuple(words[max(0, i - CACHE_WINDOW) : i + CACHE_WINDOW + 1])
            if key not in seen:
                seen.add(key)
                counts[low] = counts.get(low, 0) + 1
        self._counts, self._total = counts, max(1, len(seen))
        return counts


def _raw_tokens(text: str) -> list[_Raw]:
    """Word tokens outside protected chunks. Leaving the protected ones out keeps adjacency right: the
    text between a word and its listed neighbour is then never whitespace alone."""
    raw = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    if not raw:
        return raw
    spans: list[tuple[int, int]] = []  # whitespace-delimited chunks holding a protected pattern
    for m in PROTECTED_RE.finditer(text):  # no pattern spans whitespace: each match lies in one chunk
        if spans and m.start() < spans[-1][1]:
            continue
        start, end = m.start(), m.end()
        while start and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        spans.append((start, end))
    if not spans:
        return raw
    starts = [s for s, _ in spans]
    return [r for r in raw if not (k := bisect_right(starts, r[0])) or r[0] >= spans[k - 1][1]]


def _token(text: str, raw: list[_Raw], i: int) -> _Token:
    """Token ``i`` of ``raw`` with its whitespace-adjacent neighbours, sentence start and compound flag."""
    s, e, t = raw[i]
    prev = nxt = None
    prev_cap = next_cap = False
    before = raw[i - 1] if i else None
    after = raw[i + 1] if i + 1 < len(raw) else None
    if before is not None and text[before[1] : s].isspace():
        prev, prev_cap = before[2].lower(), before[2][:1].isupper()
    if after is not None and text[e : after[0]].isspace():
        nxt, next_cap = after[2].lower(), after[2][:1].isupper()
    j = s - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    sentence_start = j < 0 or text[j] in SENTENCE_START_CHARS or (j >= 1 and text[j] == "-" and text[j - 1] == " ")
    in_compound = (s >= 2 and text[s - 1] == "-" and text[s - 2].isalnum()) or (
        e + 1 < len(text) and text[e] == "-" and text[e + 1].isalnum()
    )
    return _Token(s, e, t, prev, nxt, prev_cap, next_cap, sentence_start, in_compound)


@cache
def _names_by_lower() -> dict[str, tuple[str, int]]:
    """Frequent proper nouns keyed by lowercase form (the most frequent casing wins)."""
    best: dict[str, tuple[str, int]] = {}
    for name, c in load().names.items():
        low = name.lower()
        if c >= NAME_MIN_COUNT and c >= NAME_SHARE * load().count.get(low, 0):
            if low not in best or c > best[low][1]:
                best[low] = (name, c)
    return best


def _is_part(lex: Lexicon, word: str) -> bool:
    """Good enough to be one half of a split merged word."""
    if len(word) < 3:
        return lex.count.get(word, 0) >= 1000  # only very common short words (di, ke, ya, ...)
    return lex.is_common_noun(word) or is_derived(word, lex.roots.__contains__)


def _unigram(lex: Lexicon, word: str) -> float:
    """Unigram of a candidate; an unlisted one is a regular derivation and gets what such a word keeps."""
    return lex.prob(word) if word in lex.freq else P_DERIVED


def _log_next(lex: Lexicon, prev: str, word: str, p: float) -> float:
    """log P(word | prev), Dirichlet-smoothed towards the unigram ``p``."""
    return math.log((lex.bigram(prev, word) + SMOOTH * p) / (lex.left_total.get(prev, 0) + SMOOTH))


def _context(lex: Lexicon, doc: _Doc, tok: _Token, words: tuple[str, ...]) -> float:
    """log P(words, next | prev): the reading chained between the token's neighbours (bigram, smoothed),
    each word's unigram mixed with the document cache."""
    score = 0.0
    prev = tok.prev
    for w in words:
        p = _unigram(lex, w)
        score += (_log_next(lex, prev, w, p) if prev else math.log(p)) + doc.bonus(w, p, own=False)
        prev = w
    if tok.next:
        score += lex.log_next(words[-1], tok.next)
    return score


@cache
def _affix_strings() -> tuple[frozenset[str], frozenset[str]]:
    """Prefix surfaces, bound forms (non-, pasca-) and suffix chains: never split off a merged token.

    A chain is a derivational, possessive and particle suffix in that order, each optional (``kannya``,
    ``nyalah``), also with the doubled ``n`` typed once (``kanya``: ``meningkatkanya`` is no
    ``meningkat kanya``)."""
    aff = affixes()
    prefixes = frozenset(rule[0] for rule in aff["prefix_rules"]) | frozenset(aff["bound_forms"])
    particles, possessives, derivationals = (("", *layer) for layer in aff["suffix_layers"])
    chains = {d + p + q for d in derivationals for p in possessives for q in particles}
    chains |= {d + p[1:] + q for d in derivationals for p in possessives for q in particles if d[-1:] == p[:1] == "n"}
    return prefixes, frozenset(chains - {""})


@lru_cache(maxsize=CACHE_SIZE)
def _options(word: str) -> tuple[tuple[tuple[str, ...], float], ...]:
    """Context-free readings of lowercase ``word``: one-edit words and two-word splits, with costs."""
    lex = load()
    ed = cands.edits(word)
    flags = lex.flags  # most edits are no word at all: a dict lookup rules them out before the flag test
    listed = [((c,), cost) for c, cost in ed.items() if c in flags and cost <= MAX_COST and lex.is_common_noun(c)]
    if not listed and len(word) >= DERIVED_CANDIDATE_MIN_LEN:
        # An attested word mostly written capitalised is no common noun, but a regular derivation of a
        # root is a word all the same (kecarnatan -> kecamatan, of Kecamatan X). Unattested derivations
        # are not proposed: on held-out news they gave as many false edits as fixes (bench/typos.py).
        listed = [
            ((c,), cost)
            for c, cost in ed.items()
            if cost <= DERIVED_CANDIDATE_MAX_COST and lex.is_candidate(c) and is_derived(c, lex.roots.__contains__)
        ]
    if len(word) >= 5:
        prefixes, suffixes = _affix_strings()
        for (a, b, sep), cost in cands.splits(word, lambda w: _is_part(lex, w)).items():
            if b in suffixes or (a in prefixes and not sep):
                continue  # an affix, or a preposition glued on (the spacing rule's job)
            if min(len(a), len(b)) < SPLIT_SHORT_PART and lex.bigram(a, b) < SPLIT_SHORT_BIGRAM:
                continue  # a short half needs to have been seen next to the other
            listed.append(((a, b), cost))
    return tuple(listed)


def _best_candidate(
    lex: Lexicon, doc: _Doc, tok: _Token, word: str, *, splits: bool
) -> tuple[str, float, float] | None:
    """(replacement, score, cost) of the best reading of lowercase ``word`` in its context, if any."""
    best: tuple[str, float, float] | None = None
    for words, cost in _options(word):
        if len(words) > 1 and not splits:
            continue
        score = _context(lex, doc, tok, words) - COST_SCALE * cost + (SPLIT_BONUS if len(words) > 1 else 0.0)
        if best is None or score > best[1]:
            best = (" ".join(words), score, cost)
    return best


def _spacing(lex: Lexicon, tok: _Token) -> str | None:
    """``di``/``ke`` written onto the next word (``diseluruh`` -> ``di seluruh``), by corpus evidence."""
    t = tok.text
    low = t.lower()
    prep = low[:2]
    if prep not in SPACING_PREPS or len(low) < 5 or not (t.islower() or (tok.sentence_start and t[1:].islower())):
        if prep in SPACING_PREPS and t[:2].lower() == t[:2] and len(t) > 3 and t[2].isupper() and t[3:].islower():
            # diJakarta, keSurabaya: a known name glued to the preposition
            if t[2:] in lex.names or lex.known(t[2:].lower()):
                return f"{t[:2]} {t[2:]}"
        return None
    rest = low[2:]
    if len(rest) < 3 or not lex.known(rest):
        return None
    for stem in _inflection_stems(rest):
        if not lex.known(stem):
            continue
        support = lex.bigram(prep, stem)
        glued = lex.count.get(prep + stem, 0)
        if support >= SPACING_MIN_BIGRAM and support >= SPACING_RATIO * (glued + 1) and lex.count.get(low, 0) * SPACING_RATIO < support:
            return f"{t[:2]} {t[2:]}"
    return None


def _inflection_stems(word: str) -> list[str]:
    """``word`` and ``word`` without a possessive or particle (a derivational suffix would make di-X-kan a verb)."""
    out = [word]
    layers = affixes()["suffix_layers"]
    for suf in (*layers[0], *layers[1]):  # particles and possessives
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            out.append(word[: -len(suf)])
    return out


def _case_like(src: str, repl: str) -> str:
    return repl[:1].upper() + repl[1:] if src[:1].isupper() else repl


def _correct_capitalised(lex: Lexicon, tok: _Token, word: str) -> str | None:
    """Mid-sentence capitalised word: fix only inside a known multiword name or to a frequent proper noun."""
    readings, name = _name_readings(word)
    best: tuple[int, float, str] | None = None
    for c, cost in readings:
        support = (lex.bigram(tok.prev, c) if tok.prev and tok.prev_cap else 0) + (
            lex.bigram(c, tok.next) if tok.next and tok.next_cap else 0
        )
        if support >= NAME_BIGRAM_MIN and (best is None or (support, -cost) > (best[0], -best[1])):
            best = (support, cost, c)
    if best is not None:
        return _case_like(tok.text, best[2])
    return name


@lru_cache(maxsize=CACHE_SIZE)
def _name_readings(word: str) -> tuple[tuple[tuple[str, float], ...], str | None]:
    """What :func:`_correct_capitalised` can tell without context: the listed words at most one edit
    from lowercase ``word`` (with costs), and the frequent proper noun one cheap edit away, if one stands out."""
    lex = load()
    ed = cands.edits(word)
    readings = tuple((c, cost) for c, cost in ed.items() if cost <= 1.0 and lex.is_candidate(c))
    names = _names_by_lower()
    hits = [(names[c][1], c) for c, cost in ed.items() if cost <= NAME_MAX_COST and c in names]
    if len(hits) == 1 or (len(hits) > 1 and sorted(hits)[-1][0] >= 10 * sorted(hits)[-2][0]):
        return readings, names[max(hits)[1]][0]
    return readings, None


@lru_cache(maxsize=CACHE_SIZE)
def _status(word: str) -> tuple[str, float]:
    """How much the lexicon vouches for lowercase ``word``: ``strong``, ``dictionary`` (a rare hunspell
    stem), ``derived`` (a regular derivation of a known root), ``weak`` or ``unknown``.

    Returns the status and the unigram probability the word keeps when competing with candidates.
    ``weak`` words are listed but rare: the tails of wordfreq, tesseract and even the corpus hold misspellings.
    """
    lex = load()
    if word in lex.english or lex.names.get(word.capitalize(), 0) >= MIN_NAME_COUNT:
        return "strong", 1.0
    fl = lex.flags.get(word)
    freq = lex.freq.get(word, 0)
    if freq >= WEAK_FREQ or lex.count.get(word, 0) >= STRONG_COUNT:
        return "strong", 1.0
    p = lex.prob(word) if fl else 0.0
    if fl and "h" in fl:
        return "dictionary", max(p, P_DICTIONARY)
    if is_derived(word, lex.roots.__contains__):
        return "derived", max(P_DERIVED, p)
    if fl is not None:
        return "weak", p
    return "unknown", P_UNKNOWN


def _keep_score(lex: Lexicon, doc: _Doc, tok: _Token, word: str, p: float) -> float:
    """Context score of leaving the token as it is, given its unigram probability ``p``."""
    if tok.prev:
        score = math.log((lex.bigram(tok.prev, word) + SMOOTH * p) / (lex.left_total.get(tok.prev, 0) + SMOOTH))
    else:
        score = math.log(p)
    if tok.next:
        score += lex.log_next(word, tok.next)
    return score + doc.bonus(word, p, own=True)


@lru_cache(maxsize=CACHE_SIZE)
def _word_status(t: str) -> tuple[str, float] | None:
    """:func:`_status` of a digit-free token text, or ``None`` when the text alone rules a correction
    out: too long or short, an acronym, camelCase or code, a listed name, a well-attested word."""
    if len(t) > MAX_TOKEN or len(t) < MIN_TOKEN or t.isupper() or not t[1:].islower():
        return None
    if t[0].isupper() and t in load().names:
        return None
    found = _status(t.lower())
    return None if found[0] == "strong" else found


@lru_cache(maxsize=CACHE_SIZE)
def _settled(t: str) -> bool:
    """No context can change the verdict on token text ``t``: no di/ke to space off and no correction
    possible. Most tokens of a text are settled by this cached test alone."""
    if t[:2].lower() in SPACING_PREPS:
        return False
    if any(ch.isdigit() for ch in t):
        return len(t) > MAX_TOKEN or _correct_digits(load(), t) is None
    return _word_status(t) is None


def _correct_token(lex: Lexicon, doc: _Doc, tok: _Token) -> str | None:
    """The corrected form of a typo token, or ``None`` to leave it."""
    t = tok.text
    if any(ch.isdigit() for ch in t):
        return _correct_digits(lex, t) if len(t) <= MAX_TOKEN else None
    found = _word_status(t)
    if found is None:
        return None
    status, p_keep = found
    low = t.lower()
    if t[0].isupper() and not tok.sentence_start:
        return _correct_capitalised(lex, tok, low) if status == "unknown" else None
    best = _best_candidate(lex, doc, tok, low, splits=status in ("unknown", "weak"))
    if best is None:
        return None
    repl, score, _cost = best
    margin = MARGINS[status]
    if t[0].isupper():
        margin += SENTENCE_START_MARGIN
        if not tok.next or lex.bigram(repl.split()[-1], tok.next) < SENTENCE_START_MIN_BIGRAM:
            return None  # a capitalised unknown word at a sentence start is most often a name
    if score <= _keep_score(lex, doc, tok, low, p_keep) + margin:
        return None
    return _case_like(t, repl)


def _correct_digits(lex: Lexicon, t: str) -> str | None:
    """A lowercase word OCR'd with a digit or two for letters (``ma1am`` -> ``malam``)."""
    letters = sum(ch.isalpha() for ch in t)
    digits = sum(ch.isdigit() for ch in t)
    em = cands.error_model()
    if letters < 3 or digits > 2 or t != t.lower() or any(ch.isdigit() and ch not in em.digit_letters for ch in t):
        return None
    for reading in cands.digit_readings(t):
        if lex.is_candidate(reading) and lex.freq.get(reading, 0) >= DIGIT_MIN_FREQ:
            return reading
    return None


def clear_caches() -> None:
    """Forget every per-word verdict (benchmarks use it to start from a known state)."""
    for cached in (_options, _status, _word_status, _settled, _name_readings):
        cached.cache_clear()


def correct(text: str, *, spacing: bool = True) -> list[Edit]:
    """All corrections in ``text``: sorted, non-overlapping, offsets into ``text``."""
    lex = load()
    edits: list[Edit] = []
    raw = _raw_tokens(text)
    doc = _Doc(raw)
    for i, (_s, _e, t) in enumerate(raw):
        if _settled(t):
            continue
        tok = _token(text, raw, i)
        if tok.in_compound:
            continue
        split = _spacing(lex, tok)
        if split is not None:
            if spacing:
                edits.append(Edit(tok.start, tok.end, split, "spacing"))
            continue
        repl = _correct_token(lex, doc, tok)
        if repl is not None and repl != tok.text:
            if spacing and " " in repl:
                repl = _space_parts(lex, tok, repl)
            edits.append(Edit(tok.start, tok.end, repl, "typo"))
    return edits


def _space_parts(lex: Lexicon, tok: _Token, repl: str) -> str:
    """A split merged word with the spacing rule applied to its parts (``diseluruhmengatakan`` ->
    ``di seluruh mengatakan``), so that a second pass finds nothing left to fix."""
    parts = repl.split(" ")
    out: list[str] = []
    for i, part in enumerate(parts):
        nxt = parts[i + 1].lower() if i + 1 < len(parts) else tok.next
        prev = parts[i - 1].lower() if i else tok.prev
        piece = replace(tok, text=part, prev=prev, next=nxt, sentence_start=tok.sentence_start and i == 0)
        out.append(_spacing(lex, piece) or part)
    return " ".join(out)
