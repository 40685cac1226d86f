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

from .site.short_links import ShortLink

GONE_FILE = "410.html"  # beside an expired offer's index.html: the body of its 410 answer
PAGE_WORDS = {
    "fr": ("Redirection", "Continuer vers la page de la campagne"),
    "en": ("Redirecting", "Continue to the campaign page"),
}


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


def short_link_page(link: ShortLink, base_url: str, language: str, site_name: str) -> str:
    title, words = PAGE_WORDS[language]
    target = relative_target(link, base_url)
    return (
        f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="robots" content="noindex">'
        f'<meta http-equiv="refresh" content="0; url={escape(target)}">'
        f"<title>{title} – {escape(site_name)}</title>"
        f"<script>location.replace({json.dumps(target)})</script></head>"
        f'<body><p><a href="{escape(target)}">{words}</a></p></body></html>\n'
    )


def _host_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


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
            lines += [f"{path} {target} 302!", f"{path} {target} 302"]
    if gone:
        lines.append("# Offres expirées : 410 Gone et la page « offre plus disponible » (Netlify ; ignoré par Cloudflare Pages)")
    for path in gone:
        lines += [f"{path.rstrip('/')} {path}{GONE_FILE} 410!", f"{path} {path}{GONE_FILE} 410!"]
    return "\n".join(lines) + "\n"


def _same_site(link: ShortLink) -> str:
    """Keep same-site destinations as paths: the rule then also works on a preview domain."""
    short, target = urlsplit(link.url), urlsplit(link.target)
    return _host_path(link.target) if short.netloc == target.netloc else link.target


def apache_rules(links: list[ShortLink], base_path: str, gone: list[str] = ()) -> str:
    lines = [
        "# Territoire : généré, ne pas modifier",
        f"ErrorDocument 404 {base_path}404.html",
    ]
    for link in links:
        source = _host_path(link.url).rstrip("/")
        lines.append(f"RedirectMatch 302 ^{_regex(source)}/?$ {_same_site(link)}")
    if gone:
        lines.append("# Offres expirées : 410 Gone, avec la page « offre plus disponible » (Apache 2.4)")
    for path in gone:
        pattern = _regex(path)
        lines += [
            f"RedirectMatch 301 ^{pattern[:-1]}$ {path}",
            f"RedirectMatch 410 ^{pattern}$",
            f'<If "%{{REQUEST_URI}} =~ m#^{pattern}$#">',
            f"  ErrorDocument 410 {path}{GONE_FILE}",
            "</If>",
        ]
    return "\n".join(lines) + "\n"


def nginx_rules(links: list[ShortLink], gone: list[str] = ()) -> str:
    lines = ["# Territoire : liens courts des codes QR, à inclure dans le bloc server { } du site."]
    for link in links:
        source = _host_path(link.url).rstrip("/")
        target = _same_site(link)
        lines += [f"location = {source} {{ return 302 {target}; }}", f"location = {source}/ {{ return 302 {target}; }}"]
    if gone:
        lines.append("# Offres expirées : 410 Gone, avec la page « offre plus disponible ».")
    for path in gone:
        lines += [f"location = {path.rstrip('/')} {{ return 301 {path}; }}",
                  f"location = {path} {{ error_page 410 {path}{GONE_FILE}; return 410; }}"]
    return "\n".join(lines) + "\n"


def _regex(path: str) -> str:
    return "".join("\\" + ch if ch in ".+*?()[]{}|^$\\" else ch for ch in path)


def expired_paths(site) -> list[str]:
    """Host paths ("/offres/<slug>/", under the site's base path) of expired offers' pages."""
    base_path = urlsplit(site.content.config.site.base_url).path
    return [base_path + p.url for p in site.pages if p.meta.get("gone")]


def write_short_links(site, links: list[ShortLink], out: Path) -> None:
    """Inside the site being built: /q/<code>/index.html, _redirects, .htaccess, and beside each
    expired offer's page the copy the 410 rules serve."""
    cfg = site.content.config
    base_url = cfg.site.base_url
    for link in links:
        page = out / link.path / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(short_link_page(link, base_url, cfg.site.language, cfg.site.name), encoding="utf-8")
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
