# The two commands: `make demo` and `make test`. Everything they need is
# installed here, so that they work on a fresh machine.

PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(VENV)/bin/pip
STAMP   = $(VENV)/.stface-installed
SUDO    = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test unit bench install browser clean

# The Hugging Face pages run offline on tiny local models unless STFACE_*_MODEL
# names real ones (then also unset HF_HUB_OFFLINE).
TINY_HF = .cache/stface-tiny-hf

demo: $(STAMP) $(TINY_HF)/.built
	HF_HOME=$(TINY_HF) HF_HUB_OFFLINE=1 $(VENV)/bin/streamlit run streamlit_app.py --server.address 127.0.0.1 \
		--server.port 7860 --server.headless true --browser.gatherUsageStats false

$(TINY_HF)/.built: $(STAMP) examples/tiny_models.py
	$(PY) examples/tiny_models.py $(TINY_HF) && touch $@

# The suite runs in a private network namespace (../shared/tools/netns-run):
# WebRTC needs a non-loopback address, and nothing inside can reach out.
NETNS   = $(firstword $(wildcard ../shared/tools/netns-run))

test: $(STAMP) browser
	$(if $(NETNS),$(SUDO) $(NETNS) )$(PY) -m pytest

# Benchmarks are not tests: they print ratios and write bench/results/*.json.
bench: $(STAMP) browser
	$(PY) bench/interpretation.py
	$(PY) bench/browser.py

unit: $(STAMP)
	$(PY) -m pytest tests/unit tests/app

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q -U pip
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[dev,interpret,hf]" gradio
	touch $(STAMP)

# Debian's Chromium for Playwright (browsers cannot be downloaded here) and
# sox for test tones.
browser:
	@command -v chromium >/dev/null && command -v sox >/dev/null || \
		( $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium sox )

clean:
	rm -rf $(VENV) .pytest_cache
