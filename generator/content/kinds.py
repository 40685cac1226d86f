"""The content kinds: for each, where its files are, its model, its schema and its address.

The one list the loader, the JSON Schemas, the starter project and the tests read: a new kind
is declared here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Campaign, Event, Job, Model, PageMeta, SiteConfig, Territory, Testimonial
from .urls import SECTIONS

YAML = (".yml", ".yaml")


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[Model]
    # Either one file (its path without suffix) or a folder of files, one per item.
    path: str
    one_file: bool
    suffixes: tuple[str, ...]
    section: str | None  # key of urls.SECTIONS whose folder holds its pages; None: at the site's root
    title: str  # French, the officers' language, like the schemas that show it
    description: str
    front_matter: bool = False  # YAML at the top of a Markdown file: no editor schema applies

    @property
    def folder(self) -> str:
        """The folder's name under content/ (``jobs``), for a kind with one file per item."""
        return self.path.rsplit("/", 1)[-1]

    @property
    def file(self) -> str:
        """The file the generator reads, for a kind in one file: ``content/territory.yml``."""
        return f"{self.path}{self.suffixes[0]}"

    @property
    def globs(self) -> tuple[str, ...]:
        """Its files, relative to the project: ``content/jobs/*.yml``, ``site_config.yml``."""
        return tuple(f"{self.path}{s}" if self.one_file else f"{self.path}/*{s}" for s in self.suffixes)

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"

    def segment(self, language: str) -> str | None:
        """The first segment of its pages' addresses (``offres``), or None for pages at the root."""
        return SECTIONS[language][self.section] if self.section else None


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("site_config", SiteConfig, "site_config", True, YAML, None,
         "Configuration du site (site_config.yml)",
         "Nom et adresse du site, langue, couleurs, secteurs d'emploi, mentions légales, données "
         "personnelles, accessibilité, mesure d'audience et QR codes."),
    Kind("territory", Territory, "content/territory", True, YAML, None,
         "Le territoire (content/territory.yml)",
         "La page d'accueil : présentation du territoire, chiffres clés, accès, cadre de vie, "
         "services d'accueil, aides, contacts, partenaires et réseaux sociaux."),
    Kind("job", Job, "content/jobs", False, YAML, "jobs",
         "Offre d'emploi (content/jobs/<slug>.yml)",
         "Une offre par fichier ; le nom du fichier donne l'adresse de la page (/offres/<slug>/). "
         "Après valid_through, l'offre n'est plus publiée."),
    Kind("event", Event, "content/events", False, YAML, "events",
         "Événement (content/events/<slug>.yml)",
         "Job dating, webinaire, salon, week-end découverte, portes ouvertes… publié sur /agenda/<slug>/."),
    Kind("testimonial", Testimonial, "content/testimonials", False, YAML, "testimonials",
         "Témoignage (content/testimonials/<slug>.yml)",
         "Le témoignage d'une personne installée sur le territoire, publié avec son accord (consent)."),
    Kind("campaign", Campaign, "content/campaigns", False, YAML, None,
         "Campagne (content/campaigns/<slug>.yml)",
         "Une page d'atterrissage (/<slug>/) et ses emplacements : un QR code ou un lien suivi par "
         "affiche, flyer ou publication."),
    Kind("page", PageMeta, "content/pages", False, (".md",), None,
         "Page libre : en-tête (content/pages/<slug>.md)",
         "L'en-tête YAML entre deux lignes « --- » en haut d'une page libre en Markdown, publiée sur /<slug>/.",
         front_matter=True),
)}

# The kinds with one YAML file per item under content/, loaded alike.
COLLECTIONS: dict[str, Kind] = {
    name: kind for name, kind in KINDS.items() if not kind.one_file and not kind.front_matter
}

__all__ = ["COLLECTIONS", "KINDS", "Kind"]
