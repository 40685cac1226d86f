"""``territoire import``: offers from the sources of ``imports:`` in site_config.yml, synced by their
upstream identifier into content/imports/ (generator/imports/). ``--dry-run`` says what would
change and writes nothing."""

from __future__ import annotations

import os
import sys

from . import language_of, project_option, report_problems, today_option
from ..content.errors import ContentError
from ..content.messages import Messages

HELP = "importer les offres de France Travail, de flux d'offres ou de tableurs (imports: dans site_config.yml)"
SHOWN = 10  # offers listed per kind of change; the rest is counted


def arguments(parser) -> None:
    project_option(parser)
    today_option(parser)
    parser.add_argument("--source", action="append", metavar="NOM",
                        help="seulement cet import (son name:, ou sa source) ; peut être répété")
    parser.add_argument("--dry-run", action="store_true",
                        help="dire ce qui changerait (nouvelles offres, modifiées, retirées) sans rien écrire")


def run(args) -> int:
    from ..network import detail
    from ..imports.importer import run as run_imports
    from ..imports.records import SETUP, SourceError

    msg = Messages(language_of(args.project))
    try:
        outcomes = run_imports(args.project, names=args.source, dry_run=args.dry_run, today=args.today, environ=os.environ)
    except ContentError as err:  # site_config.yml: something for the officer to fix, as a setting is
        report_problems(err, args)
        print(msg("import_nothing_written"), file=sys.stderr)
        return SETUP
    except SourceError as err:
        print(err.message, file=sys.stderr)
        print(msg("import_nothing_written"), file=sys.stderr)
        return err.exit_code
    if not outcomes:
        print(msg("import_none"))
        return 0
    for o in outcomes:
        c = o.changes
        counts = {"read": o.read, "created": len(c.created), "updated": len(c.updated), "withdrawn": len(c.withdrawn),
                  "forgotten": len(c.forgotten), "unchanged": c.unchanged}
        print(msg("import_summary", name=o.settings.key, **{k: msg(f"import_summary_{k}", count=n) for k, n in counts.items()}))
        for sign, entries in (("+", c.created), ("~", c.updated), ("-", c.withdrawn)):
            for entry in entries[:SHOWN]:
                print(f"  {sign} {entry.slug} ({detail(entry.job.get('title', ''))})")
            if len(entries) > SHOWN:
                print("  " + msg("import_more", count=len(entries) - SHOWN))
        for skipped in o.skipped[:SHOWN * 5]:
            said = skipped.message
            if skipped.field and skipped.field not in said:  # a reader's message often names its column
                said = msg("import_skipped_field", field=skipped.field, message=said)
            print(msg("import_skipped", name=o.settings.key, id=detail(skipped.id or "?"), detail=detail(said, limit=400)),
                  file=sys.stderr)
        if len(o.skipped) > SHOWN * 5:
            print(msg("import_more_skipped", count=len(o.skipped) - SHOWN * 5), file=sys.stderr)
        if c.kept:
            print(msg("import_kept", count=len(c.kept)))
        if args.dry_run:
            continue
        print(msg("import_written", file=o.settings.data_file) if o.written else msg("import_unchanged_file", file=o.settings.data_file))
    if args.dry_run:
        print(msg("import_dry_run"))
    return 0
