"""Parallel and Series: interfaces made of interfaces.

A mix is an Interface whose fn is the composition of its parts' functions,
as in Gradio 3.50: the mix's inputs convert the person's values once, each
part's fn runs on them, and the mix's outputs convert what comes back. So
everything an Interface does (``demo(...)``, the page, interpretation,
examples, flagging, css, export) works on a mix through the same code.

Better than Gradio: a part whose inputs convert differently from the mix's
(``Image(type="pil")`` beside ``Image(type="numpy")``) gets its values
converted by its own components, not the first part's.
"""

from __future__ import annotations

import contextvars
import copy
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from stface.components.base import Component
from stface.components.state import State
from stface.interface import Interface
from stface.pipeline import call_fn, split_outputs

__all__ = ["Parallel", "Series"]


def _name(interface: Interface) -> str:
    return interface.title or interface.__name__


def _check_parts(kind: str, interfaces: Sequence[Interface], options: dict[str, Any]) -> list[Interface]:
    if len(interfaces) < 1 or not all(isinstance(i, Interface) for i in interfaces):
        raise TypeError(f"{kind} takes one or more stface Interfaces, e.g. {kind}(io1, io2).")
    if options.get("batch"):
        raise ValueError(f"{kind} cannot take batch=True: its parts run their own functions. Pass batch=True to the parts.")
    if "fn" in options or "inputs" in options or "outputs" in options:
        raise TypeError(f"{kind} builds fn, inputs and outputs from its interfaces; pass only Interface options.")
    for interface in interfaces:
        if any(isinstance(c, State) for c in interface.input_components):
            raise ValueError(f"{kind}: '{_name(interface)}' has State, which cannot be shared between interfaces.")
    return list(interfaces)


class Parallel(Interface):
    """Run several interfaces on the same inputs and show all outputs side by side.

    The inputs are the first interface's; every interface must take the same
    kinds of inputs. Outputs are labelled with the interface they came from.

    Example:
        >>> import stface as gr
        >>> upper = gr.Interface(str.upper, "text", "text", title="upper")
        >>> lower = gr.Interface(str.lower, "text", "text", title="lower")
        >>> gr.Parallel(upper, lower)("MiXed")
        ['MIXED', 'mixed']
    """

    def __init__(self, *interfaces: Interface, **options: Any) -> None:
        self.interfaces = _check_parts("Parallel", interfaces, options)
        first = self.interfaces[0]
        for number, interface in enumerate(self.interfaces[1:], 2):
            kinds = [type(c).__name__ for c in interface.input_components]
            expected = [type(c).__name__ for c in first.input_components]
            if kinds != expected:
                raise ValueError(
                    f"Parallel: interface {number} ('{_name(interface)}') takes inputs {kinds}, but interface 1 "
                    f"('{_name(first)}') takes {expected}. All must take the same kinds of inputs."
                )
        outputs = []
        for interface in self.interfaces:
            for component in interface.output_components:
                labelled = copy.copy(component)
                labelled.label = f"{component.label} ({_name(interface)})"
                outputs.append(labelled)
        inputs = [copy.copy(c) for c in first.input_components]
        options.setdefault("title", " | ".join(_name(i) for i in self.interfaces))
        super().__init__(_parallel_fn(self.interfaces, inputs, len(outputs)), inputs, outputs, **options)


class Series(Interface):
    """Chain interfaces: each one's outputs become the next one's inputs.

    Values pass through the components' conversions, as Python values: an
    Image output (numpy) feeds an ``Image(type="pil")`` input correctly.

    Example:
        >>> import stface as gr
        >>> shout = gr.Interface(str.upper, "text", "text")
        >>> exclaim = gr.Interface(lambda s: s + "!", "text", "text")
        >>> gr.Series(shout, exclaim)("hi")
        'HI!'
    """

    def __init__(self, *interfaces: Interface, **options: Any) -> None:
        self.interfaces = _check_parts("Series", interfaces, options)
        for number, (before, after) in enumerate(zip(self.interfaces, self.interfaces[1:]), 1):
            if len(before.output_components) != len(after.input_components):
                raise ValueError(
                    f"Series: stage {number} ('{_name(before)}') returns {len(before.output_components)} output(s) "
                    f"but stage {number + 1} ('{_name(after)}') takes {len(after.input_components)} input(s)."
                )
        first, last = self.interfaces[0], self.interfaces[-1]
        inputs = [copy.copy(c) for c in first.input_components]
        options.setdefault("title", " → ".join(_name(i) for i in self.interfaces))
        super().__init__(_series_fn(self.interfaces), inputs, [copy.copy(c) for c in last.output_components], **options)


def _run_part(part: Interface, args: list[Any]) -> list[Any]:
    """One part's fn on converted arguments: one raw value per output."""
    result = call_fn(part.fn, args, batch=part.batch, n_outputs=len(part.output_components))
    return split_outputs(result, part.output_components)


def _converted_for(part: Interface, mix_inputs: Sequence[Component], args: Sequence[Any]) -> list[Any]:
    """The mix's converted values, converted again only where the part's inputs differ."""
    return [
        value if mine.converts_like(theirs) else theirs.preprocess(value)
        for mine, theirs, value in zip(mix_inputs, part.input_components, args)
    ]


def _parallel_fn(parts: list[Interface], mix_inputs: list[Component], n_outputs: int):
    def parallel(*args: Any) -> Any:
        def run(part: Interface) -> list[Any]:
            return _run_part(part, _converted_for(part, mix_inputs, args))

        with ThreadPoolExecutor(max_workers=len(parts)) as pool:  # each part in this request's context (file owner)
            futures = [pool.submit(contextvars.copy_context().run, run, part) for part in parts]
            results = [future.result() for future in futures]
        combined = [value for result in results for value in result]
        return combined[0] if n_outputs == 1 else combined

    parallel.__name__ = parallel.__qualname__ = " | ".join(part.__name__ for part in parts)
    parallel.__module__ = "stface.mix"
    return parallel


def _series_fn(stages: list[Interface]):
    def series(*args: Any) -> Any:
        values = list(args)
        for number, stage in enumerate(stages):
            if number:  # the first stage's inputs are the mix's own, already converted
                values = [component.preprocess(value) for component, value in zip(stage.input_components, values)]
            values = _run_part(stage, values)
            if number < len(stages) - 1:
                values = [c.as_python(c.postprocess(v)) for c, v in zip(stage.output_components, values)]
        return values[0] if len(values) == 1 else values

    series.__name__ = series.__qualname__ = " → ".join(stage.__name__ for stage in stages)
    series.__module__ = "stface.mix"
    return series
