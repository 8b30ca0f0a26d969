"""Extract one article and print who said what.

Run from anywhere: ``python examples/quick_start.py [ARTICLE.json]`` (default: ``examples/artikel.json``,
an article the project wrote, with fictional people). A JSON record has ``text`` and optionally
``id`` and ``date`` (the publication day, ``YYYY-MM-DD``, which resolves ``Selasa`` or ``pekan depan``).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import idnews_extract

HERE = Path(__file__).resolve().parent


def main(path: Path) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    text = record["text"]
    article = idnews_extract.extract(text, reference_date=record.get("date"), id=record.get("id"))

    print(f"article {article.id}: reference date {article.reference_date} ({article.reference_date_source})")
    if article.dateline:
        print(f"dateline: {article.dateline.place} / {article.dateline.source}")

    print("\npeople:")
    for person in article.people:
        roles = f" ({'; '.join(person.roles)})" if person.roles else ""
        aliases = f", also {', '.join(person.aliases)}" if person.aliases else ""
        n = len(person.mentions)
        print(f"  {person.name}{roles}{aliases}: {n} mention{'' if n == 1 else 's'}")

    by_speaker: dict[str, list[idnews_extract.Quote]] = defaultdict(list)
    for quote in article.quotes:
        by_speaker[quote.speaker or "(unknown speaker)"].append(quote)
    print("\nquotes by speaker:")
    for speaker, quotes in by_speaker.items():
        print(f"  {speaker}")
        for q in quotes:
            # Every item points at the exact characters of the input.
            assert text[q.start : q.end] == q.text
            print(f"    [{q.kind}, {q.cue}] {q.text}")

    print("\ndates:")
    for d in article.dates:
        print(f"  {d.text!r}: {d.type} {d.value}")
    print("percentages:")
    for p in article.percentages:
        value = p.value if p.value is not None else f"{p.low}-{p.high}"
        print(f"  {p.text!r}: {value}{' points' if p.points else ''} (measure: {p.measure})")
    print("typos fixed:", ", ".join(f"{c.text} -> {c.replacement}" for c in article.corrections) or "none")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "artikel.json")
