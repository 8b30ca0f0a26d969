"""The HTML view: nested highlights, escaping, a self-contained page, and the page in headless Chromium.

The Chromium tests need Debian's ``chromium`` package (``apt-get install -y chromium``) and skip
without it; screenshots and profiles go to pytest's ``tmp_path``, never into the repository.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from idnews_extract import Article, Correction, DateMention, Entity, Percentage, Person, Quote, Removal
from idnews_extract.render import render_article, render_page

from .conftest import EXAMPLES, ROOT

CHROMIUM = Path("/usr/bin/chromium")
VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Tree(HTMLParser):
    """Checks that tags nest, collects highlight pieces and the visible text of the article body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.pieces: list[dict[str, str | None]] = []
        self.body_text: list[str] = []
        self.errors: list[str] = []

    def _in(self, predicate) -> bool:  # type: ignore[no-untyped-def]
        return any(predicate(tag, attrs) for tag, attrs in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        attributes = dict(attrs)
        self.stack.append((tag, attributes))
        if "data-kind" in attributes and self._in(lambda t, a: "body" in (a.get("class") or "").split()):
            self.pieces.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        in_body = self._in(lambda t, a: "body" in (a.get("class") or "").split())
        in_label = self._in(lambda t, a: t == "sup" or "speaker" in (a.get("class") or "").split())
        if in_body and not in_label:
            self.body_text.append(data)


def parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert not tree.errors, tree.errors[:5]
    assert not tree.stack, [t for t, _ in tree.stack]
    return tree


TEXT = (
    'Jakarta - Ketua panitia Dr. Budi <Santoso> & rekan, Senin, mengatakan Festival Kopi 2024 naik 10-15 persen.\n'
    '"Kami siap menyambut Festival Kopi 2024," kata Budi. Ditulis oleh tim kami.'
)


def _span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def overlapping_article() -> Article:
    """Highlights that overlap every way: nested, crossing, touching, and one past a quote's edge."""
    t = TEXT
    festival = _span(t, "Festival Kopi 2024")
    festival2 = _span(t, "Festival Kopi 2024", 1)
    year = _span(t, "2024")
    quote = _span(t, "Kami siap menyambut Festival Kopi 2024,")
    budi = _span(t, "Dr. Budi <Santoso>")
    crossing = (quote[0] - 1, quote[0] + 4)  # starts on the quote mark, ends inside the quote
    pct = _span(t, "10-15 persen")
    footer = _span(t, "Ditulis oleh tim kami.")
    return Article(
        id="uji-<1>",
        reference_date="2024-03-11",
        reference_date_source="given",
        entities=(
            Entity(text=t[budi[0] : budi[1]], label="PERSON", start=budi[0], end=budi[1]),
            Entity(text=t[festival[0] : festival[1]], label="EVENT", start=festival[0], end=festival[1]),
            Entity(text=t[festival2[0] : festival2[1]], label="EVENT", start=festival2[0], end=festival2[1]),
            Entity(text=t[crossing[0] : crossing[1]], label="NORP", start=crossing[0], end=crossing[1]),
        ),
        people=(Person(name="Budi <Santoso>", roles=("Ketua panitia",), mentions=(budi,)),),
        quotes=(
            Quote(
                kind="direct", text=t[quote[0] : quote[1]], start=quote[0], end=quote[1],
                speaker='Budi "<Santoso>"', cue="kata",
            ),
        ),
        dates=(
            DateMention(text="2024", value="2024", type="DATE", start=year[0], end=year[1]),
            DateMention(text="Senin", value="2024-03-11", type="DATE", start=t.index("Senin"), end=t.index("Senin") + 5),
        ),
        percentages=(Percentage(text="10-15 persen", value=None, low=10.0, high=15.0, start=pct[0], end=pct[1]),),
        corrections=(Correction(text="rekan", replacement="rekan-rekan", start=t.index("rekan"), end=t.index("rekan") + 5),),
        removed=(Removal(kind="footer", start=footer[0] - 1, end=footer[1]),),
        text=t,
    )


def test_overlapping_highlights_nest_and_keep_the_text() -> None:
    article = overlapping_article()
    tree = parse(render_page([article]))
    assert "".join(tree.body_text) == article.text  # every character once, in order, no label mixed in
    kinds = {p["data-kind"] for p in tree.pieces}
    assert kinds == {"entity", "date", "percentage", "quote", "correction", "removed"}
    # The year is a date inside the event name: both are there, the date nested in the entity.
    html = render_article(article)
    assert re.search(r'data-label="EVENT"[^>]*>Festival Kopi <mark[^>]*data-kind="date"[^>]*>2024</mark>', html)
    # The entity that starts before the quote is cut at the quote's edge, so tags still nest.
    assert sum(1 for p in tree.pieces if p.get("data-label") == "NORP") == 2


def test_labels_and_values_are_shown() -> None:
    article = overlapping_article()
    html = render_article(article)
    assert 'data-value="2024-03-11"' in html and 'title="DATE 2024-03-11"' in html  # date value on hover
    assert 'data-value="10–15"' in html  # a range
    assert html.count('class="speaker"') == 1 + 1  # the legend's sample and the one quote
    assert "— Budi &quot;&lt;Santoso&gt;&quot;</span>" in html  # speaker shown, escaped
    assert 'title="read as: rekan-rekan"' in html
    assert "PERSON</sup></mark>" in html
    # A highlight split into pieces shows its label once.
    assert html.count(">NORP</sup>") == 1


def test_everything_is_escaped() -> None:
    text = 'Budi <script>alert("x")</script> & Ani "tiba" di Medan.'
    s = text.index("<script>")
    article = Article(
        id='"><script>',
        entities=(Entity(text=text[s : s + 8], label='X"><b>', start=s, end=s + 8),),
        people=(Person(name="<img src=x onerror=alert(1)>", mentions=((0, 4),)),),
        text=text,
    )
    html = render_page([article], title="<title>")
    assert "<script" not in html.lower() and "<img" not in html.lower() and "<b>" not in html
    tree = parse(html)
    assert "".join(tree.body_text) == text


def test_page_is_self_contained() -> None:
    html = render_page([overlapping_article(), overlapping_article()])
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html
    for needle in ("<script", "<link", "src=", "href=", "url(", "@import", "http://", "https://"):
        assert needle not in html.lower(), needle
    assert html.count('class="legend"') == 1 and html.count("<style>") == 1
    assert render_page([]).count("(no articles)") == 1


def test_article_without_text_and_notebook_repr() -> None:
    article = Article.from_json(overlapping_article().to_json())  # JSON drops the text
    assert article.text is None
    assert "no text kept" in render_article(article)
    assert overlapping_article()._repr_html_() == render_article(overlapping_article())


def test_highlights_outside_the_text_are_dropped() -> None:
    article = Article(entities=(Entity(text="x", label="LOC", start=50, end=60),), text="pendek")
    tree = parse(render_article(article))
    assert tree.pieces == [] and "".join(tree.body_text) == "pendek"


# ---------------------------------------------------------------- the page in a real browser


def chromium(tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on ``page`` with logging to stderr, offline, with a throwaway profile."""
    return subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", *extra, page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed (Debian: apt-get install -y chromium)"
)


@needs_chromium
def test_console_check_catches_script_errors(tmp_path: Path) -> None:
    """The console check below can fail: a page with a script error is caught."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><body><script>throw new Error("rusak")</script></body></html>', encoding="utf-8")
    result = chromium(tmp_path, page, "--dump-dom")
    assert any("rusak" in line for line in console_messages(result.stderr))


@needs_chromium
def test_cli_render_page_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "artikel.html"
    done = subprocess.run(
        [sys.executable, "-m", "idnews_extract.cli", "render", str(EXAMPLES / "articles.jsonl"), "--html", str(page)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    records = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    html = page.read_text(encoding="utf-8")
    parse(html)

    result = chromium(tmp_path, page, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    dom = parse(result.stdout)  # what the browser built from the page
    assert dom.body_text, "no article body in the DOM"
    assert "".join(dom.body_text) == "".join(r["text"] for r in records)
    kinds = {p["data-kind"] for p in dom.pieces}
    assert {"entity", "quote", "date", "percentage", "removed"} <= kinds
    labels = {p["data-label"] for p in dom.pieces if p["data-kind"] == "entity"}
    assert {"PERSON", "ORG", "LOC"} <= labels
    assert all(p.get("data-value") for p in dom.pieces if p["data-kind"] == "date")
    assert any(p.get("data-speaker") for p in dom.pieces if p["data-kind"] == "quote")
    assert 'class="legend"' in result.stdout

    shot = tmp_path / "page.png"
    result = chromium(tmp_path, page, "--window-size=1000,1400", f"--screenshot={shot}")
    assert result.returncode == 0 and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert console_messages(result.stderr) == []

