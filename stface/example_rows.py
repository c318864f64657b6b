"""Examples given as a folder, as Gradio allows."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

__all__ = ["examples_from_folder"]


def examples_from_folder(folder: str, n_inputs: int) -> list[list[Any]]:
    """Rows of example values from a folder.

    With one input, every visible file in the folder is an example. With
    several, the folder needs a ``log.csv`` whose rows hold one value per
    input; values naming a file in the folder become that file's path.
    """
    root = Path(folder)
    if not root.is_dir():
        raise ValueError(f"examples={folder!r} is not a folder; give a list of example rows or an existing folder.")
    log = root / "log.csv"
    if log.exists():
        with log.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))[1:]
        return [[_resolve(root, cell) for cell in row[:n_inputs]] for row in rows]
    if n_inputs != 1:
        raise ValueError(
            f"examples folder {folder!r} needs a log.csv with one column per input ({n_inputs} inputs)."
        )
    return [[str(path)] for path in sorted(root.iterdir()) if path.is_file() and not path.name.startswith(".")]


def _resolve(root: Path, cell: str) -> Any:
    candidate = root / cell
    return str(candidate) if cell and candidate.is_file() and candidate.resolve().is_relative_to(root.resolve()) else cell
