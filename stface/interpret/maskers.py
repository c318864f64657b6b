"""Maskers: how one input's value is split into pieces and perturbed.

Each masker (the contract is ``stface.interpret.masker.Masker``) works on
the value as a widget holds it (a payload), so the perturbed values go
through the component's own ``preprocess`` exactly as a person's input
would (``prepared``; an image's masked copies, already in fn's format, skip
preprocess's defensive copy), and each explanation comes back in Gradio
3.x's format for that component. Leave-one-out needs ``neighbours`` and
``arrange``; SHAP also needs ``tokens`` and ``masked_all``. ``display``
lays an explanation out for the page (see ``stface.interpret.display``),
whichever method (or the app's own function) produced it. Images are in
``stface.interpret.image_masker``; this module holds the rest and the table
that picks a masker for a component.

Pure: no Streamlit, no Interface.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from stface import components as c
from stface.components._codecs import audio_clip, decode_audio
from stface.components.number import round_to_precision
from stface.errors import Error
from stface.interpret.display import Cells, Display, Tokens
from stface.interpret.image_masker import ImageMasker
from stface.interpret.masker import Masker

__all__ = ["ImageMasker", "Masker", "display_for", "masker_for"]


class TextMasker(Masker):
    """Words split at the separator (a space); each left out, or replaced, in turn (Gradio's Textbox)."""

    def __init__(self, component: Any) -> None:
        super().__init__(component, sign=1, supports_shap=True)
        self.separator: str = component.interpretation_separator

    def tokens(self, payload: Any) -> tuple[list[str], list[str]]:
        tokens = str(payload or "").split(self.separator)
        return tokens, tokens

    def neighbours(self, payload: Any) -> tuple[list[str], list[str]]:
        tokens, _ = self.tokens(payload)
        instead = self.component.interpretation_replacement
        put = [] if instead is None else [instead]
        return [self.separator.join(tokens[:i] + put + tokens[i + 1 :]) for i in range(len(tokens))], tokens

    def masked(self, tokens: list[str], mask: np.ndarray) -> str:
        return self.separator.join(t for t, keep in zip(tokens, mask) if keep)

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], tokens: Any) -> list:
        result: list = []
        for token, score in zip(tokens, scores):
            result += [(token, score), (self.separator, 0)]
        return result

    def display(self, payload: Any, explanation: Any) -> Tokens:
        return Tokens(tuple((str(pair[0]), pair[1]) for pair in explanation))


class NumberMasker(Masker):
    """Three values each side (the component's steps), 1% apart (its delta); the input itself in the middle."""

    def neighbours(self, payload: Any) -> tuple[list[float], float]:
        number = self.component
        x = round_to_precision(float(payload), number.precision)
        percent = number.interpretation_delta_type == "percent"
        delta = 1.0 * number.interpretation_delta * x / 100 if percent else number.interpretation_delta
        if number.precision == 0 and delta != int(delta):
            step = f"a {number.interpretation_delta:g}% step" if percent else "the step"
            raise Error(f"Cannot interpret {x} with precision=0: {step} ({delta}) is not a whole number. Pick a "
                        "delta in set_interpret_parameters that gives whole steps.")  # fmt: skip
        steps = number.interpretation_steps
        below = (np.array(x) + np.arange(-steps, 0) * delta).tolist()
        above = (np.array(x) + np.arange(1, steps + 1) * delta).tolist()
        return below + above, x

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], x: Any) -> list:
        pairs: list = list(zip(neighbours, scores))
        pairs.insert(len(pairs) // 2, (x, None))
        return pairs

    def display(self, payload: Any, explanation: Any) -> Cells:
        return Cells(tuple(f"{value:g}" for value, _ in explanation), tuple(score for _, score in explanation))


class SliderMasker(Masker):
    """Eight (the component's steps) evenly spaced values across the slider's range."""

    def neighbours(self, payload: Any) -> tuple[list[float], None]:
        slider = self.component
        return np.linspace(slider.minimum, slider.maximum, slider.interpretation_steps).tolist(), None

    def display(self, payload: Any, explanation: Any) -> Cells:
        scores = tuple(explanation)
        values = np.linspace(self.component.minimum, self.component.maximum, len(scores))
        return Cells(tuple(f"{v:g}" for v in values), scores)


class ChoiceMasker(Masker):
    """Every other choice; ``None`` stands at the chosen one (Radio, Dropdown)."""

    def neighbours(self, payload: Any) -> tuple[list[Any], None]:
        if getattr(self.component, "multiselect", False):
            raise Error("Interpretation does not support a multiselect Dropdown; use a CheckboxGroup.")
        return [v for v in self.component.values if v != payload], None

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], context: Any) -> list:
        arranged: list = list(scores)
        arranged.insert(self.component.values.index(payload), None)
        return arranged

    def display(self, payload: Any, explanation: Any) -> Cells:
        return Cells(tuple(name for name, _ in self.component.choices), tuple(explanation))


class CheckboxMasker(Masker):
    def neighbours(self, payload: Any) -> tuple[list[bool], None]:
        return [not payload], None

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], context: Any) -> tuple:
        return (scores[0], None) if payload else (None, scores[0])

    def display(self, payload: Any, explanation: Any) -> Cells:
        return Cells(("unchecked", "checked"), tuple(explanation))


class CheckboxGroupMasker(Masker):
    """Each choice toggled in turn; a ``[score, None]`` pair per choice."""

    def neighbours(self, payload: Any) -> tuple[list[list[Any]], None]:
        chosen = list(payload or [])
        toggled = []
        for value in self.component.values:
            toggled.append([v for v in chosen if v != value] if value in chosen else chosen + [value])
        return toggled, None

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], context: Any) -> list:
        chosen = list(payload or [])
        return [[s, None] if v in chosen else [None, s] for v, s in zip(self.component.values, scores)]

    def display(self, payload: Any, explanation: Any) -> Cells:
        chosen = list(payload or [])
        labels = tuple(f"{name} ✓" if value in chosen else name for name, value in self.component.choices)
        return Cells(labels, tuple(a if a is not None else b for a, b in explanation))


@dataclass(frozen=True, eq=False)
class Spans:
    """A clip split into equal spans: ``index`` gives each sample's span, 0..n-1."""

    rate: int
    samples: np.ndarray
    index: np.ndarray
    n: int

    def __len__(self) -> int:
        return self.n

    def kept(self, keep: np.ndarray) -> tuple[int, np.ndarray]:
        """The clip with the spans not kept silenced."""
        pixels = np.asarray(keep, dtype=bool)[self.index]
        samples = self.samples
        return self.rate, np.where(pixels[:, None] if samples.ndim == 2 else pixels, samples, np.zeros_like(samples))


class AudioMasker(Masker):
    """Eight (the component's segments) equal spans, each silenced in turn; a score per span."""

    def __init__(self, component: Any) -> None:
        super().__init__(component, sign=1, supports_shap=True)

    def spans(self, payload: Any) -> Spans:
        clip = audio_clip(payload) if isinstance(payload, (tuple, list)) else decode_audio(payload)
        samples, n = np.asarray(clip.samples), self.component.interpretation_segments
        edges = [round(b) for b in np.linspace(0, len(samples), n + 1).tolist()]
        return Spans(clip.sample_rate, samples, np.repeat(np.arange(n), np.diff(edges)), n)

    def neighbours(self, payload: Any) -> tuple[list[tuple[int, np.ndarray]], None]:
        spans = self.spans(payload)
        return [spans.kept(np.arange(spans.n) != k) for k in range(spans.n)], None

    def tokens(self, payload: Any) -> tuple[Spans, None]:
        return self.spans(payload), None

    def masked(self, tokens: Spans, mask: np.ndarray) -> tuple[int, np.ndarray]:
        return tokens.kept(mask)


_MASKERS: list[tuple[type, type[Masker]]] = [
    (c.Textbox, TextMasker),
    (c.Slider, SliderMasker),
    (c.Number, NumberMasker),
    (c.Radio, ChoiceMasker),
    (c.Dropdown, ChoiceMasker),
    (c.CheckboxGroup, CheckboxGroupMasker),
    (c.Checkbox, CheckboxMasker),
    (c.Image, ImageMasker),
    (c.Audio, AudioMasker),
]


def masker_for(component: Any) -> Masker:
    """The masker for an input component, or an error naming those supported."""
    for kind, masker in _MASKERS:
        if isinstance(component, kind):
            return masker(component)
    supported = ", ".join(kind.__name__ for kind, _ in _MASKERS)
    raise Error(f"{type(component).__name__} inputs cannot be interpreted; supported inputs: {supported}.")


def display_for(component: Any, payload: Any, explanation: Any) -> Display:
    """An input's explanation laid out for the page, by its masker (one cell per score for other inputs)."""
    for kind, masker in _MASKERS:
        if isinstance(component, kind):
            return masker(component).display(payload, explanation)
    return Masker(component).display(payload, explanation)
