"""Train the statistical Swedish NER component in `models/ner-sv/` (`make train-ner`).

Training data (read in place, never copied into the repository):

- the klintan Swedish NER corpus (news, CC BY 4.0): `klintan/train_corpus.txt`,
  one `token label` a line, labels `PER ORG LOC MISC` or `0`, blank line between sentences;
- UNER Swedish-Talbanken (CC BY-SA 4.0): `uner-talbanken/sv_talbanken-ud-train.iob2`,
  CoNLL-style with IOB2 labels in the third column.

MISC is dropped (the project extracts PER, ORG and LOC only). The klintan test
split is kept for `pipeline.ner_eval`; model selection uses the UNER dev split
and a fixed tenth of the klintan training sentences.

    python -m pipeline.ner_train [--data ../shared/ner] [--out models/ner-sv] [--epochs 6]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy import util
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "ner"
DEFAULT_OUT = ROOT / "models" / "ner-sv"
LABELS = ("PER", "ORG", "LOC")

Sentence = tuple[list[str], list[str]]  # words, IOB2 tags restricted to LABELS


def read_klintan(path: Path) -> Iterator[Sentence]:
    """Sentences of a klintan file with its IO labels turned into IOB2 (MISC dropped)."""
    words: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if words:
                yield words, _io_to_iob(labels)
            words, labels = [], []
            continue
        if len(parts) != 2:
            continue
        words.append(parts[0])
        labels.append(parts[1])
    if words:
        yield words, _io_to_iob(labels)


def _io_to_iob(labels: list[str]) -> list[str]:
    tags = []
    previous = "O"
    for label in labels:
        label = label if label in LABELS else "O"
        if label == "O":
            tags.append("O")
        else:
            tags.append(("I-" if previous == label else "B-") + label)
        previous = label
    return tags


def read_iob2(path: Path) -> Iterator[Sentence]:
    """Sentences of a UNER `.iob2` file (id, word, tag, …; `#` comment lines)."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            if words:
                yield words, tags
            words, tags = [], []
            continue
        tag = parts[2]
        if tag != "O" and tag[2:] not in LABELS:
            tag = "O"
        words.append(parts[1])
        tags.append(tag)
    if words:
        yield words, tags


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """`(start, end, label)` token spans of an IOB2 tag sequence (a stray I- starts a span)."""
    spans = []
    start = None
    label = ""
    for index, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and start is not None and tag[2:] == label
        if start is not None and not inside:
            spans.append((start, index, label))
            start = None
        if tag != "O" and not inside:
            start, label = index, tag[2:]
    return spans


def to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    words, tags = sentence
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in iob_spans(tags)]
    return doc


CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "sv"
pipeline = ["tok2vec", "ner"]
batch_size = 1000

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [10000, 2000, 4000, 1000]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 96
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
dropout = 0.2
patience = 3000
max_epochs = 6
max_steps = 0
eval_frequency = 400

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.001

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0

[initialize]
"""


def build_corpora(data: Path, workdir: Path, seed: int = 0) -> tuple[Path, Path, int, int]:
    """Write `train.spacy` and `dev.spacy` into `workdir`; return their paths and sizes."""
    vocab = spacy.blank("sv").vocab
    klintan = list(read_klintan(data / "klintan" / "train_corpus.txt"))
    talbanken = list(read_iob2(data / "uner-talbanken" / "sv_talbanken-ud-train.iob2"))
    talbanken_dev = list(read_iob2(data / "uner-talbanken" / "sv_talbanken-ud-dev.iob2"))
    random.Random(seed).shuffle(klintan)
    held = len(klintan) // 10
    train = klintan[held:] + talbanken
    dev = klintan[:held] + talbanken_dev
    paths = []
    for name, sentences in (("train", train), ("dev", dev)):
        bin_ = DocBin(store_user_data=False)
        for sentence in sentences:
            bin_.add(to_doc(vocab, sentence))
        path = workdir / f"{name}.spacy"
        bin_.to_disk(path)
        paths.append(path)
    return paths[0], paths[1], len(train), len(dev)


def train(data: Path = DEFAULT_DATA, out: Path = DEFAULT_OUT, epochs: int = 6) -> Path:
    """Train tok2vec + ner on the corpora under `data` and save the best model to `out`."""
    from spacy.cli.train import train as spacy_train

    for name in ("klintan/train_corpus.txt", "uner-talbanken/sv_talbanken-ud-train.iob2"):
        if not (data / name).exists():
            raise SystemExit(f"training data {data / name} is missing (pass --data)")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        train_path, dev_path, n_train, n_dev = build_corpora(data, workdir)
        print(f"training on {n_train} sentences, selecting on {n_dev}", file=sys.stderr)
        config_path = workdir / "config.cfg"
        filled = util.load_model_from_config(util.load_config_from_str(CONFIG), auto_fill=True, validate=False)
        filled.config.to_disk(config_path)
        overrides = {
            "paths.train": str(train_path),
            "paths.dev": str(dev_path),
            "training.max_epochs": epochs,
        }
        spacy_train(config_path, workdir / "output", overrides=overrides)
        best = workdir / "output" / "model-best"
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(best, out)
    write_credits(out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"saved {out} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return out


SOURCES = [
    {
        "name": "Swedish manually annotated NER (klintan), on Webbnyheter 2012 from Språkbanken",
        "url": "https://github.com/klintan/swedish-ner-corpus",
        "license": "CC BY 4.0",
        "author": "klintan",
    },
    {
        "name": "UNER Swedish-Talbanken (Universal NER v1), on UD Swedish-Talbanken",
        "url": "https://www.universalner.org/",
        "license": "CC BY-SA 4.0",
        "author": "Mayhew et al., Universal NER (NAACL 2024)",
    },
]

MODEL_README = """\
# ner-sv

A small statistical Swedish NER model (spaCy tok2vec + ner; labels PER, ORG,
LOC) used by `pipeline.nlp.ner()` to fill the gaps the project's rules leave.
Trained by `make train-ner` (`pipeline/ner_train.py`) on:

- the Swedish manually annotated NER corpus by klintan, built on Språkbanken's
  Webbnyheter 2012: CC BY 4.0, training split;
- UNER Swedish-Talbanken (Universal NER v1; Mayhew et al., NAACL 2024), on
  UD Swedish-Talbanken: CC BY-SA 4.0, training split.

MISC is left out. Because one source is CC BY-SA 4.0, this model is shared
under CC BY-SA 4.0 with the attributions above. Scores: `make eval-ner`.
"""


def write_credits(out: Path) -> None:
    """Name the model and credit its training data in `meta.json` and a README beside it.

    The training run's temporary corpus paths are cleared from the saved config.
    """
    config = util.load_config(out / "config.cfg", interpolate=False)
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    config.to_disk(out / "config.cfg")
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        {
            "name": "ner_sv",
            "version": "1.0.0",
            "description": "Swedish NER (PER, ORG, LOC) for rapportextrakt, trained on klintan and UNER Talbanken",
            "license": "CC BY-SA 4.0",
            "sources": SOURCES,
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "README.md").write_text(MODEL_README, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding klintan/ and uner-talbanken/")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to save the trained pipeline")
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args(argv)
    train(args.data, args.out, args.epochs)


if __name__ == "__main__":
    main()
