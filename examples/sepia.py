"""Sepia filter: an uploaded image, cropped to 200x200, in sepia tones."""

import numpy as np

import stface as gr


def sepia(input_img):
    sepia_filter = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]])
    sepia_img = input_img.dot(sepia_filter.T)
    sepia_img /= sepia_img.max()
    return sepia_img


demo = gr.Interface(sepia, gr.Image(shape=(200, 200), sources=["upload"]), "image", title="Sepia filter")

if __name__ == "__main__":
    demo.launch()
