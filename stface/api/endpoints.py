"""An app's API endpoints: what Gradio's HTTP API, curl and MCP call, on the same pipeline as the page.

Each Interface (each tab of a TabbedInterface, a Parallel or Series, a
ChatInterface) is one endpoint, named as Gradio 6 names it: ``api_name=``,
or fn's name, with ``_1``, ``_2`` ... when tabs share a name. Gradio 3
named every Interface ``/predict``: when no endpoint has that name, a call
to ``/predict`` reaches the app's first endpoint, so 3.x scripts keep
working. ``Endpoint.stream`` runs one call exactly as a person's
Submit does: the same conversions, the same ``validator``, the same
``concurrency_limit`` / ``queue()`` gate (shared with the page's sessions),
the same file policy, ``gr.Request`` and ``gr.Progress``. It yields the
output *payloads* after each update; the HTTP layer turns them into Gradio's
JSON (files into URLs it serves).

No streamlit here: the API runs beside the page, not inside a script run.

Example:
    >>> import stface as gr
    >>> demo = gr.Interface(lambda name: "Hello " + name, gr.Textbox(label="name"), "text")
    >>> (endpoint,) = endpoints(demo)
    >>> endpoint.api_name, [p.name for p in endpoint.parameters]  # a lambda's name, as Gradio 6 cleans it
    ('lambda', ['name'])
    >>> list(endpoint.stream(["Ada"]))[-1]
    ['Hello Ada']
"""

from __future__ import annotations

import contextlib
import inspect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from stface.components.base import Component
from stface.components.state import State
from stface.concurrency import gate_for
from stface.messages import notifying_to
from stface.progress import reporting_to
from stface.request import Request, requested

#: An app (``stface.app.App``), an Interface or a ChatInterface: not imported here, since they reach the
#: page's drawing and the API never draws.
App = Interface = ChatInterface = Any

__all__ = ["Endpoint", "Parameter", "endpoints", "find_endpoint"]

Progress = Callable[[float | None, str | None], None]
Notice = Callable[[str, str, str], None]  # (kind, message, title): gr.Info / gr.Warning / gr.Success


@dataclass(frozen=True)
class Parameter:
    """One input of an endpoint, as Gradio describes it in its API info."""

    name: str  # fn's parameter name (Gradio's ``parameter_name``)
    label: str
    component: Component
    default: Any  # the component's starting value
    has_default: bool


@dataclass
class Endpoint:
    """One callable door into an app: its name, inputs, outputs and a way to run it."""

    api_name: str  # without the leading slash
    fn_index: int
    app: Interface | ChatInterface
    parameters: list[Parameter]
    outputs: list[Component]
    description: str
    visible: bool  # False: callable but not listed (show_api=False / api_visibility="undocumented")
    open: bool  # False: api_open=False / api_name=False / api_visibility="private": not callable at all

    @property
    def streams(self) -> bool:
        """True when fn yields updates (the HTTP layer sends each as it comes)."""
        return bool(self.app.streams)

    @property
    def is_chat(self) -> bool:
        return self.app.__class__.__name__ == "ChatInterface"

    def stream(
        self,
        values: Sequence[Any],
        *,
        request: Request | None = None,
        progress: Progress | None = None,
        notice: Notice | None = None,
    ) -> Iterator[list[Any]]:
        """Run one call on Python values (files as paths); yield the output payloads after each update.

        Raises ``stface.Error`` for what the caller should read (a validator's
        message, an upload that does not convert, ``gr.Error`` from fn, a full
        queue) and any other exception for a failure of fn.
        """
        if len(values) != len(self.parameters):
            names = ", ".join(p.name for p in self.parameters)
            raise TypeError(f"/{self.api_name} takes {len(self.parameters)} value(s) ({names}); got {len(values)}.")
        app = self.app
        gate = gate_for(app.key, app.concurrency, app.queue_max_size)
        with contextlib.ExitStack() as stack:
            stack.enter_context(requested(request))
            if progress is not None:
                stack.enter_context(reporting_to(progress))
            if notice is not None:
                stack.enter_context(notifying_to(notice))
            if gate is not None:
                stack.enter_context(gate.slot())
            if self.is_chat:
                yield from self._chat(list(values))
            else:
                yield from app.predict_stream(app._payloads(list(values)), gathered=True)  # type: ignore[union-attr]

    def _chat(self, values: list[Any]) -> Iterator[list[Any]]:
        from stface.chat_history import as_message_dicts

        chat: ChatInterface = self.app  # type: ignore[assignment]
        message, extras = values[0], values[1:]
        for answer, outputs in chat.respond(message, [], extras):
            chat.checked_files(answer)
            if len(answer) == 1 and not answer[0].is_file and not answer[0].metadata and not answer[0].options:
                reply: Any = answer[0].content
            else:
                reply = as_message_dicts(answer)
            yield [reply, *outputs]


def endpoints(app: App) -> list[Endpoint]:
    """The endpoints of an app, in Gradio's order (one per Interface; tabs in order)."""
    parts = list(getattr(app, "interfaces", None) or [app]) if app.__class__.__name__ == "TabbedInterface" else [app]
    found: list[Endpoint] = []
    taken: set[str] = set()
    for index, part in enumerate(parts):
        endpoint = _endpoint(part, index)
        name, number = endpoint.api_name, 1
        while endpoint.api_name in taken:  # Gradio: predict, predict_1, predict_2 ...
            endpoint.api_name = f"{name}_{number}"
            number += 1
        taken.add(endpoint.api_name)
        found.append(endpoint)
    return found


def find_endpoint(app: App, api_name: str | None = None, fn_index: int | None = None) -> Endpoint | None:
    """The open endpoint called ``api_name`` (with or without its slash) or numbered ``fn_index``."""
    found = [endpoint for endpoint in endpoints(app) if endpoint.open]
    for endpoint in found:
        if api_name is not None and endpoint.api_name == api_name.lstrip("/"):
            return endpoint
        if api_name is None and fn_index is not None and endpoint.fn_index == fn_index:
            return endpoint
    if api_name is not None and api_name.lstrip("/") == "predict" and found:
        return found[0]  # Gradio 3's name for an Interface's endpoint
    return None


def _endpoint(part: Any, index: int) -> Endpoint:
    is_chat = part.__class__.__name__ == "ChatInterface"
    api_name = getattr(part, "api_name", None)
    visibility = getattr(part, "api_visibility", "public")
    closed = api_name is False or visibility == "private" or getattr(part, "api_open", True) is False
    name = _clean(api_name if isinstance(api_name, str) and api_name else getattr(part, "__name__", "predict"))
    if is_chat:
        inputs = [_message_component(part), *part.additional_inputs]
        names = ["message", *[_name(c, i + 1) for i, c in enumerate(part.additional_inputs)]]
        outputs = [_reply_component(part), *part.additional_outputs]
    else:
        inputs = [c for c in part.input_components if not isinstance(c, State)]
        names = _fn_names(part.fn, inputs)
        outputs = [c for c in part.output_components if not isinstance(c, State)]
    parameters = [
        Parameter(name=n, label=c.display_label, component=c, default=_default(c), has_default=_default(c) is not None)
        for n, c in zip(names, inputs)
    ]
    return Endpoint(
        api_name=name,
        fn_index=index,
        app=part,
        parameters=parameters,
        outputs=outputs,
        description=inspect.getdoc(getattr(part, "fn", None)) or "",
        visible=not closed and getattr(part, "show_api", True) is not False and visibility != "undocumented",
        open=not closed,
    )


def _default(component: Component) -> Any:
    value = component.value
    return None if callable(value) else value


def _clean(name: str) -> str:
    """Gradio's rule: api names are made of letters, digits, _ and -."""
    return re.sub(r"[^\w-]", "", name.lstrip("/")) or "predict"


def _fn_names(fn: Callable, inputs: Sequence[Component]) -> list[str]:
    """fn's parameter names for its inputs (Gradio's ``parameter_name``), or names from the labels."""
    try:
        parameters = [p for p in inspect.signature(fn).parameters.values()
                      if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]  # fmt: skip
    except (TypeError, ValueError):
        parameters = []
    names = [p.name for p in parameters[: len(inputs)]]
    return names + [_name(c, i) for i, c in enumerate(inputs) if i >= len(names)]


def _name(component: Component, index: int) -> str:
    label = re.sub(r"\W+", "_", str(component.display_label or "")).strip("_").lower()
    return label if label and not label[0].isdigit() else f"param_{index}"


def _message_component(chat: ChatInterface) -> Component:
    from stface.components.multimodal_textbox import MultimodalTextbox
    from stface.components.textbox import Textbox

    return MultimodalTextbox(label="message") if chat.multimodal else Textbox(label="message")


def _reply_component(chat: ChatInterface) -> Component:
    from stface.components.textbox import Textbox

    return Textbox(label="response")
