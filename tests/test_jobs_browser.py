"""The job board in Chromium at 360×740, on the 2,400-offer territory: the first screen is in
the server's HTML, the JSON index is fetched only after the page has loaded, filters combine and
update their counts, "show more" adds the next 30, filters live in the address (back works),
nothing scrolls sideways, nothing moves when the form appears, no request leaves 127.0.0.1."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date
from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen

import pytest

from browser_support import Server

pytestmark = pytest.mark.browser

MOBILE = {"width": 360, "height": 740}
CARDS = "#offres-liste > li.territoire-card--job"


@pytest.fixture(scope="module")
def server(board):
    s = Server(board.out)
    yield s
    s.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport=MOBILE, service_workers="block")
    context.set_default_timeout(15_000)
    requests: list[str] = []
    errors: list[str] = []
    context.route(lambda url: urlsplit(url).hostname not in ("127.0.0.1", None), lambda route: route.abort())
    p = context.new_page()
    p.on("request", lambda r: requests.append(r.url))
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    p.requests, p.errors, p.base = requests, errors, server.base
    yield p
    outside = [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).hostname != "127.0.0.1"]
    assert not outside, f"requests to other hosts: {outside}"
    assert not errors, errors
    context.close()


def cards_of(board, **wanted):
    """Published offers (newest first) matching filters, from the build itself."""
    jobs = board.site.content.jobs
    pages = [p.meta["job"] for p in board.site.pages if p.template == "job.html"]
    pages.sort(key=lambda c: (c["posted"], c["slug"]), reverse=True)
    out = []
    for c in pages:
        city = jobs[c["slug"]].location.city
        if wanted.get("sector") and c["sector"] != wanted["sector"]:
            continue
        if wanted.get("contract") and c["contract"] != wanted["contract"]:
            continue
        if wanted.get("town") and city != wanted["town"]:
            continue
        if wanted.get("remote") and not c["remote"]:
            continue
        out.append({**c, "town": city})
    return out


def fr(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def option_counts(page, select_id: str) -> dict[str, int]:
    texts = page.eval_on_selector_all(f"#{select_id} option", "os => os.map(o => [o.value, o.textContent])")
    return {v: int(re.search(r"\(([\d\u202f\u00a0 ]+)\)$", t).group(1).replace("\u202f", "").replace("\u00a0", ""))
            for v, t in texts if v}


def test_first_screen_is_in_the_servers_html(server, board):
    with urlopen(server.base + "offres/") as r:
        html = r.read().decode()
    assert html.count('class="territoire-card territoire-card--job"') == 30
    assert html.index('id="offres-liste"') < html.index("jobs.js")
    assert len(html) < 120_000  # the first screen does not carry 2,400 offers


def test_json_index_is_fetched_after_the_load_event(page):
    page.goto(page.base + "offres/", wait_until="load")
    visible = page.evaluate("""() => { const r = document.querySelector('#offres-liste a').getBoundingClientRect();
                                       return r.width > 0 && r.height > 0; }""")
    assert visible
    page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.endsWith('/offres/index.json'))")
    timing = page.evaluate("""() => ({
        load: performance.getEntriesByType('navigation')[0].loadEventEnd,
        json: performance.getEntriesByType('resource').find(e => e.name.endsWith('/offres/index.json')).startTime,
        paint: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime })""")
    assert timing["json"] >= timing["load"] > 0, timing
    assert timing["paint"] is not None and timing["paint"] < timing["json"]


def test_filters_combine_update_counts_and_live_in_the_address(page, board):
    page.goto(page.base + "offres/", wait_until="load")
    assert page.is_visible("#offres-filtres")
    assert not page.is_visible(".territoire-jobs__sectors")  # the form replaces the sector links
    page.click("#offres-plier > summary")  # folded on a phone

    page.select_option("#offres-secteur", "sante")
    sante = cards_of(board, sector="sante")
    page.wait_for_function("document.getElementById('offres-resultat').textContent.includes('correspondent')")
    assert page.text_content("#offres-resultat") == f"{fr(len(sante))} offres correspondent à votre recherche"
    assert page.locator(CARDS).count() == 30
    assert page.locator(f"{CARDS} .territoire-tags li:nth-child(3)").all_text_contents() == ["Santé"] * 30
    assert option_counts(page, "offres-contrat") == {**{k: 0 for k in option_counts(page, "offres-contrat")},
                                                     **Counter(c["contract"] for c in sante)}
    assert parse_qs(urlsplit(page.url).query) == {"secteur": ["sante"]}

    contract = Counter(c["contract"] for c in sante).most_common(1)[0][0]
    page.select_option("#offres-contrat", contract)
    both = cards_of(board, sector="sante", contract=contract)
    page.wait_for_function(f"document.getElementById('offres-resultat').textContent.startsWith('{fr(len(both))} offre')")
    assert option_counts(page, "offres-secteur")["sante"] == len(both)
    sectors_with_contract = Counter(c["sector"] for c in cards_of(board, contract=contract))
    assert option_counts(page, "offres-secteur") == {**{k: 0 for k in option_counts(page, "offres-secteur")},
                                                     **sectors_with_contract}
    towns = Counter(c["town"] for c in both if c["town"])
    assert {k: v for k, v in option_counts(page, "offres-ville").items() if v} == dict(towns)
    town = towns.most_common(1)[0][0]
    page.select_option("#offres-ville", town)
    three = cards_of(board, sector="sante", contract=contract, town=town)
    page.wait_for_function(f"document.querySelectorAll('{CARDS}').length === {min(30, len(three))}")
    assert page.locator(f"{CARDS} h3 a").all_text_contents()[:30] == [c["title"] for c in three[:30]]
    assert parse_qs(urlsplit(page.url).query) == {"secteur": ["sante"], "contrat": [contract], "ville": [town]}
    assert page.is_hidden(".territoire-pagination")

    # Shareable: the same address opened afresh shows the same list; back undoes one filter.
    shared = page.url
    page.go_back()
    page.wait_for_function(f"document.getElementById('offres-resultat').textContent.startsWith('{fr(len(both))} offre')")
    assert page.input_value("#offres-ville") == ""
    page.goto(shared, wait_until="load")
    page.wait_for_function(f"document.querySelectorAll('{CARDS}').length === {min(30, len(three))}")
    assert page.input_value("#offres-contrat") == contract and page.input_value("#offres-ville") == town

    # Fully remote, all sectors: the checkbox combines too; clearing brings the first page back.
    assert page.text_content("#offres-actifs") == " (3)"  # folded again on a fresh page, saying what is on
    page.click("#offres-plier > summary")
    page.click(".territoire-filters__reset")
    page.wait_for_function("!location.search")
    assert page.locator(CARDS).count() == 30 and page.is_visible(".territoire-pagination")
    remote = cards_of(board, remote=True)
    assert page.text_content("#offres-teletravail-n") == fr(len(remote))
    page.check("#offres-teletravail")
    page.wait_for_function(f"document.querySelectorAll('{CARDS}').length === {min(30, len(remote))}")
    assert parse_qs(urlsplit(page.url).query) == {"teletravail": ["1"]}


def test_show_more_adds_the_next_30(page, board):
    page.goto(page.base + "offres/?secteur=sante", wait_until="load")
    # The server's page already has 30 cards (all sectors): wait for the filtered ones.
    page.wait_for_selector("#offres-plus", state="visible")
    page.wait_for_function(f"document.querySelectorAll('{CARDS}').length === 30")
    sante = cards_of(board, sector="sante")
    assert page.locator(f"{CARDS} h3 a").first.text_content() == sante[0]["title"]
    assert page.text_content("#offres-plus") == f"Afficher 30 offres de plus sur les {fr(len(sante) - 30)} restantes"
    page.click("#offres-plus")
    page.wait_for_function(f"document.querySelectorAll('{CARDS}').length === 60")
    assert page.evaluate("document.activeElement.textContent") == sante[30]["title"]  # focus on the first new one
    assert page.locator(f"{CARDS} h3 a").all_text_contents() == [c["title"] for c in sante[:60]]
    links = page.eval_on_selector_all(f"{CARDS} h3 a", "as => as.map(a => a.href)")
    assert links[30] == page.base + sante[30]["url"]


def test_sector_page_keeps_its_sector_and_works_without_javascript(browser, server, board):
    context = browser.new_context(viewport=MOBILE, java_script_enabled=False)
    try:
        p = context.new_page()
        p.goto(server.base + "offres/", wait_until="load")
        assert not p.is_visible("#offres-filtres") and p.is_visible(".territoire-jobs__sectors")
        p.click(".territoire-jobs__sectors >> text=/^Santé/")
        assert p.url == server.base + "offres/sante/"
        assert p.locator(CARDS).count() == 30
        p.click(".territoire-pagination a[rel=next]")
        assert p.url == server.base + "offres/sante/page/2/"
        assert p.locator(f"{CARDS} h3 a").all_text_contents() == [c["title"] for c in cards_of(board, sector="sante")[30:60]]
    finally:
        context.close()


def test_sector_page_with_javascript(page, board):
    page.goto(page.base + "offres/btp/", wait_until="load")
    assert page.input_value("#offres-secteur") == "btp"
    page.click("#offres-plier > summary")
    page.select_option("#offres-contrat", "cdi")
    btp_cdi = cards_of(board, sector="btp", contract="cdi")
    page.wait_for_function(f"document.getElementById('offres-resultat').textContent.startsWith('{fr(len(btp_cdi))} offre')")
    assert parse_qs(urlsplit(page.url).query) == {"contrat": ["cdi"]} and urlsplit(page.url).path == "/offres/btp/"


def folded(text: str) -> str:
    """As jobs.js compares: accents, case and the apostrophe's shape (’ or ') do not count."""
    text = unicodedata.normalize("NFD", text).replace("\u2018", "'").replace("\u2019", "'")
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def searched(board, query: str, **wanted) -> list[dict]:
    words = folded(query).split()
    return [c for c in cards_of(board, **wanted)
            if all(w in folded(f"{c['title']} {c['employer']} {c['town'] or ''}") for w in words)]


def accented_word(board) -> str:
    """A frequent word of the titles with an accent, for a search typed without it, in capitals."""
    words = Counter(w for c in cards_of(board) for w in re.findall(r"\w+", c["title"]) if len(w) > 4 and not w.isascii())
    return words.most_common(1)[0][0]


def test_search_narrows_the_list_without_reloading_and_survives_a_reload(page, board):
    page.goto(page.base + "offres/", wait_until="load")
    page.evaluate("window.__same_page = true")
    word = accented_word(board)
    typed = folded(word).upper()  # "EDUCATEUR" finds "Éducateur"
    assert typed != word
    found = searched(board, typed)
    assert 0 < len(found) < 2400
    page.fill("#offres-q", typed)
    expected = f"{fr(len(found))} offre{'s correspondent' if len(found) > 1 else ' correspond'} à votre recherche"
    page.wait_for_function(f"document.getElementById('offres-resultat').textContent === {expected!r}")
    assert page.evaluate("window.__same_page === true && performance.getEntriesByType('navigation').length === 1")
    assert page.locator(f"{CARDS} h3 a").all_text_contents() == [c["title"] for c in found[:30]]
    assert parse_qs(urlsplit(page.url).query) == {"q": [typed]}

    # Combined with a filter; the address holds both, a reload brings both back.
    page.click("#offres-plier > summary")
    sector = Counter(c["sector"] for c in found).most_common(1)[0][0]
    page.select_option("#offres-secteur", sector)
    both = searched(board, typed, sector=sector)
    page.wait_for_function(f"document.getElementById('offres-resultat').textContent.startsWith('{fr(len(both))} offre')")
    assert option_counts(page, "offres-secteur")[sector] == len(both)
    page.reload(wait_until="load")
    assert page.input_value("#offres-q") == typed and page.input_value("#offres-secteur") == sector
    page.wait_for_function(f"document.getElementById('offres-resultat').textContent.startsWith('{fr(len(both))} offre')")
    assert page.locator(f"{CARDS} h3 a").all_text_contents() == [c["title"] for c in both[:30]]
    assert page.text_content("#offres-actifs") == " (1)"  # the folded filters say one is on


def test_sort_by_closing_date(page, board):
    page.goto(page.base + "offres/?secteur=sante", wait_until="load")
    page.wait_for_function(f"document.querySelectorAll('{CARDS}').length === 30")
    page.click("#offres-plier > summary")
    page.select_option("#offres-tri", "date-limite")
    page.wait_for_function("new URLSearchParams(location.search).get('tri') === 'date-limite'")
    jobs = board.site.content.jobs
    sante = cards_of(board, sector="sante")
    closing = sorted(sante, key=lambda c: (jobs[c["slug"]].valid_through is None, jobs[c["slug"]].valid_through or date.min))
    assert closing != sante
    page.wait_for_function(f"document.querySelector('{CARDS} h3 a').textContent === {closing[0]['title']!r}")
    links = page.eval_on_selector_all(f"{CARDS} h3 a", "as => as.map(a => a.href)")
    assert links == [page.base + c["url"] for c in closing[:30]]


def test_cards_rendered_by_the_script_show_their_date(page, board):
    page.goto(page.base + "offres/?contrat=cdi", wait_until="load")
    cdi = cards_of(board, contract="cdi")
    page.wait_for_function(f"document.getElementById('offres-resultat').textContent.startsWith('{fr(len(cdi))} offre')")
    shown = page.eval_on_selector_all(f"{CARDS} time", "ts => ts.map(t => [t.getAttribute('datetime'), t.textContent])")
    server = {c["slug"]: c for c in cards_of(board)}
    assert shown == [[c["posted"], server[c["slug"]]["posted_short"]] for c in cdi[:30]]
    assert all(label.startswith("Publiée le ") for _, label in shown)


def test_filters_fold_on_a_phone_and_the_first_offer_is_in_the_first_screen(page, browser, server):
    page.goto(page.base + "offres/", wait_until="load")
    page.wait_for_selector("html.territoire-jobs-ready")
    assert page.is_visible("#offres-q") and page.is_visible("#offres-plier > summary")
    assert not page.evaluate("document.getElementById('offres-plier').open")
    assert not page.is_visible("#offres-secteur")
    box = page.locator(CARDS).first.bounding_box()
    assert box["y"] + 60 <= MOBILE["height"], box  # the first card's title at least
    # The keyboard opens them: Tab to the summary, Enter
    page.focus("#offres-plier > summary")
    page.keyboard.press("Enter")
    assert page.is_visible("#offres-secteur")
    wide = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        p = wide.new_page()
        p.goto(server.base + "offres/", wait_until="load")
        p.wait_for_selector("html.territoire-jobs-ready")
        assert p.evaluate("document.getElementById('offres-plier').open") and p.is_visible("#offres-secteur")
    finally:
        wide.close()


@pytest.mark.parametrize("path", ["offres/", "offres/sante/", "offres/page/3/", "offres/?contrat=cdi&teletravail=1"])
def test_no_horizontal_scroll_and_no_layout_shift(page, path):
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(l => { for (const e of l.getEntries())
        if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(page.base + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    if "?" not in path:  # a filtered address replaces the list once the index is there: that is the point
        assert page.evaluate("window.__shift") < 0.01


def test_job_and_expired_pages_fit_the_screen(page, board):
    job = next(p.url for p in board.site.pages if p.template == "job.html")
    gone = next(p.url for p in board.site.pages if p.template == "job_gone.html")
    for path in (job, gone):
        page.goto(page.base + path, wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"], path


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("kind", ["filtered", "sector-page-2", "expired"])
def test_no_axe_violation(page, axe, board, kind):
    gone = next(p.url for p in board.site.pages if p.template == "job_gone.html")
    path = {"filtered": "offres/?contrat=cdi&teletravail=1", "sector-page-2": "offres/sante/page/2/", "expired": gone}[kind]
    page.goto(page.base + path, wait_until="load")
    if kind == "filtered":
        page.wait_for_function("document.getElementById('offres-resultat').textContent.includes('correspond')")
        page.click("#offres-plier > summary")
        page.focus("#offres-secteur")
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    assert not result.violations_count, result.generate_report()


def test_campaign_pages_stay_landing_pages_at_scale(browser, server, board):
    """2,400 offers: every campaign page (the page a metro QR code opens) is at most 5,000 px tall on a
    360 px phone and 60 KB of HTML, with its call to action in the first screen, whatever its kind."""
    campaigns = [p for p in board.site.pages if p.template == "campaign.html"]
    assert len(campaigns) >= 2 and any(p.meta["campaign"]["more_jobs"] for p in campaigns)
    context = browser.new_context(viewport=MOBILE)
    try:
        page = context.new_page()
        for campaign in campaigns:
            html = (board.out / campaign.url / "index.html").read_bytes()
            assert len(html) <= 60_000, (campaign.url, len(html))
            page.goto(server.base + campaign.url)
            height = page.evaluate("document.documentElement.scrollHeight")
            assert height <= 5_000, (campaign.url, height)
            cta = page.locator(".territoire-hero .territoire-cta")
            if campaign.meta["campaign"]["cta"]:
                box = cta.bounding_box()
                assert box and box["y"] + box["height"] <= MOBILE["height"], campaign.url
            more = campaign.meta["campaign"]["more_jobs"]
            if more:  # the filtered job board, with the count of what it holds
                link = page.locator("#offres").locator("..").get_by_role("link", name="Voir les")
                assert f"{fr(campaign.meta['campaign']['jobs_total'])} offres" in link.inner_text()
                link.click()
                page.wait_for_load_state()
                shown = page.locator("#offres-liste > li.territoire-card--job")
                assert shown.count() > 0
                page.go_back()
    finally:
        context.close()
