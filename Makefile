# Two commands for users: `make build` and `make test`. CI (.ci/run) calls `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := build

# Python 3.11 (the lock is resolved for it): python3.11 if present, else python3 if it is 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_PROJECT_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export DO_NOT_TRACK := 1
# Throwaway warehouse for `make test`; `make build` publishes to warehouse.duckdb (see build).
TEST_DB ?= $(CURDIR)/target/test_warehouse.duckdb

.PHONY: build test install lint sqlfluff ruff dbt-score dbt-test pytest lock seeds clean benchmark-generate build-large benchmark-churn profile-product-led

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else \
	    "Python 3.11 is required (found " + sys.version.split()[0] + "): set PYTHON=/path/to/python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## Write-audit-publish: load the seeds, build and test every node in the private build database
## $(BUILD_DB); only if every node passed, publish the marts to $(WAREHOUSE), the file BI reads,
## by renaming a new file over it (python/cs_analytics/publish.py). DBT_ARGS go to dbt.
WAREHOUSE ?= $(CURDIR)/warehouse.duckdb
BUILD_DB ?= $(CURDIR)/target/build/warehouse.duckdb
build: install
	$(BIN)/python -m cs_analytics.publish --warehouse $(WAREHOUSE) --build-db $(BUILD_DB) -- $(DBT_ARGS)

## Lint, build everything with all data and unit tests into a throwaway DuckDB file, then pytest.
test: install lint dbt-test pytest

lint: sqlfluff ruff dbt-score

# Lint against an empty DuckDB file, so the result never depends on what a previous build left
# (incremental models render their full-refresh branch).
LINT_DB := $(CURDIR)/target/lint.duckdb
sqlfluff: install
	mkdir -p $(dir $(LINT_DB))
	rm -f $(LINT_DB)
	DBT_DUCKDB_PATH=$(LINT_DB) $(BIN)/sqlfluff lint models tests/data --processes 0

ruff: install
	$(BIN)/ruff check python tests
	$(BIN)/ruff format --check python tests

# Metadata lint of the manifest (owners, descriptions, tests, model size): the project score
# must stay at or above DBT_SCORE_MIN (rules and their settings: [tool.dbt-score] in pyproject.toml).
DBT_SCORE_MIN ?= 9.5
dbt-score: install
	DBT_DUCKDB_PATH=$(LINT_DB) $(BIN)/dbt parse --quiet
	$(BIN)/dbt-score lint --manifest target/manifest.json --show failing-items \
	    --fail-project-under $(DBT_SCORE_MIN)

dbt-test: install
	rm -f $(TEST_DB) $(TEST_DB).wal
	mkdir -p $(dir $(TEST_DB))
	DBT_DUCKDB_PATH=$(TEST_DB) $(BIN)/dbt seed --target ci
	DBT_DUCKDB_PATH=$(TEST_DB) $(BIN)/dbt build --exclude resource_type:seed --target ci

pytest: install
	$(BIN)/python -m pytest

## Regenerate the demo seeds from the generator (deterministic: same bytes every time).
seeds: install
	$(BIN)/cs-generate --accounts 300 --months 24 --start-date 2024-11-01 --seed 42 --format csv --output-dir seeds

## Regenerate requirements.lock from pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header --annotation-style line -o requirements.lock

## The second generator profile (a product-led company, python/cs_analytics/generator/product_led.py)
## as Parquet, and the project built on it: sources read the files, its missing systems are
## declared absent (the --vars come from the profile). pytest builds a small sample of it.
PRODUCT_LED_DIR ?= data/product_led
PRODUCT_LED_ARGS := --accounts 300 --months 24 --start-date 2024-11-01 --seed 42 --format parquet \
    --output-dir $(PRODUCT_LED_DIR)
profile-product-led: install
	$(BIN)/cs-generate --profile product_led $(PRODUCT_LED_ARGS)
	DBT_DUCKDB_PATH=$(CURDIR)/warehouse_product_led.duckdb $(BIN)/dbt build --exclude resource_type:seed \
	    --vars "$$($(BIN)/python -m cs_analytics.generator.product_led $(PRODUCT_LED_ARGS))"

## Large data: 10,000 accounts, ~10^8 events as chunked Parquet; prints time and peak memory.
LARGE_DIR ?= data/large
benchmark-generate: install
	$(BIN)/python -m cs_analytics.generator.benchmark --accounts 10000 --months 24 --output-dir $(LARGE_DIR)

## Build the same models on the large Parquet data (sources read the files directly). One dbt
## thread: two queries over 10^8 rows at once would share DuckDB's memory limit.
build-large: install
	test -d $(LARGE_DIR)/product_events || $(MAKE) benchmark-generate
	DBT_DUCKDB_PATH=$(CURDIR)/warehouse_large.duckdb $(BIN)/dbt build --exclude resource_type:seed --threads 1 \
	    --vars "{raw_external_location: \"read_parquet('$(LARGE_DIR)/{identifier}/*.parquet')\"}"

## Churn model fit and scoring time and peak memory on the large data (builds it if needed).
## The cut-off is the one the dbt models use for as_of_date 2026-10-31 (see DECISIONLOG).
benchmark-churn: install
	test -f $(CURDIR)/warehouse_large.duckdb || $(MAKE) build-large
	/usr/bin/time -v $(BIN)/python -m cs_analytics.churn.benchmark \
	    --duckdb $(CURDIR)/warehouse_large.duckdb --cutoff 2026-02-03 2>&1 \
	    | grep -v -e '^\s*\(Average\|Socket\|Signals\|Swaps\|File system\|Page size\|Exit\)'

clean:
	rm -rf target logs dbt_packages warehouse.duckdb warehouse.duckdb.wal .warehouse.duckdb.*.tmp* \
	    warehouse_product_led.duckdb
