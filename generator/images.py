"""Responsive images: from each source image, variants at several widths in WebP and a
JPEG (or PNG, for transparency) fallback, without any metadata.

Originals are never published as they are: a testimonial photo must not publish the GPS
position of someone's house. Variants are cached by content hash, so an unchanged image is
never processed again. Pages ask for a picture (dimensions and URLs, read from the file's
header); the files themselves are written once at the end of the build."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

WIDTHS = (320, 480, 800, 1200, 1600)
RASTER = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff"}
WEBP_QUALITY = 75
JPEG_QUALITY = 80


@dataclass(frozen=True)
class Source:
    rel: str
    digest: str
    width: int
    height: int
    alpha: bool

    @property
    def stem(self) -> str:
        return Path(self.rel).with_suffix("").as_posix()

    def widths(self) -> list[int]:
        return [w for w in WIDTHS if w < self.width] + [min(self.width, WIDTHS[-1])]

    def name(self, width: int, ext: str) -> str:
        return f"media/{self.stem}-{self.digest}-{width}.{ext}"

    @property
    def fallback_ext(self) -> str:
        return "png" if self.alpha else "jpg"


class MediaLibrary:
    def __init__(self, media_dir: Path, cache_dir: Path | None = None):
        self.media_dir = Path(media_dir)
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self._sources: dict[str, Source] = {}
        self.used: set[str] = set()  # media paths some page shows

    # --- what pages need ----------------------------------------------------------------
    def source(self, rel: str) -> Source:
        if rel not in self._sources:
            path = self.media_dir / rel
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
            with Image.open(path) as img:  # reads the header only
                img = ImageOps.exif_transpose(img) if _rotated(img) else img
                width, height = img.size
                alpha = img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info)
            self._sources[rel] = Source(rel, digest, width, height, alpha)
        return self._sources[rel]

    def picture(self, rel: str | None, alt: str | None = None) -> dict | None:
        """What a template needs for <picture>: srcsets, a fallback src, intrinsic size."""
        if not rel:
            return None
        self.used.add(rel)
        if Path(rel).suffix.lower() not in RASTER:
            return {"src": f"media/{rel}", "alt": alt, "vector": True}
        src = self.source(rel)
        widths = src.widths()
        fallback = src.fallback_ext
        return {
            "src": src.name(widths[min(len(widths) - 1, 2)], fallback),
            "srcset_webp": [(src.name(w, "webp"), w) for w in widths],
            "srcset": [(src.name(w, fallback), w) for w in widths],
            "type": "image/png" if fallback == "png" else "image/jpeg",
            "width": src.width if src.width <= WIDTHS[-1] else WIDTHS[-1],
            "height": round(src.height * min(1, WIDTHS[-1] / src.width)),
            "alt": alt,
            "largest": src.name(widths[-1], fallback),
        }

    # --- files, at the end of the build -------------------------------------------------
    def write(self, out: Path) -> int:
        """Write every variant pages asked for; returns how many were computed (not cached)."""
        computed = 0
        for rel in sorted(self.used):
            if Path(rel).suffix.lower() not in RASTER:
                target = out / "media" / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(self.media_dir / rel, target)
                continue
            computed += self._write_variants(self.source(rel), out)
        return computed

    def _write_variants(self, src: Source, out: Path) -> int:
        names = [(w, ext) for w in src.widths() for ext in ("webp", src.fallback_ext)]
        cache = self.cache_dir
        if cache and all((cache / Path(src.name(w, ext)).name).is_file() for w, ext in names):
            for w, ext in names:
                _place(cache / Path(src.name(w, ext)).name, out / src.name(w, ext))
            return 0
        with Image.open(self.media_dir / src.rel) as original:
            image = ImageOps.exif_transpose(original)  # keep the orientation, then drop all metadata
            image = image.convert("RGBA" if src.alpha else "RGB")
            for w in src.widths():
                variant = image if w == image.width else image.resize((w, round(image.height * w / image.width)), Image.LANCZOS)
                for ext in ("webp", src.fallback_ext):
                    target = out / src.name(w, ext)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    _save(variant, target, ext)
                    if cache:
                        cache.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(target, cache / target.name)
        return 1


def _save(image: Image.Image, path: Path, ext: str) -> None:
    # No exif=, icc_profile= or pnginfo= arguments: nothing of the original's metadata is kept.
    if ext == "webp":
        image.save(path, "WEBP", quality=WEBP_QUALITY, method=4)
    elif ext == "png":
        image.save(path, "PNG", optimize=True)
    else:
        image.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)


def _place(cached: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(cached, target)  # same disk: no copy at all
    except OSError:
        shutil.copyfile(cached, target)


def _rotated(img: Image.Image) -> bool:
    return img.getexif().get(0x0112, 1) in (5, 6, 7, 8)
