"""``territoire schema``: the JSON Schemas of the content files, for completion in the editor."""

from __future__ import annotations

from pathlib import Path

HELP = "écrire les schémas JSON des fichiers de contenu (complétion dans l'éditeur)"


def arguments(parser) -> None:
    parser.add_argument("--out", type=Path, default=Path("schemas"))


def run(args) -> int:
    from ..content.schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return 0
