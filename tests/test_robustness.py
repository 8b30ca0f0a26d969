"""Hostile and broken input: pathological texts in bounded time and memory, and clear errors for bad arguments.

Time bounds are loose on purpose (this machine is shared and noisy); ``bench/worst_case.py`` measures
the real cost and shows it is linear in the length of the text. The tests use the public
``idnews_extract.extract`` when the NER model is built, else the same pipeline with the rules alone.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import time
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import idnews_extract
from idnews_extract import Article
from idnews_extract import extract
from idnews_extract.api import MAX_CHARS

from .conftest import assert_offsets

MODEL_META = Path(idnews_extract.__file__).parent / "data" / "ner_model" / "meta.json"


def has_model() -> bool:
    return MODEL_META.exists()


@cache
def pipeline() -> Language:
    """The pipeline behind ``extract``: the default one when the NER model exists, else rules only."""
    if has_model():
        from idnews_extract.api import default_pipeline

        return default_pipeline()
    nlp = idnews_extract.load(ner_model=False)
    nlp.max_length = MAX_CHARS
    return nlp


def run_extract(text: Any, **kwargs: Any) -> Article:
    """``idnews_extract.extract`` (or its rules-only twin while the model is not built yet)."""
    if has_model():
        return idnews_extract.extract(text, **kwargs)
    return extract(text, nlp=pipeline(), **kwargs)


def check_article(article: Article, text: str) -> None:
    """The output contract: exact offsets inside the text, items in order, no overlapping edits."""
    assert_offsets(article, text)
    for key in ("entities", "quotes", "dates", "percentages", "corrections"):
        starts = [(item.start, item.end) for item in getattr(article, key)]
        assert starts == sorted(starts), f"{key} out of order"
    for key in ("corrections", "removed"):
        items = getattr(article, key)
        assert all(a.end <= b.start for a, b in zip(items, items[1:])), f"{key} overlap"
    for person in article.people:
        assert person.name and list(person.mentions) == sorted(person.mentions)
    for quote in article.quotes:
        assert quote.kind in ("direct", "indirect")
        assert quote.speaker is None or isinstance(quote.speaker, str)
    if article.dateline is not None:
        for part in (article.dateline.place, article.dateline.source):
            assert part is None or part in text[article.dateline.start : article.dateline.end + 1]
    json.dumps(article.to_dict())  # plain values only


def _max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_bounded(text: str, seconds: float, mib: float = 2048) -> Article:
    """Extract ``text``, check the contract, and fail if it took longer than ``seconds`` or raised the
    process's peak memory by more than ``mib``."""
    pipeline()  # loaded outside the bound
    rss = _max_rss_mib()
    t0 = time.monotonic()
    article = run_extract(text)
    took = time.monotonic() - t0
    check_article(article, text)
    assert took < seconds, f"{took:.1f} s for {len(text):,} characters"
    assert _max_rss_mib() - rss < mib, f"peak memory grew by {_max_rss_mib() - rss:.0f} MiB"
    return article


# -- pathological inputs ---------------------------------------------------------------------------------------

PARAGRAPH = (
    "{place}, KOMPAS.com - Menteri Keuangan Sri Mulyani mengatakan, inflasi pada Senin ({d}/3/2018) naik {n},5 "
    "persen. \"Kami akan memantau harga beras di {n} provinsi,\" kata Sri Mulyani di Jakarta. Menurut Kepala BPS "
    "Suhariyanto, harga pangan naik {d}-{n} persen sejak {d} Agustus 2018. Ia menambahkan, anggaran Rp {n} triliun "
    "disiapkan pekan depan.\n"
)
PLACES = ("JAKARTA", "Medan", "Bandung", "Surabaya", "Makassar")


def news_article(size: int) -> str:
    """An article of about ``size`` characters whose paragraphs all differ (so none is dropped as a duplicate)."""
    parts, total, k = [], 0, 0
    while total < size:
        para = PARAGRAPH.format(place=PLACES[k % len(PLACES)], d=k % 28 + 1, n=k)
        parts.append(para)
        total += len(para)
        k += 1
    return "".join(parts)[:size]


@pytest.mark.slow
def test_a_two_megabyte_article() -> None:
    """About 110 s here (the NER model is most of it; see bench/worst_case.py --big): the bound only
    catches a cost that is no longer linear, as a quadratic step would take hours."""
    text = news_article(2_000_000)
    article = run_bounded(text, seconds=400)
    assert len(article.percentages) > 1000 and len(article.quotes) > 1000


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"' * 200_000, id="ascii-quotes"),
        pytest.param("\u201c\u201d\u2018\u2019\"'\u00ab\u00bb" * 25_000, id="mixed-quotes"),
        pytest.param('"kata dia," ' * 18_000, id="quoted-words"),
    ],
)
@pytest.mark.slow
def test_200_kb_of_quote_marks(text: str) -> None:
    run_bounded(text, seconds=60)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a" * 100_000, id="letters"),
        pytest.param("diseluruhnya" * 8_400, id="a-word-repeated"),
        pytest.param("Rp1,2/3.4-5%(a)\u201c" * 6_300, id="mixed"),
        pytest.param("1.234" * 20_000, id="digit-groups"),
        pytest.param("-" * 100_000, id="dashes"),
        pytest.param("." * 100_000, id="dots"),
    ],
)
def test_100_kb_without_a_space(text: str) -> None:
    run_bounded(text, seconds=60)


def test_50000_nested_parentheses() -> None:
    text = "(" * 50_000 + "Joko Widodo" + ")" * 50_000
    run_bounded(text, seconds=60)


def test_a_very_long_line() -> None:
    text = news_article(200_000).replace("\n", " ")
    article = run_bounded(text, seconds=60)
    assert article.quotes and article.percentages


def test_html_markup_and_entities() -> None:
    text = (
        "<p>JAKARTA, KOMPAS.com&nbsp;- Presiden Joko Widodo mengatakan, &quot;Harga beras naik lima persen.&quot;"
        "</p>\r\n<p>Inflasi&nbsp;&nbsp;turun 2,5&#160;persen pada Senin (12/3/2018).&amp;nbsp;</p>"
    )
    article = run_bounded(text, seconds=30)
    assert any(q.text == "Harga beras naik lima persen." for q in article.quotes)
    assert {p.value for p in article.percentages} >= {5.0, 2.5}
    assert any(p.text == "2,5&#160;persen" for p in article.percentages)


def test_html_markup_at_scale() -> None:
    text = '<div class="x"><p>Harga <b>naik</b> 5%&nbsp;&quot;kata&quot; &amp;amp;</p></div>\n' * 2_000
    run_bounded(text, seconds=60)


def test_nbsp_and_zero_width_characters_inside_words() -> None:
    text = (
        "Pre\u200bsiden Jo\u00adko\u00a0Wi\u200bdodo menga\u200ctakan, \u201cHarga\u00a0beras na\u2060ik "
        "li\ufeffma per\u200dsen.\u201d"
    )
    article = run_bounded(text, seconds=30)
    invisible = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
    assert any(p.value == 5.0 for p in article.percentages)
    assert any(q.text.translate(invisible).replace("\u00a0", " ") == "Harga beras naik lima persen." for q in article.quotes)
    names = {e.text.translate(invisible).replace("\u00a0", " ") for e in article.entities}
    assert "Joko Widodo" in names


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\x00",
        "\ud800",
        "\u200b" * 10,
        "&nbsp;",
        "\r\n" * 50_000,
        " " * 100_000,
        "\u00a0\t" * 50_000,
        "\x00\x01\x1b\x7f\u0085\u2028\u2029" * 10_000,
        "e\u0301\u0308\u20dd" * 20_000,
        "\u0645\u0631\u062d\u0628\u0627 \u4f60\u597d \U0001f600\U0001f1ee\U0001f1e9 " * 8_000,
        "a\ud800b\udfff " * 20_000,
        "Budi Santoso Joko Widodo " * 4_000,
        "JAKARTA KOMPAS " * 7_000,
        "Pewarta: Budi\nEditor: Andi\n" * 4_000,
        "kata ujarnya menurut mengatakan, " * 3_000,
        "Nomor 1" + "/1" * 50_000,
        "Senin, 7 hingga 8 Agustus 2018 pekan lalu " * 2_500,
        "(Antara)" + "." * 100_000 + "x",
        '"Harga naik,"" kata dia.',  # found by the fuzzer: a quote that ended before it began
        '"Kami akan memantau harga beras,&quot;" kata Sri Mulyani.',
    ],
    ids=lambda t: repr(t[:12]) + f"x{len(t)}",
)
def test_odd_texts_in_bounded_time(text: str) -> None:
    run_bounded(text, seconds=60)


# -- linear cost of each risky regex, at its worst case --------------------------------------------------------


def _linear(fn: Any, build: Any, small: int = 20_000) -> None:
    """``fn`` on 4x the input takes well under 16x the time (quadratic), with a floor for timer noise."""
    fn(build(100))  # warm caches
    t0 = time.perf_counter()
    fn(build(small))
    t1 = time.perf_counter() - t0
    t0 = time.perf_counter()
    fn(build(4 * small))
    t4 = time.perf_counter() - t0
    assert t4 < max(10 * t1, 1.0), f"{t1:.3f} s -> {t4:.3f} s for 4x the input"


RISKY = {
    # (module, function): input shapes that defeat a naive pattern
    "normalise-amp": ("idnews_extract.text.normalise:find_normalisations", lambda n: "&amp;" * (n // 5) + "x"),
    "normalise-spaces": ("idnews_extract.text.normalise:find_normalisations", lambda n: "\u00a0\u200b " * (n // 3)),
    "dateline-spaces": ("idnews_extract.text.cleanup:find_dateline", lambda n: "JAKARTA" + "\t " * (n // 2) + "x"),
    "dateline-commas": ("idnews_extract.text.cleanup:find_dateline", lambda n: "Medan" + " , " * (n // 3)),
    "credit-dots": ("idnews_extract.text.cleanup:find_source_credits", lambda n: "(Antara)" + " ." * (n // 2) + "x"),
    "refdate-spaces": ("idnews_extract.text.cleanup:find_reference_date", lambda n: "Senin" + " \t" * (n // 2) + "12"),
    "footers-caps": ("idnews_extract.text.cleanup:find_removals", lambda n: "Teks.\n" + "AB " * (n // 3)),
    "footers-labels": ("idnews_extract.text.cleanup:find_removals", lambda n: "Editor : " * (n // 9)),
    "duplicates-lines": ("idnews_extract.text.duplicates:find_duplicates", lambda n: "Baris pendek.\n" * (n // 14)),
    "typos-long-word": ("idnews_extract.text.typos:find_corrections", lambda n: "a" * n),
    "numbers-groups": ("idnews_extract.extractors.numbers:find_numbers", lambda n: "1.1" * (n // 3)),
    "numbers-spaces": ("idnews_extract.extractors.numbers:find_numbers", lambda n: "5" + " " * n + "x"),
    "percent-spaces": ("idnews_extract.extractors.percentages:find_percentages", lambda n: "5 " * (n // 2) + "%"),
    "percent-range": ("idnews_extract.extractors.percentages:find_percentages", lambda n: "antara 5 " * (n // 9)),
    "dates-slashes": ("idnews_extract.extractors.dates:find_dates", lambda n: "Nomor 1" + "/1" * (n // 2)),
    "dates-dots": ("idnews_extract.extractors.dates:find_dates", lambda n: "1." * (n // 2)),
    "rules-caps": ("idnews_extract.extractors.entity_rules:find_rule_entities", lambda n: "Budi " * (n // 5)),
    "rules-dashes": ("idnews_extract.extractors.entity_rules:find_rule_entities", lambda n: "-" * n),
    "rules-quotes": ("idnews_extract.extractors.entity_rules:find_rule_entities", lambda n: '"' * n),
    "acronyms-parens": ("idnews_extract.extractors.acronyms:find_acronyms", lambda n: "Badan Pusat (BPS) " * (n // 18)),
    "quotes-dots": ("idnews_extract.extractors.quotes:find_quotes", lambda n: "(Antara)" + "." * n + "x"),
    "quotes-marks": ("idnews_extract.extractors.quotes:find_quotes", lambda n: '"' * n),
}


@pytest.mark.parametrize("name", sorted(RISKY))
def test_risky_patterns_stay_linear(name: str) -> None:
    import importlib

    target, build = RISKY[name]
    module, func = target.split(":")
    fn = getattr(importlib.import_module(module), func)
    if func == "find_quotes":
        _linear(lambda t: fn(t, []), build)
    else:
        _linear(fn, build)


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda n: "Presiden Joko berkata, " * (n // 23), id="one-person-many-mentions"),
        pytest.param(lambda n: " ".join(f"Budi{k} Santoso kata Budi{k}." for k in range(n // 30)), id="many-people"),
    ],
)
def test_people_clustering_stays_linear(build: Any) -> None:
    from idnews_extract.extractors.entity_rules import find_rule_entities
    from idnews_extract.extractors.people import cluster_people

    _linear(lambda t: cluster_people(t, find_rule_entities(t)), build)


# -- API input validation --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [None, 42, 3.5, b"bytes", ["Teks."], {"text": "Teks."}])
def test_a_non_string_text_is_a_type_error(text: Any) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        run_extract(text)


@pytest.mark.parametrize("date", ["2018-02-30", "kemarin", "", "2018-13-01", "07/08/2018", "2018-8-7", "2018-08-07x"])
def test_an_unreadable_reference_date_is_a_value_error(date: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        run_extract("Teks.", reference_date=date)


@pytest.mark.parametrize("date", [20180807, 2018.8, ["2018-08-07"], b"2018-08-07"])
def test_a_reference_date_of_the_wrong_type_is_a_type_error(date: Any) -> None:
    with pytest.raises(TypeError, match="reference_date must be"):
        run_extract("Teks.", reference_date=date)


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2018-08-07", "2018-08-07"),
        (" 2018-08-07 ", "2018-08-07"),
        ("2018-08-07T10:00:00+07:00", "2018-08-07"),
        (dt.date(2018, 8, 7), "2018-08-07"),
        (dt.datetime(2018, 8, 7, 23, 59), "2018-08-07"),
    ],
)
def test_accepted_reference_dates(date: Any, expected: str) -> None:
    assert run_extract("Teks.", reference_date=date).reference_date == expected


def test_a_non_string_id_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="id must be a str"):
        run_extract("Teks.", id=7)


def test_too_long_a_text_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="limit"):
        run_extract("a" * (MAX_CHARS + 1))


def _extract_many(records: list[Any]) -> list[Article]:
    if has_model():
        return list(idnews_extract.extract_many(records))
    from idnews_extract import api, batch

    # the same code path with the rules-only pipeline standing in for the default one
    original = batch.default_pipeline
    batch.default_pipeline = pipeline
    try:
        return list(api.extract_many(records))
    finally:
        batch.default_pipeline = original


@pytest.mark.parametrize(
    "record, exc, message",
    [
        ({"id": "a", "text": 42}, TypeError, "must be a string"),
        ({"id": "a", "text": None}, TypeError, "must be a string"),
        ({"id": "a", "text": "Teks.", "date": "2018-02-30"}, ValueError, "YYYY-MM-DD"),
        ({"id": "a", "text": "Teks.", "date": 20180807}, ValueError, "reference_date must be"),
        ({"id": "a", "body": "Teks."}, (TypeError, ValueError), "'text'"),
        (42, TypeError, "JSON object or a string"),
        (None, TypeError, "JSON object or a string"),
    ],
)
def test_extract_many_raises_only_type_or_value_errors(record: Any, exc: Any, message: str) -> None:
    with pytest.raises(exc, match=message):
        _extract_many([{"id": "ok", "text": "Budi tiba di Medan."}, record])


def test_extract_many_takes_texts_and_records() -> None:
    texts = ["Budi tiba di Medan, Senin.", {"id": "b", "text": "\ud800 naik 5 persen", "date": None}]
    articles = _extract_many(texts)
    assert [a.id for a in articles] == [None, "b"]
    check_article(articles[1], texts[1]["text"])
