"""Hostile links: a QR code, a redirect destination, an address or a setting written to break out
of where it is printed. Each is refused with a French message naming the file and the line
(``check`` and ``build`` exit 1, no traceback, the previous site untouched), or rendered inert;
the host rules are written by one checking writer per syntax, and served by real Apache and nginx."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.content.errors import ContentError
from generator.content.project import load_project
from generator.codes.redirects import UnsafeRule, apache_rules, netlify_rules, nginx_rules, short_link_page, write_short_links
from generator.site.short_links import ShortLink

from hostile_support import TODAY, project, refused, replace_in, write  # noqa: F401  (project: a fixture)
from project_factory import FILES, make_project
from web_servers import apache, get, needs_apache, needs_nginx, nginx

CONFIG = FILES["site_config.yml"]
JOB = FILES["content/jobs/infirmier.yml"]
CAMPAIGN = FILES["content/campaigns/soignants.yml"]
NO_PLACEMENT = CAMPAIGN.split("placements:")[0]


def registered(code: str = "bastille", retired: str | None = None) -> str:
    text = f'{code}:\n  campaign: soignants\n  medium: affiche\n  label: "Affiche"\n  published: 2026-10-01\n'
    return text + (f"  retired: {retired}\n" if retired is not None else "")


# --- 1. codes of qr-codes.yml: a slug, nothing else --------------------------------------------------

@pytest.mark.parametrize("code", ["../../../evil", "..", "/etc/cron.d/x", "'a b'", "Bastille", "q/x", "'x\\u0000'", "2026", "'-x'"])
def test_a_registered_code_that_is_not_a_slug(project, capsys, code):
    write(project, "content/campaigns/soignants.yml", NO_PLACEMENT)
    write(project, "qr-codes.yml", registered("bastille", "/") + registered(code, "/"))
    lines = refused(capsys, project)
    assert any(line.startswith("qr-codes.yml:7: ") and "invalide dans qr-codes.yml" in line for line in lines), lines
    assert not (project / "evil").exists() and not (project.parent / "evil").exists()


def test_registry_code_error_names_the_code_and_a_fix(tmp_path):
    make_project(tmp_path, **{"qr-codes.yml": registered("../Affiche Métro", "/"), "content/campaigns/soignants.yml": NO_PLACEMENT})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    [problem] = err.value.problems
    assert str(problem) == ("qr-codes.yml:1: code « ../Affiche Métro » invalide dans qr-codes.yml : un code est "
                            "l'adresse /q/<code>/ du site ; utilisez des minuscules sans accent, des chiffres et des "
                            "tirets, par exemple « affiche-metro »")


def test_a_short_link_page_is_never_written_outside_the_site(tmp_path):
    """Second line of defence: the writer itself refuses a path that is not made of slugs."""
    link = ShortLink(code="..", campaign="c", medium="affiche", source="qr", label="x", size=None,
                     path="q/../../", url="https://vivre.example.fr/q/../../", target="https://vivre.example.fr/")
    site = type("S", (), {})()
    site.content = load_project(make_project(tmp_path / "p"))
    site.pages = []
    out = tmp_path / "out" / "site"
    out.mkdir(parents=True)
    with pytest.raises(UnsafeRule):
        write_short_links(site, [link], out)
    assert not any(p.name == "index.html" for p in tmp_path.rglob("*"))


# --- 2. retired destinations, host rules and the /q/<code>/ page -------------------------------------

HOSTILE_DESTINATIONS = [
    '"https://evil.example/ 301!\\n/* https://evil.example/"',        # a Netlify rule of its own
    '"https://evil.example/a;} location / { return 301 https://evil.example/"',  # nginx
    '"https://evil.example/\\nRedirectMatch 301 ^/ https://evil.example/"',     # Apache
    "https://evil.example/a$host",                                    # an nginx variable
    "https://evil.example/a{b}",
    "'https://evil.example/\"</script><script>alert(1)</script>'",    # the /q/<code>/ page
    "'https://evil.example/a b'",
    "javascript:alert(1)",
    "'../../../etc'",
    "/etc/cron.d",
    "https://user:motdepasse@evil.example/",
    "https://evil.example/!",
    "https://evil.example/*",
]


@pytest.mark.parametrize("destination", HOSTILE_DESTINATIONS)
def test_a_hostile_retired_destination_is_refused(project, capsys, destination):
    write(project, "content/campaigns/soignants.yml", NO_PLACEMENT)
    write(project, "qr-codes.yml", registered("bastille", destination))
    lines = refused(capsys, project)
    assert any(line.startswith("qr-codes.yml:6: bastille.retired: ") for line in lines), lines


def test_retired_destination_message(tmp_path):
    make_project(tmp_path, **{"qr-codes.yml": registered("bastille", "https://evil.example/a;b"),
                              "content/campaigns/soignants.yml": NO_PLACEMENT})
    with pytest.raises(ContentError) as err:
        load_project(tmp_path)
    [problem] = err.value.problems
    assert str(problem).startswith("qr-codes.yml:6: bastille.retired: adresse « https://evil.example/a;b » refusée pour "
                                   "un code retiré : elle contient « ; »")


def _link(target: str, code: str = "bastille") -> ShortLink:
    return ShortLink(code=code, campaign="soignants", medium="affiche", source="qr", label="x", size=None,
                     path=f"q/{code}/", url=f"https://vivre.example.fr/q/{code}/", target=target, retired=True)


@pytest.mark.parametrize("target", [
    "https://evil.example/ 301!\n/* https://evil.example/", "https://evil.example/a;return 302 https://x.example/",
    "https://evil.example/$host", 'https://evil.example/"', "https://evil.example/{}", "javascript:alert(1)",
    "https://evil.example/#x", "https://evil.example/\r\nLocation: x",
])
def test_each_rule_writer_refuses_what_its_syntax_would_read(target):
    """Whatever reaches the writers (a model bypassed, a bug), no rule says something else."""
    for write_rules in (netlify_rules, nginx_rules, lambda links: apache_rules(links, "/")):
        with pytest.raises(UnsafeRule):
            write_rules([_link(target)])
    with pytest.raises(UnsafeRule):
        short_link_page(_link(target), "https://vivre.example.fr/", "fr", "Vivre")
    with pytest.raises(UnsafeRule):
        netlify_rules([_link("/", code="a b")])
    with pytest.raises(UnsafeRule):
        nginx_rules([], gone=["/offres/x; return 302 https://evil.example/;"])


def test_rule_writers_write_what_they_always_wrote():
    link = _link("https://partenaire.example.org/relais?utm_source=qr&utm_content=bastille")
    assert netlify_rules([link]).splitlines()[1] == "/q/bastille https://partenaire.example.org/relais?utm_source=qr&utm_content=bastille 302!"
    assert "RedirectMatch 302 ^/q/bastille/?$ https://partenaire.example.org/relais?utm_source=qr&utm_content=bastille" in apache_rules([link], "/")
    assert "location = /q/bastille/ { return 302 https://partenaire.example.org/relais?utm_source=qr&utm_content=bastille; }" in nginx_rules([link])
    assert nginx_rules([], gone=["/offres/x/"]).splitlines()[-1] == "location = /offres/x/ { error_page 410 /offres/x/410.html; return 410; }"


def test_the_redirect_page_of_a_retired_code_runs_no_injected_script(tmp_path):
    """A valid destination elsewhere: the page redirects there, and holds its one script only."""
    to = "https://partenaire.example.org/relais?ref=affiche"
    make_project(tmp_path, **{"qr-codes.yml": registered("bastille", to), "content/campaigns/soignants.yml": NO_PLACEMENT})
    assert main(["build", "--project", str(tmp_path), "--today", TODAY]) == 0
    page = (tmp_path / "site/q/bastille/index.html").read_text()
    assert page.count("<script") == 1
    assert 'location.replace("https://partenaire.example.org/relais?ref=affiche&utm_source=qr&utm_medium=affiche' in page


# --- real servers: the rules of a project where hostile values were attempted -----------------------

@pytest.fixture
def attempted(tmp_path, capsys) -> Path:
    """A site with two retired codes (home page, another site), then every hostile destination
    and code attempted on it: each refused, the site as it was."""
    root = make_project(tmp_path / "projet", **{
        "content/campaigns/soignants.yml": NO_PLACEMENT,
        "qr-codes.yml": registered("bastille", "/") + registered("relais", "https://partenaire.example.org/relais"),
    })
    assert main(["build", "--project", str(root), "--today", TODAY]) == 0
    capsys.readouterr()
    good = (root / "qr-codes.yml").read_text()
    for destination in HOSTILE_DESTINATIONS[:4]:
        write(root, "qr-codes.yml", good + registered("intrus", destination))
        refused(capsys, root)
    write(root, "qr-codes.yml", good + registered("'../../../intrus'", "/"))
    refused(capsys, root)
    write(root, "qr-codes.yml", good)
    return root


def _check_answers(port: int) -> None:
    def answer(path: str) -> tuple[int, str | None]:
        return get(f"http://127.0.0.1:{port}{path}")[:2]

    assert answer("/") == (200, None)  # never redirected to another host
    assert answer("/soignants/") == (200, None)
    assert answer("/offres/")[0] == 200
    status, location = answer("/q/bastille/")
    assert status == 302 and location.endswith("/?utm_source=qr&utm_medium=affiche&utm_campaign=soignants&utm_content=bastille")
    status, location = answer("/q/relais")
    assert status == 302 and location.startswith("https://partenaire.example.org/relais?utm_source=qr")
    assert answer("/q/intrus/")[0] == 404


@needs_nginx
def test_nginx_accepts_the_rules_and_only_redirects_short_links(attempted):
    with nginx(attempted / "site", attempted / "site.nginx.conf", attempted / "nginx") as port:
        _check_answers(port)


@needs_apache
def test_apache_accepts_the_rules_and_only_redirects_short_links(attempted):
    with apache(attempted / "site", attempted / "apache") as port:
        _check_answers(port)  # .htaccess is read at each request: a broken one would answer 500


def test_netlify_rules_have_only_short_links_and_no_splat(attempted):
    lines = [line for line in (attempted / "site/_redirects").read_text().splitlines() if not line.startswith("#")]
    assert lines and all(line.startswith("/q/") and len(line.split()) == 3 for line in lines)
    assert not any("*" in line or "evil" in line for line in lines)


# --- 3. addresses: the site's own, and every other one -----------------------------------------------

SITE_URLS = [
    ('https://vivre.example.fr/"><script>alert(1)</script>', "caractère « \" »"),
    ("https://vivre.example.fr/</loc><url><loc>https://evil.example/", "caractère « < »"),
    ("'https://vivre.example.fr/a b'", "caractère U+0020"),
    ('"https://vivre.example.fr/\\nRedirectMatch 301 ^/ https://evil.example/"', None),
    ("https://admin:secret@vivre.example.fr", "identifiant ou un mot de passe"),
    ("https://vivre.example.fr/?x=1", "sans « ? » ni « # »"),
    ("https://vivre.example.fr/#top", "sans « ? » ni « # »"),
    ("https://vivre.example.fr/a;b", "sans « ? » ni « # »"),
    ("javascript:alert(1)", "https://"),
    ("http://vivre.example.fr", "https://"),
    ("https://vivre.example.fr:99999/", "https://"),
    ("https://localhost/", "https://"),
]


@pytest.mark.parametrize("url, words", SITE_URLS)
def test_a_hostile_site_url_is_refused(project, capsys, url, words):
    write(project, "site_config.yml", CONFIG.replace("url: https://vivre.example.fr", f"url: {url}"))
    [line] = refused(capsys, project)
    assert line.startswith("site_config.yml:3: "), line
    if words:
        assert words in line, line


@pytest.mark.parametrize("rel, old, new", [
    ("content/jobs/infirmier.yml", "https://recrutement.example.fr/infirmier", "'https://recrutement.example.fr/\"onmouseover=\"alert(1)'"),
    ("content/jobs/infirmier.yml", "{name: Centre hospitalier}", "{name: Centre hospitalier, url: 'https://ch.example.fr/<script>'}"),
    ("content/events/webinaire.yml", "https://replay.example.fr/webinaire", "https://admin:pw@replay.example.fr/webinaire"),
    ("content/events/job-dating.yml", "https://www.helloasso.example.org/job-dating", "'https://www.helloasso.example.org/a\u200bb'"),
    ("content/campaigns/soignants.yml", "{label: \"Je m'inscris\", event: job-dating}", "{label: Go, url: 'javascript:alert(1)'}"),
    ("content/campaigns/soignants.yml", "{label: \"Je m'inscris\", event: job-dating}", "{label: Go, url: 'https://x.example.fr/`a`'}"),
    ("site_config.yml", "contact: dpo@example.fr", "contact: 'https://dpo.example.fr/\"x'"),
])
def test_every_address_field_has_the_same_check(project, capsys, rel, old, new):
    replace_in(project, rel, old, new)
    [line] = refused(capsys, project)
    assert line.startswith(f"{rel}:"), line
    assert "adresse" in line or "https://" in line, line


def test_analytics_server_address_is_checked(project, capsys):
    write(project, "site_config.yml", CONFIG + "analytics:\n  provider: plausible\n  url: 'https://stats.example.fr/\"><script>'\n")
    [line] = refused(capsys, project)
    assert line.startswith("site_config.yml:26: analytics.url: adresse « https://stats.example.fr/\"><script> » invalide"), line


def test_ordinary_addresses_still_pass(tmp_path):
    config = CONFIG.replace("https://vivre.example.fr", "https://agence.example.fr:8443/vivre-ici/2027")
    job = JOB.replace("https://recrutement.example.fr/infirmier", "https://recrutement.example.fr/offre?id=12&ref=site#postuler")
    make_project(tmp_path, **{"site_config.yml": config, "content/jobs/infirmier.yml": job,
                              "qr-codes.yml": registered("relais", "https://partenaire.example.org/a/b?c=d&e=f%20g")})
    content = load_project(tmp_path)
    assert content.config.site.base_url == "https://agence.example.fr:8443/vivre-ici/2027/"


# --- 4. settings printed by Material's own templates ------------------------------------------------

MARK = "<script>window.__hostile=1</script>"


def test_site_settings_are_escaped_everywhere(tmp_path):
    """The description, the name and titles reach Material's templates (which do not escape):
    nowhere in the site is the script left as markup."""
    config = (CONFIG.replace('description: "Site de test"', f"description: '\"><x>{MARK}'")
              .replace('name: "Vivre à Testville"', f"name: 'Vivre & Co \"{MARK}'", 1))
    page = FILES["content/pages/faq.md"].replace("title: Questions fréquentes", f"title: 'FAQ {MARK}'\ndescription: '\"{MARK}'")
    make_project(tmp_path, **{"site_config.yml": config, "content/pages/faq.md": page})
    assert main(["build", "--project", str(tmp_path), "--today", TODAY]) == 0
    site = tmp_path / "site"
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".txt", ""):  # JSON data holds text, not markup
            text = path.read_text("utf-8", errors="replace")
            assert MARK not in text, path
            assert "<x>" not in text, path
    not_found = (site / "404.html").read_text()
    assert '<meta name="description" content="&#34;&gt;&lt;x&gt;&lt;script&gt;' in not_found or \
           '<meta name="description" content="&quot;&gt;&lt;x&gt;&lt;script&gt;' in not_found
    assert "&amp;amp;" not in not_found  # escaped once, not twice where Material escapes too


@pytest.mark.browser
def test_no_injected_script_runs_in_chromium(tmp_path, browser):
    config = CONFIG.replace('description: "Site de test"', f"description: '\"><x>{MARK}'")
    make_project(tmp_path, **{"site_config.yml": config})
    assert main(["build", "--project", str(tmp_path), "--today", TODAY]) == 0
    page = browser.new_page()  # the session's one Chromium (two Playwright instances cannot run at once)
    try:
        for name in ("404.html", "index.html", "faq/index.html"):
            page.goto((tmp_path / "site" / name).as_uri())
            assert page.evaluate("window.__hostile") is None, name
    finally:
        page.close()


# --- 5. e-mail addresses: plain addresses only ------------------------------------------------------

@pytest.mark.parametrize("rel, old, new", [
    ("content/jobs/infirmier.yml", "apply: {url: https://recrutement.example.fr/infirmier}",
     "apply: {email: 'rh@example.fr?cc=espion@evil.example&body=Bonjour'}"),
    ("content/jobs/infirmier.yml", "apply: {url: https://recrutement.example.fr/infirmier}",
     "apply: {email: 'rh@example.fr&bcc=espion@evil.example'}"),
    ("content/jobs/infirmier.yml", "apply: {url: https://recrutement.example.fr/infirmier}",
     "apply: {email: '\"rh\"@example.fr'}"),
    ("content/campaigns/soignants.yml", "{label: \"Je m'inscris\", event: job-dating}",
     "{label: Écrire, url: 'mailto:rh@example.fr?cc=espion@evil.example'}"),
    ("site_config.yml", "email: contact@example.fr", "email: 'contact@example.fr?subject=x'"),
    ("content/territory.yml", "email: accueil@example.fr", "email: 'accueil@example.fr%0Acc:x@evil.example'"),
])
def test_an_email_address_is_a_plain_address(project, capsys, rel, old, new):
    replace_in(project, rel, old, new)
    [line] = refused(capsys, project)
    assert line.startswith(f"{rel}:"), line
    assert "e-mail" in line, line


def test_plain_addresses_still_pass(tmp_path):
    job = JOB.replace("apply: {url: https://recrutement.example.fr/infirmier}", "apply: {email: jeanne.martin+rh@ch-blois.example.fr}")
    make_project(tmp_path, **{"content/jobs/infirmier.yml": job})
    assert load_project(tmp_path).jobs["infirmier"].apply.email == "jeanne.martin+rh@ch-blois.example.fr"
