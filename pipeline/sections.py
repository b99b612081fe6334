"""Split cleaned blocks into sections at their headings.

A block is a heading when its format says so (a heading style, a larger
font), when it is numbered (`1.`, `3.1`, `A.`), when it is a form question on
its own line (`Hur många deltagare ...?`, `Beskriv ...:`), or when it is a
short title-like line followed by a real paragraph. The patterns live in
`rules/headings.yml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice

from pipeline import rules
from pipeline.model import Block, Section, SectionTable

_RULES = "headings.yml"
_SENTENCE_END = (".", "!", ";", ",", ":")


@dataclass(frozen=True)
class HeadingRules:
    openers: tuple[str, ...]
    numbered: re.Pattern[str]
    title_max_chars: int
    title_max_words: int
    body_min_chars: int
    label_max_words: int
    no_last_words: frozenset[str]
    not_headings: tuple[re.Pattern[str], ...]
    ignore_lines: frozenset[str]


@cache
def heading_rules() -> HeadingRules:
    """The heading rules from `rules/headings.yml`, validated."""
    data = rules.load_yaml(_RULES)
    openers = tuple(word.lower() for word in rules.string_list(data, _RULES, "form_question_openers"))
    numbered = rules.compile_patterns(
        {"numbered": [rules.require(data, _RULES, "numbered", str)]}, _RULES, "numbered", 0
    )
    ignore = rules.require(data, _RULES, "ignore_lines", list)
    return HeadingRules(
        openers=openers,
        numbered=numbered[0],
        title_max_chars=rules.require(data, _RULES, "title_max_chars", int),
        title_max_words=rules.require(data, _RULES, "title_max_words", int),
        body_min_chars=rules.require(data, _RULES, "body_min_chars", int),
        label_max_words=rules.require(data, _RULES, "label_max_words", int),
        no_last_words=frozenset(word.lower() for word in rules.string_list(data, _RULES, "no_last_words")),
        not_headings=tuple(rules.compile_patterns(data, _RULES, "not_headings")),
        ignore_lines=frozenset(str(line).strip().lower() for line in ignore),
    )


def _is_form_question(text: str, hr: HeadingRules) -> bool:
    if not text.endswith(("?", ":")) or len(text) > 220:
        return False
    first = text.split(maxsplit=1)[0].lower().strip(",")
    return first in hr.openers or (text.endswith(":") and len(text.split()) <= hr.label_max_words)


def _is_body(block: Block | None, hr: HeadingRules) -> bool:
    if block is None:
        return False
    if block.kind in ("table", "list_item"):
        return True
    return len(block.text) >= hr.body_min_chars or block.text.rstrip().endswith((".", "!"))


def _is_title_like(text: str, hr: HeadingRules) -> bool:
    if len(text) > hr.title_max_chars:  # before splitting the text into words
        return False
    words = text.split()
    return (
        bool(words)
        and words[-1].lower() not in hr.no_last_words
        and len(words) <= hr.title_max_words
        and text[:1].isupper()
        and not text.endswith(_SENTENCE_END)
        and len(list(islice(filter(str.isalpha, text), 3))) == 3  # three letters at least
    )


def heading_level(block: Block, following: Block | None, hr: HeadingRules | None = None) -> int | None:
    """The heading level of a block, or None when it is body text."""
    hr = hr or heading_rules()
    text = block.text.strip()
    if block.kind in ("table", "list_item") or "\n" in text or not text:
        return None
    if text.lower() in hr.ignore_lines:
        return None
    if block.kind == "heading":
        return block.level or 1
    level = _unstyled_level(block, text, following, hr)
    # `not_headings` vetoes a level; most blocks have none, and these searches scan the whole text.
    if level is not None and any(pattern.search(text) for pattern in hr.not_headings):
        return None
    return level


def _unstyled_level(block: Block, text: str, following: Block | None, hr: HeadingRules) -> int | None:
    """The heading level that a block without a heading style has by its wording, before `not_headings`."""
    numbered = hr.numbered.match(text)
    if numbered and _is_title_like(numbered.group("title"), hr) and following is not None:
        number = numbered.group("number").rstrip(".")
        return number.count(".") + 1 if number[:1].isdigit() else 1
    if _is_form_question(text, hr):
        return 1
    if _is_title_like(text, hr) and (_is_body(following, hr) or (block.bold and following is not None)):
        return None if following is not None and following.kind == "heading" and not block.bold else 2
    if block.bold and len(text) <= 2 * hr.title_max_chars and not text.endswith(".") and _is_body(following, hr):
        return 2
    return None


def _levels(found: list[int | None], blocks: list[Block]) -> list[int | None]:
    """Plain title-like lines (level 2) become level 1 where the document has no level-1 heading above them."""
    result: list[int | None] = []
    seen_top = False
    for level, block in zip(found, blocks, strict=True):
        if level == 1:
            seen_top = True
        if level == 2 and block.kind != "heading" and not seen_top:
            level = 1
        result.append(level)
    return result


class _Builder:
    """Accumulates one section's text, page marks and tables."""

    def __init__(self, ordinal: int, heading: str | None, level: int, page: int | None) -> None:
        self.section = Section(ordinal=ordinal, heading=heading, level=level, text="", page=page)
        self.parts: list[str] = []
        self.length = 0

    def add(self, block: Block) -> None:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        if block.page is not None:
            if self.section.page is None:
                self.section.page = block.page
            if not self.section.pages or self.section.pages[-1][1] != block.page:
                self.section.pages.append((start, block.page))
        if block.kind == "table" and block.rows:
            self._add_table(block, start)
        else:
            self.parts.append(block.text)
            self.length += len(block.text)

    def _add_table(self, block: Block, start: int) -> None:
        spans: list[list[tuple[int, int]]] = []
        offset = start
        pieces: list[str] = []
        for r, row in enumerate(block.rows or []):
            if r:
                pieces.append("\n")
                offset += 1
            row_spans = []
            for c, cell in enumerate(row):
                if c:
                    pieces.append("\t")
                    offset += 1
                row_spans.append((offset, offset + len(cell)))
                pieces.append(cell)
                offset += len(cell)
            spans.append(row_spans)
        text = "".join(pieces)
        self.parts.append(text)
        self.length += len(text)
        self.section.tables.append(
            SectionTable(rows=[list(row) for row in block.rows or []], cell_spans=spans, page=block.page)
        )

    def build(self) -> Section:
        self.section.text = "".join(self.parts)
        return self.section


def split(blocks: list[Block]) -> list[Section]:
    """Sections in reading order; text before the first heading is section 0 with heading None."""
    hr = heading_rules()
    found = [heading_level(block, blocks[i + 1] if i + 1 < len(blocks) else None, hr) for i, block in enumerate(blocks)]
    levels = _levels(found, blocks)
    sections: list[Section] = []
    current: _Builder | None = None
    for block, level in zip(blocks, levels, strict=True):
        if level is not None:
            if current is not None:
                sections.append(current.build())
            current = _Builder(len(sections), block.text.strip(), level, block.page)
            continue
        if current is None:
            current = _Builder(0, None, 0, block.page)
        current.add(block)
    if current is not None:
        sections.append(current.build())
    return sections
