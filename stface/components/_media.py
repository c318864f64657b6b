"""What the media components (Audio, Image, Video, File) share: sources and upload types."""

from __future__ import annotations

from typing import Any

from stface.components.base import Component, Payload

__all__ = ["MediaComponent", "normalise_sources"]


def normalise_sources(source: str | None, sources: Any, allowed: tuple[str, ...], default: list[str]) -> list[str]:
    """Gradio 3's ``source="x"`` or Gradio 4's ``sources=[...]`` -> a checked list."""
    if sources is not None:
        chosen = [sources] if isinstance(sources, str) else list(sources)
    elif source is not None:
        chosen = [source]
    else:
        chosen = list(default)
    unknown = [s for s in chosen if s not in allowed]
    if unknown or not chosen:
        raise ValueError(f"Unknown source {unknown[0] if unknown else None!r}; use one or more of {', '.join(allowed)}.")
    return chosen


class MediaComponent(Component[Payload]):
    """A component whose input comes from an uploader (and maybe a device)."""

    #: File extensions the uploader accepts (any when empty).
    upload_types: list[str] = []
    #: Several files at once (a list payload).
    multiple_files: bool = False
