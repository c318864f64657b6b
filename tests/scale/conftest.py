"""tests/scale runs only under `make scale-test` (STFACE_SCALE=1): 50 Chromium sessions are too heavy for `make test`,
which runs the short version (tests/e2e/test_replicas_browser.py)."""

import os

if os.environ.get("STFACE_SCALE") != "1":
    collect_ignore_glob = ["*.py"]
