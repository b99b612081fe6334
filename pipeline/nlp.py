"""The spaCy pipelines, built once per process from `rules/`.

`base()` is a blank Swedish pipeline with a sentencizer. Lemmas come from
spaCy's Swedish lookup table in spacy-lookups-data (`lemma_table()`), with the
project's own corrections first (`lemma_of`, `lemma`): the table is
case-sensitive and has wrong entries. The table is read as a plain dict and
kept in a pickle in the user's cache folder: building spaCy's hashed `Table`
from its 660,000 entries costs two seconds at every start, the pickle a third
of one.

`ner()` is the entity pipeline (gazetteer `entity_ruler`, the name rules of
`pipeline.extract.entities`, and the trained model in `models/ner-sv/` when
`rules/entities.yml` asks for it); `words_per_second(texts)` measures it.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import pickle
import time
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Token

from pipeline import rules


@cache
def base() -> Language:
    """Tokenizer and sentencizer for Swedish."""
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    nlp.initialize()
    return nlp


@cache
def _lemma_overrides() -> dict[str, str]:
    data = rules.load_yaml("lemmas.yml")
    overrides = rules.require(data, "lemmas.yml", "overrides", dict)
    return {str(k).lower(): str(v) for k, v in overrides.items()}


def _cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rapportextrakt"


@cache
def lemma_table() -> dict[str, str]:
    """spaCy's Swedish lemma lookup table (word form → lemma) from spacy-lookups-data, as a dict."""
    import spacy_lookups_data

    source = Path(spacy_lookups_data.__file__).parent / "data" / "sv_lemma_lookup.json.gz"
    stamp = f"{spacy_lookups_data.__version__}-{source.stat().st_size}"
    cached = _cache_folder() / f"sv_lemma_lookup-{stamp}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError):
        return pickle.loads(cached.read_bytes())
    with gzip.open(source) as handle:
        table = json.load(handle)
    with contextlib.suppress(OSError):  # a read-only home only costs the faster start
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(cached)
    return table


def lemma_of(word: str) -> str:
    """The lower-case lemma of a word: project overrides first, then spaCy's table on the lower-cased form."""
    lower = word.lower()
    override = _lemma_overrides().get(lower)
    if override is not None:
        return override
    return lemma_table().get(lower, lower).lower()


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
