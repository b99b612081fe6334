"""The spaCy pipelines, built once per process from `rules/`.

`base()` is a blank Swedish pipeline with a sentencizer and the lookup
lemmatizer; `lemma(token)` applies the project's own corrections on top of
spaCy's Swedish lookup table (which is case-sensitive and has wrong entries).

`ner()` is the entity pipeline (gazetteer `entity_ruler`, the name rules of
`pipeline.extract.entities`, and the trained model in `models/ner-sv/` when
`rules/entities.yml` asks for it); `words_per_second(texts)` measures it.
"""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Token

from pipeline import rules


@cache
def base() -> Language:
    """Tokenizer, sentencizer and lookup lemmatizer for Swedish."""
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@cache
def _lemma_overrides() -> dict[str, str]:
    data = rules.load_yaml("lemmas.yml")
    overrides = rules.require(data, "lemmas.yml", "overrides", dict)
    return {str(k).lower(): str(v) for k, v in overrides.items()}


@cache
def _lookup():
    """spaCy's Swedish lookup table (keyed by string hashes: query it with `.get(word)`)."""
    return base().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


def lemma_of(word: str) -> str:
    """The lower-case lemma of a word: project overrides first, then spaCy's table on the lower-cased form."""
    lower = word.lower()
    override = _lemma_overrides().get(lower)
    if override is not None:
        return override
    return _lookup().get(lower, lower).lower()


def lemma(token: Token) -> str:
    """The lower-case lemma of a token (see `lemma_of`)."""
    return lemma_of(token.text)


MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner-sv"


def model_available() -> bool:
    """Whether the trained statistical NER model is present in `models/ner-sv/`."""
    return (MODEL_DIR / "meta.json").exists()


def ner(statistical: bool | None = None) -> Language:
    """The entity pipeline: gazetteer `entity_ruler`, the project's name rules, and optionally the trained model.

    `statistical=None` follows `statistical_model` in `rules/entities.yml`; the model is used only when
    `models/ner-sv/` exists. The rules come first; the model adds only entities that do not overlap theirs.
    Each pipeline is built once per process.
    """
    from pipeline.extract import entities

    if statistical is None:
        statistical = entities.entity_rules().statistical_model
    return _ner(bool(statistical and model_available()))


@cache
def _ner(statistical: bool) -> Language:
    from pipeline.extract import entities

    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("rapportextrakt_ruler", name="entity_ruler", config={"validate": True})
    ruler.add_patterns(entities.ruler_patterns())
    nlp.add_pipe("rapportextrakt_names", config={"clear": statistical})
    if statistical:
        trained = spacy.load(MODEL_DIR)
        nlp.add_pipe("tok2vec", source=trained)
        nlp.add_pipe("ner", source=trained)
        nlp.add_pipe("rapportextrakt_merge")
    return nlp


def words_per_second(texts: list[str], statistical: bool | None = None) -> float:
    """Throughput of the entity step: words (non-space tokens) per second of `ner()` over `texts`."""
    pipeline = ner(statistical)
    pipeline("uppvärmning")
    started = time.perf_counter()
    words = 0
    for doc in pipeline.pipe(texts):
        words += sum(1 for token in doc if not token.is_space)
    elapsed = time.perf_counter() - started
    return words / elapsed if elapsed > 0 else float("inf")
