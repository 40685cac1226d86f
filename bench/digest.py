"""Fingerprints of everything a build and a print kit write, to show that a refactoring changed nothing.

    python bench/digest.py DIR                        # builds into DIR, writes DIR/digests.json
    python bench/digest.py DIR --against OLD.json     # the same, then lists every file that differs

Builds the demo and a synthetic territory (2,400 offers by default) with a fixed reference date,
each with a cold cache, and makes the demo's print kit. Two runs of the same code give the same
digests (builds are reproducible), so any difference is a change of behaviour.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

TODAY = "2026-11-23"


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(out: Path, offers: int) -> dict[str, dict[str, str]]:
    from bench.synthetic import make_territory
    from generator.cli import main

    out.mkdir(parents=True, exist_ok=True)
    demo = out / "demo-project"
    shutil.rmtree(demo, ignore_errors=True)
    shutil.copytree(REPO, demo, ignore=shutil.ignore_patterns(
        ".git", "site", "print", ".territoire-cache", "*.nginx.conf", "tests", "bench", "generator", "themes", "docs"))
    synthetic = out / "synthetic-project"
    shutil.rmtree(synthetic, ignore_errors=True)
    make_territory(synthetic, offers)
    results = {}
    for name, project in (("demo", demo), ("synthetic", synthetic)):
        for command in (["build", "--out", str(out / f"{name}-site")], ["print", "--out", str(out / f"{name}-print")]):
            if name == "synthetic" and command[0] == "print":
                continue  # the demo's kit covers every poster kind
            if main([command[0], "--project", str(project), "--today", TODAY, *command[1:]]) != 0:
                raise SystemExit(f"{command[0]} failed on {project}")
        results[f"{name}-site"] = digests(out / f"{name}-site")
    results["demo-print"] = digests(out / "demo-print")
    results["demo-nginx"] = {"site.nginx.conf": hashlib.sha256((out / "demo-site.nginx.conf").read_bytes()).hexdigest()}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--offers", type=int, default=2400)
    parser.add_argument("--against", type=Path, help="digests.json of an earlier run")
    args = parser.parse_args(argv)
    results = run(args.dir, args.offers)
    (args.dir / "digests.json").write_text(json.dumps(results, indent=1, sort_keys=True), encoding="utf-8")
    print(", ".join(f"{name}: {len(files)} files" for name, files in results.items()))
    if args.against is None:
        return 0
    before = json.loads(args.against.read_text(encoding="utf-8"))
    differing = [f"{group}/{path}" for group in sorted(before.keys() | results.keys())
                 for path in sorted(before.get(group, {}).keys() | results.get(group, {}).keys())
                 if before.get(group, {}).get(path) != results.get(group, {}).get(path)]
    print(f"{len(differing)} files differ" + "".join(f"\n  {path}" for path in differing[:50]))
    return 1 if differing else 0


if __name__ == "__main__":  # worker processes import this module too
    raise SystemExit(main())
