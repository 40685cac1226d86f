"""The job board at the scale of a département: bench/synthetic.py's territory (2,400 offers,
about 5 % expired at the reference date, a few fully remote), in French or in English."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # for ``bench``

from bench.synthetic import REFERENCE_DATE, make_territory  # noqa: E402

TODAY: date = REFERENCE_DATE


def make_board(path: Path, offers: int = 2400, seed: int = 0, language: str = "fr") -> Path:
    project = make_territory(path, offers, seed)
    if language != "fr":
        config = project / "site_config.yml"
        text = re.sub(r"(?m)^(\s*language:\s*)fr\b", rf"\g<1>{language}", config.read_text("utf-8"))
        config.write_text(text, encoding="utf-8")
    return project


def build_board(path: Path, offers: int = 2400, seed: int = 0, language: str = "fr"):
    from generator.build import build

    project = make_board(path / "project", offers, seed, language)
    return build(project, path / "site", today=TODAY)


# --- fixture, registered for every module in tests/conftest.py -------------------------------
import pytest  # noqa: E402


@pytest.fixture(scope="session")
def board(tmp_path_factory):
    """The 2,400-offer territory, built once per test session."""
    return build_board(tmp_path_factory.mktemp("job-board"), 2400)
