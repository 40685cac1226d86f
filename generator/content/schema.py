"""JSON Schemas of the content files, for completion and checks in the officer's editor.

One schema per content kind (``KINDS`` of the content model), generated from the pydantic
models so they never drift from what ``territoire check`` accepts. They target the VS Code
YAML extension (redhat.vscode-yaml), which reads YAML 1.2: a date written ``2030-03-14`` is
text there, so dates are strings with ``format: date`` and times of day a pattern
(``2030-03-14T12:30``, seconds and offset optional) rather than the strict RFC 3339
``date-time`` format, which would refuse what the generator accepts.

The schemas help while typing; ``territoire check`` stays the authority (it also checks that
media files exist, that a campaign lists existing offers, that placement codes are unique…)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from . import fields as F
from .model import KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Accepted by the generator (pydantic) for a date and time of day: "T" or a space between them,
# seconds and time zone offset optional. A local time is in the site's time zone.
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)?$"
MEDIA_PATTERN = r"^(?!/)(?!(.*/)?\.\.(/|$))[^\\]+$"
LINK_PATTERN = r"^(https://|mailto:|tel:)"
TIMEZONE_PATTERN = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"
# fields.EMAIL_RE, written so that JavaScript (the editor) compiles it too, even in unicode mode.
EMAIL_PATTERN = r"^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"

# kind → (file name, title, description), in French: the officers' language.
KIND_INFO: dict[str, tuple[str, str, str]] = {
    "site_config": (
        "site_config.schema.json", "Configuration du site (site_config.yml)",
        "Nom et adresse du site, langue, couleurs, secteurs d'emploi, mentions légales, données "
        "personnelles, accessibilité, mesure d'audience et QR codes.",
    ),
    "territory": (
        "territory.schema.json", "Le territoire (content/territory.yml)",
        "La page d'accueil : présentation du territoire, chiffres clés, accès, cadre de vie, "
        "services d'accueil, aides, contacts, partenaires et réseaux sociaux.",
    ),
    "job": (
        "job.schema.json", "Offre d'emploi (content/jobs/<slug>.yml)",
        "Une offre par fichier ; le nom du fichier donne l'adresse de la page (/offres/<slug>/). "
        "Après valid_through, l'offre n'est plus publiée.",
    ),
    "event": (
        "event.schema.json", "Événement (content/events/<slug>.yml)",
        "Job dating, webinaire, salon, week-end découverte, portes ouvertes… publié sur /agenda/<slug>/.",
    ),
    "testimonial": (
        "testimonial.schema.json", "Témoignage (content/testimonials/<slug>.yml)",
        "Le témoignage d'une personne installée sur le territoire, publié avec son accord (consent).",
    ),
    "campaign": (
        "campaign.schema.json", "Campagne (content/campaigns/<slug>.yml)",
        "Une page d'atterrissage (/<slug>/) et ses emplacements : un QR code ou un lien suivi par "
        "affiche, flyer ou publication.",
    ),
    "page": (
        "page.schema.json", "Page libre : en-tête (content/pages/<slug>.md)",
        "L'en-tête YAML entre deux lignes « --- » en haut d'une page libre en Markdown, publiée sur /<slug>/.",
    ),
}

_MD = " Accepte le Markdown (**gras**, listes, liens)."
_MEDIA = " Chemin relatif au dossier content/media/ (ex. : photo.jpg)."
_SLUG = " Un identifiant en minuscules sans accents ni espaces (ex. : job-dating-sante)."

# Model (class) name → field → description shown when hovering the field in the editor.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "SiteConfig": {
        "site": "Le site lui-même : nom, adresse, langue, couleurs, secteurs.",
        "publisher": "L'éditeur du site, pour les mentions légales (obligatoire).",
        "privacy": "Traitement des données personnelles, affiché à côté de chaque formulaire "
                   "(obligatoire dès qu'un formulaire existe).",
        "accessibility": "Déclaration d'accessibilité (RGAA).",
        "analytics": "Mesure d'audience (facultative) ; absente ou provider: none = aucune mesure.",
        "qr": "Réglages des QR codes et liens courts.",
    },
    "SiteSettings": {
        "name": "Nom du site, affiché dans l'en-tête et l'onglet du navigateur.",
        "url": "Adresse publique du site, en https:// ; base de tous les QR codes : ne plus la changer "
               "une fois des affiches imprimées.",
        "language": "Langue du site : fr (par défaut) ou en. Elle fixe aussi les adresses des pages "
                    "(/offres/ ou /jobs/).",
        "timezone": "Fuseau horaire des heures sans décalage (par défaut Europe/Paris).",
        "description": "Description de la page d'accueil pour les moteurs de recherche (environ 150 caractères).",
        "logo": "Logo du site." + _MEDIA,
        "theme": "Thème graphique : un dossier de themes/ (par défaut : default).",
        "colors": "Couleurs du site, en hexadécimal (#1d4e89).",
        "sectors": "Les secteurs d'emploi : clé (utilisée dans les offres : sector: sante) et libellé affiché.",
    },
    "Colors": {
        "primary": "Couleur principale (en-tête, boutons), ex. #1d4e89 ; sous un texte blanc : contraste d'au moins 4,5:1.",
        "accent": "Couleur d'accentuation (boutons d'action), ex. #f29100 ; sous un texte noir : contraste d'au moins 4,5:1.",
    },
    "Publisher": {
        "name": "Nom de l'organisme qui édite le site.",
        "address": "Adresse postale de l'éditeur.",
        "director": "Directeur ou directrice de la publication.",
        "email": "Adresse e-mail de contact de l'éditeur.",
        "phone": "Téléphone de l'éditeur, ex. \"+33 2 00 00 00 00\" (entre guillemets).",
        "host": "L'hébergeur du site (nom et adresse), obligatoire dans les mentions légales.",
    },
    "Host": {
        "name": "Nom de l'hébergeur (ex. : GitHub Inc., GitLab Inc., OVH).",
        "address": "Adresse postale de l'hébergeur.",
    },
    "Privacy": {
        "controller": "Responsable du traitement des données.",
        "purpose": "À quoi servent les données recueillies.",
        "retention": "Durée de conservation (ex. : 3 ans après le dernier contact).",
        "contact": "Contact pour exercer ses droits : adresse e-mail ou adresse web en https://.",
    },
    "Accessibility": {
        "status": "État de conformité au RGAA : non conforme, partiellement conforme ou totalement conforme.",
        "audit_date": "Date du dernier audit d'accessibilité (AAAA-MM-JJ).",
        "rate": "Pourcentage de critères RGAA respectés, si un audit a été fait (0 à 100).",
    },
    "Analytics": {
        "provider": "Outil de mesure d'audience : matomo, plausible ou none (aucune mesure).",
        "url": "Adresse du serveur de statistiques, en https://.",
        "site_id": "Numéro du site dans Matomo (Matomo seulement).",
        "campaigns": "Mesurer les campagnes (quelle affiche ou quel lien a amené le visiteur) : true par défaut, "
                     "avec un bandeau qui demande l'accord du visiteur ; false : pas de bandeau, campagnes jamais mesurées.",
        "retention_months": "Durée de conservation des statistiques réglée sur le serveur, en mois (25 au plus, "
                            "limite de la CNIL pour une mesure sans consentement).",
    },
    "QrSettings": {
        "path": "Dossier des liens courts des QR codes : /q/<code>/ par défaut. Ne plus le changer après impression.",
        "error_correction": "Correction d'erreur des QR codes : L, M (par défaut), Q ou H (plus robuste, plus dense).",
    },
    "Territory": {
        "name": "Nom du territoire.",
        "tagline": "Accroche affichée sous le nom, en haut de la page d'accueil.",
        "summary": "Présentation du territoire." + _MD,
        "hero": "Grande image de la page d'accueil, avec son texte alternatif.",
        "key_figures": "Chiffres clés affichés en grand : value (texte, ex. \"1 h 30\") et label.",
        "access": "Comment venir : mode (train, voiture, avion, bus…) et texte.",
        "living": "Le cadre de vie, par rubrique (logement, écoles, santé, loisirs…) : title et body.",
        "services": "Ce que l'équipe d'accueil fait gratuitement pour les nouveaux arrivants : title et body.",
        "aids": "Aides financières ou pratiques : title, body et url (facultative).",
        "contacts": "Les personnes à contacter (guichet unique) : name, role, email, phone, photo, photo_alt.",
        "partners": "Les partenaires : name, url et logo (facultatifs).",
        "social": "Réseaux sociaux du territoire (adresses en https://) et hashtag.",
    },
    "Image": {
        "image": "Fichier de l'image." + _MEDIA,
        "alt": "Texte alternatif : ce que montre l'image, pour les personnes qui ne la voient pas.",
    },
    "KeyFigure": {
        "value": "Le chiffre, en texte (ex. \"1 h 30\", \"100\").",
        "label": "Ce qu'il mesure (ex. « de Paris en train »).",
    },
    "Access": {
        "mode": "Moyen de transport : train, voiture, avion, bus, velo… (les plus courants ont une icône).",
        "text": "Le trajet, ex. « Gare – Paris en 1 h 30 ».",
    },
    "Section": {
        "title": "Titre de la rubrique.",
        "body": "Texte de la rubrique." + _MD,
    },
    "Aid": {
        "title": "Nom de l'aide.",
        "body": "En quoi elle consiste, pour qui." + _MD,
        "url": "Page de l'aide, en https:// (facultative).",
    },
    "Contact": {
        "name": "Prénom et nom.",
        "role": "Fonction (ex. « Chargée d'accueil des nouveaux arrivants »).",
        "email": "Adresse e-mail.",
        "phone": "Téléphone, entre guillemets : \"+33 2 00 00 00 00\".",
        "photo": "Photo de la personne." + _MEDIA,
        "photo_alt": "Texte alternatif de la photo (obligatoire avec une photo).",
    },
    "Partner": {
        "name": "Nom du partenaire.",
        "url": "Site du partenaire, en https://.",
        "logo": "Logo du partenaire." + _MEDIA,
    },
    "Social": {
        "facebook": "Page Facebook (https://…).",
        "instagram": "Compte Instagram (https://…).",
        "linkedin": "Page LinkedIn (https://…).",
        "youtube": "Chaîne YouTube (https://…).",
        "mastodon": "Compte Mastodon (https://…).",
        "x": "Compte X / Twitter (https://…).",
        "hashtag": "Hashtag du territoire, ex. #VivreEnExemple.",
    },
    "Job": {
        "title": "Intitulé du poste, ex. « Infirmier·e en soins généraux ».",
        "employer": "L'employeur : name (obligatoire), url et logo.",
        "sector": "Secteur : une clé de site.sectors dans site_config.yml (ex. sante).",
        "contract": "Type de contrat : cdi, cdd, saisonnier, interim, alternance, stage, liberal "
                    "(installation en libéral) ou reprise (entreprise à reprendre).",
        "location": "Lieu : city et postal_code, ou remote: true pour le télétravail complet.",
        "salary": "Salaire en euros (facultatif) : min, max, period (hour, month ou year).",
        "posted": "Date de publication de l'offre (AAAA-MM-JJ).",
        "valid_through": "Date limite (AAAA-MM-JJ) : le lendemain, l'offre disparaît du site.",
        "description": "Description du poste et du profil recherché." + _MD,
        "apply": "Comment candidater : url (https://…) ou email, l'un ou l'autre.",
    },
    "Employer": {
        "name": "Nom de l'employeur.",
        "url": "Site de l'employeur, en https://.",
        "logo": "Logo de l'employeur." + _MEDIA,
    },
    "Location": {
        "city": "Commune du poste.",
        "postal_code": "Code postal, entre guillemets : \"41000\".",
        "remote": "true si le poste est en télétravail complet.",
    },
    "Salary": {
        "min": "Salaire minimum, en euros.",
        "max": "Salaire maximum, en euros.",
        "period": "Période : hour (de l'heure), month (par mois, par défaut) ou year (par an).",
    },
    "Apply": {
        "url": "Adresse de candidature en ligne (https://…).",
        "email": "Adresse e-mail où envoyer sa candidature.",
    },
    "Event": {
        "title": "Titre de l'événement.",
        "kind": "Type : job_dating, webinar, job_fair (salon), discovery_weekend (week-end découverte), "
                "open_day (portes ouvertes) ou other.",
        "start": "Début : 2030-03-14 (journée entière) ou 2030-03-14T12:30 (heure locale du site). "
                 "Obligatoire, sauf pour une série (dates).",
        "end": "Fin, après le début, écrite comme start (date seule ou date et heure). Obligatoire, sauf pour une série.",
        "dates": "Pour une série (un webinaire tous les deux mois…), à la place de start et end : une liste de dates, "
                 "chacune avec start, end et, au besoin, status, registration, replay.",
        "status": "scheduled (prévu, par défaut), cancelled (annulé), postponed (reporté, nouvelle date à venir) "
                  "ou rescheduled (déplacé : indiquez previous_start).",
        "previous_start": "Si l'événement est déplacé (status: rescheduled) : la date annoncée au départ.",
        "place": "Le lieu : name, address, postal_code, city (obligatoire sauf événement en ligne).",
        "online": "Événement en ligne : platform (Zoom, Teams, Livestorm… en texte libre).",
        "description": "Programme, public, informations pratiques." + _MD,
        "image": "Image de l'événement, avec son texte alternatif.",
        "registration": "Inscription : provider (helloasso, eventbrite, zoom, livestorm, google_forms, tally, "
                        "typeform, framaforms, microsoft_forms, url ou form), url, deadline.",
        "replay": "Lien du replay (https://…), affiché une fois l'événement passé.",
    },
    "Occurrence": {
        "start": "Début de cette date : 2030-03-14 ou 2030-03-14T12:30.",
        "end": "Fin de cette date, après le début, écrite comme start.",
        "status": "scheduled (par défaut), cancelled, postponed ou rescheduled (indiquez alors previous_start).",
        "previous_start": "Si cette date est déplacée (status: rescheduled) : la date annoncée au départ.",
        "registration": "L'inscription propre à cette date (sinon celle de l'événement).",
        "replay": "Le replay de cette date (https://…), affiché une fois passée.",
    },
    "Place": {
        "name": "Nom du lieu.",
        "address": "Numéro et rue.",
        "postal_code": "Code postal, entre guillemets : \"75005\".",
        "city": "Commune.",
    },
    "Online": {"platform": "Plateforme utilisée (texte libre : Zoom, Teams, Livestorm…)."},
    "Replay": {"url": "Adresse du replay, en https://."},
    "Registration": {
        "provider": "Service d'inscription : helloasso, eventbrite, zoom, livestorm, google_forms, tally, "
                    "typeform, framaforms, microsoft_forms, url (tout autre lien) ou form (formulaire sur la page).",
        "url": "Adresse de la page d'inscription (https://…), pour tous les services sauf form.",
        "deadline": "Date limite d'inscription (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM).",
        "action": "form seulement : l'adresse du service externe qui reçoit les réponses (https://…).",
        "fields": "form seulement : les champs demandés (name, first_name, last_name, email, phone, "
                  "profession, organisation, postal_code, city, message).",
        "redirect": "form seulement : page où le service renvoie le visiteur après l'envoi (facultatif).",
        "prefill_field": "google_forms seulement : l'identifiant (entry.1234567) d'une question à réponse courte "
                         "qui reçoit la campagne et le code du QR (menu « Obtenir le lien prérempli » du formulaire).",
    },
    "Testimonial": {
        "name": "Prénom de la personne (le prénom suffit).",
        "photo": "Photo de la personne." + _MEDIA,
        "photo_alt": "Texte alternatif de la photo (obligatoire avec une photo).",
        "from": "D'où elle vient (ex. Paris).",
        "moved": "Année de son installation (ex. 2024).",
        "profession": "Son métier.",
        "quote": "La citation, en texte simple (sans Markdown).",
        "story": "Son histoire, plus longue (facultative)." + _MD,
        "ambassador": "true si elle accepte d'être contactée par des candidats (parrain, marraine).",
        "consent": "Date de son accord écrit pour la publication (AAAA-MM-JJ, obligatoire).",
    },
    "Campaign": {
        "title": "Titre de la page de campagne.",
        "slogan": "Le slogan de la campagne (affiches, page).",
        "audience": "Public visé : note interne, jamais affichée.",
        "hero": "Grande image de la page, avec son texte alternatif.",
        "intro": "Texte d'introduction." + _MD,
        "start": "Début de la campagne (AAAA-MM-JJ, facultatif).",
        "end": "Fin de la campagne (AAAA-MM-JJ) ; la page reste en ligne pour les affiches encore en place.",
        "show": "Ce que la page liste : jobs, events, testimonials.",
        "call_to_action": "Le bouton principal : label et une destination (event, job, url ou form).",
        "placements": "Un emplacement par lieu où la campagne apparaît, chacun avec son QR code ou lien suivi.",
    },
    "Show": {
        "jobs": "Offres : une liste de slugs [infirmier-exemple] ou un filtre {sector: sante, contract: cdi, city: …}.",
        "events": "Événements : une liste de slugs [webinaire-exemple] ou un filtre {kind: webinar}.",
        "testimonials": "Témoignages : une liste de slugs (noms de fichiers sans .yml).",
    },
    "JobFilter": {
        "sector": "Seulement ce secteur (une clé de site.sectors).",
        "contract": "Seulement ce type de contrat.",
        "city": "Seulement cette commune.",
        "remote": "Seulement les postes en télétravail (true) ou sur place (false).",
    },
    "EventFilter": {"kind": "Seulement ce type d'événement."},
    "CallToAction": {
        "label": "Texte du bouton, ex. « Je m'inscris ».",
        "event": "Slug de l'événement vers lequel mène le bouton.",
        "job": "Slug de l'offre vers laquelle mène le bouton.",
        "url": "Adresse externe (https://…, mailto:… ou tel:…).",
        "form": "Un formulaire sur la page (provider: form, action, fields).",
    },
    "Placement": {
        "code": "Code unique sur tout le site : le lien court /q/<code>/ du QR code. Ne plus le changer une fois imprimé." + _SLUG,
        "medium": "Support : affiche, flyer, banderole, kakemono, carte, presse, social, email, web, video, radio ou autre.",
        "label": "Description interne de l'emplacement (ex. « Affiche métro Bastille »).",
        "size": "Format d'impression : A5, A4, A3, A2, A1 ou A0.",
        "source": "Source dans les statistiques (ex. facebook) ; par défaut qr pour les supports imprimés.",
    },
    "PageMeta": {
        "title": "Titre de la page (obligatoire).",
        "description": "Description pour les moteurs de recherche.",
        "nav": "false pour ne pas afficher la page dans le menu (par défaut : true).",
        "order": "Position dans le menu : les petits nombres d'abord (par défaut 100).",
    },
}

# Rules across fields the editor can check too (the generator checks them all, with French messages).
# A rule is only added when its fields exist in the model, so a renamed field drops it, not the schema.

def _given(field: str, kind: str) -> dict:
    """The field is there and not left empty (``place:`` alone is null in YAML)."""
    return {"required": [field], "properties": {field: {"type": kind}}}


RULES: dict[str, list[tuple[tuple[str, ...], dict]]] = {
    "Apply": [(("url", "email"), {"anyOf": [_given("url", "string"), _given("email", "string")]})],
    "Location": [(("city", "remote"), {"anyOf": [_given("city", "string"), {"required": ["remote"], "properties": {"remote": {"const": True}}}]})],
    "Salary": [(("min", "max"), {"anyOf": [_given("min", "number"), _given("max", "number")]})],
    "Event": [
        (("place", "online"), {"anyOf": [_given("place", "object"), _given("online", "object")]}),
        (("start", "end", "dates"), {"anyOf": [{"allOf": [_given("start", "string"), _given("end", "string")]}, _given("dates", "array")]}),
    ],
    "CallToAction": [(("event", "job", "url", "form"), {"anyOf": [
        _given("event", "string"), _given("job", "string"), _given("url", "string"), _given("form", "object")]})],
    "Registration": [(("provider", "url", "action", "fields"), {
        "if": {"required": ["provider"], "properties": {"provider": {"const": "form"}}},
        "then": {"allOf": [_given("action", "string"), _given("fields", "array")]},
        "else": _given("url", "string"),
    })],
}
# Constraints added to single fields.
FIELD_EXTRA: dict[str, dict[str, dict]] = {"SiteSettings": {"sectors": {"minProperties": 1}}}


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, told what the content fields' validators accept."""

    def datetime_schema(self, schema) -> dict:
        return {"type": "string", "pattern": DATETIME_PATTERN}

    def function_before_schema(self, schema) -> dict:
        return _refine(schema["function"]["function"], super().function_before_schema(schema))

    def function_after_schema(self, schema) -> dict:
        return _refine(schema["function"]["function"], super().function_after_schema(schema))


def _refine(function, base: dict) -> dict:
    if function is F._number_as_text:  # key figures: `value: 100` is fine
        return {**base, "type": ["string", "number"]}
    if function is F._phone:
        return {**base, "pattern": F.PHONE_RE.pattern}
    if function is F._year:
        return {**base, "minimum": 1900, "maximum": 2100}
    if function is F._email_or_url:
        return {**base, "anyOf": [{"format": "email", "pattern": EMAIL_PATTERN}, {"format": "uri", "pattern": "^https://"}]}
    if function is F._email:
        return {**base, "pattern": EMAIL_PATTERN}
    if function is F._link:
        return {**base, "pattern": LINK_PATTERN}
    if function is F._timezone:
        return {**base, "pattern": TIMEZONE_PATTERN, "examples": ["Europe/Paris", "America/Cayenne", "Indian/Reunion"]}
    if function is F._media:
        return {**base, "pattern": MEDIA_PATTERN}
    return base


def schema_for(kind: str) -> dict:
    """The JSON Schema (draft 2020-12) of one content kind, a key of ``KINDS``."""
    if kind not in KINDS:
        raise ValueError(f"type de contenu inconnu « {kind} » : {', '.join(KINDS)}")
    model = KINDS[kind]
    raw = model.model_json_schema(by_alias=True, mode="validation", schema_generator=_Generator)
    defs = raw.pop("$defs", {})
    _decorate(raw, model.__name__)
    for name, sub in defs.items():
        _decorate(sub, name)
    _, title, description = _info(kind)
    schema = {"$schema": DIALECT, "title": title, "description": description, **raw}
    if defs:
        schema["$defs"] = defs
    return schema


def _decorate(schema: dict, name: str) -> None:
    """French descriptions, no English auto-titles, closed maps, cross-field rules."""
    _tidy(schema)
    for field, text in DESCRIPTIONS.get(name, {}).items():
        if field in schema.get("properties", {}):
            schema["properties"][field]["description"] = text
    properties = schema.get("properties", {})
    for field, more in FIELD_EXTRA.get(name, {}).items():
        if field in properties:
            properties[field].update(more)
    rules = [rule for fields, rule in RULES.get(name, []) if all(f in properties for f in fields)]
    if rules:
        schema["allOf"] = [*schema.get("allOf", []), *rules]


def _tidy(schema: Any) -> None:
    """Drop pydantic's English titles, and empty defaults the editor would insert as ``null``."""
    if isinstance(schema, list):
        for item in schema:
            _tidy(item)
        return
    if not isinstance(schema, dict):
        return
    schema.pop("title", None)
    if "default" in schema and schema["default"] in (None, []):
        del schema["default"]
    if "patternProperties" in schema and "properties" not in schema:
        schema.setdefault("additionalProperties", False)  # dict[Slug, …]: a key must be a slug
    for key in ("properties", "patternProperties", "$defs"):
        for sub in schema.get(key, {}).values():
            _tidy(sub)
    for key in ("items", "additionalProperties", "not", "if", "then", "else"):
        _tidy(schema.get(key))
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        _tidy(schema.get(key))


def _info(kind: str) -> tuple[str, str, str]:
    return KIND_INFO.get(kind, (f"{kind}.schema.json", kind, ""))


def schema_file(kind: str) -> str:
    """The file name of a kind's schema: ``job.schema.json``."""
    return _info(kind)[0]


def write_schemas(out: Path) -> list[Path]:
    """Write one ``<kind>.schema.json`` per content kind into ``out``; return the paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out / schema_file(kind)
        path.write_text(json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


# --- the same, for people: a Markdown reference of every field ------------------------

def field_reference() -> str:
    """Every field of every kind as Markdown tables (a project's CHAMPS.md), from the schemas."""
    out = [
        "# Les champs des fichiers de contenu",
        "",
        "Chaque fichier de contenu, champ par champ. « Obligatoire : oui » : le site ne se construit "
        "pas sans ce champ. Les autres peuvent être omis (supprimez la ligne). "
        "`territoire check` vérifie tout et indique le fichier, la ligne et la correction.",
        "",
        "Ce document est produit à partir des schémas du dossier `schemas/` (`territoire schema --out schemas`).",
        "",
    ]
    for kind in KINDS:
        _, title, description = _info(kind)
        name, _, where = title.rpartition(" (")
        name, where = (name, where) if name else (title, kind + ")")
        schema = schema_for(kind)
        defs = schema.get("$defs", {})
        out += [f'<a id="{kind}"></a>', "", f"## {name} — `{where.rstrip(')')}`", "", _escape(description), ""]
        out += _table(schema, defs)
        for ref, paths in _nested(schema, defs).items():
            out += ["", f"### {', '.join(f'`{p}`' for p in paths)}", ""]
            out += _table(defs[ref], defs)
        out.append("")
    return "\n".join(out)


def _nested(schema: dict, defs: dict) -> dict[str, list[str]]:
    """Each object definition, with the field paths where it is used, in reading order."""
    found: dict[str, list[str]] = {}
    queue = [("", schema)]
    while queue:
        prefix, obj = queue.pop(0)
        for field, prop in obj.get("properties", {}).items():
            for ref, many in _refs(prop):
                path = f"{prefix}{field}" + ("[]" if many else "")
                if ref not in found:
                    found[ref] = []
                    queue.append((path + ".", defs[ref]))
                found[ref].append(path)
    return found


def _refs(prop: dict, many: bool = False):
    if "$ref" in prop:
        yield prop["$ref"].rsplit("/", 1)[-1], many
    for alt in prop.get("anyOf", []):
        yield from _refs(alt, many)
    if isinstance(prop.get("items"), dict):
        yield from _refs(prop["items"], True)


def _table(obj: dict, defs: dict) -> list[str]:
    rows = ["| Champ | Obligatoire | Valeur | Description |", "|---|---|---|---|"]
    required = set(obj.get("required", []))
    for field, prop in obj.get("properties", {}).items():
        value = _value(prop, defs)
        if "default" in prop and not isinstance(prop["default"], dict):
            value += f" (par défaut : `{json.dumps(prop['default'], ensure_ascii=False).strip(chr(34))}`)"
        text = _escape(prop.get("description", ""))
        cells = [f"`{field}`", "oui" if field in required else "non", value, text]
        rows.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return rows


def _escape(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _value(prop: dict, defs: dict) -> str:
    if "anyOf" in prop and "type" not in prop:
        parts = [_value(p, defs) for p in prop["anyOf"] if p.get("type") != "null"]
        return " ou ".join(dict.fromkeys(parts))
    if "$ref" in prop:
        return "un groupe de champs (ci-dessous)"
    if "enum" in prop:
        return "une valeur parmi " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type")
    if kind == ["string", "number"]:
        return "texte ou nombre"
    if kind == "boolean":
        return "`true` (oui) ou `false` (non)"
    if kind == "integer":
        return "une année (AAAA)" if prop.get("minimum") == 1900 else "nombre entier"
    if kind == "number":
        return "nombre"
    if kind == "array":
        item = prop.get("items", {})
        if "$ref" in item:
            return "une liste de groupes de champs (ci-dessous)"
        return f"une liste [ … ] (chaque élément : {_value(item, defs)})"
    if kind == "object":
        return "des paires `clé: libellé` (clé : minuscules, chiffres, tirets)"
    if "anyOf" in prop:  # e-mail or web address
        return "adresse e-mail ou adresse web `https://…`"
    pattern, fmt = prop.get("pattern"), prop.get("format")
    return {
        DATETIME_PATTERN: "date et heure `AAAA-MM-JJTHH:MM`",
        MEDIA_PATTERN: "nom d'un fichier de `content/media/`",
        LINK_PATTERN: "adresse `https://…`, `mailto:…` ou `tel:…`",
        TIMEZONE_PATTERN: "fuseau horaire (`Europe/Paris`)",
        EMAIL_PATTERN: "adresse e-mail",
        F.SLUG_RE.pattern: "identifiant : minuscules, chiffres, tirets",
        F.PHONE_RE.pattern: "téléphone, entre guillemets",
        F.COLOR_RE.pattern: "couleur `#rrggbb`, entre guillemets",
        r"^(\d{5}|2[AB]\d{3})$": "code postal, entre guillemets",
        "^https://": "adresse web `https://…`",
    }.get(pattern) or {"date": "date `AAAA-MM-JJ`", "markdown": "texte (Markdown)"}.get(fmt, "texte")


__all__ = ["DIALECT", "KIND_INFO", "field_reference", "schema_for", "schema_file", "write_schemas"]
