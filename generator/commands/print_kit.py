"""``territoire print``: the print kit (QR codes, posters, table of codes); records the codes."""

from __future__ import annotations

from pathlib import Path

from . import project_option, today_option

HELP = "kit d'impression : codes QR, affiches, tableau des codes ; met à jour le registre"


def arguments(parser) -> None:
    project_option(parser)
    parser.add_argument("--out", type=Path, help="dossier de sortie (par défaut print/ dans le projet)")
    today_option(parser)


def run(args) -> int:
    from ..codes.print_kit import make_print_kit

    result = make_print_kit(args.project, args.out, args.today)
    print(result.summary)
    return 0
