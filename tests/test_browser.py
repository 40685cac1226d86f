"""The demo site in a real browser (Chromium through Playwright): for every kind of page,
no third-party request, no axe-core violation (WCAG 2.1 A/AA), no horizontal scrolling at
360 px, no console error, the legal links in the footer, and a working skip link.

Each page is visited once (cached for the session); each check is its own test."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest


pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MOBILE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
NOT_FOUND_PATH = "x/y/z/"

# Elements of the content or footer that stick out of the viewport without a scrolling box
# around them: hidden by an overflow clip, so lost to the reader (WCAG 1.4.10, reflow).
CUT_OFF_JS = """() => {
  const width = document.documentElement.clientWidth, found = [];
  for (const e of document.querySelectorAll('#contenu *, .territoire-footer *')) {
    const r = e.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || (r.left >= -0.5 && r.right <= width + 0.5)) continue;
    if (e.closest('[aria-hidden="true"], .md-visually-hidden')) continue;  // off screen on purpose
    let a = e.parentElement, scrolls = false;
    for (; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll') { scrolls = true; break; }
    }
    if (!scrolls) found.push(e.outerHTML.slice(0, 120) + ` [${Math.round(r.left)}, ${Math.round(r.right)}]`);
  }
  return found.slice(0, 10);
}"""


def _event(state: str, **wanted):
    def match(p):
        e = p.meta.get("event") or {}
        if p.template != "event.html" or e.get("state") != state:
            return False
        if wanted.get("form") and (e.get("registration") or {}).get("provider") != "form":
            return False
        return not wanted.get("replay") or bool(e.get("replay_url"))
    return match


def _campaign(form: bool):
    def match(p):
        c = p.meta.get("campaign") or {}
        return p.template == "campaign.html" and not c.get("over") and bool((c.get("cta") or {}).get("form")) == form
    return match


# Every kind of page the generator makes, found in the demo build (not hard-coded slugs).
KINDS = {
    "home": lambda p: p.template == "home.html",
    "campaign": _campaign(form=False),
    "campaign-with-form": _campaign(form=True),
    "jobs": lambda p: p.template == "jobs.html" and p.url == p.meta["site"]["sections"]["jobs"],
    "jobs-sector": lambda p: p.template == "jobs.html" and p.url != p.meta["site"]["sections"]["jobs"],
    "job": lambda p: p.template == "job.html",
    "job-gone": lambda p: p.template == "job_gone.html",
    "events": lambda p: p.template == "events.html",
    "event-upcoming-form": _event("upcoming", form=True),
    "event-past-replay": _event("past", replay=True),
    "event-cancelled": _event("cancelled"),
    "series": lambda p: p.template == "series.html",
    "testimonials": lambda p: p.template == "testimonials.html",
    "testimonial": lambda p: p.template == "testimonial.html",
    "contact": lambda p: p.template == "contact.html",
    "legal": lambda p: p.template == "legal.html",
    "privacy": lambda p: p.template == "privacy.html",
    "accessibility": lambda p: p.template == "accessibility.html",
    "free-page": lambda p: p.template == "page.html",
    "404": None,
}


@dataclass(repr=False)
class Visit:
    url: str
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    axe_reports: dict[str, str] = field(default_factory=dict)  # viewport → readable report, only on violations
    scroll_width: dict[str, int] = field(default_factory=dict)
    footer_links: list[str] = field(default_factory=list)
    skip: dict = field(default_factory=dict)
    cut_off: list[str] = field(default_factory=list)
    traps: list[dict] = field(default_factory=list)
    layout_shift: float = 0.0
    unsized_images: list[str] = field(default_factory=list)

    def __repr__(self) -> str:  # short, for assertion messages
        return f"Visit({self.url})"


def _path_for(kind: str, site) -> str:
    if kind == "404":
        return NOT_FOUND_PATH
    found = [p for p in site.pages if KINDS[kind](p)]
    assert found, f"the demo content has no page of kind {kind!r}: keep one in content/ so the browser tests cover it"
    return found[0].url


def _axe_report(axe, page) -> str:
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return result.generate_report() if result.violations_count else ""


def _visit(browser, axe, server, path: str, not_found: bool) -> Visit:
    visit = Visit(url=server.base + path)
    context = browser.new_context(viewport=MOBILE, service_workers="block")
    context.set_default_timeout(15_000)
    # Nothing leaves the machine: third-party requests are recorded (below), then refused.
    context.route(lambda url: urlsplit(url).hostname not in ("127.0.0.1", None), lambda route: route.abort())
    page = context.new_page()
    # Layout shifts, summed as CLS counts them, from the first paint on.
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.on("request", lambda r: visit.requests.append(r.url))

    def on_console(msg):
        if msg.type != "error":
            return
        # A static host answers the 404 page with status 404: Chromium logs it for the document itself.
        if not_found and (msg.location or {}).get("url") == visit.url and "404" in msg.text:
            return
        visit.console_errors.append(f"{msg.text} ({(msg.location or {}).get('url')})")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: visit.console_errors.append(f"uncaught: {exc}"))
    try:
        response = page.goto(visit.url, wait_until="load")
        visit.status = response.status if response else None
        page.wait_for_load_state("networkidle")

        visit.scroll_width["360"] = page.evaluate("document.documentElement.scrollWidth")
        # Lazy images below the fold load while scrolling: none may push the content around.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(200)
        visit.layout_shift = page.evaluate("window.__shift")
        visit.unsized_images = page.eval_on_selector_all(
            "img", "els => els.filter(i => !i.getAttribute('width') || !i.getAttribute('height'))"
                   ".filter(i => !i.src.endsWith('.svg')).map(i => i.outerHTML.slice(0, 120))")
        page.evaluate("window.scrollTo(0, 0)")
        visit.cut_off = page.evaluate(CUT_OFF_JS)
        visit.traps = page.eval_on_selector_all(".territoire-form__trap", """els => els.map(e => {
            const r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return {display: s.display, visibility: s.visibility, right: r.right, bottom: r.bottom}; })""")
        report = _axe_report(axe, page)
        if report:
            visit.axe_reports["360x740"] = report
        visit.footer_links = page.eval_on_selector_all("footer.territoire-footer a[href]", "els => els.map(a => a.href)")

        # Keyboard: the first Tab reaches the skip link, shown on screen; Enter moves the focus to the content.
        page.keyboard.press("Tab")
        visit.skip["first_focus"] = page.evaluate(
            "(() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
            " return {cls: e.className, href: e.getAttribute('href'), visible: r.width > 0 && r.height > 0"
            " && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth}; })()")
        page.keyboard.press("Enter")
        _wait_for_focus_on_content(page)
        visit.skip["after_enter"] = page.evaluate("document.activeElement ? document.activeElement.id : null")

        page.set_viewport_size(DESKTOP)
        visit.scroll_width["1280"] = page.evaluate("document.documentElement.scrollWidth")
        report = _axe_report(axe, page)
        if report:
            visit.axe_reports["1280x900"] = report
    finally:
        context.close()
    return visit


def _wait_for_focus_on_content(page) -> None:
    """Wait briefly for the focus to land on the content; the assertion comes later, in its own test."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function("document.activeElement && document.activeElement.id === 'contenu'", timeout=3_000)
    except PlaywrightTimeout:
        pass


@pytest.fixture(scope="session")
def visits(browser, axe, demo_build, demo_server):  # noqa: F811
    cache: dict[str, Visit] = {}

    def get(kind: str) -> Visit:
        if kind not in cache:
            path = _path_for(kind, demo_build.site)
            cache[kind] = _visit(browser, axe, demo_server, path, not_found=(kind == "404"))
        return cache[kind]

    return get


@pytest.fixture(scope="session")
def legal_urls(demo_build, demo_server):  # noqa: F811
    by_template = {p.template: p.url for p in demo_build.site.pages}
    return {name: urljoin(demo_server.base, by_template[tpl])
            for name, tpl in (("legal", "legal.html"), ("privacy", "privacy.html"), ("accessibility", "accessibility.html"))}


kinds = pytest.mark.parametrize("kind", list(KINDS))


@kinds
def test_no_third_party_request(kind, visits):
    visit = visits(kind)
    assert visit.requests, "the page made no request at all"
    outside = [u for u in visit.requests
               if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).hostname != "127.0.0.1"]
    assert not outside, f"{visit.url} requested other hosts:\n" + "\n".join(outside)


@kinds
def test_no_axe_violation(kind, visits):
    visit = visits(kind)
    if visit.axe_reports:
        pytest.fail(f"axe-core violations on {visit.url}:\n\n"
                    + "\n\n".join(f"--- viewport {vp} ---\n{report}" for vp, report in visit.axe_reports.items()),
                    pytrace=False)


@kinds
def test_no_horizontal_scrolling(kind, visits):
    visit = visits(kind)
    assert visit.scroll_width["360"] <= 360, f"{visit.url} is {visit.scroll_width['360']} px wide at 360 px"
    assert visit.scroll_width["1280"] <= 1280, f"{visit.url} is {visit.scroll_width['1280']} px wide at 1280 px"
    assert not visit.cut_off, f"{visit.url} at 360 px: cut off at the edges:\n" + "\n".join(visit.cut_off)


@kinds
def test_no_console_error(kind, visits):
    visit = visits(kind)
    assert not visit.console_errors, f"console errors on {visit.url}:\n" + "\n".join(visit.console_errors)


@kinds
def test_footer_links_to_legal_pages(kind, visits, legal_urls):
    visit = visits(kind)
    missing = {name: url for name, url in legal_urls.items() if url not in visit.footer_links}
    assert not missing, f"the footer of {visit.url} lacks {missing}; it links to {visit.footer_links}"


@kinds
def test_skip_link_moves_focus_to_content(kind, visits):
    visit = visits(kind)
    first = visit.skip["first_focus"]
    assert "territoire-skip" in first["cls"] and first["href"] == "#contenu", f"first Tab stop is {first}"
    assert first["visible"], "the skip link is not visible when focused"
    assert visit.skip["after_enter"] == "contenu", f"after Enter the focus is on {visit.skip['after_enter']!r}"


@pytest.mark.parametrize("kind", ["campaign-with-form", "event-upcoming-form"])
def test_spam_trap_is_off_screen_not_removed(kind, visits):
    # Robots skip fields that are display:none; people must not see it.
    traps = visits(kind).traps
    assert traps, "the page has no form with a spam trap"
    for trap in traps:
        assert trap["display"] != "none" and trap["visibility"] != "hidden", trap
        assert trap["right"] <= 0 or trap["bottom"] <= 0, f"the spam trap is on screen: {trap}"


@kinds
def test_no_layout_shift_from_images(kind, visits):
    visit = visits(kind)
    assert visit.unsized_images == [], f"{visit}: images without width and height: {visit.unsized_images}"
    assert visit.layout_shift < 0.01, f"{visit}: cumulative layout shift {visit.layout_shift:.3f}"


def test_every_template_is_covered(demo_build):  # noqa: F811
    """A new kind of page must join KINDS, so that it is checked in the browser too."""
    used = {p.template for p in demo_build.site.pages}
    covered = {p.template for p in demo_build.site.pages if any(match and match(p) for match in KINDS.values())}
    assert used <= covered, f"templates with no page kind in tests/test_browser.py: {sorted(used - covered)}"


def test_unknown_url_gets_the_404_page(visits):
    visit = visits("404")
    assert visit.status == 404
    assert "/x/y/z/" in visit.url


def test_every_navigation_entry_is_reachable_on_a_phone(browser, demo_build, demo_server):  # noqa: F811
    """At 360 px the tabs would be a strip wider than the screen: a menu in the header lists every entry,
    opens without JavaScript (details/summary) and from the keyboard; on a desktop the tabs show."""
    entries = [title for title, _ in demo_build.site.nav]
    for javascript in (True, False):
        context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=javascript)
        try:
            page = context.new_page()
            page.goto(demo_server.base + "offres/")
            assert not page.locator(".md-tabs").is_visible()
            page.locator(".territoire-menu summary").focus()  # a summary takes the keyboard focus
            page.keyboard.press("Enter")
            links = page.locator(".territoire-menu a")
            assert links.all_inner_texts() == entries
            for i in range(links.count()):
                box = links.nth(i).bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] + box["height"] <= 800
            assert page.locator(".territoire-menu a[aria-current=page]").inner_text() == entries[1]
            links.last.click()
            assert page.url.endswith("/contact/")
        finally:
            context.close()
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        page.goto(demo_server.base)
        assert page.locator(".md-tabs").is_visible() and not page.locator(".territoire-menu").is_visible()
    finally:
        page.close()


def test_the_home_page_opens_on_its_strongest_action_and_facts(browser, demo_build, demo_server):  # noqa: F811
    """At 360×800: the offers button is in the first screen, the key figures come two by row right
    under the hero, and each documented means of transport has its icon."""
    page = browser.new_page(viewport={"width": 360, "height": 800})
    try:
        page.goto(demo_server.base)
        button = page.locator(".territoire-hero .md-button--primary")
        box = button.bounding_box()
        assert box and box["y"] + box["height"] <= 800 and "offres" in button.inner_text()
        figures = page.locator(".territoire-figures li")
        first, second = figures.nth(0).bounding_box(), figures.nth(1).bounding_box()
        assert first["y"] == second["y"]  # side by side, not one per row
        modes = page.locator(".territoire-access li")
        assert modes.count() > 0 and page.locator(".territoire-access__icon svg").count() == modes.count()
    finally:
        page.close()
