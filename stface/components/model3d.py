"""Model3D: a 3D model (.obj, .glb, .gltf, .stl, .ply) in (upload) and out (a viewer); fn sees file paths.

The conversions here are pure: a path or an upload becomes a
:class:`~stface.components._codecs.MediaFile` whose bytes the viewer can draw
on its own. A ``.gltf`` names its buffers and textures as other files; those
are read (each through the file policy, like the model itself) and embedded
as ``data:`` URIs, so the browser never fetches anything. The viewer is
three.js, bundled into the package (``stface/runtime/widgets/model3d.py``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
import os
import re
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from stface._kwargs import warn_compatibility
from stface.components._codecs import MediaFile
from stface.components._media import MediaComponent
from stface.errors import Error
from stface.paths import save_bytes, servable_path

__all__ = ["MODEL_FORMATS", "Model3D", "model_format", "viewer_data"]

#: The formats the viewer draws (Gradio 3.50: obj, glb, gltf; Gradio 6 adds stl, ply and splat).
MODEL_FORMATS = ("obj", "glb", "gltf", "stl", "ply")
DISPLAY_MODES = ("solid", "point_cloud", "wireframe")
DEFAULT_HEIGHT = 400

_GLB_MAGIC = b"glTF"


def _sniff(data: bytes) -> str | None:
    """The format of a model whose name does not say it."""
    head = data[:512]
    if head.startswith(_GLB_MAGIC):
        return "glb"
    if head.startswith(b"ply"):
        return "ply"
    if len(data) >= 84 and 84 + 50 * struct.unpack_from("<I", data, 80)[0] == len(data):
        return "stl"
    text = head.decode("latin-1").lstrip()
    if text.startswith("{") and '"asset"' in data[:65536].decode("latin-1"):
        return "gltf"
    if text.lower().startswith("solid") and b"facet" in data[:4096]:
        return "stl"
    if re.search(r"(?m)^\s*v\s+[-+.\d]", data[:65536].decode("latin-1")):
        return "obj"
    return None


def model_format(name: str, data: bytes) -> str:
    """The model's format from its extension (or, without one, its first bytes).

    Example:
        >>> from stface.components.model3d import model_format
        >>> model_format("cube.OBJ", b"v 0 0 0")
        'obj'
        >>> model_format("upload", b"glTF" + bytes(8))
        'glb'
    """
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix in MODEL_FORMATS:
        return suffix
    if suffix == "splat":
        raise Error(f"'{Path(name).name}' is a Gaussian splat (.splat), which stface's 3D viewer cannot draw. "
                    "Convert it to .ply, .glb or .obj.")  # fmt: skip
    sniffed = _sniff(data)
    if sniffed is None:
        raise Error(f"'{Path(name).name}' is not a 3D model stface can show: use a .obj, .glb, .gltf, .stl or .ply file.")
    return sniffed


def _check(name: str, data: bytes, fmt: str) -> None:
    """Refuse a file that is not what its name says, before a browser tries to parse it."""
    shown = Path(name).name
    if not data:
        raise Error(f"'{shown}' is empty: it holds no 3D model.")
    if fmt == "glb":
        if len(data) < 12 or not data.startswith(_GLB_MAGIC):
            raise Error(f"'{shown}' is not a binary glTF (.glb) file: it does not start with 'glTF'.")
        version, length = struct.unpack_from("<II", data, 4)
        if version != 2:
            raise Error(f"'{shown}' is glTF version {version}; stface's viewer reads glTF 2.0. Re-export it as glTF 2.")
        if length > len(data):
            raise Error(f"'{shown}' is cut short: its header says {length} bytes, the file has {len(data)}.")
    elif fmt == "stl":
        binary = len(data) >= 84 and 84 + 50 * struct.unpack_from("<I", data, 80)[0] <= len(data)
        ascii_stl = data[:1024].lstrip().lower().startswith(b"solid") and b"facet" in data
        if not (binary or ascii_stl):
            raise Error(f"'{shown}' is not an STL file (neither binary STL nor ASCII 'solid ... facet').")
    elif fmt == "ply":
        if not data.startswith(b"ply"):
            raise Error(f"'{shown}' is not a PLY file: it does not start with 'ply'.")
    elif fmt == "obj":
        if not re.search(rb"(?m)^[ \t]*v[ \t]+[-+.\d]", data):
            raise Error(f"'{shown}' has no vertices ('v x y z' lines), so it is not an OBJ model.")
    elif fmt == "gltf":
        _gltf_json(shown, data)


def _gltf_json(shown: str, data: bytes) -> dict:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise Error(f"'{shown}' is not a glTF (.gltf) file: it is not valid JSON ({exc}).") from None
    if not isinstance(document, dict) or not isinstance(document.get("asset"), dict):
        raise Error(f"'{shown}' is not a glTF (.gltf) file: it has no \"asset\" section.")
    return document


def embed_gltf(name: str, data: bytes, folder: str | os.PathLike | None) -> bytes:
    """A ``.gltf`` with every buffer and image its ``uri`` names read from ``folder`` and embedded.

    Each referenced file must stay inside what the file policy serves (the
    model's own folder usually is). An upload has no folder: one that names
    other files gets a message saying to upload a ``.glb`` instead.

    Example:
        >>> import json
        >>> from stface.components.model3d import embed_gltf
        >>> doc = {"asset": {"version": "2.0"}, "buffers": [{"uri": "data:application/octet-stream;base64,AAAA"}]}
        >>> json.loads(embed_gltf("a.gltf", json.dumps(doc).encode(), None)) == doc
        True
    """
    shown = Path(name).name
    document = _gltf_json(shown, data)
    changed = False
    for kind in ("buffers", "images"):
        entries = document.get(kind)
        if not isinstance(entries, list):
            continue
        for entry in entries:
            uri = entry.get("uri") if isinstance(entry, dict) else None
            if not isinstance(uri, str) or uri.lower().startswith("data:"):
                continue
            parts = urlsplit(uri)
            if parts.scheme or parts.netloc or uri.startswith("/"):
                raise Error(f"'{shown}' refers to '{uri}', which stface does not fetch. "
                            "Save that file next to the model and refer to it by a relative name, or use a .glb.")  # fmt: skip
            if folder is None:
                raise Error(f"'{shown}' refers to another file ('{uri}') that was not uploaded with it. "
                            "Upload a .glb, or a .gltf with its data embedded.")  # fmt: skip
            try:
                target = servable_path(Path(folder) / unquote(parts.path))
            except Error as exc:
                raise Error(f"'{shown}' refers to '{uri}', which was not read: {exc}") from None
            if not target.is_file():
                raise Error(f"'{shown}' refers to '{uri}', which does not exist next to it.")
            mime = entry.get("mimeType") if kind == "images" else None
            mime = mime or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            entry["uri"] = f"data:{mime};base64,{base64.b64encode(target.read_bytes()).decode('ascii')}"
            changed = True
    return json.dumps(document, separators=(",", ":")).encode("utf-8") if changed else data


def _read_model(value: Any, *, output: bool) -> MediaFile:
    """A path (checked by the file policy for outputs) or bytes -> a self-contained model file."""
    if isinstance(value, MediaFile):
        return value
    if isinstance(value, (bytes, bytearray)):
        return MediaFile("model", bytes(value))
    path_text = getattr(value, "path", None) if not isinstance(value, (str, os.PathLike)) else value
    if isinstance(value, dict):  # Gradio's FileData as a dict
        path_text = value.get("path") or value.get("name")
    if not isinstance(path_text, (str, os.PathLike)):
        raise Error(f"Model3D expects the path of a 3D model file (.obj, .glb, .gltf, .stl, .ply); "
                    f"got {type(value).__name__}.")  # fmt: skip
    path = servable_path(path_text) if output else Path(path_text)
    if not path.is_file():
        raise Error(f"'{path.name}' is not an existing file.")
    data = path.read_bytes()
    if model_format(path.name, data) == "gltf":
        data = embed_gltf(path.name, data, path.parent)
    return MediaFile(path.name, data)


def _clear_color(value: Any) -> list[float]:
    if value is None:
        return [0.0, 0.0, 0.0, 0.0]
    if isinstance(value, str) or not isinstance(value, Sequence) or len(value) not in (3, 4):
        raise ValueError(f"Model3D clear_color must be (r, g, b, a) with values from 0 to 1; got {value!r}.")
    try:
        channels = [float(c) for c in value]
    except (TypeError, ValueError):
        raise ValueError(f"Model3D clear_color must be (r, g, b, a) with values from 0 to 1; got {value!r}.") from None
    if len(channels) == 3:
        channels.append(1.0)
    return [min(max(c, 0.0), 1.0) for c in channels]  # as WebGL clamps them in Gradio


def _camera_position(value: Any) -> tuple[float | None, float | None, float | None]:
    if value is None:
        return (None, None, None)
    if isinstance(value, str) or not isinstance(value, Sequence) or len(value) != 3:
        raise ValueError(f"Model3D camera_position must be (alpha, beta, radius), each a number or None; got {value!r}.")
    if any(v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))) for v in value):
        raise ValueError(f"Model3D camera_position must be (alpha, beta, radius), each a number or None; got {value!r}.")
    if value[2] is not None and value[2] <= 0:
        raise ValueError(f"Model3D camera_position's radius must be positive; got {value[2]!r}.")
    return tuple(None if v is None else float(v) for v in value)  # type: ignore[return-value]


def _speed(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"Model3D {name} must be a positive number (1 is the default speed); got {value!r}.")
    return float(value)


def _height_px(value: Any) -> int:
    """Gradio's height (pixels, or CSS units) -> pixels; Streamlit needs a fixed number."""
    if value is None:
        return DEFAULT_HEIGHT
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return int(value)
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(px)?\s*", value) if isinstance(value, str) else None
    if match:
        return int(float(match.group(1)))
    warn_compatibility(f"Model3D(height={value!r}): stface draws the viewer with a height in pixels; "
                       f"using {DEFAULT_HEIGHT}px. Pass a number of pixels to choose it.")  # fmt: skip
    return DEFAULT_HEIGHT


class Model3D(MediaComponent[Any]):
    """A 3D model in (upload) and out (an interactive viewer). fn receives and returns file paths.

    Shows ``.obj``, ``.glb``, ``.gltf``, ``.stl`` and ``.ply`` files with
    three.js, bundled into stface (nothing is fetched from a CDN). Drag to
    rotate, right-drag or Shift-drag to pan, scroll to zoom.

    Args:
        value: path of a model to show first.
        display_mode: ``"solid"`` (default), ``"wireframe"`` or ``"point_cloud"`` (Gradio 4+).
        clear_color: background ``(r, g, b, a)``, each from 0 to 1; transparent by default.
        camera_position: ``(alpha, beta, radius)``: degrees around the vertical axis and down
            from the top, and the distance from the model's centre; ``None`` keeps the default
            (in front of the model, at a distance that frames it).
        zoom_speed, pan_speed: how fast the wheel zooms and a drag pans (1 is the default).
        height: the viewer's height in pixels (400 when ``None``).

    Example:
        >>> import stface as gr
        >>> viewer = gr.Model3D(clear_color=(1, 1, 1, 1), camera_position=(30, None, None))
        >>> viewer.preprocess(None) is None, viewer.camera_position
        (True, (30.0, None, None))
    """

    upload_types = list(MODEL_FORMATS)
    empty_message = "No 3D model for '{label}': upload one (.obj, .glb, .gltf, .stl or .ply), then press Submit."
    presentation_attributes = MediaComponent.presentation_attributes | frozenset(
        {"display_mode", "clear_color", "camera_position", "zoom_speed", "pan_speed", "height", "height_px"}
    )

    def __init__(
        self,
        value: Any = None,
        *,
        display_mode: Literal["solid", "point_cloud", "wireframe"] | None = None,
        clear_color: Sequence[float] | None = None,
        camera_position: Sequence[float | None] = (None, None, None),
        zoom_speed: float = 1,
        pan_speed: float = 1,
        height: int | str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if display_mode is not None and display_mode not in DISPLAY_MODES:
            raise ValueError(f"Model3D display_mode must be 'solid', 'point_cloud' or 'wireframe'; got {display_mode!r}.")
        self.display_mode = display_mode
        self.clear_color = _clear_color(clear_color)
        self.camera_position = _camera_position(camera_position)
        self.zoom_speed = _speed("zoom_speed", zoom_speed)
        self.pan_speed = _speed("pan_speed", pan_speed)
        self.height = height
        self.height_px = _height_px(height)

    def preprocess(self, payload: Any) -> str | None:
        """An upload (saved in stface's temp folder) or a path -> the model file's path."""
        if payload is None:
            return None
        if isinstance(payload, (str, os.PathLike)):  # value= or an example: the app's own file
            if not Path(payload).is_file():
                raise Error(f"'{Path(payload).name}' is not an existing file.")
            return os.fspath(payload)
        file = _read_model(payload, output=False)
        return save_bytes(file.data, file.name, default="model")

    def postprocess(self, value: Any) -> MediaFile | None:
        """A path (``str`` or ``Path``, allowed by the file policy) -> the model to show."""
        if value is None:
            return None
        file = _read_model(value, output=True)
        _check(file.name, file.data, model_format(file.name, file.data))
        return file

    def as_python(self, payload: MediaFile | None) -> str | None:
        return None if payload is None else save_bytes(payload.data, payload.name, default="model")

    def model_file(self, payload: Any) -> MediaFile:
        """What an input holds (an upload, or a path from ``value``/examples) -> the file to show."""
        return _read_model(payload, output=False)


def viewer_data(component: Model3D, file: MediaFile, *, label: str | None = None) -> dict[str, Any]:
    """The JSON the viewer draws: the model as base64, its format and the component's options.

    ``digest`` changes with the model or any option, so the browser keeps its
    viewer (and the person's camera) across reruns that show the same thing.

    Example:
        >>> import stface as gr
        >>> from stface.components._codecs import MediaFile
        >>> from stface.components.model3d import viewer_data
        >>> data = viewer_data(gr.Model3D(), MediaFile("t.obj", b"v 0 0 0\\nv 1 0 0\\nv 0 1 0\\nf 1 2 3\\n"))
        >>> data["format"], data["display_mode"], data["height"]
        ('obj', 'solid', 400)
    """
    fmt = model_format(file.name, file.data)
    data = file.data
    if fmt == "gltf":
        data = embed_gltf(file.name, data, None)  # an upload has no folder; a path was embedded when read
    _check(file.name, data, fmt)
    options = {
        "name": Path(file.name).name,
        "format": fmt,
        "label": label or component.display_label,
        "clear_color": component.clear_color,
        "camera_position": list(component.camera_position),
        "zoom_speed": component.zoom_speed,
        "pan_speed": component.pan_speed,
        "display_mode": component.display_mode or "solid",
        "height": component.height_px,
    }
    digest = hashlib.sha256(data)
    digest.update(json.dumps(options, sort_keys=True).encode())
    return {**options, "model": base64.b64encode(data).decode("ascii"), "digest": digest.hexdigest()}
