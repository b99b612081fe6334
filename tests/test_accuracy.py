"""Accuracy of the whole pipeline against gold files: the seeds' thresholds and the corpus regression guard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.evaluate import SCORE_SETS, DocumentScores, evaluate, totals
from tests.conftest import CORPUS, ROOT, SHARED_GOLD

SCORES_MD = CORPUS / "SCORES.md"


@pytest.fixture(scope="module")
def seed_scores(tmp_path_factory: pytest.TempPathFactory, seeds: Path) -> dict:
    return totals(evaluate(seeds, SHARED_GOLD, tmp_path_factory.mktemp("seeds") / "seeds.db", workers=1))


@pytest.fixture(scope="module")
def scored_sets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[DocumentScores]]:
    folder = tmp_path_factory.mktemp("sets")
    return {
        name: evaluate(ROOT / reports, ROOT / gold, folder / f"{name}.db")
        for name, (reports, gold) in SCORE_SETS.items()
    }


@pytest.fixture(scope="module")
def corpus_results(scored_sets: dict[str, list[DocumentScores]]) -> list[DocumentScores]:
    return scored_sets["corpus"]


def _detail(score) -> str:
    return f"misses={score.misses} extras={score.extras}"


def test_seed_headings(seed_scores: dict) -> None:
    assert seed_scores["headings"].f1 >= 0.95, _detail(seed_scores["headings"])


def test_seed_figures(seed_scores: dict) -> None:
    assert seed_scores["figures"].f1 >= 0.95, _detail(seed_scores["figures"])
    assert seed_scores["figures_strict"].f1 >= 0.90, _detail(seed_scores["figures_strict"])


def test_seed_entities(seed_scores: dict) -> None:
    assert seed_scores["entities"].f1 >= 0.90, _detail(seed_scores["entities"])


def test_seed_metadata(seed_scores: dict) -> None:
    assert seed_scores["metadata"].f1 == 1.0, _detail(seed_scores["metadata"])


def test_corpus_metadata(corpus_results: list[DocumentScores]) -> None:
    score = totals(corpus_results)["metadata"]
    assert score.f1 >= 0.95, _detail(score)


def test_every_corpus_document_reads(corpus_results: list[DocumentScores]) -> None:
    assert len(corpus_results) >= 24
    assert {r.file: r.status for r in corpus_results if r.status != "ok"} == {}
    formats = {r.format for r in corpus_results}
    assert {"txt", "pdf", "pdf (scanned)", "docx", "doc", "rtf", "odt"} <= formats


def recorded_scores() -> dict[str, dict[str, float]]:
    """The overall F1 per field of each set recorded in corpus/SCORES.md."""
    recorded: dict[str, dict[str, float]] = {}
    for block in re.split(r"^## ", SCORES_MD.read_text(encoding="utf-8"), flags=re.M)[1:]:
        name = block.split("\n", 1)[0].strip()
        rows = re.findall(r"^\| (\w+) \| [\d.]+ \| [\d.]+ \| ([\d.]+) \|$", block, re.M)
        recorded[name] = {field: float(f1) for field, f1 in rows}
    return recorded


def test_scores_do_not_regress(scored_sets: dict[str, list[DocumentScores]]) -> None:
    recorded = recorded_scores()
    assert set(recorded) == set(SCORE_SETS)
    fallen = {}
    for name, results in scored_sets.items():
        assert set(recorded[name]) == {"figures", "figures_strict", "headings", "entities", "metadata"}
        current = totals(results)
        for field, f1 in recorded[name].items():
            if current[field].f1 < f1 - 0.02:
                fallen[f"{name} {field}"] = (round(current[field].f1, 3), f1)
    assert not fallen, f"F1 fell more than 0.02 below corpus/SCORES.md: {fallen}"
