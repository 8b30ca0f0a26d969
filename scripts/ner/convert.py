"""Convert the IOB2 NER corpora in ``../shared/data/ner`` into spaCy DocBins.

Three corpora, three column layouts, one target label set (PERSON, ORG, LOC):

* IDNer-news-2k (MIT): ``TOKEN UPOS TAG`` separated by spaces, CRLF line ends, IOB2, PER/ORG/LOC.
* IndoLEM NER UI fold 1 (CC BY 4.0): ``TOKEN<TAB>TAG``, IOB2, PERSON/ORGANIZATION/LOCATION.
* NERGrit, IndoNLU copy (MIT): ``TOKEN<TAB>TAG``, IOB2, PERSON/ORGANISATION/PLACE.

IDNer-news-2k glues brackets to words (``(BEI)``, ``(Jokowi)``) and puts a bracketed acronym inside
the entity before it (``Bursa Efek Indonesia (BEI)`` as one ORG), while NER UI and the project's
guidelines (``data/articles/GUIDELINES.md``: "an acronym written separately is its own entry") keep
``(``, ``BEI``, ``)`` apart. :func:`split_brackets` harmonises to the latter: the brackets become
``O`` tokens and a tagged inner word starts its own entity of the same label.

IDNer-news-2k also leaves many place names untagged where the other two corpora and the guidelines
("`LOC`: places: countries, provinces, cities, regions") tag them: ``Pemerintah Indonesia``,
``tentara Jepang``, ``Amerika Serikat`` as a subject. :func:`loc_lexicon` learns, from the NER UI
and NERGrit *train* splits only, the place names (1-3 tokens) that those corpora tag as a whole LOC
in at least 90% of their untagged-or-LOC occurrences (at least 5), and :func:`tag_lexicon_locs`
tags the wholly untagged occurrences of these names as LOC (longest first). ``convert(..., locs=True)``
applies it to IDNer-news-2k train; ``bench/ner.py`` scores IDNer-news-2k dev as annotated and
harmonised.

Sentences are separated by blank lines; every file was checked to be strict IOB2 (no ``I-`` tag
without a preceding ``B-``/``I-`` of the same type), but :func:`iob_to_spans` also accepts a stray
``I-`` (it opens a new entity) so the converter stays correct on IO-style input.

Each sentence becomes one ``Doc`` whose text is detokenised with plain news spacing (no space before
``,`` or ``.``, none inside brackets and quote pairs), so that ``spacy train`` re-tokenises it with
the blank ``id`` tokenizer and the model learns on the tokenisation it will meet at run time.

With ``--raw``, it also writes ``raw.jsonl`` (``{"text": paragraph}`` per line) from the
unlabelled IndoSum dev articles (``corpus/indosum-dev.jsonl``, CC BY-SA 4.0) for ``spacy pretrain``;
only every ``--raw-every``-th paragraph is kept so that pretraining fits the one-core time budget.

Usage: ``python scripts/ner/convert.py [--data DIR] [--out DIR] [--raw] [--raw-every N]``
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ner"
DEFAULT_OUT = REPO / "build" / "ner"
DEFAULT_RAW = REPO.parent / "shared" / "data" / "corpus" / "indosum-dev.jsonl"

#: Source label -> target label; labels not listed here (none in these corpora) are dropped.
LABEL_MAP: dict[str, str] = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "PLACE": "LOC",
}
LABELS: tuple[str, ...] = ("PERSON", "ORG", "LOC")

# Tokens glued to the previous / next token when the sentence text is rebuilt.
_NO_SPACE_BEFORE = frozenset(",.:;?!)]}%'”’…")
_NO_SPACE_AFTER = frozenset("([{“‘")
_TOGGLE_QUOTES = frozenset({'"', "''", "``"})


@dataclass(frozen=True, slots=True)
class Sentence:
    """One annotated sentence: tokens and their IOB2 tags (already mapped to target labels)."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Split:
    """A file of one corpus: its name in the output, its path and its column separator."""

    name: str
    path: str
    sep: str | None  # None: any whitespace


#: corpus -> (train split, dev split), paths relative to the data folder.
CORPORA: dict[str, tuple[Split, Split]] = {
    "idner": (
        Split("idner_train", "idner-news-2k/train.txt", None),
        Split("idner_dev", "idner-news-2k/dev.txt", None),
    ),
    "nerui": (
        Split("nerui_train", "nerui/train.01.tsv", "\t"),
        Split("nerui_dev", "nerui/dev.01.tsv", "\t"),
    ),
    "nergrit": (
        Split("nergrit_train", "nergrit/train_preprocess.txt", "\t"),
        Split("nergrit_dev", "nergrit/valid_preprocess.txt", "\t"),
    ),
}
NEWS_CORPORA: tuple[str, ...] = ("idner", "nerui")


def map_tag(tag: str) -> str:
    """Map one IOB2 tag to the target label set; unknown types become ``O``."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, label = tag.partition("-")
    target = LABEL_MAP.get(label.upper())
    if target is None or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{target}"


def split_brackets(sent: Sentence) -> Sentence:
    """Split brackets glued to a word (``(BEI)``) into own ``O`` tokens; the tagged word starts an entity."""
    words: list[str] = []
    tags: list[str] = []
    restart = False  # the previous entity was cut: an I- tag that follows must become B-
    for word, tag in zip(sent.words, sent.tags, strict=True):
        prefix, _, label = tag.partition("-")
        lead = len(word) - len(word.lstrip("(["))
        trail = len(word) - len(word.rstrip(")]"))
        inner = word[lead:len(word) - trail]
        if not inner or not (lead or trail):
            if restart and prefix == "I":
                tag = f"B-{label}"
            words.append(word)
            tags.append(tag)
            restart = False
            continue
        words.extend(word[:lead])
        tags.extend("O" * lead)
        words.append(inner)
        tags.append("O" if tag == "O" else f"B-{label}" if (lead or prefix == "B" or restart) else tag)
        words.extend(word[len(word) - trail:])
        tags.extend("O" * trail)
        restart = bool(trail) and tag != "O"
    return Sentence(tuple(words), tuple(tags))


def read_conll(path: Path, sep: str | None, harmonise: bool = True,
               lexicon: frozenset[tuple[str, ...]] | None = None) -> Iterator[Sentence]:
    """Yield sentences from a token-per-line file (token first, tag last, blank line between).

    With ``harmonise`` (the default) bracket-glued tokens are split by :func:`split_brackets`;
    with a ``lexicon`` (from :func:`loc_lexicon`) untagged place names are tagged LOC.
    """
    for sent in _read_raw(path, sep):
        sent = split_brackets(sent) if harmonise else sent
        yield tag_lexicon_locs(sent, lexicon) if lexicon else sent


MAX_LOC_TOKENS = 3


def _ngrams(words: tuple[str, ...], lengths: Iterable[int]) -> Iterator[tuple[int, int]]:
    for n in lengths:
        for i in range(len(words) - n + 1):
            yield i, i + n


def loc_lexicon(data_dir: Path, min_count: int = 5, min_share: float = 0.9) -> frozenset[tuple[str, ...]]:
    """Place names the NER UI and NERGrit train splits tag as LOC nearly whenever they are not in another entity.

    A candidate is the token tuple of a LOC entity (at most :data:`MAX_LOC_TOKENS` tokens); each
    occurrence counts as LOC (exactly a LOC entity) or untagged (all ``O``); occurrences inside other
    entities (``Bank Indonesia``) are not counted. Kept: at least ``min_count`` counted occurrences,
    of which at least ``min_share`` are LOC.
    """
    sents = [s for name in ("nerui", "nergrit")
             for s in read_conll(data_dir / CORPORA[name][0].path, CORPORA[name][0].sep)]
    candidates = {s.words[a:b] for s in sents for a, b, lab in iob_to_spans(s.tags)
                  if lab == "LOC" and b - a <= MAX_LOC_TOKENS}
    loc: dict[tuple[str, ...], int] = dict.fromkeys(candidates, 0)
    plain: dict[tuple[str, ...], int] = dict.fromkeys(candidates, 0)
    for sent in sents:
        ents = {(a, b): lab for a, b, lab in iob_to_spans(sent.tags)}
        for a, b in _ngrams(sent.words, range(1, MAX_LOC_TOKENS + 1)):
            gram = sent.words[a:b]
            if gram not in candidates:
                continue
            if ents.get((a, b)) == "LOC":
                loc[gram] += 1
            elif all(t == "O" for t in sent.tags[a:b]):
                plain[gram] += 1
    return frozenset(g for g in candidates
                     if loc[g] + plain[g] >= min_count and loc[g] >= min_share * (loc[g] + plain[g]))


def tag_lexicon_locs(sent: Sentence, lexicon: frozenset[tuple[str, ...]]) -> Sentence:
    """Tag wholly untagged occurrences of lexicon names as LOC, longest match first, no overlaps."""
    tags = list(sent.tags)
    for a, b in _ngrams(sent.words, range(MAX_LOC_TOKENS, 0, -1)):
        if sent.words[a:b] in lexicon and all(t == "O" for t in tags[a:b]):
            tags[a:b] = ["B-LOC"] + ["I-LOC"] * (b - a - 1)
    return Sentence(sent.words, tuple(tags))


def _read_raw(path: Path, sep: str | None) -> Iterator[Sentence]:
    """Sentences exactly as annotated in the file."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if words:
                    yield Sentence(tuple(words), tuple(tags))
                    words, tags = [], []
                continue
            cols = line.split(sep) if sep else line.split()
            if len(cols) < 2 or not cols[0]:
                raise ValueError(f"{path}: malformed line {line!r}")
            words.append(cols[0])
            tags.append(map_tag(cols[-1]))
    if words:
        yield Sentence(tuple(words), tuple(tags))


def iob_to_spans(tags: Iterable[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` from IOB tags; a stray ``I-X`` opens a new entity."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    tags = list(tags)
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, lab = tag.partition("-")
        continues = prefix == "I" and start is not None and lab == label
        if start is not None and not continues:
            spans.append((start, i, label))
            start = None
        if prefix in ("B", "I") and not continues:
            start, label = i, lab
    return spans


def detok_spaces(words: tuple[str, ...]) -> list[bool]:
    """Whitespace-after flags that rebuild ordinary news spacing from tokens."""
    spaces = [True] * len(words)
    quote_open = False
    for i, word in enumerate(words):
        if word in _TOGGLE_QUOTES:
            if not quote_open:  # opening quote: glue to the next token
                spaces[i] = False
            elif i > 0:  # closing quote: glue to the previous token
                spaces[i - 1] = False
            quote_open = not quote_open
            continue
        if word in _NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
        if word in _NO_SPACE_AFTER:
            spaces[i] = False
    if spaces:
        spaces[-1] = False
    return spaces


def sentence_to_doc(vocab: Vocab, sent: Sentence) -> Doc:
    """A ``Doc`` with gold entities from one sentence."""
    doc = Doc(vocab, words=list(sent.words), spaces=detok_spaces(sent.words))
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in iob_to_spans(sent.tags)]
    return doc


def convert(data_dir: Path, out_dir: Path, locs: bool = False) -> dict[str, int]:
    """Write one DocBin per split plus ``train_all``, ``train_news`` and ``dev_news``; return sizes.

    With ``locs``, IDNer-news-2k *train* gets untagged place names tagged by :func:`tag_lexicon_locs`
    (dev splits stay as annotated, apart from the bracket split).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("id").vocab
    lexicon = loc_lexicon(data_dir) if locs else None
    docs: dict[str, list[Doc]] = {}
    for corpus, (train, dev) in CORPORA.items():
        for split in (train, dev):
            lex = lexicon if split is train and corpus == "idner" else None
            docs[split.name] = [sentence_to_doc(vocab, s)
                                for s in read_conll(data_dir / split.path, split.sep, lexicon=lex)]
    docs["train_all"] = [d for c in CORPORA for d in docs[f"{c}_train"]]
    docs["train_news"] = [d for c in NEWS_CORPORA for d in docs[f"{c}_train"]]
    docs["dev_news"] = [d for c in NEWS_CORPORA for d in docs[f"{c}_dev"]]
    sizes: dict[str, int] = {}
    for name, group in docs.items():
        DocBin(docs=group, store_user_data=False).to_disk(out_dir / f"{name}.spacy")
        sizes[name] = len(group)
        logger.info("%s: %d docs, %d tokens, %d entities", name, len(group),
                    sum(len(d) for d in group), sum(len(d.ents) for d in group))
    return sizes


def write_raw(corpus: Path, out: Path, every: int = 3, min_words: int = 5) -> int:
    """Write every ``every``-th paragraph (of at least ``min_words`` words) as JSONL; return words."""
    words = 0
    index = 0
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            for para in json.loads(line)["text"].split("\n"):
                para = para.strip()
                if len(para.split()) < min_words:
                    continue
                if index % every == 0:
                    dst.write(json.dumps({"text": para}, ensure_ascii=False) + "\n")
                    words += len(para.split())
                index += 1
    logger.info("raw text: %d words -> %s", words, out)
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--locs", action="store_true", help="tag untagged place names in IDNer train")
    parser.add_argument("--raw", action="store_true", help="also write raw.jsonl for pretraining")
    parser.add_argument("--raw-every", type=int, default=3)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.data.is_dir():
        raise SystemExit(f"NER corpora not found at {args.data}")
    convert(args.data, args.out, args.locs)
    if args.raw:
        write_raw(DEFAULT_RAW, args.out / "raw.jsonl", args.raw_every)


if __name__ == "__main__":
    main()
