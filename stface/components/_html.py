"""Small helpers for the HTML that stface builds itself.

Everything that goes into markup passes through ``escape`` (text) or
``unit_score`` (numbers that become colours or widths), so that no user or
model text can become an element and no NaN or string reaches a ``style=``.
"""

from __future__ import annotations

import html
import math
import re
from typing import Any

__all__ = ["escape", "neutralise_script_links", "score_background", "unit_score"]

# Bidi overrides and zero-width characters can disguise text ("invoice \u202eexe.txt" reads as
# "invoice txt.exe"); they are shown as visible code points, e.g. "<U+202E>". A numeric character
# reference (&#x202e;) would not do: the browser decodes it back into the very same character.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def escape(text: Any) -> str:
    """Escape any value for use as HTML text or a quoted attribute.

    Example:
        >>> escape('<b title="x">\u202eevil</b>')
        '&lt;b title=&quot;x&quot;&gt;&lt;U+202E&gt;evil&lt;/b&gt;'
    """
    visible = _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", str(text))
    return html.escape(visible, quote=True)


def unit_score(value: Any, *, low: float = -1.0, high: float = 1.0) -> float:
    """A finite float clamped to ``[low, high]``; anything else becomes 0."""
    if isinstance(value, bool):
        return 0.0
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    if not math.isfinite(number):
        return 0.0
    return min(max(number, low), high)


def score_background(score: Any) -> str:
    """CSS colour for a signed score: red toward, blue away, alpha by strength."""
    s = unit_score(score)
    if s >= 0:
        return f"rgba(239, 68, 68, {s:.3f})"
    return f"rgba(59, 130, 246, {-s:.3f})"


_SCRIPT_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def neutralise_script_links(markdown: str) -> str:
    """Disarm ``[x](javascript:...)`` style links, which st.markdown keeps."""
    return _SCRIPT_LINK.sub("](#blocked:", markdown)
