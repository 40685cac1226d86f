"""``territoire report``: QR code scans counted from nginx and Apache access logs."""

from __future__ import annotations

import csv
import gzip
import io
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.codes.report.access_log import parse_line
from generator.codes.report.counting import is_robot

from project_factory import FILES, make_project

CAMPAIGN = FILES["content/campaigns/soignants.yml"] + '  - {code: gare, medium: flyer, label: "Flyer gare"}\n'
ARTISANS = 'title: "Artisans : reprenez"\nplacements:\n  - {code: marche, medium: affiche, label: "Affiche <marché>"}\n'

IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"

# Every address of the logs: none may come out of the report.
IPS = ["203.0.113.7", "198.51.100.23", "192.0.2.44", "2001:db8::17", "66.249.66.1", "192.0.2.99", "10.1.2.3", "172.16.5.9"]


def nginx(ip: str, when: str, request: str, status: int, agent: str, size: str = "162") -> str:
    return f'{ip} - - [{when}] "{request}" {status} {size} "-" "{agent}"\n'


# Day 1 (2 Nov): bastille 3 (slash, no slash, query string), gare 1 (a non-UTF-8 byte in its agent).
DAY1 = [
    nginx("203.0.113.7", "02/Nov/2026:10:00:00 +0100", "GET /q/bastille/ HTTP/1.1", 302, IPHONE),
    nginx("198.51.100.23", "02/Nov/2026:10:05:00 +0100", "GET /q/bastille HTTP/2.0", 302, ANDROID),
    nginx("2001:db8::17", "02/Nov/2026:11:00:00 +0100", "GET /q/bastille/?utm_source=qr&x=1 HTTP/1.1", 200, IPHONE),
    # robots: not scans
    nginx("66.249.66.1", "02/Nov/2026:12:00:00 +0100", "GET /q/bastille/ HTTP/1.1", 302,
          "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
    nginx("192.0.2.99", "02/Nov/2026:12:01:00 +0100", "GET /q/gare/ HTTP/1.1", 302, "WhatsApp/2.23.20.0 A"),
    nginx("192.0.2.99", "02/Nov/2026:12:02:00 +0100", "GET /q/gare/ HTTP/1.1", 302, "curl/8.4.0"),
    nginx("10.1.2.3", "02/Nov/2026:12:03:00 +0100", "GET /q/bastille/ HTTP/1.1", 302, "territoire-link-check/0.1"),
    # neither scans nor robots
    nginx("203.0.113.7", "02/Nov/2026:13:00:00 +0100", "HEAD /q/bastille/ HTTP/1.1", 302, IPHONE),
    nginx("203.0.113.7", "02/Nov/2026:13:01:00 +0100", "GET /q/inconnu/ HTTP/1.1", 404, IPHONE),
    nginx("203.0.113.7", "02/Nov/2026:13:02:00 +0100", "GET /q/bastille/extra HTTP/1.1", 404, IPHONE),
    nginx("203.0.113.7", "02/Nov/2026:13:03:00 +0100", "GET /q/BASTILLE/ HTTP/1.1", 200, IPHONE),
    nginx("203.0.113.7", "02/Nov/2026:13:04:00 +0100", "GET /soignants/?utm_content=bastille HTTP/1.1", 200, IPHONE),
    nginx("203.0.113.7", "02/Nov/2026:13:05:00 +0100", "GET /assets/site.css HTTP/1.1", 200, IPHONE),
    nginx("203.0.113.7", "02/Nov/2026:13:06:00 +0100", "POST /q/bastille/ HTTP/1.1", 200, IPHONE),
    nginx("172.16.5.9", "02/Nov/2026:13:07:00 +0100", "-", 400, "-", size="0"),
    # malformed: skipped
    "this is not an access log line\n",
    '192.0.2.44 - - [31/Feb/2026:10:00:00 +0100] "GET /q/bastille/ HTTP/1.1" 302 0 "-" "x"\n',
]
DAY1_BYTES = "".join(DAY1).encode() + nginx(
    "192.0.2.44", "02/Nov/2026:14:00:00 +0100", "GET /q/gare/ HTTP/1.1", 302, "Mozilla/5.0 (Linux; Android 13; caf\udcff)",
).encode("utf-8", "surrogateescape")

# Day 2 (3 Nov), gzip: gare 2, marche 1, bastille 1 (percent-encoded), a robot.
DAY2_GZ = [
    nginx("198.51.100.23", "03/Nov/2026:08:00:00 +0100", "GET /q/gare/ HTTP/1.1", 302, ANDROID),
    nginx("203.0.113.7", "03/Nov/2026:23:59:59 -0500", "GET /q/gare HTTP/1.1", 302, IPHONE),  # local date: the 3rd
    nginx("192.0.2.44", "03/Nov/2026:09:00:00 +0100", "GET /q/marche/ HTTP/1.1", 302, IPHONE),
    nginx("192.0.2.44", "03/Nov/2026:09:30:00 +0100", "GET /q/%62astille/ HTTP/1.1", 302, IPHONE),
    nginx("66.249.66.1", "03/Nov/2026:10:00:00 +0100", "GET /q/marche/ HTTP/1.1", 302,
          "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0)"),
]
# Day 2, Apache: combined with \" escapes, vhost_combined, common (no user agent).
DAY2_APACHE = [
    '192.0.2.44 - frank [03/Nov/2026:10:00:00 +0100] "GET /q/bastille/ HTTP/1.1" 302 - '
    '"https://t.example/\\"x\\"" "Mozilla/5.0 \\"quoted\\" Firefox/133.0"\n',
    'vivre.example.fr:443 198.51.100.23 - - [03/Nov/2026:11:00:00 +0100] "GET /q/marche HTTP/1.1" 302 230 "-" "' + ANDROID + '"\n',
    '203.0.113.7 - - [03/Nov/2026:12:00:00 +0100] "GET /q/bastille/ HTTP/1.0" 302 230\n',
    '203.0.113.7 - - [03/Nov/2026:12:00:01 +0100] "GET /q/bastille/ HTTP/1.0" 302 230 "-" "Wget/1.21"\n',
]
LINES = len(DAY1) + 1 + len(DAY2_GZ) + len(DAY2_APACHE)


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "projet", **{
        "content/campaigns/soignants.yml": CAMPAIGN, "content/campaigns/artisans.yml": ARTISANS})


@pytest.fixture
def logs(tmp_path) -> list[Path]:
    plain = tmp_path / "access.log"
    plain.write_bytes(DAY1_BYTES)
    packed = tmp_path / "access.log.2.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as file:
        file.write("".join(DAY2_GZ))
    apache = tmp_path / "other_vhosts_access.log"
    apache.write_text("".join(DAY2_APACHE), encoding="utf-8")
    return [plain, packed, apache]


def report(project: Path, logs: list[Path], *extra: str) -> int:
    return main(["report", "--project", str(project), *map(str, logs), *extra])


def test_counts_per_placement_campaign_and_day(project, logs, tmp_path, capsys):
    out_csv, out_html = tmp_path / "scans.csv", tmp_path / "scans.html"
    assert report(project, logs, "--csv", str(out_csv), "--html", str(out_html)) == 0
    out = capsys.readouterr().out

    assert "Scans des codes QR — Vivre à Testville" in out
    assert "Période des journaux : du lundi 2 novembre 2026 au mardi 3 novembre 2026" in out
    assert "Campagne « Soignants : votre avenir » (soignants) — 9 scans" in out
    assert "Campagne « Artisans : reprenez » (artisans) — 2 scans" in out
    assert re.search(r"^  bastille\s+Affiche Bastille\s+affiche\s+6$", out, re.M)
    assert re.search(r"^  gare\s+Flyer gare\s+flyer\s+3$", out, re.M)
    assert re.search(r"^  marche\s+Affiche <marché>\s+affiche\s+2$", out, re.M)
    assert re.search(r"^  Code\s+Emplacement\s+Support\s+Scans$", out, re.M)
    assert "Total : 11 scans" in out
    assert f"Lignes lues : {LINES} — illisibles (ignorées) : 2 — robots écartés : 6" in out

    rows = list(csv.reader(io.StringIO(out_csv.read_text("utf-8"))))
    assert rows == [
        ["date", "campaign", "code", "medium", "label", "scans"],
        ["2026-11-02", "soignants", "bastille", "affiche", "Affiche Bastille", "3"],
        ["2026-11-02", "soignants", "gare", "flyer", "Flyer gare", "1"],
        ["2026-11-03", "artisans", "marche", "affiche", "Affiche <marché>", "2"],
        ["2026-11-03", "soignants", "bastille", "affiche", "Affiche Bastille", "3"],
        ["2026-11-03", "soignants", "gare", "flyer", "Flyer gare", "2"],
    ]

    page = out_html.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in page
    assert "<title>Scans des codes QR — Vivre à Testville</title>" in page
    assert "Affiche &lt;marché&gt;" in page and "<marché>" not in page  # escaped
    assert page.count("<svg") == 2 and page.count('role="img"') == 2  # one chart per campaign
    assert page.count("<desc") == 2 and "Affiche Bastille (bastille) : 6 scans" in page  # text alternative
    assert '<th scope="col">' in page and '<th scope="row">' in page
    assert '<time datetime="2026-11-03">mardi 3 novembre 2026</time>' in page  # dates in full
    # The chart names each bar by its placement's label, not its bare code.
    assert 'text-anchor="end">Affiche Bastille</text>' in page and 'text-anchor="end">bastille</text>' not in page
    assert 'text-anchor="end">Affiche &lt;marché&gt;</text>' in page
    assert "<script" not in page and "<link" not in page
    assert not re.search(r"""(src|href|xlink:href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"url\(|@import", page)

    for text in (out, out_csv.read_text("utf-8"), page):
        for ip in IPS:
            assert ip not in text


def test_english_site(project, logs, capsys):
    config = project / "site_config.yml"
    config.write_text(config.read_text("utf-8").replace("language: fr", "language: en"), encoding="utf-8")
    assert report(project, logs) == 0
    out = capsys.readouterr().out
    assert "QR code scans — Vivre à Testville" in out
    assert "Campaign “Soignants : votre avenir” (soignants) — 9 scans" in out
    assert re.search(r"^  Code\s+Placement\s+Medium\s+Scans$", out, re.M)
    assert "Total: 11 scans" in out
    assert "Log period: Monday 2 November 2026 to Tuesday 3 November 2026" in out


def test_gzip_found_by_its_bytes_not_its_name(project, tmp_path, capsys):
    log = tmp_path / "access.log.1"  # rotated and compressed, no .gz
    log.write_bytes(gzip.compress("".join(DAY2_GZ).encode()))
    assert report(project, [log]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^  gare\s+Flyer gare\s+flyer\s+2$", out, re.M)
    assert "Total : 4 scans" in out


def test_site_under_a_sub_path(project, tmp_path, capsys):
    config = project / "site_config.yml"
    config.write_text(config.read_text("utf-8").replace("https://vivre.example.fr", "https://agence.github.io/vivre"), encoding="utf-8")
    log = tmp_path / "access.log"
    log.write_text(
        nginx("192.0.2.44", "02/Nov/2026:10:00:00 +0100", "GET /vivre/q/bastille/ HTTP/1.1", 200, IPHONE)
        + nginx("192.0.2.44", "02/Nov/2026:10:00:00 +0100", "GET /vivre/q/gare HTTP/1.1", 302, IPHONE)
        + nginx("192.0.2.44", "02/Nov/2026:10:00:00 +0100", "GET /q/bastille/ HTTP/1.1", 200, IPHONE),
        encoding="utf-8")
    assert report(project, [log]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^  bastille\s+Affiche Bastille\s+affiche\s+1$", out, re.M)
    assert re.search(r"^  gare\s+Flyer gare\s+flyer\s+1$", out, re.M)
    assert "Total : 2 scans" in out


def test_configured_qr_path_and_retired_codes(tmp_path, capsys):
    project = make_project(tmp_path / "projet", **{
        "site_config.yml": FILES["site_config.yml"] + "qr: {path: go}\n",
        "content/campaigns/soignants.yml": FILES["content/campaigns/soignants.yml"].split("placements:")[0],
        "qr-codes.yml": "bastille:\n  campaign: soignants\n  medium: affiche\n  label: \"Affiche Bastille\"\n"
                        "  published: 2026-10-01\n  retired: /\n",
    })
    log = tmp_path / "access.log"
    log.write_text(
        nginx("192.0.2.44", "02/Nov/2026:10:00:00 +0100", "GET /go/bastille/ HTTP/1.1", 200, IPHONE)
        + nginx("192.0.2.44", "02/Nov/2026:10:00:00 +0100", "GET /q/bastille/ HTTP/1.1", 200, IPHONE),
        encoding="utf-8")
    assert report(project, [log]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^  bastille\s+Affiche Bastille \(retiré\)\s+affiche\s+1$", out, re.M)


def test_no_scans_at_all(project, tmp_path, capsys):
    log = tmp_path / "empty.log"
    log.write_bytes(b"")
    html = tmp_path / "r.html"
    assert report(project, [log], "--html", str(html)) == 0
    out = capsys.readouterr().out
    assert "Période des journaux : aucune ligne lisible" in out
    assert "Total : 0 scan" in out
    assert html.read_text("utf-8").count("<svg") == 2


def test_content_error_returns_1(project, logs, capsys):
    (project / "content/campaigns/artisans.yml").write_text("title: Artisans\nplacements: 3\n", encoding="utf-8")
    assert report(project, logs) == 1
    err = capsys.readouterr().err
    assert "content/campaigns/artisans.yml:2: placements:" in err


@pytest.mark.parametrize("name, data", [("absent.log", None), ("broken.log.gz", gzip.compress(b"x" * 2000)[:30])])
def test_unreadable_log_returns_2(project, logs, tmp_path, capsys, name, data):
    bad = tmp_path / name
    if data is not None:
        bad.write_bytes(data)
    assert report(project, [logs[0], bad]) == 2
    captured = capsys.readouterr()
    assert f"impossible de lire le journal « {bad} »" in captured.err
    assert captured.out == ""


def test_line_parsing_keeps_no_address():
    request = parse_line(DAY1[0])
    assert (request.method, request.target, request.status, request.day.isoformat()) == ("GET", "/q/bastille/", 302, "2026-11-02")
    assert "203.0.113.7" not in repr(request)
    assert parse_line("") is None and parse_line("garbage [] \"\"") is None


@pytest.mark.parametrize("agent", [
    "Mozilla/5.0 (compatible; Googlebot/2.1)", "facebookexternalhit/1.1", "WhatsApp/2.23", "Slackbot-LinkExpanding 1.0",
    "python-requests/2.31", "python-httpx/0.27", "Go-http-client/2.0", "Mozilla/5.0 HeadlessChrome/120",
    "UptimeRobot/2.0", "Pingdom.com_bot", "Territoire link check", "Mozilla/5.0 (compatible; Yahoo! Slurp)", "-", "",
])
def test_robots(agent):
    assert is_robot(agent)


@pytest.mark.parametrize("agent", [IPHONE, ANDROID, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", None])
def test_people(agent):
    assert not is_robot(agent)


def test_host_slash_redirect_is_not_counted_twice():
    from generator.codes.report.counting import ScanCounter
    from generator.site.short_links import ShortLink

    link = ShortLink(code="bastille", campaign="soignants", medium="affiche", source="qr", label="A", size="A3",
                     path="q/bastille/", url="https://vivre.example.fr/q/bastille/", target="https://vivre.example.fr/soignants/")
    counter = ScanCounter([link], "https://vivre.example.fr/")
    ua = '"Mozilla/5.0 (Linux; Android 14)"'
    counter.add_line(f'- - - [02/Nov/2026:10:00:00 +0100] "GET /q/bastille HTTP/1.1" 301 0 "-" {ua}')
    counter.add_line(f'- - - [02/Nov/2026:10:00:00 +0100] "GET /q/bastille/ HTTP/1.1" 200 512 "-" {ua}')
    counter.add_line(f'- - - [02/Nov/2026:10:05:00 +0100] "GET /q/bastille HTTP/1.1" 302 0 "-" {ua}')  # our own rule
    assert counter.count.total == 2


def test_chart_bars_named_by_shortened_distinct_labels():
    from generator.codes.report.counting import ScanCount
    from generator.codes.report.html_page import html_page
    from generator.codes.report.output import ScanReport
    from generator.site.short_links import ShortLink

    def link(code, label):
        return ShortLink(code=code, campaign="soignants", medium="affiche", source="qr", label=label, size="A3",
                         path=f"q/{code}/", url=f"https://vivre.example.fr/q/{code}/", target="https://vivre.example.fr/soignants/")

    long = "Affiche du hall 1 de la gare de Lyon, à côté des guichets grandes lignes"
    links = [link("lyon", long), link("nord", "Affiche gare"), link("est", "Affiche gare")]
    page = html_page(ScanReport(site_name="S", language="fr", titles={}, count=ScanCount(links=links)))
    bars = re.findall(r'text-anchor="end">([^<]*)</text>', page)
    assert bars == ["Affiche du hall 1 de la gare de Lyon, à…", "Affiche gare (nord)", "Affiche gare (est)"]
    assert f"<td>{long}</td>" in page and f"{long} (lyon) : 0 scan" in page  # whole in the table and the text alternative
