"""``territoire report``: QR code scans counted from the web server's access logs."""

from __future__ import annotations

from pathlib import Path

from . import project_option

HELP = "compter les scans des codes QR dans les journaux du serveur web"


def arguments(parser) -> None:
    project_option(parser)
    parser.add_argument("logs", nargs="+", type=Path, help="journaux d'accès nginx ou Apache (format combined, .gz accepté)")
    parser.add_argument("--csv", type=Path, help="écrire aussi un tableau CSV")
    parser.add_argument("--html", type=Path, help="écrire aussi une page HTML autonome avec un graphique par campagne")


def run(args) -> int:
    from ..codes.report import run_report

    return run_report(args)
