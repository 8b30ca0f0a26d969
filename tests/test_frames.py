"""pandas tables: ``articles_to_frames`` and ``Article.to_frame`` (one row per item, tagged with the article id)."""

from __future__ import annotations

import sys
from dataclasses import fields
from typing import Any

import pytest

pd = pytest.importorskip("pandas", reason="the tables need the pandas extra")

import idnews_extract  # noqa: E402
from idnews_extract import Article, DateMention, Entity, Percentage, Person, Quote  # noqa: E402
from idnews_extract.frames import KINDS  # noqa: E402

from .conftest import assert_offsets  # noqa: E402

TEXT = 'Menteri Ani Lestari, Senin, mengatakan harga naik 2,5 persen. "Kami waspada," kata Ani.'


def _at(sub: str, last: bool = False) -> dict[str, Any]:
    start = TEXT.rindex(sub) if last else TEXT.index(sub)
    return {"text": sub, "start": start, "end": start + len(sub)}


def article(id: str = "a-1") -> Article:
    ani, ani2 = _at("Ani Lestari"), _at("Ani", last=True)
    return Article(
        id=id,
        entities=(Entity(label="PERSON", **ani), Entity(label="PERSON", **ani2)),
        people=(
            Person(
                name="Ani Lestari", aliases=("Ani",), roles=("Menteri",),
                mentions=((ani["start"], ani["end"]), (ani2["start"], ani2["end"])),
            ),
        ),
        quotes=(
            Quote(kind="indirect", speaker="Ani Lestari", cue="mengatakan", **_at("harga naik 2,5 persen.")),
            Quote(kind="direct", speaker="Ani Lestari", cue="kata", **_at("Kami waspada,")),
        ),
        dates=(DateMention(value="2024-03-11", type="DATE", **_at("Senin")),),
        percentages=(Percentage(value=2.5, measure="harga", **_at("2,5 persen")),),
        text=TEXT,
    )


def test_one_row_per_item_with_contract_columns() -> None:
    a, b = article("a-1"), article("a-2")
    frames = idnews_extract.articles_to_frames([a, b])
    assert set(frames) == set(KINDS)
    for kind in KINDS:
        frame = frames[kind]
        item_type = type(getattr(a, kind)[0]) if getattr(a, kind) else None
        assert len(frame) == len(getattr(a, kind)) + len(getattr(b, kind)), kind
        assert frame.columns[0] == "article_id"
        if item_type is not None:
            assert list(frame.columns[1:]) == [f.name for f in fields(item_type)]
    quotes = frames["quotes"]
    assert list(quotes["article_id"]) == ["a-1", "a-1", "a-2", "a-2"]
    assert quotes.iloc[1].to_dict() == {"article_id": "a-1", **a.quotes[1].to_dict()}
    assert frames["percentages"]["value"].dtype == float
    assert frames["people"].iloc[0]["aliases"] == ["Ani"]


def test_offsets_in_frames_point_into_the_text() -> None:
    a = article()
    for kind in ("entities", "quotes", "dates", "percentages"):
        for row in a.to_frame(kind).itertuples():
            assert TEXT[row.start : row.end] == row.text, (kind, row)


def test_to_frame_defaults_to_entities_and_matches_articles_to_frames() -> None:
    a = article()
    pd.testing.assert_frame_equal(a.to_frame(), idnews_extract.articles_to_frames([a])["entities"])
    pd.testing.assert_frame_equal(a.to_frame("dates"), idnews_extract.articles_to_frames([a], kinds=["dates"])["dates"])
    assert set(idnews_extract.articles_to_frames([a], kinds=["quotes", "people"])) == {"quotes", "people"}


def test_empty_tables_keep_their_columns() -> None:
    empty = Article(id="kosong", text="")
    quotes = empty.to_frame("quotes")
    assert quotes.empty and list(quotes.columns) == ["article_id", "kind", "text", "start", "end", "speaker", "cue"]
    assert quotes.groupby("speaker").size().empty  # the usual summary works on nothing
    frames = idnews_extract.articles_to_frames([])
    assert all(frame.empty and "article_id" in frame.columns for frame in frames.values())


def test_unknown_kind_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        article().to_frame("quote")
    with pytest.raises(ValueError, match="unknown kind"):
        idnews_extract.articles_to_frames([article()], kinds=["entities", "speakers"])


def test_missing_pandas_is_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"idnews_extract\[pandas\]"):
        article().to_frame("quotes")


def test_frames_of_real_extractions(example_records: list[dict[str, Any]]) -> None:
    articles = list(idnews_extract.extract_many(example_records))
    frames = idnews_extract.articles_to_frames(articles)
    texts = {r["id"]: r["text"] for r in example_records}
    for a in articles:
        assert_offsets(a, texts[a.id])
    for kind in ("entities", "quotes", "dates", "percentages"):
        frame = frames[kind]
        assert len(frame) == sum(len(getattr(a, kind)) for a in articles) > 0, kind
        for row in frame.itertuples():
            assert texts[row.article_id][row.start : row.end] == row.text
    by_speaker = frames["quotes"].groupby("speaker").size()
    assert by_speaker.sum() <= len(frames["quotes"]) and len(by_speaker) >= 3
    assert set(frames["people"]["article_id"]) <= set(texts)
