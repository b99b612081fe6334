"""Numbers as Swedish reports write them: numerals, number words, ranges, money and percent.

`find(text)` returns every number in a text that may be a figure, with its
value normalised (`1 250 tkr` → 1250000, `ett 50-tal` → 50, approximate) and
its offsets. Dates, times, phone and organisation numbers, section and version
numbers, ordinals, page footers and numbers after a designator (`§ 12`,
`sidan 4`) are left out. What a number counts is decided in `figures.py`.
The vocabulary lives in `rules/figures_numbers.yml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from re import _constants as _sre  # the parsed form of a pattern: which ones cannot match without a digit
from re import _parser as _sre_parse

from pipeline import rules
from pipeline.extract.lookahead import (
    first_chars,
    line_places_of,
    matches_at,
    places_of,
    with_first_chars,
    words_pattern,
)

RULES = "figures_numbers.yml"

_SPACE = "[ \t\u00a0\u202f]"
_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d])|\d+(?:,\d+)?(?![\d])"
_ANY_DIGIT = re.compile(r"\d")
_NUMERAL = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, ",": "."})  # grouping out, decimal point
_RANGE_DASH = re.compile(rf"{_SPACE}*[-–—]{_SPACE}*(?=[\w])")
_DIGIT_MEMBER = re.compile(r"\\d|[0-9](?:-[0-9])?")  # a member of a character class that holds only digits


@dataclass(slots=True)
class Number:
    """One number in a text.

    `start`/`end` cover everything the figure is read from (an approximation
    word, `ett` before `50-tal`, the unit); `core_start`/`core_end` cover the
    numeral or number word itself (with a range's second number).
    """

    start: int
    end: int
    core_start: int
    core_end: int
    value: float
    value_max: float | None = None
    approx: bool = False
    kind: str = "digits"  # digits | word | article | phrase
    unit: str | None = None  # "kr" or "%" when a money or percent unit follows
    factor: float = 1.0  # what the unit multiplied the number by (tkr: 1000)
    year_like: bool = False


@dataclass(frozen=True)
class NumberRules:
    words: dict[str, int]
    parts: tuple[str, ...]  # number words and multipliers, longest first
    multipliers: dict[str, int]
    articles: frozenset[str]
    phrases: dict[str, tuple[float, bool]]
    approx_suffix: str
    scales: dict[str, int]
    money: dict[str, int]
    percent: frozenset[str]
    year_min: int
    year_max: int
    candidate: re.Pattern[str]
    phrase_re: re.Pattern[str] | None
    approx_re: re.Pattern[str]
    designator_re: re.Pattern[str]
    unit_re: re.Pattern[str]
    between_re: re.Pattern[str]
    # `approx_re`, `designator_re` and `between_re` spelt backwards, to be matched at a number's start in the text
    # spelt backwards: one try there, where searching the text before the number tries every position in it
    approx_back: re.Pattern[str]
    designator_back: re.Pattern[str]
    between_back: re.Pattern[str]
    and_re: re.Pattern[str]
    ett_re: re.Pattern[str]
    not_figures: tuple[re.Pattern[str], ...]
    # what a text must hold for each of `not_figures` to match in it: a digit (None) or one of some characters
    not_figures_need: tuple[tuple[frozenset[str] | None, ...], ...]
    # `not_figures` looked for together: a scan for the places where any of them matches, and their indices
    not_figures_joint: tuple[tuple[re.Pattern[str], tuple[int, ...]], ...]
    # `not_figures` that begin at a line's start, looked for together: line breaks after which one of them matches
    not_figures_lines: tuple[re.Pattern[str], tuple[int, ...]] | None
    # every character one of `not_figures` needs, and the scans for a text by which of them it holds (`_scans`)
    not_figures_chars: tuple[str, ...]
    not_figures_scans: dict[tuple[frozenset[str], bool], _Scans] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class _Scans:
    """The `not_figures` scans for a text, worked out from which of the characters they need it holds."""

    # a shared scan, the patterns it serves, and whether it finds line breaks (`not_figures_lines`) or places
    joint: tuple[tuple[re.Pattern[str], tuple[re.Pattern[str], ...], bool], ...]
    alone: tuple[tuple[re.Pattern[str], bool], ...]  # a pattern that scans alone, and whether it needs a digit


def _longest_first(items: set[str]) -> list[str]:
    """Longest first; those of a length in a fixed order, so that a pattern made of them is the same in every
    process (and its compiled form can be kept between runs, see `pipeline.regex_cache`)."""
    return sorted(items, key=lambda item: (-len(item), item))


def _phrases(phrases: list[str]) -> str:
    """An alternation of phrases whose words may be separated by any whitespace."""
    return "|".join(_longest_first({r"\s+".join(re.escape(w) for w in p.lower().split()) for p in phrases}))


def _phrases_backwards(phrases: list[str]) -> str:
    """`_phrases` spelt backwards: each phrase's words in reverse order, each word spelt backwards."""
    return "|".join(
        _longest_first({r"\s+".join(re.escape(w[::-1]) for w in reversed(p.lower().split())) for p in phrases})
    )


# Where a phrase spelt backwards ends: as the patterns read forwards, it begins at the start of the text they see,
# or after whitespace or a bracket (`(?:^|(?<=[\s(]))`).
_BACK_START = r"(?=[\s(]|\Z)"


def _int_map(data: dict, key: str) -> dict[str, int]:
    mapping = rules.require(data, RULES, key, dict)
    result = {}
    for word, value in mapping.items():
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise rules.RulesError(f"rules/{RULES}: '{key}' value for {word!r} should be a number, not {value!r}")
        result[str(word).lower()] = int(value)
    return result


@cache
def number_rules() -> NumberRules:
    """The number vocabulary from `rules/figures_numbers.yml`, validated and compiled."""
    data = rules.load_yaml(RULES)
    words = _int_map(data, "number_words")
    multipliers = _int_map(data, "multiplier_words")
    scales = _int_map(data, "scale_words")
    money = _int_map(data, "money_units")
    phrases: dict[str, tuple[float, bool]] = {}
    for phrase, spec in rules.require(data, RULES, "phrases", dict).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("value"), int | float):
            raise rules.RulesError(f"rules/{RULES}: phrase {phrase!r} needs a mapping with a numeric 'value'")
        phrases[" ".join(str(phrase).lower().split())] = (float(spec["value"]), bool(spec.get("approx", False)))
    suffix = rules.require(data, RULES, "approx_suffix", str).lower()
    years = rules.require(data, RULES, "years", dict)
    if not isinstance(years.get("min"), int) or not isinstance(years.get("max"), int):
        raise rules.RulesError(f"rules/{RULES}: 'years' needs integer 'min' and 'max'")
    between = rules.string_list(data, RULES, "range_between")
    if len(between) != 2:
        raise rules.RulesError(f"rules/{RULES}: 'range_between' should be two words, like [mellan, och]")

    parts = words_pattern(list(words) + list(multipliers))
    number = rf"(?:{_DIGITS}|(?:{parts})+)"
    candidate = with_first_chars(
        re.compile(
            rf"(?<![\w.,:/\-]){number}(?:{_SPACE}*[-–—]{_SPACE}*{number})?(?:-?{re.escape(suffix)})?"
            rf"(?=$|[^\w]|(?:{words_pattern(list(money))})(?![\w]))",
            re.IGNORECASE,
        )
    )
    phrase_re = (
        with_first_chars(re.compile(rf"(?<![\w])(?:{_phrases(list(phrases))})(?![\w])", re.IGNORECASE))
        if phrases
        else None
    )
    approx_words = rules.string_list(data, RULES, "approx_before")
    approx_re = re.compile(rf"(?:^|(?<=[\s(]))(?:{_phrases(approx_words)})\s+$", re.IGNORECASE)
    designators = rules.string_list(data, RULES, "designators")
    designator_re = re.compile(
        rf"(?:^|(?<=[\s(]))(?:{words_pattern([d.lower() for d in designators])}){_SPACE}*:?{_SPACE}*$", re.IGNORECASE
    )
    # `$` also matches before a line break that ends the text: backwards, a line break that begins it
    designator_back = re.compile(
        rf"\n?{_SPACE}*:?{_SPACE}*(?:{words_pattern([d.lower()[::-1] for d in designators])}){_BACK_START}",
        re.IGNORECASE,
    )
    percent = [p.lower() for p in rules.string_list(data, RULES, "percent_units")]
    unit_re = re.compile(
        rf"{_SPACE}*(?:(?P<scale>{words_pattern(list(scales))}){_SPACE}+)?"
        rf"(?P<unit>{words_pattern(list(money) + percent)})(?![\w])"
        rf"|{_SPACE}+(?P<scale_only>{words_pattern(list(scales))})(?![\w])",
        re.IGNORECASE,
    )
    not_figures = []
    for pattern in rules.string_list(data, RULES, "not_figures"):
        try:
            not_figures.append(with_first_chars(re.compile(pattern)))
        except re.error as exc:
            raise rules.RulesError(f"rules/{RULES}: 'not_figures' pattern {pattern!r} is not valid: {exc}") from exc
    parsed = [_sre_parse.parse(p.pattern, p.flags) for p in not_figures]
    not_figures_need = tuple(tuple(_required(tree)) for tree in parsed)
    return NumberRules(
        words=words,
        parts=tuple(sorted(list(words) + list(multipliers), key=len, reverse=True)),
        multipliers=multipliers,
        articles=frozenset(a.lower() for a in rules.string_list(data, RULES, "articles")),
        phrases=phrases,
        approx_suffix=suffix,
        scales=scales,
        money=money,
        percent=frozenset(percent),
        year_min=years["min"],
        year_max=years["max"],
        candidate=candidate,
        phrase_re=phrase_re,
        approx_re=approx_re,
        designator_re=designator_re,
        unit_re=unit_re,
        between_re=re.compile(rf"(?:^|(?<=[\s(])){re.escape(between[0])}\s+$", re.IGNORECASE),
        # `\s+$` matches what `\s+` alone does: a line break at the end is whitespace too
        approx_back=re.compile(rf"\s+(?:{_phrases_backwards(approx_words)}){_BACK_START}", re.IGNORECASE),
        designator_back=designator_back,
        between_back=re.compile(rf"\s+{re.escape(between[0][::-1])}{_BACK_START}", re.IGNORECASE),
        and_re=re.compile(rf"^\s+{re.escape(between[1])}\s+$", re.IGNORECASE),
        ett_re=re.compile(r"(?:^|(?<=[\s(]))ett\s+$", re.IGNORECASE),
        not_figures=tuple(not_figures),
        not_figures_need=not_figures_need,
        not_figures_joint=_joint(not_figures, not_figures_need),
        not_figures_lines=_line_joint(not_figures, parsed, not_figures_need),
        not_figures_chars=tuple(sorted({c for need in not_figures_need for chars in need if chars for c in chars})),
    )


def _joint(
    patterns: list[re.Pattern[str]], needs: tuple[tuple[frozenset[str] | None, ...], ...]
) -> tuple[tuple[re.Pattern[str], tuple[int, ...]], ...]:
    """The patterns that need a digit and begin with known characters, in two groups that each share one scan:
    those that begin with a digit, and the others. (Each scan costs about what one pattern's own scan does; one
    scan for all of them would try every other pattern wherever one of the word-led ones may begin.)"""
    groups: dict[bool, list[int]] = {}
    for index, (pattern, need) in enumerate(zip(patterns, needs, strict=True)):
        first = first_chars(pattern)
        if first is not None and None in need and not pattern.groups:
            groups.setdefault(all(_DIGIT_MEMBER.fullmatch(m) for m in first), []).append(index)
    joint = []
    for indices in groups.values():
        places = places_of([patterns[i] for i in indices]) if len(indices) > 1 else None
        if places is not None:
            joint.append((places, tuple(indices)))
    return tuple(joint)


def _line_joint(
    patterns: list[re.Pattern[str]],
    parsed_patterns: list[_sre_parse.SubPattern],
    needs: tuple[tuple[frozenset[str] | None, ...], ...],
) -> tuple[re.Pattern[str], tuple[int, ...]] | None:
    """The patterns (and their parsed forms) that need a digit and match only from a line's start, with one scan
    for the line breaks after which one of them matches. Only patterns that match no empty text, so that each is
    tried at the lines' starts alone (`matches_at`)."""
    indices = []
    for index, (pattern, parsed, need) in enumerate(zip(patterns, parsed_patterns, needs, strict=True)):
        if (
            None in need
            and not pattern.groups
            and pattern.flags & re.MULTILINE
            and parsed.data[:1] == [(_sre.AT, _sre.AT_BEGINNING)]
            and parsed.getwidth()[0] > 0
        ):
            indices.append(index)
    places = line_places_of([patterns[i] for i in indices]) if len(indices) > 1 else None
    return None if places is None else (places, tuple(indices))


def _is_digit_set(items: list) -> bool:
    """A character class (`[...]` or `\\d`) whose every member is a digit."""
    for op, arg in items:
        if op is _sre.CATEGORY and arg is _sre.CATEGORY_DIGIT:
            continue
        if op is _sre.LITERAL and chr(arg).isdecimal():
            continue
        if op is _sre.RANGE and ord("0") <= arg[0] <= arg[1] <= ord("9"):
            continue
        return False
    return bool(items)


def _caseless(char: str) -> bool:
    """A character that is neither letter nor digit and matches only itself, case-insensitive or not."""
    return not char.isalnum() and char.lower() == char == char.upper() and char.casefold() == char


def _required(items) -> set[frozenset[str] | None]:
    """What every match of a parsed pattern holds: a digit (None), or one of a set of characters.

    Told only where it is sure; a pattern it can say nothing of gives an empty set, and is always run.
    """
    found: set[frozenset[str] | None] = set()
    for op, arg in items:
        if op is _sre.LITERAL:
            char = chr(arg)
            if char.isdecimal():
                found.add(None)
            elif _caseless(char):
                found.add(frozenset(char))
        elif op is _sre.IN:
            if _is_digit_set(arg):
                found.add(None)
            elif arg and all(o is _sre.LITERAL and _caseless(chr(a)) for o, a in arg):
                found.add(frozenset(chr(a) for _, a in arg))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            if arg[0] >= 1:
                found |= _required(arg[2])
        elif op is _sre.SUBPATTERN:
            found |= _required(arg[3])
        elif op is _sre.ATOMIC_GROUP:
            found |= _required(arg)
        elif op is _sre.BRANCH:
            found |= set.intersection(*(_required(branch) for branch in arg[1]))
    return found


def parse_word(word: str, nr: NumberRules | None = None) -> int | None:
    """The value of a Swedish number word or compound (`tjugofem` → 25), or None if it is not one."""
    if nr is None or nr is number_rules():
        return _word_value(word.lower())
    return _parse_word(word.lower(), nr)


@lru_cache(maxsize=8192)
def _word_value(word: str) -> int | None:
    """`parse_word` under the rules file, remembered: each try splits the word by every number word there is."""
    return _parse_word(word, number_rules())


def _parse_word(word: str, nr: NumberRules) -> int | None:
    """The value of a lower-case number word."""
    parts: list[str] = []
    i = 0
    while i < len(word):
        for name in nr.parts:
            if word.startswith(name, i):
                parts.append(name)
                i += len(name)
                break
        else:
            return None
    total = group = 0
    previous: str | None = None
    for part in parts:
        if part in nr.multipliers:
            factor = nr.multipliers[part]
            if factor >= 1000:
                total += (group or 1) * factor
                group = 0
            else:
                if group >= factor:
                    return None
                group = (group or 1) * factor
        else:
            value = nr.words[part]
            if previous is not None and previous not in nr.multipliers:
                # only a ten followed by a unit joins without a multiplier: tjugo+fem
                last = nr.words[previous]
                if not (last >= 20 and last % 10 == 0 and 1 <= value <= 9):
                    return None
            group += value
        previous = part
    return total + group


def _digits(text: str) -> float:
    return float(text.translate(_NUMERAL))


def _value(text: str, nr: NumberRules) -> tuple[float, str] | None:
    """The value of one numeral or number word and its kind."""
    if text[:1].isdigit():
        return _digits(text), "digits"
    value = parse_word(text, nr)
    if value is None:
        return None
    return float(value), "article" if text.lower() in nr.articles else "word"


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _digit_paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs (runs of text between blank lines) that hold a digit, as (start, end)."""
    out = []
    start = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = len(text) if brk is None else brk.start()
        if _ANY_DIGIT.search(text, start, end):
            out.append((start, end))
        if brk is not None:
            start = brk.end()
    return out


def _scans(nr: NumberRules, present: frozenset[str], digit: bool) -> _Scans:
    """The scans for a text that holds the characters `present` of `not_figures_chars` (and a digit or not):
    a pattern is looked for only where the text holds what it needs."""
    key = (present, digit)
    scans = nr.not_figures_scans.get(key)
    if scans is not None:
        return scans

    def may_match(need: tuple[frozenset[str] | None, ...]) -> bool:
        return all(digit if chars is None else not chars.isdisjoint(present) for chars in need)

    joint = []
    done: set[int] = set()
    shared = [(places, indices, False) for places, indices in nr.not_figures_joint]
    if nr.not_figures_lines is not None:
        shared.append((*nr.not_figures_lines, True))
    for places, indices, lines in shared:
        done.update(indices)
        members = tuple(nr.not_figures[i] for i in indices if may_match(nr.not_figures_need[i]))
        if members:
            joint.append((places, members, lines))
    alone = tuple(
        (pattern, None in need)
        for index, (pattern, need) in enumerate(zip(nr.not_figures, nr.not_figures_need, strict=True))
        if index not in done and may_match(need)
    )
    scans = nr.not_figures_scans[key] = _Scans(tuple(joint), alone)
    return scans


def _blocked(nr: NumberRules, text: str) -> list[tuple[int, int]]:
    """The spans of `not_figures` matches, in no particular order. Each is looked for only in paragraphs that hold
    a digit (a date or a phone number does not run across a blank line); a pattern that needs no digit is looked
    for everywhere. Patterns that share a scan (`not_figures_joint`, `not_figures_lines`) are tried only where it
    found one of them."""
    spans: list[tuple[int, int]] = []
    paragraphs = _digit_paragraphs(text)
    scans = _scans(nr, frozenset([c for c in nr.not_figures_chars if c in text]), bool(paragraphs))
    for places, members, lines in scans.joint:
        for start, end in paragraphs:  # every member needs a digit
            if lines:  # a paragraph begins at a line's start: after a line break, or at the text's start
                found = [m.end() for m in places.finditer(text, start - 1 if start else 0, end)]
                if not start:
                    found.insert(0, 0)
            else:
                found = [m.start() for m in places.finditer(text, start, end)]
            if found:
                for pattern in members:
                    spans += matches_at(pattern, text, found, end)
    for pattern, needs_digit in scans.alone:
        for start, end in paragraphs if needs_digit else [(0, len(text))]:
            for m in pattern.finditer(text, start, end):
                if m.end() > m.start():
                    spans.append(m.span())
    return spans


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _split_range(core: str) -> tuple[str, str | None]:
    """A candidate's first number and, for a range (`10–15`), its second."""
    match = _RANGE_DASH.search(core)
    if match and match.start() > 0:
        return core[: match.start()], core[match.end() :]
    return core, None


def find(text: str) -> list[Number]:
    """Every number in `text` that may be a figure, in order, without overlaps."""
    nr = number_rules()
    back = text[::-1]  # for the patterns that read the text before a number backwards from it
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    if nr.phrase_re is not None:
        for m in nr.phrase_re.finditer(text):
            value, approx = nr.phrases[" ".join(m.group(0).lower().split())]
            number = Number(m.start(), m.end(), m.start(), m.end(), value, approx=approx, kind="phrase")
            _attach_unit(text, number, nr)
            _attach_approx(text, back, number, nr)
            found.append(number)
            taken.append((m.start(), m.end()))
    blocked: list[tuple[int, int]] | None = None  # looked for once there is a number it may block
    for m in nr.candidate.finditer(text):
        start, end = m.span()
        if taken and _overlaps(start, end, taken):
            continue
        if blocked is None:
            blocked = _blocked(nr, text)
        if blocked and _overlaps(start, end, blocked):
            continue
        number = _read(text, back, m.group(0), start, end, nr)
        if number is None:
            continue
        if _before(nr.designator_re, nr.designator_back, text, back, start, 24):
            continue
        found.append(number)
    found.sort(key=lambda n: (n.start, -n.end))
    kept: list[Number] = []
    for number in found:
        if kept and number.start < kept[-1].end:
            if number.end - number.start > kept[-1].end - kept[-1].start:
                kept[-1] = number  # "ett" swallowed by "ett 50-tal" that starts earlier
            continue
        kept.append(number)
    return _merge_between(text, back, kept, nr)


def _read(text: str, back: str, core: str, start: int, end: int, nr: NumberRules) -> Number | None:
    tal = False
    suffix = nr.approx_suffix
    body = core
    if body.lower().endswith("-" + suffix):
        body, tal = body[: -len(suffix) - 1], True
    elif body.lower().endswith(suffix):
        stem = body[: -len(suffix)]
        # "tjugotal", and "50tal" as "50-tal" (read as digits with the suffix, it is no number at all)
        if stem and (stem[:1].isdigit() or parse_word(stem, nr) is not None):
            body, tal = stem, True
    first, second = _split_range(body)
    parsed = _value(first, nr)
    if parsed is None:
        return None
    value, kind = parsed
    value_max = None
    if second is not None:
        parsed_max = _value(second, nr)
        if parsed_max is None or parsed_max[0] <= value:
            return None  # "15-9", "2020-12": not a range of counts
        value_max = parsed_max[0]
        if kind == "article":
            kind = "word"
    if kind == "article" and tal:
        kind = "word"
    # four digits (`\d{4}`: `isdecimal` holds for the same characters, Unicode category Nd)
    plain_digits = kind == "digits" and len(first) == 4 and first.isdecimal() and value_max is None
    number = Number(start, end, start, end, value, value_max, approx=tal, kind=kind)
    if tal:
        before = nr.ett_re.search(text[max(0, start - 8) : start])
        if before:
            number.start = start - len(before.group(0))  # "ett 50-tal"
    _attach_unit(text, number, nr)
    number.year_like = plain_digits and number.unit is None and nr.year_min <= value <= nr.year_max
    _attach_approx(text, back, number, nr)
    return number


def _attach_unit(text: str, number: Number, nr: NumberRules) -> None:
    unit = nr.unit_re.match(text, number.end)
    if unit is None:
        return
    scale = unit.group("scale") or unit.group("scale_only")
    factor = nr.scales[scale.lower()] if scale else 1
    name = (unit.group("unit") or "").lower()
    if name in nr.money:
        factor *= nr.money[name]
        number.unit = "kr"
    elif name in nr.percent:
        number.unit = "%"
    number.factor = factor
    number.value = _round(number.value * factor)
    if number.value_max is not None:
        number.value_max = _round(number.value_max * factor)
    number.end = unit.end()


def _before(
    forward: re.Pattern[str], backward: re.Pattern[str], text: str, back: str, at: int, reach: int
) -> re.Match[str] | None:
    """`forward.search` in the `reach` characters of `text` before `at`. `backward`, the same pattern spelt
    backwards, is tried first, once, at `at` in `back` (the text spelt backwards): where it fails, as it mostly
    does, the search over every position of the stretch is not needed. The search gives what was found."""
    start = max(0, at - reach)
    if backward.match(back, len(text) - at, len(text) - start) is None:
        return None
    return forward.search(text[start:at])


def _attach_approx(text: str, back: str, number: Number, nr: NumberRules) -> None:
    match = _before(nr.approx_re, nr.approx_back, text, back, number.start, 32)
    if match:
        number.approx = True
        number.start -= len(match.group(0))


def _round(value: float) -> float:
    rounded = round(value, 6)
    return float(int(rounded)) if rounded == int(rounded) else rounded


def _merge_between(text: str, back: str, found: list[Number], nr: NumberRules) -> list[Number]:
    """`mellan 10 och 15` → one number 10 with value_max 15."""
    merged: list[Number] = []
    i = 0
    while i < len(found):
        number = found[i]
        if i + 1 < len(found) and number.value_max is None:
            after = found[i + 1]
            head = _before(nr.between_re, nr.between_back, text, back, number.start, 12)
            if (
                head
                and after.value_max is None
                and nr.and_re.match(text[number.end : after.start])
                and after.value > number.value
                and (number.unit is None or number.unit == after.unit)
            ):
                number.start -= len(head.group(0))
                number.value_max = after.value
                if after.unit and number.unit is None:
                    number.unit, number.factor = after.unit, after.factor
                    number.value = _round(number.value * after.factor)
                number.end = after.end
                number.core_end = after.core_end
                number.approx = number.approx or after.approx
                if number.kind == "article":
                    number.kind = "word"
                merged.append(number)
                i += 2
                continue
        merged.append(number)
        i += 1
    return merged
