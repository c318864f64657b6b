"""Sketch: draw on a Sketchpad; fn gets the drawing (Gradio 3.50's 28x28, inverted) and describes it.

It shows the inverted drawing, as the digit classifiers of Gradio's demos
see it, and says where the ink is.
"""

import numpy as np

import stface as gr


def describe(drawing):
    """``drawing``: 28x28 uint8, white strokes (255) on black (0)."""
    if drawing is None or not drawing.any():
        return None, "Nothing drawn yet."
    rows, columns = np.nonzero(drawing > 64)
    box = f"columns {columns.min()}-{columns.max()}, rows {rows.min()}-{rows.max()}"
    share = (drawing > 64).mean()
    bigger = np.kron(drawing, np.ones((8, 8), dtype=np.uint8))  # 224x224, to be seen
    return bigger, f"Ink covers {share:.0%} of the 28x28 grid, in {box}."


demo = gr.Interface(
    describe,
    gr.Sketchpad(label="Draw a digit"),
    [gr.Image(label="What fn sees (28x28, inverted)"), gr.Textbox(label="Where the ink is")],
    title="Sketchpad",
    description="Draw with the mouse (or a finger), then press Submit. Brush, eraser, undo and clear are above "
    "the canvas.",
)

if __name__ == "__main__":
    demo.launch()
