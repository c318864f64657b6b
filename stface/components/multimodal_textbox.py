"""MultimodalTextbox (Gradio 4+): text with files attached."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from stface.components._codecs import MediaFile
from stface.components._media import MediaComponent
from stface.errors import Error

__all__ = ["MultimodalTextbox"]


class MultimodalTextbox(MediaComponent[dict[str, Any]]):
    """Text plus files: fn gets ``{"text": str, "files": [paths]}``, as in Gradio.

    Args:
        file_types: accepted extensions or kinds (``["image", ".pdf"]``).
        file_count: ``"single"`` or ``"multiple"``.
        lines, max_lines, placeholder: as for Textbox.

    Example:
        >>> import stface as gr
        >>> gr.MultimodalTextbox().preprocess({"text": "hi", "files": []})
        {'text': 'hi', 'files': []}
    """

    gradio_ignored = frozenset({"sources", "submit_btn", "stop_btn", "autofocus", "autoscroll", "rtl", "text_align",
                                "max_plain_text_length", "html_attributes", "every", "inputs"})  # fmt: skip

    _KINDS = {"image": ["png", "jpg", "jpeg", "gif", "webp", "bmp"], "audio": ["wav", "mp3", "ogg", "flac", "m4a"],
              "video": ["mp4", "webm", "mov", "mkv"], "text": ["txt", "md", "csv", "json"]}  # fmt: skip

    def __init__(
        self,
        value: Any = None,
        *,
        file_types: list[str] | None = None,
        file_count: Literal["single", "multiple", "directory"] = "single",
        lines: int = 1,
        max_lines: int = 20,
        placeholder: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        self.file_types = file_types
        self.multiple_files = file_count != "single"
        self.upload_types = [e for t in file_types or [] for e in self._KINDS.get(t, [t.lstrip(".").lower()])]
        self.lines, self.max_lines, self.placeholder = max(1, lines), max_lines, placeholder

    def _path(self, file: Any) -> str:
        if isinstance(file, MediaFile):
            from stface.paths import save_bytes

            return save_bytes(file.data, file.name)
        path = os.fspath(file["path"] if isinstance(file, dict) else file)
        if self.upload_types and Path(path).suffix.lstrip(".").lower() not in self.upload_types:
            raise Error(f"Invalid file type: {Path(path).name}. Please upload a file that is one of these formats: "
                        f"{self.file_types}.")  # fmt: skip
        return path

    def preprocess(self, payload: Any) -> dict[str, Any] | None:
        """Text and files -> ``{"text", "files": [paths]}`` (uploads are saved)."""
        if payload is None:
            return None
        if isinstance(payload, str):
            return {"text": payload, "files": []}
        files = payload.get("files") or []
        return {"text": str(payload.get("text") or ""), "files": [self._path(f) for f in files]}

    def postprocess(self, value: Any) -> dict[str, Any]:
        if value is None:
            return {"text": "", "files": []}
        if isinstance(value, str):
            return {"text": value, "files": []}
        if not isinstance(value, dict):
            raise Error(f"MultimodalTextbox expects a str or a dict with 'text' and 'files'; got {type(value).__name__}.")
        return {"text": str(value.get("text") or ""), "files": list(value.get("files") or [])}

    def initial_payload(self) -> dict[str, Any]:
        return self.postprocess(super().initial_payload())

    def as_python(self, payload: dict[str, Any]) -> dict[str, Any]:
        return self.preprocess(payload)
