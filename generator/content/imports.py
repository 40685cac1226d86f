"""``imports:`` in site_config.yml: where offers come from and how they map onto the model.

Each entry is one upstream source (France Travail's API, a job feed, a spreadsheet); ``territoire
import`` writes what it gives to ``content/imports/<name>.json``. The officer's decisions on
imported offers (hide one, correct its sector or contract) are ``overrides`` here, never in that
file: a re-import rewrites the file and leaves them standing."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import field_validator, model_validator

from .fields import HttpsUrl, Slug, Text, doc
from .base import Model, _error, written_secret
from .vocabularies import CONTRACTS

Contract = Literal[CONTRACTS.values]

IMPORT_SOURCES = ("france_travail", "jobposting", "indeed_xml", "spreadsheet")
# Where every France Travail offer can be read (and applied to): the page an imported one cites.
FRANCE_TRAVAIL_OFFER_URL = "https://candidat.francetravail.fr/offres/recherche/detail/{id}"
IMPORTS_FOLDER = "content/imports"  # one JSON file per source, written by ``territoire import`` only
# France Travail's credentials: CI secrets, never in a file (site_config.yml is committed, often public).
FRANCE_TRAVAIL_VARIABLES = ("FRANCE_TRAVAIL_CLIENT_ID", "FRANCE_TRAVAIL_CLIENT_SECRET")
_SECRET_KEYS = {"client_id", "client_secret", "secret", "token", "password", "api_key", "apikey", "key",
                "access_token", "identifiant", "mot_de_passe", *(v.lower() for v in FRANCE_TRAVAIL_VARIABLES)}

# A spreadsheet's columns, by the field each one fills; ``columns:`` names the header of each
# (the defaults are these names, or their French headers in SPREADSHEET_HEADERS).
SPREADSHEET_FIELDS = (
    "id", "title", "employer", "employer_url", "sector", "contract", "city", "postal_code", "remote",
    "salary_min", "salary_max", "salary_period", "salary", "posted", "valid_through", "description",
    "apply_url", "apply_email",
)
# The header each field's column has by default, besides the field's own name: compared ignoring
# case, accents and surrounding spaces (« reference » finds « Référence »).
SPREADSHEET_HEADERS = {
    "id": "Référence", "title": "Intitulé", "employer": "Employeur", "employer_url": "Site de l'employeur",
    "sector": "Secteur", "contract": "Contrat", "city": "Commune", "postal_code": "Code postal",
    "remote": "Télétravail", "salary_min": "Salaire minimum", "salary_max": "Salaire maximum",
    "salary_period": "Période du salaire", "salary": "Salaire", "posted": "Date de publication",
    "valid_through": "Date limite", "description": "Description", "apply_url": "Lien pour postuler",
    "apply_email": "E-mail pour postuler",
}

_DEPARTEMENT = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$")
_COMMUNE = re.compile(r"^(\d{5}|2[AB]\d{3})$")  # INSEE code
ROME_CODE = re.compile(r"^[A-N]\d{4}$")  # a job of France Travail's ROME: J1506
_CODES = {  # France Travail's search criteria: each list's code, and the message for a wrong one
    "departements": (_DEPARTEMENT, "import_departement"), "communes": (_COMMUNE, "import_commune"),
    "rome": (ROME_CODE, "import_rome"),
}
# Which source reads which field: another source's field is a mistake, said as such.
_ONLY = {
    "departements": {"france_travail"}, "communes": {"france_travail"}, "rome": {"france_travail"},
    "url": {"jobposting", "indeed_xml", "spreadsheet"}, "file": {"jobposting", "indeed_xml", "spreadsheet"},
    "columns": {"spreadsheet"}, "sheet": {"spreadsheet"},
}


class OfferOverride(Model):
    offer: Slug = doc(
        "L'offre importée, par son adresse : le slug de /offres/<slug>/.",
        "The imported offer, by its address: the slug of /offres/<slug>/.", example="infirmier-h-f-183kqzl",
    )
    hidden: bool = doc(
        "true : l'offre n'est plus publiée (son adresse répond « offre plus disponible »).",
        "true: the offer is no longer published (its address answers « no longer available »).", default=False,
    )
    sector: Slug | None = doc(
        "Secteur corrigé : une clé de site.sectors.", "Corrected sector: a key of site.sectors.", default=None,
    )
    contract: Contract | None = doc("Type de contrat corrigé.", "Corrected type of contract.", default=None)
    title: Text | None = doc("Intitulé corrigé.", "Corrected title.", default=None)

    def apply(self, job):
        """The imported offer with the officer's corrections."""
        changes = {name: getattr(self, name) for name in ("sector", "contract", "title") if getattr(self, name)}
        return job.model_copy(update=changes) if changes else job


class ImportSource(Model):
    source: Literal[IMPORT_SOURCES] = doc(
        "D'où viennent les offres : france_travail (API Offres d'emploi de France Travail), jobposting "
        "(flux JSON ou page JSON-LD schema.org JobPosting), indeed_xml (flux XML au format Indeed) ou "
        "spreadsheet (tableur CSV ou Excel .xlsx).",
        "Where offers come from: france_travail (France Travail's job offers API), jobposting (schema.org "
        "JobPosting JSON feed or JSON-LD page), indeed_xml (Indeed-style XML feed) or spreadsheet (CSV or "
        "Excel .xlsx).", example="france_travail",
    )
    name: Slug | None = doc(
        "Nom de l'import, pour --source et le fichier content/imports/<name>.json ; par défaut, source "
        "(france-travail). Obligatoire quand deux imports ont la même source. Ne le changez plus : "
        "c'est le fichier où sont gardées ses offres.",
        "The import's name, for --source and the file content/imports/<name>.json; by default, source "
        "(france-travail). Required when two imports have the same source. Never change it: it is the "
        "file its offers are kept in.", default=None,
    )
    departements: list[str] = doc(
        "france_travail : numéros des départements, entre guillemets.",
        "france_travail: numbers of the départements, within quotes.", example=["05"], default=[],
    )
    communes: list[str] = doc(
        "france_travail : codes INSEE des communes (pas les codes postaux), entre guillemets.",
        "france_travail: INSEE codes of the communes (not postal codes), within quotes.", default=[],
    )
    rome: list[str] = doc(
        "france_travail : seulement ces codes métier ROME (J1506…).",
        "france_travail: only these ROME job codes (J1506…).", default=[],
    )
    url: HttpsUrl | None = doc(
        "Adresse du flux ou du fichier, en https:// (ou file, pas les deux).",
        "Address of the feed or file, in https:// (or file, not both).", default=None,
    )
    file: Text | None = doc(
        "Fichier du projet à importer (chemin depuis le dossier du projet : imports/offres.xlsx).",
        "File of the project to import (path from the project's folder: imports/offres.xlsx).", default=None,
    )
    sheet: Text | None = doc(
        "spreadsheet : la feuille Excel à lire ; par défaut, la première.",
        "spreadsheet: the Excel sheet to read; by default, the first one.", default=None,
    )
    columns: dict[str, Text] = doc(
        "spreadsheet : l'en-tête de la colonne de chaque champ, quand il diffère du nom par défaut "
        "(docs/imports.md) : {title: \"Intitulé du poste\"}.",
        "spreadsheet: the header of each field's column, when it differs from the default name "
        "(docs/imports.md): {title: \"Job title\"}.", default={},
    )
    sectors: dict[str, Slug] = doc(
        "Codes de la source → clés de site.sectors. france_travail : division NAF de l'employeur (deux "
        "chiffres, \"86\") ou début du code ROME (\"J15\") ; flux et tableurs : le secteur écrit dans la "
        "source. Un code sans correspondance est une erreur qui les liste tous, sauf avec default_sector.",
        "Source codes → keys of site.sectors. france_travail: the employer's NAF division (two digits, "
        "\"86\") or the start of the ROME code (\"J15\"); feeds and spreadsheets: the sector written in the "
        "source. An unmapped code is an error listing them all, unless default_sector is given.",
        example={"86": "sante", "56": "hotellerie"}, default={},
    )
    default_sector: Slug | None = doc(
        "Secteur des offres dont le code n'est pas dans sectors.",
        "Sector of the offers whose code is not in sectors.", default=None,
    )
    contracts: dict[str, Contract] = doc(
        "Contrats de la source → types de contrat, en plus des correspondances connues (CDI, CDD, MIS, "
        "SAI, LIB…).",
        "The source's contracts → types of contract, on top of the known ones (CDI, CDD, MIS, SAI, LIB…).",
        default={},
    )
    default_contract: Contract | None = doc(
        "Type de contrat des offres dont le contrat manque ou n'a pas de correspondance.",
        "Type of contract of the offers whose contract is missing or unmapped.", default=None,
    )
    keep_withdrawn: int = doc(
        "Nombre de jours pendant lesquels l'adresse d'une offre retirée de la source répond « offre plus "
        "disponible » (410) ; ensuite elle est oubliée.",
        "Days during which the address of an offer withdrawn from the source answers « no longer "
        "available » (410); then it is forgotten.", default=365, ge=1, le=3650,
    )
    overrides: list[OfferOverride] = doc(
        "Vos décisions sur des offres importées, gardées à chaque import : masquer (hidden), corriger "
        "sector, contract ou title.",
        "Your decisions on imported offers, kept at every import: hide (hidden), correct sector, contract "
        "or title.", default=[],
    )

    @model_validator(mode="before")
    @classmethod
    def _no_secret(cls, data):
        if (key := written_secret(data, _SECRET_KEYS)) is not None:
            raise _error("import_secret", at=key, field=key, variables=" / ".join(FRANCE_TRAVAIL_VARIABLES))
        return data

    @field_validator("departements", "communes", "rome")
    @classmethod
    def _codes(cls, value: list[str], info) -> list[str]:
        pattern, kind = _CODES[info.field_name]
        for item in value:
            if not pattern.match(item):
                raise _error(kind, input=item)
        return value

    @field_validator("columns")
    @classmethod
    def _columns(cls, value: dict[str, str]) -> dict[str, str]:
        for key in value:
            if key not in SPREADSHEET_FIELDS:
                raise _error("import_column", input=key, expected=", ".join(SPREADSHEET_FIELDS))
        return value

    @field_validator("file")
    @classmethod
    def _file(cls, value: str | None) -> str | None:
        # Inside the project: an import reads what the project holds, like a build.
        if value is not None and (value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value)
                                  or ".." in re.split(r"[/\\]", value)):
            raise _error("import_file_outside", input=value)
        return value

    @model_validator(mode="after")
    def _fits_source(self):
        for field, sources in _ONLY.items():
            if field in self.model_fields_set and getattr(self, field) and self.source not in sources:
                raise _error("import_field_source", at=field, field=field, source=self.source)
        if self.source == "france_travail" and not (self.departements or self.communes):
            raise _error("import_where", at="source")
        if self.source != "france_travail" and (self.url is None) == (self.file is None):
            raise _error("import_url_or_file", at="source", source=self.source)
        seen = set()
        for override in self.overrides:
            if override.offer in seen:
                raise _error("import_override_twice", at="overrides", offer=override.offer)
            seen.add(override.offer)
        return self

    @property
    def key(self) -> str:
        """The import's name: its file's, its offers' addresses' and ``--source``'s."""
        return self.name or self.source.replace("_", "-")

    @property
    def data_file(self) -> str:
        return f"{IMPORTS_FOLDER}/{self.key}.json"


__all__ = ["FRANCE_TRAVAIL_OFFER_URL", "FRANCE_TRAVAIL_VARIABLES", "ROME_CODE", "IMPORTS_FOLDER", "IMPORT_SOURCES", "ImportSource", "OfferOverride", "SPREADSHEET_FIELDS", "SPREADSHEET_HEADERS"]
