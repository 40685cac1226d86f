"""One module per ``territoire`` command, as ``mkdocs/commands/``: each has ``HELP``, ``arguments(parser)``
and ``run(args) -> exit code``. Heavy imports happen inside ``run``: worker processes import this
package's parent, not the content model or the engine."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..content.errors import ContentError
from ..content.messages import Messages

# command → module, in the order ``territoire --help`` lists them
MODULES = {"new": "new", "serve": "serve", "check": "check", "build": "build", "import": "imports",
           "print": "print_kit", "report": "report", "schema": "schema"}


def language_of(project: Path) -> str:
    from ..content.project import language_of

    return language_of(project)


def project_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", type=Path, default=Path("."), help="dossier du projet (site_config.yml, content/)")


def today_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=_date, help="date de référence AAAA-MM-JJ (expiration des offres, événements passés)")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {value} » : écrivez AAAA-MM-JJ") from None


def report_problems(err: ContentError, args) -> int:
    """Every problem on its own line, then how many: exit code 1."""
    msg = Messages(language_of(getattr(args, "project", Path("."))))
    for problem in err.problems:
        print(problem, file=sys.stderr)
    print(msg("errors_found", count=len(err.problems)), file=sys.stderr)
    return 1


def summary(site) -> str:
    return Messages(site.content.language).counted("summary", **site.counts)
