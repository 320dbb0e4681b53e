# The two commands of the README:
#   make run    installs the runtime and starts the app on http://localhost:8501
#   make test   installs everything the tests need (Chromium and nginx included) and runs
#               every test
# Both work on a fresh machine with Python 3.11; `make test` needs root (or the system
# packages already installed) for `apt-get install chromium nginx ...`.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint bench golden install install-dev browser

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.headless true

# System packages for the browser and proxy tests and chart export: Chromium and fonts,
# nginx (tests/test_proxy.py runs deploy/nginx.conf) and openssl (its test certificate).
SYSTEM_PACKAGES := chromium fonts-dejavu-core fontconfig nginx openssl
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "dejavu" \
	    || [ ! -x /usr/sbin/nginx ] || ! command -v openssl >/dev/null; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else \
	    echo "System packages missing: run 'sudo apt-get install -y $(SYSTEM_PACKAGES)'"; \
	  fi; \
	fi

lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: $(VENV)/.dev browser lint
	$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; \
	exit $$status

bench: $(VENV)/.runtime
	$(PY) bench/bench_model.py

golden: $(VENV)/.runtime
	$(PY) tests/regenerate_golden.py
