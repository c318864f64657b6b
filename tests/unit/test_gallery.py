"""Gallery and AnnotatedImage: conversions and options (no page)."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
from media_samples import png_bytes
from PIL import Image as PILImage

import stface as gr
from stface.components._codecs import MediaFile
from stface.components.annotated_image import composite, label_colours, legend_html
from stface.components.gallery import GalleryItem, thumbnail
from stface.components.registry import component_from
from stface.errors import Error


def rgb(width=6, height=4, colour=(10, 20, 30)):
    image = np.zeros((height, width, 3), np.uint8)
    image[:] = colour
    return image


# -- Gallery as an output --------------------------------------------------------


def test_gallery_takes_arrays_pil_paths_and_captioned_pairs(tmp_path):
    path = tmp_path / "red.png"
    path.write_bytes(png_bytes(8, 5))
    items = gr.Gallery().postprocess([rgb(), (PILImage.new("RGB", (3, 3)), "pil"), (str(path), "file"), path])
    assert [item.caption for item in items] == [None, "pil", "file", None]
    assert [item.media.size for item in items] == [(6, 4), (3, 3), (8, 5), (8, 5)]


def test_gallery_accepts_float_images_and_lists_as_pairs():
    items = gr.Gallery().postprocess([[np.ones((2, 2, 3)), "white"]])
    assert items[0].caption == "white" and np.array(items[0].media).max() == 255


def test_gallery_keeps_urls_and_plays_videos(tmp_path):
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    items = gr.Gallery().postprocess([("https://example.com/cat.png", "remote"), (str(video), "clip")])
    assert items[0].is_url and items[0].media == "https://example.com/cat.png"
    assert items[1].is_video and items[1].media.data.startswith(b"\x00\x00")


def test_gallery_none_is_empty_and_a_single_string_is_refused():
    assert gr.Gallery().postprocess(None) == []
    with pytest.raises(Error, match="list of images"):
        gr.Gallery().postprocess("cat.png")


def test_gallery_refuses_paths_outside_the_served_folders():
    with pytest.raises(Error, match="outside the folders stface serves"):
        gr.Gallery().postprocess(["/etc/hostname"])


def test_gallery_explains_a_wrong_item():
    with pytest.raises(Error, match="got int"):
        gr.Gallery().postprocess([3])
    with pytest.raises(Error, match="got 3 elements"):
        gr.Gallery().postprocess([(rgb(), "a", "b")])


def test_gallery_call_returns_paths_with_captions():
    demo = gr.Interface(lambda: [(rgb(), "one"), rgb(colour=(255, 0, 0))], None, gr.Gallery())
    returned = demo()
    assert [caption for _, caption in returned] == ["one", None]
    assert np.array(PILImage.open(returned[1][0]))[0, 0].tolist() == [255, 0, 0]


# -- Gallery as an input (Gradio 4+) -----------------------------------------------


def test_gallery_input_gives_filepath_caption_pairs_by_default():
    uploads = [MediaFile("a.png", png_bytes(4, 4)), MediaFile("b.png", png_bytes(5, 5))]
    received = gr.Gallery().preprocess(uploads)
    assert [caption for _, caption in received] == [None, None]
    assert [PILImage.open(path).size for path, _ in received] == [(4, 4), (5, 5)]
    assert all(Path(path).name.endswith(".png") for path, _ in received)


@pytest.mark.parametrize("kind, check", [("pil", lambda x: isinstance(x, PILImage.Image) and x.size == (4, 3)),
                                          ("numpy", lambda x: isinstance(x, np.ndarray) and x.shape == (3, 4, 3))])
def test_gallery_input_types(kind, check):
    (image, caption), = gr.Gallery(type=kind).preprocess([MediaFile("a.png", png_bytes(4, 3))])
    assert check(image) and caption is None


def test_gallery_input_from_code_keeps_captions_and_converts_arrays(tmp_path):
    received = gr.Gallery(type="filepath").preprocess([(rgb(), "made"), {"image": rgb(), "caption": "dict"}])
    assert [c for _, c in received] == ["made", "dict"]
    assert PILImage.open(received[0][0]).size == (6, 4)
    assert gr.Gallery(type="numpy").preprocess([(PILImage.new("RGB", (2, 3)), "x")])[0][0].shape == (3, 2, 3)


def test_gallery_input_empty_is_none_and_bad_uploads_are_clear():
    assert gr.Gallery().preprocess(None) is None and gr.Gallery().preprocess([]) is None
    with pytest.raises(Error, match="Could not read 'broken.png' as an image"):
        gr.Gallery().preprocess([MediaFile("broken.png", b"not an image")])


def test_gallery_file_types_are_checked_as_gradio_does():
    gallery = gr.Gallery(file_types=[".png"])
    assert gallery.upload_types == ["png"]
    with pytest.raises(Error, match="Invalid file type 'a.jpg'"):
        gallery.preprocess([MediaFile("a.jpg", png_bytes())])
    assert gr.Gallery(file_types=["image"]).preprocess([MediaFile("a.gif", png_bytes())])
    assert "mp4" in gr.Gallery().upload_types and "png" in gr.Gallery().upload_types


def test_gallery_video_uploads_reach_fn_as_paths():
    (path, _), = gr.Gallery(type="numpy").preprocess([MediaFile("clip.mp4", b"video")])
    assert Path(path).read_bytes() == b"video" and path.endswith("clip.mp4")


# -- Gallery options -------------------------------------------------------------------


def test_gallery_options_and_gradio_3_spellings():
    assert gr.Gallery(columns=4).column_count == 4
    assert gr.Gallery(columns=(1, 2, 3)).column_count == 3  # Gradio 3's per-screen tuple: the widest
    assert gr.Gallery(columns=None).column_count == 2
    assert gr.Gallery(height=300).height_px == 300 and gr.Gallery(height="240px").height_px == 240
    assert gr.Gallery(height="auto").height_px is None
    assert gr.Gallery(selected_index=1).start_index == 1
    assert gr.Gallery(selected_index=1, allow_preview=False).start_index is None
    assert gr.Gallery(preview=True).start_index == 0 and gr.Gallery().start_index is None
    assert gr.Gallery().type == "filepath"


def test_gallery_bad_options_fail_early():
    with pytest.raises(ValueError, match="type must be one of"):
        gr.Gallery(type="bytes")
    with pytest.raises(ValueError, match="object_fit"):
        gr.Gallery(object_fit="stretch")
    with pytest.raises(ValueError, match="columns must be a positive"):
        gr.Gallery(columns=0)


def test_gallery_ignored_options_warn_and_style_applies_layout():
    with pytest.warns(Warning, match="format"):
        gr.Gallery(format="png", show_share_button=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gallery = gr.Gallery().style(grid=[2, 3], height="auto", object_fit="cover")
    assert "retired" in str(caught[0].message)
    assert gallery.column_count == 3 and gallery.object_fit == "cover"


def test_gallery_shortcut():
    assert isinstance(component_from("gallery"), gr.Gallery)


@pytest.mark.parametrize("fit, size", [("cover", (20, 20)), ("contain", (20, 20)), ("fill", (20, 20)),
                                       ("none", (20, 20)), ("scale-down", (20, 20)), (None, (20, 10))])
def test_thumbnails_fit_a_square(fit, size):
    image = PILImage.new("RGB", (20, 10), (255, 0, 0))
    made = thumbnail(image, fit)
    assert made.size == size
    if fit == "contain":  # padded above and below, the picture in the middle
        assert made.getpixel((10, 0))[3] == 0 and made.getpixel((10, 10))[:3] == (255, 0, 0)
    if fit == "cover":
        assert made.getpixel((0, 0)) == (255, 0, 0)


def test_gallery_items_pass_through():
    item = GalleryItem(PILImage.new("RGB", (2, 2)), "kept")
    assert gr.Gallery().postprocess([item]) == [item]


# -- AnnotatedImage ---------------------------------------------------------------------


def test_boxes_become_masks_with_a_strong_outline():
    picture = gr.AnnotatedImage().postprocess((rgb(20, 20), [((2, 3, 12, 15), "cat")]))
    mask = picture.annotations[0].mask
    assert mask.shape == (20, 20)
    assert mask[3, 2] == 1 and mask[8, 7] == 0.5 and mask[0, 0] == 0 and mask[16, 7] == 0


def test_boxes_are_clipped_and_ordered():
    mask = gr.AnnotatedImage().postprocess((rgb(10, 10), [((12, 8, -5, 2.4), "x")])).annotations[0].mask
    assert mask[2:8, 0:10].min() > 0 and mask[:2].max() == 0


def test_masks_take_bools_floats_and_8_bit():
    image = rgb(4, 3)
    picture = gr.AnnotatedImage().postprocess((image, [
        (np.ones((3, 4), bool), "a"), (np.full((3, 4), 0.25), "b"), (np.full((3, 4, 1), 255, np.uint8), "c"),
    ]))  # fmt: skip
    assert [float(a.mask.max()) for a in picture.annotations] == [1.0, 0.25, 1.0]


def test_mask_and_region_errors_are_clear():
    with pytest.raises(Error, match=r"shaped \(2, 2\); it must be the image's size, \(3, 4\)"):
        gr.AnnotatedImage().postprocess((rgb(4, 3), [(np.ones((2, 2)), "a")]))
    with pytest.raises(Error, match="4 numbers"):
        gr.AnnotatedImage().postprocess((rgb(), [((1, 2, 3), "a")]))
    with pytest.raises(Error, match="takes \\(image"):
        gr.AnnotatedImage().postprocess(rgb())
    with pytest.raises(Error, match="NaN"):
        gr.AnnotatedImage().postprocess((rgb(4, 3), [(np.full((3, 4), np.nan), "a")]))


def test_colours_are_the_color_map_first_then_spread_hues_per_label():
    colours = label_colours(["a", "b", "a", "c"], {"c": "#123456"})
    assert colours == {"a": (255, 0, 0), "b": (0, 255, 0), "c": (0x12, 0x34, 0x56)}
    assert label_colours(["a", "b"]) == label_colours(["a", "b"])  # the same every time


def test_bad_colour_in_color_map_fails_at_construction():
    with pytest.raises(ValueError, match="not a colour"):
        gr.AnnotatedImage(color_map={"cat": "#12"})


def test_composite_lays_translucent_colour_over_the_regions_only():
    image = rgb(10, 10, (0, 0, 0))
    picture = gr.AnnotatedImage(color_map={"box": "#00ff00"}).postprocess((image, [((0, 0, 10, 10), "box")]))
    shown = np.array(composite(picture))
    assert shown.shape == (10, 10, 3)
    assert shown[0, 0].tolist() == [0, 153, 0]  # outline: 0.6 of the colour
    assert shown[5, 5].tolist() == [0, 76, 0]  # inside: half of that
    untouched = gr.AnnotatedImage().postprocess((image, []))
    assert np.array(composite(untouched)).max() == 0


def test_legend_escapes_labels():
    html = legend_html({"<script>alert(1)</script>": (255, 0, 0)})
    assert "<script>" not in html and "&lt;script&gt;" in html and "rgba(255,0,0,0.35)" in html


def test_annotated_image_from_a_path_and_call_returns_paths(tmp_path):
    base = tmp_path / "base.png"
    base.write_bytes(png_bytes(8, 6))
    demo = gr.Interface(lambda: (str(base), [((0, 0, 4, 4), "thing")]), None, gr.AnnotatedImage())
    image_path, masks = demo()
    assert PILImage.open(image_path).size == (8, 6)
    (mask_path, label), = masks
    mask = np.array(PILImage.open(mask_path))
    assert label == "thing" and mask.shape == (6, 8, 4) and mask[0, 0].tolist() == [255, 0, 0, 255]


def test_annotated_image_is_an_output_with_gradio_options():
    shown = gr.Annotatedimage(show_legend=False, height=200, width=300, color_map={"a": "red"})
    assert not shown.can_input and shown.can_output
    assert (shown.show_legend, shown.height, shown.width) == (False, 200, 300)
    assert isinstance(component_from("annotated_image"), gr.AnnotatedImage)
    with pytest.raises(Error, match="URL"):
        shown.postprocess(("https://example.com/a.png", []))


def test_gallery_inputs_can_be_flagged(tmp_path):
    from stface.flagging import CSVLogger

    log = CSVLogger(verbose=False)
    gallery = gr.Gallery()
    log.setup([gallery, gallery], tmp_path)
    log.flag([[(rgb(), "from code")], [MediaFile("up.png", png_bytes())]])
    row = (tmp_path / "log.csv").read_text().splitlines()[1]
    assert "from code" in row and ".png" in row
