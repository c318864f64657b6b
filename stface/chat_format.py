"""Which history format a chat fn is written for: Gradio 3.x's pairs, or Gradio 5–6's messages.

Gradio 3.50 only had pairs and Gradio 6 only has messages, and neither asks
fn. When ``type`` is not given, stface reads fn's source: if it takes history
items apart as pairs (``for user, bot in history``, ``history[-1][0]``,
``pair[1]``) it gets pairs, otherwise messages.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable
from typing import Literal

from stface import _interface_setup as setup
from stface._kwargs import retired_value

__all__ = ["history_type"]


def history_type(fn: Callable, given: str | None = None) -> Literal["tuples", "messages"]:
    """The history format fn is written for (see the module docstring).

    Example:
        >>> def old(message, history):
        ...     return sum(len(user) for user, bot in history)
        >>> history_type(old), history_type(lambda message, history: len(history))
        ('tuples', 'messages')
    """
    if given is not None:
        chosen = retired_value("ChatInterface()", "type", given, {})
        if chosen not in ("tuples", "messages"):
            raise ValueError(f"ChatInterface type must be 'messages' or 'tuples'; got {given!r}.")
        return chosen  # type: ignore[return-value]
    names = [p.name for p in setup.parameters(fn)]
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError, SyntaxError, IndentationError):
        return "messages"
    return "tuples" if len(names) >= 2 and _reads_pairs(tree, names[1]) else "messages"


def _reads_pairs(tree: ast.AST, history: str) -> bool:
    def over_history(node: ast.AST) -> bool:
        while isinstance(node, (ast.Subscript, ast.Call)):
            if isinstance(node, ast.Call):
                if not node.args:
                    return False
                node = node.args[0]  # reversed(history), enumerate(history), list(history)
            else:
                node = node.value
        return isinstance(node, ast.Name) and node.id == history

    def pair_target(target: ast.AST, iterated: ast.AST) -> bool:
        if isinstance(iterated, ast.Call) and getattr(iterated.func, "id", "") == "enumerate":
            return isinstance(target, ast.Tuple) and len(target.elts) == 2 and pair_target(target.elts[1], iterated.args[0])
        return isinstance(target, (ast.Tuple, ast.List)) and len(target.elts) == 2

    item_names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.comprehension)) and over_history(node.iter):
            if pair_target(node.target, node.iter):
                return True
            item = node.target
            if isinstance(item, ast.Tuple) and getattr(getattr(node.iter, "func", None), "id", "") == "enumerate":
                item = item.elts[-1]  # for i, turn in enumerate(history)
            if isinstance(item, ast.Name):
                item_names.add(item.id)
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value in (0, 1):
            inner = node.value
            if isinstance(inner, ast.Name) and inner.id in item_names:
                return True
            if isinstance(inner, ast.Subscript) and isinstance(inner.value, ast.Name) and inner.value.id == history:
                return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and over_history(node.left):
            right = node.right
            if isinstance(right, ast.List) and right.elts and isinstance(right.elts[0], (ast.List, ast.Tuple)):
                return True
    return False
