import os

import numpy as np
import pytest
from media_samples import png_bytes, png_claiming
from PIL import Image as PILImage

import stface as gr
from stface.components._codecs import MediaFile


def upload(data=None, name="photo.png"):
    return MediaFile(name, png_bytes() if data is None else data)


def test_numpy_type_gives_rgb_uint8_arrays():
    array = gr.Image().preprocess(upload())
    assert array.shape == (30, 40, 3) and array.dtype == np.uint8
    assert tuple(array[0, 0]) == (200, 30, 30)


def test_an_rgb_array_reaches_fn_as_an_equal_copy_and_other_arrays_are_converted():
    array = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)
    given = gr.Image().preprocess(array)
    assert given is not array and np.array_equal(given, array)
    given[0, 0, 0] = 99
    assert array[0, 0, 0] == 0  # fn changing its argument does not change the caller's
    assert gr.Image(image_mode="L").preprocess(array).shape == (2, 3)
    assert gr.Image(invert_colors=True).preprocess(array)[0, 0, 0] == 255
    assert gr.Image().preprocess(np.ones((2, 3, 3))).max() == 255  # floats 0..1, as an image
    assert gr.Image().preprocess(np.zeros((2, 3, 4), dtype=np.uint8)).shape == (2, 3, 3)  # RGBA -> RGB


def test_pil_and_filepath_types():
    assert isinstance(gr.Image(type="pil").preprocess(upload()), PILImage.Image)
    assert isinstance(gr.Pil().preprocess(upload()), PILImage.Image)
    path = gr.Image(type="filepath").preprocess(upload())
    assert path.endswith(".png") and PILImage.open(path).size == (40, 30)


def test_shape_resizes_and_crops_the_centre_like_gradio_3():
    wide = np.zeros((100, 300, 3), dtype=np.uint8)
    wide[:, 100:200] = 255  # a white centre third
    result = gr.Image(shape=(200, 200)).preprocess(wide)
    assert result.shape == (200, 200, 3)
    assert result.mean() > 250  # only the white centre is left


def test_image_mode_and_invert_colors():
    grey = gr.Image(image_mode="L").preprocess(upload())
    assert grey.shape == (30, 40)
    inverted = gr.Image(invert_colors=True).preprocess(upload())
    assert tuple(inverted[0, 0]) == (55, 225, 225)
    assert gr.Image(image_mode="RGBA").preprocess(upload()).shape == (30, 40, 4)


def test_webcam_photos_are_mirrored_unless_turned_off():
    from stface.components.image import WebcamPhoto

    half = np.zeros((10, 10, 3), dtype=np.uint8)
    half[:, :5] = 255
    import io

    buffer = io.BytesIO()
    PILImage.fromarray(half).save(buffer, "PNG")
    photo = WebcamPhoto(MediaFile("webcam.png", buffer.getvalue()))
    assert gr.Image(sources="webcam").preprocess(photo)[0, 9, 0] == 255
    assert gr.Image(sources="webcam", mirror_webcam=False).preprocess(photo)[0, 0, 0] == 255


@pytest.mark.parametrize(
    ("array", "pixel"),
    [
        (np.full((4, 4, 3), 7, dtype=np.uint8), (7, 7, 7)),
        (np.full((4, 4, 3), 0.5), (128, 128, 128)),
        (np.full((4, 4), True), 255),
        (np.full((4, 4, 3), 65535, dtype=np.uint16), (255, 255, 255)),
        (np.full((4, 4, 1), 9, dtype=np.int64), 9),
        (np.full((4, 4, 4), 200, dtype=np.uint8), (200, 200, 200, 200)),
    ],
    ids=["uint8", "float", "bool", "uint16", "int64-one-channel", "rgba"],
)
def test_output_arrays_of_each_kind_become_images(array, pixel):
    image = gr.Image().postprocess(array)
    assert image.getpixel((0, 0)) == pixel
    assert gr.Image().as_python(image).shape[:2] == (4, 4)


@pytest.mark.parametrize(
    ("array", "message"),
    [
        (np.full((4, 4, 3), 3.0), "between 0 and 1"),
        (np.full((4, 4, 3), np.nan), "between 0 and 1"),
        (np.full((4, 4, 3), 300, dtype=np.int32), "0..255"),
        (np.zeros((4, 4, 2)), "\\(H, W, 3\\)"),
        (np.zeros(5), "\\(H, W, 3\\)"),
    ],
)
def test_bad_output_arrays_are_clear_errors(array, message):
    with pytest.raises(gr.Error, match=message):
        gr.Image().postprocess(array)


def test_output_accepts_pil_images_and_allowed_paths(tmp_path):
    pil = PILImage.new("RGB", (3, 3))
    assert gr.Image().postprocess(pil) is pil
    path = tmp_path / "out.png"
    path.write_bytes(png_bytes())
    assert gr.Image().postprocess(str(path)).size == (40, 30)
    with pytest.raises(gr.Error, match="takes a numpy array"):
        gr.Image().postprocess(42)


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (png_bytes()[:60], "photo.png"),
        (os.urandom(3000), "photo.jpg"),
        (b"", "empty.png"),
        (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "x.svg"),
    ],
    ids=["truncated-png", "random-bytes-jpg", "zero-bytes", "svg"],
)
def test_corrupt_images_are_clear_errors(data, name):
    with pytest.raises(gr.Error, match=f"Could not read '{name}' as an image"):
        gr.Image().preprocess(MediaFile(name, data))


def test_decompression_bombs_are_refused_from_the_header():
    with pytest.raises(gr.Error, match="'bomb.png' claims to be too large to decode safely"):
        gr.Image().preprocess(MediaFile("bomb.png", png_claiming(30000, 30000)))


def test_pixel_limit_is_configurable(monkeypatch):
    with pytest.raises(gr.Error, match="limit is 100 pixels"):
        gr.Image(max_pixels=100).preprocess(upload())
    monkeypatch.setenv("STFACE_MAX_IMAGE_PIXELS", "1000")
    with pytest.raises(gr.Error, match="limit is 1,000 pixels"):
        gr.Image().preprocess(upload())


def test_sources_and_shortcuts():
    from stface.components.registry import component_from

    assert gr.Image().sources == ["upload", "webcam"]
    assert gr.Image(source="webcam").sources == ["webcam"]
    assert component_from("webcam").sources == ["webcam"]
    assert component_from("pil").type == "pil"
    with pytest.raises(ValueError, match="'numpy', 'pil', 'filepath'"):
        gr.Image(type="base64")


def test_sepia_example_runs_end_to_end_through_call():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("sepia_example", Path(__file__).parents[2] / "examples" / "sepia.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.demo(np.full((300, 400, 3), 100, dtype=np.uint8))
    assert result.shape == (200, 200, 3) and result.dtype == np.uint8
    red, green, blue = result[0, 0]
    assert red > green > blue  # sepia tones


def test_large_but_sane_headers_hit_stfaces_own_limit_first():
    with pytest.raises(gr.Error, match="9000x9000 pixels; the limit is 50,000,000 pixels"):
        gr.Image().preprocess(MediaFile("big.png", png_claiming(9000, 9000)))
