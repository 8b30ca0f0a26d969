"""Shared fixtures: the example articles the project wrote, and the offset invariant every test checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from idnews_extract import Article

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def example_records() -> list[dict[str, Any]]:
    with (EXAMPLES / "articles.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def assert_offsets(article: Article, text: str) -> None:
    """Every item points at its exact characters of ``text``, inside it."""
    n = len(text)
    for key in ("entities", "quotes", "dates", "percentages", "corrections"):
        for item in getattr(article, key):
            assert 0 <= item.start <= item.end <= n, (key, item)
            assert text[item.start : item.end] == item.text, (key, item)
    for person in article.people:
        for start, end in person.mentions:
            assert 0 <= start < end <= n, person
    for removal in article.removed:
        assert 0 <= removal.start <= removal.end <= n, removal
    if article.dateline:
        assert 0 <= article.dateline.start <= article.dateline.end <= n
