"""Transcribe audio with a transformers speech-recognition pipeline.

The seed demo, made to run offline: the model name comes from
STFACE_ASR_MODEL (online, try "facebook/wav2vec2-base-960h"); by default the
tiny random model that `python examples/tiny_models.py` builds, so the words
it writes are nonsense. Without ffmpeg, the file is read with soundfile.
"""

import os

import soundfile as sf
from transformers import pipeline

import stface as gr

p = pipeline("automatic-speech-recognition", model=os.environ.get("STFACE_ASR_MODEL", "stface-tiny/wav2vec2-ctc"))


def transcribe(audio):
    samples, rate = sf.read(audio, dtype="float32", always_2d=True)
    text = p({"raw": samples.mean(axis=1), "sampling_rate": rate})["text"]
    return text


demo = gr.Interface(fn=transcribe, inputs=gr.Audio(source="microphone", type="filepath"), outputs="text",
                    title="Transcribe audio")  # fmt: skip

if __name__ == "__main__":
    demo.launch()
