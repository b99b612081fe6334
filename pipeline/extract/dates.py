"""Dates and periods: every date a section mentions, with the days it stands for and its role.

The forms (month names, seasons, school terms, halvår, kvartal, field labels) come from
`rules/dates.yml`; the patterns are compiled once per process.

How a text is read:
1. Every pattern proposes *atoms*: `2016-03-01`, `den 15 september`, `9/6 2021`, `21/06/09`,
   `april 2017`, `våren 2021`, `ht-21`, `första halvåret 2019`, `kvartal 3`, `2019/2020`, a bare
   month after a preposition (`i april`) or a bare year after a word that makes it a year
   (`under 2019`). Where atoms overlap the leftmost, then longest, wins.
2. Two atoms joined by a range word (`–`, `-`, `till`, `t.o.m.`, `och` after `mellan`) become
   one period; the first takes its year from the second when it lacks one
   (`1 januari–30 juni 2019`, `december 2020–maj 2021`, `januari-december 2013`).
3. A bare month or year with nothing that makes it a date is dropped, so counts stay counts.
4. A date without a year takes it from the report period when that gives one answer: the
   period lies within one calendar year, or exactly one year puts the date (most of a season
   or a part of the year) inside the period. Otherwise start and end stay None.

Six-digit dates (`21/06/09`, `210609`, `21-06-09`) are read year-month-day, as Swedish forms
write them, unless that reading is impossible or lies far from the report period while the
day-month-year reading lies within it.

A bare year is a `mention` covering the whole year (`under 2019` → 2019-01-01 … 2019-12-31).

Roles: `period` for the report period — a date in a period field (`Tidsperiod`, `Rapportperiod`,
`Projektperiod` …) that is the report period, or a period written with its years that equals it;
`report_date` for a date in a report-date field (`Datum:`, also on the line after the label or under
a `Datum:` heading, `Upprättad`), beside a signature, in a dateline (`Nyköping den 9 juni 2021`), after
`Rapporten fastställd av …`, or any written-out day equal to the report date; `mention` for the rest.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from re import _constants as _sre  # the parsed form of a pattern
from re import _parser as _sre_parse
from typing import Any

from pipeline import rules
from pipeline.extract.lookahead import with_first_chars, words_pattern
from pipeline.model import DateMention, Metadata, Section

RULES = "dates.yml"


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, eq=False)  # compared and hashed as the one object `_rules()` loads
class _Rules:
    months: dict[str, int]  # full names and abbreviations, lower case
    full_months: frozenset[str]
    seasons: dict[str, tuple[int, int]]
    seasons_without_year: frozenset[str]
    ordinals: dict[str, int]
    parts: dict[str, int]  # ordinal word / number word / letter (lower case) -> months per part
    first_year: int
    last_year: int
    pivot: int
    short_max_years: int
    # (pattern, kind, priority) by how a date starts: a run of 4, 8, 6 or 1–2 digits ("n4", "n8", "n6", "n12"),
    # "den", a month, a season, a part of the year ("första", "kvartal"), a letter and digit ("Q1")
    by_start: dict[str, tuple[tuple[re.Pattern[str], str, int], ...]]
    trigger: re.Pattern[str]  # where a date may start: a number, or a word that begins one
    # the trigger after the non-word character before it: a pattern that begins with a set of characters lets `re`
    # skip ahead to the next of them instead of trying the trigger at every position. None where the trigger may
    # match an empty string
    trigger_behind: re.Pattern[str] | None
    line_local: bool  # the trigger and the patterns neither take a line break nor tell one from an end of the text
    # `line_local`, and `not_followers` is line-local too: the dates of whole lines of a text are then those read
    # in the whole text, save where a period or a list of dates reaches across the lines' bounds
    dates_line_local: bool
    year_context: re.Pattern[str]
    month_context: re.Pattern[str]
    not_followers: re.Pattern[str]
    not_dates: frozenset[str]
    range_connector: re.Pattern[str]
    and_connector: re.Pattern[str]
    between_before: re.Pattern[str]
    list_connector: re.Pattern[str]
    label_words: tuple[str, ...]  # every label (regular expressions)
    label_prefix: dict[str, re.Pattern[str]]  # label kind -> pattern for the text before a date on its line
    label_inline: dict[str, re.Pattern[str]]  # the same for a capitalised label inside a line of joined fields
    label_line: dict[str, re.Pattern[str]]  # label kind -> pattern for a line holding only the label
    signature: re.Pattern[str]
    dateline_prefix: re.Pattern[str]
    report_date_phrases: tuple[re.Pattern[str], ...]


def _alternation(words: list[str] | Any, escape: bool = True) -> str:
    if escape:
        return words_pattern(str(w) for w in words)
    # longest first; those of a length in a fixed order, so that the pattern is the same in every process (and
    # its compiled form can be kept between runs, see `pipeline.regex_cache`)
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(items)


_NEWLINE = ord("\n")
_WITHOUT_NEWLINE = (_sre.CATEGORY_DIGIT, _sre.CATEGORY_WORD, _sre.CATEGORY_NOT_SPACE)  # \d, \w, \S
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def line_local(pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` can neither take a line break nor tell one from an end of the text. Where a line break
    stands, such a pattern fails or succeeds just as at the start or end of the text, so it finds the same in
    a text as in the whole lines that hold it."""
    return _within_lines(_sre_parse.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.DOTALL))


def _within_lines(items: Any, dotall: bool) -> bool:
    """`line_local` for the items of a parsed pattern."""
    for op, arg in items:
        if op is _sre.LITERAL or op is _sre.NOT_LITERAL:
            if (arg == _NEWLINE) == (op is _sre.LITERAL):
                return False
        elif op is _sre.IN:
            negated = bool(arg) and arg[0][0] is _sre.NEGATE
            listed = any(
                (kind is _sre.LITERAL and value == _NEWLINE)
                or (kind is _sre.RANGE and value[0] <= _NEWLINE <= value[1])
                or (kind is _sre.CATEGORY and value not in _WITHOUT_NEWLINE)
                for kind, value in arg[negated:]
            )
            if listed != negated:  # the set holds a line break
                return False
        elif op is _sre.ANY:
            if dotall:
                return False
        elif op is _sre.AT:
            if arg not in (_sre.AT_BOUNDARY, _sre.AT_NON_BOUNDARY):  # "^", "$", "\A", "\Z" see line breaks
                return False
        elif op is _sre.SUBPATTERN:
            _, add_flags, del_flags, inner = arg
            inner_dotall = bool(add_flags & re.DOTALL) or (dotall and not del_flags & re.DOTALL)
            if not _within_lines(inner, inner_dotall):
                return False
        elif op in _REPEATS:
            if not _within_lines(arg[2], dotall):
                return False
        elif op is _sre.ASSERT or op is _sre.ASSERT_NOT:
            if not _within_lines(arg[1], dotall):
                return False
        elif op is _sre.ATOMIC_GROUP:
            if not _within_lines(arg, dotall):
                return False
        elif op is _sre.BRANCH:
            if not all(_within_lines(branch, dotall) for branch in arg[1]):
                return False
        elif op is _sre.GROUPREF_EXISTS:
            if not all(_within_lines(branch, dotall) for branch in arg[1:] if branch is not None):
                return False
        elif op is not _sre.GROUPREF:  # a group's own text, checked where the group stands
            return False
    return True


def _check_regex(name: str, key: str, values: list[str]) -> None:
    for value in values:
        try:
            re.compile(value)
        except re.error as exc:
            raise rules.RulesError(f"rules/{name}: '{key}' pattern {value!r} is not valid: {exc}") from exc


def _int_map(data: dict[str, Any], key: str, low: int, high: int) -> dict[str, int]:
    mapping = rules.require(data, RULES, key, dict)
    out = {}
    for word, number in mapping.items():
        if not isinstance(number, int) or not low <= number <= high:
            raise rules.RulesError(f"rules/{RULES}: '{key}' → {word!r} should be a number {low}–{high}, not {number!r}")
        out[str(word).lower()] = number
    return out


@cache
def _rules() -> _Rules:
    data = rules.load_yaml(RULES)
    full = _int_map(data, "months", 1, 12)
    abbreviations = _int_map(data, "month_abbreviations", 1, 12)
    months = {**abbreviations, **full}
    seasons_raw = rules.require(data, RULES, "seasons", dict)
    seasons: dict[str, tuple[int, int]] = {}
    for word, pair in seasons_raw.items():
        ok = isinstance(pair, list) and len(pair) == 2 and all(isinstance(m, int) and 1 <= m <= 12 for m in pair)
        if not ok:
            raise rules.RulesError(f"rules/{RULES}: 'seasons' → {word!r} should be [first month, last month]")
        seasons[str(word).lower()] = (pair[0], pair[1])
    without_year = frozenset(w.lower() for w in rules.string_list(data, RULES, "seasons_without_year"))
    unknown = without_year - set(seasons)
    if unknown:
        raise rules.RulesError(f"rules/{RULES}: 'seasons_without_year' names unknown seasons: {sorted(unknown)}")
    ordinals = _int_map(data, "ordinals", 1, 12)
    parts_raw = rules.require(data, RULES, "year_parts", dict)
    first_year = rules.require(data, RULES, "first_year", int)
    last_year = rules.require(data, RULES, "last_year", int)
    pivot = rules.require(data, RULES, "two_digit_year_pivot", int)
    short_max = rules.require(data, RULES, "short_date_max_years_from_period", int)

    month_alt = _alternation(months)
    full_alt = _alternation(full)
    season_alt = _alternation(seasons)
    ordinal_alt = _alternation(ordinals)
    year4 = r"(?:19|20)\d\d"
    before_num = r"(?<![\w.,/:+])"
    before_word = r"(?<![\w])"
    after_num = r"(?![\w]|[.,:/]\d)"
    y_suffix = r"(?:[ \t]*,?[ \t]*(?P<y>" + year4 + r")(?![\w]|[.,:/]\d))?"

    patterns: list[tuple[str, str, int, str]] = [
        # 2016-03-01, 2016.03.01, 2016/03/01
        (
            before_num + r"(?P<y>" + year4 + r")(?P<s>[-./])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})" + after_num,
            "iso",
            9,
            "n4",
        ),
        # 20160301
        (before_num + r"(?P<y>" + year4 + r")(?P<m>\d\d)(?P<d>\d\d)(?![\w]|[.,:/]\d|-\d)", "iso", 8, "n8"),
        # 2016-03
        (before_num + r"(?P<y>" + year4 + r")-(?P<m>\d\d)(?![\w]|[-.,:/]\d)", "ym", 7, "n4"),
        # 09.06.2021, 9/6/2021, 9-6-2021
        (
            before_num + r"(?P<d>\d{1,2})(?P<s>[-./])(?P<m>\d{1,2})(?P=s)(?P<y>" + year4 + r")(?![\w]|[.,:/]\d|-\d)",
            "dmy",
            9,
            "n12",
        ),
        # 21/06/09, 21-06-09, 21.06.09
        (before_num + r"(?P<a>\d\d)(?P<s>[-./])(?P<b>\d\d)(?P=s)(?P<c>\d\d)(?![\w]|[.,:/\-]\d)", "short", 9, "n12"),
        # 210609
        (before_num + r"(?P<a>\d\d)(?P<b>\d\d)(?P<c>\d\d)(?![\w]|[.,:/\-]\d)", "short", 6, "n6"),
        # 15/9, 9/6 2021, 9/6-2021, 9/6-21, 9/6/21
        (
            before_num + r"(?P<d>\d{1,2})/(?P<m>\d{1,2})"
            r"(?:(?:[ \t]+|[ \t]*-[ \t]*|/)(?P<y>" + year4 + r")|-(?P<yy>\d\d)|/(?P<yy2>\d\d))?"
            r"(?![\w]|[.,:/]\d|-[^\W\d])",
            "dm",
            5,
            "n12",
        ),
        # 15–20 maj 2019
        (
            before_num + r"(?P<d1>\d{1,2})(?::[ae])?\.?[ \t]*[-–—][ \t]*(?P<d>\d{1,2})(?::[ae])?\.?[ \t]+"
            r"(?P<mon>" + month_alt + r")(?![\w])\.?" + y_suffix,
            "dayrange",
            9,
            "n12",
        ),
        # den 15 september, 1:a februari, 1 jan. 2019
        (
            before_num + r"(?:(?P<den>den)[ \t]+)?(?P<d>\d{1,2})(?::[ae])?\.?[ \t]+(?P<mon>" + month_alt + r")(?![\w])"
            r"(?:\.(?=[ \t]*\d))?" + y_suffix,
            "textday",
            9,
            "n12 den",
        ),
        # april 2017, jan 2019, mars-2019
        (
            before_word + r"(?P<mon>" + month_alt + r")\.?[ \t]*-?[ \t]*(?P<y>" + year4 + r")(?![\w]|[.,:/]\d)",
            "monthyear",
            8,
            "mon",
        ),
        # april (kept only after a context word or beside another date)
        (before_word + r"(?P<mon>" + full_alt + r")(?![\w])", "month", 1, "mon"),
        # jan (kept only as an end of a period: "jan–jun 2019")
        (before_word + r"(?P<mon>" + _alternation(abbreviations) + r")\.?(?![\w])", "abbr", 1, "mon"),
        # våren 2021, vt-21, ht21, hösten
        (
            before_word + r"(?P<season>" + season_alt + r")"
            r"(?:[ \t]*[-–]?[ \t]*(?P<y>" + year4 + r")|(?:[ \t]*[-–'][ \t]*|)(?P<yy>\d\d))?(?![\w]|[.,:/]\d)",
            "season",
            8,
            "season",
        ),
        # 2019/2020, 2019/20, 2016 – 2017
        (
            before_num + r"(?P<y>" + year4 + r")[ \t]*(?P<sep>[-–—−/])[ \t]*(?P<y2>" + year4 + r"|\d\d)"
            r"(?![\w]|[.,:/\-]\d)",
            "years",
            7,
            "n4",
        ),
        # 2019
        (before_num + r"(?P<y>" + year4 + r")(?![\w]|[.,:/]\d|[ \t\u00a0]\d{3}(?!\d))", "year", 2, "n4"),
    ]
    parts: dict[str, int] = {}
    for part, spec in parts_raw.items():
        if not isinstance(spec, dict):
            raise rules.RulesError(f"rules/{RULES}: 'year_parts' → {part!r} should be a mapping")
        for key in ("ordinal_word", "number_word", "letter", "months"):
            if key not in spec:
                raise rules.RulesError(f"rules/{RULES}: 'year_parts' → {part!r} lacks '{key}'")
        size = spec["months"]
        if not isinstance(size, int) or 12 % size:
            raise rules.RulesError(f"rules/{RULES}: 'year_parts' → {part!r} months should divide 12")
        _check_regex(RULES, f"year_parts.{part}", [str(spec["ordinal_word"]), str(spec["number_word"])])
        count = 12 // size
        key = f"p{size}"
        y_tail = r"(?:[ \t]+(?P<y>" + year4 + r")|[ \t]*[-–'][ \t]*(?P<yy>\d\d))"
        patterns += [
            (
                before_word + r"(?P<ord>" + ordinal_alt + r")[ \t]+(?:" + str(spec["ordinal_word"]) + r")"
                r"(?![\w])" + y_tail + r"?(?![\w]|[.,:/]\d)",
                key,
                8,
                "part n12:",
            ),
            (
                before_word + r"(?:" + str(spec["number_word"]) + r")[ \t]*(?P<n>[1-" + str(count) + r"])"
                r"(?![\w.,:/]|-\d)" + y_tail + r"?(?![\w]|[.,:/]\d)",
                key,
                8,
                "part",
            ),
            (
                before_word + re.escape(str(spec["letter"])) + r"(?P<n>[1-" + str(count) + r"])"
                r"(?:[ \t]*(?P<y>" + year4 + r")|[ \t]*[-–'][ \t]*(?P<yy>\d\d))(?![\w]|[.,:/]\d)",
                key,
                8,
                "letter",
            ),
        ]
    part_words = [str(spec[key]) for spec in parts_raw.values() for key in ("ordinal_word", "number_word")]
    letters = "".join(
        re.escape(str(spec["letter"]).lower() + str(spec["letter"]).upper()) for spec in parts_raw.values()
    )
    trigger = with_first_chars(
        re.compile(
            r"(?<![\w])(?:(?P<num>\d+)|(?P<letter>[" + letters + r"]\d)|(?P<den>den)|(?P<mon>" + month_alt + r")"
            r"|(?P<season>" + season_alt + r")|(?P<part>" + "|".join([ordinal_alt, *part_words]) + r"))",
            re.IGNORECASE,
        )
    )
    by_start: dict[str, list[tuple[re.Pattern[str], str, int]]] = {}
    in_lines = line_local(trigger)
    for source, kind, priority, starts in patterns:
        try:
            pattern = re.compile(source, re.IGNORECASE)
        except re.error as exc:  # a rule value broke a pattern
            raise rules.RulesError(f"rules/{RULES}: a pattern built from the rules is not valid: {exc}") from exc
        in_lines = in_lines and line_local(pattern)
        for start in starts.split():
            by_start.setdefault(start, []).append((pattern, kind, priority))
            if start == "n12":  # "1:a", "3:e": a day or an ordinal
                by_start.setdefault("n12:", []).append((pattern, kind, priority))

    year_words = rules.string_list(data, RULES, "year_context_words")
    month_words = rules.string_list(data, RULES, "month_context_words")
    followers = rules.string_list(data, RULES, "not_date_followers")
    connectors = rules.string_list(data, RULES, "range_connectors")
    list_words = rules.string_list(data, RULES, "list_connectors")
    for key, values in (
        ("year_context_words", year_words),
        ("month_context_words", month_words),
        ("range_connectors", connectors),
    ):
        _check_regex(RULES, key, values)

    labels_raw = rules.require(data, RULES, "labels", dict)
    label_prefix: dict[str, re.Pattern[str]] = {}
    label_inline: dict[str, re.Pattern[str]] = {}
    label_line: dict[str, re.Pattern[str]] = {}
    label_words: list[str] = []
    for kind in ("report_period", "project_period", "report_date"):
        words = rules.string_list(labels_raw, RULES, kind)
        _check_regex(RULES, f"labels.{kind}", words)
        label_words += words
        alt = _alternation(words, escape=False)
        # a label may carry a bracket or a "som …" clause: "Tidsperiod (som rapporten avser):", "Period som avses:"
        label = r"(?:" + alt + r")(?![\w])(?:[ \t]*\([^()\n]{0,80}\)|[ \t]+som[ \t][^:\n\d]{0,50})?[ \t]*"
        value = r"[:\t][ \t]*(?:[^\W\d][^\d\n:]{0,40}?[ \t,]+)?"
        # at the start of the line, or inside it when a capitalised label follows a field joined onto the same
        # line ("Insatsens namn: Öppen ingång Rapportperiod: 1 januari–30 juni 2019")
        label_prefix[kind] = re.compile(r"^[ \t]*" + label + r"(?:" + value + r"|[ \t]*)$", re.IGNORECASE)
        label_inline[kind] = re.compile(r"(?<=\s)(?=(?-i:[A-ZÅÄÖ]))" + label + value + r"$", re.IGNORECASE)
        label_line[kind] = re.compile(r"^[ \t]*" + label + r":?[ \t]*$", re.IGNORECASE)
    signature_words = rules.string_list(data, RULES, "signature_words")
    context_alt = _alternation(year_words + month_words, escape=False)
    not_followers = re.compile(r"[ \t\u00a0]*(?:" + _alternation(followers) + r")(?![\w])", re.IGNORECASE)
    return _Rules(
        months=months,
        full_months=frozenset(full),
        seasons=seasons,
        seasons_without_year=without_year,
        ordinals=ordinals,
        parts=parts,
        first_year=first_year,
        last_year=last_year,
        pivot=pivot,
        short_max_years=short_max,
        by_start={start: tuple(entries) for start, entries in by_start.items()},
        trigger=trigger,
        # the trigger begins with `(?<![\w])`: every match of it but one at the very start follows a non-word
        # character
        trigger_behind=(
            re.compile(r"\W(?=" + trigger.pattern + ")", trigger.flags)
            if _sre_parse.parse(trigger.pattern, trigger.flags).getwidth()[0]
            else None
        ),
        line_local=in_lines,
        dates_line_local=in_lines and line_local(not_followers),
        year_context=re.compile(r"(?:^|[^\w])(?:" + _alternation(year_words, escape=False) + r")[ \t]*\(?$", re.I),
        month_context=re.compile(r"(?:^|[^\w])(?:" + _alternation(month_words, escape=False) + r")[ \t]+$", re.I),
        not_followers=not_followers,
        not_dates=frozenset(rules.string_list(data, RULES, "not_dates")),
        range_connector=re.compile(r"^[ \t]*(?:" + _alternation(connectors, escape=False) + r")[ \t]*$", re.I),
        and_connector=re.compile(r"^[ \t]+och[ \t]+$", re.IGNORECASE),
        between_before=re.compile(r"(?:^|[^\w])mellan[ \t]+$", re.IGNORECASE),
        list_connector=re.compile(
            r"^[ \t]*(?:" + _alternation(list_words) + r")?[ \t]*(?:(?:" + context_alt + r")[ \t]+)?$", re.I
        ),
        label_words=tuple(label_words),
        label_prefix=label_prefix,
        label_inline=label_inline,
        label_line=label_line,
        signature=re.compile(r"(?<![\w])(?:" + _alternation(signature_words) + r")", re.IGNORECASE),
        report_date_phrases=tuple(rules.compile_patterns(data, RULES, "report_date_phrases")),
        dateline_prefix=re.compile(
            r"^[ \t]*(?P<place>[A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+)?),?[ \t]+(?:den[ \t]+)?$"
        ),
    )


# --------------------------------------------------------------------------- spans


def _month_days(year: int, month: int) -> int:
    """The days of a month, as `calendar.monthrange` gives them without working out the weekday it starts on."""
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)
    return calendar.mdays[month] + (month == 2 and calendar.isleap(year))


@dataclass(frozen=True)
class _Span:
    """Days from (y, m1, d1) to (y + dy, m2, d2); `y` None when the text gives no year; `d2` None = month's end."""

    y: int | None
    m1: int
    d1: int
    dy: int
    m2: int
    d2: int | None

    def concrete(self, year: int) -> tuple[date, date] | None:
        end_year = year + self.dy
        try:
            start = date(year, self.m1, self.d1)
            last = _month_days(end_year, self.m2)
            end = date(end_year, self.m2, last if self.d2 is None else self.d2)
        except ValueError:
            return None
        return (start, end) if start <= end else None

    def first_key(self) -> tuple[int, int]:
        return (self.m1, self.d1)

    def last_key(self) -> tuple[int, int]:
        return (self.m2, 31 if self.d2 is None else self.d2)


def _day(y: int | None, m: int, d: int) -> _Span | None:
    if not (1 <= m <= 12 and 1 <= d <= 31) or d > _month_days(2000 if y is None else y, m):
        return None
    return _Span(y, m, d, 0, m, d)


def _month(y: int | None, m: int) -> _Span | None:
    return _Span(y, m, 1, 0, m, None) if 1 <= m <= 12 else None


def _months(y: int | None, first: int, last: int) -> _Span:
    """Months `first`..`last` of year y; a span that wraps (12..2) starts in the year before."""
    if first <= last:
        return _Span(y, first, 1, 0, last, None)
    return _Span(None if y is None else y - 1, first, 1, 1, last, None)


@dataclass
class Found:
    """A date or period found in a text: offsets, the days it stands for, how it was read."""

    char_start: int
    char_end: int
    text: str
    start: str | None
    end: str | None
    kind: str
    explicit: bool  # the year was written (not taken from the report period)

    @property
    def is_range(self) -> bool:
        return self.start is not None and self.start != self.end


@dataclass
class _Atom:
    start: int
    end: int
    span: _Span
    kind: str
    priority: int
    weak: bool = False
    listed: bool = False  # a bare month or year made a date by the date before it ("januari, februari")


Period = tuple[date, date]


def _year(r: _Rules, text: str | None) -> int | None:
    if text is None:
        return None
    value = int(text)
    if len(text) == 2:
        value += 2000 if value < r.pivot else 1900
    return value if r.first_year <= value <= r.last_year else None


def _plausible(r: _Rules, day: date, period: Period | None) -> bool:
    if period is None:
        return True
    low = date(period[0].year - r.short_max_years, 1, 1)
    high = date(min(period[1].year + r.short_max_years, 9999), 12, 31)
    return low <= day <= high


def _short(r: _Rules, a: str, b: str, c: str, period: Period | None) -> _Span | None:
    """Six digits: year-month-day unless only day-month-year makes sense."""
    readings = []
    for yy, mm, dd in ((a, b, c), (c, b, a)):
        y = _year(r, yy)
        span = _day(y, int(mm), int(dd)) if y is not None else None
        if span is not None:
            readings.append(span)
    if not readings:
        return None
    ymd = readings[0]
    if len(readings) == 2 and not _plausible(r, date(ymd.y, ymd.m1, ymd.d1), period):
        dmy = readings[1]
        if _plausible(r, date(dmy.y, dmy.m1, dmy.d1), period):
            return dmy
    return ymd


def _atom(r: _Rules, g: dict[str, Any], kind: str, period: Period | None) -> _Span | None:
    if kind == "iso" or kind == "dmy":
        y = _year(r, g["y"])
        return None if y is None else _day(y, int(g["m"]), int(g["d"]))
    if kind == "ym":
        y = _year(r, g["y"])
        return None if y is None else _month(y, int(g["m"]))
    if kind == "short":
        return _short(r, g["a"], g["b"], g["c"], period)
    if kind == "dm":
        raw_year = g["y"] or g["yy"] or g["yy2"]
        y = _year(r, raw_year)
        if raw_year is not None and y is None:
            return None
        return _day(y, int(g["m"]), int(g["d"]))
    if kind in ("textday", "dayrange"):
        m = r.months[g["mon"].lower()]
        y = _year(r, g["y"]) if g["y"] else None
        if g["y"] and y is None:
            return None
        last = _day(y, m, int(g["d"]))
        if kind == "textday" or last is None:
            return last
        first = _day(y, m, int(g["d1"]))
        return None if first is None or first.d1 >= last.d1 else _Span(y, m, first.d1, 0, m, last.d1)
    if kind == "monthyear":
        y = _year(r, g["y"])
        return None if y is None else _month(y, r.months[g["mon"].lower()])
    if kind in ("month", "abbr"):
        return _month(None, r.months[g["mon"].lower()])
    if kind == "season":
        word = g["season"].lower()
        raw_year = g["y"] or g["yy"]
        y = _year(r, raw_year)
        if raw_year is None and word not in r.seasons_without_year:
            return None
        if raw_year is not None and y is None:
            return None
        return _months(y, *r.seasons[word])
    if kind == "years":
        y1 = _year(r, g["y"])
        y2 = _year(r, g["y2"])
        if y1 is None or y2 is None or y2 <= y1:
            return None
        if (g["sep"] == "/" or len(g["y2"]) == 2) and y2 != y1 + 1:
            return None
        if y2 - y1 > 10:
            return None
        return _Span(y1, 1, 1, y2 - y1, 12, 31)
    if kind == "year":
        y = _year(r, g["y"])
        return None if y is None else _Span(y, 1, 1, 0, 12, 31)
    if kind.startswith("p"):
        size = int(kind[1:])
        number = r.ordinals[g["ord"].lower()] if g.get("ord") else int(g["n"])
        if not 1 <= number <= 12 // size:
            return None
        raw_year = g.get("y") or g.get("yy")
        y = _year(r, raw_year)
        if raw_year is not None and y is None:
            return None
        first = (number - 1) * size + 1
        return _months(y, first, first + size - 1)
    return None  # pragma: no cover - every kind is handled above


_Hit = tuple[int, int, dict[str, Any], str, int]  # a pattern's match: start, end, groups, kind, priority


def _triggers(r: _Rules, text: str) -> Iterator[tuple[int, str | None, int]]:
    """Start, kind and end of every match of the trigger in `text`, as `r.trigger.finditer` gives them."""
    if r.trigger_behind is None:
        for trigger in r.trigger.finditer(text):
            yield trigger.start(), trigger.lastgroup, trigger.end()
        return
    end = 0
    trigger = r.trigger.match(text)
    if trigger is not None:
        end = trigger.end()
        yield 0, trigger.lastgroup, end
    for behind in r.trigger_behind.finditer(text):
        position = behind.end()
        if position >= end:  # not inside the last match, as the matches of a scan do not overlap
            kind = behind.lastgroup
            end = behind.end(kind)
            yield position, kind, end


def _scan_all(r: _Rules, text: str) -> list[_Hit]:
    """Every date pattern that matches where the trigger says a date may start."""
    found = []
    for position, start_kind, end in _triggers(r, text):
        if start_kind == "num":
            digits = end - position
            start_kind = f"n{digits}" if digits > 2 else "n12:" if text.startswith(":", end) else "n12"
        for pattern, kind, priority in r.by_start.get(start_kind, ()):
            match = pattern.match(text, position)
            if match is not None:
                found.append((position, match.end(), match.groupdict(), kind, priority))
    return found


class _Scanned:
    """A text scanned whole, its hits, and the dates read in it."""

    def __init__(self, text: str, hits: list[_Hit]) -> None:
        self.padded = "\n" + text + "\n"  # every line between line breaks
        self.hits = hits
        self.starts = [hit[0] for hit in hits]
        # where in `padded` the last text taken from it ended: sections come in order, so the next one is looked
        # for from there
        self.cursor = 0
        # by the period they were read with: the dates of the whole text, weak ones too (they take part in periods
        # and lists), and where they start
        self.dates: dict[Period | None, tuple[list[_Atom], list[int]]] = {}

    def place(self, text: str) -> int | None:
        """Where `text` starts in this text when it is whole lines of it; else None."""
        wanted = "\n" + text + "\n"
        at = self.padded.find(wanted, self.cursor)
        if at < 0:
            at = self.padded.find(wanted)
            if at < 0:
                return None
        self.cursor = at + len(text) + 1  # `at` in `padded` is where the text starts in the text scanned
        return at

    def hits_in(self, at: int, length: int) -> list[_Hit]:
        """The hits of the `length` characters at `at`, at their places there."""
        first, last = bisect_left(self.starts, at), bisect_right(self.starts, at + length)
        return [
            (start - at, stop - at, groups, kind, priority)
            for start, stop, groups, kind, priority in self.hits[first:last]
        ]

    def dates_in(self, at: int, length: int, period: Period | None) -> tuple[_Atom, ...] | None:
        """The dates of the whole lines at `at`, taken from those of the whole text read with `period`: the same
        as read in the lines alone (`_Rules.dates_line_local`) unless a period joins a date of the lines to one
        outside them, or the date before them makes their first one a date; else None."""
        known = self.dates.get(period)
        if known is None:
            return None
        atoms, starts = known
        end = at + length
        first, last = bisect_left(starts, at), bisect_left(starts, end)
        if first > 0 and atoms[first - 1].end > at:
            return None  # a period begun before the lines ends in them
        if first < last and (atoms[last - 1].end > end or atoms[first].listed):
            return None  # a period begun in the lines ends after them, or their first date is one by the date before
        return tuple(
            _Atom(atom.start - at, atom.end - at, atom.span, atom.kind, atom.priority)
            for atom in atoms[first:last]
            if not atom.weak
        )


class _Recent:
    """The texts scanned whole of late, most recently used first. Where the patterns are line-local, a text that
    is whole lines of one of them has just the hits found there: the dates stage takes each section's share of
    the document text that the metadata scanned, instead of scanning the section again. Its dates, too, are
    mostly those the metadata read there (`_Scanned.dates_in`)."""

    _KEEP = 3  # the document, and a text or two read between its sections that are not whole lines of it

    def __init__(self) -> None:
        self.rules: _Rules | None = None
        self.scanned: list[_Scanned] = []
        # the text last asked for: the scanned text it is whole lines of (or that it is), and where it starts there
        self.last: tuple[str, _Scanned, int] | None = None

    def hits(self, r: _Rules, text: str) -> list[_Hit]:
        self.last = None
        if not r.line_local or not text:
            return _scan_all(r, text)
        if r is not self.rules:
            self.rules, self.scanned = r, []
        for index, scanned in enumerate(self.scanned):
            at = scanned.place(text)
            if at is not None:
                self.scanned.insert(0, self.scanned.pop(index))
                self.last = (text, scanned, at)
                return scanned.hits_in(at, len(text))
        hits = _scan_all(r, text)
        scanned = _Scanned(text, hits)
        self.scanned = [scanned, *self.scanned][: self._KEEP]
        self.last = (text, scanned, 0)
        return hits

    def dates(self, r: _Rules, text: str, period: Period | None) -> tuple[_Atom, ...]:
        """The dates of `text` read with `period`, weak ones left out: where `text` is the one `hits` was last asked
        for, taken from those of the text scanned that holds it when they are the same, else read and, for a text
        scanned itself, kept for the texts to come."""
        if self.last is None or self.last[0] != text or not r.dates_line_local:
            return tuple(atom for atom in _read_dates(r, text, period) if not atom.weak)
        _, scanned, at = self.last
        shared = scanned.dates_in(at, len(text), period)
        if shared is not None:
            return shared
        atoms = _read_dates(r, text, period)
        if len(scanned.padded) == len(text) + 2:  # the text scanned itself
            scanned.dates[period] = (atoms, [atom.start for atom in atoms])
        return tuple(atom for atom in atoms if not atom.weak)


_RECENT = _Recent()


@lru_cache(maxsize=1)
def _scan(r: _Rules, text: str) -> list[_Hit]:
    """Every date pattern that matches where a date may start in `text`. It does not depend on the report period,
    so it is remembered for the last text: the metadata reads one document's text more than once, with and
    without its period. A text that is whole lines of one scanned lately takes its hits from there."""
    return _RECENT.hits(r, text)


def _candidates(r: _Rules, text: str, period: Period | None) -> list[_Atom]:
    atoms = []
    for start, end, groups, kind, priority in _scan(r, text):
        span = _atom(r, groups, kind, period)
        if span is None or text[start:end] in r.not_dates:
            continue
        if kind in ("year", "years", "dm", "short") and r.not_followers.match(text, end):
            continue
        atoms.append(_Atom(start, end, span, kind, priority))
    # a number right after "digit-" is the tail of something else (070-2019, 556677-2021) unless
    # the part before the hyphen is itself a date: 2020-12-01-2021-05-31
    ends = {atom.end for atom in atoms}
    atoms = [
        a
        for a in atoms
        if not (a.start >= 2 and text[a.start - 1] in "-–" and text[a.start - 2].isdigit() and a.start - 1 not in ends)
    ]
    atoms.sort(key=lambda a: (a.start, -(a.end - a.start), -a.priority))
    kept: list[_Atom] = []
    for atom in atoms:
        if kept and atom.start < kept[-1].end:
            continue
        kept.append(atom)
    return kept


_CONTEXT = 40  # how far before a bare month or year its context word may stand
_LABEL_REACH = 200  # how far before a date its field label may stand
_SIGNATURE_REACH = 80  # how far before a date a signature word may stand on its line


def _line_before(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : pos]


def _line_after(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[pos : len(text) if end < 0 else end]


def _is_weak(r: _Rules, text: str, atom: _Atom) -> bool:
    if atom.kind == "abbr":
        return True
    if atom.kind not in ("year", "month"):
        return False
    before = _line_before(text, atom.start)
    after = _line_after(text, atom.end)
    if len(before) <= _LABEL_REACH and any(p.match(before) for p in r.label_prefix.values()):
        return False  # the value of a date field: "Period: 2019"
    if atom.kind == "month":
        return not r.month_context.search(before[-_CONTEXT:])
    if r.year_context.search(before[-_CONTEXT:]):
        return False
    if not before.strip() and not after.strip():  # alone on its line
        return False
    return not (before.rstrip().endswith("(") and after.lstrip().startswith(")"))


def _merge(a: _Atom, b: _Atom) -> _Span | None:
    """Join two atoms into one period, the first taking its year from the second where it lacks one."""
    sa, sb = a.span, b.span
    if sa.y is not None and sb.y is not None:
        ya, yb = sa.y, sb.y
    elif sa.y is None and sb.y is not None:
        yb = sb.y
        ya = yb - 1 if sa.first_key() > sb.first_key() else yb
    elif sa.y is not None:
        ya = sa.y
        yb = ya + 1 if sb.first_key() < sa.first_key() else ya
    else:  # neither has a year: order the ends in a (leap) year chosen only for that
        ya = 2000
        yb = 2001 if sb.first_key() < sa.first_key() else 2000
    merged = _Span(ya, sa.m1, sa.d1, yb + sb.dy - ya, sb.m2, sb.d2)
    days = merged.concrete(ya)
    if days is None or days[0] == days[1] or days == _Span(ya, *_fields(sa)).concrete(ya):
        return None
    if sa.y is None and sb.y is None:
        return _Span(None, *_fields(merged))
    return merged


def _fields(span: _Span) -> tuple[int, int, int, int, int | None]:
    return (span.m1, span.d1, span.dy, span.m2, span.d2)


def _join(r: _Rules, text: str, atoms: list[_Atom]) -> list[_Atom]:
    """The atoms with those joined into periods, each marked weak where it is no date."""
    for atom in atoms:
        atom.weak = _is_weak(r, text, atom)
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = text[a.end : b.start]
            joined = r.range_connector.match(gap) or (
                r.and_connector.match(gap) and r.between_before.search(_line_before(text, a.start))
            )
            if joined:
                span = _merge(a, b)
                if span is not None:
                    alike = {a.kind, b.kind} <= {"month", "abbr"} or a.kind == b.kind == "year"
                    both_weak = a.weak and b.weak and not alike
                    out.append(_Atom(a.start, b.end, span, "range", max(a.priority, b.priority), both_weak))
                    i += 2
                    continue
        out.append(a)
        i += 1
    # a bare month or year beside another date of its kind is a date too ("i januari, februari och mars")
    for index in range(1, len(out)):
        atom, previous = out[index], out[index - 1]
        if atom.weak and not previous.weak and r.list_connector.match(text[previous.end : atom.start]):
            same = previous.kind == atom.kind or (atom.kind == "month" and previous.kind in ("monthyear", "month"))
            if same or (atom.kind == "year" and previous.kind in ("year", "years")):
                atom.weak = False
                atom.listed = True
    return out


def _resolve(span: _Span, period: Period | None) -> tuple[date, date] | None:
    if span.y is not None:
        return span.concrete(span.y)
    if period is None:
        return None
    first, last = period
    fits = []
    for year in range(first.year - span.dy, last.year + 1):
        days = span.concrete(year)
        if days is None:
            continue
        overlap = (min(days[1], last) - max(days[0], first)).days + 1
        length = (days[1] - days[0]).days + 1
        if overlap > 0 and 2 * overlap >= length:
            fits.append(days)
    if len(fits) == 1:
        return fits[0]
    if not fits and first.year == last.year and span.dy == 0:
        return span.concrete(first.year)
    return None


def _read_dates(r: _Rules, text: str, period: Period | None) -> list[_Atom]:
    """The dates and periods of `text`, weak ones too."""
    return _join(r, text, _candidates(r, text, period))


@lru_cache(maxsize=1)
def _dates(r: _Rules, text: str, period: Period | None) -> tuple[_Atom, ...]:
    """The dates and periods of `text` before their years are resolved, remembered for the last text as
    `_scan` is: the metadata reads the whole document with and without its period. Shared: read them only.
    Asked for right after `_scan` of the same text, whose place `_RECENT` remembers."""
    return _RECENT.dates(r, text, period)


def find(text: str, period: Period | None = None) -> list[Found]:
    """Every date or period in `text`; `period` gives years to dates written without one."""
    r = _rules()
    # of the dates read, only a six-digit one depends on the period (`_short`); without one the same dates
    # are found with any period, and only their years are resolved anew
    reads_period = any(hit[3] == "short" for hit in _scan(r, text))
    found = []
    for atom in _dates(r, text, period if reads_period else None):
        days = _resolve(atom.span, period)
        found.append(
            Found(
                char_start=atom.start,
                char_end=atom.end,
                text=text[atom.start : atom.end],
                start=None if days is None else days[0].isoformat(),
                end=None if days is None else days[1].isoformat(),
                kind=atom.kind,
                explicit=atom.span.y is not None,
            )
        )
    return found


def parse(text: str, period: Period | None = None) -> tuple[str | None, str | None]:
    """The days of the first date or period in `text` (None, None when there is none)."""
    for item in find(text, period):
        return item.start, item.end
    return None, None


# --------------------------------------------------------------------------- roles


def _previous_lines(text: str, pos: int, heading: str | None, count: int) -> list[str]:
    """Up to `count` non-empty lines before the line holding `pos`, nearest first; the heading comes last."""
    lines = []
    line_start = text.rfind("\n", 0, pos) + 1
    for line in reversed(text[:line_start].split("\n")):
        if line.strip():
            lines.append(line)
            if len(lines) == count:
                return lines
    if heading and heading.strip():
        lines.append(heading)
    return lines[:count]


def context(text: str, item: Found, heading: str | None = None) -> str | None:
    """What the text says a date is: a labelled field (`report_period`, `project_period`, `report_date`),
    `signature` (beside a signature, or a dateline such as `Nyköping 2021-06-09`), or None."""
    r = _rules()
    before = _line_before(text, item.char_start)
    short = len(before) <= _LABEL_REACH
    tail = before[-_LABEL_REACH:]
    for kind in r.label_prefix:
        if (short and r.label_prefix[kind].match(before)) or r.label_inline[kind].search(tail):
            return kind
    if short and not item.is_range and any(pattern.search(before) for pattern in r.report_date_phrases):
        return "report_date"
    if not before.strip():
        previous = _previous_lines(text, item.char_start, heading, 3)
        if previous:
            for kind, pattern in r.label_line.items():
                if pattern.match(previous[0]):
                    return kind
    after = _line_after(text, item.char_end)
    if not item.is_range and not after.strip():
        place = r.dateline_prefix.match(before)
        if place and not r.month_context.search(place.group("place") + " ") and not r.year_context.search(before):
            return "signature"
    if not item.is_range:
        if r.signature.search(before[-_SIGNATURE_REACH:]):
            return "signature"
        if not before.strip() and any(
            r.signature.search(line) for line in _previous_lines(text, item.char_start, heading, 2)
        ):
            return "signature"
    return None


def label_words() -> tuple[str, ...]:
    """The field labels of `rules/dates.yml` (regular expressions), every kind."""
    return _rules().label_words


def is_label_line(line: str) -> bool:
    """A line holding only a date field's label (`Datum:`, `Tidsperiod (som rapporten avser):`)."""
    return any(pattern.match(line) for pattern in _rules().label_line.values())


def _iso(value: str | None) -> date | None:
    try:
        return None if value is None else date.fromisoformat(value)
    except ValueError:
        return None


def report_period(meta: Metadata) -> Period | None:
    """The report period of `meta` as dates, or None."""
    first, last = _iso(meta.period_start), _iso(meta.period_end)
    return (first, last) if first is not None and last is not None and first <= last else None


def extract(section: Section, meta: Metadata) -> list[DateMention]:
    """Every date or period mentioned in the section."""
    period = report_period(meta)
    mentions = []
    for item in find(section.text, period):
        role = "mention"
        same_period = item.start is not None and (item.start, item.end) == (meta.period_start, meta.period_end)
        # the field a date stands in only decides between these two roles and "mention": without a chance
        # of either, reading the lines around the date cannot change its role
        may_be_period = same_period or (period is None and item.start is not None)
        may_be_report_date = item.start is not None and not item.is_range and meta.report_date in (None, item.start)
        where = context(section.text, item, section.heading) if may_be_period or may_be_report_date else None
        if where in ("report_period", "project_period"):
            if same_period or (period is None and where == "report_period" and item.start is not None):
                role = "period"
        elif where in ("report_date", "signature"):
            if may_be_report_date:
                role = "report_date"
        elif same_period and item.explicit and item.is_range:
            role = "period"
        elif item.explicit and not item.is_range and item.start is not None and item.start == meta.report_date:
            role = "report_date"
        mentions.append(
            DateMention(
                text=item.text,
                start=item.start,
                end=item.end,
                role=role,
                char_start=item.char_start,
                char_end=item.char_end,
                page=section.page_at(item.char_start),
            )
        )
    return mentions
