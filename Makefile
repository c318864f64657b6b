# The two commands: `make demo` and `make test`. Everything they need is
# installed here, so that they work on a fresh machine.

PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(VENV)/bin/pip
STAMP   = $(VENV)/.stface-installed
SUDO    = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test unit bench install browser clean

demo: $(STAMP)
	$(VENV)/bin/streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port 7860 \
		--server.headless true --browser.gatherUsageStats false

# The suite runs in a private network namespace (../shared/tools/netns-run):
# WebRTC needs a non-loopback address, and nothing inside can reach out.
NETNS   = $(firstword $(wildcard ../shared/tools/netns-run))

test: $(STAMP) browser
	$(if $(NETNS),$(SUDO) $(NETNS) )$(PY) -m pytest

# Benchmarks are not tests: they print ratios and write bench/results/*.json.
bench: $(STAMP)
	$(PY) bench/interpretation.py

unit: $(STAMP)
	$(PY) -m pytest tests/unit tests/app

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q -U pip
	$(PIP) install -q -e ".[dev,interpret]"
	touch $(STAMP)

# Debian's Chromium for Playwright (browsers cannot be downloaded here) and
# sox for test tones.
browser:
	@command -v chromium >/dev/null && command -v sox >/dev/null || \
		( $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium sox )

clean:
	rm -rf $(VENV) .pytest_cache
