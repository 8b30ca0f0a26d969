"""The BILUO tagger NER component: constrained decoding, training on entities, saving and loading."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from idnews_extract.components.biluo_ner import decode_biluo

LABELS = ["O", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-PERSON", "I-PERSON", "L-PERSON", "U-PERSON"]


def scores(*rows: dict[str, float]) -> numpy.ndarray:
    """Score rows with the given tags high and every other tag at 0."""
    out = numpy.zeros((len(rows), len(LABELS)), dtype="float32")
    for i, row in enumerate(rows):
        for tag, value in row.items():
            out[i, LABELS.index(tag)] = value
    return out


def test_well_formed_guesses_are_kept() -> None:
    s = scores({"U-PERSON": 5}, {"O": 5}, {"B-ORG": 5}, {"I-ORG": 5}, {"L-ORG": 5}, {"O": 5})
    assert decode_biluo(s, LABELS) == ["U-PERSON", "O", "B-ORG", "I-ORG", "L-ORG", "O"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # an entity left open at a following O is closed: B then L of the same label
        (({"B-ORG": 5}, {"I-PERSON": 4, "L-ORG": 1}, {"O": 5}), ["B-ORG", "L-ORG", "O"]),
        # a lone I- becomes the best well-formed reading of its token: U-
        (({"O": 5}, {"I-ORG": 3, "U-ORG": 2}, {"O": 5}), ["O", "U-ORG", "O"]),
        # an L- with nothing open is not allowed to start a run
        (({"L-PERSON": 3, "U-PERSON": 2.5},), ["U-PERSON"]),
        # labels cannot change inside an entity
        (({"B-PERSON": 5}, {"I-ORG": 5, "I-PERSON": 4}, {"L-PERSON": 5}), ["B-PERSON", "I-PERSON", "L-PERSON"]),
    ],
)
def test_ill_formed_guesses_are_repaired(rows: tuple[dict[str, float], ...], expected: list[str]) -> None:
    assert decode_biluo(scores(*rows), LABELS) == expected


def test_empty_input() -> None:
    assert decode_biluo(numpy.zeros((0, len(LABELS)), dtype="float32"), LABELS) == []


SENTENCES = [
    ("Direktur Utama PT Sinar Harapan Budi Santoso meninjau gudang.", [("PT Sinar Harapan", "ORG"), ("Budi Santoso", "PERSON")]),
    ("Budi Santoso berbicara di depan karyawan PT Sinar Harapan.", [("Budi Santoso", "PERSON"), ("PT Sinar Harapan", "ORG")]),
    ("Rapat itu dipimpin Siti Rahmawati dari Dinas Pertanian.", [("Siti Rahmawati", "PERSON"), ("Dinas Pertanian", "ORG")]),
    ("Siti Rahmawati meminta Dinas Pertanian menambah pupuk.", [("Siti Rahmawati", "PERSON"), ("Dinas Pertanian", "ORG")]),
]


def _examples(nlp: spacy.language.Language) -> list[Example]:
    out = []
    for text, ents in SENTENCES:
        ref = nlp.make_doc(text)
        ref.ents = [ref.char_span(text.index(t), text.index(t) + len(t), label=lab) for t, lab in ents]
        out.append(Example(nlp.make_doc(text), ref))
    return out


def test_trains_on_entities_and_round_trips(tmp_path) -> None:
    nlp = spacy.blank("id")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.HashEmbedCNN.v2", "width": 32, "depth": 1, "embed_size": 500,
        "window_size": 1, "maxout_pieces": 2, "subword_features": True, "pretrained_vectors": None}})
    ner = nlp.add_pipe("idnews_biluo_ner", name="ner", config={"model": {"tok2vec": {"width": 32}}})
    examples = _examples(nlp)
    optimizer = nlp.initialize(lambda: examples)
    assert ner.entity_labels == ("ORG", "PERSON")
    losses: list[float] = []
    for _ in range(60):
        step: dict[str, float] = {}
        nlp.update(examples, sgd=optimizer, losses=step)
        losses.append(step["ner"])
    assert losses[-1] < losses[0] / 4, losses
    assert nlp.evaluate(examples)["ents_f"] == 1.0
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    doc: Doc = loaded(SENTENCES[0][0])
    assert [(e.text, e.label_) for e in doc.ents] == SENTENCES[0][1]
