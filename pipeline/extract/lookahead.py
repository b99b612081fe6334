"""A look-ahead for the characters a regular expression's matches can begin with.

Python's `re` tries a pattern at every position of a text, and a pattern that begins with a look-behind, `\\b`
or a group gets no help from it in skipping positions. Behind a look-ahead for the characters its matches can
begin with, read from its parsed form, the pattern finds the same matches while a scan passes over every other
position at once.

A list of literal words is written as a tree of their shared beginnings (`words_pattern`), which `re` leaves after
a character or two where an alternation of the words tries every one in turn.

Several patterns can share one scan (`places_of`): it finds every position where any of them matches, and each
is then tried only there (`matches_at`), instead of each scanning the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import combinations
from re import _constants as _sre  # the parsed form of a pattern
from re import _parser as _sre_parse

_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_LEADING_FLAGS = re.compile(r"^(?:\(\?[aiLmsux]+\))+")


def _first_chars(items) -> list[str] | None:
    """The members of a character class holding every character a match of a parsed pattern can begin with;
    None where that is not sure (a pattern that can begin with anything, or match nothing)."""
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _sre.LITERAL:
            return [re.escape(chr(arg))]
        if op is _sre.IN:
            members = []
            for kind, value in arg:
                if kind is _sre.LITERAL:
                    members.append(re.escape(chr(value)))
                elif kind is _sre.RANGE:
                    members.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind is _sre.CATEGORY and value is _sre.CATEGORY_DIGIT:
                    members.append(r"\d")
                else:
                    return None
            return members
        if op is _sre.SUBPATTERN and not arg[1] and not arg[2]:  # a group that sets no flags of its own
            return _first_chars(arg[3])
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            return _first_chars(arg[2])
        if op is _sre.BRANCH:
            members = []
            for branch in arg[1]:
                found = _first_chars(branch)
                if found is None:
                    return None
                members += found
            return members
        return None
    return None


def first_chars(pattern: re.Pattern[str]) -> list[str] | None:
    """The members of a character class holding every character the pattern's matches can begin with (as its
    flags read them), or None where that is not sure."""
    return _first_chars(_sre_parse.parse(pattern.pattern, pattern.flags)) or None


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern behind a look-ahead for the characters its matches begin with, where these are sure (else
    the pattern itself): the same matches, found faster."""
    members = first_chars(pattern)
    if not members:
        return pattern
    return re.compile("(?=[" + "".join(dict.fromkeys(members)) + "])" + _body(pattern), pattern.flags)


def _body(pattern: re.Pattern[str]) -> str:
    """The pattern's source without the flags it sets at its start (they are in `pattern.flags`)."""
    flags = _LEADING_FLAGS.match(pattern.pattern)
    return pattern.pattern[flags.end() :] if flags else pattern.pattern


_SCOPED_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"), (re.ASCII, "a"))


def places_of(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """A pattern whose matches begin at every position where one of `patterns` matches (within the same bounds),
    and nowhere else: their starts are the places. None where that cannot be built: a pattern with capturing groups
    (their numbers would change) or without sure first characters (the scan could not skip positions)."""
    members: list[str] = []
    caseless = False
    for pattern in patterns:
        first = first_chars(pattern)
        if first is None or pattern.groups:
            return None
        members += first
        caseless = caseless or bool(pattern.flags & re.IGNORECASE)
    start = "[" + "".join(dict.fromkeys(members)) + "]"
    ahead = _any_of(patterns)
    try:
        if not caseless or _uncased(start):
            # The first character taken, the rest looked for from it behind: `re` leaves the positions a pattern
            # that begins with a character class cannot match without trying the pattern there, where one that
            # matches nothing (the look-aheads alone) is tried at every position.
            return re.compile(f"{start}(?<={ahead}{start})")
        # the look-ahead admits what any member admits: a superset only costs a few tries
        return re.compile(f"(?=(?i:{start})){ahead}")
    except re.error:  # flags that cannot be scoped
        return None


def line_places_of(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """For patterns whose every match begins at the start of a line (`(?m)^` first): a pattern that matches the
    line breaks after which one of them matches, or None where that cannot be built (a pattern with capturing
    groups). The places are the ends of its matches, and the text's start. `re` skips from one line break to the
    next at once, where a pattern that begins with `^` is tried at every position."""
    if any(pattern.groups for pattern in patterns):
        return None
    try:
        return re.compile(r"\n" + _any_of(patterns))
    except re.error:  # flags that cannot be scoped
        return None


def _any_of(patterns: list[re.Pattern[str]]) -> str:
    """A look-ahead for a match of any of `patterns`, each with its own flags."""
    branches = []
    for pattern in patterns:
        flags = "".join(letter for flag, letter in _SCOPED_FLAGS if pattern.flags & flag)
        branches.append(f"(?{flags}:{_body(pattern)})")
    return "(?=" + "|".join(branches) + ")"


def _uncased(char_class: str) -> bool:
    """A character class whose characters have no case: it matches the same characters case-insensitively."""
    for op, arg in _sre_parse.parse(char_class)[0][1]:
        if op is _sre.LITERAL:
            chars = [chr(arg)]
        elif op is _sre.RANGE:
            chars = map(chr, range(arg[0], arg[1] + 1))
        elif op is _sre.CATEGORY and arg is _sre.CATEGORY_DIGIT:
            continue  # decimal digits have no case
        else:
            return False
        if any(c.lower() != c or c.upper() != c or c.casefold() != c for c in chars):
            return False
    return True


def matches_at(pattern: re.Pattern[str], text: str, places: list[int], end: int) -> list[tuple[int, int]]:
    """The spans of `pattern.finditer(text, places[0], end)` when every match of it begins at one of `places`
    (ascending) and is not empty: the pattern is tried only there."""
    spans = []
    resume = 0
    for place in places:
        if place >= resume:
            match = pattern.match(text, place, end)
            if match is not None and match.end() > place:
                spans.append(match.span())
                resume = match.end()
    return spans


def words_pattern(words: Iterable[str]) -> str:
    """Literal words as one pattern that matches what a longest-first alternation of them matches, written as a
    tree of their shared beginnings: `re` rejects a position after a character or two instead of trying every
    word in turn. Where two branches of the tree would begin with characters that match each other
    case-insensitively (both could match the same text), the longest-first alternation itself."""
    unique = sorted(set(words))  # the same pattern in every process, whatever order the words came in
    tree: dict[str, dict] = {}
    for word in unique:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    pattern = _branches(tree)
    if pattern is None:
        return "|".join(re.escape(w) for w in sorted(unique, key=lambda w: (-len(w), w)))
    return pattern


def _branches(node: dict[str, dict]) -> str | None:
    chars = [char for char in node if char]
    if any(_caseless_equal(a, b) for a, b in combinations(chars, 2)):
        return None
    branches = []
    for char in chars:
        rest = _branches(node[char])
        if rest is None:
            return None
        branches.append(re.escape(char) + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body  # greedy: the longer word first


def _caseless_equal(a: str, b: str) -> bool:
    return bool(re.fullmatch(re.escape(a), b, re.IGNORECASE) or re.fullmatch(re.escape(b), a, re.IGNORECASE))
