"""Debian's nginx in front of stface replicas, with the repo's deploy/nginx.conf (``nginx_proxy`` fixture).

The config is the one the README documents: sticky routing by a cookie, WebSocket upgrade, the next replica
when one fails. nginx runs in the foreground as a child of the test, on loopback only.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "nginx.conf"


class Nginx:
    """One nginx process proxying ``listen`` to the replicas' ports."""

    def __init__(self, folder: Path, replica_ports: list[int]) -> None:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise RuntimeError("nginx is not installed: `make test` installs Debian's nginx (apt-get install nginx).")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        upstreams = "\n        ".join(f"server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in replica_ports)
        text = CONFIG.read_text()
        for marker, value in (("@LISTEN@", f"127.0.0.1:{self.port}"), ("@UPSTREAMS@", upstreams), ("@PREFIX@", str(folder))):
            text = text.replace(marker, value)
        conf = folder / "nginx.conf"
        conf.write_text("user root;\n" + text if _is_root() else text)
        self.process = subprocess.Popen([binary, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        self._wait()

    def _wait(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.process.stderr.read().decode() if self.process.stderr else ''}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError(f"nginx did not proxy to the replicas: {(self.folder / 'error.log').read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _is_root() -> bool:
    import os

    return os.geteuid() == 0


@pytest.fixture
def nginx_proxy(tmp_path) -> Iterator:
    """``nginx_proxy([port, ...])`` starts nginx in front of those replicas; stopped after the test."""
    started: list[Nginx] = []

    def start(replica_ports: list[int]) -> Nginx:
        proxy = Nginx(tmp_path / f"nginx{len(started)}", replica_ports)
        started.append(proxy)
        return proxy

    yield start
    for proxy in started:
        proxy.stop()
