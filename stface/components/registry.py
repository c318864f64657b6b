"""String shortcuts: ``"text"``, ``"slider"``, ``"mic"`` ... -> components.

Names resolve as Gradio 3.50 resolves them: the lower-cased class name of a
component or template, with underscores ignored (``"checkbox_group"``), or a
dict ``{"name": "dropdown", "choices": [...]}`` whose other keys are passed to
the class.
"""

from __future__ import annotations

from typing import Callable

from stface.components.base import Component

__all__ = ["component_from", "register_shortcut", "shortcut_names"]

_SHORTCUTS: dict[str, Callable[..., Component]] = {}


def register_shortcut(name: str, factory: Callable[..., Component]) -> None:
    """Make ``name`` (any case, underscores ignored) build ``factory(**kwargs)``."""
    _SHORTCUTS[_normal(name)] = factory


def shortcut_names() -> list[str]:
    """Every string shortcut that resolves, sorted."""
    return sorted(_SHORTCUTS)


def _normal(name: str) -> str:
    return name.lower().replace("_", "")


def component_from(spec: str | dict | Component, *, role: str = "component") -> Component:
    """Turn a component, a shortcut name or a ``{"name": ...}`` dict into a component.

    Example:
        >>> from stface.components.registry import component_from
        >>> component_from("textarea").lines
        7
    """
    if isinstance(spec, Component):
        return spec
    if isinstance(spec, str):
        return _factory(spec, role)()
    if isinstance(spec, dict):
        options = dict(spec)
        name = options.pop("name", None)
        if not isinstance(name, str):
            raise ValueError(f"A {role} given as a dict needs a 'name' key, e.g. {{'name': 'dropdown'}}.")
        return _factory(name, role)(**options)
    raise TypeError(
        f"A {role} must be a component (e.g. gr.Textbox()), a shortcut string (e.g. 'text') "
        f"or a dict with 'name'; got {type(spec).__name__}."
    )


def _factory(name: str, role: str) -> Callable[..., Component]:
    try:
        return _SHORTCUTS[_normal(name)]
    except KeyError:
        valid = ", ".join(shortcut_names())
        raise ValueError(f"Unknown {role} shortcut {name!r}. Valid names: {valid}.") from None
