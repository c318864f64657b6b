"""gr.Model3D in Chromium: the bundled three.js viewer draws glb, obj and stl models with WebGL.

Chromium runs with --disable-gpu, so WebGL falls back to SwiftShader; the
viewer keeps its drawing buffer, so the canvas's pixels can be read back
(``toDataURL``) and analysed with Pillow. The models are written by hand in
tests/unit/model3d_samples.py; the page may request nothing but the app's
own server (no CDN).
"""

from __future__ import annotations

import base64
import io
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from e2e_support import open_app, submit
from PIL import Image
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from model3d_samples import OBJ_TRIANGLE, glb_bytes, stl_binary  # noqa: E402

pytestmark = pytest.mark.e2e

ROUND_TRIP_APP = '''
from pathlib import Path
import stface as gr

def inspect(model):
    return model, f"{Path(model).suffix} {Path(model).stat().st_size}"

demo = gr.Interface(
    inspect,
    gr.Model3D(label="Model in"),
    [gr.Model3D(label="Model out", clear_color=(0, 0, 1, 1), camera_position=(-60, 60, None)), gr.Textbox(label="Info")],
)
'''

FORMATS_APP = '''
from pathlib import Path
import stface as gr

HERE = Path(__file__).parent

def models(_):
    return str(HERE / "triangle.obj"), str(HERE / "triangle.stl")

demo = gr.Interface(
    models,
    gr.Textbox(label="Go"),
    [gr.Model3D(label="OBJ", clear_color=(1, 1, 1, 1)), gr.Model3D(label="STL", clear_color=(1, 1, 1, 1))],
)
'''


def canvas_image(viewer) -> Image.Image:
    """The pixels the viewer's canvas holds (its drawing buffer is preserved)."""
    expect(viewer).to_have_attribute("data-state", "ready")
    url = viewer.locator("canvas").evaluate("canvas => canvas.toDataURL('image/png')")
    return Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGB")


def share(image: Image.Image, test) -> float:
    """The share of pixels for which ``test(r, g, b)`` (numpy arrays) holds."""
    rgb = np.asarray(image, dtype=np.int16)
    return float(np.mean(test(rgb[..., 0], rgb[..., 1], rgb[..., 2])))


def colours(image: Image.Image) -> int:
    return len(np.unique(np.asarray(image).reshape(-1, 3), axis=0))


def test_a_glb_upload_is_drawn_reaches_fn_and_its_output_is_drawn(tmp_path, launch_app, new_page):
    app = tmp_path / "model3d_app.py"
    app.write_text(textwrap.dedent(ROUND_TRIP_APP))
    model = tmp_path / "cube.glb"
    model.write_bytes(glb_bytes(colour=(1.0, 0.0, 0.0, 1.0)))
    server = launch_app(app)
    page = new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_app(page, server.url)

    # The uploader sits in the form, so the upload is drawn (and reaches fn) on Submit.
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(model))
    expect(page.get_by_text("cube.glb")).to_be_visible()
    submit(page)
    expect(page.get_by_label("Info")).to_have_value(f".glb {len(model.read_bytes())}")
    viewers = page.locator(".stface-model3d")
    expect(viewers).to_have_count(2)  # the upload's preview and the output

    preview = canvas_image(viewers.first)  # from the front: the cube's red face on a transparent background
    assert colours(preview) > 1, "the preview is blank"
    assert share(preview, lambda r, g, b: (r > 120) & (g < 70) & (b < 70)) > 0.05, "the red cube is not drawn"
    assert share(preview, lambda r, g, b: (r + g + b) == 0) > 0.2, "the default background is not transparent"

    output = canvas_image(viewers.last)
    red = share(output, lambda r, g, b: (r > 120) & (g < 70) & (b < 70))
    blue = share(output, lambda r, g, b: (b > 200) & (r < 40) & (g < 40))
    assert red > 0.05 and blue > 0.2, (red, blue)  # the cube on clear_color
    corner = output.getpixel((2, 2))
    assert corner[2] > 200 and corner[0] < 40, f"the background is {corner}, not clear_color's blue"
    assert all(url.startswith((server.url, "blob:", "data:")) for url in requests), sorted(set(requests))


def test_obj_and_stl_outputs_are_drawn(tmp_path, launch_app, new_page):
    app = tmp_path / "formats_app.py"
    app.write_text(textwrap.dedent(FORMATS_APP))
    (tmp_path / "triangle.obj").write_text(OBJ_TRIANGLE)
    (tmp_path / "triangle.stl").write_bytes(stl_binary())
    server = launch_app(app)
    page = new_page()
    open_app(page, server.url)
    page.get_by_label("Go").fill("x")
    submit(page)
    viewers = page.locator(".stface-model3d")
    expect(viewers).to_have_count(2)
    obj, stl = canvas_image(viewers.first), canvas_image(viewers.last)
    # The OBJ's vertex colours (red, green, blue corners) blend across the triangle.
    assert share(obj, lambda r, g, b: (g > r + 40) & (g > b + 40)) > 0.01, "the OBJ's vertex colours are not drawn"
    assert share(obj, lambda r, g, b: (r > g + 40) & (r > b + 40)) > 0.01
    # The STL has no colours: a grey triangle on white.
    rgb = np.asarray(stl, dtype=np.int16)
    grey = (rgb.max(axis=-1) < 230) & (rgb.max(axis=-1) - rgb.min(axis=-1) < 20)
    assert float(np.mean(grey)) > 0.05, "the grey STL triangle is not drawn"
    assert share(stl, lambda r, g, b: (r > 250) & (g > 250) & (b > 250)) > 0.2
