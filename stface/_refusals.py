"""Gradio names that have no meaning on stface, each with what to use instead.

``stface.__getattr__`` (and ``stface.components``') consults ``REFUSED``: a
Gradio app that touches ``gr.Blocks`` gets a message saying what the name is
for in Gradio, why stface has none, and the closest stface path, never a bare
``AttributeError``. ``tests/unit/test_gradio_names.py`` holds Gradio 3.50's
and 6's public names and fails when one is neither provided nor listed here.
"""

from __future__ import annotations

import dis
import sys

__all__ = ["REFUSED", "NotInStface", "NotInStfaceImport", "refuse"]

_LAYOUT = (
    "stface runs Interface apps, not Blocks layouts: lay out several interfaces with gr.TabbedInterface, "
    "or call demo.render() inside your own Streamlit page and use {streamlit}."
)
_BLOCKS = (
    "stface runs Interface apps: an Interface draws its own inputs, outputs, buttons and examples. "
    "Build custom pages with demo.render() inside your own Streamlit script."
)
_SERVER = (
    "stface apps are served by Streamlit: run `stface launch app.py` (or `python app.py`), or "
    "`stface export app.py` for Streamlit Community Cloud and your own servers."
)
_INTERNAL = (
    "it is an internal module of Gradio's server and front end, with no counterpart in stface. "
    "Import the public names your app needs from stface itself (e.g. `import stface as gr; gr.Image`)."
)


def _layout(what: str, streamlit: str) -> str:
    return f"{what} {_LAYOUT.format(streamlit=streamlit)}"


REFUSED: dict[str, str] = {
    # Blocks and its layouts.
    "Blocks": _layout(
        "gr.Blocks is Gradio's low-level API for free-form pages of components and events.",
        "Streamlit's layout (st.columns, st.tabs, st.expander, st.sidebar)",
    ),
    "Row": _layout("gr.Row lays Blocks components side by side.", "st.columns"),
    "Column": _layout("gr.Column stacks Blocks components vertically.", "st.columns or st.container"),
    "Tab": _layout("gr.Tab is one tab of a Blocks page.", "st.tabs"),
    "TabItem": _layout("gr.TabItem is one tab of a Blocks page.", "st.tabs"),
    "Tabs": _layout("gr.Tabs groups Blocks tabs.", "st.tabs"),
    "Accordion": _layout("gr.Accordion folds Blocks components away.", "st.expander"),
    "Group": _layout("gr.Group joins Blocks components without gaps.", "st.container(border=True)"),
    "Box": _layout("gr.Box (Gradio 3) frames Blocks components.", "st.container(border=True)"),
    "Sidebar": _layout("gr.Sidebar holds Blocks components at the side of the page.", "st.sidebar"),
    "Draggable": _layout("gr.Draggable lets people reorder Blocks components.", "Streamlit's layout"),
    "Walkthrough": _layout("gr.Walkthrough is a Blocks step-by-step layout.", "st.tabs or Streamlit's multipage apps"),
    "Step": _layout("gr.Step is one step of a Blocks walkthrough.", "st.tabs or Streamlit's multipage apps"),
    "Navbar": _layout("gr.Navbar links the pages of a multipage Blocks app.", "st.navigation"),
    "Carousel": "gr.Carousel was retired in Gradio 3 itself; show several images with gr.Gallery.",
    # Blocks-only components and events.
    "Button": _BLOCKS + " Rename Interface's buttons with submit_btn= and clear_btn=.",
    "ClearButton": _BLOCKS + " Interface has its own Clear button (clear_btn=).",
    "DuplicateButton": "gr.DuplicateButton duplicates a Hugging Face Space; a Streamlit app has no Space to duplicate. "
    "Share the app's source, or deploy it with `stface export app.py`.",
    "DeepLinkButton": "gr.DeepLinkButton copies a link to a Space's current state; Streamlit keeps state per session. "
    "Put what a link should reproduce in st.query_params inside your own Streamlit page.",
    "LoginButton": "gr.LoginButton signs in with Hugging Face in Blocks. On stface, configure st.login "
    "(Streamlit's OpenID Connect login): an fn parameter typed gr.OAuthProfile then receives the person.",
    "LogoutButton": "gr.LogoutButton signs out of Hugging Face in Blocks. On stface, call st.logout() in your own page.",
    "Dataset": _BLOCKS + " Pass examples= to Interface; its examples table is drawn for you.",
    "Examples": _BLOCKS + " Pass examples= (and cache_examples=) to Interface.",
    "Timer": "gr.Timer fires Blocks events on a schedule. On stface, use Interface(live=True), "
    "or st.fragment(run_every=...) in your own Streamlit page.",
    "on": _BLOCKS
    + " gr.on attaches Blocks event listeners; Interface runs fn on submit (or on change with live=True).",
    "render": _BLOCKS + " @gr.render redraws Blocks dynamically; a Streamlit script is redrawn on every run already.",
    "api": "gr.api declares an API endpoint without components in a Blocks app. On stface, each Interface is an "
    "endpoint; name it with api_name=.",
    "Interpretation": "gr.Interpretation (Gradio 3) shows interpretation in Blocks. On stface, pass interpretation= "
    "to Interface; the page draws the Interpret button and the highlights.",
    "StatusTracker": "gr.StatusTracker was retired in Gradio 3 itself; progress shows on its own (see gr.Progress).",
    "InputHTMLAttributes": "gr.InputHTMLAttributes sets HTML attributes of a Gradio textbox's <input>; Streamlit draws "
    "its own inputs. Use Textbox's max_length=, placeholder= and type= options.",
    "Workflow": "gr.Workflow builds a visual pipeline of Hugging Face Spaces. On stface, chain interfaces with "
    "gr.Series (one after another) or gr.Parallel (side by side).",
    "WorkflowCanvas": "gr.WorkflowCanvas is the canvas of gr.Workflow. On stface, chain interfaces with gr.Series or "
    "gr.Parallel.",
    # The machinery of Gradio's own components.
    **{
        name: f"{name} is a base class of Gradio's own components. To write a component for stface, subclass "
        "stface.components.Component (conversions) and add its drawing in stface.runtime.widgets."
        for name in (
            "Fallback",
            "Form",
            "FormComponent",
            "IOComponent",
            "NativePlot",
            "StreamingInput",
            "StreamingOutput",
        )
    },
    # Serving and deployment.
    "Server": "gr.Server exposes Gradio's API engine on a FastAPI app. " + _SERVER,
    "mount_gradio_app": "gr.mount_gradio_app mounts a Gradio app inside a FastAPI app. " + _SERVER,
    "deploy": "gr.deploy uploads an app to Hugging Face Spaces. " + _SERVER,
    "deploy_space": "gr.deploy_space uploads an app to Hugging Face Spaces. " + _SERVER,
    "load_ipython_extension": "Gradio's %%blocks IPython magic reloads Blocks in notebooks. On stface, call "
    "demo.launch() in a notebook: the app is shown inline.",
    "get_package_version": "gr.get_package_version reports Gradio's own version; use stface.__version__.",
    # Gradio's bundled sample media.
    **{
        f"get_{kind}": f"gr.get_{kind} returns a path to one of the sample {kind} files bundled with Gradio 6; stface "
        f"does not bundle sample media. Pass a path to your own {kind} file."
        for kind in ("audio", "image", "video", "file", "model3d")
    },
}

for _module in (
    "analytics", "blocks", "blocks_events", "brotli_middleware", "caching", "cli", "component", "component_meta",
    "context", "deprecation", "external", "external_utils", 
    "image_utils", "interpretation", "ipython_ext", "json", "layouts", "media", "networking",
    "node_server", "oauth", "pipelines", "pipelines_utils", "processing_utils", "profiling", "queueing",
    "ranged_response", "renderable", "route_utils", "routes", "screen_recording_utils", "server", "server_messages",
    "state_holder", "strings", "templates", "tunneling", "utils", "validators", "wasm_utils", "workflow",
    "workflow_provider_shims", "audio_stream_encoder", "history", "chat_interface", "gradio",
):  # fmt: skip
    REFUSED.setdefault(_module, f"gradio.{_module}: {_INTERNAL}")
REFUSED["routes"] = "gradio.routes holds Gradio's FastAPI server (App, mount_gradio_app). " + _SERVER
REFUSED["external"] = (
    "gradio.external loads Hub models and Spaces; on stface use gr.load(...) or gr.Interface.load(...)."
)
REFUSED["chat_interface"] = "gradio.chat_interface holds ChatInterface; on stface use gr.ChatInterface."
REFUSED["interpretation"] = (
    "gradio.interpretation (Gradio 3) computes interpretations; on stface pass interpretation= to gr.Interface."
)
REFUSED["gradio"] = "`gr.gradio` is Gradio's package referring to itself; on stface use the stface package."
del _module


class NotInStface(AttributeError):
    """A Gradio name that stface does not provide; the message says what to use instead."""


class NotInStfaceImport(ImportError):
    """The same, raised from ``from stface import X``: Python would replace an AttributeError by a bare ImportError."""


def refuse(module: str, name: str) -> NotInStface | NotInStfaceImport | None:
    """The error for a refused Gradio name (None when ``name`` is not one).

    An ``AttributeError`` (so ``hasattr`` stays False), except under
    ``from stface import Blocks``, where Python would replace it by a bare
    ImportError: there it is raised as an ImportError carrying the message.
    """
    message = REFUSED.get(name)
    if message is None:
        return None
    text = f"{module}.{name} is not available in stface. {message}"
    return NotInStfaceImport(text, name=name) if _importing(sys._getframe(2)) else NotInStface(text)


def _importing(frame: object) -> bool:
    """True when ``frame`` is executing ``from module import name``."""
    try:
        code, offset = frame.f_code, frame.f_lasti  # type: ignore[attr-defined]
        return dis.opname[code.co_code[offset]] == "IMPORT_FROM"
    except (AttributeError, IndexError):
        return False
