"""Measure the entity step (`make eval-ner`): klintan test split, the project's gold, and throughput.

1. klintan test split (news; PER, ORG, LOC scored, MISC ignored): precision,
   recall and F1 per label for the rules alone, the trained model alone and
   the two combined, by exact character span and label.
2. The gold annotations (`*.gold.json` beside the reports) scored the way the
   contract scores entities: distinct (normalised text, label) pairs per
   document, rules alone and rules with the model.
3. Words per second of the entity step as configured (`rules/entities.yml`).

    python -m pipeline.ner_eval [--data ../shared/ner] [--gold DIR --reports DIR ...] [--json PATH]

Reports go through the readers, cleaning and sectioning as in `make extract`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from pipeline import evaluate, nlp
from pipeline.evaluate import Score
from pipeline.ner_train import DEFAULT_DATA, LABELS, ROOT, iob_spans, read_klintan

PUBLISHED = {
    "sv_core_news_sm": 0.75,
    "sv_core_news_lg": 0.81,
}
DEFAULT_GOLD = [
    (ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "gold"),
    (ROOT / "corpus" / "reports", ROOT / "corpus" / "gold"),
]


PRF = Score  # precision, recall and F1 from counts, as `make eval` computes them


@dataclass
class SpanScores:
    per_label: dict[str, PRF] = field(default_factory=lambda: {label: PRF() for label in LABELS})

    @property
    def micro(self) -> PRF:
        total = PRF()
        for s in self.per_label.values():
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
        return total


# --- klintan ------------------------------------------------------------------------------------------------------


def klintan_examples(path: Path) -> list[tuple[str, set[tuple[int, int, str]]]]:
    """Each test sentence as text (tokens joined by spaces) and its gold `(start, end, label)` character spans."""
    examples = []
    for words, tags in read_klintan(path):
        offsets = []
        position = 0
        for word in words:
            offsets.append(position)
            position += len(word) + 1
        text = " ".join(words)
        gold = {(offsets[s], offsets[e - 1] + len(words[e - 1]), label) for s, e, label in iob_spans(tags)}
        examples.append((text, gold))
    return examples


def score_spans(pipeline: Language, examples: list[tuple[str, set[tuple[int, int, str]]]]) -> SpanScores:
    scores = SpanScores()
    texts = [text for text, _ in examples]
    for doc, (_text, gold) in zip(pipeline.pipe(texts, batch_size=256), examples, strict=True):
        predicted = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}
        for label in LABELS:
            p = {s for s in predicted if s[2] == label}
            g = {s for s in gold if s[2] == label}
            scores.per_label[label].tp += len(p & g)
            scores.per_label[label].fp += len(p - g)
            scores.per_label[label].fn += len(g - p)
    return scores


def klintan_report(data: Path) -> dict[str, SpanScores]:
    import spacy

    path = data / "klintan" / "test_corpus.txt"
    if not path.exists():
        raise SystemExit(f"klintan test split {path} is missing (pass --data)")
    examples = klintan_examples(path)
    systems: dict[str, Language] = {"rules": nlp.ner(statistical=False)}
    if nlp.model_available():
        systems["model"] = spacy.load(nlp.MODEL_DIR)
        systems["rules+model"] = nlp.ner(statistical=True)
    return {name: score_spans(pipeline, examples) for name, pipeline in systems.items()}


# --- the project's gold -------------------------------------------------------------------------------------------


def score_entities(gold: list[dict[str, Any]], rows: list[dict[str, Any]]) -> PRF:
    """The contract's entity scoring, exactly as `make eval` does it."""
    return evaluate.score_entities({"entities": gold}, rows)


def paragraph_sections(text: str) -> list[Any]:
    """One section per blank-line separated paragraph."""
    from pipeline.model import Section

    paragraphs = [p for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    return [Section(ordinal=i, heading=None, level=1, text=p) for i, p in enumerate(paragraphs)]


def document_sections(path: Path) -> list[Any]:
    """A report's sections through the readers, cleaning and sectioning (paragraphs where those are missing)."""
    try:
        from pipeline import clean, sections
        from pipeline.readers import read
    except ImportError:
        return paragraph_sections(path.read_text(encoding="utf-8-sig", errors="replace"))
    return sections.split(clean.clean(read(path)))


def gold_documents(pairs: Iterable[tuple[Path, Path]]) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for reports, gold_dir in pairs:
        for gold_path in sorted(gold_dir.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            report = reports / gold.get("file", gold_path.name.removesuffix(".gold.json"))
            if report.exists():
                out.append((report, gold))
    return out


def gold_report(
    documents: list[tuple[Path, dict[str, Any]]], extract: Callable[[Any], list[Any]]
) -> tuple[PRF, dict[str, PRF]]:
    total = PRF()
    by_document = {}
    for path, gold in documents:
        try:
            parts = document_sections(path)
        except Exception as exc:  # a reader that cannot handle a file here is not the entity step's fault
            print(f"  skipped {path.name}: {exc}", file=sys.stderr)
            continue
        rows = [asdict(entity) for section in parts for entity in extract(section)]
        score = score_entities(gold.get("entities", []), rows)
        by_document[path.name] = score
        total.tp += score.tp
        total.fp += score.fp
        total.fn += score.fn
    return total, by_document


def extract_with(statistical: bool) -> Callable[[Any], list[Any]]:
    from pipeline.extract import entities

    def run(section: Any) -> list[Any]:
        return entities.extract_with(section, nlp.ner(statistical=statistical))

    return run


# --- report -------------------------------------------------------------------------------------------------------


def words_per_second(texts: list[str], repeats: int = 1) -> float:
    return nlp.words_per_second(texts * repeats)


def markdown(klintan: dict[str, SpanScores], gold: dict[str, PRF], wps: dict[str, float]) -> str:
    lines = ["### klintan test split (PER, ORG, LOC; exact span and label)", ""]
    lines.append("| system | label | precision | recall | F1 |")
    lines.append("|---|---|---|---|---|")
    for name, scores in klintan.items():
        for label in LABELS:
            s = scores.per_label[label]
            lines.append(f"| {name} | {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
        m = scores.micro
        lines.append(f"| {name} | **all** | {m.precision:.3f} | {m.recall:.3f} | **{m.f1:.3f}** |")
    lines.append("")
    published = ", ".join(f"{k} F1 {v:.2f}" for k, v in PUBLISHED.items())
    lines.append(f"Published figures of spaCy's Swedish pipelines (on SUC 3.0, another test set): {published}.")
    lines.append("")
    if gold:
        lines.append("### Project gold (contract scoring: distinct (normalised text, label) per document)")
        lines.append("")
        lines.append("| system | precision | recall | F1 |")
        lines.append("|---|---|---|---|")
        for name, s in gold.items():
            lines.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
        lines.append("")
    for name, value in wps.items():
        lines.append(f"Throughput of the entity step ({name}): {value:,.0f} words/s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding klintan/")
    parser.add_argument("--reports", type=Path, action="append", help="folder of reports (pairs with --gold)")
    parser.add_argument("--gold", type=Path, action="append", help="folder of *.gold.json (pairs with --reports)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    pairs = list(zip(args.reports, args.gold, strict=True)) if args.reports and args.gold else DEFAULT_GOLD

    started = time.perf_counter()
    klintan = klintan_report(args.data)
    documents = gold_documents(pairs)
    gold: dict[str, PRF] = {}
    if documents:
        gold["rules"] = gold_report(documents, extract_with(False))[0]
        if nlp.model_available():
            gold["rules+model"] = gold_report(documents, extract_with(True))[0]
    texts = [text for text, _ in klintan_examples(args.data / "klintan" / "test_corpus.txt")]
    wps = {"rules": nlp.words_per_second(texts, statistical=False)}
    if nlp.model_available():
        wps["rules+model"] = nlp.words_per_second(texts, statistical=True)
    print(markdown(klintan, gold, wps))
    print(f"\n({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.json:
        payload = {
            "klintan": {
                name: {label: s.per_label[label].as_dict() for label in LABELS} | {"micro": s.micro.as_dict()}
                for name, s in klintan.items()
            },
            "gold": {name: s.as_dict() for name, s in gold.items()},
            "words_per_second": {name: round(v) for name, v in wps.items()},
            "published": PUBLISHED,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
