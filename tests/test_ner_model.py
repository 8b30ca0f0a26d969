"""The statistical NER model shipped in idnews_extract/data/ner_model: loads, labels, files, behaviour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_DIR = Path(__file__).resolve().parents[1] / "idnews_extract" / "data" / "ner_model"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(MODEL_DIR)


def ents(nlp: Language, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_files_present() -> None:
    for name in ("meta.json", "config.cfg", "MODEL.md", "tok2vec", "ner", "vocab"):
        assert (MODEL_DIR / name).exists(), name
    card = (MODEL_DIR / "MODEL.md").read_text(encoding="utf-8")
    for needle in ("MIT", "CC BY 4.0", "CC BY-SA 4.0", "IndoSum", "IDNer-news-2k", "NER UI", "NERGrit",
                   "train_ner.py", "F1"):
        assert needle in card, needle


def test_meta_and_size() -> None:
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["lang"] == "id"
    assert meta["pipeline"] == ["tok2vec", "ner"]
    assert "CC BY-SA 4.0" in meta["license"]
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert 1e6 < size < 25e6


def test_labels_and_components(nlp: Language) -> None:
    assert nlp.lang == "id"
    assert nlp.pipe_names == ["tok2vec", "ner"]
    ner = nlp.get_pipe("ner")
    assert type(ner).__name__ == "BiluoNer"  # idnews_biluo_ner: a BILUO tag per token
    assert set(ner.entity_labels) == {"PERSON", "ORG", "LOC"}
    assert set(ner.labels) == {"O"} | {f"{p}-{lab}" for p in "BILU" for lab in ("PERSON", "ORG", "LOC")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Presiden Joko Widodo meresmikan Bendungan Karian di Lebak, Banten, Rabu.",
         {("Joko Widodo", "PERSON"), ("Banten", "LOC")}),
        ("Ketua Umum Partai Golkar Airlangga Hartarto bertemu wartawan di Jakarta.",
         {("Airlangga Hartarto", "PERSON"), ("Jakarta", "LOC")}),
        ("Bank Indonesia menaikkan suku bunga acuan, kata Perry Warjiyo di Jakarta.",
         {("Bank Indonesia", "ORG"), ("Perry Warjiyo", "PERSON"), ("Jakarta", "LOC")}),
        ("Komisi Pemberantasan Korupsi (KPK) memeriksa Bupati Malang di Surabaya, Jawa Timur.",
         {("KPK", "ORG"), ("Surabaya", "LOC"), ("Jawa Timur", "LOC")}),
    ],
)
def test_sensible_entities(nlp: Language, text: str, expected: set[tuple[str, str]]) -> None:
    found = ents(nlp, text)
    assert expected <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the training data hold once (a model may read `Pemberantasan Korupsi`): the acronym
        # definition beside it gives the pipeline the whole name
        ("Kemarin, Komisi Pemberantasan Korupsi (KPK) memeriksa Bupati Malang di Surabaya, Jawa Timur.",
         {("Komisi Pemberantasan Korupsi", "ORG"), ("KPK", "ORG"), ("Surabaya", "LOC")}),
        # a name whose middle word the training data never show (the shipped model reads `Sri Mulyani` and
        # `Indrawati`, a narrower one only `Indrawati`): the title before it gives the pipeline the whole name
        ("Menteri Keuangan Sri Mulyani Indrawati menghadiri pertemuan di Bali.",
         {("Sri Mulyani Indrawati", "PERSON"), ("Bali", "LOC")}),
    ],
)
def test_pipeline_completes_what_the_model_cuts_short(text: str, expected: set[tuple[str, str]]) -> None:
    import idnews_extract

    found = {(e.text, e.label) for e in idnews_extract.extract(text).entities}
    assert expected <= found, found


def test_no_entities_in_plain_sentence(nlp: Language) -> None:
    assert ents(nlp, "harga beras naik karena musim kemarau yang panjang tahun ini.") == set()


def test_static_vectors_case_insensitive(nlp: Language) -> None:
    """Vectors ship in the vocab; a word's lower, Title and UPPER forms share one row."""
    vectors = nlp.vocab.vectors
    assert vectors.shape[0] >= 10_000 and vectors.shape[1] >= 50
    rows = {vectors.find(key=nlp.vocab.strings.add(w)) for w in ("jakarta", "Jakarta", "JAKARTA")}
    assert len(rows) == 1 and rows != {-1}
    assert vectors.find(key=nlp.vocab.strings.add("zzqxv-bukan-kata")) == -1


def test_runs_on_docs_from_another_tokenizer(nlp: Language) -> None:
    """The components work on Docs made by a different blank ``id`` pipeline (the project's),
    once that pipeline's vocab holds the model's static vectors (spaCy reads them from the Doc's vocab)."""
    other = spacy.blank("id")
    other.vocab.vectors = nlp.vocab.vectors
    doc = other("Gubernur Jawa Barat Ridwan Kamil berkunjung ke Bandung.")
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    assert isinstance(doc, Doc)
    assert ("Ridwan Kamil", "PERSON") in {(e.text, e.label_) for e in doc.ents}


def test_long_text_goes_through_the_model_in_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    from idnews_extract.components import entities

    host = spacy.blank("id")
    host.add_pipe("idnews_sentences")
    host.add_pipe("idnews_entities", config={"rules": False})  # the model's entities alone
    cities = ("Surabaya", "Bandung", "Medan", "Makassar", "Semarang", "Palembang", "Denpasar", "Padang")
    text = " ".join(f"Menteri Keuangan Sri Mulyani meninjau pasar di {city} pada hari ke-{i + 1}." for i, city in enumerate(cities))
    whole = host(text)
    monkeypatch.setattr(entities, "MAX_MODEL_TOKENS", 30)  # a sentence is about 14 tokens: cut every two or so
    sliced = host(text)
    assert len(entities._slices(sliced, entities.MAX_MODEL_TOKENS)) > 3
    assert [(e.start_char, e.end_char, e.label_) for e in sliced.ents] == [
        (e.start_char, e.end_char, e.label_) for e in whole.ents
    ]  # cut at sentence starts, the model reads each sentence as it did in one piece
    assert sum(e.text == "Sri Mulyani" and e.label_ == "PERSON" for e in sliced.ents) == len(cities)
