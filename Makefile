# Every target sets up .venv from pyproject.toml first; nothing is installed by hand.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: bench-scale test-gamma run test lint bench soak setup clean package test-package translations update-translations

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev,package]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/annotator

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/ruff check annotator tests benchmarks

# Every benchmark runs and prints its figures; the ones that missed a target (or failed) are named at the
# end and make the run fail, without hiding the figures of those after them.
bench: $(STAMP)
	@missed=""; for script in $(filter-out benchmarks/scale.py,$(wildcard benchmarks/*.py)); do \
		echo "== $$script"; QT_QPA_PLATFORM=offscreen $(PY) $$script || missed="$$missed $$script"; \
	done; \
	if [ -n "$$missed" ]; then echo "targets missed (or errors) in:$$missed"; exit 1; fi

# Issue 22: 100,000 articles of ~6 kB through the CLI (SCALE_FLAGS=--million for 1,000,000).
bench-scale: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/scale.py $(SCALE_FLAGS)

# γ (pygamma-agreement) is an optional extra kept out of the test extra; this installs it and runs its tests.
test-gamma: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,dev,gamma]'
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/core/test_agreement_gamma.py

# ≥ 100 SIGKILLs at random moments of a stream of edits; every edit reported saved must survive.
soak: $(STAMP)
	$(PY) benchmarks/soak.py 100

# The Arabic interface: the .qm is committed (so a plain `pip install` has it) and rebuilt from the .ts.
# annotator_en holds only English plural forms ("1 span", "2 spans").
TS := resources/translations/annotator_ar.ts
QM := resources/translations/annotator_ar.qm
TS_EN := resources/translations/annotator_en.ts
QM_EN := resources/translations/annotator_en.qm
UI_SOURCES := $(shell find annotator/ui -name "*.py" ! -name "__init__.py" | sort)

translations: $(QM) $(QM_EN)

$(QM): $(TS) | $(STAMP)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(QM)

$(QM_EN): $(TS_EN) | $(STAMP)
	$(VENV)/bin/pyside6-lrelease $(TS_EN) -qm $(QM_EN)

# After changing interface texts: collect them from the code, fill in the Arabic, rebuild the .qm.
update-translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -no-obsolete -locations none -ts $(TS)
	$(VENV)/bin/pyside6-lupdate $(UI_SOURCES) -no-obsolete -locations none -pluralonly \
		-target-language en -ts $(TS_EN)
	$(PY) packaging/translations_ar.py $(TS) $(TS_EN)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(QM)
	$(VENV)/bin/pyside6-lrelease $(TS_EN) -qm $(QM_EN)

# A one-folder desktop app in dist/annotator/ (run dist/annotator/annotator).
package: $(STAMP) $(QM) $(QM_EN)
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
		packaging/annotator.spec

# Builds the app in a temporary folder and starts it offscreen with --smoke-test (~1 min). `make test`
# runs it too (the whole suite, slow tests included, stays under 5 minutes on 2 cores).
test-package: $(STAMP) $(QM) $(QM_EN) $(QM_EN)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -m slow tests/test_package.py

clean:
	rm -rf $(VENV) build dist *.egg-info
