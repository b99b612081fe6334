"""Figures: placeholder until the figure extractor lands."""

from pipeline.model import Figure, Section


def extract(section: Section) -> list[Figure]:
    """Every meaningful number in the section."""
    return []
