"""What a click, or Streamlit's Stop, in the middle of a request does to fn.

Streamlit ends a script run at its next drawing call when the person does
something that reruns the page (a click anywhere, "Use via API", another
interface's Submit) or presses Streamlit's own Stop (the toolbar's, or the
chat input's stop button): that call raises ``StopException`` (or
``RerunException`` with ``runner.fastReruns`` off). With fast reruns, which
is Streamlit's default, the new run starts at once on another thread while
the old one still runs. Raised while fn reports progress or shows a
message, the exception would end fn half-way; raised while a generator's
update is drawn, it would end the stream. The request, still pending, would
then start again from the top in the new run: a streamed answer would begin
again from its first word, and fn would run twice.

* :class:`Held` catches those two where fn is busy and keeps the newest
  until what fn gave is stored; the run then raises it and Streamlit goes on
  as asked.
* :class:`Updates` is a request's stream of updates. A rerun pauses it
  between two updates and the next run takes it up where it was, so fn is
  called once per request. Streamlit's Stop ends it as Gradio's Stop does:
  what streamed so far is the answer.

Example:
    >>> def words():
    ...     yield "one"
    ...     yield "two"
    >>> updates = Updates(words())
    >>> next(updates.resume(tuple))  # the run that started it; a rerun ends it here
    'one'
    >>> list(updates.resume(tuple)), updates.count  # the next run: fn is not called again
    (['two'], 2)
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, ScriptControlException, StopException

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["Held", "RerunException", "StopException", "Updates"]


class Held:
    """Streamlit's rerun or stop, raised by a drawing call while fn runs, kept until fn's answer is safe.

    Use it as a context manager around each drawing call made for fn, then
    call :meth:`release` once what fn gave is stored::

        held = Held()
        with held:
            st.progress(0.5)   # Streamlit may raise here: kept, not raised
        ...                    # store fn's answer
        held.release()         # now Streamlit's rerun or stop goes on
    """

    def __init__(self) -> None:
        self.signal: ScriptControlException | None = None
        self._superseded: bool | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> bool:
        if not isinstance(exc, ScriptControlException):
            return False
        if not isinstance(self.signal, StopException):  # a Stop outranks a rerun; a newer rerun replaces an older one
            self.signal = exc
        return True

    @property
    def stopping(self) -> bool:
        """Streamlit's Stop was pressed (toolbar or chat input), or the session is ending.

        Not when the stop only makes way for the session's next run: that is
        a rerun (see the module docstring).
        """
        if not isinstance(self.signal, StopException):
            return False
        if self._superseded is None:
            self._superseded = _superseded()
        return not self._superseded

    def release(self) -> None:
        """Raise what was kept, if anything: Streamlit's run ends as it asked."""
        signal, self.signal, self._superseded = self.signal, None, None
        if signal is not None:
            raise signal


def _superseded() -> bool:
    """Whether Streamlit stopped this script run to start the session's next one (its fast reruns).

    Streamlit's Stop leaves the session's script runner in place; a rerun
    with fast reruns replaces it. This reads Streamlit 1.67's runtime (the
    session's ``_scriptrunner`` and the run context's ``script_requests``);
    where those are missing, a stop is taken as a Stop.
    """
    try:
        from streamlit.runtime import Runtime
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx(suppress_warning=True)
        info = Runtime.instance()._session_mgr.get_active_session_info(ctx.session_id)
        session = info.session
        if session._state.name == "SHUTDOWN_REQUESTED":
            return False
        runner = session._scriptrunner
        return runner is None or runner._requests is not ctx.script_requests
    except Exception:  # noqa: BLE001 - no session, or another Streamlit: a Stop
        return False


class Updates:
    """A request's updates from fn, which can outlive the script run that started them.

    Each step runs in a context of its own (``contextvars``), so what fn's
    generator binds stays with it while it is paused and wherever it
    resumes. :meth:`resume` takes the bindings of the run that reads it
    (progress bar, messages, request), since those belong to a page run.
    """

    def __init__(self, updates: Iterator[Any]) -> None:
        self._updates = updates
        self._context = contextvars.copy_context()
        #: How many updates were read, and the last one (a resumed run shows it first).
        self.count = 0
        self.last: Any = None

    def resume(self, bindings: Callable[[], Iterable[contextlib.AbstractContextManager[Any]]]) -> Iterator[Any]:
        """The updates from where the stream is, each read inside the context managers ``bindings()`` gives."""
        while True:
            try:
                update = self._context.run(self._step, bindings)
            except StopIteration:
                return
            self.count, self.last = self.count + 1, update
            yield update

    def _step(self, bindings: Callable[[], Iterable[contextlib.AbstractContextManager[Any]]]) -> Any:
        with contextlib.ExitStack() as stack:
            for binding in bindings():
                stack.enter_context(binding)
            return next(self._updates)

    def close(self) -> None:
        """End fn's generator now (its ``finally`` blocks run), not when it is collected."""
        close = getattr(self._updates, "close", None)
        if close is not None:
            with contextlib.suppress(Exception):  # fn's cleanup failing must not cost the answer
                self._context.run(close)

    def __del__(self) -> None:  # a paused stream whose session ended: fn's cleanup runs in fn's context
        self.close()
