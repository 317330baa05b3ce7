# Every target sets up .venv from pyproject.toml first; nothing is installed by hand.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench soak setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/annotator

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check annotator tests benchmarks

bench: $(STAMP)
	@for script in benchmarks/*.py; do \
		echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script || exit 1; \
	done

# ≥ 100 SIGKILLs at random moments of a stream of edits; every edit reported saved must survive.
soak: $(STAMP)
	$(PY) benchmarks/soak.py 100

clean:
	rm -rf $(VENV) build dist *.egg-info
