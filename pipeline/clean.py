"""Cleaning that every format shares.

Drops page furniture (running headers, footers, page numbers), joins words
hyphenated across line ends, rejoins paragraphs split by a page break or a
stray page number, unwraps hard-wrapped lines and normalises whitespace.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline import page_marks
from pipeline.model import Block, Document

_BARE_NUMBER = re.compile(r"^\d{1,4}$")
# Runs of spaces and single odd spaces: a lone plain space, by far the most common, is already what it becomes.
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009]{2,}|[\t\u00a0\u2007\u202f\u2009]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\ufeff]")
_LABEL = re.compile(r"^[A-ZÅÄÖ][\w ()/.-]{0,40}:\s+\S")
_BULLET = re.compile(r"^(?:[-•*–·▪◦]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)")
_ITEM = re.compile(f"{_BULLET.pattern}|{_LABEL.pattern}")  # a list item or a label: a new piece of a block
_KEEP_HYPHEN_NEXT = {"och", "eller", "samt", "resp", "respektive", "som", "till"}
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", ")")


def normalise(text: str) -> str:
    """Soft hyphens and zero-width characters out; every kind of space one plain space."""
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))  # no run of spaces crosses a line break
    if "\n" not in text:
        return text.strip()
    return "\n".join(filter(None, map(str.strip, text.split("\n"))))


def _replace(block: Block, **changes: Any) -> Block:
    """`dataclasses.replace` without its per-call look-up of the fields (a Block's fields are all its state)."""
    return Block(**{**vars(block), **changes})


def _join_hyphen(left: str, right: str) -> str | None:
    """`arbets-` + `marknaden` → `arbetsmarknaden`; None when the hyphen is a line-end dash that stays."""
    if not left.endswith("-") or len(left) < 2 or not right:
        return None
    before = left[-2]
    first_word = re.match(r"[\wåäöÅÄÖ]+", right)
    if not first_word:
        return None
    if first_word.group().lower() in _KEEP_HYPHEN_NEXT:
        return left + " " + right
    if before.islower() and right[0].islower():
        return left[:-1] + right
    if before.isalpha() or before.isdigit():
        return left + right  # EU-\nprojekt, 2020-\n12-01: a real hyphen
    return None


def _is_title_like(line: str, longest: int) -> bool:
    return (
        len(line) <= 100
        and len(line) < longest * 0.6
        and not line.endswith((".", ",", ";"))
        and (line[:1].isupper() or line[:1].isdigit() or line.startswith("§"))
    )


def _unwrap(block: Block, text: str) -> list[Block]:
    """Join the wrapped lines of a block's (normalised) text into one paragraph; split where a line is a title or
    list item."""
    lines = text.split("\n")
    if len(lines) == 1:
        return [_replace(block, text=text)]
    longest = max(map(len, lines))
    if longest < 60 and all(line[:1].isupper() or line[:1].isdigit() for line in lines):
        return [_replace(block, text=line) for line in lines]  # a title or address block: one item a line
    pieces: list[list[str]] = [[lines[0]]]
    for line in lines[1:]:
        previous = pieces[-1][-1]
        starts_new = bool(_ITEM.match(line)) or (
            line[:1].isupper()
            and (_is_title_like(previous, longest) or (previous.endswith(("?", ":")) and len(previous) < longest * 0.8))
        )
        if starts_new:
            pieces.append([line])
        else:
            pieces[-1].append(line)
    hyphens = "-\n" in text  # else every line joins the next with a space
    blocks = []
    for piece in pieces:
        if hyphens:
            joined = piece[0]
            for line in piece[1:]:
                joined = _join_hyphen(joined, line) or f"{joined} {line}"
        else:
            joined = " ".join(piece)
        kind = block.kind
        if kind == "paragraph" and _BULLET.match(joined) and len(pieces) > 1:
            kind = "list_item"
        blocks.append(_replace(block, text=joined, kind=kind))
    return blocks


def _ends_mid_sentence(block: Block) -> bool:
    return block.kind == "paragraph" and not block.text.rstrip().endswith(_SENTENCE_END)


def _continues(block: Block) -> bool:
    return block.kind == "paragraph" and block.text[:1].islower()


def _drop_page_numbers(blocks: list[Block]) -> list[Block]:
    """Remove page marks; a bare number counts as one only where it interrupts a sentence or sits between paragraphs."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        text = block.text.strip()
        if block.kind == "paragraph" and page_marks.is_page_mark(text):
            continue
        if block.kind == "paragraph" and _BARE_NUMBER.match(text) and 0 < index < len(blocks) - 1:
            before, after = blocks[index - 1], blocks[index + 1]
            mid_sentence = _ends_mid_sentence(before) and _continues(after)
            between_paragraphs = before.text.rstrip().endswith((".", "!", "?")) and len(before.text) > 60
            if mid_sentence or between_paragraphs:
                continue
        kept.append(block)
    return kept


def _rejoin(blocks: list[Block]) -> list[Block]:
    """A paragraph that a page break or page number cut in two becomes one again."""
    joined: list[Block] = []
    for block in blocks:
        if joined and _ends_mid_sentence(joined[-1]) and _continues(block) and len(joined[-1].text) > 40:
            previous = joined[-1]
            text = _join_hyphen(previous.text, block.text) or f"{previous.text} {block.text}"
            joined[-1] = _replace(previous, text=text)
        else:
            joined.append(block)
    return joined


def clean(document: Document) -> list[Block]:
    """The document's body blocks, cleaned, in reading order."""
    blocks: list[Block] = []
    for block in document.blocks:
        if block.furniture:
            continue
        if block.kind == "table":
            rows = [[normalise(cell).replace("\n", " ") for cell in row] for row in block.rows or []]
            blocks.append(_replace(block, rows=rows, text="\n".join("\t".join(row) for row in rows)))
            continue
        text = normalise(block.text)
        if not text:
            continue
        if block.kind == "heading":
            blocks.append(_replace(block, text=" ".join(text.split("\n"))))
        else:
            blocks.extend(_unwrap(block, text))
    return _rejoin(_drop_page_numbers(blocks))
