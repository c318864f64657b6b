"""One request, without any UI: preprocess -> fn -> postprocess.

Pure Python shared by ``Interface.__call__`` and the page, so that what a
test calls is exactly what a person's Submit runs.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any

from stface.components.base import Component
from stface.errors import Error

__all__ = ["batch_rows", "call_batch", "call_fn", "missing_input_error", "postprocess_all", "preprocess_all", "split_outputs"]


def preprocess_all(components: Sequence[Component], payloads: Sequence[Any]) -> list[Any]:
    """Convert each widget payload into fn's argument; errors name the input."""
    args = []
    for component, payload in zip(components, payloads):
        try:
            args.append(component.preprocess(payload))
        except Error:
            raise
        except (ValueError, TypeError) as exc:
            raise Error(f"Input '{component.display_label}': {exc}") from exc
    return args


def missing_input_error(components: Sequence[Component], args: Sequence[Any]) -> Error | None:
    """When fn failed and a media input was left empty, say that instead.

    fn still receives ``None`` for an empty input, as in Gradio, so a fn that
    handles it works; one that does not gets a message the person can act on.
    """
    for component, arg in zip(components, args):
        message = component.empty_message
        if arg is None and message:
            return Error(message.format(label=component.display_label))
    return None


def call_fn(fn: Callable, args: list[Any], *, batch: bool, n_outputs: int) -> Any:
    """Call fn once, wrapping and unwrapping a batch of one when ``batch``.

    A generator's last value is the result (streaming to the page is the
    page's job; a plain call wants the final answer).
    """
    if batch:
        (row,) = call_batch(fn, [args], n_outputs=n_outputs)
        return row[0] if n_outputs == 1 else row
    result = fn(*args)
    if inspect.isgenerator(result):
        last = None
        for last in result:
            pass
        result = last
    return result


def call_batch(fn: Callable, rows: Sequence[Sequence[Any]], *, n_outputs: int) -> list[tuple[Any, ...]]:
    """One batched fn call on rows of arguments: fn gets one list per input; one tuple of outputs per row."""
    return batch_rows(fn(*[list(column) for column in zip(*rows)]), n_outputs=n_outputs, n_rows=len(rows))


def batch_rows(result: Any, *, n_outputs: int, n_rows: int) -> list[tuple[Any, ...]]:
    """A batched fn's return value -> one tuple of output values per input row.

    Gradio's contract for ``batch=True``: fn returns a list or tuple holding
    one list per output, each with one item per input row. So a fn with one
    output returns ``[results]``, e.g. ``return [[w.upper() for w in words]]``.

    Example:
        >>> batch_rows([["HI", "YO"]], n_outputs=1, n_rows=2)
        [('HI',), ('YO',)]
        >>> batch_rows((["a"], [1]), n_outputs=2, n_rows=1)
        [('a', 1)]
    """
    if n_outputs == 0 and (result is None or result == [] or result == ()):
        return [()] * n_rows
    if isinstance(result, (list, tuple)) and len(result) == n_outputs:
        columns = [_as_column(column) for column in result]
        if all(column is not None and len(column) == n_rows for column in columns):
            return list(zip(*columns)) if n_outputs else [()] * n_rows
    raise Error(
        f"With batch=True, fn must return a list (or tuple) of {n_outputs} list(s), one per output, "
        f"each with {n_rows} item(s), one per input in the batch; it returned {_shape(result)}. "
        f"For one output, wrap the results: return [results]."
    )


def _as_column(column: Any) -> list[Any] | None:
    if isinstance(column, (list, tuple)):
        return list(column)
    if hasattr(column, "__len__") and hasattr(column, "__iter__") and not isinstance(column, (str, bytes, dict)):
        return list(column)  # a numpy array or a pandas Series
    return None


def _shape(result: Any) -> str:
    if not isinstance(result, (list, tuple)):
        return f"a {type(result).__name__}"
    inner = ", ".join(
        f"a list of {len(c)}" if _as_column(c) is not None else f"a {type(c).__name__}" for c in result[:5]
    )
    return f"a {type(result).__name__} of {len(result)} ({inner}{', ...' if len(result) > 5 else ''})"


def split_outputs(result: Any, outputs: Sequence[Component]) -> list[Any]:
    """fn's return value -> one value per output component."""
    if len(outputs) == 0:
        return []
    if len(outputs) == 1:
        return [result]
    labels = ", ".join(repr(c.display_label) for c in outputs)
    if not isinstance(result, (tuple, list)):
        raise Error(
            f"fn returned a single {type(result).__name__} but the interface has {len(outputs)} outputs "
            f"({labels}). Return a tuple with one value per output, in order."
        )
    if len(result) != len(outputs):
        raise Error(
            f"fn returned {len(result)} values but the interface has {len(outputs)} outputs "
            f"({labels}). Return one value per output, in order."
        )
    return list(result)


def postprocess_all(components: Sequence[Component], values: Sequence[Any]) -> list[Any]:
    """Convert each fn result into what its output shows; errors name the output.

    ``gr.update(...)`` (or a component instance) becomes an ``Updated``: the
    new payload, or ``KEEP``, and the options it changes.
    """
    from stface.updates import KEEP, Updated, updated

    payloads = []
    for component, value in zip(components, values):
        try:
            change = updated(component, value)
            if change is not None:
                new, props = change
                payloads.append(Updated(KEEP if new is KEEP else component.postprocess(new), props))
            else:
                payloads.append(component.postprocess(value))
        except Error:
            raise
        except (ValueError, TypeError) as exc:
            raise Error(f"Output '{component.display_label}' ({type(component).__name__}): {exc}") from exc
    return payloads
