# The interpreter .venv is made with: the distribution's Python 3 where it is 3.11 or newer and can make a venv (an
# optimised build: README, top), else the first python3 on PATH; `make PYTHON=...` chooses another.
DISTRIBUTION_PYTHON = $(shell /usr/bin/python3 -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo /usr/bin/python3)
PYTHON ?= $(or $(DISTRIBUTION_PYTHON),python3)
VENV := .venv
BIN := $(VENV)/bin
FACTCHECK := $(BIN)/factcheck
SEED := ../shared/seeds/000_f7338b1dd4aa7973.txt

.PHONY: demo test bench planted scale soak install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f claims.db claims.db-wal claims.db-shm
	$(FACTCHECK) ingest samples/
	@echo
	@echo "== factcheck verify (exit 1 = findings to review)"
	$(FACTCHECK) verify; test $$? -le 1
	@echo
	@echo "== factcheck report"
	$(FACTCHECK) report

test: install
	$(BIN)/python -m pytest

SIZE ?= 2600 26000 262000
bench: install
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/scale.py --docs $(SIZE)
	$(BIN)/python bench/real_parts.py

DOCS ?= 1000
planted: install
	$(BIN)/python bench/planted.py --docs $(DOCS)

scale: install
	$(BIN)/python bench/scale.py --docs $(SIZE)

SOAK_SECONDS ?= 60
soak: install
	$(BIN)/python bench/soak.py --seconds $(SOAK_SECONDS) --workers 8

clean:
	rm -rf $(VENV) build *.egg-info claims.db claims.db-wal claims.db-shm
