"""Run deploy/nginx.conf for real on loopback: a self-signed certificate, the file with its
addresses pointed at test ports, and nginx in the foreground (installed by `python run.py test`)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser import ROOT, free_port, strict

HOST = "ikm.example.go.id"  # the server_name of deploy/nginx.conf
NGINX_CONF = ROOT / "deploy" / "nginx.conf"


def nginx_binary() -> str:
    """nginx's path; in CI or as root on Linux its absence is a failure."""
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )
    if found is None:
        message = "nginx is missing: `python run.py test` says how to install it"
        if strict():
            pytest.fail(message)
        pytest.skip(message)
    return found


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate and key for HOST (and 127.0.0.1), made with openssl."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={HOST}",
            "-addext",
            f"subjectAltName=DNS:{HOST},IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@dataclass(frozen=True)
class Proxy:
    """nginx's test configuration: its folder, main file and ports."""

    folder: Path
    conf: Path
    https_port: int
    http_port: int

    @property
    def url(self) -> str:
        """The public address of the page through the proxy."""
        return f"https://{HOST}:{self.https_port}"


def configure(folder: Path, app_port: int | Sequence[int]) -> Proxy:
    """deploy/nginx.conf with its upstreams (one instance or several), listen addresses and
    certificate paths pointed at the test's, inside a minimal main nginx.conf; nothing else
    of the file changes."""
    ports = [app_port] if isinstance(app_port, int) else list(app_port)
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = self_signed(folder)
    https_port, http_port = free_port(), free_port()
    site = NGINX_CONF.read_text(encoding="utf-8")
    for old, new in (
        (
            "    server 127.0.0.1:8501;\n    server 127.0.0.1:8502;\n    server 127.0.0.1:8503;\n",
            "".join(f"    server 127.0.0.1:{port};\n" for port in ports),
        ),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl default_server;", f"listen 127.0.0.1:{https_port} ssl default_server;"),
        ("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;"),
        ("/etc/ssl/ikm-alas-kaki/fullchain.pem", str(cert)),
        ("/etc/ssl/ikm-alas-kaki/privkey.pem", str(key)),
    ):
        assert site.count(old) == 1, f"deploy/nginx.conf no longer holds {old!r} once"
        site = site.replace(old, new)
    (folder / "site.conf").write_text(site, encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers read the test's folder
    temp = "".join(
        f"    {kind}_temp_path {folder / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = folder / "nginx.conf"
    conf.write_text(
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} notice;\n"
        "events { worker_connections 512; }\n"
        f"http {{\n    access_log {folder / 'access.log'};\n{temp}"
        f"    include {folder / 'site.conf'};\n}}\n",
        encoding="utf-8",
    )
    return Proxy(folder, conf, https_port, http_port)


def check(proxy: Proxy) -> subprocess.CompletedProcess:
    """`nginx -t` on the configuration."""
    return subprocess.run(
        [nginx_binary(), "-t", "-p", str(proxy.folder), "-c", str(proxy.conf)],
        capture_output=True,
        text=True,
    )


@contextlib.contextmanager
def running(proxy: Proxy) -> Iterator[Proxy]:
    """nginx in the foreground with ``proxy``'s configuration until the block ends."""
    process = subprocess.Popen(
        [nginx_binary(), "-p", str(proxy.folder), "-c", str(proxy.conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", proxy.https_port), timeout=1),
            ):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                error = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"nginx did not start: {error}")
            time.sleep(0.1)
        yield proxy
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
