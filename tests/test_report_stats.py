"""``territoire report --from-analytics``: scans counted from the page views of the short links'
pages on the site's Matomo or Plausible server, for hosts without access logs.

No network: a fake Matomo and a fake Plausible answer on 127.0.0.1, fed the same visits as an
access log; the three sources must give the same table and the same CSV."""

from __future__ import annotations

import json
import socket
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import generator.codes.report as report_package
from generator.cli import main
from generator.codes.report import stats_api

from project_factory import FILES, make_project

MATOMO_TOKEN = "c0ffee5ecret0123456789abcdef0123"
PLAUSIBLE_KEY = "pl-SeCrEt_key.9876543210-zyxw"
CAMPAIGN = FILES["content/campaigns/soignants.yml"] + '  - {code: gare, medium: flyer, label: "Flyer gare"}\n'
ARTISANS = 'title: "Artisans : reprenez"\nplacements:\n  - {code: marche, medium: affiche, label: "Affiche <marché>"}\n'
MATOMO = 'analytics:\n  provider: matomo\n  url: https://stats.example.fr/\n  site_id: "3"\n'
PLAUSIBLE = "analytics:\n  provider: plausible\n  url: https://plausible.example.org/\n"
PERIOD = ("--since", "2026-11-01", "--until", "2026-11-04")
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"

# Page views per day and page, as both servers would count them: short links, and pages that
# are not scans (a campaign page, an unknown code, a sub-page of a code, another site's /q/).
VISITS = [
    ("2026-11-02", "/q/bastille/", 3),
    ("2026-11-02", "/q/gare/", 1),
    ("2026-11-02", "/soignants/", 5),
    ("2026-11-03", "/q/gare/", 2),
    ("2026-11-03", "/q/marche/", 2),
    ("2026-11-03", "/q/bastille/", 3),
    ("2026-11-03", "/q/inconnu/", 4),
    ("2026-11-03", "/q/bastille/extra/", 1),
    ("2026-11-03", "/blog/q/gare/", 6),
]


def access_log() -> str:
    """The same visits as an nginx log: one successful GET per view, by a phone."""
    lines = []
    for day, path, views in VISITS:
        when = f"{day[8:]}/Nov/{day[:4]}:10:00:00 +0100"
        lines += [f'192.0.2.44 - - [{when}] "GET {path} HTTP/1.1" 200 512 "-" "{IPHONE}"\n'] * views
    return "".join(lines)


def matomo_answer(days=("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04")) -> dict:
    """Actions.getPageUrls, flat, period=day over a range: one list of rows per day. A day
    without data comes as [] or {}; the "Others" row has no address."""
    answer = {day: [] for day in days}
    answer[days[-1]] = {}
    for day, path, views in VISITS:
        row = {"label": path.strip("/") + "/index", "nb_visits": views, "nb_hits": views, "sum_time_spent": 3,
               "url": f"https://vivre.example.fr{path}", "segment": "pageUrl==x"}
        if path == "/q/marche/":
            del row["url"]  # read from its flattened label
        answer[day].append(row)
    answer["2026-11-03"].append({"label": "Others", "nb_visits": 9, "nb_hits": "12"})
    return answer


def plausible_rows() -> list[dict]:
    """Stats API v2 rows, as Plausible filters them with ["contains", "event:page", ["/q/"]]."""
    return [{"metrics": [views], "dimensions": [path, day]} for day, path, views in VISITS if "/q/" in path]


class FakeServer:
    """An HTTP server on 127.0.0.1 that records each request and answers with ``respond``."""

    def __init__(self):
        self.requests: list[dict] = []
        self.respond = lambda request: (200, b"{}")
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                request = {"path": self.path, "headers": dict(self.headers), "body": body}
                fake.requests.append(request)
                status, data, *extra = fake.respond(request)
                self.send_response(status)
                for name, value in (extra[0] if extra else {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format, *args):  # quiet
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def fake_matomo(request) -> tuple:
    query = parse_qs(urlsplit(request["path"]).query)
    form = parse_qs(request["body"].decode())
    if form.get("token_auth") != [MATOMO_TOKEN]:
        return 200, json.dumps({"result": "error", "message": "You can't access this resource as it requires 'view' access for the website id = 3."}).encode()
    assert urlsplit(request["path"]).path == "/index.php"
    assert {k: v[0] for k, v in query.items()} == {
        "module": "API", "method": "Actions.getPageUrls", "idSite": "3", "period": "day", "date": "2026-11-01,2026-11-04",
        "format": "JSON", "flat": "1", "filter_limit": "-1"}
    return 200, json.dumps(matomo_answer()).encode()


def fake_plausible(request) -> tuple:
    if request["headers"].get("Authorization") != f"Bearer {PLAUSIBLE_KEY}":
        return 401, b'{"error": "Invalid API key or site ID. Please make sure you\'re using a valid API key with access to the site you\'ve requested."}'
    assert urlsplit(request["path"]).path == "/api/v2/query"
    query = json.loads(request["body"])
    page = query.pop("pagination")
    assert query == {
        "site_id": "vivre.example.fr", "metrics": ["pageviews"], "date_range": ["2026-11-01", "2026-11-04"],
        "dimensions": ["event:page", "time:day"], "filters": [["contains", "event:page", ["/q/"]]]}
    rows = plausible_rows()[page["offset"]:page["offset"] + page["limit"]]
    return 200, json.dumps({"results": rows, "meta": {}, "query": query}).encode()


@pytest.fixture
def server(monkeypatch):
    fake = FakeServer()
    monkeypatch.setattr(report_package, "server_of", lambda analytics: fake.url)
    yield fake
    fake.close()


def project_with(tmp_path: Path, analytics: str = "") -> Path:
    return make_project(tmp_path / "projet", **{
        "site_config.yml": FILES["site_config.yml"] + analytics,
        "content/campaigns/soignants.yml": CAMPAIGN, "content/campaigns/artisans.yml": ARTISANS})


def report(project: Path, *args: str) -> int:
    return main(["report", "--project", str(project), *args])


def counts(out: str) -> list[str]:
    """The lines that hold counts: campaigns, placements and the total (not the period nor the source)."""
    return [line for line in out.splitlines() if line.startswith(("Campagne", "  ", "Total"))]


@pytest.fixture
def tokens(monkeypatch):
    monkeypatch.setenv("MATOMO_TOKEN", MATOMO_TOKEN + "\n")  # a pasted secret may end with a newline
    monkeypatch.setenv("PLAUSIBLE_API_KEY", PLAUSIBLE_KEY)


# --- the same counts from the log, Matomo and Plausible ----------------------------------------

def test_same_counts_from_logs_matomo_and_plausible(tmp_path, server, tokens, monkeypatch, capsys):
    monkeypatch.setattr(stats_api, "PLAUSIBLE_PAGE", 2)  # several pages of results
    log = tmp_path / "access.log"
    log.write_text(access_log(), encoding="utf-8")
    results = {}
    for name, analytics, respond in (("log", "", None), ("matomo", MATOMO, fake_matomo), ("plausible", PLAUSIBLE, fake_plausible)):
        project = project_with(tmp_path / name, analytics)
        out_csv, out_html = tmp_path / f"{name}.csv", tmp_path / f"{name}.html"
        args = [str(log)] if respond is None else ["--from-analytics", *PERIOD]
        server.respond = respond or server.respond
        assert report(project, *args, "--csv", str(out_csv), "--html", str(out_html)) == 0, capsys.readouterr().err
        out = capsys.readouterr().out
        results[name] = (counts(out), out_csv.read_text("utf-8"), out, out_html.read_text("utf-8"))

    log_counts, log_csv = results["log"][:2]
    assert "Campagne « Soignants : votre avenir » (soignants) — 9 scans" in log_counts
    assert "Total : 11 scans" in log_counts
    for name in ("matomo", "plausible"):
        assert results[name][0] == log_counts, name
        assert results[name][1] == log_csv, name
    assert log_csv.splitlines()[1:] == [
        "2026-11-02,soignants,bastille,affiche,Affiche Bastille,3",
        "2026-11-02,soignants,gare,flyer,Flyer gare,1",
        "2026-11-03,artisans,marche,affiche,Affiche <marché>,2",
        "2026-11-03,soignants,bastille,affiche,Affiche Bastille,3",
        "2026-11-03,soignants,gare,flyer,Flyer gare,2",
    ]
    assert len([r for r in server.requests if r["path"] == "/api/v2/query"]) == 5  # 8 rows, 2 a page, then none

    out, page = results["matomo"][2:]
    host = urlsplit(server.url).netloc
    assert f"Période lue sur le serveur de statistiques {host} : du dimanche 1 novembre 2026 au mercredi 4 novembre 2026" in out
    assert f"Pages vues des liens courts sur le serveur de statistiques {host} : 11" in out
    assert "Lignes lues" not in out and "Période des journaux" not in out
    assert "dimanche 1 novembre 2026" in page and '<time datetime="2026-11-03">mardi 3 novembre 2026</time>' in page
    assert 'text-anchor="end">Flyer gare</text>' in page and 'text-anchor="end">gare</text>' not in page
    assert "le serveur écarte lui-même les robots" in page
    for text in (out, page, *results["plausible"][2:]):
        assert MATOMO_TOKEN not in text and PLAUSIBLE_KEY not in text


def test_logs_and_server_together_are_added_up(tmp_path, server, tokens, capsys):
    server.respond = fake_matomo
    log = tmp_path / "access.log"
    log.write_text(access_log(), encoding="utf-8")
    assert report(project_with(tmp_path, MATOMO), str(log), "--from-analytics", *PERIOD) == 0
    out = capsys.readouterr().out
    assert "Total : 22 scans" in out
    assert "Période des journaux : du lundi 2 novembre 2026 au mardi 3 novembre 2026" in out
    assert "Période lue sur le serveur de statistiques" in out
    assert "un scan est compté deux fois" in out


def test_matomo_token_goes_in_the_post_body_only(tmp_path, server, tokens, capsys):
    server.respond = fake_matomo
    assert report(project_with(tmp_path, MATOMO), "--from-analytics", *PERIOD) == 0
    [request] = server.requests
    assert parse_qs(request["body"].decode()) == {"token_auth": [MATOMO_TOKEN]}  # stripped of its newline
    assert MATOMO_TOKEN not in request["path"]
    assert request["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert "Authorization" not in request["headers"] and "Cookie" not in request["headers"]


def test_plausible_sub_path_site(tmp_path, server, tokens, capsys):
    """A GitHub Pages project site: pages are under /vivre/, and Plausible's site is the host."""
    project = project_with(tmp_path, PLAUSIBLE)
    config = project / "site_config.yml"
    config.write_text(config.read_text("utf-8").replace("https://vivre.example.fr", "https://agence.github.io/vivre"), encoding="utf-8")
    seen = []

    def respond(request):
        seen.append(json.loads(request["body"]))
        rows = [{"metrics": [2], "dimensions": ["/vivre/q/gare/", "2026-11-02"]},
                {"metrics": [5], "dimensions": ["/q/gare/", "2026-11-02"]}]  # not this site's short link
        return 200, json.dumps({"results": rows}).encode()

    server.respond = respond
    assert report(project, "--from-analytics", *PERIOD) == 0
    assert seen[0]["site_id"] == "agence.github.io"
    assert seen[0]["filters"] == [["contains", "event:page", ["/vivre/q/"]]]
    assert "Total : 2 scans" in capsys.readouterr().out


def test_default_period_is_the_last_30_days(tmp_path, server, tokens, capsys):
    def respond(request):
        since, until = json.loads(request["body"])["date_range"]
        assert (date.fromisoformat(until) - date.fromisoformat(since)).days == 29
        return 200, b'{"results": []}'

    server.respond = respond
    assert report(project_with(tmp_path, PLAUSIBLE), "--from-analytics") == 0
    assert "Total : 0 scan" in capsys.readouterr().out


# --- what can go wrong: a clear message, an exit code, never a traceback nor the token -------

def run_failing(project: Path, capsys, *args: str) -> tuple[int, str]:
    code = report(project, *args)
    captured = capsys.readouterr()
    assert captured.out == ""  # no half report
    assert "Traceback" not in captured.err
    assert MATOMO_TOKEN not in captured.err and PLAUSIBLE_KEY not in captured.err
    assert captured.err.startswith("territoire: ") and captured.err.count("\n") == 1, captured.err
    return code, captured.err


def sent_token(request) -> str:
    """The token a request carried, for a server that repeats it in its error."""
    form = parse_qs(request["body"].decode(errors="replace"))
    return form.get("token_auth", [request["headers"].get("Authorization", "").removeprefix("Bearer ")])[0]


def answer(status: int, body: bytes, headers: dict | None = None):
    return lambda request: (status, body, headers or {})


@pytest.mark.parametrize("analytics", [MATOMO, PLAUSIBLE], ids=["matomo", "plausible"])
@pytest.mark.parametrize("respond, code, expected", [
    (answer(401, b'{"error": "Invalid API key"}'), 2, "refuse le jeton (HTTP 401) : vérifiez la variable"),
    (answer(403, b"<html>Forbidden</html>"), 2, "refuse le jeton (HTTP 403)"),
    (answer(404, b"<html>Not found</html>"), 2, "ne connaît pas cette adresse (HTTP 404)"),
    (lambda request: (400, json.dumps({"error": f"Invalid filter \x1b[31m{sent_token(request)}"}).encode()), 2,
     "refuse la demande (HTTP 400) : Invalid filter [31m***"),
    (answer(429, b"{}"), 4, "limite le nombre de demandes (HTTP 429)"),
    (answer(500, b"Internal Server Error"), 4, "est en panne (HTTP 500) ; réessayez plus tard"),
    (answer(503, b""), 4, "est en panne (HTTP 503)"),
    (answer(302, b"", {"Location": "https://evil.example/steal"}), 2, "renvoie vers une autre adresse (HTTP 302)"),
    (answer(200, b"<html>Matomo login</html>"), 4, "n'est pas du JSON"),
    (answer(200, b"\xff\xfe garbage"), 4, "n'est pas du JSON"),
    (answer(200, b"[" * 100_000 + b"]" * 100_000), 4, "n'est pas du JSON"),
    (answer(200, b"[1, 2, 3]"), 4, "n'a pas la forme attendue"),
], ids=["401", "403", "404", "400-detail", "429", "500", "503", "redirect", "html", "not-utf8", "deep", "shape"])
def test_server_errors(tmp_path, server, tokens, capsys, analytics, respond, code, expected):
    server.respond = respond
    got, err = run_failing(project_with(tmp_path, analytics), capsys, "--from-analytics", *PERIOD)
    assert (got, expected in err) == (code, True), err
    assert urlsplit(server.url).netloc in err
    assert "evil.example" not in err
    assert len(server.requests) == 1  # the redirect was not followed


@pytest.mark.parametrize("analytics, body, where", [
    (MATOMO, {"2026-11-02": "rows"}, "2026-11-02: […]"),
    (MATOMO, {"2026-11-02": [{"url": "https://vivre.example.fr/q/gare/", "nb_hits": -1}]}, "2026-11-02[0].nb_hits"),
    (MATOMO, {"2026-11-02": [{"url": "https://vivre.example.fr/q/gare/", "nb_hits": True}]}, "2026-11-02[0].nb_hits"),
    (MATOMO, {"2026-11-02": ["/q/gare/"]}, "2026-11-02[0]"),
    (MATOMO, {"2027-01-01": []}, "2027-01-01"),  # a day outside the period asked
    (MATOMO, {"\x1b]0;pwned\x07": []}, "]0;pwned"),
    (PLAUSIBLE, {"results": {"page": 1}}, "results"),
    (PLAUSIBLE, {"results": [{"metrics": [1.5], "dimensions": ["/q/gare/", "2026-11-02"]}]}, "results[0]"),
    (PLAUSIBLE, {"results": [{"metrics": [1], "dimensions": ["/q/gare/", "2 novembre"]}]}, "results[0]"),
    (PLAUSIBLE, {"results": [{"metrics": [1], "dimensions": ["/q/gare/"]}]}, "results[0].metrics/dimensions"),
    (PLAUSIBLE, {"error": "boom"}, "results"),
], ids=["m-rows", "m-negative", "m-bool", "m-row", "m-day", "m-escape", "p-results", "p-float", "p-day", "p-dims", "p-error"])
def test_answers_of_the_wrong_shape(tmp_path, server, tokens, capsys, analytics, body, where):
    server.respond = answer(200, json.dumps(body).encode())
    code, err = run_failing(project_with(tmp_path, analytics), capsys, "--from-analytics", *PERIOD)
    assert code == 4
    assert f"n'a pas la forme attendue (à « {where} ») ; rien n'a été compté" in err
    assert "\x1b" not in err and "\x07" not in err


def test_matomo_error_with_http_200(tmp_path, server, monkeypatch, capsys):
    monkeypatch.setenv("MATOMO_TOKEN", "wrong-token-0000")
    server.respond = fake_matomo
    code, err = run_failing(project_with(tmp_path, MATOMO), capsys, "--from-analytics", *PERIOD)
    assert code == 2
    assert "requires 'view' access for the website id = 3." in err
    assert "wrong-token-0000" not in err


def test_unreachable_port(tmp_path, tokens, monkeypatch, capsys):
    with socket.socket() as probe:  # a port nobody listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(report_package, "server_of", lambda analytics: f"http://127.0.0.1:{port}/")
    code, err = run_failing(project_with(tmp_path, MATOMO), capsys, "--from-analytics", *PERIOD)
    assert code == 4
    assert f"serveur de statistiques 127.0.0.1:{port} injoignable (connexion refusée)" in err


def test_server_that_never_answers(tmp_path, tokens, monkeypatch, capsys):
    with socket.socket() as silent:  # accepts connections (the backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        monkeypatch.setattr(stats_api, "TIMEOUT", 0.3)
        monkeypatch.setattr(report_package, "server_of", lambda analytics: f"http://127.0.0.1:{silent.getsockname()[1]}/")
        code, err = run_failing(project_with(tmp_path, PLAUSIBLE), capsys, "--from-analytics", *PERIOD)
    assert code == 4
    assert "n'a pas répondu en 0.3 secondes ; réessayez plus tard" in err


def test_too_large_an_answer(tmp_path, server, tokens, monkeypatch, capsys):
    monkeypatch.setattr(stats_api, "MAX_BYTES", 2**20)
    server.respond = answer(200, b'{"results": [' + b" " * 2**20 + b"]}")
    code, err = run_failing(project_with(tmp_path, PLAUSIBLE), capsys, "--from-analytics", *PERIOD)
    assert code == 4 and "dépasse 1 Mo" in err


def test_plain_http_to_another_host_is_refused(tmp_path, server, tokens, monkeypatch, capsys):
    monkeypatch.setattr(report_package, "server_of", lambda analytics: "http://stats.example.fr/")
    code, err = run_failing(project_with(tmp_path, MATOMO), capsys, "--from-analytics", *PERIOD)
    assert code == 2 and "n'est pas en https:// : le jeton n'est jamais envoyé en clair" in err
    assert server.requests == []


# --- the officer's mistakes ----------------------------------------------------------------

@pytest.mark.parametrize("analytics, variable, where", [
    (MATOMO, "MATOMO_TOKEN", "dans Matomo (Administration > Personnel > Sécurité"),
    (PLAUSIBLE, "PLAUSIBLE_API_KEY", "dans Plausible (Paramètres du compte > Clés API"),
])
def test_no_token(tmp_path, server, monkeypatch, capsys, analytics, variable, where):
    monkeypatch.delenv(variable, raising=False)
    code, err = run_failing(project_with(tmp_path, analytics), capsys, "--from-analytics")
    assert code == 2
    assert f"la variable d'environnement {variable} est absente ou vide : créez un jeton {where}" in err
    monkeypatch.setenv(variable, "two words inside")
    code, err = run_failing(project_with(tmp_path / "2", analytics), capsys, "--from-analytics")
    assert code == 2 and f"la variable d'environnement {variable} ne contient pas un jeton" in err
    assert "two words" not in err
    assert server.requests == []


def test_no_analytics_configured(tmp_path, tokens, capsys):
    code, err = run_failing(project_with(tmp_path), capsys, "--from-analytics")
    assert code == 2 and "aucune mesure d'audience n'est configurée" in err


def test_arguments(tmp_path, server, tokens, capsys):
    project = project_with(tmp_path, MATOMO)
    code, err = run_failing(project, capsys)
    assert code == 2 and "indiquez les journaux d'accès à lire, ou --from-analytics" in err
    log = tmp_path / "access.log"
    log.write_text(access_log(), encoding="utf-8")
    code, err = run_failing(project, capsys, str(log), "--since", "2026-11-01")
    assert code == 2 and "--since et --until ne servent qu'avec --from-analytics" in err
    code, err = run_failing(project, capsys, "--from-analytics", "--since", "2026-11-05", "--until", "2026-11-04")
    assert code == 2 and "commence le 2026-11-05, après son dernier jour, le 2026-11-04" in err
    assert server.requests == []


@pytest.mark.parametrize("key", ["token_auth", "api_key", "PLAUSIBLE_API_KEY", "token"])
def test_token_in_site_config_is_refused(tmp_path, capsys, key):
    project = project_with(tmp_path, PLAUSIBLE + f"  {key}: {PLAUSIBLE_KEY}\n")
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    line = FILES["site_config.yml"].count("\n") + 4
    assert f"site_config.yml:{line}: analytics.{key}: « {key}: » : un jeton d'accès ne s'écrit jamais dans site_config.yml" in err
    assert "variable d'environnement PLAUSIBLE_API_KEY" in err
    assert PLAUSIBLE_KEY not in err
