"""The component contract: what the pipeline asks of a component.

A component converts, in pure code that never imports Streamlit (a test
enforces it), so ``demo(...)``, the API and interpretation run without a page:

* ``preprocess(payload) -> fn argument`` and ``postprocess(fn result) -> payload``;
* ``as_python(payload)``: what ``demo(...)`` returns for an output;
* ``initial_payload()``: the value a new session starts with;
* ``can_input`` / ``can_output``, and ``empty_message`` for an input left empty.

A *payload* is the value a widget holds or shows, typed by the component's
parameter: ``Textbox`` is a ``Component[str | None]``, ``Audio`` a
``Component[AudioClip | None]``, ``Label`` a ``Component[LabelData]``.
``Interface.__call__`` hands Python values straight to ``preprocess`` as if a
widget held them. Drawing is the other layer: each component's widget, in
``stface/runtime/widgets/`` under the same module name, draws that payload.
"""

from __future__ import annotations

import copy
import inspect
from typing import Any, ClassVar, Generic, TypeVar

from stface._kwargs import check_gradio_kwargs, warn_compatibility

__all__ = ["Component", "GRADIO_IGNORED", "Payload"]

#: What a widget holds or shows for one component class.
Payload = TypeVar("Payload")

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


class Component(Generic[Payload]):
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

    def preprocess(self, payload: Payload) -> Any:
        """Convert what the widget holds into the argument fn receives."""
        return payload

    def postprocess(self, value: Any) -> Payload:
        """Convert what fn returned into what the output widget shows."""
        return value

    def as_python(self, payload: Payload) -> Any:
        """The Python value ``Interface.__call__`` returns for this output."""
        return payload

    def initial_payload(self) -> Payload:
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

    @property
    def display_label(self) -> str:
        """The label shown in the page and in messages (never empty)."""
        return self.label if self.label else type(self).__name__

    def __repr__(self) -> str:
        return f"{type(self).__name__}(label={self.label!r})"
