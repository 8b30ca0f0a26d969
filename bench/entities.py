"""Entity and people scores of the rule layer (and, when the NER model is shipped, of the merged result).

Reads ``../shared/data/articles`` (seed + dev gold). Entities are compared at type level (distinct
(text, label) pairs, gold ``alt`` spellings accepted); people by name, alias set and role set.
Usage: python bench/entities.py [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "articles"
LABELS = ("PERSON", "ORG", "LOC", "EVENT")


def load_articles() -> list[tuple[str, str, dict]]:
    """(id, text, gold) for the seed (cut at its first COPYRIGHT line) and the dev set."""
    out = []
    seed = json.loads((DATA / "seed.json").read_text(encoding="utf-8"))
    text = seed["text"]
    cut = text.find("\nCOPYRIGHT")
    out.append((seed["id"], text[:cut] if cut >= 0 else text, json.loads((DATA / "seed.gold.json").read_text(encoding="utf-8"))))
    texts = {}
    for line in (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
    for line in (DATA / "dev.gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if gold["id"] in texts:
            out.append((gold["id"], texts[gold["id"]], gold))
    return out


def model_spans():
    """A function text -> model spans, or None when no model is shipped."""
    path = ROOT / "idnews_extract" / "data" / "ner_model"
    if not (path / "meta.json").exists():
        return None
    import spacy

    nlp = spacy.load(path)  # its own tokenizer and vocab: the static vectors are read through the Doc's vocab

    def run(text: str) -> list[tuple[int, int, str]]:
        doc = nlp.make_doc(text)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    return run


def oracle_persons(text: str, gold: dict) -> list[tuple[int, int, str]]:
    """Every occurrence of a gold PERSON string (longest first, no overlaps): people scored apart from NER."""
    import re

    forms = sorted({e["text"] for e in gold["entities"] if e["label"] == "PERSON"}, key=len, reverse=True)
    taken: list[tuple[int, int, str]] = []
    for form in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if not any(m.start() < e and s < m.end() for s, e, _ in taken):
                taken.append((m.start(), m.end(), "PERSON"))
    return sorted(taken)


def score_entities(pred: set[tuple[str, str]], gold: dict, counts: Counter, show: list[str]) -> None:
    gold_items = []
    for item in gold["entities"]:
        forms = {item["text"], *item.get("alt", [])}
        gold_items.append((forms, item["label"]))
    matched_pred = set()
    for forms, label in gold_items:
        hit = next((p for p in pred if p[1] == label and p[0] in forms), None)
        if hit:
            counts[label, "tp"] += 1
            matched_pred.add(hit)
        else:
            counts[label, "fn"] += 1
            show.append(f"  FN {label:6} {sorted(forms)[0]}")
    for p in pred - matched_pred:
        if any(p[0] in forms and p[1] == label for forms, label in gold_items):
            continue  # a second spelling of a gold item already matched
        counts[p[1], "fp"] += 1
        show.append(f"  FP {p[1]:6} {p[0]}")


def score_people(clusters, gold: dict, counts: Counter, show: list[str]) -> None:
    used = set()
    for person in gold["people"]:
        counts["gold_people"] += 1
        names = {person["name"], *person["aliases"]}
        cand = [c for c in clusters if c.name == person["name"]] or [
            c for c in clusters if c.name in names or set(c.aliases) & names
        ]
        if not cand:
            show.append(f"  MISS person {person['name']}")
            counts["alias_fn"] += len(person["aliases"])
            counts["role_fn"] += len(person["roles"])
            continue
        c = cand[0]
        used.add(c.name)
        counts["found"] += 1
        counts["name_ok"] += c.name == person["name"]
        ga, pa = set(person["aliases"]), set(c.aliases)
        counts["alias_tp"] += len(ga & pa)
        counts["alias_fp"] += len(pa - ga)
        counts["alias_fn"] += len(ga - pa)
        gr = {r.lower() for r in person["roles"]}
        pr = {r.lower() for r in c.roles}
        counts["role_tp"] += len(gr & pr)
        counts["role_fp"] += len(pr - gr)
        counts["role_fn"] += len(gr - pr)
        counts["exact"] += c.name == person["name"] and ga == pa and gr == pr
        if c.name != person["name"] or ga != pa or gr != pr:
            show.append(f"  person {person['name']!r} {sorted(ga)} {sorted(gr)} -> {c.name!r} {sorted(pa)} {sorted(pr)}")
    for c in clusters:
        if c.name not in used:
            counts["extra_people"] += 1


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp} fp {fp} fn {fn})"


def report(name: str, counts: Counter) -> None:
    print(f"== {name}")
    tot = Counter()
    for label in LABELS if any(counts[lab, k] for lab in LABELS for k in ("tp", "fp", "fn")) else ():
        tp, fp, fn = counts[label, "tp"], counts[label, "fp"], counts[label, "fn"]
        tot["tp"] += tp
        tot["fp"] += fp
        tot["fn"] += fn
        print(f"  {label:6} {prf(tp, fp, fn)}")
    if tot:
        print(f"  ALL    {prf(tot['tp'], tot['fp'], tot['fn'])}")
    g = counts["gold_people"]
    print(
        f"  people: found {counts['found']}/{g}, name exact {counts['name_ok']}/{g}, "
        f"all of name+aliases+roles exact {counts['exact']}/{g}, extra clusters {counts['extra_people']}"
    )
    print(f"  aliases {prf(counts['alias_tp'], counts['alias_fp'], counts['alias_fn'])}")
    print(f"  roles   {prf(counts['role_tp'], counts['role_fp'], counts['role_fn'])}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each error")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"shared data not found at {DATA}; nothing to measure")
        return 0
    from idnews_extract.extractors.entity_rules import find_rule_entities, merge_entities
    from idnews_extract.extractors.people import cluster_people

    articles = load_articles()
    model = model_spans()
    modes = {"rules": Counter(), "rules (seed only)": Counter(), "people from gold PERSON strings": Counter()}
    if model is not None:
        modes |= {"merged": Counter(), "merged (seed only)": Counter(), "model alone": Counter()}
    else:
        print("no NER model at idnews_extract/data/ner_model: rules only")
    t0 = time.perf_counter()
    for art_id, text, gold in articles:
        results = {"rules": find_rule_entities(text)}
        if model is not None:
            m = model(text)
            results["model alone"] = m
            results["merged"] = merge_entities(text, m, results["rules"])
        oracle_show: list[str] = []
        score_people(cluster_people(text, oracle_persons(text, gold)), gold, modes["people from gold PERSON strings"], oracle_show)
        if args.show and oracle_show:
            print(f"[oracle people] {art_id}")
            print("\n".join(oracle_show))
        for mode, spans in results.items():
            show: list[str] = []
            pred = {(text[s:e], label) for s, e, label in spans}
            targets = [mode] + ([f"{mode} (seed only)"] if art_id.startswith("seed") and mode != "model alone" else [])
            for target in targets:
                score_entities(pred, gold, modes[target], show if target == mode else [])
                score_people(cluster_people(text, spans), gold, modes[target], show if target == mode else [])
            if args.show and show:
                print(f"[{mode}] {art_id}")
                print("\n".join(show))
    elapsed = time.perf_counter() - t0
    for mode, counts in modes.items():
        report(mode, counts)
    print(f"{len(articles)} articles (seed + {len(articles) - 1} dev) in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
