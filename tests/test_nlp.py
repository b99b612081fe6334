"""The lemma table (built once into the cache folder, read-only afterwards, one connection per process), lemma
overrides, and spaCy loaded without its command line."""

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


def test_spacy_without_its_command_line_still_has_it_on_demand() -> None:
    """The process that loads the models imports spaCy without its command line and without pydantic's version 1
    API; spaCy works, and the command line, `spacy.info` and pydantic.v1 are there when asked for."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = (
        "import sys\n"
        "from pipeline.lean_imports import import_spacy\n"
        "import_spacy()\n"
        "assert 'spacy' in sys.modules and 'requests' not in sys.modules and 'spacy.cli' not in sys.modules\n"
        "assert 'pydantic.v1' not in sys.modules\n"
        "from pipeline import nlp\n"
        "assert [t.text for t in nlp.base()('Två deltagare.')] == ['Två', 'deltagare', '.']\n"
        "import spacy\n"
        "assert 'pipelines' in spacy.info()\n"
        "from spacy.cli.train import train\n"
        "from pydantic.v1 import BaseModel\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_module_is_imported_without_an_optional_one_unless_it_needs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module that imports an optional module only if it can gets it as absent; one that cannot do without it is
    imported again with it. Either way the stand-in is gone afterwards."""
    import sys

    from pipeline.lean_imports import import_optional_absent

    (tmp_path / "extra_feature.py").write_text("VALUE = 1\n")
    (tmp_path / "tolerant.py").write_text(
        "try:\n    import extra_feature\nexcept ImportError:\n    extra_feature = None\n"
    )
    (tmp_path / "demanding.py").write_text("import extra_feature\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        import_optional_absent("tolerant", {}, ["extra_feature"])
        assert sys.modules["tolerant"].extra_feature is None and "extra_feature" not in sys.modules
        import_optional_absent("demanding", {}, ["extra_feature"])
        assert sys.modules["demanding"].extra_feature.VALUE == 1
    finally:  # the modules of a folder that is deleted after the test
        for name in ("extra_feature", "tolerant", "demanding"):
            sys.modules.pop(name, None)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_spacy_is_imported_with_one_blas_thread_unless_the_environment_says_otherwise() -> None:
    """numpy's OpenBLAS, which spaCy imports, starts no threads of its own in the process that loads the models;
    the variable that says so is not left for the programs a run starts, and one the user set is kept."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = (
        "import os\n"
        "from pipeline.lean_imports import import_spacy\n"
        "import_spacy()\n"
        "print(len(os.listdir('/proc/self/task')), os.environ.get('OPENBLAS_NUM_THREADS'))\n"
    )
    env = {
        k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")
    }
    outputs = []
    for extra in ({}, {"OPENBLAS_NUM_THREADS": "2"}):
        command = [sys.executable, "-c", script]
        done = subprocess.run(command, cwd=ROOT, env={**env, **extra}, capture_output=True, text=True, check=True)
        outputs.append(done.stdout.split())
    assert outputs[0] == ["1", "None"]
    assert outputs[1][1] == "2"
