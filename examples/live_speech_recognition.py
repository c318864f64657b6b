"""Live speech recognition: the transcript grows as you speak (Gradio's real-time speech recognition guide).

The microphone streams over WebRTC; every half second of audio is one call
of fn, which keeps what was said so far in a State and transcribes it with
a CTC model. The model comes from STFACE_ASR_MODEL (online, try
"facebook/wav2vec2-base-960h"); by default the tiny random model that
`python examples/tiny_models.py` builds, so the words are nonsense.
"""

import os
from math import gcd

import numpy as np
from scipy.signal import resample_poly
from transformers import pipeline

import stface as gr

transcriber = pipeline(
    "automatic-speech-recognition", model=os.environ.get("STFACE_ASR_MODEL", "stface-tiny/wav2vec2-ctc")
)
MODEL_RATE = transcriber.feature_extractor.sampling_rate


def transcribe(stream, new_chunk):
    sr, y = new_chunk
    if y.ndim > 1:
        y = y.mean(axis=1)
    y = y.astype(np.float32)
    peak = np.max(np.abs(y))
    if peak > 0:
        y /= peak
    if sr != MODEL_RATE:  # without torchaudio the pipeline cannot resample: do it here
        step = gcd(sr, MODEL_RATE)
        y = resample_poly(y, MODEL_RATE // step, sr // step).astype(np.float32)
    stream = y if stream is None else np.concatenate([stream, y])
    return stream, transcriber({"sampling_rate": MODEL_RATE, "raw": stream})["text"]


demo = gr.Interface(
    transcribe,
    ["state", gr.Audio(sources=["microphone"], streaming=True, label="microphone")],
    ["state", gr.Textbox(label="transcript")],
    live=True,
    title="Live speech recognition",
)

if __name__ == "__main__":
    demo.launch()
