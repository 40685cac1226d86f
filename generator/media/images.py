"""Responsive images: from each source image, variants at several widths in WebP and a
JPEG (or PNG, for transparency) fallback, without any metadata.

Originals are never published as they are: a testimonial photo must not publish the GPS
position of someone's house. Variants are cached by content hash, so an unchanged image is
never processed again. Pages ask for a picture (dimensions and URLs, read from the file's
header); the missing variants are made into the cache as soon as a page asks (``cache.py``),
and the output links them at the end of the build."""

from __future__ import annotations

import hashlib
import io
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PIL import Image, ImageOps

from ..output import write_file
from .cache import MediaCache
from .safe_svg import SvgRefused, clean_file
from .workers import Workers

WIDTHS = (320, 480, 800, 1200, 1600)
RASTER = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff"}
WEBP_QUALITY = 75
JPEG_QUALITY = 80
WEBP_METHOD = 3  # files as small as method 4, made 25 % faster
# In every variant's name with the source's hash: a change of encoding makes new files, never
# mixes them with the cached ones (and browsers do not keep the old ones).
# "no-info": variants made before comments and ICC profiles were dropped are never used again.
ENCODING = f"{WIDTHS}/webp-{WEBP_QUALITY}-{WEBP_METHOD}/jpeg-{JPEG_QUALITY}/no-info".encode()


# Decoded, an image takes 3 or 4 bytes a pixel in every process that resizes it: 50 million
# pixels (a 8,000 × 6,000 photo, more than any camera phone) is already 200 MB. Over that, the
# officer is asked to reduce it, instead of the build taking gigabytes for one picture.
MAX_PIXELS = 50_000_000


class UnreadableImage(Exception):
    """An image file Pillow cannot decode (cut short by an upload, not an image, far too large)."""

    def __init__(self, rel: str, key: str = "image_unreadable", values: dict | None = None, **more):
        # (rel, key, values) are the args, so that it crosses back from a worker process whole
        self.rel, self.key, self.values = rel, key, {**(values or {}), **more}
        super().__init__(rel, key, self.values)


@contextmanager
def reading(rel: str):
    """Turn Pillow's errors on an officer's image into one naming the file."""
    try:
        yield
    except Image.DecompressionBombError:
        raise UnreadableImage(rel, "image_too_large", size="?", max=MAX_PIXELS // 1_000_000) from None
    except (OSError, SyntaxError, ValueError) as err:
        raise UnreadableImage(rel, detail=str(err)) from None


@contextmanager
def images_named(project: Path):
    """An image Pillow cannot read is the officer's to fix: a content error naming the file."""
    try:
        yield
    except UnreadableImage as err:
        from ..content.errors import ContentError, Problem
        from ..content.messages import Messages
        from ..content.project import language_of

        path = Path(err.rel)
        rel = path.relative_to(project).as_posix() if path.is_absolute() and path.is_relative_to(project) else f"content/media/{err.rel}"
        msg = Messages(language_of(project))
        raise ContentError([Problem(rel, None, None, msg(err.key, **err.values))]) from None


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
    def __init__(self, media_dir: Path, cache_dir: Path | None = None, workers: Workers | None = None):
        self.media_dir = Path(media_dir)
        self.cache = MediaCache(cache_dir, partial(_variants, self.media_dir), workers)
        self._sources: dict[str, Source] = {}
        self.used: set[str] = set()  # media paths some page shows

    # --- what pages need ----------------------------------------------------------------
    def source(self, rel: str) -> Source:
        if rel not in self._sources:
            path = self.media_dir / rel
            digest = hashlib.sha256(ENCODING + path.read_bytes()).hexdigest()[:10]
            with reading(rel), Image.open(path) as img:  # reads the header only
                img = ImageOps.exif_transpose(img) if _rotated(img) else img
                width, height = img.size
                if width * height > MAX_PIXELS:
                    raise UnreadableImage(rel, "image_too_large", size=f"{width} × {height}", max=MAX_PIXELS // 1_000_000)
                alpha = img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info)
            self._sources[rel] = Source(rel, digest, width, height, alpha)
        return self._sources[rel]

    def picture(self, rel: str | None, alt: str | None = None) -> dict | None:
        """What a template needs for <picture>: srcsets, a fallback src, intrinsic size."""
        if not rel:
            return None
        if Path(rel).suffix.lower() not in RASTER:
            self.used.add(rel)
            return {"src": f"media/{rel}", "alt": alt, "vector": True}
        src = self.source(rel)
        if rel not in self.used:  # many pages show the same image
            self.cache.ask(src, _names(src))
            self.used.add(rel)
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
        """Write every variant pages asked for; returns how many sources were computed (not cached)."""
        computed = self.cache.wait()
        for rel in sorted(self.used):
            if Path(rel).suffix.lower() not in RASTER:
                # Never the officer's file as it is: the SVG rewritten from an allow-list (safe_svg).
                try:
                    data = clean_file(self.media_dir / rel)
                except SvgRefused as refused:  # changed since it was checked (live preview)
                    raise UnreadableImage(rel, refused.kind, input=rel, found=refused.found) from None  # as check says it
                write_file(out / "media" / rel, data)
                continue
            src = self.source(rel)
            computed += self.cache.place(src, {name: out / path for name, path in _names(src).items()})
        return computed


def _names(src: Source) -> dict[str, str]:
    """The variants' names in the cache (one folder: the source's hash is in each) → in the site."""
    names = [src.name(w, ext) for w in src.widths() for ext in ("webp", src.fallback_ext)]
    return {Path(name).name: name for name in names}


def _variants(media_dir: Path, src: Source) -> dict[str, bytes]:
    """Every variant of a source image, by its name in the cache."""
    out: dict[str, bytes] = {}
    with reading(src.rel), Image.open(media_dir / src.rel) as original:
        image = ImageOps.exif_transpose(original)  # keep the orientation, then drop all metadata
        image = pixels_only(image.convert("RGBA" if src.alpha else "RGB"))
        for w in src.widths():
            variant = image if w == image.width else image.resize((w, round(image.height * w / image.width)), Image.LANCZOS)
            for ext in ("webp", src.fallback_ext):
                out[Path(src.name(w, ext)).name] = _encode(variant, ext)
    return out


def _encode(image: Image.Image, ext: str) -> bytes:
    # No exif=, icc_profile=, xmp= or pnginfo= arguments, and an image with an empty ``info``
    # (pixels_only): nothing of the original's metadata is kept.
    buffer = io.BytesIO()
    if ext == "webp":
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
    elif ext == "png":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def pixels_only(image: Image.Image) -> Image.Image:
    """``image`` without what its file said besides the pixels. Pillow keeps a file's JPEG comment
    (a COM segment: "Camille, 12 rue des Lilas…"), ICC profile, XMP and EXIF in ``info``, copies
    ``info`` into every image made from it (convert, resize, crop, composite) and writes the
    comment and the ICC profile back when saving. Call it on an image just read, before making
    anything published from it."""
    image.info.clear()
    return image


def _rotated(img: Image.Image) -> bool:
    return img.getexif().get(0x0112, 1) in (5, 6, 7, 8)
