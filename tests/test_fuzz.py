"""Property-based tests and a time-boxed fuzz target over the public API, every component and the text stage.

Whatever the text (control characters, lone surrogates as JSON lets through, combining marks, RTL and CJK
scripts, emoji, quote marks, digits and slashes, or Indonesian-looking news), the pipeline returns an Article
whose items point at their exact characters of the input, in order, and does so the same way every time.

The fuzz target (:func:`test_fuzz_whole_pipeline`) runs rounds of generated articles until its budget is
spent: ``IDNEWS_FUZZ_SECONDS`` (default 10; CI may give it up to 120). ``IDNEWS_FUZZ_SEED`` picks the
first round's seed (default 0), so a failure found in CI can be replayed.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, seed, settings
from hypothesis import strategies as st

import idnews_extract
from idnews_extract import Article
from idnews_extract.text.normalise import apply_edits, find_normalisations

from .conftest import assert_offsets
from .test_robustness import check_article, pipeline, run_extract

FAST = settings(
    max_examples=int(os.environ.get("IDNEWS_PROPERTY_EXAMPLES", "30")),
    deadline=None,
    database=None,
    derandomize=os.environ.get("IDNEWS_PROPERTY_EXAMPLES") is None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# -- strategies ----------------------------------------------------------------------------------------------

#: Words and pieces that make text look like Indonesian news to every extractor (written for these tests).
NEWS_PIECES = (
    "JAKARTA, KOMPAS.com -", "MEDAN (Antara) -", "Bandung, CNN Indonesia --", "Presiden", "Joko Widodo", "Jokowi",
    "Menteri Keuangan", "Sri Mulyani", "Dr.", "H.", "Ir.", "Kepala BPS", "PT Bulog (Persero)", "Badan Pusat Statistik (BPS)",
    "mengatakan", "kata", "ujarnya", "menurut", "menambahkan", "ia", "dia", "mereka", "bahwa", "di", "ke", "dari",
    "Senin", "Selasa", "(12/3)", "12/3/2018", "7 hingga 8 Agustus 2018", "pekan lalu", "tahun depan", "pukul 10.00 WIB",
    "3,5 persen", "10-15 persen", "98%", "dua persen", "Rp 1,2 triliun", "1.250", "naik", "turun", "inflasi", "harga",
    "beras", "diseluruh", "kemarin", "Baca juga:", "Pewarta:", "Editor:", "(ant)", "Copyright © 2018",
    "&nbsp;", "&quot;", "&amp;quot;", "<p>", "</p>", "\u00a0", "\u200b", "\u00ad", "\u201c", "\u201d", '"', "'",
    "\u2018", "\u2019", "(", ")", "[", "]", ",", ".", ":", ";", "-", "\u2013", "/", "?", "!", "\n", "\n\n", "\r\n", "\t",
)

#: Characters from the awkward corners of Unicode.
AWKWARD = (
    "\x00", "\x07", "\x1b", "\x7f", "\u0085", "\u2028", "\u2029", "\ufeff", "\u200d", "\u0301", "\u0308", "\u20dd",
    "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd", "\u202e", "\u4f60\u597d", "\u3002", "\uff0c",
    "\U0001f600", "\U0001f1ee\U0001f1e9", "\U0001f469\u200d\U0001f4bb", "\ud800", "\udfff", "\udbff\udc00", "\ufffd",
    "\u00bd", "\u0663", "\uff11\uff12", "\u2460", "\u00ab", "\u00bb", "\u201e", "\u2033", "\u02bc", "\u0130", "\u00df",
)

any_char = st.characters(exclude_categories=())  # everything, lone surrogates included
any_text = st.text(any_char, max_size=200)


def _joined(pieces: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    seps = st.sampled_from([" ", " ", " ", "", "\n", ", "])
    return st.lists(st.tuples(pieces, seps), max_size=max_size).map(lambda xs: "".join(a + b for a, b in xs))


news_text = _joined(st.sampled_from(NEWS_PIECES), 60)
hostile_text = _joined(
    st.one_of(st.sampled_from(NEWS_PIECES), st.sampled_from(AWKWARD), st.text(any_char, max_size=4)), 60
)
digits_text = st.text(st.sampled_from("0123456789/.,-%: ()"), max_size=120)
texts = st.one_of(any_text, news_text, hostile_text, digits_text)


def json_text(text: str) -> str:
    """The text as it arrives through ``json.loads`` (lone surrogates survive the round trip)."""
    return json.loads(json.dumps(text))


# -- the public API --------------------------------------------------------------------------------------------


@FAST
@given(text=texts)
def test_any_text_gives_items_that_point_into_it(text: str) -> None:
    text = json_text(text)
    article = run_extract(text)
    check_article(article, text)


@FAST
@given(text=st.one_of(news_text, hostile_text), date=st.dates().map(lambda d: d.isoformat()) | st.none())
def test_extraction_is_deterministic(text: str, date: str | None) -> None:
    first = run_extract(text, reference_date=date)
    second = run_extract(text, reference_date=date)
    assert first.to_dict() == second.to_dict()
    assert first.reference_date == (date or first.reference_date)


@FAST
@given(text=st.one_of(news_text, hostile_text))
def test_json_round_trip(text: str) -> None:
    article = run_extract(text, id="x")
    assert Article.from_json(article.to_json()) == article
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


# -- every component on its own --------------------------------------------------------------------------------


@FAST
@given(text=texts)
def test_every_component_alone_keeps_the_offsets(text: str) -> None:
    """Each component, run on a bare Doc without its usual predecessors, neither fails nor breaks offsets."""
    from idnews_extract.edge import doc_to_article

    nlp = pipeline()
    for _name, proc in nlp.pipeline:
        doc = proc(nlp.make_doc(text))
        check_article(doc_to_article(doc), text)


def _in_text(text: str, start: int, end: int, snippet: str | None = None) -> None:
    assert 0 <= start <= end <= len(text), (start, end, len(text))
    if snippet is not None:
        assert text[start:end] == snippet


@FAST
@given(text=texts)
def test_every_finder_keeps_its_offsets(text: str) -> None:
    """The pure finders the components wrap: offsets inside the text, in order, text fields exact."""
    import datetime as dt

    from idnews_extract.extractors.acronyms import find_acronyms
    from idnews_extract.extractors.dates import find_dates
    from idnews_extract.extractors.entity_rules import find_rule_entities
    from idnews_extract.extractors.numbers import find_numbers
    from idnews_extract.extractors.people import cluster_people
    from idnews_extract.extractors.percentages import find_percentages
    from idnews_extract.extractors.quotes import find_quotes

    for hit in find_dates(text, dt.date(2018, 8, 7)):
        _in_text(text, hit.start, hit.end, hit.text)
    for hit in find_percentages(text):
        _in_text(text, hit.start, hit.end, hit.text)
    numbers = find_numbers(text)
    for start, end, _ in numbers:
        _in_text(text, start, end)
    assert [n[0] for n in numbers] == sorted(n[0] for n in numbers)
    for a, b, c, d in find_acronyms(text):
        _in_text(text, a, b)
        _in_text(text, c, d)
    entities = find_rule_entities(text)
    for start, end, _label in entities:
        _in_text(text, start, end)
    assert entities == sorted(entities)
    assert all(a[1] <= b[0] for a, b in zip(entities, entities[1:])), "rule entities overlap"
    for person in cluster_people(text, entities):
        for start, end in person.mentions:
            _in_text(text, start, end)
    for quote in find_quotes(text, entities):
        _in_text(text, quote.start, quote.end)
        for s, e in ((quote.cue_start, quote.cue_end), (quote.speaker_start, quote.speaker_end)):
            if s is not None and e is not None:
                _in_text(text, s, e)


@FAST
@given(text=texts)
def test_text_stage_steps_keep_their_offsets(text: str) -> None:
    from idnews_extract.text.cleanup import (
        find_dateline,
        find_reference_date,
        find_removals,
        find_source_credits,
    )
    from idnews_extract.text.typos import find_corrections

    normal = apply_edits(text, find_normalisations(text))
    dateline = find_dateline(normal)
    if dateline is not None:
        _in_text(normal, dateline.start, dateline.end)
    removals = find_removals(normal, dateline)
    for edit in removals:
        _in_text(normal, edit.start, edit.end)
    assert all(a.end <= b.start for a, b in zip(removals, removals[1:])), "removals overlap"
    for start, end, outlet in find_source_credits(normal):
        _in_text(normal, start, end, outlet)
    found = find_reference_date(normal, dateline)
    if found is not None:
        import datetime as dt

        dt.date.fromisoformat(found[0])
    edits = find_corrections(normal)
    for edit in edits:
        _in_text(normal, edit.start, edit.end)
    assert all(a.end <= b.start for a, b in zip(edits, edits[1:])), "corrections overlap"


# -- idempotence of the text stage -----------------------------------------------------------------------------


@FAST
@given(text=texts)
def test_normalisation_is_idempotent(text: str) -> None:
    once = apply_edits(text, find_normalisations(text))
    assert find_normalisations(once) == []


@FAST
@given(text=st.one_of(news_text, hostile_text, any_text))
def test_text_stage_on_its_own_output_normalises_nothing_more(text: str) -> None:
    """A second pass of the text stage finds nothing more to normalise, and its dateline is gone."""
    from idnews_extract.text.stage import TextStageConfig, run_text_stage

    once = run_text_stage(text, TextStageConfig(correct_typos=False)).alignment.text
    assert find_normalisations(once) == []
    twice = run_text_stage(once, TextStageConfig(correct_typos=False, cleanup=True))
    assert find_normalisations(twice.alignment.text) == []


@FAST
@given(text=news_text)
@example(text="diseluruhmengatakan ")
def test_typo_corrections_are_idempotent(text: str) -> None:
    """What the corrector wrote, it does not correct again."""
    from idnews_extract.text.typos import find_corrections

    once = apply_edits(text, find_corrections(text))
    assert find_corrections(once) == []


@FAST
@given(text=news_text)
@example(text="Harga beras naik lima persen di pasar induk kota hari ini. " * 4)
def test_duplicate_removal_is_idempotent(text: str) -> None:
    from idnews_extract.text.duplicates import find_duplicates

    once = apply_edits(text, find_duplicates(text))
    assert find_duplicates(once) == []


# -- the fuzz target -------------------------------------------------------------------------------------------


def _mutations(base: str) -> st.SearchStrategy[str]:
    """``base`` with pieces inserted, deleted and duplicated at random places (structure-aware mutation)."""
    piece = st.one_of(st.sampled_from(NEWS_PIECES), st.sampled_from(AWKWARD), st.text(any_char, max_size=8))
    op = st.tuples(st.sampled_from("idr"), st.integers(0, 10_000), st.integers(0, 40), piece)

    def apply(ops: list[tuple[str, int, int, str]]) -> str:
        text = base
        for kind, at, width, insert in ops:
            at %= len(text) + 1
            if kind == "i":
                text = text[:at] + insert + text[at:]
            elif kind == "d":
                text = text[:at] + text[at + width:]
            else:
                text = text[:at] + text[at:at + width] * 3 + text[at:]
        return text

    return st.lists(op, max_size=25).map(apply)


SEED_ARTICLE = (
    "JAKARTA, KOMPAS.com - Menteri Keuangan Sri Mulyani Indrawati mengatakan, inflasi pada Senin (12/3/2018) naik "
    "3,5 persen.\n\"Kami akan memantau harga beras,\" kata Sri Mulyani di Gedung DPR, Jakarta, Selasa.\n"
    "Menurut Kepala Badan Pusat Statistik (BPS) Suhariyanto, harga pangan naik 10-15 persen sejak 7 hingga 8 "
    "Agustus 2018.\nBaca juga: Harga Beras Naik Lagi\nIa menambahkan, anggaran Rp 1,2 triliun disiapkan pekan depan.\n"
    "Pewarta: Budi\nEditor: Andi"
)


def _fuzz_round(round_seed: int, examples: int) -> None:
    strategy = st.one_of(_mutations(SEED_ARTICLE), hostile_text, news_text, any_text)

    @seed(round_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(text=strategy, date=st.none() | st.dates().map(lambda d: d.isoformat()))
    def target(text: str, date: str | None) -> None:
        text = json_text(text)
        article = run_extract(text, reference_date=date, id="fuzz")
        check_article(article, text)
        assert Article.from_dict(json.loads(json.dumps(article.to_dict(), ensure_ascii=True))) == article

    target()


def test_fuzz_whole_pipeline() -> None:
    """Generated and mutated articles for ``IDNEWS_FUZZ_SECONDS`` seconds (default 10)."""
    budget = float(os.environ.get("IDNEWS_FUZZ_SECONDS", "10"))
    first_seed = int(os.environ.get("IDNEWS_FUZZ_SEED", "0"))
    pipeline()  # load outside the budget
    deadline = time.monotonic() + budget
    rounds = 0
    while True:
        _fuzz_round(first_seed + rounds, examples=10)
        rounds += 1
        if time.monotonic() >= deadline:
            break
    assert rounds >= 1
