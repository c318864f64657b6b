"""Webcam: take a photo, get it back mirrored and described."""

import numpy as np

import stface as gr


def describe(photo):
    description = f"{type(photo).__name__} {photo.shape[1]}x{photo.shape[0]} {photo.dtype}"
    return np.fliplr(photo), description


demo = gr.Interface(
    describe,
    gr.Image(source="webcam", label="photo"),
    [gr.Image(label="flipped"), gr.Textbox(label="what fn received")],
    title="Webcam",
)

if __name__ == "__main__":
    demo.launch()
