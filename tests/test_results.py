"""The result dataclasses: frozen, slotted, keyword-only, with an exact JSON round-trip."""

from __future__ import annotations

import dataclasses
import json

import pytest

from idnews_extract import (
    Article,
    Correction,
    DateMention,
    Dateline,
    Entity,
    Percentage,
    Person,
    Quote,
    Removal,
)

CONTRACT_KEYS = [
    "id",
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
]


def sample() -> Article:
    text = "Medan (Antara) - Budi, Selasa, mengatakan harga naik 5 persen diseluruh kota."
    return Article(
        id="a1",
        reference_date="2024-03-12",
        reference_date_source="given",
        dateline=Dateline(place="Medan", source="Antara", start=0, end=17),
        entities=(Entity(text="Budi", label="PERSON", start=17, end=21),),
        people=(Person(name="Budi", aliases=("Pak Budi",), roles=("Ketua",), mentions=((17, 21),)),),
        quotes=(Quote(kind="indirect", text="harga naik", start=42, end=52, speaker="Budi", cue="mengatakan"),),
        dates=(DateMention(text="Selasa", value="2024-03-12", type="DATE", start=23, end=29),),
        percentages=(Percentage(text="5 persen", value=5.0, start=53, end=61),),
        corrections=(Correction(text="diseluruh", replacement="di seluruh", start=62, end=71),),
        removed=(Removal(kind="footer", start=0, end=0),),
        extra={"mine": (Entity(text="kota", label="X", start=72, end=76),)},
        text=text,
    )


def test_round_trip_is_exact() -> None:
    article = sample()
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_json(article.to_json()) == article
    assert Article.from_json(article.to_json(indent=2)).to_dict() == article.to_dict()
    assert Article.from_dict(article.to_dict(include_text=True)).text == article.text


def test_json_has_the_contract_keys_in_order() -> None:
    data = json.loads(Article().to_json())
    assert list(data) == CONTRACT_KEYS
    assert list(json.loads(sample().to_json())) == CONTRACT_KEYS + ["extra"]


def test_items_offsets_point_into_text() -> None:
    article = sample()
    for key in ("entities", "quotes", "dates", "percentages", "corrections"):
        for item in getattr(article, key):
            assert article.text[item.start : item.end] == item.text, (key, item)


@pytest.mark.parametrize("cls", [Article, Correction, DateMention, Dateline, Entity, Percentage, Person, Quote, Removal])
def test_dataclasses_are_frozen_slotted_keyword_only(cls: type) -> None:
    params = cls.__dataclass_params__
    assert params.frozen
    assert "__slots__" in cls.__dict__
    assert all(f.kw_only for f in dataclasses.fields(cls))


def test_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample().id = "b"  # type: ignore[misc]
