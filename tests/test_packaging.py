"""A release: the sdist and the wheel pass ``twine check``, and the wheel, installed with its declared
dependencies on a clean virtualenv, carries everything a project needs (modules, themes, starter)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from generator import __version__

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.relative_to(ROOT).parent.parts) for p in (ROOT / "generator").rglob("__init__.py")}
    found = {f for f in found if "starter" not in f}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """The sdist and the wheel, made as a release makes them (``python -m build``), from a copy of the
    tracked sources so that nothing of the working tree (caches, built sites) can leak in."""
    out = tmp_path_factory.mktemp("dist")
    src = tmp_path_factory.mktemp("src") / "territoire"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("generator", "themes"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md"):
        shutil.copy(ROOT / name, src / name)
    run = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(src)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    return out


@pytest.fixture(scope="module")
def wheel(dist) -> zipfile.ZipFile:
    return zipfile.ZipFile(next(dist.glob("*.whl")))


def test_release_files_pass_twine_check_and_carry_the_version(dist):
    files = sorted(dist.iterdir())
    assert [f.name for f in files] == [f"territoire-{__version__}-py3-none-any.whl", f"territoire-{__version__}.tar.gz"]
    run = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_version_is_written_once():
    """pyproject.toml takes it from the package; the changelog has an entry for it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_wheel_carries_the_default_theme_and_starter(wheel):
    names = set(wheel.namelist())
    for path in ["generator/themes_bundled/default/main.html", "generator/themes_bundled/default/assets/territoire/attribution.js",
                 "generator/themes_bundled/default/partials/territoire/cards.html", "generator/starter/site_config.yml",
                 "generator/starter/.github/workflows/publish.yml", "generator/py.typed",
                 "generator/imports/data/communes.tsv.gz", "generator/admin/decap/decap-cms.js"]:
        assert path in names, path


def test_installed_package_creates_and_builds_a_project(wheel, tmp_path):
    """What an officer's CI does: install Territoire with its declared dependencies, create a project,
    build it. The virtualenv does not see the packages of the interpreter running the tests, so a
    dependency missing from pyproject.toml fails here as it would on a fresh machine."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    isolated = subprocess.run([str(python), "-c", "import sys; print(sys.flags.no_user_site, [p for p in sys.path if 'site-packages' in p])"],
                              capture_output=True, text=True, check=True).stdout
    assert str(venv) in isolated and sys.prefix not in isolated.replace(str(venv), "")
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", wheel.filename], capture_output=True, text=True)
    assert install.returncode == 0, install.stdout + install.stderr
    project = tmp_path / "projet"
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONNOUSERSITE": "1"}
    for args in (["new", str(project)], ["check", "--project", str(project), "--today", "2026-11-23"],
                 ["build", "--project", str(project), "--today", "2026-11-23"]):
        run = subprocess.run([str(venv / "bin" / "territoire"), *args], capture_output=True, text=True, cwd=tmp_path, env=env)
        assert run.returncode == 0, run.stdout + run.stderr
    assert (project / "site" / "index.html").is_file()
    assert f'pip install "territoire=={__version__}"' in (project / ".gitlab-ci.yml").read_text("utf-8")
    located = subprocess.run([str(python), "-c", "from generator.themes import bundled_root; print(bundled_root())"],
                             capture_output=True, text=True, cwd=tmp_path, env=env).stdout
    assert str(venv) in located


def test_every_package_describes_itself_and_is_in_the_architecture():
    """The README's architecture names packages, not modules; each package's docstring says what it holds."""
    import ast

    architecture = (ROOT / "README.md").read_text(encoding="utf-8").partition("## Architecture")[2].partition("\n## ")[0]
    for init in sorted((ROOT / "generator").rglob("__init__.py")):
        package = init.parent.relative_to(ROOT).as_posix()
        if "starter" in package:
            continue
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{package}/__init__.py: say what the package holds"
        if package.count("/") == 1:  # the top-level packages
            assert f"{package}/" in architecture, f"README « Architecture »: describe {package}/"
