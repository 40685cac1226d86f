"""``territoire report``: QR code scans counted from the web server's access logs, or from the
site's audience measurement server (Matomo, Plausible) where the host keeps no logs."""

from __future__ import annotations

from pathlib import Path

from . import _date, project_option

HELP = "compter les scans des codes QR dans les journaux du serveur web ou sur le serveur de mesure d'audience"


def arguments(parser) -> None:
    project_option(parser)
    parser.add_argument("logs", nargs="*", type=Path,
                        help="journaux d'accès nginx ou Apache (format combined, .gz accepté) ; facultatifs avec --from-analytics")
    parser.add_argument("--from-analytics", action="store_true",
                        help="compter les pages vues des liens courts sur le serveur Matomo ou Plausible du site "
                             "(jeton dans MATOMO_TOKEN ou PLAUSIBLE_API_KEY)")
    parser.add_argument("--since", type=_date, help="avec --from-analytics : premier jour AAAA-MM-JJ (par défaut : il y a 29 jours)")
    parser.add_argument("--until", type=_date, help="avec --from-analytics : dernier jour AAAA-MM-JJ (par défaut : aujourd'hui)")
    parser.add_argument("--csv", type=Path, help="écrire aussi un tableau CSV")
    parser.add_argument("--html", type=Path, help="écrire aussi une page HTML autonome avec un graphique par campagne")


def run(args) -> int:
    from ..codes.report import run_report

    return run_report(args)
