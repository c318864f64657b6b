"""The interface every flagging callback has, as in Gradio: ``setup`` once, ``flag`` per sample."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["FlagMethod", "FlaggingCallback", "check_callback"]

_LOG = logging.getLogger("stface")


class FlaggingCallback(ABC):
    """What ``Interface(flagging_callback=...)`` calls, with Gradio's methods and arguments.

    ``setup(components, flagging_dir)`` is called once, when the Interface is
    built, with the components whose values are flagged (inputs, then
    outputs; State left out) and ``Interface(flagging_dir=...)``.
    ``flag(flag_data, flag_option, username)`` is called for each flagged
    sample: one value per component, shaped as Gradio's browser sends them
    (``stface.flagging.values`` lists the shapes: text and numbers as they
    are, files as FileData dicts). ``flag_option`` is the value of the Flag
    button clicked (``""`` for the plain "Flag" button and for automatic
    flagging), ``username`` the logged-in person or None. ``flag`` returns
    how many samples the store now holds.

    Example:
        >>> import stface as gr
        >>> class Remember(gr.FlaggingCallback):
        ...     def setup(self, components, flagging_dir):
        ...         self.labels, self.rows = [c.label for c in components], []
        ...     def flag(self, flag_data, flag_option="", username=None):
        ...         self.rows.append(dict(zip(self.labels, flag_data)))
        ...         return len(self.rows)
        >>> def shout(text):
        ...     return text.upper()
        >>> remember = Remember()
        >>> demo = gr.Interface(shout, "text", "text", flagging_callback=remember)
        >>> remember.labels, remember.flag(["hi", "HI"])
        (['text', 'output'], 1)
    """

    @abstractmethod
    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        """Get ready to flag values of ``components``, keeping what is written under ``flagging_dir``."""

    @abstractmethod
    def flag(self, flag_data: list[Any], flag_option: str | None = "", username: str | None = None) -> int:
        """Store one sample; return how many samples are stored."""


def check_callback(callback: Any) -> Any:
    """``callback`` when it has Gradio's ``setup`` and ``flag`` methods; a clear TypeError otherwise."""
    missing = [name for name in ("setup", "flag") if not callable(getattr(callback, name, None))]
    if missing:
        raise TypeError(
            f"flagging_callback must be a FlaggingCallback (with setup(components, flagging_dir) and "
            f"flag(flag_data, flag_option, username) methods); {type(callback).__name__} has no "
            f"{' or '.join(missing)}. Subclass stface.FlaggingCallback, or pass stface.CSVLogger()."
        )
    return callback


class FlagMethod:
    """Gradio's helper behind each Flag button: calls the callback with one option.

    ``FlagMethod(callback, label, value)(request, *flag_data)`` flags
    ``flag_data`` with ``value`` as the option and the request's username.
    As in Gradio, a failure is logged and returns ``"Error!"`` (the label the
    button would show); success returns the button's label (``reset()``).

    Example:
        >>> import stface as gr
        >>> class Count(gr.FlaggingCallback):
        ...     def setup(self, components, flagging_dir): self.n = 0
        ...     def flag(self, flag_data, flag_option="", username=None):
        ...         self.n += 1
        ...         return self.n
        >>> count = Count(); count.setup([], "flagged")
        >>> FlagMethod(count, "Flag as bad", "bad")(gr.Request(), "text", "TEXT"), count.n
        ('Flag as bad', 1)
    """

    def __init__(self, flagging_callback: FlaggingCallback, label: str, value: str | None,
                 visual_feedback: bool = True) -> None:  # fmt: skip
        self.flagging_callback = flagging_callback
        self.label = label
        self.value = value
        self.__name__ = "Flag"
        self.visual_feedback = visual_feedback

    def __call__(self, request: Any, *flag_data: Any) -> str | None:
        try:
            self.flagging_callback.flag(list(flag_data), flag_option=self.value,
                                        username=getattr(request, "username", None))  # fmt: skip
        except Exception:  # noqa: BLE001 - Gradio reports a failed flag on the button, never raises
            _LOG.exception("Error while flagging")
            return "Error!" if self.visual_feedback else None
        return self.reset() if self.visual_feedback else None

    def reset(self) -> str:
        return self.label
