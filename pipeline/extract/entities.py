"""Entities: placeholder until the entity extractor lands."""

from pipeline.model import Entity, Section


def extract(section: Section) -> list[Entity]:
    """Named organisations, places and persons in the section."""
    return []
