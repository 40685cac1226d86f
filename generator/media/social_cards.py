"""Social cards: the 1200×630 image Facebook, LinkedIn and WhatsApp show for a shared link.

Drawn with Pillow from the page's image, its title and the territory's colours; cached by
content hash like every other image (``cache.py``), so an unchanged card is never drawn again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from .drawing import draw_text, fit_text, font, text_width
from .cache import MediaCache, content_hash, file_hash
from .images import pixels_only, reading
from .jpeg_rows import OPTIONS as JPEG_OPTIONS, SharedTop
from .workers import Workers

WIDTH, HEIGHT = 1200, 630
MARGIN = 64
LAYOUT_VERSION = "5"  # bump when the drawing changes (the encoding, jpeg_rows.OPTIONS, is in the key)


@dataclass(frozen=True)
class Card:
    name: str  # "social/<name>.jpg" in the site
    title: str
    subtitle: str | None
    background: str | None  # media path


class SocialCards:
    def __init__(self, media_dir: Path, site_name: str, primary: str, accent: str, cache_dir: Path | None = None,
                 workers: Workers | None = None):
        self.media_dir = Path(media_dir)
        self.site_name = site_name
        self.primary, self.accent = primary, accent
        self.cache = MediaCache(cache_dir, self.files, workers, batch=BATCH)
        self.cards: dict[str, Card] = {}
        self._digests: dict[str | None, str | None] = {}
        self._backgrounds: dict[str | None, Image.Image] = {}
        self._tops: dict[str | None, SharedTop] = {}

    def card(self, kind: str, slug: str, title: str, subtitle: str | None, background: str | None) -> dict:
        """Ask for a card; returns its site-relative path and size, for the Open Graph tags.

        With workers, a card missing from the cache starts being drawn now, not at write time."""
        key = content_hash(LAYOUT_VERSION, JPEG_OPTIONS, title, subtitle, self.site_name, self.primary, self.accent,
                           self._digest(background))
        name = f"social/{kind}-{slug}-{key[:10]}.jpg"
        if name not in self.cards:
            self.cards[name] = card = Card(name, title, subtitle, background)
            self.cache.ask(card, [Path(name).name])
        return {"image": name, "width": WIDTH, "height": HEIGHT, "alt": title}

    def flush(self) -> None:
        """Hand the cards asked for so far to the workers."""
        self.cache.flush()

    def write(self, out: Path) -> int:
        """Write every card asked for; returns how many were drawn (not cached)."""
        drawn = self.cache.wait()
        for name, card in self.cards.items():
            drawn += self.cache.place(card, {Path(name).name: out / name})
        return drawn

    def files(self, card: Card) -> dict[str, bytes]:
        """The card's file, by its name in the cache."""
        return {Path(card.name).name: self.draw(card)}

    def __reduce__(self):
        # Sent to a worker with each batch: only what draws, and there one painter per site,
        # whose backgrounds are drawn once for all its batches.
        return _painter, (self.media_dir, self.site_name, self.primary, self.accent)

    def draw(self, card: Card, whole: bool = False) -> bytes:
        """The card's JPEG; drawn on the rows under the title only, unless ``whole`` (to compare)."""
        base = self._background(card.background)
        face, lines = fit_text(card.title, WIDTH - 2 * MARGIN, 3, 68, height=260)
        line_h = round(face.size * 1.18)
        sub = font(32) if card.subtitle else None
        y = HEIGHT - MARGIN - 52 - (40 if sub else 0) - line_h * len(lines)
        top = self._top(card.background)
        start = 0 if whole else top.start(y + min(0, face.getbbox(lines[0])[1]) if lines else y)
        image = base.crop((0, start, WIDTH, HEIGHT))  # a copy: the background stays as it is
        for line in lines:
            draw_text(image, (MARGIN, y - start), line, face, "white")
            y += line_h
        if sub:
            draw_text(image, (MARGIN, y + 8 - start), _shorten(card.subtitle, sub, WIDTH - 2 * MARGIN), sub, "white")
        return top.encode(image, start)

    def _top(self, media: str | None) -> SharedTop:
        if media not in self._tops:
            self._tops[media] = SharedTop(self._background(media))
        return self._tops[media]

    def _background(self, media: str | None) -> Image.Image:
        """What every card on this image shares, drawn once: the image cropped to 1200×630 under
        a band of the territory's colour, the accent stroke and the territory's name."""
        if media not in self._backgrounds:
            base = Image.new("RGB", (WIDTH, HEIGHT), self.primary)
            path = self.media_dir / media if media else None
            if path is not None and path.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp") and path.is_file():
                with reading(media), Image.open(path) as img:
                    base = pixels_only(ImageOps.fit(ImageOps.exif_transpose(img).convert("RGB"), (WIDTH, HEIGHT), Image.LANCZOS))
            shade = Image.new("RGB", (WIDTH, HEIGHT), self.primary)
            mask = Image.linear_gradient("L").resize((WIDTH, HEIGHT)).point(lambda v: min(255, int(v * 1.15) + 40))
            image = Image.composite(shade, base, mask)
            draw = ImageDraw.Draw(image)
            draw.rectangle((MARGIN, HEIGHT - MARGIN - 14, MARGIN + 120, HEIGHT - MARGIN - 6), fill=self.accent)
            draw.text((MARGIN + 140, HEIGHT - MARGIN - 30), self.site_name, font=font(28, bold=True), fill="white")
            self._backgrounds[media] = image
        return self._backgrounds[media]

    def _digest(self, media: str | None) -> str | None:
        if media not in self._digests:
            self._digests[media] = file_hash(self.media_dir / media if media else None)
        return self._digests[media]


BATCH = 100  # cards per worker task: the inter-process traffic stays negligible
_painters: dict[tuple, SocialCards] = {}  # in a worker: one per site, its backgrounds kept


def _painter(*settings) -> SocialCards:
    return _painters.get(settings) or _painters.setdefault(settings, SocialCards(*settings))


def _shorten(text: str, face, width: int) -> str:
    if text_width(face, text) <= width:
        return text
    while text and face.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"
