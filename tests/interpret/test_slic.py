"""stface.interpret.slic gives scikit-image's SLIC labels, bit for bit, and faster."""

import io
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from skimage.segmentation import slic as skimage_slic

import stface as gr
from stface.components import _codecs
from stface.interpret import slic as fast
from stface.interpret.image_masker import ImageMasker, _mean_colour


def reference(image: np.ndarray, n: int) -> np.ndarray:
    """Gradio 3.50's call."""
    return skimage_slic(image, n, compactness=10, sigma=1, start_label=1)


def scene(height: int, width: int, kind: str, seed: int) -> np.ndarray:
    """Pictures of the kinds SLIC meets: noise, flat blocks (ties), gradients, one colour."""
    rng = np.random.default_rng(seed)
    if kind == "noise":
        return rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    if kind == "blocks":
        return (rng.integers(0, 4, (height, width, 3)) * 60).astype(np.uint8)
    if kind == "flat":
        return np.full((height, width, 3), rng.integers(0, 256), np.uint8)
    y, x = np.mgrid[:height, :width]
    image = np.stack([x * 3 % 256, y * 5 % 256, (x + y) % 256], axis=-1).astype(np.uint8)
    image[height // 3 : height // 2, width // 4 : width // 2] = rng.integers(0, 256, 3)
    return image


@settings(max_examples=150, deadline=None)
@given(
    height=st.integers(1, 70),
    width=st.integers(1, 70),
    n=st.integers(1, 60),
    kind=st.sampled_from(["noise", "blocks", "flat", "gradient"]),
    seed=st.integers(0, 2**16),
)
def test_the_labels_are_scikit_images(height, width, n, kind, seed):
    image = scene(height, width, kind, seed)
    np.testing.assert_array_equal(fast.slic(image, n), reference(image, n))


@pytest.mark.parametrize(("shape", "n"), [((224, 224), 16), ((97, 131), 16), ((150, 60), 100), ((240, 320), 16)])
def test_photo_sized_pictures_match(shape, n):
    image = scene(*shape, "gradient", 7)
    image[::7] = scene(*shape, "noise", 8)[::7]  # texture, so segments are not a plain grid
    assert fast._kernels() is not None  # the compiled path, not the fallback
    np.testing.assert_array_equal(fast.slic(image, n), reference(image, n))


@pytest.mark.parametrize(
    "image",
    [
        scene(20, 30, "noise", 1)[..., 0],  # grey
        np.dstack([scene(20, 30, "noise", 2), np.full((20, 30), 255, np.uint8)]),  # RGBA
        scene(20, 30, "gradient", 3).astype(np.float64) / 255,  # floats
    ],
    ids=["grey", "rgba", "float"],
)
def test_other_pictures_go_to_scikit_image(image):
    if image.ndim == 2:  # Gradio 3.50's call refuses a 2-D picture (a known bug); stface segments it as one channel
        with pytest.raises(ValueError, match="channel_axis"):
            reference(image, 8)
        want = skimage_slic(image, 8, compactness=10, sigma=1, start_label=1, channel_axis=None)
        np.testing.assert_array_equal(fast.slic(image, 8), want)
    else:
        np.testing.assert_array_equal(fast.slic(image, 8), reference(image, 8))


@pytest.mark.parametrize("mode", ["L", "P"])
def test_grey_and_palette_uploads_are_interpreted(mode):
    picture = np.zeros((48, 64, 3), np.uint8)
    picture[:, 32:] = (250, 10, 10)  # a red right half, which is what the model looks at
    upload = Image.fromarray(picture).convert(mode)
    buffer = io.BytesIO()
    upload.save(buffer, "PNG")
    seen = []

    def redness(image):
        seen.append(image.shape)
        return {"red": float(image[..., 0].mean() > 60), "other": float(image[..., 0].mean() <= 60)}

    demo = gr.Interface(redness, gr.Image(image_mode="RGB"), "label", interpretation="default")
    (heat,) = demo.interpret(buffer.getvalue())
    heat = np.asarray(heat)
    assert heat.shape == (48, 64) and np.isfinite(heat).all()
    assert seen and all(shape == (48, 64, 3) for shape in seen)  # fn still gets the component's RGB
    # Palette indices are not intensities: the picture is converted to its colours before it is segmented.
    segments = ImageMasker(demo.input_components[0]).segmentation(buffer.getvalue())
    assert segments.image.ndim == (2 if mode == "L" else 3)
    if mode == "P":  # segmented by colour: no segment spans both halves (indices would not say where the edge is)
        left, right = set(np.unique(segments.index[:, :30])), set(np.unique(segments.index[:, 34:]))
        assert left and right and not left & right


@pytest.mark.parametrize("missing", ["numba", "x86-64"])
def test_without_numba_or_off_x86_scikit_image_segments(monkeypatch, missing):
    if missing == "numba":
        monkeypatch.setitem(sys.modules, "numba", None)
        monkeypatch.delitem(sys.modules, "stface.interpret._slic_kernels", raising=False)
    else:  # elsewhere compilers fuse multiply-adds in scikit-image's build, which could change a near tie
        monkeypatch.setattr(fast.platform, "machine", lambda: "aarch64")
    fast._kernels.cache_clear()
    try:
        assert fast._kernels() is None
        image = scene(40, 50, "gradient", 4)
        np.testing.assert_array_equal(fast.slic(image, 16), reference(image, 16))
    finally:
        fast._kernels.cache_clear()


def test_reused_work_arrays_never_leak_between_calls_or_threads():
    pictures = [scene(64, 80, kind, seed) for seed, kind in enumerate(["noise", "gradient", "blocks", "flat"] * 3)]
    expected = [reference(p, 20) for p in pictures]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda p: fast.slic(p, 20), pictures))
    for labels, want in zip(got, expected):
        np.testing.assert_array_equal(labels, want)
    assert len(fast._KEPT) <= fast._KEEP
    big = scene(600, 500, "gradient", 5)  # over the size kept for reuse
    fast.slic(big, 16)
    assert all(s.shape != (600, 500) for s in fast._KEPT)


@pytest.mark.parametrize(
    "image",
    [scene(33, 47, "noise", 9), scene(33, 47, "noise", 9)[..., 0], np.random.default_rng(0).random((9, 11, 3))],
    ids=["rgb", "grey", "float"],
)
def test_the_mean_colour_is_numpys(image):
    np.testing.assert_array_equal(_mean_colour(image), np.mean(image, axis=(0, 1)))


def test_an_interpretation_decodes_an_upload_once(monkeypatch):
    buffer = io.BytesIO()
    Image.fromarray(scene(32, 40, "gradient", 6)).save(buffer, "PNG")
    upload = buffer.getvalue()
    decodes = []
    real = _codecs._decode_image
    monkeypatch.setattr(_codecs, "_decode_image", lambda *a: decodes.append(threading.get_ident()) or real(*a))
    demo = gr.Interface(
        lambda image: {"red": float(image[..., 0].mean()) / 255}, "image", "label", interpretation="default"
    )
    demo.interpret(upload)
    assert len(decodes) == 1
    demo(upload)
    demo(upload)
    assert len(decodes) == 3  # outside an interpretation nothing is remembered


@pytest.mark.parametrize("scores", [[0.5, -0.25, 0.0, 2.0], [-1.0, -2.0, -0.0, -3.0], [0.0, 0.0, 0.0, 0.0]])
def test_the_heatmap_is_gradios_per_pixel_sum(scores):
    masker = ImageMasker(gr.Image())
    split = masker.segmentation(scene(24, 30, "blocks", 3))
    scores = (scores * 8)[: split.n]
    heat = np.zeros(split.index.shape)  # Gradio 3.50's get_interpretation_scores
    for score, mask in zip(scores, split.masks()):
        heat += score * mask
    top, bottom = np.max(heat), np.min(heat)
    if top > 0:
        heat = (heat - bottom) / (top - bottom)
    assert repr(masker.arrange(None, None, scores, split)) == repr(heat.tolist())  # repr: -0.0 too


def png(picture: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(picture).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_drawing_input_gets_its_masked_pictures_as_drawings():
    kinds = []

    def fn(value):
        kinds.append(type(value).__name__)
        return {"red": float(value["image"][..., 0].mean()) / 255}

    gr.Interface(fn, gr.ImageMask(type="numpy"), "label", interpretation="default").interpret(
        png(scene(32, 40, "noise", 1))
    )
    assert set(kinds) == {"dict"} and len(kinds) > 1


def test_fn_drawing_on_its_picture_does_not_change_what_is_segmented(monkeypatch):
    from stface.interpret import image_masker as maskers

    upload = scene(32, 40, "noise", 2)
    seen = []
    real = maskers.slic
    monkeypatch.setattr(maskers, "slic", lambda image, n: seen.append(image.copy()) or real(image, n))

    def fn(image):
        score = float(np.asarray(image)[..., 0].mean()) / 255
        image.paste((0, 0, 0), (0, 0, image.width, image.height))  # an app that scribbles on its input
        return {"red": score}

    gr.Interface(fn, gr.Image(type="pil", image_mode=None), "label", interpretation="shap", num_shap=1).interpret(
        png(upload)
    )
    assert seen and all(np.array_equal(image, upload) for image in seen)
