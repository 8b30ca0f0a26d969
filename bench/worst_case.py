"""Worst-case cost of the whole pipeline on hostile input: time and peak memory per input, at 1x and 4x size.

Each input kind (quote marks, a long word without spaces, nested parentheses, HTML entities, ...) is built at
``--size`` characters and at four times that; a cost that grows about 4x (ratio ~4) is linear, ~16x would be
quadratic. ``--stages`` breaks the time down by text stage, tokenizer and component, to find the one at fault.
Peak memory is Python's traced allocation peak (``tracemalloc``, which also sees spaCy's pools), measured in a
second, separate run so that tracing does not inflate the times. Uses only text built here, no shared data.

Usage: ``python bench/worst_case.py [--size 50000] [--only quotes,nospace] [--stages] [--big] [--no-memory]``
(``--big`` adds a 2 MB article). Needs no NER model: it uses it when present (``--ner``), else the rules alone.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import idnews_extract  # noqa: E402
from idnews_extract import extract  # noqa: E402
from idnews_extract.lang.tokenizer import tokenize  # noqa: E402
from idnews_extract.text.stage import run_text_stage  # noqa: E402

PARAGRAPHS = (
    "JAKARTA, KOMPAS.com - Menteri Keuangan Sri Mulyani Indrawati mengatakan, inflasi pada Senin (12/3/2018) "
    "naik 3,5 persen dibanding bulan lalu.",
    "\"Kami akan terus memantau harga beras di 34 provinsi,\" kata Sri Mulyani di Gedung DPR, Jakarta.",
    "Menurut Kepala BPS Suhariyanto, kenaikan itu dipicu harga pangan yang naik 10-15 persen sejak 7 hingga 8 "
    "Agustus 2018.",
    "Ia menambahkan, pemerintah telah menyiapkan anggaran Rp 1,2 triliun untuk operasi pasar pekan depan.",
    "Baca juga: Harga Beras Naik, Pemerintah Gelar Operasi Pasar",
    "Direktur Utama PT Bulog (Persero) Budi Waseso menyatakan stok beras cukup hingga akhir tahun.",
)


def _fill(unit: str, size: int) -> str:
    return (unit * (size // max(len(unit), 1) + 1))[:size]


def _article(size: int) -> str:
    """News paragraphs that all differ (numbers, dates, places vary), so none is dropped as a duplicate."""
    parts, total, k = [], 0, 0
    while total < size:
        para = PARAGRAPHS[k % len(PARAGRAPHS)].replace("34", str(k)).replace("3,5", f"{k % 97},5")
        para = para.replace("JAKARTA", ("JAKARTA", "MEDAN", "BANDUNG")[k % 3]).replace("12/3", f"{k % 28 + 1}/3")
        para += f" Rapat ke-{k} digelar {k % 28 + 1} Agustus 2018."
        parts.append(para + "\n")
        total += len(para) + 1
        k += 1
    return "".join(parts)[:size]


def _nested(size: int) -> str:
    half = size // 2
    return "(" * half + ")" * half


#: name -> builder(size) of hostile inputs; each is about ``size`` characters.
INPUTS: dict[str, Callable[[int], str]] = {
    "article": _article,
    "article_one_line": lambda n: _fill(" ".join(PARAGRAPHS) + " ", n),
    "quotes_ascii": lambda n: _fill('"', n),
    "quotes_mixed": lambda n: _fill("\u201c\u201d\"'\u2018\u2019\u00ab\u00bb", n),
    "quotes_words": lambda n: _fill('"kata dia," ', n),
    "nospace_letters": lambda n: _fill("abcdefghij", n),
    "nospace_word": lambda n: _fill("diseluruhnya", n),
    "nospace_mixed": lambda n: _fill("Rp1,2/3.4-5%(a)", n),
    "nested_parens": _nested,
    "parens_flat": lambda n: _fill("(a) ", n),
    "html_entities": lambda n: _fill("kata&nbsp;dia&quot;&amp;amp;quot; ", n),
    "html_markup": lambda n: _fill("<p class=\"x\">Harga <b>naik</b> 5%</p>&nbsp;\n", n),
    "nbsp_zero_width": lambda n: _fill("Pre\u200bsi\u00adden\u00a0Jo\u200dko\u2060 ber\ufeffkata, ", n),
    "caps_run": lambda n: _fill("Budi Santoso Joko Widodo ", n),
    "upper_run": lambda n: _fill("JAKARTA KOMPAS ", n),
    "digits_slashes": lambda n: _fill("12/3/2018 1.234,5 persen ", n),
    "digits_only": lambda n: _fill("1234567890", n),
    "dates_words": lambda n: _fill("Senin, 7 hingga 8 Agustus 2018 pekan lalu ", n),
    "newlines": lambda n: _fill("\n", n),
    "short_lines_repeat": lambda n: _fill("Pewarta: Budi\nEditor: Andi\n", n),
    "spaces": lambda n: _fill(" ", n),
    "dots": lambda n: _fill(".", n),
    "dashes": lambda n: _fill("- ", n),
    "cue_words": lambda n: _fill("kata ujarnya menurut mengatakan, ", n),
    "control_chars": lambda n: _fill("\x00\x01\x1b\x7f\u0085\u2028\u2029a", n),
    "combining": lambda n: _fill("e\u0301\u0308\u20dd", n),
    "rtl_cjk_emoji": lambda n: _fill("\u0645\u0631\u062d\u0628\u0627 \u4f60\u597d \U0001f600\U0001f1ee\U0001f1e9 ", n),
    "surrogates": lambda n: _fill("a\ud800b\udfff ", n),
}


def _stage_times(nlp, text: str) -> dict[str, float]:
    """Seconds spent in the text stage, the tokenizer and each component, for one text."""
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    stage = run_text_stage(text, nlp.tokenizer.config)
    times["text_stage"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    tokenize(nlp.tokenizer.tokenizer, stage.alignment.text)
    times["tokenizer"] = time.perf_counter() - t0
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        doc = proc(doc)
        times[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    idnews_extract.edge.doc_to_article(doc)
    times["edge"] = time.perf_counter() - t0
    return times


def _measure(nlp, text: str, memory: bool) -> tuple[float, float | None]:
    """(seconds, peak MiB or None) of one extraction."""
    gc.collect()
    t0 = time.perf_counter()
    extract(text, nlp=nlp)
    seconds = time.perf_counter() - t0
    if not memory:
        return seconds, None
    gc.collect()
    tracemalloc.start()
    extract(text, nlp=nlp)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=50_000, help="base size in characters (default 50000)")
    parser.add_argument("--only", default="", help="comma-separated input names (default all)")
    parser.add_argument("--stages", action="store_true", help="break time down by stage and component, at 4x")
    parser.add_argument("--big", action="store_true", help="also a 2 MB article")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    parser.add_argument("--ner", action="store_true", help="use the NER model (must be built)")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(INPUTS)
    unknown = set(names) - set(INPUTS)
    if unknown:
        parser.error(f"unknown inputs {sorted(unknown)}; choose from {', '.join(INPUTS)}")
    t0 = time.perf_counter()
    nlp = idnews_extract.load(ner_model=args.ner)
    nlp.max_length = 10**8
    extract(PARAGRAPHS[0], nlp=nlp)  # warm the lazily loaded data
    print(f"pipeline loaded in {time.perf_counter() - t0:.1f} s (NER model: {args.ner})")
    print(f"{'input':<20} {'chars':>9} {'time_s':>8} {'peak_MiB':>9} {'chars_4x':>9} {'time_4x':>8} {'peak_4x':>8} {'t_ratio':>7}")
    worst = (0.0, "")
    for name in names:
        row = []
        for size in (args.size, 4 * args.size):
            text = INPUTS[name](size)
            seconds, peak = _measure(nlp, text, not args.no_memory)
            row.append((len(text), seconds, peak))
            worst = max(worst, (seconds / max(len(text), 1) * 1e6, name))
        (n1, s1, p1), (n4, s4, p4) = row
        fmt = lambda p: "-" if p is None else f"{p:.1f}"  # noqa: E731
        print(f"{name:<20} {n1:>9} {s1:>8.3f} {fmt(p1):>9} {n4:>9} {s4:>8.3f} {fmt(p4):>8} {s4 / max(s1, 1e-9):>7.1f}", flush=True)
        if args.stages:
            parts = _stage_times(nlp, INPUTS[name](4 * args.size))
            print("    " + "  ".join(f"{k}={v:.3f}" for k, v in parts.items()), flush=True)
    if args.big:
        text = _article(2_000_000)
        seconds, peak = _measure(nlp, text, not args.no_memory)
        print(f"{'article_2MB':<20} {len(text):>9} {seconds:>8.3f} {'-' if peak is None else f'{peak:.1f}':>9}")
        worst = max(worst, (seconds / len(text) * 1e6, "article_2MB"))
    print(f"worst cost per character: {worst[0]:.1f} us ({worst[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
