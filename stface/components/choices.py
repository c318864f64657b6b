"""Choice components: Dropdown, Radio, Checkbox and CheckboxGroup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from stface.components.base import Component
from stface.errors import Error

__all__ = ["Checkbox", "CheckboxGroup", "Dropdown", "Radio"]

_TYPES = ("value", "index")


def _normalise_choices(choices: Sequence[Any] | None) -> list[tuple[str, Any]]:
    """Gradio accepts plain values or Gradio 4's ``(display name, value)`` pairs."""
    pairs = []
    for choice in choices or []:
        if isinstance(choice, (tuple, list)) and len(choice) == 2:
            pairs.append((_name(choice[0]), choice[1]))
        else:
            pairs.append((_name(choice), choice))
    return pairs


def _name(name: Any) -> str:
    return name if isinstance(name, str) else str(name)  # a gr.I18n name stays translatable


class _Choices(Component[Any]):
    """Shared behaviour of components that pick from ``choices``."""

    def __init__(self, choices: Sequence[Any] | None = None, *, type: str = "value", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if type not in _TYPES:
            raise ValueError(f"{self.__class__.__name__} type must be 'value' or 'index'; got {type!r}.")
        self.choices = _normalise_choices(choices)
        self.type = type

    @property
    def values(self) -> list[Any]:
        return [value for _, value in self.choices]

    def name_of(self, value: Any) -> str:
        """The name shown for a choice's value."""
        for name, choice in self.choices:
            if choice == value:
                return name
        return str(value)

    def _check(self, value: Any, *, custom_allowed: bool = False) -> Any:
        if value in self.values or custom_allowed:
            return value
        accepted = ", ".join(repr(v) for v in self.values)
        raise Error(f"{value!r} is not a choice of '{self.display_label}'. Choose one of: {accepted}.")

    def _index(self, value: Any) -> int | None:
        return self.values.index(value) if value in self.values else None


class Dropdown(_Choices):
    """A drop-down list; one value, or several with ``multiselect=True``.

    Args:
        choices: the options, plain values or ``(display name, value)`` pairs.
        type: ``"value"`` passes the chosen value to fn, ``"index"`` its position.
        multiselect: allow several choices (fn receives a list).
        allow_custom_value: accept a typed value that is not in ``choices``.

    Example:
        >>> import stface as gr
        >>> gr.Dropdown(["C", "D", "E"], type="index").preprocess("D")
        1
    """

    gradio_ignored = frozenset({"filterable", "max_choices"})

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = None,
        type: Literal["value", "index"] = "value",
        multiselect: bool | None = None,
        allow_custom_value: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(choices, type=type, value=value, **kwargs)
        self.multiselect = bool(multiselect)
        self.allow_custom_value = allow_custom_value

    def preprocess(self, payload: Any) -> Any:
        """Chosen value(s) -> the value(s), or their indices with ``type="index"``."""
        if self.multiselect:
            chosen = [self._check(v, custom_allowed=self.allow_custom_value) for v in payload or []]
            return chosen if self.type == "value" else [self._index(v) for v in chosen]
        if payload is None:
            return None
        chosen = self._check(payload, custom_allowed=self.allow_custom_value)
        return chosen if self.type == "value" else self._index(chosen)

    def initial_payload(self) -> Any:
        value = super().initial_payload()
        if self.multiselect:
            return [] if value is None else list(value) if isinstance(value, (list, tuple)) else [value]
        return value


class Radio(_Choices):
    """A set of radio buttons: exactly one choice.

    Example:
        >>> import stface as gr
        >>> gr.Radio(["add", "subtract"]).preprocess("add")
        'add'
    """

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = None,
        type: Literal["value", "index"] = "value",
        **kwargs: Any,
    ) -> None:
        super().__init__(choices, type=type, value=value, **kwargs)

    def preprocess(self, payload: Any) -> Any:
        """Chosen value -> the value, or its index with ``type="index"``."""
        if payload is None:
            return None
        chosen = self._check(payload)
        return chosen if self.type == "value" else self._index(chosen)


class CheckboxGroup(_Choices):
    """Several choices at once: fn receives a list of values (or indices).

    Example:
        >>> import stface as gr
        >>> gr.CheckboxGroup(["a", "b", "c"], type="index").preprocess(["a", "c"])
        [0, 2]
    """

    def __init__(
        self,
        choices: Sequence[Any] | None = None,
        *,
        value: Any = None,
        type: Literal["value", "index"] = "value",
        **kwargs: Any,
    ) -> None:
        super().__init__(choices, type=type, value=value, **kwargs)

    def preprocess(self, payload: Any) -> list[Any]:
        """Chosen values -> values (in choice order), or indices."""
        chosen = [self._check(v) for v in payload or []]
        ordered = [v for v in self.values if v in chosen]
        return ordered if self.type == "value" else [self._index(v) for v in ordered]

    def initial_payload(self) -> list[Any]:
        value = super().initial_payload()
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]

    def postprocess(self, value: Any) -> list[Any]:
        if value is None:
            return []
        return list(value) if isinstance(value, (list, tuple, set)) else [value]


class Checkbox(Component[bool]):
    """A single checkbox: ``bool`` in and out.

    Example:
        >>> import stface as gr
        >>> gr.Checkbox(label="Morning").preprocess(True)
        True
    """

    def __init__(self, value: bool = False, **kwargs: Any) -> None:
        super().__init__(value, **kwargs)

    def preprocess(self, payload: Any) -> bool:
        return bool(payload)

    def postprocess(self, value: Any) -> bool:
        return bool(value)

    def initial_payload(self) -> bool:
        return bool(super().initial_payload())
