# Two commands do everything on a fresh machine (Python 3.11 + pip + the registries):
#   make demo   codes the bundled sample articles and writes events.jsonl
#               (installs requirements.lock only: no test, PostgreSQL, Dask or Spark extras)
#   make test   runs the whole test suite (also installs requirements-extras.lock)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# --no-compile: a module's bytecode is written when it is first imported, not for every module
# of every package at install time (84 MB, most of it for modules eventwire never imports)
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile
# Two stamps: .core-installed = requirements.lock (the [project] dependencies, all the demo,
# extract, ingest, export and serve need) + eventwire + its place list; .installed = that
# and requirements-extras.lock (the test, postgres, dask and spark extras), all the tests need.
CORE_STAMP := $(VENV)/.core-installed
STAMP := $(VENV)/.installed

.PHONY: demo test extras evaluate bench clean

$(CORE_STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.lock
	$(PIP) --no-deps -e .
	@# spaCy's, thinc's, SQLAlchemy's (...) wheels ship their C extensions with DWARF debug info,
	@# which only a debugger reads: 120 of their 176 MB. Drop it (binutils; skipped without it;
	@# a new file renamed over the old, so a running process keeps the one it has mapped).
	-find $(VENV)/lib -name '*.so' -exec sh -c 'for f; do readelf -S "$$f" 2>/dev/null | grep -q "\.debug_info" && strip --strip-debug -o "$$f.tmp" "$$f" && mv "$$f.tmp" "$$f"; done; true' sh {} +
	$(BIN)/eventwire gazetteer build > /dev/null
	touch $(CORE_STAMP)

$(STAMP): $(CORE_STAMP) requirements-extras.lock
	$(PIP) -r requirements.lock -r requirements-extras.lock
	touch $(STAMP)

# the optional extras on request, without running the tests
extras: $(STAMP)

demo: $(CORE_STAMP)
	$(BIN)/eventwire demo --out events.jsonl

test: $(STAMP)
	-bash tools/ensure_postgres.sh
	-bash tools/ensure_chromium.sh
	$(BIN)/python -m pytest -q

evaluate: $(CORE_STAMP)
	$(BIN)/eventwire evaluate
	$(BIN)/eventwire evaluate --heldout
	$(BIN)/eventwire evaluate --dedup
	$(BIN)/eventwire evaluate --geo $(if $(wildcard ../shared/data/geoparse-lgl.jsonl),--lgl ../shared/data/geoparse-lgl.jsonl,)
	$(if $(wildcard ../shared/data/acled-notes-2020.jsonl),$(BIN)/eventwire evaluate --acled,@echo "no ../shared/data: real-text evaluations skipped")
	$(if $(wildcard ../shared/data/geoparse-trnews.jsonl),$(BIN)/eventwire evaluate --trnews,)
	$(if $(wildcard ../shared/data/geoparse-lgl.jsonl),$(BIN)/eventwire evaluate --lgl-events,)
	$(if $(wildcard ../shared/data/petrarch2-unittests.jsonl),$(BIN)/eventwire evaluate --petrarch,)

bench: $(STAMP)
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/geoparse_cost.py
	$(BIN)/python bench/gazetteer_build.py
	$(BIN)/python bench/store.py

clean:
	rm -rf $(VENV) events.jsonl
