# Onward: `make demo` sets everything up and runs the example case; `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE := examples/ablyazov/case.yaml

.PHONY: setup demo test lint typecheck unit lock schema

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(BIN)/onward init
	$(BIN)/onward case validate $(EXAMPLE)
	$(BIN)/onward case import $(EXAMPLE)
	$(BIN)/onward case show ablyazov

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/python -m pytest

test: lint typecheck unit

# Maintainers: refresh the lock after changing dependencies in pyproject.toml.
lock: setup
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

schema: setup
	$(BIN)/onward schema docs/schema
