# Two commands for a new user (see README.md):
#   make demo   install everything into ./.venv (pinned by constraints.txt) and brief the bundled example
#   make test   install (if needed) and run the test suite
# Everything else here is a convenience for developers.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# What `make install` installs. The optional transformer quote tagger adds torch (≈ 1.4 GB):
# `make install EXTRAS=all,bench,dev,quotes-nn` (CI does, so its tests run).
EXTRAS ?= all,bench,dev
comma  := ,
STAMP  := $(VENV)/.crosswire-installed-$(subst $(comma),-,$(EXTRAS))
EXAMPLE := examples/hegseth-jaishankar

.PHONY: demo test install lint typecheck check bench clean-venv

demo: install
	$(BIN)/crosswire brief $(EXAMPLE) --format md

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: $(STAMP)

# Idempotent: re-runs only when pyproject.toml or constraints.txt change.
# torch is pinned in constraints.txt so nothing can pull a multi-GB CUDA build.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[$(EXTRAS)]"
	touch $(STAMP)

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

check: lint typecheck test

clean-venv:
	rm -rf $(VENV)
