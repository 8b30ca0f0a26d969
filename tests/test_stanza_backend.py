"""The optional Stanza backend: never loaded unless asked for, clear errors, and a real parse when present.

The tests that run Stanza need the ``stanza`` extra and a model folder: ``$IDNEWS_STANZA_DIR`` or
``~/.cache/idnews_extract/stanza``. When no models are there they are built with
``scripts/build_stanza_models.py`` (a few minutes), unless ``IDNEWS_STANZA_NO_BUILD=1``, which skips.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy

from idnews_extract.backends.stanza import (
    LANG,
    LOCAL_PACKAGE,
    PROCESSORS,
    StanzaBackendError,
    StanzaTokenizer,
    build_doc,
    check_stanza_dir,
    default_stanza_dir,
    subject_speaker_span,
)
from idnews_extract.text.stage import TextStageConfig

ROOT = Path(__file__).resolve().parents[1]
HAS_STANZA = importlib.util.find_spec("stanza") is not None
HAS_TORCH = importlib.util.find_spec("torch") is not None
VOCAB = spacy.blank("id").vocab

TEXT = (
    "Jakarta (ANTARA) - Menteri Keuangan Sri Mulyani mengatakan pemerintah akan menambah anggaran "
    "pendidikan tahun depan.\n\n"
    '"Kami ingin semua anak bisa bersekolah," kata Sri Mulyani di Jakarta, Senin.\n\n'
    "Menurutnya, anggaran itu naik 10 persen dibanding tahun lalu."
)


def _fake_models(root: Path, processors: tuple[str, ...] = PROCESSORS, skip: str | None = None) -> Path:
    """A resources folder shaped like the one the build script writes (empty model files)."""
    resources = {LANG: {"packages": {"default": {p: LOCAL_PACKAGE for p in processors}},
                        **{p: {LOCAL_PACKAGE: {}} for p in processors}}}
    root.mkdir(parents=True, exist_ok=True)
    (root / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    for p in processors:
        if p != skip:
            (root / LANG / p).mkdir(parents=True, exist_ok=True)
            (root / LANG / p / f"{LOCAL_PACKAGE}.pt").write_bytes(b"")
    return root


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env, check=False,
                          cwd=ROOT, timeout=300)


# ------------------------------------------------------------------ without Stanza


def test_extract_never_imports_stanza_or_torch_without_the_extra() -> None:
    # Simulate an install without the extra: importing either package fails.
    proc = _run_python(
        """
        import sys
        sys.modules["torch"] = None
        sys.modules["stanza"] = None
        import idnews_extract
        article = idnews_extract.extract('"Kami siap," kata Budi Santoso di Jakarta, Senin.')
        assert article.quotes, article
        loaded = [m for m, mod in sys.modules.items() if m.split(".")[0] in ("torch", "stanza") and mod is not None]
        assert loaded == [], loaded
        print("ok")
        """
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().endswith("ok")


def test_import_and_extract_do_not_import_stanza() -> None:
    # As installed here. spaCy's thinc imports torch by itself whenever torch is installed, so torch
    # is checked only where it is absent; stanza must never be imported by idnews_extract.
    proc = _run_python(
        """
        import sys
        import idnews_extract
        idnews_extract.extract('"Kami siap," kata Budi Santoso di Jakarta.')
        print(sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in ("torch", "stanza")}))
        """
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    loaded = proc.stdout.strip().splitlines()[-1]
    assert "stanza" not in loaded
    if not HAS_TORCH:
        assert "torch" not in loaded


def test_default_dir_follows_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("IDNEWS_STANZA_DIR", str(tmp_path / "models"))
    assert default_stanza_dir() == tmp_path / "models"
    monkeypatch.delenv("IDNEWS_STANZA_DIR")
    assert default_stanza_dir() == Path.home() / ".cache" / "idnews_extract" / "stanza"


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StanzaBackendError, match="does not exist.*build_stanza_models"):
        check_stanza_dir(tmp_path / "nowhere")


def test_missing_resources_json_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StanzaBackendError, match="resources.json is missing"):
        check_stanza_dir(tmp_path)


def test_missing_model_file_is_named(tmp_path: Path) -> None:
    root = _fake_models(tmp_path / "m", skip="depparse")
    with pytest.raises(StanzaBackendError) as err:
        check_stanza_dir(root)
    assert str(root / LANG / "depparse" / f"{LOCAL_PACKAGE}.pt") in str(err.value)
    assert "tokenize" not in str(err.value).split("missing:")[1].split(".")[0]


def test_missing_dependency_file_is_named(tmp_path: Path) -> None:
    root = _fake_models(tmp_path / "m")
    resources = json.loads((root / "resources.json").read_text())
    resources[LANG]["pos"][LOCAL_PACKAGE]["dependencies"] = [{"model": "pretrain", "package": "conll17"}]
    (root / "resources.json").write_text(json.dumps(resources))
    with pytest.raises(StanzaBackendError, match=r"pretrain/conll17\.pt"):
        check_stanza_dir(root)


def test_mwt_is_optional_but_parser_is_not(tmp_path: Path) -> None:
    no_mwt = _fake_models(tmp_path / "a", processors=("tokenize", "pos", "lemma", "depparse"))
    assert list(check_stanza_dir(no_mwt)) == ["tokenize", "pos", "lemma", "depparse"]
    no_parser = _fake_models(tmp_path / "b", processors=("tokenize", "mwt", "pos", "lemma"))
    with pytest.raises(StanzaBackendError, match="no default Indonesian model for depparse"):
        check_stanza_dir(no_parser)


def test_missing_extra_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:

    monkeypatch.setitem(sys.modules, "stanza", None)
    root = _fake_models(tmp_path / "m")
    with pytest.raises(StanzaBackendError, match=r"pip install \"idnews_extract\[stanza\]\""):
        StanzaTokenizer(spacy.blank("id"), TextStageConfig(), root)


@pytest.mark.skipif(not HAS_STANZA, reason="stanza is not installed")
def test_unreadable_model_file_is_a_clear_error(tmp_path: Path) -> None:
    root = _fake_models(tmp_path / "m")  # every model file is empty
    with pytest.raises(StanzaBackendError, match="could not load the Indonesian models"):
        StanzaTokenizer(spacy.blank("id"), TextStageConfig(), root)


def test_unknown_backend_is_rejected() -> None:
    from idnews_extract.pipeline import load

    with pytest.raises(ValueError, match="unknown backend"):
        load(backend="udpipe")


def test_build_doc_keeps_every_character_and_the_trees() -> None:
    text = "  Ia datang.\n\nKatanya  baik ."
    # (start, end, upos, xpos, lemma, head token index in sentence or -1, deprel)
    sents = [
        [(2, 4, "PRON", "PRP", "ia", 1, "nsubj"), (5, 11, "VERB", "VB", "datang", -1, "root"),
         (11, 12, "PUNCT", "Z", ".", 1, "punct")],
        [(14, 21, "VERB", "VB", "kata", -1, "root"), (23, 27, "ADJ", "JJ", "baik", 0, "ccomp"),
         (28, 29, "PUNCT", "Z", ".", 0, "punct")],
    ]
    doc = build_doc(VOCAB, text, sents)
    assert doc.text == text
    real = [t for t in doc if not t.is_space]
    assert [t.text for t in real] == ["Ia", "datang", ".", "Katanya", "baik", "."]
    assert [t.pos_ for t in real] == ["PRON", "VERB", "PUNCT", "VERB", "ADJ", "PUNCT"]
    assert real[0].head.text == "datang" and real[0].dep_ == "nsubj"
    assert real[4].head.text == "Katanya" and real[3].lemma_ == "kata"
    sents_text = [s.text.strip() for s in doc.sents]
    assert sents_text == ["Ia datang.", "Katanya  baik ."]
    for t in doc:
        assert text[t.idx : t.idx + len(t.text)] == t.text


def test_build_doc_splits_quote_marks_glued_to_words() -> None:
    text = '"Kami siap," kata Budi.'
    sents = [[(0, 5, "PRON", "", "kami", 1, "nsubj"), (6, 10, "ADJ", "", "siap", -1, "root"),
              (10, 11, "PUNCT", "", ",", 1, "punct"), (11, 12, "PUNCT", "", '"', 1, "punct"),
              (13, 17, "VERB", "", "kata", 1, "parataxis"), (18, 22, "PROPN", "", "Budi", 4, "nsubj"),
              (22, 23, "PUNCT", "", ".", 1, "punct")]]
    doc = build_doc(VOCAB, text, sents)
    assert doc.text == text
    assert [t.text for t in doc][:3] == ['"', "Kami", "siap"]
    assert doc[0].head.text == "Kami" and doc[0].pos_ == "PUNCT"
    assert doc[1].head.text == "siap" and doc[1].dep_ == "nsubj"


def test_build_doc_turns_skipped_characters_into_tokens() -> None:
    text = "A \u200b B"
    sents = [[(0, 1, "PROPN", "", "A", -1, "root"), (4, 5, "PROPN", "", "B", 0, "flat")]]
    doc = build_doc(VOCAB, text, sents)
    assert doc.text == text
    assert len(list(doc.sents)) == 1
    assert build_doc(VOCAB, "", []).text == ""
    assert build_doc(VOCAB, " \n ", []).text == " \n "


def test_subject_speaker_span_reads_nsubj_and_agent() -> None:
    #        0      1      2     3    4
    words = ["kata", "Menteri", "Sri", "Mulyani", ","]
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    ends = [s + len(w) for s, w in zip(starts, words)]
    heads = [0, 0, 1, 2, 0]
    deps = ["root", "nsubj", "flat", "flat", "punct"]
    assert subject_speaker_span(0, heads, deps, starts, ends) == (starts[1], ends[3])
    deps_agent = ["root", "obl:agent", "flat", "flat", "punct"]
    assert subject_speaker_span(0, heads, deps_agent, starts, ends) == (starts[1], ends[3])
    assert subject_speaker_span(0, heads, ["root", "obj", "flat", "flat", "punct"], starts, ends) is None


# ------------------------------------------------------------------ with Stanza and models


@pytest.fixture(scope="module")
def stanza_nlp():
    if not HAS_STANZA:
        pytest.skip('stanza is not installed (pip install "idnews_extract[stanza]" torch==2.13.0)')
    root = default_stanza_dir()
    try:
        check_stanza_dir(root)
    except StanzaBackendError as err:
        if os.environ.get("IDNEWS_STANZA_NO_BUILD") == "1":
            pytest.skip(f"no Stanza models and IDNEWS_STANZA_NO_BUILD=1: {err}")
        if not (ROOT.parent / "shared" / "data" / "ud").is_dir():
            pytest.skip(f"no Stanza models and no UD data to build them from: {err}")
        build = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_stanza_models.py"), "--out", str(root)],
                               capture_output=True, text=True, timeout=1800, check=False)
        assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    from idnews_extract.pipeline import load

    return load(backend="stanza", stanza_dir=str(root))


def test_stanza_doc_has_syntax_and_exact_offsets(stanza_nlp) -> None:
    doc = stanza_nlp(TEXT)
    assert doc.has_annotation("DEP") and doc.has_annotation("POS") and doc.has_annotation("LEMMA")
    cleaned = doc.text
    for t in doc:
        assert cleaned[t.idx : t.idx + len(t.text)] == t.text
    real = [t for t in doc if not t.is_space]
    assert {t.pos_ for t in real} & {"NOUN", "PROPN", "VERB"}
    assert any(t.dep_ == "nsubj" for t in real)
    assert len(list(doc.sents)) >= 2
    assert all(t.head.sent == t.sent for t in doc)
    assert doc._.idnews_text_stage is not None


def test_stanza_article_offsets_point_into_the_input(stanza_nlp) -> None:
    from idnews_extract import extract

    art = extract(TEXT, nlp=stanza_nlp, reference_date="2024-03-04")
    items = [*art.entities, *art.quotes, *art.dates, *art.percentages]
    assert art.entities and art.quotes
    for item in items:
        assert TEXT[item.start : item.end] == item.text
    for person in art.people:
        for s, e in person.mentions:
            assert TEXT[s:e]
    assert any(q.speaker and "Sri Mulyani" in q.speaker for q in art.quotes)


def test_stanza_pipeline_survives_odd_text(stanza_nlp) -> None:
    from idnews_extract import extract

    for text in ("", "   ", "Ya.", "\u201cSiap!\u201d\n\n\n  kata  Budi ."):
        art = extract(text, nlp=stanza_nlp)
        for item in [*art.entities, *art.quotes]:
            assert text[item.start : item.end] == item.text
