"""Gradio themes, mapped onto Streamlit's theme options where they can be.

Streamlit themes a whole server (light or dark base, a primary colour), so a
theme applies when stface starts the server (``launch()``, ``stface launch``).
Under ``streamlit run`` set ``[theme]`` in ``.streamlit/config.toml`` instead.
Anything that does not map (hub themes, fonts, spacing) is reported once.

Example:
    >>> import stface as gr
    >>> gr.themes.Soft(primary_hue="green").streamlit_options()
    {'theme.base': 'light', 'theme.primaryColor': '#22c55e'}
"""

from __future__ import annotations

import warnings
from typing import Any

from stface._kwargs import StfaceCompatibilityWarning

__all__ = ["Base", "Citrus", "Default", "Glass", "Monochrome", "Ocean", "Origin", "Soft", "theme_options"]

HUES = {
    "slate": "#64748b", "gray": "#6b7280", "zinc": "#71717a", "neutral": "#737373", "stone": "#78716c",
    "red": "#ef4444", "orange": "#f97316", "amber": "#f59e0b", "yellow": "#eab308", "lime": "#84cc16",
    "green": "#22c55e", "emerald": "#10b981", "teal": "#14b8a6", "cyan": "#06b6d4", "sky": "#0ea5e9",
    "blue": "#3b82f6", "indigo": "#6366f1", "violet": "#8b5cf6", "purple": "#a855f7", "fuchsia": "#d946ef",
    "pink": "#ec4899", "rose": "#f43f5e",
}  # fmt: skip


class Base:
    """A Gradio theme (``gr.Theme`` is this class): ``primary_hue`` becomes Streamlit's primary colour.

    Example:
        >>> import stface as gr
        >>> gr.Theme(primary_hue="red").streamlit_options()["theme.primaryColor"]
        '#ef4444'
    """

    default_hue = "blue"
    base = "light"

    def __init__(self, *, primary_hue: Any = None, **_: Any) -> None:
        self.primary_hue = primary_hue or self.default_hue

    def streamlit_options(self) -> dict[str, str]:
        hue = getattr(self.primary_hue, "name", self.primary_hue)
        colour = HUES.get(str(hue).lower(), str(hue) if str(hue).startswith("#") else None)
        options = {"theme.base": self.base}
        if colour:
            options["theme.primaryColor"] = colour
        return options


class Default(Base):
    default_hue = "orange"


class Origin(Default):
    pass


class Soft(Base):
    default_hue = "indigo"


class Glass(Base):
    default_hue = "stone"


class Monochrome(Base):
    default_hue = "neutral"


class Citrus(Base):
    default_hue = "amber"


class Ocean(Base):
    default_hue = "cyan"


_NAMED = {"default": Default(), "origin": Origin(), "soft": Soft(), "glass": Glass(), "monochrome": Monochrome(),
          "citrus": Citrus(), "ocean": Ocean(), "base": Base()}  # fmt: skip


def theme_options(theme: Any) -> dict[str, str]:
    """Streamlit config options for a Gradio theme (a name or a theme object)."""
    if theme is None:
        return {}
    if isinstance(theme, str):
        name = theme.lower()
        if name in ("dark", "light"):
            return {"theme.base": name}
        if name in _NAMED:
            return _NAMED[name].streamlit_options()
    elif hasattr(theme, "streamlit_options"):
        return theme.streamlit_options()
    warnings.warn(
        f"theme={theme!r} has no Streamlit equivalent and is ignored; use 'default', 'soft', 'glass', "
        "'monochrome', 'dark', 'light' or gr.themes.*, or set [theme] in .streamlit/config.toml.",
        StfaceCompatibilityWarning,
        stacklevel=3,
    )
    return {}
