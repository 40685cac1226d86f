"""``territoire serve``: the live preview, rebuilt at each save; errors shown in the browser."""

from __future__ import annotations

from pathlib import Path

from ..content.errors import ContentError
from . import language_of, project_option, report_problems

HELP = "aperçu en direct, rechargé à chaque modification"


def arguments(parser) -> None:
    project_option(parser)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")


def run(args) -> int:
    from ..build import Preview
    from ..engine.serve import serve

    project = args.project.resolve()
    preview = Preview(project)

    def rebuild(out: Path):
        try:
            preview.rebuild(out)
        except ContentError as err:
            report_problems(err, args)
            return err.problems
        return None

    serve(project, rebuild, host=args.host, port=args.port, language=language_of(project))
    return 0
