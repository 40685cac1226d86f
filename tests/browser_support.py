"""Browser fixtures: the demo site built once, served on 127.0.0.1, and one Chromium per session.

Import the fixtures into a test module (``from browser_support import ...``): pytest finds them there.
When CI=true a missing Chromium fails the tests loudly; elsewhere they are skipped."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)
CHROMIUM = os.environ.get("TERRITOIRE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_browser() -> None:
    """Skip (fail on CI) when Chromium or Playwright is not there."""
    problem = None
    if not Path(CHROMIUM).is_file():
        problem = f"Chromium not found at {CHROMIUM} (install Debian's 'chromium' package)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
            import axe_playwright_python  # noqa: F401
        except ImportError as exc:
            problem = f"Playwright or axe-playwright-python missing ({exc}); pip install -e '.[test]'"
    if problem:
        if IN_CI:
            pytest.fail(f"browser tests must run on CI: {problem}", pytrace=False)
        pytest.skip(problem)


def build_demo(tmp: Path):
    """Build the demo project (site_config.yml, content/, themes/) copied into ``tmp``."""
    from generator.build import build

    project = tmp / "demo"
    project.mkdir(parents=True)
    shutil.copy2(ROOT / "site_config.yml", project / "site_config.yml")
    for name in ("content", "themes"):
        shutil.copytree(ROOT / name, project / name)
    return build(project, project / "site", today=TODAY)


class StaticHandler(SimpleHTTPRequestHandler):
    """A static host: files as they are, 404.html (status 404) for anything unknown."""

    def log_message(self, format, *args):  # quiet
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class Server:
    def __init__(self, root: Path):
        handler = functools.partial(StaticHandler, directory=str(root))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="session")
def demo_server(demo_build):
    server = Server(demo_build.out)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()
