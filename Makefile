# Onward: `make demo` sets everything up and runs the example case; `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE := examples/ablyazov/case.yaml

OUT := out

.PHONY: setup demo examples test lint typecheck unit browser web-assets lock schema model

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

# htmx and world-atlas from the npm registry, again whenever the script's pinned versions change; optional:
# without npm the script says so and the pages work without them (the assessment page draws a tile map).
WEB_ASSETS := build/web-vendor/.installed
$(WEB_ASSETS): scripts/web-assets.sh
	bash scripts/web-assets.sh || echo "NOTICE: the web assets were not installed; the web pages work without them"

setup: $(VENV)/.installed $(WEB_ASSETS)

demo: setup
	$(BIN)/onward init
	$(BIN)/onward kb build
	$(BIN)/onward case validate $(EXAMPLE)
	$(BIN)/onward case import $(EXAMPLE)
	$(BIN)/onward case show ablyazov
	$(BIN)/onward case timeline ablyazov
	mkdir -p $(OUT)
	$(BIN)/onward assess ablyazov
	$(BIN)/onward assess ablyazov --format html -o $(OUT)/ablyazov-assessment.html
	$(BIN)/onward draft open_letter ablyazov --org examples/ablyazov/org.yaml --format docx -o $(OUT)/ablyazov-open-letter-en.docx
	$(BIN)/onward draft open_letter ablyazov --org examples/ablyazov/org.yaml --format pdf -o $(OUT)/ablyazov-open-letter-en.pdf
	$(BIN)/onward draft open_letter ablyazov --org examples/ablyazov/org.yaml --lang fr --format pdf -o $(OUT)/ablyazov-lettre-ouverte-fr.pdf
	$(BIN)/onward draft --check $(OUT)/ablyazov-open-letter-en.docx --case ablyazov
	@echo "Assessment and letters written to $(OUT)/"

# Every shipped example (README: "Example cases"): validated, imported, its timeline shown, assessed.
examples: setup
	$(BIN)/onward init
	$(BIN)/onward kb build
	for f in examples/*/case.yaml; do \
	  $(BIN)/onward case validate $$f && $(BIN)/onward case import $$f && \
	  $(BIN)/onward case timeline $$f && $(BIN)/onward assess $$f || exit 1; \
	done

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: setup
	$(BIN)/mypy

unit: setup browser
	$(BIN)/python -m pytest

# Debian's chromium for the end-to-end tests (installed when running as root; otherwise they skip with a notice).
browser:
	bash scripts/ensure-chromium.sh

web-assets:
	bash scripts/web-assets.sh

test: lint typecheck unit

# Maintainers: refresh the lock after changing dependencies in pyproject.toml.
# The extractor's transfer model, from the annotations in data/eval and the texts in ../shared (see data/eval/README.md)
model: setup
	$(BIN)/python scripts/train_extractor.py -C 0.5 --gold ../shared/eval/gold_dev.jsonl

lock: setup
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

schema: setup
	$(BIN)/onward schema docs/schema
