"""Model3D: formats, the checks before a browser parses a model, .gltf embedding, the file policy, options, the bundle."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import warnings
from pathlib import Path

import pytest
from model3d_samples import OBJ_TRIANGLE, PLY_POINTS, STL_ASCII, glb_bytes, gltf_embedded, gltf_with_bin, stl_binary

import stface as gr
from stface._kwargs import StfaceCompatibilityWarning
from stface.components._codecs import MediaFile
from stface.components.model3d import embed_gltf, model_format, viewer_data
from stface.paths import FilePolicy, stface_temp_dir, using_policy

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "stface" / "runtime" / "widgets" / "static" / "model3d.js"
JS = ROOT / "js" / "model3d"

SAMPLES = {
    "cube.glb": glb_bytes(),
    "cube.gltf": gltf_embedded(),
    "triangle.obj": OBJ_TRIANGLE.encode(),
    "triangle.stl": stl_binary(),
    "ascii.stl": STL_ASCII.encode(),
    "points.ply": PLY_POINTS.encode(),
}


@pytest.fixture
def samples(tmp_path) -> dict[str, Path]:
    paths = {}
    for name, data in SAMPLES.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    return paths


# -- formats ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, fmt",
    [("cube.glb", "glb"), ("cube.gltf", "gltf"), ("triangle.obj", "obj"), ("triangle.stl", "stl"),
     ("ascii.stl", "stl"), ("points.ply", "ply")],
)  # fmt: skip
def test_the_format_comes_from_the_extension_or_else_from_the_bytes(name, fmt):
    assert model_format(name.upper(), SAMPLES[name]) == fmt
    assert model_format("upload", SAMPLES[name]) == fmt  # an upload that lost its extension


def test_unknown_files_and_splats_get_a_message_that_names_the_formats():
    with pytest.raises(gr.Error, match=r"'notes.txt' is not a 3D model .*\.obj, \.glb, \.gltf, \.stl or \.ply"):
        model_format("notes.txt", b"hello")
    with pytest.raises(gr.Error, match=r"Gaussian splat .*Convert it to \.ply"):
        model_format("scene.splat", b"\x00" * 64)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_sample_becomes_a_self_contained_file_for_the_viewer(samples, name):
    payload = gr.Model3D().postprocess(str(samples[name]))
    assert isinstance(payload, MediaFile) and payload.name == name
    data = viewer_data(gr.Model3D(label="M"), payload)
    assert base64.b64decode(data["model"]) == SAMPLES[name]
    assert data["name"] == name and data["label"] == "M"
    assert data["format"] == Path(name).suffix.lstrip(".")


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("broken.glb", b"PK\x03\x04" + bytes(40), "not a binary glTF"),
        ("short.glb", glb_bytes()[:100], "cut short"),
        ("old.glb", b"glTF" + (1).to_bytes(4, "little") + (12).to_bytes(4, "little"), "glTF version 1"),
        ("empty.obj", b"", "is empty"),
        ("words.obj", b"# only a comment\nusemtl red\n", "no vertices"),
        ("bad.stl", b"not an stl at all", "not an STL file"),
        ("bad.ply", b"PLY? no", "not a PLY file"),
        ("bad.gltf", b"{not json", "not valid JSON"),
        ("noasset.gltf", b'{"scenes": []}', 'no "asset" section'),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused_before_the_browser_sees_it(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(gr.Error, match=re.escape(message)):
        gr.Model3D().postprocess(str(path))
    with pytest.raises(gr.Error, match=re.escape(message)):
        viewer_data(gr.Model3D(), MediaFile(name, data))  # the same checks for an upload


# -- .gltf and the file policy -----------------------------------------------


def test_a_gltf_output_has_its_buffer_embedded(tmp_path):
    path = gltf_with_bin(tmp_path)
    payload = gr.Model3D().postprocess(path)  # a Path works as well as a str
    document = json.loads(payload.data)
    uri = document["buffers"][0]["uri"]
    assert uri.startswith("data:application/octet-stream;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == (tmp_path / "cube.bin").read_bytes()
    assert viewer_data(gr.Model3D(), payload)["format"] == "gltf"


def test_a_gltf_image_keeps_its_mime_type(tmp_path):
    (tmp_path / "tex.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    doc = {"asset": {"version": "2.0"}, "images": [{"uri": "tex.png"}, {"uri": "raw", "mimeType": "image/jpeg"}]}
    (tmp_path / "raw").write_bytes(b"\xff\xd8")
    embedded = json.loads(embed_gltf("m.gltf", json.dumps(doc).encode(), tmp_path))
    assert embedded["images"][0]["uri"].startswith("data:image/png;base64,")
    assert embedded["images"][1]["uri"] == "data:image/jpeg;base64," + base64.b64encode(b"\xff\xd8").decode()


def test_a_gltf_cannot_read_files_the_policy_refuses(tmp_path):
    app = tmp_path / "app"
    app.mkdir()
    doc = {"asset": {"version": "2.0"}, "buffers": [{"uri": "../../../../../../etc/passwd", "byteLength": 4}]}
    (app / "evil.gltf").write_text(json.dumps(doc))
    with pytest.raises(gr.Error, match=r"'evil.gltf' refers to '.*passwd', which was not read: .*outside the folders"):
        gr.Model3D().postprocess(str(app / "evil.gltf"))
    hidden = {"asset": {"version": "2.0"}, "buffers": [{"uri": ".env"}]}
    (app / ".env").write_text("SECRET=1")
    (app / "hidden.gltf").write_text(json.dumps(hidden))
    with using_policy(FilePolicy(app_dir=str(app))), pytest.raises(gr.Error, match="hidden"):
        gr.Model3D().postprocess(str(app / "hidden.gltf"))


def test_a_gltf_buffer_in_a_blocked_folder_is_refused(tmp_path):
    path = gltf_with_bin(tmp_path)
    with using_policy(FilePolicy(blocked=[str(tmp_path / "cube.bin")])), pytest.raises(gr.Error, match="blocked"):
        gr.Model3D().postprocess(str(path))


@pytest.mark.parametrize("uri", ["https://example.com/cube.bin", "file:///etc/passwd", "/etc/passwd"])
def test_a_gltf_that_names_a_url_or_an_absolute_path_is_not_fetched(tmp_path, uri):
    doc = {"asset": {"version": "2.0"}, "buffers": [{"uri": uri, "byteLength": 4}]}
    (tmp_path / "remote.gltf").write_text(json.dumps(doc))
    with pytest.raises(gr.Error, match="stface does not fetch"):
        gr.Model3D().postprocess(str(tmp_path / "remote.gltf"))


def test_an_uploaded_gltf_that_names_another_file_says_to_upload_a_glb(tmp_path):
    upload = MediaFile("cube.gltf", gltf_with_bin(tmp_path).read_bytes())
    with pytest.raises(gr.Error, match=r"refers to another file \('cube.bin'\).*Upload a \.glb"):
        viewer_data(gr.Model3D(), upload)


def test_an_output_path_outside_the_policy_is_refused(tmp_path):
    with pytest.raises(gr.Error, match="outside the folders"):
        gr.Model3D().postprocess("/etc/hostname")
    with using_policy(FilePolicy(blocked=[str(tmp_path)])), pytest.raises(gr.Error, match="blocked"):
        gr.Model3D().postprocess(str(gltf_with_bin(tmp_path)))


# -- what fn receives and returns ---------------------------------------------


def test_an_upload_reaches_fn_as_a_path_in_stfaces_temp_folder():
    path = gr.Model3D().preprocess(MediaFile("../../cube.glb", glb_bytes()))
    assert isinstance(path, str) and Path(path).name == "cube.glb"
    assert Path(path).resolve().is_relative_to(stface_temp_dir())
    assert Path(path).read_bytes() == glb_bytes()


def test_a_path_from_value_or_examples_reaches_fn_unchanged(samples):
    assert gr.Model3D().preprocess(str(samples["cube.glb"])) == str(samples["cube.glb"])
    assert gr.Model3D().preprocess(None) is None
    with pytest.raises(gr.Error, match="'gone.obj' is not an existing file"):
        gr.Model3D().preprocess("/nowhere/gone.obj")


def test_calling_the_interface_returns_a_path_to_the_model(samples):
    demo = gr.Interface(lambda model: model, gr.Model3D(), gr.Model3D())
    result = demo(str(samples["triangle.stl"]))
    assert Path(result).name == "triangle.stl" and Path(result).read_bytes() == stl_binary()
    assert demo.output_components[0].postprocess(None) is None


def test_the_model3d_shortcut():
    assert isinstance(gr.components.component_from("model3d"), gr.Model3D)
    assert isinstance(gr.components.component_from({"name": "Model3D", "zoom_speed": 2}), gr.Model3D)


# -- options ------------------------------------------------------------------


def test_defaults_match_gradio():
    model = gr.Model3D()
    assert model.clear_color == [0.0, 0.0, 0.0, 0.0]
    assert model.camera_position == (None, None, None)
    assert (model.zoom_speed, model.pan_speed, model.display_mode, model.height_px) == (1.0, 1.0, None, 400)
    data = viewer_data(model, MediaFile("t.obj", OBJ_TRIANGLE.encode()))
    assert data["display_mode"] == "solid" and data["camera_position"] == [None, None, None]


GRADIO_350 = dict(value=None, clear_color=(0.2, 0.2, 0.2, 1), camera_position=(90, 45, 3), zoom_speed=2, height=300,
                  label="M", show_label=False, every=None, container=False, scale=2, min_width=100, visible=True,
                  elem_id="m", elem_classes=["x"])  # fmt: skip
GRADIO_6 = dict(GRADIO_350, display_mode="wireframe", pan_speed=0.5, interactive=True, inputs=None, render=True,
                key="k", preserved_by_key="value", buttons=None)  # fmt: skip


@pytest.mark.parametrize("options", [GRADIO_350, GRADIO_6], ids=["gradio-3.50", "gradio-6"])
def test_gradios_options_are_accepted(options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StfaceCompatibilityWarning)  # layout options stface cannot act on
        model = gr.Model3D(**options)
    assert model.camera_position == (90.0, 45.0, 3.0) and model.zoom_speed == 2.0 and model.height_px == 300
    data = viewer_data(model, MediaFile("t.obj", OBJ_TRIANGLE.encode()))
    assert data["clear_color"] == [0.2, 0.2, 0.2, 1.0] and data["height"] == 300
    assert data["display_mode"] == options.get("display_mode", "solid")
    assert data["pan_speed"] == options.get("pan_speed", 1)


def test_a_misspelt_option_warns_with_the_right_name():
    with pytest.warns(StfaceCompatibilityWarning, match="clear_color"):
        gr.Model3D(clear_colour=(1, 1, 1, 1))


@pytest.mark.parametrize(
    "options, message",
    [
        ({"display_mode": "points"}, "display_mode must be 'solid', 'point_cloud' or 'wireframe'"),
        ({"clear_color": "white"}, "clear_color must be (r, g, b, a)"),
        ({"clear_color": (1, 1)}, "clear_color must be (r, g, b, a)"),
        ({"clear_color": (1, "x", 1)}, "clear_color must be (r, g, b, a)"),
        ({"camera_position": (1, 2)}, "camera_position must be (alpha, beta, radius)"),
        ({"camera_position": (1, "2", None)}, "camera_position must be (alpha, beta, radius)"),
        ({"camera_position": (None, None, 0)}, "radius must be positive"),
        ({"zoom_speed": 0}, "zoom_speed must be a positive number"),
        ({"pan_speed": "fast"}, "pan_speed must be a positive number"),
    ],
)
def test_wrong_options_say_what_is_expected(options, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        gr.Model3D(**options)


def test_clear_color_without_alpha_is_opaque_and_values_are_clamped_as_webgl_does():
    assert gr.Model3D(clear_color=(1, 0.5, 0)).clear_color == [1.0, 0.5, 0.0, 1.0]
    assert gr.Model3D(clear_color=[255, 0, -1, 1]).clear_color == [1.0, 0.0, 0.0, 1.0]


def test_height_in_pixels_or_css_pixels_and_other_units_warn():
    assert gr.Model3D(height=250).height_px == 250
    assert gr.Model3D(height="320px").height_px == 320
    with pytest.warns(StfaceCompatibilityWarning, match="height in pixels; using 400px"):
        assert gr.Model3D(height="50vh").height_px == 400


def test_the_digest_changes_with_the_model_or_an_option():
    obj = MediaFile("t.obj", OBJ_TRIANGLE.encode())
    digest = viewer_data(gr.Model3D(), obj)["digest"]
    assert viewer_data(gr.Model3D(), obj)["digest"] == digest
    assert viewer_data(gr.Model3D(zoom_speed=2), obj)["digest"] != digest
    assert viewer_data(gr.Model3D(), MediaFile("t.obj", OBJ_TRIANGLE.encode() + b"\n"))["digest"] != digest


# -- the bundled viewer -------------------------------------------------------


def test_the_bundle_was_built_from_the_current_sources():
    """The bundle's banner holds a digest of js/model3d (build.mjs computes it the same way)."""
    files = ["build.mjs", "package.json", "package-lock.json", *sorted(f"src/{p.name}" for p in (JS / "src").iterdir())]
    digest = hashlib.sha256()
    for name in files:
        digest.update(f"{name}\0".encode())
        digest.update((JS / name).read_text(encoding="utf-8").replace("\r\n", "\n").encode())
        digest.update(b"\0")
    banner = BUNDLE.read_text(encoding="utf-8").split("\n", 1)[0]
    found = re.search(r"sources-sha256=([0-9a-f]{64})", banner)
    assert found, f"no source digest in the bundle's banner: {banner[:200]}"
    assert found.group(1) == digest.hexdigest(), "model3d.js is older than js/model3d: run `make install`"
    lock = json.loads((JS / "package-lock.json").read_text())
    assert f"three.js {lock['packages']['node_modules/three']['version']} " in banner


def test_the_bundle_loads_nothing_from_elsewhere():
    js = BUNDLE.read_text(encoding="utf-8")
    urls = set(re.findall(r"https?://[^\s\"'`)]+", js)) - {"http://www.w3.org/1999/xhtml"}
    assert urls == set()
    imports = re.findall(r"\bimport\s*[({\"'*]|}\s*from\s*[\"']|importScripts", js)
    assert imports == [], "the bundle imports another module"
    assert "export{" in js.replace(" ", "")  # one ES module with a default export for st.components.v2
