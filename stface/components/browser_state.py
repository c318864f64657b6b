"""BrowserState: a State kept in the browser's localStorage, across reloads (Gradio 5).

Used like ``gr.State`` (one input and one output of the interface): fn gets
the value and returns the new one. The page reads what this browser stored
once per session and writes the value back whenever a call changes it
(``stface/runtime/widgets/browser_state.py``).

What comes back from the browser is the person's own data, and may have been
edited, so it is checked: JSON no longer than ``MAX_CHARS``, signed with
HMAC-SHA256 under a key derived from ``secret`` and bound to the storage key.
Anything else (edited, too long, signed under another secret, from another
key) is dropped, and fn gets ``default_value``.

Gradio encrypts the value in the browser with a secret it sends to the page.
stface signs it on the server instead: the secret never reaches the browser,
and an edited value is refused. The value itself is readable in the
browser's storage (as it is in Gradio, whose key is in the page), so keep
server secrets out of it.

Without ``secret``, values are signed with a key made when the server process
starts, so they survive reloads but not a server restart (Gradio's random
secret does the same); give a ``secret`` to keep them across restarts.
Without ``storage_key``, the key is derived from the interface, so it stays
the same across reruns and restarts.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import secrets
from typing import Any

from stface.components.state import State

__all__ = ["MAX_CHARS", "BrowserState"]

#: The longest value (as JSON text) kept in, or taken from, the browser.
MAX_CHARS = 1_000_000
_PROCESS_KEY = secrets.token_bytes(32)  # used when no secret is given: good for this server process
_VERSION = 1


class BrowserState(State):
    """A value kept in this browser's localStorage, across page reloads (Gradio 5's ``gr.BrowserState``).

    Use it as one input and one output, like ``gr.State``: fn receives the
    stored value (``default_value`` in a new browser) and returns the new
    one. Values go through JSON, as in Gradio: a tuple comes back a list,
    dict keys come back strings.

    Args:
        default_value: the value of a browser that has none stored (JSON-serialisable).
        storage_key: the localStorage key (default: one derived from the interface).
        secret: signs the stored value, so an edited value is refused; give one
            to keep values across server restarts.

    Example:
        >>> import stface as gr
        >>> def count(name, n):
        ...     return f"Hello {name}, visit {n + 1}", n + 1
        >>> counter = gr.BrowserState(0)
        >>> demo = gr.Interface(count, ["text", counter], ["text", counter])
        >>> demo("Ada")
        'Hello Ada, visit 1'
    """

    def __init__(
        self,
        default_value: Any = None,
        *,
        storage_key: str | None = None,
        secret: str | None = None,
        render: bool = True,
        **kwargs: Any,
    ) -> None:
        if storage_key is not None and (not isinstance(storage_key, str) or not storage_key):
            raise TypeError(f"BrowserState storage_key must be a non-empty str (or None); got {storage_key!r}.")
        if secret is not None and (not isinstance(secret, str) or not secret):
            raise TypeError("BrowserState secret must be a non-empty str (or None for a key per server process).")
        default_value = _plain(default_value)
        try:
            _as_json(default_value)
        except ValueError as exc:
            raise TypeError(f"BrowserState(default_value=...): {exc}") from exc
        super().__init__(default_value, **kwargs)
        self.default_value = default_value
        self.storage_key = storage_key
        self.secret = secret
        self._key = (
            _PROCESS_KEY if secret is None else hashlib.sha256(b"stface.BrowserState\0" + secret.encode()).digest()
        )

    # -- conversions (as Gradio: None is the default, values are JSON) ----------

    def preprocess(self, payload: Any) -> Any:
        return self.initial_payload() if payload is None else payload

    def postprocess(self, value: Any) -> Any:
        """fn's value as the browser will give it back (JSON), refused if it cannot be kept."""
        return json.loads(_as_json(_plain(value)))

    def initial_payload(self) -> Any:
        return copy.deepcopy(self.default_value)

    # -- what the browser keeps -----------------------------------------------------

    def sealed(self, value: Any, storage_key: str) -> dict[str, Any]:
        """``value`` as stored in the browser: its JSON and a signature binding it to ``storage_key``."""
        data = _as_json(value)
        return {"v": _VERSION, "data": data, "sig": self._signature(storage_key, data)}

    def unsealed(self, stored: Any, storage_key: str) -> Any:
        """The value the browser gave back, if it is one this server stored there; else the default.

        Example:
            >>> import stface as gr
            >>> state = gr.BrowserState({"n": 0}, secret="s3cret")
            >>> box = state.sealed({"n": 7}, "counter")
            >>> state.unsealed(box, "counter"), state.unsealed({**box, "data": '{"n": 9999}'}, "counter")
            ({'n': 7}, {'n': 0})
        """
        if not isinstance(stored, dict) or stored.get("v") != _VERSION:
            return self.initial_payload()
        data, signature = stored.get("data"), stored.get("sig")
        if not isinstance(data, str) or not isinstance(signature, str) or len(data) > MAX_CHARS:
            return self.initial_payload()
        if not hmac.compare_digest(
            signature.encode("utf-8", "surrogatepass"), self._signature(storage_key, data).encode()
        ):
            return self.initial_payload()
        try:
            return json.loads(data)
        except ValueError:
            return self.initial_payload()

    def _signature(self, storage_key: str, data: str) -> str:
        return hmac.new(
            self._key, storage_key.encode() + b"\0" + data.encode("utf-8", "surrogatepass"), hashlib.sha256
        ).hexdigest()

    def __repr__(self) -> str:
        return f"BrowserState(default_value={self.default_value!r}, storage_key={self.storage_key!r})"


def _plain(value: Any) -> Any:
    """Pydantic models as dicts, as Gradio stores them."""
    dump = getattr(value, "model_dump", None)
    return dump() if callable(dump) and not isinstance(value, type) else value


def _as_json(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"a BrowserState value must be JSON (dicts, lists, str, numbers, bool, None); {exc}. "
            "Keep other objects in gr.State, which stays on the server."
        ) from exc
    if len(text) > MAX_CHARS:
        raise ValueError(
            f"a BrowserState value is kept in the browser only up to {MAX_CHARS:,} characters of JSON; "
            f"this one has {len(text):,}. Keep large data on the server (gr.State, or a file)."
        )
    return text
