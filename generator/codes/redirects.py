"""Files that make short links answer: a static page per code, and rules for static hosts.

The static page works everywhere (meta refresh, and location.replace with JavaScript); the
host rules turn the same links into real HTTP redirects, counted in the host's access log.

The same rules answer "410 Gone" at the address of an expired offer, with the body of its
"no longer available" page (copied beside it as GONE_FILE, so no rule rewrites a path to
itself): Netlify (``_redirects``, forced with ``!`` since the page exists), Apache
(``.htaccess``) and nginx (snippet). Cloudflare Pages accepts only 200 and 3xx codes in
``_redirects`` and skips these lines: there the page answers 200, with ``noindex``."""

from __future__ import annotations

import json
import os
import posixpath
import shutil
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from ..content.fields import RULE_SAFE_RE, SLUG_RE
from ..locales import words
from ..locales.typography import for_language
from ..site.short_links import ShortLink

GONE_FILE = "410.html"  # beside an expired offer's index.html: the body of its 410 answer


def relative_target(link: ShortLink, base_url: str) -> str:
    """The destination as seen from /q/<code>/, so the page also works in a local preview."""
    if not link.target.startswith(base_url):
        return link.target  # retired to another site
    inside = link.target[len(base_url):]
    path, _, query = inside.partition("?")
    rel = posixpath.relpath(path or ".", link.path.rstrip("/"))
    if (not path or path.endswith("/")) and not rel.endswith("/"):
        rel += "/"  # a folder page: keep the slash the static host expects
    return f"{rel}?{query}" if query else rel


class UnsafeRule(ValueError):
    """A value that a host rule or the redirect page would read as syntax. The content model
    refuses it first (fields.py); reaching here is a bug, and nothing is written."""


def _rule_value(value: str, *, source: bool = False) -> str:
    """The one check every value written into a rule or a redirect page goes through: a path of
    the site ("/q/bastille/", relative "../../soignants/?utm_…" in the page) or, as a destination,
    an https address; and only characters that none of the syntaxes reads as an instruction."""
    allowed = value.startswith(("/", "../")) or (not source and value.startswith("https://"))
    if not allowed or not RULE_SAFE_RE.match(value):
        raise UnsafeRule(value)
    return value


def _script_string(value: str) -> str:
    """A JavaScript string literal that cannot end the <script> element it is in."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")


def short_link_page(link: ShortLink, base_url: str, language: str, site_name: str, analytics=None) -> str:
    """``analytics``: the site's settings (``config.analytics``); when enabled, the page records
    its own view before it redirects, so that hosts without logs still count scans."""
    t = words(language, "short_link")
    target = _rule_value(relative_target(link, base_url))
    return (
        f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="robots" content="noindex">'
        f'<meta http-equiv="refresh" content="0; url={escape(target)}">'
        f"<title>{t['title']} – {escape(for_language(language)(site_name))}</title>"
        f"<script>{page_view_beacon(analytics, base_url)}location.replace({_script_string(target)})</script></head>"
        f'<body><p><a href="{escape(target)}">{t["link"]}</a></p></body></html>\n'
    )


OPT_OUT = "territoire-no-measure"  # analytics.js's key: the visitor objected on the privacy page


def page_view_beacon(analytics, base_url: str) -> str:
    """A plain page view of the short link's page, sent as a beacon (it outlives the redirect),
    as the site's own pages send one: no cookie, no identifier, no referrer, the address without
    its query string, so no campaign parameter; nothing once the visitor has objected. The scan
    report reads these views where the host keeps no logs. "" without measurement."""
    if analytics is None or not analytics.enabled:
        return ""
    server = analytics.base_url
    if analytics.provider == "matomo":
        # Matomo's tracking API reads its parameters from the query string of a POST too.
        send = (f"navigator.sendBeacon({_script_string(server + 'matomo.php?rec=1&send_image=0&idsite=')}"
                f"+encodeURIComponent({_script_string(analytics.site_id)})+\"&url=\"+encodeURIComponent(u))")
    else:
        # Plausible's events API, as its own script calls it: JSON in a text/plain body.
        domain = urlsplit(base_url).hostname or ""
        send = (f"navigator.sendBeacon({_script_string(server + 'api/event')},"
                f"JSON.stringify({{n:\"pageview\",u:u,d:{_script_string(domain)},r:null}}))")
    # Storage that cannot be read (some private modes) is no objection, as in analytics.js; a
    # browser without sendBeacon still redirects.
    return (f"var off;try{{off=localStorage.getItem({_script_string(OPT_OUT)})===\"1\"}}catch(e){{}}"
            f"if(!off){{try{{var u=location.origin+location.pathname;{send}}}catch(e){{}}}}")


def _host_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


# One writer per syntax: each value goes through ``_rule_value`` (UnsafeRule rather than a
# line that would say something else), and the line is made here and nowhere else.

def _netlify(source: str, target: str, status: str) -> str:
    """``<from> <to> <status>``: fields split on spaces, "#" starts a comment, ":name" and "*" are placeholders."""
    return f"{_rule_value(source, source=True)} {_rule_value(target)} {status}"


def _apache(status: int, source: str, target: str | None = None, *, optional_slash: bool = False) -> str:
    """``RedirectMatch <status> ^<regex>$ [<to>]``: the source is a regular expression, escaped."""
    pattern = _regex(_rule_value(source, source=True)) + ("/?" if optional_slash else "")
    return f"RedirectMatch {status} ^{pattern}$" + (f" {_rule_value(target)}" if target is not None else "")


def _nginx(source: str, *directives: tuple[str, ...]) -> str:
    """``location = <path> { <directive> <value>…; … }``: ";" ends a directive, braces a block,
    "$" starts a variable. Directive names are ours; every value is a status code or checked."""
    body = "; ".join(" ".join([name, *(v if v.isdigit() else _rule_value(v) for v in values)])
                     for name, *values in directives)
    return f"location = {_rule_value(source, source=True)} {{ {body}; }}"


def netlify_rules(links: list[ShortLink], gone: list[str] = ()) -> str:
    """``_redirects`` for Netlify and Cloudflare Pages (302: a retired code changes destination).
    ``gone``: host paths of expired offers ("/offres/<slug>/"), answered 410 by Netlify."""
    # Each rule twice: Netlify applies the first ("!" forces it over the static page that exists
    # at /q/<code>/), Cloudflare Pages ignores that syntax and applies the second.
    lines = ["# Territoire : liens courts des codes QR (généré, ne pas modifier)"]
    for link in links:
        source = _host_path(link.url).rstrip("/")
        target = _same_site(link)
        for path in (source, f"{source}/"):
            lines += [_netlify(path, target, "302!"), _netlify(path, target, "302")]
    if gone:
        lines.append("# Offres expirées : 410 Gone et la page « offre plus disponible » (Netlify ; ignoré par Cloudflare Pages)")
    for path in gone:
        lines += [_netlify(path.rstrip("/"), f"{path}{GONE_FILE}", "410!"), _netlify(path, f"{path}{GONE_FILE}", "410!")]
    return "\n".join(lines) + "\n"


def _same_site(link: ShortLink) -> str:
    """Keep same-site destinations as paths: the rule then also works on a preview domain."""
    short, target = urlsplit(link.url), urlsplit(link.target)
    return _host_path(link.target) if short.netloc == target.netloc else link.target


def apache_rules(links: list[ShortLink], base_path: str, gone: list[str] = ()) -> str:
    lines = [
        "# Territoire : généré, ne pas modifier",
        f"ErrorDocument 404 {_rule_value(f'{base_path}404.html', source=True)}",
    ]
    for link in links:
        source = _host_path(link.url).rstrip("/")
        lines.append(_apache(302, source, _same_site(link), optional_slash=True))
    if gone:
        lines.append("# Offres expirées : 410 Gone, avec la page « offre plus disponible » (Apache 2.4)")
    for path in gone:
        pattern = _regex(_rule_value(path, source=True))
        lines += [
            _apache(301, path.rstrip("/"), path),
            _apache(410, path),
            f'<If "%{{REQUEST_URI}} =~ m#^{pattern}$#">',
            f"  ErrorDocument 410 {_rule_value(f'{path}{GONE_FILE}', source=True)}",
            "</If>",
        ]
    return "\n".join(lines) + "\n"


def nginx_rules(links: list[ShortLink], gone: list[str] = ()) -> str:
    lines = ["# Territoire : liens courts des codes QR, à inclure dans le bloc server { } du site."]
    for link in links:
        source = _host_path(link.url).rstrip("/")
        target = _same_site(link)
        lines += [_nginx(source, ("return", "302", target)), _nginx(f"{source}/", ("return", "302", target))]
    if gone:
        lines.append("# Offres expirées : 410 Gone, avec la page « offre plus disponible ».")
    for path in gone:
        lines += [_nginx(path.rstrip("/"), ("return", "301", path)),
                  _nginx(path, ("error_page", "410", f"{path}{GONE_FILE}"), ("return", "410"))]
    return "\n".join(lines) + "\n"


def _regex(path: str) -> str:
    return "".join("\\" + ch if ch in ".+*?()[]{}|^$\\" else ch for ch in path)


def expired_paths(site) -> list[str]:
    """Host paths ("/offres/<slug>/", under the site's base path) of expired offers' pages."""
    base_path = urlsplit(site.content.config.site.base_url).path
    return [base_path + p.url for p in site.pages if p.meta.get("gone")]


def _page_file(out: Path, rel: str) -> Path:
    """``out/<rel>/index.html``, every segment of ``rel`` a slug: a code never names a folder
    outside the site ("..", "/etc/cron.d/x")."""
    parts = rel.strip("/").split("/")
    if not all(SLUG_RE.match(part) for part in parts):
        raise UnsafeRule(rel)
    return out.joinpath(*parts, "index.html")


def write_short_links(site, links: list[ShortLink], out: Path) -> None:
    """Inside the site being built: /q/<code>/index.html, _redirects, .htaccess, and beside each
    expired offer's page the copy the 410 rules serve."""
    cfg = site.content.config
    base_url = cfg.site.base_url
    for link in links:
        page = _page_file(out, link.path)
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(short_link_page(link, base_url, cfg.site.language, cfg.site.name, cfg.analytics), encoding="utf-8")
    gone = expired_paths(site)
    for p in site.pages:
        if p.meta.get("gone"):
            shutil.copyfile(out / p.url / "index.html", out / p.url / GONE_FILE)
    (out / "_redirects").write_text(netlify_rules(links, gone), encoding="utf-8")
    (out / ".htaccess").write_text(apache_rules(links, urlsplit(base_url).path, gone), encoding="utf-8")


def write_nginx_snippet(links: list[ShortLink], out: Path, gone: list[str] = ()) -> Path:
    """Beside the site, not published: ``site.nginx.conf`` for ``site/``. Written atomically."""
    path = out.parent / f"{out.name}.nginx.conf"
    tmp = path.with_suffix(".conf.tmp")
    tmp.write_text(nginx_rules(links, gone), encoding="utf-8")
    os.replace(tmp, path)
    return path
