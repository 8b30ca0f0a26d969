"""The extractors as spaCy components: by name on a blank ``id`` pipeline, and with a component of your own.

``python examples/spacy_pipeline.py``. Part 1 needs only spaCy: the ``idnews_*`` factories load through
entry points once the package is installed. Part 2 takes the whole pipeline from
``idnews_extract.load()`` (text stage included), adds a rupiah-amount finder, and shows its span group
under ``extra`` in the Article, with offsets into the original input like every other item.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import filter_spans

TEXT = (
    "Surabaya - Wali Kota Surabaya Rahmat Hidayat, Selasa (12/3), mengatakan anggaran perbaikan saluran "
    "air naik 12,5 persen menjadi Rp1,2 triliun. \"Pekerjaan dimulai pekan depan,\" kata Rahmat."
)


def plain_spacy() -> None:
    """Part 1: components added by name; results stay on the Doc as spans with ``idnews_`` attributes."""
    nlp = spacy.blank("id")
    for name in ("idnews_sentences", "idnews_entities", "idnews_people", "idnews_dates", "idnews_percentages", "idnews_quotes"):
        nlp.add_pipe(name)
    print("pipeline:", nlp.pipe_names)

    doc = nlp.make_doc(TEXT)
    doc._.idnews_reference_date = "2024-03-12"  # resolves "Selasa (12/3)" and "pekan depan"
    for _, component in nlp.pipeline:
        doc = component(doc)

    print("entities:", [(e.text, e.label_) for e in doc.ents])
    print("people:", [(p["name"], p["roles"]) for p in doc._.idnews_people])
    for span in doc.spans["idnews_dates"]:
        print(f"date: {span.text!r} {span._.idnews_date_type} {span._.idnews_date_value}")
    for span in doc.spans["idnews_percentages"]:
        print(f"percentage: {span.text!r} value={span._.idnews_pct_value} measure={span._.idnews_pct_measure}")
    for span in doc.spans["idnews_quotes"]:
        start, end = span._.idnews_speaker_start, span._.idnews_speaker_end
        speaker = doc.text[start:end] if start is not None else None
        print(f"quote ({span._.idnews_quote_kind}, cue {span._.idnews_cue!r}, speaker {speaker!r}): {span.text}")


@Language.factory("example_rupiah", requires=["token.like_num"], assigns=["doc.spans"])
def make_rupiah(nlp: Language, name: str) -> RupiahFinder:
    """Rupiah amounts (``Rp1,2 triliun``, ``Rp 250 juta``) into ``doc.spans["rupiah"]``."""
    return RupiahFinder(nlp)


class RupiahFinder:
    """``Rp`` followed by number tokens (spaCy's Indonesian ``like_num`` knows ``juta``, ``triliun``)."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("MONEY", [[{"LOWER": "rp"}, {"LIKE_NUM": True, "OP": "+"}]], greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(self.matcher(doc, as_spans=True))
        doc.spans["rupiah"] = spans  # any span group other than idnews_* shows up under Article.extra
        return doc


def whole_pipeline_with_a_custom_component() -> None:
    """Part 2: the full pipeline plus our component; the Article carries its spans under ``extra``."""
    import idnews_extract
    nlp = idnews_extract.load()
    nlp.add_pipe("example_rupiah", after="idnews_percentages")
    print("\npipeline:", nlp.pipe_names)
    article = idnews_extract.extract(TEXT, nlp=nlp, reference_date="2024-03-12", id="contoh-spacy")
    for item in article.extra["rupiah"]:
        assert TEXT[item.start : item.end] == item.text
        print(f"extra rupiah: {item.text!r} at {item.start}-{item.end} ({item.label})")
    print("JSON extra:", article.to_dict()["extra"])


if __name__ == "__main__":
    plain_spacy()
    whole_pipeline_with_a_custom_component()
