"""One file through the whole pipeline: read, clean, split, extract. Runs inside a worker."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline import clean, sections
from pipeline.extract import dates, entities, figures, metadata
from pipeline.model import Document, Result
from pipeline.readers import read_or_fail

STAGES = ("read", "clean", "sections", "metadata", "figures", "dates", "entities")


class _Clock:
    """Adds the time since the last lap to a stage's total."""

    def __init__(self) -> None:
        self.timings = dict.fromkeys(STAGES, 0.0)
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] += now - self.last
        self.last = now


def process(path: Path, relpath: str) -> Result:
    """Extract everything from one file; a file that cannot be read gives a failed Result with a reason."""
    document, seconds = read_or_fail(path, relpath)
    return document if isinstance(document, Result) else process_read(document, relpath, seconds)


def process_read(document: Document, relpath: str, read_seconds: float = 0.0) -> Result:
    """Extract everything from a document already read (in `read_seconds`)."""
    clock = _Clock()
    clock.timings["read"] = read_seconds
    try:
        return _extract(document, relpath, clock)
    except MemoryError:
        return Result.failed(relpath, "extraction needed more memory than allowed")
    except Exception as exc:  # an extractor's bug must cost one file, not the run
        return Result.failed(relpath, f"extraction failed ({type(exc).__name__}: {exc})")


def _extract(document: Document, relpath: str, clock: _Clock) -> Result:
    blocks = clean.clean(document)
    clock.lap("clean")
    parts = sections.split(blocks)
    clock.lap("sections")
    meta = metadata.extract(parts, document.properties)
    clock.lap("metadata")
    result = Result(
        path=relpath,
        status="ok",
        format=document.format,
        pages=document.pages,
        ocr=document.ocr,
        ocr_confidence=document.ocr_confidence,
        meta=meta,
        sections=parts,
        timings=clock.timings,
    )
    # the rows' fields are plain values, so each row's own attribute dict is its record
    for section in parts:
        result.figures.append([vars(row) for row in figures.extract(section)])
        clock.lap("figures")
        result.dates.append([vars(row) for row in dates.extract(section, meta)])
        clock.lap("dates")
        result.entities.append([vars(row) for row in entities.extract(section)])
        clock.lap("entities")
    return result
