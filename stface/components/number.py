"""Number and Slider: numeric values in and out."""

from __future__ import annotations

import math
import random
from typing import Any

from stface.components.base import Component, interpretation_count
from stface._kwargs import warn_compatibility
from stface.errors import Error

__all__ = ["Number", "Slider", "display_number", "round_to_precision"]


def round_to_precision(number: float | int, precision: int | None) -> float | int:
    """Gradio's rounding: ``None`` -> float, ``0`` -> int, else ``round``."""
    if precision is None:
        return float(number)
    if precision == 0:
        return int(round(number))
    return round(number, precision)


def _as_number(value: Any, owner: str) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise Error(f"{owner} expects a number, got {value!r}.") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise Error(f"{owner} expects a finite number, got {value!r}.")
    return value


def display_number(number: float | int | None) -> str:
    """Show numbers as a browser does: 8.0 as "8", 0.25 as "0.25"."""
    if number is None:
        return ""
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e16:
        return str(int(number))
    return str(number)


class Number(Component[float | int | None]):
    """A numeric field: ``float`` (or ``int`` with ``precision=0``) in and out.

    Args:
        value: starting number, or ``None`` for an empty field.
        precision: decimals to round to; ``None`` keeps full floats, ``0`` gives ints.
        minimum, maximum: bounds; a value outside them is refused with a message.
        step: the increment of the +/- buttons.

    Example:
        >>> import stface as gr
        >>> gr.Number(precision=0).preprocess(2.6)
        3
    """

    def __init__(
        self,
        value: float | None = None,
        *,
        precision: int | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float = 1,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        self.precision = precision
        self.minimum = minimum
        self.maximum = maximum
        self.step = step

    def preprocess(self, payload: Any) -> float | int | None:
        """Field value -> number rounded to ``precision``; bounds are checked."""
        if payload is None:
            return None
        number = _as_number(payload, f"Number '{self.display_label}'")
        if self.minimum is not None and number < self.minimum:
            raise Error(f"Value {number} is less than minimum value {self.minimum}.")
        if self.maximum is not None and number > self.maximum:
            raise Error(f"Value {number} is greater than maximum value {self.maximum}.")
        return round_to_precision(number, self.precision)

    def postprocess(self, value: Any) -> float | int | None:
        """fn's number -> number rounded to ``precision``."""
        if value is None:
            return None
        return round_to_precision(_as_number(value, f"Output '{self.display_label}'"), self.precision)

    def initial_payload(self) -> float | int | None:
        value = super().initial_payload()
        return None if value is None else self.widget_number(value)

    def widget_number(self, value: float | int) -> float | int:
        """The number as the widget holds it: ``int`` with ``precision=0``, else ``float``."""
        return int(round(value)) if self.precision == 0 else float(value)

    def format(self) -> str | None:
        """The printf format that shows ``precision`` decimals (None: as typed)."""
        if self.precision is None:
            return None
        return "%d" if self.precision == 0 else f"%.{self.precision}f"

    def set_interpret_parameters(self, steps: int = 3, delta: float = 1, delta_type: str = "percent") -> Number:
        """How interpretation steps around the number (Gradio 3.x): ``steps`` values each side.

        They are ``delta`` apart: ``delta`` percent of the number with
        ``delta_type="percent"``, or ``delta`` itself with ``"absolute"``.
        Returns the component.

        Example:
            >>> import stface as gr
            >>> gr.Number().set_interpret_parameters(steps=2, delta=5, delta_type="absolute").interpretation_steps
            2
        """
        steps = interpretation_count("Number", "steps", steps)
        delta = _as_number(delta, "Number.set_interpret_parameters(delta=...)")
        if delta_type not in ("percent", "absolute"):  # Gradio 3.50 steps by delta itself for any other text
            warn_compatibility(f"Number.set_interpret_parameters(delta_type={delta_type!r}): the types are 'percent' "
                               "and 'absolute'; stface steps by delta itself, as Gradio 3.50 does.")  # fmt: skip
        self.interpretation_steps, self.interpretation_delta = steps, delta
        self.interpretation_delta_type = delta_type
        return self


class Slider(Component[float | int | None]):
    """A slider between ``minimum`` and ``maximum``.

    Args:
        minimum, maximum: the range.
        value: starting value (``minimum`` when ``None``).
        step: increment; by default a hundredth of the range's order of magnitude,
            as in Gradio (1 for 0..100).
        randomize: start each session at a random step of the range.

    Example:
        >>> import stface as gr
        >>> gr.Slider(0, 100).step
        1
    """

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 100,
        value: float | None = None,
        *,
        step: float | None = None,
        randomize: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if maximum <= minimum:
            raise ValueError(f"Slider maximum ({maximum}) must be greater than minimum ({minimum}).")
        self.minimum = minimum
        self.maximum = maximum
        if step is None:
            step = 10 ** math.floor(math.log10(maximum - minimum) - 2)
        self.step = step
        self.randomize = randomize

    def set_interpret_parameters(self, steps: int = 8) -> Slider:
        """How interpretation samples the slider (Gradio 3.x): ``steps`` values evenly across its range.

        Returns the component.

        Example:
            >>> import stface as gr
            >>> gr.Slider(0, 10).set_interpret_parameters(steps=5).interpretation_steps
            5
        """
        self.interpretation_steps = interpretation_count("Slider", "steps", steps)
        return self

    @property
    def integral(self) -> bool:
        """True when minimum, maximum and step are all ints."""
        return all(isinstance(v, int) and not isinstance(v, bool) for v in (self.minimum, self.maximum, self.step))

    def widget_number(self, value: float) -> float | int:
        """The number as the slider holds it: ``int`` on an all-integer slider."""
        return int(value) if self.integral and float(value).is_integer() else float(value)

    def preprocess(self, payload: Any) -> float | int | None:
        """Slider position -> number, ``int`` when whole as in Gradio (bounds are checked)."""
        if payload is None:
            return None
        number = _as_number(payload, f"Slider '{self.display_label}'")
        if not self.minimum <= number <= self.maximum:
            raise Error(f"Value {number} is outside the slider's range {self.minimum}..{self.maximum}.")
        # Gradio's value crosses JSON from the browser, so whole numbers arrive as int.
        return int(number) if float(number).is_integer() else number

    def postprocess(self, value: Any) -> float | int | None:
        return None if value is None else _as_number(value, f"Output '{self.display_label}'")

    def random_value(self) -> float | int:
        """A random step of the range, as Gradio's ``randomize=True`` draws it."""
        steps = int((self.maximum - self.minimum) / self.step)
        value = self.minimum + random.randint(0, steps) * self.step
        decimals = max(str(self.step)[::-1].find("."), 0)
        return round(value, decimals) if decimals else value

    def initial_payload(self) -> float | int:
        if self.randomize:
            return self.widget_number(self.random_value())
        value = super().initial_payload()
        return self.widget_number(self.minimum if value is None else value)
