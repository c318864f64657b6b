"""Reverse audio: record yourself, hear it backwards."""

import numpy as np

import stface as gr


def reverse_audio(audio):
    sr, data = audio
    return (sr, np.flipud(data))


demo = gr.Interface(fn=reverse_audio, inputs="microphone", outputs="audio", title="Reverse audio")

if __name__ == "__main__":
    demo.launch()
