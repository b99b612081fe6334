"""Running page numbers ("Sida 3 av 12", "- 4 -", "3 (12)"), as `rules/page_marks.yml` writes them.

Cleaning drops a line that is only such a mark; the PDF reader also takes the looser marks of a page's margin
("3/12", a bare "7") for furniture when they stand there.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline import rules

RULES = "page_marks.yml"


def _whole_line(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    return re.compile("^(?:" + "|".join(p.pattern for p in patterns) + ")$", re.IGNORECASE)


@cache
def _marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = rules.load_yaml(RULES)
    anywhere = rules.compile_patterns(data, RULES, "anywhere")
    in_margin = rules.compile_patterns(data, RULES, "in_margin")
    return _whole_line(anywhere), _whole_line(anywhere + in_margin)


def is_page_mark(line: str) -> bool:
    """Whether the (trimmed) line is only a page number that is one wherever it stands."""
    return _marks()[0].match(line) is not None


def is_margin_page_mark(line: str) -> bool:
    """Whether the (trimmed) line, standing in a page's top or bottom margin, is only a page number."""
    return _marks()[1].match(line) is not None
