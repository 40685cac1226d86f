"""From a poster to a registration, in Chromium: the short link lands on the campaign page with
its four utm_* values, and they reach the registration service (a link, or an on-page form
posting to a local HTTP endpoint). Without JavaScript the form still sends its fields."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from browser_support import StaticHandler
from generator.build import build
from project_factory import FILES, make_project

pytestmark = pytest.mark.browser
UTM = {"utm_source": "qr", "utm_medium": "affiche", "utm_campaign": "soignants", "utm_content": "bastille"}
FORM_EVENT = """\
title: Week-end découverte
kind: discovery_weekend
start: 2027-05-15
end: 2027-05-16
place: {name: Mairie, city: Blois}
registration:
  provider: form
  action: https://forms.example.org/f/abc
  fields: [name, email, phone, message]
"""


class Endpoint(StaticHandler):
    """The static site, plus the registration service's endpoint: POST /inscription records the form."""

    received: list[dict] = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        fields = parse_qs(self.rfile.read(length).decode(), keep_blank_values=True)
        type(self).received.append({k: v[0] for k, v in fields.items()})
        body = b"<!doctype html><title>Merci</title><p>Merci</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    campaign = FILES["content/campaigns/soignants.yml"].replace("events: [job-dating]", "events: [job-dating, weekend]")
    root = make_project(tmp_path_factory.mktemp("attribution"),
                       **{"content/events/weekend.yml": FORM_EVENT, "content/campaigns/soignants.yml": campaign})
    out = build(root, root / "site", today=None).out
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Endpoint, directory=str(out)))
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    # The form's external endpoint becomes this local one (the page is otherwise as built).
    page = out / "agenda/weekend/index.html"
    page.write_text(page.read_text().replace("https://forms.example.org/f/abc", f"{base}/inscription"))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield base
    httpd.shutdown()


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_short_link_lands_on_campaign_with_utm_and_carries_them_to_a_registration_link(browser, site):
    page = browser.new_page()
    page.goto(f"{site}/q/bastille/")
    page.wait_for_url("**/soignants/?*")
    assert urlsplit(page.url).path == "/soignants/" and query(page.url) == UTM
    page.click("a.territoire-cta >> nth=0")  # "Je m'inscris": the job dating's registration
    page.wait_for_url("**/agenda/job-dating/**")
    assert {k: v for k, v in query(page.url).items() if k.startswith("utm_")} == UTM
    href = page.get_attribute("a.territoire-register", "href")
    assert href.startswith("https://www.helloasso.example.org/job-dating?") and query(href) == UTM
    page.close()


def test_form_receives_utm_through_campaign_and_event_pages(browser, site):
    Endpoint.received.clear()
    page = browser.new_page()
    page.goto(f"{site}/q/bastille/")
    page.wait_for_url("**/soignants/?*")
    page.click("a[href*='agenda/weekend/']")
    page.wait_for_url("**/agenda/weekend/**")
    page.fill("input[name=name]", "Claire Martin")
    page.fill("input[name=email]", "claire@example.org")
    page.fill("input[name=phone]", "+33 6 00 00 00 00")
    page.fill("textarea[name=message]", "Nous venons à deux.")
    page.check("input[name=consent]")
    page.click("form.territoire-form button[type=submit]")
    page.wait_for_url(f"{site}/inscription")
    [sent] = Endpoint.received
    assert sent == {"name": "Claire Martin", "email": "claire@example.org", "phone": "+33 6 00 00 00 00",
                    "message": "Nous venons à deux.", "website": "", "consent": "yes", **UTM}
    page.close()


def test_form_works_without_javascript(browser, site):
    Endpoint.received.clear()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/agenda/weekend/")
    page.fill("input[name=name]", "Mehdi")
    page.fill("input[name=email]", "mehdi@example.org")
    page.check("input[name=consent]")
    page.click("form.territoire-form button[type=submit]")
    page.wait_for_url(f"{site}/inscription")
    [sent] = Endpoint.received
    assert sent == {"name": "Mehdi", "email": "mehdi@example.org", "phone": "", "message": "", "website": "", "consent": "yes"}
    context.close()


def test_form_refuses_to_send_without_consent(browser, site):
    Endpoint.received.clear()
    page = browser.new_page()
    page.goto(f"{site}/agenda/weekend/")
    page.fill("input[name=name]", "Mehdi")
    page.fill("input[name=email]", "mehdi@example.org")
    page.click("form.territoire-form button[type=submit]")
    page.wait_for_timeout(300)
    assert Endpoint.received == [] and urlsplit(page.url).path == "/agenda/weekend/"
    page.close()
