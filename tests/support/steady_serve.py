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


def main() -> None:
    """Pace GPT-2's forward pass, then run transformers' CLI on the rest of the arguments."""
    from transformers import GPT2LMHeadModel
    from transformers.cli.transformers import app

    seconds, forward = float(sys.argv.pop(1)), GPT2LMHeadModel.forward

    def steady_forward(self, *args, **kwargs):
        time.sleep(seconds)
        return forward(self, *args, **kwargs)

    GPT2LMHeadModel.forward = steady_forward
    app()


if __name__ == "__main__":  # not on import: pytest's doctest collection imports this file too
    main()
