"""Launch options, with Gradio's names and defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Any

from stface._kwargs import check_gradio_kwargs

__all__ = ["LaunchOptions"]

#: Gradio launch() options with no Streamlit counterpart.
_IGNORED = frozenset(
    {
        "debug", "max_threads", "show_tips", "height", "width", "encrypt", "ssl_verify",
        "file_directories", "app_kwargs", "state_session_capacity", "share_server_address",
        "share_server_protocol", "_frontend", "enable_monitoring", "strict_cors", "node_server_name",
        "node_port", "ssr_mode", "pwa", "enable_queue", "js", "head", "head_paths",
        "auth_dependency", "favicon_path", "ssl_keyfile_password", "footer_links", "run_history",
        "share_server_tls_certificate", "num_workers", "_app",
    }
)  # fmt: skip


@dataclass
class LaunchOptions:
    """The options of ``Interface.launch``, checked once.

    ``server_name`` defaults to 127.0.0.1 (``GRADIO_SERVER_NAME`` overrides),
    never to every interface; ``server_port`` to ``GRADIO_SERVER_PORT`` or the
    first free port from 7860.
    """

    inline: bool | None = None
    inbrowser: bool = False
    share: bool | None = None
    prevent_thread_lock: bool = False
    show_error: bool = False
    server_name: str | None = None
    server_port: int | None = None
    quiet: bool = False
    auth: Any = None
    auth_message: str | None = None
    allowed_paths: list[str] = field(default_factory=list)
    blocked_paths: list[str] = field(default_factory=list)
    max_file_size: int | str | None = None
    ssl_keyfile: str | None = None
    ssl_certfile: str | None = None
    root_path: str | None = None
    #: ``gr.I18n`` translations for every placeholder of the app (Gradio 5).
    i18n: Any = None
    #: List the endpoints in the API info and the page's "Use via API" (they stay callable; Gradio's meaning).
    show_api: bool = True
    #: Serve each endpoint as an MCP tool (``GRADIO_MCP_SERVER=True`` turns it on too).
    mcp_server: bool | None = None
    #: Gradio 6 takes the app's theme and css here; each given replaces the one the app was built with.
    theme: Any = None
    css: str | None = None
    css_paths: Any = None

    @property
    def serves_mcp(self) -> bool:
        """``mcp_server=True``, or ``GRADIO_MCP_SERVER`` set to true when the option is not given."""
        if self.mcp_server is not None:
            return bool(self.mcp_server)
        return os.environ.get("GRADIO_MCP_SERVER", "").strip().lower() in ("1", "true", "yes")

    def __post_init__(self) -> None:
        from stface.i18n import I18n

        if self.i18n is not None and not isinstance(self.i18n, I18n):
            raise TypeError(f"launch(i18n=...) takes a gr.I18n(en={{...}}, fr={{...}}); got {type(self.i18n).__name__}.")

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> LaunchOptions:
        names = {f.name for f in fields(cls)}
        extra = {k: v for k, v in kwargs.items() if k not in names}
        check_gradio_kwargs("launch()", extra, ignored=_IGNORED, known=names, strict=True)  # Gradio refuses them too
        return cls(**{k: v for k, v in kwargs.items() if k in names})

    @property
    def host(self) -> str:
        return self.server_name or os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1"

    @property
    def port(self) -> int | None:
        if self.server_port is not None:
            return int(self.server_port)
        env = os.environ.get("GRADIO_SERVER_PORT")
        return int(env) if env else None

    @property
    def max_file_bytes(self) -> int | None:
        """``max_file_size`` ("5mb", "15kb", "1gb" or bytes) in bytes, as Gradio counts them (1kb = 1024)."""
        size = self.max_file_size
        if size is None:
            return None
        if isinstance(size, str):
            text = size.strip().lower()
            units = {"kb": 1024, "mb": 1024**2, "gb": 1024**3, "b": 1}
            for unit, factor in units.items():
                if text.endswith(unit):
                    return int(float(text[: -len(unit)]) * factor)
            raise ValueError(f"max_file_size {size!r} is not a size; use e.g. '5mb', '1gb' or a number of bytes.")
        return int(size)

    @property
    def max_upload_mb(self) -> int | None:
        """``max_file_size`` as Streamlit's whole megabytes (MiB), at least 1.

        Streamlit cannot refuse less than 1 MiB, so the page also drops any
        upload over ``max_file_bytes`` before fn (see ``components._media``).
        """
        size = self.max_file_bytes
        return None if size is None else max(1, size // (1024 * 1024))
