"""``gr.update(...)`` and ``gr.skip()``: fn changes an output's options, not only its value.

As in Gradio 3.50's Interface, fn may return, for an output, ``gr.update(value=...,
visible=..., label=..., choices=..., interactive=...)``, or a component
instance (``gr.Textbox(visible=False)``), whose options apply from then on in
that browser session. An update without ``value`` (and ``gr.skip()``) keeps
the output's current value.

Example:
    >>> import stface as gr
    >>> def hide(text):
    ...     return gr.update(value=text.upper(), visible=bool(text))
    >>> gr.Interface(hide, "text", "text")("hi")
    'HI'
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from stface.components.base import Component

__all__ = ["KEEP", "Merged", "Updated", "apply", "skip", "unwrapped", "update", "updated"]

#: What an update without a value holds: the output keeps what it shows.
KEEP: Any = type("Keep", (), {"__repr__": lambda self: "KEEP"})()

#: Options an update may change (others are ignored with no effect, as Gradio ignores unknown props).
UPDATABLE = frozenset({"label", "visible", "interactive", "show_label", "info", "placeholder", "choices", "lines",
                       "max_lines", "minimum", "maximum", "step", "num_top_classes", "headers", "language"})  # fmt: skip


def update(**props: Any) -> dict[str, Any]:
    """An update of an output: its new ``value`` and/or options (Gradio's ``gr.update``).

    Example:
        >>> import stface as gr
        >>> gr.update(visible=False)
        {'__type__': 'update', 'visible': False}
    """
    return {"__type__": "update", **props}


def skip() -> dict[str, Any]:
    """Leave this output as it is (Gradio 5's ``gr.skip()``).

    Example:
        >>> import stface as gr
        >>> gr.skip()
        {'__type__': 'update'}
    """
    return {"__type__": "update"}


@dataclass(frozen=True)
class Updated:
    """An output's new payload (or ``KEEP``) with the options fn changed."""

    payload: Any
    props: dict[str, Any] = field(default_factory=dict)


def updated(component: Component, value: Any) -> tuple[Any, dict[str, Any]] | None:
    """``(new value or KEEP, options)`` when ``value`` is an update or a component; else None."""
    if isinstance(value, dict) and value.get("__type__") == "update":
        props = {k: v for k, v in value.items() if k != "__type__"}
    elif isinstance(value, Component):
        blank = _default_instance(type(value))
        props = {k: getattr(value, k) for k in UPDATABLE if hasattr(value, k) and getattr(value, k) != getattr(blank, k, None)}
        if value.value is not None:
            props["value"] = value.value
    else:
        return None
    new = props.pop("value", KEEP)
    return new, {k: v for k, v in props.items() if k in UPDATABLE}


def unwrapped(payload: Any) -> Any:
    """The payload itself (``KEEP`` for an update without a value)."""
    return payload.payload if isinstance(payload, Updated) else payload


def _default_instance(kind: type) -> Any:
    try:
        return kind()
    except TypeError:  # a component whose arguments are required
        return None


def apply(component: Component, props: dict[str, Any]) -> Component:
    """A copy of ``component`` with the options an update changed (the original is shared by every session)."""
    if not props:
        return component
    changed = copy.copy(component)
    for name, value in props.items():
        if name == "choices":
            from stface.components.choices import _normalise_choices

            value = _normalise_choices(value)
        setattr(changed, name, value)
    return changed


class Merged:
    """A stream's updates as the page shows them after each one: what Gradio's outputs keep between updates.

    An output keeps its last value until an update gives it a new one, and
    the options updates change add up (a label set by the first update stays
    when the next one only sets the value). An output no update has given a
    value yet stays ``KEEP``: it shows the request before.

    Example:
        >>> merged = Merged()
        >>> merged.add([Updated("first", {"label": "Answer"}), KEEP])
        [Updated(payload='first', props={'label': 'Answer'}), Updated(payload=KEEP, props={})]
        >>> merged.add([Updated(KEEP, {}), "x"])
        [Updated(payload='first', props={'label': 'Answer'}), 'x']
    """

    def __init__(self) -> None:
        self._values: list[Any] = []
        self._props: dict[int, dict[str, Any]] = {}

    def add(self, outputs: list[Any]) -> list[Any]:
        """Take one update; return every output as it now shows."""
        values = []
        for index, output in enumerate(outputs):
            if isinstance(output, Updated):
                if output.props:
                    self._props.setdefault(index, {}).update(output.props)
                output = output.payload
            if output is KEEP and index < len(self._values):
                output = self._values[index]
            values.append(output)
        self._values = values
        return [Updated(v, dict(self._props.get(i, {}))) if i in self._props or v is KEEP else v
                for i, v in enumerate(values)]  # fmt: skip
