"""Benchmark quote extraction: the seed article, PFSA-ID direct quotes and the dev articles with speakers.

Reads ``../shared/data`` (relative to the repo root); prints a message and exits 0 when it is absent.
Mentions: ``idnews_extract.extract`` when it exists and works, else a stand-in written here only:
``oracle`` = the gold entity strings located in the text; ``caps`` = capitalised word sequences (no gold).
PFSA-ID is scored twice: every direct quote the quote finder sees, and the public-figure statements of the full
pipeline (direct quotes with a resolved speaker whose ``people[].standing`` is not ``"private"``), which is
the task PFSA annotates.

    python bench/quotes.py [--mentions oracle|caps|both] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"

from idnews_extract.extractors.cues import lexicon  # noqa: E402
from idnews_extract.extractors.quotes import QuoteHit, find_quotes  # noqa: E402

Mention = tuple[int, int, str]
_WORD = re.compile(r"\w+")
_CAPSEQ = re.compile(r"(?:@\w+|[A-Z](?:[\w’'-]|\.(?=\w))*)(?:[ \t]+(?:[A-Z](?:[\w’'-]|\.(?=\w))*|dan|bin|van|de))*")
# bench-only stand-in heuristics (not package data): words that make a capitalised sequence an organisation
_ORG_HINTS = {"dinas", "kementerian", "badan", "komisi", "pemkot", "pemkab", "pemprov", "pemerintah", "pt", "bank",
              "universitas", "partai", "dewan", "kantor", "polda", "polres", "dpr", "dprd", "kpu", "bawaslu", "ojk",
              "bpk", "bps", "bpom", "kadin", "asosiasi", "lembaga", "institut", "rsud", "direktorat", "fakultas"}
_NOT_NAMES = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari", "maret", "april",
              "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"}


def caps_mentions(text: str) -> list[Mention]:
    """Capitalised word sequences, minus sentence-initial single words and month/day names."""
    out = []
    for m in _CAPSEQ.finditer(text):
        s, e = m.start(), m.end()
        words = m.group().split()
        before = text[max(0, s - 2) : s]
        if len(words) == 1 and (s == 0 or before.strip() in (".", "", '"', "”", "“") and "\n" in text[max(0, s - 2) : s]
                                or re.search(r"[.!?\"”]\s*$", text[max(0, s - 3) : s])):
            continue
        while words and words[-1].lower() in ("dan", "bin", "van", "de"):
            words.pop()
        if not words or all(w.lower().strip(".") in _NOT_NAMES for w in words):
            continue
        e = s + len(" ".join(words)) if " ".join(words) == text[s : s + len(" ".join(words))] else e
        if len(words) > 2 and lexicon().in_cat("role_noun", words[0]):
            s = e - len(" ".join(words[-2:]))
            words = words[-2:]
        label = "ORG" if any(w.lower() in _ORG_HINTS or (w.isupper() and len(w) > 1) for w in words) else "PERSON"
        out.append((s, e, label))
    return out


def oracle_mentions(text: str, entities: list[dict]) -> list[Mention]:
    """Every occurrence of each gold entity string (longest first, no overlaps)."""
    taken = [False] * len(text)
    out = []
    ents = sorted(entities, key=lambda e: -len(e["text"]))
    for ent in ents:
        for surface in [ent["text"], *ent.get("alt", [])]:
            for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
                if not any(taken[m.start() : m.end()]):
                    out.append((m.start(), m.end(), ent["label"]))
                    for i in range(m.start(), m.end()):
                        taken[i] = True
    return out


def _extract_mentions(text: str):
    try:
        import idnews_extract as ie

        art = ie.extract(text)  # type: ignore[attr-defined]
        return [(e.start, e.end, e.label) for e in art.entities]
    except Exception:  # noqa: BLE001 - any failure means: not available yet
        return None


def mentions_for(text: str, mode: str, entities: list[dict] | None) -> list[Mention]:
    if mode == "oracle" and entities is not None:
        return oracle_mentions(text, entities)
    if mode == "extract":
        got = _extract_mentions(text)
        if got is not None:
            return got
    return caps_mentions(text)


# ---------------------------------------------------------------- matching


def _bag(s: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(s))


def word_jaccard(a: str, b: str) -> float:
    x, y = _bag(a), _bag(b)
    inter = sum((x & y).values())
    union = sum((x | y).values())
    return inter / union if union else 0.0


def greedy_match(pred: list, gold: list, score) -> list[tuple[int, int]]:
    pairs = sorted(((score(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True)
    used_p, used_g, out = set(), set(), []
    for s, i, j in pairs:
        if s < 0.5:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def speaker_name(text: str, hit: QuoteHit, mentions: list[Mention]) -> str | None:
    """Stand-in for the lead's person clusters: the longest PERSON/ORG mention containing the span's words."""
    if hit.speaker_start is None:
        return None
    span = text[hit.speaker_start : hit.speaker_end]
    words = set(_WORD.findall(span.lower()))
    best = span
    for s, e, label in mentions:
        cand = text[s:e]
        if label in ("PERSON", "ORG") and words <= set(_WORD.findall(cand.lower())) and len(cand) > len(best):
            best = cand
    return best


def same_speaker(pred: str | None, gold: str | None, people: list[dict]) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    names = {gold.lower()}
    for p in people:
        if p["name"] == gold:
            names |= {a.lower() for a in p.get("aliases", [])}
    if pred.lower() in names:
        return True
    pw = set(_WORD.findall(pred.lower()))
    return any(pw and pw <= set(_WORD.findall(n)) for n in names) and len(pw) > 0 and \
        any(set(_WORD.findall(n)) & pw for n in names)


# ---------------------------------------------------------------- evaluations


def eval_articles(records: list[tuple[str, dict, dict]], mode: str, show: bool) -> dict:
    tp_text = tp_full = tp_kind = npred = ngold = 0
    errors: Counter = Counter()
    for text, rec, gold in records:
        ments = mentions_for(text, mode, gold.get("entities"))
        hits = find_quotes(text, ments)
        preds = [(h, text[h.start : h.end], speaker_name(text, h, ments)) for h in hits]
        golds = gold["quotes"]
        npred += len(preds)
        ngold += len(golds)
        pairs = greedy_match(preds, golds, lambda p, g: word_jaccard(p[1], g["text"]))
        tp_text += len(pairs)
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        for i, j in pairs:
            h, qt, spk = preds[i]
            g = golds[j]
            ok_kind = h.kind == g["kind"]
            ok_spk = same_speaker(spk, g["speaker"], gold.get("people", []))
            tp_kind += ok_kind
            tp_full += ok_kind and ok_spk
            if not ok_kind:
                errors["wrong kind"] += 1
            if not ok_spk:
                errors["wrong speaker" if spk and g["speaker"] else ("speaker missing" if g["speaker"] else "speaker given, gold null")] += 1
                if show:
                    print(f"  SPK {rec['id'][:30]} pred={spk!r} gold={g['speaker']!r} cue={h.cue} | {qt[:70]}")
        for i, p in enumerate(preds):
            if i not in mp:
                errors[f"false {p[0].kind}"] += 1
                if show:
                    print(f"  FP  {rec['id'][:30]} {p[0].kind} cue={p[0].cue} spk={p[2]} | {p[1][:90]}")
        for j, g in enumerate(golds):
            if j not in mg:
                errors[f"missed {g['kind']}"] += 1
                if show:
                    print(f"  FN  {rec['id'][:30]} {g['kind']} cue={g['cue']} spk={g['speaker']} | {g['text'][:90]}")
    return {"n_gold": ngold, "n_pred": npred, "text": prf(tp_text, npred, ngold),
            "text+kind": prf(tp_kind, npred, ngold), "text+kind+speaker": prf(tp_full, npred, ngold),
            "errors": dict(errors.most_common())}


def load_pfsa(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """Articles of PFSA-ID rebuilt from tokens: (text, gold STATEMENT char spans)."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        tok, _, tag = line.partition("\t")
        cur.append((tok, tag.strip()))
    if cur:
        sents.append(cur)
    articles: list[list[list[tuple[str, str]]]] = []
    for s in sents:
        if len(s) >= 3 and s[1][0] == "," and s[2][0] == "KOMPAS" or not articles:
            articles.append([])
        articles[-1].append(s)
    return [_detok(a) for a in articles]


_NO_SPACE_BEFORE = set(",.;:!?)]%")
_NO_SPACE_AFTER = set("([")
_QMARKS = set('"“”')


def _detok(sents: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int]]]:
    out: list[str] = []
    pos = 0
    spans = []
    open_q = False
    glue_next = False
    cur_start = None
    toks = [t for s in sents for t in s]
    for idx, (tok, tag) in enumerate(toks):
        space = bool(out) and not glue_next
        if tok in _NO_SPACE_BEFORE:
            space = False
        is_q = tok in _QMARKS
        if is_q:
            prev = toks[idx - 1][0] if idx else ""
            # position-based: a mark after , . ! ? that follows an open quote closes it
            closing = open_q or (prev in (",", ".", "!", "?") and idx + 1 < len(toks) and toks[idx + 1][0][:1].islower())
            if closing:
                space = False
                open_q = False
            else:
                open_q = True
        if space:
            out.append(" ")
            pos += 1
        start = pos
        out.append(tok)
        pos += len(tok)
        glue_next = tok in _NO_SPACE_AFTER or (is_q and open_q)
        label = tag[2:] if len(tag) > 2 else ""
        if label == "STATEMENT":
            if tag.startswith(("B-", "U-")) or cur_start is None:
                cur_start = start
            if tag.startswith(("L-", "U-")):
                spans.append((cur_start, pos))
                cur_start = None
        elif cur_start is not None:
            spans.append((cur_start, start))
            cur_start = None
    return "".join(out), spans


def _overlap(p: tuple[int, int], g: tuple[int, int]) -> float:
    inter = max(0, min(p[1], g[1]) - max(p[0], g[0]))
    union = max(p[1], g[1]) - min(p[0], g[0])
    return inter / union if union else 0.0


def public_statements(text: str, nlp) -> list[tuple[int, int]]:
    """Direct quotes the full pipeline attributes to someone whose ``standing`` is not ``"private"``: PFSA-ID's
    task (statements of public figures), read from the library's own output."""
    import idnews_extract

    art = idnews_extract.extract(text, nlp=nlp)
    standing = {p.name: p.standing for p in art.people}
    return [(q.start, q.end) for q in art.quotes
            if q.kind == "direct" and q.speaker is not None and standing.get(q.speaker) != "private"]


def eval_pfsa(path: Path, show: bool, full: bool) -> dict:
    """Direct-quote spans of the quote finder alone (every quote) and, with ``full``, the public-figure
    statements of the whole pipeline, against PFSA-ID's STATEMENT spans."""
    arts = load_pfsa(path)
    counts = {"direct": [0, 0, 0], "public": [0, 0, 0]}
    t0 = time.perf_counter()
    nchar = 0
    errs: Counter = Counter()
    nlp = None
    if full:
        import idnews_extract

        nlp = idnews_extract.load()
    for text, gold in arts:
        nchar += len(text)
        runs = {"direct": [(h.start, h.end) for h in find_quotes(text, caps_mentions(text)) if h.kind == "direct"]}
        if nlp is not None:
            runs["public"] = public_statements(text, nlp)
        for name, pred in runs.items():
            pairs = greedy_match(pred, gold, _overlap)
            c = counts[name]
            c[0] += len(pairs)
            c[1] += len(pred)
            c[2] += len(gold)
            if name != ("public" if full else "direct"):
                continue
            matched = ({i for i, _ in pairs}, {j for _, j in pairs})
            for kind, tag, spans, seen in (("false", "FP", pred, matched[0]), ("missed", "FN", gold, matched[1])):
                for k, (a, b) in enumerate(spans):
                    if k not in seen:
                        errs[kind] += 1
                        if show:
                            print(f"  {tag}  {text[max(0, a - 40):a]!r} [[{text[a:b][:120]}]] {text[b:b + 30]!r}")
    dt = time.perf_counter() - t0
    return {"articles": len(arts), "n_gold": counts["direct"][2], "n_pred": counts["direct"][1],
            "direct": prf(*counts["direct"]), "public": prf(*counts["public"]) if full else None,
            "n_public": counts["public"][1], "errors": dict(errs), "chars_per_s": nchar / dt if dt else 0.0}


def seed_check(mode: str) -> None:
    rec = json.loads((DATA / "articles" / "seed.json").read_text(encoding="utf-8"))
    gold = json.loads((DATA / "articles" / "seed.gold.json").read_text(encoding="utf-8"))
    text = rec["text"]
    cut = text.find("\nCOPYRIGHT")
    text = text[:cut] if cut >= 0 else text
    ments = mentions_for(text, mode, gold.get("entities"))
    hits = find_quotes(text, ments)
    exact = 0
    print(f"\nSeed ({mode} mentions): {len(hits)} predicted, {len(gold['quotes'])} gold")
    for g in gold["quotes"]:
        found = [h for h in hits if text[h.start : h.end] == g["text"]]
        ok = ""
        if found:
            h = found[0]
            spk = speaker_name(text, h, ments)
            good = h.kind == g["kind"] and (h.cue or "").lower() == (g["cue"] or "").lower() and \
                same_speaker(spk, g["speaker"], gold["people"])
            exact += good
            ok = f"{'OK ' if good else 'BAD'} kind={h.kind} cue={h.cue} speaker={spk}"
        print(f"  {ok or 'MISSING':60s} | {g['text'][:50]}")
    extra = [h for h in hits if text[h.start : h.end] not in {g['text'] for g in gold['quotes']}]
    for h in extra:
        print(f"  EXTRA {h.kind} {text[h.start:h.end][:70]}")
    print(f"  exact: {exact}/{len(gold['quotes'])}, extra: {len(extra)}")


def _table(title: str, rows: list[tuple[str, tuple[float, float, float]]]) -> None:
    print(f"\n{title}\n  {'measure':28s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for name, (p, r, f) in rows:
        print(f"  {name:28s} {p:6.3f} {r:6.3f} {f:6.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", default="both", choices=["oracle", "caps", "extract", "both"])
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--skip-pfsa", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"shared data not found at {DATA}; nothing to benchmark")
        return 0
    modes = ["oracle", "caps"] if args.mentions == "both" else [args.mentions]
    if _extract_mentions("Budi datang.") is not None:
        modes.append("extract")
    for mode in modes:
        seed_check(mode)
    if not args.skip_pfsa:
        pfsa = DATA / "quotes" / "pfsa-id" / "dev-40.txt"
        if pfsa.exists():
            full = _extract_mentions("Budi datang.") is not None
            res = eval_pfsa(pfsa, args.show_errors, full)
            rows = [("every direct quote (finder)", res["direct"])]
            if full:
                rows.append(("public-figure statements", res["public"]))
            _table(f"PFSA-ID dev-40 direct quotes ({res['articles']} articles, gold {res['n_gold']}, "
                   f"finder {res['n_pred']}, public {res['n_public']}; match = char overlap >= 1/2 union)", rows)
            print("  every direct quote: find_quotes with capitalised-word mentions, no NER; public-figure statements:"
                  " extract()'s direct quotes whose speaker is resolved and whose people[].standing is not"
                  " 'private' (PFSA annotates public figures' statements only)")
            print(f"  errors ({'public' if full else 'finder'}): {res['errors']}  "
                  f"speed: {res['chars_per_s'] / 1e6:.2f} M chars/s")
    dev = DATA / "articles" / "dev.jsonl"
    devg = DATA / "articles" / "dev.gold.jsonl"
    if dev.exists() and devg.exists():
        recs = {json.loads(l)["id"]: json.loads(l) for l in dev.read_text(encoding="utf-8").splitlines() if l.strip()}
        golds = [json.loads(l) for l in devg.read_text(encoding="utf-8").splitlines() if l.strip()]
        records = [(recs[g["id"]]["text"], recs[g["id"]], g) for g in golds if g["id"] in recs]
        for mode in modes:
            res = eval_articles(records, mode, args.show_errors)
            _table(f"dev articles ({len(records)}), all quotes, {mode} mentions (gold {res['n_gold']}, "
                   f"pred {res['n_pred']}; match = word Jaccard >= 0.5)",
                   [("quote text", res["text"]), ("text + kind", res["text+kind"]),
                    ("text + kind + speaker", res["text+kind+speaker"])])
            print(f"  error types: {res['errors']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
