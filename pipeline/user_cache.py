"""The user's cache folder: files the pipeline derives once from what is installed and reads on later runs."""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any


def folder() -> Path:
    """`rapportextrakt` in the user's cache folder (`$XDG_CACHE_HOME`, else `~/.cache`)."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home folder (a service account): the temporary folder will do
        base = Path(tempfile.gettempdir())
    return base / "rapportextrakt"


def read(path: Path) -> Any:
    """The value kept in the file at `path` (`marshal`), or None if the file is missing or damaged."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write(path: Path, value: Any) -> bool:
    """Keep `value` in the file at `path`, written anew at once (another process never reads half a file);
    False if the folder cannot be written, which leaves it as it was."""
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(marshal.dumps(value))
        partial.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return False
    return True
