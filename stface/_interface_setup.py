"""Building an Interface: resolving components, naming them, checking options.

Kept apart from ``interface.py`` so that the class reads as what an
Interface does, and this module as how its arguments are understood.
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable
from typing import Any

from stface._kwargs import app_caller, in_stface
from stface.caching import Cache
from stface.components.base import Component
from stface.components.registry import component_from
from stface.components.state import State
from stface.progress import Progress

__all__ = [
    "IGNORED_OPTIONS",
    "accordion_label",
    "app_dir",
    "as_list",
    "build_components",
    "empty",
    "example_labels",
    "flagging_mode",
    "flagging_options",
    "name_components",
    "normalise_examples",
    "parameters",
]

#: Gradio Interface options that have no Streamlit counterpart.
IGNORED_OPTIONS = frozenset(
    {
        "thumbnail", "analytics_enabled", "_api_mode", "allow_duplication", "js", "head",
        "fill_height", "fill_width",
        "show_progress",
        "deep_link", "concurrency_id", "cache_mode", "layout",
        "show_tips", "enable_queue", "allow_screenshot", "show_input", "show_output", "capture_session",
        "verbose", "encrypt", "height", "width", "preprocess", "postprocess", "mode", "theme_mode",
    }
)  # fmt: skip

FLAGGING_MODES = ("never", "auto", "manual")


def app_dir(fn: Callable) -> str | None:
    """The app's folder: where css ``file=`` references and fn's output paths are looked up.

    That is the folder of the file whose code builds the interface (the first
    caller outside stface), so ``gr.Parallel``, ``gr.load`` and an fn taken
    from a library (``gr.Interface(np.sum, ...)``) all belong to the app
    that made them. Code with no file (a notebook cell) falls back to the
    module that defines fn, then to the working directory (None).
    """
    frame, _ = app_caller()
    candidates = [frame.f_code.co_filename if frame is not None else None]
    module = sys.modules.get(getattr(fn, "__module__", "") or "")
    candidates.append(getattr(module, "__file__", None))
    for path in candidates:
        if path and os.path.isfile(path) and not in_stface(path):
            return os.path.dirname(os.path.abspath(path))
    return None


def empty(spec: Any) -> bool:
    return spec is None or (isinstance(spec, (list, tuple)) and len(spec) == 0)


def as_list(spec: Any) -> list[Any]:
    if spec is None:
        return []
    return list(spec) if isinstance(spec, (list, tuple)) else [spec]


def build_components(fn: Callable, inputs: list, outputs: list) -> tuple[list[Component], list[Component]]:
    """Resolve shortcuts; the ``"state"`` shortcut starts from fn's default."""
    state_in = [i for i, spec in enumerate(inputs) if spec == "state" or isinstance(spec, State)]
    state_out = [i for i, spec in enumerate(outputs) if spec == "state" or isinstance(spec, State)]
    if (state_in or state_out) and (len(state_in) != 1 or len(state_out) != 1):
        raise ValueError("An interface with state needs exactly one 'state' input and one 'state' output.")
    built_in = [component_from(spec, role="input") for spec in inputs]
    built_out = [component_from(spec, role="output") for spec in outputs]
    if state_in:
        (i,), (o,) = state_in, state_out
        if inputs[i] == "state":
            built_in[i] = State(value=parameter_defaults(fn)[i] if i < len(parameter_defaults(fn)) else None)
        built_out[o] = built_in[i]
    for component in built_in:
        if not component.can_input:
            raise ValueError(f"{type(component).__name__} cannot be used as an input component.")
    for component in built_out:
        if not component.can_output:
            raise ValueError(f"{type(component).__name__} cannot be used as an output component.")
    return built_in, built_out


def parameters(fn: Callable) -> list[inspect.Parameter]:
    """fn's positional parameters, without ``gr.Progress()`` and ``gr.Cache()`` defaults (Gradio fills those)."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return []
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return [p for p in params if p.kind in positional and not isinstance(p.default, (Progress, Cache))]


def parameter_defaults(fn: Callable) -> list[Any]:
    return [None if p.default is inspect.Parameter.empty else p.default for p in parameters(fn)]


def name_components(fn: Callable, inputs: list[Component], outputs: list[Component]) -> None:
    """Unlabelled inputs take fn's parameter names; outputs 'output' / 'output N'."""
    for component, param in zip(inputs, parameters(fn)):
        if component.label is None:
            component.label = param.name
    for i, component in enumerate(outputs):
        if component.label is None:
            component.label = "output" if len(outputs) == 1 else f"output {i}"


def accordion_label(accordion: Any, name: str | None = None) -> str:
    """The additional inputs' expander label: Gradio's ``additional_inputs_accordion`` (a str, or an object's label)."""
    if isinstance(accordion, str):
        return accordion
    label = getattr(accordion, "label", None)
    return label or name or "Additional inputs"


def example_labels(labels: Any, examples: list | None) -> list[Any] | None:
    """Gradio 6's ``example_labels``: one text per example row, shown on its button instead of its values."""
    if labels is None:
        return None
    labels = list(labels)
    if len(labels) != len(examples or []):
        raise ValueError(f"example_labels has {len(labels)} labels for {len(examples or [])} examples; give one per row.")
    return labels


def normalise_examples(examples: Any, n_inputs: int) -> list[list[Any]] | None:
    if examples is None:
        return None
    if isinstance(examples, str):
        from stface.example_rows import examples_from_folder

        return examples_from_folder(examples, n_inputs)
    rows = [row if isinstance(row, (list, tuple)) else [row] for row in examples]
    for number, row in enumerate(rows, 1):
        if len(row) != n_inputs:
            raise ValueError(f"Example {number} has {len(row)} value(s) but the interface has {n_inputs} input(s).")
    return [list(row) for row in rows]


def flagging_mode(value: str | bool | None) -> str:
    if value is None:
        return "manual"
    if isinstance(value, bool):
        return "manual" if value else "never"
    if value not in FLAGGING_MODES:
        raise ValueError(f"allow_flagging / flagging_mode must be one of {', '.join(FLAGGING_MODES)}; got {value!r}.")
    return value


def flagging_options(options: list | None) -> list[tuple[str, str]]:
    """Gradio's forms: None -> one "Flag" button; strings -> "Flag as X"; (label, value) pairs as given."""
    if options is None:
        return [("Flag", "")]
    if not isinstance(options, (list, tuple)):
        raise ValueError("flagging_options must be a list of strings or of (label, value) pairs.")
    if all(isinstance(option, str) for option in options):
        return [("Flag as " + option, option) for option in options]  # + keeps a gr.I18n option translatable
    if all(isinstance(option, (tuple, list)) and len(option) == 2 for option in options):
        return [(label if isinstance(label, str) else str(label), str(value)) for label, value in options]
    raise ValueError("flagging_options must be a list of strings or of (label, value) pairs.")
