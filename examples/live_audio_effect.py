"""Live audio effect: the microphone in, the processed sound out while you speak.

Every tenth of a second of the microphone is one call of fn; what fn
returns plays back on the same WebRTC connection. The echo keeps the last
quarter second in a State, so it carries across chunks.
"""

import numpy as np

import stface as gr

ECHO_S = 0.25


def effect(chunk, kind, history):
    rate, samples = chunk
    x = samples.astype(np.float32) / 32768
    if kind == "robot":
        start = history if isinstance(history, int) else 0
        t = (start + np.arange(len(x))) / rate
        y, history = x * np.sin(2 * np.pi * 50 * t) * 2, start + len(x)
    elif kind == "echo":
        delay = int(ECHO_S * rate)
        past = history if isinstance(history, np.ndarray) and len(history) == delay else np.zeros(delay, np.float32)
        joined = np.concatenate([past, x])
        y, history = x + 0.6 * joined[: len(x)], joined[-delay:]
    else:  # "quieter"
        y = x * 0.3
    return (rate, np.clip(y * 32767, -32768, 32767).astype(np.int16)), history


demo = gr.Interface(
    effect,
    [
        gr.Audio(sources=["microphone"], streaming=True, label="microphone"),
        gr.Radio(["robot", "echo", "quieter"], value="robot", label="effect"),
        "state",
    ],
    [gr.Audio(label="processed"), "state"],
    live=True,
    stream_every=0.1,
    time_limit=None,
    title="Live audio effect",
)

if __name__ == "__main__":
    demo.launch()
