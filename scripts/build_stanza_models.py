"""Build a small Stanza Indonesian model set offline, for the optional ``backend="stanza"``.

Trains Stanza's own tokenizer, multi-word-token expander (``katanya`` = ``kata`` + ``nya``), POS
tagger, lemmatizer and dependency parser with Stanza's training code (``python -m
stanza.models.<tokenizer|mwt_expander|tagger|lemmatizer|parser>``) on Universal Dependencies
Indonesian from ``shared/data/ud`` (CC BY-SA 4.0): training = CSUI train + GSD test + most of GSD dev,
early-stopping dev = the first 200 GSD dev sentences; CSUI test is kept for evaluation (``bench/stanza.py``). No pretrained word vectors or
character LMs are used (none are available offline), and training is short, so the models are much
weaker than Stanza's official ones: they exist so the backend can be exercised for real.

The result is a Stanza resources folder (``resources.json`` + ``id/<processor>/idnews_local.pt`` +
``id/BUILD.json``) at ``--out``, default ``$IDNEWS_STANZA_DIR`` or ``~/.cache/idnews_extract/stanza``,
never inside the repository. Use it with ``idnews_extract.load(backend="stanza", stanza_dir=OUT)``.

Official Stanza models instead: on a machine with network access run
``python -c 'import stanza; stanza.download("id", model_dir="DIR")'`` (or copy an existing
``~/stanza_resources``, which holds ``resources.json`` and ``id/``) and pass ``stanza_dir="DIR"`` or set
``IDNEWS_STANZA_DIR=DIR``. The backend itself never downloads.

Usage: python scripts/build_stanza_models.py [--out DIR] [--threads N] [--quick] [--force]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from idnews_extract.backends.stanza import (
    LANG,
    LOCAL_PACKAGE,
    PROCESSORS,
    default_stanza_dir,
)

UD = ROOT.parent / "shared" / "data" / "ud"
TRAIN = ("id_csui-ud-train.conllu", "id_gsd-ud-test.conllu")
DEV = "id_gsd-ud-dev.conllu"
DEV_SENTENCES = 200  # the first 200 GSD dev sentences steer early stopping; the rest join training
SHORTHAND = "id_local"

# Training budgets (steps/epochs) and sizes: chosen so the whole build takes a few minutes on 2 cores.
# ``--quick`` divides the budgets by 4 (for smoke tests of the build itself).
BUDGET = {
    "tokenize": ["--steps", "400", "--eval_steps", "200", "--batch_size", "32", "--max_seqlen", "100"],
    "mwt": ["--num_epoch", "4", "--decay_epoch", "3", "--hidden_dim", "64", "--emb_dim", "32"],
    "pos": [
        "--max_steps", "400", "--eval_interval", "200", "--batch_size", "32", "--hidden_dim", "64",
        "--char_hidden_dim", "64", "--num_layers", "1", "--word_emb_dim", "50", "--deep_biaff_hidden_dim", "64",
        "--composite_deep_biaff_hidden_dim", "32", "--dropout", "0.3", "--word_dropout", "0.2",
    ],
    "lemma": ["--num_epoch", "5", "--decay_epoch", "4", "--hidden_dim", "64", "--emb_dim", "32", "--pos_dim", "32"],
    "depparse": [
        "--max_steps", "300", "--eval_interval", "150", "--batch_size", "1000", "--hidden_dim", "128",
        "--char_hidden_dim", "64", "--word_emb_dim", "50", "--deep_biaff_hidden_dim", "128", "--dropout", "0.3",
        "--word_dropout", "0.2",
    ],
}
_SCALED = {"--steps", "--eval_steps", "--num_epoch", "--decay_epoch", "--max_steps", "--eval_interval"}


def _quick(args: list[str]) -> list[str]:
    out = list(args)
    for i, a in enumerate(out[:-1]):
        if a in _SCALED:
            out[i + 1] = str(max(1, int(out[i + 1]) // 4))
    return out


def _run(module: str, args: list[str], log: Path, threads: int) -> tuple[float, float]:
    """Run one Stanza training module in a subprocess; return its wall time."""
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads), CUDA_VISIBLE_DEVICES="")
    t0 = time.perf_counter()
    cpu0 = _child_cpu()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.run([sys.executable, "-m", module, *args], stdout=out, stderr=subprocess.STDOUT, env=env, check=False)
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{module} failed (exit {proc.returncode}); log {log}:\n{tail}")
    cpu = _child_cpu() - cpu0
    print(f"  {module:32s} {took:6.1f}s wall, {cpu:6.1f}s CPU", flush=True)
    return took, cpu


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _prepare(work: Path) -> dict[str, Path]:
    """Concatenate the UD files and make the tokenizer's raw text, character labels and MWT lists."""
    from stanza.utils.datasets import prepare_tokenizer_data
    from stanza.utils.datasets.conllu_to_text import convert_text

    files: dict[str, Path] = {}
    dev_sents = _sentences(UD / DEV)
    parts = {
        "train": [s for n in TRAIN for s in _sentences(UD / n)] + dev_sents[DEV_SENTENCES:],
        "dev": dev_sents[:DEV_SENTENCES],
    }
    for split, sents in parts.items():
        conllu = work / f"{SHORTHAND}.{split}.conllu"
        conllu.write_text("".join(s + "\n\n" for s in sents), encoding="utf-8")
        txt = work / f"{SHORTHAND}.{split}.txt"
        convert_text(str(conllu), str(txt))
        labels = work / f"{SHORTHAND}.{split}.toklabels"
        mwt = work / f"{SHORTHAND}.{split}.mwt.json"
        prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
        files.update({f"{split}_conllu": conllu, f"{split}_txt": txt, f"{split}_labels": labels, f"{split}_mwt": mwt})
    return files


def _sentences(path: Path) -> list[str]:
    """The sentences of a CoNLL-U file, with XPOS blanked: GSD (``VSA``, ``NSD``) and CSUI (``VB``,
    ``NN``) use different XPOS tag sets, which would make the tagger's early stopping meaningless."""
    out = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = []
        for line in block.strip("\n").splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and not line.startswith("#"):
                cols[4] = "_"
                line = "\t".join(cols)
            lines.append(line)
        if lines:
            out.append("\n".join(lines))
    return out


def build(out: Path, threads: int, quick: bool, force: bool = False) -> dict[str, object]:
    """Train every processor into ``out`` (keeping models already there unless ``force``) and write
    ``resources.json`` last, so the folder is usable only once complete; return the build record."""
    missing = [n for n in (*TRAIN, DEV) if not (UD / n).is_file()]
    if missing:
        raise SystemExit(f"UD Indonesian files missing under {UD}: {', '.join(missing)}")
    t_start = time.perf_counter()
    times: dict[str, float] = {}
    cpu_times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="idnews_stanza_") as tmp:
        work = Path(tmp)
        print(f"preparing data in {work}", flush=True)
        f = _prepare(work)
        saved = work / "saved"
        budget = {k: _quick(v) if quick else v for k, v in BUDGET.items()}
        common = ["--lang", LANG, "--shorthand", SHORTHAND, "--seed", "1234"]
        steps = {
            "tokenize": (
                "stanza.models.tokenizer",
                [*common, "--mode", "train", "--txt_file", str(f["train_txt"]), "--label_file", str(f["train_labels"]),
                 "--dev_txt_file", str(f["dev_txt"]), "--dev_label_file", str(f["dev_labels"]),
                 "--dev_conll_gold", str(f["dev_conllu"]), "--mwt_json_file", str(f["dev_mwt"]),
                 "--save_dir", str(saved / "tokenize"), "--save_name", "model.pt", *budget["tokenize"]],
            ),
            "mwt": (
                "stanza.models.mwt_expander",
                [*common, "--mode", "train", "--train_file", str(f["train_conllu"]), "--eval_file", str(f["dev_conllu"]),
                 "--gold_file", str(f["dev_conllu"]), "--output_file", str(work / "mwt.pred.conllu"),
                 "--save_dir", str(saved / "mwt"), "--save_name", "model.pt", *budget["mwt"]],
            ),
            "pos": (
                "stanza.models.tagger",
                [*common, "--mode", "train", "--train_file", str(f["train_conllu"]), "--eval_file", str(f["dev_conllu"]),
                 "--output_file", str(work / "pos.pred.conllu"), "--no_pretrain",
                 "--save_dir", str(saved / "pos"), "--save_name", "model.pt", *budget["pos"]],
            ),
            "lemma": (
                "stanza.models.lemmatizer",  # takes no --lang
                ["--shorthand", SHORTHAND, "--seed", "1234", "--mode", "train", "--train_file", str(f["train_conllu"]), "--eval_file", str(f["dev_conllu"]),
                 "--output_file", str(work / "lemma.pred.conllu"),
                 "--save_dir", str(saved / "lemma"), "--save_name", "model.pt", *budget["lemma"]],
            ),
            "depparse": (
                "stanza.models.parser",
                [*common, "--mode", "train", "--train_file", str(f["train_conllu"]), "--eval_file", str(f["dev_conllu"]),
                 "--output_file", str(work / "depparse.pred.conllu"), "--no_pretrain",
                 "--save_dir", str(saved / "depparse"), "--save_name", "model.pt", *budget["depparse"]],
            ),
        }
        target = out / LANG
        for proc, (module, args) in steps.items():
            final = target / proc / f"{LOCAL_PACKAGE}.pt"
            if final.is_file() and not force:
                print(f"  {proc}: kept {final}", flush=True)
                continue
            (saved / proc).mkdir(parents=True, exist_ok=True)
            wall, cpu = _run(module, args, work / f"{proc}.log", threads)
            times[proc] = round(wall, 1)
            cpu_times[proc] = round(cpu, 1)
            model = saved / proc / "model.pt"
            if not model.is_file():
                raise SystemExit(f"training {proc} produced no model file at {model}")
            final.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(model, final)  # at once, so an interrupted build resumes here
    resources = {
        LANG: {
            "lang_name": "Indonesian",
            "packages": {"default": {proc: LOCAL_PACKAGE for proc in PROCESSORS}},
            **{proc: {LOCAL_PACKAGE: {}} for proc in PROCESSORS},
        }
    }
    (out / "resources.json").write_text(json.dumps(resources, indent=2) + "\n", encoding="utf-8")
    record: dict[str, object] = {
        "package": LOCAL_PACKAGE,
        "sources": {"train": [*TRAIN, f"{DEV} after sentence {DEV_SENTENCES}"], "dev": f"{DEV} first {DEV_SENTENCES}", "licence": "CC BY-SA 4.0 (Universal Dependencies Indonesian)"},
        "quick": quick,
        "threads": threads,
        "seconds": times,
        "cpu_seconds": cpu_times,
        "total_seconds": round(time.perf_counter() - t_start, 1),
        "sizes_kb": {p: round((out / LANG / p / f"{LOCAL_PACKAGE}.pt").stat().st_size / 1024) for p in PROCESSORS},
    }
    (out / LANG / "BUILD.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None, help=f"resources folder (default: ${'IDNEWS_STANZA_DIR'} or {default_stanza_dir()})")
    parser.add_argument("--threads", type=int, default=min(2, os.cpu_count() or 1), help="torch threads per trainer")
    parser.add_argument("--quick", action="store_true", help="a quarter of the training budget (smoke test)")
    parser.add_argument("--force", action="store_true", help="retrain every model even if a local model set is already there")
    args = parser.parse_args(argv)
    try:
        import stanza  # noqa: F401
    except ImportError:
        print('stanza is not installed: pip install "idnews_extract[stanza]" torch==2.13.0', file=sys.stderr)
        return 2
    out = (args.out or default_stanza_dir()).expanduser().resolve()
    if ROOT in out.parents or out == ROOT:
        print(f"refusing to write models inside the repository ({out})", file=sys.stderr)
        return 2
    resources = out / "resources.json"
    if resources.is_file() and not args.force:
        data = json.loads(resources.read_text(encoding="utf-8"))
        ours = data.get(LANG, {}).get("packages", {}).get("default", {}).get("tokenize") == LOCAL_PACKAGE
        if not ours:
            print(f"{resources} belongs to another Stanza model set; choose another --out", file=sys.stderr)
            return 2
        if all((out / LANG / p / f"{LOCAL_PACKAGE}.pt").is_file() for p in PROCESSORS):
            print(f"local Stanza models already in {out} (use --force to rebuild)")
            return 0
    out.mkdir(parents=True, exist_ok=True)
    print(f"building Stanza Indonesian models into {out}", flush=True)
    record = build(out, args.threads, args.quick, args.force)
    print(json.dumps(record, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
