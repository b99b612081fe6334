"""A look-ahead for the characters a regular expression's matches can begin with.

Python's `re` tries a pattern at every position of a text, and a pattern that begins with a look-behind, `\\b`
or a group gets no help from it in skipping positions. Behind a look-ahead for the characters its matches can
begin with, read from its parsed form, the pattern finds the same matches while a scan passes over every other
position at once.
"""

from __future__ import annotations

import re
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


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern behind a look-ahead for the characters its matches begin with, where these are sure (else
    the pattern itself): the same matches, found faster."""
    members = _first_chars(_sre_parse.parse(pattern.pattern, pattern.flags))
    if not members:
        return pattern
    flags = _LEADING_FLAGS.match(pattern.pattern)
    body = pattern.pattern[flags.end() :] if flags else pattern.pattern
    return re.compile("(?=[" + "".join(dict.fromkeys(members)) + "])" + body, pattern.flags)
