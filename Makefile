# rapportextrakt: Swedish project reports → SQLite.
# `make extract` and `make test` set everything up on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
INPUT  ?= corpus
DB     ?= outputs/reports.db
GOLD   ?= corpus/gold
WORKERS ?=
PORT   ?= 8001
HOST   ?= 127.0.0.1
APT_PACKAGES := $(shell grep -v '^\#' .ci/apt-packages.txt 2>/dev/null)

.PHONY: install sysdeps extract test eval scores audit serve bench train-ner eval-ner corpus lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# The project's own modules are compiled to bytecode here, because a Python run with PYTHONDONTWRITEBYTECODE
# set (as on some machines) compiles them anew in every process: 0.15-0.25 s of each run's start-up.
# Up-to-date files are skipped, so this costs a few milliseconds.
install: sysdeps $(STAMP)
	@$(BIN)/python -m compileall -q pipeline datasette/plugins

# Tesseract (scanned PDFs) and LibreOffice (.doc/.rtf) are system programs: installed with
# apt-get when missing and we are root; otherwise the command to run is printed.
sysdeps:
	@if command -v tesseract >/dev/null && command -v soffice >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing system packages: $(APT_PACKAGES)"; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) >/dev/null; \
	else echo "note: for .doc/.rtf and scanned PDFs run: sudo apt-get install $(APT_PACKAGES)"; fi

extract: install
	$(BIN)/python -m pipeline extract $(INPUT) --db $(DB) $(if $(WORKERS),--workers $(WORKERS))

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/python -m pipeline eval --input $(INPUT) --gold $(GOLD) --json outputs/eval/scores.json

# Re-record corpus/SCORES.md from the current pipeline (review the diff before committing).
scores: install
	$(BIN)/python -m pipeline scores

audit: install
	$(BIN)/python -m pipeline audit --db $(DB) --out outputs/audit

serve: install
	$(BIN)/datasette serve --immutable $(DB) --metadata datasette/metadata.yml --plugins-dir datasette/plugins --host $(HOST) --port $(PORT)

bench: install
	$(BIN)/python -m pipeline.bench $(if $(N),--documents $(N))

train-ner: install
	$(BIN)/python -m pipeline.ner_train

eval-ner: install
	$(BIN)/python -m pipeline.ner_eval

corpus: install
	$(BIN)/python corpus/generators/make_core.py
	$(BIN)/python corpus/generators/make_legacy.py

lint: install
	$(BIN)/ruff check pipeline tests datasette/plugins
	$(BIN)/ruff format --check pipeline tests datasette/plugins

clean:
	rm -rf outputs/*.db outputs/*.db-* outputs/audit outputs/bench outputs/eval
