"""Gradio keyword arguments that stface accepts but does not act on.

Gradio apps pass many layout and front-end options (``scale``, ``elem_id``,
``show_copy_button`` ...) that have no Streamlit counterpart, and apps written
for Gradio 3.x pass options that Gradio itself had retired (``optional=``,
``gr.Video(type="file")``, ``.style(...)``). Gradio 3.50 built such components
and only warned, so stface does the same: one warning per call that names
every option without effect, with a "did you mean" for a likely misspelling
of a real option. Only ``launch()`` refuses unknown options, as Gradio does.
"""

from __future__ import annotations

import difflib
import os
import sys
import types
import warnings
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["StfaceCompatibilityWarning", "check_gradio_kwargs", "retired_value", "warn_compatibility"]


class StfaceCompatibilityWarning(UserWarning):
    """A Gradio option was accepted but has no effect under stface."""


def check_gradio_kwargs(
    owner: str,
    given: Mapping[str, object],
    *,
    ignored: Iterable[str],
    known: Iterable[str] = (),
    strict: bool = False,
) -> None:
    """Warn once about options without effect; with ``strict``, an unknown one is a TypeError.

    ``owner`` names the callable in messages (``"Textbox()"``); ``ignored`` are
    Gradio parameter names that stface accepts without acting on them; ``known``
    are the parameters the callable does act on, used for suggestions.
    """
    ignored = set(ignored)
    candidates = sorted(ignored | set(known))
    unknown = {name: _closest(name, candidates) for name in given if name not in ignored}
    if strict and unknown:
        name, close = next(iter(unknown.items()))
        hint = f" Did you mean '{close}'?" if close else ""
        raise TypeError(f"{owner} got an unexpected keyword argument '{name}'.{hint}")
    if not given:
        return
    names = [f"{name} (did you mean '{unknown[name]}'?)" if unknown.get(name) else name for name in sorted(given)]
    warn_compatibility(f"{owner}: these options have no effect in stface: {', '.join(names)}. "
                       "Remove them to silence this warning.")  # fmt: skip


def retired_value(owner: str, name: str, value: Any, replacements: Mapping[Any, Any]) -> Any:
    """A value Gradio once took for ``name``, replaced by today's, with a warning.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     retired_value("Image()", "type", "file", {"file": "filepath"})
        'filepath'
    """
    if not isinstance(value, str) or value not in replacements:
        return value
    new = replacements[value]
    warn_compatibility(f"{owner}: {name}={value!r} is an old Gradio spelling; stface uses {name}={new!r}. "
                       f"Pass {name}={new!r} to silence this warning.")  # fmt: skip
    return new


def warn_compatibility(message: str) -> None:
    """One StfaceCompatibilityWarning, pointing at the app's line that caused it."""
    warnings.warn(message, StfaceCompatibilityWarning, stacklevel=_user_stacklevel())


def _closest(name: str, candidates: list[str]) -> str | None:
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.7)
    return close[0] if close else None


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def in_stface(path: str) -> bool:
    """True for a file of the stface package itself."""
    return os.path.abspath(path).startswith(_PACKAGE)


def app_caller(depth: int = 2) -> tuple[types.FrameType | None, int]:
    """The first frame outside stface, searching up from ``depth`` frames above this one, and its
    stack level counted from that starting frame (1). Warnings point at that line of the app, and an
    Interface belongs to its file's folder.
    """
    frame, level = sys._getframe(depth), 1
    while frame is not None and in_stface(frame.f_code.co_filename):
        frame, level = frame.f_back, level + 1
    return frame, level


def _user_stacklevel() -> int:
    """The stack level, counted from the caller, of the app's line that called into stface."""
    return app_caller(2)[1]
