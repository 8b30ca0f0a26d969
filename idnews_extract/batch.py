"""Batch extraction: the one partition function every engine maps (process pool, Dask, Ray, Spark).

``extract_partition(records)`` takes texts or records (``{"text", "id", "date"}``) and returns one
plain dict per record, in order: the article's JSON, or an error record
``{"id": ..., "error": {"type": ..., "message": ...}}``. It never raises for a bad record and never
drops one. The pipeline is built once per process and cached.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from itertools import islice
from multiprocessing import get_context
from typing import Any

from .api import MAX_CHARS, default_pipeline, normalise_reference_date
from .edge import doc_to_article

__all__ = ["BadLine", "error_record", "extract_partition", "iter_partitions"]

log = logging.getLogger(__name__)


class RecordError(Exception):
    """A record that cannot be processed; ``kind`` names the error type in the error record."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class BadLine:
    """An input line that already failed upstream (not UTF-8, not JSON); it passes through as an error record.

    Readers put it in the stream in place of the record so that every input line keeps exactly one
    output line, in order, whichever engine runs the partitions.
    """

    kind: str
    message: str
    id: str | None = None


def error_record(record_id: str | None, kind: str, message: str) -> dict[str, Any]:
    """The output line for a record that could not be processed."""
    return {"id": record_id, "error": {"type": kind, "message": message}}


def _record_id(item: object, id_key: str) -> str | None:
    if isinstance(item, Mapping):
        value = item.get(id_key)
        return None if value is None else str(value)
    return None


def _read_record(item: object, text_key: str, date_key: str) -> tuple[str, str | None]:
    """(text, reference date) of a text or record; RecordError when it is unusable."""
    if isinstance(item, str):
        text, date = item, None
    elif isinstance(item, Mapping):
        if text_key not in item:
            raise RecordError("missing_text", f"the record has no {text_key!r} field")
        text, date = item[text_key], item.get(date_key)
    else:
        raise RecordError("invalid_record", f"a record must be a JSON object or a string, not {type(item).__name__}")
    if not isinstance(text, str):
        raise RecordError("invalid_text", f"{text_key!r} must be a string, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise RecordError("text_too_long", f"the text is {len(text):,} characters; the limit is {MAX_CHARS:,}")
    try:
        return text, normalise_reference_date(date)
    except (TypeError, ValueError) as exc:
        raise RecordError("invalid_date", str(exc)) from None


def extract_partition(
    records: Iterable[str | Mapping[str, Any] | BadLine],
    *,
    text_key: str = "text",
    id_key: str = "id",
    date_key: str = "date",
    include_text: bool = False,
) -> list[dict[str, Any]]:
    """Extract every record of a partition; one output dict per input record, in order."""
    nlp = default_pipeline()
    out: list[dict[str, Any] | None] = []
    docs, slots, ids = [], [], []
    for item in records:
        if isinstance(item, BadLine):
            out.append(error_record(item.id, item.kind, item.message))
            continue
        record_id = _record_id(item, id_key)
        try:
            text, date = _read_record(item, text_key, date_key)
            doc = nlp.make_doc(text)
        except RecordError as exc:
            out.append(error_record(record_id, exc.kind, str(exc)))
            continue
        except Exception as exc:  # a text-stage failure must not lose the record
            log.exception("text stage failed on record %r", record_id)
            out.append(error_record(record_id, "internal_error", f"{type(exc).__name__}: {exc}"))
            continue
        if date is not None:
            doc._.idnews_reference_date = date
            doc._.idnews_reference_date_source = "given"
        docs.append(doc)
        slots.append(len(out))
        ids.append(record_id)
        out.append(None)
    for slot, record_id, result in zip(slots, ids, _run_components(nlp, docs, ids, include_text)):
        out[slot] = result
    return [r for r in out if r is not None]


def _run_components(nlp: Any, docs: list[Any], ids: list[str | None], include_text: bool) -> list[dict[str, Any]]:
    """Run the pipeline's components over the docs in one batch; isolate a failing doc if one fails."""
    try:
        batch = docs
        for _, proc in nlp.pipeline:
            batch = list(proc.pipe(batch)) if hasattr(proc, "pipe") else [proc(d) for d in batch]
        return [doc_to_article(d, id=i).to_dict(include_text=include_text) for d, i in zip(batch, ids)]
    except Exception:
        if len(docs) == 1:
            log.exception("extraction failed on record %r", ids[0])
            return [error_record(ids[0], "internal_error", "extraction failed; see the log")]
        return [r for d, i in zip(docs, ids) for r in _run_components(nlp, [d], [i], include_text)]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, max(size, 1))):
        yield chunk


def iter_partitions(
    items: Iterable[str | Mapping[str, Any]],
    *,
    batch_size: int = 64,
    workers: int = 1,
    **keys: Any,
) -> Iterator[dict[str, Any]]:
    """Stream results of ``extract_partition`` over batches, in input order, on ``workers`` processes.

    At most ``2 * workers`` batches are in flight, so memory stays flat on any input size.
    """
    run = partial(extract_partition, **keys)
    if workers <= 1:
        for chunk in _chunks(items, batch_size):
            yield from run(chunk)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        pending: deque[Future[list[dict[str, Any]]]] = deque()
        for chunk in _chunks(items, batch_size):
            pending.append(pool.submit(run, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
