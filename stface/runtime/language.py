"""The browser's language, bound while an app is drawn, for ``gr.I18n`` placeholders.

Components are shared by every session and never changed per session: the
page binds the language of the browser it draws for (``st.context.locale``,
e.g. ``fr-FR``) and the ``launch(i18n=)`` translations, and widgets call the
pure :func:`stface.i18n.translate` on labels, info, placeholders and titles.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import streamlit as st

from stface.i18n import translating

__all__ = ["browser_language", "browser_locale"]


def browser_locale() -> str | None:
    """The browser's ``navigator.language`` (None where no browser runs the page: English)."""
    try:
        locale = st.context.locale
    except Exception:  # noqa: BLE001 - outside a script run there is no browser to ask
        return None
    return locale if isinstance(locale, str) and locale else None


@contextlib.contextmanager
def browser_language(app: Any) -> Iterator[None]:
    """Draw ``app`` in this browser's language (with its ``launch(i18n=)`` translations, if any)."""
    options = getattr(app, "launch_options", None)
    with translating(browser_locale(), getattr(options, "i18n", None)):
        yield
