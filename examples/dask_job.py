"""Run idnews_extract on a Dask cluster: JSONL in, JSONL and Parquet out.

Usage: ``python examples/dask_job.py [INPUT_GLOB] [OUTPUT_DIR] [--workers 2]`` (defaults:
``examples/articles.jsonl`` and a temporary folder). Needs the ``dask`` extra. On a real cluster,
connect a ``Client`` to its scheduler instead of starting a ``LocalCluster``; nothing else changes.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from distributed import Client, LocalCluster

from idnews_extract.dask import run_files

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", nargs="?", default=str(HERE / "articles.jsonl"))
    ap.add_argument("output", nargs="?", default=None)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    out = Path(args.output or tempfile.mkdtemp(prefix="idnews_dask_"))

    # One thread per worker process: the extractor is pure Python, so processes (not threads) give parallelism.
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True) as cluster, Client(cluster) as client:
        print(f"dashboard: {client.dashboard_link}")
        jsonl = run_files(args.input, out / "jsonl", fmt="jsonl")
        parquet = run_files(args.input, out / "parquet", fmt="parquet")

    for path in jsonl:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            result = json.loads(line)
            if "error" in result:
                print(f"{result['id']}: error {result['error']['type']}: {result['error']['message']}")
                continue
            speakers = sorted({q["speaker"] for q in result["quotes"] if q["speaker"]})
            print(f"{result['id']}: {len(result['entities'])} entities, {len(result['quotes'])} quotes"
                  f" (speakers: {', '.join(speakers) or '-'}), {len(result['dates'])} dates")
    print(f"JSONL: {len(jsonl)} file(s) in {out / 'jsonl'}; Parquet: {len(parquet)} file(s) in {out / 'parquet'}")


if __name__ == "__main__":
    main()
