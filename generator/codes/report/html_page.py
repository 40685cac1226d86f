"""The scan report as one self-contained HTML page: inline CSS, inline SVG, no script, no link.

Per campaign: a bar chart of scans per placement (with its text alternative), the same figures
as a table, and a table of scans per day. Every text is escaped."""

from __future__ import annotations

from html import escape
from pathlib import Path

from .output import ScanReport

ROW = 30  # chart: height of one bar's row
BAR = 360  # chart: length of the longest bar
CHAR = 8.5  # chart: rough width of a character of the placement labels
LABEL = 40  # chart: longest label shown in full; the table and the text alternative have all of it

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff;
       margin: 0 auto; padding: 1.5rem; max-width: 60rem; line-height: 1.5; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.5rem; border-top: 2px solid #ccc; padding-top: 1rem; }
h3 { font-size: 1.05rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #bbb; padding: .3rem .6rem; text-align: left; }
thead th { background: #f0f0f0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { max-width: 100%; height: auto; font-size: 14px; }
svg text { fill: #1a1a1a; font-family: inherit; }
.note { color: #444; font-size: .95rem; }
"""


def _h(value) -> str:
    return escape(str(value), quote=True)


def html_page(report: ScanReport) -> str:
    t, count = report.t, report.count
    by_campaign = count.by_campaign()
    title = t["title"].format(site=report.site_name)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_h(report.language)}">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title><style>{CSS}</style></head>",
        "<body><main>",
        f"<h1>{_h(title)}</h1>",
        *(f"<p>{_h(period)}</p>" for period in report.periods()),
        f"<p><strong>{_h(t['total_line'].format(count=count.total))}</strong></p>",
        *(f'<p class="note">{_h(line)}</p>' for line in report.lines() + report.notes()),
    ]
    groups = count.campaigns()
    if not groups:
        parts.append(f"<p>{_h(t['no_placements'])}</p>")
    for number, (campaign, links) in enumerate(groups.items(), start=1):
        heading = t["campaign"].format(title=report.title_of(campaign), slug=campaign)
        parts.append(f'<section aria-labelledby="c{number}">')
        parts.append(f'<h2 id="c{number}">{_h(heading)} — {_h(t["scans_count"].format(count=by_campaign[campaign]))}</h2>')
        parts.append(_chart(report, campaign, links, f"c{number}"))
        parts.append(_placements_table(report, links))
        parts.append(_days_table(report, campaign, links))
        parts.append("</section>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _chart(report: ScanReport, campaign: str, links, key: str) -> str:
    t, by_code = report.t, report.count.by_code()
    most = max((by_code[link.code] for link in links), default=0)
    names = _bar_names(report, links)
    label_width = int(max(len(name) for name in names) * CHAR) + 16
    width = label_width + BAR + 70
    height = ROW * len(links) + 10
    items = t["chart_sep"].join(
        t["chart_item"].format(label=report.label_of(link), code=link.code, scans=t["scans_count"].format(count=by_code[link.code]))
        for link in links)
    svg = [
        f'<figure><svg role="img" aria-labelledby="{key}-t {key}-d" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">',
        f'<title id="{key}-t">{_h(t["chart"].format(title=report.title_of(campaign)))}</title>',
        f'<desc id="{key}-d">{_h(t["chart_desc"].format(items=items))}</desc>',
    ]
    for row, (link, name) in enumerate(zip(links, names)):
        scans = by_code[link.code]
        y = 5 + row * ROW
        length = round(BAR * scans / most) if most else 0
        svg.append(f'<text x="{label_width - 8}" y="{y + 19}" text-anchor="end">{_h(name)}</text>')
        svg.append(f'<rect class="bar" x="{label_width}" y="{y + 4}" width="{max(length, 1)}" height="{ROW - 8}" '
                   f'fill="{_h(report.color)}"></rect>')
        svg.append(f'<text x="{label_width + max(length, 1) + 6}" y="{y + 19}">{scans}</text>')
    svg.append("</svg></figure>")
    return "\n".join(svg)


def _bar_names(report: ScanReport, links) -> list[str]:
    """Each bar's name: the placement's label, shortened; with its code when two would read the same."""
    names = [_shortened(report.label_of(link)) for link in links]
    return [f"{name} ({link.code})" if names.count(name) > 1 else name for name, link in zip(names, links)]


def _shortened(text: str) -> str:
    return text if len(text) <= LABEL else text[:LABEL - 1].rstrip() + "…"


def _placements_table(report: ScanReport, links) -> str:
    t, by_code = report.t, report.count.by_code()
    rows = [
        f'<h3>{_h(t["per_placement"])}</h3>',
        '<div class="scroll"><table><thead><tr>'
        f'<th scope="col">{_h(t["code"])}</th><th scope="col">{_h(t["label"])}</th>'
        f'<th scope="col">{_h(t["medium"])}</th><th scope="col" class="n">{_h(t["scans"])}</th></tr></thead><tbody>',
    ]
    for link in links:
        rows.append(f'<tr><th scope="row">{_h(link.code)}</th><td>{_h(report.label_of(link))}</td>'
                    f'<td>{_h(link.medium)}</td><td class="n">{by_code[link.code]}</td></tr>')
    rows.append("</tbody></table></div>")
    return "\n".join(rows)


def _days_table(report: ScanReport, campaign: str, links) -> str:
    t, count = report.t, report.count
    days = sorted(count.by_day(campaign))
    rows = [f'<h3>{_h(t["per_day"])}</h3>']
    if not days:
        rows.append(f"<p>{_h(t['no_scans'])}</p>")
        return "\n".join(rows)
    header = "".join(f'<th scope="col" class="n">{_h(link.code)}</th>' for link in links)
    rows.append(f'<div class="scroll"><table><thead><tr><th scope="col">{_h(t["day"])}</th>{header}'
                f'<th scope="col" class="n">{_h(t["total"])}</th></tr></thead><tbody>')
    per_day = count.by_day(campaign)
    for day in days:
        cells = "".join(f'<td class="n">{count.scans[(day, link.code)]}</td>' for link in links)
        rows.append(f'<tr><th scope="row"><time datetime="{day.isoformat()}">{_h(report.date(day))}</time></th>'
                    f'{cells}<td class="n">{per_day[day]}</td></tr>')
    rows.append("</tbody></table></div>")
    return "\n".join(rows)


def write_html(report: ScanReport, path: Path) -> None:
    Path(path).write_text(html_page(report), encoding="utf-8")
