"""Interface: a function wrapped in a page of input and output components."""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from stface import _interface_setup as setup
from stface._kwargs import check_gradio_kwargs
from stface.app import App
from stface.components.state import State
from stface.concurrency import batcher_for
from stface.flagging import CSVLogger, FlaggingCallback
from stface.flagging.callback import check_callback
from stface.helpers import check_inputs
from stface.paths import FilePolicy, using_policy
from stface.pipeline import call_fn, missing_input_error, postprocess_all, preprocess_all, split_outputs
from stface.request import with_request
from stface.stream_media import check_streaming
from stface.tempfiles import Janitor
from stface.updates import KEEP, unwrapped

__all__ = ["Interface"]

class Interface(App):
    """Wrap ``fn`` in a page: input components in, output components out.

    Args:
        fn: the function to wrap; one parameter per input, one return value
            per output (a tuple for several outputs).
        inputs: a component, a string shortcut (``"text"``, ``"slider"`` ...),
            a list of them, or ``None`` for an output-only interface.
        outputs: the same, for what fn returns.
        examples: rows of input values shown under the inputs; clicking one
            fills the inputs.
        live: rerun fn whenever an input changes, with no Submit button.
        title, description, article: Markdown shown above and below.
        batch: fn takes one list per input and returns one list per output
            (a list or tuple of lists): ``return [results]`` for one output.
        allow_flagging / flagging_mode: ``"manual"``, ``"auto"`` or ``"never"``.
            Gradio 3's ``allow_flagging="auto"`` flags the inputs of each
            submit; Gradio 4+'s ``flagging_mode="auto"`` inputs and outputs.
        flagging_callback: a ``FlaggingCallback`` (default ``CSVLogger()``).
            Unless flagging is ``"never"``, its ``setup(components,
            flagging_dir)`` is called here, once, with the flagged components
            (``flagged_components()``); its ``flag(flag_data, flag_option,
            username)`` on each flag, with the values shaped as Gradio's
            (see ``stface.flagging.values``).
        delete_cache: ``(frequency, age)`` in seconds: every ``frequency``,
            delete files stface wrote that are older than ``age`` and that no
            live session owns (Gradio 4+). A session's files go when it ends.
        api_name, show_api, api_visibility: the endpoint in Gradio's HTTP API
            and MCP (see ``stface.api.endpoints``).
        validator: a function of the same inputs that returns
            ``gr.validate(ok, message)`` for each (Gradio 6); fn does not run
            while one is rejected, and the person sees the message.
        stream_every, time_limit: a live streaming input's chunk length and a stream's longest
            run, in seconds (``time_limit=None``: no limit). See ``stface.streaming``.
        css_paths, example_labels, additional_inputs_accordion, stop_btn: as in Gradio 4-6 (.css files
            after ``css``; example button labels; the additional inputs' expander; Stop while fn streams).

    Options that stface does not act on are accepted with one warning, as
    Gradio 3.50 accepted them; a likely misspelling gets a "did you mean".

    Example:
        >>> import stface as gr
        >>> def greet(name):
        ...     return "Hello " + name + "!"
        >>> demo = gr.Interface(fn=greet, inputs="text", outputs="text")
        >>> demo("Ada")
        'Hello Ada!'
        >>> demo.input_components[0].label
        'name'
    """

    def __init__(
        self,
        fn: Callable,
        inputs: Any = None,
        outputs: Any = None,
        examples: Sequence[Any] | str | None = None,
        cache_examples: bool | None = None,
        examples_per_page: int = 10,
        live: bool = False,
        interpretation: Callable | str | list | None = None,
        num_shap: float = 2.0,
        title: str | None = None,
        description: str | None = None,
        article: str | None = None,
        theme: Any = None,
        css: str | None = None,
        allow_flagging: str | bool | None = None,
        flagging_options: list | None = None,
        flagging_dir: str = "flagged",
        batch: bool = False,
        max_batch_size: int = 4,
        *,
        flagging_mode: str | None = None,
        concurrency_limit: int | str | None = "default",
        submit_btn: str = "Submit",
        clear_btn: str | None = "Clear",
        additional_inputs: Any = None,
        delete_cache: tuple[float, float] | None = None,
        flagging_callback: FlaggingCallback | None = None,
        validator: Callable | None = None,
        api_name: str | bool | None = None,
        show_api: bool = True,
        api_visibility: str = "public",
        api_description: str | None = None,
        stream_every: float = 0.5,
        time_limit: float | None = 30,
        css_paths: Any = None,
        example_labels: Sequence[str] | None = None,
        additional_inputs_accordion: Any = None,
        stop_btn: str | bool = "Stop",
        **gradio_kwargs: Any,
    ) -> None:
        check_gradio_kwargs("Interface()", gradio_kwargs, ignored=setup.IGNORED_OPTIONS, known=inspect.signature(Interface).parameters)
        if isinstance(fn, list) or not callable(fn):
            raise TypeError("Interface fn must be one callable; to run several side by side use gr.Parallel.")
        if setup.empty(inputs) and setup.empty(outputs):
            raise ValueError("Interface needs at least one input or one output component.")
        if batch and inspect.isgeneratorfunction(fn):
            raise ValueError("Gradio does not support generators in batch mode, and neither does stface: "
                             "with batch=True, fn must return one list per output.")  # fmt: skip
        self.fn = with_request(fn)  # a gr.Request parameter is filled in, not an input
        self.__name__ = getattr(fn, "__name__", "fn")
        #: Where the additional inputs start (drawn in an expander, Gradio 4+'s accordion), and its label.
        self.additional_from = len(setup.as_list(inputs)) if setup.as_list(additional_inputs) else None
        self.accordion_label = setup.accordion_label(additional_inputs_accordion)
        self.stop_btn = stop_btn  # shown while a generator fn streams (False: none)
        inputs = setup.as_list(inputs) + setup.as_list(additional_inputs)
        outputs = setup.as_list(outputs)
        self.input_components, self.output_components = setup.build_components(fn, inputs, outputs)
        setup.name_components(fn, self.input_components, self.output_components)
        self.examples = setup.normalise_examples(examples, len(self.input_components))
        self.examples_per_page = int(examples_per_page)
        self.example_labels = setup.example_labels(example_labels, self.examples)
        self.cache_examples = bool(cache_examples)
        self.live = bool(live)
        self.stream_every, self.time_limit = check_streaming(self.input_components, self.live, stream_every, time_limit)
        self.interpretation = interpretation
        self.num_shap = num_shap
        self.title, self.description, self.article = title, description, article
        self.app_dir = setup.app_dir(fn)
        self.set_style(theme, css, css_paths)
        self.allow_flagging = setup.flagging_mode(flagging_mode if flagging_mode is not None else allow_flagging)
        self.flagging_options = setup.flagging_options(flagging_options)
        self.flagging_dir = flagging_dir
        self.flagging_callback = CSVLogger() if flagging_callback is None else check_callback(flagging_callback)
        self.auto_flags_outputs = flagging_mode is not None  # Gradio 4+'s "auto" flags the outputs too
        self.batch, self.max_batch_size = bool(batch), int(max_batch_size)
        self.concurrency_limit = concurrency_limit
        self.submit_btn, self.clear_btn = submit_btn, clear_btn
        if validator is not None and not callable(validator):
            raise TypeError("validator must be a function of the inputs that returns gr.validate(...) per input.")
        self.validator = validator
        super().__init__()
        self.set_api(api_name, show_api, api_visibility, api_description)
        self.queue_concurrency: int | None = None  # set by queue(), Gradio 3's spelling of a limit
        self.queue_max_size: int | None = None
        self.delete_cache = delete_cache
        Janitor.configure(delete_cache)
        if self.allow_flagging != "never":
            self.flagging_callback.setup(self.flagged_components(), flagging_dir)  # as Gradio: once, when built

    @classmethod
    def load(cls, name: str, **kwargs: Any) -> Interface:
        """Gradio 3's spelling of :func:`stface.load`."""
        from stface.hub import interface_parts

        return cls(**interface_parts(name, **kwargs))

    @classmethod
    def from_pipeline(cls, pipeline: Any, **kwargs: Any) -> Interface:
        """An Interface around a transformers pipeline object, its components chosen by the task (as in Gradio).

        Keyword arguments customise the interface; the tasks are ``stface.load``'s.

        Example::

            from transformers import pipeline
            demo = stface.Interface.from_pipeline(pipeline("text-classification", model="..."), title="Sentiment")
            demo("I love it")  # {'POSITIVE': 0.99..., 'NEGATIVE': 0.0...}
        """
        from stface.hub import pipeline_parts

        return cls(**pipeline_parts(pipeline, **kwargs))

    # -- calling -------------------------------------------------------------

    def predict(self, payloads: Sequence[Any]) -> list[Any]:
        """Run one request on widget payloads (one per input, State included).

        Returns one payload per output component (a generator fn's last
        update). Raises ``stface.Error`` for anything the person should see.
        """
        outputs: list[Any] = []
        for outputs in self.predict_stream(payloads):
            pass
        return outputs

    def predict_stream(self, payloads: Sequence[Any], *, gathered: bool = False) -> Iterator[list[Any]]:
        """Like ``predict``, yielding the outputs after each update of a generator fn.

        With ``gathered=True`` and ``batch=True``, this call joins others from
        concurrent sessions in one batched fn call (the page does this).
        """
        if len(payloads) != len(self.input_components):
            raise TypeError(f"{self.__name__} expects {len(self.input_components)} input value(s), got {len(payloads)}.")
        n_outputs = len(self.output_components)
        with using_policy(self.file_policy()):
            args = preprocess_all(self.input_components, payloads)
            if self.validator is not None:  # Gradio 6: fn does not run on inputs its validator rejects
                check_inputs(self.validator, args, [c.display_label for c in self.input_components])
            try:
                if self.batch and gathered:
                    row = batcher_for(self.key, self.fn, self.max_batch_size, n_outputs).submit(args)
                    result = row[0] if n_outputs == 1 else row
                elif self.batch:
                    result = call_fn(self.fn, args, batch=True, n_outputs=n_outputs)
                else:
                    result = self.fn(*args)
                if inspect.isgenerator(result):
                    for update in result:
                        yield postprocess_all(self.output_components, split_outputs(update, self.output_components))
                    return
            except Exception as exc:
                raise missing_input_error(self.input_components, args) or exc from exc
            yield postprocess_all(self.output_components, split_outputs(result, self.output_components))

    def flagged_components(self) -> list[Any]:
        """What a flag holds, in order: the inputs, then the outputs (not under Gradio 3's ``allow_flagging="auto"``)."""
        with_outputs = self.allow_flagging != "auto" or self.auto_flags_outputs
        parts = self.input_components + (self.output_components if with_outputs else [])
        return [c for c in parts if not isinstance(c, State)]

    @property
    def streams(self) -> bool:
        """True when fn is a generator, whose updates the page shows as they come."""
        return inspect.isgeneratorfunction(self.fn)

    @property
    def concurrency(self) -> int | None:
        """How many fn calls may run at once across sessions (None: no bound)."""
        if self.queue_concurrency is not None:
            return int(self.queue_concurrency)
        return self.concurrency_limit if isinstance(self.concurrency_limit, int) else None

    def file_policy(self) -> FilePolicy:
        """Which files fn's outputs may name (see ``stface.paths``)."""
        options = self.launch_options
        return FilePolicy(allowed=tuple(options.allowed_paths), blocked=tuple(options.blocked_paths), app_dir=self.app_dir)

    def __call__(self, *values: Any) -> Any:
        """Run fn on Python values, as if they were typed into the inputs.

        State inputs start from their initial value and are not passed;
        State outputs are not returned. One output returns its value; several
        return a list, as in Gradio.
        """
        payloads = self._payloads(values)
        results = [
            component.as_python(plain) if (plain := unwrapped(payload)) is not KEEP else None
            for component, payload in zip(self.output_components, self.predict(payloads))
            if not isinstance(component, State)
        ]
        return results[0] if len(results) == 1 else results

    def interpret(self, *values: Any) -> list[Any]:
        """Explain a prediction: one entry per input, in Gradio 3.x's formats.

        Values are given as to ``demo(*values)``. Text gives ``[(token, score),
        (" ", 0), ...]``; a number ``[(value, score), ...]`` with ``(x, None)``
        in the middle; a slider a score per evenly spaced value; a radio or
        dropdown a score per choice with ``None`` at the chosen one; a
        checkbox a pair with ``None`` at the current state; a checkbox group a
        pair per choice; an image an H x W map in 0..1; audio a score per
        segment. Positive scores pushed toward the prediction.

        Example:
            >>> import stface as gr
            >>> def gender(s):
            ...     w = s.split(); m = sum(x in ("he", "his") for x in w); f = sum(x in ("she", "her") for x in w)
            ...     return {"male": m / max(m + f, 1), "female": f / max(m + f, 1)}
            >>> demo = gr.Interface(gender, "text", "label", interpretation="default")
            >>> [(token, round(score, 2)) for token, score in demo.interpret("she met his dog")[0][::2]]
            [('she', -0.5), ('met', 0.0), ('his', 0.5), ('dog', 0.0)]
        """
        from stface.interpret import explain

        return explain(self, self._payloads(values))

    def _payloads(self, values: Sequence[Any]) -> list[Any]:
        visible = [c for c in self.input_components if not isinstance(c, State)]
        if len(values) != len(visible):
            names = ", ".join(repr(c.display_label) for c in visible)
            raise TypeError(f"{self.__name__}() takes {len(visible)} value(s) ({names}); got {len(values)}.")
        given = iter(values)
        return [c.initial_payload() if isinstance(c, State) else next(given) for c in self.input_components]

    # -- pages -----------------------------------------------------------------

    @property
    def key(self) -> str:
        """A key stable across reruns and processes, prefixing session state."""
        parts = [getattr(self.fn, "__module__", ""), getattr(self.fn, "__qualname__", self.__name__), self.title or ""]
        parts += [f"{type(c).__name__}:{c.label}" for c in self.input_components + self.output_components]
        return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:10]

    def render(self, *, key: str | None = None, fragment: bool = False) -> None:
        """Draw the interface into the current Streamlit script, where called.

        Use it to put an interface inside an existing Streamlit page; give
        each of several interfaces on one page its own ``key``. With
        ``fragment=True`` the interface is a Streamlit fragment: Submit reruns
        it alone, not the rest of the page, which pays off when the page
        around it is slow to draw (on a page of four interfaces it saves
        nothing measurable: ``bench/browser.py --fragments``).

        Example (inside a Streamlit script)::

            import streamlit as st
            st.header("My dashboard")
            demo.render()
        """
        from stface.runtime.page import render_interface

        render_interface(self, key=key or self.key, fragment=fragment)

    def queue(self, concurrency_count: int | None = 1, max_size: int | None = None, api_open: bool = True, **_: Any) -> Interface:
        """Gradio 3's queue: at most ``concurrency_count`` fn calls at once across
        sessions (1 by default, as in Gradio), and past ``max_size`` waiting,
        a "busy, try again" message. Returns the interface so calls chain.

        Example:
            >>> import stface as gr
            >>> gr.Interface(str.upper, "text", "text").queue(concurrency_count=2).concurrency
            2
        """
        self.queue_concurrency, self.queue_max_size = concurrency_count, max_size
        self.api_open = api_open
        return self

    def __repr__(self) -> str:
        ins = ", ".join(map(repr, self.input_components))
        outs = ", ".join(map(repr, self.output_components))
        return f"Interface({self.__name__}: [{ins}] -> [{outs}])"

