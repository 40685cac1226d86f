"""The engine's floor: a plain MkDocs + Material project as big as a Territoire site.

    python bench/floor.py PROJECT DEST [--today 2026-11-23] [--build]

From a Territoire project (made by ``bench/synthetic.py``), writes ``DEST/mkdocs.yml`` and
``DEST/docs/``: one pre-written Markdown page per published offer, and as many other pages as
the Territoire site has (home, the indexes of offers, events and testimonials, one page per
event, testimonial, campaign and free page, contact and the three legal pages), with roughly
the same text (the offer index lists every offer, as Territoire's does). Same MkDocs settings as
Territoire's engine (``generator/engine/config.py``): theme material with ``font: false``,
a nav of a handful of pages, the other pages out of the nav, no plugins (no search), no
Markdown extensions. What it does not have: the Territoire plugin, templates and views.
Building it (``mkdocs build``) is what MkDocs + Material cost alone for that many pages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

REFERENCE_DATE = date(2026, 11, 23)
CONTRACTS = {"cdi": "CDI", "cdd": "CDD", "saisonnier": "Saisonnier", "interim": "Intérim", "alternance": "Alternance",
             "stage": "Stage", "liberal": "Installation en libéral", "reprise": "Reprise d’entreprise"}
PERIODS = {"hour": "de l’heure", "month": "par mois", "year": "par an"}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(path: Path) -> dict:
    return yaml.load(path.read_text("utf-8"), Loader=_Loader)


def _items(project: Path, folder: str) -> list[tuple[str, dict]]:
    base = project / "content" / folder
    return [(p.stem, _load(p)) for p in sorted(base.glob("*.yml"))] if base.is_dir() else []


def _front(title: str) -> str:
    return f"---\ntitle: {_quote(title)}\nhide:\n  - navigation\n  - toc\n---\n\n"


def _quote(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _salary(s: dict | None) -> str:
    if not s:
        return "Salaire selon profil"
    lo, hi = s.get("min"), s.get("max")
    amount = f"{lo} à {hi} €" if lo and hi else f"{lo or hi} €"
    return f"{amount} {PERIODS.get(s.get('period', 'month'), '')}"


def _where(job: dict) -> str:
    loc = job.get("location") or {}
    return "Télétravail" if loc.get("remote") else f"{loc.get('city')} ({loc.get('postal_code', '')})"


def write_floor(project: Path, dest: Path, today: date = REFERENCE_DATE) -> dict:
    """Write the floor project for ``project`` into ``dest`` (replaced). Returns page counts."""
    project, dest = Path(project), Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    config = _load(project / "site_config.yml")
    territory = _load(project / "content" / "territory.yml")
    site = config["site"]
    jobs = [(slug, job) for slug, job in _items(project, "jobs")
            if not (job.get("valid_through") and job["valid_through"] < today)]
    jobs.sort(key=lambda item: (item[1]["posted"], item[0]), reverse=True)
    events = _items(project, "events")
    testimonials = _items(project, "testimonials")
    campaigns = _items(project, "campaigns")
    pages = sorted((project / "content" / "pages").glob("*.md")) if (project / "content" / "pages").is_dir() else []
    written: dict[str, str] = {}

    def job_line(slug: str, job: dict, prefix: str) -> str:
        return (f"- [{job['title']}]({prefix}offres/{slug}.md) — {job['employer']['name']}, {_where(job)}, "
                f"{CONTRACTS.get(job['contract'], job['contract'])}")

    # One page per published offer.
    for slug, job in jobs:
        apply = job.get("apply") or {}
        link = apply.get("url") or f"mailto:{apply.get('email')}"
        employer = job["employer"]
        text = [
            f"# {job['title']}",
            f"**{employer['name']}** · {_where(job)} · {CONTRACTS.get(job['contract'], job['contract'])} · {_salary(job.get('salary'))}",
            f"Publiée le {job['posted']}" + (f", à pourvoir jusqu’au {job['valid_through']}." if job.get("valid_through") else "."),
            job["description"].strip(),
            "## Postuler",
            f"[Postuler auprès de {employer['name']}]({link})" + (f" · [Site de l’employeur]({employer['url']})" if employer.get("url") else ""),
        ]
        written[f"offres/{slug}.md"] = _front(f"{job['title']} – {employer['name']}") + "\n\n".join(text) + "\n"

    # The other pages of a Territoire site.
    newest = "\n".join(job_line(s, j, "") for s, j in jobs[:6])
    summary = territory.get("summary", "")
    living = "\n\n".join(f"## {s['title']}\n\n{s['body'].strip()}" for s in territory.get("living", []))
    written["index.md"] = _front(territory["name"]) + f"# {territory['name']}\n\n{territory.get('tagline', '')}\n\n{summary}\n\n{living}\n\n## Dernières offres\n\n{newest}\n\n[Toutes les offres](offres/index.md)\n"
    written["offres/index.md"] = _front("Offres d’emploi") + f"# Offres d’emploi\n\n{len(jobs)} offres.\n\n" + "\n".join(job_line(s, j, "../") for s, j in jobs) + "\n"
    written["agenda/index.md"] = _front("Agenda") + "# Agenda\n\n" + "\n".join(
        f"- [{e['title']}]({slug}.md) — {e['start']}" for slug, e in events) + "\n"
    for slug, e in events:
        place = e.get("place") or {}
        where = f"{place.get('name')}, {place.get('address', '')} {place.get('postal_code', '')} {place.get('city')}" if place else f"En ligne ({e.get('online', {}).get('platform')})"
        reg = e.get("registration") or {}
        text = [f"# {e['title']}", f"Du {e['start']} au {e['end']} · {where}", (e.get("description") or "").strip()]
        if reg.get("url"):
            text.append(f"## Inscription\n\n[S’inscrire]({reg['url']}) avant le {reg.get('deadline')}")
        if e.get("replay"):
            text.append(f"[Voir le replay]({e['replay']['url']})")
        written[f"agenda/{slug}.md"] = _front(e["title"]) + "\n\n".join(text) + "\n"
    written["temoignages/index.md"] = _front("Témoignages") + "# Témoignages\n\n" + "\n".join(
        f"- [{t['name']}]({slug}.md) — « {t['quote']} »" for slug, t in testimonials) + "\n"
    for slug, t in testimonials:
        written[f"temoignages/{slug}.md"] = _front(f"{t['name']} – Témoignages") + (
            f"# {t['name']}\n\n{t.get('profession', '')}, arrivé·e de {t.get('from', '')} en {t.get('moved', '')}\n\n"
            f"> {t['quote']}\n\n{(t.get('story') or '').strip()}\n")
    for slug, c in campaigns:
        show = (c.get("show") or {}).get("jobs")
        if isinstance(show, list):
            shown = [(s, j) for s, j in jobs if s in set(show)]
        elif isinstance(show, dict):
            shown = [(s, j) for s, j in jobs if all(j.get(k) == v for k, v in show.items() if k in ("sector", "contract"))]
        else:
            shown = []
        written[f"{slug}.md"] = _front(c["title"]) + (
            f"# {c['title']}\n\n*{c.get('slogan', '')}*\n\n{(c.get('intro') or '').strip()}\n\n## Les offres\n\n"
            + "\n".join(job_line(s, j, "") for s, j in shown) + "\n")
    contacts = "\n\n".join(f"**{p['name']}** — {p.get('role', '')}  \n{p.get('email', '')} · {p.get('phone', '')}"
                           for p in territory.get("contacts", []))
    written["contact/index.md"] = _front("Contact") + f"# Contact\n\n{contacts}\n"
    pub = config["publisher"]
    written["mentions-legales/index.md"] = _front("Mentions légales") + (
        f"# Mentions légales\n\nÉditeur : {pub['name']}, {pub['address']}.\n\nDirecteur de la publication : {pub['director']}.\n\n"
        f"Contact : {pub['email']}, {pub.get('phone', '')}.\n\nHébergeur : {pub['host']['name']}, {pub['host']['address']}.\n")
    privacy = config.get("privacy") or {}
    written["donnees-personnelles/index.md"] = _front("Données personnelles") + (
        f"# Données personnelles\n\nResponsable du traitement : {privacy.get('controller', pub['name'])}.\n\n"
        f"Finalité : {privacy.get('purpose', '')}\n\nDurée de conservation : {privacy.get('retention', '')}.\n\n"
        f"Pour exercer vos droits : {privacy.get('contact', pub['email'])}.\n")
    acc = config.get("accessibility") or {}
    written["accessibilite/index.md"] = _front("Accessibilité") + (
        f"# Déclaration d’accessibilité\n\n{pub['name']} s’engage à rendre son site accessible.\n\n"
        f"État de conformité : {acc.get('status', 'non conforme')} (audit du {acc.get('audit_date', '')}).\n")
    for path in pages:
        written[f"{path.stem}.md"] = path.read_text("utf-8")

    for rel, text in written.items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    mkdocs = {
        "site_name": site["name"],
        "site_url": site["url"].rstrip("/") + "/",
        "site_description": site.get("description", ""),
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": site.get("language", "fr"), "font": False,
                  "features": ["navigation.tabs", "navigation.tabs.sticky"], "icon": {"logo": "material/home-city"}},
        "nav": [{"Accueil": "index.md"}, {"Offres": "offres/index.md"}, {"Agenda": "agenda/index.md"},
                {"Témoignages": "temoignages/index.md"}, {"Contact": "contact/index.md"}],
        "plugins": [],
        "markdown_extensions": [],
        "extra": {"generator": False},
        "validation": {"nav": {"omitted_files": "ignore", "not_found": "warn"},
                       "links": {"not_found": "ignore", "anchors": "ignore", "unrecognized_links": "ignore"}},
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(mkdocs, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {"pages": len(written), "job_pages": len(jobs), "other_pages": len(written) - len(jobs)}


def build_command(dest: Path) -> list[str]:
    """The measured command: ``mkdocs build`` of the floor project, quiet, output replaced."""
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "--config-file", str(Path(dest) / "mkdocs.yml")]


def build_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write (and build) the MkDocs + Material floor of a Territoire project.")
    parser.add_argument("project", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--today", type=date.fromisoformat, default=REFERENCE_DATE)
    parser.add_argument("--build", action="store_true", help="then run mkdocs build")
    args = parser.parse_args(argv)
    counts = write_floor(args.project, args.dest, args.today)
    print(f"{counts['pages']} pages ({counts['job_pages']} offres) → {args.dest}")
    if args.build:
        return subprocess.call(build_command(args.dest), env=build_env())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
