"""stface: Gradio's ``Interface`` API, running on Streamlit.

    import stface as gr

    def greet(name):
        return "Hello " + name + "!"

    gr.Interface(fn=greet, inputs="text", outputs="text").launch()

``python app.py`` serves it; ``stface launch app.py`` serves it with reload;
under ``streamlit run`` (and Streamlit Community Cloud) ``launch()`` draws it
in place; ``demo.render()`` puts it inside any Streamlit page; ``demo("Ada")``
calls it like a function.
"""

from __future__ import annotations

from stface import data_classes, events, exceptions, helpers, inputs, mcp, outputs, themes
from stface._refusals import refuse as _refuse
from stface.app import close_all
from stface.caching import Cache, cache
from stface.chat import ChatInterface
from stface.chat_history import ChatMessage, MessageDict
from stface.components import (
    HTML,
    JSON,
    AnnotatedImage,
    Audio,
    Chatbot,
    Checkbox,
    CheckboxGroup,
    Code,
    ColorPicker,
    Component,
    Dataframe,
    DateTime,
    Dialogue,
    DownloadButton,
    Dropdown,
    File,
    FileExplorer,
    Files,
    Gallery,
    HighlightedText,
    Image,
    ImageSlider,
    Label,
    List,
    Markdown,
    Matrix,
    Microphone,
    MultimodalTextbox,
    Number,
    Numpy,
    ParamViewer,
    Pil,
    PlayableVideo,
    Radio,
    Slider,
    State,
    TextArea,
    Textbox,
    UploadButton,
    Video,
    Webcam,
)
from stface.components.audio import WaveformOptions
from stface.components.browser_state import BrowserState
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
from stface.components.model3d import Model3D
from stface.components.native_plots import BarPlot, LinePlot, ScatterPlot
from stface.components.plot import Plot
from stface.components.timeseries import TimeSeries, Timeseries
from stface.data_classes import FileData, FileSize
from stface.errors import Error
from stface.events import (
    CopyData,
    DeletedFileData,
    DownloadData,
    EditData,
    EventData,
    KeyUpData,
    LikeData,
    RetryData,
    SelectData,
    UndoData,
)
from stface.external import load, load_chat, load_openapi
from stface.flagging import (
    CSVLogger,
    FlaggingCallback,
    HuggingFaceDatasetJSONSaver,
    HuggingFaceDatasetSaver,
    SimpleCSVLogger,
    SQLLogger,
)
from stface.helpers import NO_RELOAD, validate
from stface.i18n import I18n
from stface.interface import Interface
from stface.messages import Info, Success, Warning
from stface.mix import Parallel, Series
from stface.paths import set_static_paths
from stface.progress import Progress
from stface.request import Header, OAuthProfile, OAuthToken, Request
from stface.tabbed import TabbedInterface
from stface.updates import skip, update
from stface.watermark import WatermarkOptions
from stface.waveform import make_waveform

__version__ = "0.1.0"

# Gradio's aliases for the same classes, as stface.components spells them.
from stface.components import (  # noqa: E402
    Annotatedimage,
    Checkboxgroup,
    DataFrame,
    Highlight,
    Highlightedtext,
    Json,
    Mic,
    Text,
    Variable,
)

Theme = themes.Base

__all__ = [
    "Cache",
    "WatermarkOptions",
    "cache",
    "make_waveform",
    "CSVLogger",
    "FlaggingCallback",
    "HuggingFaceDatasetJSONSaver",
    "HuggingFaceDatasetSaver",
    "SimpleCSVLogger",
    "SQLLogger",
    "BrowserState",
    "I18n",
    "CopyData",
    "DeletedFileData",
    "DownloadData",
    "EditData",
    "EventData",
    "FileData",
    "FileSize",
    "Header",
    "KeyUpData",
    "LikeData",
    "NO_RELOAD",
    "RetryData",
    "SelectData",
    "Theme",
    "UndoData",
    "close_all",
    "data_classes",
    "events",
    "exceptions",
    "helpers",
    "mcp",
    "validate",
    "Model3D",
    "BarPlot",
    "LinePlot",
    "Plot",
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
    "Annotatedimage",
    "Code",
    "ColorPicker",
    "Gallery",
    "UploadButton",
    "HTML",
    "JSON",
    "Audio",
    "File",
    "Files",
    "Image",
    "List",
    "Matrix",
    "Microphone",
    "Numpy",
    "Pil",
    "PlayableVideo",
    "Video",
    "WaveformOptions",
    "Webcam",
    "ChatInterface",
    "ChatMessage",
    "Chatbot",
    "Checkbox",
    "CheckboxGroup",
    "Checkboxgroup",
    "Component",
    "DataFrame",
    "Dataframe",
    "DateTime",
    "Dialogue",
    "DownloadButton",
    "FileExplorer",
    "ImageSlider",
    "Mic",
    "MultimodalTextbox",
    "ParamViewer",
    "Dropdown",
    "Error",
    "Info",
    "OAuthProfile",
    "OAuthToken",
    "Request",
    "Success",
    "Warning",
    "Highlight",
    "HighlightedText",
    "Highlightedtext",
    "Interface",
    "Json",
    "Label",
    "Markdown",
    "MessageDict",
    "Number",
    "Radio",
    "Slider",
    "State",
    "Text",
    "TextArea",
    "Textbox",
    "Variable",
    "__version__",
    "inputs",
    "load",
    "load_chat",
    "load_openapi",
    "set_static_paths",
    "skip",
    "update",
    "outputs",
    "themes",
    "Parallel",
    "Progress",
    "Series",
    "TabbedInterface",
]


def __getattr__(name: str) -> object:
    """A Gradio name stface does not provide says what to use instead (see ``stface._refusals``)."""
    error = _refuse("gr", name)
    if error is not None:
        raise error
    raise AttributeError(f"module 'stface' has no attribute {name!r}", name=name, obj=__import__(__name__))
