"""Every public name of Gradio 3.50.2 and of Gradio 6 is either provided by stface or refused with a clear message.

The lists are data, recorded from those versions by scripts/record_gradio_names.py
into tests/fixtures/gradio_public_names.json. A name added there and neither
provided nor listed in stface._refusals.REFUSED fails here.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import stface
import stface.components
from stface._refusals import REFUSED, NotInStface, NotInStfaceImport

RECORDED = json.loads((Path(__file__).parents[1] / "fixtures" / "gradio_public_names.json").read_text())
VERSIONS = {"3.50.2": RECORDED["gradio_3_50"], "6": RECORDED["gradio_6"]}


def classify(module, name: str) -> str:
    """'provided', 'refused' (with a message worth reading) or 'unclassified'."""
    try:
        getattr(module, name)
    except NotInStface as exc:
        return "refused" if name in REFUSED and len(str(exc)) > 60 else "unclassified"
    except AttributeError:
        return "unclassified"
    return "provided"


def test_the_recorded_lists_are_gradios_own():
    assert VERSIONS["3.50.2"]["version"] == "3.50.2" and VERSIONS["6"]["version"].startswith("6.")
    assert len(VERSIONS["3.50.2"]["names"]) == 142 and len(VERSIONS["6"]["names"]) == 142


@pytest.mark.parametrize("version", VERSIONS)
def test_every_public_name_is_provided_or_refused_with_a_message(version):
    verdicts = {name: classify(stface, name) for name in VERSIONS[version]["names"]}
    assert [name for name, verdict in verdicts.items() if verdict == "unclassified"] == []
    # The list of names that must work, not be refused:
    for name in (
        "close_all", "update", "skip", "Info", "Warning", "Success", "Error", "Request", "OAuthProfile", "OAuthToken",
        "Progress", "CSVLogger", "SimpleCSVLogger", "FlaggingCallback", "HuggingFaceDatasetSaver", "set_static_paths",
        "NO_RELOAD", "load_chat", "load_openapi", "ChatMessage", "MessageDict", "FileData", "FileSize",
        "WaveformOptions", "WebcamOptions", "WatermarkOptions", "LayerOptions", "Brush", "Eraser", "I18n",
        "BrowserState", "make_waveform", "EventData", "SelectData", "mcp",
    ):  # fmt: skip
        if name in verdicts:
            assert verdicts[name] == "provided", name


@pytest.mark.parametrize("version", VERSIONS)
def test_every_name_of_gradio_components_is_provided_or_refused(version):
    verdicts = {name: classify(stface.components, name) for name in VERSIONS[version]["components"]}
    assert [name for name, verdict in verdicts.items() if verdict == "unclassified"] == []
    assert verdicts["Plot"] == "provided"  # from gradio.components import Plot


def test_a_name_added_to_the_lists_without_a_decision_fails_the_check():
    assert classify(stface, "SomethingGradioAddsNext") == "unclassified"


def test_the_submodules_apps_import_from_exist():
    for module in ("components", "inputs", "outputs", "themes", "flagging", "mix", "events", "exceptions",
                   "data_classes", "helpers", "mcp", "interface"):  # fmt: skip
        assert importlib.import_module(f"stface.{module}") is getattr(stface, module)
    from stface.components import Plot
    from stface.flagging import CSVLogger
    from stface.mix import Parallel

    assert (Plot, CSVLogger, Parallel) == (stface.Plot, stface.CSVLogger, stface.Parallel)


def test_touching_blocks_says_what_to_use_instead():
    with pytest.raises(AttributeError) as caught:
        stface.Blocks  # noqa: B018
    message = str(caught.value)
    assert "gr.Blocks" in message and "gr.TabbedInterface" in message and "demo.render()" in message
    assert not hasattr(stface, "Row")  # hasattr stays a plain yes/no
    with pytest.raises(AttributeError, match="st.expander"):
        stface.Accordion  # noqa: B018
    with pytest.raises(AttributeError, match="stface launch"):
        stface.mount_gradio_app  # noqa: B018
    with pytest.raises(AttributeError, match="submit_btn"):
        stface.components.Button  # noqa: B018


def test_from_import_keeps_the_message():
    with pytest.raises(ImportError, match="st.columns") as caught:
        from stface import Row  # noqa: F401
    assert isinstance(caught.value, NotInStfaceImport)
    with pytest.raises(ImportError, match="gr.Gallery"):
        from stface.components import Carousel  # noqa: F401


def test_a_gradio_app_using_blocks_stops_with_the_message_not_a_bare_error(tmp_path):
    app = tmp_path / "blocks_app.py"
    app.write_text("import stface as gr\nwith gr.Blocks() as demo:\n    gr.Textbox()\n")
    result = subprocess.run([sys.executable, str(app)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("stface._refusals.NotInStface: gr.Blocks is not available in stface.")
    assert "gr.TabbedInterface" in last


def test_an_unknown_name_is_a_plain_attribute_error_with_pythons_suggestion():
    result = subprocess.run([sys.executable, "-c", "import stface as gr; gr.Textbx"], capture_output=True, text=True)
    assert "has no attribute 'Textbx'" in result.stderr and "Did you mean: 'Textbox'?" in result.stderr
