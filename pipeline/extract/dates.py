"""Dates: placeholder until the date extractor lands."""

from pipeline.model import DateMention, Metadata, Section


def extract(section: Section, meta: Metadata) -> list[DateMention]:
    """Every date or period mentioned in the section."""
    return []
