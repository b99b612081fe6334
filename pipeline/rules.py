"""Load the editable rule files in `rules/` and validate them with clear errors.

Rules are data: YAML files (`rules/*.yml`) and plain lists (`rules/**/*.txt`,
one entry a line, `#` starts a comment). Every loader checks the shape it
expects and raises `RulesError` naming the file and the key that is wrong.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's loader: the same YAML, ten times faster
RULES_DIR = Path(os.environ.get("RAPPORTEXTRAKT_RULES", Path(__file__).resolve().parent.parent / "rules"))


class RulesError(ValueError):
    """A rule file is missing or malformed."""


def _path(name: str) -> Path:
    path = RULES_DIR / name
    if not path.exists():
        raise RulesError(f"rule file {path} is missing")
    return path


@cache
def load_yaml(name: str) -> dict[str, Any]:
    """Parse `rules/<name>` (a YAML mapping)."""
    path = _path(name)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RulesError(f"{path}: expected a mapping of keys at the top level")
    return data


def require(data: dict[str, Any], name: str, key: str, kind: type | tuple[type, ...]) -> Any:
    """Return `data[key]`, raising a clear `RulesError` if it is absent or of the wrong type."""
    if key not in data:
        raise RulesError(f"rules/{name}: key '{key}' is missing")
    value = data[key]
    if not isinstance(value, kind):
        expected = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise RulesError(f"rules/{name}: '{key}' should be a {expected}, not {type(value).__name__}")
    return value


def string_list(data: dict[str, Any], name: str, key: str) -> list[str]:
    """`data[key]` as a list of non-empty strings."""
    values = require(data, name, key, list)
    for index, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            raise RulesError(f"rules/{name}: '{key}' item {index + 1} should be a non-empty string, not {value!r}")
    return values


def compile_patterns(data: dict[str, Any], name: str, key: str, flags: int = re.IGNORECASE) -> list[re.Pattern[str]]:
    """`data[key]` as a list of compiled regular expressions."""
    patterns = []
    for value in string_list(data, name, key):
        try:
            patterns.append(re.compile(value, flags))
        except re.error as exc:
            raise RulesError(
                f"rules/{name}: '{key}' pattern {value!r} is not a valid regular expression: {exc}"
            ) from exc
    return patterns


@cache
def load_list(name: str) -> tuple[str, ...]:
    """Read a plain list: one entry a line, blank lines and `#` comments ignored."""
    path = _path(name)
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return tuple(entries)


@cache
def version() -> str:
    """A short hash of every rule file: changes whenever any rule changes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in RULES_DIR.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(RULES_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
