"""Drawing with the mouse in Chromium: the strokes reach fn where they were drawn.

Each app's fn reports where the ink is (a bounding box in the image's
pixels); the test draws with page.mouse over the canvas and compares that
box with the stroke's own coordinates, mapped from the screen to the canvas.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
from e2e_support import click_and_wait, open_app, submit
from PIL import Image as PILImage
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

BOX = r"(\d+)x(\d+) box (\d+),(\d+),(\d+),(\d+)"

SKETCH_APP = '''
import numpy as np
import stface as gr

def where(picture):
    ys, xs = np.nonzero(picture.min(axis=2) < 128)  # dark pixels: the strokes on the white canvas
    box = ",".join(map(str, (xs.min(), ys.min(), xs.max(), ys.max()))) if len(xs) else "none"
    return f"{picture.shape[1]}x{picture.shape[0]} box {box}"

demo = gr.Interface(where, gr.Image(source="canvas", label="canvas"), gr.Textbox(label="result"))
'''

MASK_APP = '''
import numpy as np
import stface as gr

def where(value):
    image, mask = value["image"], value["mask"]
    ys, xs = np.nonzero(mask[..., 0] > 127)
    box = ",".join(map(str, (xs.min(), ys.min(), xs.max(), ys.max()))) if len(xs) else "none"
    colour = ",".join(map(str, image[0, 0]))
    return f"{mask.shape[1]}x{mask.shape[0]} box {box} image {image.shape[1]}x{image.shape[0]} at 0,0 {colour}"

demo = gr.Interface(where, gr.ImageMask(label="photo"), gr.Textbox(label="result"))
'''

EDITOR_APP = '''
import numpy as np
import stface as gr

def where(value):
    parts = []
    for layer in value["layers"]:
        ys, xs = np.nonzero(layer[..., 3] > 127)
        solid = layer[layer[..., 3] == 255][:, :3]  # inside the strokes, away from their soft edges
        colour = ",".join(str(int(c)) for c in np.median(solid, axis=0)) if len(solid) else "-"
        parts.append(f"{xs.min()},{ys.min()},{xs.max()},{ys.max()} rgb {colour}" if len(xs) else "empty")
    return f"{value['composite'].shape[1]}x{value['composite'].shape[0]} layers " + " | ".join(parts)

demo = gr.Interface(where, gr.ImageEditor(label="editor", sources=(), canvas_size=(300, 200)), gr.Textbox(label="result"))
'''


def stage_box(page) -> dict:
    stage = page.locator(".sf-stage")
    stage.scroll_into_view_if_needed()
    return stage.bounding_box()


def stroke(page, box: dict, start: tuple[float, float], end: tuple[float, float]) -> None:
    """Drag the mouse from ``start`` to ``end``, given as fractions of the canvas."""
    page.mouse.move(box["x"] + box["width"] * start[0], box["y"] + box["height"] * start[1])
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end[0], box["y"] + box["height"] * end[1], steps=12)
    page.mouse.up()


def result(page, pattern: str) -> re.Match:
    output = page.get_by_label("result")
    expect(output).to_have_value(re.compile(pattern))
    return re.search(pattern, output.input_value())


def test_a_stroke_drawn_with_the_mouse_reaches_fn_where_it_was_drawn_and_the_eraser_removes_ink(launch_app, new_page, tmp_path):
    app = tmp_path / "sketch_app.py"
    app.write_text(SKETCH_APP)
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 1000})
    open_app(page, launch_app(app).url)
    box = stage_box(page)
    stroke(page, box, (0.25, 0.5), (0.75, 0.5))
    submit(page)

    match = result(page, BOX)
    width, height, x0, y0, x1, y1 = map(int, match.groups())
    assert (width, height) == (512, 512)
    half = 20 * width / box["width"] / 2  # the default brush: 20 screen pixels wide
    assert abs(x0 - (0.25 * width - half)) <= 3 and abs(x1 - (0.75 * width + half)) <= 3
    assert abs(y0 - (0.5 * height - half)) <= 3 and abs(y1 - (0.5 * height + half)) <= 3

    page.get_by_role("button", name="Erase", exact=True).click()
    stroke(page, box, (0.6, 0.5), (0.9, 0.5))  # rub out the stroke's right end
    submit(page)
    match = result(page, r"512x512 box (\d+),\d+,(\d+),")
    left, right = map(int, match.groups())
    assert abs(left - x0) <= 1
    # The eraser's round end, centred at 60%, bites less into the stroke's edges than into its middle.
    assert 0.6 * width - half - 3 <= right <= 0.6 * width + 1, "the eraser should have removed the ink right of 60%"


def test_image_mask_upload_then_draw_gives_fn_the_mask_where_drawn(launch_app, new_page, tmp_path):
    app = tmp_path / "mask_app.py"
    app.write_text(MASK_APP)
    photo = io.BytesIO()
    PILImage.fromarray(np.full((150, 300, 3), (30, 120, 200), np.uint8)).save(photo, "PNG")
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 1000})
    open_app(page, launch_app(app).url)
    expect(page.locator(".sf-hint")).to_be_visible()  # drawing waits for an image
    page.locator(".sf-file").set_input_files(files=[{"name": "photo.png", "mimeType": "image/png",
                                                     "buffer": photo.getvalue()}])  # fmt: skip
    expect(page.locator(".sf-hint")).to_be_hidden()
    expect(page.locator(".sf-stage")).to_have_attribute("style", re.compile(r"aspect-ratio: 300 / 150"))
    box = stage_box(page)
    stroke(page, box, (0.5, 0.2), (0.5, 0.8))
    submit(page)

    pattern = BOX + r" image (\d+)x(\d+) at 0,0 (\d+,\d+,\d+)"
    match = result(page, pattern)
    width, height, x0, y0, x1, y1, image_w, image_h = map(int, match.groups()[:8])
    assert (width, height, image_w, image_h) == (300, 150, 300, 150)
    assert match.group(9) == "30,120,200"  # the uploaded image itself, not the strokes
    half = 20 * width / box["width"] / 2
    assert abs(x0 - (0.5 * width - half)) <= 3 and abs(x1 - (0.5 * width + half)) <= 3
    assert abs(y0 - (0.2 * height - half)) <= 3 and abs(y1 - (0.8 * height + half)) <= 3


def test_image_editor_layers_and_colours_reach_fn_as_gradio_6s_dict(launch_app, new_page, tmp_path):
    app = tmp_path / "editor_app.py"
    app.write_text(EDITOR_APP)
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 1000})
    open_app(page, launch_app(app).url)
    box = stage_box(page)
    stroke(page, box, (0.1, 0.2), (0.4, 0.2))  # the first colour, rgb(204, 50, 50), on Layer 1
    page.get_by_role("button", name="Add a layer").click()
    page.get_by_role("button", name="Colour rgb(50, 112, 204)").click()
    stroke(page, box, (0.6, 0.7), (0.9, 0.7))
    click_and_wait(page, page.get_by_role("button", name="Submit", exact=True))

    match = result(page, r"300x200 layers (\S+) rgb (\S+) \| (\S+) rgb (\S+)")
    first, first_rgb, second, second_rgb = match.groups()
    assert first_rgb == "204,50,50" and second_rgb == "50,112,204"
    x0, y0, x1, y1 = map(int, first.split(","))
    assert x0 < 0.1 * 300 < x1 < 0.4 * 300 + 15 and y0 < 0.2 * 200 < y1
    x0, y0, x1, y1 = map(int, second.split(","))
    assert 0.6 * 300 - 15 < x0 < 0.6 * 300 < x1 and y0 < 0.7 * 200 < y1
