"""Load a whole project (site_config.yml + content/) into a validated ``Content``.

Every problem of every file is collected before failing, so one run shows them all."""

from __future__ import annotations

import os
from stat import S_ISREG
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from slugify import slugify

from .errors import ContentError, Problem
from .fields import DEFAULT_TIMEZONE, MARKDOWN_MAX_DEPTH, MARKDOWN_MAX_LENGTH, markdown_depth, slug_error, visible
from .messages import Messages
from .kinds import COLLECTIONS, KINDS
from .model import Campaign, Event, Job, PageMeta, RegisteredCode, SiteConfig, Territory, Testimonial
from .references import check_references
from .validation import validate
from .yaml_source import Source, parse_yaml, read_text


@dataclass
class Page:
    meta: PageMeta
    body: str  # Markdown, sanitised when rendered


@dataclass
class Content:
    root: Path
    config: SiteConfig
    territory: Territory
    jobs: dict[str, Job] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    testimonials: dict[str, Testimonial] = field(default_factory=dict)
    campaigns: dict[str, Campaign] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    # Every slug with a file, valid or not: a reference to a broken file is not also "unknown".
    present: dict[str, set[str]] = field(default_factory=dict)
    registry: dict[str, RegisteredCode] = field(default_factory=dict)  # qr-codes.yml
    # Imported offers (content/imports/): slug → (import's name, upstream id); those withdrawn
    # upstream or hidden by the officer stay in ``jobs`` for the page their address leaves behind.
    imported: dict[str, tuple[str, str]] = field(default_factory=dict)
    withdrawn: set[str] = field(default_factory=set)

    @property
    def language(self) -> str:
        return self.config.site.language

    @property
    def media_dir(self) -> Path:
        return self.root / "content" / "media"


def language_of(root: Path) -> str:
    """The site's language, read leniently so even a broken config gets messages in it."""
    try:
        text = (root / "site_config.yml").read_text("utf-8")
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith("language:"):
                value = stripped.split(":", 1)[1].split("#")[0].strip().strip("'\"")
                if value in ("fr", "en"):
                    return value
    except (OSError, UnicodeDecodeError):
        pass
    return "fr"


def load_project(root: Path, parsed: dict | None = None) -> Content:
    """Load and validate the whole project. ``parsed``, a dict the preview keeps between rebuilds,
    spares re-reading the files that did not change since (2,400 offers: 0.4 s)."""
    root = Path(root)
    language = language_of(root)
    msg = Messages(language)
    problems: list[Problem] = list(_links_outside(root, msg))
    links = tuple(p.file for p in problems)  # reported, and never read (nor anything under them)

    def outside(rel: str) -> bool:
        return any(rel == link or rel.startswith(f"{link}/") for link in links)
    problems.extend(_unknown_in_content(root, msg))
    media_dir = root / "content" / "media"
    media_files = sorted(
        os.path.relpath(os.path.join(d, f), media_dir).replace(os.sep, "/")
        for d, _, files in os.walk(media_dir) for f in files
    ) if media_dir.is_dir() else []
    context = {"media_dir": media_dir, "media_files": media_files}
    # A file's validation also depends on the language, on which images exist and on the time zone
    # (times written with an offset become local times): ``scope``, completed once the config is read.
    scope = (language, tuple(media_files))
    earlier = parsed if parsed is not None and parsed.get("scope", ())[:2] == scope else {}
    now: dict = {}

    def load(path: Path, model, rel: str):
        if outside(rel):
            return None, None
        try:
            stat = path.stat()
        except OSError:
            stat = None
        if stat is None or not S_ISREG(stat.st_mode):
            problems.append(Problem(rel, None, None, msg("missing_file")))
            return None, None
        key = (rel, stat.st_mtime_ns, stat.st_size)
        if key not in earlier:
            found: list[Problem] = []
            text, read_problems = read_text(path, rel, msg)
            found.extend(read_problems)
            item, source = (None, None) if text is None else _validate_text(text, model, rel, msg, context, found)
            earlier[key] = (item, source, found)
        item, source, found = now[key] = earlier[key]
        problems.extend(found)
        return item, source

    config, config_source = load(root / "site_config.yml", SiteConfig, "site_config.yml")
    if config is not None:
        _check_theme(root, config, config_source, msg, problems)
    context["timezone"] = config.site.timezone if config is not None else DEFAULT_TIMEZONE
    now["scope"] = scope = (*scope, context["timezone"])
    if earlier and earlier.get("scope") != scope:
        earlier = {}
    territory_file = KINDS["territory"].file
    territory, _ = load(root / territory_file, Territory, territory_file)

    items: dict[str, dict] = {kind: {} for kind in COLLECTIONS}
    sources: dict[tuple[str, str], Source] = {("config", ""): config_source} if config_source else {}
    present: dict[str, set[str]] = {kind: set() for kind in COLLECTIONS}
    for kind, info in COLLECTIONS.items():
        folder, model = info.path, info.model
        for path in _files(root / folder, info.suffixes, folder, msg, problems, outside):
            rel = f"{folder}/{path.name}"
            slug = path.stem
            if not _slug_ok(slug, rel, msg, problems):
                continue
            present[kind].add(slug)
            item, source = load(path, model, rel)
            if item is not None:
                items[kind][slug] = item
                sources[(kind, slug)] = source

    pages: dict[str, Page] = {}
    pages_kind = KINDS["page"]
    for path in _files(root / pages_kind.path, pages_kind.suffixes, pages_kind.path, msg, problems, outside):
        rel = f"{pages_kind.path}/{path.name}"
        if not _slug_ok(path.stem, rel, msg, problems):
            continue
        text, read_problems = read_text(path, rel, msg, yaml_comments=False)
        problems.extend(read_problems)
        if text is None:
            continue
        page, source = _load_page(text, rel, msg, context, problems)
        if page is not None:
            pages[path.stem] = page
            sources[("page", path.stem)] = source

    imported: dict[str, tuple[str, str]] = {}
    withdrawn: set[str] = set()
    if config is not None:
        problems.extend(_import_sectors(config, config_source, msg))
        _load_imports(root, config, config_source, items["job"], present["job"], sources, imported, withdrawn,
                      msg, context, problems, outside, earlier, now)
    registry = {} if outside(REGISTRY_FILE) else _load_registry(root, msg, context, problems, sources)
    if parsed is not None:
        parsed.clear()
        parsed.update(now)  # files deleted since are forgotten

    if config is None or territory is None:
        raise ContentError(problems)
    content = Content(
        root=root, config=config, territory=territory, jobs=items["job"], events=items["event"],
        testimonials=items["testimonial"], campaigns=items["campaign"], pages=pages, sources=sources, present=present, registry=registry,
        imported=imported, withdrawn=withdrawn,
    )
    problems.extend(check_references(content, msg))
    if problems:
        raise ContentError(problems)
    return content


REGISTRY_FILE = "qr-codes.yml"


def load_config(root: Path) -> tuple[SiteConfig, Source]:
    """site_config.yml alone, validated: what ``territoire import`` needs (the content may be
    broken, even its imports' files, and an import must still be able to repair them)."""
    msg = Messages(language_of(root))
    problems: list[Problem] = list(_links_outside(root, msg))
    rel = "site_config.yml"
    config, source = None, None
    if not problems:
        text, read_problems = read_text(root / rel, rel, msg)
        problems.extend(read_problems)
        if text is not None:
            config, source = _validate_text(text, SiteConfig, rel, msg, {"timezone": DEFAULT_TIMEZONE}, problems)
    if config is not None:
        problems.extend(_import_sectors(config, source, msg))
    if config is None or problems:
        raise ContentError(problems)
    return config, source


def _import_sectors(config, source, msg) -> list[Problem]:
    """Every sector an import maps to is one of the site's: else the import would succeed and the
    next build fail on the imported file, far from the line to fix."""
    sectors = list(config.site.sectors)
    problems = []
    for number, entry in enumerate(config.imports):
        named = [(("sectors", code), key) for code, key in entry.sectors.items()]
        named += [(("default_sector",), entry.default_sector)] if entry.default_sector else []
        named += [(("overrides", i, "sector"), o.sector) for i, o in enumerate(entry.overrides) if o.sector]
        for loc, key in named:
            if key not in config.site.sectors:
                at = ("imports", number, *loc)
                problems.append(Problem("site_config.yml", source.line_of(at), ".".join(str(p) for p in at),
                                        msg("unknown_sector", input=key, expected=", ".join(sectors), hint=msg.guess(key, sectors))))
    return problems


def _load_imports(root, config, config_source, jobs, present, sources, imported, withdrawn, msg, context, problems,
                  outside, earlier, now) -> None:
    """content/imports/<name>.json, one per ``imports:`` entry, with the officer's overrides."""
    from .imports import IMPORTS_FOLDER

    settings = {entry.key: (number, entry) for number, entry in enumerate(config.imports)}
    folder = root / IMPORTS_FOLDER
    for path in _files(folder, (".json",), IMPORTS_FOLDER, msg, problems, outside):
        rel = f"{IMPORTS_FOLDER}/{path.name}"
        if path.stem not in settings:
            problems.append(Problem(rel, None, None, msg("import_file_unknown", name=path.stem,
                                                         hint=msg.guess(path.stem, list(settings)))))
            continue
        number, entry = settings[path.stem]
        stat = path.stat()
        key = (rel, stat.st_mtime_ns, stat.st_size, context["timezone"])
        if key not in earlier:
            earlier[key] = _read_import_file(path, rel, msg, context)
        loaded, found = now[key] = earlier[key]
        problems.extend(found)
        overrides = {o.offer: (i, o) for i, o in enumerate(entry.overrides)}
        for slug, (upstream_id, job, line, gone) in loaded.items():
            if slug in present:
                where = f"content/jobs/{slug}.yml" if ("job", slug) not in sources else sources[("job", slug)].file
                problems.append(Problem(rel, line, None, msg("import_slug_taken", slug=slug, other=where)))
                continue
            if slug in overrides:
                _, override = overrides.pop(slug)
                if not override.sector or override.sector in config.site.sectors:  # else said by _import_sectors
                    job = override.apply(job)
                gone = gone or override.hidden
            jobs[slug] = job
            present.add(slug)
            sources[("job", slug)] = Source(rel, {}, line)
            imported[slug] = (entry.key, upstream_id)
            if gone:
                withdrawn.add(slug)
        for slug, (i, _) in overrides.items():
            problems.append(Problem("site_config.yml", config_source.line_of(("imports", number, "overrides", i, "offer")),
                                    f"imports.{number}.overrides.{i}.offer",
                                    msg("import_override_unknown", offer=slug, name=entry.key,
                                        hint=msg.guess(slug, [s for s in loaded]))))


def _read_import_file(path: Path, rel: str, msg, context) -> tuple[dict, list[Problem]]:
    """slug → (upstream id, Job, line of the offer in the file, withdrawn) and the problems."""
    from .model import Job
    from ..imports.store import BrokenFile, offer_lines, parse

    problems: list[Problem] = []
    text, read_problems = read_text(path, rel, msg, yaml_comments=False)
    problems.extend(read_problems)
    if text is None:
        return {}, problems
    try:
        data = parse(text)
    except BrokenFile as err:
        return {}, [err.problem(rel, msg)]
    lines = offer_lines(text)
    loaded = {}
    for entry in data.entries.values():
        line = lines.get(entry.slug)
        if not _slug_ok(entry.slug, rel, msg, problems):
            continue
        job, found = validate(Job, entry.job, Source(rel, {}, line or 1), msg, context)
        problems.extend(Problem(p.file, line, f"{entry.id}.{p.field}" if p.field else entry.id, p.message) for p in found)
        if job is not None:
            loaded[entry.slug] = (entry.id, job, line, entry.withdrawn is not None)
    return loaded, problems


def _load_registry(root: Path, msg, context, problems, sources) -> dict[str, RegisteredCode]:
    """qr-codes.yml: every code ever printed, kept by ``territoire print``. Optional."""
    path = root / REGISTRY_FILE
    if not path.is_file():
        return {}
    text, read_problems = read_text(path, REGISTRY_FILE, msg)
    problems.extend(read_problems)
    if text is None:
        return {}
    data, source, parse_problems = parse_yaml(text, REGISTRY_FILE, msg)
    problems.extend(parse_problems)
    sources[("registry", "")] = source
    if parse_problems or data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(REGISTRY_FILE, 1, None, msg("not_a_mapping")))
        return {}
    registry = {}
    for code, entry in data.items():
        # A code becomes the folder /q/<code>/ and a line of each host rule: a slug and nothing else.
        if not isinstance(code, str) or slug_error(code) is not None:
            shown = visible(str(code))
            problems.append(Problem(REGISTRY_FILE, source.line_of((code,)), None,
                                    msg("registry_code", input=shown, suggestion=_slug_suggestion(shown))))
            continue
        sub = Source(REGISTRY_FILE, {k[1:]: v for k, v in source.lines.items() if k[:1] == (code,)}, source.line_of((code,)))
        item, item_problems = validate(RegisteredCode, entry, sub, msg, context)
        problems.extend(Problem(p.file, p.line, f"{code}.{p.field}" if p.field else str(code), p.message) for p in item_problems)
        if item is not None:
            registry[str(code)] = item
    return registry


def _validate_text(text, model, rel, msg, context, problems, first_line=1):
    data, source, parse_problems = parse_yaml(text, rel, msg, first_line)
    problems.extend(parse_problems)
    if parse_problems:
        return None, source
    if not isinstance(data, dict):
        problems.append(Problem(rel, first_line, None, msg("not_a_mapping")))
        return None, source
    item, item_problems = validate(model, data, source, msg, context)
    problems.extend(item_problems)
    return item, source


def _load_page(text: str, rel: str, msg, context, problems):
    """A free page: YAML front matter between two ``---`` lines, then Markdown."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        problems.append(Problem(rel, 1, None, msg("front_matter_missing")))
        return None, None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        problems.append(Problem(rel, 1, None, msg("front_matter_missing")))
        return None, None
    front = "".join(lines[1:end])
    if not front.strip():
        problems.append(Problem(rel, 1, None, msg("front_matter_missing")))
        return None, None
    meta, source = _validate_text(front, PageMeta, rel, msg, context, problems, first_line=2)
    body = "".join(lines[end + 1:])
    if len(body) > MARKDOWN_MAX_LENGTH:
        problems.append(Problem(rel, end + 2, None, msg("string_too_long", max_length=msg.number(MARKDOWN_MAX_LENGTH))))
        return None, source
    if markdown_depth(body) > MARKDOWN_MAX_DEPTH:
        problems.append(Problem(rel, end + 2, None, msg("markdown_too_deep", max=MARKDOWN_MAX_DEPTH)))
        return None, source
    if meta is None:
        return None, source
    return Page(meta=meta, body=body), source


def _links_outside(root: Path, msg) -> Iterator[Problem]:
    """Symbolic links that lead out of the project. A build publishes what the project holds:
    followed, a link to /etc/passwd or to a folder of the server would be published too."""
    real_root = root.resolve()

    def outside(path: Path) -> str | None:
        target = path.resolve()
        return None if target.is_relative_to(real_root) else str(target)

    def visit(path: Path, rel: str) -> Iterator[Problem]:
        if path.is_symlink() and (target := outside(path)):
            yield Problem(rel, None, None, msg("link_outside", target=target))
            return
        if path.is_dir() and not path.is_symlink():  # a link inside the project holds nothing new (nor loops)
            with os.scandir(path) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    yield from visit(Path(entry.path), f"{rel}/{entry.name}")

    for name in ("site_config.yml", REGISTRY_FILE, "content", "themes"):
        if os.path.lexists(root / name):
            yield from visit(root / name, name)


# The folders of content/, by kind; anything else there is a misspelt folder or a stray file.
_CONTENT_ENTRIES = frozenset({
    *(kind.folder for kind in KINDS.values() if not kind.one_file), "media", KINDS["territory"].file.removeprefix("content/"),
    "imports",
})


def _unknown_in_content(root: Path, msg) -> Iterator[Problem]:
    folder = root / "content"
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        name = path.name
        if name in _CONTENT_ENTRIES or _ignored(name):
            continue
        expected = sorted(_CONTENT_ENTRIES)
        yield Problem(f"content/{name}", None, None, msg("unknown_in_content", expected=", ".join(expected), hint=msg.guess(name, expected)))


# Files a computer or an editor leaves beside the officer's own: never content, never reported.
_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


def _slug_suggestion(text: str) -> str:
    """The slug to write instead of ``text`` (itself when it is one, as a number YAML read as such)."""
    found = slug_error(text)
    return found[1]["suggestion"] if found else text


def _ignored(name: str) -> bool:
    """Hidden files, editor backups (``offre.yml~``, ``~$offre``) and system files."""
    return name.startswith((".", "~")) or name.endswith("~") or name.lower() in _SYSTEM_FILES


def _files(folder: Path, suffixes: tuple[str, ...], rel_folder: str, msg, problems, outside) -> list[Path]:
    """The content files of one folder. Any other file is reported rather than silently left out
    (``offre.YML``, ``offre.yml.txt``), and so is a slug written twice (``a.yml`` and ``a.yaml``)."""
    if not folder.is_dir():
        return []
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        name = path.name
        rel = f"{rel_folder}/{name}"
        if _ignored(name) or outside(rel):
            continue
        if path.is_dir():
            problems.append(Problem(rel, None, None, msg("unexpected_folder", folder=rel_folder)))
            continue
        if path.suffix not in suffixes:
            problems.append(Problem(rel, None, None, msg("unexpected_file", expected=" / ".join(suffixes),
                                                         suggestion=_suggest_name(name, suffixes))))
            continue
        if path.stem in found:
            problems.append(Problem(rel, None, None, msg("same_slug_twice", other=f"{rel_folder}/{found[path.stem].name}")))
            continue
        found[path.stem] = path
    return list(found.values())


def _suggest_name(name: str, suffixes: tuple[str, ...]) -> str:
    """``Offre Infirmier.YML`` → ``offre-infirmier.yml``; ``offre.yml.txt`` → ``offre.yml``."""
    stem = name
    for suffix in suffixes:
        at = stem.lower().rfind(suffix)
        if at > 0:
            stem = stem[:at]
            break
    else:
        stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return f"{slugify(stem) or 'exemple'}{suffixes[0]}"


def _slug_ok(slug: str, rel: str, msg, problems) -> bool:
    """The file's name is the page's address."""
    if (found := slug_error(slug)) is None:
        return True
    key, values = found
    problems.append(Problem(rel, None, None, msg("bad_slug" if key == "slug_value" else "file_name_too_long", name=slug, **values)))
    return False


def _check_theme(root: Path, config: SiteConfig, source: Source, msg, problems) -> None:
    from ..themes import theme_dir, available_themes

    if theme_dir(root, config.site.theme) is None:
        problems.append(Problem("site_config.yml", source.line_of(("site", "theme")), "site.theme",
                                msg("theme_missing", input=config.site.theme, expected=", ".join(available_themes(root)))))
