"""The ``territoire`` command: build, check, serve, new, schema."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

from . import __version__
from .content.errors import ContentError
from .content.messages import Messages


def language_of(project: Path) -> str:
    # Imported on use: worker processes (social cards) import the command's module, not the model.
    from .content.project import language_of

    return language_of(project)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {value} » : écrivez AAAA-MM-JJ") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="territoire", description="Sites de promotion de territoire : campagnes, offres, événements, QR codes.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def project_arg(p):
        p.add_argument("--project", type=Path, default=Path("."), help="dossier du projet (site_config.yml, content/)")

    def today_arg(p):
        p.add_argument("--today", type=_date, help="date de référence AAAA-MM-JJ (expiration des offres, événements passés)")

    p = sub.add_parser("build", help="construire le site")
    project_arg(p)
    p.add_argument("--out", type=Path, help="dossier de sortie (par défaut site/ dans le projet)")
    today_arg(p)
    p = sub.add_parser("check", help="vérifier le contenu sans rien construire")
    project_arg(p)
    today_arg(p)
    p = sub.add_parser("serve", help="aperçu en direct, rechargé à chaque modification")
    project_arg(p)
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p = sub.add_parser("new", help="créer un projet de départ")
    p.add_argument("dir", type=Path)
    p = sub.add_parser("print", help="kit d'impression : codes QR, affiches, tableau des codes ; met à jour le registre")
    project_arg(p)
    p.add_argument("--out", type=Path, help="dossier de sortie (par défaut print/ dans le projet)")
    today_arg(p)
    p = sub.add_parser("report", help="compter les scans des codes QR dans les journaux du serveur web")
    project_arg(p)
    p.add_argument("logs", nargs="+", type=Path, help="journaux d'accès nginx ou Apache (format combined, .gz accepté)")
    p.add_argument("--csv", type=Path, help="écrire aussi un tableau CSV")
    p.add_argument("--html", type=Path, help="écrire aussi une page HTML autonome avec un graphique par campagne")
    p = sub.add_parser("schema", help="écrire les schémas JSON des fichiers de contenu (complétion dans l'éditeur)")
    p.add_argument("--out", type=Path, default=Path("schemas"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ContentError as err:
        return _report(err, args)
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


def _report(err: ContentError, args) -> int:
    msg = Messages(language_of(getattr(args, "project", Path("."))))
    for problem in err.problems:
        print(problem, file=sys.stderr)
    print(msg("errors_found", count=len(err.problems)), file=sys.stderr)
    return 1


def _summary(site) -> str:
    return Messages(site.content.language)("summary", **site.counts)


def cmd_build(args) -> int:
    from .build import build

    started = time.perf_counter()
    result = build(args.project, args.out, args.today)
    print(f"{_summary(result.site)} → {result.out} ({time.perf_counter() - started:.1f} s)")
    return 0


def cmd_check(args) -> int:
    from .build import check

    print(_summary(check(args.project, args.today)))
    return 0


def cmd_serve(args) -> int:
    from .build import Preview
    from .engine.serve import serve

    project = args.project.resolve()
    preview = Preview(project)

    def rebuild(out: Path):
        try:
            preview.rebuild(out)
        except ContentError as err:
            _report(err, args)
            return err.problems
        return None

    serve(project, rebuild, host=args.host, port=args.port, language=language_of(project))
    return 0


def cmd_new(args) -> int:
    from .starter import create

    path = create(args.dir)
    print(f"Projet créé dans {path}. Ensuite : cd {path} && territoire serve")
    return 0


def cmd_schema(args) -> int:
    from .schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return 0


def cmd_print(args) -> int:
    from .print_kit import make_print_kit

    result = make_print_kit(args.project, args.out, args.today)
    print(result.summary)
    return 0


def cmd_report(args) -> int:
    from .report import run_report

    return run_report(args)


COMMANDS = {
    "build": cmd_build, "check": cmd_check, "serve": cmd_serve, "new": cmd_new, "schema": cmd_schema,
    "print": cmd_print, "report": cmd_report,
}
