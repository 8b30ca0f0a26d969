"""``idnews_biluo_ner``: named entities as one BILUO tag per token, decoded into ``doc.ents``.

spaCy's transition-based ``ner`` takes one model step per token: on news articles its steps cost as
much as the whole CNN encoder under them. This component scores every token's BILUO tag
(``B-ORG``, ``I-ORG``, ``L-ORG``, ``U-LOC``, ``O``, ...) with one softmax layer over the same encoder
(spaCy's ``Tagger``), then decodes the tags into entities with a constrained Viterbi search, so that
every span is well formed (``B I* L`` or ``U``, one label). It trains with ``spacy train`` on Docs
with ``doc.ents`` (the gold tags come from the entities, as spaCy's ``ner`` reads them) and scores
like ``ner`` (``ents_f``), so it is a drop-in for ``ner`` in a config.
"""

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import islice, pairwise
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc
from spacy.training import Example, biluo_tags_to_spans, validate_examples
from thinc.api import Model, SequenceCategoricalCrossentropy

__all__ = ["BiluoNer", "decode_biluo", "make_biluo_ner"]

OUT = "O"


def _allowed_start(tag: str) -> bool:
    """A tag that may follow ``O``, ``L-`` or ``U-`` (or open the text)."""
    return tag == OUT or tag[0] in "BU"


def _allowed_end(tag: str) -> bool:
    """A tag that may precede ``O``, ``B-`` or ``U-`` (or close the text)."""
    return tag == OUT or tag[0] in "LU"


def _follows(prev: str, tag: str) -> bool:
    """May ``tag`` come right after ``prev``?"""
    if prev[0] in "BI":
        return tag[0] in "IL" and tag[2:] == prev[2:]
    return _allowed_start(tag)


@cache
def _predecessors(labels: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    """For each tag, the tags that may come right before it (indices into ``labels``)."""
    return tuple(tuple(i for i, prev in enumerate(labels) if _follows(prev, tag)) for tag in labels)


def _viterbi(scores: Sequence[Sequence[float]], labels: tuple[str, ...]) -> list[int]:
    """The best well-formed tag sequence for a run of tokens between two ``O`` tokens (log scores)."""
    n_tags = len(labels)
    before = _predecessors(labels)
    best = [s if _allowed_start(labels[j]) else -numpy.inf for j, s in enumerate(scores[0])]
    back: list[list[int]] = []
    for row in scores[1:]:
        ptr = [max(before[j], key=best.__getitem__) for j in range(n_tags)]
        best = [best[k] + row[j] for j, k in enumerate(ptr)]
        back.append(ptr)
    last = max((j for j in range(n_tags) if _allowed_end(labels[j])), key=best.__getitem__)
    path = [last]
    for ptr in reversed(back):
        path.append(ptr[path[-1]])
    return path[::-1]


def decode_biluo(scores: numpy.ndarray, labels: Sequence[str]) -> list[str]:
    """Well-formed BILUO tags from per-token tag scores (rows: tokens, columns: ``labels``).

    Tokens whose best tag is ``O`` stay ``O``; each run of other tokens is decoded by a Viterbi search
    under the BILUO constraints on log-softmax scores, which keeps the search to the few tokens the
    model thinks are inside entities.
    """
    if not len(scores):
        return []
    scores = numpy.asarray(scores, dtype="float32")
    guess = scores.argmax(axis=1).tolist()
    tags = [labels[g] for g in guess]
    out_id = labels.index(OUT)
    i, n = 0, len(guess)
    while i < n:
        if guess[i] == out_id:
            i += 1
            continue
        j = i
        while j < n and guess[j] != out_id:
            j += 1
        run = tags[i:j]
        well_formed = _allowed_start(run[0]) and _allowed_end(run[-1]) and all(
            _follows(a, b) for a, b in pairwise(run)
        )
        if not well_formed:
            block = scores[i:j]
            shifted = block - block.max(axis=1, keepdims=True)
            logp = shifted - numpy.log(numpy.exp(shifted).sum(axis=1, keepdims=True))
            tags[i:j] = [labels[k] for k in _viterbi(logp.tolist(), tuple(labels))]
        i = j
    return tags


def biluo_ner_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Exact-span entity P/R/F (``ents_p``, ``ents_r``, ``ents_f``, ``ents_per_type``), as for ``ner``."""
    return get_ner_prf(examples, **kwargs)


class BiluoNer(Tagger):
    """A softmax BILUO tagger whose annotations are entities (see the module docstring)."""

    def __init__(self, vocab: Any, model: Model, name: str = "biluo_ner", *,
                 scorer: Callable[..., dict[str, Any]] = biluo_ner_score) -> None:
        super().__init__(vocab, model, name, overwrite=True, scorer=scorer)

    @property
    def entity_labels(self) -> tuple[str, ...]:
        """The entity labels (``PERSON``, ``ORG``, ...) behind the BILUO tags in :attr:`labels`."""
        return tuple(dict.fromkeys(tag[2:] for tag in self.labels if tag != OUT))

    def _scores2guesses(self, scores: list[numpy.ndarray]) -> list[list[str]]:
        labels = list(self.labels)
        return [decode_biluo(self.model.ops.to_numpy(s), labels) for s in scores]

    def set_annotations(self, docs: Iterable[Doc], batch_tags: list[list[str]]) -> None:
        for doc, tags in zip(docs, batch_tags):
            doc.ents = biluo_tags_to_spans(doc, tags)

    def get_loss(self, examples: Iterable[Example], scores: list[Any]) -> tuple[float, list[Any]]:
        """Cross-entropy against the gold entities as BILUO tags (unaligned tokens are missing)."""
        examples = list(examples)
        validate_examples(examples, "BiluoNer.get_loss")
        loss_func = SequenceCategoricalCrossentropy(names=self.labels, normalize=False)
        truths = [eg.get_aligned_ner() for eg in examples]
        d_scores, loss = loss_func(scores, truths)
        return float(loss), d_scores

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None,
                   labels: Sequence[str] | None = None) -> None:
        """Add ``O`` and the four BILU tags of every entity label in the examples, then size the model."""
        if labels is None:
            ent_labels = sorted({e.label_ for eg in get_examples() for e in eg.reference.ents})
            labels = [OUT] + [f"{p}-{lab}" for lab in ent_labels for p in "BILU"]
        for tag in labels:
            self.add_label(tag)
        sample = list(islice(get_examples(), 10))
        gold = [
            self.model.ops.asarray([[float(t == tag) for t in self.labels] for tag in eg.get_aligned_ner()],
                                   dtype="float32")
            for eg in sample
        ]
        self.model.initialize(X=[eg.x for eg in sample], Y=gold)


@Language.factory(
    "idnews_biluo_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "model": {
            "@architectures": "spacy.Tagger.v2",
            "nO": None,
            "normalize": False,
            "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"},
        },
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_biluo_ner(nlp: Language, name: str, model: Model) -> BiluoNer:
    """spaCy factory: ``nlp.add_pipe("idnews_biluo_ner")`` (trainable; see :class:`BiluoNer`)."""
    return BiluoNer(nlp.vocab, model, name)
