"""Checks across files: what a campaign lists must exist, codes and URLs must not collide."""

from __future__ import annotations

from .errors import Problem
from .model import JobFilter
from .urls import reserved_paths


def check_references(content, msg) -> list[Problem]:
    problems: list[Problem] = []
    add = problems.append
    site = content.config.site
    sectors = list(site.sectors)

    def src(kind, slug):
        return content.sources[(kind, slug)]

    for slug, job in content.jobs.items():
        if job.sector not in site.sectors:
            s = src("job", slug)
            add(Problem(s.file, s.line_of(("sector",)), "sector",
                        msg("unknown_sector", input=job.sector, expected=", ".join(sectors), hint=msg.guess(job.sector, sectors))))

    known = {"job": content.jobs, "event": content.events, "testimonial": content.testimonials}
    folders = {"job": "jobs", "event": "events", "testimonial": "testimonials"}

    def ref(source, loc, kind, slug):
        if slug not in content.present.get(kind, known[kind]):
            add(Problem(source.file, source.line_of(loc), ".".join(str(p) for p in loc),
                        msg("unknown_ref", kind=msg(f"kind_{kind}").capitalize(), input=slug,
                            folder=folders[kind], hint=msg.guess(slug, known[kind]))))

    codes: dict[str, str] = {}
    for slug, campaign in content.campaigns.items():
        s = src("campaign", slug)
        show = campaign.show
        if isinstance(show.jobs, list):
            for i, job in enumerate(show.jobs):
                ref(s, ("show", "jobs", i), "job", job)
        elif isinstance(show.jobs, JobFilter) and show.jobs.sector and show.jobs.sector not in site.sectors:
            add(Problem(s.file, s.line_of(("show", "jobs", "sector")), "show.jobs.sector",
                        msg("unknown_sector", input=show.jobs.sector, expected=", ".join(sectors),
                            hint=msg.guess(show.jobs.sector, sectors))))
        if isinstance(show.events, list):
            for i, event in enumerate(show.events):
                ref(s, ("show", "events", i), "event", event)
        for i, name in enumerate(show.testimonials or []):
            ref(s, ("show", "testimonials", i), "testimonial", name)
        cta = campaign.call_to_action
        if cta and cta.event:
            ref(s, ("call_to_action", "event"), "event", cta.event)
        if cta and cta.job:
            ref(s, ("call_to_action", "job"), "job", cta.job)
        if cta and cta.form and cta.form.is_form and content.config.privacy is None:
            add(Problem(s.file, s.line_of(("call_to_action", "form")), "call_to_action.form", msg("privacy_needed")))
        for i, placement in enumerate(campaign.placements):
            loc = ("placements", i, "code")
            if placement.code in codes:
                add(Problem(s.file, s.line_of(loc), "placements.code",
                            msg("duplicate_code", input=placement.code, other=codes[placement.code])))
            else:
                codes[placement.code] = s.file

    for slug, event in content.events.items():
        if event.registration and event.registration.is_form and content.config.privacy is None:
            s = src("event", slug)
            add(Problem(s.file, s.line_of(("registration",)), "registration", msg("privacy_needed")))

    # Campaigns and free pages live at the root: they must not take a reserved or another's URL.
    reserved = reserved_paths(site.language, content.config.qr.path)
    taken: dict[str, str] = {}
    for kind, items in (("campaign", content.campaigns), ("page", content.pages)):
        for slug in items:
            s = src(kind, slug)
            if slug in reserved:
                add(Problem(s.file, 1, None, msg("reserved_slug", input=slug, what=reserved[slug])))
            elif slug in taken:
                add(Problem(s.file, 1, None, msg("slug_taken", input=slug, other=taken[slug])))
            else:
                taken[slug] = s.file
    problems.extend(_check_job_paths(content, msg))
    problems.extend(_check_registry(content, msg, codes))
    return problems


def _check_job_paths(content, msg) -> list[Problem]:
    """Offers, sector pages and the list's next pages share /offres/: no address taken twice."""
    from .urls import PAGE_SEGMENT as page, SECTIONS

    jobs = SECTIONS[content.language]["jobs"]
    sectors = content.config.site.sectors
    problems = []
    if page in sectors and ("config", "") in content.sources:
        s = content.sources[("config", "")]
        problems.append(Problem(s.file, s.line_of(("site", "sectors", page)), f"site.sectors.{page}",
                                msg("sector_key_reserved", input=page, jobs=jobs)))
    for slug in content.present.get("job", ()):
        if (slug not in sectors and slug not in (page, "index")) or ("job", slug) not in content.sources:
            continue
        s = content.sources[("job", slug)]
        if slug == page:
            problems.append(Problem(s.file, 1, None, msg("job_slug_page", input=slug, path=f"{jobs}/{slug}")))
        elif slug == "index":  # offres/index.md is the list's own page
            problems.append(Problem(s.file, 1, None, msg("job_slug_index", jobs=jobs)))
        else:
            problems.append(Problem(s.file, 1, None, msg("job_slug_sector", input=slug, path=f"{jobs}/{slug}",
                                                         label=sectors[slug])))
    return problems


def _check_registry(content, msg, codes: dict[str, str]) -> list[Problem]:
    """A published code must keep working: never dropped, never re-targeted (only retired)."""
    if not content.registry:
        return []
    problems = []
    registry_source = content.sources[("registry", "")]
    placed = {p.code: (slug, i) for slug, c in content.campaigns.items() for i, p in enumerate(c.placements)}
    # A campaign whose file cannot be read (a stray quote) is unknown, not empty: its codes are
    # neither dropped nor moved, and advising to retire live poster codes would be wrong.
    unreadable = content.present.get("campaign", set()) - set(content.campaigns)
    for code, entry in content.registry.items():
        line = registry_source.line_of((code,))
        if entry.retired is not None:
            if code in placed:
                slug, i = placed[code]
                s = content.sources[("campaign", slug)]
                problems.append(Problem(s.file, s.line_of(("placements", i, "code")), "placements.code",
                                        msg("code_retired_reused", code=code, line=line, to=entry.retired)))
            target = entry.retired
            known = content.campaigns.keys() | unreadable | content.pages.keys()
            if not (target == "/" or target in known or target.startswith("https://")):
                problems.append(Problem(registry_source.file, registry_source.line_of((code, "retired")), f"{code}.retired",
                                        msg("retired_target", input=target, expected=", ".join(sorted(content.campaigns)))))
        elif code not in placed:
            if entry.campaign in unreadable:
                continue
            problems.append(Problem(registry_source.file, line, code,
                                    msg("code_dropped", code=code, label=entry.label, campaign=entry.campaign)))
        elif placed[code][0] != entry.campaign:
            slug, i = placed[code]
            s = content.sources[("campaign", slug)]
            problems.append(Problem(s.file, s.line_of(("placements", i, "code")), "placements.code",
                                    msg("code_retargeted", code=code, campaign=entry.campaign, line=line, here=slug)))
    return problems
