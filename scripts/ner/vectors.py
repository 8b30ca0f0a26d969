"""Train the static word vectors of the NER model offline (word2vec skip-gram, lower-cased tokens).

Text: the unlabelled IndoSum dev articles (``corpus/indosum-dev.jsonl``, CC BY-SA 4.0, 1.0 M words),
one paragraph per "sentence", plus the words of the NER *train* splits (never the dev splits). Both
are tokenised by the blank ``id`` tokenizer, the one the model meets at run time, and lower-cased,
so that ``Jakarta``, ``jakarta`` and ``JAKARTA`` share one vector.

The output is a word2vec text file (``vectors.txt``) that :func:`build_vectors` turns into a spaCy
pipeline folder holding the vectors (the ``[initialize] vectors`` of the training config): the
``rows`` most frequent words keep their own vector, every other word maps to its nearest kept row,
so the table stays small but covers the whole vector vocabulary.

Reproducible: one worker thread, fixed seed and a hash function that does not depend on
``PYTHONHASHSEED`` (gensim seeds each word's initial vector by hashing it).

Usage: ``python scripts/ner/vectors.py [--out build/ner] [--dim 100] [--rows 20000]``
"""

from __future__ import annotations

import argparse
import json
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

import convert
import spacy
from spacy.vectors import Vectors

logger = logging.getLogger(__name__)

RAW = convert.DEFAULT_RAW
DIM = 100  # vector width
ROWS = 20000  # rows kept in the shipped table (20k x 100 float32 = 8 MB)


def stable_hash(text: str) -> int:
    """A process-independent string hash (gensim's default is Python's salted ``hash``)."""
    return zlib.crc32(text.encode("utf-8"))


def sentences(raw: Path, data_dir: Path) -> Iterator[list[str]]:
    """Lower-cased token lists: IndoSum paragraphs, then the NER train sentences."""
    tokenizer = spacy.blank("id").tokenizer
    with raw.open(encoding="utf-8") as fh:
        for line in fh:
            for para in json.loads(line)["text"].split("\n"):
                if para.strip():
                    yield [t.lower_ for t in tokenizer(para) if not t.is_space]
    for train, _dev in convert.CORPORA.values():
        for sent in convert.read_conll(data_dir / train.path, train.sep):
            yield [w.lower() for w in sent.words]


def train_vectors(out_txt: Path, raw: Path, data_dir: Path, dim: int, seed: int) -> int:
    """Train word2vec and write it as text to ``out_txt``; return the vocabulary size."""
    from gensim.models import (
        Word2Vec,  # offline build dependency only (LGPL-2.1; not shipped)
    )

    corpus = list(sentences(raw, data_dir))
    logger.info("vector corpus: %d sentences, %d tokens", len(corpus), sum(map(len, corpus)))
    model = Word2Vec(corpus, vector_size=dim, window=5, min_count=3, sg=1, negative=10,
                     epochs=8, workers=1, seed=seed, hashfxn=stable_hash)
    model.wv.save_word2vec_format(str(out_txt), binary=False)
    return len(model.wv)


def case_variants(word: str) -> tuple[str, ...]:
    """The spellings a lower-cased vector word is looked up by: as is, Title case, UPPER case."""
    return tuple(dict.fromkeys((word, word[:1].upper() + word[1:], word.upper())))


def build_vectors(txt: Path, dest: Path, rows: int) -> tuple[int, int]:
    """Save a blank ``id`` pipeline whose vocab holds the vectors of ``txt``; return (rows, keys).

    The ``rows`` most frequent words keep their own row; each rarer word points to the row of its
    nearest kept word (cosine), as ``spacy init vectors --prune`` does. spaCy 3.8 does not save
    ``Vectors.attr`` for default-mode tables (it reloads as ``ORTH``), so instead of ``LOWER`` keys
    every word is keyed under its case variants (:func:`case_variants`), all sharing one row.
    """
    import numpy

    words: list[str] = []
    with txt.open(encoding="utf-8") as fh:
        n, dim = map(int, fh.readline().split())
        data = numpy.zeros((n, dim), dtype="float32")
        for i, line in enumerate(fh):
            word, *vals = line.rstrip("\n").split(" ")
            words.append(word)
            data[i] = numpy.asarray(vals, dtype="float32")
    rows = min(rows, len(words))
    unit = data / numpy.maximum(numpy.linalg.norm(data, axis=1, keepdims=True), 1e-8)
    nearest = numpy.arange(len(words))
    if len(words) > rows:
        nearest[rows:] = (unit[rows:] @ unit[:rows].T).argmax(axis=1)
    nlp = spacy.blank("id")
    vectors = Vectors(strings=nlp.vocab.strings, data=data[:rows].copy())
    for word, row in zip(words, nearest, strict=True):
        for form in case_variants(word):
            if form not in vectors:  # a Title/UPPER form may itself be a lower-cased word
                vectors.add(nlp.vocab.strings.add(form), row=int(row))
    nlp.vocab.vectors = vectors
    nlp.to_disk(dest)
    return rows, vectors.n_keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=convert.DEFAULT_OUT)
    parser.add_argument("--dim", type=int, default=DIM)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-train", action="store_true", help="reuse an existing vectors.txt")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args.out.mkdir(parents=True, exist_ok=True)
    txt = args.out / "vectors.txt"
    if not args.skip_train or not txt.exists():
        n = train_vectors(txt, RAW, convert.DEFAULT_DATA, args.dim, args.seed)
        logger.info("%d words -> %s", n, txt)
    rows, keys = build_vectors(txt, args.out / "vectors", args.rows)
    logger.info("vectors: %d rows, %d keys -> %s", rows, keys, args.out / "vectors")


if __name__ == "__main__":
    main()
