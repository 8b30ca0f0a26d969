"""Regenerate the NER model shipped in ``idnews_extract/data/ner_model`` (PERSON, ORG, LOC).

Steps, all reproducible (fixed seeds, one thread), all paths relative to the repo root:
1. ``scripts/ner/convert.py``: the three IOB2 corpora in ``../shared/data/ner`` -> DocBins in
   ``build/ner/`` (train = IDNer-news-2k + NER UI fold 1 + NERGrit train splits; dev = the two news
   dev splits, used to pick the best checkpoint).
2. ``scripts/ner/vectors.py``: word2vec vectors (100 d, 20k rows) trained on the unlabelled IndoSum
   dev articles plus the NER train sentences -> ``build/ner/vectors`` (skipped with
   ``--reuse-vectors`` when that folder exists).
3. ``spacy train`` with ``scripts/ner/config.cfg`` (blank ``id``, hash-embed + static-vector CNN
   tok2vec, a BILUO tag per token decoded into entities: ``idnews_biluo_ner``).
4. Copy the best checkpoint into the package with only ``tok2vec`` and ``ner`` (the vectors travel
   in its ``vocab/``), and write ``MODEL.md`` (sources, licences, size, scores from
   ``bench/ner.py``'s scorer, the command).

Usage: ``OMP_NUM_THREADS=1 python scripts/train_ner.py [--seed 0] [--epochs N] [--reuse-vectors]``
"""

from __future__ import annotations

import os

os.environ["OMP_NUM_THREADS"] = "1"  # the training budget is one core

import argparse
import logging
import shutil
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts" / "ner"))
sys.path.insert(0, str(REPO / "bench"))

import convert
import spacy
import vectors
from spacy.cli.train import train as spacy_train

import idnews_extract.components.biluo_ner  # noqa: F401  (registers the NER component's factory)

logger = logging.getLogger(__name__)

CONFIG = REPO / "scripts" / "ner" / "config.cfg"
BUILD_REL = Path("build") / "ner"  # relative to REPO: the exported config keeps no absolute paths
BUILD = REPO / BUILD_REL
DEST = REPO / "idnews_extract" / "data" / "ner_model"
KEEP = ("tok2vec", "ner")
COMMAND = "OMP_NUM_THREADS=1 python scripts/train_ner.py"
#: Harmonise IDNer-news-2k train's untagged place names to LOC (the guidelines' convention)?
LOCS = True


def dir_size(path: Path) -> int:
    """Total bytes of the files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def export(best: Path, dest: Path, seed: int) -> spacy.language.Language:
    """Copy the trained pipeline at ``best`` to ``dest`` with only :data:`KEEP` and a clean meta."""
    nlp = spacy.load(best)
    for name in list(nlp.pipe_names):
        if name not in KEEP:
            nlp.remove_pipe(name)
    nlp.meta.update(
        name="ner_news",
        version="1.0.0",
        description="Indonesian news NER (PERSON, ORG, LOC): hash-embed + static-vector CNN + "
                    "softmax BILUO tagger decoded into entities (idnews_biluo_ner), trained by "
                    "idnews_extract's scripts/train_ner.py",
        license="CC BY-SA 4.0 (vectors from CC BY-SA 4.0 text; weights also derived from MIT and "
                "CC BY 4.0 corpora; see MODEL.md)",
        sources=[
            {"name": "IndoSum dev articles, unlabelled, for the word vectors "
                     "(kata-ai/indosum)", "license": "CC BY-SA 4.0"},
            {"name": "IDNer-news-2k (khairunnisaor/idner-news-2k)", "license": "MIT"},
            {"name": "IndoLEM NER UI fold 1 (indolem/indolem)", "license": "CC BY 4.0"},
            {"name": "NERGrit, IndoNLU copy (indobenchmark/indonlu)", "license": "MIT"},
        ],
        seed=seed,
    )
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest)
    return nlp


def write_model_md(dest: Path, nlp: spacy.language.Language, train_secs: float, vector_secs: float,
                   epochs: int, seed: int, locs: bool) -> None:
    """Write ``MODEL.md`` beside the model: data, licences, size, dev scores, command."""
    import ner as bench_ner  # bench/ner.py

    harmonised = (
        "IDNer-news-2k train was harmonised to the project's guidelines: bracket-glued acronyms are "
        "split off as their own entities"
        + (", and untagged place names are tagged LOC (`convert.loc_lexicon`: names that NER UI and "
           "NERGrit train tag as LOC in >= 90% of >= 5 occurrences)." if locs else
           "; its untagged place names stay as annotated (`--locs` would tag them LOC).")
    )
    rows = []
    for name, (rel, sep, harmonise, tag_locs) in bench_ner.DEV_SPLITS.items():
        scores = bench_ner.evaluate(nlp, bench_ner.model_spans(nlp), convert.DEFAULT_DATA / rel, sep, harmonise,
                                    tag_locs)
        for lab in ("ALL", *bench_ner.LABELS):
            s = scores[lab]
            rows.append(f"| {name} | {lab} | {s.p:.3f} | {s.r:.3f} | {s.f:.3f} | {s.tp + s.fn} |")
    size_mb = dir_size(dest) / 1e6
    text = f"""# ner_model: Indonesian news NER (PERSON, ORG, LOC)

A spaCy {spacy.__version__} pipeline (`lang = "id"`, components `tok2vec` + `ner`, blank tokenizer),
loadable with `spacy.load(path)` where idnews_extract is installed: `ner` is its `idnews_biluo_ner`
component, a softmax over each token's BILUO tag (`B-ORG`, `L-ORG`, `U-LOC`, `O`, ...) decoded into
well-formed entities by a constrained Viterbi search (much cheaper than spaCy's transition-based
`ner`, which takes a model step per token). The tok2vec embeds four hashed token attributes (LOWER, PREFIX,
SUFFIX, SHAPE) plus a static word vector ({nlp.vocab.vectors.shape[0]:,} rows x {nlp.vocab.vectors.shape[1]},
{nlp.vocab.vectors.n_keys:,} keys, in `vocab/`). spaCy looks static vectors up in the vocab *of the
Doc*, so Docs made by another `id` pipeline need this model's table first:
`other_nlp.vocab.vectors = model.vocab.vectors` (keys are string hashes, so the two vocabs need not
share strings). Each vector word is keyed as lower case, Title case and UPPER case (one shared row),
because spaCy 3.8 does not save a `LOWER` key attribute for a vectors table.

## Data and licences
Static vectors: word2vec skip-gram (gensim, 100 d, window 5, min count 3, 8 epochs, seed {seed}) on the
unlabelled IndoSum dev articles (Kurniawan & Louvan 2018; github.com/kata-ai/indosum; 3,431
articles, 1.0 M words): CC BY-SA 4.0, plus the words of the NER train splits below (not the dev
splits); the 20,000 most frequent words keep a row, rarer ones map to their nearest kept row.

NER trained on the train splits of:
- IDNer-news-2k (Khairunnisa et al. 2020; github.com/khairunnisaor/idner-news-2k): MIT, © 2020 khairunnisaor.
- IndoLEM NER UI, fold 1 (Koto et al. 2020; github.com/indolem/indolem): CC BY 4.0.
- NERGrit, IndoNLU copy (Wilie et al. 2020; github.com/indobenchmark/indonlu): MIT, © the NERGrit contributors.

{harmonised}
Labels mapped to PER/PERSON -> PERSON, ORG/ORGANIZATION/ORGANISATION -> ORG, LOC/LOCATION/PLACE -> LOC.
The model (vectors and weights) is a derived work of these sources: distribute it under
CC BY-SA 4.0 (ShareAlike, from the IndoSum text behind the vectors) with the attribution above; the
CC BY 4.0 terms of NER UI and the MIT notices of IDNer-news-2k and NERGrit apply as well. No corpus
text ships (the vocab holds word strings and vectors only).

## Scores (exact-span micro P/R/F1 on dev splits; the two news dev splits also chose the checkpoint)
`dev*`: IDNer-news-2k dev with bracketed acronyms split off (the guidelines' convention); `dev**`:
also with its untagged place names tagged LOC (`convert.loc_lexicon`); `dev` is as annotated.

| dataset | label | P | R | F1 | gold |
|---|---|---|---|---|---|
{chr(10).join(rows)}

## Size and training
- Size on disk: {size_mb:.1f} MB
- Vectors: {vector_secs / 60:.1f} min; NER training: {epochs} epochs max, seed {seed}, one CPU thread, {train_secs / 60:.1f} min (built {date.today().isoformat()}, on a shared 2-core machine)
- Speed: run `python bench/ner.py` (reports words/s of the tok2vec+ner stage on one core)

## Regenerate
```
{COMMAND}
```
(needs `../shared/data/ner` and `../shared/data/corpus/indosum-dev.jsonl`, and `pip install gensim`
(LGPL-2.1, build time only); intermediate files go to `build/ner/`; config: `scripts/ner/config.cfg`;
`--reuse-vectors` skips retraining `build/ner/vectors`)
"""
    (dest / "MODEL.md").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=None, help="override training.max_epochs")
    parser.add_argument("--dest", type=Path, default=DEST)
    parser.add_argument("--locs", action=argparse.BooleanOptionalAction, default=LOCS,
                        help="tag IDNer-news-2k train's untagged place names LOC (convert.loc_lexicon)")
    parser.add_argument("--reuse-vectors", action="store_true",
                        help="keep build/ner/vectors from an earlier run (same seed) instead of retraining")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not convert.DEFAULT_DATA.is_dir():
        raise SystemExit(f"NER corpora not found at {convert.DEFAULT_DATA}")
    os.chdir(REPO)  # spacy train resolves the relative paths below from here
    convert.convert(convert.DEFAULT_DATA, BUILD, locs=args.locs)
    t0 = time.perf_counter()
    if not (args.reuse_vectors and (BUILD / "vectors").is_dir()):
        vectors.train_vectors(BUILD / "vectors.txt", vectors.RAW, convert.DEFAULT_DATA,
                              dim=vectors.DIM, seed=args.seed)
        vectors.build_vectors(BUILD / "vectors.txt", BUILD / "vectors", vectors.ROWS)
    vector_secs = time.perf_counter() - t0
    overrides: dict[str, object] = {
        "paths.train": str(BUILD_REL / "train_all.spacy"),
        "paths.dev": str(BUILD_REL / "dev_news.spacy"),
        "paths.vectors": str(BUILD_REL / "vectors"),
        "system.seed": args.seed,
    }
    if args.epochs is not None:
        overrides["training.max_epochs"] = args.epochs
    epochs = args.epochs or spacy.util.load_config(CONFIG)["training"]["max_epochs"]
    out = BUILD / "train"
    if out.exists():
        shutil.rmtree(out)
    t0 = time.perf_counter()
    spacy_train(CONFIG, out, overrides=overrides, use_gpu=-1)
    train_secs = time.perf_counter() - t0
    nlp = export(out / "model-best", args.dest, args.seed)
    write_model_md(args.dest, nlp, train_secs, vector_secs, epochs, args.seed, args.locs)
    logger.info("model written to %s (%.1f MB, %.1f min vectors, %.1f min training)", args.dest,
                dir_size(args.dest) / 1e6, vector_secs / 60, train_secs / 60)


if __name__ == "__main__":
    main()
