"""``territoire check``: every content problem listed in one run, nothing built.

``--format github|gitlab`` says them where an officer looks in CI (content/error_formats.py),
``--report FILE`` also writes GitHub's job summary or GitLab's Code Quality report."""

from __future__ import annotations

import os
from pathlib import Path

from . import language_of, project_option, summary, today_option
from ..content.errors import ContentError

HELP = "vérifier le contenu sans rien construire"
FORMATS = ("text", "github", "gitlab")


def arguments(parser) -> None:
    project_option(parser)
    today_option(parser)
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text : pour le terminal ; github : annotations sur les fichiers (GitHub Actions) ; "
                             "gitlab : erreurs en tête du journal de la tâche (GitLab CI)")
    parser.add_argument("--report", type=Path, metavar="FICHIER",
                        help="avec --format github : résumé de la tâche en Markdown, ajouté au fichier "
                             "(\"$GITHUB_STEP_SUMMARY\") ; avec --format gitlab : rapport Code Quality en JSON")


def run(args) -> int:
    from ..build import check

    if args.format == "text":
        print(summary(check(args.project, args.today)))  # problems: raised, said by cli.py
        return 0
    msg = _messages(args)
    try:
        headline, problems = summary(check(args.project, args.today)), []
    except ContentError as err:
        problems = err.problems
        headline = msg("errors_found", count=len(problems))
    _say(args, problems, headline, msg)
    return 1 if problems else 0


def _messages(args):
    from ..content.messages import Messages

    return Messages(language_of(args.project))


def _say(args, problems, headline: str, msg) -> None:
    from ..content import error_formats as formats

    language = msg.language
    prefix = _prefix(args.project)
    if args.format == "github":
        lines = formats.github_annotations(problems, language, prefix)
        report = formats.github_summary(problems, language, headline, prefix, os.environ)
    else:
        lines = formats.gitlab_log(problems, language, prefix) if problems else []
        report = formats.code_quality_json(problems, prefix)
    # All on stdout, in order: the runner reads workflow commands there, and GitLab's log keeps
    # the heading above the problems.
    for line in lines:
        print(line)
    print(headline)
    if args.report:
        # GitHub gives each step its own summary file, to be appended to; GitLab's report is ours.
        mode = "a" if args.format == "github" else "w"
        try:
            with open(args.report, mode, encoding="utf-8") as out:
                out.write(report)
        except OSError as err:
            raise ValueError(msg("report_unwritable", path=args.report, reason=msg.os_error(err))) from None


def _prefix(project: Path) -> str:
    """The project's folder as seen from the repository's root (the working directory in CI), so
    that annotations and reports name files as the repository does."""
    relative = os.path.relpath(Path(project).resolve(), Path.cwd().resolve())
    return "" if relative == "." or relative.startswith("..") else Path(relative).as_posix() + "/"
