"""Parallel and Series: interfaces made of interfaces.

Both are Interfaces: launchable, renderable, callable and nestable. They run
their parts on payloads (what widgets hold), so each part converts values
with its own components, exactly as it would on its own page.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from stface.components.state import State
from stface.interface import Interface

__all__ = ["Parallel", "Series"]


def _name(interface: Interface) -> str:
    return interface.title or interface.__name__


def _check_parts(kind: str, interfaces: Sequence[Interface]) -> list[Interface]:
    if len(interfaces) < 1 or not all(isinstance(i, Interface) for i in interfaces):
        raise TypeError(f"{kind} takes one or more stface Interfaces, e.g. {kind}(io1, io2).")
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
        self.interfaces = _check_parts("Parallel", interfaces)
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
        options.setdefault("title", " | ".join(_name(i) for i in self.interfaces))
        super().__init__(_unused, [copy.copy(c) for c in first.input_components], outputs, **options)
        self.__name__ = "parallel"

    def predict_stream(self, payloads: Sequence[Any], *, gathered: bool = False) -> Iterator[list[Any]]:
        with ThreadPoolExecutor(max_workers=len(self.interfaces)) as pool:
            results = list(pool.map(lambda interface: interface.predict(list(payloads)), self.interfaces))
        yield [payload for result in results for payload in result]


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
        self.interfaces = _check_parts("Series", interfaces)
        for number, (before, after) in enumerate(zip(self.interfaces, self.interfaces[1:]), 1):
            if len(before.output_components) != len(after.input_components):
                raise ValueError(
                    f"Series: stage {number} ('{_name(before)}') returns {len(before.output_components)} output(s) "
                    f"but stage {number + 1} ('{_name(after)}') takes {len(after.input_components)} input(s)."
                )
        first, last = self.interfaces[0], self.interfaces[-1]
        options.setdefault("title", " → ".join(_name(i) for i in self.interfaces))
        super().__init__(
            _unused, [copy.copy(c) for c in first.input_components], [copy.copy(c) for c in last.output_components], **options
        )
        self.__name__ = "series"

    def predict_stream(self, payloads: Sequence[Any], *, gathered: bool = False) -> Iterator[list[Any]]:
        values: list[Any] = list(payloads)
        outputs: list[Any] = []
        for stage in self.interfaces:
            outputs = stage.predict(values)
            values = [component.as_python(payload) for component, payload in zip(stage.output_components, outputs)]
        yield outputs


def _unused(*_: Any) -> None:
    """A mix runs its parts' functions, never one of its own."""
