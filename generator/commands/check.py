"""``territoire check``: every content problem listed in one run, nothing built."""

from __future__ import annotations

from . import project_option, summary, today_option

HELP = "vérifier le contenu sans rien construire"


def arguments(parser) -> None:
    project_option(parser)
    today_option(parser)


def run(args) -> int:
    from ..build import check

    print(summary(check(args.project, args.today)))
    return 0
