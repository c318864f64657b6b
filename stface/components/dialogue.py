"""Dialogue (Gradio 6): lines of speech, each with a speaker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from stface.components.base import Component
from stface.errors import ComponentValueError

__all__ = ["Dialogue"]

Line = dict[str, str]


class Dialogue(Component[list[Line] | str | None]):
    """A dialogue: a list of ``{"speaker": ..., "text": ...}`` lines, or plain text.

    fn receives the lines formatted into one string (``type="text"``,
    ``"[Speaker] text"`` per line, joined by ``separator``; ``formatter``
    changes a line's form) or the list itself (``type="list"``). Without
    ``speakers`` the input is a plain text area.

    Example:
        >>> import stface as gr
        >>> d = gr.Dialogue(speakers=["Ann", "Bo"])
        >>> d.preprocess([{"speaker": "Ann", "text": "Hi"}, {"speaker": "Bo", "text": "Hello"}])
        '[Ann] Hi\\n[Bo] Hello'
    """

    gradio_ignored = frozenset({"tags", "color_map", "autofocus", "autoscroll", "max_lines", "buttons", "submit_btn",
                                "ui_mode"})  # fmt: skip

    def __init__(
        self,
        value: Any = None,
        *,
        type: Literal["list", "text"] = "text",
        speakers: list[str] | None = None,
        formatter: Callable[[str, str], str] | None = None,
        unformatter: Callable[[str, str], Line] | None = None,
        separator: str = "\n",
        placeholder: str | None = None,
        label: str | None = "Dialogue",
        **kwargs: Any,
    ) -> None:
        super().__init__(value, label=label, **kwargs)
        if type not in ("list", "text"):
            raise ValueError(f"Dialogue type must be 'list' or 'text'; got {type!r}.")
        self.type = type
        self.speakers = list(speakers or [])
        self.formatter = formatter
        self.unformatter = unformatter
        self.separator = separator
        self.placeholder = placeholder

    def lines(self, payload: Any) -> list[Line]:
        """Any accepted value -> dialogue lines."""
        if payload is None or payload == "":
            return []
        if isinstance(payload, str):
            speaker = self.speakers[0] if self.speakers else ""
            unformat = self.unformatter or _unformat
            return [unformat(line, speaker) for line in payload.split(self.separator) if line.strip()]
        lines = []
        for line in payload:
            if not isinstance(line, dict) or "text" not in line:
                raise ComponentValueError(
                    f"Dialogue '{self.display_label}' takes lines like {{'speaker': 'Ann', 'text': 'Hi'}}; got {line!r}."
                )
            lines.append({"speaker": str(line.get("speaker") or ""), "text": str(line["text"])})
        return lines

    def format(self, lines: list[Line]) -> str:
        formatter = self.formatter or (lambda speaker, text: f"[{speaker}] {text}" if speaker else text)
        return self.separator.join(formatter(line["speaker"], line["text"]) for line in lines)

    def preprocess(self, payload: Any) -> list[Line] | str:
        """The lines -> fn's value: formatted text, or the list (``type="list"``)."""
        if isinstance(payload, str) and not self.speakers:
            return payload if self.type == "text" else self.lines(payload)
        lines = self.lines(payload)
        return lines if self.type == "list" else self.format(lines)

    def postprocess(self, value: Any) -> list[Line] | str | None:
        """Text or lines from fn -> what the output shows."""
        if value is None or isinstance(value, str):
            return value
        return self.lines(value)

    def initial_payload(self) -> list[Line] | str:
        value = super().initial_payload()
        if self.speakers:
            return self.lines(value) or [{"speaker": self.speakers[0], "text": ""}]
        return value if isinstance(value, str) else self.format(self.lines(value))


def _unformat(line: str, default_speaker: str) -> Line:
    """Gradio 6's default: ``"[speaker] text"``, or the whole line for the default speaker."""
    line = line.strip()
    if line.startswith("[") and "]" in line:
        end = line.index("]")
        return {"speaker": line[1:end], "text": line[end + 1 :].strip()}
    return {"speaker": default_speaker, "text": line}
