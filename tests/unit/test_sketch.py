"""Drawing on images: what the canvas sends, and what fn gets from it (Gradio 3.50's and Gradio 4–6's values)."""

from __future__ import annotations

import base64
import io
import warnings

import numpy as np
import pytest
from media_samples import png_bytes
from PIL import Image as PILImage

import stface as gr
from stface._kwargs import StfaceCompatibilityWarning
from stface.components._codecs import MediaFile
from stface.components._drawing import Canvas, Drawing, canvas_from, data_url, drawing_from_browser
from stface.components.registry import component_from
from stface.errors import Error


def stroke_layer(size=(100, 80), box=(20, 30, 40, 50), colour=(0, 0, 0, 255)) -> np.ndarray:
    """An RGBA layer, transparent but for a filled box (x0, y0, x1, y1), as the canvas draws strokes."""
    layer = np.zeros((size[1], size[0], 4), np.uint8)
    x0, y0, x1, y1 = box
    layer[y0:y1, x0:x1] = colour
    return layer


def png(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    PILImage.fromarray(array).save(buffer, "PNG")
    return buffer.getvalue()


def browser_state(size=(100, 80), layers=(), background: bytes | None = None, **extra):
    """The state the canvas sends: data URLs, as _drawing.js makes them."""
    def url(data: bytes, kind="png"):
        return f"data:image/{kind};base64," + base64.b64encode(data).decode()

    return {"serial": "1", "width": size[0], "height": size[1], "background": None if background is None else url(background),
            "layers": [url(png(layer)) for layer in layers], "touched": True, "empty": False, **extra}  # fmt: skip


def bbox(mask: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(mask)
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


# -- what the browser sends --------------------------------------------------------


def test_the_browser_state_becomes_a_drawing_of_png_layers_and_the_background_file():
    drawing = drawing_from_browser(browser_state(layers=[stroke_layer()], background=png_bytes(100, 80)))
    assert drawing.size == (100, 80)
    assert drawing.background.name == "background.png" and drawing.background.data == png_bytes(100, 80)
    assert len(drawing.layers) == 1 and drawing.layers[0].startswith(b"\x89PNG")


def test_an_empty_canvas_is_no_value():
    assert drawing_from_browser(None) is None
    assert drawing_from_browser({"width": 10, "height": 10, "layers": [], "empty": True}) is None


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ("not a dict", "was not understood"),
        ({"width": 0, "height": 10, "layers": []}, "is not valid"),
        ({"width": True, "height": 10, "layers": []}, "is not valid"),
        ({"width": 10, "height": 99999, "layers": []}, "is not valid"),
        ({"width": 10, "height": 10, "layers": ["data:text/html;base64,PHNjcmlwdD4="]}, "is not a PNG"),
        ({"width": 10, "height": 10, "layers": ["data:image/png;base64,@@@"]}, "could not be read"),
        ({"width": 10, "height": 10, "layers": ["x"] * 40}, "at most 32 layers"),
    ],
)
def test_broken_browser_states_are_refused_with_a_message(state, message):
    with pytest.raises(Error, match=message):
        drawing_from_browser(state)


def test_sizes_are_checked_before_anything_is_decoded():
    with pytest.raises(Error, match="larger than 1.0KB"):
        drawing_from_browser(browser_state(layers=[stroke_layer()], background=png_bytes(100, 80) + b"0" * 4000),
                             max_bytes=1024)  # fmt: skip
    with pytest.raises(Error, match="the limit is 1,000 pixels"):
        drawing_from_browser(browser_state(size=(100, 80)), max_pixels=1000)


def test_layers_add_up_within_twice_the_image_limit():
    state = browser_state(size=(100, 100), layers=[stroke_layer((100, 100))] * 3)
    assert len(drawing_from_browser(state, max_pixels=40_000).layers) == 3
    with pytest.raises(Error, match="layers add up to 70,000 pixels; the limit is 40,000"):
        drawing_from_browser({**state, "layers": state["layers"] * 2}, max_pixels=20_000)


def test_a_layer_larger_than_its_canvas_is_refused_before_decoding():
    drawing = drawing_from_browser(browser_state(size=(10, 10), layers=[stroke_layer((100, 100))]))
    with pytest.raises(Error, match="'layer.png' is 100x100 pixels; the limit is 100 pixels"):
        gr.Image(source="canvas").preprocess(drawing)


def test_a_layer_png_that_claims_to_be_huge_is_refused():
    from media_samples import png_claiming

    drawing = Drawing((10, 10), None, (png_claiming(50_000, 50_000),))
    with pytest.raises(Error, match="Upload a smaller image|too large"):
        gr.Image(source="canvas").preprocess(drawing)


# -- Gradio 3.50: Image(source="canvas"), tools, and its templates -------------------------------


def test_a_canvas_gives_fn_the_strokes_on_white():
    drawing = drawing_from_browser(browser_state(layers=[stroke_layer()]))
    picture = gr.Image(source="canvas").preprocess(drawing)
    assert picture.shape == (80, 100, 3)
    assert (picture[40, 30] == 0).all() and (picture[5, 5] == 255).all()
    assert bbox((picture < 128).all(axis=2)) == (20, 30, 39, 49)


def test_sketchpad_gives_a_28x28_inverted_greyscale_drawing_like_gradio_3_50():
    pad = gr.Sketchpad()
    assert (pad.shape, pad.image_mode, pad.invert_colors, pad.drawing) == ((28, 28), "L", True, "sketch")
    options = pad.canvas_options()
    assert (options.width, options.height) == (400, 400)  # drawn large, handed over at 28x28
    drawing = drawing_from_browser(browser_state(size=(400, 400), layers=[stroke_layer((400, 400), (100, 200, 300, 240))]))
    digit = pad.preprocess(drawing)
    assert digit.shape == (28, 28) and digit.dtype == np.uint8
    assert digit[0, 0] == 0 and digit[15, 14] == 255  # white strokes on black
    x0, y0, x1, y1 = bbox(digit > 127)
    assert (7 <= x0 <= 8, 14 <= y0 <= 15, 20 <= x1 <= 21, 16 <= y1 <= 17) == (True,) * 4


def test_sketchpad_brush_radius_is_in_pixels_of_its_shape():
    assert gr.Sketchpad(brush_radius=2).canvas_options().brush["size"] == pytest.approx(2 * 400 / 28)
    assert gr.Image(source="canvas", brush_radius=7).canvas_options().brush["size"] == 7


def test_color_sketch_on_an_upload_gives_the_image_with_the_strokes():
    red = png_bytes(100, 80, (200, 30, 30))
    drawing = drawing_from_browser(browser_state(layers=[stroke_layer(colour=(0, 0, 255, 255))], background=red))
    for component in (gr.ImagePaint(), gr.Image(source="upload", tool="color-sketch")):
        picture = component.preprocess(drawing)
        assert picture.shape == (80, 100, 3)
        assert tuple(picture[40, 30]) == (0, 0, 255) and tuple(picture[5, 5]) == (200, 30, 30)


def test_paint_gives_the_coloured_picture_on_white():
    assert (gr.Paint().drawing, gr.Paint().blank_canvas, gr.Paint().canvas_options().brush["picker"]) == ("color-sketch", True, True)
    drawing = drawing_from_browser(browser_state(layers=[stroke_layer(colour=(0, 200, 0, 255))]))
    picture = gr.Paint().preprocess(drawing)
    assert tuple(picture[40, 30]) == (0, 200, 0) and tuple(picture[0, 0]) == (255, 255, 255)


def test_sketch_on_an_upload_gives_the_image_and_a_white_on_black_mask():
    drawing = drawing_from_browser(browser_state(layers=[stroke_layer()], background=png_bytes(100, 80, (9, 99, 199))))
    for component in (gr.ImageMask(), gr.Image(source="upload", tool="sketch")):
        value = component.preprocess(drawing)
        assert sorted(value) == ["image", "mask"]
        assert value["image"].shape == (80, 100, 3) and tuple(value["image"][40, 30]) == (9, 99, 199)
        mask = value["mask"]
        assert mask.shape == (80, 100, 3) and set(np.unique(mask)) == {0, 255}
        assert bbox(mask[..., 0] > 0) == (20, 30, 39, 49)


def test_the_mask_follows_shape_and_type_but_not_image_mode():
    drawing = drawing_from_browser(browser_state(layers=[stroke_layer()], background=png_bytes(100, 80)))
    value = gr.ImageMask(shape=(50, 40), image_mode="L", type="pil").preprocess(drawing)
    assert value["image"].size == (50, 40) and value["image"].mode == "L"
    assert value["mask"].size == (50, 40) and value["mask"].mode == "RGB"


def test_a_mask_drawing_without_an_image_is_no_value():
    assert gr.ImageMask().preprocess(drawing_from_browser(browser_state(layers=[stroke_layer()]))) is None


def test_python_values_work_as_gradio_3_50_takes_them():
    plain = np.full((20, 30, 3), 7, np.uint8)
    assert gr.Image(source="canvas").preprocess(plain).shape == (20, 30, 3)
    value = gr.ImageMask().preprocess({"image": plain, "mask": np.full((20, 30, 3), 255, np.uint8)})
    assert value["mask"].min() == 255 and value["image"].shape == (20, 30, 3)
    assert gr.ImageMask().preprocess(plain)["mask"].max() == 0


def test_canvas_and_tool_options():
    assert gr.Image(source="canvas").sources == []
    assert gr.Image(source="canvas").tool == "sketch" and gr.Image().tool == "editor" and gr.Image().drawing is None
    options = gr.Image(source="upload", tool="sketch", mask_opacity=0.4, brush_color="#ff0000").canvas_options()
    assert options.needs_background and options.mask_opacity == 0.4 and options.sources == ("upload",)
    assert options.brush["colors"] == [{"color": "#ff0000", "alpha": 1.0}] and not options.brush["picker"]
    webcam = gr.Image(source="webcam", tool="sketch", mirror_webcam=False).canvas_options()
    assert webcam.sources == ("webcam",) and webcam.mirror_webcam is False
    with pytest.raises(ValueError, match="Image tool must be one of"):
        gr.Image(tool="brush")
    with pytest.raises(ValueError, match="Unknown source"):
        gr.Image(source="scanner")


def test_crop_tools_warn_that_fn_gets_the_whole_image():
    with pytest.warns(StfaceCompatibilityWarning, match="tool='select'.*no effect in stface"):
        image = gr.Image(tool="select")
    assert image.drawing is None and image.preprocess(np.zeros((4, 4, 3), np.uint8)).shape == (4, 4, 3)


def test_drawing_options_no_longer_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error", StfaceCompatibilityWarning)
        gr.Image(source="canvas", tool="color-sketch", brush_radius=5, brush_color="#123456", mask_opacity=0.5)
        gr.Sketchpad(label="digit", brush_radius=3)
        gr.ImageEditor(brush=gr.Brush(), eraser=gr.Eraser(), layers=gr.LayerOptions(), canvas_size=(10, 10))


# -- Gradio 4-6: ImageEditor and its templates ----------------------------------------------------


def test_image_editor_gives_background_layers_and_composite():
    drawing = drawing_from_browser(browser_state(layers=[stroke_layer()], background=png_bytes(100, 80, (9, 99, 199))))
    value = gr.ImageEditor().preprocess(drawing)
    assert sorted(value) == ["background", "composite", "layers"]
    assert value["background"].shape == (80, 100, 4) and tuple(value["background"][5, 5]) == (9, 99, 199, 255)
    (layer,) = value["layers"]
    assert layer.shape == (80, 100, 4) and layer[5, 5, 3] == 0 and tuple(layer[40, 30]) == (0, 0, 0, 255)
    assert tuple(value["composite"][40, 30]) == (0, 0, 0, 255) and tuple(value["composite"][5, 5]) == (9, 99, 199, 255)


def test_a_blank_editor_canvas_has_a_transparent_background_white_without_alpha():
    drawing = drawing_from_browser(browser_state(layers=[stroke_layer()]))
    rgba = gr.ImageEditor().preprocess(drawing)
    assert rgba["background"].shape == (80, 100, 4) and rgba["background"][..., 3].max() == 0
    assert rgba["composite"][5, 5, 3] == 0 and rgba["composite"][40, 30, 3] == 255
    grey = gr.ImageEditor(image_mode="L").preprocess(drawing)
    assert grey["composite"].shape == (80, 100) and grey["composite"][5, 5] == 255 and grey["composite"][40, 30] == 0
    assert grey["background"].min() == 255


def test_editor_types_and_format():
    drawing = drawing_from_browser(browser_state(layers=[stroke_layer()]))
    pil = gr.ImageEditor(type="pil").preprocess(drawing)
    assert isinstance(pil["composite"], PILImage.Image) and pil["composite"].mode == "RGBA"
    paths = gr.ImageEditor(type="filepath").preprocess(drawing)
    assert paths["composite"].endswith(".webp") and PILImage.open(paths["layers"][0]).size == (100, 80)
    assert gr.ImageEditor(type="filepath", format="png").preprocess(drawing)["background"].endswith(".png")


def test_fixed_canvas_fits_the_background_into_the_canvas():
    editor = gr.ImageEditor(canvas_size=(100, 100), fixed_canvas=True)
    assert editor.canvas_options().resize_to_background is False
    drawing = drawing_from_browser(browser_state(size=(100, 100), background=png_bytes(200, 100, (255, 0, 0))))
    background = editor.preprocess(drawing)["background"]
    assert background.shape == (100, 100, 4)
    assert background[10, 50, 3] == 0 and tuple(background[50, 50]) == (255, 0, 0, 255)  # letterboxed


def test_editor_takes_the_apps_own_values():
    plain = np.full((6, 8, 3), 9, np.uint8)
    value = gr.ImageEditor(image_mode="RGB").preprocess(plain)
    assert value["background"].shape == (6, 8, 3) and value["layers"] == [] and value["composite"][0, 0, 0] == 9
    layer = stroke_layer((8, 6), (0, 0, 2, 2))
    given = gr.ImageEditor().preprocess({"background": plain, "layers": [layer], "composite": None})
    assert given["composite"][0, 0, 3] == 255 and given["composite"][5, 5, 0] == 9
    with pytest.raises(Error, match="'background', 'layers' and 'composite'"):
        gr.ImageEditor().preprocess({"picture": plain})


def test_editor_outputs_show_the_composite_and_return_the_dict():
    editor = gr.ImageEditor()
    layer = stroke_layer((8, 6), (0, 0, 2, 2))
    shown = editor.postprocess({"background": np.full((6, 8, 3), 9, np.uint8), "layers": [layer], "composite": None})
    assert isinstance(shown, Canvas) and shown.composite().size == (8, 6)
    python = editor.as_python(shown)
    assert python["composite"][0, 0, 3] == 255 and len(python["layers"]) == 1
    assert isinstance(editor.postprocess(np.zeros((3, 3, 3), np.uint8)), Canvas)
    with pytest.raises(Error, match="outside the folders stface serves"):
        editor.postprocess({"background": "/etc/passwd", "layers": []})


def test_brush_eraser_and_layer_options_are_gradio_6s():
    assert gr.Brush().colors[0] == "rgb(204, 50, 50)" and gr.Brush().default_color == "rgb(204, 50, 50)"
    assert gr.Brush(colors="#fff").default_color == "#fff"
    assert gr.Eraser().default_size == "auto" and gr.LayerOptions(layers=[]).layers == ["Layer 1"]
    options = gr.ImageEditor(brush=gr.Brush(default_size=5, colors=[("#ff0000", 0.5), "blue"], color_mode="fixed"),
                             eraser=gr.Eraser(default_size=8), layers=gr.LayerOptions(layers=["a", "b"])).canvas_options()  # fmt: skip
    assert options.brush["size"] == 10 and options.eraser["size"] == 16  # Gradio gives radii
    assert options.brush["colors"] == [{"color": "#ff0000", "alpha": 0.5}, {"color": "blue", "alpha": 1.0}]
    assert options.brush["picker"] is False and options.layers == ("a", "b") and options.add_layers
    hidden = gr.ImageEditor(brush=False).canvas_options()
    assert hidden.brush is None and hidden.eraser is None
    one = gr.ImageEditor(layers=False).canvas_options()
    assert one.layers == ("Layer 1",) and not one.add_layers
    assert gr.ImageEditor(sources=()).sources == [] and gr.ImageEditor().sources == ["upload", "webcam", "clipboard"]
    assert gr.ImageEditor(webcam_options=gr.WebcamOptions(mirror=False)).canvas_options().mirror_webcam is False
    with pytest.raises(ValueError, match="canvas_size"):
        gr.ImageEditor(canvas_size=(0, 10))


def test_templates_follow_the_gradio_their_options_come_from():
    assert gr.Sketchpad().drawing == "sketch" and gr.Sketchpad(type="pil", label="x").drawing == "sketch"
    six = gr.Sketchpad(canvas_size=(300, 200))
    assert six.drawing == "editor" and six.sources == [] and six.image_mode == "RGBA"
    assert six.brush == gr.Brush(colors=["#000000"], color_mode="fixed")
    mask = gr.ImageMask(sources=["upload"])
    assert mask.drawing == "editor" and mask.layers.disabled and mask.brush.colors == ["#000000"]
    assert gr.ImageMask().drawing == "mask" and gr.ImageMask(brush_radius=4).drawing == "mask"
    paint = gr.Paint(brush=gr.Brush(colors=["#00ff00"]))
    assert paint.drawing == "editor" and paint.brush.colors == ["#00ff00"] and paint.sources == []
    with pytest.raises(ValueError, match="shape is Gradio 3.50 options and canvas_size Gradio 4-6 options"):
        gr.Sketchpad(shape=(28, 28), canvas_size=(10, 10))


def test_gradio_6_sketchpad_gives_the_editor_dict():
    drawing = drawing_from_browser(browser_state(layers=[stroke_layer()]))
    value = gr.Sketchpad(layers=True, image_mode="L").preprocess(drawing)
    assert value["composite"].shape == (80, 100) and value["composite"][40, 30] == 0 and value["composite"][0, 0] == 255


def test_string_shortcuts():
    assert isinstance(component_from("sketchpad"), gr.Sketchpad) and component_from("sketchpad").drawing == "sketch"
    assert component_from("imagemask").drawing == "mask" and component_from("image_paint").drawing == "color-sketch"
    assert component_from("paint").drawing == "color-sketch" and component_from("imageeditor").drawing == "editor"


# -- the rest of stface: the start value, interpretation, flags ----------------------------------------------


def test_a_stored_value_becomes_the_canvas_start():
    canvas = canvas_from(np.zeros((30, 40, 3), np.uint8), fit_background=True, size=(100, 100))
    assert canvas.size == (100, 100) and canvas.source.size == (40, 30)
    assert data_url(canvas.source).startswith("data:image/png;base64,")
    start = canvas_from({"image": np.zeros((5, 5, 3), np.uint8), "mask": np.full((5, 5), 255, np.uint8)})
    assert start.drawn and start.mask().getpixel((2, 2)) == (255, 255, 255)


def test_a_drawing_is_flagged_as_its_picture(tmp_path):
    from stface.flagging import CSVLogger

    drawing = drawing_from_browser(browser_state(layers=[stroke_layer()]))
    log = CSVLogger(verbose=False)
    log.setup([gr.Image(source="canvas", label="pad")], tmp_path)
    log.flag([drawing])
    (saved,) = list((tmp_path / "pad").iterdir())
    assert PILImage.open(saved).size == (100, 80)


def test_interpretation_sees_the_drawing():
    from stface.interpret.maskers import masker_for

    drawing = drawing_from_browser(browser_state(size=(56, 56), layers=[stroke_layer((56, 56), (10, 10, 20, 20))]))
    image = masker_for(gr.Sketchpad()).image(drawing)
    assert image.shape == (28, 28, 3) and image[7, 7].max() < 50 and image[20, 20].min() > 200


def test_a_webcam_photo_payload_still_works_for_plain_images():
    from stface.components.image import WebcamPhoto

    photo = WebcamPhoto(MediaFile("webcam.png", png_bytes(10, 10)))
    assert gr.Image(sources="webcam").picture(photo).size == (10, 10)
