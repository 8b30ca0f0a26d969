"""Throughput, per-stage cost, memory, load time and linearity of the idnews_extract pipeline.

Reads the first N articles (default 300) of ``../shared/data/corpus/indosum-dev.jsonl`` (relative to
the repository root) and prints, for the full pipeline and for each stage (text stage, tokenizer,
every component, the Doc-to-Article edge), articles/s and words/s. Then ``extract`` (one call per
article) and ``extract_partition`` (one call per chunk of 20) each race two references over the same
articles: ``dateparser.search_dates(text, languages=["id"])`` alone and spaCy's blank ``id`` tokenizer
alone (the floor). The systems of a race take turns chunk by chunk, so a burst of load on a shared
machine hits them alike, and the ratios are given over all and chunk by chunk (median, quartiles).
Also: import and load time in a fresh subprocess, peak memory (``ru_maxrss``) and the cost per
character on 1x, 10x and 100x concatenations.

Times are CPU seconds of this process (``time.process_time``) because the machine may be shared;
wall-clock seconds are printed beside them. Every system first runs untimed over ``--warmup`` other
articles (default 100), so the figures are a long batch job's steady state. Run:
``python bench/throughput.py [-n 300] [--warmup 100] [--no-ner] [--no-dateparser] [--no-linearity]
[--workers 2]`` (``--workers``: also the wall time of a pool of worker processes against one process,
over the 3N articles after the warm-up ones).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPUS = DATA / "corpus" / "indosum-dev.jsonl"


@dataclass(slots=True)
class Timer:
    """Accumulated CPU and wall seconds of one stage."""

    cpu: float = 0.0
    wall: float = 0.0
    calls: int = 0

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        c, w = time.process_time(), time.perf_counter()
        out = fn(*args)
        self.cpu += time.process_time() - c
        self.wall += time.perf_counter() - w
        self.calls += 1
        return out


@dataclass(slots=True)
class Report:
    """Rows of (name, Timer) measured over the same articles."""

    articles: int
    words: int
    rows: list[tuple[str, Timer]] = field(default_factory=list)

    def add(self, name: str, timer: Timer) -> None:
        self.rows.append((name, timer))

    def print(self, ref_prefix: str = "ref:") -> None:
        """The rows, each with its share of the rows that are not references (named ``ref_prefix``...)."""
        print(f"\n{self.articles} articles, {self.words:,} words (CPU seconds of this process; wall beside)")
        print(f"{'stage':<34}{'cpu s':>8}{'wall s':>8}{'art/s':>9}{'words/s':>11}{'ms/art':>8}{'share':>7}")
        total = sum(t.cpu for name, t in self.rows if not name.startswith(ref_prefix))
        for name, t in self.rows:
            rate = self.articles / t.cpu if t.cpu else float("inf")
            share = f"{100 * t.cpu / total:5.1f}%" if not name.startswith(ref_prefix) else "   ref"
            print(
                f"{name:<34}{t.cpu:8.2f}{t.wall:8.2f}{rate:9.1f}{self.words / t.cpu if t.cpu else 0:11,.0f}"
                f"{1000 * t.cpu / self.articles:8.2f}{share:>7}"
            )


def read_articles(n: int) -> list[dict[str, Any]]:
    out = []
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            out.append(json.loads(line))
            if len(out) >= n:
                break
    return out


def fresh_load_times(ner_model: bool) -> dict[str, float]:
    """Import and load time measured in a new interpreter (nothing cached, nothing imported)."""
    code = f"""
import json, time
P, W = time.process_time, time.perf_counter
c0, w0 = P(), W()
import spacy
c1, w1 = P(), W()
import idnews_extract
c2, w2 = P(), W()
nlp = idnews_extract.load(ner_model={ner_model!r})
c3, w3 = P(), W()
idnews_extract.extract("Jakarta (ANTARA) - Menteri Keuangan Sri Mulyani, Selasa (7/8), mengatakan inflasi 3,5 persen.", nlp=nlp)
c4, w4 = P(), W()
print(json.dumps({{"spacy_cpu": c1 - c0, "spacy_wall": w1 - w0, "import_cpu": c2 - c0, "import_wall": w2 - w0,
  "load_cpu": c3 - c2, "load_wall": w3 - w2, "first_cpu": c4 - c3, "first_wall": w4 - w3}}))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def forget_words() -> None:
    """Empty the process-wide per-word caches (typo verdicts, names without honorifics)."""
    from idnews_extract.extractors.entity_rules import strip_honorifics
    from idnews_extract.text.typos import corrector

    corrector.clear_caches()
    strip_honorifics.cache_clear()


def warmed(ner: bool, warm: list[dict[str, Any]]) -> Any:
    """A fresh pipeline (its own vocabulary, empty per-word caches) after an untimed run over ``warm``:
    lazy data loads, the vocabulary's first sight of common words and the cache fill happen there, as in a
    batch job after its first few hundred articles."""
    import idnews_extract

    nlp = idnews_extract.load(ner_model=ner)
    forget_words()
    for a in warm:
        idnews_extract.extract(a["text"], nlp=nlp)
    gc.collect()
    return nlp


def measure_stages(ner: bool, arts: list[dict[str, Any]], warm: list[dict[str, Any]]) -> Report:
    """Each stage timed on its own over every article, from a warmed state (the whole pipeline is timed
    in the races)."""
    from idnews_extract.edge import doc_to_article
    from idnews_extract.lang.tokenizer import tokenize
    from idnews_extract.text.stage import run_text_stage

    report = Report(len(arts), sum(len(a["text"].split()) for a in arts))
    nlp = warmed(ner, warm)
    stage_t, tok_t, edge_t = Timer(), Timer(), Timer()
    comp_t = {name: Timer() for name, _ in nlp.pipeline}
    news_tok = nlp.tokenizer
    for a in arts:
        stage = stage_t.run(run_text_stage, a["text"], news_tok.config)
        doc = tok_t.run(tokenize, news_tok.tokenizer, stage.alignment.text)  # the pipeline's path
        doc._.idnews_text_stage = stage.to_plain()
        doc._.idnews_reference_date = a.get("date") or stage.reference_date
        doc._.idnews_reference_date_source = "given" if a.get("date") else stage.reference_date_source
        for name, proc in nlp.pipeline:
            doc = comp_t[name].run(proc, doc)
        edge_t.run(lambda d, i: doc_to_article(d, id=i).to_dict(), doc, a.get("id"))
    report.add("  text stage", stage_t)
    report.add("  tokenizer (news)", tok_t)
    for name, t in comp_t.items():
        report.add(f"  {name}", t)
    report.add("  edge (Doc -> Article -> dict)", edge_t)
    return report


def race(systems: dict[str, Callable[[list[dict[str, Any]]], Any]], arts: list[dict[str, Any]],
         chunk: int = 20) -> tuple[dict[str, Timer], dict[str, list[float]]]:
    """Every system over the same articles, interleaved chunk by chunk (the order rotating), so that a
    burst of load on this shared machine hits them all alike. Returns each system's total Timer and,
    per system, its CPU time per chunk (for ratios chunk by chunk)."""
    names = list(systems)
    timers = {name: Timer() for name in names}
    per_chunk: dict[str, list[float]] = {name: [] for name in names}
    for c, i in enumerate(range(0, len(arts), chunk)):
        part = arts[i : i + chunk]
        for name in names[c % len(names) :] + names[: c % len(names)]:
            before = timers[name].cpu
            timers[name].run(systems[name], part)
            per_chunk[name].append(timers[name].cpu - before)
    return timers, per_chunk


def reference_systems(warm: list[dict[str, Any]], dateparser_too: bool) -> dict[str, Callable[[list[dict[str, Any]]], Any]]:
    """spaCy's bare ``id`` tokenizer and ``dateparser.search_dates`` alone, each warmed on ``warm``."""
    import spacy

    blank = spacy.blank("id")
    systems: dict[str, Callable[[list[dict[str, Any]]], Any]] = {
        "ref: spaCy blank id tokenizer": lambda part: [blank.tokenizer(a["text"]) for a in part]
    }
    if dateparser_too:
        from dateparser.search import search_dates

        systems["ref: dateparser.search_dates"] = lambda part: [search_dates(a["text"], languages=["id"]) for a in part]
    for run in systems.values():
        run(warm)
    return systems


def measure_races(ner: bool, arts: list[dict[str, Any]], warm: list[dict[str, Any]], dateparser_too: bool) -> None:
    """``extract`` one call at a time, then ``extract_partition`` (the engines' path, one call per chunk),
    each raced against the references over the same articles; every system of a race starts from its
    state after ``warm`` (a new blank tokenizer per race; dateparser keeps its module-level caches)."""
    import idnews_extract
    from idnews_extract.batch import extract_partition

    nlp = warmed(ner, warm)
    ours: dict[str, Callable[[list[dict[str, Any]]], Any]] = {
        "full pipeline (extract)": lambda part: [
            idnews_extract.extract(a["text"], nlp=nlp, reference_date=a.get("date"), id=a.get("id")).to_dict()
            for a in part
        ],
    }
    if ner:  # extract_partition uses the default pipeline, which needs the model
        ours["batch: extract_partition"] = extract_partition
    for name, system in ours.items():
        if system is extract_partition:  # the same warmed state as extract had
            forget_words()
            extract_partition(warm)
        refs = reference_systems(warm, dateparser_too)
        timers, per_chunk = race({name: system, **refs}, arts)
        report = Report(len(arts), sum(len(a["text"].split()) for a in arts))
        for row, timer in timers.items():
            report.add(row, timer)
        print(f"\nrace: {name}, interleaved with the references in {len(per_chunk[name])} chunks")
        report.print()
        for ref in refs:
            ratios = [r / o for r, o in zip(per_chunk[ref], per_chunk[name]) if o > 0]
            q = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else ratios * 3
            print(f"  {ref[5:]} / ours: {timers[ref].cpu / timers[name].cpu:.2f}x over all; "
                  f"chunk by chunk median {q[1]:.2f}x (quartiles {q[0]:.2f}-{q[2]:.2f})")


def measure_workers(arts: list[dict[str, Any]], workers: int) -> None:
    """Wall seconds of ``iter_partitions`` over articles no system has seen yet, in this process and on a
    pool of ``workers`` new processes; this process first forgets its per-word caches, so both start cold
    on the articles' words. The pool's start (spawn, import, load in each process) is timed apart, on one
    article per worker."""
    from idnews_extract.batch import iter_partitions

    def wall(n: int, items: list[dict[str, Any]], batch_size: int) -> float:
        w = time.perf_counter()
        for _ in iter_partitions(items, workers=n, batch_size=batch_size):
            pass
        return time.perf_counter() - w

    forget_words()
    one = wall(1, arts, 16)
    start = wall(workers, arts[:workers], 1)  # processes start on demand: one batch each starts them all
    many = wall(workers, arts, 16)
    rate = len(arts) / max(many - start, 1e-9)
    print(f"\nworkers (wall seconds over {len(arts)} other articles, batches of 16)")
    print(f"  1 process: {one:.2f}s ({len(arts) / one:.1f} articles/s)")
    print(f"  {workers} workers: {many:.2f}s, of which about {start:.2f}s starting the pool; without it "
          f"{rate:.1f} articles/s, {rate * one / len(arts):.2f}x one process")


def linearity(nlp: Any, arts: list[dict[str, Any]]) -> None:
    """CPU time per character on 1x, 10x, 100x copies of one article, and of distinct articles joined."""
    import idnews_extract

    lengths = sorted(arts, key=lambda a: len(a["text"]))
    one = lengths[len(lengths) // 2]["text"]
    print("\nlinearity (CPU microseconds per input character; flat = linear)")
    print(f"{'input':<38}{'chars':>10}{'cpu s':>9}{'us/char':>9}")
    cases = [(f"same article x{k}", "\n\n".join([one] * k)) for k in (1, 10, 100)]
    cases += [(f"distinct articles x{k}", "\n\n".join(a["text"] for a in arts[:k])) for k in (1, 10, 100) if k <= len(arts)]
    for label, text in cases:
        forget_words()  # every case meets its words for the first time, whatever ran before
        t = Timer()
        t.run(lambda s: idnews_extract.extract(s, nlp=nlp), text)
        print(f"{label:<38}{len(text):>10,}{t.cpu:9.2f}{1e6 * t.cpu / len(text):9.1f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=300, help="number of articles (default 300)")
    ap.add_argument("--warmup", type=int, default=100,
                    help="articles after the first N run once, untimed, through every system first: steady state")
    ap.add_argument("--no-ner", action="store_true", help="rules only, even when the NER model is present")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the search_dates reference")
    ap.add_argument("--no-linearity", action="store_true")
    ap.add_argument("--workers", type=int, default=0, help="also time a pool of this many worker processes")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"the benchmark corpus is absent ({CORPUS}); nothing to measure")
        return 0
    sys.path.insert(0, str(ROOT))
    model_there = (ROOT / "idnews_extract" / "data" / "ner_model" / "meta.json").exists()
    ner = model_there and not args.no_ner
    print(f"NER model: {'on' if ner else 'off (rules only)'}{'' if model_there else ' - not found in the package'}")

    lt = fresh_load_times(ner)
    print(
        "fresh interpreter: import spacy {spacy_cpu:.2f}s cpu ({spacy_wall:.2f} wall); import idnews_extract "
        "{import_cpu:.2f}s cpu ({import_wall:.2f} wall, spaCy included); load() {load_cpu:.2f}s cpu "
        "({load_wall:.2f} wall); first extract {first_cpu:.2f}s cpu ({first_wall:.2f} wall)".format(**lt)
    )
    print(f"  import + load = {lt['import_cpu'] + lt['load_cpu']:.2f}s cpu; to first result "
          f"{lt['import_cpu'] + lt['load_cpu'] + lt['first_cpu']:.2f}s cpu")

    pool_n = 3 * args.n if args.workers > 1 else 0
    arts = read_articles(args.n + args.warmup + pool_n)
    arts, warm, pool_arts = arts[: args.n], arts[args.n : args.n + args.warmup] or arts[:1], arts[args.n + args.warmup :]
    print("\nstages (each timed on its own; the whole pipeline is timed in the races below)")
    measure_stages(ner, arts, warm).print()
    measure_races(ner, arts, warm, not args.no_dateparser)
    if args.workers > 1 and ner and pool_arts:
        measure_workers(pool_arts, args.workers)
    elif args.workers:
        print(f"\nworkers: not measured (--workers {args.workers} needs 2 or more, the NER model and unseen articles)")
    lens = [len(a["text"]) for a in arts]
    print(f"  articles: median {statistics.median(lens):,.0f} chars, max {max(lens):,}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory before the linearity inputs (ru_maxrss): {peak:,.0f} MB")
    if not args.no_linearity:
        linearity(warmed(ner, warm), arts)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory at the end (ru_maxrss of this process): {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
