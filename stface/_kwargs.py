"""Gradio keyword arguments that stface accepts but does not act on.

Gradio apps pass many layout and front-end options (``scale``, ``elem_id``,
``show_copy_button`` ...) that have no Streamlit counterpart. Refusing them
would break working apps; silently dropping them would hide a typo. So known
Gradio names are accepted with one warning per call that names them all, and
anything else is a TypeError that suggests the closest real name.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Iterable, Mapping

__all__ = ["StfaceCompatibilityWarning", "check_gradio_kwargs"]


class StfaceCompatibilityWarning(UserWarning):
    """A Gradio option was accepted but has no effect under stface."""


def check_gradio_kwargs(
    owner: str,
    given: Mapping[str, object],
    *,
    ignored: Iterable[str],
    known: Iterable[str] = (),
) -> None:
    """Warn once about ignored Gradio options; raise on unknown ones.

    ``owner`` names the callable in messages (``"Textbox()"``); ``ignored`` are
    Gradio parameter names that stface accepts without acting on them; ``known``
    are the parameters the callable does act on, used for suggestions.
    """
    ignored = set(ignored)
    unknown = [name for name in given if name not in ignored]
    if unknown:
        name = unknown[0]
        candidates = sorted(ignored | set(known))
        close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.7)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise TypeError(f"{owner} got an unexpected keyword argument '{name}'.{hint}")
    if given:
        names = ", ".join(sorted(given))
        warnings.warn(
            f"{owner}: stface accepts but ignores these Gradio options: {names}. "
            "They have no Streamlit counterpart; remove them to silence this warning.",
            StfaceCompatibilityWarning,
            stacklevel=3,
        )
