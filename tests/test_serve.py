"""Live preview: a saved change shows up, errors show in the browser, fixing them brings the site back."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from project_factory import FILES, make_project

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.read().decode("utf-8")


def wait_for(url: str, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if text in last:
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared at {url}; last answer: {last[:300]}")


@pytest.fixture
def server(tmp_path):
    project = make_project(tmp_path)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--project", str(project), "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield project, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_edit_shows_up_then_errors_then_recovery(server):
    project, base = server
    wait_for(f"{base}/offres/infirmier/", "Infirmier·e")
    job = project / "content/jobs/infirmier.yml"
    job.write_text(FILES["content/jobs/infirmier.yml"].replace("title: Infirmier·e", "title: Puériculteur·rice"))
    wait_for(f"{base}/offres/infirmier/", "Puériculteur·rice")
    job.write_text(FILES["content/jobs/infirmier.yml"].replace("sector: sante", "sector: sant"))
    page = wait_for(f"{base}/offres/infirmier/", "Le contenu contient des erreurs")
    assert "content/jobs/infirmier.yml:3" in page and "secteur « sant » inconnu" in page
    assert "Le contenu contient des erreurs" in fetch(f"{base}/")  # every page tells it
    job.write_text(FILES["content/jobs/infirmier.yml"])
    wait_for(f"{base}/offres/infirmier/", "Infirmier·e")


def test_error_page_speaks_the_site_language():
    from generator.engine.serve import error_page

    page = error_page(["content/jobs/x.yml:3: sector: unknown sector “sant”"], "en")
    assert '<html lang="en">' in page and "The content has errors" in page
    assert "<code>content/jobs/x.yml:3</code>" in page and "&lt;" not in page
