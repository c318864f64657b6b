"""Rerun one browser session's fragment (or its whole script) from any thread.

A live stream's fn runs on its own thread, not in a script run; when an
output shown in the page changes, that session's outputs fragment must
redraw. Streamlit offers ``st.rerun`` only inside a script run, so a
:class:`Rerunner` captured during a run asks the session, later and from
any thread, for a rerun of that fragment: on the server's event loop, it
hands Streamlit's script runner the same request ``st.rerun(scope="fragment")``
makes (the current widget states kept), or starts a runner when none runs.

This reaches into Streamlit's runtime (the session manager and the
session's script runner), checked on Streamlit 1.67. Where those are
missing, ``available`` is False and callers redraw on a timer instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

__all__ = ["Rerunner"]

_LOG = logging.getLogger("stface")


def _fragment_id(ctx: Any) -> str | None:
    """The fragment this script code runs in (Streamlit 1.67's ThreadState; older: the run context)."""
    try:
        from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

        return ThreadState.get().fragment_id
    except ImportError:
        return getattr(ctx, "current_fragment_id", None)


@dataclass(frozen=True)
class Rerunner:
    """A rerun request for one session, captured in its script run, made from any thread later."""

    session_id: str
    page_script_hash: str
    query_string: str
    fragment_id: str | None = None

    @classmethod
    def here(cls, *, fragment: bool = False) -> Rerunner | None:
        """For this session's run: its fragment (``fragment=True``, None outside one) or its script."""
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is None or not Rerunner.available():
            return None
        fragment_id = _fragment_id(ctx) if fragment else None
        if fragment and not fragment_id:
            return None
        return cls(ctx.session_id, ctx.page_script_hash, ctx.query_string, fragment_id)

    @staticmethod
    def available() -> bool:
        """Whether this Streamlit has what a rerun from another thread needs (AppTest's runtime does not)."""
        from streamlit.runtime import Runtime

        runtime = Runtime._instance
        if runtime is None or type(runtime).__module__.startswith("unittest.mock"):
            return False
        manager = getattr(runtime, "_session_mgr", None)
        return hasattr(manager, "get_active_session_info")

    def request(self) -> bool:
        """Ask for the rerun; False when the session is gone. Safe from any thread."""
        from streamlit.runtime import Runtime

        try:
            info = Runtime.instance()._session_mgr.get_active_session_info(self.session_id)
            session = info.session if info is not None else None
            loop = getattr(session, "_event_loop", None)
            if loop is None or loop.is_closed():
                return False
            loop.call_soon_threadsafe(self._rerun, session)
            return True
        except Exception:  # noqa: BLE001 - a session ending as we ask
            _LOG.debug("could not request a rerun", exc_info=True)
            return False

    def _rerun(self, session: Any, tries: int = 0) -> None:
        """On the server's event loop: what ``AppSession.request_rerun`` does, with the widget states kept.

        Never on top of a run already asked for (the person's click, a page
        change): Streamlit would merge the two and take this one's page, which
        could send the person back to a page they left. Such a run draws
        everything anyway; if it is only another fragment's, this asks again
        shortly after.
        """
        from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

        try:
            if getattr(getattr(session, "_state", None), "name", "") == "SHUTDOWN_REQUESTED":
                return
            intended = getattr(getattr(session, "_pages_manager", None), "intended_page_script_hash", None)
            if intended and self.page_script_hash and intended != self.page_script_hash:
                return  # the session went to another page
            if self.fragment_id and not session.has_fragment(self.fragment_id):
                return  # a full run since dropped the fragment: it has drawn the outputs already
            runner = session._scriptrunner
            requests = getattr(runner, "_requests", None)
            # The page a click asked for is known as soon as the click arrives; the pages manager
            # learns it only when that run starts, and a request let through in between would
            # run this fragment under the old page and take the person back to it.
            asked = getattr(getattr(requests, "_rerun_data", None), "page_script_hash", "")
            if asked and self.page_script_hash and asked != self.page_script_hash:
                return
            waiting = getattr(getattr(requests, "_state", None), "name", "")
            if waiting == "RERUN":
                if tries < 20:
                    session._event_loop.call_later(0.1, self._rerun, session, tries + 1)
                return
            data = RerunData(
                query_string=self.query_string,
                page_script_hash=self.page_script_hash,
                fragment_id_queue=[self.fragment_id] if self.fragment_id else [],
                # as a run_every fragment asks: it waits for a run in progress instead of cutting it short
                is_fragment_scoped_rerun=False,
                is_auto_rerun=self.fragment_id is not None,
            )
            if runner is not None and runner.request_rerun(data):
                return
            session._create_scriptrunner(data)
        except Exception:  # noqa: BLE001 - never break the server's loop
            _LOG.debug("could not rerun session %s", self.session_id, exc_info=True)
