"""Small helpers Gradio apps call: ``gr.NO_RELOAD``, ``gr.validate`` (and ``gradio.helpers``' names).

``NO_RELOAD`` is Gradio's reload idiom. Under ``stface launch``, an edited
app file is executed again in the same module namespace, with ``NO_RELOAD``
false, so code under ``if gr.NO_RELOAD:`` (a model load) runs once and its
names stay defined::

    import stface as gr

    if gr.NO_RELOAD:
        model = load_big_model()  # not again when app.py is edited

``validate`` is what an Interface ``validator=`` returns for each input.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from stface.errors import Error
from stface.events import EventData
from stface.messages import Info, Success, Warning
from stface.progress import Progress
from stface.updates import skip, update

__all__ = [
    "NO_RELOAD", "DynamicBoolean", "Error", "EventData", "Info", "Progress", "Success", "Warning", "check_inputs",
    "skip", "update", "validate",
]  # fmt: skip


class DynamicBoolean(int):
    """A truth value that can change after ``from stface import NO_RELOAD`` (Gradio's own trick).

    Example:
        >>> flag = DynamicBoolean(True)
        >>> flag.set(False)
        >>> bool(flag)
        False
    """

    def __init__(self, value: int) -> None:
        self.value = bool(value)

    def __bool__(self) -> bool:
        return self.value

    def __repr__(self) -> str:
        return repr(self.value)

    def set(self, value: int) -> None:
        self.value = bool(value)


#: True on an app's first execution, False while ``stface launch`` executes an edited app file again.
NO_RELOAD = DynamicBoolean(True)


def validate(is_valid: bool, message: str) -> dict[str, Any]:
    """One input's verdict, returned by an Interface ``validator=`` (Gradio 6).

    Example:
        >>> import stface as gr
        >>> def check(name, age):
        ...     return [gr.validate(bool(name), "Enter a name."), gr.validate(age >= 0, "Age cannot be negative.")]
        >>> demo = gr.Interface(lambda n, a: f"{n}: {a}", ["text", "number"], "text", validator=check)
        >>> demo("Ada", -1)
        Traceback (most recent call last):
        ...
        stface.errors.Error: Age cannot be negative.
    """
    return {"__type__": "validate", "is_valid": bool(is_valid), "message": str(message)}


def check_inputs(validator: Callable[..., Any], args: Sequence[Any], labels: Sequence[str]) -> None:
    """Run ``validator`` on fn's arguments; raise ``gr.Error`` naming each input it rejects.

    As in Gradio, it returns one ``gr.validate(...)`` per input (anything
    else counts as valid) or one for the whole call.
    """
    verdicts = validator(*args)
    if isinstance(verdicts, dict):
        if verdicts.get("is_valid") is False:
            raise Error(verdicts.get("message") or "The inputs are not valid.")
        return
    if not isinstance(verdicts, (list, tuple)):
        return
    rejected = [
        (label, verdict.get("message") or "not valid")
        for label, verdict in zip(labels, verdicts)
        if isinstance(verdict, dict) and verdict.get("__type__") == "validate" and verdict.get("is_valid") is False
    ]
    if len(rejected) == 1:
        raise Error(rejected[0][1])
    if rejected:
        raise Error(" ".join(f"{label}: {message}" for label, message in rejected))
