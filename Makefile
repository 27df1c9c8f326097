# Onward's set-up, build, test and benchmark commands. Every target installs what
# it needs, so `make serve` and `make test` work on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
HOST := 127.0.0.1
PORT := 8000
export NO_MKDOCS_2_WARNING := 1

# Run apt-get as root directly, otherwise through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help install serve site test test-fast bench clean catalogues insight-facts

help:
	@echo "make serve  - install, build and serve the guide on http://$(HOST):$(PORT)"
	@echo "make test   - install everything (Chromium included) and run every test"
	@echo "make site   - build the site into site/"
	@echo "make bench  - run the benchmarks"
	@echo "make catalogues    - extract the insights' sentences into locales/insights.pot and update each language"
	@echo "make insight-facts - rewrite the insights' copy of the reference site's facts after the YAML changes"

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y chromium

install: $(BIN)/.installed node_modules/.installed

serve: install
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

site: install
	$(BIN)/mkdocs build --strict --site-dir site

test: install $(CHROMIUM)
	$(BIN)/pytest

# The unit and build tests alone: no browser.
test-fast: install
	$(BIN)/pytest -m "not browser"

bench: install $(CHROMIUM)
	$(BIN)/python -m benchmarks

# The insights' sentences: extracted into the template, then merged into each language's
# catalogue (a changed English sentence becomes fuzzy there until its translation is checked).
INSIGHTS_PY := worksheets/onward_insights
catalogues: install
	$(BIN)/pybabel extract --project=Onward --version=0.1 --copyright-holder="Onward contributors" \
		--msgid-bugs-address="" --add-location=file --sort-by-file --add-comments="Translators:" \
		--strip-comments -o locales/insights.pot $(INSIGHTS_PY)
	$(BIN)/pybabel update --domain=insights --input-file=locales/insights.pot --output-dir=locales \
		--ignore-pot-creation-date --ignore-obsolete

# The guide's section ids, worksheet ids and option labels, as the insights' tests read them.
insight-facts: install
	$(BIN)/python -m onward.insight_facts $(INSIGHTS_PY)/site_facts.json

clean:
	rm -rf site .pytest_cache .bench
