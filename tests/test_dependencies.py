"""Every module the code imports comes from a dependency declared in pyproject.toml.

A package installed by hand on a developer's machine (or on the machine CI runs on) must never
hide a missing declaration: the package's own code is checked against ``dependencies``, the
tests and the benchmark against ``dependencies`` plus the ``test`` extra. Every declared
dependency is also explained in the README's dependency table."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def normalized(name: str) -> str:
    """A distribution name as PEP 503 compares them (``Pillow`` = ``pillow``, ``pydantic_core`` = ``pydantic-core``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> set[str]:
    return {normalized(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", line).group()) for line in requirements}


RUNTIME = declared(PYPROJECT["dependencies"])
TEST = RUNTIME | declared(PYPROJECT["optional-dependencies"]["test"])


def imported_modules(folder: Path) -> dict[str, str]:
    """Top-level name of every absolute import under ``folder`` → the first file:line importing it.

    Imports inside functions count too: a command that imports on use fails just the same."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.partition(".")[0], f"{path.relative_to(folder.parent)}:{node.lineno}")
    return found


def own_modules(folder: Path) -> set[str]:
    """The repository's own top-level names seen from ``folder`` (the package, the benchmark, test helpers;
    the benchmark also uses the tests' fake servers)."""
    helpers = (folder, ROOT / "tests") if folder.name == "bench" else (folder,)
    return {"generator", "bench"} | {path.stem for place in helpers for path in place.glob("*.py")}


def undeclared(folder: Path, allowed: set[str]) -> list[str]:
    providers = packages_distributions()
    problems = []
    for module, where in sorted(imported_modules(folder).items()):
        if module in sys.stdlib_module_names or module in own_modules(folder):
            continue
        distributions = {normalized(d) for d in providers.get(module, [])}
        if not distributions:
            problems.append(f"{where}: module « {module} » is provided by no installed distribution")
        elif not distributions & allowed:
            problems.append(f"{where}: module « {module} » comes from {sorted(distributions)}, not declared in pyproject.toml")
    return problems


@pytest.mark.parametrize("folder, allowed", [("generator", RUNTIME), ("tests", TEST), ("bench", TEST)])
def test_every_import_is_a_declared_dependency(folder, allowed):
    problems = undeclared(ROOT / folder, allowed)
    assert not problems, "\n".join(problems)


def test_the_check_names_a_missing_dependency(tmp_path):
    """Removing a declaration is caught, and the message names the module."""
    (tmp_path / "uses_yaml.py").write_text("def load():\n    import yaml\n", encoding="utf-8")
    problems = undeclared(tmp_path, RUNTIME - {"pyyaml"})
    assert len(problems) == 1 and "« yaml »" in problems[0] and "uses_yaml.py:2" in problems[0]
    assert undeclared(tmp_path, RUNTIME) == []


def test_every_dependency_is_explained_in_the_readme():
    section = (ROOT / "README.md").read_text(encoding="utf-8").partition("\n## Dependencies")[2].partition("\n## ")[0]
    # The first cell of each row names packages: "mkdocs 1.6, mkdocs-material 9", "cmarkgfm + nh3".
    first_cells = [line.split("|")[1] for line in section.splitlines() if line.startswith("|")]
    explained = {normalized(name) for cell in first_cells for name in re.findall(r"[A-Za-z][A-Za-z0-9._-]*", cell)}
    missing = sorted(TEST - explained)
    assert not missing, f"README, « Dependencies » table: say why each of these is there: {missing}"


def test_every_package_is_in_the_distribution():
    """setuptools lists the packages by hand (for themes_bundled): a new one left out would be
    missing from the wheel officers install, while every test here still passes."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "generator").rglob("__init__.py")}
    assert found - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"
