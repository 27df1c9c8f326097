# Onward's set-up, build, test and benchmark commands. Every target installs what
# it needs, so `make serve` and `make test` work on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
JAVA := /usr/bin/java
HOST := 127.0.0.1
PORT := 8000
export NO_MKDOCS_2_WARNING := 1
# pa11y and Lighthouse drive Debian's Chromium: npm must not download a browser of its own.
export PUPPETEER_SKIP_DOWNLOAD := 1

# Run apt-get as root directly, otherwise through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help install serve site test test-fast bench clean

help:
	@echo "make serve  - install, build and serve the guide on http://$(HOST):$(PORT)"
	@echo "make test   - install everything (Chromium included) and run every test"
	@echo "make site   - build the site into site/"
	@echo "make bench  - run the benchmarks"

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

# The Nu HTML Checker (npm vnu-jar) runs on Java.
$(JAVA):
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y default-jre-headless

install: $(BIN)/.installed node_modules/.installed

serve: install
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

site: install
	$(BIN)/mkdocs build --strict --site-dir site

# Java first: with it present, vnu-jar's install step never tries to download one.
test: $(JAVA) install $(CHROMIUM)
	$(BIN)/pytest

# The unit and build tests alone: no browser.
test-fast: install
	$(BIN)/pytest -m "not browser"

bench: install $(CHROMIUM)
	$(BIN)/python -m benchmarks

clean:
	rm -rf site .pytest_cache .bench
