"""Binding a context variable for the length of a ``with`` block."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import TypeVar

__all__ = ["bound"]

T = TypeVar("T")


@contextlib.contextmanager
def bound(variable: contextvars.ContextVar[T], value: T) -> Iterator[T]:
    """Set ``variable`` to ``value`` inside the block; restore it after, even on error."""
    token = variable.set(value)
    try:
        yield value
    finally:
        variable.reset(token)
