"""The web editor at /admin/: its pinned bundle, its configuration generated from the content
model (valid for Decap, complete), and, in Chromium with Decap's local backend (decap-server),
forms that write files ``territoire check`` accepts and the built site shows."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import typing
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from browser_support import IN_CI, ROOT, TODAY, Server
from generator.admin import config_yaml, files
from generator.admin.bundle import FOLDER, SCRIPT, TREE_SHA256, VERSION, tree_sha256
from generator.admin.config import FORM_OMITS, field_paths
from generator.content.kinds import KINDS
from generator.content.model import SiteConfig
from generator.locales.typography import apostrophes

DECAP_SERVER = "decap-server@3.11.3"  # Decap's local backend, from npm
SCHEMA = json.loads((FOLDER / "config.schema.json").read_text("utf-8"))


def _config(**editor) -> SiteConfig:
    data = yaml.safe_load((ROOT / "site_config.yml").read_text("utf-8"))
    if editor:
        data["editor"] = editor
    return SiteConfig.model_validate(data)


def test_bundle_is_the_pinned_version():
    assert tree_sha256() == TREE_SHA256, "generator/admin/decap/ changed: run python -m generator.admin.vendor"
    head = (FOLDER / SCRIPT).read_text("utf-8")[:100_000]
    assert (FOLDER / "LICENSE").read_text("utf-8").startswith("Copyright (c) 2016 Netlify")
    assert f"{SCRIPT}?v={VERSION}" in files(_config())["admin/index.html"].decode()
    assert "decap" in head.lower()


@pytest.mark.parametrize("editor", [
    {}, {"backend": "gitlab", "repo": "agence/site", "app_id": "abc123"},
    {"backend": "gitlab", "repo": "agence/site", "app_id": "abc123", "gitlab_url": "https://gitlab.example.fr"},
    {"backend": "github", "repo": "agence/site", "auth_url": "https://auth.example.fr"},
])
def test_config_is_valid_for_decap(editor):
    config = yaml.safe_load(config_yaml(_config(**editor)))
    errors = [f"{e.json_path}: {e.message}" for e in jsonschema.Draft7Validator(SCHEMA).iter_errors(config)]
    assert not errors
    assert config["locale"] == "fr" and config["media_folder"] == "content/media"
    if editor.get("backend") == "gitlab":
        assert config["backend"]["auth_type"] == "pkce"


def test_english_site_gets_an_english_editor():
    data = yaml.safe_load((ROOT / "site_config.yml").read_text("utf-8"))
    data["site"]["language"] = "en"
    config = yaml.safe_load(config_yaml(SiteConfig.model_validate(data)))
    assert config["locale"] == "en"
    assert config["collections"][0]["label"] == "Jobs"


def test_editor_settings_are_checked():
    with pytest.raises(Exception, match="editor_auth_url"):
        _config(backend="github", repo="agence/site")
    with pytest.raises(Exception, match="editor_app_id"):
        _config(backend="gitlab", repo="agence/site")
    with pytest.raises(Exception):
        _config(backend="gitlab", repo="not a repo", app_id="x")


def _model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path of a model, nested models included (``show.events``, ``dates.start``)."""
    found = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{info.alias or name}"
        found.add(path)
        for sub in _models(info.annotation):
            found |= _model_paths(sub, f"{path}.")
    return found


def _models(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


@pytest.mark.parametrize("kind", [k for k, info in KINDS.items() if not info.front_matter])
def test_every_field_of_the_model_is_in_the_form(kind):
    config = yaml.safe_load(config_yaml(_config()))
    in_form = field_paths(config, kind)
    omitted = {path for (k, path) in FORM_OMITS if k == kind}
    expected = {p for p in _model_paths(KINDS[kind].model)
                if p not in omitted and not any(p.startswith(o.rstrip("*")) for o in omitted if o.endswith("*"))}
    assert expected - in_form == set(), "fields of the model missing from /admin/config.yml"
    assert in_form - _model_paths(KINDS[kind].model) == set(), "fields of the form the model does not know"


def test_admin_is_published_out_of_sitemap_and_navigation(tmp_path):
    project = _project(tmp_path)
    from generator.build import build

    result = build(project, project / "site", today=TODAY)
    admin = (result.out / "admin/index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in admin
    assert (result.out / "admin" / SCRIPT).is_file() and (result.out / "admin/config.yml").is_file()
    assert "/admin/" not in (result.out / "sitemap.xml").read_text("utf-8")
    assert "admin/" not in (result.out / "index.html").read_text("utf-8")


# --- in Chromium, with Decap's local backend ------------------------------------------

def _project(tmp: Path) -> Path:
    project = tmp / "projet"
    project.mkdir()
    shutil.copy2(ROOT / "site_config.yml", project / "site_config.yml")
    for name in ("content", "themes"):
        shutil.copytree(ROOT / name, project / name)
    return project


def _decap_server() -> Path:
    """decap-server from npm, installed once into a cache folder."""
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "territoire-tests" / DECAP_SERVER
    binary = cache / "node_modules/.bin/decap-server"
    if binary.exists():
        return binary
    if not shutil.which("npm"):
        if IN_CI:
            pytest.fail("npm is needed to install decap-server on CI", pytrace=False)
        pytest.skip("npm not installed: decap-server (Decap's local backend) cannot be installed")
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(cache), DECAP_SERVER],
                   check=True, timeout=300)
    return binary


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def editor(tmp_path, browser):  # noqa: F811 (the session's Chromium)
    from generator.build import build

    project = _project(tmp_path)
    build(project, project / "site", today=TODAY)
    port = _free_port()
    config_file = project / "site/admin/config.yml"
    config = yaml.safe_load(config_file.read_text("utf-8"))
    config["local_backend"] = {"url": f"http://localhost:{port}/api/v1"}
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    server_log = (tmp_path / "decap-server.log").open("w")
    process = subprocess.Popen([str(_decap_server())], cwd=project, stdout=server_log, stderr=subprocess.STDOUT,
                               env={**os.environ, "PORT": str(port), "GIT_REPO_DIRECTORY": str(project)})
    site = Server(project / "site")
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("decap-server did not start: " + (tmp_path / "decap-server.log").read_text())
                time.sleep(0.2)
        page.goto(site.base + "admin/")
        page.get_by_role("button", name="Se connecter").click()
        yield project, site, page
        assert hosts <= {site.base.split("/")[2], f"localhost:{port}"}, "/admin/ loaded from another host"
    finally:
        page.close()
        site.close()
        process.terminate()
        process.wait(10)
        server_log.close()


def _fill(page, name: str, value: str) -> None:
    page.locator(f'[id^="{name}-field-"]').first.fill(value)


def _choose(page, name: str, text: str) -> None:
    box = page.locator(f'[id^="{name}-field-"]').first
    box.click()
    box.type(text[:12])
    page.get_by_text(text, exact=True).last.click()


def _markdown(page, text: str) -> None:
    page.locator('[contenteditable="true"]').first.click()
    page.keyboard.type(text)


def _publish(page) -> None:
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()


def _wait_for(path: Path, seconds: float = 15) -> str:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"{path.name} not written")
        time.sleep(0.2)
    time.sleep(0.3)
    return path.read_text("utf-8")


def _check_and_build(project: Path):
    from generator.build import build
    from generator.content.project import load_project

    load_project(project)  # territoire check: raises on any error
    return build(project, project / "site", today=TODAY)


@pytest.mark.browser
def test_offer_created_in_the_form_is_published(editor):
    project, site, page = editor
    page.goto(site.base + "admin/#/collections/jobs/new")
    _fill(page, "title", "Sage-femme au centre hospitalier")
    _fill(page, "name", "Centre hospitalier de Bellerive")
    _choose(page, "sector", "Santé")
    _choose(page, "contract", "CDI")
    _fill(page, "city", "Bellerive-du-Vallon")
    _fill(page, "postal_code", "19100")
    _fill(page, "posted", "2026-11-20")
    _markdown(page, "Vous accompagnez les naissances de la maternité.")
    _fill(page, "email", "recrutement@ch-bellerive.example.fr")
    _publish(page)
    text = _wait_for(project / "content/jobs/sage-femme-au-centre-hospitalier.yml")
    data = yaml.safe_load(text)
    assert data["sector"] == "sante" and data["contract"] == "cdi" and data["apply"] == {
        "email": "recrutement@ch-bellerive.example.fr"}
    result = _check_and_build(project)
    page_html = (result.out / "offres/sage-femme-au-centre-hospitalier/index.html").read_text("utf-8")
    assert "Sage-femme au centre hospitalier" in page_html and "naissances de la maternité" in page_html


@pytest.mark.browser
def test_campaign_picks_events_through_a_relation(editor):
    project, site, page = editor
    events = {slug: yaml.safe_load((project / f"content/events/{slug}.yml").read_text("utf-8"))["title"]
              for slug in ("job-dating-sante-paris", "webinaire-soignants-fevrier-2027")}
    page.goto(site.base + "admin/#/collections/campaigns/new")
    _fill(page, "title", "Kinés en vallée")
    for title in events.values():
        _choose(page, "events", title)
    _publish(page)
    data = yaml.safe_load(_wait_for(project / "content/campaigns/kines-en-vallee.yml"))
    assert data["title"] == "Kinés en vallée"
    assert data["show"]["events"] == list(events)
    result = _check_and_build(project)
    landing = (result.out / "kines-en-vallee/index.html").read_text("utf-8")
    assert "Kinés en vallée" in landing
    for title in events.values():
        assert apostrophes(title) in landing  # as the site prints it: l’, not l'


@pytest.mark.browser
def test_required_field_left_empty_cannot_be_saved(editor):
    project, site, page = editor
    before = sorted(p.name for p in (project / "content/jobs").iterdir())
    page.goto(site.base + "admin/#/collections/jobs/new")
    _fill(page, "title", "Offre sans employeur")
    _publish(page)
    page.wait_for_timeout(2000)
    assert sorted(p.name for p in (project / "content/jobs").iterdir()) == before
    assert not (project / "content/jobs/offre-sans-employeur.yml").exists()
