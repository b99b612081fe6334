"""Figures: every number in a section that means something, with what it counts.

Numbers are found by `numbers.find` (numerals, number words, ranges, money,
percent; dates, phone numbers and the like left out). Tables and participant
tables written out line by line are read by `tables`. Every other number gets
its category from the noun it counts and the words around it: the noun's class
(`people` or `things` in `rules/figures.yml`), and for people the nearest
trigger phrase in the sentence (`lockade 140 personer` → attendance, `har gått
vidare till arbete` → outcomes), matched on lemmas by a phrase index built
from spaCy `Matcher`-style token patterns.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import compress

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LIKE_NUM, SPACY
from spacy.tokens import Token

from pipeline import nlp, rules
from pipeline.extract import numbers, tables
from pipeline.extract.numbers import Number
from pipeline.model import Figure, Section

RULES = "figures.yml"
PEOPLE = "people"
THINGS = "things"
PEOPLE_CATEGORIES = ("participants", "attendance", "registrations", "outcomes")
_CLASS = "figure_class"
_MAX_TRIGGER_DISTANCE = 12
_LINE_BREAK = re.compile("\n")

if not Token.has_extension(_CLASS):
    Token.set_extension(_CLASS, default=None)


@dataclass(frozen=True)
class Noun:
    """What a counted noun is: `people` or `things`, its category, and the unit (its lemma)."""

    kind: str
    category: str
    unit: str
    head: str = ""


@dataclass
class Lexicon:
    """The vocabulary of `rules/figures.yml`, lemmatised, and the index of trigger phrases."""

    nouns: dict[str, tuple[str, str]]
    phrases: dict[str, tuple[str, str, str]]
    unit_aliases: dict[str, str]
    gender: dict[str, str]
    totals: frozenset[str]
    planned: frozenset[str]
    actual: frozenset[str]
    breakdown: frozenset[str]
    pronouns: frozenset[str]
    coordination: frozenset[str]
    base_before: frozenset[str]
    article_before: frozenset[str]
    population_after: frozenset[str]
    count_labels: frozenset[str]
    stop_after: frozenset[str]
    modifiers: frozenset[str]
    modifier_endings: tuple[str, ...]
    noun_endings: tuple[str, ...]
    partitive: frozenset[str]
    label_glue: frozenset[str]
    max_modifiers: int
    event_dependent: frozenset[str]
    not_events: frozenset[str]
    durations: frozenset[str]
    meeting_nouns: frozenset[str]
    meeting_unit: str
    table_default: str
    abbreviations: frozenset[str]
    percent_labels: frozenset[str]
    trigger_order: tuple[str, ...]
    phrase_index: _PhraseIndex = field(repr=False)

    def noun(self, word: str) -> Noun | None:
        """The class of a counted noun, recognising compounds by their last part."""
        return _noun(word.lower())

    def label(self, word: str) -> tuple[str, str | None] | None:
        """A table label: `('gender', 'women'|'men'|None)` (None for a total) or `('measure', 'planned'|'actual')`."""
        word = word.strip(":;,.()[]").lower()
        if not word:
            return None
        lem = lemma(word)
        if word in self.gender or lem in self.gender:
            return "gender", self.gender.get(word) or self.gender[lem]
        if word in self.totals or lem in self.totals:
            return "gender", None
        if lem in self.planned or word in self.planned:
            return "measure", "planned"
        if lem in self.actual or word in self.actual:
            return "measure", "actual"
        return None

    def unit_of(self, noun: Noun) -> str:
        return self.unit_aliases.get(noun.unit, noun.unit) if noun.kind == PEOPLE else noun.unit

    def describe(self, text: str | None) -> tuple[str | None, str | None]:
        """The category and unit a label or heading speaks of (`Antal deltagare` → participants, person)."""
        if not text or not text.strip():
            return None, None
        return _describe(" ".join(text.split()))


@dataclass(frozen=True)
class _PhraseIndex:
    """The `Matcher`'s phrases as steps, filed under what their first word must be.

    A step is `(attribute, values, 0, 0)` for one token whose `lemma`, `lower` or `cls` is among the values,
    or `("any", None, low, high)` for `low` to `high` tokens that are not punctuation. `anywhere` holds the
    phrases that begin with such a gap.
    """

    lemma: dict[str, tuple[tuple[str, str, tuple], ...]]
    lower: dict[str, tuple[tuple[str, str, tuple], ...]]
    cls: dict[str, tuple[tuple[str, str, tuple], ...]]
    anywhere: tuple[tuple[str, str, tuple], ...]


@dataclass(slots=True)
class _Match:
    family: str  # "cat" or "measure"
    name: str
    start: int  # token indices
    end: int
    start_char: int
    end_char: int


# --------------------------------------------------------------------------- lemmas


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The lower-case lemma of a word (`nlp.lemma_of`), remembered for the words reports repeat."""
    return nlp.lemma_of(word)


# --------------------------------------------------------------------------- rules


def _words(data: dict, key: str) -> frozenset[str]:
    values = rules.string_list(data, RULES, key)
    return frozenset({v.lower() for v in values} | {lemma(v) for v in values})


def _pattern(phrase: str, lex_classes: dict[str, list[str]], where: str) -> list[dict]:
    """A trigger phrase (`gå * till arbete|studier`, `=kom`, `per @activities`) as Matcher token patterns."""
    tokens: list[dict] = []
    for part in phrase.split():
        if part == "*":
            tokens.append({"IS_PUNCT": False, "OP": "{0,3}"})
        elif part.startswith("@"):
            name = part[1:]
            if name not in lex_classes:
                raise rules.RulesError(f"rules/{RULES}: {where}: unknown class {part!r} in {phrase!r}")
            tokens.append({"_": {_CLASS: {"IN": lex_classes[name]}}})
        elif part.startswith("="):
            tokens.append({"LOWER": {"IN": [w.lower() for w in part[1:].split("|") if w]}})
        else:
            alternatives = [w for w in part.split("|") if w]
            tokens.append(
                {"LEMMA": {"IN": sorted({lemma(w) for w in alternatives} | {w.lower() for w in alternatives})}}
            )
    if not tokens or all(t.get("OP") for t in tokens):
        raise rules.RulesError(f"rules/{RULES}: {where}: phrase {phrase!r} has no words")
    return tokens


def _merged(patterns: list[list[dict]]) -> list[list[dict]]:
    """One-word patterns joined into one per attribute: matching costs grow with the number of patterns."""
    merged: dict[str, set[str]] = {}
    longer = []
    for pattern in patterns:
        if len(pattern) == 1 and set(pattern[0]) in ({"LEMMA"}, {"LOWER"}):
            attr = next(iter(pattern[0]))
            merged.setdefault(attr, set()).update(pattern[0][attr]["IN"])
        else:
            longer.append(pattern)
    return [[{attr: {"IN": sorted(words)}}] for attr, words in merged.items()] + longer


@cache
def lexicon() -> Lexicon:
    """The rules of `rules/figures.yml`, validated, lemmatised and compiled."""
    data = rules.load_yaml(RULES)
    nouns: dict[str, tuple[str, str]] = {}
    phrases: dict[str, tuple[str, str, str]] = {}
    class_sets: dict[str, set[str]] = {}
    for kind in (PEOPLE, THINGS):
        groups = rules.require(data, RULES, kind, dict)
        for category in groups:
            for word in rules.string_list(groups, RULES, category):
                if " " in word.strip():  # "öppet hus": matched on the lemmas of its words
                    key = " ".join(lemma(w) for w in word.split())
                    phrases.setdefault(key, (kind, str(category), " ".join(word.lower().split())))
                    continue
                for form in {word.lower(), lemma(word)}:
                    nouns.setdefault(form, (kind, str(category)))
            class_sets.setdefault(str(category), set()).add(f"{kind}:{category}")
            class_sets.setdefault(kind, set()).add(f"{kind}:{category}")
    classes = {name: sorted(values) for name, values in class_sets.items()}
    aliases = {lemma(str(k)): str(v) for k, v in rules.require(data, RULES, "unit_aliases", dict).items()}
    gender_rules = rules.require(data, RULES, "gender", dict)
    gender: dict[str, str] = {}
    for value in ("women", "men"):
        for word in rules.string_list(gender_rules, RULES, value):
            gender[word.lower()] = value
    measure = rules.require(data, RULES, "measure", dict)
    triggers = rules.require(data, RULES, "triggers", dict)
    article = rules.require(data, RULES, "article_counts", dict)
    max_modifiers = rules.require(data, RULES, "max_modifiers", int)
    table_default = rules.require(data, RULES, "table_default", str)

    compiled: list[tuple[str, str, list[list[dict]]]] = []
    for category in triggers:
        if category not in PEOPLE_CATEGORIES:
            raise rules.RulesError(
                f"rules/{RULES}: triggers: {category!r} is not one of {', '.join(PEOPLE_CATEGORIES)}"
            )
        patterns = [_pattern(p, classes, f"triggers/{category}") for p in rules.string_list(triggers, RULES, category)]
        compiled.append(("cat", str(category), _merged(patterns)))
    for name in ("planned", "actual", "actual_weak"):
        patterns = [_pattern(p, classes, f"measure/{name}") for p in rules.string_list(measure, RULES, name)]
        compiled.append(("measure", name, _merged(patterns)))
    meetings = rules.require(data, RULES, "meetings", dict)
    patterns = [_pattern(p, classes, "meetings/verbs") for p in rules.string_list(meetings, RULES, "verbs")]
    compiled.append(("meet", "meeting", _merged(patterns)))

    def single(words: list[str]) -> frozenset[str]:
        """The one-word entries of a phrase list, as table labels."""
        plain = [w.lower() for w in words if " " not in w and not w.startswith(("=", "@")) and "|" not in w]
        return frozenset(plain) | frozenset(lemma(w) for w in plain)

    return Lexicon(
        nouns=nouns,
        phrases=phrases,
        unit_aliases=aliases,
        gender=gender | {lemma(w): g for w, g in gender.items()},
        totals=_words(data, "totals"),
        planned=single(rules.string_list(measure, RULES, "planned")),
        actual=single(rules.string_list(measure, RULES, "actual")),
        breakdown=_words(data, "breakdown"),
        pronouns=_words(data, "partitive_pronouns"),
        coordination=_words(data, "coordination"),
        base_before=_words(data, "base_before"),
        article_before=frozenset(w.lower() for w in rules.string_list(article, RULES, "before")),
        population_after=frozenset(
            " ".join(w.lower().split()) for w in rules.string_list(data, RULES, "population_after")
        ),
        count_labels=_words(data, "count_labels"),
        stop_after=_words(data, "stop_after"),
        modifiers=_words(data, "modifiers"),
        modifier_endings=tuple(w.lower() for w in rules.string_list(data, RULES, "modifier_endings")),
        noun_endings=tuple(w.lower() for w in rules.string_list(data, RULES, "noun_endings")),
        partitive=frozenset(w.lower() for w in rules.string_list(data, RULES, "partitive")),
        label_glue=frozenset(w.lower() for w in rules.string_list(data, RULES, "label_glue")),
        max_modifiers=max_modifiers,
        event_dependent=_words(data, "event_dependent"),
        not_events=_words(data, "not_events"),
        durations=_words(data, "durations"),
        meeting_nouns=_words(meetings, "nouns"),
        meeting_unit=rules.require(meetings, RULES, "unit", str),
        table_default=table_default,
        abbreviations=frozenset(w.lower().rstrip(".") for w in rules.string_list(data, RULES, "abbreviations")),
        percent_labels=_words(data, "percent_labels"),
        trigger_order=tuple(str(c) for c in triggers),
        phrase_index=_index(compiled),
    )


def _step(token: dict) -> tuple:
    """One `Matcher` token pattern made by `_pattern` as a step of `_PhraseIndex`."""
    if set(token) == {"IS_PUNCT", "OP"} and token["IS_PUNCT"] is False:
        low, high = (int(n) for n in token["OP"].strip("{}").split(","))
        return "any", None, low, high
    if set(token) == {"LEMMA"}:
        return "lemma", frozenset(token["LEMMA"]["IN"]), 0, 0
    if set(token) == {"LOWER"}:
        return "lower", frozenset(token["LOWER"]["IN"]), 0, 0
    if set(token) == {"_"} and set(token["_"]) == {_CLASS}:
        return "cls", frozenset(token["_"][_CLASS]["IN"]), 0, 0
    raise ValueError(f"unexpected token pattern {token!r}")


def _index(compiled: list[tuple[str, str, list[list[dict]]]]) -> _PhraseIndex:
    by_attr: dict[str, dict[str, list[tuple[str, str, tuple]]]] = {"lemma": {}, "lower": {}, "cls": {}}
    anywhere = []
    for family, name, patterns in compiled:
        for pattern in patterns:
            steps = tuple(_step(token) for token in pattern)
            entry = (family, name, steps)
            kind, values = steps[0][0], steps[0][1]
            if kind == "any":
                anywhere.append(entry)
                continue
            for value in values:
                by_attr[kind].setdefault(value, []).append(entry)
    frozen = {kind: {v: tuple(entries) for v, entries in table.items()} for kind, table in by_attr.items()}
    return _PhraseIndex(frozen["lemma"], frozen["lower"], frozen["cls"], tuple(anywhere))


@lru_cache(maxsize=100_000)
def _noun(word: str) -> Noun | None:
    lex = lexicon()
    if not word.isalpha() or len(word) < 2:
        return None
    lem = lemma(word)
    for form in (lem, word):
        if form in lex.nouns:
            kind, category = lex.nouns[form]
            return Noun(kind, category, lem if lem in lex.nouns else form)
    # a compound: the longest known last part decides ("nätverksträffar" → träff)
    for i in range(2, len(word) - 2):
        tail = word[i:]
        tail_lemma = lemma(tail)
        if tail_lemma in lex.gender or tail in lex.gender:
            continue  # "tillsammans", "tjänstemän": not a count of women or men
        for form in (tail_lemma, tail):
            if form in lex.nouns:
                kind, category = lex.nouns[form]
                unit = word[:i] + form
                if unit in lex.nouns:
                    kind, category = lex.nouns[unit]
                elif (kind, category) == (THINGS, "other"):
                    head = word[:i].rstrip("s")
                    if lex.nouns.get(lemma(head), lex.nouns.get(head)) == (THINGS, "activities"):
                        category = "activities"  # "utbildningsdagar": a day of training is an activity
                return Noun(kind, category, unit, form)
    # a compound whose first part is an activity is one ("kursomgångar", "workshopserie")
    for i in range(len(word) - 3, 2, -1):
        head = word[:i]
        for form in (head, head[:-1] if head.endswith("s") else None):
            if form and (form in lex.not_events or lemma(form) in lex.not_events):
                continue
            if form and lex.nouns.get(lemma(form), lex.nouns.get(form)) == (THINGS, "activities"):
                return Noun(THINGS, "activities", head + lemma(word[i:]))
    return None


@lru_cache(maxsize=4096)
def _describe(text: str) -> tuple[str | None, str | None]:
    lex = lexicon()
    number_rules = numbers.number_rules()
    words = [w.strip(":;,.()[]").lower() for w in text.split()]
    if any(w in number_rules.money for w in words):
        return "money", "kr"
    if any(w in number_rules.percent or w in lex.percent_labels for w in words):
        return "percent", "%"
    tokens = _Tokens(text)
    _prepare(tokens, 0, tokens.n)
    found = [m for m in _matches(tokens, lex) if m.family == "cat"]
    found.sort(key=lambda m: lex.trigger_order.index(m.name))
    for word, lower in zip(tokens.words, tokens.lower, strict=True):
        noun = lex.noun(word)
        if noun is None or lower in lex.gender or lemma(word) in lex.gender:
            continue
        if noun.kind == THINGS:
            return noun.category, lex.unit_of(noun)
        return (found[0].name if found else noun.category), lex.unit_of(noun)
    if found:
        return found[0].name, "person"
    return None, None


# --------------------------------------------------------------------------- text


class _Tokens:
    """A text's spaCy tokens read out once into plain lists, with the lemmas and noun classes the rules give them.

    Line breaks read as spaces so that phrases run on across wrapped lines: the lists are the tokens spaCy's
    tokenizer gives the text with its line breaks made spaces, built from the tokens of the text itself
    (`nlp.tokens`, shared with the entity step; the words are the same, only whitespace is tokenized
    differently). `lemma` and `cls` hold only what `_prepare` has given a token (`""` and `None` before), as the
    trigger phrases see it.
    """

    __slots__ = ("cls", "events", "idx", "lemma", "lower", "n", "num", "punct", "space")
    __slots__ += ("text", "words", "ends", "trailing")

    def __init__(self, text: str) -> None:
        body = text.replace("\r", " ").replace("\n", " ")
        self.text = body
        doc = nlp.tokens(text)
        n = len(doc)
        columns = [[] for _ in _COLUMNS]
        if n:
            array = doc.to_array(_COLUMNS)
            array[:, 1] += array[:, 0]  # a token's end: its start and length
            columns = array.T.tolist()
        idx, ends, space, punct, num, trailing = columns
        # Whitespace holding a line break is where the text and its spaced copy tokenize differently: right
        # after a word, the break made a space is that word's trailing space, and what follows it, if anything,
        # is the whitespace token.
        dropped = set()
        for i in compress(range(n), space):
            start, end = idx[i], ends[i]
            if "\n" not in text[start:end] and "\r" not in text[start:end]:
                continue
            if i > 0 and body[start] == " " and not space[i - 1] and ends[i - 1] == start:
                trailing[i - 1] = 1
                if end - start == 1:
                    dropped.add(i)
                    continue
                idx[i] = start + 1
        if dropped:
            keep = [k for k in range(n) if k not in dropped]
            idx, ends, space, punct, num, trailing = (
                [column[k] for k in keep] for column in (idx, ends, space, punct, num, trailing)
            )
        self.idx: list[int] = idx
        self.ends: list[int] = ends
        self.words: list[str] = [body[i:e] for i, e in zip(idx, ends, strict=True)]
        # spaCy's LOWER: the token's text lower-cased (a token is all whitespace or holds none, and whitespace,
        # read here from the spaced copy, lower-cases to itself)
        self.lower: list[str] = list(map(str.lower, self.words))
        self.space: list[int] = space
        self.punct: list[int] = punct
        self.num: list[int] = num
        self.trailing: list[int] = trailing  # a plain space follows the token (spaCy's `whitespace_`)
        self.n = n = len(idx)
        self.lemma: list[str] = [""] * n
        self.cls: list[str | None] = [None] * n
        self.events: dict[tuple[int, int], bool] = {}

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens at least partly within `text[start:end]`, as a range of token indices (as spaCy's
        `Doc.char_span` with `alignment_mode="expand"`)."""
        first = self._token_by_char(start)
        last = self._token_by_char(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.ends[first]:  # in the space after a token: not that token
            first += 1
        return first, last + 1

    def _token_by_char(self, offset: int) -> int:
        """The token whose characters, with its trailing space, hold `offset`; -1 if none does."""
        i = bisect.bisect_right(self.idx, offset) - 1
        return i if i >= 0 and offset < self.ends[i] + self.trailing[i] else -1


# spaCy's IS_DIGIT and IS_ALPHA are the word's `isdigit()` and `isalpha()`: asked only of the words that need them
_COLUMNS = [IDX, LENGTH, IS_SPACE, IS_PUNCT, LIKE_NUM, SPACY]


def _prepare(tokens: _Tokens, start: int, end: int) -> None:
    """Give the tokens in `[start, end)` the project's lemmas and their noun classes."""
    words, space, punct, num, lemmas, classes = (
        tokens.words,
        tokens.space,
        tokens.punct,
        tokens.num,
        tokens.lemma,
        tokens.cls,
    )
    for i in range(max(start, 0), min(end, tokens.n)):
        if not (space[i] or punct[i] or num[i]):
            lemmas[i], classes[i] = _lemma_and_class(words[i])


@lru_cache(maxsize=100_000)
def _lemma_and_class(word: str) -> tuple[str, str | None]:
    """A word's lemma and the class of the noun it is (`people:participants`), or None: one look-up per word."""
    noun = lexicon().noun(word)
    return lemma(word), None if noun is None else f"{noun.kind}:{noun.category}"


def _step_ends(tokens: _Tokens, steps: tuple, k: int, i: int, stop: int, out: set[int]) -> None:
    """The token indices where a phrase's steps from `k` on, matched from token `i`, can end."""
    if k == len(steps):
        out.add(i)
        return
    kind, values, low, high = steps[k]
    if kind == "any":
        j = i
        for count in range(high + 1):
            if count >= low:
                _step_ends(tokens, steps, k + 1, j, stop, out)
            if j >= stop or tokens.punct[j]:
                return
            j += 1
        return
    if i < stop and getattr(tokens, kind)[i] in values:
        _step_ends(tokens, steps, k + 1, i + 1, stop, out)


def _phrase_starts(tokens: _Tokens, phrases: _PhraseIndex, start: int, stop: int) -> list[int]:
    """The tokens in `[start, stop)` that a phrase's first word can be, in order (most tokens are none)."""
    found = set()
    for values, table in ((tokens.lemma, phrases.lemma), (tokens.lower, phrases.lower), (tokens.cls, phrases.cls)):
        if table:
            found.update(compress(range(start, stop), map(table.__contains__, values[start:stop])))
    return sorted(found)


def _matches(tokens: _Tokens, lex: Lexicon, where: list[tuple[int, int]] | None = None) -> list[_Match]:
    """Trigger, measure and meeting phrases in the text, or only in the given stretches of it."""
    spans = [(0, tokens.n)] if where is None else [tokens.span(a, b) for a, b in where]
    phrases = lex.phrase_index
    idx, ends = tokens.idx, tokens.ends
    found: list[_Match] = []
    for span in spans:
        if span is None:
            continue
        start, stop = span
        seen: set[tuple[str, str, int, int]] = set()
        for i in range(start, stop) if phrases.anywhere else _phrase_starts(tokens, phrases, start, stop):
            candidates = phrases.anywhere + (
                phrases.lemma.get(tokens.lemma[i], ())
                + phrases.lower.get(tokens.lower[i], ())
                + phrases.cls.get(tokens.cls[i], ())
            )
            for family, name, steps in candidates:
                if steps[0][0] == "any":
                    out: set[int] = set()
                    _step_ends(tokens, steps, 0, i, stop, out)
                    phrase_ends = sorted(out)
                elif len(steps) == 1:  # one word, which token i is: the index filed it under that word
                    phrase_ends = [i + 1]
                else:
                    out = set()
                    _step_ends(tokens, steps, 1, i + 1, stop, out)
                    phrase_ends = sorted(out)
                for end in phrase_ends:
                    if end > i and (family, name, i, end) not in seen:
                        seen.add((family, name, i, end))
                        found.append(_Match(family, name, i, end, idx[i], ends[end - 1]))
    # a phrase inside a longer one of the same family gives way to it ("delta" inside "delta i projektet"); a
    # phrase is at least one token long, so only those of two or more can hold another
    longer = [o for o in found if o.end - o.start > 1]
    if not longer:
        return found
    kept = []
    for m in found:
        inside = any(
            o.family == m.family and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
            for o in longer
        )
        if not inside:
            kept.append(m)
    return kept


@cache
def _sentence_marks() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset((".", "!", "?")), lexicon().abbreviations


def _sentence_cuts(tokens: _Tokens, text: str) -> list[int]:
    """Where sentences begin, in order, with the text's end: after a sentence mark, and at every line break (a
    form's or list's lines, paragraphs, wrapped lines alike)."""
    cuts = {0, len(text)}
    if tokens.n > 2:
        marks, abbreviations = _sentence_marks()
        words, lower, idx = tokens.words, tokens.lower, tokens.idx
        last = tokens.n - 1
        cuts.update(
            idx[i + 1]
            for i in compress(range(1, last), map(marks.__contains__, words[1:last]))  # few tokens are marks
            if lower[i - 1] not in abbreviations  # "ca. 40", "st."
        )
    cuts.update(m.start() for m in _LINE_BREAK.finditer(text))
    return sorted(cuts)


def _sentence_of(cuts: list[int], offset: int) -> tuple[int, int]:
    """The sentence that holds the character at `offset` (`0 <= offset < len(text)`)."""
    i = bisect.bisect_right(cuts, offset)
    return cuts[i - 1], cuts[i]


@dataclass(slots=True)
class _Candidate:
    number: Number
    lead: int  # first token of the figure's span ("ca", "ett")
    first: int  # first token of the number
    last: int  # token after the number (and its unit)
    sent: tuple[int, int]  # the sentence (or line of a form) it stands in
    noun: Noun | None = None
    fallback_unit: str | None = None
    noun_end: int | None = None
    noun_token: int | None = None
    pronoun: bool = False
    label: bool = False
    category: str | None = None
    out_unit: str | None = None
    measure: str | None = None
    gender: str | None = None
    drop: bool = False


def _token_at(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _next_word(tokens: _Tokens, i: int, limit: int) -> int | None:
    n, idx, space = tokens.n, tokens.idx, tokens.space
    while i < n and idx[i] < limit:
        if not space[i]:
            return i
        i += 1
    return None


def _may_count(tokens: _Tokens, lex: Lexicon, cand: _Candidate) -> bool:
    """Whether a number can be a figure at all: a year needs a counted noun, `en`/`ett` a person counted."""
    number = cand.number
    if number.kind != "article" and not number.year_like:
        return True
    i, seen = cand.last, 0
    while i < tokens.n and seen < 4 and tokens.idx[i] < cand.sent[1]:
        j = i
        i += 1
        if tokens.space[j]:
            continue
        word = tokens.words[j]
        noun = lex.noun(word)
        if noun is not None:
            return number.kind == "article" or seen == 0
        if seen == 0 and number.kind == "article" and lemma(word) in lex.stop_after:
            return True  # "en har börjat studera"
        if tokens.punct[j]:
            return False
        seen += 1
    return False


def _counted(tokens: _Tokens, lex: Lexicon, cand: _Candidate, verbs: set[int]) -> None:
    """The noun a number counts: the first known noun after it, past a few adjectives; or `av dem`."""
    limit = cand.sent[1]
    i = _next_word(tokens, cand.last, limit)
    if i is None:
        return
    if tokens.lower[i] in lex.partitive:
        j = _next_word(tokens, i + 1, limit)
        skipped = False
        while j is not None and tokens.lower[j] in lex.pronouns:
            skipped = True
            j = _next_word(tokens, j + 1, limit)
        if j is not None and (tokens.words[j].isdigit() or numbers.parse_word(tokens.words[j]) is not None):
            j = _next_word(tokens, j + 1, limit)  # "tre av fyra parter"
        found = _search_noun(tokens, lex, j, limit, verbs) if j is not None else None
        if found is not None and found[0] is not None:
            cand.noun, cand.noun_token = found
            return
        cand.pronoun = skipped
        return
    found = _search_noun(tokens, lex, i, limit, verbs)
    if found is None:
        return
    noun, index = found
    cand.noun_token = index
    cand.noun_end = tokens.ends[index]
    if noun is None:
        cand.fallback_unit = lemma(tokens.words[index])
    else:
        cand.noun = noun


def _is_modifier(lex: Lexicon, lower: str) -> bool:
    """An adjective or adverb between a number and its noun: `lite`, `större`, `digitala`."""
    return lower in lex.modifiers or (lower.endswith(lex.modifier_endings) and not lower.endswith(lex.noun_endings))


def _search_noun(tokens: _Tokens, lex: Lexicon, i: int, limit: int, verbs: set[int]) -> tuple[Noun | None, int] | None:
    """The counted noun from token `i` on: a known noun, or `(None, index)` for an unknown noun."""
    modifiers = 0
    while i < tokens.n and tokens.idx[i] < limit:
        if tokens.space[i]:
            i += 1
            continue
        word = tokens.words[i]
        if tokens.punct[i] or tokens.num[i] or word.isdigit() or not word.isalpha():
            return None
        following = _next_word(tokens, i + 1, limit)
        if following is not None and lex.phrases:
            phrase = lex.phrases.get(f"{lemma(word)} {lemma(tokens.words[following])}")
            if phrase is not None:
                return Noun(phrase[0], phrase[1], phrase[2]), following
        noun = lex.noun(word)
        if noun is not None:
            return noun, i
        lower = tokens.lower[i]
        if lower in lex.stop_after or tokens.lemma[i] in lex.stop_after:
            return None
        if not _is_modifier(lex, lower):
            if i in verbs or not word[:1].islower():
                return None  # a verb ("ett 40-tal deltog"), or a name
            return None, i  # a noun the rules do not know ("åtta brobyggare")
        modifiers += 1
        if modifiers > lex.max_modifiers:
            return None
        i += 1
    return None


def _label_before(tokens: _Tokens, lex: Lexicon, cand: _Candidate) -> None:
    """`Antal deltagare: 12`, `Kvinnor: 7`: a counted noun standing before the number as its label."""
    i = cand.lead - 1
    steps = 0
    while i >= 0 and tokens.idx[i] >= cand.sent[0] and steps < 4:
        if tokens.space[i]:
            i -= 1
            continue
        noun = lex.noun(tokens.words[i])
        if noun is not None:
            if steps:  # "deltagare: 12", "antalet deltagare var 12", not a noun just before a number
                cand.noun, cand.label = noun, True
            return
        if tokens.lower[i] not in lex.label_glue:
            return
        steps += 1
        i -= 1


def _distance(m: _Match, cand: _Candidate) -> int:
    if m.end <= cand.first:
        return cand.first - m.end
    if m.start >= cand.last:
        return m.start - cand.last
    return 0


_BARRIER = re.compile(r"[,;()–—]")


def _effective(tokens: _Tokens, lex: Lexicon, m: _Match, cand: _Candidate) -> str:
    """A trigger's category; attending words without an event in the sentence speak of participation."""
    if m.family != "cat" or m.name != "attendance":
        return m.name
    dependent = lex.event_dependent
    if not all(
        tokens.lemma[t] in dependent or tokens.lower[t] in dependent
        for t in range(m.start, m.end)
        if not tokens.punct[t]
    ):
        return m.name
    events = tokens.events
    if cand.sent not in events:
        span = tokens.span(cand.sent[0], cand.sent[1])
        events[cand.sent] = span is not None and any(
            tokens.cls[t] == f"{THINGS}:activities"
            and tokens.lemma[t] not in lex.not_events
            and (lex.noun(tokens.words[t]) is None or lex.noun(tokens.words[t]).unit not in lex.not_events)
            for t in range(*span)
        )
    return m.name if events[cand.sent] else "participants"


def _nearest(
    tokens: _Tokens, near: list[_Match], cand: _Candidate, lex: Lexicon, family: str, names: tuple[str, ...]
) -> tuple[_Match, str] | None:
    """The match of `family` nearest the number among those within its sentence (`near`), and its category."""
    best = None
    best_key = None
    text = tokens.text
    for m in near:
        if m.family != family:
            continue
        name = _effective(tokens, lex, m, cand)
        if name not in names:
            continue
        distance = _distance(m, cand)
        if family == "cat" and distance > _MAX_TRIGGER_DISTANCE:
            continue
        gap = text[m.end_char : cand.number.start] if m.end <= cand.first else text[cand.number.end : m.start_char]
        if _BARRIER.search(gap):
            continue  # another clause
        key = (distance, names.index(name))
        if best_key is None or key < best_key:
            best, best_key = (m, name), key
    return best


def _measure(tokens: _Tokens, near: list[_Match], cand: _Candidate, lex: Lexicon) -> str | None:
    """Planned or actual: the nearest word that says so; for counts of people, also a verb in the past."""
    strong = _nearest(tokens, near, cand, lex, "measure", ("planned", "actual"))
    if strong is not None:
        return strong[1]
    return "weak" if _nearest(tokens, near, cand, lex, "measure", ("actual_weak",)) is not None else None


def _is_base(tokens: _Tokens, lex: Lexicon, cand: _Candidate) -> bool:
    """`av de 71 deltagarna`: the group a share is taken from."""
    i = cand.lead - 1
    seen = 0
    while i >= 0 and seen < 3:
        if tokens.space[i]:
            i -= 1
            continue
        lower = tokens.lower[i]
        if lower in lex.base_before:
            return True
        if lower not in lex.pronouns:
            return False
        seen += 1
        i -= 1
    return False


def _word_before(tokens: _Tokens, cand: _Candidate) -> str | None:
    i = cand.lead - 1
    while i >= 0 and tokens.space[i]:
        i -= 1
    return tokens.lower[i] if i >= 0 and tokens.idx[i] >= cand.sent[0] else None


def _alone_on_line(text: str, number: Number) -> bool:
    """A number standing alone on its line after running text: a page number left in the text."""
    line_start = text.rfind("\n", 0, number.start) + 1
    line_end = text.find("\n", number.end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:line_end].strip() != text[number.start : number.end].strip() or number.unit:
        return False
    before = text[:line_start].rstrip()
    return not before.endswith((":", "?")) and bool(before)


def _sentence(text: str, unit: tuple[int, int]) -> str:
    return " ".join(text[unit[0] : unit[1]].split())


def _from_text(section: Section, tokens: _Tokens, found: list[Number], lex: Lexicon) -> list[Figure]:
    text = section.text
    # a number's first character is no whitespace: the stretch between two cuts that holds it is a sentence
    cuts = _sentence_cuts(tokens, text)
    token_starts = tokens.idx
    cands: list[_Candidate] = []
    for number in found:
        if number.core_end <= number.core_start:
            continue
        first = _token_at(token_starts, number.core_start)
        lead = first if number.start == number.core_start else _token_at(token_starts, number.start)
        last = bisect.bisect_left(token_starts, number.end)
        cands.append(_Candidate(number, lead, first, last, _sentence_of(cuts, number.core_start)))
    cands = [c for c in cands if _may_count(tokens, lex, c)]
    sentences = sorted({c.sent for c in cands})
    for start, end in sentences:
        _prepare(tokens, bisect.bisect_left(token_starts, start), bisect.bisect_left(token_starts, end))
    matches = _matches(tokens, lex, sentences)
    verbs = {i for m in matches for i in range(m.start, m.end)}
    # the phrases within each sentence, in order: where a number's trigger and measure are looked for
    within = {sent: [m for m in matches if sent[0] <= m.start_char and m.end_char <= sent[1]] for sent in sentences}

    for cand in cands:
        number = cand.number
        if number.unit == "kr":
            cand.category, cand.out_unit = "money", "kr"
            continue
        if number.unit == "%":
            cand.category, cand.out_unit = "percent", "%"
            continue
        _counted(tokens, lex, cand, verbs)
        if cand.noun is None and not cand.pronoun:
            _label_before(tokens, lex, cand)

    # "9 respektive 14 deltagande företag": the first number shares the second one's noun
    for cand, after in zip(cands, cands[1:], strict=False):
        if cand.noun is not None or cand.pronoun or cand.category or after.noun is None or after.sent != cand.sent:
            continue
        between = text[cand.number.end : after.number.start].strip().lower()
        if between in lex.coordination:
            cand.noun = after.noun

    prior: list[_Candidate] = []
    for cand in cands:
        _classify(tokens, lex, matches, within[cand.sent], cand, prior, text)
        if cand.category and not cand.drop:
            prior.append(cand)

    figures = []
    sentence_texts: dict[tuple[int, int], str] = {}
    for cand in cands:
        if cand.drop or cand.category is None:
            continue
        if cand.sent not in sentence_texts:
            sentence_texts[cand.sent] = _sentence(text, cand.sent)
        number = cand.number
        end = number.end
        if cand.noun_end is not None and not cand.label and cand.noun_end > end:
            end = cand.noun_end
        figures.append(
            Figure(
                value=number.value,
                category=cand.category,
                span=text[number.start : end],
                sentence=sentence_texts[cand.sent],
                char_start=number.start,
                char_end=end,
                value_max=number.value_max,
                approx=number.approx,
                measure=_resolve_measure(cand),
                gender=cand.gender,
                unit=cand.out_unit,
                page=section.page_at(number.start),
            )
        )
    return figures


def _resolve_measure(cand: _Candidate) -> str | None:
    if cand.measure == "weak":
        return "actual" if cand.category in PEOPLE_CATEGORIES else None
    return cand.measure


def _classify(
    tokens: _Tokens,
    lex: Lexicon,
    matches: list[_Match],
    near: list[_Match],
    cand: _Candidate,
    prior: list[_Candidate],
    text: str,
) -> None:
    """Decide a number's category, unit, measure and gender, or drop it (`near`: the matches within its sentence)."""
    number = cand.number
    cand.measure = _measure(tokens, near, cand, lex)
    if cand.category in ("money", "percent"):
        return
    noun = cand.noun
    first_word = _next_word(tokens, cand.last, cand.sent[1])
    if number.year_like and (noun is None or cand.noun_token != first_word):
        cand.drop = True  # "under 2016", "2021 ska"
        return
    if _alone_on_line(text, number):
        cand.drop = True
        return
    if noun is not None and noun.unit in lex.meeting_nouns:
        if any(m.family == "meet" and cand.sent[0] <= m.start_char < cand.sent[1] for m in matches):
            cand.category, cand.out_unit = "activities", lex.meeting_unit  # "har träffats tio gånger"
        else:
            cand.drop = True  # "två gånger per år", "kursen startade två gånger"
        return
    if noun is not None and (noun.unit in lex.durations or (noun.category == "other" and noun.head in lex.durations)):
        cand.drop = True  # "ca 1 år och 6 månader"
        return
    word_before = _word_before(tokens, cand)
    trigger = None
    if not _is_base(tokens, lex, cand) and (noun is None or noun.kind == PEOPLE):
        found = _nearest(tokens, near, cand, lex, "cat", lex.trigger_order)
        trigger = found[1] if found else None
    if noun is not None:
        cand.gender = lex.gender.get(noun.unit) if noun.kind == PEOPLE else None
        cand.out_unit = lex.unit_of(noun)
        cand.category = noun.category if noun.kind == THINGS else (trigger or noun.category)
        if noun.kind == PEOPLE and not trigger and _population(tokens, lex, cand):
            cand.category = "other"  # "drygt 600 unga vuxna i länet"
    elif cand.fallback_unit is not None:
        cand.category, cand.out_unit = "other", cand.fallback_unit
    elif trigger is not None:
        cand.category, cand.out_unit = trigger, "person"
    elif cand.measure in ("planned", "actual") and _count_label(tokens, lex, cand):
        cand.category, cand.out_unit = lex.table_default, "person"  # "Faktiskt antal: 31"

    # a count that belongs to the one before: "varav 7 kvinnor", "tre av dem", "…, 43 kvinnor och 28 män",
    # "fler än de 40 som planerades"
    head = prior[-1] if prior else None
    if cand.gender is not None:  # the total that "43 kvinnor och 28 män" break down
        head = next((p for p in reversed(prior) if p.sent == cand.sent and p.gender is None), head)
    if head is not None and head.category not in (None, "money", "percent"):
        same_sentence = head.sent == cand.sent
        gender_part = cand.gender is not None and head.gender is None and head.category in PEOPLE_CATEGORIES
        elliptic = noun is None and cand.category is None and not _is_base(tokens, lex, cand)
        if (
            (word_before in lex.breakdown and same_sentence)
            or cand.pronoun
            or (same_sentence and (gender_part or elliptic))
        ):
            if trigger is None and (noun is None or noun.kind == PEOPLE):
                cand.category = head.category
                if cand.gender is None:
                    cand.out_unit = head.out_unit
            if cand.measure is None:
                cand.measure = head.measure
    if cand.pronoun and cand.category is None:
        cand.category = "other"

    if number.kind == "article" and not _article_counts(tokens, lex, cand, word_before, trigger):
        cand.drop = True
        return
    if cand.category is None:
        if number.kind == "digits":
            cand.category = "other"
        else:
            cand.drop = True  # a number word that counts nothing named


def _article_counts(
    tokens: _Tokens, lex: Lexicon, cand: _Candidate, word_before: str | None, trigger: str | None
) -> bool:
    """`en`/`ett` is the number one after `endast`, or when a person is counted ("en deltagare har fått arbete")."""
    noun = cand.noun
    if noun is not None and (word_before in lex.article_before or cand.number.approx):
        return True
    if trigger not in ("outcomes", "registrations"):
        return False
    if noun is not None:
        return noun.kind == PEOPLE
    following = _next_word(tokens, cand.last, cand.sent[1])  # "en har börjat studera"
    return cand.fallback_unit is None and following is not None and tokens.lemma[following] in lex.stop_after


def _population(tokens: _Tokens, lex: Lexicon, cand: _Candidate) -> bool:
    if cand.noun_token is None:
        return False
    words = []
    i = cand.noun_token + 1
    while i < tokens.n and len(words) < 3 and tokens.idx[i] < cand.sent[1]:
        if not tokens.space[i]:
            words.append(tokens.lower[i])
        i += 1
    return any(" ".join(words[:n]) in lex.population_after for n in (1, 2, 3))


def _count_label(tokens: _Tokens, lex: Lexicon, cand: _Candidate) -> bool:
    """A label before the number that says it is a count: "Faktiskt antal: 31"."""
    i, steps = cand.lead - 1, 0
    while i >= 0 and tokens.idx[i] >= cand.sent[0] and steps < 4:
        j = i
        i -= 1
        if tokens.space[j]:
            continue
        lower = tokens.lower[j]
        if lower in lex.count_labels:
            return True
        if lower not in lex.label_glue and lex.label(tokens.words[j]) is None:
            return False
        steps += 1
    return False


def extract(section: Section) -> list[Figure]:
    """Every meaningful number in the section."""
    text = section.text
    if not text or not text.strip():
        return []
    lex = lexicon()
    found = numbers.find(text)
    figures, claimed = tables.from_tables(section, found, lex)
    if claimed:
        found = [n for n in found if not any(s <= n.core_start < e for s, e in claimed)]
    line_figures, used = tables.from_lines(section, found, lex)
    figures.extend(line_figures)
    found = [n for n in found if id(n) not in used]
    if found:  # no number left for the text: nothing to tokenise
        figures.extend(_from_text(section, _Tokens(text), found, lex))
    figures.sort(key=lambda f: f.char_start)
    return figures
