"""Drawing inputs on a page, driven by AppTest: the canvas's state reaches fn as Gradio gives it.

AppTest runs no JavaScript, so each test sets the canvas component's state to
what ``_drawing.js`` sends (data URLs of the background and the layers) and
presses Submit, as the browser would.
"""

from __future__ import annotations

import base64
import io
import sys
import textwrap
from pathlib import Path

import numpy as np
from app_support import button, run_example, run_script
from PIL import Image as PILImage

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from media_samples import png_bytes  # noqa: E402


def page(body: str):
    return run_script("import stface as gr\nimport numpy as np\nimport streamlit as st\n" + textwrap.dedent(body))


RECEIVE = """
received = st.session_state.setdefault("received", [])
def keep(value):
    received.append(value)
    return "ok"
"""


def png(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    PILImage.fromarray(array).save(buffer, "PNG")
    return buffer.getvalue()


def url(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


def stroke(size, box) -> np.ndarray:
    layer = np.zeros((size[1], size[0], 4), np.uint8)
    x0, y0, x1, y1 = box
    layer[y0:y1, x0:x1] = (0, 0, 0, 255)
    return layer


def canvases(at) -> list[str]:
    """The keys of the drawing canvases on the page (their element ids end with the key)."""
    return [element.proto.id.split("-", 2)[2] for element in at.get("bidi_component")]


def draw(at, state: dict, index: int = 0, serial: str = "1") -> None:
    """What the canvas does when a stroke ends: its state becomes the drawing."""
    at.session_state[canvases(at)[index]] = {"value": {"serial": serial, "touched": True, "empty": False, **state}}


def test_sketchpad_hands_fn_the_28x28_inverted_drawing():
    at = page(RECEIVE + "gr.Interface(keep, gr.Sketchpad(label='digit'), 'text').launch()")
    assert len(canvases(at)) == 1 and not at.exception
    assert "digit" in [c.value for c in at.caption]
    draw(at, {"width": 400, "height": 400, "background": None, "layers": [url(png(stroke((400, 400), (200, 0, 400, 200))))]})
    button(at, "Submit").click().run()
    assert not at.exception and not at.error
    (digit,) = at.session_state["received"]
    assert digit.shape == (28, 28) and digit.dtype == np.uint8
    assert digit[3, 20] == 255 and digit[20, 3] == 0  # ink at the top right, as drawn
    assert at.text_area[0].value == "ok"


def test_a_drawing_survives_reruns_and_clear_starts_a_new_canvas():
    at = page(RECEIVE + "gr.Interface(keep, gr.Image(source='canvas'), 'text').launch()")
    first = canvases(at)[0]
    draw(at, {"width": 512, "height": 512, "background": None, "layers": [url(png(stroke((512, 512), (0, 0, 10, 10))))]})
    at.run()
    button(at, "Submit").click().run()
    picture = at.session_state["received"][0]
    assert picture.shape == (512, 512, 3) and picture[5, 5].max() == 0 and picture[100, 100].min() == 255
    button(at, "Clear").click().run()
    assert canvases(at)[0] != first  # a fresh canvas, under a new key
    button(at, "Submit").click().run()
    assert at.session_state["received"][1:] == [None]


def test_image_mask_hands_fn_the_image_and_the_mask_where_drawn():
    at = page(RECEIVE + "gr.Interface(keep, gr.ImageMask(), 'text').launch()")
    draw(at, {"width": 60, "height": 40, "background": url(png_bytes(60, 40, (10, 20, 30))),
              "layers": [url(png(stroke((60, 40), (5, 6, 15, 16))))]})  # fmt: skip
    button(at, "Submit").click().run()
    (value,) = at.session_state["received"]
    assert tuple(value["image"][0, 0]) == (10, 20, 30)
    ys, xs = np.nonzero(value["mask"][..., 0])
    assert (xs.min(), ys.min(), xs.max(), ys.max()) == (5, 6, 14, 15)


def test_image_editor_hands_fn_the_dict_and_shows_an_editor_output():
    at = page("""
    def mark(value):
        st.session_state["got"] = value
        return value
    gr.Interface(mark, gr.ImageEditor(image_mode="RGB"), gr.ImageEditor()).launch()
    """)
    draw(at, {"width": 30, "height": 20, "background": None, "layers": [url(png(stroke((30, 20), (0, 0, 5, 5))))]})
    button(at, "Submit").click().run()
    assert not at.exception and not at.error
    value = at.session_state["got"]
    assert value["composite"].shape == (20, 30, 3) and tuple(value["composite"][0, 0]) == (0, 0, 0)
    assert tuple(value["composite"][10, 10]) == (255, 255, 255) and value["layers"][0].shape == (20, 30, 3)
    assert len(at.get("image")) == 1  # the output's composite


def test_a_broken_drawing_is_refused_with_a_warning_and_fn_gets_nothing():
    at = page(RECEIVE + "gr.Interface(keep, gr.Image(source='canvas'), 'text').launch()")
    draw(at, {"width": 10, "height": 10, "background": None, "layers": ["data:text/html;base64,PGI+"]})
    at.run()
    assert any("is not a PNG" in w.value for w in at.warning)
    button(at, "Submit").click().run()
    assert at.session_state["received"] == [None]


def test_an_example_starts_the_canvas_from_its_image(tmp_path):
    picture = tmp_path / "start.png"
    picture.write_bytes(png_bytes(8, 8, (0, 0, 255)))
    at = page(RECEIVE + f"gr.Interface(keep, gr.ImageMask(), 'text', examples=[[{str(picture)!r}]]).launch()")
    examples = [b for b in at.button if b.label not in ("Submit", "Clear", "Flag")]
    examples[0].click().run()
    key = canvases(at)[0].rsplit(":canvas:", 1)[0]
    token, start = at.session_state[f"{key}:start-data"]
    assert token == f"{key}:{at.session_state[f'{key}:v']}"
    assert start["background"].startswith("data:image/png;base64,") and (start["width"], start["height"]) == (8, 8)
    button(at, "Submit").click().run()  # nothing drawn: the example's image and an empty mask
    (value,) = at.session_state["received"]
    assert tuple(value["image"][0, 0]) == (0, 0, 255) and value["mask"].max() == 0


def test_the_sketch_example_describes_the_drawing():
    at = run_example("sketch")
    draw(at, {"width": 400, "height": 400, "background": None, "layers": [url(png(stroke((400, 400), (0, 180, 400, 220))))]})
    button(at, "Submit").click().run()
    assert not at.exception and not at.error
    assert at.text_area[0].value.startswith("Ink covers") and "rows 12-15" in at.text_area[0].value
    assert len(at.get("image")) == 1
