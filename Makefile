# Quick start:  make run   (set up, then extract the quotes of seeds/)
#               make test  (set up, then run the tests and build the docs)
# TORCH_SPEC: how torch is installed before stanza. The default pins the CPU build
# this project's machines carry; elsewhere use e.g. `make run TORCH_SPEC=torch`.
PYTHON ?= python3
VENV ?= .venv
TORCH_SPEC ?= torch==2.13.0
STANZA_DIR ?= ../shared/stanza_resources
BIN := $(VENV)/bin
export QUOTES_STANZA_DIR ?= $(abspath $(STANZA_DIR))
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup run test docs bench evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q "$(TORCH_SPEC)"
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

run: setup
	$(BIN)/python -m quotes extract seeds/ --format table
	$(BIN)/python -m quotes extract seeds/ -o seeds-quotes.jsonl
	@echo "JSON Lines written to seeds-quotes.jsonl"

# No -q on mkdocs: it hides the warnings from --strict too, which then exits 0.
test: setup
	$(BIN)/python -m pytest
	$(BIN)/mkdocs build --strict

docs: setup
	$(BIN)/mkdocs build --strict

bench: setup
	$(BIN)/python bench/bench_throughput.py

evaluate: setup
	$(BIN)/python -m quotes evaluate ../shared/polnear --split dev

clean:
	rm -rf $(VENV) site build *.egg-info seeds-quotes.jsonl
