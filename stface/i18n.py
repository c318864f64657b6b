"""``gr.I18n``: user-facing strings in the language of each person's browser.

``i18n = gr.I18n(en={...}, fr={...})`` holds the translations; ``i18n("key")``
is an :class:`I18nData` that goes wherever a label, title or button text
goes. Components are shared by every session, so they are never changed:
the page translates while it draws, in the browser's language
(``st.context.locale``), which it binds with :func:`translating` for
:func:`translate` to read.

An :class:`I18nData` is also a ``str``: its text is the English translation
(or the key), so anything that wants a plain string (``demo("x")``, a flag
CSV header, an error message) gets English and never fails. ``+`` keeps the
translation (``"* " + i18n("name")``); f-strings and ``%`` give English.

Fallbacks, as Gradio's frontend resolves them: the browser's locale
(``fr-CA``), its language (``fr``), another region of that language
(``fr-FR``), English (``en``, then ``en-*``), and last the key itself.
Locale codes match case-insensitively, with ``_`` read as ``-``.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from stface._context import bound

__all__ = ["I18n", "I18nData", "current_locale", "translate", "translating", "translator"]

_LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # BCP 47, as Gradio checks it
_locale: contextvars.ContextVar[str | None] = contextvars.ContextVar("stface_locale", default=None)
_launched: contextvars.ContextVar[I18n | None] = contextvars.ContextVar("stface_launch_i18n", default=None)


class I18n:
    """Translations for an app's labels, titles and buttons (Gradio 5's ``gr.I18n``).

    Each keyword is a locale code (``en``, ``fr``, ``pt-BR``) mapping
    translation keys to text. ``i18n("key")`` is the placeholder to use in
    place of a string; each browser sees it in its own language, falling back
    to the language without region, then English, then the key.

    Pass it to ``demo.launch(i18n=i18n)`` as in Gradio; stface also
    translates without it (``demo.render()``, ``streamlit run``), since each
    placeholder knows the ``I18n`` that made it.

    Example:
        >>> import stface as gr
        >>> i18n = gr.I18n(en={"greeting": "Hello"}, fr={"greeting": "Bonjour"})
        >>> label = i18n("greeting")
        >>> str(label), label.localized("fr-CA"), label.localized("de")
        ('Hello', 'Bonjour', 'Hello')
    """

    def __init__(self, **translations: Mapping[str, str]) -> None:
        self.translations: dict[str, Mapping[str, str]] = {}
        for locale, table in translations.items():
            if not isinstance(table, Mapping):
                raise TypeError(
                    f"gr.I18n({locale}=...) takes a dict of translation keys to text, "
                    f"e.g. gr.I18n({locale}={{'greeting': '...'}}); got {type(table).__name__}."
                )
            if not _LOCALE.match(locale):
                warnings.warn(
                    f"Invalid locale code: '{locale}'. Locale codes should follow BCP 47 format (e.g. 'en', 'en-US'). "
                    "This locale will still be included, but may not work correctly.",
                    UserWarning,
                    stacklevel=2,
                )
            self.translations[locale] = table

    def __call__(self, key: str) -> I18nData:
        """The placeholder for ``key``, translated where it is shown."""
        if not isinstance(key, str):
            raise TypeError(f"i18n(key) takes the translation key as a str; got {type(key).__name__}.")
        return I18nData(key, self)

    @property
    def translations_dict(self) -> dict[str, Mapping[str, str]]:
        """The translations given (Gradio's name)."""
        return self.translations

    def lookup(self, key: str, locale: str) -> str | None:
        """``key`` in exactly this locale (any case, ``_`` or ``-``), or None."""
        wanted = _normal(locale)
        for name, table in self.translations.items():
            if _normal(name) == wanted and key in table:
                return str(table[key])
        return None

    def locales(self) -> list[str]:
        return [_normal(name) for name in self.translations]

    def __repr__(self) -> str:
        return f"I18n({', '.join(self.translations)})"


class _Text(str):
    """A ``str`` whose text is English, and which knows how to say itself in another language."""

    def localized(self, locale: str | None, launched: I18n | None = None) -> str:
        raise NotImplementedError

    def __add__(self, other: Any) -> Any:
        return _Joined((self, other)) if isinstance(other, str) else NotImplemented

    def __radd__(self, other: Any) -> Any:
        return _Joined((other, self)) if isinstance(other, str) else NotImplemented

    def __copy__(self) -> _Text:
        return self

    def __deepcopy__(self, memo: Any) -> _Text:
        return self


class I18nData(_Text):
    """A translation key standing in for a string (what ``i18n("key")`` returns).

    As a ``str`` it reads as its English text (the key when there is none);
    the page shows it in each browser's language.

    Example:
        >>> from stface.i18n import I18n, translate
        >>> title = I18n(en={"t": "Counter"}, fr={"t": "Compteur"})("t")
        >>> title.key, title.upper(), translate("# " + title, "fr")
        ('t', 'COUNTER', '# Compteur')
    """

    key: str
    _source: I18n | None

    def __new__(cls, key: str, source: I18n | None = None) -> I18nData:
        english = _resolve(key, "en", source, None)
        data = super().__new__(cls, english)
        data.key, data._source = key, source
        return data

    def localized(self, locale: str | None, launched: I18n | None = None) -> str:
        return _resolve(self.key, locale, self._source, launched)

    def to_dict(self) -> dict[str, Any]:
        """Gradio's serialised form."""
        return {"__type__": "translation_metadata", "key": self.key}

    def tojson(self) -> dict[str, Any]:
        return self.to_dict()

    def __reduce__(self) -> tuple[Any, ...]:
        return (I18nData, (self.key, self._source))

    def __repr__(self) -> str:  # messages quote values with !r: they read the English text
        return str.__repr__(self)


class _Joined(_Text):
    """Text joined with ``+`` from plain strings and placeholders."""

    parts: tuple[str, ...]

    def __new__(cls, parts: tuple[str, ...]) -> _Joined:
        flat: list[str] = []
        for part in parts:
            flat.extend(part.parts if isinstance(part, _Joined) else (part,))
        joined = super().__new__(cls, "".join(str.__str__(p) for p in flat))
        joined.parts = tuple(flat)
        return joined

    def localized(self, locale: str | None, launched: I18n | None = None) -> str:
        return "".join(p.localized(locale, launched) if isinstance(p, _Text) else p for p in self.parts)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Joined, (self.parts,))


def translate(text: Any, locale: str | None = None) -> Any:
    """``text`` in ``locale`` (default: the language the page bound); anything not translatable as is.

    Example:
        >>> from stface.i18n import I18n, translate
        >>> hello = I18n(en={"hi": "Hello"}, fr={"hi": "Bonjour"}, **{"fr-CA": {"hi": "Allo"}})("hi")
        >>> [translate(hello, loc) for loc in ("fr-CA", "fr-BE", "es", None)], translate("plain", "fr")
        (['Allo', 'Bonjour', 'Hello', 'Hello'], 'plain')
    """
    if not isinstance(text, _Text):
        return text
    return text.localized(locale if locale is not None else _locale.get(), _launched.get())


def translator() -> Callable[[Any], Any]:
    """:func:`translate` in the language bound now, for a function called later (a widget's ``format_func``).

    Example:
        >>> from stface.i18n import I18n, translating, translator
        >>> with translating("fr"):
        ...     shown = translator()
        >>> shown(I18n(en={"k": "yes"}, fr={"k": "oui"})("k")), shown(3)
        ('oui', 3)
    """
    locale, launched = _locale.get(), _launched.get()

    def shown(text: Any) -> Any:
        return text.localized(locale, launched) if isinstance(text, _Text) else text

    return shown


def current_locale() -> str | None:
    """The browser language the page bound with :func:`translating` (None: English)."""
    return _locale.get()


@contextlib.contextmanager
def translating(locale: str | None, launched: I18n | None = None) -> Iterator[None]:
    """Inside the block, :func:`translate` uses ``locale`` and the ``launch(i18n=)`` translations."""
    with bound(_locale, locale), bound(_launched, launched):
        yield


def _normal(locale: str) -> str:
    return locale.strip().replace("_", "-").lower()


def _candidates(locale: str | None, known: list[str]) -> list[str]:
    """The locales to try, best first: exact, language, other regions of it, English, the key."""
    chain: list[str] = []
    for wanted in ([_normal(locale)] if locale else []) + ["en"]:
        language = wanted.split("-")[0]
        chain += [wanted, language] + [k for k in known if k.split("-")[0] == language]
    return list(dict.fromkeys(chain))


def _resolve(key: str, locale: str | None, source: I18n | None, launched: I18n | None) -> str:
    sources = [s for s in (launched, source) if s is not None]
    known = [name for s in sources for name in s.locales()]
    for candidate in _candidates(locale, known):
        for translations in sources:
            found = translations.lookup(key, candidate)
            if found is not None:
                return found
    return key
