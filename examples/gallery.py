"""Gallery: generated pictures with captions, and an annotated scene (boxes and a mask with a legend)."""

import numpy as np

import stface as gr

SIZE = 96


def gradient(hue: float) -> np.ndarray:
    """A SIZE x SIZE picture: a diagonal blend from one colour to its opposite."""
    y, x = np.mgrid[0:SIZE, 0:SIZE] / (SIZE - 1)
    blend = (x + y) / 2
    start = np.array([np.cos(hue) + 1, np.cos(hue + 2.1) + 1, np.cos(hue + 4.2) + 1]) / 2
    picture = start * (1 - blend[..., None]) + (1 - start) * blend[..., None]
    return (picture * 255).astype(np.uint8)


def scene() -> tuple[np.ndarray, list]:
    """A sky, a sun and a house, with the sun as a mask and the house and the grass as boxes."""
    height, width = 240, 400
    picture = np.zeros((height, width, 3), np.uint8)
    picture[:160] = (135, 190, 235)  # sky
    picture[160:] = (90, 160, 70)  # grass
    picture[100:200, 240:340] = (170, 90, 60)  # house
    y, x = np.mgrid[0:height, 0:width]
    sun = (x - 90) ** 2 + (y - 70) ** 2 < 36**2
    picture[sun] = (250, 220, 60)
    return picture, [(sun, "sun"), ((236, 96, 344, 204), "house"), ((0, 160, 400, 240), "grass")]


def paint(count: float, title: str):
    count = int(count)
    pictures = [(gradient(2 * np.pi * i / count), f"{title} {i + 1}") for i in range(count)]
    return pictures, scene()


demo = gr.Interface(
    paint,
    [gr.Slider(1, 12, value=6, step=1, label="pictures"), gr.Textbox(value="Picture", label="caption")],
    [
        gr.Gallery(label="generated", columns=3, object_fit="cover"),
        gr.AnnotatedImage(label="scene", color_map={"house": "#9467bd"}),
    ],
    title="Gallery and annotated image",
    description="Makes that many pictures, each captioned, and an annotated scene.",
)

if __name__ == "__main__":
    demo.launch()
