"""Rebuilds render only the pages whose content, templates or settings changed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from generator.build import CACHE_DIR, build

from project_factory import make_project

TODAY = date(2026, 11, 23)


def pages(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text("utf-8") for p in out.rglob("*.html")}


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")


def test_a_rebuild_with_nothing_changed_renders_no_page(tmp_path):
    make_project(tmp_path)
    first = build(tmp_path, today=TODAY)
    before = pages(first.out)
    assert first.rendered == len(first.site.pages)
    again = build(tmp_path, today=TODAY)
    assert again.rendered == 0
    assert pages(again.out) == before


def test_an_edited_offer_renders_its_page_and_the_pages_listing_it(tmp_path):
    make_project(tmp_path)
    build(tmp_path, today=TODAY)
    edit(tmp_path / "content/jobs/infirmier.yml", "title: Infirmier·e", "title: Infirmier·e de nuit")
    edited = build(tmp_path, today=TODAY)
    assert 0 < edited.rendered < len(edited.site.pages)
    assert "Infirmier·e de nuit" in (edited.out / "offres/infirmier/index.html").read_text("utf-8")
    assert "Infirmier·e de nuit" in (edited.out / "offres/index.html").read_text("utf-8")
    # the same site as a build from scratch
    shutil.rmtree(tmp_path / CACHE_DIR)
    scratch = build(tmp_path, tmp_path / "scratch", today=TODAY)
    assert pages(edited.out) == pages(scratch.out)


def test_a_setting_every_page_shows_renders_every_page_again(tmp_path):
    make_project(tmp_path)
    build(tmp_path, today=TODAY)
    edit(tmp_path / "site_config.yml", 'name: "Vivre à Testville"', 'name: "Vivre à Testville-sur-Mer"')
    again = build(tmp_path, today=TODAY)
    assert again.rendered == len(again.site.pages)


def test_the_cache_keeps_only_the_pages_of_the_last_build(tmp_path):
    make_project(tmp_path)
    build(tmp_path, today=TODAY)
    cached = tmp_path / CACHE_DIR / "pages"
    count = len(list(cached.iterdir()))
    edit(tmp_path / "content/jobs/infirmier.yml", "title: Infirmier·e", "title: Infirmier·e de nuit")
    build(tmp_path, today=TODAY)
    assert len(list(cached.iterdir())) == count


def test_an_edited_template_renders_every_page_again(tmp_path):
    from generator.themes import bundled_root

    make_project(tmp_path)
    shutil.copytree(bundled_root() / "default", tmp_path / "themes/default")  # the project's own copy
    build(tmp_path, today=TODAY)
    edit(tmp_path / "themes/default/main.html", '<p class="territoire-footer__name">', '<p class="territoire-footer__name">Bienvenue — ')
    again = build(tmp_path, today=TODAY)
    assert again.rendered == len(again.site.pages)
    assert "Bienvenue — " in (again.out / "offres/infirmier/index.html").read_text("utf-8")


def test_compiled_templates_are_kept_for_this_engine_only(tmp_path):
    make_project(tmp_path)
    build(tmp_path, today=TODAY)
    compiled = tmp_path / CACHE_DIR / "templates"
    kept = sorted(p.name for p in compiled.glob("*.cache"))
    assert kept  # main.html, Material's base.html...
    (compiled / "0123456789abcdef-old.cache").write_bytes(b"from an older Territoire")
    build(tmp_path, today=TODAY)
    assert sorted(p.name for p in compiled.glob("*.cache")) == kept
