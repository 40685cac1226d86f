"""The ``territoire`` command: parses the arguments, runs one of ``commands/``, and turns what can go
wrong into an exit code and a message in the site's language."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from . import __version__
from .commands import MODULES, language_of, report_problems
from .content.errors import ContentError
from .content.messages import Messages


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="territoire", description="Sites de promotion de territoire : campagnes, offres, événements, QR codes.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module in MODULES.items():
        command = importlib.import_module(f".commands.{module}", __package__)
        command.arguments(sub.add_parser(name, help=command.HELP))
        sub.choices[name].set_defaults(run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except ContentError as err:
        return report_problems(err, args)
    except (ValueError, FileExistsError) as err:
        print(f"territoire: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # a bug of Territoire's, not the officer's: say so, keep the details
        if os.environ.get("TERRITOIRE_DEBUG"):
            raise
        return _crash(err, args)


def _crash(err: Exception, args) -> int:
    """An officer reads what happened and what to send; the traceback goes to a file, not the screen."""
    import tempfile
    import traceback

    msg = Messages(language_of(getattr(args, "project", Path("."))))
    with tempfile.NamedTemporaryFile("w", prefix="territoire-erreur-", suffix=".txt", delete=False, encoding="utf-8") as log:
        log.write(f"territoire {__version__} {' '.join(sys.argv[1:])}\n\n")
        traceback.print_exception(err, file=log)
    print(msg("crash", error=type(err).__name__, log=log.name), file=sys.stderr)
    return 3
