"""``gradio.exceptions``' public names, for apps that import them from there.

Example:
    >>> from stface.exceptions import Error
    >>> Error("Upload a picture first.").message
    'Upload a picture first.'
"""

from __future__ import annotations

from stface.errors import Error

__all__ = ["Error"]
