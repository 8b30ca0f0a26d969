"""Benchmark the optional Stanza backend: UD accuracy, pipeline speed, and quote attribution.

Reads ``../shared/data`` (relative to the repo root; prints a message and exits 0 when it is absent) and
the Stanza models in ``--stanza-dir`` (default ``$IDNEWS_STANZA_DIR`` or ``~/.cache/idnews_extract/stanza``;
build a small set with ``python scripts/build_stanza_models.py``).

    python bench/stanza.py ud        # UD Indonesian CSUI test: tokens, sentences, UPOS, lemma, UAS, LAS
    python bench/stanza.py speed     # articles/s of the pipeline with the spaCy and the Stanza backend
    python bench/stanza.py quotes    # dev articles: speaker accuracy, spaCy vs Stanza vs Stanza + nsubj rule

``ud`` scores tokens and sentences from raw text (character spans, F1) and tags/lemmas/heads on the
gold words (Stanza's ``tokenize_pretokenized``), LAS on the universal part of the relation, as the
CoNLL 2018 scorer does.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
# this file is called stanza.py: keep its folder off the path so ``import stanza`` finds the library
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"


def _bench_quotes():
    """bench/quotes.py, loaded by path (its helpers match quotes to gold and compare speakers)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_quotes", BENCH / "quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_conllu(path: Path) -> list[dict]:
    """Sentences: text, surface tokens (with MWT ranges resolved) and words with annotations."""
    sents = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        text = next((ln.split("=", 1)[1].strip() for ln in lines if ln.startswith("# text =")), None)
        tokens, words, skip_to = [], [], 0
        for ln in lines:
            if ln.startswith("#"):
                continue
            cols = ln.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                b = int(cols[0].split("-")[1])
                tokens.append(cols[1])
                skip_to = b
                continue
            wid = int(cols[0])
            if wid > skip_to:
                tokens.append(cols[1])
            words.append({"form": cols[1], "lemma": cols[2], "upos": cols[3], "head": int(cols[6]), "deprel": cols[7]})
        sents.append({"text": text, "tokens": tokens, "words": words})
    return sents


def _spans(text: str, pieces: list[str], start: int = 0) -> list[tuple[int, int]]:
    out, pos = [], start
    for p in pieces:
        i = text.find(p, pos)
        if i < 0:
            continue
        out.append((i, i + len(p)))
        pos = i + len(p)
    return out


def _f1(pred: set, gold: set) -> float:
    tp = len(pred & gold)
    return 2 * tp / (len(pred) + len(gold)) if pred or gold else 1.0


def bench_ud(stanza_dir: Path | None) -> None:
    import stanza

    from idnews_extract.backends.stanza import (
        LANG,
        check_stanza_dir,
        default_stanza_dir,
    )

    root = stanza_dir or default_stanza_dir()
    chosen = check_stanza_dir(root)
    test = _read_conllu(DATA / "ud" / "id_csui-ud-test.conllu")
    # tokens and sentences from raw text
    text = " ".join(s["text"] for s in test)
    gold_tok, gold_sent, pos = set(), set(), 0
    for s in test:
        spans = _spans(text, s["tokens"], pos)
        gold_tok.update(spans)
        gold_sent.add((spans[0][0], spans[-1][1]))
        pos = spans[-1][1]
    tok_nlp = stanza.Pipeline(LANG, dir=str(root), processors=",".join(p for p in chosen if p in ("tokenize", "mwt")),
                              download_method=None, logging_level="WARN", use_gpu=False)
    t0 = time.perf_counter()
    doc = tok_nlp(text)
    t_tok = time.perf_counter() - t0
    pred_tok = {(t.start_char, t.end_char) for s in doc.sentences for t in s.tokens}
    pred_sent = {(s.tokens[0].start_char, s.tokens[-1].end_char) for s in doc.sentences}
    # tags, lemmas and heads on gold words
    tag_nlp = stanza.Pipeline(LANG, dir=str(root), processors=",".join(p for p in chosen if p != "mwt"),
                              tokenize_pretokenized=True, download_method=None, logging_level="WARN", use_gpu=False)
    t0 = time.perf_counter()
    out = tag_nlp([[w["form"] for w in s["words"]] for s in test])
    t_tag = time.perf_counter() - t0
    n = upos = lemma = uas = las = 0
    for gs, ps in zip(test, out.sentences):
        for gw, pw in zip(gs["words"], ps.words):
            n += 1
            upos += gw["upos"] == pw.upos
            lemma += gw["lemma"] == pw.lemma
            if gw["head"] == pw.head:
                uas += 1
                las += gw["deprel"].split(":")[0] == (pw.deprel or "").split(":")[0]
    words = sum(len(s["words"]) for s in test)
    print(f"UD Indonesian CSUI test ({len(test)} sentences, {words} words), models in {root}")
    print(f"  tokens F1     {100 * _f1(pred_tok, gold_tok):5.1f}   (raw text, {t_tok:.1f}s)")
    print(f"  sentences F1  {100 * _f1(pred_sent, gold_sent):5.1f}")
    print(f"  UPOS          {100 * upos / n:5.1f}   (gold words, {t_tag:.1f}s for pos+lemma+depparse)")
    print(f"  lemma         {100 * lemma / n:5.1f}")
    print(f"  UAS           {100 * uas / n:5.1f}")
    print(f"  LAS           {100 * las / n:5.1f}")


def _corpus(n: int) -> list[str]:
    texts = []
    with (DATA / "corpus" / "indosum-dev.jsonl").open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            texts.append(rec.get("text") or rec.get("body") or "")
            if len(texts) >= n:
                break
    return texts


def bench_speed(stanza_dir: Path | None, n: int, ner_model: bool = True) -> None:
    from idnews_extract import extract
    from idnews_extract.pipeline import load

    texts = _corpus(n)
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} corpus articles, {chars} characters")
    for backend in ("spacy", "stanza"):
        t0 = time.perf_counter()
        nlp = load(backend=backend, stanza_dir=str(stanza_dir) if stanza_dir else None, ner_model=ner_model)
        t_load = time.perf_counter() - t0
        extract(texts[0], nlp=nlp)  # warm the caches
        t0 = time.perf_counter()
        for t in texts:
            extract(t, nlp=nlp)
        took = time.perf_counter() - t0
        print(f"  {backend:7s} load {t_load:5.1f}s   {len(texts) / took:6.2f} articles/s   {chars / took / 1000:6.1f} k chars/s")


def bench_quotes(stanza_dir: Path | None, ner_model: bool = True) -> None:
    bq = _bench_quotes()
    greedy_match, same_speaker, word_jaccard = bq.greedy_match, bq.same_speaker, bq.word_jaccard
    from idnews_extract.backends.stanza import subject_speaker_span
    from idnews_extract.edge import doc_to_article
    from idnews_extract.pipeline import load

    arts = [json.loads(ln) for ln in (DATA / "articles" / "dev.jsonl").open(encoding="utf-8")]
    golds = {g["id"]: g for g in map(json.loads, (DATA / "articles" / "dev.gold.jsonl").open(encoding="utf-8"))}
    results: dict[str, list[int]] = {}
    for backend in ("spacy", "stanza"):
        nlp = load(backend=backend, stanza_dir=str(stanza_dir) if stanza_dir else None, ner_model=ner_model)
        variants = ("as is",) if backend == "spacy" else ("as is", "nsubj when missing", "nsubj first")
        for variant in variants:
            results[f"{backend}: {variant}"] = [0, 0, 0]  # matched quotes, speaker right, speaker given
        for rec in arts:
            gold = golds[rec["id"]]
            text = rec["text"]
            doc = nlp(text)
            art = doc_to_article(doc, id=rec["id"])
            pairs = greedy_match(list(art.quotes), gold["quotes"], lambda p, g: word_jaccard(p.text, g["text"]))
            for variant in variants:
                speakers = [q.speaker for q in art.quotes]
                if variant != "as is":
                    speakers = _with_subjects(doc, art, speakers, first=variant == "nsubj first",
                                              subject=subject_speaker_span)
                row = results[f"{backend}: {variant}"]
                for pi, gi in pairs:
                    g = gold["quotes"][gi]
                    if not g.get("speaker"):
                        continue
                    row[0] += 1
                    row[2] += speakers[pi] is not None
                    row[1] += same_speaker(speakers[pi], g["speaker"], gold.get("people", []))
    print("dev articles: quotes matched to gold (word Jaccard), speaker accuracy on those with a gold speaker")
    for name, (n, right, given) in results.items():
        print(f"  {name:28s} {right:3d}/{n:3d} = {100 * right / max(n, 1):5.1f}%   (speaker given for {given})")


def _with_subjects(doc, art, speakers, *, first: bool, subject) -> list:
    """Speakers after the nsubj rule: the subject of the cue, resolved to a person like the edge does."""
    from idnews_extract.edge import _Mapper, _speaker

    m = _Mapper(doc, doc._.idnews_text_stage)
    spans = sorted(doc.spans.get("idnews_quotes", []), key=lambda s: m.span(s.start_char, s.end_char)[:2])
    out = list(speakers)
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t.text) for t in doc]
    for k, span in enumerate(spans):
        if k >= len(out) or (out[k] is not None and not first):
            continue
        cs = span._.idnews_cue_start
        if cs is None:
            continue
        cue_tok = next((t.i for t in doc if t.idx <= cs < t.idx + len(t.text)), None)
        if cue_tok is None:
            continue
        found = subject(cue_tok, heads, deps, starts, ends)
        if found is None:
            continue
        name = _speaker(found[0], found[1], m, art.people, art.entities)
        if name is not None:
            out[k] = name
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("ud", "speed", "quotes", "all"))
    parser.add_argument("--stanza-dir", type=Path, default=None)
    parser.add_argument("-n", type=int, default=30, help="articles for the speed test")
    parser.add_argument("--no-ner-model", dest="ner_model", action="store_false", help="entity rules only")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"shared data not found at {DATA}; nothing to benchmark")
        return 0
    try:
        import stanza  # noqa: F401
    except ImportError:
        print('stanza is not installed (pip install "idnews_extract[stanza]" torch==2.13.0); nothing to benchmark')
        return 0
    if args.what in ("ud", "all"):
        bench_ud(args.stanza_dir)
    if args.what in ("speed", "all"):
        bench_speed(args.stanza_dir, args.n, args.ner_model)
    if args.what in ("quotes", "all"):
        bench_quotes(args.stanza_dir, args.ner_model)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
