# Field Inspector: every target sets up .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench drills translations server clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m inspector_app --demo --with-local-server

server: $(STAMP)
	$(VENV)/bin/inspector-server serve

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

# SIGKILL a writer at random moments and check every acknowledged write (not part of `test`)
DRILL_TRIALS ?= 1000
drills: $(STAMP)
	$(PY) -m tests.storage.drill --trials $(DRILL_TRIALS)

translations: $(STAMP)
	$(PY) -m inspector_app.ui.i18n_build

clean:
	rm -rf $(VENV) build *.egg-info
