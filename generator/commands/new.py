"""``territoire new``: a starter project that builds as created."""

from __future__ import annotations

from pathlib import Path

HELP = "créer un projet de départ"


def arguments(parser) -> None:
    parser.add_argument("dir", type=Path)


def run(args) -> int:
    from ..starter import create

    path = create(args.dir)
    print(f"Projet créé dans {path}. Ensuite : cd {path} && territoire serve")
    return 0
