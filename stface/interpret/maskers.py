"""Maskers: how one input's value is split into pieces and perturbed.

Each masker works on the value as a widget holds it (a payload), so the
perturbed values go through the component's own ``preprocess`` exactly as a
person's input would, and each explanation comes back in Gradio 3.x's format
for that component. Leave-one-out needs ``neighbours`` and ``arrange``;
SHAP also needs ``tokens`` and ``masked``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from stface import components as c
from stface.components._codecs import audio_clip, decode_audio, decode_image, resize_and_crop
from stface.components.number import round_to_precision
from stface.errors import Error

__all__ = ["Masker", "masker_for"]


@dataclass
class Masker:
    """Base: ``sign`` is -1 where Gradio negates neighbour scores."""

    component: Any
    sign: int = -1
    supports_shap: bool = False

    def neighbours(self, payload: Any) -> tuple[list[Any], Any]:
        """Perturbed payloads, and whatever ``arrange`` needs to lay out scores."""
        raise NotImplementedError

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], context: Any) -> Any:
        return scores


class TextMasker(Masker):
    """Words split on spaces; each left out in turn (Gradio's Textbox)."""

    separator = " "

    def __init__(self, component: Any) -> None:
        super().__init__(component, sign=1, supports_shap=True)

    def tokens(self, payload: Any) -> tuple[list[str], list[str]]:
        tokens = str(payload or "").split(self.separator)
        return tokens, tokens

    def neighbours(self, payload: Any) -> tuple[list[str], list[str]]:
        tokens, _ = self.tokens(payload)
        return [self.separator.join(tokens[:i] + tokens[i + 1 :]) for i in range(len(tokens))], tokens

    def masked(self, tokens: list[str], mask: np.ndarray) -> str:
        return self.separator.join(t for t, keep in zip(tokens, mask) if keep)

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], tokens: Any) -> list:
        result: list = []
        for token, score in zip(tokens, scores):
            result += [(token, score), (self.separator, 0)]
        return result


class NumberMasker(Masker):
    """Three values each side, 1% apart; the input itself in the middle as ``(x, None)``."""

    steps, delta = 3, 1.0

    def neighbours(self, payload: Any) -> tuple[list[float], float]:
        x = round_to_precision(float(payload), self.component.precision)
        delta = self.delta * x / 100
        if self.component.precision == 0 and delta != int(delta):
            raise Error(f"Cannot interpret {x} with precision=0: a 1% step ({delta}) is not a whole number.")
        below = (np.array(x) + np.arange(-self.steps, 0) * delta).tolist()
        above = (np.array(x) + np.arange(1, self.steps + 1) * delta).tolist()
        return below + above, x

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], x: Any) -> list:
        pairs: list = list(zip(neighbours, scores))
        pairs.insert(len(pairs) // 2, (x, None))
        return pairs


class SliderMasker(Masker):
    """Eight evenly spaced values across the slider's range."""

    def neighbours(self, payload: Any) -> tuple[list[float], None]:
        return np.linspace(self.component.minimum, self.component.maximum, 8).tolist(), None


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


class CheckboxMasker(Masker):
    def neighbours(self, payload: Any) -> tuple[list[bool], None]:
        return [not payload], None

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], context: Any) -> tuple:
        return (scores[0], None) if payload else (None, scores[0])


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


class ImageMasker(Masker):
    """SLIC superpixels, each painted the image's mean colour in turn."""

    segments = 16

    def __init__(self, component: Any) -> None:
        super().__init__(component, sign=1, supports_shap=True)

    def image(self, payload: Any) -> np.ndarray:
        """The picture the scores refer to (after `shape`), as an array."""
        image = decode_image(payload, max_pixels=self.component.max_pixels)
        if self.component.shape is not None:
            image = resize_and_crop(image, self.component.shape)
        return np.array(image)

    def _segments(self, payload: Any) -> tuple[np.ndarray, np.ndarray]:
        try:
            from skimage.segmentation import slic
        except ImportError:
            raise ImportError("Image interpretation needs scikit-image: pip install 'stface[interpret]'") from None
        image = self.image(payload)
        return slic(image, self.segments, compactness=10, sigma=1, start_label=1), image

    def neighbours(self, payload: Any) -> tuple[list[np.ndarray], tuple]:
        segments, image = self._segments(payload)
        colour = np.mean(image, axis=(0, 1))
        screens, masks = [], []
        for value in np.unique(segments):
            mask = segments == value
            screen = np.copy(image)
            screen[mask] = colour
            screens.append(screen)
            masks.append(mask)
        return screens, (image, masks)

    def tokens(self, payload: Any) -> tuple[list[np.ndarray], tuple]:
        segments, image = self._segments(payload)
        masks = [segments == value for value in np.unique(segments)]
        pieces = [np.where(mask[..., None] if image.ndim == 3 else mask, image, 0) for mask in masks]
        return pieces, (image, masks)

    def masked(self, tokens: list[np.ndarray], mask: np.ndarray) -> np.ndarray:
        total = np.zeros_like(tokens[0], dtype=int)
        for token, keep in zip(tokens, mask):
            total = total + token * int(keep)
        return np.clip(total, 0, 255).astype(np.uint8)

    def arrange(self, payload: Any, neighbours: list[Any], scores: list[float], context: Any) -> list:
        masks = context[1]
        shape = masks[0].shape
        heat = np.zeros(shape)
        for score, mask in zip(scores, masks):
            heat += score * mask
        top, bottom = np.max(heat), np.min(heat)
        if top > 0:
            heat = (heat - bottom) / (top - bottom)
        return heat.tolist()


class AudioMasker(Masker):
    """Eight equal segments, each silenced in turn; a score per segment."""

    segments = 8

    def __init__(self, component: Any) -> None:
        super().__init__(component, sign=1, supports_shap=True)

    def _clip(self, payload: Any) -> tuple[int, np.ndarray]:
        clip = audio_clip(payload) if isinstance(payload, (tuple, list)) else decode_audio(payload)
        return clip.sample_rate, np.asarray(clip.samples)

    def _bounds(self, length: int) -> list[tuple[int, int]]:
        edges = [round(b) for b in np.linspace(0, length, self.segments + 1).tolist()]
        return list(zip(edges[:-1], edges[1:]))

    def neighbours(self, payload: Any) -> tuple[list[tuple[int, np.ndarray]], None]:
        rate, samples = self._clip(payload)
        silenced = []
        for start, stop in self._bounds(len(samples)):
            copy = np.copy(samples)
            copy[start:stop] = 0
            silenced.append((rate, copy))
        return silenced, None

    def tokens(self, payload: Any) -> tuple[list[tuple[int, np.ndarray]], None]:
        rate, samples = self._clip(payload)
        pieces = []
        for start, stop in self._bounds(len(samples)):
            piece = np.zeros_like(samples)
            piece[start:stop] = samples[start:stop]
            pieces.append((rate, piece))
        return pieces, None

    def masked(self, tokens: list, mask: np.ndarray) -> tuple[int, np.ndarray]:
        rate = tokens[0][0]
        total = np.zeros_like(tokens[0][1])
        for (_, piece), keep in zip(tokens, mask):
            if keep:
                total = total + piece
        return rate, total


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
