"""Model3D on a page (AppTest): the viewer component gets the model and Gradio's options; uploads reach fn as paths."""

from __future__ import annotations

import base64
import json
import sys
import textwrap
from pathlib import Path

from app_support import button, run_example, run_script

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from model3d_samples import OBJ_TRIANGLE, glb_bytes  # noqa: E402


def page(body: str):
    return run_script("import stface as gr\nimport streamlit as st\n" + textwrap.dedent(body))


def viewers(at) -> list[dict]:
    """The data passed to each Model3D viewer on the page."""
    found = [e.proto for e in at.get("bidi_component") if e.proto.component_name == "stface.model3d"]
    for proto in found:
        assert "sources-sha256=" in proto.js_content.split("\n", 1)[0]  # the bundled viewer, inline
        assert '<div class="stface-model3d"' in proto.html_content
    return [json.loads(proto.json) for proto in found]


RECEIVE = """
received = st.session_state.setdefault("received", [])
def keep(model):
    received.append(model)
    return model
"""


def test_an_output_path_is_drawn_with_its_options_and_offered_for_download(tmp_path):
    model = tmp_path / "cube.glb"
    model.write_bytes(glb_bytes())
    at = page(f"""
        out = gr.Model3D(label="Cube", clear_color=(1, 1, 1, 1), camera_position=(45, 60, 5), zoom_speed=2,
                         pan_speed=0.5, display_mode="wireframe", height=320)
        gr.Interface(lambda size: {str(model)!r}, gr.Number(label="Size"), out).launch()
    """)
    assert viewers(at) == []
    button(at, "Submit").click().run()
    assert not at.exception and not at.error
    [data] = viewers(at)
    assert base64.b64decode(data["model"]) == glb_bytes()
    assert (data["name"], data["format"], data["label"], data["height"]) == ("cube.glb", "glb", "Cube", 320)
    assert data["clear_color"] == [1, 1, 1, 1] and data["camera_position"] == [45, 60, 5]
    assert (data["zoom_speed"], data["pan_speed"], data["display_mode"]) == (2, 0.5, "wireframe")
    assert [b.label for b in at.get("download_button")] == ["Download cube.glb"]


def test_an_uploaded_model_is_previewed_and_reaches_fn_as_a_path():
    at = page(RECEIVE + "gr.Interface(keep, gr.Model3D(label='In'), gr.Model3D(label='Out')).launch()")
    assert at.file_uploader[0].label == "In"
    at.file_uploader[0].set_value(("cube.glb", glb_bytes(), "model/gltf-binary"))
    button(at, "Submit").click().run()
    assert not at.exception and not at.error
    [path] = at.session_state["received"]
    assert isinstance(path, str) and Path(path).name == "cube.glb" and Path(path).read_bytes() == glb_bytes()
    preview, output = viewers(at)
    assert preview["label"] == "In" and output["label"] == "Out"
    assert base64.b64decode(preview["model"]) == base64.b64decode(output["model"]) == glb_bytes()


def test_an_upload_that_is_not_a_model_says_so_under_the_uploader():
    at = page(RECEIVE + "gr.Interface(keep, gr.Model3D(label='In'), 'text').launch()")
    at.file_uploader[0].set_value(("cube.glb", b"this is not a glb", "model/gltf-binary"))
    button(at, "Submit").click().run()
    assert [e.value for e in at.error] == ["'cube.glb' is not a binary glTF (.glb) file: it does not start with 'glTF'."]
    assert viewers(at) == []


def test_no_upload_gives_gradios_empty_message_to_fn():
    at = page(RECEIVE + "gr.Interface(keep, gr.Model3D(label='In'), 'text').launch()")
    button(at, "Submit").click().run()
    assert at.session_state["received"] == [None]  # fn decides, as in Gradio


def test_uploads_over_max_file_size_are_refused():
    at = page(RECEIVE + "gr.Interface(keep, gr.Model3D(label='In'), 'text').launch(max_file_size='1kb')")
    at.file_uploader[0].set_value(("big.obj", OBJ_TRIANGLE.encode() * 40, "text/plain"))
    button(at, "Submit").click().run()
    assert "File must be 1.0KB or smaller." in [e.value for e in at.error]
    assert at.session_state["received"] == [None]


def test_an_output_outside_the_served_folders_is_an_error_not_a_model():
    at = page("gr.Interface(lambda s: '/etc/hostname', 'text', gr.Model3D()).launch()")
    button(at, "Submit").click().run()
    assert any("outside the folders stface serves" in e.value for e in at.error)
    assert viewers(at) == []


def test_an_example_path_fills_the_input_and_is_previewed(tmp_path):
    model = tmp_path / "triangle.obj"
    model.write_text(OBJ_TRIANGLE)
    at = page(RECEIVE + f"gr.Interface(keep, gr.Model3D(label='In'), 'text', examples=[[{str(model)!r}]]).launch()")
    [example] = [b for b in at.button if b.label not in ("Clear", "Submit", "Flag")]  # the path, shortened
    example.click().run()
    assert [v["name"] for v in viewers(at)] == ["triangle.obj"]
    button(at, "Submit").click().run()
    assert at.session_state["received"] == [str(model)]


def test_a_model_too_large_for_the_viewer_is_offered_for_download_only(tmp_path, monkeypatch):
    import stface.runtime.widgets.model3d as viewer  # AppTest runs the script in this process

    monkeypatch.setattr(viewer, "MAX_VIEWER_BYTES", 10)
    model = tmp_path / "triangle.obj"
    model.write_text(OBJ_TRIANGLE)
    at = page(f"gr.Interface(lambda s: {str(model)!r}, 'text', gr.Model3D()).launch()")
    button(at, "Submit").click().run()
    assert viewers(at) == []
    assert [w.value for w in at.warning][0].startswith("'triangle.obj' is 0.1KB, too large to show here (the viewer takes up to 0.0KB)")
    assert [b.label for b in at.get("download_button")] == ["Download triangle.obj"]


def test_the_example_app_makes_a_cube_of_the_chosen_size():
    at = run_example("model3d")
    button(at, "Submit").click().run()
    assert not at.exception and not at.error
    [data] = viewers(at)
    assert data["format"] == "glb" and data["name"].endswith(".glb")
    at.radio[0].set_value("obj")  # held by the form until Submit
    button(at, "Submit").click().run()
    [data] = viewers(at)
    assert data["format"] == "obj" and b"\nf " in base64.b64decode(data["model"])
