"""Real Apache and nginx serving a built site, for the tests of the host rules (410 pages, short
links): one configuration of each, checked by the server's own syntax check, started, and given
back only once it answers.

In CI the servers are installed (.ci/run): there these tests must run, never skip; elsewhere
``needs_apache`` and ``needs_nginx`` skip them when the server is missing."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, NamedTuple
from urllib.parse import urlsplit

import pytest

APACHE = Path("/usr/sbin/apache2")
APACHE_MODULES = Path("/usr/lib/apache2/modules")
NGINX = Path("/usr/sbin/nginx")
IN_CI = os.environ.get("CI") == "true"
STARTUP_SECONDS = 15

needs_apache = pytest.mark.skipif(not IN_CI and not APACHE.exists(), reason="Apache not installed")
needs_nginx = pytest.mark.skipif(not IN_CI and not NGINX.exists(), reason="nginx not installed")


class Answer(NamedTuple):
    status: int
    location: str | None
    body: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> Answer:
    """One GET, redirects not followed: a short link must be a real HTTP redirect, seen as such."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = conn.getresponse()
        return Answer(response.status, response.getheader("Location"), response.read().decode("utf-8", "replace"))
    finally:
        conn.close()


@contextmanager
def apache(site_dir: Path, work: Path) -> Iterator[int]:
    """Apache serving ``site_dir`` with its ``.htaccess`` read (``AllowOverride All``); yields the port.
    ``work`` (created) holds its configuration and logs."""
    port = free_port()
    work.mkdir()
    conf = work / "httpd.conf"
    conf.write_text(f"""ServerRoot "{work}"
LoadModule mpm_event_module {APACHE_MODULES}/mod_mpm_event.so
LoadModule authz_core_module {APACHE_MODULES}/mod_authz_core.so
LoadModule alias_module {APACHE_MODULES}/mod_alias.so
LoadModule dir_module {APACHE_MODULES}/mod_dir.so
LoadModule mime_module {APACHE_MODULES}/mod_mime.so
Listen 127.0.0.1:{port}
ServerName localhost
PidFile {work}/httpd.pid
ErrorLog {work}/error.log
TypesConfig /etc/mime.types
DocumentRoot "{site_dir}"
DirectoryIndex index.html
<Directory "{site_dir}">
  AllowOverride All
  Require all granted
</Directory>
""")
    _syntax_check([str(APACHE), "-t", "-f", str(conf)])
    with _serving([str(APACHE), "-f", str(conf), "-DFOREGROUND"], port, work / "error.log"):
        yield port


@contextmanager
def nginx(site_dir: Path, snippet: Path, work: Path) -> Iterator[int]:
    """nginx serving ``site_dir`` with the build's rules ``snippet`` included in its server block;
    yields the port. ``work`` (created) holds its configuration, logs and temporary files."""
    port = free_port()
    work.mkdir()
    conf = work / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""  # workers read the site in the test's private folder
    conf.write_text(f"""{user} daemon off; worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log;
events {{ worker_connections 16; }}
http {{
  access_log off;
  client_body_temp_path {work}; proxy_temp_path {work}; fastcgi_temp_path {work}; uwsgi_temp_path {work}; scgi_temp_path {work};
  server {{ listen 127.0.0.1:{port}; root {site_dir}; error_page 404 /404.html; include {snippet}; }}
}}
""")
    _syntax_check([str(NGINX), "-t", "-c", str(conf)])
    with _serving([str(NGINX), "-c", str(conf)], port, work / "error.log"):
        yield port


def _syntax_check(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(command)} refused the configuration:\n{result.stdout}{result.stderr}"


@contextmanager
def _serving(command: list[str], port: int, error_log: Path) -> Iterator[None]:
    server = subprocess.Popen(command)
    try:
        _wait_until_it_answers(server, port, error_log)
        yield
    finally:
        server.terminate()
        server.wait(10)


def _wait_until_it_answers(server: subprocess.Popen, port: int, error_log: Path) -> None:
    # A test that ran against a server that never started would fail later with a misleading
    # "connection refused": say here what went wrong, with the server's own log.
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            get(f"http://127.0.0.1:{port}/")
            return
        except OSError as err:
            last = err
        exited = server.poll()
        if exited is not None or time.monotonic() > deadline:
            log = error_log.read_text(errors="replace") if error_log.exists() else "(no error log)"
            state = f"exited with code {exited}" if exited is not None else f"no answer after {STARTUP_SECONDS} s"
            raise AssertionError(f"{server.args[0]} on port {port}: {state} ({last}); its error log:\n{log}")
        time.sleep(0.05)
