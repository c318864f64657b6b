"""What a flagging callback receives: each component's value as Gradio hands it to ``flag()``.

Gradio calls ``callback.flag(flag_data, ...)`` with the values its browser
sends (``preprocess=False``): text and numbers as they are, and every file as
a Gradio 4+ ``FileData`` dict, ``{"path": <file on the server>, "orig_name",
"size", "mime_type", "url", "is_stream", "meta": {"_type": "gradio.FileData"}}``.
stface builds the same shapes from what its widgets hold, writing media (an
upload, a recording, a picture fn returned) to files it owns first:

===================================  ==============================================
component                            value
===================================  ==============================================
Textbox, Number, Slider, Checkbox,   the value (``str``, ``int``/``float``, ``bool``,
Radio, Dropdown, CheckboxGroup, ...  a list for several choices)
Image, Audio, Video, File, Model3D   a FileData dict (a list of them for several files);
                                     a drawing is its picture, audio a WAV file
Label                                ``{"label", "confidences": [{"label", "confidence"}]}``
Dataframe, Timeseries                ``{"headers", "data", "metadata": None}``
LinePlot, ScatterPlot, BarPlot       ``{"columns", "data"}``
Plot                                 ``{"type", "plot"}`` (Gradio's plot JSON); a
                                     matplotlib figure is its PNG, as a FileData dict
Gallery                              ``[{"image" | "video": FileData, "caption"}]``
AnnotatedImage                       ``{"image": FileData, "annotations": [{"image", "label"}]}``
HighlightedText                      ``[{"token", "class_or_confidence"}]``
MultimodalTextbox                    ``{"text", "files": [FileData]}``
anything else                        its Python value as JSON allows (lists, dicts, ...)
===================================  ==============================================

The files live in stface's temporary folder (``stface.tempfiles``): a
callback that keeps them copies them, as ``component.flag(value, flag_dir)``
and the CSV loggers do.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from stface.components._codecs import AudioClip, MediaFile, encode_png, encode_wav
from stface.components._drawing import Canvas, Drawing
from stface.components.annotated_image import AnnotatedImage
from stface.components.base import is_file_data
from stface.components.files import VIDEO_TYPES
from stface.components.gallery import Gallery
from stface.components.highlighted_text import HighlightedText
from stface.components.image import WebcamPhoto
from stface.components.image_slider import ImageSlider
from stface.components.label import LabelData
from stface.components.multimodal_textbox import MultimodalTextbox
from stface.components.native_plots import NativePlot
from stface.components.plot import PlotFigure, figure_json, figure_png
from stface.paths import save_bytes

__all__ = ["file_data", "flag_data", "gradio_value", "is_file_data", "is_plain"]


def flag_data(components: Sequence[Any], payloads: Sequence[Any]) -> list[Any]:
    """The ``flag_data`` list Gradio would pass for these components and payloads.

    Example:
        >>> import stface as gr
        >>> from stface.components.label import LabelData
        >>> flag_data([gr.Textbox(), gr.Label()], ["hi", LabelData("cat", (("cat", 0.9),))])
        ['hi', {'label': 'cat', 'confidences': [{'label': 'cat', 'confidence': 0.9}]}]
    """
    return [gradio_value(component, payload) for component, payload in zip(components, payloads)]


def file_data(path: str | Path, orig_name: str | None = None) -> dict[str, Any]:
    """Gradio's FileData dict for a file on disk (a URL is kept as both ``path`` and ``url``).

    Example:
        >>> file_data("https://example.com/cat.png")["url"]
        'https://example.com/cat.png'
    """
    text = str(path)
    local = not text.lower().startswith(("http://", "https://"))
    size = Path(text).stat().st_size if local and Path(text).is_file() else None
    name = orig_name or Path(text.split("?")[0]).name
    return {"path": text, "url": None if local else text, "size": size, "orig_name": name,
            "mime_type": mimetypes.guess_type(name)[0], "is_stream": False, "meta": {"_type": "gradio.FileData"}}  # fmt: skip


def is_plain(value: Any) -> bool:
    """True when ``value`` is already JSON-shaped (what ``flag_data`` gives), not a widget's payload."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    if isinstance(value, dict):
        return all(isinstance(key, str) and is_plain(item) for key, item in value.items())
    if isinstance(value, list):
        return all(is_plain(item) for item in value)
    return False


def gradio_value(component: Any, payload: Any) -> Any:
    """One payload (what a widget holds or shows) as Gradio's flag_data holds it; see the module's table."""
    if payload is None:
        return None
    media = _media(component, payload)
    if media is not None:
        return media
    if isinstance(payload, PlotFigure):
        import json

        return json.loads(figure_json(payload))
    if isinstance(payload, LabelData):
        confidences = None if payload.confidences is None else [
            {"label": name, "confidence": float(score)} for name, score in payload.confidences
        ]  # fmt: skip
        return {"label": payload.label, "confidences": confidences}
    if hasattr(payload, "columns") and hasattr(payload, "to_numpy"):  # a DataFrame
        rows = _plain(payload.to_numpy().tolist())
        if isinstance(component, NativePlot):
            return {"columns": [str(c) for c in payload.columns], "data": rows}
        return {"headers": [str(c) for c in payload.columns], "data": rows, "metadata": None}
    python = component.as_python(payload)
    if isinstance(component, Gallery):
        return [
            {"video" if _is_video(path) else "image": file_data(path), "caption": caption} for path, caption in python
        ]
    if isinstance(component, AnnotatedImage):
        base, masks = python
        return {
            "image": file_data(base),
            "annotations": [{"image": file_data(m), "label": label} for m, label in masks],
        }
    if isinstance(component, ImageSlider):
        return [_image_file(picture) for picture in python]
    if isinstance(component, HighlightedText):
        return [{"token": token, "class_or_confidence": _plain(kind)} for token, kind in python]
    if isinstance(component, MultimodalTextbox):
        return {"text": python["text"], "files": [file_data(path) for path in python["files"]]}
    return _plain(python)


def _media(component: Any, payload: Any) -> Any:
    """A FileData dict (or a list of them) for a media payload; None for anything else."""
    from PIL import Image as PILImage

    if isinstance(payload, WebcamPhoto):
        payload = payload.file
    if isinstance(payload, PlotFigure) and payload.library == "matplotlib":
        return file_data(save_bytes(figure_png(payload), "plot.png"))  # the picture the page showed
    if isinstance(payload, (Drawing, Canvas)) and hasattr(component, "picture"):
        payload = component.picture(payload)  # a drawing is flagged as the picture it shows
    if isinstance(payload, AudioClip):
        return file_data(save_bytes(encode_wav(payload), "audio.wav"))
    if isinstance(payload, tuple) and len(payload) == 2 and isinstance(payload[1], np.ndarray):
        return file_data(save_bytes(encode_wav(AudioClip(int(payload[0]), payload[1])), "audio.wav"))
    if isinstance(payload, PILImage.Image) or (isinstance(payload, np.ndarray) and payload.ndim >= 2):
        return _image_file(payload)
    if isinstance(payload, MediaFile):
        return _upload(payload)
    if isinstance(payload, list) and payload and all(isinstance(item, MediaFile) for item in payload):
        files = [_upload(item) for item in payload]
        return files if getattr(component, "multiple_files", False) or len(files) > 1 else files[0]
    return None


def _upload(media: MediaFile) -> dict[str, Any]:
    path = save_bytes(media.data, media.name)
    return file_data(path, Path(path).name)


def _image_file(picture: Any) -> dict[str, Any]:
    from PIL import Image as PILImage

    image = picture if isinstance(picture, PILImage.Image) else PILImage.fromarray(np.asarray(picture))
    return file_data(save_bytes(encode_png(image), "image.png"))


def _is_video(path: str) -> bool:
    return Path(path.split("?")[0]).suffix.lstrip(".").lower() in VIDEO_TYPES


def _plain(value: Any) -> Any:
    """``value`` with only what JSON holds: tuples become lists, numpy values Python ones."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return _plain(value.to_dict())
    return str(value)
