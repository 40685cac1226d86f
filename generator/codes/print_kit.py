"""``territoire print``: QR code files, posters and the table of codes; updates the registry.

Posters are cached by content hash: an unchanged poster is copied, never drawn again."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import spreadsheet
from ..content.model import PRINTED_MEDIA, default_source
from ..content.project import REGISTRY_FILE, Content, load_project
from ..locales import LANGUAGES, words
from ..locales.typography import for_language
from ..media.cache import MediaCache, cache_dir, content_hash, file_hash
from ..media.images import images_named
from ..output import atomic_dir, refuse_dangerous_output
from .posters import DEFAULT_SIZE, PosterText, draw_poster
from .qr_codes import make_code, write_code_files
from ..site.clock import Clock
from ..site.short_links import ShortLink, short_links

LAYOUT_VERSION = "3"  # bump when draw_poster or the files' encoding change, to invalidate cached posters
CSV_COLUMNS = ["code", "campaign", "medium", "source", "label", "short_link", "target_url", "size"]
WORDS = {language: words(language, "print_kit") for language in LANGUAGES}


@dataclass
class PrintResult:
    out: Path
    links: list[ShortLink]
    posters: list[Path] = field(default_factory=list)
    cached: int = 0
    registered: list[str] = field(default_factory=list)
    summary: str = ""


def poster_size(link: ShortLink) -> str | None:
    if link.medium not in PRINTED_MEDIA:
        return None
    return link.size or DEFAULT_SIZE.get(link.medium, "A4")


def make_print_kit(project: Path, out: Path | None = None, today: date | None = None) -> PrintResult:
    project = Path(project).resolve()
    content = load_project(project)
    out = (Path(out) if out else project / "print").resolve()
    refuse_dangerous_output(project, out, "print")
    clock = Clock.make(content.config.site.timezone, today)
    links = short_links(content)
    result = PrintResult(out=out, links=links)
    cache = MediaCache(cache_dir(project) / "posters", _poster_files)
    ec = content.config.qr.error_correction
    with images_named(project), atomic_dir(out, project) as tmp:
        for link in links:
            if link.retired:
                continue
            folder = tmp / link.campaign / link.code
            code = make_code(link.url, ec)
            write_code_files(code, folder)
            size = poster_size(link)
            if size:
                stem = f"{link.medium}-{size}"
                hit = _poster(content, link, size, code, cache, folder / stem)
                result.cached += hit
                result.posters.append(out / link.campaign / link.code / f"{stem}.png")
        _write_table(links, tmp / "qr-codes.csv")
    result.registered = register(project, content, links, clock.today)
    t = WORDS[content.language]
    counts = {"codes": sum(not link.retired for link in links), "posters": len(result.posters), "new": len(result.registered)}
    result.summary = t["summary"].format(cached=result.cached, registry=REGISTRY_FILE, out=out,
                                         **{name: t[f"summary_{name}"].format(count=n) for name, n in counts.items()})
    return result


def _poster(content: Content, link: ShortLink, size: str, code, cache: MediaCache, target: Path) -> bool:
    """Write ``target``.png and .pdf; True when they came from the cache."""
    campaign = content.campaigns[link.campaign]
    site = content.config.site
    hero = content.media_dir / campaign.hero.image if campaign.hero else None
    logo = content.media_dir / site.logo if site.logo else None
    typeset = for_language(content.language)  # the poster's words as the site prints them (French ’)
    text = PosterText(
        title=typeset(campaign.title), slogan=campaign.slogan and typeset(campaign.slogan),
        short_link=link.url.removeprefix("https://").rstrip("/"),
        # The campaign's own call to action ("Je m’inscris au job dating"), what the page opens on.
        call=typeset(campaign.call_to_action.label) if campaign.call_to_action else WORDS[content.language]["call"],
        territory=typeset(site.name),
    )
    key = content_hash(LAYOUT_VERSION, size, link.url, content.config.qr.error_correction, text.__dict__,
                       site.colors.model_dump(), file_hash(hero), file_hash(logo), sort_keys=True)[:32]
    poster = (key, size, code, text, hero, logo, site.colors.primary, site.colors.accent)
    files = {f"{key}.png": target.with_suffix(".png"), f"{key}.pdf": target.with_suffix(".pdf")}
    # Copies, not links: a kit goes to printers and people, who may edit a file in place.
    return not cache.place(poster, files, link=False)


def _poster_files(poster: tuple) -> dict[str, bytes]:
    """A poster's PNG and PDF at 300 dpi, by their names in the cache."""
    key, size, code, text, hero, logo, primary, accent = poster
    image = draw_poster(size, code, text, hero, logo, primary, accent)
    png, pdf = io.BytesIO(), io.BytesIO()
    image.save(png, "PNG", dpi=(300, 300), optimize=False, compress_level=6)
    # No creation date (Pillow writes the machine's clock): the same poster, the same bytes,
    # whichever day it was drawn and cached on. Pillow titles a PDF after the file it is saved
    # to, and posters used to be saved to "<key>.tmp.pdf": the same title keeps the PDFs of
    # earlier kits and caches identical to those drawn now.
    image.save(pdf, "PDF", resolution=300, quality=92, creationDate=None, modDate=None, title=f"{key}.tmp")
    return {f"{key}.png": png.getvalue(), f"{key}.pdf": pdf.getvalue()}


def _write_table(links: list[ShortLink], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = spreadsheet.writer(handle)  # labels are the officer's text: no formula runs from them
        writer.writerow(CSV_COLUMNS)
        for link in links:
            writer.writerow([link.code, link.campaign, link.medium, link.source, link.label, link.url, link.target,
                             poster_size(link) or ""])


def register(project: Path, content: Content, links: list[ShortLink], today: date) -> list[str]:
    """Append the codes printed for the first time to qr-codes.yml, keeping what the officer wrote."""
    new = [link for link in links if not link.retired and link.code not in content.registry]
    if not new:
        return []
    path = project / REGISTRY_FILE
    text = path.read_text("utf-8") if path.is_file() else REGISTRY_HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    for link in new:
        text += (f"{link.code}:\n  campaign: {link.campaign}\n  medium: {link.medium}\n"
                 f"  label: {json.dumps(link.label, ensure_ascii=False)}\n  published: {today.isoformat()}\n")
        if link.source != default_source(link.medium):  # written only when the officer chose another
            text += f"  source: {link.source}\n"
    tmp = path.with_suffix(".yml.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return [link.code for link in new]


REGISTRY_HEADER = """\
# Registre des codes QR publiés, tenu à jour par « territoire print ». À garder dans le dépôt.
# Un code imprimé reste des mois dans la rue : ne supprimez jamais une entrée.
# Pour retirer un code dont la campagne est finie, ajoutez sous lui une ligne
#   retired: /                (vers la page d'accueil)
#   retired: autre-campagne   (vers la campagne qui prend le relais)
# Le lien court continue alors de fonctionner et redirige vers cette destination.
"""
