"""Compiled patterns kept between runs: the same patterns as `re` compiles, none compiled again at the next run, a
damaged file ignored; and the rules' patterns the same in every process, so that they are found in the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

# Compiles a few patterns (flags, named groups, bytes, a large character class) after loading the file, and prints
# how many `re` compiled and whether each equals a fresh compilation and matches as one; then saves.
SCRIPT = r"""
import re
from re import _compiler
from pipeline import regex_cache

regex_cache.load()
compiled = []
fresh = _compiler.compile
_compiler.compile = lambda p, flags=0: compiled.append(p) or fresh(p, flags)
patterns = [
    (r"(?P<år>\d{4})-(?P<mån>\d\d)", 0, "år 2021-03"),
    (r"(?<![\w])(?:kommun|region)s?(?![\w])", re.IGNORECASE, "Eskilstuna Kommuns"),
    (r"[\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+", 0, "Åsa Ωμέγα"),
    (b"ab+(c)?", 0, b"xabbc"),
]
same = []
for source, flags, text in patterns:
    pattern = re.compile(source, flags)
    again = fresh(source, flags)
    same.append(pattern == again and pattern.search(text).groups() == again.search(text).groups())
print(len([p for p in compiled if p in {s for s, _, _ in patterns}]), all(same))
regex_cache.save()
"""


def _run(cache: Path) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_patterns_compiled_once_are_read_from_the_file_at_the_next_run(tmp_path: Path) -> None:
    assert _run(tmp_path) == "4 True"
    [kept] = (tmp_path / "rapportextrakt").glob("patterns-*.marshal")
    assert _run(tmp_path) == "0 True"
    kept.write_bytes(kept.read_bytes()[:100])  # damaged: compiled as usual, and written anew
    assert _run(tmp_path) == "4 True"
    assert _run(tmp_path) == "0 True"


def test_the_rules_make_the_same_patterns_in_every_process() -> None:
    script = (
        "import re\n"
        "from pipeline.extract import dates, metadata, numbers\n"
        "dates._rules(), metadata._rules(), numbers.number_rules()\n"
        "print(sorted(repr(key) for key in re._cache))\n"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_a_run_keeps_the_patterns_its_loading_compiled(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "rapport.txt").write_text("Lägesrapport\n\nUnder 2020 deltog 12 personer från Eskilstuna kommun.\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "pipeline", "extract", str(folder), "--workers", "1", "--force"]
    written = []
    for _ in range(2):
        done = subprocess.run([*command, "--db", str(tmp_path / "x.db")], cwd=ROOT, env=env, capture_output=True)
        assert done.returncode == 0, done.stderr
        [kept] = (tmp_path / "cache" / "rapportextrakt").glob("patterns-*.marshal")
        written.append(kept.stat().st_mtime_ns)
    assert written[0] == written[1]  # the second run compiled no pattern the first did not
