"""Content hashes and sizes of the values ``gr.cache`` keys on and keeps (Gradio 6's rules).

Numpy arrays, PIL images and pandas frames hash by their data; pandas is
imported only when a pandas value is seen.

Example:
    >>> import numpy as np
    >>> from stface._content_hash import cache_hash
    >>> cache_hash(np.zeros(3)) == cache_hash(np.zeros(3)) != cache_hash(np.ones(3))
    True
"""

from __future__ import annotations

import hashlib
import sys
from typing import Any

import numpy as np
from PIL import Image

from stface.request import Request

__all__ = ["cache_hash", "estimate_size", "parse_size"]

_UNITS = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}


def parse_size(size: str | int | None) -> int | None:
    """``"512mb"``, ``"2 GB"`` or a number of bytes -> bytes (Gradio's units: powers of 1024)."""
    if size is None or (isinstance(size, int) and not isinstance(size, bool)):
        return size
    text = str(size).replace(" ", "").upper()
    digits = len(text) - len(text.lstrip("0123456789"))
    if not isinstance(size, str) or not digits or text[digits:] not in _UNITS:
        raise ValueError(f"max_memory must be a number of bytes or a size such as '512mb' or '2gb'; got {size!r}.")
    return int(text[:digits]) * _UNITS[text[digits:]]


def cache_hash(obj: Any) -> str:
    """A SHA-256 of ``obj``'s content, as ``gr.cache`` keys it."""
    try:
        return hashlib.sha256(_hash_repr(obj).encode("utf-8")).hexdigest()
    except RecursionError:
        raise TypeError(
            "gr.cache: the inputs refer to themselves (or nest too deeply) and cannot be hashed. "
            "Give gr.cache a key= function that picks what to key on."
        ) from None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _from_pandas(obj: Any) -> bool:
    return type(obj).__module__.split(".")[0] == "pandas"


def _hash_repr(obj: Any) -> str:
    if obj is None:
        return "None"
    if isinstance(obj, (bool, int, float, str)):
        return repr(obj)
    if isinstance(obj, bytes):
        return _digest(obj)
    if isinstance(obj, (list, tuple)):
        return f"{'L' if isinstance(obj, list) else 'T'}[{','.join(_hash_repr(x) for x in obj)}]"
    if isinstance(obj, dict):
        pairs = sorted((repr(k), _hash_repr(v)) for k, v in obj.items())
        return "D{" + ",".join(f"{k}:{v}" for k, v in pairs) + "}"
    if isinstance(obj, set):
        return "S{" + ",".join(sorted(_hash_repr(x) for x in obj)) + "}"
    if isinstance(obj, np.ndarray):
        return f"np({obj.shape},{obj.dtype},{_digest(np.ascontiguousarray(obj).tobytes())})"
    if isinstance(obj, Request):  # the session asking, not this rerun's request object
        return f"Request({obj.session_hash!r},{obj.username!r})"
    if isinstance(obj, Image.Image):
        return f"PIL({obj.mode},{obj.size},{_digest(obj.tobytes())})"
    if _from_pandas(obj):
        import pandas as pd

        if isinstance(obj, (pd.DataFrame, pd.Series)):
            head = _hash_repr(list(obj.columns)) if isinstance(obj, pd.DataFrame) else _hash_repr(obj.name)
            values = _digest(pd.util.hash_pandas_object(obj, index=False).to_numpy().tobytes())
            index = _digest(pd.util.hash_pandas_object(obj.index).to_numpy().tobytes())
            return f"{'DF' if isinstance(obj, pd.DataFrame) else 'Series'}({head},{values},{index})"
    if callable(getattr(obj, "model_dump", None)):  # a pydantic model
        return _hash_repr(obj.model_dump())
    try:
        return repr(hash(obj))
    except TypeError:
        pass
    if hasattr(obj, "__dict__"):
        return _hash_repr(vars(obj))
    raise TypeError(
        f"gr.cache: cannot hash an object of type {type(obj).__name__}. Turn it into hashable values "
        "(numbers, strings, numpy arrays, PIL images, lists, dicts) before passing it, or give gr.cache a key= function."
    )


def estimate_size(obj: Any) -> int:
    """Bytes an entry holds, roughly (the data of arrays, images and frames)."""
    if isinstance(obj, np.ndarray):
        return obj.nbytes
    if isinstance(obj, Image.Image):
        return obj.size[0] * obj.size[1] * len(obj.getbands())
    if _from_pandas(obj) and hasattr(obj, "memory_usage"):
        usage = obj.memory_usage(deep=True)
        return int(usage.sum() if hasattr(usage, "sum") else usage)
    if isinstance(obj, (bytes, bytearray)):
        return len(obj)
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(obj, torch.Tensor):
        return obj.nelement() * obj.element_size()
    if isinstance(obj, dict):
        return sum(estimate_size(v) for v in obj.values())
    if isinstance(obj, (list, tuple)):
        return sum(estimate_size(v) for v in obj)
    return sys.getsizeof(obj)
