"""A minimal valid project written from strings, for tests that break one thing at a time."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

FILES = {
    "site_config.yml": """\
site:
  name: "Vivre à Testville"
  url: https://vivre.example.fr
  language: fr
  timezone: Europe/Paris
  description: "Site de test"
  colors: {primary: "#1d4e89", accent: "#f29100"}
  sectors:
    sante: Santé
    btp: Bâtiment
publisher:
  name: "Agence de test"
  address: "1 place de la Mairie, 41000 Blois"
  director: "Jeanne Martin"
  email: contact@example.fr
  host: {name: "Hébergeur", address: "2 rue du Serveur, 75000 Paris"}
privacy:
  controller: "Département de test"
  purpose: "répondre à votre demande"
  retention: "3 ans après le dernier contact"
  contact: dpo@example.fr
accessibility:
  status: partiellement conforme
""",
    "content/territory.yml": """\
name: Testville
tagline: "À 1 h 30 de Paris"
hero: {image: hero.jpg, alt: "Un paysage"}
contacts:
  - {name: "Inès", role: "Accueil", email: accueil@example.fr, phone: "+33 2 54 00 00 00"}
""",
    "content/jobs/infirmier.yml": """\
title: Infirmier·e
employer: {name: Centre hospitalier}
sector: sante
contract: cdi
location: {city: Blois, postal_code: "41000"}
salary: {min: 2200, max: 2800, period: month}
posted: 2026-10-01
valid_through: 2027-06-30
description: "Rejoignez **notre équipe**."
apply: {url: https://recrutement.example.fr/infirmier}
""",
    "content/events/job-dating.yml": """\
title: Job dating santé
kind: job_dating
start: 2027-04-08T09:00
end: 2027-04-08T17:00
place: {name: Salle des fêtes, address: "1 rue de Paris", postal_code: "75005", city: Paris}
description: "Venez nous rencontrer."
registration:
  provider: helloasso
  url: https://www.helloasso.example.org/job-dating
  deadline: 2027-04-05
""",
    "content/events/webinaire.yml": """\
title: Webinaire passé
kind: webinar
start: 2026-09-10T12:30
end: 2026-09-10T13:30
online: {platform: zoom}
replay: {url: https://replay.example.fr/webinaire}
""",
    "content/testimonials/claire.yml": """\
name: Claire
quote: "Je ne regrette rien."
consent: 2026-01-10
""",
    "content/campaigns/soignants.yml": """\
title: "Soignants : votre avenir"
slogan: "À 1 h 30 de votre avenir"
hero: {image: hero.jpg, alt: "Un paysage"}
show:
  jobs: {sector: sante}
  events: [job-dating]
  testimonials: [claire]
call_to_action: {label: "Je m'inscris", event: job-dating}
placements:
  - {code: bastille, medium: affiche, label: "Affiche Bastille", size: A3}
""",
    "content/pages/faq.md": """\
---
title: Questions fréquentes
---
## Comment venir ?

En train.
""",
}


def make_project(root: Path, **overrides: str | None) -> Path:
    """Write the project; ``overrides`` maps a relative path (with / or __) to new text, None deletes."""
    files = dict(FILES)
    for key, text in overrides.items():
        files[key.replace("__", "/")] = text
    for rel, text in files.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "content" / "media").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 36), (40, 90, 140)).save(root / "content" / "media" / "hero.jpg")
    return root
