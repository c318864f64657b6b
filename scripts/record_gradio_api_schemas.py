"""Record Gradio 6's API description of each component (the data behind stface/api/schemas.py).

    .venv/bin/python scripts/record_gradio_api_schemas.py > stface/api/gradio_schemas.json

For each Gradio component stface has, with default options: the JSON schema
Gradio's ``/gradio_api/info`` gives (as an input, and as an output when it
differs), the Python type ``gradio_client`` shows for it, the component name
the info names, and Gradio's example input. Options that change the schema
(choices, ranges, multiselect, file_count) are applied by schemas.py.
"""

import json
import warnings

warnings.simplefilter("ignore")

import gradio as gr  # noqa: E402
from gradio_client import utils as client_utils  # noqa: E402

VARIANTS = {
    "Textbox": gr.Textbox(), "Number": gr.Number(), "Slider": gr.Slider(0, 100), "Checkbox": gr.Checkbox(),
    "CheckboxGroup": gr.CheckboxGroup(["a", "b"]), "Radio": gr.Radio(["a", "b"]), "Dropdown": gr.Dropdown(["a", "b"]),
    "Image": gr.Image(), "Audio": gr.Audio(), "Video": gr.Video(), "File": gr.File(),
    "Files": gr.File(file_count="multiple"), "Label": gr.Label(), "HighlightedText": gr.HighlightedText(),
    "JSON": gr.JSON(), "HTML": gr.HTML(), "Markdown": gr.Markdown(), "Dataframe": gr.Dataframe(), "Chatbot": gr.Chatbot(),
    "Gallery": gr.Gallery(), "AnnotatedImage": gr.AnnotatedImage(), "ColorPicker": gr.ColorPicker(), "Code": gr.Code(),
    "UploadButton": gr.UploadButton(), "DownloadButton": gr.DownloadButton(), "Plot": gr.Plot(),
    "LinePlot": gr.LinePlot(), "ScatterPlot": gr.ScatterPlot(), "BarPlot": gr.BarPlot(), "Model3D": gr.Model3D(),
    "MultimodalTextbox": gr.MultimodalTextbox(), "ImageEditor": gr.ImageEditor(), "ImageSlider": gr.ImageSlider(),
    "DateTime": gr.DateTime(), "Dialogue": gr.Dialogue(speakers=["A", "B"]), "ParamViewer": gr.ParamViewer(),
    "FileExplorer": gr.FileExplorer(), "BrowserState": gr.BrowserState(),
}  # fmt: skip


def python_type(schema):
    return {
        "type": client_utils.json_schema_to_python_type(schema),
        "description": (schema or {}).get("additional_description") or "",
    }


recorded = {"gradio": gr.__version__, "components": {}}
for key, component in VARIANTS.items():
    schema_in, schema_out = component.api_info_as_input(), component.api_info_as_output()
    entry = {
        "component": component.get_config()["name"].capitalize(),
        "input": schema_in,
        "python_input": python_type(schema_in),
        "example": component.example_inputs(),
    }
    if schema_out != schema_in:
        entry["output"] = schema_out
        entry["python_output"] = python_type(schema_out)
    recorded["components"][key] = entry
print(json.dumps(recorded, separators=(",", ":"), sort_keys=False))
