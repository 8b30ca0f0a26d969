"""The alignment object: edits compose, and every span of the final text maps back into the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idnews_extract.text.align import Alignment
from idnews_extract.text.edits import Edit


def test_removal_and_replacement_map_back() -> None:
    original = "Jakarta (Antara) - Ia  berkata diseluruh kota.\nCOPYRIGHT 2018"
    align = Alignment(original)
    spans = align.apply([Edit(0, 19, "", "dateline"), Edit(21, 23, " ", "whitespace"), Edit(47, 61, "", "footer")])
    assert spans == [(0, 19), (21, 23), (47, 61)]
    assert align.text == "Ia berkata diseluruh kota.\n"
    start = align.text.index("diseluruh")
    align.apply([Edit(start, start + 9, "di seluruh", "spacing")])
    assert align.text == "Ia berkata di seluruh kota.\n"
    # A span inside copied text maps to exactly the same characters.
    s = align.text.index("kota")
    o_s, o_e = align.to_original(s, s + 4)
    assert original[o_s:o_e] == "kota"
    # A span covering a replacement maps to the whole replaced stretch of the original.
    s = align.text.index("di seluruh")
    o_s, o_e = align.to_original(s, s + len("di seluruh kota"))
    assert original[o_s:o_e] == "diseluruh kota"
    # Part of a replacement maps to all of it.
    o_s, o_e = align.to_original(s + 3, s + 6)
    assert original[o_s:o_e] == "diseluruh"


def test_overlapping_edits_are_refused() -> None:
    align = Alignment("abcdef")
    with pytest.raises(ValueError):
        align.apply([Edit(0, 3, "", "x"), Edit(2, 4, "", "x")])
    with pytest.raises(ValueError):
        align.apply([Edit(4, 9, "", "x")])


def test_empty_and_fully_removed_text() -> None:
    assert Alignment("").to_original(0, 0) == (0, 0)
    align = Alignment("hapus")
    align.apply([Edit(0, 5, "", "footer")])
    assert align.text == ""
    assert align.to_original(0, 0) == (0, 0)


def test_plain_round_trip() -> None:
    align = Alignment("a  b  c")
    align.apply([Edit(1, 3, " ", "whitespace"), Edit(4, 6, " ", "whitespace")])
    again = Alignment.from_plain(align.to_plain(), align.text)
    assert again.segments == align.segments
    assert again.to_original(2, 5) == align.to_original(2, 5)


@st.composite
def text_and_rounds(draw: st.DrawFn) -> tuple[str, list[list[tuple[int, int, str]]]]:
    text = draw(st.text(alphabet="abc \n", min_size=0, max_size=40))
    rounds = []
    length = len(text)
    for _ in range(draw(st.integers(0, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, length), max_size=6)))
        edits = []
        for a, b in zip(cuts[::2], cuts[1::2]):
            edits.append((a, b, draw(st.sampled_from(["", "x", "yy", "zzz"]))))
        rounds.append(edits)
        length += sum(len(r) - (b - a) for a, b, r in edits)
    return text, rounds


@settings(max_examples=300, deadline=None)
@given(text_and_rounds())
def test_random_edits_map_inside_in_order_and_round_trip(case: tuple[str, list[list[tuple[int, int, str]]]]) -> None:
    original, rounds = case
    align = Alignment(original)
    inserted: set[str] = set()
    for edits in rounds:
        align.apply([Edit(a, b, r, "test") for a, b, r in edits])
        inserted.update(r for _, _, r in edits if r)
    n = len(align.text)
    previous = (0, 0)
    for s in range(n + 1):
        for e in range(s, n + 1):
            o_s, o_e = align.to_original(s, e)
            assert 0 <= o_s <= o_e <= len(original)
            if e == s + 1 and align.is_exact(s, e):
                assert original[o_s:o_e] == align.text[s:e]
        o = align.to_original(s, n)
        assert o[0] >= previous[0]  # starts keep their order
        previous = o
    # Text made only of copied characters maps to the same characters.
    for seg in align.segments:
        if seg.exact:
            assert original[seg.orig_start : seg.orig_end] == align.text[seg.new_start : seg.new_end]
