"""Set before anything imports huggingface_hub: tests never touch the network or the user's caches."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("HF_HUB_OFFLINE", "1")
if "HF_HOME" not in os.environ:  # a private cache for the tiny models the tests build, gone when the run ends
    os.environ["HF_HOME"] = tempfile.mkdtemp(prefix="stface-test-hf-")
    atexit.register(shutil.rmtree, os.environ["HF_HOME"], True)
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
