"""Benchmark the news cleanup (datelines, footers, duplicates) on the shared data.

Reads ``../shared/data/articles`` (dev + seed, with gold datelines) and ``../shared/data/corpus/indosum-dev.jsonl``
(per-outlet counts). Prints tables; exits 0 with a message when the data folder is absent.

Usage: ``python bench/cleanup.py [--samples N]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from idnews_extract.text.cleanup import (  # noqa: E402
    find_dateline,
    find_normalisations,
    find_reference_date,
    find_removals,
    find_source_credits,
)
from idnews_extract.text.normalise import apply_edits  # noqa: E402

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def clean(text: str) -> tuple[str, object, list]:
    """Normalise, then find the dateline and removals, as the pipeline does."""
    normal = apply_edits(text, find_normalisations(text))
    dateline = find_dateline(normal)
    return normal, dateline, find_removals(normal, dateline)


def gold_articles() -> list[tuple[dict, dict]]:
    articles = DATA / "articles"
    gold = {g["id"]: g for g in map(json.loads, (articles / "dev.gold.jsonl").read_text().splitlines()) if g}
    pairs = [(a, gold[a["id"]]) for a in map(json.loads, (articles / "dev.jsonl").read_text().splitlines())]
    pairs.append((json.loads((articles / "seed.json").read_text()), json.loads((articles / "seed.gold.json").read_text())))
    return pairs


def bench_gold() -> None:
    rows = []
    place_ok = source_ok = both_ok = date_ok = date_n = 0
    pairs = gold_articles()
    for article, gold in pairs:
        normal, hit, removals = clean(article["text"])
        want = gold.get("dateline")
        got = None if hit is None else {"place": hit.place, "source": hit.source}
        p = (want or {}).get("place") == (got or {}).get("place")
        s = (want or {}).get("source") == (got or {}).get("source")
        place_ok += p
        source_ok += s
        both_ok += got == want
        kept = apply_edits(normal, removals)
        ref = find_reference_date(kept, find_dateline(kept))
        if article.get("date") is None:
            date_n += 1
            date_ok += (ref[0] if ref else None) == gold.get("reference_date")
        rows.append((article["id"][:44], str(got), "ok" if got == want else f"WANT {want}", ref, gold.get("reference_date")))
    print("== Datelines against gold (dev.jsonl + seed) ==")
    print(f"{'id':44}  {'found':52}  check")
    for row in rows:
        print(f"{row[0]:44}  {row[1]:52}  {row[2]}")
    n = len(pairs)
    print(f"\nplace match {place_ok}/{n} = {place_ok / n:.1%}; source match {source_ok}/{n} = {source_ok / n:.1%}; "
          f"both {both_ok}/{n} = {both_ok / n:.1%}")
    print(f"reference date inferred from text (records without a date): {date_ok}/{date_n} equal to gold")
    print("  " + "; ".join(f"{r[0][:22]} got {r[3]} gold {r[4]}" for r, (a, _) in zip(rows, pairs) if a.get("date") is None))


def bench_corpus(samples: int) -> None:
    path = DATA / "corpus" / "indosum-dev.jsonl"
    stats: dict[str, Counter] = defaultdict(Counter)
    misses: dict[str, list[str]] = defaultdict(list)
    shapes: dict[str, Counter] = defaultdict(Counter)
    total_chars = 0
    started = time.perf_counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        outlet = article["outlet"]
        normal, hit, removals = clean(article["text"])
        credits = find_source_credits(apply_edits(normal, removals))
        total_chars += len(article["text"])
        counts = stats[outlet]
        counts["articles"] += 1
        counts["dateline"] += hit is not None
        kinds = Counter(edit.kind for edit in removals)
        for kind in ("footer", "inserted", "duplicate"):
            counts[kind] += kinds[kind] > 0
        counts["credit"] += bool(credits)
        if hit is None:
            misses[outlet].append(normal.split("\n", 1)[0][:90])
        else:
            shapes[outlet][f"{'P' if hit.place else '-'}{'S' if hit.source else '-'}"] += 1
    elapsed = time.perf_counter() - started
    print("\n== IndoSum dev corpus: articles with each finding, per outlet ==")
    print(f"{'outlet':16} {'articles':>8} {'dateline':>9} {'footer':>7} {'inserted':>9} {'duplicate':>9} {'credit':>7}  shapes")
    for outlet, c in sorted(stats.items(), key=lambda kv: -kv[1]["articles"]):
        n = c["articles"]
        print(f"{outlet:16} {n:8} {c['dateline']:5} {c['dateline'] / n:3.0%} {c['footer']:7} {c['inserted']:9} "
              f"{c['duplicate']:9} {c['credit']:7}  {dict(shapes[outlet])}")
    print(f"\n{sum(c['articles'] for c in stats.values())} articles, {total_chars / 1e6:.1f} M chars in {elapsed:.1f} s "
          f"({total_chars / elapsed / 1e6:.2f} M chars/s, normalise+dateline+removals+credits)")
    rng = random.Random(0)
    print("\n== Sample first lines with no dateline found ==")
    for outlet, lines in sorted(misses.items()):
        for text in rng.sample(lines, min(samples, len(lines))):
            print(f"{outlet:16} {text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=3, help="first lines without a dateline shown per outlet")
    args = parser.parse_args(argv)
    if not (DATA / "articles" / "dev.jsonl").exists():
        print(f"shared data not found at {DATA}; nothing to benchmark")
        return 0
    bench_gold()
    if (DATA / "corpus" / "indosum-dev.jsonl").exists():
        bench_corpus(args.samples)
    else:
        print("corpus/indosum-dev.jsonl not found; corpus tables skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
