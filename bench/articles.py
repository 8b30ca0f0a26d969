"""Article-level evaluation of the whole pipeline against the gold in ../shared/data/articles.

Runs ``idnews_extract.extract`` on the seed and the 20 dev articles (reference date = the record's
``date``, as a user would pass it; the seed has none) and scores every field of the output contract
the way ``GUIDELINES.md`` says: entities, dates and percentages at type level (distinct text+label or
text+value), people by name (aliases and roles compared as sets), quotes matched one to one by word
overlap (Jaccard >= 0.5) and then required to have the right kind and speaker, datelines by place and
source.

    python bench/articles.py [--show] [--rules-only]

``--rules-only`` runs the pipeline without the statistical NER model (entity rules alone).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "articles"
sys.path.insert(0, str(ROOT))

_WORD = re.compile(r"\w+")


def load() -> list[tuple[dict, dict]]:
    pairs = []
    seed = json.loads((DATA / "seed.json").read_text(encoding="utf-8"))
    pairs.append((seed, json.loads((DATA / "seed.gold.json").read_text(encoding="utf-8"))))
    gold = {g["id"]: g for g in map(json.loads, (DATA / "dev.gold.jsonl").open(encoding="utf-8"))}
    for record in map(json.loads, (DATA / "dev.jsonl").open(encoding="utf-8")):
        pairs.append((record, gold[record["id"]]))
    return pairs


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def jaccard(a: str, b: str) -> float:
    x, y = Counter(_WORD.findall(a.lower())), Counter(_WORD.findall(b.lower()))
    union = sum((x | y).values())
    return sum((x & y).values()) / union if union else 0.0


def same_name(pred: str | None, gold: str | None, people: list[dict]) -> bool:
    """A predicted speaker names the gold speaker: equal, or one of the gold person's aliases."""
    if pred is None or gold is None:
        return pred is None and gold is None
    names = {gold.lower()} | {a.lower() for p in people if p["name"] == gold for a in p.get("aliases", [])}
    return pred.lower() in names


class Score:
    def __init__(self) -> None:
        self.tp = self.npred = self.ngold = 0

    def add(self, tp: int, npred: int, ngold: int) -> None:
        self.tp += tp
        self.npred += npred
        self.ngold += ngold

    def row(self, name: str) -> str:
        p, r, f = prf(self.tp, self.npred, self.ngold)
        return f"  {name:<28} P={p:.3f} R={r:.3f} F1={f:.3f}   (tp={self.tp} pred={self.npred} gold={self.ngold})"


def main() -> int:
    if not DATA.exists():
        print(f"{DATA} is absent: the article gold lives in ../shared/data; nothing to evaluate.")
        return 0
    import idnews_extract
    show = "--show" in sys.argv
    pairs = load()
    t0 = time.perf_counter()
    nlp = idnews_extract.load(ner_model="--rules-only" not in sys.argv)
    idnews_extract.extract("Pemanasan.", nlp=nlp)
    load_s = time.perf_counter() - t0
    scores = {k: Score() for k in ("entities", "PERSON", "ORG", "LOC", "EVENT", "people", "people+roles", "quotes (text)",
                                   "quotes (text+kind)", "quotes (text+kind+speaker)", "dates", "percentages")}
    dateline_ok = ref_ok = n_ref = 0
    elapsed = 0.0
    for record, gold in pairs:
        t = time.perf_counter()
        art = idnews_extract.extract(record["text"], nlp=nlp, reference_date=record.get("date"), id=record["id"])
        elapsed += time.perf_counter() - t
        # entities, type level; gold "alt" spellings count as the same entity
        pred_e = {(e.text, e.label) for e in art.entities}
        gold_e = {(g["text"], g["label"]) for g in gold["entities"]}
        alts = {(a, g["label"]): (g["text"], g["label"]) for g in gold["entities"] for a in g.get("alt", [])}
        pred_e = {alts.get(x, x) for x in pred_e}
        scores["entities"].add(len(pred_e & gold_e), len(pred_e), len(gold_e))
        for label in ("PERSON", "ORG", "LOC", "EVENT"):
            p = {x for x in pred_e if x[1] == label}
            g = {x for x in gold_e if x[1] == label}
            scores[label].add(len(p & g), len(p), len(g))
        if show:
            for x in sorted(pred_e - gold_e):
                print(f"    {record['id'][:40]} entity FP {x}")
            for x in sorted(gold_e - pred_e):
                print(f"    {record['id'][:40]} entity FN {x}")
        # people by name; roles and aliases as sets on matched names
        gold_people = {p["name"]: p for p in gold["people"]}
        pred_people = {p.name: p for p in art.people}
        matched = set(gold_people) & set(pred_people)
        scores["people"].add(len(matched), len(pred_people), len(gold_people))
        exact = sum(
            set(pred_people[n].roles) == set(gold_people[n]["roles"])
            and set(pred_people[n].aliases) == set(gold_people[n]["aliases"])
            for n in matched
        )
        scores["people+roles"].add(exact, len(pred_people), len(gold_people))
        # quotes
        gq = gold["quotes"]
        pairs_q = sorted(((jaccard(q.text, g["text"]), i, j) for i, q in enumerate(art.quotes) for j, g in enumerate(gq)), reverse=True)
        used_p, used_g, links = set(), set(), []
        for s, i, j in pairs_q:
            if s >= 0.5 and i not in used_p and j not in used_g:
                used_p.add(i), used_g.add(j), links.append((i, j))
        kind_ok = [(i, j) for i, j in links if art.quotes[i].kind == gq[j]["kind"]]
        spk_ok = [(i, j) for i, j in kind_ok if same_name(art.quotes[i].speaker, gq[j]["speaker"], gold["people"])]
        scores["quotes (text)"].add(len(links), len(art.quotes), len(gq))
        scores["quotes (text+kind)"].add(len(kind_ok), len(art.quotes), len(gq))
        scores["quotes (text+kind+speaker)"].add(len(spk_ok), len(art.quotes), len(gq))
        if show:
            for i, j in set(kind_ok) - set(spk_ok):
                print(f"    {record['id'][:40]} speaker {art.quotes[i].speaker!r} want {gq[j]['speaker']!r}: {gq[j]['text'][:60]!r}")
            for i, q in enumerate(art.quotes):
                if i not in used_p:
                    print(f"    {record['id'][:40]} quote FP {q.kind} {q.cue} {q.text[:70]!r}")
            for j, g in enumerate(gq):
                if j not in used_g:
                    print(f"    {record['id'][:40]} quote FN {g['kind']} {g['cue']} {g['text'][:70]!r}")
        # dates and percentages, type level
        pd = {(d.text, d.value) for d in art.dates}
        gd = {(d["text"], d["value"]) for d in gold["dates"]}
        scores["dates"].add(len(pd & gd), len(pd), len(gd))
        pp = {(p.text, p.value, p.low, p.high) for p in art.percentages}
        gp = {(p["text"], p.get("value"), p.get("low"), p.get("high")) for p in gold["percentages"]}
        gp = {(t, float(v) if v is not None else None, lo, hi) for t, v, lo, hi in gp}
        scores["percentages"].add(len(pp & gp), len(pp), len(gp))
        # dateline and reference date
        want = gold.get("dateline")
        got = {"place": art.dateline.place, "source": art.dateline.source} if art.dateline else None
        dateline_ok += (want == got) if want is None or got is None else (want["place"] == got["place"] and want["source"] == got["source"])
        if record.get("date") is None and gold.get("reference_date"):
            n_ref += 1
            ref_ok += art.reference_date == gold["reference_date"]
    n = len(pairs)
    print(f"## {n} articles (seed + dev), full pipeline; load {load_s:.2f} s, {elapsed / n * 1000:.1f} ms/article")
    for name, score in scores.items():
        print(score.row(name))
    print(f"  {'dateline (place+source)':<28} {dateline_ok}/{n} = {dateline_ok / n:.1%}")
    print(f"  {'reference date, undated':<28} {ref_ok}/{n_ref}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
