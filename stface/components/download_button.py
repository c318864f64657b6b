"""DownloadButton (Gradio 4+): a button that downloads the file fn returns."""

from __future__ import annotations

import os
from typing import Any

from stface.components._codecs import MediaFile
from stface.components.base import Component
from stface.components.files import NamedString, as_file

__all__ = ["DownloadButton"]


class DownloadButton(Component[MediaFile | None]):
    """A button labelled ``label`` that downloads a file; fn returns the file's path.

    As an input (rare in Gradio too) fn receives the path of its ``value``.

    Example:
        >>> import stface as gr
        >>> gr.DownloadButton("Get it").postprocess(None) is None
        True
    """

    gradio_ignored = frozenset({"variant", "size", "icon", "every", "inputs"})

    def __init__(self, label: str = "Download", value: Any = None, **kwargs: Any) -> None:
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, payload: Any) -> str | None:
        if payload is None:
            return None
        if isinstance(payload, (str, os.PathLike)):
            return NamedString(os.fspath(payload))
        from stface.paths import save_bytes

        return NamedString(save_bytes(payload.data, payload.name))

    def postprocess(self, value: Any) -> MediaFile | None:
        """A path (or bytes) -> the file the button downloads (the path must be servable)."""
        return None if value is None else as_file(value, output=True)

    def initial_payload(self) -> MediaFile | None:
        value = super().initial_payload()
        return None if value is None else as_file(value, output=True)

    def as_python(self, payload: MediaFile | None) -> str | None:
        return self.preprocess(payload)
