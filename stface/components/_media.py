"""Drawing helpers shared by the media components (Streamlit).

Streamlit forbids setting a file uploader's value, so a media input keeps
its *current value* in ``st.session_state[key]`` (set by an upload, a
recording, an example or Clear) and draws its uploader under a versioned key:
``store`` bumps the version, which gives the person a fresh, empty uploader.
"""

from __future__ import annotations

import contextvars
from typing import Any

import streamlit as st

from stface.components._codecs import MediaFile
from stface.components.base import Component
from stface.paths import safe_filename

__all__ = ["MediaComponent", "max_file_bytes", "normalise_sources"]

#: ``launch(max_file_size=...)`` in bytes while an interface draws its inputs.
#: Streamlit's server refuses only whole MiB, so a smaller limit is kept here.
max_file_bytes: contextvars.ContextVar[int | None] = contextvars.ContextVar("stface_max_file_bytes", default=None)


def normalise_sources(source: str | None, sources: Any, allowed: tuple[str, ...], default: list[str]) -> list[str]:
    """Gradio 3's ``source="x"`` or Gradio 4's ``sources=[...]`` -> a checked list."""
    if sources is not None:
        chosen = [sources] if isinstance(sources, str) else list(sources)
    elif source is not None:
        chosen = [source]
    else:
        chosen = list(default)
    unknown = [s for s in chosen if s not in allowed]
    if unknown or not chosen:
        raise ValueError(f"Unknown source {unknown[0] if unknown else None!r}; use one or more of {', '.join(allowed)}.")
    return chosen


class MediaComponent(Component):
    """A component whose input comes from an uploader (and maybe a device)."""

    upload_types: list[str] = []
    multiple_files = False

    def store(self, state: Any, key: str, payload: Any) -> None:
        state[key] = payload
        state[f"{key}:v"] = state.get(f"{key}:v", 0) + 1
        state[f"{key}:seen"] = ()  # the new uploader starts empty; that is not a removal

    def _output_header(self, payload: Any, nothing: str) -> bool:
        """Caption the output; say ``nothing`` and return False when there is none."""
        if self.show_label is not False:
            st.caption(self.display_label)
        if payload is None or (isinstance(payload, list) and not payload):
            st.caption(nothing)
            return False
        return True

    def _upload(self, key: str, *, label: str | None = None, types: list[str] | None = None) -> None:
        """Draw the uploader; a newly chosen file becomes the current value."""
        session = st.session_state
        version = session.get(f"{key}:v", 0)
        uploaded = st.file_uploader(
            label or self.display_label,
            type=types if types is not None else (self.upload_types or None),
            accept_multiple_files=self.multiple_files,
            key=f"{key}:upload:{version}",
            help=self.info,
            disabled=self.disabled,
            label_visibility=self.label_visibility,
        )
        files = uploaded if isinstance(uploaded, list) else [uploaded] if uploaded is not None else []
        identity = tuple(f.file_id for f in files)
        if identity != session.get(f"{key}:seen", ()):
            payload = [MediaFile(safe_filename(f.name), f.getvalue()) for f in _within_limit(files)]
            # The value first, then the mark: a run cut short between the two sets the same value again.
            session[key] = (payload if self.multiple_files else payload[0]) if payload else None
            session[f"{key}:seen"] = identity


def _within_limit(files: list) -> list:
    """The files within ``max_file_bytes``; the others are also dropped from Streamlit's upload store."""
    limit = max_file_bytes.get()
    if limit is None or all(f.size <= limit for f in files):
        return files
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    remove = getattr(ctx.uploaded_file_mgr, "remove_file", None) if ctx is not None else None
    for f in files:
        if f.size > limit and remove is not None:
            remove(session_id=ctx.session_id, file_id=f.file_id)
    shown = f"{limit / 1024 / 1024:.1f}MB" if limit >= 1024 * 1024 else f"{limit / 1024:.1f}KB"
    st.error(f"File must be {shown} or smaller.")
    return [f for f in files if f.size <= limit]
