"""Entities: named organisations (ORG), places (LOC) and persons (PER) in a section.

Recognition is rule-first and built from what `rules/` holds:

1. an `entity_ruler` matches the gazetteers (`rules/gazetteers/`: the 290
   municipalities with their official organisation names, the 21 counties and
   regions, national agencies, other organisations, places) in the basic and the
   genitive form, plus the token patterns of `rules/entities.yml`;
2. the `rapportextrakt_names` component adds persons (a first name from
   `first_names.txt` followed by capitalised surnames, or capitalised names after
   a cue such as `projektledare`), organisations named by their head
   (`Eskilstuna folkhögskola`, `Näringslivsenheten`) and capitalised multi-word
   names inside a sentence (`Retuna Återbruksgalleran`, `Coompanion Nord`);
3. optionally the statistical model in `models/ner-sv/` fills the gaps the rules
   leave (`statistical_model` in `rules/entities.yml`), and its guesses pass the
   same filters.

Normalisation: gazetteer names map to their canonical form (an organisation's
official name, a place's base form); other names lose a genitive `s` when the
word after them shows it is one (`Björn Söderbergs föreläsning`).
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import compress, groupby
from operator import attrgetter, itemgetter, not_
from pathlib import Path

from spacy import about
from spacy.attrs import IDX, IS_SPACE, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import EntityRuler, Sentencizer
from spacy.pipeline.entityruler import entity_ruler_score
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from pipeline import nlp, rules, user_cache
from pipeline.model import Entity, Section

RULES = "entities.yml"
CHUNK_CHARS = 100_000
LABELS = ("ORG", "LOC", "PER")

# Tokens after which the next word starts a sentence, a line or a list item.
_OPENERS = {":", "(", "[", '"', "“", "”", "„", "'", "’", "«", "»", "•", "*", "-", "–", "—", "/", ";", "|", "·"}
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’-]*(:s)?$")
_ACRONYM = re.compile(r"^[A-ZÅÄÖ]{2,}(:s)?$")


@dataclass(frozen=True)
class EntityRules:
    """Everything the entity rules need, loaded once from `rules/`."""

    names: dict[str, tuple[str, str]]  # surface form -> (label, normalized)
    first_names: frozenset[str]
    org_heads: frozenset[str]
    org_head_suffixes: tuple[str, ...]
    org_cues: frozenset[str]
    person_cues: frozenset[str]
    particles: frozenset[str]
    loc_suffixes: tuple[str, ...]
    stop_words: frozenset[str]
    ambiguous: frozenset[str]
    not_possessed: frozenset[str]
    surname_suffixes: tuple[str, ...]
    loc_cues: frozenset[str]
    place_suffixes: tuple[str, ...]
    directions: frozenset[str]
    patterns: tuple[dict, ...]
    statistical_model: bool


def genitive(name: str) -> str:
    """The genitive of a name: `Nyköping` -> `Nyköpings`, `Borås` -> `Borås`, `SKR` -> `SKR:s`."""
    last = name.split()[-1]
    if _ACRONYM.match(last):
        return name + ":s"
    if last[-1].lower() in "sxz":
        return name
    return name + "s"


def _read_table(name: str, columns: int) -> list[list[str]]:
    rows = []
    for line in rules.load_list(name):
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) < columns:
            raise rules.RulesError(f"rules/{name}: line {line!r} should have {columns} tab-separated columns")
        rows.append(cells)
    return rows


def _read_names(name: str) -> list[list[str]]:
    return [[part.strip() for part in line.split("|") if part.strip()] for line in rules.load_list(name)]


def _gazetteer() -> dict[str, tuple[str, str]]:
    """Every surface form the ruler matches, with its label and normalized form.

    Earlier entries win, so organisations come before places.
    """
    names: dict[str, tuple[str, str]] = {}

    def add(surface: str, label: str, normalized: str, with_genitive: bool = True) -> None:
        names.setdefault(surface, (label, normalized))
        if with_genitive:
            names.setdefault(genitive(surface), (label, normalized))

    municipalities = _read_table("gazetteers/municipalities.txt", 3)
    counties = _read_table("gazetteers/counties.txt", 3)
    for file in ("gazetteers/agencies.txt", "gazetteers/organisations.txt"):
        for variants in _read_names(file):
            for variant in variants:
                add(variant, "ORG", variants[0])
    for short, official, _county in municipalities:
        add(official, "ORG", official)
        for head in ("kommun", "Kommun"):
            add(f"{short} {head}", "ORG", official)
            add(f"{genitive(short)} {head}", "ORG", official)
        if official.lower().endswith(" stad"):
            add(f"{genitive(short)} stad", "ORG", official)
            add(f"{genitive(short)} Stad", "ORG", official)
    for cells in counties:
        county, short, region = cells[:3]
        aliases = [a.strip() for a in cells[3].split(";") if a.strip()] if len(cells) > 3 else []
        add(region, "ORG", region)
        add(f"Region {short}", "ORG", region)
        add(f"Landstinget {short}", "ORG", f"Landstinget {short}")
        add(f"Landstinget i {short}", "ORG", f"Landstinget i {short}")
        add(f"Landstinget i {county}", "ORG", f"Landstinget i {county}")
        add(f"{genitive(county)} landsting", "ORG", f"{genitive(county)} landsting")
        add(f"Länsstyrelsen i {county}", "ORG", f"Länsstyrelsen i {county}")
        add(f"Länsstyrelsen {short}", "ORG", f"Länsstyrelsen i {county}")
        for alias in aliases:
            if alias.startswith("Region "):
                add(alias, "ORG", region)
            else:
                add(alias, "LOC", alias)
                add(f"Region {alias}", "ORG", region)
                add(f"Landstinget {alias}", "ORG", f"Landstinget {alias}")
                add(f"Länsstyrelsen {alias}", "ORG", f"Länsstyrelsen i {county}")
        add(county, "LOC", county)
        add(short, "LOC", short)
    for short, _official, _county in municipalities:
        add(short, "LOC", short)
    for variants in _read_names("gazetteers/places.txt"):
        for variant in variants:
            add(variant, "LOC", variants[0])
    return names


@cache
def entity_rules() -> EntityRules:
    """Load and check `rules/entities.yml` and the gazetteers."""
    data = rules.load_yaml(RULES)
    patterns = rules.require(data, RULES, "patterns", list)
    for index, item in enumerate(patterns):
        if not isinstance(item, dict) or item.get("label") not in LABELS or not isinstance(item.get("pattern"), list):
            raise rules.RulesError(
                f"rules/{RULES}: 'patterns' item {index + 1} needs a label in {LABELS} and a pattern"
            )
    return EntityRules(
        names=_gazetteer(),
        first_names=frozenset(rules.load_list("gazetteers/first_names.txt")),
        org_heads=frozenset(rules.string_list(data, RULES, "org_heads")),
        org_head_suffixes=tuple(s.lower() for s in rules.string_list(data, RULES, "org_head_suffixes")),
        org_cues=frozenset(s.lower() for s in rules.string_list(data, RULES, "org_cues")),
        person_cues=frozenset(rules.string_list(data, RULES, "person_cues")),
        particles=frozenset(rules.string_list(data, RULES, "name_particles")),
        loc_suffixes=tuple(s.lower() for s in rules.string_list(data, RULES, "loc_suffixes")),
        stop_words=frozenset(rules.string_list(data, RULES, "stop_words")),
        ambiguous=frozenset(rules.string_list(data, RULES, "ambiguous_names")),
        not_possessed=frozenset(s.lower() for s in rules.string_list(data, RULES, "not_possessed")),
        surname_suffixes=tuple(s.lower() for s in rules.string_list(data, RULES, "surname_suffixes")),
        loc_cues=frozenset(s.lower() for s in rules.string_list(data, RULES, "loc_cues")),
        place_suffixes=tuple(s.lower() for s in rules.string_list(data, RULES, "place_suffixes")),
        directions=frozenset(rules.string_list(data, RULES, "direction_words")),
        patterns=tuple(patterns),
        statistical_model=bool(rules.require(data, RULES, "statistical_model", bool)),
    )


def ruler_patterns() -> list[dict]:
    """Patterns for spaCy's `entity_ruler`: every gazetteer form (id = normalized form) and the token patterns."""
    r = entity_rules()
    out: list[dict] = [
        {"label": label, "pattern": surface, "id": normalized} for surface, (label, normalized) in r.names.items()
    ]
    out.extend({"label": item["label"], "pattern": item["pattern"]} for item in r.patterns)
    return out


# --- the rule component ---------------------------------------------------------------------------------------


def is_common_word(word: str) -> bool:
    """Whether `word` (any case) is an ordinary Swedish word in spaCy's lemma table."""
    return nlp.in_lemma_table(word.lower())


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    normalized: str
    priority: int
    first: int = 0  # where its text begins and ends in the doc's text, set when it is chosen (`_set_ents`)
    last: int = 0


_SENTENCE_ENDS = frozenset(Sentencizer.default_punct_chars)
# `doc.user_data` key under which `_Ruler` leaves the tokens' ORTH, IDX and SPACY values, read in the same
# `to_array` call as its own, for the `_Reader` of the names component after it (which takes them away)
_TOKEN_ARRAYS = ("rapportextrakt", "orth_idx_spacy")
_CACHE_LIMIT = 200_000  # words remembered per process (a full cache is no longer added to)
_SWEDISH = frozenset("åäöÅÄÖ")
_FOLDED: dict[str, str] = {}


def fold(word: str) -> str:
    """`Irène` -> `Irene`, `Aïsha` -> `Aisha`: accents dropped, Swedish å, ä, ö kept."""
    folded = _FOLDED.get(word)
    if folded is not None:
        return folded
    if word.isascii() or _SWEDISH.issuperset(c for c in word if not c.isascii()):
        folded = word  # nothing to drop
    else:
        out = []
        for char in word:
            if char in _SWEDISH:
                out.append(char)
            else:
                out.extend(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        folded = "".join(out)
    if len(_FOLDED) < _CACHE_LIMIT:
        _FOLDED[word] = folded
    return folded


class _Word:
    """What the rules ask of one word, worked out once per process (`_Lexicon`).

    The flags depend only on the word's text and its spaCy lexeme, so every token of the word shares them.
    """

    __slots__ = (
        "text",
        "lower",
        "is_space",
        "is_punct",
        "ends_sentence",
        "name",
        "first_name",
        "first_cap",
        "known",
        "common",
        "acronym",
        "acronym_or_upper",
        "stop",
        "opener",
        "colon",
        "particle",
        "org_head",
        "person_cue",
        "org_cue",
        "loc_cue",
        "head_word",
        "lower_head",
        "head_suffix",
        "compound",
        "ordinary",
        "place_like",
        "loc_suffix",
        "mark",
        "hot",
    )


class _Lexicon:
    """The word-level tests of one set of rules, each worked out once per word (keyed by the lexeme's orth id)."""

    def __init__(self, r: EntityRules):
        self.r = r
        self.words: dict[int, _Word] = {}
        self._first_names: dict[str, bool] = {}
        self._heads = frozenset(r.org_heads)
        self._head_words = frozenset(r.org_heads) | frozenset(r.org_head_suffixes)
        # endings, tested with `str.endswith` on the word less the letters that must come before them: `s[k:]`
        # ends with a (non-empty) ending exactly when `s` does with at least `k` letters before it
        self._long_heads = tuple(sorted(head for head in r.org_heads if len(head) >= 5))
        self._suffix_forms = tuple(sorted({form for suffix in r.org_head_suffixes for form in (suffix, suffix + "s")}))

    def word(self, orth: int, vocab) -> _Word:
        """The `_Word` of a lexeme (looked up in `vocab` the first time)."""
        word = self.words.get(orth)
        if word is None:
            word = self._make(vocab[orth])
            if len(self.words) < _CACHE_LIMIT:
                self.words[orth] = word
        return word

    def _make(self, lexeme) -> _Word:
        r = self.r
        text = lexeme.orth_
        lower = lexeme.lower_
        w = _Word()
        w.text = text
        w.lower = lower
        w.is_space = lexeme.is_space
        w.is_punct = lexeme.is_punct
        w.ends_sentence = text in _SENTENCE_ENDS
        w.stop = text in r.stop_words
        w.name = bool(text[:1].isupper() and _NAME_WORD.match(text) and not w.stop and not lexeme.like_num)
        w.first_name = self.is_first_name(text)
        w.first_cap = w.first_name and text[:1].isupper()
        w.known = text in r.names or w.first_name
        # the rules ask `common` (and `ordinary`) only of name words and of `&`, which a run of names can hold:
        # other words are spared the look-up in the lemma table
        w.common = (w.name or text == "&") and is_common_word(text)
        w.acronym = bool(_ACRONYM.match(text))
        w.acronym_or_upper = w.acronym or lexeme.is_upper
        w.opener = text in _OPENERS
        w.colon = text == ":"
        w.particle = text in r.particles
        w.org_head = text in self._heads
        w.person_cue = text in r.person_cues
        w.org_cue = lower in r.org_cues
        w.loc_cue = lower in r.loc_cues
        w.head_word = lower in self._head_words
        w.lower_head = text.islower() and self._is_head(text)
        w.head_suffix = self.has_head_suffix(text)
        w.compound = w.name and not w.acronym and text not in r.names and w.head_suffix
        w.ordinary = w.stop or w.org_cue or (not w.known and w.common)
        base = lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower
        # a place suffix after at least two more letters (`Tanumshede`), in the word or in it less a genitive `s`
        w.place_like = lower[2:].endswith(r.place_suffixes) or base[2:].endswith(r.place_suffixes)
        w.loc_suffix = lower.endswith(r.loc_suffixes)
        # mark: a word after which a sentence or a line can start or a capital says nothing, or (a colon) which
        # makes the word before it a label; `_Reader` looks only at these for that. hot: a word a rule starts at.
        w.mark = w.is_space or w.ends_sentence or w.opener or w.colon
        w.hot = w.name or w.first_cap or w.person_cue or w.lower_head or w.compound
        return w

    def is_first_name(self, text: str) -> bool:
        known = self._first_names.get(text)
        if known is None:
            names = self.r.first_names
            known = text in names or fold(text) in names
            if not known:
                parts = text.split("-")
                known = len(parts) > 1 and all(p in names or fold(p) in names for p in parts)
            if len(self._first_names) < _CACHE_LIMIT:
                self._first_names[text] = known
        return known

    def looks_like_surname(self, text: str) -> bool:
        lower = text.lower()
        if lower.endswith("s") and not lower.endswith("ss"):
            lower = lower[:-1]
        return any(part.endswith(self.r.surname_suffixes) for part in lower.split("-") if len(part) > 3)

    def _is_head(self, text: str) -> bool:
        """`folkhögskola`, `kommuns`, `naturbruksgymnasium`: a lower-case word that names a kind of organisation."""
        if text in self._heads or (text.endswith("s") and text[:-1] in self._heads):
            return True
        if not text.islower():
            return False
        stem = text[:-1] if text.endswith("s") else text
        return stem[3:].endswith(self._long_heads)

    def has_head_suffix(self, text: str, min_stem: int = 3) -> bool:
        lower = text.lower()
        return lower[min_stem:].endswith(self._suffix_forms)


_LEXICONS: list[_Lexicon] = []


def _lexicon(r: EntityRules) -> _Lexicon:
    """The `_Lexicon` of `r`, kept for the rules last asked for (normally `entity_rules()`, loaded once)."""
    if not _LEXICONS or _LEXICONS[0].r is not r:
        _LEXICONS[:] = [_Lexicon(r)]
    return _LEXICONS[0]


_MARK = attrgetter("mark")
_HOT = attrgetter("hot")
_TEXT = attrgetter("text")
_NAME = attrgetter("name")


def _where(words: list[_Word], flag: Callable[[_Word], bool]) -> list[int]:
    """The indices of the words that have `flag` (`_MARK`, `_HOT`), in order."""
    return list(compress(range(len(words)), map(flag, words)))


def _sentence_starts(words: list[_Word], marks: list[int] | None = None) -> list[bool]:
    """Which tokens start a sentence, as spaCy's `sentencizer` decides it: the first token, and the first token
    after a sentence-ending mark (`.`, `!`, `?`, …) that is neither punctuation nor such a mark.

    `marks` lists the tokens whose word is a `mark` (all sentence-ending marks among them), if known."""
    n = len(words)
    starts = [False] * n
    if n:
        starts[0] = True
    if marks is None:
        marks = _where(words, _MARK)
    after = 0  # tokens before this one have been looked at
    for i in marks:
        if i < after or not words[i].ends_sentence:
            continue
        k = i + 1
        while k < n and (words[k].is_punct or words[k].ends_sentence):
            k += 1
        if k < n:
            starts[k] = True
        after = k
    return starts


class _Reader:
    """The rules applied to one `Doc`.

    The tokens' words (`_Word`) and the per-token facts the rules ask again and again (line starts, initial
    capitals, name words, joins) are read once into lists; the rules then work on indices.
    """

    def __init__(self, doc: Doc, r: EntityRules):
        self.doc = doc
        self.data = doc.user_data  # where the doc's `ruler_ents`, `chosen`, … are kept (`_doc_value`)
        self.r = r
        self.lex = lex = _lexicon(r)
        n = self.n = len(doc)
        kept = doc.user_data.pop(_TOKEN_ARRAYS, None)
        if kept is not None and len(kept[0]) == n:
            orths, self.idx, self._spaces = kept
        else:
            orths, self.idx, self._spaces = doc.to_array([ORTH, IDX, SPACY]).T.tolist() if n else ([], [], [])
        try:
            words = list(map(lex.words.__getitem__, orths))
        except KeyError:  # a word met for the first time (or not kept: the cache is full)
            vocab = doc.vocab
            words = [lex.word(orth, vocab) for orth in orths]
        self.words = words
        self.texts = list(map(_TEXT, words))  # with `_spaces` and `idx`: the doc's text, as spaCy rebuilds it
        self.name = list(map(_NAME, words))
        # hot: the tokens whose word is `hot`, in order: the rules start only at these.
        self.hot = _where(words, _HOT)
        # line_start: a token that starts a sentence or a line (spaCy keeps line breaks as space tokens; a token's
        # own whitespace is at most one space). initial: a token whose capital says nothing, at a sentence or line
        # start, or after `:`, `(`, a quote, a dash. joined: whether token `i` continues the name that token
        # `i - 1` belongs to (no break, label or line between), with one more entry (False) for the end.
        # Only the `mark` words change these for the tokens around them, so only they are looked at.
        marks = _where(words, _MARK)
        line_start = _sentence_starts(words, marks)
        for i in marks:
            if words[i].is_space and i + 1 < n:
                line_start[i + 1] = True
        initial = line_start[:]
        joined = [False, *map(not_, line_start[1:]), False] if n else [False]
        for i in marks:
            word = words[i]
            if word.opener and i + 1 < n:
                initial[i + 1] = True
            if word.colon and i >= 2:
                joined[i - 1] = False
        self.line_start = line_start
        self.initial = initial
        self._joined = joined
        self.gazetteer_cover: list[str | None] = [None] * n
        self.person_start = [False] * n

    def joined(self, i: int) -> bool:
        """Whether token `i` continues the name that token `i - 1` belongs to (no break, label or line between)."""
        return 0 < i < self.n and self._joined[i]

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens `start` to `end` (as `doc[start:end].text`): the tokens' texts, each but the last
        followed by its space if it has one."""
        if end <= start:
            return ""
        texts, spaces = self.texts, self._spaces
        last = end - 1
        return "".join([texts[k] + " " if spaces[k] else texts[k] for k in range(start, last)]) + texts[last]

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Where the text of tokens `start` to `end` begins and ends in the doc's text."""
        return self.idx[start], self.idx[end - 1] + len(self.texts[end - 1])

    # normalisation

    def possessed_after(self, end: int) -> bool:
        """Whether the token after a name reads as something the name owns (so a final `s` is a genitive)."""
        if end >= self.n:
            return False
        text = self.texts[end]
        return text.isalpha() and text.islower() and text not in self.r.not_possessed

    def strip_genitive(self, text: str, end: int, label: str) -> str:
        """`Eskilstunas` -> `Eskilstuna` where the gazetteer or the next word says the `s` is a genitive."""
        if text.endswith(":s"):
            return text[:-2]
        if not text.endswith("s") or text.endswith("ss") or len(text.split()[-1]) < 3:
            return text
        base = text[:-1]
        known = self.r.names.get(base)
        if known is not None:
            return known[1]
        if text in self.r.names:
            return self.r.names[text][1]
        if label == "ORG" and base.lower().endswith(self.r.org_head_suffixes + tuple(self.r.org_heads)):
            return base
        if self.possessed_after(end):
            return base
        return text

    def normalized(self, start: int, end: int, label: str) -> str:
        text = self.span_text(start, end)
        known = self.r.names.get(text)
        if known is not None and known[0] == label:
            return known[1]
        return self.strip_genitive(text, end, label)

    def trim_start(self, start: int, end: int, dictionary: bool = True) -> int:
        """Drop leading words whose capital says nothing (`Projektet`, `Denna`); keep `Kooperativet Bryggan`."""
        initial, words = self.initial, self.words
        while start < end - 1 and initial[start]:
            word = words[start]
            if word.head_word and self.name[start + 1]:
                break
            meaningless = word.stop or word.org_cue
            if not (meaningless or (dictionary and word.ordinary)):
                break
            start += 1
        return start

    # candidates

    def from_ruler(self) -> list[_Candidate]:
        out = []
        texts, joined, stop_words = self.texts, self._joined, self.r.stop_words
        found = self.data.get(_RULER_ENTS)
        if found is None:  # the ruler set `doc.ents` itself
            found = [(ent.start, ent.end, ent.label_, ent.ent_id_) for ent in self.doc.ents]
        for start, end, label, normalized in found:
            if normalized:
                if end - start == 1 and texts[start] in self.r.ambiguous and self.initial[start]:
                    continue
                for i in range(start, end):
                    self.gazetteer_cover[i] = label
                if label == "ORG" and texts[end - 1].endswith("s") and self._extends_with_head(end):
                    end += 1
                out.append(_Candidate(start, end, label, normalized, 3))
                continue
            cut = start + 1
            while cut < end and joined[cut] and texts[cut] not in stop_words:
                cut += 1
            end = cut
            start = self.trim_start(start, end, dictionary=False)
            if not (end - start == 1 and texts[start] in stop_words):
                out.append(_Candidate(start, end, label, self.normalized(start, end, label), 2))
        return out

    def _extends_with_head(self, end: int) -> bool:
        """`Tanums kommuns fritidsförvaltning`: a lower-case administration after an organisation's genitive."""
        if not self.joined(end):
            return False
        word = self.words[end]
        return word.text.isalpha() and word.text.islower() and word.head_suffix

    def persons(self) -> list[_Candidate]:
        out = []
        r, n, words, name, joined = self.r, self.n, self.words, self.name, self._joined
        cover = self.gazetteer_cover
        for i in self.hot:
            token = words[i]
            by_first_name = token.first_cap
            if not (by_first_name or (token.person_cue and i + 1 < n and joined[i + 1])):
                continue
            start = i if by_first_name else i + 1
            if not name[start]:
                continue
            end = start + 1
            while end < n and end - start < 4 and joined[end]:
                word = words[end]
                if word.particle and end + 1 < n and name[end + 1]:
                    end += 2
                    continue
                if not word.name or word.acronym or word.org_head:
                    break
                if end - start >= 2 and word.first_name and joined[end + 1] and name[end + 1]:
                    break  # a second person starts: "Malin Persson Sven-Erik Månsson"
                if end - start >= 2 and cover[end] == "LOC" and word.text not in r.ambiguous:
                    break  # "Edward Bloms Stockholm"
                end += 1
            if end - start < 2:
                continue
            if all(cover[start:end]):
                continue
            out.append(_Candidate(start, end, "PER", self.strip_genitive(self.span_text(start, end), end, "PER"), 4))
            self.person_start[start] = True
        return out

    def head_orgs(self) -> list[_Candidate]:
        """Capitalised name words and a lower-case head: `Eskilstuna folkhögskola`, `Dingle naturbruksgymnasium`."""
        out = []
        words, name, joined = self.words, self.name, self._joined
        for h in self.hot:
            if not words[h].lower_head or not joined[h]:
                continue
            start = h
            while start > 0 and name[start - 1] and joined[start]:
                start -= 1
            start = self.trim_start(start, h)
            if start == h or self.initial[start] and words[start].ordinary:
                continue
            if self.r.names.get(self.span_text(start, h), ("", ""))[0] == "ORG":
                continue
            out.append(_Candidate(start, h + 1, "ORG", self.normalized(start, h + 1, "ORG"), 3))
        return out

    def compound_orgs(self) -> list[_Candidate]:
        """A capitalised compound with an organisation's ending inside a sentence: `Näringslivsenheten`.

        `Arbetsmarknadsenheten i Borlänge`: an administration followed by `i` and a known place takes the place along.
        """
        out = []
        n, words, texts, joined, initial = self.n, self.words, self.texts, self._joined, self.initial
        for i in self.hot:
            token = words[i]
            if not token.compound or initial[i]:
                continue
            end = i + 1
            if (
                end + 1 < n
                and texts[end] == "i"
                and joined[end]
                and joined[end + 1]
                and self.r.names.get(texts[end + 1], ("", ""))[0] == "LOC"
                and token.lower.endswith(("enheten", "förvaltningen", "avdelningen"))
            ):
                end += 2
            out.append(_Candidate(i, end, "ORG", self.normalized(i, end, "ORG"), 2))
        return out

    def cue_orgs(self) -> list[_Candidate]:
        """A single unknown capitalised name after an organisation cue: `företaget Fixeria`."""
        out = []
        words, joined = self.words, self._joined
        for i in self.hot:
            token = words[i]
            if not token.name or not joined[i] or not words[i - 1].org_cue:
                continue
            if token.acronym or token.known or token.common:
                continue
            out.append(_Candidate(i, i + 1, "ORG", self.normalized(i, i + 1, "ORG"), 1))
        return out

    def cue_places(self) -> list[_Candidate]:
        """A single capitalised word after a place cue that looks like a place: `i Tanumshede`, `i Handen.`"""
        out = []
        n, words, name, joined, initial = self.n, self.words, self.name, self._joined, self.initial
        for i in self.hot:
            token = words[i]
            if not token.name or initial[i] or not i or not words[i - 1].loc_cue:
                continue
            if i + 1 < n and name[i + 1] and joined[i + 1]:
                continue  # part of a longer name
            if token.acronym or token.known or token.head_suffix:
                continue
            if token.common:
                following = words[i + 1] if i + 1 < n else None
                if following is not None and not (following.is_punct or following.lower in self.r.not_possessed):
                    continue
            elif not token.place_like:
                continue
            out.append(_Candidate(i, i + 1, "LOC", self.normalized(i, i + 1, "LOC"), 1))
        return out

    def capitalised_runs(self) -> list[_Candidate]:
        """Two or more capitalised name words in a row that no list knows: `Retuna Återbruksgalleran`."""
        out = []
        n, words, texts, name, joined = self.n, self.words, self.texts, self.name, self._joined
        after = 0  # tokens before this one belong to a run already read
        for i in self.hot:
            if i < after or not name[i]:
                continue
            end = i + 1
            while end < n and joined[end]:
                if name[end]:
                    end += 1
                elif texts[end] == "&" and end + 1 < n and name[end + 1]:
                    end += 2
                else:
                    break
            if end == i + 1:  # a single word is no run
                continue
            for k in range(i + 1, end):
                if self.person_start[k]:
                    end = k  # "V-ledaren Lars Ohly": the person is read by `persons`
                    break
            start = self.trim_start(i, end)
            after = max(end, i + 1)
            run = [k for k in range(start, end) if texts[k] != "&"]
            if len(run) < 2:
                continue
            if self.initial[start] and words[start].ordinary:
                continue
            if words[run[0]].first_name and not self.gazetteer_cover[start]:
                continue  # persons are read by `persons`
            if all(words[k].acronym_or_upper for k in run):
                continue
            label = self._run_label(start, end, [words[k] for k in run])
            if label is None:
                continue
            out.append(_Candidate(start, end, label, self.normalized(start, end, label), 1))
        return out

    def _run_label(self, start: int, end: int, words: list[_Word]) -> str | None:
        covered = self.gazetteer_cover[start:end]
        if all(covered):
            # "ABF Skellefteå": an organisation's local branch; a list of places stays a list.
            kinds = [label for k, label in enumerate(covered) if k == 0 or label != covered[k - 1]]
            return "ORG" if kinds == ["ORG", "LOC"] else None
        if words[-1].loc_suffix:
            return "LOC"
        if words[0].text in self.r.directions and covered[-1] == "LOC":
            return "LOC"
        if (
            len(words) <= 3
            and not covered[0]
            and self.lex.looks_like_surname(words[-1].text)
            and not words[0].common
            and not any(w.head_suffix for w in words)
        ):
            return "PER"
        return "ORG"

    def select(self, candidates: list[_Candidate]) -> list[_Candidate]:
        """Longest first, then the more trusted source; no two entities overlap."""
        taken = [False] * self.n
        chosen = []
        for c in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
            if c.end <= c.start or any(taken[c.start : c.end]):
                continue
            taken[c.start : c.end] = [True] * (c.end - c.start)
            chosen.append(c)
        return sorted(chosen, key=lambda c: c.start)

    def run(self) -> list[_Candidate]:
        candidates = self.from_ruler()
        candidates += self.persons()
        candidates += self.head_orgs()
        candidates += self.compound_orgs()
        candidates += self.cue_orgs()
        candidates += self.cue_places()
        candidates += self.capitalised_runs()
        return self.select(candidates)

    def accept_model_span(self, span: Span) -> bool:
        """Filters for the statistical model's guesses."""
        if span.label_ not in LABELS:
            return False
        words = [t for t in span if not t.is_punct]
        if not words or any(t.text in self.r.stop_words or not t.text[:1].isupper() for t in words):
            return False
        if any(self.line_start[k] for k in range(span.start + 1, span.end)):
            return False
        if len(words) == 1:
            word = words[0].text
            if self.initial[span.start] or _ACRONYM.match(word) or is_common_word(word):
                return False
        return True

    def model_label(self, span: Span) -> str:
        """The model's label, except that a single word it calls a place must look like one (`i Kabul`,
        `Stationsgatan`); otherwise it is an organisation or an initiative (`Norran`, `Jobbsteget`)."""
        if span.label_ != "LOC" or len(span) != 1:
            return span.label_
        lower = span.text.lower()
        if self.doc[span.start - 1].lower_ in self.r.loc_cues if span.start > 0 else False:
            return "LOC"
        if lower.endswith(self.r.loc_suffixes) or lower.endswith(self.r.place_suffixes):
            return "LOC"
        return "ORG"


# --- the gazetteer ruler --------------------------------------------------------------------------------------

_ANCHOR_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER}


def _anchors(token_pattern: list[dict]) -> list[tuple[int, frozenset[int]]] | None:
    """The words every match of a Matcher pattern holds, as `(attribute, string ids)`, one entry a token; None
    when the pattern names no such token.

    Such a token is one that must occur (no `OP`, `OP: "1"` or `OP: "+"`) and whose `ORTH`, `TEXT` or `LOWER` is
    a word or `{IN: [...]}`.
    """
    out = []
    for spec in token_pattern:
        if not isinstance(spec, dict) or spec.get("OP", spec.get("op", "1")) not in ("1", "+"):
            continue
        for key, value in spec.items():
            attr = _ANCHOR_ATTRS.get(str(key).upper())
            if attr is None:
                continue
            words = None
            if isinstance(value, str):
                words = [value]
            elif isinstance(value, dict) and len(value) == 1:
                ((operator, listed),) = value.items()
                if str(operator).upper() == "IN" and isinstance(listed, list):
                    words = listed
            if words is not None and all(isinstance(w, str) for w in words):
                out.append((attr, frozenset(get_string_id(w) for w in words)))
    return out or None


_Needs = list[tuple[int, frozenset[int]]]  # the words a token pattern needs, as `(attribute, string ids)`
_Holding = tuple[tuple[int, ...], frozenset[int], frozenset[int]]  # patterns (indices), their ORTH and LOWER words


def _holds(needs: _Needs, present: dict[int, frozenset[int]]) -> bool:
    """Whether the words `present` (by attribute) hold a word of each of `needs`."""
    return all(not ids.isdisjoint(present[attr]) for attr, ids in needs)


class _TokenPlan:
    """How `_Ruler` runs one set of token patterns on stretches of a doc, worked out when the patterns change.

    `patterns` are `(key, pattern)` in the order of the ruler's Matcher when `ordered`. A stretch is matched with
    a Matcher of only the patterns whose words it holds, added in that order. A Matcher follows each pattern on
    its own, so this one reports the same matches in the same order as the ruler's (a pattern missing a word it
    needs finds nothing), on fewer patterns. When the order is not known, every stretch is matched with the
    ruler's Matcher.
    """

    def __init__(self, ruler: EntityRuler, patterns: list[tuple[str, list[dict]]], needs: list[_Needs], ordered: bool):
        self.ruler = ruler
        self.patterns = patterns
        self.needs = needs
        self.ordered = ordered
        self.orth_ids = frozenset(i for need in needs for attr, ids in need if attr == ORTH for i in ids)
        self.lower_ids = frozenset(i for need in needs for attr, ids in need if attr == LOWER for i in ids)
        self._holding: dict[tuple[frozenset[int], frozenset[int]], _Holding] = {}
        self._matchers: dict[tuple[int, ...], Matcher] = {}

    def holding(self, orths: frozenset[int], lowers: frozenset[int]) -> _Holding:
        """The patterns whose words are all among `orths` and `lowers` (the pattern words a doc holds), and all
        their words by attribute; remembered for each such pair (there are few)."""
        key = (orths, lowers)
        found = self._holding.get(key)
        if found is None:
            present = {ORTH: orths, LOWER: lowers}
            indices = tuple(j for j, needs in enumerate(self.needs) if _holds(needs, present))
            words = [(attr, ids) for j in indices for attr, ids in self.needs[j]]
            found = (
                indices,
                frozenset(i for attr, ids in words if attr == ORTH for i in ids),
                frozenset(i for attr, ids in words if attr == LOWER for i in ids),
            )
            if len(self._holding) < _CACHE_LIMIT:
                self._holding[key] = found
        return found

    def matcher(self, indices: tuple[int, ...]) -> Matcher:
        """A Matcher of the patterns `indices` (in order), or the ruler's own when the order is not known."""
        if not self.ordered:
            return self.ruler.matcher
        matcher = self._matchers.get(indices)
        if matcher is None:
            matcher = Matcher(self.ruler.nlp.vocab, validate=False, fuzzy_compare=self.ruler.matcher_fuzzy_compare)
            for j in indices:
                key, pattern = self.patterns[j]
                matcher.add(key, [pattern])
            self._matchers[indices] = matcher
        return matcher


# --- the gazetteer's phrases, tokenized once --------------------------------------------------------------------

_Tokens = tuple[tuple[str, ...], tuple[bool, ...]]  # a phrase's words, and whether a space follows each


def _phrases_file(tokenizer: Tokenizer) -> Path:
    """The file in the user's cache folder that keeps the tokens of the ruler's phrases. Its name is a hash of
    Python's and spaCy's versions and of the tokenizer's rules, affixes and exceptions, so that a change of any
    of them tokenizes the phrases again; the file holds the phrases, so that a change of the gazetteers does."""
    digest = hashlib.sha256(f"{sys.version}\n{about.__version__}\n".encode())
    digest.update(tokenizer.to_bytes(exclude=["vocab"]))
    return user_cache.folder() / f"phrases-{digest.hexdigest()[:12]}.marshal"


def _read_phrases(path: Path, texts: list[str]) -> list[_Tokens] | None:
    """The tokens the file keeps for `texts`; None if it is missing or damaged or keeps other phrases."""
    try:
        kept, tokens = user_cache.read(path)
        if kept != texts or not isinstance(tokens, list) or len(tokens) != len(texts):
            return None
        for text, (words, spaces) in zip(texts, tokens, strict=True):
            # the words and spaces must make the phrase again, as the tokenizer's do
            if len(words) != len(spaces) or not all(words) or "".join(map(_with_space, words, spaces)) != text:
                return None
    except (ValueError, TypeError):  # not a pair, or a phrase's tokens not one
        return None
    return tokens


def _with_space(word: str, space: bool) -> str:
    return word + " " if space else word


class _Ruler(EntityRuler):
    """spaCy's `entity_ruler`, with its token patterns run only on the stretches of a doc that can match them.

    The gazetteer (phrase) patterns are matched as always. Each token pattern (`patterns` in `rules/entities.yml`)
    needs certain words (`Samordningsförbundet`; `AB`; `ekonomisk` and `förening`). When no token of any pattern
    can be a whitespace token (a line break, a run of spaces), a match lies within one stretch of text between
    two such tokens, and the Matcher, which is slow on long docs, runs only on the stretches that hold the words
    a pattern needs, with only the patterns whose words they hold (`_TokenPlan`). A token pattern without such
    words, or one that can match whitespace, makes the Matcher run on the whole doc. The matches, and so the
    entities, are the same.

    The phrases are tokenized once and their tokens kept in the user's cache folder (`_phrases_file`): tokenizing
    the gazetteer's 3,700 phrases, and making a Doc and lexemes for them, took 0.05 s of the ruler's 0.09 s of
    loading. From kept tokens, the PhraseMatcher gets the phrases' word ids, which it would read from their Docs,
    and the Docs of `phrase_patterns` are made only when it is first read (matching does not read it).
    """

    _plan_for: tuple[object, object, int, object] | None = None
    _plan: _TokenPlan | None = None
    # the token patterns as `(key, pattern)` in the order they were added, which is the Matcher's order
    _added: tuple[tuple[str, list[dict]], ...] = ()
    # phrase patterns added from kept tokens whose Docs are not made yet: (key, words, spaces, the components
    # before this one, which `EntityRuler.add_patterns` runs on a phrase's Doc). Set with `phrase_patterns`.
    _unmade: list[tuple[str, tuple[str, ...], tuple[bool, ...], tuple[Sentencizer, ...]]]
    _phrase_patterns: defaultdict[str, list[Doc]]

    @property  # type: ignore[override]
    def phrase_patterns(self) -> defaultdict[str, list[Doc]]:
        if self._unmade:
            unmade, self._unmade = self._unmade, []
            for key, words, spaces, before in unmade:
                doc = Doc(self.nlp.vocab, words=words, spaces=spaces)
                for component in before:
                    doc = component(doc)
                self._phrase_patterns[key].append(doc)
        return self._phrase_patterns

    @phrase_patterns.setter
    def phrase_patterns(self, value: defaultdict[str, list[Doc]]) -> None:
        self._phrase_patterns = value
        self._unmade = []

    def add_patterns(self, patterns: list[dict]) -> None:
        patterns = list(patterns)
        phrases = [
            (entry["label"], entry["pattern"], entry.get("id"))
            for entry in patterns
            if isinstance(entry["pattern"], str)
        ]
        before = self._before_if_plain()
        if phrases and before is not None and max(len(text) for _, text, _ in phrases) <= self.nlp.max_length:
            # as `EntityRuler.add_patterns`: the token patterns first, then the phrases
            super().add_patterns([entry for entry in patterns if not isinstance(entry["pattern"], str)])
            self._add_phrases(phrases, before)
        else:
            super().add_patterns(patterns)
        self._added += tuple(
            (self._create_label(entry["label"], entry["id"]) if "id" in entry else entry["label"], entry["pattern"])
            for entry in patterns
            if isinstance(entry["pattern"], list)
        )

    def _before_if_plain(self) -> tuple[Sentencizer, ...] | None:
        """The components before this one in the pipeline, which `EntityRuler.add_patterns` runs on the phrases,
        when the phrases' tokens are the tokenizer's: spaCy's tokenizer, only sentencizers before this component,
        phrases matched by their words. Else None."""
        if not isinstance(self.nlp.tokenizer, Tokenizer) or self.phrase_matcher_attr is not None:  # None: ORTH
            return None
        for index, (_name, component) in enumerate(self.nlp.pipeline):
            if component is self:
                before = tuple(earlier for _name, earlier in self.nlp.pipeline[:index])
                return before if all(isinstance(earlier, Sentencizer) for earlier in before) else None
        return None

    def _add_phrases(self, phrases: list[tuple[str, str, object]], before: tuple[Sentencizer, ...]) -> None:
        """Add the phrase patterns `(label, text, id)` as `EntityRuler.add_patterns` does, from their kept tokens
        when the cache folder has them."""
        keys = []
        for label, _text, ent_id in phrases:
            key = label
            if ent_id:  # as `EntityRuler.add_patterns`: a phrase's id counts only if it is truthy
                key = self._create_label(label, ent_id)
                self._ent_ids[self.matcher._normalize_key(key)] = (label, ent_id)
            keys.append(key)
        texts = [text for _label, text, _id in phrases]
        path = _phrases_file(self.nlp.tokenizer)
        tokens = _read_phrases(path, texts)
        added: list[Doc] | list[tuple[int, ...]]
        if tokens is None:
            with self.nlp.select_pipes(disable=self.nlp.pipe_names[len(before) :]):  # this one and those after it
                added = list(self.nlp.pipe(texts))
            for key, doc in zip(keys, added, strict=True):
                self.phrase_patterns[key].append(doc)
            tokens = [(tuple(t.text for t in doc), tuple(bool(t.whitespace_) for t in doc)) for doc in added]
            user_cache.write(path, (texts, tokens))  # an unwritable cache folder is left as it is
        else:
            self._unmade += [(key, words, spaces, before) for key, (words, spaces) in zip(keys, tokens, strict=True)]
            added = [tuple(map(get_string_id, words)) for words, _spaces in tokens]
        # the phrases of a key that follow each other in one call: the same PhraseMatcher as a call for each
        for key, group in groupby(zip(keys, added, strict=True), itemgetter(0)):
            self.phrase_matcher.add(key, [pattern for _key, pattern in group])

    def clear(self) -> None:
        super().clear()
        self._added = ()

    def _token_plan(self) -> _TokenPlan | None:
        """The plan for the token patterns; None if one names no word it needs, or if some token of a pattern can
        be a whitespace token (tried on a few kinds of them)."""
        count = sum(len(patterns) for patterns in self.token_patterns.values())
        cached = self._plan_for
        if (
            cached is None
            or cached[0] is not self.matcher
            or cached[1] is not self.token_patterns
            or cached[2] != count
            or cached[3] is not self._added
        ):
            grouped: dict[str, list[list[dict]]] = {}
            for key, pattern in self._added:
                grouped.setdefault(key, []).append(pattern)
            ordered = grouped == dict(self.token_patterns)  # else patterns were removed: the order is not known
            keyed = list(self._added) if ordered else [(k, p) for k, ps in self.token_patterns.items() for p in ps]
            needs = [_anchors(pattern) for _key, pattern in keyed]
            if None in needs or self._space_matching([pattern for _key, pattern in keyed]):
                self._plan = None
            else:
                self._plan = _TokenPlan(self, keyed, needs, ordered)
            self._plan_for = (self.matcher, self.token_patterns, count, self._added)
        return self._plan

    def _space_matching(self, patterns: list[list[dict]]) -> bool:
        """Whether some token of the patterns can be a whitespace token."""
        probe = Matcher(self.nlp.vocab, validate=False)
        for pattern in patterns:
            for spec in pattern:
                if isinstance(spec, dict):
                    probe.add("spec", [[{k: v for k, v in spec.items() if str(k).upper() != "OP"}]])
        words = [" ", "  ", "\n", "\n\n", " \n", "\t", "\r\n", "\xa0", "\u2003"]
        space_doc = Doc(self.nlp.vocab, words=words, spaces=[False] * len(words))
        return len(probe) > 0 and bool(probe(space_doc, allow_missing=True))

    def _token_windows(self, doc: Doc) -> list[tuple[int, int, Matcher]] | None:
        """The stretches `[start, end)` of `doc` between whitespace tokens that hold all the words some token
        pattern needs, each with a Matcher of the patterns it can match; None when the token patterns must be run
        on the whole doc."""
        plan = self._token_plan()
        if plan is None:
            return None
        n = len(doc)
        if not plan.needs or not n:
            return []
        # IDX and SPACY for the names component: one `to_array` call costs less than two
        orths, lowers, spaces, idx, space_after = doc.to_array([ORTH, LOWER, IS_SPACE, IDX, SPACY]).T.tolist()
        doc.user_data[_TOKEN_ARRAYS] = (orths, idx, space_after)
        # only the pattern words matter: the doc's own are looked up among them, not gathered into sets
        found_orths = plan.orth_ids.intersection(orths)
        found_lowers = plan.lower_ids.intersection(lowers)
        if not found_orths and not found_lowers:
            return []
        patterns, orth_wanted, lower_wanted = plan.holding(found_orths, found_lowers)
        if not patterns:  # no pattern finds the words it needs anywhere in the doc
            return []
        windows: list[tuple[int, int, Matcher]] = []
        start = 0
        for end in [*compress(range(n), spaces), n]:
            if end > start:
                present = {
                    ORTH: orth_wanted.intersection(orths[start:end]),
                    LOWER: lower_wanted.intersection(lowers[start:end]),
                }
                if present[ORTH] or present[LOWER]:
                    matching = tuple(j for j in patterns if _holds(plan.needs[j], present))
                    if matching:
                        windows.append((start, end, plan.matcher(matching)))
            start = end + 1
        return windows

    def _require_patterns(self) -> None:
        if len(self.matcher) == 0 and len(self.phrase_matcher) == 0:
            super()._require_patterns()

    def set_annotations(self, doc: Doc, matches) -> None:
        """On a doc without entities, keep the matches as `EntityRuler.set_annotations` would (longest first, none
        overlapping) in `doc._.ruler_ents` as `(start, end, label, id)`, without building a Span for each; the
        names component reads them from there and sets `doc.ents`."""
        if doc.has_annotation("ENT_IOB"):
            super().set_annotations(doc, matches)
            return
        taken: set[int] = set()
        kept = []
        strings = doc.vocab.strings
        for match_id, start, end in matches:
            if start in taken or end - 1 in taken:
                continue
            label, ent_id = self._ent_ids.get(match_id) or (strings[match_id], "")
            kept.append((start, end, label, ent_id))
            taken.update(range(start, end))
        kept.sort()
        doc.user_data[_RULER_ENTS] = kept

    def match(self, doc: Doc):
        windows = self._token_windows(doc)
        if windows is None:
            return super().match(doc)
        self._require_patterns()
        # As `EntityRuler.match`: the token matches first, then the phrase matches. (It also silences the Matcher's
        # warning that it has no patterns, which none of the Matchers run here can give.)
        matches = []
        for start, end, matcher in windows:
            matches += [(m_id, start + a, start + b) for m_id, a, b in matcher(doc[start:end])]
        matches += self.phrase_matcher(doc)
        final_matches = set([(m_id, start, end) for m_id, start, end in matches if start != end])
        return sorted(final_matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory(
    "rapportextrakt_ruler",
    default_config={"validate": False, "overwrite_ents": False},
)
def make_ruler(nlp: Language, name: str, validate: bool, overwrite_ents: bool) -> _Ruler:
    """The gazetteer `entity_ruler` (`_Ruler`); `ner()` adds it under the name `entity_ruler`."""
    return _Ruler(nlp, name, validate=validate, overwrite_ents=overwrite_ents, scorer=entity_ruler_score)


def _doc_value(name: str) -> tuple[str, str]:
    """The `doc.user_data` key of the extension `doc._.<name>` (None until set). The components read and write
    the key directly, as a doc passes through them: `doc._` makes a new object at each use."""
    key = ("rapportextrakt", name)
    Doc.set_extension(
        name,
        getter=lambda doc: doc.user_data.get(key),
        setter=lambda doc, value: doc.user_data.__setitem__(key, value),
        force=True,
    )
    return key


_CHOSEN = _doc_value("chosen")
_RULER_ENTS = _doc_value("ruler_ents")
_RULE_ENTS = _doc_value("rule_ents")


# `doc.user_data` key with which `extract_with` tells a last `rapportextrakt_names` component that it reads only
# `doc._.chosen`, so that the doc's own entities need not be set
_VALUES_ONLY = ("rapportextrakt", "values_only")


def _set_ents(reader: _Reader, chosen: list[_Candidate], values_only: bool = False) -> None:
    """Sets `chosen` as the entities of the reader's doc (unless `values_only`), and as `doc._.chosen`: the same
    entities as plain values, with their normalized names and where their text begins and ends."""
    doc = reader.doc
    for c in chosen:
        c.first, c.last = reader.chars(c.start, c.end)
    if not values_only:
        doc.set_ents([Span(doc, c.start, c.end, label=c.label) for c in chosen])  # as `doc.ents =`, one Span each
    reader.data[_CHOSEN] = chosen


@Language.factory("rapportextrakt_names")
def make_names_component(nlp: Language, name: str, clear: bool = False):
    """The rule component: reads the ruler's matches and adds persons, head-based and capitalised names.

    With `clear`, the rules' entities are kept aside (for `rapportextrakt_merge`) and `doc.ents` is emptied so
    that a statistical model after it predicts on the whole text. Without it, a doc that `extract_with` marks
    (`_VALUES_ONLY`, only when this component is the pipeline's last) gets its entities as `doc._.chosen` alone.
    """

    def names(doc: Doc) -> Doc:
        reader = _Reader(doc, entity_rules())
        chosen = reader.run()
        _set_ents(reader, chosen, values_only=bool(reader.data.pop(_VALUES_ONLY, False)) and not clear)
        reader.data[_RULE_ENTS] = chosen
        if clear:
            doc.ents = []
        return doc

    names.gives_values = not clear  # as the last component, its `doc._.chosen` are the doc's entities
    return names


@Language.factory("rapportextrakt_merge")
def make_merge_component(nlp: Language, name: str):
    """After the statistical model: the rules' entities first; the model's fill the gaps if they pass the filters."""

    def merge(doc: Doc) -> Doc:
        reader = _Reader(doc, entity_rules())
        chosen: list[_Candidate] = list(reader.data.get(_RULE_ENTS) or [])
        taken = [False] * len(doc)
        for c in chosen:
            for k in range(c.start, c.end):
                taken[k] = True
        for span in doc.ents:
            if any(taken[span.start : span.end]) or not reader.accept_model_span(span):
                continue
            label = reader.model_label(span)
            chosen.append(_Candidate(span.start, span.end, label, reader.normalized(span.start, span.end, label), 0))
        _set_ents(reader, sorted(chosen, key=lambda c: c.start))
        return doc

    return merge


def extract(section: Section) -> list[Entity]:
    """Named organisations, places and persons in the section."""
    return extract_with(section, nlp.ner())


def extract_with(section: Section, pipeline: Language) -> list[Entity]:
    """`extract` with a given entity pipeline (`nlp.ner(statistical=…)`), for measuring one against another."""
    out = []
    shared_vocab = pipeline.vocab is nlp.base().vocab
    # when the names component is last, no component changes its entities after it: they are read from
    # `doc._.chosen` alone, and the doc is spared a Span for each (its own doc, which no one else reads)
    components = pipeline.pipeline
    values_only = shared_vocab and bool(components) and getattr(components[-1][1], "gives_values", False)
    for offset, text in chunks(section.text):
        if shared_vocab:
            doc = nlp.own_tokens(text)
            if values_only:
                doc.user_data[_VALUES_ONLY] = True
            doc = pipeline(doc)
        else:
            doc = pipeline(text)
        chosen = doc.user_data.get(_CHOSEN)
        if chosen is not None and (values_only or len(chosen) == len(doc.ents)):  # read without a Span for each
            for c in chosen:
                found = text[c.first : c.last]
                out.append(Entity(found, c.label, c.normalized or found, offset + c.first, offset + c.last))
            continue
        out.extend(  # entities from other components: their text is their normalized name
            Entity(
                text=ent.text,
                label=ent.label_,
                normalized=ent.text,
                char_start=offset + ent.start_char,
                char_end=offset + ent.end_char,
            )
            for ent in doc.ents
        )
    return out


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """`text` as `(offset, piece)` pieces of at most about `limit` characters, cut at blank lines where possible
    (else at a line break or a space), so that a very long section neither exhausts memory nor exceeds spaCy's
    length limit. Pieces holding only whitespace are left out."""
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            for separator in ("\n\n", "\n", " "):
                cut = text.rfind(separator, start + limit // 2, end)
                if cut > start:
                    end = cut + len(separator)
                    break
        if text[start:end].strip():
            pieces.append((start, text[start:end]))
        start = end
    return pieces
