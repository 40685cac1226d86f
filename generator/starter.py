"""``territoire new``: a starter project that builds as created.

The text files (commented configuration, one example of each content kind, the officer's
README, CI workflows) live in the ``starter/`` folder next to this module and are copied as
they are, but for the version of Territoire, pinned where the project installs it. What derives from the code is written at creation: the JSON Schemas, the field
reference (CHAMPS.md), the editor settings and the example images (drawn with Pillow, so
the package ships no binaries). Example dates are fixed (2030), so two projects created on
different days are identical and still show their content for years."""

from __future__ import annotations

import json
import math
import shutil
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from . import __version__
from .content.kinds import KINDS
from .content.schema import field_reference, write_schemas

SCHEMAS_DIR = "schemas"

# Written in the starter's text files wherever the project names the version of Territoire that
# created it: its CI installs exactly that one, so a nightly build never changes by itself.
VERSION_TOKEN = "__TERRITOIRE_VERSION__"


def create(path: Path) -> Path:
    """Create a new project in ``path`` (absent, or an empty folder) and return its path."""
    path = Path(path)
    _refuse_existing(path)
    created = not path.exists()
    path.mkdir(parents=True, exist_ok=True)
    try:
        _copy_tree(files(__package__) / "starter", path)
        write_schemas(path / SCHEMAS_DIR)
        (path / "CHAMPS.md").write_text(field_reference(), encoding="utf-8")
        _editor_settings(path)
        _images(path / "content" / "media")
    except BaseException:
        # Leave nothing half made: the folder was empty (or absent) before.
        for child in path.iterdir():
            if child.name != ".git":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        if created:
            path.rmdir()
        raise
    return path


def _refuse_existing(path: Path) -> None:
    if not path.exists():
        return
    if not path.is_dir():
        raise ValueError(f"« {path} » existe déjà et n'est pas un dossier : choisissez un autre nom, par exemple « territoire new mon-site ».")
    # A freshly cloned, empty repository holds only .git: that is fine.
    if any(child.name != ".git" for child in path.iterdir()):
        raise ValueError(
            f"le dossier « {path} » n'est pas vide : pour ne rien écraser, « territoire new » crée le projet "
            f"dans un dossier nouveau ou vide. Choisissez un autre nom, par exemple « territoire new mon-site »."
        )


def _copy_tree(source: Traversable, target: Path) -> None:
    for item in source.iterdir():
        if item.name in ("__pycache__", ".DS_Store"):
            continue
        if item.is_dir():
            (target / item.name).mkdir(exist_ok=True)
            _copy_tree(item, target / item.name)
        else:
            data = item.read_bytes()
            if VERSION_TOKEN.encode() in data:
                data = data.replace(VERSION_TOKEN.encode(), __version__.encode())
            (target / item.name).write_bytes(data)


def _editor_settings(root: Path) -> None:
    """VS Code: the YAML extension, and which schema applies to which file (new files included)."""
    vscode = root / ".vscode"
    vscode.mkdir(exist_ok=True)
    settings = {
        # Which files each schema applies to (the same as the files' own $schema lines); a page's
        # front matter is inside Markdown, where the YAML extension does not look.
        "yaml.schemas": {f"./{SCHEMAS_DIR}/{kind.schema_file}": list(kind.globs)
                         for kind in KINDS.values() if not kind.front_matter},
        "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True, "editor.autoIndent": "keep"},
        "files.encoding": "utf8",
    }
    (vscode / "settings.json").write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    extensions = {"recommendations": ["redhat.vscode-yaml"]}
    (vscode / "extensions.json").write_text(json.dumps(extensions, indent=2) + "\n", encoding="utf-8")


# --- example images: small, real, drawn the same way every time --------------------------

def _images(media: Path) -> None:
    from PIL import Image, ImageDraw, ImageFilter

    media.mkdir(parents=True, exist_ok=True)

    def landscape(size, sky, sun, hills, sun_at):
        width, height = size
        img = Image.new("RGB", size)
        draw = ImageDraw.Draw(img)
        top, bottom = sky
        for y in range(height):
            t = y / (height - 1)
            draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
        sx, sy, sr = round(sun_at[0] * width), round(sun_at[1] * height), round(sun_at[2] * width)
        draw.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=sun)
        for i, color in enumerate(hills):
            base = height * (0.55 + 0.15 * i)
            amplitude = height * (0.09 - 0.015 * i)
            points = [(x, base - amplitude * math.sin(x / width * math.pi * (1.6 + i) + i * 1.3)) for x in range(0, width + 8, 8)]
            draw.polygon([(0, height), *points, (width, height)], fill=color)
        return img.filter(ImageFilter.SMOOTH)

    landscape(
        (960, 480), sky=((125, 180, 230), (225, 240, 250)), sun=(255, 236, 170), sun_at=(0.78, 0.44, 0.05),
        hills=[(120, 170, 110), (80, 140, 90), (50, 105, 70)],
    ).save(media / "paysage.jpg", quality=80, optimize=True, progressive=True)
    landscape(
        (960, 480), sky=((70, 80, 150), (245, 170, 110)), sun=(255, 210, 140), sun_at=(0.3, 0.47, 0.06),
        hills=[(150, 110, 120), (100, 80, 105), (60, 55, 85)],
    ).save(media / "campagne.jpg", quality=80, optimize=True, progressive=True)

    # A portrait placeholder: a silhouette on a soft background.
    img = Image.new("RGB", (400, 400), (200, 228, 214))
    draw = ImageDraw.Draw(img)
    draw.ellipse([140, 80, 260, 200], fill=(70, 110, 95))
    draw.ellipse([80, 220, 320, 480], fill=(70, 110, 95))
    img.filter(ImageFilter.SMOOTH).save(media / "temoin.jpg", quality=80, optimize=True)

    # An employer's logo: a cross in a rounded square.
    img = Image.new("RGBA", (160, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle([4, 4, 156, 156], radius=28, fill=(29, 78, 137, 255))
    draw.rectangle([64, 30, 96, 130], fill=(255, 255, 255, 255))
    draw.rectangle([30, 64, 130, 96], fill=(255, 255, 255, 255))
    img.save(media / "employeur.png", optimize=True)


__all__ = ["create"]
