"""The shipped Indonesian lexicon: word frequencies, roots, names, bigrams and an English guard list.

Built by ``scripts/build_lexicon.py`` into ``idnews_extract/data/lexicon/`` (sources in ``SOURCES.md``)
and loaded lazily, once, on first use.
"""

from __future__ import annotations

import gzip
import logging
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

log = logging.getLogger(__name__)

DATA_PACKAGE = "idnews_extract.data.lexicon"
FILES = ("words.tsv.gz", "names.tsv.gz", "bigrams.tsv.gz", "english.txt.gz")
ROOT_MIN_COUNT = 3  # a non-hunspell word serves as a morphological root when news-attested this often
ROOT_MIN_FREQ = 1000  # ... or this frequent overall
ROOT_MIN_LEN = 3
SMOOTH = 20.0  # Dirichlet prior weight of the unigram in the bigram estimates


def _read_gz_lines(name: str) -> list[str]:
    ref = resources.files(DATA_PACKAGE).joinpath(name)
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return fh.read().splitlines()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lookup tables; every key is lowercase except in ``names``.

    ``freq``: pseudo-count per 10^8 tokens (wordfreq and corpus mixed); ``count``: raw corpus count;
    ``flags``: source letters (``w`` wordfreq, ``c`` corpus, ``h`` hunspell stem, ``t`` tesseract; ``n``:
    mostly capitalised in the corpus, a name; ``l``: mostly lower case mid-sentence, an ordinary word);
    ``names``: cased proper nouns with their mid-sentence corpus count; ``bigrams``: ``"a b"`` -> count.
    """

    freq: dict[str, int]
    count: dict[str, int]
    flags: dict[str, str]
    roots: frozenset[str]
    names: dict[str, int]
    names_lower: frozenset[str]
    bigrams: dict[str, int]
    left_total: dict[str, int]
    right_total: dict[str, int]
    english: frozenset[str]
    total_freq: float

    def known(self, word: str) -> bool:
        """Listed by any source (lowercase form)."""
        return word in self.freq

    def is_candidate(self, word: str) -> bool:
        """Attested well enough to be proposed as a correction (not only in tesseract's noisy list)."""
        f = self.flags.get(word)
        return f is not None and ("w" in f or "c" in f or "h" in f)

    def is_common_noun(self, word: str) -> bool:
        """A candidate for a lowercase token: attested, and not a name that news writes capitalised."""
        f = self.flags.get(word)
        return f is not None and ("w" in f or "c" in f or "h" in f) and ("n" not in f or "h" in f)

    def prob(self, word: str) -> float:
        """Smoothed unigram probability."""
        return (self.freq.get(word, 0) + 0.5) / self.total_freq

    def bigram(self, a: str, b: str) -> int:
        return self.bigrams.get(f"{a} {b}", 0)

    def log_next(self, prev: str, word: str) -> float:
        """log P(word | prev), Dirichlet-smoothed towards P(word)."""
        tot = self.left_total.get(prev, 0)
        return math.log((self.bigram(prev, word) + SMOOTH * self.prob(word)) / (tot + SMOOTH))

    def log_prev(self, word: str, nxt: str) -> float:
        """log P(prev = word | next), the right-context score of ``word``."""
        tot = self.right_total.get(nxt, 0)
        return math.log((self.bigram(word, nxt) + SMOOTH * self.prob(word)) / (tot + SMOOTH))


@cache
def load() -> Lexicon:
    """Load the shipped tables once."""
    freq: dict[str, int] = {}
    count: dict[str, int] = {}
    flags: dict[str, str] = {}
    roots: set[str] = set()
    for line in _read_gz_lines("words.tsv.gz"):
        word, f, c, fl = line.split("\t")
        fi = int(f)
        freq[word] = fi
        count[word] = int(c)
        flags[word] = fl
        if len(word) >= ROOT_MIN_LEN and ("h" in fl or int(c) >= ROOT_MIN_COUNT or fi >= ROOT_MIN_FREQ):
            roots.add(word)
    names: dict[str, int] = {}
    for line in _read_gz_lines("names.tsv.gz"):
        name, c = line.split("\t")
        names[name] = int(c)
    bigrams: dict[str, int] = {}
    left_total: dict[str, int] = {}
    right_total: dict[str, int] = {}
    for line in _read_gz_lines("bigrams.tsv.gz"):
        a, b, c = line.split("\t")
        ci = int(c)
        bigrams[f"{a} {b}"] = ci
        left_total[a] = left_total.get(a, 0) + ci
        right_total[b] = right_total.get(b, 0) + ci
    english = frozenset(_read_gz_lines("english.txt.gz"))
    log.debug("lexicon: %d words, %d names, %d bigrams", len(freq), len(names), len(bigrams))
    return Lexicon(
        freq=freq,
        count=count,
        flags=flags,
        roots=frozenset(roots),
        names=names,
        names_lower=frozenset(n.lower() for n in names),
        bigrams=bigrams,
        left_total=left_total,
        right_total=right_total,
        english=english,
        total_freq=float(sum(freq.values())) or 1.0,
    )
