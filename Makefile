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

.PHONY: help install serve site test test-fast bench dist clean catalogues insight-facts

help:
	@echo "make serve  - install, build and serve the guide on http://$(HOST):$(PORT)"
	@echo "make test   - install everything (Chromium included) and run every test"
	@echo "make site   - build the site into site/"
	@echo "make bench  - run the benchmarks"
	@echo "make dist   - build the wheel and sdist a career centre installs, into dist/"
	@echo "make catalogues    - rewrite the translation templates (locales/*.pot) from the YAML and the insights' code, and update each language"
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

# The web servers HOSTING.md's recipes are tested against (Debian's packages, about 15 s).
# Their packages start no service here; the tests run each one on a loopback port of their own.
WEB_SERVERS := /usr/sbin/nginx /usr/sbin/apache2
$(WEB_SERVERS) &:
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y nginx apache2

# The Nu HTML Checker (npm vnu-jar) runs on Java.
$(JAVA):
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y default-jre-headless

install: $(BIN)/.installed node_modules/.installed

serve: install
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

# Built beside the old copy, then swapped in: a build that fails leaves the site as it was.
SITE_DIR ?= site
MKDOCS_CONFIG ?= mkdocs.yml
site: install
	rm -rf $(SITE_DIR).next
	ONWARD_SITE_URL=$${ONWARD_SITE_URL:-http://$(HOST):$(PORT)/} $(BIN)/mkdocs build --strict \
		--config-file $(MKDOCS_CONFIG) --site-dir $(abspath $(SITE_DIR)).next || { rm -rf $(SITE_DIR).next; exit 1; }
	rm -rf $(SITE_DIR).old
	if [ -e $(SITE_DIR) ]; then mv $(SITE_DIR) $(SITE_DIR).old; fi
	mv $(SITE_DIR).next $(SITE_DIR)
	rm -rf $(SITE_DIR).old

# Java first: with it present, vnu-jar's install step never tries to download one.
test: $(JAVA) install $(CHROMIUM) $(WEB_SERVERS)
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

# Every text a reader sees: each domain's template (locales/DOMAIN.pot) rewritten, the guide's,
# the worksheets' and the help's from the YAML, the insights' sentences from their Python (Babel's
# extraction), then every language's catalogue updated from it, a changed English text becoming
# fuzzy there until its translation is checked (DEVELOPERS.md).
INSIGHTS_PY := worksheets/onward_insights
catalogues: $(BIN)/.installed
	$(BIN)/python -m onward.extract locales

# The guide's section ids, worksheet ids and option labels, as the insights' tests read them.
insight-facts: install
	$(BIN)/python -m onward.insight_facts $(INSIGHTS_PY)/site_facts.json

clean:
	rm -rf site site.next site.old dist .pytest_cache .bench
