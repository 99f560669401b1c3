# Two commands do everything on a fresh machine (Python 3.11 + pip + the registries):
#   make demo   codes the bundled sample articles and writes events.jsonl
#   make test   runs the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test evaluate bench clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/eventwire gazetteer build > /dev/null
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwire demo --out events.jsonl

test: $(STAMP)
	-bash tools/ensure_postgres.sh
	-bash tools/ensure_chromium.sh
	$(BIN)/python -m pytest -q

evaluate: $(STAMP)
	$(BIN)/eventwire evaluate
	$(BIN)/eventwire evaluate --heldout
	$(BIN)/eventwire evaluate --dedup
	$(BIN)/eventwire evaluate --geo $(if $(wildcard ../shared/data/geoparse-lgl.jsonl),--lgl ../shared/data/geoparse-lgl.jsonl,)
	$(if $(wildcard ../shared/data/acled-notes-2020.jsonl),$(BIN)/eventwire evaluate --acled,@echo "no ../shared/data: real-text evaluations skipped")
	$(if $(wildcard ../shared/data/geoparse-trnews.jsonl),$(BIN)/eventwire evaluate --trnews,)
	$(if $(wildcard ../shared/data/petrarch2-unittests.jsonl),$(BIN)/eventwire evaluate --petrarch,)

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/geoparse_cost.py
	$(BIN)/python bench/gazetteer_build.py
	$(BIN)/python bench/store.py

clean:
	rm -rf $(VENV) events.jsonl
