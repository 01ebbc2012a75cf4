# The few commands a newcomer types. Every target sets up .venv first (pinned dependencies, no downloads at run time).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: setup browser run test bench accuracy lint docs clean server

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: setup  ## set up and run the pipeline on seeds/ into warehouse/
	$(BIN)/newsdesk run seeds --warehouse warehouse

test: setup browser  ## set up and run the test suite
	$(BIN)/python -m pytest

browser:  ## Debian's headless Chromium, for the tests that look at the report and the Prefect UI
	@command -v chromium >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| echo "chromium is not installed: the browser tests will be skipped"

server: setup  ## a local Prefect server (UI on http://127.0.0.1:4200) that runs record into; database in .prefect/
	$(BIN)/newsdesk server --home .prefect

bench: setup  ## benchmarks (not tests), about 2 h on 2 cores; BENCH_ARGS="--sizes 1000 10000 --no-million --warc-bytes 0" for ~6 min
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

accuracy: setup  ## dev-set accuracy (extraction, quotes, ner) by real runs scored with score.py; DEVSETS=DIR, default ../shared/devsets
	$(BIN)/python -m benchmarks.accuracy $(if $(DEVSETS),--devsets $(DEVSETS))

docs: setup  ## regenerate warehouse/README.md from tasks/schemas.py
	$(BIN)/python -m tasks.analytics.table_docs

lint: setup
	$(BIN)/ruff check flows tasks tests benchmarks

clean:
	rm -rf $(VENV) warehouse/_newsdesk $(foreach t,documents articles removed_segments entities mentions quotes duplicates date_mentions quarantine runs validations,warehouse/$(t))
