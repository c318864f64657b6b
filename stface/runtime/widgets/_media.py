"""What the media widgets share: the uploader, and how their value is kept.

Streamlit forbids setting a file uploader's value, so a media input keeps
its *current value* under ``keys.value`` (set by an upload, a recording, an
example or Clear) and draws its uploader under a versioned key: ``store``
bumps the version, which gives the person a fresh, empty uploader.
"""

from __future__ import annotations

import contextvars
from typing import Any

import streamlit as st

from stface.components._codecs import MediaFile
from stface.components._media import MediaComponent
from stface.paths import safe_filename
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget

__all__ = ["MediaWidget", "max_file_bytes"]

#: ``launch(max_file_size=...)`` in bytes while an interface draws its inputs.
#: Streamlit's server refuses only whole MiB, so a smaller limit is kept here.
max_file_bytes: contextvars.ContextVar[int | None] = contextvars.ContextVar("stface_max_file_bytes", default=None)


class MediaWidget(Widget[MediaComponent]):
    """A widget whose input comes from an uploader (and maybe a device)."""

    def store(self, state: Any, keys: WidgetKeys, payload: Any) -> None:
        state[keys.value] = payload
        state[keys.version] = state.get(keys.version, 0) + 1
        state[keys.seen] = ()  # the new uploader starts empty; that is not a removal

    def output_header(self, payload: Any, nothing: str) -> bool:
        """Caption the output; say ``nothing`` and return False when there is none."""
        self.caption()
        if payload is None or (isinstance(payload, list) and not payload):
            st.caption(nothing)
            return False
        return True

    def accept_multiple_files(self) -> bool | str:
        """What the uploader takes: one file (False), several (True) or a folder (``"directory"``)."""
        return self.component.multiple_files

    def upload(self, keys: WidgetKeys, *, label: str | None = None) -> None:
        """Draw the uploader; a newly chosen file becomes the current value."""
        media, session = self.component, st.session_state
        uploaded = st.file_uploader(
            label or self.label,
            type=media.upload_types or None,
            accept_multiple_files=self.accept_multiple_files(),
            key=keys.versioned("upload", session.get(keys.version, 0)),
            help=self.help,
            disabled=self.disabled,
            label_visibility=self.label_visibility,
        )
        # The place of "file too large", in every run: shown in one run only, it would move what follows.
        too_large = st.empty() if max_file_bytes.get() is not None else None
        files = uploaded if isinstance(uploaded, list) else [uploaded] if uploaded is not None else []
        identity = tuple(f.file_id for f in files)
        if identity != session.get(keys.seen, ()):
            payload = [MediaFile(safe_filename(f.name), f.getvalue()) for f in _within_limit(files, too_large)]
            # The value first, then the mark: a run cut short between the two sets the same value again.
            session[keys.value] = (payload if media.multiple_files else payload[0]) if payload else None
            session[keys.seen] = identity


def _within_limit(files: list, note: Any) -> list:
    """The files within ``max_file_bytes``; the others are also dropped from Streamlit's upload store.

    ``note`` (a placeholder made in every run) says which limit a file broke.
    """
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
    (note if note is not None else st).error(f"File must be {shown} or smaller.")
    return [f for f in files if f.size <= limit]
