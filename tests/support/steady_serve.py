"""``transformers serve`` with GPT-2 talking at a steady pace: ``python steady_serve.py SECONDS serve MODEL ...``.

The tests' bigram model alone says a token a millisecond, faster than
Streamlit's 5 ms flush, which sends the browser only the last of the updates
queued meanwhile: a stream would often arrive whole. Here each forward pass
(one token) first waits SECONDS, so a stream arrives as a real model's does.
Everything else is transformers' own CLI (``transformers serve``).
"""

from __future__ import annotations

import sys
import time

from transformers import GPT2LMHeadModel
from transformers.cli.transformers import app

SECONDS = float(sys.argv.pop(1))
_forward = GPT2LMHeadModel.forward


def _steady_forward(self, *args, **kwargs):
    time.sleep(SECONDS)
    return _forward(self, *args, **kwargs)


GPT2LMHeadModel.forward = _steady_forward

if __name__ == "__main__":
    app()
