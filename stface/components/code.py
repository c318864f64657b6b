"""Code: source code in (a text box) and out (highlighted, with line numbers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from stface.components.base import Component
from stface.errors import Error
from stface.paths import servable_path

__all__ = ["Code"]

#: Gradio 6's languages (Gradio 3.50's eleven are among them); ``None`` is plain text.
LANGUAGES: list[str | None] = [
    "python", "c", "cpp", "markdown", "latex", "json", "html", "css", "javascript", "jinja2", "typescript",
    "yaml", "dockerfile", "shell", "r", "sql", "sql-msSQL", "sql-mySQL", "sql-mariaDB", "sql-sqlite",
    "sql-cassandra", "sql-plSQL", "sql-hive", "sql-pgSQL", "sql-gql", "sql-gpSQL", "sql-sparkSQL", "sql-esper",
    None,
]  # fmt: skip

#: Gradio's language names that Streamlit's highlighter (Prism) knows by another name.
_HIGHLIGHTER_NAMES = {"shell": "bash", "dockerfile": "docker", "jinja2": "django", "html": "markup"}


def _read(path: Any, *, output: bool) -> str:
    """Gradio 3.50's ``(path,)``: the file's text (an output's path must be servable)."""
    file = servable_path(path) if output else Path(path)
    if not file.is_file():
        raise Error(f"'{file.name}' is not an existing file.")
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise Error(f"'{file.name}' is not UTF-8 text; a Code component shows text files only.") from None


class Code(Component["str | None"]):
    """A code editor (input) or viewer (output): fn gets and returns a ``str``.

    Output code is stripped of leading and trailing whitespace and drawn with
    syntax highlighting. Gradio 3.50's ``(path,)`` (a one-element tuple)
    shows that file's text.

    Args:
        language: one of ``Code.languages`` (Gradio's list), ``None`` for plain text.
        lines: the editor's height in lines; ``max_lines``: the most an output shows before scrolling.
        show_line_numbers: number the lines (default True, as Gradio does).
        wrap_lines: wrap long lines instead of scrolling sideways.

    Example:
        >>> import stface as gr
        >>> code = gr.Code(language="python")
        >>> code.postprocess("  print('hi')\\n"), code.highlighter_language
        ("print('hi')", 'python')
    """

    languages: ClassVar[list[str | None]] = LANGUAGES
    gradio_ignored = frozenset({"autocomplete", "buttons", "every", "inputs"})

    def __init__(
        self,
        value: str | tuple[str] | Any = None,
        language: str | None = None,
        *,
        lines: int = 5,
        max_lines: int | None = None,
        show_line_numbers: bool = True,
        wrap_lines: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        if language not in LANGUAGES:
            named = ", ".join(repr(name) for name in LANGUAGES if name)
            raise ValueError(
                f"Code language {language!r} is not supported; use one of {named}, or None for plain text."
            )
        self.language = language
        self.lines = max(1, int(lines))
        self.max_lines = max(self.lines, int(max_lines)) if max_lines is not None else None
        self.show_line_numbers = show_line_numbers
        self.wrap_lines = wrap_lines

    @property
    def highlighter_language(self) -> str | None:
        """The name Streamlit's highlighter knows ``language`` by (every SQL dialect is ``"sql"``)."""
        if self.language is None:
            return None
        if self.language.startswith("sql"):
            return "sql"
        return _HIGHLIGHTER_NAMES.get(self.language, self.language)

    def preprocess(self, payload: Any) -> str | None:
        """The editor's text, as typed."""
        return None if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        """A ``str`` (stripped) or Gradio 3.50's ``(path,)`` -> the code shown."""
        if value is None:
            return None
        if isinstance(value, tuple):
            if len(value) != 1:
                raise Error(f"Code '{self.display_label}' takes a string, or (path,) to show a file; "
                            f"got a tuple of {len(value)}.")  # fmt: skip
            return _read(value[0], output=True).strip()
        return str(value).strip()

    def initial_payload(self) -> str:
        value = self.value() if callable(self.value) else self.value
        if value is None:
            return ""
        if isinstance(value, tuple) and len(value) == 1:
            return _read(value[0], output=False).strip()
        return str(value).strip()
