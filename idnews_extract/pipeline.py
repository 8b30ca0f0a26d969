"""Building the spaCy pipeline: a blank ``id`` Language, the news tokenizer with the text stage, our components."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .extensions import register_extensions
from .lang.tokenizer import BARE_TOKENIZER, build_tokenizer, tokenize
from .text.stage import TextStageConfig, TextStageResult, run_text_stage

# Importing the component modules registers their factories (entry points do the same for spaCy users).
from .components import dates, entities, people, percentages, quotes, sentences  # noqa: F401

__all__ = ["COMPONENTS", "NewsTokenizer", "attach_text_stage", "load"]


COMPONENTS: tuple[str, ...] = (
    "idnews_sentences",
    "idnews_entities",
    "idnews_people",
    "idnews_dates",
    "idnews_percentages",
    "idnews_quotes",
)


def attach_text_stage(doc: Doc, stage: TextStageResult) -> Doc:
    """Keep the text stage's findings and alignment on the Doc made from its cleaned text."""
    doc._.idnews_text_stage = stage.to_plain()
    doc._.idnews_reference_date = stage.reference_date
    doc._.idnews_reference_date_source = stage.reference_date_source
    return doc


class NewsTokenizer:
    """Runs the text stage, then tokenizes the cleaned text; the Doc keeps the map back to the input.

    ``doc.text`` is the cleaned text; ``doc._.idnews_text_stage`` holds the alignment to the original
    input and what the text stage found, and the edge maps every offset back through it.
    """

    def __init__(self, nlp: Language, config: TextStageConfig) -> None:
        self.tokenizer = build_tokenizer(nlp)
        self.config = config

    def __call__(self, text: str) -> Doc:
        stage = run_text_stage(text, self.config)
        doc = tokenize(self.tokenizer, stage.alignment.text)  # linear on any text
        return attach_text_stage(doc, stage)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


def load(
    *,
    cleanup: bool = True,
    correct_typos: bool = True,
    spacing: bool = True,
    ner_model: bool = True,
    disable: Iterable[str] = (),
    backend: str = "spacy",
    stanza_dir: str | None = None,
) -> Language:
    """The full idnews_extract pipeline as a ``spacy.Language``.

    ``cleanup``, ``correct_typos`` and ``spacing`` switch the text-stage steps; ``ner_model=False``
    uses the entity rules alone; ``disable`` leaves out components by name (``"idnews_quotes"``).
    Add, remove or replace components with the usual spaCy calls; the edge collects what they leave.
    ``backend="stanza"`` tokenizes, splits sentences, tags, lemmatizes and parses with Stanza's
    Indonesian models from ``stanza_dir`` (default ``$IDNEWS_STANZA_DIR`` or
    ``~/.cache/idnews_extract/stanza``; needs the ``stanza`` extra; never downloads).
    """
    if backend not in ("spacy", "stanza"):
        raise ValueError(f"unknown backend {backend!r}; choose 'spacy' or 'stanza'")
    register_extensions()
    nlp = spacy.blank("id", config=BARE_TOKENIZER)  # its tokenizer is replaced below: skip building spaCy's
    stage_config = TextStageConfig(cleanup=cleanup, correct_typos=correct_typos, spacing=spacing)
    if backend == "stanza":
        from .backends.stanza import StanzaTokenizer

        nlp.tokenizer = StanzaTokenizer(nlp, stage_config, stanza_dir)
        skip_backend = {"idnews_sentences"}  # Stanza's parse sets the sentences
    else:
        nlp.tokenizer = NewsTokenizer(nlp, stage_config)
        skip_backend = set()
    skip = set(disable)
    unknown = skip - set(COMPONENTS)
    if unknown:
        raise ValueError(f"unknown component(s) {sorted(unknown)}; choose from {list(COMPONENTS)}")
    for name in COMPONENTS:
        if name in skip or name in skip_backend:
            continue
        nlp.add_pipe(name, config={"model": ner_model} if name == "idnews_entities" else {})
    return nlp
