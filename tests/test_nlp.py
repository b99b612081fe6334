"""The lemma table: built once into the cache folder, read-only afterwards, one connection per process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline import nlp


def test_lemma_table_is_built_in_the_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(nlp, "_LEMMA_CONNECTIONS", {})
    nlp.table_lemma.cache_clear()
    nlp.in_lemma_table.cache_clear()
    try:
        assert nlp.table_lemma("kommuner") == "kommun"
        assert nlp.in_lemma_table("kommun") and not nlp.in_lemma_table("söderberg")
        built = list((tmp_path / "rapportextrakt").glob("sv_lemma_lookup-*.sqlite"))
        assert len(built) == 1 and not list((tmp_path / "rapportextrakt").glob("*.tmp"))
        assert set(nlp._LEMMA_CONNECTIONS) == {os.getpid()}
    finally:
        for connection in nlp._LEMMA_CONNECTIONS.values():
            connection.close()
        nlp.table_lemma.cache_clear()
        nlp.in_lemma_table.cache_clear()


def test_project_overrides_come_before_the_table() -> None:
    assert nlp.lemma_of("har") == "ha"  # the table says "hare"
    assert nlp.lemma_of("Deltagarna") == "deltagare"
    assert nlp.lemma_of("okänt-ord-xyz") == "okänt-ord-xyz"
