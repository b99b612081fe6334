"""The entity pipeline, the NER corpora readers, the scoring and the gazetteer build."""

from __future__ import annotations

import filecmp
import importlib.util
from pathlib import Path

import pytest

from pipeline import nlp
from pipeline.ner_eval import PRF, klintan_examples, score_entities, score_spans
from pipeline.ner_train import iob_spans, read_iob2, read_klintan, to_doc

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KLINTAN_TEST = SHARED / "ner" / "klintan" / "test_corpus.txt"
GEODATA = SHARED / "lists" / "swedish-geodata"


# --- corpus readers -------------------------------------------------------------------------------------------------


def test_read_klintan_turns_io_labels_into_iob_and_drops_misc(tmp_path):
    path = tmp_path / "k.txt"
    path.write_text(
        "Gunhild\tPER\nWestman\tPER\nvid 0\nUppsala\tORG\nuniversitet\tORG\ni 0\nSverige LOC\nEM MISC\n.\t0\n\n"
        "bn\nHej 0\n",
        encoding="utf-8",
    )
    sentences = list(read_klintan(path))
    assert sentences[0] == (
        ["Gunhild", "Westman", "vid", "Uppsala", "universitet", "i", "Sverige", "EM", "."],
        ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O", "O"],
    )
    assert sentences[1] == (["Hej"], ["O"])


def test_read_iob2_skips_comments_and_other_labels(tmp_path):
    path = tmp_path / "u.iob2"
    path.write_text(
        "# sent_id = 1\n1\tAnna\tB-PER\t-\t-\n2\tbor\tO\t-\t-\n3\ti\tO\t-\t-\n4\tNew\tB-LOC\t-\t-\n"
        "5\tYork\tI-LOC\t-\t-\n6\tEM\tB-OTH\t-\t-\n\n",
        encoding="utf-8",
    )
    assert list(read_iob2(path)) == [
        (["Anna", "bor", "i", "New", "York", "EM"], ["B-PER", "O", "O", "B-LOC", "I-LOC", "O"])
    ]


def test_iob_spans_and_docs():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG"]
    assert iob_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "ORG")]
    doc = to_doc(nlp.base().vocab, (["Anna", "Berg", "i", "Flen"], ["B-PER", "I-PER", "O", "B-LOC"]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Berg", "PER"), ("Flen", "LOC")]


def test_klintan_examples_have_character_spans(tmp_path):
    path = tmp_path / "k.txt"
    path.write_text("Inger PER\nAtterstam PER\n: 0\nHej 0\ni 0\nFalun LOC\n\n", encoding="utf-8")
    [(text, gold)] = klintan_examples(path)
    assert text == "Inger Atterstam : Hej i Falun"
    assert {(text[s:e], label) for s, e, label in gold} == {("Inger Atterstam", "PER"), ("Falun", "LOC")}


# --- scoring --------------------------------------------------------------------------------------------------------


def test_score_entities_follows_the_contract():
    gold = [
        {"text": "Nyköpings kommun", "label": "ORG"},
        {"text": "Björn Söderbergs", "normalized": "Björn Söderberg", "label": "PER"},
        {"text": "Retuna Återbruksgalleran", "label": ["ORG", "LOC"]},
        {"text": "RAR", "label": "ORG", "optional": True},
        {"text": "Flen", "label": "LOC"},
    ]
    rows = [
        {"text": "Nyköpings kommun", "label": "ORG", "normalized": "Nyköpings kommun"},
        {"text": "Nyköpings kommun", "label": "ORG", "normalized": "Nyköpings kommun"},
        {"text": "Björn Söderberg", "label": "PER", "normalized": "Björn Söderberg"},
        {"text": "Retuna Återbruksgalleran", "label": "LOC", "normalized": "Retuna Återbruksgalleran"},
        {"text": "RAR:s", "label": "ORG", "normalized": "RAR"},
        {"text": "Bakgrund", "label": "ORG", "normalized": "Bakgrund"},
    ]
    score = score_entities(gold, rows)
    assert (score.tp, score.fp, score.fn) == (3, 1, 1)
    assert PRF(3, 1, 1).f1 == pytest.approx(0.75)


def test_score_spans_counts_exact_spans_per_label():
    examples = [("Vi bor i Nyköping och Anna Berg bor i Falun", {(9, 17, "LOC"), (22, 31, "PER"), (38, 43, "ORG")})]
    scores = score_spans(nlp.ner(statistical=False), examples)
    assert (scores.per_label["LOC"].tp, scores.per_label["PER"].tp) == (1, 1)
    assert (scores.per_label["ORG"].fn, scores.per_label["LOC"].fp) == (1, 1)
    assert scores.micro.tp == 2


# --- the pipelines --------------------------------------------------------------------------------------------------


def test_rule_pipeline_components():
    pipeline = nlp.ner(statistical=False)
    assert pipeline.pipe_names == ["entity_ruler", "rapportextrakt_names"]  # the rules find sentence starts
    assert nlp.ner(statistical=False) is pipeline  # built once per process
    assert pipeline.tokenizer is nlp.base().tokenizer and pipeline.vocab is nlp.base().vocab


@pytest.mark.skipif(not nlp.model_available(), reason="models/ner-sv not trained")
def test_statistical_pipeline_puts_the_model_after_the_rules():
    pipeline = nlp.ner(statistical=True)
    assert pipeline.pipe_names == [
        "sentencizer",
        "entity_ruler",
        "rapportextrakt_names",
        "tok2vec",
        "ner",
        "rapportextrakt_merge",
    ]
    doc = pipeline("Mötet hölls i Nyköping med Nyköpings kommun och Björn Söderberg.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Nyköping", "LOC"),
        ("Nyköpings kommun", "ORG"),
        ("Björn Söderberg", "PER"),
    ]


@pytest.mark.skipif(not nlp.model_available(), reason="models/ner-sv not trained")
def test_model_is_small_and_credited():
    size = sum(p.stat().st_size for p in nlp.MODEL_DIR.rglob("*") if p.is_file())
    assert size < 20_000_000
    assert set(nlp.ner(statistical=True).get_pipe("ner").labels) == {"PER", "ORG", "LOC"}


def test_words_per_second():
    texts = ["Rådgivning i Nyköping med Nyköpings kommun och Björn Söderberg."] * 20
    assert nlp.words_per_second(texts, statistical=False) > 100


def test_base_pipeline_and_lemmas_are_unchanged():
    assert nlp.base().pipe_names == ["sentencizer"]
    assert nlp.lemma_of("coachningar") == "coachning"
    assert nlp.lemma(nlp.base()("har")[0]) == "ha"


# --- gazetteer build ------------------------------------------------------------------------------------------------


@pytest.mark.skipif(not GEODATA.is_dir(), reason="swedish-geodata lists not present")
def test_gazetteers_are_reproducible_from_the_source_lists(tmp_path):
    script = ROOT / "rules" / "gazetteers" / "build_gazetteers.py"
    spec = importlib.util.spec_from_file_location("build_gazetteers", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build(GEODATA, tmp_path) == (290, 21)
    for name in ("municipalities.txt", "counties.txt"):
        assert filecmp.cmp(tmp_path / name, ROOT / "rules" / "gazetteers" / name, shallow=False), name


# --- klintan (slow) -------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not KLINTAN_TEST.exists(), reason="klintan corpus not present")
def test_klintan_scores_do_not_regress():
    examples = klintan_examples(KLINTAN_TEST)
    rules = score_spans(nlp.ner(statistical=False), examples)
    assert rules.per_label["PER"].precision > 0.9
    assert rules.micro.f1 > 0.55
    if nlp.model_available():
        import spacy

        model = score_spans(spacy.load(nlp.MODEL_DIR), examples)
        assert model.micro.f1 > 0.72
