"""``gr.Progress()``: progress that fn reports, drawn as a Streamlit progress bar.

Give fn a parameter whose default is ``gr.Progress()``; stface leaves it out
of the inputs and fn's calls use the default. While the page runs fn, the
progress goes to a bar under the outputs; elsewhere (``demo(...)``) it is
silently dropped.

Example:
    >>> import stface as gr
    >>> def slow(text, progress=gr.Progress()):
    ...     for _ in progress.tqdm(range(3), desc="thinking"):
    ...         pass
    ...     return text
    >>> gr.Interface(slow, "text", "text")("done")
    'done'
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from stface._context import bound

__all__ = ["Progress", "reporting_to"]

Reporter = Callable[[float | None, str | None], None]
_reporter: contextvars.ContextVar[Reporter | None] = contextvars.ContextVar("stface_progress", default=None)


def reporting_to(reporter: Reporter) -> contextlib.AbstractContextManager[Reporter]:
    """Send ``gr.Progress`` reports to ``reporter`` inside the block."""
    return bound(_reporter, reporter)


def _report(fraction: float | None, desc: str | None) -> None:
    reporter = _reporter.get()
    if reporter is not None:
        reporter(None if fraction is None else min(max(float(fraction), 0.0), 1.0), desc)


class Progress:
    """Report progress from inside fn (Gradio's API).

    ``progress(0.5, desc="half way")``, ``progress((3, 10))`` or
    ``for x in progress.tqdm(items, desc=...)``.

    Example:
        >>> import stface as gr
        >>> gr.Progress()((3, 4), desc="three of four")
        0.75
    """

    def __init__(self, track_tqdm: bool = False) -> None:
        self.track_tqdm = track_tqdm

    def __call__(self, progress: float | tuple[int, int | None] | None, desc: str | None = None,
                 total: int | None = None, unit: str = "steps") -> float | None:  # fmt: skip
        if isinstance(progress, tuple):
            done, total = progress
            fraction = done / total if total else None
        else:
            fraction = None if progress is None else float(progress) / (total or 1)
        _report(fraction, desc)
        return fraction

    def tqdm(self, iterable: Iterable[Any], desc: str | None = None, total: int | None = None,
             unit: str = "steps", *_: Any, **__: Any) -> Iterator[Any]:  # fmt: skip
        """Yield from ``iterable``, reporting the fraction done before each item."""
        if total is None:
            total = len(iterable) if hasattr(iterable, "__len__") else None  # type: ignore[arg-type]
        for index, item in enumerate(iterable):
            _report(index / total if total else None, desc)
            yield item
        _report(1.0, desc)
