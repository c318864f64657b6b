"""Image interpretation's masker: SLIC segments, each painted the picture's mean colour in turn.

Pure: no Streamlit, no Interface.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from stface.components._codecs import resize_and_crop
from stface.components.image import WebcamPhoto
from stface.interpret.display import Heatmap
from stface.interpret.html import heatmap
from stface.interpret.masker import Masker
from stface.interpret.slic import slic

__all__ = ["ImageMasker", "Segmentation"]


@dataclass(frozen=True, eq=False)
class Segmentation:
    """An image split by SLIC, computed once per interpretation.

    ``index`` gives each pixel's segment as 0..n-1 (segments are SLIC's labels
    in increasing order), so every per-segment mask is ``index == k``.
    """

    image: np.ndarray
    index: np.ndarray
    n: int
    webcam: bool = False  # perturbed pictures go to preprocess as webcam photos, to be mirrored like the original

    def __len__(self) -> int:
        return self.n

    def payload(self, picture: np.ndarray) -> Any:
        return WebcamPhoto(picture) if self.webcam else picture

    def masks(self) -> np.ndarray:
        """One boolean H x W mask per segment, as an (n, H, W) array."""
        return self.index[None] == np.arange(self.n)[:, None, None]

    def kept(self, keep: np.ndarray) -> np.ndarray:
        """The image with the pixels of the segments not kept set to 0 (uint8)."""
        pixels = np.asarray(keep, dtype=bool)[self.index]
        kept = np.where(pixels[..., None] if self.image.ndim == 3 else pixels, self.image, 0)
        return kept if kept.dtype == np.uint8 else np.clip(kept, 0, 255).astype(np.uint8)


def _mean_colour(image: np.ndarray) -> Any:
    """``np.mean(image, axis=(0, 1))``, Gradio's replacement colour, summed fast for 8-bit pixels.

    Their sum is exact in any order, so only the division rounds, as in np.mean.
    """
    if image.dtype != np.uint8 or image.ndim not in (2, 3):
        return np.mean(image, axis=(0, 1))
    columns = np.ascontiguousarray(image.reshape(image.shape[0] * image.shape[1], -1).T)
    mean = columns.sum(axis=1, dtype=np.uint64) / (image.shape[0] * image.shape[1])
    return mean if image.ndim == 3 else mean[0]


class ImageMasker(Masker):
    """SLIC superpixels (16, or the component's segments), each painted the image's mean colour in turn."""

    def __init__(self, component: Any) -> None:
        super().__init__(component, sign=1, supports_shap=True)

    def image(self, payload: Any) -> np.ndarray:
        """The picture the scores refer to (after `shape`; a webcam photo as taken; a drawing as drawn), as an array."""
        image = self.component.picture(payload)
        if image.mode == "P":  # palette indices are not intensities (Gradio 3.50 segments them, or fails)
            image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        if self.component.shape is not None:
            image = resize_and_crop(image, self.component.shape)
        return np.array(image)

    def segmentation(self, payload: Any) -> Segmentation:
        try:
            # What stface.interpret.slic uses.
            import skimage.color
            import skimage.segmentation
            import skimage.util  # noqa: F401
        except ImportError:
            raise ImportError("Image interpretation needs scikit-image: pip install 'stface[interpret]'") from None
        image = self.image(payload)
        labels = slic(image, self.component.interpretation_segments)
        present = np.bincount(labels.ravel()) > 0
        rank = np.cumsum(present) - 1  # SLIC's labels, in increasing order, as 0..n-1
        return Segmentation(image, rank[labels], int(present.sum()), isinstance(payload, WebcamPhoto))

    def neighbours(self, payload: Any) -> tuple[Any, Segmentation]:
        """The image once per segment, that segment painted the mean colour (cast as numpy casts)."""
        split = self.segmentation(payload)
        image, n, pixels = split.image, split.n, split.index.size
        colour = np.atleast_1d(_mean_colour(image))
        screens = np.empty((n, *image.shape), image.dtype)
        screens[:] = image
        # Screen k gets the colour at the pixels of segment k: one write per pixel and channel, no masks.
        flat, channels = screens.reshape(-1), len(colour)
        first = (split.index.ravel() * pixels + np.arange(pixels)) * channels
        for channel in range(channels):
            flat[first + channel] = colour[channel]
        return ([split.payload(s) for s in screens] if split.webcam else screens), split

    def prepared(self, neighbour: Any) -> Any:
        if (
            self.component.drawing is None
            and isinstance(neighbour, np.ndarray)
            and self.component.takes_as_is(neighbour)
        ):
            return neighbour  # made for this row alone: preprocess's protective copy is not needed
        return self.component.preprocess(neighbour)

    def tokens(self, payload: Any) -> tuple[Segmentation, Segmentation]:
        split = self.segmentation(payload)
        return split, split

    def masked(self, tokens: Segmentation, mask: np.ndarray) -> Any:
        return tokens.payload(tokens.kept(mask))

    def arrange(self, payload: Any, neighbours: Any, scores: list[float], split: Segmentation) -> list:
        values = np.asarray(scores, dtype=float)
        if np.all(np.isfinite(values)):
            # Each pixel is in exactly one segment, and every segment has a pixel: Gradio's per-pixel sum
            # and scaling give each pixel its segment's value (+ 0.0 as the sum's -0.0 + 0.0), so scale
            # the n values and lay the same floats out, without a float per pixel.
            levels = values + 0.0
            top, bottom = np.max(levels), np.min(levels)
            if top > 0:
                levels = (levels - bottom) / (top - bottom)
            return np.array(levels.tolist(), dtype=object)[split.index].tolist()
        heat = np.zeros(split.index.shape)  # NaN or inf: as Gradio's sum of score * mask, which spreads them
        for score, mask in zip(values, split.masks()):
            heat += score * mask
        top, bottom = np.max(heat), np.min(heat)
        if top > 0:
            heat = (heat - bottom) / (top - bottom)
        return heat.tolist()

    def display(self, payload: Any, explanation: Any) -> Heatmap:
        return Heatmap(heatmap(self.image(payload), explanation))
