"""The SQLite database: schema, batches of documents each in one transaction, runs, full-text search.

This is the only module that writes to the database.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.lean_imports import import_sqlite_utils
from pipeline.model import Result

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import sqlite_utils

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
_SECTION_COLUMNS = ("id", "document_id", "ordinal", "heading", "level", "text", "page")  # as `_rows` gives them
_NEW_SECTIONS = "new_sections"  # a temporary table: the sections of a batch on their way in (`_insert_sections`)
_IDS_PER_STATEMENT = 500  # documents deleted by one statement, at most: within any SQLite's limit of 999 values


class _Rows:
    """A table's rows in a batch: the names of its columns, and each row as a tuple of their values (SQLite's
    module binds a tuple's values by position; looking each one up by name in a dict took it 6-10 % of the
    writing's time)."""

    def __init__(self, columns: Iterable[str]) -> None:
        self.columns = list(columns)
        self.values: list[tuple] = []


class _Extracted(_Rows):
    """Rows extracted from sections, which come as dicts that all have the same keys: the columns are their ids
    (their own, their document's and their section's) and then the keys, whose values `get` gives as a tuple."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__(["id", "document_id", "section_id", *keys])
        # itemgetter gives the value of a single key bare, not in a tuple
        self.get: Callable[[dict[str, Any]], tuple] = (
            itemgetter(*keys) if len(keys) > 1 else lambda row: (row[keys[0]],)
        )


def _insert_sql(table: str, columns: list[str]) -> str:
    """An INSERT of one row into `table`, its values given in the order of `columns`."""
    names = ", ".join(f"[{c}]" for c in columns)
    return f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"


def document_id(relpath: str) -> str:
    """A stable id for the file at this path (relative to the input folder)."""
    return hashlib.sha1(relpath.encode("utf-8")).hexdigest()[:16]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """The single writer of the database."""

    def __init__(self, path: Path, create: bool = True) -> None:
        """Open (and with `create`, set up) the database; otherwise the tables are made at the first write."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # one thread at a time: the run hands the store to its writing thread and takes it back when that ends
        self.conn = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._db: sqlite_utils.Database | None = None
        if create:
            self.prepare()

    @property
    def db(self) -> sqlite_utils.Database:
        """The database, with its tables made (sqlite-utils is loaded here: a run that finds nothing new to read
        spends no time on it before it knows)."""
        if self._db is None:
            self._db = import_sqlite_utils().Database(self.conn)
            self._create()
        return self._db

    def prepare(self) -> None:
        """Make the tables now rather than at the first write."""
        _ = self.db

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
        query = "SELECT path, content_hash, size, mtime_ns, pipeline_version, status FROM documents"
        try:
            rows = self.conn.execute(query).fetchall()
        except sqlite3.OperationalError:  # a new database: no tables yet
            if self._db is not None:
                raise
            return {}
        return {row[0]: tuple(row[1:]) for row in rows}

    def write(self, result: Result, content_hash: str, size: int, mtime_ns: int, version: str) -> None:
        """Replace one document and all its rows in a single transaction."""
        self.write_many([(result, content_hash, size, mtime_ns, version)])

    def write_many(self, items: list[tuple[Result, str, int, int, str]]) -> None:
        """Replace several documents, each `(result, content hash, size, mtime, pipeline version)`, and all their
        rows in a single transaction: all of them are written or none."""
        if not items:
            return
        tables: dict[str, _Rows] = {}
        for result, content_hash, size, mtime_ns, version in items:
            self._rows(result, content_hash, size, mtime_ns, version, tables)
        self.prepare()
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self._delete([row[0] for row in tables["documents"].values])
            for name in ("documents", *_CHILDREN[::-1]):
                table = tables.get(name)
                if table is None or not table.values:
                    continue
                if name == "sections":
                    self._insert_sections(table.columns, table.values)
                else:
                    self.conn.executemany(_insert_sql(name, table.columns), table.values)

    def _insert_sections(self, columns: list[str], values: list[tuple]) -> None:
        """Insert sections through a temporary table, so that one statement moves them all into `sections` and
        the triggers that keep `sections_fts` up to date run within that one statement. FTS5 writes the terms it
        holds to a new segment of its index whenever a statement that may have to be undone begins (an insert
        that fires a trigger is one), so a statement per section made a segment per section, and merging them
        took 40 % of the writing."""
        names = ", ".join(f"[{c}]" for c in columns)
        # untyped columns keep each value as it is given: `sections` applies its column types as before
        self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS [{_NEW_SECTIONS}] ({names})")
        self.conn.executemany(_insert_sql(_NEW_SECTIONS, columns), values)
        self.conn.execute(f"INSERT INTO [sections] ({names}) SELECT {names} FROM temp.[{_NEW_SECTIONS}] ORDER BY rowid")
        self.conn.execute(f"DELETE FROM temp.[{_NEW_SECTIONS}]")

    @staticmethod
    def _rows(
        result: Result, content_hash: str, size: int, mtime_ns: int, version: str, tables: dict[str, _Rows]
    ) -> None:
        """Add one document's row and its sections, figures, dates and entities to `tables`."""
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
        if "documents" not in tables:
            tables["documents"] = _Rows(document)
            tables["sections"] = _Rows(_SECTION_COLUMNS)
        tables["documents"].values.append(tuple(document.values()))
        for index, section in enumerate(result.sections):
            section_id = f"{doc_id}-{section.ordinal}"
            tables["sections"].values.append(
                (section_id, doc_id, section.ordinal, section.heading, section.level, section.text, section.page)
            )
            for letter, name, rows in (
                ("f", "figures", result.figures),
                ("d", "dates", result.dates),
                ("e", "entities", result.entities),
            ):
                if index >= len(rows) or not rows[index]:
                    continue
                table = tables.get(name)
                if not isinstance(table, _Extracted):  # the first row's keys, columns of the schema, name all
                    table = tables[name] = _Extracted(list(rows[index][0]))
                # a tuple straight from the extracted row (copying it into a dict with its ids, to be read out
                # again by name, made the rows half again as slow to build); a bool, as `approx`, is bound as
                # the integer it is
                for number, row in enumerate(rows[index]):
                    table.values.append((f"{section_id}-{letter}{number}", doc_id, section_id, *table.get(row)))

    def _delete(self, doc_ids: list[str]) -> None:
        """Delete these documents and their rows, a statement per table for as many of them as one may name: the
        trigger that removes deleted sections from `sections_fts` then runs within one statement (see
        `_insert_sections`), and a document the database does not hold costs five lookups, not five statements."""
        for start in range(0, len(doc_ids), _IDS_PER_STATEMENT):
            chunk = doc_ids[start : start + _IDS_PER_STATEMENT]
            marks = ", ".join("?" * len(chunk))
            for table in _CHILDREN:
                self.conn.execute(f"DELETE FROM {table} WHERE document_id IN ({marks})", chunk)
            self.conn.execute(f"DELETE FROM documents WHERE id IN ({marks})", chunk)

    def remove(self, paths: list[str]) -> None:
        """Remove documents (and their rows) whose files are gone."""
        self.prepare()
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            self._delete([document_id(path) for path in paths])

    def record_run(self, run: dict[str, Any]) -> None:
        """Add a row to `runs`. A run that wrote nothing (an unchanged re-run) adds it with one statement, without
        loading sqlite-utils and checking every table (half of such a run's time), unless the table lacks a
        column, as in a database of an older version: then the tables are brought up to date first."""
        if self._db is None:
            try:
                self.conn.execute(_insert_sql("runs", list(run)), tuple(run.values()))
                return
            except sqlite3.OperationalError:
                pass
        with self.conn:
            self.db["runs"].insert(run)

    def close(self) -> None:
        self.conn.close()
