"""The generator both chat benchmarks wrap: 20 tokens, 20 ms apart, like a small model."""

import time

TOKENS, GAP_S = 20, 0.02


def answer(message, history):
    tag = message.split()[-1]  # "question 7" -> tokens q7t0 ... q7t19, new in every round
    text = ""
    for number in range(TOKENS):
        time.sleep(GAP_S)
        text += f"q{tag}t{number} "
        yield text
