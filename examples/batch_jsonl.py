"""JSONL in, JSONL out: one extraction per input line, in order, with ``extract_many``.

``python examples/batch_jsonl.py [IN.jsonl] [OUT.jsonl] [--workers N]`` (defaults:
``examples/articles.jsonl`` and ``out/extracted.jsonl``). Each input line is a record with ``text``
and optionally ``id`` and ``date``. For the shell, ``idnews-extract run IN OUT`` does the same and
also turns bad records into error records instead of stopping; this script shows the library calls.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import idnews_extract

HERE = Path(__file__).resolve().parent


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file, read lazily (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=HERE / "articles.jsonl")
    parser.add_argument("output", nargs="?", type=Path, default=Path("out") / "extracted.jsonl")
    parser.add_argument("--workers", type=int, default=1, help="processes (each loads its own pipeline)")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    args.output.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    count = quotes = 0
    with args.output.open("w", encoding="utf-8") as out:
        # extract_many keeps the input order; ids and dates come from the "id" and "date" keys
        # (text_key=, id_key=, date_key= pick other field names).
        for article in idnews_extract.extract_many(
            read_jsonl(args.input), batch_size=args.batch_size, workers=args.workers
        ):
            out.write(article.to_json() + "\n")
            count += 1
            quotes += len(article.quotes)
    seconds = time.perf_counter() - started
    print(f"{count} articles, {quotes} quotes -> {args.output} in {seconds:.1f} s (pipeline load included)")


if __name__ == "__main__":
    main()
