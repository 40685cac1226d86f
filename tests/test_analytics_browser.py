"""Audience measurement in Chromium: nothing of a campaign leaves before consent, the banner
works with a keyboard, the choice is kept and the footer link reopens the banner.

The analytics server is https://stats.example.fr/, answered by ``page.route``: matomo.js is a
stand-in tracker that, like Matomo's, reads ``_paq`` and sends the page address (the custom
URL if one was set, else the real one) and the referrer to matomo.php, which answers 204."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from browser_support import Server
from project_factory import FILES, make_project

pytestmark = pytest.mark.browser

STATS = "stats.example.fr"
CAMPAIGN = "?utm_source=qr&utm_medium=affiche&utm_campaign=soignants&utm_content=bastille&mtm_kwd=infirmiers"
CAMPAIGN_VALUES = ("utm_", "mtm_", "bastille", "affiche", "infirmiers")

FAKE_MATOMO = """
(function () {
  var config = {}, seen = window.__matomo = [];
  function run(command) {
    seen.push(command[0]);
    if (command[0] === "setTrackerUrl") { config.tracker = command[1]; }
    if (command[0] === "setSiteId") { config.site = command[1]; }
    if (command[0] === "setCustomUrl") { config.url = command[1]; }
    if (command[0] === "setReferrerUrl") { config.ref = command[1]; }
    if (command[0] === "trackPageView") {
      var ref = config.ref === undefined ? document.referrer : config.ref;
      fetch(config.tracker + "?idsite=" + config.site + "&rec=1&url=" + encodeURIComponent(config.url || location.href)
            + "&urlref=" + encodeURIComponent(ref), {mode: "no-cors", keepalive: true});
    }
  }
  var queued = window._paq || [];
  window._paq = {push: function () { for (var i = 0; i < arguments.length; i++) { run(arguments[i]); } }};
  queued.forEach(run);
})();
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from generator.build import build

    root = make_project(tmp_path_factory.mktemp("analytics"), **{
        "site_config.yml": FILES["site_config.yml"] + f'analytics:\n  provider: matomo\n  url: https://{STATS}/\n  site_id: "3"\n'})
    site = Server(build(root, root / "site", today=None).out)
    yield site.base
    site.close()


class Visitor:
    """One browser profile (its own localStorage) and every request it makes."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(**options)
        self.requests = []
        self.context.on("request", lambda r: self.requests.append(r))
        self.context.route(f"https://{STATS}/**", self._stats)
        self.page = self.context.new_page()

    @staticmethod
    def _stats(route):
        if urlsplit(route.request.url).path == "/matomo.js":
            route.fulfill(status=200, content_type="text/javascript", body=FAKE_MATOMO)
        else:
            route.fulfill(status=204)

    def hits(self) -> list[dict]:
        """The tracking requests: page address and referrer as the analytics server got them."""
        found = []
        for r in self.requests:
            parts = urlsplit(r.url)
            if parts.hostname == STATS and parts.path == "/matomo.php":
                query = parse_qs(parts.query)
                found.append({"url": query["url"][0], "urlref": query.get("urlref", [""])[0], "raw": r.url})
        return found

    def wait_hits(self, count: int) -> list[dict]:
        for _ in range(50):
            if len(self.hits()) >= count:
                break
            self.page.wait_for_timeout(100)
        return self.hits()

    def assert_no_campaign_sent(self):
        for r in self.requests:
            if urlsplit(r.url).hostname == STATS:
                sent = r.url + (r.post_data or "") + r.headers.get("referer", "")
                assert not any(v in sent for v in CAMPAIGN_VALUES), sent

    def hosts(self) -> set[str]:
        return {urlsplit(r.url).hostname for r in self.requests}

    def banner(self):
        return self.page.get_by_role("region", name="Mesure d’audience")

    def close(self):
        self.context.close()


@pytest.fixture
def visitor(browser):
    v = Visitor(browser)
    yield v
    v.close()


def test_before_consent_no_campaign_parameter_leaves(visitor, server):
    page = visitor.page
    page.goto(server + "soignants/" + CAMPAIGN)
    page.wait_for_load_state("networkidle")
    assert visitor.banner().is_visible()
    # The tracker is there, configured the CNIL way, but the campaign page's view waits for an answer.
    commands = page.evaluate("window.__matomo")
    assert commands[:4] == ["setTrackerUrl", "setSiteId", "disableCookies", "disableBrowserFeatureDetection"]
    assert visitor.hits() == []
    assert page.evaluate("document.cookie") == ""
    # Leaving without answering: the view counts, without its campaign.
    page.evaluate("dispatchEvent(new Event('pagehide'))")
    hits = visitor.wait_hits(1)
    assert [h["url"] for h in hits] == [server + "soignants/"]
    assert page.evaluate("window.__matomo").count("setCustomUrl") == 1
    # The next page: its referrer has no path, so no campaign parameters either.
    page.locator(".territoire-footer").get_by_role("link", name="Contact").click()
    page.wait_for_url("**/contact/**")
    assert "utm_campaign=soignants" in page.url  # attribution.js keeps the campaign in internal links...
    page.evaluate("dispatchEvent(new Event('pagehide'))")
    hits = visitor.wait_hits(2)
    assert hits[1]["url"] == server + "contact/"  # ...but it is not sent without consent
    assert hits[1]["urlref"] in ("", server)
    visitor.assert_no_campaign_sent()
    assert visitor.hosts() == {"127.0.0.1", STATS}


def test_banner_is_keyboard_operable_and_no_trap(visitor, server):
    page = visitor.page
    page.goto(server + "soignants/" + CAMPAIGN)
    banner = visitor.banner()
    assert banner.is_visible()
    assert banner.get_attribute("aria-modal") is None
    accept, refuse = banner.get_by_role("button", name="Accepter"), banner.get_by_role("button", name="Refuser")
    box_accept, box_refuse = accept.bounding_box(), refuse.bounding_box()
    assert abs(box_accept["height"] - box_refuse["height"]) < 1  # equally prominent
    assert accept.evaluate("e => getComputedStyle(e).color") == refuse.evaluate("e => getComputedStyle(e).color")
    # Early in the tab order: skip link, then the banner.
    focused = []
    for _ in range(4):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert focused == ["Aller au contenu", "En savoir plus", "Accepter", "Refuser"]
    # Not a trap: Tab leaves the banner.
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.closest('.territoire-consent')")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # on "Refuser"
    assert not banner.is_visible()
    assert page.evaluate("document.activeElement.id") == "contenu"  # focus not lost
    hits = visitor.wait_hits(1)
    assert hits[0]["url"] == server + "soignants/"


def test_accept_sends_the_campaign_and_is_remembered(visitor, server):
    page = visitor.page
    page.goto(server + "soignants/" + CAMPAIGN)
    visitor.banner().get_by_role("button", name="Accepter").click()
    hits = visitor.wait_hits(1)
    assert hits[0]["url"] == server + "soignants/" + CAMPAIGN  # the campaign arrives with the view
    assert page.evaluate("localStorage.getItem('territoire-consent')").startswith("granted ")
    # Next page load: no banner, the campaign goes at once.
    page.goto(server + "offres/" + CAMPAIGN)
    page.wait_for_load_state("networkidle")
    assert not visitor.banner().is_visible()
    hits = visitor.wait_hits(2)
    assert hits[1]["url"] == server + "offres/" + CAMPAIGN
    assert visitor.hosts() == {"127.0.0.1", STATS}


def test_refuse_never_sends_the_campaign(visitor, server):
    page = visitor.page
    page.goto(server + "soignants/" + CAMPAIGN)
    visitor.banner().get_by_role("button", name="Refuser").click()
    assert visitor.wait_hits(1)[0]["url"] == server + "soignants/"
    assert page.evaluate("localStorage.getItem('territoire-consent')").startswith("denied ")
    for path in ("offres/", "agenda/", "soignants/"):
        page.goto(server + path + CAMPAIGN)
        page.wait_for_load_state("networkidle")
        assert not visitor.banner().is_visible()
    page.locator(".territoire-footer").get_by_role("link", name="Contact").click()
    page.wait_for_url("**/contact/**")
    hits = visitor.wait_hits(5)
    assert [h["url"] for h in hits] == [server + p for p in ("soignants/", "offres/", "agenda/", "soignants/", "contact/")]
    visitor.assert_no_campaign_sent()


def test_footer_link_reopens_the_banner(visitor, server):
    page = visitor.page
    page.goto(server + "offres/")
    visitor.banner().get_by_role("button", name="Refuser").click()
    page.reload()
    assert not visitor.banner().is_visible()
    link = page.locator(".territoire-footer").get_by_role("link", name="Mesure d’audience")
    link.focus()
    page.keyboard.press("Enter")
    assert visitor.banner().is_visible()
    assert page.url == server + "offres/"  # the banner, not the privacy page
    assert page.evaluate("document.activeElement.id") == "territoire-consent-title"
    visitor.banner().get_by_role("button", name="Accepter").click()
    assert page.evaluate("document.activeElement.textContent") == "Mesure d’audience"  # back to the link
    assert page.evaluate("localStorage.getItem('territoire-consent')").startswith("granted ")


def test_objection_on_the_privacy_page_stops_all_measurement(visitor, server):
    page = visitor.page
    page.goto(server + "donnees-personnelles/")
    box = page.get_by_role("checkbox", name="Mesurer mes visites sur ce site, de façon anonyme")
    assert box.is_checked()
    box.uncheck()
    visitor.requests.clear()
    page.goto(server + "soignants/" + CAMPAIGN)
    page.wait_for_load_state("networkidle")
    assert not visitor.banner().is_visible()
    assert visitor.hosts() == {"127.0.0.1"}


def test_without_javascript_nothing_is_measured(browser, server):
    visitor = Visitor(browser, java_script_enabled=False)
    try:
        visitor.page.goto(server + "soignants/" + CAMPAIGN)
        visitor.page.wait_for_load_state("networkidle")
        assert visitor.hosts() == {"127.0.0.1"}
        assert not visitor.banner().is_visible()
        assert not visitor.page.get_by_role("checkbox").count()
    finally:
        visitor.close()


def test_a_scan_is_a_plain_page_view_of_the_short_link(visitor, server):
    """What ``territoire report --from-analytics`` counts: the short link's page sends its own view,
    without the campaign, before it redirects; the campaign page then waits for consent."""
    page = visitor.page
    page.goto(server + "q/bastille/")
    page.wait_for_url("**/soignants/?utm_source=*")
    hits = visitor.wait_hits(1)
    assert [h["url"] for h in hits] == [server + "q/bastille/"]
    assert "utm_" not in hits[0]["raw"] and hits[0]["urlref"] == ""
    assert page.evaluate("document.cookie") == ""
    # Objected on the privacy page: the short link redirects and sends nothing.
    page.goto(server + "donnees-personnelles/")
    page.get_by_role("checkbox", name="Mesurer mes visites sur ce site, de façon anonyme").uncheck()
    visitor.requests.clear()
    page.goto(server + "q/bastille/")
    page.wait_for_url("**/soignants/?utm_source=*")
    page.wait_for_load_state("networkidle")
    assert visitor.hosts() == {"127.0.0.1"}
