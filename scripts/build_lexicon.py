"""Regenerate ``idnews_extract/data/lexicon/`` from well-licensed sources.

Sources (see the shipped ``SOURCES.md``):
  * ``wordfreq`` Indonesian frequencies (CC BY-SA 4.0 data), and its English list as a guard;
  * Debian ``hunspell-id`` stems (``/usr/share/hunspell/id_ID.dic``, LGPL-3): roots for the
    runtime morphology (which is our own affix expansion);
  * the word DAWG inside Debian ``tesseract-ocr-ind`` (Apache-2.0), read with ``combine_tessdata -u``
    and ``dawg2wordlist``: many cased proper nouns;
  * unigram and bigram counts from ``shared/data/corpus/indosum-dev.jsonl`` (CC BY-SA 4.0), leaving out
    every article whose line index is a multiple of ``HOLDOUT_EVERY``; ``bench/typos.py`` evaluates on those.

Usage: ``python scripts/build_lexicon.py [--corpus PATH] [--out DIR]``.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import logging
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import wordfreq

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "indosum-dev.jsonl"
DEFAULT_OUT = ROOT / "idnews_extract" / "data" / "lexicon"
HUNSPELL_DIC = Path("/usr/share/hunspell/id_ID.dic")
TESSDATA_GLOB = "/usr/share/tesseract-ocr/*/tessdata/ind.traineddata"

HOLDOUT_EVERY = 10  # articles i % 10 == 0 are held out for bench/typos.py
MIN_CORPUS_COUNT = 2  # corpus-only words need this many occurrences to count as known
MIN_BIGRAM_COUNT = 2
NAME_SHARE = 0.8  # flag ``n`` when this share of a word's corpus occurrences is capitalised mid-sentence
LOWER_SHARE = 0.5  # flag ``l`` when at least this share of a word's mid-sentence occurrences is lower case
SCALE = 1e8  # pseudo-counts per 10^8 tokens
ENGLISH_TOP_N = 40_000

WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
TOKEN_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\S")
LOWER_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")
SENT_END = {".", "!", "?", '"', "\u201c", "\u201d", ":", "(", ")", "-"}


def corpus_counts(
    path: Path,
) -> tuple[collections.Counter, collections.Counter, collections.Counter, collections.Counter, int]:
    """Lowercase unigram counts, lowercase space-adjacent bigram counts, mid-sentence capitalised counts (cased
    keys) and mid-sentence lower-case counts."""
    uni: collections.Counter = collections.Counter()
    bi: collections.Counter = collections.Counter()
    caps: collections.Counter = collections.Counter()
    lower_mid: collections.Counter = collections.Counter()
    total = 0
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % HOLDOUT_EVERY == 0:
                continue
            text = json.loads(line)["text"]
            for para in text.split("\n"):
                prev: str | None = None
                prev_end = -1
                prev_tok = "."
                for m in TOKEN_RE.finditer(para):
                    tok = m.group()
                    if WORD_RE.fullmatch(tok):
                        low = tok.lower()
                        uni[low] += 1
                        total += 1
                        if prev is not None and para[prev_end : m.start()] == " ":
                            bi[prev, low] += 1
                        if prev_tok not in SENT_END and not tok.isupper():
                            if tok[0].isupper():
                                caps[tok] += 1
                            else:
                                lower_mid[low] += 1
                        prev, prev_end = low, m.end()
                    else:
                        prev = None
                    prev_tok = tok
    return uni, bi, caps, lower_mid, total


def hunspell_stems(path: Path) -> set[str]:
    """Stems of the hunspell dictionary (flags dropped)."""
    lines = path.read_text(encoding="latin-1").splitlines()[1:]
    stems = {ln.split("/", 1)[0].strip() for ln in lines}
    return {s.lower() for s in stems if LOWER_WORD_RE.fullmatch(s.lower())}


def tesseract_words() -> list[str]:
    """The word list of tesseract's Indonesian model."""
    import glob

    found = glob.glob(TESSDATA_GLOB)
    if not found or not shutil.which("combine_tessdata") or not shutil.which("dawg2wordlist"):
        raise SystemExit("need Debian tesseract-ocr-ind and tesseract-ocr (combine_tessdata, dawg2wordlist)")
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "ind.traineddata"
        shutil.copy(found[0], model)
        subprocess.run(["combine_tessdata", "-u", str(model), f"{tmp}/ind."], check=True, capture_output=True)
        out = Path(tmp) / "words.txt"
        subprocess.run(
            ["dawg2wordlist", f"{tmp}/ind.lstm-unicharset", f"{tmp}/ind.lstm-word-dawg", str(out)],
            check=True,
            capture_output=True,
        )
        return [w for w in out.read_text(encoding="utf-8").split() if WORD_RE.fullmatch(w)]


def write_gz(path: Path, rows: list[str]) -> None:
    """Deterministic gzip (no timestamp) so rebuilds diff cleanly."""
    data = ("\n".join(rows) + "\n").encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(data)


def build(corpus: Path, out: Path) -> None:
    uni, bi, caps, lower_mid, total = corpus_counts(corpus)
    log.info("corpus: %d tokens, %d types, %d bigram types", total, len(uni), len(bi))
    wf = {w: wordfreq.word_frequency(w, "id") for w in wordfreq.top_n_list("id", 10**6)}
    wf = {w: f for w, f in wf.items() if LOWER_WORD_RE.fullmatch(w)}
    stems = hunspell_stems(HUNSPELL_DIC)
    tess = tesseract_words()
    tess_lower = {w for w in tess if LOWER_WORD_RE.fullmatch(w)}
    tess_caps = [w for w in tess if w[0].isupper() and not w.isupper() and w[1:].islower()]

    words: dict[str, list] = {}

    def add(w: str, flag: str) -> None:
        words.setdefault(w, [0.0, set()])[1].add(flag)

    for w, f in wf.items():
        add(w, "w")
        words[w][0] += 0.5 * f
    for w, c in list(uni.items()):
        if c >= MIN_CORPUS_COUNT:
            add(w, "c")
            words[w][0] += 0.5 * c / total
    for w in stems:
        add(w, "h")
    for w in tess_lower:
        add(w, "t")
    caps_mid: collections.Counter = collections.Counter()
    for w, c in caps.items():  # mostly written capitalised mid-sentence: a name, not a common word
        low = w.lower()
        caps_mid[low] += c
        if low in words and uni.get(low, 0) >= MIN_CORPUS_COUNT and c >= NAME_SHARE * uni[low]:
            add(low, "n")
    # an ordinary word unless mostly capitalised mid-sentence (a word seen only opening sentences is one too);
    # judged mid-sentence only, so a name that often opens a sentence (``Jokowi mengatakan``) gets no ``l``
    for low, c in uni.items():
        if c >= MIN_CORPUS_COUNT and lower_mid[low] >= LOWER_SHARE * (lower_mid[low] + caps_mid[low]):
            add(low, "l")
    rows = []
    for w in sorted(words):
        f, flags = words[w]
        rows.append(f"{w}\t{round(f * SCALE)}\t{uni.get(w, 0)}\t{''.join(sorted(flags))}")
    out.mkdir(parents=True, exist_ok=True)
    write_gz(out / "words.tsv.gz", rows)

    known = set(words)
    names: collections.Counter = collections.Counter({w: c for w, c in caps.items() if c >= MIN_CORPUS_COUNT})
    for w in tess_caps:
        names[w] += 0  # listed with count 0 when only tesseract has it
    write_gz(out / "names.tsv.gz", [f"{w}\t{names[w]}" for w in sorted(names)])

    brows = [
        f"{a}\t{b}\t{c}"
        for (a, b), c in sorted(bi.items())
        if c >= MIN_BIGRAM_COUNT and a in known and b in known
    ]
    write_gz(out / "bigrams.tsv.gz", brows)

    english = [
        w
        for w in wordfreq.top_n_list("en", ENGLISH_TOP_N)
        if LOWER_WORD_RE.fullmatch(w) and len(w) >= 3
    ]
    write_gz(out / "english.txt.gz", sorted(english))
    log.info(
        "wrote %d words, %d names, %d bigrams, %d english guard words", len(rows), len(names), len(brows), len(english)
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    build(args.corpus, args.out)


if __name__ == "__main__":
    main()
