"""The content kinds of ``shared/content-model.md``, field for field.

Plain data and checks only: no rendering, no I/O, no MkDocs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .contrast import MINIMUM, WHITE, contrast, readable_variant, shown_ratio
from .fields import (
    DEFAULT_TIMEZONE, Color, Email, EmailOrUrl, HttpsUrl, Link, LooseText, Markdown, MediaPath, Phone,
    PostalCode, RetiredTarget, SiteUrl, Slug, Text, TimeZone, When, Year, doc, given, rules,
)
from .base import Model, _error, written_secret
from .imports import Contract, ImportSource
from .vocabularies import (
    ACCESSIBILITY_STATUSES, CONTRACTS, EVENT_KINDS, FORM_FIELDS, MEDIA, PAPER_SIZES, PRINTED_MEDIA, PROVIDERS,
)


# Fields that mean the same wherever they stand: a person's portrait, an address's postal code.

def _portrait():
    return doc("Portrait, fichier de content/media/.", "Portrait, a file of content/media/.", default=None)


def _portrait_alt():
    return doc("Description du portrait (obligatoire avec une photo).", "Description of the portrait (required with a photo).",
               default=None)


def _postal_code():
    return doc("Code postal, entre guillemets.", "Postal code, within quotes.", example="19100", default=None)


# --- site_config.yml -------------------------------------------------------------------

class Colors(Model):
    primary: Color = doc(
        "Couleur principale (en-tête, liens), en hexadécimal entre guillemets. Le texte blanc de "
        "l'en-tête doit s'y lire : contraste d'au moins 4,5:1 (WCAG AA), donc une couleur foncée ; sinon "
        "la vérification propose une couleur proche qui convient. Reprise sur les affiches, les cartes de "
        "partage et le rapport des scans.",
        "Main colour (header, links), in hexadecimal within quotes. The header's white text must read on "
        "it: a contrast of 4.5:1 at least (WCAG AA), so a dark colour; otherwise the check suggests a "
        "close colour that fits. Also used on posters, share cards and the scan report.", example="#1f5f5b", default="#1d4e89",
    )
    accent: Color = doc(
        "Couleur d'accentuation (boutons d'action, mises en avant), en hexadécimal entre guillemets. "
        "N'importe quelle couleur convient : le texte des boutons est blanc ou noir, celui des deux qui "
        "se lit le mieux dessus (contraste d'au moins 4,5:1 dans tous les cas).",
        "Accent colour (call-to-action buttons, highlights), in hexadecimal within quotes. Any colour "
        "fits: the buttons' text is white or black, whichever reads better on it (a contrast of 4.5:1 "
        "at least in every case).", example="#e07a2f", default="#f29100",
    )

    # The primary colour is read on white (links) and under the header's white text: 4.5:1 at least.
    @field_validator("primary")
    @classmethod
    def _primary_readable(cls, color: str) -> str:
        return _readable(color, WHITE, "contrast_primary")


def _readable(color: str, text: str, kind: str) -> str:
    ratio = contrast(color, text)
    if ratio < MINIMUM:
        shown = f"{shown_ratio(ratio):.1f}"
        raise PydanticCustomError(kind, kind, {"input": color, "ratio": shown, "ratio_fr": shown.replace(".", ","),
                                               "suggestion": readable_variant(color, text)})
    return color


class SiteSettings(Model):
    name: Text = doc(
        "Nom du site, affiché en haut de chaque page et dans l'onglet du navigateur.",
        "The site's name, shown at the top of every page and in the browser tab.", example="Vivre dans le Haut-Vallon",
    )
    url: SiteUrl = doc(
        "Adresse publique du site, en https:// : le domaine et, si le site est dans un sous-dossier, son "
        "chemin (sans ? ni #). Base de tous les QR codes : ne la changez plus une fois une affiche "
        "imprimée.",
        "The site's public address, in https://: the domain and, for a site in a subfolder, its path (no "
        "? or #). Every QR code starts with it: never change it once a poster is printed.", example="https://vivre-haut-vallon.example.fr",
    )
    language: Literal["fr", "en"] = doc(
        "Langue du site : fr (par défaut) ou en. Elle fixe la langue de l'interface et les adresses des "
        "pages (/offres/ ou /jobs/).",
        "The site's language: fr (the default) or en. It sets the language of the interface and the "
        "pages' addresses (/offres/ or /jobs/).", default="fr",
    )
    timezone: TimeZone = doc(
        "Fuseau horaire des dates et heures écrites sans décalage (par défaut Europe/Paris).",
        "Time zone of the dates and times written without an offset (Europe/Paris by default).", default=DEFAULT_TIMEZONE,
    )
    description: Text | None = doc(
        "Résumé de la page d'accueil affiché par les moteurs de recherche, de 150 à 160 caractères.",
        "Summary of the home page shown by search engines, 150 to 160 characters.", default=None,
    )
    logo: MediaPath | None = doc(
        "Fichier du logo dans content/media/ (SVG conseillé).",
        "The logo's file in content/media/ (SVG recommended).", example="logo.svg", default=None,
    )
    theme: Slug = doc(
        "Apparence du site : un dossier de themes/ (par défaut default).",
        "The site's look: a folder of themes/ (default by default).", default="default",
    )
    colors: Colors = doc(
        "Couleurs du site : primary et accent, en hexadécimal entre guillemets (\"#1f5f5b\"). Le contraste "
        "avec le texte est vérifié.",
        "The site's colours: primary and accent, in hexadecimal within quotes (\"#1f5f5b\"). Their contrast "
        "with the text is checked.", default=Colors(),
    )
    sectors: dict[Slug, Text] = doc(
        "Les secteurs d'activité, un par ligne : clé: Libellé affiché (au moins un). La clé (minuscules, "
        "chiffres, tirets) est celle qu'on écrit dans les offres (sector: sante) et la fin de l'adresse "
        "de la page du secteur (/offres/sante/) ; la clé page est réservée.",
        "The sectors of activity, one a line: key: Label shown (one at least). The key (lower case, "
        "digits, hyphens) is what a job names (sector: health) and the end of the sector page's address "
        "(/jobs/health/); the key page is reserved.", schema={"minProperties": 1},
    )

    @model_validator(mode="after")
    def _has_sectors(self):
        if not self.sectors:
            raise _error("sectors_empty")
        return self

    @property
    def base_url(self) -> str:
        return self.url.rstrip("/") + "/"


class Host(Model):
    name: Text = doc("Nom de l'hébergeur.", "The host's name.", example="GitHub Inc.")
    address: Text = doc("Adresse postale de l'hébergeur.", "The host's postal address.")
    phone: Phone | None = doc(
        "Téléphone de l'hébergeur, entre guillemets : la loi (LCEN, article 6) demande de pouvoir le joindre.",
        "The host's phone number, within quotes: French law (LCEN, article 6) requires a way to reach it.",
        example="+1 877 448 4820", default=None,
    )


class Publisher(Model):
    name: Text = doc("Nom de la structure qui édite le site.", "Name of the organisation that publishes the site.")
    address: Text = doc("Adresse postale de l'éditeur.", "The publisher's postal address.")
    director: Text = doc("Directeur ou directrice de la publication.", "Director of publication.")
    email: Email = doc("Adresse e-mail de contact de l'éditeur.", "The publisher's contact e-mail address.")
    phone: Phone | None = doc(
        "Téléphone de l'éditeur, entre guillemets.",
        "The publisher's phone number, within quotes.", example="+33 4 65 71 00 00", default=None,
    )
    host: Host = doc(
        "L'hébergeur du site, pour les mentions légales : name et address (obligatoires) et phone.",
        "The site's host, for the legal notice: name and address (required) and phone.",
    )


class Privacy(Model):
    controller: Text = doc("Responsable du traitement des données.", "Data controller.")
    purpose: Text = doc("À quoi servent les données recueillies.", "What the data collected is for.")
    retention: Text = doc(
        "Durée de conservation des données.",
        "How long the data is kept.", example="3 ans après le dernier contact",
    )
    contact: EmailOrUrl = doc(
        "Adresse e-mail (ou adresse web en https://) pour exercer ses droits, souvent celle du délégué à "
        "la protection des données.",
        "E-mail address (or https:// web address) where people exercise their rights, often the data "
        "protection officer's.",
    )


AccessibilityStatus = Literal[ACCESSIBILITY_STATUSES.values]
# What Territoire's pages are made of and checked with: the statement's defaults.
DEFAULT_TECHNOLOGIES = ("HTML5", "CSS", "JavaScript")
DEFAULT_ENVIRONMENTS = ("Chromium",)
DEFAULT_TOOLS = ("axe-core",)


class Derogation(Model):
    content: Text = doc("Le contenu non accessible.", "The content not made accessible.", example="Les vidéos des webinaires passés")
    reason: Text = doc(
        "Pourquoi le rendre accessible serait une charge disproportionnée.",
        "Why making it accessible would be a disproportionate burden.",
        example="Leur sous-titrage coûterait plus que le budget annuel du site.",
    )


class CheckedPage(Model):
    title: Text = doc("Nom de la page.", "The page's name.", example="Accueil")
    url: HttpsUrl | None = doc("Son adresse, en https://.", "Its address, in https://.", default=None)



class Accessibility(Model):
    status: AccessibilityStatus = doc(
        "État de conformité au RGAA d'après le dernier audit (par défaut non conforme).",
        "Compliance with the RGAA according to the last audit (non conforme by default).", default="non conforme",
    )
    audit_date: date | None = doc(
        "Date du dernier audit d'accessibilité.",
        "Date of the last accessibility audit.", default=None,
    )
    rate: float | None = doc(
        "Taux de conformité mesuré par l'audit, en % des critères RGAA respectés (de 0 à 100).",
        "Compliance rate measured by the audit, in % of the RGAA criteria met (0 to 100).", example=72.5, default=None, ge=0, le=100,
    )
    auditor: Text | None = doc(
        "Qui a réalisé l'audit : le service en interne ou le nom du prestataire.",
        "Who carried out the audit: the in-house team or the name of the contractor.", example="Cabinet Access'Vallon", default=None,
    )
    statement_date: date | None = doc(
        "Date à laquelle la déclaration a été établie ou mise à jour (par défaut la date de l'audit).",
        "Date the statement was drawn up or updated (the audit's date by default).", default=None,
    )
    non_compliant: list[Text] = doc(
        "Non-conformités relevées par l'audit, une par ligne : le contenu et le problème.",
        "Non-compliances found by the audit, one a line: the content and the problem.",
        example=["Le plan interactif de la page Venir n'est pas utilisable au clavier."], default=[],
    )
    derogations: list[Derogation] = doc(
        "Contenus non accessibles au titre d'une dérogation pour charge disproportionnée : content (le "
        "contenu) et reason (la justification).",
        "Contents not made accessible because it would be a disproportionate burden: content (the content) "
        "and reason (the justification).", default=[],
    )
    out_of_scope: list[Text] = doc(
        "Contenus non soumis à l'obligation d'accessibilité (documents bureautiques publiés avant le 23 "
        "septembre 2018, contenus de tiers, cartes…), un par ligne.",
        "Contents not subject to the accessibility obligation (office documents published before 23 "
        "September 2018, third-party contents, maps…), one a line.",
        example=["Les offres d'emploi importées du site de France Travail."], default=[],
    )
    technologies: list[Text] = doc(
        "Technologies sur lesquelles repose l'accessibilité du site (par défaut celles de Territoire).",
        "Technologies the site's accessibility relies on (Territoire's by default).", default=list(DEFAULT_TECHNOLOGIES),
    )
    environments: list[Text] = doc(
        "Environnement de test : technologies d'assistance et navigateurs utilisés pour les vérifications "
        "(par défaut les vérifications automatiques de Territoire, dans Chromium).",
        "Test environment: assistive technologies and browsers used for the checks (by default "
        "Territoire's automated checks, in Chromium).", example=["NVDA 2024.4 et Firefox 128"], default=list(DEFAULT_ENVIRONMENTS),
    )
    tools: list[Text] = doc(
        "Outils utilisés pour évaluer l'accessibilité (par défaut axe-core, que Territoire passe sur ses pages).",
        "Tools used to assess accessibility (axe-core by default, which Territoire runs on its pages).",
        example=["axe-core", "Colour Contrast Analyser"], default=list(DEFAULT_TOOLS),
    )
    pages_checked: list[CheckedPage] | None = doc(
        "Pages ayant fait l'objet de la vérification (l'échantillon) : title (obligatoire) et url. Par "
        "défaut les principaux types de pages du site : accueil, une campagne, les offres, une offre, un "
        "événement, contact, mentions légales.",
        "Pages checked (the sample): title (required) and url. By default the site's main kinds of "
        "pages: home, a campaign, the job board, an offer, an event, contact, legal notice.", default=None,
    )
    plan_url: HttpsUrl | None = doc(
        "Adresse https:// du schéma pluriannuel de mise en accessibilité.",
        "https:// address of the multi-year accessibility plan (schéma pluriannuel).", default=None,
    )
    action_plan: list[Text] = doc(
        "Plan d'action de l'année en cours : les actions prévues, une par ligne.",
        "This year's action plan: the planned actions, one a line.",
        example=["Sous-titrer les vidéos des témoignages."], default=[],
    )
    contact: EmailOrUrl | None = doc(
        "Adresse e-mail (ou page web en https://) pour signaler un défaut d'accessibilité (par défaut "
        "l'adresse de l'éditeur).",
        "E-mail address (or https:// web page) where visitors report an accessibility problem (the "
        "publisher's address by default).", default=None,
    )


ANALYTICS_MAX_RETENTION = 25  # months: the CNIL's limit for audience measurement without consent
# ``territoire report --from-analytics`` reads its token from these variables, never from a file:
# site_config.yml is committed, and often public.
TOKEN_VARIABLES = {"matomo": "MATOMO_TOKEN", "plausible": "PLAUSIBLE_API_KEY"}
_TOKEN_KEYS = {"token", "token_auth", "api_key", "apikey", "key", "auth_token", "access_token", "bearer", "secret",
               "password", *(name.lower() for name in TOKEN_VARIABLES.values())}


class Analytics(Model):
    provider: Literal["matomo", "plausible", "none"] = doc(
        "Outil de mesure d'audience : matomo, plausible ou none (par défaut). Absent ou none : aucune "
        "mesure, aucun cookie.",
        "Audience measurement tool: matomo, plausible or none (the default). Absent or none: no "
        "measurement, no cookie.", default="none",
    )
    url: HttpsUrl | None = doc(
        "Adresse du serveur de mesure d'audience, en https:// (obligatoire pour matomo et plausible).",
        "Address of the analytics server, in https:// (required for matomo and plausible).", default=None,
    )
    site_id: LooseText | None = doc(
        "Numéro du site dans Matomo, entre guillemets (obligatoire pour matomo).",
        "The site's number in Matomo, within quotes (required for matomo).", example="3", default=None,
    )
    campaigns: bool = doc(
        "true (par défaut) : un bandeau demande au visiteur s'il accepte que l'on sache quelle campagne "
        "(affiche, lien suivi) l'a amené ; sans son accord, les paramètres utm_* et mtm_* ne sont jamais "
        "envoyés au serveur de mesure. false : ni bandeau ni mesure des campagnes.",
        "true (the default): a banner asks visitors whether they agree that the campaign (poster, tracked "
        "link) that brought them be known; without their consent, the utm_* and mtm_* parameters are "
        "never sent to the analytics server. false: neither banner nor campaign measurement.", default=True,
    )
    retention_months: int = doc(
        "Durée de conservation des statistiques réglée sur le serveur, en mois : 25 au plus (limite de la "
        "CNIL pour une mesure sans consentement), affichée sur la page « Données personnelles ».",
        "How long the server keeps the statistics, in months: 25 at most (the CNIL's limit for "
        "measurement without consent), shown on the privacy page.", default=ANALYTICS_MAX_RETENTION, schema={"minimum": 1, "maximum": ANALYTICS_MAX_RETENTION},
    )

    @model_validator(mode="before")
    @classmethod
    def _no_token(cls, data):
        # An unknown field would only get "did you mean": a token needs to be told where it belongs.
        if (key := written_secret(data, _TOKEN_KEYS)) is not None:
            provider = data.get("provider")
            variable = TOKEN_VARIABLES.get(provider) if isinstance(provider, str) else None
            raise _error("analytics_token", at=key, field=key, variable=variable or "/".join(TOKEN_VARIABLES.values()))
        return data

    @model_validator(mode="after")
    def _server_named(self):
        if self.provider != "none" and not self.url:
            raise _error("analytics_url", at="provider", provider=self.provider)
        if self.provider == "matomo" and not self.site_id:
            raise _error("analytics_site_id", at="provider")
        if not 1 <= self.retention_months <= ANALYTICS_MAX_RETENTION:
            raise _error("analytics_retention", at="retention_months", input=self.retention_months,
                         max=ANALYTICS_MAX_RETENTION)
        return self

    @property
    def enabled(self) -> bool:
        return self.provider != "none"

    @property
    def base_url(self) -> str:
        """The server address ending with "/": scripts are <base_url>matomo.js, js/script.manual.js."""
        return (self.url or "").rstrip("/") + "/"


class QrSettings(Model):
    path: Slug = doc(
        "Préfixe des liens courts des QR codes : q (par défaut) donne /q/<code>/. Ne le changez plus "
        "après impression.",
        "Prefix of the QR codes' short links: q (the default) gives /q/<code>/. Never change it once "
        "printed.", default="q",
    )
    error_correction: Literal["L", "M", "Q", "H"] = doc(
        "Robustesse des QR codes : L, M (par défaut), Q ou H, plus robuste mais plus dense ; H pour un "
        "support exposé (banderole dehors, vitrine).",
        "Error correction of the QR codes: L, M (the default), Q or H, sturdier but denser; H for an "
        "exposed medium (outdoor banner, shop window).", default="M",
    )


# A repository's "owner/name" (GitLab: "group/subgroup/name").
REPO_PATTERN = r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$"


class Editor(Model):
    backend: Literal["gitlab", "github"] = doc(
        "Où l'éditeur en ligne (/admin/) enregistre les fichiers : gitlab (connexion sans serveur, "
        "conseillé) ou github (demande un relais d'authentification, voir auth_url).",
        "Where the web editor (/admin/) saves the files: gitlab (sign-in without a server, recommended) or "
        "github (needs an authentication relay, see auth_url).", example="gitlab",
    )
    repo: Annotated[str, Field(pattern=REPO_PATTERN)] = doc(
        "Le dépôt du projet : propriétaire/nom, tel qu'il apparaît dans son adresse.",
        "The project's repository: owner/name, as in its address.", example="agence-haut-vallon/site",
    )
    branch: Text = doc(
        "La branche publiée, où l'éditeur enregistre (par défaut main).",
        "The published branch, where the editor saves (main by default).", default="main",
    )
    app_id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+$")] | None = doc(
        "Pour gitlab, obligatoire : l'« Application ID » de l'application OAuth créée dans GitLab (non "
        "confidentielle, portée api). Ce n'est pas un secret ; ne recopiez jamais le « Secret ».",
        "For gitlab, required: the « Application ID » of the OAuth application made in GitLab (not "
        "confidential, scope api). It is no secret; never copy the « Secret ».", default=None,
    )
    gitlab_url: HttpsUrl | None = doc(
        "Pour un GitLab auto-hébergé : son adresse https:// (par défaut gitlab.com).",
        "For a self-hosted GitLab: its https:// address (gitlab.com by default).", example="https://gitlab.example.fr",
        default=None,
    )
    auth_url: HttpsUrl | None = doc(
        "Pour github, obligatoire : l'adresse https:// du relais d'authentification OAuth (petite fonction "
        "sans serveur qui garde le secret de l'application GitHub).",
        "For github, required: the https:// address of the OAuth authentication relay (a small serverless "
        "function that keeps the GitHub application's secret).", default=None,
    )

    # The same rule, for the editor.
    model_config = ConfigDict(json_schema_extra=rules({
        "if": {"required": ["backend"], "properties": {"backend": {"const": "gitlab"}}},
        "then": given("app_id", "string"), "else": given("auth_url", "string"),
    }))

    @model_validator(mode="after")
    def _sign_in(self):
        if self.backend == "gitlab" and not self.app_id:
            raise _error("editor_app_id", at="app_id")
        if self.backend == "github" and not self.auth_url:
            raise _error("editor_auth_url", at="auth_url")
        return self


class SiteConfig(Model):
    site: SiteSettings = doc(
        "Le site lui-même : nom, adresse, langue, couleurs, secteurs.",
        "The site itself: name, address, language, colours, sectors.",
    )
    publisher: Publisher = doc(
        "L'éditeur du site, pour les mentions légales.",
        "The site's publisher, for the legal notice.",
    )
    privacy: Privacy | None = doc(
        "Traitement des données personnelles, affiché à côté de chaque formulaire et sur la page « "
        "Données personnelles » ; obligatoire dès qu'un formulaire est sur le site (provider: form).",
        "Processing of personal data, shown beside every form and on the privacy page; required as soon "
        "as the site has a form (provider: form).", default=None,
    )
    accessibility: Accessibility = doc(
        "Déclaration d'accessibilité (RGAA).",
        "Accessibility statement (RGAA).", default=Accessibility(),
    )
    analytics: Analytics = doc(
        "Mesure d'audience, sans cookie ; absente : aucune mesure.",
        "Audience measurement, without cookies; absent: none.", default=Analytics(),
    )
    qr: QrSettings = doc(
        "Réglages des QR codes et liens courts.",
        "Settings of the QR codes and short links.", default=QrSettings(),
    )
    editor: Editor | None = doc(
        "L'éditeur en ligne /admin/ : backend, repo, branch et app_id (gitlab) ou auth_url (github). "
        "Absent : /admin/ ne sert qu'à modifier le contenu sur son ordinateur, pendant territoire serve.",
        "The web editor /admin/: backend, repo, branch and app_id (gitlab) or auth_url (github). Absent: "
        "/admin/ only edits the content on one's computer, during territoire serve.", default=None,
    )
    imports: list[ImportSource] = doc(
        "Offres importées par territoire import : API de France Travail, flux d'offres, tableurs "
        "(docs/imports.md).",
        "Offers imported by territoire import: France Travail's API, job feeds, spreadsheets "
        "(docs/imports.md).", default=[],
    )

    @model_validator(mode="after")
    def _imports_named(self):
        seen = set()
        for number, entry in enumerate(self.imports):
            if entry.key in seen:
                raise _error("import_name_twice", at=f"imports.{number}.name", name=entry.key)
            seen.add(entry.key)
        return self


# --- content/territory.yml -------------------------------------------------------------

class Image(Model):
    image: MediaPath = doc(
        "Fichier de l'image dans content/media/.",
        "The image's file in content/media/.", example="paysage.jpg",
    )
    alt: Text = doc(
        "Texte alternatif : ce que montre l'image, pour les personnes qui ne la voient pas.",
        "Alternative text: what the image shows, for people who cannot see it.",
    )


class KeyFigure(Model):
    value: LooseText = doc("Le chiffre, en texte.", "The figure, as text.", example="3 h 05")
    label: Text = doc("Ce qu'il mesure.", "What it measures.", example="de Paris en TGV direct")


class Access(Model):
    mode: Text = doc(
        "Moyen de transport, en texte libre : train, voiture, avion, bus, velo… (les modes connus ont une "
        "icône).",
        "Means of transport, free text: train, voiture, avion, bus, velo… (known ones have an icon).", example="train",
    )
    text: Text = doc("Le trajet.", "The journey.", example="Gare de Bellerive – Paris en 3 h 05")


class Section(Model):
    title: Text = doc("Titre de la rubrique.", "The section's title.")
    body: Markdown = doc("Texte de la rubrique, en Markdown.", "The section's text, in Markdown.")


class Aid(Model):
    title: Text = doc("Nom de l'aide.", "The aid's name.")
    body: Markdown = doc("En quoi elle consiste, pour qui (Markdown).", "What it is, for whom (Markdown).")
    url: HttpsUrl | None = doc(
        "Page officielle de l'aide, en https://.",
        "The aid's official page, in https://.", default=None,
    )


class Contact(Model):
    name: Text = doc("Prénom et nom.", "First name and name.")
    role: Text | None = doc(
        "Fonction.",
        "Position.", example="Chargée d'accueil des familles et des talents", default=None,
    )
    email: Email | None = doc("Adresse e-mail.", "E-mail address.", default=None)
    phone: Phone | None = doc(
        "Téléphone, entre guillemets.",
        "Phone number, within quotes.", example="+33 4 65 71 12 34", default=None,
    )
    photo: MediaPath | None = _portrait()
    photo_alt: Text | None = _portrait_alt()

    @model_validator(mode="after")
    def _alt(self):
        if self.photo and not self.photo_alt:
            raise _error("photo_alt_needed", at="photo")
        return self


class Partner(Model):
    name: Text = doc("Nom du partenaire.", "The partner's name.")
    url: HttpsUrl | None = doc("Site du partenaire, en https://.", "The partner's site, in https://.", default=None)
    logo: MediaPath | None = doc(
        "Logo du partenaire, fichier de content/media/.",
        "The partner's logo, a file of content/media/.", default=None,
    )


class Social(Model):
    facebook: HttpsUrl | None = doc("Page Facebook, en https://.", "Facebook page, in https://.", default=None)
    instagram: HttpsUrl | None = doc("Compte Instagram, en https://.", "Instagram account, in https://.", default=None)
    linkedin: HttpsUrl | None = doc("Page LinkedIn, en https://.", "LinkedIn page, in https://.", default=None)
    youtube: HttpsUrl | None = doc("Chaîne YouTube, en https://.", "YouTube channel, in https://.", default=None)
    mastodon: HttpsUrl | None = doc("Compte Mastodon, en https://.", "Mastodon account, in https://.", default=None)
    x: HttpsUrl | None = doc("Compte X (Twitter), en https://.", "X (Twitter) account, in https://.", default=None)
    hashtag: Text | None = doc(
        "Hashtag du territoire, entre guillemets à cause du #.",
        "The territory's hashtag, within quotes because of the #.", example="#VivreEnHautVallon", default=None,
    )


class Territory(Model):
    name: Text = doc("Nom du territoire.", "The territory's name.", example="Haut-Vallon")
    tagline: Text | None = doc(
        "Accroche courte, sous le nom en haut de la page d'accueil.",
        "Short tagline, under the name at the top of the home page.", default=None,
    )
    summary: Markdown | None = doc(
        "Présentation du territoire en quelques paragraphes (Markdown).",
        "The territory in a few paragraphs (Markdown).", default=None,
    )
    hero: Image | None = doc(
        "Grande image d'en-tête de la page d'accueil : image et alt, tous deux obligatoires.",
        "Large header image of the home page: image and alt, both required.", default=None,
    )
    key_figures: list[KeyFigure] = doc(
        "Chiffres clés affichés en grand : une liste de value (le chiffre, en texte) et label (ce qu'il "
        "mesure). Trois ou quatre suffisent.",
        "Key figures shown large: a list of value (the figure, as text) and label (what it measures). "
        "Three or four are enough.", default=[],
    )
    access: list[Access] = doc(
        "Comment venir : une liste de mode et text.",
        "How to come: a list of mode and text.", default=[],
    )
    living: list[Section] = doc(
        "Rubriques de la vie quotidienne (logement, écoles, santé, loisirs, culture…) : une liste de "
        "title et body.",
        "Sections about daily life (housing, schools, health, leisure, culture…): a list of title and "
        "body.", default=[],
    )
    services: list[Section] = doc(
        "Ce que l'équipe d'accueil fait gratuitement pour les nouveaux arrivants : une liste de title et "
        "body.",
        "What the welcome team does for newcomers, free of charge: a list of title and body.", default=[],
    )
    aids: list[Aid] = doc(
        "Aides financières ou pratiques : une liste de title, body et url (facultative).",
        "Financial or practical aids: a list of title, body and url (optional).", default=[],
    )
    contacts: list[Contact] = doc(
        "Le guichet unique, affiché sur la page Contact : une liste de personnes.",
        "The one-stop shop, shown on the contact page: a list of people.", default=[],
    )
    partners: list[Partner] = doc(
        "Les partenaires : une liste de name (obligatoire), url et logo (facultatifs).",
        "The partners: a list of name (required), url and logo (optional).", default=[],
    )
    social: Social | None = doc(
        "Réseaux sociaux du territoire (adresses en https://, toutes facultatives) et hashtag.",
        "The territory's social networks (https:// addresses, all optional) and hashtag.", default=None,
    )


# --- content/jobs/<slug>.yml -----------------------------------------------------------



class Employer(Model):
    name: Text = doc("Nom de l'employeur.", "The employer's name.")
    url: HttpsUrl | None = doc("Site de l'employeur, en https://.", "The employer's site, in https://.", default=None)
    logo: MediaPath | None = doc(
        "Logo de l'employeur, fichier de content/media/.",
        "The employer's logo, a file of content/media/.", default=None,
    )


class Location(Model):
    city: Text | None = doc(
        "Commune du poste (obligatoire, sauf télétravail complet).",
        "The job's town (required, but for full remote work).", default=None,
    )
    postal_code: PostalCode | None = _postal_code()
    remote: bool = doc(
        "true pour un poste en télétravail complet, à la place de city.",
        "true for a fully remote job, instead of city.", default=False,
    )

    # The same rule, for the editor.
    model_config = ConfigDict(json_schema_extra=rules(
        {"anyOf": [given("city", "string"), {"required": ["remote"], "properties": {"remote": {"const": True}}}]}))

    @model_validator(mode="after")
    def _somewhere(self):
        if not self.city and not self.remote:
            raise _error("location_needed")
        return self


class Salary(Model):
    # Bounded: a typo (or a hostile import) of 1e400 would print "∞ €" and break the JSON-LD.
    min: float | None = doc(
        "Salaire brut minimum, en euros ; décimales avec un point (12.10).",
        "Minimum gross pay, in euros; decimals with a point (12.10).", default=None, gt=0, le=10_000_000, allow_inf_nan=False,
    )
    max: float | None = doc(
        "Salaire brut maximum, en euros ; pas moins que min.",
        "Maximum gross pay, in euros; not less than min.", default=None, gt=0, le=10_000_000, allow_inf_nan=False,
    )
    period: Literal["hour", "month", "year"] = doc(
        "Période : hour (de l'heure), month (par mois, par défaut) ou year (par an).",
        "Period: hour, month (the default) or year.", default="month",
    )
    text: Text | None = doc(
        "La rémunération en mots, quand elle ne tient pas en chiffres : « selon profil et expérience ».",
        "The pay in words, when it does not fit in figures: « depending on experience ».", default=None,
        max_length=300,
    )

    # The same rule, for the editor.
    model_config = ConfigDict(json_schema_extra=rules({"anyOf": [given("min", "number"), given("max", "number"), given("text", "string")]}))

    @model_validator(mode="after")
    def _range(self):
        if self.min is None and self.max is None and not self.text:
            raise _error("salary_needed")
        if self.min is not None and self.max is not None and self.max < self.min:
            raise _error("salary_order", at="max", min=self.min, max=self.max)
        return self


class Apply(Model):
    url: HttpsUrl | None = doc(
        "Page de candidature en ligne, en https://.",
        "Online application page, in https://.", default=None,
    )
    email: Email | None = doc(
        "Adresse e-mail où envoyer sa candidature.",
        "E-mail address where to send one's application.", default=None,
    )

    # The same rule, for the editor.
    model_config = ConfigDict(json_schema_extra=rules({"anyOf": [given("url", "string"), given("email", "string")]}))

    @model_validator(mode="after")
    def _one(self):
        if (self.url is None) == (self.email is None):
            raise _error("apply_one")
        return self


class Job(Model):
    title: Text = doc(
        "Intitulé du poste, de préférence en écriture inclusive.",
        "The job's title, gender-neutral if possible.", example="Infirmier·e en soins généraux",
    )
    employer: Employer = doc(
        "L'employeur : name (obligatoire), url et logo (facultatifs).",
        "The employer: name (required), url and logo (optional).",
    )
    sector: Slug = doc(
        "Secteur : une clé de site.sectors dans site_config.yml (sante, pas « Santé »).",
        "Sector: a key of site.sectors in site_config.yml (health, not « Health »).", example="sante",
    )
    contract: Contract = doc("Type de contrat.", "Type of contract.")
    location: Location = doc(
        "Lieu : city et postal_code ; pour un poste en télétravail complet, remote: true à la place de la "
        "ville.",
        "Place: city and postal_code; for a fully remote job, remote: true instead of the town.",
    )
    salary: Salary | None = doc(
        "Rémunération brute en euros : min, max et period ; ou text, quand elle ne tient pas en chiffres.",
        "Gross pay in euros: min, max and period; or text, when it does not fit in figures.", default=None,
    )
    posted: date = doc("Date de publication de l'offre.", "The offer's publication date.")
    valid_through: date | None = doc(
        "Date limite de candidature, pas avant posted : le lendemain, l'offre disparaît du site.",
        "Application deadline, not before posted: the next day, the offer leaves the site.", default=None,
    )
    description: Markdown = doc(
        "Missions, profil, conditions, ce que le territoire offre (Markdown).",
        "Duties, profile, conditions, what the territory offers (Markdown).",
    )
    apply: Apply = doc(
        "Comment postuler : soit url (page de candidature), soit email, pas les deux.",
        "How to apply: either url (application page) or email, not both.",
    )

    @model_validator(mode="after")
    def _dates(self):
        if self.valid_through and self.valid_through < self.posted:
            raise _error("valid_before_posted", at="valid_through", start=self.posted, end=self.valid_through)
        return self

    def is_expired(self, today: date) -> bool:
        return self.valid_through is not None and self.valid_through < today


# --- registration (events and campaign calls to action) --------------------------------

Provider = Literal[PROVIDERS.values]
FormField = Literal[FORM_FIELDS.values]


class Registration(Model):
    provider: Provider = doc(
        "Service d'inscription : url pour tout autre lien, form pour un formulaire sur la page.",
        "Registration service: url for any other link, form for a form on the page.",
    )
    url: HttpsUrl | None = doc(
        "Adresse https:// de la page d'inscription ; pour tous les services sauf form.",
        "https:// address of the registration page; for every service but form.", default=None,
    )
    deadline: When | None = doc(
        "Date (ou date et heure) de clôture des inscriptions.",
        "Date (or date and time) when registration closes.", default=None,
    )
    # provider: form
    action: HttpsUrl | None = doc(
        "Pour form, obligatoire : l'adresse https:// du service qui reçoit les réponses (fournie par "
        "l'outil de formulaire).",
        "For form, required: the https:// address of the service that receives the answers (given by the "
        "form tool).", default=None,
    )
    fields: list[FormField] | None = doc(
        "Pour form, obligatoire : les champs demandés, dans l'ordre d'affichage.",
        "For form, required: the fields asked, in the order shown.", default=None,
    )
    redirect: HttpsUrl | None = doc(
        "Pour form : l'adresse https:// où le service renvoie le visiteur après l'envoi (par exemple une "
        "page libre « merci »).",
        "For form: the https:// address where the service sends the visitor after sending (a free page « "
        "thank you », say).", default=None,
    )
    prefill_field: Annotated[str, Field(pattern=r"^entry\.\d+$")] | None = doc(
        "Pour google_forms : l'identifiant entry.1234567 d'une question à réponse courte qui reçoit la "
        "campagne et le code du QR (menu « Obtenir le lien prérempli » du formulaire).",
        "For google_forms: the id entry.1234567 of a short-answer question that receives the campaign and "
        "the QR code (the form's menu « Get pre-filled link »).", example="entry.1234567", default=None,
    )

    # The same rule, for the editor.
    model_config = ConfigDict(json_schema_extra=rules({
        "if": {"required": ["provider"], "properties": {"provider": {"const": "form"}}},
        "then": {"allOf": [given("action", "string"), given("fields", "array")]},
        "else": given("url", "string"),
    }))

    @model_validator(mode="after")
    def _target(self):
        if self.provider == "form":
            if self.url:
                raise _error("registration_form_url")
            if not self.action or not self.fields:
                raise _error("registration_form")
        elif not self.url:
            raise _error("registration_url", provider=self.provider)
        return self

    @property
    def is_form(self) -> bool:
        return self.provider == "form"


# --- content/events/<slug>.yml ---------------------------------------------------------

EventKind = Literal[EVENT_KINDS.values]


class Place(Model):
    name: Text = doc("Nom du lieu.", "The place's name.")
    address: Text | None = doc("Numéro et rue.", "Number and street.", default=None)
    postal_code: PostalCode | None = _postal_code()
    city: Text = doc("Commune.", "Town.")


class Online(Model):
    platform: Text = doc("Outil utilisé, en texte libre.", "Tool used, free text.", example="zoom")


class Replay(Model):
    url: HttpsUrl = doc("Adresse de l'enregistrement, en https://.", "The recording's address, in https://.")


EventStatus = Literal["scheduled", "cancelled", "postponed", "rescheduled"]


def _check_dates(start, end, status, previous_start):
    if start is None or end is None:
        return
    if isinstance(start, datetime) != isinstance(end, datetime):
        raise _error("date_kinds_mixed", at="end")
    if end < start or (isinstance(start, datetime) and end == start):
        raise _error("end_before_start", at="end", start=start, end=end)
    if status == "rescheduled" and previous_start is None:
        raise _error("previous_start_needed", at="status")


class Occurrence(Model):
    """One date of a series (a webinar every two months): its own registration and replay."""

    start: When = doc(
        "Début de cette date, de la même forme que le start d'un événement.",
        "Start of this date, written like an event's start.",
    )
    end: When = doc(
        "Fin de cette date, après le début, de la même forme que start.",
        "End of this date, after the start, written like start.",
    )
    status: EventStatus = doc(
        "Le statut de cette date seulement (scheduled par défaut).",
        "The status of this date only (scheduled by default).", default="scheduled",
    )
    previous_start: When | None = doc(
        "Si cette date est déplacée (status: rescheduled) : la date annoncée au départ.",
        "When this date is moved (status: rescheduled): the date first announced.", default=None,
    )
    registration: Registration | None = doc(
        "L'inscription de cette date ; sans elle, celle de l'événement s'applique, y compris sa deadline "
        ": dans une série, mettez plutôt la date limite dans l'inscription de chaque date.",
        "The registration of this date; without it, the event's applies, its deadline included: in a "
        "series, rather give each date's registration its deadline.", default=None,
    )
    replay: Replay | None = doc(
        "Le replay de cette date, affiché une fois passée.",
        "The replay of this date, shown once it is over.", default=None,
    )

    @model_validator(mode="after")
    def _coherent(self):
        _check_dates(self.start, self.end, self.status, self.previous_start)
        return self


class Event(Model):
    title: Text = doc("Titre de l'événement.", "The event's title.")
    kind: EventKind = doc("Type d'événement.", "Kind of event.")
    start: When | None = doc(
        "Début : 2027-04-08T09:00 (heure locale du site), ou une date seule, 2027-09-04, pour un "
        "événement à la journée. Obligatoire, sauf pour une série (dates).",
        "Start: 2027-04-08T09:00 (the site's local time), or a date alone, 2027-09-04, for a whole-day "
        "event. Required, but for a series (dates).", default=None,
    )
    end: When | None = doc(
        "Fin, après le début, de la même forme que start (deux dates, ou deux dates et heures) ; avec des "
        "dates seules, end peut être égal à start (une seule journée). Obligatoire, sauf pour une série.",
        "End, after the start, written like start (two dates, or two dates and times); with dates alone, "
        "end may equal start (one day). Required, but for a series.", default=None,
    )
    dates: list[Occurrence] | None = doc(
        "Pour un rendez-vous qui revient, à la place de start et end : la liste de ses dates, chacune "
        "publiée sur sa page, avec une page de la série.",
        "For a recurring event, instead of start and end: the list of its dates, each published on its "
        "own page, with a page for the series.", default=None,
    )
    status: EventStatus = doc(
        "scheduled (prévu, par défaut), cancelled (annulé), postponed (reporté, nouvelle date pas encore "
        "connue) ou rescheduled (déplacé à une date connue : indiquez previous_start). Dans une série, se "
        "met dans chaque date.",
        "scheduled (the default), cancelled, postponed (new date not known yet) or rescheduled (moved to "
        "a known date: give previous_start). In a series, set on each date.", default="scheduled",
    )
    previous_start: When | None = doc(
        "Si l'événement est déplacé (status: rescheduled) : la date annoncée au départ, de la même forme "
        "que start.",
        "When the event is moved (status: rescheduled): the date first announced, written like start.", default=None,
    )
    place: Place | None = doc(
        "Le lieu : name et city obligatoires, address et postal_code facultatifs. Obligatoire, sauf en "
        "ligne ; avec online, l'événement est hybride.",
        "The place: name and city required, address and postal_code optional. Required, but online; with "
        "online, the event is hybrid.", default=None,
    )
    online: Online | None = doc("Pour un événement en ligne : platform.", "For an online event: platform.", default=None)
    description: Markdown | None = doc(
        "Programme, public, informations pratiques (Markdown).",
        "Programme, audience, practical information (Markdown).", default=None,
    )
    image: Image | None = doc(
        "Visuel : image et alt. Affiché sur la page, repris dans la carte de partage et pour les moteurs "
        "de recherche ; sans lui, l'image d'accueil du territoire (hero) est utilisée.",
        "Picture: image and alt. Shown on the page, used for the share card and search engines; without "
        "it, the territory's hero image is used.", default=None,
    )
    registration: Registration | None = doc(
        "L'inscription (voir « Inscriptions »). Dans une série, elle vaut pour chaque date qui n'a pas la "
        "sienne.",
        "Registration (see « Registration »). In a series, it applies to every date without its own.", default=None,
    )
    replay: Replay | None = doc(
        "url (https://) de l'enregistrement, affichée une fois l'événement terminé. Dans une série, se "
        "met dans chaque date.",
        "url (https://) of the recording, shown once the event is over. In a series, set on each date.", default=None,
    )

    # The same rule, for the editor.
    model_config = ConfigDict(json_schema_extra=rules(
        {"anyOf": [given("place", "object"), given("online", "object")]},
        {"anyOf": [{"allOf": [given("start", "string"), given("end", "string")]}, given("dates", "array")]},
    ))

    @model_validator(mode="after")
    def _coherent(self):
        if self.dates:
            if self.start is not None or self.end is not None:
                raise _error("series_or_dates", at="dates")
            for name in ("status", "previous_start", "replay"):
                if name in self.model_fields_set:
                    raise _error("series_field", at=name, field=name)
        else:
            if self.start is None:
                raise _error("missing_start", at="start")
            if self.end is None:
                raise _error("missing_end", at="end")
            _check_dates(self.start, self.end, self.status, self.previous_start)
        if not self.place and not self.online:
            raise _error("place_or_online")
        return self

    @property
    def is_series(self) -> bool:
        return bool(self.dates)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)


# --- content/testimonials/<slug>.yml ---------------------------------------------------

class Testimonial(Model):
    name: Text = doc("Prénom de la personne (le prénom suffit).", "The person's first name (enough).", example="Camille")
    photo: MediaPath | None = _portrait()
    photo_alt: Text | None = _portrait_alt()
    from_: Text | None = doc(
        "D'où vient la personne (ville, région).",
        "Where the person comes from (town, region).", example="Paris", default=None, alias="from",
    )
    moved: Year | None = doc(
        "Année d'installation, sur 4 chiffres.",
        "Year of the move, 4 digits.", example=2024, default=None,
    )
    profession: Text | None = doc("Métier actuel.", "Current occupation.", default=None)
    quote: Text = doc(
        "Citation courte (1 à 3 phrases), en texte simple (sans Markdown), entre guillemets.",
        "Short quote (1 to 3 sentences), plain text (no Markdown), within quotes.",
    )
    story: Markdown | None = doc("Récit plus long (Markdown).", "Longer story (Markdown).", default=None)
    ambassador: bool = doc(
        "true si la personne accepte d'être contactée par des candidats (parrain, marraine) ; false par "
        "défaut.",
        "true when the person agrees to be contacted by candidates (as a sponsor); false by default.", default=False,
    )
    consent: date = doc(
        "Date à laquelle la personne a donné son accord écrit pour la publication. Conservez ce document "
        "; en cas de retrait, supprimez le fichier.",
        "Date when the person gave written consent to the publication. Keep that document; if consent is "
        "withdrawn, delete the file.",
    )

    @model_validator(mode="after")
    def _alt(self):
        if self.photo and not self.photo_alt:
            raise _error("photo_alt_needed", at="photo")
        return self


# --- content/campaigns/<slug>.yml ------------------------------------------------------

class JobFilter(Model):
    sector: Slug | None = doc(
        "Seulement ce secteur (une clé de site.sectors).",
        "Only this sector (a key of site.sectors).", default=None,
    )
    contract: Contract | None = doc("Seulement ce type de contrat.", "Only this type of contract.", default=None)
    city: Text | None = doc("Seulement cette commune.", "Only this town.", default=None)
    remote: bool | None = doc(
        "true : seulement le télétravail ; false : seulement sur place.",
        "true: remote jobs only; false: on-site jobs only.", default=None,
    )

    def matches(self, job: Job) -> bool:
        return (
            (self.sector is None or job.sector == self.sector)
            and (self.contract is None or job.contract == self.contract)
            and (self.city is None or (job.location.city or "").casefold() == self.city.casefold())
            and (self.remote is None or job.location.remote == self.remote)
        )


class EventFilter(Model):
    kind: EventKind | None = doc("Seulement ce type d'événement.", "Only this kind of event.", default=None)

    def matches(self, event: Event) -> bool:
        return self.kind is None or event.kind == self.kind


class Show(Model):
    jobs: list[Slug] | JobFilter | None = doc(
        "Offres : soit une liste de slugs d'offres (épinglées, toutes affichées), soit un filtre {sector: sante} "
        "avec au choix sector, contract, city, remote : la page en montre les 6 plus récentes et un bouton "
        "vers toutes les offres du filtre sur la page des offres. Les offres expirées ne sont jamais listées.",
        "Jobs: either a list of job slugs (pinned, all shown), or a filter {sector: health} with any of sector, "
        "contract, city, remote: the page shows the 6 newest and a button to all the filter's jobs on the job "
        "board. Expired jobs are never listed.", default=None,
    )
    events: list[Slug] | EventFilter | None = doc(
        "Événements : soit une liste de slugs d'événements (une série y affiche ses dates à venir), soit "
        "un filtre {kind: webinar}, qui liste les 4 prochains événements à venir et un lien vers l'agenda.",
        "Events: either a list of event slugs (a series shows its coming dates), or a filter {kind: "
        "webinar}, which lists the next 4 coming events and a link to the agenda.", default=None,
    )
    testimonials: list[Slug] | None = doc(
        "Témoignages : une liste de slugs (noms de fichiers sans .yml).",
        "Testimonials: a list of slugs (file names without .yml).", default=None,
    )


class CallToAction(Model):
    label: Text = doc("Texte du bouton.", "The button's text.", example="Je m'inscris")
    event: Slug | None = doc(
        "Slug de l'événement vers lequel mène le bouton (pour une série : l'inscription de la prochaine "
        "date).",
        "Slug of the event the button leads to (for a series: the next date's registration).", default=None,
    )
    job: Slug | None = doc(
        "Slug de l'offre vers laquelle mène le bouton.",
        "Slug of the job the button leads to.", default=None,
    )
    url: Link | None = doc(
        "Adresse https://, mailto: ou tel: vers laquelle mène le bouton.",
        "https://, mailto: or tel: address the button leads to.", default=None,
    )
    form: Registration | None = doc(
        "Un formulaire sur la page : provider: form et les mêmes champs que registration (voir « "
        "Inscriptions »).",
        "A form on the page: provider: form and the same fields as registration (see « Registration »).", default=None,
    )

    # The same rule, for the editor.
    model_config = ConfigDict(json_schema_extra=rules({"anyOf": [
        given("event", "string"), given("job", "string"), given("url", "string"), given("form", "object")]}))

    @model_validator(mode="after")
    def _one(self):
        if sum(x is not None for x in (self.event, self.job, self.url, self.form)) != 1:
            raise _error("cta_one")
        return self


Medium = Literal[MEDIA.values]
PaperSize = Literal[PAPER_SIZES.values]

# The utm_source of a code without its own: a printed code is known to be scanned, so "qr"; a
# link posted elsewhere is known by its medium.
PRINTED_SOURCE = "qr"


def default_source(medium: str) -> str:
    return PRINTED_SOURCE if medium in PRINTED_MEDIA else medium


class Placement(Model):
    code: Slug = doc(
        "Code court, unique sur tout le site : il donne le lien court /q/<code>/ imprimé dans le QR code. "
        "Une fois publié (dans qr-codes.yml), il ne se change plus.",
        "Short code, unique across the site: it gives the short link /q/<code>/ printed in the QR code. "
        "Once published (in qr-codes.yml), it never changes.", example="bastille",
    )
    medium: Medium = doc(
        "Type de support (voir « QR codes ») ; un support imprimé a son affiche dans le kit d'impression.",
        "Kind of medium (see « QR codes »); a printed medium has its poster in the print kit.",
    )
    label: Text = doc(
        "Description de l'emplacement pour l'équipe.",
        "Description of the placement, for the team.", example="Affiche quai métro Bastille (ligne 1)",
    )
    size: PaperSize | None = doc(
        "Format de l'affiche d'un support imprimé. Par défaut A5 (flyer, carte), A4 (presse), A3 "
        "(affiche), A1 (kakemono, banderole).",
        "Size of a printed medium's poster. By default A5 (flyer, carte), A4 (presse), A3 (affiche), A1 "
        "(kakemono, banderole).", default=None,
    )
    source: Slug | None = doc(
        "Origine dans les statistiques (utm_source), par exemple facebook ou newsletter. "
        f"Par défaut {PRINTED_SOURCE} "
        "pour les supports imprimés, sinon la valeur de medium.",
        f"Origin in the statistics (utm_source), such as facebook or newsletter. By default {PRINTED_SOURCE} for printed "
        "media, else the medium.", default=None,
    )

    @property
    def utm_source(self) -> str:
        return self.source or default_source(self.medium)


class Campaign(Model):
    title: Text = doc("Titre de la page de campagne.", "Title of the campaign page.")
    slogan: Text | None = doc("Phrase d'accroche (page, affiches).", "Slogan (page, posters).", default=None)
    audience: Text | None = doc(
        "Public visé : note interne, jamais affichée.",
        "Target audience: internal note, never shown.", default=None,
    )
    hero: Image | None = doc(
        "Image d'en-tête de la page : image et alt.",
        "Header image of the page: image and alt.", default=None,
    )
    intro: Markdown | None = doc("Texte de présentation (Markdown).", "Introduction (Markdown).", default=None)
    key_figures: list[KeyFigure] = doc(
        "Chiffres clés de la campagne, sous le bouton (value et label) : les faits les plus forts, sur la "
        "page qu'ouvre l'affiche.",
        "Key figures of the campaign, under the button (value and label): the strongest facts, on the page "
        "the poster opens.", default=[],
    )
    arguments: list[Aid] = doc(
        "Arguments : aides, avantages, ce que le territoire offre à ce public (title, body, url).",
        "Arguments: aids, benefits, what the territory offers this audience (title, body, url).", default=[],
    )
    start: date | None = doc("Début de la campagne.", "Start of the campaign.", default=None)
    end: date | None = doc("Fin de la campagne, pas avant start.", "End of the campaign, not before start.", default=None)
    show: Show = doc(
        "Ce que la page liste : jobs, events, testimonials. Un slug cité qui n'existe pas est une erreur.",
        "What the page lists: jobs, events, testimonials. A slug that does not exist is an error.", default=Show(),
    )
    call_to_action: CallToAction | None = doc(
        "Le bouton principal : label et une seule destination parmi event, job, url et form.",
        "The main button: label and one destination only among event, job, url and form.", default=None,
    )
    placements: list[Placement] = doc(
        "Les emplacements suivis, un par support (affiche, flyer, publication…), chacun avec son QR code "
        "ou lien court.",
        "The tracked placements, one per medium (poster, flyer, post…), each with its QR code or short "
        "link.", default=[],
    )

    @model_validator(mode="after")
    def _period(self):
        if self.start and self.end and self.end < self.start:
            raise _error("campaign_end", at="end", start=self.start, end=self.end)
        return self

    def is_over(self, today: date) -> bool:
        return self.end is not None and self.end < today


# --- qr-codes.yml: every code ever published -----------------------------------------

class RegisteredCode(Model):
    campaign: Slug
    medium: Medium
    label: Text
    published: date
    source: Slug | None = None  # utm_source, when not the medium's default
    # Where a code goes once its campaign no longer shows it: "/" (home), a campaign or
    # page slug, or an https address. A printed code never dies.
    retired: RetiredTarget | None = None


# --- content/pages/<slug>.md (front matter) --------------------------------------------

class PageMeta(Model):
    title: Text = doc("Titre de la page.", "The page's title.")
    description: Text | None = doc(
        "Résumé pour les moteurs de recherche (balise meta description), 150 à 160 caractères.",
        "Summary for search engines (meta description), 150 to 160 characters.", default=None,
    )
    nav: bool = doc(
        "false pour ne pas afficher la page dans le menu (page de remerciement, page liée depuis une "
        "affiche…) ; true par défaut.",
        "false to leave the page out of the menu (a thank-you page, a page linked from a poster…); true "
        "by default.", default=True,
    )
    order: int = doc(
        "Place dans le menu : les plus petits nombres d'abord (par défaut 100).",
        "Position in the menu: smaller numbers first (100 by default).", default=100,
    )


KINDS: dict[str, type[Model]] = {
    "site_config": SiteConfig,
    "territory": Territory,
    "job": Job,
    "event": Event,
    "testimonial": Testimonial,
    "campaign": Campaign,
    "page": PageMeta,
}
