# The two commands: `make demo` and `make test`. Everything they need is
# installed here, so that they work on a fresh machine.

PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(VENV)/bin/pip
STAMP   = $(VENV)/.stface-installed
SUDO    = $(shell [ "$$(id -u)" = 0 ] || echo sudo)
GRADIO350 = bench/.gradio350
WHEELHOUSE = .cache/wheelhouse

# gr.Model3D's viewer: three.js bundled by esbuild into one ES module that the
# package ships (nothing is fetched from a CDN). The bundle is committed, so a
# pip install from git needs no Node; it is rebuilt here when its sources change
# (tests/unit/test_model3d.py fails on a bundle older than its sources).
MODEL3D_JS  = stface/runtime/widgets/static/model3d.js
MODEL3D_SRC = js/model3d/build.mjs js/model3d/package.json js/model3d/package-lock.json $(wildcard js/model3d/src/*.js)

.PHONY: demo test unit bench soak scale-test install browser services clean dist

# The Hugging Face pages run offline on tiny local models unless STFACE_*_MODEL
# names real ones (then also unset HF_HUB_OFFLINE).
TINY_HF = .cache/stface-tiny-hf

demo: $(STAMP) $(MODEL3D_JS) $(TINY_HF)/.built
	HF_HOME=$(TINY_HF) HF_HUB_OFFLINE=1 $(VENV)/bin/streamlit run streamlit_app.py --server.address 127.0.0.1 \
		--server.port 7860 --server.headless true --browser.gatherUsageStats false

$(TINY_HF)/.built: $(STAMP) examples/tiny_models.py
	$(PY) examples/tiny_models.py $(TINY_HF) && touch $@

# The suite runs in a private network namespace (scripts/netns-run): WebRTC
# needs a non-loopback address, and nothing inside can reach out. As a normal
# user, netns-run asks sudo for the namespace and runs pytest as that user.
test: $(STAMP) $(MODEL3D_JS) browser services $(WHEELHOUSE)/.done
	scripts/netns-run $(PY) -m pytest

# The wheel test installs an export into a fresh venv inside the network
# namespace, where no index is reachable: stface's dependencies (pinned to
# this venv's versions) and the test app's are downloaded here first.
$(WHEELHOUSE)/.done: $(STAMP)
	$(PIP) download -q -d $(WHEELHOUSE) $$($(PY) -c "from importlib.metadata import version as v; \
		print(' '.join(f'{n}=={v(n)}' for n in ('streamlit', 'streamlit-webrtc', 'numpy', 'soundfile', 'pillow', 'setuptools')))")
	touch $@

# stface's wheel and sdist, built with the standard tool (PyPA build).
dist: $(STAMP) $(MODEL3D_JS)
	$(PY) -m build --outdir dist .

# Benchmarks are not tests: they print ratios and write bench/results/*.json.
bench: $(STAMP) browser $(GRADIO350)/.installed
	$(PY) bench/interpretation.py
	$(PY) bench/rerun.py
	$(PY) bench/browser.py
	$(PY) bench/browser.py --fragments
	$(PY) bench/chat.py
	$(PY) bench/api.py
	scripts/netns-run $(PY) bench/streaming.py

# Gradio 3.50.2, the last Gradio with interpretation, in its own environment:
# the peer bench/interpretation.py measures stface against in the same run.
$(GRADIO350)/.installed: bench/gradio350.txt | $(STAMP)
	$(PYTHON) -m venv $(GRADIO350)
	$(GRADIO350)/bin/pip install -q -U pip
	$(GRADIO350)/bin/pip install -q -r bench/gradio350.txt
	touch $@

# A server that runs for weeks: 10 browser sessions submit for 5 minutes while
# RSS, descriptors and temp files are measured (about 6 minutes in all).
# `make test` runs the same test for 20 seconds.
soak: $(STAMP) browser
	STFACE_SOAK_SECONDS=300 STFACE_SOAK_REPORT=bench/results/soak.json \
		scripts/netns-run $(PY) -m pytest -s -p no:cacheprovider tests/soak

# Two replicas behind Debian's nginx, flagging into PostgreSQL: 50 Chromium sessions submit and flag while one
# replica is killed mid-run (tests/scale; figures in bench/results/scale.json). Not part of `make test`, which runs
# the short version (tests/e2e/test_replicas_browser.py).
scale-test: $(STAMP) browser services
	STFACE_SCALE=1 STFACE_SCALE_REPORT=bench/results/scale.json \
		scripts/netns-run $(PY) -m pytest -s -p no:cacheprovider tests/scale

unit: $(STAMP) $(MODEL3D_JS)
	$(PY) -m pytest tests/unit tests/app

install: $(STAMP) $(MODEL3D_JS)

$(STAMP): pyproject.toml
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || \
		( $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv )
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q -U pip
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[dev,interpret,hf]" gradio
	touch $(STAMP)

$(MODEL3D_JS): $(MODEL3D_SRC)
	@command -v npm >/dev/null || ( $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm )
	cd js/model3d && npm ci --no-audit --no-fund && npm run build
	touch $@

# Debian's Chromium for Playwright (browsers cannot be downloaded here), sox
# for test tones, iproute2 and util-linux for the network namespace.
browser:
	@command -v chromium >/dev/null && command -v sox >/dev/null && command -v ip >/dev/null \
		&& command -v unshare >/dev/null || ( $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq chromium sox iproute2 util-linux )
	@[ -x /usr/sbin/nginx ] || ( $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx )

# Debian's PostgreSQL for the SQL flagging tests: each test run starts its own
# throwaway cluster (tests/support/postgres.py), never the system's.
services:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ( $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq postgresql )

clean:
	rm -rf $(VENV) .pytest_cache
