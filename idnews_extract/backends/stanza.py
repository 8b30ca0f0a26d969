"""Stanza as the tokenizer and syntax of the pipeline: words, sentences, UPOS, lemmas, dependency heads.

Optional: needs the ``stanza`` extra (``pip install "idnews_extract[stanza]"``) and Stanza's Indonesian
models on disk. ``stanza`` (and so ``torch``) is imported only when a :class:`StanzaTokenizer` is
built, and nothing is ever downloaded: the pipeline is made with ``download_method=None`` after
:func:`check_stanza_dir` has found every model file, so a missing extra, folder or file gives one
:class:`StanzaBackendError` that says what to install or where to put what.

The tokenizer runs after the text stage, like :class:`~idnews_extract.pipeline.NewsTokenizer`: Stanza
reads the cleaned text and the Doc keeps ``doc._.idnews_text_stage``. One spaCy token is made per
Stanza *token* (the characters ``text[start_char:end_char]``), so offsets stay exact; a multi-word
token (``katanya`` = ``kata`` + ``nya``) keeps the POS, lemma and head of its syntactic head word, and
words that depend on one of its parts depend on the whole token. Whitespace between tokens becomes
spaCy's trailing space or a whitespace token, as spaCy's own tokenizer does.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..pipeline import attach_text_stage
from ..text.stage import TextStageConfig, run_text_stage

__all__ = [
    "ENV_DIR",
    "LANG",
    "LOCAL_PACKAGE",
    "PROCESSORS",
    "StanzaBackendError",
    "StanzaTokenizer",
    "check_stanza_dir",
    "default_stanza_dir",
    "subject_speaker_span",
]

logger = logging.getLogger(__name__)

ENV_DIR = "IDNEWS_STANZA_DIR"
LANG = "id"
LOCAL_PACKAGE = "idnews_local"  # the package name scripts/build_stanza_models.py writes
PROCESSORS: tuple[str, ...] = ("tokenize", "mwt", "pos", "lemma", "depparse")
_REQUIRED: tuple[str, ...] = ("tokenize", "pos", "lemma", "depparse")
_INSTALL = 'pip install "idnews_extract[stanza]" torch==2.13.0'
_HOWTO = (
    f"Point stanza_dir (or the {ENV_DIR} variable) at a Stanza resources folder that holds resources.json "
    "and id/<processor>/<package>.pt: either official models, fetched once on a machine with network "
    'access by `stanza.download("id", model_dir=DIR)`, or a small local set built offline by '
    "`python scripts/build_stanza_models.py --out DIR`."
)


class StanzaBackendError(RuntimeError):
    """The Stanza backend cannot start: the extra is not installed or a model folder/file is missing."""


def default_stanza_dir() -> Path:
    """``$IDNEWS_STANZA_DIR`` if set, else ``~/.cache/idnews_extract/stanza`` (outside any repository)."""
    env = os.environ.get(ENV_DIR)
    return Path(env).expanduser() if env else Path.home() / ".cache" / "idnews_extract" / "stanza"


def check_stanza_dir(stanza_dir: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """The processors to load (``{processor: package}``) after checking every model file is on disk.

    Resolves packages the way Stanza does for ``package="default"``: ``resources.json`` →
    ``id`` (following an alias) → ``packages.default``; each model is ``<dir>/id/<processor>/<package>.pt``
    plus the files it depends on (pretrained vectors, character LMs). ``mwt`` is loaded only when the
    default package lists it. Raises :class:`StanzaBackendError` naming everything that is missing.
    """
    root = Path(stanza_dir).expanduser() if stanza_dir is not None else default_stanza_dir()
    if not root.is_dir():
        raise StanzaBackendError(f"Stanza model folder {root} does not exist. {_HOWTO}")
    resources_file = root / "resources.json"
    if not resources_file.is_file():
        raise StanzaBackendError(f"{resources_file} is missing (Stanza's index of the models). {_HOWTO}")
    try:
        resources = json.loads(resources_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StanzaBackendError(f"{resources_file} cannot be read as JSON ({exc}). {_HOWTO}") from exc
    lang = LANG
    while isinstance(resources.get(lang), dict) and "alias" in resources[lang]:
        lang = resources[lang]["alias"]
    lang_res = resources.get(lang)
    if not isinstance(lang_res, dict):
        raise StanzaBackendError(f"{resources_file} lists no Indonesian ('{LANG}') models. {_HOWTO}")
    default = lang_res.get("packages", {}).get("default", {})
    chosen = {proc: default[proc] for proc in PROCESSORS if isinstance(default.get(proc), str)}
    missing = [proc for proc in _REQUIRED if proc not in chosen]
    if missing:
        raise StanzaBackendError(
            f"{resources_file} has no default Indonesian model for {', '.join(missing)}. {_HOWTO}"
        )
    absent: list[str] = []
    for proc, package in chosen.items():
        files = [root / lang / proc / f"{package}.pt"]
        for dep in lang_res.get(proc, {}).get(package, {}).get("dependencies", []):
            files.append(root / lang / dep["model"] / f"{dep['package']}.pt")
        absent += [str(f) for f in files if not f.is_file()]
    if absent:
        raise StanzaBackendError(f"Stanza model file(s) missing: {', '.join(sorted(set(absent)))}. {_HOWTO}")
    return chosen


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise StanzaBackendError(
            f"backend='stanza' needs the optional Stanza extra, which is not installed ({exc}). "
            f"Install it with: {_INSTALL}"
        ) from exc
    return stanza


class StanzaTokenizer:
    """Runs the text stage, then Stanza on the cleaned text; builds a parsed Doc with exact offsets."""

    def __init__(
        self,
        nlp: Language,
        config: TextStageConfig,
        stanza_dir: str | os.PathLike[str] | None = None,
        *,
        use_gpu: bool = False,
    ) -> None:
        root = Path(stanza_dir).expanduser() if stanza_dir is not None else default_stanza_dir()
        chosen = check_stanza_dir(root)
        stanza = _import_stanza()
        self.vocab = nlp.vocab
        self.config = config
        self.stanza_dir = str(root)
        self.processors = ",".join(chosen)
        try:
            self.pipeline = stanza.Pipeline(
                LANG,
                dir=str(root),
                processors=self.processors,
                download_method=None,
                use_gpu=use_gpu,
                logging_level="WARN",
            )
        except Exception as exc:  # a damaged file or models from another Stanza version
            raise StanzaBackendError(
                f"Stanza could not load the Indonesian models in {root} ({type(exc).__name__}: {exc}). {_HOWTO}"
            ) from exc

    def __call__(self, text: str) -> Doc:
        stage = run_text_stage(text, self.config)
        cleaned = stage.alignment.text
        parsed = self.pipeline(cleaned) if cleaned.strip() else None
        doc = build_doc(self.vocab, cleaned, _sentences(parsed) if parsed is not None else [])
        return attach_text_stage(doc, stage)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __reduce__(self) -> tuple[Any, ...]:
        raise TypeError("a Stanza-backed pipeline cannot be pickled; build it in each process with load()")


_OPENERS = frozenset('"“‘«([')
_CLOSERS = frozenset('"”’»)]')

# One Stanza token as plain values: (start, end, upos, xpos, lemma, head_token_index|-1, deprel).
_Tok = tuple[int, int, str, str, str, int, str]


def _sentences(parsed: Any) -> list[list[_Tok]]:
    """Per sentence, one tuple per Stanza token; heads are token indices within the sentence."""
    out: list[list[_Tok]] = []
    for sent in parsed.sentences:
        word_to_tok: dict[int, int] = {}
        for t_i, token in enumerate(sent.tokens):
            for word in token.words:
                word_to_tok[word.id] = t_i
        toks: list[_Tok] = []
        for t_i, token in enumerate(sent.tokens):
            words = token.words
            # the word whose head lies outside this token carries the token's syntax
            head_word = next((w for w in words if word_to_tok.get(w.head, -1) != t_i), words[0])
            head = word_to_tok[head_word.head] if head_word.head else -1
            toks.append(
                (
                    token.start_char,
                    token.end_char,
                    head_word.upos or "X",
                    head_word.xpos or "",
                    head_word.lemma or token.text,
                    head,
                    head_word.deprel or "dep",
                )
            )
        out.append(toks)
    return out


def build_doc(vocab: Any, text: str, sentences: list[list[_Tok]]) -> Doc:
    """A parsed spaCy Doc over exactly ``text`` from per-sentence token tuples (see :func:`_sentences`).

    Characters no token covers become a trailing space or whitespace tokens (``SPACE``, attached to
    the token before them, or to the first token when they lead the text); a non-space character
    Stanza skipped becomes an ``X`` token the same way. Each Stanza sentence stays one tree, so
    ``doc.sents`` follows Stanza's sentences.
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    tags: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []  # absolute token indices; -1 = "the next real token" (leading gaps)
    deps: list[str] = []

    def add(word: str, upos: str, tag: str, lemma: str, head: int, dep: str) -> int:
        words.append(word)
        spaces.append(False)
        pos.append(upos)
        tags.append(tag)
        lemmas.append(lemma)
        heads.append(head)
        deps.append(dep)
        return len(words) - 1

    def gap(a: int, b: int) -> None:
        piece = text[a:b]
        if piece and words and piece[0] == " " and not spaces[-1] and pos[-1] != "SPACE":
            spaces[-1] = True
            piece = piece[1:]
        k = 0
        while k < len(piece):
            is_space = piece[k].isspace()
            j = k + 1
            while j < len(piece) and piece[j].isspace() == is_space:
                j += 1
            chunk = piece[k:j]
            upos = "SPACE" if is_space else "X"
            add(chunk, upos, "_SP" if is_space else "", chunk, len(words) - 1 if words else -1, "dep")
            k = j

    done = 0
    for sent in sentences:
        rel: dict[int, int] = {}  # sentence token index -> absolute token index
        kept: list[tuple[int, _Tok]] = []
        for t_i, tok in enumerate(sent):
            start, end = tok[0], tok[1]
            if start < done or end <= start or end > len(text):
                continue  # would break the offsets; its dependents go to the root below
            gap(done, start)
            # quote marks and brackets glued to a word (a weak tokenizer's slip) become their own tokens
            lead = start
            while lead < end - 1 and text[lead] in _OPENERS:
                lead += 1
            tail = end
            while tail > lead + 1 and text[tail - 1] in _CLOSERS:
                tail -= 1
            puncts = [add(text[k], "PUNCT", "", text[k], -1, "punct") for k in range(start, lead)]
            rel[t_i] = add(text[lead:tail], tok[2], tok[3], tok[4], -1, tok[6])
            puncts += [add(text[k], "PUNCT", "", text[k], -1, "punct") for k in range(tail, end)]
            for k in puncts:
                heads[k] = rel[t_i]
            kept.append((t_i, tok))
            done = end
        if not kept:
            continue
        roots = [rel[t_i] for t_i, tok in kept if tok[5] < 0]
        root = roots[0] if roots else rel[kept[0][0]]
        for t_i, tok in kept:
            i = rel[t_i]
            if i == root:
                heads[i], deps[i] = i, "ROOT"
            elif tok[5] in rel:
                heads[i] = rel[tok[5]]
            else:
                heads[i], deps[i] = root, "dep"
    gap(done, len(text))
    first_real = next((k for k in range(len(words)) if heads[k] >= 0), None)
    for k in range(len(words)):
        if heads[k] < 0:
            if first_real is None:
                heads[k], deps[k] = (k - 1, "dep") if k else (k, "ROOT")
            else:
                heads[k] = first_real
    if not words:
        return Doc(vocab, words=[], spaces=[])
    return Doc(vocab, words=words, spaces=spaces, pos=pos, tags=tags, lemmas=lemmas, heads=heads, deps=deps)


def subject_speaker_span(
    cue: int, heads: Sequence[int], deps: Sequence[str], starts: Sequence[int], ends: Sequence[int]
) -> tuple[int, int] | None:
    """The character span of the speech verb's subject: the subtree of its ``nsubj`` (active voice)
    or, failing that, its ``obl:agent`` (``dikatakan oleh X``), without punctuation at the edges.

    Plain values only (token ``cue`` index, per-token head indices, relations, character starts and
    ends), so any parse can feed it; None when the verb has no such dependent in the parse.
    """
    children: dict[int, list[int]] = {}
    for i, h in enumerate(heads):
        if h != i:
            children.setdefault(h, []).append(i)
    kids = children.get(cue, [])
    subj = next((i for i in kids if deps[i] == "nsubj"), None)
    if subj is None:
        subj = next((i for i in kids if deps[i] == "obl:agent"), None)
    if subj is None:
        return None
    members, todo = [subj], [subj]
    while todo:
        for c in children.get(todo.pop(), []):
            if c != cue:
                members.append(c)
                todo.append(c)
    members.sort()
    while len(members) > 1 and deps[members[-1]] == "punct":
        members.pop()
    while len(members) > 1 and deps[members[0]] in ("punct", "case"):
        members.pop(0)
    return starts[members[0]], ends[members[-1]]
