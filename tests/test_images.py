"""Responsive images: variants, no metadata, no layout shift, cached."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

from generator.cli import main
from generator.media.images import MediaLibrary

from project_factory import FILES, make_project


def photo_with_gps(path: Path, size=(1000, 800)) -> None:
    image = Image.new("RGB", size, (200, 120, 80))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (47.0, 35.0, 12.0), "E", (1.0, 19.0, 48.0)
    exif[0x8825] = gps
    image.save(path, "JPEG", exif=exif.tobytes())
    assert Image.open(path).getexif().get_ifd(0x8825)  # the source really has a position


def test_gps_exif_is_stripped_from_every_variant(tmp_path):
    make_project(tmp_path, **{"content/testimonials/claire.yml": FILES["content/testimonials/claire.yml"]
                              + "photo: claire.jpg\nphoto_alt: \"Claire devant sa maison\"\n"})
    photo_with_gps(tmp_path / "content/media/claire.jpg")
    assert main(["build", "--project", str(tmp_path), "--today", "2026-11-23"]) == 0
    variants = sorted((tmp_path / "site/media").glob("claire-*"))
    assert {v.suffix for v in variants} == {".webp", ".jpg"}
    assert {int(v.stem.rsplit("-", 1)[1]) for v in variants} == {320, 480, 800, 1000}
    for variant in variants:
        with Image.open(variant) as img:
            assert not img.getexif(), variant
            assert "exif" not in img.info and "icc_profile" not in img.info and "xmp" not in img.info, variant
        assert b"PhoneMaker" not in variant.read_bytes()
    assert not (tmp_path / "site/media/claire.jpg").exists()  # the original is never published


def test_unreferenced_media_are_not_published(tmp_path):
    make_project(tmp_path)
    photo_with_gps(tmp_path / "content/media/brouillon.jpg")
    assert main(["build", "--project", str(tmp_path), "--today", "2026-11-23"]) == 0
    assert not list((tmp_path / "site/media").glob("brouillon*"))


def test_picture_markup_has_srcset_sizes_and_dimensions(tmp_path):
    make_project(tmp_path)
    Image.new("RGB", (1600, 900), (10, 80, 120)).save(tmp_path / "content/media/hero.jpg")
    assert main(["build", "--project", str(tmp_path), "--today", "2026-11-23"]) == 0
    html = (tmp_path / "site/soignants/index.html").read_text()
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert re.search(r'<source type="image/webp" srcset="\.\./media/hero-[0-9a-f]{10}-320\.webp 320w, .*-1600\.webp 1600w" sizes="100vw">', picture)
    assert 'width="1600" height="900" alt="Un paysage" fetchpriority="high"' in picture  # hero: above the fold
    home = (tmp_path / "site/index.html").read_text()
    assert 'loading="lazy"' not in re.search(r"<picture>.*?</picture>", home, re.S).group(0)


def test_variants_are_cached(tmp_path):
    Image.new("RGBA", (500, 250), (0, 0, 0, 0)).save(tmp_path / "logo.png")
    library = MediaLibrary(tmp_path, tmp_path / "cache")
    picture = library.picture("logo.png", "Logo")
    assert picture["type"] == "image/png" and picture["width"] == 500  # transparency keeps PNG
    assert library.write(tmp_path / "out1") == 1
    again = MediaLibrary(tmp_path, tmp_path / "cache")
    again.picture("logo.png", "Logo")
    assert again.write(tmp_path / "out2") == 0  # nothing recomputed
    assert sorted(p.name for p in (tmp_path / "out2/media").iterdir()) == sorted(p.name for p in (tmp_path / "out1/media").iterdir())


def test_changed_image_gets_new_names(tmp_path):
    Image.new("RGB", (400, 300), "red").save(tmp_path / "a.jpg")
    first = MediaLibrary(tmp_path).picture("a.jpg")["src"]
    Image.new("RGB", (400, 300), "blue").save(tmp_path / "a.jpg")
    assert MediaLibrary(tmp_path).picture("a.jpg")["src"] != first  # browsers never show a stale cached copy


def test_an_image_cut_short_is_a_content_error_naming_it(tmp_path, capsys):
    make_project(tmp_path)
    assert main(["build", "--project", str(tmp_path), "--today", "2026-11-23"]) == 0
    before = (tmp_path / "site/index.html").read_bytes()
    Image.new("RGB", (1600, 900), (40, 90, 140)).save(tmp_path / "content/media/hero.jpg", quality=95)
    data = (tmp_path / "content/media/hero.jpg").read_bytes()
    (tmp_path / "content/media/hero.jpg").write_bytes(data[: len(data) // 3])  # an upload cut short
    for command in ("build", "print"):
        capsys.readouterr()
        assert main([command, "--project", str(tmp_path), "--today", "2026-11-23"]) == 1, command
        err = capsys.readouterr().err
        assert "content/media/hero.jpg: image illisible ou incomplète" in err and "Traceback" not in err, command
    assert (tmp_path / "site/index.html").read_bytes() == before  # the published site is untouched
