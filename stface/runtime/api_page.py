"""The page's "Use via API": ready-to-copy gradio_client and curl code for each endpoint.

Gradio's footer links to its API page; stface draws a small button under the
app that opens the same snippets in a dialog. Under a bare ``streamlit run
app.py`` of a script that defines no ``st.App`` the API is not served, and
the dialog says how to get it (``stface launch``, ``python app.py`` or
``stface export``).

Example (inside a Streamlit script)::

    from stface.runtime.api_page import use_via_api
    use_via_api(demo)
"""

from __future__ import annotations

import urllib.parse
from typing import Any

import streamlit as st

from stface.api import serving_api
from stface.api.info import api_info
from stface.api.snippets import curl_snippet, python_snippet
from stface.components._html import neutralise_script_links

__all__ = ["app_root", "use_via_api"]

NOT_SERVED = (
    "The API is served beside the page when the app runs with `stface launch app.py`, `python app.py` "
    "(launch()), or an entrypoint written by `stface export`. A plain `streamlit run app.py` serves the page only."
)


def app_root() -> str:
    """The app's URL as the browser reached it (scheme, host and base path), without a trailing slash."""
    url = st.context.url or ""
    parts = urllib.parse.urlsplit(url)
    if not parts.scheme:
        return "http://127.0.0.1:7860"
    base = st.get_option("server.baseUrlPath") or ""
    path = "/" + base.strip("/") if base.strip("/") else ""
    return f"{parts.scheme}://{parts.netloc}{path}"


def use_via_api(app: Any, *, expanded: bool = False) -> None:
    """A "Use via API" button opening a dialog with one Python and one curl snippet per listed endpoint.

    ``expanded=True`` draws the snippets inline, in an open expander, instead.
    The button is one small element: the snippets are built only when asked for.
    """
    options = getattr(app, "launch_options", None)
    if getattr(options, "show_api", True) is False or not _listed(app):
        return
    if expanded:
        with st.expander("Use via API", expanded=True, icon=":material/api:"):
            _snippets(app)
        return
    if st.button("Use via API", type="tertiary", icon=":material/api:", key="stface-use-via-api"):
        _dialog(app)


@st.dialog("Use via API", width="large")
def _dialog(app: Any) -> None:
    _snippets(app)


def _listed(app: Any) -> bool:
    from stface.api.endpoints import endpoints

    return any(endpoint.visible for endpoint in endpoints(app))


def _snippets(app: Any) -> None:
    if not serving_api():
        st.info(NOT_SERVED)
        return
    options = getattr(app, "launch_options", None)
    info = api_info(app)["named_endpoints"]
    root = app_root()
    auth = getattr(options, "auth", None) is not None
    st.caption(f"Install the client with `pip install gradio_client`. {len(info)} endpoint(s) at {root}.")
    for api_name, endpoint in info.items():
        names = ", ".join(p["parameter_name"] for p in endpoint["parameters"]) or "no inputs"
        st.markdown(f"**`{api_name}`** ({names})")
        if endpoint.get("description"):
            st.caption(neutralise_script_links(endpoint["description"].splitlines()[0]))
        python, curl = st.tabs(["Python", "curl"])
        with python:
            st.code(python_snippet(api_name, endpoint, root, auth), language="python")
        with curl:
            st.code(curl_snippet(api_name, endpoint, root, auth), language="bash")
