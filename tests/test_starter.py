"""``territoire new``: a starter project that builds as created, for years, in any editor and CI."""

from __future__ import annotations

import glob
from fnmatch import fnmatchcase
import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from generator import __version__
from generator.cli import main
from generator.content.kinds import KINDS

REPO = Path(__file__).resolve().parents[1]
STARTER = REPO / "generator" / "starter"
TODAY = "2026-11-23"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("nouveau")  # exists and is empty, as after « mkdir »
    assert main(["new", str(root)]) == 0
    return root


@pytest.fixture(scope="module")
def built(project) -> Path:
    assert main(["build", "--project", str(project), "--today", TODAY]) == 0
    return project / "site"


def page(site: Path, url: str) -> str:
    path = site / url / "index.html"
    assert path.is_file(), f"/{url} is missing"
    return path.read_text("utf-8")


def test_builds_as_created_with_every_kind_at_its_url(built):
    home = page(built, "")
    job = page(built, "offres/infirmier-exemple/")
    event = page(built, "agenda/webinaire-exemple/")
    campaign = page(built, "exemple/")
    page(built, "temoignages/exemple/")
    page(built, "a-propos/")
    assert "Infirmier" in job and "Exempleville" in job
    assert "Webinaire" in event
    assert "Soignants" in campaign
    assert "infirmier-exemple" in campaign and "webinaire-exemple" in campaign  # listed on the landing page
    assert "Vivre en Exemple" in home
    assert list((built / "media").glob("paysage-*.webp"))  # published as responsive variants


def test_check_passes(project, capsys):
    assert main(["check", "--project", str(project), "--today", TODAY]) == 0
    assert "1 offre dont" in capsys.readouterr().out


@pytest.mark.parametrize("today", ["2027-06-01", "2030-06-30"])
def test_examples_stay_current_for_years(project, tmp_path, today):
    """Fixed dates in 2030: the offer is still published and the webinar still ahead."""
    out = tmp_path / "site"
    assert main(["build", "--project", str(project), "--out", str(out), "--today", today]) == 0
    assert (out / "offres" / "infirmier-exemple" / "index.html").is_file()
    assert "webinaire-exemple" in (out / "index.html").read_text("utf-8")  # upcoming events on the home page


def test_refuses_a_non_empty_folder(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("à garder", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "n'est pas vide" in err and str(tmp_path) in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]  # nothing written


def test_refuses_a_file(tmp_path, capsys):
    target = tmp_path / "site.txt"
    target.write_text("x", encoding="utf-8")
    assert main(["new", str(target)]) == 2
    assert "n'est pas un dossier" in capsys.readouterr().err


def test_creates_missing_folders_and_accepts_an_empty_clone(tmp_path):
    assert main(["new", str(tmp_path / "a" / "b")]) == 0
    assert (tmp_path / "a" / "b" / "site_config.yml").is_file()
    clone = tmp_path / "clone"
    (clone / ".git").mkdir(parents=True)
    assert main(["new", str(clone)]) == 0
    assert (clone / "site_config.yml").is_file()


def test_reproducible(project, tmp_path):
    """Two projects created on different days are the same, byte for byte."""
    other = tmp_path / "autre"
    assert main(["new", str(other)]) == 0

    def tree(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
                if p.is_file() and p.relative_to(root).parts[0] not in ("site", "print", ".territoire-cache") and not p.name.endswith(".nginx.conf")}

    assert tree(other) == tree(project)


def _content_files(root: Path) -> list[Path]:
    return sorted({path for kind in KINDS.values() for pattern in kind.globs for path in root.glob(pattern)})


def _expected_kind(root: Path, path: Path) -> str:
    rel = path.relative_to(root).as_posix()
    (kind,) = [kind.name for kind in KINDS.values() if any(fnmatchcase(rel, pattern) for pattern in kind.globs)]
    return kind


def test_one_example_of_each_kind(project):
    kinds = {_expected_kind(project, p) for p in _content_files(project)}
    assert kinds == set(KINDS)
    for rel in ("content/jobs/infirmier-exemple.yml", "content/events/webinaire-exemple.yml", "content/testimonials/exemple.yml",
                "content/campaigns/exemple.yml", "content/pages/a-propos.md"):
        assert (project / rel).is_file(), rel
    campaign = yaml.safe_load((project / "content/campaigns/exemple.yml").read_text("utf-8"))
    assert len(campaign["placements"]) == 2


def test_every_content_file_names_its_schema(project):
    for path in _content_files(project):
        lines = path.read_text("utf-8").splitlines()
        line = lines[1] if path.suffix == ".md" else lines[0]  # a page: first line of its front matter
        match = MODELINE.match(line)
        assert match, f"{path.relative_to(project)}: first line should be the $schema line"
        schema = (path.parent / match.group(1)).resolve()
        assert schema.is_file(), f"{path.relative_to(project)}: {match.group(1)} does not exist"
        assert schema.name == f"{_expected_kind(project, path)}.schema.json"
        assert schema.parent == (project / "schemas").resolve()


def test_examples_validate_against_their_schemas(project):
    jsonschema = pytest.importorskip("jsonschema")
    from test_schema import load_as_editor

    for path in _content_files(project):
        schema = json.loads((project / "schemas" / f"{_expected_kind(project, path)}.schema.json").read_text("utf-8"))
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        problems = [e.message for e in validator.iter_errors(load_as_editor(path))]
        assert problems == [], f"{path.relative_to(project)}: {problems}"


def test_editor_settings_point_to_the_schemas(project):
    settings = json.loads((project / ".vscode" / "settings.json").read_text("utf-8"))
    for schema, globs in settings["yaml.schemas"].items():
        assert (project / schema).is_file()
        assert any(list(project.glob(g)) for g in globs), globs
    assert "redhat.vscode-yaml" in json.loads((project / ".vscode" / "extensions.json").read_text("utf-8"))["recommendations"]


def test_small_real_images(project):
    from PIL import Image

    images = [p for p in (project / "content" / "media").iterdir() if p.suffix in (".jpg", ".png")]
    assert {p.suffix for p in images} == {".jpg", ".png"}
    for path in images:
        assert path.stat().st_size < 30_000, path.name
        with Image.open(path) as img:
            img.verify()


def test_readme_documents_commands_and_links_every_field(project):
    readme = (project / "README.md").read_text("utf-8")
    for command in ("territoire serve", "territoire check", "territoire build"):
        assert command in readme
    fields = (project / "CHAMPS.md").read_text("utf-8")
    anchors = re.findall(r"\(CHAMPS\.md#([\w-]+)\)", readme)
    assert set(anchors) == set(KINDS)
    for anchor in anchors:
        assert f'<a id="{anchor}"></a>' in fields
    for field in ("valid_through", "placements[]", "call_to_action", "photo_alt", "error_correction"):
        assert f"`{field}`" in fields


def test_gitignore(project):
    ignored = (project / ".gitignore").read_text("utf-8").splitlines()
    assert "site/" in ignored and "print/" in ignored
    assert "qr-codes.yml" not in ignored  # the registry of printed codes is kept


def test_github_workflow(project):
    wf = yaml.safe_load((project / ".github" / "workflows" / "publish.yml").read_text("utf-8"))
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads the key « on » as true
    assert on["push"]["branches"] == ["main"]
    assert on["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]  # every day
    assert "workflow_dispatch" in on
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = wf["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in build]
    uses = [s.get("uses", "") for s in build]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert next(s for s in build if s.get("uses", "").startswith("actions/setup-python@"))["with"]["python-version"] == "3.11"
    assert f'pip install "territoire=={__version__}"' in runs
    assert "territoire build" in runs
    cache = next(s for s in build if s.get("uses", "").startswith("actions/cache@"))  # warm builds in CI
    assert cache["with"]["path"] == ".territoire-cache" and cache["with"]["restore-keys"] == "territoire-"
    assert build.index(cache) < runs.index("territoire build")
    assert next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact@"))["with"]["path"] == "site"
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_pipeline(project):
    ci = yaml.safe_load((project / ".gitlab-ci.yml").read_text("utf-8"))
    pages = ci["pages"]
    assert "territoire build --out public" in pages["script"]
    assert f'pip install "territoire=={__version__}"' in pages["script"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["cache"]["paths"] == [".territoire-cache/"]
    rules = " ".join(r["if"] for r in pages["rules"])
    assert "$CI_DEFAULT_BRANCH" in rules and '"schedule"' in rules
    assert pages["image"].startswith("python:3.11")


def test_ci_and_readme_pin_the_version_that_created_the_project(project):
    """An officer's nightly build never installs another release, nor an unpinned name anyone could publish."""
    installs = []
    for path in project.rglob("*"):
        if path.is_file() and path.suffix in (".yml", ".md", ".txt", ""):
            text = path.read_text("utf-8", errors="replace")
            assert "__TERRITOIRE_VERSION__" not in text, path
            installs += re.findall(r"^\s*(?:- |run: )?pip install (\S+)$", text, re.MULTILINE)  # commands, not prose
    assert installs and set(installs) == {f'"territoire=={__version__}"'}, installs
    upgrade = (project / "README.md").read_text("utf-8")
    assert "Passer à une version plus récente de Territoire" in upgrade


def test_starter_files_are_package_data():
    """Every file of generator/starter/ matches a package-data pattern, so it ships in the wheel."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["generator"]
    shipped = {Path(m).as_posix() for pattern in patterns
               for m in glob.glob(pattern, root_dir=REPO / "generator", recursive=True)}
    files = {p.relative_to(REPO / "generator").as_posix() for p in STARTER.rglob("*") if p.is_file()}
    assert files and files <= shipped, sorted(files - shipped)
