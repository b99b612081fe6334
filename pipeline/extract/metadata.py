"""Metadata: placeholder until the metadata extractor lands."""

from collections.abc import Sequence

from pipeline.model import Metadata, Section


def extract(sections: Sequence[Section], properties: dict[str, str]) -> Metadata:
    """What the report is: title, type, project, period, report date."""
    return Metadata()
