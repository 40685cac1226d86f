"""Words of the scan report, in the site's language (French unless the site is in English)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Scans des codes QR — {site}",
        "period": "Période des journaux : du {start} au {end}",
        "no_period": "Période des journaux : aucune ligne lisible",
        "campaign": "Campagne « {title} » ({slug})",
        "code": "Code", "label": "Emplacement", "medium": "Support", "scans": "Scans", "day": "Jour",
        "total": "Total", "retired": "retiré", "total_line": "Total : {count} scan(s)",
        "scans_count": "{count} scan(s)",
        "lines": "Lignes lues : {lines} — illisibles (ignorées) : {skipped} — robots écartés : {robots}",
        "no_placements": "Aucun emplacement n'a de lien court : rien à compter.",
        "no_scans": "Aucun scan.",
        "chart": "Scans par emplacement, campagne « {title} »",
        "chart_desc": "Diagramme en barres. {items}.", "chart_item": "{label} ({code}) : {scans}", "chart_sep": " ; ",
        "per_placement": "Par emplacement",
        "per_day": "Par jour",
        "robots_note": "Les robots (moteurs de recherche, aperçus de liens, scripts, surveillance, vérifications du site) "
                       "sont écartés. Aucune adresse IP n'est conservée ; les visiteurs ne sont pas comptés, seulement les scans.",
        "csv_written": "CSV écrit : {path}",
        "html_written": "Page HTML écrite : {path}",
    },
    "en": {
        "title": "QR code scans — {site}",
        "period": "Log period: {start} to {end}",
        "no_period": "Log period: no readable line",
        "campaign": "Campaign “{title}” ({slug})",
        "code": "Code", "label": "Placement", "medium": "Medium", "scans": "Scans", "day": "Day",
        "total": "Total", "retired": "retired", "total_line": "Total: {count} scan(s)",
        "scans_count": "{count} scan(s)",
        "lines": "Lines read: {lines} — unreadable (skipped): {skipped} — robots left out: {robots}",
        "no_placements": "No placement has a short link: nothing to count.",
        "no_scans": "No scans.",
        "chart": "Scans per placement, campaign “{title}”",
        "chart_desc": "Bar chart. {items}.", "chart_item": "{label} ({code}): {scans}", "chart_sep": "; ",
        "per_placement": "Per placement",
        "per_day": "Per day",
        "robots_note": "Robots (search engines, link previews, scripts, monitoring, the site's own checks) are left out. "
                       "No IP address is kept; visitors are not counted, only scans.",
        "csv_written": "CSV written: {path}",
        "html_written": "HTML page written: {path}",
    },
}
