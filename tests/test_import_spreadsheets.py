"""Spreadsheets read into upstream records (generator/imports/spreadsheets.py): a CSV as Excel
exports it in French (semicolons, Windows-1252) or in UTF-8, an .xlsx workbook; columns found by
their French headers whatever the case and accents, or named in columns:; a row that cannot be
read skipped with its number, a missing column said with the headers found."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from generator.content.imports import SPREADSHEET_FIELDS, SPREADSHEET_HEADERS, ImportSource
from generator.content.messages import Messages
from generator.imports import spreadsheets
from generator.imports.records import SourceError
from generator.imports.spreadsheets import read_spreadsheet

MSG = Messages("fr")

FRENCH_CSV = (
    "REFERENCE ; Intitule;Employeur;Secteur;Contrat;Commune;Code postal;Télétravail;Salaire minimum;"
    "Salaire maximum;Période du salaire;Date limite;Description;Colonne à nous\r\n"
    'R-1;Aide-soignant (H/F);Ehpad Les Écrins;Santé;CDD;Briançon;05100;oui;1 850,50;2100;mensuel;03/11/2026;'
    '"Soins ; accompagnement\r\nNuit : une semaine sur deux";libre\r\n'
    ";;;;;;;;;;;;;\r\n"
    "R-2;Serveur;Hôtel du Lac;Hôtellerie;Saisonnier;Embrun;05200;non;;;;2026-12-31;;\r\n"
    "R-3;Plongeur;Hôtel du Lac;Hôtellerie;Saisonnier;Embrun;05200;peut-être;;;;;;\r\n"
    "R-4;Commis;Hôtel du Lac;Hôtellerie;Saisonnier;Embrun;05200;;mille;;;;;\r\n"
    ";Sans référence;;;;;;;;;;;;\r\n"
    "R-2;Doublon;;;;;;;;;;;;\r\n"
)


def settings(file: str, **values) -> ImportSource:
    return ImportSource(source="spreadsheet", file=file, **values)


def test_every_field_has_a_french_header():
    assert tuple(SPREADSHEET_HEADERS) == SPREADSHEET_FIELDS


def test_a_french_excel_csv_is_read(tmp_path):
    (tmp_path / "offres.csv").write_bytes(FRENCH_CSV.encode("cp1252"))
    snapshot = read_spreadsheet(settings("offres.csv"), tmp_path, MSG)
    first, second = snapshot.offers
    assert (first.id, first.title, first.employer, first.sector_codes, first.contract) == (
        "R-1", "Aide-soignant (H/F)", "Ehpad Les Écrins", ("Santé",), "CDD")
    assert (first.city, first.postal_code, first.remote) == ("Briançon", "05100", True)
    assert (first.salary_min, first.salary_max, first.salary_period) == (1850.5, 2100, "month")
    assert first.valid_through == date(2026, 11, 3) and first.posted is None
    assert first.description == "Soins ; accompagnement\r\nNuit : une semaine sur deux"
    assert first.description_html is None and first.extra == {"row": 2}
    assert (second.id, second.remote, second.salary_min, second.valid_through) == ("R-2", False, None, date(2026, 12, 31))
    assert [(s.id, s.field, s.message) for s in snapshot.skipped] == [
        ("R-3", "Télétravail", "ligne 5, colonne « Télétravail » : « peut-être » n'est pas oui ou non : ligne ignorée"),
        ("R-4", "Salaire minimum", "ligne 6, colonne « Salaire minimum » : « mille » n'est pas un nombre : ligne ignorée"),
        (None, "REFERENCE", "ligne 7 : la colonne « REFERENCE » (la référence de l'offre) est vide : ligne ignorée"),
        ("R-2", None, "ligne 8 : la référence « R-2 » est déjà celle de la ligne 4 : ligne ignorée"),
    ]


def test_a_utf8_csv_with_commas_and_columns_named_in_the_settings(tmp_path):
    text = "\ufeffJob ID,Poste,posted,remote\n42,\"Chef de partie, cuisine\",2026-10-01,x\n"
    (tmp_path / "ats.csv").write_text(text, encoding="utf-8")
    snapshot = read_spreadsheet(settings("ats.csv", columns={"id": "job id", "title": "POSTE"}), tmp_path, MSG)
    [offer] = snapshot.offers
    assert (offer.id, offer.title, offer.posted, offer.remote) == ("42", "Chef de partie, cuisine", date(2026, 10, 1), True)


def test_a_missing_title_column_lists_the_headers_found(tmp_path):
    (tmp_path / "liste.csv").write_text("Référence;Poste;Ville\nA;Cuisinier;Gap\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_spreadsheet(settings("liste.csv"), tmp_path, MSG)
    assert caught.value.exit_code == 2
    assert caught.value.message == (
        "liste.csv : aucune colonne « title » / « Intitulé », obligatoire ; en-têtes trouvés : « Référence », "
        "« Poste », « Ville ». Renommez la colonne, ou donnez son en-tête dans columns: de site_config.yml "
        "(title: \"…\")")
    en = pytest.raises(SourceError, read_spreadsheet, settings("liste.csv"), tmp_path, Messages("en")).value.message
    assert "no column “title” / “Intitulé”" in en and "“Poste”" in en


def workbook(path, rows_by_sheet: dict[str, list[list]]):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in rows_by_sheet.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


XLSX_ROWS = [
    ["Offres du réseau Alpes Emploi, novembre 2026"],  # a title above the headers
    [],
    ["Référence", "Intitulé", "Employeur", "Code postal", "Commune", "Télétravail", "Salaire minimum",
     "Période du salaire", "Date de publication", "Date limite", "Salaire", "Lien pour postuler"],
    [1001, "Technicien de maintenance", "Remontées mécaniques", 5000, "Gap", True, 2200, "mois",
     datetime(2026, 10, 20, 9, 30), date(2026, 12, 1), None, "https://emploi.example/1001"],
    [None, None, None, None, None, None, None, None, None, None, None, None],
    ["1002", "Pisteur secouriste", "Station", "05290", "Vallouise", "non", None, None, None, None,
     "selon expérience", None],
    ["1003", "Moniteur", "ESF", "05100", "Briançon", None, None, None, "demain", None, None, None],
]


def test_an_xlsx_workbook_is_read_from_the_named_sheet(tmp_path):
    workbook(tmp_path / "offres.xlsx", {"Notes": [["rien"]], "Offres": XLSX_ROWS})
    snapshot = read_spreadsheet(settings("offres.xlsx", sheet="offres"), tmp_path, MSG)
    first, second = snapshot.offers
    assert (first.id, first.title, first.employer, first.postal_code, first.city, first.remote) == (
        "1001", "Technicien de maintenance", "Remontées mécaniques", "05000", "Gap", True)
    assert (first.salary_min, first.salary_period, first.posted, first.valid_through) == (
        2200, "month", date(2026, 10, 20), date(2026, 12, 1))
    assert first.apply_url == "https://emploi.example/1001" and first.extra == {"row": 4}
    assert (second.id, second.remote, second.salary_text, second.salary_min) == ("1002", False, "selon expérience", None)
    [skipped] = snapshot.skipped
    assert (skipped.id, skipped.field) == ("1003", "Date de publication")
    assert skipped.message.startswith("ligne 7, colonne « Date de publication » : « demain » n'est pas une date")


def test_a_missing_sheet_lists_the_sheets(tmp_path):
    workbook(tmp_path / "offres.xlsx", {"Notes": [["rien"]], "Offres": XLSX_ROWS})
    with pytest.raises(SourceError) as caught:
        read_spreadsheet(settings("offres.xlsx", sheet="Emplois"), tmp_path, MSG)
    assert caught.value.message == "offres.xlsx n'a pas de feuille « Emplois » ; ses feuilles : « Notes », « Offres »"
    with pytest.raises(SourceError) as caught:  # no sheet: the first one, Notes, has no offers
        read_spreadsheet(settings("offres.xlsx"), tmp_path, MSG)
    assert "en-têtes trouvés : « rien »" in caught.value.message


def test_a_tab_separated_export_and_too_many_rows(tmp_path, monkeypatch):
    lines = ["id\ttitle"] + [f"{n}\tOffre {n}" for n in range(1, 5)]
    (tmp_path / "export.txt").write_text("\n".join(lines), encoding="utf-8")
    assert [o.title for o in read_spreadsheet(settings("export.txt"), tmp_path, MSG).offers][-1] == "Offre 4"
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 3)
    with pytest.raises(SourceError) as caught:
        read_spreadsheet(settings("export.txt"), tmp_path, MSG)
    assert caught.value.message == "export.txt a plus de 3 lignes : répartissez les offres entre plusieurs imports"


@pytest.mark.parametrize("name, content, expected", [
    ("vieux.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "enregistrez-le au format .xlsx ou .csv"),
    ("casse.xlsx", b"PK\x03\x04" + bytes(100), "n'est pas un classeur Excel .xlsx lisible"),
    ("texte.xlsx", b"id;title\n1;a\n", "n'est pas un classeur Excel .xlsx lisible"),
    ("vide.csv", b"\r\n \r\n", "est vide : sa première ligne doit donner les en-têtes des colonnes"),
    ("deux.csv", "Référence;Intitulé;reference\n1;a;2\n".encode(), "deux colonnes ont l'en-tête « Référence »"),
    ("binaire.csv", b"id;title\n1;\x81\x8d\n", "ni en UTF-8 ni en Windows-1252"),
    ("guillemet.csv", b'id;title\n1;"' + b"x" * 200_000 + b'"\n', "n'est pas un CSV lisible (ligne"),
])
def test_files_that_are_no_readable_spreadsheet(tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_spreadsheet(settings(name), tmp_path, MSG)
    assert expected in caught.value.message and caught.value.message.startswith(name)
    assert caught.value.exit_code == 2


def test_a_file_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    (tmp_path / "gros.csv").write_bytes(b"id;title\n" + b"1;a\n" * 300_000)  # 1.2 MB
    monkeypatch.setattr(spreadsheets, "MAX_BYTES", 2**20)
    with pytest.raises(SourceError) as caught:
        read_spreadsheet(settings("gros.csv"), tmp_path, MSG)
    assert caught.value.message == "le fichier gros.csv dépasse 1 Mo : rien n'a été importé"


def test_a_workbook_too_large_once_unpacked_is_refused(tmp_path, monkeypatch):
    workbook(tmp_path / "offres.xlsx", {"Offres": XLSX_ROWS})
    monkeypatch.setattr(spreadsheets, "MAX_UNPACKED", 4096)  # a few kB unpacked: past it, as a zip bomb would be
    with pytest.raises(SourceError) as caught:
        read_spreadsheet(settings("offres.xlsx"), tmp_path, MSG)
    assert caught.value.message.startswith("offres.xlsx dépasse 0 Mo une fois décompressé")
