"""Dates and percentages against the shared development data, and a speed/quality race with dateparser.

Reads ``../shared/data`` (relative to the repository root): ``dates/expressions.tsv`` (65 expressions in
context, base Tuesday 2018-08-07), ``articles/dev.jsonl`` + ``dev.gold.jsonl`` and ``seed.json`` +
``seed.gold.json``. Scores are type-level: each distinct (text, value) of an article once, texts compared with
blanks collapsed. Run: ``python bench/dates.py`` (``-v`` lists misses).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from idnews_extract.extractors.dates import find_dates  # noqa: E402
from idnews_extract.extractors.percentages import find_percentages  # noqa: E402

VERBOSE = "-v" in sys.argv


def norm(s: str) -> str:
    return " ".join(s.split())


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def articles() -> list[tuple[str, str, dt.date | None, dict]]:
    base = DATA / "articles"
    recs = {json.loads(line)["id"]: json.loads(line) for line in (base / "dev.jsonl").open(encoding="utf-8")}
    golds = [json.loads(line) for line in (base / "dev.gold.jsonl").open(encoding="utf-8")]
    seed = json.loads((base / "seed.json").read_text(encoding="utf-8"))
    recs[seed["id"]] = seed
    golds.append(json.loads((base / "seed.gold.json").read_text(encoding="utf-8")))
    out = []
    for g in golds:
        r = recs[g["id"]]
        ref = g.get("reference_date") or r.get("date")
        out.append((g["id"], r["text"], dt.date.fromisoformat(ref) if ref else None, g))
    return out


def expressions() -> None:
    rows = list(csv.DictReader((DATA / "dates" / "expressions.tsv").open(encoding="utf-8"), delimiter="\t"))
    ref = dt.date(2018, 8, 7)
    print("## expressions.tsv (found = a hit overlapping the expression whose value, or approximate interval,")
    print("##   is the expected one: the file writes modified and anchored expressions as intervals)")
    for intervals in (False, True):
        ok = exact = 0
        for r in rows:
            i = r["context"].find(r["expression"])
            j = i + len(r["expression"])
            hits = find_dates(r["context"], ref, intervals=intervals)
            good = [h for h in hits if h.start < j and i < h.end and r["expected"] in (h.value, h.interval)]
            ok += bool(good)
            exact += any(h.start == i and h.end == j for h in good)
            if not good and VERBOSE:
                print(f"   miss ({'intervals' if intervals else 'timex'}): {r['expression']!r} want {r['expected']}"
                      f" got {[(h.text, h.value) for h in hits]}")
        style = "intervals=True " if intervals else "default (value + interval)"
        print(f"  {style}: {ok}/{len(rows)} = {ok / len(rows):.1%} (same span as well: {exact}/{len(rows)})")


def dev_scores(arts: list) -> None:
    print("## dev (20 articles) + seed, type-level (text, value)")
    for name in ("dates", "percentages"):
        tp = fp = fn = 0
        for aid, text, ref, g in arts:
            if name == "dates":
                gold = {(norm(d["text"]), d["value"]) for d in g["dates"]}
                pred = {(norm(h.text), h.value) for h in find_dates(text, ref)}
            else:
                gold = {(norm(d["text"]), d.get("value"), d.get("low"), d.get("high")) for d in g["percentages"]}
                gold = {(t, None if v is None else float(v), lo, hi) for t, v, lo, hi in gold}
                pred = {(norm(h.text), h.value, h.low, h.high) for h in find_percentages(text)}
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
            if VERBOSE:
                for x in sorted(pred - gold, key=str):
                    print(f"   FP {aid[:28]} {x}")
                for x in sorted(gold - pred, key=str):
                    print(f"   FN {aid[:28]} {x}")
        p, r, f = prf(tp, fp, fn)
        print(f"  {name:12s} tp={tp:3d} fp={fp:2d} fn={fn:2d}  P={p:.3f} R={r:.3f} F1={f:.3f}")


def _dp_value(when: dt.datetime, gold: str) -> bool:
    """Whether dateparser's datetime agrees with a gold value at the gold's granularity."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", gold):
        return when.strftime("%Y-%m-%dT%H:%M") == gold
    for fmt, rx in (("%Y-%m-%d", r"\d{4}-\d{2}-\d{2}"), ("%Y-%m", r"\d{4}-\d{2}"), ("%Y", r"\d{4}")):
        if re.fullmatch(rx, gold):
            return when.strftime(fmt) == gold
    return False


def race(arts: list) -> None:
    import dateparser.search

    print("## dates vs dateparser.search_dates on the same articles (type-level on text; value at gold granularity)")
    runs = {}
    for system in ("idnews_extract", "dateparser"):
        tp = fp = fn = good = 0
        seconds = 0.0
        for _, text, ref, g in arts:
            base = dt.datetime.combine(ref, dt.time(12)) if ref else dt.datetime(2020, 1, 1, 12)
            if system == "dateparser":  # warm-up outside the clock (first call loads language data)
                dateparser.search.search_dates("Senin", languages=["id"])
            else:
                find_dates("Senin", ref)
            t0 = time.perf_counter()
            if system == "dateparser":
                found = dateparser.search.search_dates(
                    text, languages=["id"], settings={"DATE_ORDER": "DMY", "RELATIVE_BASE": base}) or []
                pred = {norm(s): when for s, when in found}
            else:
                pred = {norm(h.text): h.value for h in find_dates(text, ref)}
            seconds += time.perf_counter() - t0
            gold = {}
            for d in g["dates"]:
                gold.setdefault(norm(d["text"]), d["value"])
            hit = set(gold) & set(pred)
            tp, fp, fn = tp + len(hit), fp + len(set(pred) - set(gold)), fn + len(set(gold) - set(pred))
            for t in hit:
                ok = _dp_value(pred[t], gold[t]) if system == "dateparser" else pred[t] == gold[t]
                good += ok
        p, r, f = prf(tp, fp, fn)
        runs[system] = (p, r, f, good / tp if tp else 0.0, 1000 * seconds / len(arts))
    print(f"  {'system':16s} {'P':>6s} {'R':>6s} {'F1':>6s} {'value acc':>10s} {'ms/article':>11s}")
    for system, (p, r, f, acc, ms) in runs.items():
        print(f"  {system:16s} {p:6.3f} {r:6.3f} {f:6.3f} {acc:10.3f} {ms:11.2f}")
    print(f"  speed-up: {runs['dateparser'][4] / runs['idnews_extract'][4]:.1f}x "
          f"(value acc = share of detected gold texts whose value is right)")


def main() -> int:
    if not DATA.is_dir():
        print(f"shared data not found at {DATA}: nothing to measure")
        return 0
    arts = articles()
    expressions()
    dev_scores(arts)
    try:
        race(arts)
    except ImportError:
        print("dateparser is not installed: skipping the comparison (pip install dateparser)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
