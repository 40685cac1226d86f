"""Live preview: a saved change shows up, errors show in the browser, fixing them brings the site back."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from project_factory import FILES, make_project
from web_servers import free_port

ROOT = Path(__file__).resolve().parent.parent


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


def test_hostile_addresses_and_links_out_of_the_project(tmp_path):
    """A NUL byte in the address is "not found" (no traceback in the log); a link to a server file
    put in the project shows as an error, and the server never follows a link out of its folder."""
    import os

    project = make_project(tmp_path / "projet")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--project", str(project), "--port", str(port)],
                                   cwd=ROOT, stdout=sink, stderr=sink)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/", "Testville")
            for path in ("/a%00b", "/offres/%00/", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"):
                with pytest.raises(urllib.error.HTTPError) as answer:
                    urllib.request.urlopen(base + path, timeout=5)
                assert answer.value.code == 404 and b"root:" not in answer.value.read()
            os.symlink("/etc/passwd", project / "content/media/motdepasse.svg")
            page = wait_for(f"{base}/media/motdepasse.svg", "Le contenu contient des erreurs")
            assert "root:" not in page and "content/media/motdepasse.svg" in page and "hors du projet" in page
        finally:
            process.terminate()
            process.wait(timeout=10)
    assert b"Traceback" not in log.read_bytes()


def test_the_server_does_not_follow_a_link_out_of_its_folder(tmp_path):
    from generator.engine.serve import PreviewServer

    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text("accueil")
    (root / "passwd.html").symlink_to("/etc/passwd")
    server = PreviewServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=str(root), mount_path="/")
    try:
        statuses, bodies = [], []
        for path in ("/passwd.html", "/index.html"):  # the server's WSGI entry point
            bodies.append(b"".join(server.serve_request({"PATH_INFO": path}, lambda status, headers: statuses.append(status))))
        assert statuses == ["404 Not Found", "200 OK"] and b"root:" not in bodies[0] and bodies[1] == b"accueil"
    finally:
        server.server_close()


def test_error_page_speaks_the_site_language():
    from generator.engine.serve import error_page

    page = error_page(["content/jobs/x.yml:3: sector: unknown sector “sant”"], "en")
    assert '<html lang="en">' in page and "The content has errors" in page
    assert "<code>content/jobs/x.yml:3</code>" in page and "&lt;" not in page


def test_preview_updates_its_folder_in_place_and_stays_a_faithful_build(tmp_path):
    """The preview re-renders only what an edit changes, in the folder it serves, and never
    writes into the page cache's files; adding or removing an offer rebuilds the folder."""
    import os
    import shutil

    from generator.build import CACHE_DIR, Preview, build

    project = make_project(tmp_path / "project")
    out = tmp_path / "preview"
    preview = Preview(project)
    assert preview.rebuild(out) > 0
    legal_inode = os.stat(out / "mentions-legales/index.html").st_ino
    cached = {p.name: p.read_bytes() for p in (project / CACHE_DIR / "pages").iterdir()}

    job = project / "content/jobs/infirmier.yml"
    job.write_text(FILES["content/jobs/infirmier.yml"].replace("title: Infirmier·e", "title: Puériculteur·rice"))
    rendered = preview.rebuild(out)
    assert 0 < rendered < 10
    assert "Puériculteur·rice" in (out / "offres/infirmier/index.html").read_text("utf-8")
    assert os.stat(out / "mentions-legales/index.html").st_ino == legal_inode  # untouched: no offer there
    for name, data in cached.items():  # the files the folder shares with the cache did not change
        path = project / CACHE_DIR / "pages" / name
        assert not path.exists() or path.read_bytes() == data

    shutil.copy(job, project / "content/jobs/sage-femme.yml")
    preview.rebuild(out)
    assert (out / "offres/sage-femme/index.html").is_file()
    (project / "content/jobs/sage-femme.yml").unlink()
    preview.rebuild(out)
    assert not (out / "offres/sage-femme").exists()

    scratch = build(project, tmp_path / "scratch").out
    ours = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    theirs = {p.relative_to(scratch).as_posix(): p.read_bytes() for p in scratch.rglob("*") if p.is_file()}
    differing = {name for name in ours.keys() | theirs.keys() if ours.get(name) != theirs.get(name)}
    # calendars, feeds and the offers' JSON carry the time they were made
    assert {name for name in differing if not name.endswith((".ics", ".xml", ".json"))} == set(), differing


def test_preview_validates_again_what_an_image_added_or_removed_changes(tmp_path):
    from generator.build import Preview
    from generator.content.errors import ContentError

    project = make_project(tmp_path / "project")
    preview = Preview(project)
    preview.rebuild(tmp_path / "preview")
    (project / "content/media/hero.jpg").rename(project / "content/media/hero-old.jpg")
    with pytest.raises(ContentError) as err:  # territory.yml did not change, its image did
        preview.rebuild(tmp_path / "preview")
    assert any("hero.jpg" in str(p) for p in err.value.problems)
    (project / "content/media/hero-old.jpg").rename(project / "content/media/hero.jpg")
    assert preview.rebuild(tmp_path / "preview") >= 0


@contextmanager
def offer_page(browser, base: str):
    """The preview's page of the factory's offer, open in a fresh browser context."""
    wait_for(f"{base}/offres/infirmier/", "Infirmier·e")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/offres/infirmier/")
        yield page
    finally:
        context.close()


@pytest.mark.browser
def test_the_page_open_in_the_browser_shows_the_edit_by_itself(server, browser):
    project, base = server
    job = project / "content/jobs/infirmier.yml"
    with offer_page(browser, base) as page:
        job.write_text(FILES["content/jobs/infirmier.yml"].replace("title: Infirmier·e", "title: Puériculteur·rice"))
        # no navigation here: the preview's script reloads the page when the rebuild is done
        page.wait_for_function("document.querySelector('h1').textContent.includes('Puériculteur·rice')", timeout=20_000)


@pytest.mark.browser
def test_the_page_open_in_the_browser_comes_back_by_itself_once_fixed(server, browser):
    """Broken, then fixed: the edited offer's own page (not only the home page) shows the errors, then
    the offer again within 2 s of the fix, with no action in the browser."""
    project, base = server
    job = project / "content/jobs/infirmier.yml"
    with offer_page(browser, base) as page:
        job.write_text(FILES["content/jobs/infirmier.yml"].replace("sector: sante", "sector: sant"))
        page.wait_for_function("document.querySelector('h1').textContent.includes('erreurs')", timeout=20_000)
        assert "secteur « sant » inconnu" in page.content()
        job.write_text(FILES["content/jobs/infirmier.yml"])
        fixed = time.monotonic()
        page.wait_for_function("document.querySelector('h1').textContent.includes('Infirmier·e')", timeout=10_000)
        assert time.monotonic() - fixed < 2
        assert page.url == f"{base}/offres/infirmier/"
