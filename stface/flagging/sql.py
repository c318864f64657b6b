"""Flagged samples in a SQL database through SQLAlchemy: ``SQLLogger`` (SQLite by default, PostgreSQL by URL).

Gradio has no SQL logger; this one keeps Gradio's flagging contract
(``setup`` once, ``flag`` per sample) and CSVLogger's columns, so that many
replicas of one app can flag into one PostgreSQL database and lose nothing:
each flag is one transaction (the row, then the count it returns).

The table has one row per flag: ``id`` (an increasing integer key), one
column per flagged component, named after its label as the CSV header is but
made SQL-safe and unique (lower case, runs of other characters as ``_``, a
``_2`` suffix for a repeat, ``c_`` before a leading digit), then ``flag`` (the
option, ``""`` for the plain Flag button), ``username`` (NULL when nobody is
logged in) and ``timestamp`` (UTC). A ``Number`` or ``Slider`` column holds
numbers (integers for ``Number(precision=0)``), a ``Checkbox`` column
booleans, every other column text: text as it is, other values as JSON text.
Files (Gradio's FileData dicts with a local path) are copied under
``<media root>/<column>/<random>.<ext>`` and the cell holds the copy's path
relative to the media root (a list of files: their paths as a JSON list; a
file inside a structured value: its path in the JSON). The media root is the
SQLite database's folder, else ``media_dir``, else ``flagging_dir``.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from stface.flagging.csv_logger import _copy_beside, _Logger, _simplified

__all__ = ["SQLLogger", "column_names"]

_INSTALL = 'pip install "stface[sql]"'
_FIXED = ("id", "flag", "username", "timestamp")
_engines: dict[tuple[str, int], Any] = {}
_engines_lock = threading.Lock()


def column_names(labels: Sequence[str]) -> list[str]:
    """SQL-safe, unique column names for component labels (``id``, ``flag``, ``username``, ``timestamp`` taken).

    Example:
        >>> column_names(["Your name", "your name", "flag", "3 words", "", "Größe (cm)"])
        ['your_name', 'your_name_2', 'flag_2', 'c_3_words', 'column', 'größe_cm']
    """
    taken, names = set(_FIXED), []
    for label in labels:
        base = re.sub(r"\W+", "_", str(label).strip().lower()).strip("_")[:50] or "column"
        if base[0].isdigit():
            base = "c_" + base
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}_{number}"
        taken.add(name)
        names.append(name)
    return names


class SQLLogger(_Logger):
    """A flagging callback that writes each flagged sample as a row of a SQL table (SQLAlchemy).

    Args:
        url: a SQLAlchemy database URL. None: a SQLite file,
            ``<flagging_dir>/flags.db``. ``postgresql://user:pw@host/db``
            (or ``postgres://``) uses psycopg 3; any other installed
            SQLAlchemy dialect works too.
        media_dir: where flagged files are copied. None: beside the SQLite
            database, or ``flagging_dir`` for a server database. Cells hold
            paths relative to this folder (``logger.media_root``).
        table: the table's name. It is created when missing. When it exists
            with other columns, or columns holding other kinds of value
            (another interface flags into the same database), the rows go to the first of ``<table>_2``,
            ``<table>_3``, ... that has these columns or does not exist yet,
            as CSVLogger moves on to ``log2.csv``; ``logger.table_name``
            says which, and a verbose logger prints it.
        verbose: print the table and database (password hidden) on the first flag.

    The schema is in ``stface.flagging.sql``'s docstring: one row per flag,
    one column per component, then ``flag``, ``username``, ``timestamp``.
    Each flag is one transaction, so many sessions, processes and replicas
    flag at once safely; ``flag`` returns how many rows the table holds.
    Needs SQLAlchemy (and psycopg for PostgreSQL): ``pip install "stface[sql]"``.

    Example:
        >>> import sqlite3, tempfile, stface as gr
        >>> folder = tempfile.mkdtemp()
        >>> logger = gr.SQLLogger(verbose=False)
        >>> demo = gr.Interface(lambda s, n: s * int(n), ["text", gr.Number(label="times")], "text",
        ...                     flagging_callback=logger, flagging_dir=folder)
        >>> logger.flag(["ab", 2, "abab"], "wrong")
        1
        >>> sqlite3.connect(f"{folder}/flags.db").execute("SELECT s, times, output, flag FROM flags").fetchall()
        [('ab', 2.0, 'abab', 'wrong')]
    """

    def __init__(self, url: str | None = None, media_dir: str | Path | None = None, table: str = "flags",
                 verbose: bool = True) -> None:  # fmt: skip
        _sqlalchemy()
        if url is not None and not isinstance(url, str):
            raise TypeError(f"SQLLogger(url=...) takes a database URL string, got {type(url).__name__}.")
        if not isinstance(table, str) or not table.strip():
            raise ValueError(f"SQLLogger(table=...) must name a table, got {table!r}.")
        self.url, self.table = url, table.strip()
        self.media_dir = None if media_dir is None else Path(media_dir)
        self.verbose = verbose
        self._chosen: Any = None
        self._choosing = threading.Lock()

    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        """Remember the components; check the URL and load its driver (the database is reached on the first flag)."""
        super().setup(components, flagging_dir)
        self.columns = column_names([self._label(i) for i in range(len(self.components))])
        self._chosen = None
        if self.url is None:
            self.flagging_dir.mkdir(parents=True, exist_ok=True)
        _engine(self._url())

    @property
    def media_root(self) -> Path:
        """The folder flagged files are copied into; cells hold paths relative to it."""
        if self.media_dir is not None:
            return self.media_dir
        database = _sqlalchemy().engine.make_url(self._url()).database
        if (
            self._url().startswith("sqlite")
            and database
            and database != ":memory:"
            and not database.startswith("file:")
        ):
            return Path(database).parent
        return self.flagging_dir

    @property
    def table_name(self) -> str:
        """The table the rows go to (decided on the first flag; ``table`` until then)."""
        return self._chosen.name if self._chosen is not None else self.table

    def flag(self, flag_data: list[Any], flag_option: str | None = "", username: str | None = None) -> int:
        """Insert one row and return how many rows the table holds, in one transaction."""
        values = self._values(flag_data)
        sa = _sqlalchemy()
        engine = _engine(self._url())
        table = self._table(engine)
        copied: list[Path] = []
        try:
            row = {name: self._cell(table.c[name], value, copied) for name, value in zip(self.columns, values)}
            row.update(flag=flag_option or "", username=username, timestamp=datetime.now(timezone.utc))
            with engine.begin() as connection:
                connection.execute(table.insert().values(**row))
                return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
        except BaseException:
            for path in copied:  # the row is not there: neither are its files
                path.unlink(missing_ok=True)
            raise

    # -- the table ---------------------------------------------------------

    def _url(self) -> str:
        if not hasattr(self, "components"):
            raise RuntimeError("SQLLogger.flag() was called before setup(components, flagging_dir); "
                               "an Interface calls setup itself, other callers must call it first.")  # fmt: skip
        if self.url is None:
            return "sqlite:///" + str(Path(self.flagging_dir).absolute() / "flags.db")
        return re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", self.url)

    def _schema(self, name: str) -> Any:
        sa = _sqlalchemy()
        number = _component_types()
        columns = [sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)]
        for column, component in zip(self.columns, self.components):
            columns.append(sa.Column(column, number(component), nullable=True))
        columns += [sa.Column("flag", sa.Text, nullable=False), sa.Column("username", sa.Text, nullable=True),
                    sa.Column("timestamp", sa.DateTime(timezone=True), nullable=False)]  # fmt: skip
        return sa.Table(name, sa.MetaData(), *columns)

    def _table(self, engine: Any) -> Any:
        with self._choosing:
            if self._chosen is None:
                self._chosen = self._choose(engine)
                if self.verbose:
                    print(f"Flags go to table {self._chosen.name!r} of "
                          f"{engine.url.render_as_string(hide_password=True)}")  # fmt: skip
            return self._chosen

    def _choose(self, engine: Any) -> Any:
        """The first of table, table_2, ... with these columns and kinds of value (created when missing)."""
        sa = _sqlalchemy()
        wanted = [(c.name, _kind(c.type)) for c in self._schema(self.table).columns]
        for attempt in range(5):
            inspector = sa.inspect(engine)
            existing = set(inspector.get_table_names())
            for number in range(1, 1000):
                name = self.table if number == 1 else f"{self.table}_{number}"
                if name not in existing:
                    break
                if [(c["name"], _kind(c["type"])) for c in inspector.get_columns(name)] == wanted:
                    return self._schema(name)
            else:
                raise RuntimeError(f"{self.table} and 998 more tables have other columns; pass SQLLogger(table=...).")
            table = self._schema(name)
            try:
                with engine.begin() as connection:
                    table.create(connection, checkfirst=True)
                return table
            except sa.exc.DBAPIError:
                if attempt == 4:  # another process created it at the same moment: look again
                    raise
        raise AssertionError("unreachable")

    # -- the cells ---------------------------------------------------------

    def _cell(self, column: Any, value: Any, copied: list[Path]) -> Any:
        sa = _sqlalchemy()
        if value is None:
            return None
        if isinstance(column.type, sa.Boolean):
            return bool(value)
        if isinstance(column.type, (sa.Float, sa.Integer)):
            try:
                return int(value) if isinstance(column.type, sa.Integer) else float(value)
            except (TypeError, ValueError):
                raise ValueError(f"Column {column.name!r} holds numbers; got {value!r}.") from None
        if isinstance(value, str):
            return value
        value = _simplified(_copy_beside(value, self.media_root, column.name, copied))
        return value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)


def _kind(column_type: Any) -> str:
    """What a column holds (int, float, str, bool, datetime, ...), the same for a reflected and a declared type."""
    try:
        return column_type.python_type.__name__
    except NotImplementedError:
        return type(column_type).__name__


def _component_types() -> Any:
    """A function giving a component's column type: numbers, booleans, or text."""
    sa = _sqlalchemy()
    from stface.components.choices import Checkbox
    from stface.components.number import Number, Slider

    def column_type(component: Any) -> Any:
        if isinstance(component, Number) and getattr(component, "precision", None) == 0:
            return sa.BigInteger
        if isinstance(component, (Number, Slider)):
            return sa.Double
        return sa.Boolean if isinstance(component, Checkbox) else sa.Text

    return column_type


def _engine(url: str) -> Any:
    """One engine per URL and process (a forked process makes its own; the parent's connections stay its own)."""
    key = (url, os.getpid())
    with _engines_lock:
        if key not in _engines:
            sa = _sqlalchemy()
            options: dict[str, Any] = {"pool_pre_ping": True}
            if url.startswith("sqlite"):
                options["connect_args"] = {"timeout": 60}  # wait for other writers rather than fail
            try:
                _engines[key] = sa.create_engine(url, **options)
            except sa.exc.ArgumentError as error:
                raise ValueError(f"SQLLogger could not read the database URL: {error}. Use a SQLAlchemy URL "
                                 "such as sqlite:///flags.db or postgresql://user:password@host/db.") from None  # fmt: skip
            except ImportError as error:
                raise ImportError(f"SQLLogger's database driver is missing ({error}). For PostgreSQL: "
                                  f"{_INSTALL}; for another database, its SQLAlchemy driver.") from None  # fmt: skip
        return _engines[key]


def _sqlalchemy() -> Any:
    try:
        import sqlalchemy
    except ImportError:
        raise ImportError(f"SQLLogger stores flags through SQLAlchemy: {_INSTALL}") from None
    return sqlalchemy
