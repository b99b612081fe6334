"""The SQLite database: schema, one transaction per document, runs, full-text search.

This is the only module that writes to the database.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from pipeline.model import Result

SCHEMA: dict[str, dict[str, Any]] = {
    "documents": {
        "columns": {
            "id": str,
            "path": str,
            "format": str,
            "status": str,
            "error": str,
            "pages": int,
            "title": str,
            "report_type": str,
            "project_name": str,
            "period_start": str,
            "period_end": str,
            "report_date": str,
            "ocr": int,
            "ocr_confidence": float,
            "content_hash": str,
            "size": int,
            "mtime_ns": int,
            "pipeline_version": str,
            "extracted_at": str,
        },
        "pk": "id",
    },
    "sections": {
        "columns": {
            "id": str,
            "document_id": str,
            "ordinal": int,
            "heading": str,
            "level": int,
            "text": str,
            "page": int,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id")],
    },
    "figures": {
        "columns": {
            "id": str,
            "document_id": str,
            "section_id": str,
            "value": float,
            "value_max": float,
            "approx": int,
            "category": str,
            "measure": str,
            "gender": str,
            "unit": str,
            "span": str,
            "sentence": str,
            "page": int,
            "char_start": int,
            "char_end": int,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id"), ("section_id", "sections", "id")],
    },
    "dates": {
        "columns": {
            "id": str,
            "document_id": str,
            "section_id": str,
            "text": str,
            "start": str,
            "end": str,
            "role": str,
            "page": int,
            "char_start": int,
            "char_end": int,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id"), ("section_id", "sections", "id")],
    },
    "entities": {
        "columns": {
            "id": str,
            "document_id": str,
            "section_id": str,
            "text": str,
            "label": str,
            "normalized": str,
            "char_start": int,
            "char_end": int,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id"), ("section_id", "sections", "id")],
    },
    "runs": {
        "columns": {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "input": str,
            "files": int,
            "ok": int,
            "failed": int,
            "skipped": int,
            "removed": int,
            "pages": int,
            "seconds": float,
            "pipeline_version": str,
        },
        "pk": "id",
    },
}

INDEXES = {
    "sections": [["document_id", "ordinal"]],
    "figures": [["document_id"], ["section_id"], ["category", "measure", "gender"]],
    "dates": [["document_id"], ["section_id"], ["role"]],
    "entities": [["document_id"], ["section_id"], ["label", "normalized"]],
    "documents": [["path"], ["project_name"], ["report_type"]],
}
_CHILDREN = ("figures", "dates", "entities", "sections")


def document_id(relpath: str) -> str:
    """A stable id for the file at this path (relative to the input folder)."""
    return hashlib.sha1(relpath.encode("utf-8")).hexdigest()[:16]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """The single writer of the database."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.db = sqlite_utils.Database(self.conn)
        self._create()

    def _create(self) -> None:
        with self.conn:
            for name, spec in SCHEMA.items():
                table = self.db[name]
                if not table.exists():
                    table.create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"))
                else:
                    missing = {c: t for c, t in spec["columns"].items() if c not in table.columns_dict}
                    for column, kind in missing.items():
                        table.add_column(column, kind)
            for name, indexes in INDEXES.items():
                for columns in indexes:
                    self.db[name].create_index(columns, if_not_exists=True)
            if not self.db["sections_fts"].exists():
                self.db["sections"].enable_fts(
                    ["heading", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 0"
                )

    def known(self) -> dict[str, tuple[str | None, int | None, int | None, str | None, str]]:
        """Path → (content hash, size, mtime, pipeline version, status) of every document stored."""
        rows = self.conn.execute("SELECT path, content_hash, size, mtime_ns, pipeline_version, status FROM documents")
        return {row[0]: tuple(row[1:]) for row in rows}

    def write(self, result: Result, content_hash: str, size: int, mtime_ns: int, version: str) -> None:
        """Replace one document and all its rows in a single transaction."""
        doc_id = document_id(result.path)
        meta = result.meta
        document = {
            "id": doc_id,
            "path": result.path,
            "format": result.format,
            "status": result.status,
            "error": result.error,
            "pages": result.pages,
            "title": meta.title,
            "report_type": meta.report_type,
            "project_name": meta.project_name,
            "period_start": meta.period_start,
            "period_end": meta.period_end,
            "report_date": meta.report_date,
            "ocr": int(result.ocr),
            "ocr_confidence": result.ocr_confidence,
            "content_hash": content_hash,
            "size": size,
            "mtime_ns": mtime_ns,
            "pipeline_version": version,
            "extracted_at": now(),
        }
        sections, figures, dates, entities = [], [], [], []
        for index, section in enumerate(result.sections):
            section_id = f"{doc_id}-{section.ordinal}"
            sections.append(
                {
                    "id": section_id,
                    "document_id": doc_id,
                    "ordinal": section.ordinal,
                    "heading": section.heading,
                    "level": section.level,
                    "text": section.text,
                    "page": section.page,
                }
            )
            for letter, rows, target in (
                ("f", result.figures, figures),
                ("d", result.dates, dates),
                ("e", result.entities, entities),
            ):
                for number, row in enumerate(rows[index] if index < len(rows) else []):
                    record = dict(row, id=f"{section_id}-{letter}{number}", document_id=doc_id, section_id=section_id)
                    if "approx" in record:
                        record["approx"] = int(record["approx"])
                    target.append(record)
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self._delete(doc_id)
            self.db["documents"].insert(document)
            self.db["sections"].insert_all(sections)
            self.db["figures"].insert_all(figures)
            self.db["dates"].insert_all(dates)
            self.db["entities"].insert_all(entities)

    def _delete(self, doc_id: str) -> None:
        for table in _CHILDREN:
            self.conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def remove(self, paths: list[str]) -> None:
        """Remove documents (and their rows) whose files are gone."""
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            for path in paths:
                self._delete(document_id(path))

    def record_run(self, run: dict[str, Any]) -> None:
        with self.conn:
            self.db["runs"].insert(run)

    def close(self) -> None:
        self.conn.close()
