"""Reading the package's language data files (TSV with ``#`` comments), each loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["data_path", "read_tsv"]


def data_path(*parts: str) -> Path:
    """The path of a file shipped under ``idnews_extract/data``."""
    return Path(str(resources.files("idnews_extract") / "data" / Path(*parts)))


@cache
def read_tsv(relpath: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV data file, without blank and ``#`` comment lines, each padded to ``columns`` cells."""
    rows: list[tuple[str, ...]] = []
    with data_path(relpath).open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) < columns:
                cells += [""] * (columns - len(cells))
            rows.append(tuple(cells[:columns]))
    return tuple(rows)
