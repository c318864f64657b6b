"""Gradio's event data classes (``gr.EventData``, ``gr.SelectData`` ...), for apps that name them.

In Gradio these carry what a Blocks event listener was triggered with. An
Interface runs fn on submit, so of these only ``gr.EventData`` itself is
filled in: a parameter of fn annotated ``gr.EventData`` receives one whose
``target`` is None and whose ``_data`` is ``{}`` (Gradio gives a submit
click no data either). The subclasses are provided with Gradio's fields so
that code building or inspecting them runs unchanged; an fn parameter
annotated with one of them receives ``None``, since no Interface event
produces them (Gradio would fail building one from a submit click).

Example:
    >>> import stface as gr
    >>> selected = gr.SelectData(None, {"index": [0, 1], "value": "cell"})
    >>> selected.index, selected.value, selected.selected
    ([0, 1], 'cell', True)
"""

from __future__ import annotations

from typing import Any

from stface.data_classes import FileData

__all__ = [
    "CopyData", "DeletedFileData", "DownloadData", "EditData", "EventData", "KeyUpData", "LikeData", "RetryData",
    "SelectData", "UndoData",
]  # fmt: skip


class EventData:
    """What triggered an event: ``target`` (the component) and the raw ``_data``.

    Example:
        >>> import stface as gr
        >>> gr.EventData(None, {})._data
        {}
    """

    def __init__(self, target: Any, _data: Any) -> None:
        self.target = target
        self._data = _data


class SelectData(EventData):
    """A selection: ``index``, ``value``, ``row_value``, ``col_value`` and ``selected``.

    Example:
        >>> import stface as gr
        >>> gr.SelectData(None, {"index": 2, "value": "b"}).index
        2
    """

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.index: Any = data["index"]
        self.value: Any = data["value"]
        self.row_value: Any = data.get("row_value")
        self.col_value: Any = data.get("col_value")
        self.selected: bool = data.get("selected", True)


class KeyUpData(EventData):
    """A key released in a textbox: ``key`` and ``input_value``.

    Example:
        >>> import stface as gr
        >>> gr.KeyUpData(None, {"key": "a", "input_value": "ha"}).key
        'a'
    """

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.key: str = data["key"]
        self.input_value: str = data["input_value"]


class _IndexedData(EventData):
    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.index: int | tuple[int, int] = data["index"]
        self.value: Any = data["value"]


class LikeData(_IndexedData):
    """A chat message liked or disliked: ``index``, ``value`` and ``liked``.

    Example:
        >>> import stface as gr
        >>> gr.LikeData(None, {"index": 1, "value": "hi", "liked": False}).liked
        False
    """

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.liked: bool | str = data.get("liked", True)


class RetryData(_IndexedData):
    """A chat message retried: ``index`` and ``value``.

    Example:
        >>> import stface as gr
        >>> gr.RetryData(None, {"index": 1, "value": "hi"}).value
        'hi'
    """


class UndoData(_IndexedData):
    """A chat message undone: ``index`` and ``value``.

    Example:
        >>> import stface as gr
        >>> gr.UndoData(None, {"index": 1, "value": "hi"}).index
        1
    """


class EditData(_IndexedData):
    """A chat message edited: ``index``, ``previous_value`` and ``value``.

    Example:
        >>> import stface as gr
        >>> gr.EditData(None, {"index": 0, "value": "new", "previous_value": "old"}).previous_value
        'old'
    """

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.previous_value: Any = data["previous_value"]


class CopyData(EventData):
    """Something copied: ``value``.

    Example:
        >>> import stface as gr
        >>> gr.CopyData(None, {"value": "text"}).value
        'text'
    """

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.value: Any = data["value"]


class DeletedFileData(EventData):
    """A file removed from a File input: ``file`` (a ``gr.FileData``).

    Example:
        >>> import stface as gr
        >>> gr.DeletedFileData(None, {"path": "/tmp/a.txt"}).file.orig_name
        'a.txt'
    """

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.file = FileData(**data)


class DownloadData(EventData):
    """A file downloaded: ``file`` (a ``gr.FileData``).

    Example:
        >>> import stface as gr
        >>> gr.DownloadData(None, {"path": "/tmp/b.png"}).file.mime_type
        'image/png'
    """

    def __init__(self, target: Any, data: Any) -> None:
        super().__init__(target, data)
        self.file = FileData(**data)
