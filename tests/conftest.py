"""Shared paths, fixtures and helpers for the tests."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SHARED_GOLD = SHARED / "gold"
CORPUS = ROOT / "corpus"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    return SEEDS


def log_line(log: Path, line: str) -> None:
    """Append a line to a log file that forked processes write to as well."""
    with log.open("a") as handle:
        handle.write(f"{line}\n")


def log_reads(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Log "read" each time a run reads a file, in whichever process reads it."""
    from pipeline import readers

    original = readers.read

    def logged(path: Path):
        log_line(log, "read")
        return original(path)

    monkeypatch.setattr(readers, "read", logged)


def load_models_slowly(monkeypatch: pytest.MonkeyPatch, log: Path, seconds: float = 1.5) -> None:
    """Make the loading of the models in a run take `seconds` longer, and log "loaded" when it is done: what is
    read ahead meanwhile is logged before that line."""
    from pipeline import run as run_module

    warm_up = run_module.warm_up

    def slow_warm_up() -> None:
        time.sleep(seconds)
        warm_up()
        log_line(log, "loaded")

    monkeypatch.setattr(run_module, "warm_up", slow_warm_up)
