"""Every mistake an officer can make gets a message naming the file, the line, the field and the fix."""

from __future__ import annotations

import re

import pytest

from generator.content.errors import ContentError
from generator.content.project import load_project

from project_factory import FILES, make_project


def problems(tmp_path, **overrides) -> list[str]:
    make_project(tmp_path, **overrides)
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    return [str(p) for p in err.value.problems]


def one(tmp_path, **overrides) -> str:
    found = problems(tmp_path, **overrides)
    assert len(found) == 1, found
    return found[0]


def test_valid_project_loads(tmp_path):
    content = load_project(make_project(tmp_path))
    assert set(content.jobs) == {"infirmier"}
    assert set(content.events) == {"job-dating", "webinaire"}
    assert content.pages["faq"].meta.title == "Questions fréquentes"


def test_empty_file(tmp_path):
    assert one(tmp_path, content__jobs__vide_yml=None, **{"content/jobs/vide.yml": "\n# rien\n"}) == (
        "content/jobs/vide.yml:1: le fichier est vide ; remplissez-le ou supprimez-le")


def test_not_utf8(tmp_path):
    make_project(tmp_path)
    (tmp_path / "content/jobs/latin.yml").write_bytes("title: Infirmière\nsector: santé\n".encode("latin-1"))
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    assert [str(p) for p in err.value.problems] == [
        "content/jobs/latin.yml:1: le fichier n'est pas encodé en UTF-8 ; enregistrez-le en « UTF-8 » depuis votre éditeur"]


def test_invalid_yaml_names_the_line(tmp_path):
    text = FILES["content/events/webinaire.yml"].replace("online: {platform: zoom}", "online: {platform: zoom")
    message = one(tmp_path, **{"content/events/webinaire.yml": text})
    assert message == ("content/events/webinaire.yml:6: le fichier ne peut pas être lu : une liste entre [ ] ou un groupe "
                       "entre { } est mal fermé ; séparez les éléments par des virgules et refermez-le sur la même ligne")


@pytest.mark.parametrize("text, line, explanation", [
    ("title: Job dating\n\tkind: job_dating\n", 2, "une tabulation sert d'indentation"),
    ("title: Job dating : santé: à Paris\n", 1, "mettez le texte entre guillemets"),
    ('title: "Job dating\nkind: job_dating\n', 1, "guillemet ou un crochet ouvert n'est jamais refermé"),
    ("title: Job dating\n  kind: job_dating\n", 2, "mettez le texte entre guillemets"),
    ("title: *santé\n", 1, "« * » ou un « & »"),
    ("title: @agence\n", 1, "ne peut pas commencer par « @ »"),
    ('title: "C:\\dossier"\n', 1, "barre oblique inverse"),
    ("title: a\n---\ntitle: b\n", 2, "plusieurs documents"),
])
def test_yaml_errors_are_explained_in_french(tmp_path, text, line, explanation):
    """PyYAML's English ("did not find expected key") never reaches an officer: a French explanation does."""
    message = one(tmp_path, **{"content/events/webinaire.yml": text})
    assert message.startswith(f"content/events/webinaire.yml:{line}: le fichier ne peut pas être lu : "), message
    assert explanation in message
    assert not re.search(r"\b(found|expected|while|scanning|character)\b", message), message


def test_duplicate_key(tmp_path):
    text = FILES["content/testimonials/claire.yml"] + "name: Claire B.\n"
    assert one(tmp_path, **{"content/testimonials/claire.yml": text}) == (
        "content/testimonials/claire.yml:4: name: ce champ est déjà écrit à la ligne 1 ; gardez une seule des deux lignes")


def test_misspelt_field_did_you_mean(tmp_path):
    text = FILES["content/jobs/infirmier.yml"].replace("valid_through:", "valid_trough:")
    assert one(tmp_path, **{"content/jobs/infirmier.yml": text}) == (
        "content/jobs/infirmier.yml:8: valid_trough: champ inconnu « valid_trough » : vouliez-vous dire « valid_through » ?")


def test_missing_required_field(tmp_path):
    text = FILES["content/jobs/infirmier.yml"].replace("contract: cdi\n", "")
    assert one(tmp_path, **{"content/jobs/infirmier.yml": text}) == (
        "content/jobs/infirmier.yml:1: contract: champ obligatoire manquant ; ajoutez « contract: … »")


def test_wrong_choice_did_you_mean(tmp_path):
    text = FILES["content/jobs/infirmier.yml"].replace("contract: cdi", "contract: CDI")
    message = one(tmp_path, **{"content/jobs/infirmier.yml": text})
    assert message.startswith("content/jobs/infirmier.yml:4: contract: « CDI » n'est pas une valeur possible")
    assert "vouliez-vous dire « cdi »" in message


def test_https_only(tmp_path):
    text = FILES["content/jobs/infirmier.yml"].replace("https://recrutement", "http://recrutement")
    message = one(tmp_path, **{"content/jobs/infirmier.yml": text})
    assert message.startswith("content/jobs/infirmier.yml:10: apply.url: adresse « http://recrutement.example.fr/infirmier » invalide")
    assert "https://" in message


def test_mailto_allowed_for_call_to_action(tmp_path):
    text = FILES["content/campaigns/soignants.yml"].replace("event: job-dating}", "url: \"mailto:accueil@example.fr\"}")
    make_project(tmp_path, **{"content/campaigns/soignants.yml": text})
    load_project(tmp_path)


def test_javascript_url_rejected(tmp_path):
    text = FILES["content/campaigns/soignants.yml"].replace("event: job-dating}", "url: \"javascript:alert(1)\"}")
    message = one(tmp_path, **{"content/campaigns/soignants.yml": text})
    assert message.startswith("content/campaigns/soignants.yml:8: call_to_action.url:")


def test_end_before_start(tmp_path):
    text = FILES["content/events/job-dating.yml"].replace("end: 2027-04-08T17:00", "end: 2027-04-08T08:00")
    assert one(tmp_path, **{"content/events/job-dating.yml": text}) == (
        "content/events/job-dating.yml:4: end: la fin (2027-04-08 08:00:00) doit être après le début (2027-04-08 09:00:00)")


def test_impossible_date(tmp_path):
    text = FILES["content/jobs/infirmier.yml"].replace("posted: 2026-10-01", "posted: 2026-13-01")
    assert one(tmp_path, **{"content/jobs/infirmier.yml": text}) == (
        "content/jobs/infirmier.yml:7: posted: date invalide « 2026-13-01 » ; écrivez-la AAAA-MM-JJ, par exemple 2027-04-08")


def test_postal_code_keeps_leading_zero(tmp_path):
    text = FILES["content/jobs/infirmier.yml"].replace('postal_code: "41000"', "postal_code: 05000")
    content = load_project(make_project(tmp_path, **{"content/jobs/infirmier.yml": text}))
    assert content.jobs["infirmier"].location.postal_code == "05000"


def test_unknown_event_in_campaign(tmp_path):
    text = FILES["content/campaigns/soignants.yml"].replace("events: [job-dating]", "events: [job-datting]")
    message = one(tmp_path, **{"content/campaigns/soignants.yml": text})
    assert message == ("content/campaigns/soignants.yml:6: show.events.0: Événement « job-datting » introuvable "
                       "(aucun fichier content/events/job-datting.yml) : vouliez-vous dire « job-dating » ?")


def test_unknown_testimonial_and_cta_event(tmp_path):
    text = (FILES["content/campaigns/soignants.yml"].replace("testimonials: [claire]", "testimonials: [claude]")
            .replace("event: job-dating}", "event: salon}"))
    found = problems(tmp_path, **{"content/campaigns/soignants.yml": text})
    assert [f.split(": ")[0:2] for f in found] == [
        ["content/campaigns/soignants.yml:7", "show.testimonials.0"],
        ["content/campaigns/soignants.yml:8", "call_to_action.event"],
    ]


def test_unknown_sector_did_you_mean(tmp_path):
    text = FILES["content/jobs/infirmier.yml"].replace("sector: sante", "sector: sant")
    assert one(tmp_path, **{"content/jobs/infirmier.yml": text}) == (
        "content/jobs/infirmier.yml:3: sector: secteur « sant » inconnu ; secteurs déclarés dans site_config.yml : "
        "sante, btp : vouliez-vous dire « sante » ?")


def test_missing_image(tmp_path):
    text = FILES["content/territory.yml"].replace("hero.jpg", "heros.jpg")
    message = one(tmp_path, **{"content/territory.yml": text})
    assert message.startswith("content/territory.yml:3: hero.image: image « heros.jpg » introuvable dans content/media/")
    assert "hero.jpg" in message  # suggests the close name


def test_image_outside_media_folder(tmp_path):
    text = FILES["content/territory.yml"].replace("hero.jpg", "../../site_config.yml")
    assert "content/territory.yml:3: hero.image:" in one(tmp_path, **{"content/territory.yml": text})


def test_photo_needs_alt_text(tmp_path):
    text = FILES["content/testimonials/claire.yml"] + "photo: hero.jpg\n"
    assert one(tmp_path, **{"content/testimonials/claire.yml": text}).startswith(
        "content/testimonials/claire.yml:4: photo: « photo_alt: » décrit la photo")


def test_testimonial_without_consent(tmp_path):
    text = FILES["content/testimonials/claire.yml"].replace("consent: 2026-01-10\n", "")
    message = one(tmp_path, **{"content/testimonials/claire.yml": text})
    assert message.startswith("content/testimonials/claire.yml:1: consent: date de consentement manquante")


def test_form_without_privacy_block(tmp_path):
    config = FILES["site_config.yml"].split("privacy:")[0] + "accessibility:\n  status: partiellement conforme\n"
    form = FILES["content/events/job-dating.yml"].replace(
        "  provider: helloasso\n  url: https://www.helloasso.example.org/job-dating\n",
        "  provider: form\n  action: https://forms.example.org/f/abc\n  fields: [name, email]\n")
    message = one(tmp_path, **{"site_config.yml": config, "content/events/job-dating.yml": form})
    assert message.startswith("content/events/job-dating.yml:7: registration: ce formulaire collecte des données personnelles")
    assert "privacy:" in message


def test_form_needs_action_and_fields(tmp_path):
    form = FILES["content/events/job-dating.yml"].replace("  provider: helloasso\n", "  provider: form\n")
    message = one(tmp_path, **{"content/events/job-dating.yml": form})
    assert message == ("content/events/job-dating.yml:7: registration: « url: » ne s'utilise pas avec provider: form ; "
                       "l'adresse d'envoi va dans « action: »")


@pytest.mark.parametrize("slug", ["offres", "agenda", "contact", "mentions-legales", "q", "media"])
def test_campaign_slug_reserved(tmp_path, slug):
    message = one(tmp_path, **{f"content/campaigns/{slug}.yml": "title: Campagne\n"})
    assert message.startswith(f"content/campaigns/{slug}.yml:1: l'adresse /{slug}/ est réservée par le site")


def test_page_and_campaign_collide(tmp_path):
    message = one(tmp_path, **{"content/pages/soignants.md": "---\ntitle: Soignants\n---\nTexte\n"})
    assert message == ("content/pages/soignants.md:1: l'adresse /soignants/ est déjà prise par "
                       "content/campaigns/soignants.yml ; renommez l'un des deux fichiers")


def test_duplicate_placement_code(tmp_path):
    other = "title: Autre\nplacements:\n  - {code: bastille, medium: flyer, label: Flyer}\n"
    message = one(tmp_path, **{"content/campaigns/autre.yml": other})
    assert message.startswith("content/campaigns/soignants.yml:10: placements.code: le code « bastille » est déjà utilisé par content/campaigns/autre.yml")


def test_bad_file_name(tmp_path):
    message = one(tmp_path, **{"content/jobs/Infirmière Blois.yml": FILES["content/jobs/infirmier.yml"]})
    assert message == ("content/jobs/Infirmière Blois.yml: nom de fichier « Infirmière Blois » invalide : utilisez des minuscules "
                       "sans accent, des chiffres et des tirets, par exemple « infirmiere-blois »")


def test_page_without_front_matter(tmp_path):
    assert one(tmp_path, **{"content/pages/faq.md": "# FAQ\n"}).startswith("content/pages/faq.md:1: la page doit commencer")


def test_page_front_matter_line_numbers(tmp_path):
    assert one(tmp_path, **{"content/pages/faq.md": "---\ntitle: FAQ\ntitre: FAQ\n---\nTexte\n"}).startswith(
        "content/pages/faq.md:3: titre: champ inconnu « titre » : vouliez-vous dire « title » ?")


def test_site_config_errors(tmp_path):
    config = FILES["site_config.yml"].replace("https://vivre.example.fr", "vivre.example.fr").replace('"#1d4e89"', "bleu")
    found = problems(tmp_path, **{"site_config.yml": config})
    assert [f.split(": ")[0:2] for f in found] == [["site_config.yml:3", "site.url"], ["site_config.yml:7", "site.colors.primary"]]


def test_missing_territory_file(tmp_path):
    assert one(tmp_path, **{"content/territory.yml": None}) == "content/territory.yml: fichier introuvable ; créez-le (voir docs/contenu.md)"


def test_every_error_in_one_run(tmp_path):
    found = problems(
        tmp_path,
        **{
            "content/jobs/infirmier.yml": FILES["content/jobs/infirmier.yml"].replace("contract: cdi", "contract: cdx"),
            "content/events/job-dating.yml": FILES["content/events/job-dating.yml"].replace("kind: job_dating", "kind: jobdating"),
            "content/testimonials/claire.yml": "name: Claire\n",
        },
    )
    assert {f.split(":")[0] for f in found} == {
        "content/jobs/infirmier.yml", "content/events/job-dating.yml", "content/testimonials/claire.yml"}
    assert len(found) >= 4  # claire misses both quote and consent


def test_messages_in_english(tmp_path):
    config = FILES["site_config.yml"].replace("language: fr", "language: en")
    text = FILES["content/jobs/infirmier.yml"].replace("valid_through:", "valid_trough:")
    assert one(tmp_path, **{"site_config.yml": config, "content/jobs/infirmier.yml": text}) == (
        "content/jobs/infirmier.yml:8: valid_trough: unknown field “valid_trough”: did you mean “valid_through”?")


def test_unsupported_image_format_is_refused(tmp_path):
    (tmp_path / "content/media").mkdir(parents=True)
    (tmp_path / "content/media/claire.heic").write_bytes(b"\x00\x00\x00\x18ftypheic")
    text = FILES["content/testimonials/claire.yml"] + "photo: claire.heic\nphoto_alt: Claire\n"
    assert one(tmp_path, **{"content/testimonials/claire.yml": text}).startswith(
        "content/testimonials/claire.yml:4: photo: « claire.heic » : format d'image non pris en charge")


def test_unknown_theme_names_its_line(tmp_path):
    config = FILES["site_config.yml"].replace("  timezone: Europe/Paris\n", "  timezone: Europe/Paris\n  theme: sombre\n")
    assert one(tmp_path, **{"site_config.yml": config}).startswith(
        "site_config.yml:6: site.theme: thème « sombre » introuvable dans themes/")


@pytest.mark.parametrize("inside,found", [
    ('<script>alert(1)</script>', "<script"),
    ('<rect width="10" height="10" onclick="alert(1)"/>', "onclick="),
    ('<image href="https://traceur.example.com/pixel.png" width="1" height="1"/>', 'href="https://'),
    ('<foreignObject><div>x</div></foreignObject>', "<foreignObject"),
])
def test_svg_that_would_run_or_call_another_site_is_refused(tmp_path, inside, found):
    (tmp_path / "content/media").mkdir(parents=True)
    (tmp_path / "content/media/logo.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{inside}</svg>')
    text = FILES["content/testimonials/claire.yml"] + "photo: logo.svg\nphoto_alt: Logo\n"
    message = one(tmp_path, **{"content/testimonials/claire.yml": text})
    assert message.startswith(f"content/testimonials/claire.yml:4: photo: le SVG « logo.svg » contient « {found}")
    assert "Exportez-le de nouveau en SVG simple" in message


def test_plain_svg_logo_is_accepted(tmp_path):
    make_project(tmp_path)
    (tmp_path / "content/media/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Logo</title>'
        '<path d="M0 0 L10 10" stroke="#123"/><text x="1" y="9" font-family="DejaVu Sans">Été</text></svg>')
    claire = tmp_path / "content/testimonials/claire.yml"
    claire.write_text(claire.read_text("utf-8") + "photo: logo.svg\nphoto_alt: Logo\n", "utf-8")
    load_project(tmp_path)
