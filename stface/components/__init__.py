"""Components: what an interface's inputs and outputs are made of.

One module per family; ``registry`` maps Gradio's string shortcuts onto them.
"""

from __future__ import annotations

from stface.components.annotated_image import AnnotatedImage
from stface.components.audio import Audio, Microphone
from stface.components.base import Component
from stface.components.chatbot import Chatbot
from stface.components.choices import Checkbox, CheckboxGroup, Dropdown, Radio
from stface.components.code import Code
from stface.components.color_picker import ColorPicker
from stface.components.dataframe import Dataframe, List, Matrix, Numpy
from stface.components.datetime import DateTime
from stface.components.dialogue import Dialogue
from stface.components.download_button import DownloadButton
from stface.components.file_explorer import FileExplorer
from stface.components.files import File, Files, PlayableVideo, Video
from stface.components.gallery import Gallery
from stface.components.highlighted_text import HighlightedText
from stface.components.image import Image, Pil, Webcam
from stface.components.image_editor import (
    Brush,
    Eraser,
    ImageEditor,
    ImageMask,
    ImagePaint,
    LayerOptions,
    Paint,
    Sketchpad,
    WebcamOptions,
)
from stface.components.image_slider import ImageSlider
from stface.components.label import Label, LabelData
from stface.components.markup import HTML, JSON, Markdown
from stface.components.model3d import Model3D
from stface.components.multimodal_textbox import MultimodalTextbox
from stface.components.native_plots import BarPlot, LinePlot, ScatterPlot
from stface.components.number import Number, Slider
from stface.components.param_viewer import ParamViewer
from stface.components.plot import Plot, PlotFigure
from stface.components.registry import component_from, register_shortcut, shortcut_names
from stface.components.state import State
from stface.components.textbox import TextArea, Textbox
from stface.components.timeseries import TimeSeries, Timeseries
from stface.components.upload_button import UploadButton

__all__ = [
    "Model3D",
    "BarPlot",
    "LinePlot",
    "Plot",
    "PlotFigure",
    "ScatterPlot",
    "TimeSeries",
    "Timeseries",
    "Brush",
    "Eraser",
    "ImageEditor",
    "ImageMask",
    "ImagePaint",
    "LayerOptions",
    "Paint",
    "Sketchpad",
    "WebcamOptions",
    "AnnotatedImage",
    "Code",
    "ColorPicker",
    "Gallery",
    "UploadButton",
    "Audio",
    "File",
    "Files",
    "Image",
    "Microphone",
    "Pil",
    "PlayableVideo",
    "Video",
    "Webcam",
    "HTML",
    "JSON",
    "Chatbot",
    "Checkbox",
    "CheckboxGroup",
    "Component",
    "Dataframe",
    "DateTime",
    "Dialogue",
    "DownloadButton",
    "FileExplorer",
    "ImageSlider",
    "MultimodalTextbox",
    "ParamViewer",
    "Dropdown",
    "HighlightedText",
    "Label",
    "LabelData",
    "List",
    "Markdown",
    "Matrix",
    "Number",
    "Numpy",
    "Radio",
    "Slider",
    "State",
    "TextArea",
    "Textbox",
    "Annotatedimage",
    "Checkboxgroup",
    "DataFrame",
    "Highlight",
    "Highlightedtext",
    "Json",
    "Mic",
    "Text",
    "Variable",
    "component",
    "component_from",
    "get_component_instance",
    "register_shortcut",
    "shortcut_names",
]

for _cls in (
    Textbox, TextArea, Number, Slider, Dropdown, Radio, Checkbox, CheckboxGroup,
    Label, JSON, HTML, Markdown, HighlightedText, Dataframe, Numpy, Matrix, List, State,
    Audio, Microphone, Image, Webcam, Pil, Video, PlayableVideo, File, Files, Chatbot, Dialogue,
    DateTime, DownloadButton, FileExplorer, ImageSlider, MultimodalTextbox, ParamViewer,
    Gallery, AnnotatedImage, ColorPicker, Code, UploadButton,
):  # fmt: skip
    register_shortcut(_cls.__name__, _cls)
register_shortcut("Model3D", Model3D)  # "model3d", as Gradio 3.50 resolves the class name
for _cls in (ImageEditor, Sketchpad, Paint, ImageMask, ImagePaint):
    register_shortcut(_cls.__name__, _cls)
for _cls in (Plot, LinePlot, ScatterPlot, BarPlot, Timeseries):  # "plot", "lineplot", "timeseries", ...
    register_shortcut(_cls.__name__, _cls)
for _alias, _cls in {
    "text": Textbox,
    "highlight": HighlightedText,
    "json": JSON,
    "variable": State,
    "mic": Microphone,
    "datetime": DateTime,
}.items():
    register_shortcut(_alias, _cls)

# Gradio's aliases, as ``gradio.components`` spells them.
Text = Textbox
DataFrame = Dataframe
Highlight = HighlightedText
Highlightedtext = HighlightedText
Checkboxgroup = CheckboxGroup
Json = JSON
Annotatedimage = AnnotatedImage
Variable = State
Mic = Microphone

#: Names ``gradio.components`` exports that live in other stface modules (imported when first asked for).
_ELSEWHERE = {
    "ChatMessage": "stface.chat_history",
    "MessageDict": "stface.chat_history",
    "BrowserState": "stface.components.browser_state",
}


def component(cls_name: str, render: bool = True) -> Component:
    """A component from its name (``"textbox"``), as Gradio's ``gradio.components.component``."""
    return component_from(cls_name)


def get_component_instance(comp: str | dict | Component, render: bool = False, unrender: bool = False) -> Component:
    """A component from a name, a config dict or an instance (Gradio's ``get_component_instance``)."""
    return component_from(comp)


def __getattr__(name: str) -> object:
    """Names of ``gradio.components`` kept elsewhere, and a clear word for those stface has no use for."""
    import importlib

    from stface._refusals import refuse

    if name in _ELSEWHERE:
        return getattr(importlib.import_module(_ELSEWHERE[name]), name)
    error = refuse("gradio.components", name)
    if error is not None:
        raise error
    raise AttributeError(f"module 'stface.components' has no attribute {name!r}", name=name)
