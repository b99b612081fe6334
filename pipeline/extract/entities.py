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

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline import rules
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


@cache
def _dictionary() -> tuple[object, frozenset[str]]:
    """spaCy's Swedish lemma table and its lemmas: a word found there is an ordinary word."""
    from pipeline import nlp

    table = nlp.base().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    return table, frozenset(table.values())


def is_common_word(word: str) -> bool:
    """Whether `word` (any case) is an ordinary Swedish word in spaCy's lemma table."""
    table, lemmas = _dictionary()
    lower = word.lower()
    return lower in table or lower in lemmas  # type: ignore[operator]


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    normalized: str
    priority: int


def fold(word: str) -> str:
    """`Irène` -> `Irene`, `Aïsha` -> `Aisha`: accents dropped, Swedish å, ä, ö kept."""
    out = []
    for char in word:
        if char in "åäöÅÄÖ":
            out.append(char)
        else:
            out.extend(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return "".join(out)


class _Reader:
    """The rules applied to one `Doc`."""

    def __init__(self, doc: Doc, r: EntityRules):
        self.doc = doc
        self.r = r
        self.n = len(doc)
        self.line_start = [self._is_line_start(i) for i in range(self.n)]
        self.initial = [self._is_initial(i) for i in range(self.n)]
        self.gazetteer_cover: list[str | None] = [None] * self.n
        self.person_start = [False] * self.n

    def _is_line_start(self, i: int) -> bool:
        """A token that starts a sentence or a line, or follows a tab."""
        if i == 0:
            return True
        previous = self.doc[i - 1]
        return bool(
            self.doc[i].is_sent_start
            or previous.is_space
            or "\n" in previous.whitespace_
            or "\t" in previous.whitespace_
        )

    def _is_initial(self, i: int) -> bool:
        """A token whose capital says nothing: at a sentence or line start, or after `:`, `(`, a quote, a dash."""
        return self.line_start[i] or self.doc[i - 1].text in _OPENERS

    def joined(self, i: int) -> bool:
        """Whether token `i` continues the name that token `i - 1` belongs to (no break, label or line between)."""
        if i <= 0 or i >= self.n or self.line_start[i]:
            return False
        return not (i + 1 < self.n and self.doc[i + 1].text == ":")

    def is_name_word(self, token: Token) -> bool:
        text = token.text
        return bool(
            text[:1].isupper() and _NAME_WORD.match(text) and text not in self.r.stop_words and not token.like_num
        )

    def is_first_name(self, text: str) -> bool:
        names = self.r.first_names
        if text in names or fold(text) in names:
            return True
        parts = text.split("-")
        return len(parts) > 1 and all(p in names or fold(p) in names for p in parts)

    def looks_like_surname(self, text: str) -> bool:
        lower = text.lower()
        if lower.endswith("s") and not lower.endswith("ss"):
            lower = lower[:-1]
        return any(part.endswith(self.r.surname_suffixes) for part in lower.split("-") if len(part) > 3)

    def is_known(self, text: str) -> bool:
        return text in self.r.names or self.is_first_name(text)

    def is_head_word(self, token: Token) -> bool:
        """`Kooperativet`, `Föreningen`: a word that names the kind of organisation, starting its name."""
        lower = token.lower_
        return lower in self.r.org_heads or lower in self.r.org_head_suffixes

    # normalisation

    def possessed_after(self, end: int) -> bool:
        """Whether the token after a name reads as something the name owns (so a final `s` is a genitive)."""
        if end >= self.n:
            return False
        following = self.doc[end]
        text = following.text
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
        text = self.doc[start:end].text
        known = self.r.names.get(text)
        if known is not None and known[0] == label:
            return known[1]
        return self.strip_genitive(text, end, label)

    def _ordinary_initial(self, token: Token) -> bool:
        """A first word that is an ordinary word, so its capital only marks the start of a sentence."""
        text = token.text
        if text in self.r.stop_words or token.lower_ in self.r.org_cues:
            return True
        return not self.is_known(text) and is_common_word(text)

    def trim_start(self, start: int, end: int, dictionary: bool = True) -> int:
        """Drop leading words whose capital says nothing (`Projektet`, `Denna`); keep `Kooperativet Bryggan`."""
        while start < end - 1 and self.initial[start]:
            token = self.doc[start]
            if self.is_head_word(token) and self.is_name_word(self.doc[start + 1]):
                break
            meaningless = token.text in self.r.stop_words or token.lower_ in self.r.org_cues
            if not (meaningless or (dictionary and self._ordinary_initial(token))):
                break
            start += 1
        return start

    # candidates

    def from_ruler(self) -> list[_Candidate]:
        out = []
        for ent in self.doc.ents:
            start, end = ent.start, ent.end
            if ent.ent_id_:
                if end - start == 1 and ent.text in self.r.ambiguous and self.initial[start]:
                    continue
                for i in range(start, end):
                    self.gazetteer_cover[i] = ent.label_
                normalized = ent.ent_id_
                if ent.label_ == "ORG" and ent.text.endswith("s") and self._extends_with_head(end):
                    end += 1
                out.append(_Candidate(start, end, ent.label_, normalized, 3))
                continue
            cut = start + 1
            while cut < end and self.joined(cut) and self.doc[cut].text not in self.r.stop_words:
                cut += 1
            end = cut
            start = self.trim_start(start, end, dictionary=False)
            if not (end - start == 1 and self.doc[start].text in self.r.stop_words):
                out.append(_Candidate(start, end, ent.label_, self.normalized(start, end, ent.label_), 2))
        return out

    def _extends_with_head(self, end: int) -> bool:
        """`Tanums kommuns fritidsförvaltning`: a lower-case administration after an organisation's genitive."""
        if end >= self.n or not self.joined(end):
            return False
        word = self.doc[end].text
        return word.isalpha() and word.islower() and self._has_head_suffix(word, min_stem=3)

    def persons(self) -> list[_Candidate]:
        out = []
        doc, r = self.doc, self.r
        for i in range(self.n):
            token = doc[i]
            by_first_name = self.is_first_name(token.text) and token.text[:1].isupper()
            by_cue = token.text in r.person_cues and i + 1 < self.n and self.joined(i + 1)
            if not (by_first_name or by_cue):
                continue
            start = i if by_first_name else i + 1
            if not self.is_name_word(doc[start]):
                continue
            end = start + 1
            while end < self.n and end - start < 4 and self.joined(end):
                word = doc[end]
                if word.text in r.particles and end + 1 < self.n and self.is_name_word(doc[end + 1]):
                    end += 2
                    continue
                if not self.is_name_word(word) or _ACRONYM.match(word.text) or word.text in r.org_heads:
                    break
                if (
                    end - start >= 2
                    and self.is_first_name(word.text)
                    and self.joined(end + 1)
                    and self.is_name_word(doc[end + 1])
                ):
                    break  # a second person starts: "Malin Persson Sven-Erik Månsson"
                if end - start >= 2 and self.gazetteer_cover[end] == "LOC" and word.text not in r.ambiguous:
                    break  # "Edward Bloms Stockholm"
                end += 1
            if end - start < 2:
                continue
            if all(self.gazetteer_cover[k] for k in range(start, end)):
                continue
            out.append(_Candidate(start, end, "PER", self.strip_genitive(doc[start:end].text, end, "PER"), 4))
            self.person_start[start] = True
        return out

    def _is_head(self, token: Token) -> bool:
        text = token.text
        if text in self.r.org_heads or (text.endswith("s") and text[:-1] in self.r.org_heads):
            return True
        if not text.islower():
            return False
        stem = text[:-1] if text.endswith("s") else text
        return any(stem.endswith(head) and len(stem) >= len(head) + 3 for head in self.r.org_heads if len(head) >= 5)

    def head_orgs(self) -> list[_Candidate]:
        """Capitalised name words and a lower-case head: `Eskilstuna folkhögskola`, `Dingle naturbruksgymnasium`."""
        out = []
        for h in range(1, self.n):
            head = self.doc[h]
            if not head.text.islower() or not self._is_head(head) or not self.joined(h):
                continue
            start = h
            while start > 0 and self.is_name_word(self.doc[start - 1]) and self.joined(start):
                start -= 1
            start = self.trim_start(start, h)
            if start == h or self.initial[start] and self._ordinary_initial(self.doc[start]):
                continue
            name = self.doc[start:h].text
            if self.r.names.get(name, ("", ""))[0] == "ORG":
                continue
            out.append(_Candidate(start, h + 1, "ORG", self.normalized(start, h + 1, "ORG"), 3))
        return out

    def _has_head_suffix(self, text: str, min_stem: int = 3) -> bool:
        lower = text.lower()
        for suffix in self.r.org_head_suffixes:
            for form in (suffix, suffix + "s"):
                if lower.endswith(form) and len(lower) >= len(form) + min_stem:
                    return True
        return False

    def compound_orgs(self) -> list[_Candidate]:
        """A capitalised compound with an organisation's ending inside a sentence: `Näringslivsenheten`.

        `Arbetsmarknadsenheten i Borlänge`: an administration followed by `i` and a known place takes the place along.
        """
        out = []
        for i in range(self.n):
            token = self.doc[i]
            if self.initial[i] or not self.is_name_word(token) or _ACRONYM.match(token.text):
                continue
            if token.text in self.r.names or not self._has_head_suffix(token.text):
                continue
            end = i + 1
            if (
                end + 1 < self.n
                and self.doc[end].text == "i"
                and self.joined(end)
                and self.joined(end + 1)
                and self.r.names.get(self.doc[end + 1].text, ("", ""))[0] == "LOC"
                and token.lower_.endswith(("enheten", "förvaltningen", "avdelningen"))
            ):
                end += 2
            out.append(_Candidate(i, end, "ORG", self.normalized(i, end, "ORG"), 2))
        return out

    def cue_orgs(self) -> list[_Candidate]:
        """A single unknown capitalised name after an organisation cue: `företaget Fixeria`."""
        out = []
        for i in range(1, self.n):
            token = self.doc[i]
            if self.doc[i - 1].lower_ not in self.r.org_cues or not self.is_name_word(token) or not self.joined(i):
                continue
            if _ACRONYM.match(token.text) or self.is_known(token.text) or is_common_word(token.text):
                continue
            out.append(_Candidate(i, i + 1, "ORG", self.normalized(i, i + 1, "ORG"), 1))
        return out

    def cue_places(self) -> list[_Candidate]:
        """A single capitalised word after a place cue that looks like a place: `i Tanumshede`, `i Handen.`"""
        out = []
        for i in range(1, self.n):
            token = self.doc[i]
            if self.doc[i - 1].lower_ not in self.r.loc_cues or self.initial[i] or not self.is_name_word(token):
                continue
            if i + 1 < self.n and self.is_name_word(self.doc[i + 1]) and self.joined(i + 1):
                continue  # part of a longer name
            text = token.text
            if _ACRONYM.match(text) or self.is_known(text) or self._has_head_suffix(text):
                continue
            lower = text.lower()
            base = lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower
            if is_common_word(text):
                following = self.doc[i + 1] if i + 1 < self.n else None
                if following is not None and not (following.is_punct or following.lower_ in self.r.not_possessed):
                    continue
            elif not any(
                form.endswith(suffix) and len(form) > len(suffix) + 1
                for form in {lower, base}
                for suffix in self.r.place_suffixes
            ):
                continue
            out.append(_Candidate(i, i + 1, "LOC", self.normalized(i, i + 1, "LOC"), 1))
        return out

    def capitalised_runs(self) -> list[_Candidate]:
        """Two or more capitalised name words in a row that no list knows: `Retuna Återbruksgalleran`."""
        out = []
        i = 0
        while i < self.n:
            if not self.is_name_word(self.doc[i]):
                i += 1
                continue
            end = i + 1
            while end < self.n and self.joined(end):
                word = self.doc[end]
                if self.is_name_word(word):
                    end += 1
                elif word.text == "&" and end + 1 < self.n and self.is_name_word(self.doc[end + 1]):
                    end += 2
                else:
                    break
            for k in range(i + 1, end):
                if self.person_start[k]:
                    end = k  # "V-ledaren Lars Ohly": the person is read by `persons`
                    break
            start = self.trim_start(i, end)
            i = max(end, i + 1)
            words = [t for t in self.doc[start:end] if t.text != "&"]
            if len(words) < 2:
                continue
            if self.initial[start] and self._ordinary_initial(self.doc[start]):
                continue
            if self.is_first_name(words[0].text) and not self.gazetteer_cover[start]:
                continue  # persons are read by `persons`
            if all(_ACRONYM.match(t.text) or t.is_upper for t in words):
                continue
            label = self._run_label(start, end, words)
            if label is None:
                continue
            out.append(_Candidate(start, end, label, self.normalized(start, end, label), 1))
        return out

    def _run_label(self, start: int, end: int, words: list[Token]) -> str | None:
        covered = self.gazetteer_cover[start:end]
        if all(covered):
            # "ABF Skellefteå": an organisation's local branch; a list of places stays a list.
            kinds = [label for k, label in enumerate(covered) if k == 0 or label != covered[k - 1]]
            return "ORG" if kinds == ["ORG", "LOC"] else None
        last = words[-1].lower_
        if last.endswith(self.r.loc_suffixes):
            return "LOC"
        if words[0].text in self.r.directions and covered[-1] == "LOC":
            return "LOC"
        if (
            len(words) <= 3
            and not covered[0]
            and self.looks_like_surname(words[-1].text)
            and not is_common_word(words[0].text)
            and not any(self._has_head_suffix(t.text) for t in words)
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
            for k in range(c.start, c.end):
                taken[k] = True
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


if not Doc.has_extension("ent_norms"):
    Doc.set_extension("ent_norms", default=None)
if not Doc.has_extension("rule_ents"):
    Doc.set_extension("rule_ents", default=None)


def _set_ents(doc: Doc, chosen: list[_Candidate]) -> None:
    doc.ents = [Span(doc, c.start, c.end, label=c.label) for c in chosen]
    doc._.ent_norms = {(c.start, c.end): c.normalized for c in chosen}


@Language.factory("rapportextrakt_names")
def make_names_component(nlp: Language, name: str, clear: bool = False):
    """The rule component: reads the ruler's matches and adds persons, head-based and capitalised names.

    With `clear`, the rules' entities are kept aside (for `rapportextrakt_merge`) and `doc.ents` is emptied so
    that a statistical model after it predicts on the whole text.
    """

    def names(doc: Doc) -> Doc:
        chosen = _Reader(doc, entity_rules()).run()
        _set_ents(doc, chosen)
        doc._.rule_ents = chosen
        if clear:
            doc.ents = []
        return doc

    return names


@Language.factory("rapportextrakt_merge")
def make_merge_component(nlp: Language, name: str):
    """After the statistical model: the rules' entities first; the model's fill the gaps if they pass the filters."""

    def merge(doc: Doc) -> Doc:
        reader = _Reader(doc, entity_rules())
        chosen: list[_Candidate] = list(doc._.rule_ents or [])
        taken = [False] * len(doc)
        for c in chosen:
            for k in range(c.start, c.end):
                taken[k] = True
        for span in doc.ents:
            if any(taken[span.start : span.end]) or not reader.accept_model_span(span):
                continue
            label = reader.model_label(span)
            chosen.append(_Candidate(span.start, span.end, label, reader.normalized(span.start, span.end, label), 0))
        _set_ents(doc, sorted(chosen, key=lambda c: c.start))
        return doc

    return merge


def extract(section: Section) -> list[Entity]:
    """Named organisations, places and persons in the section."""
    from pipeline import nlp

    return extract_with(section, nlp.ner())


def extract_with(section: Section, pipeline: Language) -> list[Entity]:
    """`extract` with a given entity pipeline (`nlp.ner(statistical=…)`), for measuring one against another."""
    out = []
    for offset, text in chunks(section.text):
        doc = pipeline(text)
        norms = doc._.ent_norms or {}
        out.extend(
            Entity(
                text=ent.text,
                label=ent.label_,
                normalized=norms.get((ent.start, ent.end)) or ent.text,
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
