# Quick start:  make run   (set up the core install, then extract the quotes of seeds/
#                          with the default fast backend: no torch, no models, nothing beside)
#               make test  (set up everything, then run the tests and build the docs;
#                          the Stanza tests read ../shared/stanza_resources)
# TORCH_SPEC: how torch is installed before the [dev] extra (which brings stanza). The
# default pins the CPU build this project's machines carry; elsewhere use e.g.
# `make test TORCH_SPEC=torch`. `make run` does not install torch.
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

# The core install: what `make run` needs (no torch, no stanza).
$(VENV)/.core: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

# Everything: torch first (TORCH_SPEC chooses the build), then the [dev] extra.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q "$(TORCH_SPEC)"
	$(BIN)/pip install -q -e ".[dev]"
	touch $(VENV)/.core $@

setup: $(VENV)/.installed

run: $(VENV)/.core
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
