"""``idnews_entities``: PERSON, ORG, LOC and EVENT mentions in ``doc.ents``.

A small statistical NER model (trained by ``scripts/train_ner.py``, shipped in
``idnews_extract/data/ner_model``) and a rule layer (titles, honorifics, organisation and event
patterns, the gazetteer) are merged so that each fixes the other's typical errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch
from spacy.vocab import Vocab

from ..extractors.entity_rules import find_rule_entities, merge_entities
from ..lang.data import data_path
from ..lang.tokenizer import BARE_TOKENIZER
from . import biluo_ner  # noqa: F401  (registers the factory of the shipped model's NER component)
from ._spans import char_span, doc_text, rule_tokens

__all__ = ["EntityRecognizer", "load_ner_model", "make_entities"]

LABELS = ("PERSON", "ORG", "LOC", "EVENT")
#: Longer Docs go through the statistical model in slices, and groups of Docs in bounded sizes (see
#: ``EntityRecognizer._predict``): peak memory stays flat whatever the length of an article.
MAX_MODEL_TOKENS = 4_000
MAX_BATCH_TOKENS = 16_000


def _slices(doc: Doc, size: int) -> list[tuple[int, int]]:
    """Token ranges of at most ``size`` tokens that cover ``doc``, cut at a sentence start when one is near."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(doc)
    while n - start > size:
        cut = start + size
        for i in range(cut, start + size // 2, -1):
            if doc[i].is_sent_start:
                cut = i
                break
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _slice_doc(doc: Doc, start: int, end: int) -> Doc:
    """Tokens ``start:end`` of ``doc`` as a Doc of their own, words and spaces only (all the model reads):
    several times cheaper than ``Span.as_doc``, which copies every annotation."""
    span = doc[start:end]
    return Doc(doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])


@cache
def load_ner_model() -> Language:
    """The shipped statistical NER pipeline (tok2vec + ner), loaded once per process."""
    path = data_path("ner_model")
    if not (path / "meta.json").exists():
        raise FileNotFoundError(
            f"the NER model is missing at {path}; rebuild it with `python scripts/train_ner.py` "
            "or load the pipeline with ner_model=False"
        )
    # Only tok2vec + ner run (on our Docs): skip building and loading the model's own tokenizer (~8 s).
    return spacy.load(path, exclude=["tokenizer"], config=BARE_TOKENIZER)


class EntityRecognizer:
    """Runs the statistical model's components on the Doc, then merges in the rule spans."""

    def __init__(self, vocab: Vocab, use_model: bool = True, use_rules: bool = True) -> None:
        self.model = load_ner_model() if use_model else None
        self.use_rules = use_rules
        if self.model is not None and self.model.vocab.vectors.shape[0] and not vocab.vectors.shape[0]:
            # The model's static vectors are read through each Doc's vocab: share them with the host pipeline.
            vocab.vectors = self.model.vocab.vectors

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            if self.model is not None:
                self._predict(batch)
            for doc in batch:
                yield self._merge(doc)

    def _predict(self, batch: list[Doc]) -> None:
        """Set ``doc.ents`` to the model's entities, running it on slices of long Docs in bounded groups.

        The model's working memory grows by about 14 KB per token it sees at once (200,000 quote marks in
        one Doc took 2.8 GB), so a Doc over :data:`MAX_MODEL_TOKENS` goes through in slices cut at sentence
        starts, and no group of Docs or slices holds more than :data:`MAX_BATCH_TOKENS` tokens.
        """
        parts: list[tuple[Doc, Doc, int]] = []  # (the Doc, what the model reads, its character offset)
        for doc in batch:
            if len(doc) <= MAX_MODEL_TOKENS:
                parts.append((doc, doc, 0))
            else:
                parts.extend((doc, _slice_doc(doc, a, b), doc[a].idx) for a, b in _slices(doc, MAX_MODEL_TOKENS))
        groups: list[list[Doc]] = [[]]
        size = 0
        for _, part, _ in parts:
            if size >= MAX_BATCH_TOKENS:
                groups.append([])
                size = 0
            groups[-1].append(part)
            size += len(part)
        for group in groups:
            for _, proc in self.model.pipeline:  # type: ignore[union-attr]
                if hasattr(proc, "pipe"):  # tok2vec and ner annotate the Docs in place
                    for _ in proc.pipe(group, batch_size=max(len(group), 1)):
                        pass
                else:
                    for part in group:
                        proc(part)
        sliced: dict[int, list[Span]] = {}
        for doc, part, offset in parts:
            if part is doc:
                continue
            spans = sliced.setdefault(id(doc), [])
            for ent in part.ents:
                span = doc.char_span(offset + ent.start_char, offset + ent.end_char, label=ent.label_)
                if span is not None:
                    spans.append(span)
        for doc in batch:
            if id(doc) in sliced:
                doc.ents = filter_spans(sliced[id(doc)])

    def _merge(self, doc: Doc) -> Doc:
        for label in LABELS:
            doc.vocab.strings.add(label)
        text = doc_text(doc)
        toks = rule_tokens(doc)  # one tokenization for the rules, the merge and the people
        model_spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if self.model else []
        rule_spans = find_rule_entities(text, toks) if self.use_rules else []
        merged = merge_entities(text, model_spans, rule_spans, toks)
        spans = [s for s in (char_span(doc, a, b, label) for a, b, label in merged) if s is not None]
        doc.ents = filter_spans(spans)
        return doc


@Language.factory(
    "idnews_entities",
    default_config={"model": True, "rules": True},
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
)
def make_entities(nlp: Language, name: str, model: bool, rules: bool) -> EntityRecognizer:
    """Named entities from the shipped statistical model merged with the rule layer."""
    return EntityRecognizer(nlp.vocab, use_model=model, use_rules=rules)
