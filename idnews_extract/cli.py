"""The shell: ``idnews-extract run`` over JSONL, ``text`` for one article, ``render`` to HTML.

Exit status: 0 every record fine, 1 some records failed (or the reader of the output went away, as with
``| head``: quietly), 2 a usage error, 3 the output or input could not be written or read (a full disk),
130 interrupted (Ctrl-C). Errors are one line on stderr, never a traceback. Every input line gets
exactly one output line, in order, written whole; an interrupted run stops after a whole line.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Annotated, Any, Optional

import typer

from .batch import BadLine, iter_partitions

__all__ = ["app", "main"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Typed facts from Indonesian news: entities, people, quotes, dates, percentages.",
    pretty_exceptions_enable=False,
)
log = logging.getLogger("idnews_extract")

class UsageError(Exception):
    """A problem with the command line or its files: one line on stderr and exit status 2."""


class StreamError(Exception):
    """Reading the input or writing the output failed (a full disk, an I/O error): exit status 3."""


EXIT_STREAM = 3
EXIT_INTERRUPTED = 130


class _Interrupts:
    """Ctrl-C (SIGINT) that waits while a line is being written, so that every line on disk is whole and
    the count of records done is exact; anywhere else it interrupts at once, as usual."""

    def __init__(self) -> None:
        self.writing = False
        self.pending = False
        self.previous: Any = None

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.writing:
            self.pending = True
        else:
            raise KeyboardInterrupt

    def write(self, sink: IO[bytes], data: bytes) -> None:
        """Write one whole line; a Ctrl-C that comes meanwhile is raised after it."""
        self.writing = True
        try:
            _write(sink, data)
        finally:
            self.writing = False
        if self.pending:
            raise KeyboardInterrupt


def _write(sink: IO[bytes], data: bytes | None = None) -> None:
    """Write (or, without data, flush) the output; OSError other than a closed pipe becomes StreamError."""
    try:
        if data is None:
            sink.flush()
        else:
            sink.write(data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StreamError(f"cannot write the output: {exc.strerror or exc}") from None


def _encode(result: dict[str, Any]) -> bytes:
    """One output line. Lone surrogates (JSON input may carry them) are written as \\u escapes, so the
    line stays valid UTF-8 and reads back to the same string."""
    line = json.dumps(result, ensure_ascii=False) + "\n"
    try:
        return line.encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(result, ensure_ascii=True) + "\n").encode("ascii")


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit cannot fail (closed pipe, full disk)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _close(stream: IO[bytes]) -> None:
    """Close a file we opened (never stdin/stdout), ignoring a failure to flush what is left."""
    if stream in (sys.stdin.buffer, sys.stdout.buffer):
        return
    try:
        stream.close()
    except OSError:
        pass


def _fail(message: str) -> None:
    typer.echo(f"idnews-extract: error: {message}", err=True)
    raise typer.Exit(2)


def _open_in(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _open_out(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdout.buffer
    try:
        return open(path, "wb")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The raw lines of the input; a failing read (an I/O error) becomes StreamError."""
    iterator = iter(stream)
    while True:
        try:
            raw = next(iterator)
        except StopIteration:
            return
        except OSError as exc:
            raise StreamError(f"cannot read the input: {exc.strerror or exc}") from None
        yield raw


def _records(stream: IO[bytes]) -> Iterator[dict[str, Any] | BadLine]:
    """Parsed JSONL records; an unreadable line becomes a BadLine (an error record), never an exception."""
    for number, raw in enumerate(_lines(stream)):
        if number == 0 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a UTF-8 byte-order mark, as some editors write
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield BadLine("invalid_encoding", f"the line is not UTF-8 ({exc.reason})")
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield BadLine("invalid_json", f"the line is not JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield BadLine("invalid_record", f"a record must be a JSON object, not {type(record).__name__}")
            continue
        yield record


@app.command()
def run(
    input: Annotated[str, typer.Argument(help="JSONL file of articles, or - for stdin.")],
    output: Annotated[str, typer.Argument(help="JSONL file to write, or - for stdout.")],
    text_key: Annotated[str, typer.Option(help="Field holding the article text.")] = "text",
    id_key: Annotated[str, typer.Option(help="Field holding the article id.")] = "id",
    date_key: Annotated[str, typer.Option(help="Field holding the publication date (YYYY-MM-DD).")] = "date",
    batch_size: Annotated[int, typer.Option(min=1, help="Records per batch.")] = 32,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Progress bar on a terminal.")] = True,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first bad record (exit 1).")] = False,
) -> None:
    """Extract every article of a JSONL file: one output line per input line, in order."""
    try:
        source, sink = _open_in(input), _open_out(output)
    except UsageError as exc:
        _fail(str(exc))
    keys = {"text_key": text_key, "id_key": id_key, "date_key": date_key}
    done = failed = 0
    bar = None
    if progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr)
    try:
        with _Interrupts() as interrupts:
            for result in iter_partitions(_records(source), batch_size=batch_size, workers=workers, **keys):
                interrupts.write(sink, _encode(result))
                done += 1
                if "error" in result:
                    failed += 1
                    if fail_fast:
                        _write(sink)
                        typer.echo(f"idnews-extract: stopped at record {done}: {result['error']['message']}", err=True)
                        raise typer.Exit(1)
                if bar is not None:
                    bar.update(1)
            _write(sink)
    except KeyboardInterrupt:
        try:
            _write(sink)
        except (OSError, StreamError):
            pass
        typer.echo(f"idnews-extract: interrupted after {done} records ({failed} failed)", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        _quiet_stdout()  # the reader went away (`| head`): stop quietly, as Unix tools do
        raise typer.Exit(1) from None
    except StreamError as exc:
        if sink is sys.stdout.buffer:
            _quiet_stdout()
        typer.echo(f"idnews-extract: error: {exc} (after {done} records)", err=True)
        raise typer.Exit(EXIT_STREAM) from None
    except FileNotFoundError as exc:  # the pipeline's data (the NER model) is missing
        typer.echo(f"idnews-extract: error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        if bar is not None:
            bar.close()
        _close(source)
        _close(sink)
    if failed:
        typer.echo(f"idnews-extract: {failed} of {done} records failed", err=True)
        raise typer.Exit(1)


@app.command()
def text(
    source: Annotated[str, typer.Argument(help="A file holding one article (plain text or a JSON record), or the text itself.")],
    date: Annotated[Optional[str], typer.Option(help="Reference date YYYY-MM-DD.")] = None,
    id: Annotated[Optional[str], typer.Option(help="Article id.")] = None,
) -> None:
    """Extract from one article and print indented JSON."""
    from .api import extract

    body = source
    path = Path(source)
    try:
        if len(source) < 4096 and path.is_file():
            body = path.read_text(encoding="utf-8")
            if path.suffix == ".json":
                record = json.loads(body)
                if not isinstance(record, dict):
                    raise ValueError(f"{source} must hold a JSON object, not {type(record).__name__}")
                body = record.get("text", "")
                date = date or record.get("date")
                id = id or record.get("id")
        article = extract(body, reference_date=date, id=id)
    except (OSError, UnicodeDecodeError, ValueError, TypeError) as exc:
        _fail(str(exc))
    typer.echo(article.to_json(indent=2))


@app.command()
def render(
    input: Annotated[str, typer.Argument(help="A JSONL file of articles (or of `run` output with text), a .json record, or a text file.")],
    html: Annotated[Path, typer.Option("--html", help="The HTML page to write.")],
    limit: Annotated[int, typer.Option(min=1, help="At most this many articles.")] = 50,
) -> None:
    """Write a self-contained HTML page with the articles' extractions highlighted."""
    from itertools import islice

    from .api import extract_many
    from .render import render_page

    path = Path(input)
    try:
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as handle:
                records = [json.loads(line) for line in islice(handle, limit) if line.strip()]
        elif path.suffix == ".json":
            records = [json.loads(path.read_text(encoding="utf-8"))]
        else:
            records = [{"text": path.read_text(encoding="utf-8")}]
        articles = list(extract_many(records))
        html.write_text(render_page(articles, title=path.name), encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError, TypeError) as exc:
        _fail(str(exc))
    typer.echo(f"wrote {html} ({len(articles)} articles)", err=True)


def main() -> None:
    """Console-script entry point."""
    logging.basicConfig(level=logging.WARNING, format="idnews-extract: %(levelname)s: %(message)s")
    try:
        app()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
