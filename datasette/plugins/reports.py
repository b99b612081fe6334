"""Datasette plugin for a rapportextrakt database (loaded with `--plugins-dir datasette/plugins`).

- `initiative_key(name)`: the normalised project name the audit groups reports by, as an SQL function.
- Cells of a `figure_id` column link to the `figure_provenance` query; the `context` column shows the
  span marked; whole numbers stored as REAL show without `.0`.
- The metadata written for the `reports` database (`datasette/metadata.yml`) applies to a database of any
  file name, so `make serve DB=outputs/other.db` has the same descriptions and queries.
"""

from __future__ import annotations

import html
import re
import unicodedata
import urllib.parse
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from datasette import hookimpl

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
REPORTS = "reports"
MARKED = re.compile(r"⟦(.*?)⟧", re.S)


@cache
def _reports_metadata() -> dict[str, Any]:
    data = yaml.safe_load(METADATA.read_text(encoding="utf-8")) or {}
    return (data.get("databases") or {}).get(REPORTS) or {}


def initiative_key(name: str | None) -> str | None:
    """The normalised project name; the same as `pipeline.audit.initiative_key` (a test holds them equal).

    Kept here so that Datasette loads this plugin without importing the pipeline.
    """
    if name is None:
        return None
    text = " ".join(unicodedata.normalize("NFKC", str(name)).casefold().split())
    text = text.strip(" .,;:\"'«»“”")
    return text or None


@hookimpl
def prepare_connection(conn: Any) -> None:
    conn.create_function("initiative_key", 1, initiative_key, deterministic=True)


@hookimpl
def get_metadata(datasette: Any, key: str, database: str | None, table: str | None) -> dict[str, Any]:
    if database in (None, REPORTS, "_internal", "_memory"):
        return {}
    return {"databases": {database: _reports_metadata()}}


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Markup | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # counts read as REAL show as 14, not 14.0
    if column.endswith("figure_id") and isinstance(value, str):
        query = urllib.parse.urlencode({"figure_id": value})
        href = f"{datasette.urls.database(database)}/figure_provenance?{query}"
        return Markup(f'<a href="{html.escape(href)}">{html.escape(value)}</a>')
    if column == "context" and isinstance(value, str) and "⟦" in value:
        marked = MARKED.sub(lambda m: f"<mark>{m.group(1)}</mark>", html.escape(value))
        return Markup(marked)
    return None
