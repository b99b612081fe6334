"""The spaCy pipelines, built once per process from `rules/`.

`base()` is a blank Swedish pipeline with a sentencizer. Lemmas come from
spaCy's Swedish lookup table in spacy-lookups-data (`table_lemma()`), with the
project's own corrections first (`lemma_of`, `lemma`): the table is
case-sensitive and has wrong entries. The table is kept as an indexed SQLite
file in the user's cache folder rather than loaded into each process (see
`_lemma_db`).

`ner()` is the entity pipeline (gazetteer `entity_ruler`, the name rules of
`pipeline.extract.entities`, and the trained model in `models/ner-sv/` when
`rules/entities.yml` asks for it); `words_per_second(texts)` measures it.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import tempfile
import time
from functools import cache, lru_cache
from pathlib import Path

import spacy
from spacy.lang.sv import Swedish
from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline import rules, user_cache


@cache
def base() -> Language:
    """Tokenizer and sentencizer for Swedish."""
    nlp = Swedish()  # as spacy.blank("sv"), without filling and validating a config first (0.01 s of the loading)
    nlp.add_pipe("sentencizer")
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def tokens(text: str) -> Doc:
    """spaCy's tokens of `text`, made by `base()`'s tokenizer and remembered for the last text asked for: the
    figure and entity steps read the same section. The Doc is shared and must not be changed."""
    return base().make_doc(text)


def own_tokens(text: str) -> Doc:
    """`tokens(text)` for a caller that changes the Doc (the entity pipeline sets entities on it): it is
    handed over and forgotten, so that no later caller gets it changed."""
    doc = tokens(text)
    tokens.cache_clear()
    return doc


@cache
def _lemma_overrides() -> dict[str, str]:
    data = rules.load_yaml("lemmas.yml")
    overrides = rules.require(data, "lemmas.yml", "overrides", dict)
    return {str(k).lower(): str(v).lower() for k, v in overrides.items()}


def _build_lemma_db(source: Path, target: Path) -> None:
    """Write spaCy's Swedish lemma table (a gzipped JSON object) into an indexed SQLite file."""
    with gzip.open(source) as handle:
        table = json.load(handle)
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    conn = sqlite3.connect(partial)
    with conn:
        conn.execute("CREATE TABLE lemma (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID")
        conn.executemany("INSERT OR IGNORE INTO lemma VALUES (?, ?)", table.items())
        conn.execute("CREATE INDEX lemma_by_lemma ON lemma (lemma)")
    conn.close()
    partial.replace(target)


_LEMMA_CONNECTIONS: dict[int, sqlite3.Connection] = {}


def _lemma_db() -> sqlite3.Connection:
    """A read-only connection, one per process (a connection must not cross a fork), to the lemma table.

    The table has 660,000 entries: as a Python dict it costs each process 110 MB and half a second to
    load; as an indexed SQLite file in the user's cache folder it costs nothing until a word is looked up,
    and the operating system shares its pages between worker processes.
    """
    connection = _LEMMA_CONNECTIONS.get(os.getpid())
    if connection is None:
        import spacy_lookups_data

        source = Path(spacy_lookups_data.__file__).parent / "data" / "sv_lemma_lookup.json.gz"
        name = f"sv_lemma_lookup-{spacy_lookups_data.__version__}-{source.stat().st_size}.sqlite"
        target = user_cache.folder() / name
        if not target.exists():
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                _build_lemma_db(source, target)
            except OSError:  # no writable cache folder: build it in the temporary folder instead
                target = Path(tempfile.gettempdir()) / name
                if not target.exists():
                    _build_lemma_db(source, target)
        connection = sqlite3.connect(f"file:{target}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        _LEMMA_CONNECTIONS[os.getpid()] = connection
    return connection


@lru_cache(maxsize=200_000)
def table_lemma(form: str) -> str | None:
    """spaCy's lookup-table lemma for this exact word form, or None."""
    row = _lemma_db().execute("SELECT lemma FROM lemma WHERE form = ?", (form,)).fetchone()
    return row[0] if row else None


@lru_cache(maxsize=200_000)
def in_lemma_table(word: str) -> bool:
    """Whether the exact word is a form or a lemma in spaCy's Swedish lookup table: an ordinary word."""
    query = "SELECT 1 FROM lemma WHERE form = ?1 UNION ALL SELECT 1 FROM lemma WHERE lemma = ?1 LIMIT 1"
    return _lemma_db().execute(query, (word,)).fetchone() is not None


def lemma_of(word: str) -> str:
    """The lower-case lemma of a word: project overrides first, then spaCy's table on the lower-cased form."""
    lower = word.lower()
    override = _lemma_overrides().get(lower)
    if override is not None:
        return override
    return (table_lemma(lower) or lower).lower()


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

    # `base()`'s vocab, as it reads the Docs `tokens()` makes, and its tokenizer (spacy.blank would build another,
    # the same, at a fifth of the cost of `base()`)
    shared = base()
    nlp = type(shared)(vocab=shared.vocab, create_tokenizer=lambda _: shared.tokenizer)
    if statistical:  # the model's entities do not cross sentences; the rules find sentence starts themselves
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
