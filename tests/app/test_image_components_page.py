"""Gallery, AnnotatedImage, ColorPicker, Code and UploadButton in a page (AppTest)."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import numpy as np
from app_support import button, html_bodies, run_example, run_script

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from media_samples import png_bytes  # noqa: E402

RECEIVE = """
import stface as gr
import numpy as np
import streamlit as st
received = st.session_state.setdefault("received", [])
def keep(*values):
    received.append(values)
    return values[0] if len(values) == 1 else values
"""


def page(body: str):
    return run_script(RECEIVE + textwrap.dedent(body))


def image_captions(at) -> list[list[str]]:
    return [[item.caption for item in element.proto.imgs] for element in at.get("image")]


def test_gallery_example_shows_captioned_pictures_and_the_annotated_scene():
    at = run_example("gallery")
    assert not at.exception
    at.slider[0].set_value(4)
    button(at, "Submit").click().run()
    assert not at.exception and not at.error
    captions = [c for group in image_captions(at) for c in group]
    assert [c for c in captions if c.startswith("Picture")] == [f"Picture {i}" for i in range(1, 5)]
    assert len(at.get("image")) == 5  # four pictures and the one composited scene
    legend = next(body for body in html_bodies(at) if "stface-annotated-legend" in body)
    assert all(label in legend for label in ("sun", "house", "grass"))


def test_gallery_columns_lay_out_rows():
    at = page("gr.Interface(lambda: [np.zeros((4, 4, 3), np.uint8)] * 5, None, gr.Gallery(columns=2), flagging_mode='never').launch()")
    page_columns = len(at.columns)
    button(at, "Generate").click().run()
    assert not at.error and len(at.get("image")) == 5
    assert len(at.columns) - page_columns == 6  # three rows of two columns


def test_gallery_selected_index_shows_that_image_large_first():
    at = page("""
    items = [(np.full((4, 4, 3), 40 * i, np.uint8), f"n{i}") for i in range(3)]
    gr.Interface(lambda: items, None, gr.Gallery(selected_index=2, height=300)).launch()
    """)
    button(at, "Generate").click().run()
    assert [c for group in image_captions(at) for c in group] == ["n2", "n0", "n1", "n2"]


def test_gallery_caption_markdown_is_shown_as_written():
    at = page("gr.Interface(lambda: [(np.zeros((4, 4, 3), np.uint8), '**bold** [x](javascript:alert(1))')], None, 'gallery').launch()")
    button(at, "Generate").click().run()
    (caption,), = image_captions(at)
    assert "\\*\\*bold\\*\\*" in caption and "\\[x\\]\\(javascript" in caption


def test_gallery_as_an_input_gives_fn_path_caption_pairs():
    at = page("gr.Interface(keep, gr.Gallery(label='pictures'), 'json').launch()")
    at.file_uploader[0].set_value([("a.png", png_bytes(4, 3), "image/png"), ("b.png", png_bytes(5, 2), "image/png")])
    button(at, "Submit").click().run()
    assert not at.error
    assert len(at.get("image")) == 2  # the uploads' preview
    (pairs,), = at.session_state["received"]
    assert [caption for _, caption in pairs] == [None, None]
    assert all(Path(path).is_file() for path, _ in pairs)


def test_gallery_input_left_empty_gives_none():
    at = page("gr.Interface(lambda g: 'nothing' if g is None else 'some', gr.Gallery(type='numpy'), 'text').launch()")
    button(at, "Submit").click().run()
    assert at.text_area[0].value == "nothing"


def test_annotated_image_draws_one_picture_and_a_legend_of_escaped_labels():
    at = page("""
    def annotate():
        image = np.zeros((20, 30, 3), np.uint8)
        return image, [((2, 2, 10, 10), '<b>box</b>'), (np.ones((20, 30), bool), 'all')]
    gr.Interface(annotate, None, gr.AnnotatedImage(label='found', width=150)).launch()
    """)
    button(at, "Generate").click().run()
    assert not at.error
    assert len(at.get("image")) == 1
    legend = next(body for body in html_bodies(at) if "stface-annotated-legend" in body)
    assert "&lt;b&gt;box&lt;/b&gt;" in legend and "<b>" not in legend


def test_annotated_image_without_legend_and_bad_value_error():
    at = page("gr.Interface(lambda: (np.zeros((4, 4, 3), np.uint8), [((0, 0, 2, 2), 'a')]), None, gr.AnnotatedImage(show_legend=False)).launch()")
    button(at, "Generate").click().run()
    assert len(at.get("image")) == 1 and not any("stface-annotated-legend" in b for b in html_bodies(at))
    at = page("gr.Interface(lambda: (np.zeros((4, 4, 3), np.uint8), [(np.ones((2, 2)), 'a')]), None, 'annotatedimage').launch()")
    button(at, "Generate").click().run()
    assert "it must be the image's size" in at.error[0].value


def test_color_code_example_passes_the_picked_hex_and_shows_the_results():
    at = run_example("color_code")
    assert at.color_picker[0].value == "#ff8800"
    at.color_picker[0].pick("#00ff00")
    at.text_area[0].input(".note")
    button(at, "Submit").click().run()
    assert not at.error
    assert [t.value for t in at.text_area if t.label == "chosen"] == ["#00ff00"]
    assert [c.value for c in at.color_picker] == ["#00ff00"]  # the input; the output is a swatch
    swatch = next(body for body in html_bodies(at) if "stface-colour" in body)
    assert "background:#ff00ff" in swatch and "<code>#ff00ff</code>" in swatch
    (rule,) = at.code
    assert rule.value == ".note {\n  color: #00ff00;\n  background: #ff00ff;\n}" and rule.language == "css"
    assert rule.proto.show_line_numbers


def test_colour_picker_output_refuses_a_bad_colour_clearly():
    at = page("gr.Interface(lambda: 'orange', None, gr.ColorPicker(label='tint')).launch()")
    button(at, "Generate").click().run()
    assert at.error[0].value.startswith("ColorPicker 'tint' takes a hex colour like '#ff8800'")


def test_code_output_options_reach_st_code(tmp_path):
    source = tmp_path / "q.sql"
    source.write_text("SELECT 1;\n")
    at = page(f"""
    import os
    os.chdir({str(tmp_path)!r})
    gr.Interface(lambda: ({str(source)!r},), None,
                 gr.Code(language='sql-pgSQL', show_line_numbers=False, wrap_lines=True, label='query')).launch()
    """)
    button(at, "Generate").click().run()
    assert not at.error
    (shown,) = at.code
    assert shown.value == "SELECT 1;" and shown.language == "sql"
    assert not shown.proto.show_line_numbers and shown.proto.wrap_lines


def test_code_input_is_a_text_area_fn_gets_as_typed():
    at = page("gr.Interface(keep, gr.Code(value='x = 1', language='python', label='source'), 'text').launch()")
    (area,) = at.text_area(key=[t.key for t in at.text_area if t.label == "source"][0]),
    assert area.value == "x = 1"
    area.input("def f():\n    return 2\n")
    button(at, "Submit").click().run()
    assert at.session_state["received"] == [("def f():\n    return 2\n",)]


def test_upload_button_gives_fn_a_path_then_binary_lists():
    at = page("gr.Interface(lambda f: open(f, 'rb').read().decode(), gr.UploadButton('Upload notes', file_types=['.txt']), 'text').launch()")
    (uploader,) = at.file_uploader
    assert uploader.label == "Upload notes"
    uploader.set_value(("notes.txt", b"hello", "text/plain"))
    button(at, "Submit").click().run()
    assert not at.error and at.text_area[0].value == "hello"
    at = page("gr.Interface(keep, gr.UploadButton(type='binary', file_count='multiple'), 'json').launch()")
    at.file_uploader[0].set_value([("a.bin", b"1", "application/octet-stream"), ("b.bin", b"22", "application/octet-stream")])
    button(at, "Submit").click().run()
    assert at.session_state["received"] == [([b"1", b"22"],)]


def test_upload_button_directory_takes_a_folder():
    at = page("gr.Interface(lambda f: str(len(f)), gr.UploadButton('Folder', file_count='directory'), 'text').launch()")
    (uploader,) = at.file_uploader
    assert uploader.proto.accept_directory and uploader.proto.multiple_files
    uploader.set_value([("a.txt", b"1", "text/plain"), ("b.txt", b"2", "text/plain")])
    button(at, "Submit").click().run()
    assert at.text_area[0].value == "2"
    at = page("gr.Interface(lambda f: f, gr.File(file_count='directory'), 'text').launch()")
    assert not at.file_uploader[0].proto.accept_directory  # gr.File keeps its own behaviour


def test_upload_button_left_empty_explains():
    at = page("gr.Interface(lambda f: open(f).read(), gr.UploadButton('Add file'), 'text').launch()")
    button(at, "Submit").click().run()
    assert at.error[0].value == "No file for 'Add file': upload one with the button, then press Submit."


def test_examples_fill_a_colour_and_a_gallery():
    at = page("""
    image = np.zeros((4, 4, 3), np.uint8)
    gr.Interface(keep, [gr.ColorPicker(), gr.Gallery(type='numpy')], ['text', 'text'],
                 examples=[['#abc', [(image, 'ex')]]]).launch()
    """)
    next(b for b in at.button if b.label.startswith("\\#abc") or "abc" in b.label).click().run()
    assert at.color_picker[0].value == "#aabbcc"
    button(at, "Submit").click().run()
    colour, pairs = at.session_state["received"][0]
    assert colour == "#aabbcc" and pairs[0][1] == "ex" and isinstance(pairs[0][0], np.ndarray)


def test_annotated_image_sizes_in_pixels():
    from stface.runtime.widgets.annotated_image import _pixels

    assert [_pixels(v) for v in (150, "240px", 99.6, "auto", None, 0, True)] == [150, 240, 99, None, None, None, None]
