"""Import spaCy and sqlite-utils without the parts of them that extraction never uses.

`import spacy` also imports spaCy's command line (typer, requests, weasel, jinja2 and more) to offer
`spacy.info`: about a quarter of a second of the start-up, in the process that loads the models for the
workers. `import sqlite_utils` also imports pandas and numpy, only to know their column types, which the
store never writes: a quarter of a second of the writing process while the models load, time the read-ahead
could use. Each is imported with stand-ins for those modules, which are removed again afterwards: a later
`import spacy.cli` or `import pandas` imports the real module, and `spacy.info` still works.

spaCy's configuration library (confection) also imports pydantic's version 1 API, if it can, only to recognise
version-1 models in a configuration: spaCy 3.8 and this project use pydantic's current API, and the import is a
twentieth of the loading. spaCy is imported with that module absent; should a release need it after all, spaCy is
imported again with it (Python drops the modules whose import failed).

spaCy also imports numpy, whose OpenBLAS starts a thread for each core that spins for about a tenth of a second
of CPU; see `_one_blas_thread`.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_ABSENT = object()


@contextmanager
def _standing_in(modules: dict[str, types.ModuleType | None]) -> Iterator[None]:
    """Within the block, these entries of `sys.modules` stand in for modules not imported yet (None: importing
    it raises ImportError); afterwards each is removed unless something replaced it meanwhile."""
    added = {name: module for name, module in modules.items() if name not in sys.modules}
    sys.modules.update(added)
    try:
        yield
    finally:
        for name, module in added.items():
            if sys.modules.get(name, _ABSENT) is module:
                del sys.modules[name]


# the variables OpenBLAS reads its number of threads from, in the order it reads them
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """Within the block, numpy (if it is imported in it) loads OpenBLAS with one thread, unless the environment
    sets the number. Extraction runs no BLAS operation that gains from threads (a run has a worker process per
    core), and the threads OpenBLAS starts as it loads spin for about 0.1 s of CPU in the process that loads the
    models, which on a machine of two cores the run's other processes wait for. OpenBLAS reads the variable only
    as it loads; it is removed again afterwards, so the programs a run starts (tesseract) do not see it."""
    if "numpy" in sys.modules or any(name in os.environ for name in _BLAS_THREADS):
        yield
        return
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        yield
    finally:
        os.environ.pop("OPENBLAS_NUM_THREADS", None)


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_optional_absent(name: str, stand_ins: dict[str, types.ModuleType | None], optional: list[str]) -> None:
    """Import module `name` with `stand_ins`, and with the `optional` modules absent; if it needs one of those after
    all (ImportError), import it again with only `stand_ins`."""
    try:
        with _standing_in({**stand_ins, **dict.fromkeys(optional)}):
            importlib.import_module(name)
    except ImportError:
        with _standing_in(stand_ins):
            importlib.import_module(name)


# imported by spaCy's dependencies only if they can be, and never used by extraction (see the module's docstring)
_OPTIONAL_FOR_SPACY = ["pydantic.v1"]


def import_spacy() -> None:
    """Import spaCy, without its command line and the optional modules extraction never uses, if spaCy has not
    been imported yet."""
    if "spacy" in sys.modules:
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = []  # a package, so that `spacy.cli.info` can be looked up in it
    module = types.ModuleType("spacy.cli.info")
    module.info = _info  # type: ignore[attr-defined]
    with _one_blas_thread():
        import_optional_absent("spacy", {"spacy.cli": package, "spacy.cli.info": module}, _OPTIONAL_FOR_SPACY)


def import_sqlite_utils() -> types.ModuleType:
    """sqlite-utils, imported without pandas and numpy unless they are loaded already."""
    if "sqlite_utils" not in sys.modules:
        with _standing_in({"pandas": None, "numpy": None}):
            import sqlite_utils  # noqa: F401
    return sys.modules["sqlite_utils"]
