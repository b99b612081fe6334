"""The benchmark's own measurements (not their speed: `make bench` is a benchmark, not a timed test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import bench


def test_the_two_process_ceiling_times_the_same_files_apart_and_together(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    bench.build_archive(archive, 4, formats=(".txt",))
    ceiling = bench.two_process_ceiling(archive, files=4, rounds=2)
    assert ceiling["files"] == 4
    assert len(ceiling["speedups"]) == 2
    assert all(speedup > 0 for speedup in ceiling["speedups"])
    assert ceiling["speedups"] == sorted(ceiling["speedups"])
    assert ceiling["median"] in ceiling["speedups"]


def test_a_failing_process_of_the_two_process_measurement_stops_the_benchmark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import process

    def broken(path: Path, relpath: str) -> None:
        raise RuntimeError("broken")

    monkeypatch.setattr(process, "process", broken)
    with pytest.raises(SystemExit, match="two-process measurement failed"):
        bench._in_two_processes([[tmp_path], [tmp_path]], at_once=True)
    with pytest.raises(SystemExit, match="two-process measurement failed"):
        bench._in_two_processes([[tmp_path], [tmp_path]], at_once=False)


def test_the_table_shows_the_ceiling_beside_the_two_worker_speed_up() -> None:
    run = {"seconds": 2.0, "pages": 10, "timings": {"read": 1.0, "figures": 1.0}, "peak_mb": 200.0}
    results = {
        "documents": 4,
        "workers_1": run,
        "workers_2": {**run, "seconds": 1.0},
        "pdf_workers_1": run,
        "startup": {"seconds": 0.5},
        "rerun_unchanged": {"seconds": 0.1},
        "pdfplumber_pages_per_s": 1.0,
        "pypdfium2_pages_per_s": 100.0,
        "nlp_words_per_s": {"figures": 1000.0, "entities": 2000.0},
        "two_processes": {"files": 4, "speedups": [1.7, 1.8, 1.9], "median": 1.8},
    }
    table = bench.render(results)
    assert "| speed-up 2 workers / 1, end to end | 2.00× |" in table
    assert "this machine's ceiling for the above) | 1.80× | 3 rounds: 1.70, 1.80, 1.90 |" in table
