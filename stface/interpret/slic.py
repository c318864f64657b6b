"""SLIC superpixels: scikit-image's labels, computed about five times faster.

Gradio 3.50 cuts an image into regions for interpretation with
``skimage.segmentation.slic(image, n, compactness=10, sigma=1, start_label=1)``,
and stface keeps those regions so its scores match Gradio's. For an 8-bit
RGB picture, the usual input, :func:`slic` does the same arithmetic in the
same order, and so returns the same labels bit for bit:

- the gamma step of the colour conversion runs on 256 values, not on every
  pixel (after the rescale to [0, 1] that SLIC starts with, an 8-bit image
  still has at most 256 levels); numpy then takes the same matrix product
  and cube roots;
- the rest of the conversion, the Gaussian blur (on the size-1 axis too,
  as skimage's call does), the k-means loop and the connectivity pass are
  loops compiled with numba (part of the ``interpret`` extra: shap needs it
  too), with the k-means distances computed a row at a time so that they
  vectorise;
- the work arrays are kept for the next call of the same size, because
  fresh ones cost page faults (see ``_Scratch``).

Any other image (grey, RGBA, floats), or a machine without numba or
not x86-64 (see ``_kernels``), gets scikit-image's own ``slic``; a grey
(2-D) picture is segmented as one channel, where Gradio 3.50's call fails.
The first call after an install compiles the loops (about 6 s); numba keeps
them on disk for later processes. ``tests/interpret/test_slic.py`` compares the
two on generated pictures of every size and kind.

>>> import numpy as np
>>> picture = np.zeros((32, 48, 3), np.uint8)
>>> picture[:, 24:] = 200
>>> labels = slic(picture, 4)
>>> labels.shape, int(labels.min()), int(labels.max())
((32, 48), 1, 4)
"""

from __future__ import annotations

import importlib
import platform
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from typing import Any

import numpy as np

__all__ = ["slic"]

COMPACTNESS, SIGMA, ITERATIONS, START_LABEL = 10.0, 1.0, 10, 1  # Gradio 3.50's call, skimage's defaults


def slic(image: np.ndarray, n_segments: int) -> np.ndarray:
    """``skimage.segmentation.slic(image, n_segments, compactness=10, sigma=1, start_label=1)``, same labels.

    A grey (2-D) picture gets ``channel_axis=None``: Gradio 3.50's call refuses it.
    """
    kernels = _kernels()
    if kernels is None or image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        from skimage.segmentation import slic as skimage_slic

        # A grey picture is one channel: Gradio 3.50's call (channel_axis=-1) refuses it, a known bug.
        channels = None if image.ndim == 2 else -1
        return skimage_slic(image, n_segments, compactness=COMPACTNESS, sigma=SIGMA, start_label=START_LABEL,
                            channel_axis=channels)  # fmt: skip
    height, width = image.shape[:2]
    centres, step, step_y, step_x = _grid(height, width, n_segments)
    segments = np.zeros((len(centres), 6))  # z, y, x, then the three colour means
    segments[:, :3] = centres
    with _scratch(height, width) as work:
        planes = _smoothed(image, kernels, work)
        labels = kernels.kmeans(*planes, segments, step_y, step_x, 1.0 / float(step * step), ITERATIONS, START_LABEL,
                                work.nearest, work.distance)  # fmt: skip
        size = height * width / len(segments)
        return kernels.connect(labels, int(0.5 * size), int(3 * size), START_LABEL)


def _smoothed(image: np.ndarray, kernels: Any, work: _Scratch) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """skimage's rescale, ``rgb2lab``, ``gaussian(sigma=[1, 1, 1, 0], mode="reflect")`` and ``* (1 / compactness)``.

    numpy does what a compiled loop could round differently (the power and
    the cube root have vectorised implementations; the 3x3 product goes
    through BLAS, with fused multiply-adds where the CPU has them); the
    kernel does the rest.
    """
    from skimage.color import xyz_tristimulus_values
    from skimage.color.colorconv import xyz_from_rgb

    levels = _levels(int(image.min()), int(image.max()))
    kernels.gather(levels, image, work.linear)
    np.matmul(work.linear[None], xyz_from_rgb.T.astype(float), out=work.xyz[None])  # (1, H, W, 3), as skimage's
    kernels.divide(work.xyz, xyz_tristimulus_values(illuminant="D65", observer="2", dtype=float))
    np.cbrt(work.xyz, out=work.cube)
    return kernels.smooth(work.xyz, work.cube, _weights(), 1.0 / COMPACTNESS, work.planes, work.blurred)


class _Scratch:
    """The work arrays of one call, about 136 bytes a pixel.

    Reused between calls: glibc returns freed blocks this large to the
    system, and touching fresh pages cost as much as the arithmetic
    (about 1,000 page faults a call at 224 x 224).
    """

    def __init__(self, height: int, width: int) -> None:
        self.shape = (height, width)
        self.linear, self.xyz, self.cube = (np.empty((height, width, 3)) for _ in range(3))
        self.planes, self.blurred = np.empty((3, height, width)), np.empty((3, height, width))
        self.nearest, self.distance = np.empty((height, width), np.intp), np.empty((height, width))


_KEPT: list[_Scratch] = []  # the most recently used last
_KEEP, _KEEP_PIXELS = 2, 512 * 512  # at most two, of at most 36 MB each
_LOCK = threading.Lock()


@contextmanager
def _scratch(height: int, width: int) -> Iterator[_Scratch]:
    with _LOCK:
        found = next((s for s in reversed(_KEPT) if s.shape == (height, width)), None)
        if found is not None:
            _KEPT.remove(found)
    work = found or _Scratch(height, width)
    try:
        yield work
    finally:
        if height * width <= _KEEP_PIXELS:
            with _LOCK:
                _KEPT.append(work)
                del _KEPT[:-_KEEP]


@lru_cache(maxsize=64)
def _grid(height: int, width: int, n_segments: int) -> tuple[np.ndarray, np.float32, int, int]:
    """skimage's grid centroids (z, y, x), its step (a C float in the Cython), and the k-means window steps."""
    from skimage.util import regular_grid

    grid = regular_grid((1, height, width), n_segments)
    ys, xs = np.arange(height)[grid[1]], np.arange(width)[grid[2]]  # z is 0
    centres = np.zeros((len(ys) * len(xs), 3))
    centres[:, 1], centres[:, 2] = np.repeat(ys, len(xs)), np.tile(xs, len(ys))
    step = np.float32(max(float(s.step) if s.step is not None else 1.0 for s in grid))
    # The Cython loop finds its windows from the number of centres, not from the number asked for.
    windows = regular_grid((1, height, width), len(centres))
    _, step_y, step_x = (int(s.step if s.step is not None else 1) for s in windows)
    centres.setflags(write=False)
    return centres, step, step_y, step_x


@lru_cache(maxsize=64)
def _levels(bottom: int, top: int) -> np.ndarray:
    """SLIC's rescale of 8-bit values from [bottom, top] to [0, 1], then rgb2xyz's gamma, for each of 256 values."""
    from skimage.util import img_as_float

    levels = img_as_float(np.arange(256, dtype=np.uint8))
    low, high = levels[bottom], levels[top]
    levels = levels - low
    if high != low:
        levels /= high - low
    linear = levels > 0.04045
    levels[linear] = np.power((levels[linear] + 0.055) / 1.055, 2.4)
    levels[~linear] /= 12.92
    levels.setflags(write=False)
    return levels


@cache
def _weights() -> np.ndarray:
    """SciPy's 9 Gaussian weights for sigma 1 (a unit impulse, filtered)."""
    from scipy import ndimage

    impulse = np.zeros(9)
    impulse[4] = 1.0
    return ndimage.gaussian_filter1d(impulse, SIGMA, mode="constant", truncate=4.0)


@cache
def _kernels() -> Any:
    """The compiled loops, or None: then scikit-image's slic gives the same labels, slower.

    Only on x86-64, where scikit-image's and SciPy's wheels are built without
    fused multiply-adds, as numba compiles these loops (GCC fuses them by
    default on other machines, which can change a near tie).
    """
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return None
    try:
        return importlib.import_module("stface.interpret._slic_kernels")
    except Exception:  # noqa: BLE001 - numba missing, or an llvmlite that does not load
        return None
