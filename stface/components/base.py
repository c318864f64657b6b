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
import json
import numbers
import secrets
import shutil
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from stface._kwargs import check_gradio_kwargs, warn_compatibility

__all__ = ["GRADIO_IGNORED", "Component", "Payload", "interpretation_count", "is_file_data"]

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


_NOT_GIVEN: Any = object()


def interpretation_count(owner: str, name: str, value: Any) -> int:
    """A ``set_interpret_parameters`` count (segments, steps): a whole number of at least 1."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise ValueError(f"{owner}.set_interpret_parameters({name}=...) takes a whole number of at least 1, "
                         f"not {value!r}.")  # fmt: skip
    return int(value)


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
        self.set_interpret_parameters()  # Gradio 3.x's defaults, as its Interpretable components set them

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
        skip = self.presentation_attributes | {k for k in vars(self) if k.startswith("interpretation_")}
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

    @classmethod
    def update(cls, value: Any = _NOT_GIVEN, **options: Any) -> dict[str, Any]:
        """Gradio 3.x's ``gr.Textbox.update(...)``: ``gr.update(...)`` for this kind of component.

        fn returns it for an output to change its value and options. Options
        left ``None`` stay as they are, as in Gradio 3.x; ``value=None`` clears
        the output. An option this component does not have is a TypeError
        that suggests the closest one. Gradio 3.50 deprecated the method in
        favour of returning a component (``gr.Textbox(visible=False)``) or
        ``gr.update(...)``; stface accepts it with the same advice.

        Example:
            >>> import warnings, stface as gr
            >>> with warnings.catch_warnings():
            ...     warnings.simplefilter("ignore")
            ...     gr.Textbox.update(visible=False, label=None)
            {'__type__': 'update', 'visible': False}
        """
        owner, known = f"{cls.__name__}.update()", cls._parameter_names()
        ignored = GRADIO_IGNORED | cls.gradio_ignored
        check_gradio_kwargs(owner, {k: v for k, v in options.items() if k not in known}, ignored=ignored, known=known,
                            strict=True)  # fmt: skip
        warn_compatibility(f"{owner} was deprecated in Gradio 3.50: return gr.update(...) or a component, e.g. "
                           f"gr.{cls.__name__}(visible=False), instead.")  # fmt: skip
        props = {k: v for k, v in options.items() if v is not None}
        return {"__type__": "update", **props, **({} if value is _NOT_GIVEN else {"value": value})}

    def set_interpret_parameters(self) -> Component:
        """Gradio 3.x's interpretation options: this component has none. Returns the component.

        Textbox, Number, Slider, Image and Audio take options (how the input
        is split or stepped when interpretation perturbs it).

        Example:
            >>> import stface as gr
            >>> radio = gr.Radio(["a", "b"])
            >>> radio.set_interpret_parameters() is radio
            True
        """
        return self

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

    # -- flagging: values as a FlaggingCallback receives them (stface.flagging) ---

    def flag(self, payload: Any, flag_dir: str | Path = "") -> str:
        """Gradio 4+'s ``component.flag``: one flagged value as a CSV cell.

        ``payload`` is the value a ``FlaggingCallback`` receives for this
        component. Each file in it (a FileData dict) is copied into its own
        folder under ``flag_dir`` and the value points at the copy; a string
        is returned as it is, anything else as JSON.

        Example:
            >>> import stface as gr
            >>> gr.Number().flag(3), gr.Textbox().flag("hi")
            ('3', 'hi')
        """
        payload = _copy_files(payload, Path(flag_dir))
        return payload if isinstance(payload, str) else json.dumps(payload, default=str)

    def deserialize(self, x: Any, save_dir: str | Path | None = None, root_url: Any = None, hf_token: Any = None) -> Any:
        """Gradio 3's ``component.deserialize`` as flagging callbacks use it: a file's path, else the value.

        Files (FileData dicts) are copied into ``save_dir`` first when it is given.

        Example:
            >>> import stface as gr
            >>> gr.Textbox().deserialize("hi")
            'hi'
        """
        if save_dir is not None:
            x = _copy_files(x, Path(save_dir))
        return _file_paths(x)

    @property
    def display_label(self) -> str:
        """The label shown in the page and in messages (never empty)."""
        return self.label if self.label else type(self).__name__

    def __repr__(self) -> str:
        return f"{type(self).__name__}(label={self.label!r})"


def is_file_data(value: Any) -> bool:
    """True for Gradio's FileData dict, ``{"path": ..., "meta": {"_type": "gradio.FileData"}, ...}``.

    Example:
        >>> is_file_data({"path": "a.png", "meta": {"_type": "gradio.FileData"}}), is_file_data({"path": "a.png"})
        (True, False)
    """
    meta = value.get("meta") if isinstance(value, dict) else None
    return isinstance(meta, dict) and meta.get("_type") == "gradio.FileData" and isinstance(value.get("path"), str)


def _copy_files(value: Any, folder: Path) -> Any:
    """``value`` with each local file it names copied into a new folder under ``folder`` (Gradio's copy_to_dir)."""
    if is_file_data(value):
        source = Path(value["path"])
        if not source.is_file():
            return value  # a URL, or a file already gone: kept as given
        target = folder / secrets.token_hex(10)
        target.mkdir(parents=True, exist_ok=True)
        return {**value, "path": shutil.copy(source, target / source.name)}
    if isinstance(value, dict):
        return {key: _copy_files(item, folder) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_files(item, folder) for item in value]
    return value


def _file_paths(value: Any) -> Any:
    """FileData dicts in ``value`` replaced by their paths (Gradio's simplify_file_data)."""
    if is_file_data(value):
        return value["path"]
    if isinstance(value, dict):
        return {key: _file_paths(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_file_paths(item) for item in value]
    return value
