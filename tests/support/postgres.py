"""A throwaway PostgreSQL cluster from Debian's package, for tests (``postgres`` fixture; ``Postgres`` for scripts).

``Postgres()`` runs ``initdb`` in a fresh folder under /tmp and starts the
server with ``pg_ctl`` on a free loopback port, its socket in the same
folder, trusting every local connection (user ``postgres``, no password).
PostgreSQL refuses to run as root: as root the folder is given to the
``postgres`` user (it must be traversable by it, hence /tmp with mode 755,
not pytest's private tmp_path) and the binaries run through ``runuser``; any
other user runs them as itself. Nothing outside the folder is touched: the
system's own cluster (if any) is never started or used.

    with Postgres() as server:
        url = server.create_database()  # postgresql://postgres@127.0.0.1:PORT/db_1

``make test`` (its ``services`` target) installs Debian's postgresql.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_databases = itertools.count(1)


def postgres_bin() -> Path:
    """The newest installed PostgreSQL's binaries (``/usr/lib/postgresql/<version>/bin``)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: `make services` (part of `make test`) runs "
                           "`apt-get install postgresql`.")  # fmt: skip
    return found[-1].parent


class Postgres:
    """One PostgreSQL server on 127.0.0.1:``port`` with its data in ``folder`` (removed by ``stop``)."""

    def __init__(self) -> None:
        self.bin = postgres_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="stface-pg-", dir="/tmp"))
        self.folder.chmod(0o755)
        self.data, self.log = self.folder / "data", self.folder / "pg.log"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self.started = False

    def start(self) -> Postgres:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C",
                  "--no-sync")  # fmt: skip
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        try:
            self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "-t", "60", "start")
        except RuntimeError as error:
            raise RuntimeError(f"{error}\npg.log:\n{self.log.read_text() if self.log.exists() else ''}") from None
        self.started = True
        return self

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3) for ``database`` on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database (``db_<n>`` unless named); its URL."""
        name = name or f"db_{next(_databases)}"
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run ``sql`` with psql (over TCP, as the postgres user); its unaligned output, one row a line."""
        command = [str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database,
                   "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if done.returncode:
            raise RuntimeError(f"psql failed on {sql!r}: {done.stderr}")
        return done.stdout.strip()

    def stop(self) -> None:
        if self.started:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
            self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Postgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self._as_postgres:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.folder)
        if done.returncode:
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A running throwaway PostgreSQL for the whole session; ``postgres.create_database()`` gives a fresh URL."""
    server = Postgres()
    try:
        yield server.start()
    finally:
        server.stop()
