"""Dask engines: :func:`~idnews_extract.batch.extract_partition` mapped over bags, dataframes and files.

Every function here calls the same partition function as the process pool, Ray and Spark recipes
(see ``docs/scaling.md``), so results equal the single-process ones. Each worker process builds its
pipeline once (cached) on its first partition. Needs the ``dask`` extra
(``pip install "idnews_extract[dask]"``); dask is imported only when one of these functions runs.

- :func:`extract_bag`: a bag of records (or texts) -> a bag of output dicts, one per record, in order.
- :func:`extract_dataframe`: a dataframe of articles -> a dataframe with the output as one JSON column
  (``output="json"``) or one column per field of the output contract (``output="columns"``).
- :func:`run_files`: JSONL or Parquet files in -> JSONL or Parquet files out.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .batch import BadLine, extract_partition

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = ["COLUMNS", "extract_bag", "extract_dataframe", "parse_jsonl_line", "result_row", "run_files"]

#: The flattened columns of ``output="columns"``: the output contract's fields, lists and objects as JSON.
COLUMNS: tuple[str, ...] = (
    "id",
    "error",
    "error_message",
    "reference_date",
    "reference_date_source",
    "dateline",
    "entities",
    "people",
    "quotes",
    "dates",
    "percentages",
    "corrections",
    "removed",
)
_JSON_FIELDS = frozenset(COLUMNS[5:])
_EXTRA_HINT = 'idnews_extract.dask needs Dask: pip install "idnews_extract[dask]" (dask[bag,dataframe], distributed, pandas, pyarrow)'

Output = Literal["json", "columns"]


def _require(module: str) -> Any:
    """Import ``module`` or raise an ImportError that names the extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"{_EXTRA_HINT}; missing: {exc.name or module}") from exc


def _keys(text_key: str, id_key: str, date_key: str) -> dict[str, str]:
    return {"text_key": text_key, "id_key": id_key, "date_key": date_key}


# ---------------------------------------------------------------- bags


def extract_bag(
    bag: dask.bag.Bag,
    *,
    text_key: str = "text",
    id_key: str = "id",
    date_key: str = "date",
    include_text: bool = False,
) -> dask.bag.Bag:
    """A bag of output dicts (article JSON or error record), one per input record, in input order.

    ``bag`` holds texts or records with ``text_key``/``id_key``/``date_key`` fields (what
    ``dask.bag.read_text(...).map(json.loads)`` gives for JSONL).
    """
    _require("dask.bag")
    run = partial(extract_partition, include_text=include_text, **_keys(text_key, id_key, date_key))
    return bag.map_partitions(run)


def parse_jsonl_line(line: str) -> dict[str, Any] | BadLine:
    """One JSONL line as a record, as the CLI reads it: a line that is not UTF-8 (read with
    ``errors="surrogateescape"``) or not a JSON object becomes a :class:`BadLine` (an error record in
    the output), so every input line keeps exactly one output line."""
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return BadLine("invalid_encoding", "the line is not UTF-8")
    try:
        record = json.loads(line)
    except ValueError as exc:
        return BadLine("invalid_json", f"the line is not JSON: {exc}")
    if not isinstance(record, dict):
        return BadLine("invalid_record", f"a record must be a JSON object, not {type(record).__name__}")
    return record


# ---------------------------------------------------------------- dataframes


def _plain(value: Any) -> Any:
    """A pandas cell as a plain value: missing (NaN, NA, NaT) -> None, timestamps -> ISO dates."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    pd = _require("pandas")
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


def _records(frame: pandas.DataFrame, text_key: str, id_key: str, date_key: str) -> list[dict[str, Any]]:
    """The rows of ``frame`` as records holding the three fields the extractor reads."""
    columns = [c for c in (text_key, id_key, date_key) if c in frame.columns]
    records = []
    for row in frame[columns].itertuples(index=False, name=None):
        records.append({c: _plain(v) for c, v in zip(columns, row)})
    return records


def result_row(result: Mapping[str, Any], output: Output = "columns") -> dict[str, Any]:
    """One output dict as a row: ``{"id", "error", "json"}`` or the flattened :data:`COLUMNS`."""
    error = result.get("error")
    if output == "json":
        return {
            "id": result.get("id"),
            "error": error["type"] if error else None,
            "json": json.dumps(result, ensure_ascii=False),
        }
    row: dict[str, Any] = {name: None for name in COLUMNS}
    row["id"] = result.get("id")
    if error:
        row["error"], row["error_message"] = error["type"], error["message"]
        return row
    for name in COLUMNS[3:]:
        value = result.get(name)
        row[name] = json.dumps(value, ensure_ascii=False) if name in _JSON_FIELDS and value is not None else value
    return row


def _columns(output: Output, keep: Sequence[str]) -> list[str]:
    names = ["id", "error", "json"] if output == "json" else list(COLUMNS)
    return names + [c for c in keep if c not in names]


def _frame(rows: list[dict[str, Any]], columns: list[str], index: Any = None) -> pandas.DataFrame:
    """Rows as a DataFrame whose every column is a nullable string column (a stable Parquet schema)."""
    pd = _require("pandas")
    data = {c: pd.array([r.get(c) for r in rows], dtype="string") for c in columns}
    return pd.DataFrame(data, index=index)


def _extract_frame(
    frame: pandas.DataFrame,
    *,
    text_key: str,
    id_key: str,
    date_key: str,
    output: Output,
    keep: Sequence[str],
    include_text: bool,
) -> pandas.DataFrame:
    records = _records(frame, text_key, id_key, date_key)
    results = extract_partition(records, include_text=include_text, **_keys(text_key, id_key, date_key))
    rows = [result_row(r, output) for r in results]
    for row, kept in zip(rows, frame[list(keep)].itertuples(index=False, name=None) if keep else ()):
        for name, value in zip(keep, kept):
            value = _plain(value)
            row.setdefault(name, None if value is None else str(value))
    return _frame(rows, _columns(output, keep), index=frame.index)


def extract_dataframe(
    ddf: dask.dataframe.DataFrame,
    *,
    text_key: str = "text",
    id_key: str = "id",
    date_key: str = "date",
    output: Output = "columns",
    keep: Sequence[str] = (),
    include_text: bool = False,
) -> dask.dataframe.DataFrame:
    """A dataframe with one row per input row (same index and partitions): the extraction output.

    ``output="columns"`` gives :data:`COLUMNS` (lists and objects as JSON strings, ``error`` and
    ``error_message`` set on rows that could not be processed); ``output="json"`` gives ``id``,
    ``error`` and ``json`` (the very line the CLI writes). ``keep`` copies input columns through
    (``keep=("url", "outlet")``) as strings. Missing dates and ids (NaN/None) are simply absent.
    """
    _require("dask.dataframe")
    if output not in ("json", "columns"):
        raise ValueError(f"output must be 'json' or 'columns', not {output!r}")
    missing = [c for c in keep if c not in ddf.columns]
    if missing:
        raise ValueError(f"keep names columns the dataframe lacks: {missing}")
    meta = _frame([], _columns(output, keep))
    run = partial(
        _extract_frame,
        output=output,
        keep=tuple(keep),
        include_text=include_text,
        **_keys(text_key, id_key, date_key),
    )
    return ddf.map_partitions(run, meta=meta)


# ---------------------------------------------------------------- files


def _input_kind(pattern: str) -> str:
    name = pattern.lower()
    if name.endswith((".parquet", ".parq", ".pq", "/")):
        return "parquet"
    if name.endswith((".jsonl", ".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".ndjson", ".json", ".json.gz")):
        return "jsonl"
    raise ValueError(f"cannot tell the input format of {pattern!r}: use .jsonl (optionally .gz) or .parquet")


def run_files(
    input_glob: str | Sequence[str],
    output_dir: str | Path,
    *,
    fmt: Literal["jsonl", "parquet"] = "jsonl",
    text_key: str = "text",
    id_key: str = "id",
    date_key: str = "date",
    blocksize: int | str | None = "16MiB",
    include_text: bool = False,
    compute: bool = True,
) -> list[str] | Any:
    """Extract every article of JSONL or Parquet files into ``output_dir`` as JSONL or Parquet.

    JSONL output is one file per partition (``part-00000.jsonl``, ...) whose lines, read in file-name
    order, follow the input lines one to one (an unreadable line gives an error record).
    Parquet output holds the flattened :data:`COLUMNS`. Runs on the current Dask scheduler (a
    ``distributed.Client`` when one is active). Returns the written paths, or with
    ``compute=False`` the lazy Dask object to compute later.
    """
    patterns = [input_glob] if isinstance(input_glob, str) else list(input_glob)
    kinds = {_input_kind(p) for p in patterns}
    if len(kinds) != 1:
        raise ValueError("input files must all be JSONL or all Parquet")
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"fmt must be 'jsonl' or 'parquet', not {fmt!r}")
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    keys = _keys(text_key, id_key, date_key)
    if kinds == {"jsonl"}:
        db = _require("dask.bag")
        lines = db.read_text(patterns, blocksize=blocksize, linedelimiter="\n", errors="surrogateescape")
        results = extract_bag(lines.map(parse_jsonl_line), include_text=include_text, **keys)
        if fmt == "jsonl":
            return _write_jsonl(results.map(_dump), out, compute)
        dd = _require("dask.dataframe")
        delayed = _require("dask").delayed
        columns = list(COLUMNS)
        parts = [delayed(_rows_frame)(part, columns) for part in results.to_delayed()]
        return _write_parquet(dd.from_delayed(parts, meta=_frame([], columns)), out, compute)
    dd = _require("dask.dataframe")
    frame = dd.read_parquet(patterns if len(patterns) > 1 else patterns[0])
    if fmt == "parquet":
        return _write_parquet(extract_dataframe(frame, output="columns", include_text=include_text, **keys), out, compute)
    lines = extract_dataframe(frame, output="json", include_text=include_text, **keys)["json"].to_bag()
    return _write_jsonl(lines, out, compute)


def _dump(result: Mapping[str, Any]) -> str:
    """One output line; ASCII escapes only when the text holds a lone surrogate (not writable as UTF-8)."""
    line = json.dumps(result, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(result)
    return line


def _rows_frame(results: list[dict[str, Any]], columns: list[str]) -> pandas.DataFrame:
    return _frame([result_row(r, "columns") for r in results], columns)


def _write_jsonl(lines: dask.bag.Bag, out: Path, compute: bool) -> Any:
    """One ``part-NNNNN.jsonl`` per partition: file-name order is input order."""
    return lines.to_textfiles(
        str(out / "part-*.jsonl"), name_function=lambda i: f"{i:05d}", encoding="utf-8", last_endline=True, compute=compute
    )


def _write_parquet(frame: dask.dataframe.DataFrame, out: Path, compute: bool) -> Any:
    result = frame.to_parquet(str(out), write_index=False, compute=compute)
    if not compute:
        return result
    return sorted(str(p) for p in out.glob("*.parquet"))

