import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Real servers and Chromium, for tests/e2e and tests/security (one Playwright per session).
sys.path.insert(0, str(Path(__file__).parent / "e2e"))
from browser_fixtures import browser, launch_app, new_page, playwright, start_server  # noqa: E402, F401

# Servers other tests talk to (tests/support): an OpenAI-compatible chat server on a tiny local model.
sys.path.insert(0, str(Path(__file__).parent / "support"))
from openai_server import openai_server  # noqa: E402, F401
from nginx import nginx_proxy  # noqa: E402, F401
from postgres import postgres  # noqa: E402, F401
from inference_endpoint import generation_endpoint, inference_endpoint  # noqa: E402, F401


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so fixtures can tell at teardown whether it failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def tiny_models() -> dict[str, str]:
    """Tiny random models in the test HF_HOME's hub cache: {name: task}."""
    spec = importlib.util.spec_from_file_location("tiny_models", ROOT / "examples" / "tiny_models.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build(os.environ["HF_HOME"])
