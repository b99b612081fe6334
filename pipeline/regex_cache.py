"""Compiled regular expressions kept from one run to the next.

Python compiles each regular expression anew in every process, and does it in Python: in the process that loads
the rules and models, the patterns of spaCy's tokenizer, of the libraries spaCy imports and of the rules take about
a tenth of a second. `load()` puts the patterns earlier runs compiled into `re`'s own cache of compiled patterns,
where `re.compile` finds them; `save()` adds those the process compiled that the file does not hold yet (at the
first run, and after the rules change).

The file, in the user's cache folder, holds what `re` hands its matching engine (`_sre`) for each pattern: the
compiled code, the groups and the flags, for this build of Python only. An entry is written only if the pattern
made from it equals the one `re` compiled (same flags and code), and the engine checks the code again when a
pattern is made from it. Where `re` does not work this way (another Python), nothing is read or written, and every
pattern is compiled as before.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Any

from pipeline import user_cache

try:
    import _sre
    from re import _compiler, _parser

    _CACHE = re._cache  # type: ignore[attr-defined]
    _LIMIT = re._MAXCACHE  # type: ignore[attr-defined]
    _USABLE = isinstance(_CACHE, dict) and callable(_sre.compile) and callable(_compiler._code)
except (ImportError, AttributeError):
    _USABLE = False

# Entries the file holds at most (the loading compiles about 500 patterns). Those of earlier rules stay in it until
# then; beyond, it starts again with the patterns the process compiled, and the next run adds the others it needs.
_KEEP = 2 * _LIMIT if _USABLE else 0

# (pattern, flags as passed to re.compile, then what `_sre.compile` takes after the pattern: the compiled pattern's
# flags, code, groups, group index and index group; or None for a pattern that cannot be made again this way)
_Entry = tuple[Any, int, tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]] | None]

_known: set[tuple[type, str | bytes, int]] = set()  # the patterns the file holds
_inherited: set[tuple[type, str | bytes, int]] = set()  # compiled before `load()`: by the process this one forked from
_damaged = False  # whether the file held an entry `_sre` refused


def _path() -> Path:
    build = hashlib.sha256(f"{sys.version} {_sre.MAGIC} {_sre.CODESIZE}".encode()).hexdigest()[:12]
    return user_cache.folder() / f"patterns-{sys.implementation.cache_tag}-{build}.marshal"


def _read() -> list[_Entry]:
    entries = user_cache.read(_path())
    return entries if isinstance(entries, list) else []


def load() -> None:
    """Fill `re`'s cache with the compiled patterns of the file, all of them even beyond `re`'s limit: `re` drops
    its oldest pattern only when it compiles one, so none is dropped before it is asked for."""
    global _damaged
    if not _USABLE:
        return
    _inherited.update(_CACHE)
    try:
        for pattern, flags, compiled in _read():
            key = (type(pattern), pattern, flags)
            if compiled is not None and key not in _CACHE:
                _CACHE[key] = _sre.compile(pattern, *compiled)
            _known.add(key)
    except (RuntimeError, TypeError, ValueError):  # the rest is compiled as usual, and the file written anew
        _damaged = True


def _entry(pattern: str | bytes, flags: int, compiled: re.Pattern[Any]) -> _Entry:
    """What `_sre.compile` needs to make `compiled` again, or None in its place if what it makes is not equal."""
    try:
        code = [int(op) for op in _compiler._code(_parser.parse(pattern, flags), flags)]
        index: list[str | None] = [None] * (compiled.groups + 1)
        for name, group in compiled.groupindex.items():
            index[group] = name
        made = (compiled.flags, code, compiled.groups, dict(compiled.groupindex), tuple(index))
        return (pattern, flags, made if _sre.compile(pattern, *made) == compiled else None)
    except Exception:  # noqa: BLE001 - a pattern that cannot be made again is left to `re`
        return (pattern, flags, None)


def save() -> None:
    """Add the patterns this process compiled since `load()` that the file does not hold to it."""
    if not _USABLE:
        return
    global _damaged
    new = [
        (key, compiled)
        for key, compiled in list(_CACHE.items())
        if key not in _known and key not in _inherited and key[0] in (str, bytes)  # the file holds no subclass
    ]
    if not new:
        return
    kept = [] if _damaged or len(_known) + len(new) > _KEEP else _read()
    entries = kept + [_entry(pattern, flags, compiled) for (_, pattern, flags), compiled in new]
    if not user_cache.write(_path(), entries):  # no writable cache folder: the patterns are compiled each time
        return
    _known.update(key for key, _ in new)
    _damaged = False
