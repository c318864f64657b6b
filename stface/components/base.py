"""The component contract.

A component does two jobs, kept apart:

* converting, in pure functions that never touch Streamlit:
  ``preprocess(payload) -> fn argument`` and ``postprocess(fn result) -> payload``;
* drawing, the only code that calls Streamlit:
  ``render_input(key) -> payload`` and ``render_output(payload, key)``.

A *payload* is the value a widget holds or shows: the text of a text box, the
chosen option of a radio, a :class:`~stface.components.label.LabelData` for a
label. ``Interface.__call__`` hands Python values straight to ``preprocess``
as if a widget held them, and returns ``as_python(payload)`` for each output.
"""

from __future__ import annotations

import copy
import inspect
from typing import Any, ClassVar

from stface._kwargs import check_gradio_kwargs, warn_compatibility

__all__ = ["Component", "GRADIO_IGNORED"]

#: Gradio options common to every component that have no Streamlit counterpart.
GRADIO_IGNORED = frozenset(
    {
        "every",
        "container",
        "scale",
        "min_width",
        "elem_id",
        "elem_classes",
        "render",
        "key",
        "autofocus",
        "autoscroll",
        "show_copy_button",
        "show_share_button",
        "show_download_button",
        "rtl",
        "text_align",
        "inputs",
        "preserved_by_key",
        "optional",
        "color",
        "height",
        "width",
        "show_fullscreen_button",
        "buttons",
        # retired in Gradio 3.x, which accepted them with a warning (gradio/deprecation.py)
        "keep_filename",
        "numeric",
        "plot",
        "root_url",
        "load_fn",
    }
)


class Component:
    """Base class of every stface component.

    Subclasses set ``can_input`` / ``can_output``, and override the conversion
    and drawing methods they need. Keyword arguments stface does not act on
    (Gradio's layout options, options Gradio itself retired, misspellings)
    are accepted with one warning, as Gradio 3.50 accepted them; the warning
    suggests the closest real option for a likely misspelling.

    Example:
        >>> import stface as gr
        >>> box = gr.Textbox(label="Name")
        >>> box.preprocess("Ada")
        'Ada'
    """

    can_input: ClassVar[bool] = True
    can_output: ClassVar[bool] = True
    #: False when the input cannot sit in a form (parts that need reruns go in ``render_outside_form``).
    form_compatible: ClassVar[bool] = True
    #: What to tell the person when fn failed on this input left empty (``{label}`` is filled in).
    empty_message: ClassVar[str | None] = None
    #: Extra Gradio options this class ignores, on top of ``GRADIO_IGNORED``.
    gradio_ignored: ClassVar[frozenset[str]] = frozenset()

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        show_label: bool | None = None,
        info: str | None = None,
        visible: bool = True,
        interactive: bool | None = None,
        **gradio_kwargs: Any,
    ) -> None:
        if "default" in gradio_kwargs:  # Gradio 2's name for value (3.50 dropped it silently)
            default = gradio_kwargs.pop("default")
            value = default if value is None else value
            warn_compatibility(f"{type(self).__name__}(): default= is Gradio 2's name for value=; stface uses it as "
                               "the value. Pass value= to silence this warning.")  # fmt: skip
        check_gradio_kwargs(
            f"{type(self).__name__}()",
            gradio_kwargs,
            ignored=GRADIO_IGNORED | self.gradio_ignored,
            known=self._parameter_names(),
        )
        self.value = value
        self.label = label
        self.show_label = show_label
        self.info = info
        self.visible = visible
        self.interactive = interactive

    @classmethod
    def _parameter_names(cls) -> set[str]:
        names: set[str] = set()
        for klass in cls.__mro__:
            init = klass.__dict__.get("__init__")
            if init is not None:
                names |= set(inspect.signature(init).parameters) - {"self", "gradio_kwargs", "kwargs"}
        return names

    # -- conversions (pure) -------------------------------------------------

    #: Attributes that change how a component is drawn, never how it converts.
    presentation_attributes: ClassVar[frozenset[str]] = frozenset(
        {"value", "label", "show_label", "info", "visible", "interactive", "placeholder", "elem_id"}
    )

    def converts_like(self, other: Component) -> bool:
        """True when ``other`` turns the same payload into the same fn argument.

        Parallel uses it to hand every part the values its own inputs would
        make, without converting twice where nothing differs.

        Example:
            >>> import stface as gr
            >>> gr.Image(label="a").converts_like(gr.Image(label="b"))
            True
            >>> gr.Image(type="pil").converts_like(gr.Image(type="numpy"))
            False
        """
        if type(self) is not type(other):
            return False
        skip = self.presentation_attributes
        mine = {k: v for k, v in vars(self).items() if k not in skip}
        theirs = {k: v for k, v in vars(other).items() if k not in skip}
        try:
            return bool(mine == theirs)
        except ValueError:  # numpy arrays compare element-wise
            return False

    def preprocess(self, payload: Any) -> Any:
        """Convert what the widget holds into the argument fn receives."""
        return payload

    def postprocess(self, value: Any) -> Any:
        """Convert what fn returned into what the output widget shows."""
        return value

    def as_python(self, payload: Any) -> Any:
        """The Python value ``Interface.__call__`` returns for this output."""
        return payload

    def initial_payload(self) -> Any:
        """The value the input widget starts with in a new session.

        A callable ``value`` is called once per session, as Gradio calls it
        on page load. Mutable defaults are copied so sessions never share them.
        """
        value = self.value() if callable(self.value) else self.value
        return copy.deepcopy(value)

    def style(self, *args: Any, **kwargs: Any) -> Component:
        """Gradio 3's retired ``.style(...)``: accepted with a warning, returns the component.

        Example:
            >>> import warnings, stface as gr
            >>> with warnings.catch_warnings(record=True) as caught:
            ...     warnings.simplefilter("always")
            ...     box = gr.Textbox(label="a").style(container=False)
            >>> box.label, "no effect" in str(caught[0].message)
            ('a', True)
        """
        names = ", ".join([repr(a) for a in args] + sorted(kwargs)) or "nothing"
        warn_compatibility(
            f"{type(self).__name__}.style() was retired in Gradio 3.50 and has no effect in stface (given: {names}). "
            "Set options in the constructor instead, or style the page with css=."
        )
        return self

    # -- drawing (Streamlit) --------------------------------------------------

    def store(self, state: Any, key: str, payload: Any) -> None:
        """Put ``payload`` into the input widget's session state (clear, examples)."""
        state[key] = payload

    def render_input(self, key: str, *, on_change=None) -> Any:
        """Draw the input widget under ``key`` and return its payload."""
        raise TypeError(f"{type(self).__name__} cannot be used as an input component.")

    def render_outside_form(self, key: str) -> None:
        """Draw the part of the input that needs reruns while it is used, above the form.

        Most components have none. A WebRTC recorder does: it stores what it
        recorded under ``key``, where ``render_input`` finds it.
        """

    def render_output(self, payload: Any, key: str) -> None:
        """Draw ``payload`` as an output under ``key``."""
        raise TypeError(f"{type(self).__name__} cannot be used as an output component.")

    # -- helpers for drawing ------------------------------------------------

    @property
    def display_label(self) -> str:
        """The label shown in the page (Streamlit needs a non-empty one)."""
        return self.label if self.label else type(self).__name__

    @property
    def label_visibility(self) -> str:
        return "collapsed" if self.show_label is False else "visible"

    @property
    def disabled(self) -> bool:
        return self.interactive is False

    def __repr__(self) -> str:
        return f"{type(self).__name__}(label={self.label!r})"
