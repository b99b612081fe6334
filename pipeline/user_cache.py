"""The user's cache folder: files the pipeline derives once from what is installed and reads on later runs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def folder() -> Path:
    """`rapportextrakt` in the user's cache folder (`$XDG_CACHE_HOME`, else `~/.cache`)."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home folder (a service account): the temporary folder will do
        base = Path(tempfile.gettempdir())
    return base / "rapportextrakt"
