"""The synthetic territory of the benchmark (bench/synthetic.py) is valid content."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for ``bench``

from bench.synthetic import make_territory  # noqa: E402
from generator.build import check  # noqa: E402

TODAY = date(2026, 11, 23)


def test_synthetic_territory_is_valid(tmp_path):
    project = make_territory(tmp_path / "territory", 60)
    site = check(project, today=TODAY)
    jobs = sorted((project / "content" / "jobs").glob("*.yml"))
    assert len(jobs) == 60
    expired = [p for p in jobs if (v := yaml.safe_load(p.read_text("utf-8")).get("valid_through")) and v < TODAY]
    assert 2 <= len(expired) <= 4  # ~5 %
    assert site.counts["jobs"] == 60 and site.counts["expired"] == len(expired)
    assert site.counts["events"] >= 10 and site.counts["testimonials"] >= 5 and site.counts["campaigns"] >= 2


def test_synthetic_territory_is_deterministic(tmp_path):
    a = make_territory(tmp_path / "a", 30, seed=3)
    b = make_territory(tmp_path / "b", 30, seed=3)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
