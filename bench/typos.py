"""Benchmark the typo corrector on synthetic noise in held-out real news, against a SymSpell baseline.

Reads ``../shared/data/corpus/indosum-dev.jsonl``; only articles whose line index is a multiple of 10
are used: ``scripts/build_lexicon.py`` leaves exactly those out of the shipped counts and bigrams.
Of those, even tenths form the ``tune`` split and odd tenths the ``test`` split (report ``test``).

Noise: with a fixed seed, 3% of all words are corrupted, each by one of keyboard (neighbour key),
OCR (rn/m, cl/d, l/1, e/c, h/b, ...), deletion, transposition or merging with the next word (space
dropped or typed as v/b/n/m). Targets are lowercase alphabetic words of 3+ letters (names and
acronyms are out of the corrector's scope by design). A correction counts when its span is the
corrupted token and its replacement the original text.

Also prints: the edit rate on the clean text, raw and "false" (every typo edit except the genuine
source typos hand-checked in ``bench/typos_clean_genuine.tsv``; an edit not judged there counts as false),
the seed article's corrections, words/s, and the lexicon's load time and memory.

Usage: ``python bench/typos.py [--split test|tune] [--articles N] [--seed 13] [--no-baseline]``
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPUS = DATA / "corpus" / "indosum-dev.jsonl"
SEED = DATA / "articles" / "seed.json"
GENUINE = Path(__file__).resolve().with_name("typos_clean_genuine.tsv")
sys.path.insert(0, str(ROOT))

WORD_RE = re.compile(r"[A-Za-z]+")
TARGET_RE = re.compile(r"(?<![\w@#/.-])[a-z]{3,}(?![\w@/-]|\.[a-z])")
NOISE_RATE = 0.03
KINDS = ("keyboard", "ocr", "deletion", "transposition", "merge")
OCR_SWAPS = (("m", "rn"), ("d", "cl"), ("l", "1"), ("e", "c"), ("h", "b"), ("h", "li"), ("n", "ri"), ("o", "0"),
             ("i", "l"), ("u", "v"), ("rn", "m"), ("a", "o"), ("t", "f"))
MERGE_SEPS = ("", "v", "b", "n", "m")


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    replacement: str
    kind: str


def load_genuine() -> set[tuple[str, str]]:
    """Hand-checked (original, replacement) pairs that are real typos in the clean source articles."""
    out = set()
    for line in GENUINE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            a, b = line.split("\t")
            out.add((a, b))
    return out


def load_split(split: str, limit: int) -> list[str]:
    texts = []
    with CORPUS.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 10:
                continue
            if (i // 10) % 2 == (0 if split == "tune" else 1):
                texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def corrupt_word(word: str, kind: str, rng: random.Random, neighbours: dict[str, frozenset[str]]) -> str | None:
    n = len(word)
    if kind == "keyboard":
        i = rng.randrange(n)
        opts = sorted(neighbours.get(word[i], ()))
        return word[:i] + rng.choice(opts) + word[i + 1 :] if opts else None
    if kind == "ocr":
        found = [(s, m) for s, m in OCR_SWAPS if s in word]
        if not found:
            return None
        s, m = rng.choice(found)
        starts = [k for k in range(n) if word.startswith(s, k)]
        k = rng.choice(starts)
        return word[:k] + m + word[k + len(s) :]
    if kind == "deletion":
        i = rng.randrange(n)
        return word[:i] + word[i + 1 :]
    if kind == "transposition":
        opts = [i for i in range(n - 1) if word[i] != word[i + 1]]
        if not opts:
            return None
        i = rng.choice(opts)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    raise ValueError(kind)


def add_noise(text: str, rng: random.Random, neighbours: dict[str, frozenset[str]]) -> tuple[str, list[Gold]]:
    """Corrupt NOISE_RATE of the words; return the noisy text and the gold edits in its offsets."""
    n_words = len(WORD_RE.findall(text))
    targets = list(TARGET_RE.finditer(text))
    k = min(len(targets), round(n_words * NOISE_RATE))
    chosen = sorted(rng.sample(range(len(targets)), k))
    out: list[str] = []
    gold: list[Gold] = []
    pos = 0
    skip_until = -1
    for idx in chosen:
        m = targets[idx]
        if m.start() < skip_until or m.start() < pos:
            continue
        kind = rng.choice(KINDS)
        if kind == "merge":
            nxt = targets[idx + 1] if idx + 1 < len(targets) else None
            if nxt is None or text[m.end() : nxt.start()] != " ":
                kind = "deletion"
            else:
                sep = rng.choice(MERGE_SEPS)
                noisy, original, end = m.group() + sep + nxt.group(), text[m.start() : nxt.end()], nxt.end()
        if kind != "merge":
            noisy = corrupt_word(m.group(), kind, rng, neighbours)
            original, end = m.group(), m.end()
            if noisy is None or noisy == original:
                continue
        out.append(text[pos : m.start()])
        start = sum(len(p) for p in out)
        out.append(noisy)
        gold.append(Gold(start, start + len(noisy), original, kind))
        pos = end
        skip_until = end
    out.append(text[pos:])
    return "".join(out), gold


def symspell_baseline():
    """SymSpell (max edit distance 2) loaded with wordfreq's Indonesian words, on unknown lowercase words."""
    import wordfreq
    from symspellpy import SymSpell, Verbosity

    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    for w in wordfreq.top_n_list("id", 10**6):
        if w.isalpha():
            sym.create_dictionary_entry(w, max(1, int(wordfreq.word_frequency(w, "id") * 1e9)))
    chunk_re = re.compile(r"\S+")
    protected = re.compile(r"@|#|://|www\.|[/\\_=]|[A-Za-z0-9]\.[A-Za-z]{2,}")

    def correct(text: str) -> list[tuple[int, int, str]]:
        edits = []
        for chunk in chunk_re.finditer(text):
            if protected.search(chunk.group()):
                continue
            for m in re.finditer(r"[A-Za-z]+", chunk.group()):
                w = m.group()
                if not w.islower() or len(w) < 3 or w in sym.words:
                    continue
                s = chunk.start() + m.start()
                sug = sym.lookup(w, Verbosity.TOP, max_edit_distance=2)
                if sug:
                    edits.append((s, s + len(w), sug[0].term))
                else:
                    seg = sym.word_segmentation(w).corrected_string
                    if " " in seg:
                        edits.append((s, s + len(w), seg))
        return edits

    return correct


def score(pred: list[tuple[int, int, str]], gold: list[Gold]) -> tuple[int, int, int, dict[str, list[int]]]:
    gold_map = {(g.start, g.end): g for g in gold}
    tp = 0
    per_kind: dict[str, list[int]] = {k: [0, 0] for k in KINDS}
    for g in gold:
        per_kind[g.kind][1] += 1
    for s, e, r in pred:
        g = gold_map.get((s, e))
        if g is not None and g.replacement == r:
            tp += 1
            per_kind[g.kind][0] += 1
    return tp, len(pred), len(gold), per_kind


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("test", "tune"), default="test")
    ap.add_argument("--articles", type=int, default=170)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print this many errors of each sort")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"shared data not found at {CORPUS}; nothing to benchmark")
        return 0

    from idnews_extract.text.typos import find_corrections
    from idnews_extract.text.typos.candidates import error_model
    from idnews_extract.text.typos.lexicon import load

    tracemalloc.start()
    t0 = time.perf_counter()
    load()
    error_model()
    load_s = time.perf_counter() - t0
    mem = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()

    texts = load_split(args.split, args.articles)
    rng = random.Random(args.seed)
    neighbours = error_model().neighbours
    noisy = [add_noise(t, rng, neighbours) for t in texts]
    n_words = sum(len(WORD_RE.findall(t)) for t in texts)

    # the corrector on the noisy text
    tp = npred = ngold = 0
    kinds: dict[str, list[int]] = {k: [0, 0] for k in KINDS}
    t1 = time.perf_counter()
    preds = [[(e.start, e.end, e.replacement) for e in find_corrections(nt)] for nt, _ in noisy]
    noisy_s = time.perf_counter() - t1
    shown_fp = shown_fn = 0
    for (nt, gold), pred in zip(noisy, preds):
        a, b, c, pk = score(pred, gold)
        tp, npred, ngold = tp + a, npred + b, ngold + c
        for k in KINDS:
            kinds[k][0] += pk[k][0]
            kinds[k][1] += pk[k][1]
        if args.show:
            gm = {(g.start, g.end): g.replacement for g in gold}
            for s, e, r in pred:
                if gm.get((s, e)) != r and shown_fp < args.show:
                    shown_fp += 1
                    print(f"  FP {nt[s:e]!r} -> {r!r} (gold {gm.get((s, e))!r}) | {nt[max(0, s - 30):e + 30]!r}")
            pm = {(s, e): r for s, e, r in pred}
            for g in gold:
                if pm.get((g.start, g.end)) != g.replacement and shown_fn < args.show:
                    shown_fn += 1
                    print(f"  FN {g.kind} {nt[g.start:g.end]!r} -> {g.replacement!r} (got {pm.get((g.start, g.end))!r})")

    # the corrector on the clean text
    t2 = time.perf_counter()
    clean = [find_corrections(t) for t in texts]
    clean_s = time.perf_counter() - t2
    clean_typo = sum(1 for ed in clean for e in ed if e.kind == "typo")
    genuine = load_genuine()
    clean_false = sum(
        1
        for t, ed in zip(texts, clean)
        for e in ed
        if e.kind == "typo" and (t[e.start : e.end], e.replacement) not in genuine
    )
    clean_spacing = sum(1 for ed in clean for e in ed if e.kind == "spacing")
    if args.show:
        for t, ed in zip(texts, clean):
            for e in ed:
                judged = "genuine" if (t[e.start : e.end], e.replacement) in genuine else "FALSE"
                print(f"  CLEAN {e.kind} {judged} {t[e.start:e.end]!r} -> {e.replacement!r}")

    p, r, f = prf(tp, npred, ngold)
    print(f"split={args.split} articles={len(texts)} words={n_words} injected={ngold} seed={args.seed}")
    print(f"lexicon load {load_s:.2f}s under tracemalloc (about 4x slower than plain), {mem:.1f} MiB traced")
    print(f"corrector: P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} pred={npred})")
    for k in KINDS:
        print(f"  recall {k:13s} {kinds[k][0] / max(1, kinds[k][1]):.3f} ({kinds[k][0]}/{kinds[k][1]})")
    print(
        f"  clean text: {clean_typo} typo edits ({100 * clean_typo / n_words:.3f}% of words), "
        f"{clean_spacing} spacing edits ({100 * clean_spacing / n_words:.3f}%)"
    )
    print(
        f"  clean text false typo edits (not hand-checked genuine source typos): {clean_false} "
        f"({100 * clean_false / n_words:.3f}% of words)"
    )
    print(f"  speed: clean {n_words / clean_s:,.0f} words/s, noisy {n_words / noisy_s:,.0f} words/s (one core)")
    if not args.no_baseline:
        base = symspell_baseline()
        t3 = time.perf_counter()
        bpred = [base(nt) for nt, _ in noisy]
        base_s = time.perf_counter() - t3
        btp = bnp = bng = 0
        for (_, gold), pred in zip(noisy, bpred):
            a, b, c, _ = score(pred, gold)
            btp, bnp, bng = btp + a, bnp + b, bng + c
        bp, br, bf = prf(btp, bnp, bng)
        bclean = sum(len(base(t)) for t in texts)
        print(f"baseline symspellpy+wordfreq: P={bp:.3f} R={br:.3f} F1={bf:.3f} (tp={btp} pred={bnp})")
        print(f"  clean text: {bclean} edits ({100 * bclean / n_words:.3f}% of words); {n_words / base_s:,.0f} words/s")
        print(f"F1 ratio corrector/baseline: {f / bf if bf else float('inf'):.2f}")
    if SEED.exists():
        seed_text = json.loads(SEED.read_text(encoding="utf-8"))["text"]
        print("seed article corrections:")
        for e in find_corrections(seed_text):
            print(f"  {e.kind:8s} {seed_text[e.start:e.end]!r} -> {e.replacement!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
