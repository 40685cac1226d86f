"""``territoire build``: the site into ``site/`` (or ``--out``), replaced only when everything succeeded."""

from __future__ import annotations

import time
from pathlib import Path

from . import project_option, summary, today_option

HELP = "construire le site"


def arguments(parser) -> None:
    project_option(parser)
    parser.add_argument("--out", type=Path, help="dossier de sortie (par défaut site/ dans le projet)")
    today_option(parser)


def run(args) -> int:
    from ..build import build

    started = time.perf_counter()
    result = build(args.project, args.out, args.today)
    print(f"{summary(result.site)} → {result.out} ({time.perf_counter() - started:.1f} s)")
    return 0
