"""The two loops of scikit-image's SLIC, compiled with numba (see :mod:`stface.interpret.slic`).

Both follow ``skimage/segmentation/_slic.pyx`` operation by operation, so
they give the same labels bit for bit:

- ``kmeans`` is ``_slic_cython`` for a 2-D image of three planar channels
  (no mask, unit spacing, SLIC rather than SLIC-zero). It visits a pixel's
  segments in the same increasing order and keeps the first strict minimum,
  but runs along image rows so the distance arithmetic vectorises. Segment
  means are summed per segment in raster order, as the Cython loop does;
  the coordinate sums are integers, exact in any order.
- ``connect`` is ``_enforce_label_connectivity_cython`` in two dimensions.
- ``smooth`` finishes ``rgb2lab`` from the cube roots numpy took, then blurs
  as ``scipy.ndimage.gaussian_filter`` does along each axis (its symmetric
  correlation: centre, then the outermost pair inwards, on a line extended
  by reflection), and scales by ``1 / compactness``.

This module imports numba at the top: import it only when numba is there.
"""

from __future__ import annotations

import numba
import numpy as np

_JIT = {"cache": True, "nogil": True, "error_model": "numpy"}  # numpy: 0/0 is NaN, as in the Cython (cdivision)


@numba.njit(**_JIT)
def kmeans(
    L, A, B, segments, step_y, step_x, spatial_weight, iterations, start_label, nearest, distance
):  # pragma: no cover
    """Labels (start_label...) of each pixel, written into ``nearest`` (``distance`` is work space).

    ``segments`` (n, 6: z y x c0 c1 c2) starts as the grid and is updated in place.
    """
    height, width = L.shape
    n = segments.shape[0]
    nearest[:, :] = start_label - 1
    dx2 = np.empty((n, width))
    windows = np.zeros((n, 4), np.int64)
    row = np.empty(width)
    counts = np.empty(n, np.int64)
    y_sums = np.empty(n, np.int64)
    x_sums = np.empty(n, np.int64)
    far = np.finfo(np.float64).max
    for _ in range(iterations):
        change = False  # the Cython's: some pixel was assigned (a finite image: every pixel in a window is)
        for k in range(n):  # each segment's window and its squared x distances
            cy, cx = segments[k, 1], segments[k, 2]
            if np.isnan(cy) or np.isnan(cx):  # a segment left empty: its NaN distances never win
                windows[k, :] = 0
                continue
            windows[k, 0], windows[k, 1] = int(max(cy - 2 * step_y, 0.0)), int(min(cy + 2 * step_y + 1, float(height)))
            windows[k, 2], windows[k, 3] = int(max(cx - 2 * step_x, 0.0)), int(min(cx + 2 * step_x + 1, float(width)))
            for x in range(windows[k, 2], windows[k, 3]):
                t = cx - x
                dx2[k, x] = t * t
            change |= windows[k, 0] < windows[k, 1] and windows[k, 2] < windows[k, 3]
        for y in range(height):  # a pixel meets its segments in increasing k, as in the Cython
            l_row, a_row, b_row, d_row, n_row = L[y], A[y], B[y], distance[y], nearest[y]
            d_row[:] = far
            for k in range(n):
                if y < windows[k, 0] or y >= windows[k, 1]:
                    continue
                dy = segments[k, 1] - y
                dy *= dy
                c0, c1, c2 = segments[k, 3], segments[k, 4], segments[k, 5]
                x_row = dx2[k]
                # Unsigned bounds spare the negative-index check, so the loops vectorise.
                x0, x1 = np.uint64(windows[k, 2]), np.uint64(windows[k, 3])
                for x in range(x0, x1):  # ((dz + dy + dx) * w) + ((t0² + t1²) + t2²), dz = 0
                    t = l_row[x] - c0
                    color = t * t
                    t = a_row[x] - c1
                    color += t * t
                    t = b_row[x] - c2
                    color += t * t
                    row[x] = (dy + x_row[x]) * spatial_weight + color
                for x in range(x0, x1):
                    if d_row[x] > row[x]:
                        d_row[x] = row[x]
                        n_row[x] = k + start_label
        if not change:
            break
        counts[:], y_sums[:], x_sums[:] = 0, 0, 0
        segments[:, 3:] = 0.0
        for y in range(height):
            n_row, l_row, a_row, b_row = nearest[y], L[y], A[y], B[y]
            x = 0
            while x < width:  # one run of a label at a time, summed in raster order
                label, first = n_row[x], x
                k = label - start_label
                s0, s1, s2 = segments[k, 3], segments[k, 4], segments[k, 5]
                while x < width and n_row[x] == label:
                    s0 += l_row[x]
                    s1 += a_row[x]
                    s2 += b_row[x]
                    x += 1
                segments[k, 3], segments[k, 4], segments[k, 5] = s0, s1, s2
                counts[k] += x - first
                y_sums[k] += y * (x - first)
                x_sums[k] += (first + x - 1) * (x - first) // 2
        for k in range(n):
            count = counts[k]
            segments[k, 0] = 0.0 / count
            segments[k, 1] = y_sums[k] / count
            segments[k, 2] = x_sums[k] / count
            for c in range(3, 6):
                segments[k, c] /= count
    return nearest


@numba.njit(**_JIT)
def gather(levels, image, out):  # pragma: no cover - compiled
    """``out[...] = levels[image]``: each 8-bit value's level (np.take with ``out`` goes through a buffer)."""
    height, width, channels = image.shape
    for y in range(height):
        for x in range(width):
            for c in range(channels):
                out[y, x, c] = levels[image[y, x, c]]


@numba.njit(**_JIT)
def divide(xyz, white):  # pragma: no cover - compiled
    """``xyz /= white`` in place (numpy's broadcast over a last axis of 3 is slow; the quotients are the same)."""
    height, width = xyz.shape[:2]
    rows = xyz.reshape(height, width * 3)
    pattern = np.empty(width * 3)  # white, white, ...: one contiguous division per value, which vectorises
    for x in range(width):
        pattern[3 * x], pattern[3 * x + 1], pattern[3 * x + 2] = white[0], white[1], white[2]
    for y in range(height):
        row = rows[y]
        for i in range(width * 3):
            row[i] /= pattern[i]


@numba.njit(**_JIT)
def smooth(xyz, cube, weights, scale, planes, blurred):  # pragma: no cover - compiled
    """L, a and b planes (in ``planes``) of the blurred, scaled image; ``blurred`` is work space.

    ``xyz`` is the image in XYZ over the white point, ``cube`` its cube root.
    """
    height, width = xyz.shape[:2]
    for y in range(height):
        for x in range(width):
            f0, f1, f2 = (
                _f(xyz[y, x, 0], cube[y, x, 0]),
                _f(xyz[y, x, 1], cube[y, x, 1]),
                _f(xyz[y, x, 2], cube[y, x, 2]),
            )
            planes[0, y, x] = _blur_flat((116.0 * f1) - 16.0, weights)
            planes[1, y, x] = _blur_flat(500.0 * (f0 - f1), weights)
            planes[2, y, x] = _blur_flat(200.0 * (f1 - f2), weights)
    for c in range(3):
        _blur_columns(planes[c], blurred[c], weights)
        _blur_rows(blurred[c], planes[c], weights, scale)
    return planes[0], planes[1], planes[2]


@numba.njit(**_JIT)
def _blur_columns(plane, out, weights):  # pragma: no cover - compiled
    """SciPy's correlation down each column, a row at a time."""
    w0, w1, w2, w3, centre = weights[0], weights[1], weights[2], weights[3], weights[4]
    height, width = plane.shape
    rows = np.empty(9, np.int64)
    for y in range(height):
        for j in range(9):
            rows[j] = _reflect(y + j - 4, height)
        p0, p1, p2, p3, p4 = plane[rows[0]], plane[rows[1]], plane[rows[2]], plane[rows[3]], plane[rows[4]]
        p5, p6, p7, p8, o = plane[rows[5]], plane[rows[6]], plane[rows[7]], plane[rows[8]], out[y]
        for x in range(width):
            v = p4[x] * centre
            v += (p0[x] + p8[x]) * w0
            v += (p1[x] + p7[x]) * w1
            v += (p2[x] + p6[x]) * w2
            v += (p3[x] + p5[x]) * w3
            o[x] = v


@numba.njit(**_JIT)
def _blur_rows(plane, out, weights, scale):  # pragma: no cover - compiled
    """SciPy's correlation along each row, times ``scale``."""
    w0, w1, w2, w3, centre = weights[0], weights[1], weights[2], weights[3], weights[4]
    height, width = plane.shape
    line = np.empty(width + 8)
    for y in range(height):
        source, target = plane[y], out[y]
        for i in range(4):
            line[i] = source[_reflect(i - 4, width)]
            line[width + 4 + i] = source[_reflect(width + i, width)]
        line[4 : width + 4] = source
        for x in range(width):
            v = line[x + 4] * centre
            v += (line[x] + line[x + 8]) * w0
            v += (line[x + 1] + line[x + 7]) * w1
            v += (line[x + 2] + line[x + 6]) * w2
            v += (line[x + 3] + line[x + 5]) * w3
            target[x] = v * scale


@numba.njit(inline="always")
def _f(value, cube):  # pragma: no cover - compiled
    """xyz2lab's nonlinearity, with numpy's cube root."""
    return cube if value > 0.008856 else 7.787 * value + 16.0 / 116.0


@numba.njit(inline="always")
def _blur_flat(value, weights):  # pragma: no cover - compiled
    """The blur along the (1, H, W) image's first axis: a line of length 1 reflects onto itself."""
    out = value * weights[4]
    twice = value + value
    for j in range(4):
        out += twice * weights[j]
    return out


@numba.njit(inline="always")
def _reflect(i, length):  # pragma: no cover - compiled
    """SciPy's "reflect" (dcba|abcd|dcba), repeated for lines shorter than the filter."""
    m = i % (2 * length)
    return m if m < length else 2 * length - 1 - m


@numba.njit(**_JIT)
def connect(labels, min_size, max_size, start_label):  # pragma: no cover - compiled
    """Each connected region its own label; regions under ``min_size`` join the last neighbour seen."""
    height, width = labels.shape
    unset = start_label - 1
    out = np.full((height, width), unset, np.intp)
    new = start_label
    queue = np.empty((max(max_size, 1), 2), np.intp)
    steps_y, steps_x = (0, 0, 1, -1), (1, -1, 0, 0)
    for y in range(height):
        for x in range(width):
            if labels[y, x] == unset or out[y, x] > unset:
                continue
            adjacent, label = new, labels[y, x]
            out[y, x] = new
            queue[0, 0], queue[0, 1] = y, x
            size, visited = 1, 0
            while visited < size < max_size:
                for i in range(4):
                    yy, xx = queue[visited, 0] + steps_y[i], queue[visited, 1] + steps_x[i]
                    if 0 <= xx < width and 0 <= yy < height:
                        if labels[yy, xx] == label and out[yy, xx] == unset:
                            out[yy, xx] = new
                            queue[size, 0], queue[size, 1] = yy, xx
                            size += 1
                            if size >= max_size:
                                break
                        elif out[yy, xx] > unset and out[yy, xx] != new:
                            adjacent = out[yy, xx]
                visited += 1
            if size < min_size:
                for i in range(size):
                    out[queue[i, 0], queue[i, 1]] = adjacent
            else:
                new += 1
    return out
