"""Flagging: saving the inputs and outputs a person marks, with Gradio's callbacks.

The names of Gradio's ``gradio.flagging`` module, so that
``from stface.flagging import CSVLogger`` works as ``from gradio.flagging
import CSVLogger`` does:

* ``FlaggingCallback``: the interface (``setup`` once, ``flag`` per sample),
  ``callback.py``; what ``flag`` receives is described in ``values.py``;
* ``CSVLogger`` (the default), ``ClassicCSVLogger``, ``SimpleCSVLogger``
  and ``ChatCSVLogger`` (ChatInterface's Like/Dislike), ``csv_logger.py``;
* ``HuggingFaceDatasetSaver`` and Gradio 3's ``HuggingFaceDatasetJSONSaver``,
  ``hub.py`` (needs ``huggingface_hub``, loaded when used);
* ``SQLLogger`` (stface's, not Gradio's): rows in a SQL table through
  SQLAlchemy, SQLite or PostgreSQL, ``sql.py`` (the sql extra, loaded when used);
* ``FlagMethod``, the helper behind a Flag button.

Example:
    >>> import tempfile, stface as gr
    >>> from stface.flagging import CSVLogger
    >>> demo = gr.Interface(lambda s: s.upper(), "text", "text", flagging_callback=CSVLogger(verbose=False),
    ...                     flagging_dir=tempfile.mkdtemp())
    >>> demo.flagging_callback.flag(["hi", "HI"], "wrong")
    1
"""

from __future__ import annotations

from stface.flagging.callback import FlaggingCallback, FlagMethod
from stface.flagging.csv_logger import ChatCSVLogger, ClassicCSVLogger, CSVLogger, SimpleCSVLogger, spreadsheet_safe
from stface.flagging.hub import HuggingFaceDatasetJSONSaver, HuggingFaceDatasetSaver
from stface.flagging.sql import SQLLogger

__all__ = [
    "CSVLogger",
    "ChatCSVLogger",
    "ClassicCSVLogger",
    "FlagMethod",
    "FlaggingCallback",
    "HuggingFaceDatasetJSONSaver",
    "HuggingFaceDatasetSaver",
    "SQLLogger",
    "SimpleCSVLogger",
    "spreadsheet_safe",
]
