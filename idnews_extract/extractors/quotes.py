"""Direct and indirect quotes with their cues and speakers, at the text level.

``find_quotes(text, mentions)`` reads paragraphs (newline separated) and sentences, pairs quote marks by position
(:mod:`.quote_marks`), attaches each quote to a cue after it (``"...," kata X``, ``ujarnya``, ``Ismail
menambahkan``) or before it (``X mengatakan, "..."``), drops titles and scare quotes, finds reported speech
(``X, Selasa, mengatakan, ...``, ``Menurut X, ...``, ``..., ia melanjutkan, ...``, ``Ditambahkan, ...``) and
resolves speakers (:mod:`.speakers`). Offsets are character offsets into ``text``.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass, field

from .cues import Cue, Lexicon, Token, lexicon, skip_openers, tokens
from .entity_rules import starts_title
from .quote_marks import QUOTE_CHARS, MarkedSpan, pair_marks
from .speakers import (
    NONE,
    PRONOUN,
    Mention,
    Mentions,
    SpeakerRef,
    phrase_after,
    phrase_before,
)

__all__ = ["Mention", "QuoteHit", "find_quotes"]

log = logging.getLogger(__name__)

_MIN_UNCUED_WORDS = 4  # an uncued quote shorter than this is a term or a title, not speech
_MAX_SUBJECT_WORDS = 20  # longer stretches before a verb are not a speaker subject
_ROLE_REACH = 6  # a role noun this close before ", NAME, mengatakan" makes the words before an apposition
_MAX_TITLE_WORDS = 12  # a quote this short right after tema/judul/bertajuk is a title even with a verb after it


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One statement: ``text[start:end]`` is the quote text (without quote marks)."""

    kind: str  # "direct" | "indirect"
    start: int
    end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None


@dataclass(slots=True)
class _Item:
    """A quote being built: its speaker is resolved after all items are known."""

    kind: str
    start: int
    end: int
    para: int
    cue_span: tuple[int, int] | None
    ref: SpeakerRef | str  # a SpeakerRef, or "carry" (inherit the last attributed speaker)
    share: "_Item | None" = None  # take the speaker of this item (split quote / multi-paragraph quote)
    next_item: "_Item | None" = None  # next paragraph of the same multi-paragraph quote
    speaker: tuple[int, int] | None = None
    named: bool = False


@dataclass(slots=True)
class _Para:
    start: int
    end: int
    toks: list[Token]
    sents: list[tuple[int, int]]
    tok_starts: list[int] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)

    def tok_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_right(self.tok_starts, pos - 1)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sent_starts, pos) - 1
        if 0 <= i < len(self.sents) and pos < self.sents[i][1]:
            return self.sents[i]
        if i >= 0 and i < len(self.sents):
            return self.sents[i]
        return self.sents[0] if self.sents else (self.start, self.end)


def find_quotes(text: str, mentions: list[Mention]) -> list[QuoteHit]:
    """All direct and indirect quotes of ``text`` with cues and speaker spans (see module docstring)."""
    lex = lexicon()
    ments = Mentions(mentions)
    items: list[_Item] = []
    backward: list[tuple[int, int, SpeakerRef]] = []
    paras = [_para(text, s, e, lex) for s, e in _paragraphs(text)]
    prev_open: _Item | None = None
    for pi, para in enumerate(paras):
        spans = pair_marks(text, para.start, para.end, lambda w: _is_post_cue_word(w, lex))
        direct, covered, prev_open = _direct_items(text, para, pi, spans, ments, lex, prev_open)
        items.extend(direct)
        items.extend(_indirect_items(text, para, pi, covered, ments, lex, backward))
    items.sort(key=lambda it: (it.start, it.end))
    _resolve(text, items, backward, ments, lex)
    return [
        QuoteHit(it.kind, it.start, it.end,
                 text[it.cue_span[0]:it.cue_span[1]] if it.cue_span else None,
                 it.cue_span[0] if it.cue_span else None, it.cue_span[1] if it.cue_span else None,
                 it.speaker[0] if it.speaker else None, it.speaker[1] if it.speaker else None)
        for it in items
    ]


# ---------------------------------------------------------------- layout


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _para(text: str, start: int, end: int, lex: Lexicon) -> _Para:
    toks = tokens(text, start, end)
    p = _Para(start, end, toks, _sentences(text, start, end, toks, lex))
    p.tok_starts = [t.start for t in toks]
    p.sent_starts = [s for s, _ in p.sents]
    return p


def _sentences(text: str, start: int, end: int, toks: list[Token], lex: Lexicon) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph: split after . ! ? (and closing marks) before an upper-case start."""
    ends_at = {t.end: t for t in toks}
    out = []
    s = start
    i = start
    while i < end:
        ch = text[i]
        if ch in ".!?…":
            j = i + 1
            while j < end and (text[j] in QUOTE_CHARS or text[j] in ")]" or text[j] in ".!?"):
                j += 1
            abbrev_only = False  # the split failed only because of an abbreviation ending at i
            if j < end and text[j].isspace():
                k = j
                while k < end and text[k].isspace():
                    k += 1
                nxt = text[k] if k < end else ""
                prev = ends_at.get(i)
                abbrev = ch == "." and prev is not None and (
                    (len(prev.text) == 1 and prev.text.isupper()) or lex.in_cat("abbreviation", prev.text))
                starts = nxt.isupper() or nxt.isdigit() or nxt in QUOTE_CHARS or nxt in "("
                if starts and not abbrev:
                    out.append((s, j))
                    s = k
                    i = k
                    continue
                abbrev_only = starts
            if not abbrev_only:  # every mark before j scans to the same j and fails alike: skip them (linear)
                i = j
                continue
        i += 1
    if s < end:
        out.append((s, end))
    return out


def _gap(text: str, a: int, b: int) -> str:
    return text[a:b] if a < b else ""


# ---------------------------------------------------------------- direct quotes


def _is_post_cue_word(word: str, lex: Lexicon) -> bool:
    if word == "demikian":
        return True
    for cue in lex.cues.get(word, ()):
        if "direct" in cue.flags and cue.role in ("POST", "NYA", "PREP"):
            return True
    return False


def _cue_at(toks: list[Token], k: int, lex: Lexicon) -> Cue | None:
    if k >= len(toks):
        return None
    return lex.cue(toks[k].text, [t.text for t in toks[k + 1 : k + 4]])


def _cue_span(tok: Token, cue: Cue) -> tuple[int, int]:
    return tok.start, tok.start + min(cue.base_len, len(tok.text))


def _post_cue(text: str, para: _Para, pos: int, ments: Mentions, lex: Lexicon,
              after_mark: bool) -> tuple[tuple[int, int], SpeakerRef, int] | None:
    """A cue right after ``pos`` (a closing mark): ``kata X``, ``ujarnya``, ``kata dia``, ``X menambahkan``.

    Returns (cue span, speaker reference, end of the cue phrase)."""
    toks = para.toks
    k = para.tok_index(pos)
    if k >= len(toks):
        return None
    gap = _gap(text, pos, toks[k].start)
    if any(ch not in " ,-–—\t" for ch in gap):
        return None
    if toks[k].low == "demikian":
        k += 1
        if k >= len(toks):
            return None
    sent_end = para.sentence_of(toks[k].start)[1]
    cue = _cue_at(toks, k, lex)
    if cue is not None and "direct" in cue.flags and cue.role in ("POST", "NYA", "PREP", "PASS", "ACT"):
        if "after_quote_only" in cue.flags and not after_mark:
            return None
        n = len(cue.form.split())
        span = _cue_span(toks[k], cue)
        last = toks[k + n - 1]
        low_words = cue.form.split()
        if cue.role == "NYA" or low_words[0].endswith("nya") and cue.role in ("PASS", "PREP"):
            return span, PRONOUN, last.end
        if any(lex.in_cat("pronoun", w) for w in low_words[1:]):
            return span, PRONOUN, last.end
        if any(lex.in_cat("pronoun_plural", w) for w in low_words[1:]):
            return span, NONE, last.end
        ref, pend = phrase_after(text, toks, k + n, ments, lex, sent_end)
        return span, ref or NONE, max(pend, last.end)
    # speaker first: "...," Ismail menambahkan. / "...," ia melanjutkan.
    if not after_mark:
        return None
    for j in range(k + 1, min(k + 9, len(toks))):
        if toks[j].start >= sent_end or any(ch in _gap(text, toks[j - 1].end, toks[j].start) for ch in ".;:\"“”"):
            break
        c = _cue_at(toks, j, lex)
        if c is not None and "direct" in c.flags and c.role in ("ACT", "POST"):
            subj = toks[k:j]
            if not (subj[0].text[:1].isupper() or lex.in_cat("pronoun", subj[0].text)):
                return None
            rest = text[toks[j].end : sent_end].strip(" .!?")
            if rest and not (rest.startswith(",") and lex.match_phrase("context", rest.strip(" ,").split()[:3])) \
                    and not lex.match_phrase("context", rest.split()[:3]):
                return None
            ref = phrase_before(text, subj, ments, lex)
            return _cue_span(toks[j], c), ref or NONE, toks[j].end
    return None


def _pre_cue(text: str, para: _Para, mark: int, ments: Mentions,
             lex: Lexicon) -> tuple[tuple[int, int], SpeakerRef | str] | None:
    """A cue right before an opening mark: ``X mengatakan, "``, ``Kata X: "``, ``Menurutnya, "``."""
    s, _ = para.sentence_of(mark)
    lo, hi = para.tok_index(s), para.tok_index(mark)
    if hi - lo > _MAX_SUBJECT_WORDS + 8:
        lo = hi - _MAX_SUBJECT_WORDS - 8  # keeps the look-back bounded; a longer stretch is no cue frame
    toks = para.toks[lo:hi]
    if not toks:
        return None
    tail = _gap(text, toks[-1].end, mark)
    if any(ch not in " ,:\t" for ch in tail):
        return None
    i0 = skip_openers(toks, 0, lex)
    # POST / PREP / NYA cue at the start: Kata X, "..." / Menurut X: "..." / Katanya, "..."
    c = _cue_at(toks, i0, lex) if i0 < len(toks) else None
    if c is not None and c.role in ("POST", "PREP", "NYA", "PASS") and ("direct" in c.flags or c.role == "PASS"):
        n = len(c.form.split())
        if c.role == "NYA" or c.form.split()[0].endswith("nya") or any(
                lex.in_cat("pronoun", w) for w in c.form.split()[1:]):
            if len(toks) == i0 + n:
                return _cue_span(toks[i0], c), (PRONOUN if c.role != "PASS" else "carry")
            return None
        if c.role == "PASS":
            if len(toks) == i0 + n:
                return _cue_span(toks[i0], c), "carry"
            ref, pend = phrase_after(text, toks, i0 + n, ments, lex, mark)
            if ref is not None and pend == toks[-1].end:
                return _cue_span(toks[i0], c), ref
            return None
        ref, pend = phrase_after(text, toks, i0 + n, ments, lex, mark)
        if ref is not None and pend == toks[-1].end:
            return _cue_span(toks[i0], c), ref
        return None
    # ACT verb last: X mengatakan, "..." / X mengatakan bahwa "..."
    j = len(toks) - 1
    if lex.in_cat("complementizer", toks[j].text) and j > 0:
        j -= 1
    c = _cue_at(toks, j, lex)
    if c is None or "direct" not in c.flags or c.role not in ("ACT", "POST"):
        return None
    subj = toks[i0:j]
    if not subj or len(subj) > _MAX_SUBJECT_WORDS or lex.in_cat("clause_link", subj[-1].text):
        return None
    ref = phrase_before(text, subj, ments, lex)
    return _cue_span(toks[j], c), ref or NONE


def _title_before(text: str, para: _Para, mark: int, lex: Lexicon) -> bool:
    """A title noun (tema, judul, istilah, bertajuk) shortly before an opening mark."""
    k = para.tok_index(mark)
    s, _ = para.sentence_of(mark)
    for t in para.toks[max(0, k - 9) : k]:
        if t.start >= s and lex.in_cat("title_noun", t.text):
            return True
    return False


def _words(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def _direct_items(text: str, para: _Para, pi: int, spans: list[MarkedSpan], ments: Mentions, lex: Lexicon,
                  prev_open: _Item | None) -> tuple[list[_Item], list[tuple[int, int]], _Item | None]:
    """Direct quotes of one paragraph, the ranges they and their cues cover, and an unclosed last item."""
    items: list[_Item] = []
    covered: list[tuple[int, int]] = []
    last_cue_end: int | None = None
    last_item: _Item | None = None
    open_item: _Item | None = None
    for sp in spans:
        start, end = _trim(text, sp.start, sp.end)
        if end <= start:
            continue
        cue_span = None
        ref: SpeakerRef | str | None = None
        cue_end = end
        share = None
        if sp.close_mark is not None:
            post = _post_cue(text, para, sp.close_mark + 1, ments, lex, after_mark=True)
            if post:
                cue_span, ref, cue_end = post
        else:
            inner = _inner_cue(text, para, start, end, ments, lex)
            if inner:
                end, cue_span, ref, cue_end = inner
        if ref is None and sp.open_mark is not None:
            # split quote: "A," kata X, "B."
            if last_item is not None and last_cue_end is not None and 0 <= sp.open_mark - last_cue_end <= 4 and \
                    _gap(text, last_cue_end, sp.open_mark).strip() in (",", ":", ""):
                share, cue_span, ref = last_item, last_item.cue_span, "share"
            else:
                pre = _pre_cue(text, para, sp.open_mark, ments, lex)
                if pre:
                    cue_span, ref = pre
        if ref is None:
            # no cue: speech only when it opens its sentence and is long; titles and terms are not
            mark = sp.open_mark if sp.open_mark is not None else start
            s, _ = para.sentence_of(mark)
            at_start = mark - s <= 8 and not text[s:mark].strip(" \t" + "".join(QUOTE_CHARS))
            if not at_start or _words(text, start, end) < _MIN_UNCUED_WORDS or _title_before(text, para, mark, lex):
                continue
            ref = "carry"
            if prev_open is not None and pi > 0 and sp.open_mark is not None and sp.open_mark == para.start:
                share = prev_open  # continuation paragraph of a multi-paragraph quote
                ref = "share"
        elif sp.open_mark is not None and share is None and _title_before(text, para, sp.open_mark, lex) and \
                _words(text, start, end) < _MAX_TITLE_WORDS:
            continue
        item = _Item("direct", start, end, pi, cue_span, ref if ref != "share" else "carry", share=share)
        if share is not None and ref == "share" and share.cue_span is None and cue_span is None:
            pass
        items.append(item)
        covered.append((sp.open_mark if sp.open_mark is not None else start,
                        max(cue_end, sp.close_mark + 1 if sp.close_mark is not None else end)))
        if cue_span is not None:
            covered.append((min(cue_span[0], start), max(cue_end, end)))
        last_item, last_cue_end = item, (cue_end if cue_span and cue_span[0] > start else None)
        # a quote left open at the end of the paragraph continues in the next one
        open_item = item if (sp.close_mark is None and cue_span is None and end >= _trim(text, para.start, para.end)[1] - 1) else None
    # a multi-paragraph quote takes its speaker from the cue of its last paragraph
    if prev_open is not None and items and items[0].kind == "direct" and \
            text[para.start] in QUOTE_CHARS and items[0].start <= para.start + 2:
        if items[0].share is prev_open:
            items[0].share = None
        prev_open.next_item = items[0]
    return items, covered, open_item


def _inner_cue(text: str, para: _Para, start: int, end: int, ments: Mentions, lex: Lexicon):
    """An unclosed quote cut at a trailing cue inside it: ``"Hasil ..., kata Jennifer Balch.``"""
    k = para.tok_index(start)
    toks = para.toks
    while k < len(toks) and toks[k].start < end:
        t = toks[k]
        if k > 0 and "," in _gap(text, toks[k - 1].end, t.start):
            c = _cue_at(toks, k, lex)
            if c is not None and "direct" in c.flags and c.role in ("POST", "NYA") and \
                    "after_quote_only" not in c.flags:
                post = _post_cue(text, para, t.start, ments, lex, after_mark=False)
                if post:
                    cue_span, ref, cue_end = post
                    rest = text[cue_end:para.sentence_of(t.start)[1]]
                    if not rest.strip(" .!?,;") or rest.lstrip().startswith(("saat", "ketika", "di ", "dalam", "kepada")):
                        comma = text.rfind(",", start, t.start) + 1  # the comma inside the quote, not before it
                        if comma > start:
                            return comma, cue_span, ref, cue_end
        k += 1
    return None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# ---------------------------------------------------------------- indirect quotes


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _overlaps(a: int, b: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether [a, b) meets any of the disjoint sorted ``ranges``."""
    i = bisect_right(ranges, (b, -1)) - 1
    return i >= 0 and ranges[i][1] > a


def _indirect_items(text: str, para: _Para, pi: int, covered: list[tuple[int, int]], ments: Mentions,
                    lex: Lexicon, backward: list[tuple[int, int, SpeakerRef]]) -> list[_Item]:
    out = []
    covered = _merge(covered)
    for ss, se in para.sents:
        if _overlaps(ss, se, covered):
            continue
        toks = para.toks[para.tok_index(ss) : para.tok_index(se)]
        if len(toks) < 3:
            continue
        item = _indirect_in_sentence(text, toks, ss, se, pi, ments, lex, backward)
        if item is not None:
            out.append(item)
    return out


def _after_comma(text: str, pos: int, se: int) -> int | None:
    """Start of the clause after a comma/colon that directly follows ``pos`` (None when there is none)."""
    i = pos
    while i < se and text[i] in " \t":
        i += 1
    if i < se and text[i] in ",:":
        i += 1
        while i < se and text[i].isspace():
            i += 1
        return i if i < se else None
    return None


def _speaker_starts(toks: list[Token], i: int, ments: Mentions, lex: Lexicon) -> bool:
    """A speaker phrase can start at ``toks[i]``: a name, a pronoun, a mention, or a role in lower case
    (``menurut pengamat ekonomi Budi Santoso``)."""
    return _is_name_like(toks[i], ments, lex) or lex.in_cat("role_noun", toks[i].text) \
        or starts_title(toks, i)  # type: ignore[arg-type]


def _is_name_like(t: Token, ments: Mentions, lex: Lexicon) -> bool:
    return t.text[:1].isupper() or t.text[:1] == "@" or lex.in_cat("pronoun", t.text) \
        or lex.in_cat("pronoun_plural", t.text) or bool(ments.within(t.start, t.end))


def _indirect_in_sentence(text: str, toks: list[Token], ss: int, se: int, pi: int, ments: Mentions,
                          lex: Lexicon, backward: list[tuple[int, int, SpeakerRef]]) -> _Item | None:
    i0 = skip_openers(toks, 0, lex)
    words = [t.text for t in toks]
    # backward attribution: "Hal itu disampaikan X di ..."
    nb = lex.match_phrase("backward_subject", words[i0 : i0 + 3])
    if nb:
        j = i0 + nb
        if j < len(toks) and lex.in_cat("adverb", toks[j].text):
            j += 1
        c = _cue_at(toks, j, lex)
        if c is not None and "backward" in c.flags:
            if toks[j].low.endswith("nya"):
                return None
            k = j + 1
            if k < len(toks) and toks[k].low == "oleh":
                k += 1
            ref, _ = phrase_after(text, toks, k, ments, lex, se)
            if ref is not None and ref.kind == "span":
                backward.append((toks[j].start, pi, ref))
            return None
    c = _cue_at(toks, i0, lex)
    first = toks[i0] if i0 < len(toks) else None
    if c is not None and first is not None:
        n = len(c.form.split())
        after = toks[i0 + n - 1].end
        nya = c.form.split()[0].endswith("nya") and c.role in ("NYA", "PASS", "PREP")
        pron = any(lex.in_cat("pronoun", w) for w in c.form.split()[1:])
        # sentence-initial passive: Ditambahkan, ... / Dijelaskannya, ... / Disebut Sandi, ...
        if c.role == "PASS" and "indirect" in c.flags:
            k = _after_comma(text, after, se)
            if k is not None and "agent_only" not in c.flags:
                return _Item("indirect", k, se, pi, _cue_span(first, c), "carry")
            ref, pend = phrase_after(text, toks, i0 + n, ments, lex, se)
            k = _after_comma(text, pend, se)
            if ref is not None and ref.kind == "span" and k is not None:
                return _Item("indirect", k, se, pi, _cue_span(first, c), ref)
        # Menurut X, ... / Menurutnya, ... / Kata X, ... / Katanya, ...
        if c.role in ("PREP", "POST", "NYA") and "indirect" in c.flags and "after_quote_only" not in c.flags:
            if nya or pron:
                k = _after_comma(text, after, se)
                k = k if k is not None else (toks[i0 + n].start if i0 + n < len(toks) else None)
                if k is not None:
                    return _Item("indirect", k, se, pi, _cue_span(first, c), NONE if not (nya or pron) else PRONOUN)
            elif i0 + n < len(toks) and not lex.in_cat("source_noun", toks[i0 + n].text) and \
                    _speaker_starts(toks, i0 + n, ments, lex):
                ref, pend = phrase_after(text, toks, i0 + n, ments, lex, se)
                k = _after_comma(text, pend, se)
                if ref is not None and k is not None:
                    return _Item("indirect", k, se, pi, _cue_span(first, c), ref)
    # medial / trailing / verb cues
    for i in range(i0 + 1, len(toks)):
        t = toks[i]
        c = _cue_at(toks, i, lex)
        if c is None or "indirect" not in c.flags:
            continue
        gap_before = _gap(text, toks[i - 1].end, t.start)
        n = len(c.form.split())
        words_c = c.form.split()
        nya = words_c[0].endswith("nya") and c.role in ("NYA", "PASS", "PREP")
        pron = any(lex.in_cat("pronoun", w) or lex.in_cat("pronoun_plural", w) for w in words_c[1:])
        if c.role in ("PREP", "POST", "NYA") and "after_quote_only" not in c.flags:
            comma_before = "," in gap_before
            if nya or pron:
                if not comma_before and not (c.role == "PREP"):
                    continue
                ref = PRONOUN if nya or any(lex.in_cat("pronoun", w) for w in words_c[1:]) else NONE
                pend = toks[i + n - 1].end
                if i + n < len(toks) and toks[i + n].low == "lagi":
                    pend = toks[i + n].end
            else:
                if i + n >= len(toks) or lex.in_cat("source_noun", toks[i + n].text) or \
                        not _speaker_starts(toks, i + n, ments, lex):
                    continue
                ref, pend = phrase_after(text, toks, i + n, ments, lex, se)
                if ref is None:
                    continue
                if not comma_before and not (ref.kind == "span" and ments.within(ref.start, ref.end)):
                    continue
            return _frame(text, toks, i, ss, se, pend, pi, _cue_span(t, c), ref, medial_ok=True)
        if c.role == "PASS" and i + n < len(toks):
            # "... pameran Warisan dikatakan Umi Noor didukung ..."
            nxt = toks[i + n]
            m = [x for x in ments.within(nxt.start, nxt.end + 1, ("PERSON",)) if x[0] == nxt.start]
            if m and not lex.match_phrase("similar_subject", words[i0 : i0 + 3]):
                return _Item("indirect", ss, se, pi, _cue_span(t, c), SpeakerRef("span", m[0][0], m[0][1]))
            continue
        if c.role != "ACT":
            continue
        subj = toks[i0:i]
        if len(subj) > _MAX_SUBJECT_WORDS or lex.in_cat("clause_link", subj[-1].text) or \
                lex.in_cat("source_noun", subj[0].text) or lex.match_phrase("similar_subject", [x.text for x in subj[:3]]):
            return None
        pend = toks[i + n - 1].end
        k = _after_comma(text, pend, se)
        if k is None and i + n < len(toks) and lex.in_cat("complementizer", toks[i + n].text):
            k = toks[i + n].end
            k = _after_comma(text, k, se) or _trim(text, k, se)[0]
        if k is None and "clause" in c.flags and i + n < len(toks) and \
                not lex.in_cat("np_object", toks[i + n].text) and len(toks) - (i + n) >= 3 and \
                not lex.in_cat("complementizer", toks[i + n].text):
            k = toks[i + n].start
        if k is None:
            return None
        # "..., ia melanjutkan, ..." : content before the speaker -> the whole sentence
        segs = _segments(text, subj)
        if len(segs) >= 2 and "," in _gap(text, pend, k):
            last, before = segs[-1], [t for s in segs[:-1] for t in s]
            speaker_only = len(last) <= 4 and all(_is_name_like(x, ments, lex) for x in last)
            # not content when a role ends it or a capitalised one stands in it (a crosshead run into the
            # sentence: Keamanan pesawat Pengamat penerbangan ... Ombudsman, Alvin Lie, mengatakan, ...)
            content = len(before) >= 3 and not any(
                lex.in_cat("role_noun", x.text) and (x.text[0].isupper() or q == 0 or q >= len(before) - _ROLE_REACH)
                for q, x in enumerate(before)
            ) and not ments.within(before[0].start, before[-1].end, ("PERSON",))
            if speaker_only and content:
                ref = phrase_before(text, last, ments, lex)
                return _Item("indirect", ss, se, pi, _cue_span(t, c), ref or NONE)
        ref = phrase_before(text, subj, ments, lex) if subj else None
        if ref is None:
            return None
        return _Item("indirect", k, se, pi, _cue_span(t, c), ref)
    return None


def _segments(text: str, toks: list[Token]) -> list[list[Token]]:
    segs: list[list[Token]] = [[]]
    for j, t in enumerate(toks):
        if j and "," in _gap(text, toks[j - 1].end, t.start):
            segs.append([])
        segs[-1].append(t)
    return [s for s in segs if s]


def _frame(text: str, toks: list[Token], i: int, ss: int, se: int, pend: int, pi: int,
           cue_span: tuple[int, int], ref: SpeakerRef, medial_ok: bool) -> _Item | None:
    """Text of a reported clause around a medial or trailing cue (``A, kata X, B.`` / ``A, kata X.``)."""
    rest = text[pend:se].strip(" ,.!?;")
    if rest and not rest.lower().startswith(("saat", "ketika", "di ", "dalam", "kepada", "usai", "seusai")):
        return _Item("indirect", ss, se, pi, cue_span, ref)
    # trailing cue: the clause before it
    j = cue_span[0]
    while j > ss and text[j - 1] in " ,":
        j -= 1
    if j <= ss:
        return None
    return _Item("indirect", ss, j, pi, cue_span, ref)


# ---------------------------------------------------------------- speakers


def _resolve(text: str, items: list[_Item], backward: list[tuple[int, int, SpeakerRef]], ments: Mentions,
             lex: Lexicon) -> None:
    """Give every item its speaker span, in text order (see :mod:`.speakers` for the rules)."""
    events: list[tuple[int, int, object]] = [(it.start, 0, it) for it in items]
    events += [(pos, 1, (pos, pi, ref)) for pos, pi, ref in backward]
    events.sort(key=lambda e: (e[0], e[1]))
    done: list[_Item] = []
    for _, kind, ev in events:
        if kind == 1:
            pos, pi, ref = ev  # type: ignore[misc]
            for it in reversed(done):
                if it.para < pi - 1:
                    break
                if it.named:
                    break
                it.speaker = (ref.start, ref.end)
            continue
        it: _Item = ev  # type: ignore[assignment]
        if it.share is not None:
            it.speaker, it.named = it.share.speaker, it.share.named
        elif isinstance(it.ref, SpeakerRef):
            it.speaker, it.named = _speaker(text, it, it.ref, done, ments), it.ref.kind == "span"
        elif it.ref == "carry":
            last = _last_attributed(done, it.para)
            it.speaker = last.speaker if last else None
        done.append(it)
    for it in reversed(items):
        if it.next_item is not None and it.next_item.speaker is not None and it.cue_span is None:
            it.speaker = it.next_item.speaker


def _last_attributed(done: list[_Item], para: int) -> _Item | None:
    """The last quote with a speaker in the same or the previous paragraph."""
    for it in reversed(done):
        if it.para < para - 1:
            return None
        if it.speaker is not None:
            return it
    return None


def _speaker(text: str, it: _Item, ref: SpeakerRef, done: list[_Item], ments: Mentions) -> tuple[int, int] | None:
    if ref.kind == "span":
        return ref.start, ref.end  # type: ignore[return-value]
    pos = min(it.start, it.cue_span[0]) if it.cue_span else it.start
    if ref.kind == "pronoun":
        last = _last_attributed(done, it.para)
        if last is not None and last.speaker is not None:
            # a person who opens a sentence after that quote is the new topic: ... kata Kusnawan.
            # Abdian Saputra, Koordinator ..., juga menyampaikan harapan serupa. "...," katanya. -> Abdian
            # (unless the last speaker is named again after it: Aga meminta Anton ... "...," katanya -> Anton)
            after = max(last.end, last.speaker[1], last.cue_span[1] if last.cue_span else 0)
            m = ments.sentence_subject_between(text, after, pos)
            said = set(text[last.speaker[0] : last.speaker[1]].split())
            if m is None or any(said & set(text[a:b].split()) for a, b, _ in ments.within(m[1], pos, ("PERSON",))):
                return last.speaker
            return m[0], m[1]
        m = ments.last_person_before(text, pos)
        return (m[0], m[1]) if m else None
    if ref.kind == "role" and ref.role:
        m = ments.person_with_role(text, ref.role, pos)
        return (m[0], m[1]) if m else None
    return None
