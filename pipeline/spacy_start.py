"""Import spaCy without its command line, in the process that loads the models for the workers.

`import spacy` also imports spaCy's command line (typer, requests, weasel, jinja2 and more) to offer
`spacy.info`: about a quarter of a second of every run's start-up, for code that extraction never calls.
`import_spacy()` imports spaCy with a stand-in for that module and then removes the stand-in, so that a later
`import spacy.cli` imports the real command line and `spacy.info` still works.
"""

from __future__ import annotations

import sys
import types
from typing import Any

_STAND_INS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> None:
    """Import spaCy, without its command line if spaCy has not been imported yet."""
    if "spacy" in sys.modules:
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = []  # a package, so that `spacy.cli.info` can be looked up in it
    module = types.ModuleType("spacy.cli.info")
    module.info = _info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": module})
    try:
        import spacy  # noqa: F401
    finally:
        for name, stand_in in zip(_STAND_INS, (package, module), strict=True):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
