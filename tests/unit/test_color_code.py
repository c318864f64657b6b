"""ColorPicker, Code and UploadButton: conversions and options (no page)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import stface as gr
from stface.components._codecs import MediaFile
from stface.components.files import NamedString
from stface.components.registry import component_from
from stface.errors import Error

# -- ColorPicker ------------------------------------------------------------------------


@pytest.mark.parametrize("given, hex_code", [("#ff0000", "#ff0000"), ("#FF8800", "#ff8800"), ("#f80", "#ff8800"),
                                             ("00ff7f", "#00ff7f"), (" #123abc ", "#123abc")])
def test_colour_picker_normalises_hex(given, hex_code):
    assert gr.ColorPicker().preprocess(given) == hex_code
    assert gr.ColorPicker().postprocess(given) == hex_code


@pytest.mark.parametrize("bad", ["red", "#12345", "#ff00ff80", "rgb(1,2,3)", 255, ""])
def test_colour_picker_refuses_anything_but_hex_with_a_clear_error(bad):
    with pytest.raises(Error, match=r"ColorPicker 'tint' takes a hex colour like '#ff8800'"):
        gr.ColorPicker(label="tint").postprocess(bad)


def test_colour_picker_value_and_none():
    assert gr.ColorPicker().initial_payload() == "#000000"  # Gradio's picker starts black
    assert gr.ColorPicker("#ABC").initial_payload() == "#aabbcc"
    assert gr.ColorPicker(lambda: "#010203").initial_payload() == "#010203"
    assert gr.ColorPicker().preprocess(None) is None and gr.ColorPicker().postprocess(None) is None
    with pytest.raises(ValueError, match="hex colour"):
        gr.ColorPicker(value="blue")


def test_colour_picker_in_an_interface_and_shortcut():
    demo = gr.Interface(lambda c: c.upper(), gr.ColorPicker(), gr.ColorPicker())
    assert demo("#0f0") == "#00ff00"
    assert isinstance(component_from("colorpicker"), gr.ColorPicker)
    assert isinstance(component_from("color_picker"), gr.ColorPicker)


# -- Code -------------------------------------------------------------------------------


def test_code_output_is_stripped_and_input_kept_as_typed():
    code = gr.Code(language="python")
    assert code.postprocess("\n  x = 1\n\n") == "x = 1"
    assert code.preprocess("  y = 2\n") == "  y = 2\n"
    assert code.postprocess(None) is None and code.postprocess(3) == "3"


def test_code_reads_gradio_3_path_tuples(tmp_path):
    source = tmp_path / "script.py"
    source.write_text("print('hi')\n")
    assert gr.Code().postprocess((str(source),)) == "print('hi')"
    assert gr.Code(value=(str(source),)).initial_payload() == "print('hi')"
    with pytest.raises(Error, match="outside the folders stface serves"):
        gr.Code().postprocess(("/etc/hostname",))
    with pytest.raises(Error, match="tuple of 2"):
        gr.Code().postprocess(("a", "b"))


def test_code_languages_are_gradios_and_map_to_the_highlighter():
    assert gr.Code.languages[-1] is None and {"python", "sql-pgSQL", "jinja2", "r"} <= set(gr.Code.languages)
    assert gr.Code("x", "python").language == "python"  # language is the second positional argument
    assert gr.Code(language="sql-mySQL").highlighter_language == "sql"
    assert gr.Code(language="shell").highlighter_language == "bash"
    assert gr.Code(language="dockerfile").highlighter_language == "docker"
    assert gr.Code().highlighter_language is None
    with pytest.raises(ValueError, match="Code language 'cobol' is not supported"):
        gr.Code(language="cobol")


def test_code_options():
    code = gr.Code(lines=3, max_lines=2, show_line_numbers=False, wrap_lines=True, interactive=True)
    assert (code.lines, code.max_lines, code.show_line_numbers, code.wrap_lines) == (3, 3, False, True)
    assert gr.Code().show_line_numbers is True and gr.Code().lines == 5 and gr.Code().max_lines is None
    assert gr.Code("  a  ").initial_payload() == "a" and gr.Code().initial_payload() == ""
    with pytest.warns(Warning, match="autocomplete"):
        gr.Code(autocomplete=True)


def test_code_in_an_interface_and_shortcut():
    demo = gr.Interface(lambda s: s[::-1] + "  ", gr.Code(), gr.Code(language="json"))
    assert demo("}{") == "{}"
    assert isinstance(component_from("code"), gr.Code)


# -- UploadButton -------------------------------------------------------------------------


def test_upload_button_label_comes_first_and_gives_what_file_gives():
    button = gr.UploadButton("Upload a CSV", file_types=[".csv"])
    assert button.label == "Upload a CSV" and button.upload_types == ["csv"]
    path = button.preprocess(MediaFile("data.csv", b"a,b\n"))
    assert isinstance(path, NamedString) and Path(path).read_bytes() == b"a,b\n"
    assert gr.UploadButton().label == "Upload a File"


@pytest.mark.parametrize("kind", ["binary", "bytes"])
def test_upload_button_binary_types(kind):
    assert gr.UploadButton(type=kind).preprocess(MediaFile("a.bin", b"\x00\x01")) == b"\x00\x01"


def test_upload_button_gradio_3_file_type_gives_a_path_with_a_name():
    file = gr.UploadButton(type="file").preprocess(MediaFile("notes.txt", b"x"))
    assert Path(file.name).read_bytes() == b"x"


def test_upload_button_multiple_and_directory_give_lists():
    files = [MediaFile("a.txt", b"1"), MediaFile("b.txt", b"2")]
    assert [Path(p).read_bytes() for p in gr.UploadButton(file_count="multiple").preprocess(files)] == [b"1", b"2"]
    assert len(gr.UploadButton(file_count="directory").preprocess(files)) == 2
    assert gr.UploadButton(file_count="directory").multiple_files


def test_upload_button_checks_file_types_as_gradio_does():
    with pytest.raises(Error, match="Invalid file type 'photo.png'"):
        gr.UploadButton(file_types=[".csv"]).preprocess(MediaFile("photo.png", b"x"))
    assert gr.UploadButton(file_types=["image"]).preprocess(MediaFile("photo.png", b"x"))


def test_upload_button_bad_options():
    with pytest.raises(ValueError, match="type must be 'filepath' or 'binary'"):
        gr.UploadButton(type="numpy")
    with pytest.raises(ValueError, match="file_types must be a list"):
        gr.UploadButton(file_types=".csv")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        button = gr.UploadButton(file_count="directory", file_types=[".csv"])
    assert button.file_types is None and "ignored" in str(caught[0].message)
    with pytest.warns(Warning, match="variant"):
        gr.UploadButton(variant="primary")


def test_upload_button_in_an_interface_and_shortcut():
    demo = gr.Interface(lambda data: len(data), gr.UploadButton(type="binary"), "number")
    assert demo(b"four") == 4
    assert isinstance(component_from("uploadbutton"), gr.UploadButton)
    assert gr.UploadButton.can_input
