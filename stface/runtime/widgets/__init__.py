"""Drawing: one widget per component, in the module of the same name.

``stface/components/textbox.py`` converts a Textbox's values;
``stface/runtime/widgets/textbox.py`` draws it. Only this layer (and the rest
of ``stface.runtime``) imports Streamlit.
"""

from stface.runtime.widgets import (  # noqa: F401
    annotated_image,
    audio,
    browser_state,
    chatbot,
    choices,
    code,
    color_picker,
    dataframe,
    datetime,
    dialogue,
    download_button,
    file_explorer,
    files,
    gallery,
    highlighted_text,
    image,
    image_editor,
    image_slider,
    label,
    markup,
    model3d,
    multimodal_textbox,
    native_plots,
    number,
    param_viewer,
    plot,
    state,
    textbox,
    timeseries,
    upload_button,
)
from stface.runtime.widgets.base import Widget, draws, show_html, widget_for

__all__ = ["Widget", "draws", "show_html", "widget_for"]
