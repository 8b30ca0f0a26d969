"""Benchmark the shipped NER model: exact-span P/R/F1 on the dev splits and words/s on one core.

Reads ``../shared/data`` (relative to the repo root): the NER dev splits (IDNer-news-2k dev, NER UI
dev.01, NERGrit valid) and, for speed, real articles from ``corpus/indosum-dev.jsonl``. Prints a
clear message and exits 0 when that folder is absent.

Scoring: each dev sentence is rebuilt as plain text (same detokenisation as the training
converter), run through the model from raw text, and predicted entities are compared with gold
ones as exact ``(start_char, end_char, label)`` triples: micro P/R/F1, overall and per label.

``--pipeline`` also scores the library's own entities (``idnews_extract.extract``: model, rules and
gazetteer merged, the text stage first; EVENT left out) on the same splits. Its conventions follow the
project's guidelines (``Pemkot Surabaya`` and ``Fraksi PKB`` are one ORG, street names keep their titles),
so it trails the model on splits that tag the place or party inside such names.

Speed: articles are tokenised first, then only the ``tok2vec`` and ``ner`` stages are timed
(the "NER stage"), with ``OMP_NUM_THREADS=1``; words = non-space tokens.

Usage: ``python bench/ner.py [--model PATH] [--articles N] [--pipeline]``
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, set before numpy/blis load

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
DEFAULT_MODEL = REPO / "idnews_extract" / "data" / "ner_model"
sys.path.insert(0, str(REPO / "scripts" / "ner"))

#: dataset name -> (path under data/ner, column separator or None for whitespace, split brackets,
#: tag lexicon places). IDNer-news-2k is scored three times: as annotated; with bracketed acronyms
#: split off as their own entities (``*``), the convention of the project's guidelines and of
#: NER UI; and also with its untagged place names tagged LOC (``**``, see convert.loc_lexicon).
DEV_SPLITS: dict[str, tuple[str, str | None, bool, bool]] = {
    "IDNer-news-2k dev": ("idner-news-2k/dev.txt", None, False, False),
    "IDNer-news-2k dev*": ("idner-news-2k/dev.txt", None, True, False),
    "IDNer-news-2k dev**": ("idner-news-2k/dev.txt", None, True, True),
    "NER UI dev.01": ("nerui/dev.01.tsv", "\t", False, False),
    "NERGrit valid": ("nergrit/valid_preprocess.txt", "\t", False, False),
}
LABELS = ("PERSON", "ORG", "LOC")


@dataclass(frozen=True, slots=True)
class Prf:
    """Counts and derived micro scores for one dataset/label cell."""

    tp: int
    fp: int
    fn: int

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def model_spans(nlp):
    """A predictor: texts -> each text's ``(start_char, end_char, label)`` set from ``nlp``'s ``doc.ents``."""
    def predict(texts: list[str]) -> Iterator[set[tuple[int, int, str]]]:
        for doc in nlp.pipe(texts, batch_size=256):
            yield {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    return predict


def pipeline_spans(texts: list[str]) -> Iterator[set[tuple[int, int, str]]]:
    """The library's merged entities for each text, EVENT left out (the NER splits have no such label)."""
    import idnews_extract

    for text in texts:
        yield {(e.start, e.end, e.label) for e in idnews_extract.extract(text).entities if e.label in LABELS}


def evaluate(nlp, predict, path: Path, sep: str | None, harmonise: bool = False,
             locs: bool = False) -> dict[str, Prf]:
    """Exact-span scores of ``predict`` on one IOB2 file, overall (key ``ALL``) and per label (``nlp``
    rebuilds each sentence's text from its tokens)."""
    from convert import detok_spaces, iob_to_spans, loc_lexicon, read_conll
    from spacy.tokens import Doc

    texts: list[str] = []
    golds: list[set[tuple[int, int, str]]] = []
    lexicon = loc_lexicon(path.parents[1]) if locs else None
    for sent in read_conll(path, sep, harmonise, lexicon):
        doc = Doc(nlp.vocab, words=list(sent.words), spaces=detok_spaces(sent.words))
        texts.append(doc.text)
        golds.append({(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), lab)
                      for s, e, lab in iob_to_spans(sent.tags)})
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for pred, gold in zip(predict(texts), golds, strict=True):
        for _, _, lab in pred & gold:
            tp[lab] += 1
        for _, _, lab in pred - gold:
            fp[lab] += 1
        for _, _, lab in gold - pred:
            fn[lab] += 1
    out = {lab: Prf(tp[lab], fp[lab], fn[lab]) for lab in LABELS}
    out["ALL"] = Prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def speed(nlp, corpus: Path, n_articles: int) -> tuple[int, float, float, float]:
    """(words, NER-stage wall s, NER-stage CPU s, tokenizer wall s) over ``n_articles`` articles.

    CPU seconds (``time.process_time``) stay meaningful on a machine shared with other jobs.
    """
    texts: list[str] = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n_articles:
                break
    t0 = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    t_tok = time.perf_counter() - t0
    words = sum(1 for d in docs for t in d if not t.is_space)
    t0, c0 = time.perf_counter(), time.process_time()
    for _name, proc in nlp.pipeline:
        docs = list(proc.pipe(docs, batch_size=256))
    return words, time.perf_counter() - t0, time.process_time() - c0, t_tok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--articles", type=int, default=600, help="articles timed for words/s")
    parser.add_argument("--pipeline", action="store_true", help="also score idnews_extract's merged entities")
    args = parser.parse_args()
    if not (DATA / "ner").is_dir():
        print(f"bench/ner.py: shared data not found at {DATA}; nothing to benchmark.")
        return 0
    import spacy
    from thinc.api import set_gpu_allocator  # noqa: F401  (imported so thinc picks CPU ops now)

    nlp = spacy.load(args.model)
    size_mb = sum(p.stat().st_size for p in args.model.rglob("*") if p.is_file()) / 1e6
    rows, dim = nlp.vocab.vectors.shape
    print(f"model: {args.model}  pipeline: {nlp.pipe_names}  size: {size_mb:.1f} MB  "
          f"static vectors: {rows} x {dim} ({nlp.vocab.vectors.n_keys} keys)")
    systems = [("model", model_spans(nlp))] + ([("pipeline", pipeline_spans)] if args.pipeline else [])
    for system, predict in systems:
        print(f"{system:<10}{'dataset':<20}{'label':<8}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
        for name, (rel, sep, harmonise, locs) in DEV_SPLITS.items():
            scores = evaluate(nlp, predict, DATA / "ner" / rel, sep, harmonise, locs)
            for lab in ("ALL", *LABELS):
                s = scores[lab]
                print(f"{system:<10}{name:<20}{lab:<8}{s.p:7.3f}{s.r:7.3f}{s.f:7.3f}{s.tp + s.fn:7d}")
    corpus = DATA / "corpus" / "indosum-dev.jsonl"
    if corpus.is_file():
        words, secs, cpu_secs, tok_secs = speed(nlp, corpus, args.articles)
        print(f"speed: {words} words in {args.articles} articles; NER stage (tok2vec+ner) on one "
              f"core: {words / secs:,.0f} words/s wall, {words / cpu_secs:,.0f} words/CPU-s; "
              f"tokenizer {words / tok_secs:,.0f} words/s wall")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
