"""The installed package must carry everything a project needs: every module, the themes, the starter."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.relative_to(ROOT).parent.parts) for p in (ROOT / "generator").rglob("__init__.py")}
    found = {f for f in found if "starter" not in f}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    src = tmp_path_factory.mktemp("src") / "territoire"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("generator", "themes"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return zipfile.ZipFile(next(out.glob("*.whl")))


def test_wheel_carries_the_default_theme_and_starter(wheel):
    names = set(wheel.namelist())
    for path in ["generator/themes_bundled/default/main.html", "generator/themes_bundled/default/assets/territoire/attribution.js",
                 "generator/themes_bundled/default/partials/territoire/cards.html", "generator/starter/site_config.yml",
                 "generator/starter/.github/workflows/publish.yml"]:
        assert path in names, path


def test_installed_package_creates_and_builds_a_project(wheel, tmp_path):
    """What an officer's CI does: install Territoire, create a project, build it (themes from the package)."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", wheel.filename], check=True)
    project = tmp_path / "projet"
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path)}
    for args in (["new", str(project)], ["build", "--project", str(project), "--today", "2026-11-23"]):
        run = subprocess.run([str(venv / "bin" / "territoire"), *args], capture_output=True, text=True, cwd=tmp_path, env=env)
        assert run.returncode == 0, run.stderr
    assert (project / "site" / "index.html").is_file()
    located = subprocess.run([str(python), "-c", "from generator.themes import bundled_root; print(bundled_root())"],
                             capture_output=True, text=True, cwd=tmp_path, env=env).stdout
    assert "site-packages" in located
