"""FileExplorer (Gradio 4+): pick files under a folder on the server."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any, Literal

from stface.components.base import Component
from stface.errors import Error

__all__ = ["FileExplorer"]


class FileExplorer(Component[list[str]]):
    """Files under ``root_dir`` matching ``glob`` (not ``ignore_glob``), chosen by the person.

    fn gets absolute paths: one (``file_count="single"``) or a list. A path
    that leaves ``root_dir`` is refused.

    Example:
        >>> import stface as gr
        >>> explorer = gr.FileExplorer(root_dir="/tmp", file_count="single")
        >>> explorer.preprocess([]) is None
        True
    """

    gradio_ignored = frozenset({"height", "max_height", "min_height", "every", "inputs"})

    def __init__(
        self,
        glob: str = "**/*",
        *,
        value: Any = None,
        file_count: Literal["single", "multiple"] = "multiple",
        root_dir: str | Path = ".",
        ignore_glob: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if file_count not in ("single", "multiple"):
            raise ValueError(f"FileExplorer file_count must be 'single' or 'multiple'; got {file_count!r}.")
        self.glob, self.file_count, self.ignore_glob = glob, file_count, ignore_glob
        self.root_dir = Path(root_dir).expanduser().resolve()

    def choices(self, limit: int = 5000) -> list[str]:
        """Files under the root matching the globs, relative to it (at most ``limit``)."""
        found = []
        for path in sorted(self.root_dir.glob(self.glob)):
            relative = path.relative_to(self.root_dir).as_posix()
            if path.is_file() and not (self.ignore_glob and fnmatch.fnmatch(relative, self.ignore_glob)):
                found.append(relative)
                if len(found) >= limit:
                    break
        return found

    def _safe(self, relative: str) -> str:
        path = (self.root_dir / relative).resolve()
        if not path.is_relative_to(self.root_dir):
            raise Error(f"'{relative}' is outside the FileExplorer's folder.")
        return str(path)

    def preprocess(self, payload: Any) -> list[str] | str | None:
        chosen = [payload] if isinstance(payload, str) else list(payload or [])
        if self.file_count == "single":
            if len(chosen) > 1:
                raise Error(f"Expected only one file, but {len(chosen)} were selected.")
            return self._safe(chosen[0]) if chosen else None
        return [self._safe(c) for c in chosen]

    def postprocess(self, value: Any) -> list[str]:
        chosen = [value] if isinstance(value, str) else list(value or [])
        return [Path(self._safe(str(c))).relative_to(self.root_dir).as_posix() for c in chosen]

    def initial_payload(self) -> list[str]:
        return self.postprocess(super().initial_payload())
