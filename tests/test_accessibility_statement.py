"""The accessibility statement follows the RGAA's model statement: every section, Territoire's
defaults when the officer gives nothing, the officer's findings when given, in French or English."""

from __future__ import annotations

import re

import pytest

from generator.cli import main
from generator.content.errors import ContentError
from generator.content.project import load_project

from project_factory import FILES, make_project

TODAY = "2026-11-23"
BASE = FILES["site_config.yml"]
assert "accessibility:\n  status: partiellement conforme\n" in BASE

FRENCH_HEADINGS = [
    "État de conformité", "Résultats des tests", "Contenus non accessibles", "Non-conformités",
    "Dérogations pour charge disproportionnée", "Contenus non soumis à l’obligation d’accessibilité",
    "Établissement de cette déclaration", "Technologies utilisées pour la réalisation du site", "Environnement de test",
    "Outils pour évaluer l’accessibilité", "Pages du site ayant fait l’objet de la vérification de conformité",
    "Retour d’information et contact", "Voies de recours",
]
ENGLISH_HEADINGS = [
    "Compliance status", "Test results", "Non-accessible content", "Non-compliances", "Derogations for disproportionate burden",
    "Content not subject to the accessibility obligation", "Preparation of this statement",
    "Technologies used to build the site", "Test environment", "Tools used to assess accessibility",
    "Pages of the site checked for compliance", "Feedback and contact", "Remedies",
]
FULL = """accessibility:
  status: partiellement conforme
  audit_date: 2026-03-12
  rate: 72.5
  auditor: "Cabinet Access'Vallon"
  non_compliant:
    - "Le plan de la page Venir n'est pas utilisable au clavier."
  derogations:
    - {content: "Vidéos des webinaires passés", reason: "Sous-titrage hors de portée du budget annuel."}
  out_of_scope:
    - "Offres importées de France Travail."
  environments: ["NVDA 2024.4 et Firefox 128"]
  tools: ["axe-core", "Colour Contrast Analyser"]
  pages_checked:
    - {title: "Accueil", url: "https://testville.example.fr/"}
    - {title: "Offre d'infirmier"}
  plan_url: https://testville.example.fr/schema-pluriannuel.pdf
  action_plan: ["Sous-titrer les témoignages vidéo."]
  contact: https://testville.example.fr/signaler/
"""


def statement(tmp_path, config: str, url: str = "accessibilite/") -> str:
    make_project(tmp_path, **{"site_config.yml": config})
    assert main(["build", "--project", str(tmp_path), "--today", TODAY]) == 0
    page = (tmp_path / "site" / url / "index.html").read_text("utf-8")
    return page[page.index("<h1"):]


def headings(page: str) -> list[tuple[int, str]]:
    return [(int(level), re.sub(r"<[^>]+>", "", text).strip())
            for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", page, re.S)]


def text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_every_section_of_the_model_statement_in_order(tmp_path):
    page = statement(tmp_path, BASE)
    found = headings(page)
    assert [h for _, h in found if h in FRENCH_HEADINGS] == FRENCH_HEADINGS
    levels = [level for level, _ in found]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:]))  # no level skipped


def test_defaults_when_the_officer_gives_nothing(tmp_path):
    page = text(statement(tmp_path, BASE))
    for default in ("HTML5", "CSS", "JavaScript", "axe-core", "Chromium"):
        assert f" {default} " in page, default
    assert "Aucun audit de conformité n’a encore été réalisé" in page
    assert "Schéma pluriannuel de mise en accessibilité : pas encore publié" in page
    assert "contact@" in page  # the publisher's address receives the reports
    # The sample: one page of each main kind the site has, linked.
    html = statement(tmp_path, BASE)
    for title in ("Accueil", "Campagne :", "Offres d’emploi", "Offre d’emploi :", "Événement :", "Contact", "Mentions légales"):
        assert re.search(rf'<li><a href="[^"]+">{re.escape(title)}', html), title


def test_the_recourse_is_always_there(tmp_path):
    page = statement(tmp_path, BASE)
    assert 'href="https://formulaire.defenseurdesdroits.fr/"' in page
    assert 'href="https://www.defenseurdesdroits.fr/saisir/delegues"' in page
    assert "Défenseur des droits<br>Libre réponse 71120<br>75342 Paris CEDEX 07" in page


def test_the_officer_s_findings_are_listed(tmp_path):
    html = statement(tmp_path, BASE.replace("accessibility:\n  status: partiellement conforme\n", FULL))
    page = text(html)
    # Typed with straight apostrophes, printed with French ones
    assert "Un audit de conformité a été réalisé le 12 mars 2026 par Cabinet Access’Vallon." in page
    assert "72,5 % des critères du RGAA version 4.1 sont respectés." in page
    assert "Le plan de la page Venir n’est pas utilisable au clavier." in page
    assert "Vidéos des webinaires passés : Sous-titrage hors de portée du budget annuel." in page
    assert "Offres importées de France Travail." in page
    assert "Colour Contrast Analyser" in page and "NVDA 2024.4 et Firefox 128" in page and "Chromium" not in page
    assert "Cette déclaration a été établie le 12 mars 2026." in page
    assert "Plan d’action 2026 : Sous-titrer les témoignages vidéo." in page
    assert 'href="https://testville.example.fr/schema-pluriannuel.pdf"' in html
    assert 'href="https://testville.example.fr/signaler/"' in html
    assert '<a href="https://testville.example.fr/">Accueil</a>' in html and "<li>Offre d’infirmier</li>" in html
    assert "Campagne :" not in page  # the officer's sample replaces the default one


def test_english_site_gets_english_headings(tmp_path):
    page = statement(tmp_path, BASE.replace("language: fr", "language: en"), "accessibility/")
    assert [h for _, h in headings(page) if h in ENGLISH_HEADINGS] == ENGLISH_HEADINGS
    assert "Défenseur des droits" in page and "État de conformité" not in page


@pytest.mark.parametrize("block, expected", [
    ("  derogations:\n    - {content: Vidéos}\n", "reason"),
    ("  plan_url: http://testville.example.fr/plan.pdf\n", "https://"),
    ("  tools: axe-core\n", "liste"),
    ("  rate: 120\n", "100"),
    ("  audits: 2026-03-12\n", "champ inconnu"),
])
def test_wrong_values_are_refused_in_french(tmp_path, block, expected):
    make_project(tmp_path, **{"site_config.yml": BASE.replace("  status: partiellement conforme\n",
                                                              "  status: partiellement conforme\n" + block)})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    problems = [str(p) for p in err.value.problems]
    assert len(problems) == 1 and problems[0].startswith("site_config.yml:"), problems
    assert expected in problems[0], problems
