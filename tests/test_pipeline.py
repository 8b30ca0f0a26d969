"""The whole pipeline end to end on text the project wrote: contract, offsets, composition."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

import idnews_extract
from idnews_extract import Article, Entity

from .conftest import assert_offsets


@pytest.fixture(scope="module")
def articles(example_records: list[dict[str, Any]]) -> list[Article]:
    return [idnews_extract.extract(r["text"], reference_date=r["date"], id=r["id"]) for r in example_records]


def test_every_item_points_into_the_input(articles: list[Article], example_records: list[dict[str, Any]]) -> None:
    for article, record in zip(articles, example_records):
        assert_offsets(article, record["text"])
        assert article.id == record["id"]


def test_components_do_real_work(articles: list[Article]) -> None:
    first = articles[0]
    assert first.reference_date == "2024-03-12" and first.reference_date_source == "given"
    assert first.dateline is not None and first.dateline.place == "Medan"
    labels = {e.label for e in first.entities}
    assert {"PERSON", "ORG", "LOC"} <= labels
    assert any(q.kind == "direct" for q in first.quotes)
    assert any(q.kind == "indirect" for q in first.quotes)
    assert any(p.value == 7.5 for p in first.percentages)
    assert any(d.value == "2024-03-12" and d.text == "Selasa" for d in first.dates)
    kinds = {r.kind for r in first.removed}
    assert "footer" in kinds and "inserted" in kinds


def test_round_trip_of_real_output(articles: list[Article]) -> None:
    for article in articles:
        assert Article.from_json(article.to_json()) == article


def test_footer_and_inserted_lines_are_not_extracted(articles: list[Article], example_records: list[dict[str, Any]]) -> None:
    """Nothing comes from a removed footer or inserted line but the outlet credited by the copyright notice."""
    text = example_records[0]["text"]
    footer_at = text.index("Pewarta:")
    inserted_at = text.index("Baca juga:")
    holder_at = text.index("COPYRIGHT © ") + len("COPYRIGHT © ")
    credit = Entity(text="ANTARA", label="ORG", start=holder_at, end=holder_at + 6)
    assert credit in articles[0].entities
    for item in (*articles[0].entities, *articles[0].quotes, *articles[0].dates):
        if item == credit:
            continue
        assert item.start < inserted_at or item.start >= footer_at + 200
        assert not (inserted_at <= item.start < inserted_at + 50)


def test_extract_many_matches_extract(articles: list[Article], example_records: list[dict[str, Any]]) -> None:
    many = list(idnews_extract.extract_many(example_records, batch_size=2))
    assert many == articles
    texts_only = list(idnews_extract.extract_many([r["text"] for r in example_records]))
    assert [a.entities for a in texts_only] == [a.entities for a in articles]


def test_empty_and_whitespace_text() -> None:
    for text in ("", "   \n\n  "):
        article = idnews_extract.extract(text)
        assert article.entities == () and article.quotes == ()


@pytest.mark.parametrize("bad", [None, 12, b"bytes", ["list"]])
def test_non_string_text_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        idnews_extract.extract(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["2018-02-30", "kemarin", "12/03/2018", "2018-13-01"])
def test_invalid_reference_date_is_a_value_error(bad: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        idnews_extract.extract("Teks.", reference_date=bad)


def test_components_load_by_name_from_entry_points() -> None:
    nlp = spacy.blank("id")
    for name in ("idnews_sentences", "idnews_entities", "idnews_people", "idnews_dates", "idnews_percentages", "idnews_quotes"):
        nlp.add_pipe(name)
    doc = nlp('"Harga beras naik 5 persen," kata Menteri Perdagangan Budi Santoso, Selasa.')
    assert [s.text for s in doc.spans["idnews_percentages"]] == ["5 persen"]
    assert len(doc.spans["idnews_quotes"]) == 1


def test_a_custom_component_shows_up_in_extra() -> None:
    from spacy.language import Language

    @Language.component("test_rupiah")
    def rupiah(doc: spacy.tokens.Doc) -> spacy.tokens.Doc:
        spans = [doc[t.i : t.i + 2] for t in doc if t.text == "Rp" and t.i + 1 < len(doc)]
        for span in spans:
            span.label_ = "MONEY"
        doc.spans["money"] = spans
        return doc

    nlp = idnews_extract.load(disable=["idnews_quotes"])
    nlp.add_pipe("test_rupiah")
    text = "Proyek senilai Rp 5 miliar itu diresmikan Budi Santoso di Jakarta."
    article = idnews_extract.extract(text, nlp=nlp)
    assert [(e.text, e.label) for e in article.extra["money"]] == [("Rp 5", "MONEY")]
    assert article.quotes == ()
    assert Article.from_json(article.to_json()) == article


def test_load_rejects_unknown_component_names() -> None:
    with pytest.raises(ValueError, match="unknown component"):
        idnews_extract.load(disable=["idnews_nothing"])


def test_rule_tokens_and_text_made_once_per_doc_and_never_serialised() -> None:
    from idnews_extract.components._spans import doc_text, rule_tokens
    from idnews_extract.extractors.entity_rules import tokenize

    nlp = idnews_extract.load()
    doc = nlp("Wakil Wali Kota Tanjungbalai H.Ismail membuka rapat. Ismail meminta dinas bekerja keras.")
    toks = rule_tokens(doc)
    assert toks is rule_tokens(doc)  # the entity component's tokens, read again by the people component
    assert toks == tokenize(doc.text)
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    assert not any(value == toks or value == doc.text for value in doc.user_data.values())  # kept beside the Doc
    restored = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert rule_tokens(restored) == toks
