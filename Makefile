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

.PHONY: help install serve site test test-fast bench dist clean catalogues

help:
	@echo "make serve  - install, build and serve the guide on http://$(HOST):$(PORT)"
	@echo "make test   - install everything (Chromium included) and run every test"
	@echo "make site   - build the site into site/"
	@echo "make bench  - run the benchmarks"
	@echo "make dist   - build the wheel and sdist a career centre installs, into dist/"
	@echo "make catalogues - rewrite the translation templates (locales/*.pot) from the YAML and update each language"

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

# The web servers HOSTING.md's recipes are tested against (Debian's packages, about 15 s).
# Their packages start no service here; the tests run each one on a loopback port of their own.
WEB_SERVERS := /usr/sbin/nginx /usr/sbin/apache2
$(WEB_SERVERS) &:
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y nginx apache2

install: $(BIN)/.installed node_modules/.installed

serve: install
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

site: install
	ONWARD_SITE_URL=$${ONWARD_SITE_URL:-http://$(HOST):$(PORT)/} $(BIN)/mkdocs build --strict --site-dir site

test: install $(CHROMIUM) $(WEB_SERVERS)
	$(BIN)/pytest

# The unit and build tests alone: no browser.
test-fast: install $(WEB_SERVERS)
	$(BIN)/pytest -m "not browser"

bench: install $(CHROMIUM)
	$(BIN)/python -m benchmarks

# The versioned wheel and sdist a career centre installs with pip (HOSTING.md). The wheel
# is built from the sdist, so a missing file in the sdist fails here, not at a centre.
DIST ?= dist
dist: $(BIN)/.installed
	rm -f $(DIST)/onward-*.whl $(DIST)/onward-*.tar.gz
	$(BIN)/python -m build --no-isolation --outdir $(DIST) .

# The guide's, the worksheets' and the help's texts: each domain's template (locales/DOMAIN.pot)
# rewritten from the YAML, then every language's catalogue updated from it, a changed English
# text becoming fuzzy there until its translation is checked (DEVELOPERS.md).
catalogues: $(BIN)/.installed
	$(BIN)/python -m onward.extract locales

clean:
	rm -rf site dist .pytest_cache .bench
