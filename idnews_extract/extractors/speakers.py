"""Speaker phrases next to a cue, and resolution of pronouns, ``-nya`` and role nouns to a mention.

A speaker phrase is read from the words right after a cue (``kata Kepala Dinas X Nedi Hamlet saat dihubungi``) or
before a verb (``Wakil Wali Kota H.Ismail, Selasa, mengatakan``), trimmed of context (``saat dihubungi``,
``kepada wartawan``, ``di Gedung DPR``, day names). When the cue names no one, the speaker is resolved: a pronoun
or ``-nya`` to the most recent attributed speaker in the same or previous paragraph, else the most recent PERSON
mention; a role noun to the PERSON last introduced with that role; otherwise None (never guessed).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .cues import DEMONSTRATIVES, Lexicon, Token
from .entity_rules import common_word, first_name_like, starts_title

__all__ = ["Mention", "SpeakerRef", "Mentions", "phrase_after", "phrase_before"]

Mention = tuple[int, int, str]

_SPEAKER_LABELS = ("PERSON", "ORG")
_SENTENCE_WINDOW = 600  # characters looked back for the start of a sentence
_SENTENCE_ENDS = frozenset('.!?"”\n')  # what stands before a sentence (spaces aside)
_MAX_COMPLEMENT_WORDS = 3  # lower-case words after a role noun in a speaker phrase (pengamat ekonomi senior)
_MAX_LOOKBACK = 500  # mentions looked back for a person: bounded work per cue on hostile input


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """What a cue says about its speaker.

    ``kind``: ``"span"`` (named: ``start``/``end`` is the name), ``"pronoun"`` (ia/dia/beliau/-nya: resolve),
    ``"role"`` (a role noun alone: resolve through ``role``), ``"none"`` (nobody a reader can tell: plural
    pronoun, generic noun).
    """

    kind: str
    start: int | None = None
    end: int | None = None
    role: str | None = None


NONE = SpeakerRef("none")
PRONOUN = SpeakerRef("pronoun")


class Mentions:
    """The NER mentions sorted by start, with position lookups."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.items = sorted((m for m in mentions if m[0] < m[1]), key=lambda m: (m[0], -m[1]))
        self.starts = [m[0] for m in self.items]

    def within(self, lo: int, hi: int, labels: tuple[str, ...] = _SPEAKER_LABELS) -> list[Mention]:
        i = bisect_left(self.starts, lo)
        out = []
        while i < len(self.items) and self.items[i][0] < hi:
            if self.items[i][2] in labels:
                out.append(self.items[i])
            i += 1
        return out

    def last_person_before(self, text: str, pos: int) -> Mention | None:
        """The subject of the last sentence before ``pos`` that names a person: its first PERSON mention
        (``Satya ... mendukung kebijakan ... Presiden Joko Widodo. Menurut dia`` -> Satya)."""
        i = bisect_left(self.starts, pos) - 1
        stop = max(-1, i - _MAX_LOOKBACK)
        while i > stop:
            m = self.items[i]
            if m[2] == "PERSON" and m[1] <= pos:
                break
            i -= 1
        else:
            return None
        floor = max(0, m[0] - _SENTENCE_WINDOW)  # bounded: linear on a text without full stops
        sentence = max(text.rfind(". ", floor, m[0]), text.rfind("\n", floor, m[0]), floor - 1)
        first = m
        while i > 0 and self.items[i - 1][0] > sentence:
            i -= 1
            if self.items[i][2] == "PERSON":
                first = self.items[i]
        return first

    def sentence_subject_between(self, text: str, lo: int, hi: int) -> Mention | None:
        """The last PERSON mention in ``[lo, hi)`` that opens a sentence (only spaces after a full stop,
        a closing quote mark or a line end before it)."""
        for m in reversed(self.within(lo, hi, ("PERSON",))):
            i, floor = m[0], max(0, m[0] - _SENTENCE_WINDOW)
            while i > floor and text[i - 1] == " ":
                i -= 1
            if i == 0 or text[i - 1] in _SENTENCE_ENDS:
                return m
        return None

    def person_with_role(self, text: str, role: str, pos: int, window: int = 60) -> Mention | None:
        """The most recent PERSON before ``pos`` written with ``role`` just before it (``Presiden Joko Widodo``)."""
        role_low = role.lower()
        i = bisect_left(self.starts, pos) - 1
        stop = max(-1, i - _MAX_LOOKBACK)
        while i > stop:
            m = self.items[i]
            if m[2] == "PERSON" and m[1] <= pos:
                before = text[max(0, m[0] - window) : m[0]]
                k = before.lower().rfind(role_low)
                if k >= 0:
                    between = before[k + len(role_low) :].replace(",", " ").split()
                    if all(w[:1].isupper() for w in between):
                        return m
            i -= 1
        return None


def _pick(cands: list[Mention]) -> Mention | None:
    for label in _SPEAKER_LABELS:
        for m in cands:
            if m[2] == label:
                return m
    return None


def _unfound_name(toks: list[Token], cands: list[Mention], lex: Lexicon, last: bool) -> Mention | None:
    """A person's name the NER stage missed beside organisation mentions (``Direktur ... Bank Indonesia,
    Juda Agung,``): a capitalised run outside every mention that starts with a first name."""
    names: list[list[Token]] = []  # runs that start with a first name and do not run on into a mention
    run: list[Token] = []
    role = _role_words(toks, lex)
    for k, t in enumerate([*toks, None]):
        inside = t is not None and any(m[0] <= t.start < m[1] for m in cands)
        if t is not None and not inside and _is_name_word(t, lex) and k not in role:
            run.append(t)
            continue
        if run and not inside and first_name_like(run[0].text):  # into a mention: a role (Sumber Daya Manusia KPU)
            names.append(run)
        run = []
    if not names:
        return None
    run = names[-1] if last else names[0]
    return run[0].start, run[-1].end, "PERSON"


def _role_words(toks: list[Token], lex: Lexicon) -> set[int]:
    """Indexes of the tokens in role nouns, one word or several (``Juru Bicara``, ``Kuasa Hukum``)."""
    out: set[int] = set()
    for k in range(len(toks)):
        out.update(range(k, k + lex.match_phrase("role_noun", [t.text for t in toks[k : k + 3]])))
    return out


def _is_name_word(tok: Token, lex: Lexicon) -> bool:
    t = tok.text
    return (t[:1].isupper() or t[:1] in "@#") and not lex.in_cat("day", t) and not lex.in_cat("pronoun", t) \
        and not common_word(t)


def _from_words(text: str, toks: list[Token], mentions: Mentions, lex: Lexicon, last: bool) -> SpeakerRef | None:
    """Speaker in a short phrase: a PERSON/ORG mention, a handle, a capitalised name, a pronoun or a role noun."""
    if not toks:
        return None
    lo, hi = toks[0].start, toks[-1].end
    cands = mentions.within(lo, hi)
    if cands:
        persons = [m for m in cands if m[2] == "PERSON"]
        m = (persons[-1] if last else persons[0]) if persons else _unfound_name(toks, cands, lex, last)
        if m is None:
            m = cands[-1] if last else _pick(cands)
        return SpeakerRef("span", m[0], m[1]) if m is not None else None
    for t in toks:
        if t.text[:1] == "@":
            return SpeakerRef("span", t.start, t.end)
    words = [t.low for t in toks]
    if len(toks) == 1 and lex.in_cat("pronoun", words[0]):
        return PRONOUN
    if any(lex.in_cat("pronoun_plural", w) for w in words):
        return NONE
    # capitalised run (a name the NER stage did not find), roles in front left out
    run: list[Token] = []
    for t in toks:
        if _is_name_word(t, lex):
            run.append(t)
        elif run and t.low in ("bin", "binti", "van", "de", "al"):
            run.append(t)
        else:
            run = [] if not last else run
    lead = 0
    while lead < len(run) and lex.in_cat("role_noun", run[lead].text):
        lead += 1
    if lead and len(run) - lead == 1:  # a role and its complement (Menko Polhukam): the person who holds it
        return SpeakerRef("role", role=" ".join(t.text for t in run))
    run = run[lead:]
    if run and not all(lex.in_cat("role_noun", t.text) for t in run):
        run = run[-3:]
        return SpeakerRef("span", run[0].start, run[-1].end)
    roles = [t for t in toks if lex.in_cat("role_noun", t.text)]
    if roles:
        return SpeakerRef("role", role=" ".join(t.text for t in toks[toks.index(roles[0]) :]))
    return None


def phrase_after(text: str, toks: list[Token], i: int, mentions: Mentions, lex: Lexicon,
                 limit: int) -> tuple[SpeakerRef | None, int]:
    """Read the speaker phrase starting at ``toks[i]`` (right after a cue word) up to offset ``limit``.

    Returns the reference and the offset where the phrase (context excluded) ends. The phrase stops at a
    comma or full stop, a quote mark, a context word (``saat``, ``kepada``, ``di``), a day name; a role takes
    up to three lower-case words before the name (``menurut pengamat ekonomi Budi``); one comma is crossed
    when no name has been seen yet and a role or an organisation came before it, or a person follows it
    (``kata Ketua KPU Sulut, Salman``); a role closed by ``ini``/``itu`` is a pronoun
    (``ucap pelatih asal Jepang itu``).
    """
    if i >= len(toks) or toks[i].start >= limit:
        return None, toks[i - 1].end if i else 0
    first = toks[i]
    if lex.in_cat("pronoun", first.low) or lex.in_cat("pronoun_plural", first.low):
        ref = PRONOUN if lex.in_cat("pronoun", first.low) else NONE
        end = first.end
        if i + 1 < len(toks) and toks[i + 1].low == "lagi":
            end = toks[i + 1].end
        return ref, end
    chosen: list[Token] = []
    crossed = False
    role_seen = named = False
    lower = 0
    j = i
    while j < len(toks) and toks[j].start < limit and len(chosen) < 14:
        t = toks[j]
        gap = text[toks[j - 1].end : t.start] if j > i else ""
        if any(ch in gap for ch in ".;:!?\"“”()\n"):
            break
        if "," in gap:
            # a role and its organisation are no name yet: kata Juru Bicara KPK, Febri Diansyah
            cands = mentions.within(chosen[0].start, chosen[-1].end) if chosen else []
            has_name = any(m[2] == "PERSON" for m in cands) or _unfound_name(chosen, cands, lex, last=True) is not None
            # cross after a role (a role noun, a title, an organisation), or to a person after other words
            a_role = bool(_role_words(chosen, lex)) or any(m[2] == "ORG" for m in cands) \
                or any(starts_title(chosen, k) for k in range(len(chosen)))  # type: ignore[arg-type]
            person_next = any(m[0] == t.start for m in mentions.within(t.start, t.end, ("PERSON",)))
            if has_name or crossed or not (a_role or person_next):
                break
            crossed = True
        if lex.match_phrase("context", [t.text]) or lex.in_cat("day", t.text) or t.low in ("lagi", "yang"):
            break
        inside = [m for m in mentions.within(t.start, t.end + 1) if m[0] <= t.start < m[1]]
        # lower-case words of a role before the name: menurut pengamat | ekonomi | Budi Santoso, ungkap Deputi
        # | bidang | Koordinasi ...
        role_noun = lex.in_cat("role_noun", t.text)
        complement = role_seen and not named and lower < _MAX_COMPLEMENT_WORDS and t.text.isalpha() \
            and t.text.islower() and t.low not in DEMONSTRATIVES and not role_noun
        if not (t.text[:1].isupper() or t.text[:1] in "@#" or inside or role_noun
                or (chosen and t.low in ("dan", "bin", "binti", "van", "de", "al", "untuk")) or complement):
            break
        lower += complement
        role_seen = role_seen or role_noun or starts_title(toks, j)  # type: ignore[arg-type]
        named = named or any(m[2] == "PERSON" for m in inside)
        chosen.append(t)
        j += 1
    if not chosen:
        return None, first.start
    if j < len(toks) and toks[j].low in DEMONSTRATIVES and chosen[0].text.islower() \
            and lex.in_cat("role_noun", chosen[0].text):
        return PRONOUN, toks[j].end  # ucap pelatih asal China ini: a description of someone already named
    ref = _from_words(text, chosen, mentions, lex, last=False)
    return ref, chosen[-1].end


def phrase_before(text: str, toks: list[Token], mentions: Mentions, lex: Lexicon) -> SpeakerRef | None:
    """The speaker in a subject stretch before a verb (``Kepala Dinas ... Nedi Hamlet``, ``Ia``, ``Pemerintah``)."""
    words = [t for t in toks if not lex.in_cat("adverb", t.text) and not lex.in_cat("day", t.text)]
    if not words:
        return None
    if lex.in_cat("pronoun", words[-1].text):
        return PRONOUN
    if lex.in_cat("pronoun_plural", words[-1].text):
        return NONE
    if len(words) > 1 and words[-1].low in DEMONSTRATIVES and not _is_name_word(words[0], lex):
        return PRONOUN  # politisi Partai Gerindra itu, Model dan aktris 24 tahun itu: someone already named
    lo, hi = toks[0].start, toks[-1].end
    cands = mentions.within(lo, hi)
    if cands:
        persons = [m for m in cands if m[2] == "PERSON"]
        m = persons[-1] if persons else _unfound_name(toks, cands, lex, last=True) or cands[-1]
        return SpeakerRef("span", m[0], m[1])
    ref = _from_words(text, words, mentions, lex, last=True)
    return ref if ref is not None else NONE
