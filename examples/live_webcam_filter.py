"""Live webcam filter: every webcam frame goes through fn and comes back as live video.

Press Start: the webcam streams over WebRTC, fn filters each frame as it
arrives (the newest one, when frames come faster than fn), and the
filtered frames come back on the same connection. Change the filter while
it streams.
"""

import numpy as np

import stface as gr

SEPIA = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]], dtype=np.float32)


def apply_filter(frame, style):
    if style == "sepia":
        return np.clip(frame @ SEPIA.T, 0, 255).astype(np.uint8)
    if style == "edges":
        gray = frame.mean(axis=2)
        edges = np.abs(np.diff(gray, axis=0, prepend=gray[:1])) + np.abs(np.diff(gray, axis=1, prepend=gray[:, :1]))
        return np.repeat(np.clip(edges * 4, 0, 255).astype(np.uint8)[:, :, None], 3, axis=2)
    if style == "pixelate":
        small = frame[::16, ::16]
        return np.repeat(np.repeat(small, 16, axis=0), 16, axis=1)[: frame.shape[0], : frame.shape[1]]
    if style == "upside down":
        return np.flipud(frame)
    return frame


demo = gr.Interface(
    apply_filter,
    [
        gr.Image(sources=["webcam"], streaming=True, label="webcam"),
        gr.Radio(["sepia", "edges", "pixelate", "upside down", "none"], value="sepia", label="filter"),
    ],
    gr.Image(label="filtered"),
    live=True,
    time_limit=None,
    title="Live webcam filter",
)

if __name__ == "__main__":
    demo.launch()
