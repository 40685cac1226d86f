"""Benchmark of ``territoire import`` at the scale of a département (issue 16).

    python bench/imports.py [--offers 2400] [--work DIR] [--keep] [--out FILE]

A synthetic territory (bench/synthetic.py, 100 hand-written offers) imports N offers from a fake
France Travail server on 127.0.0.1 (tests/fake_france_travail.py: token, 150 offers a call with
206 paging, the client's own rate limit of 10 calls a second kept), then builds. Each step runs as
a subprocess measured by bench/measure.py (wall seconds, CPU seconds, peak RSS):

- ``import first``: N new offers; ``build cold``: no cache; ``check``: the whole content;
- ``import unchanged`` and ``build nightly``: a night when nothing changed upstream (the import
  file is left as it was, the build takes the rest from its cache);
- ``import changes``: a night with 50 offers gone, 30 changed, 20 new; ``build after changes``.

Prints a table, writes bench/results/imports.json. The exit code is 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for folder in (REPO, REPO / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench.run import MIB, TODAY, measure  # noqa: E402
from bench.synthetic import make_territory  # noqa: E402
from fake_france_travail import FakeFranceTravail, make_offers, second_snapshot  # noqa: E402

RESULTS = REPO / "bench" / "results"
IMPORTS = """
imports:
  - source: france_travail
    departements: ["05"]
    sectors: {"86": sante, "87": sante, "88": sante, "55": tourisme-hotellerie, "56": tourisme-hotellerie,
              "43": btp, "47": commerce-artisanat, "01": agriculture, "10": industrie}
    default_sector: commerce-artisanat
"""
STEPS = ["import first", "build cold", "check", "import unchanged", "build nightly", "import changes", "build after changes"]


def run(offers: int, work: Path) -> dict:
    project = make_territory(work / "projet", 100)
    with (project / "site_config.yml").open("a", encoding="utf-8") as config:
        config.write(IMPORTS)
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    upstream = make_offers(offers)
    rows: dict[str, dict] = {}
    with FakeFranceTravail(upstream) as ft:
        variables = ft.environ()

        def step(name: str, command: str) -> None:
            cmd = [sys.executable, "-m", "generator", command, "--project", str(project), "--today", TODAY]
            if command == "build":
                cmd += ["--out", str(project / "site")]
            rows[name] = measure(name, cmd, logs, offers, extra_env=variables)
            print(f"  {name:<22} {_fmt(rows[name])}", flush=True)

        step("import first", "import")
        shutil.rmtree(project / ".territoire-cache", ignore_errors=True)
        step("build cold", "build")
        step("check", "check")
        calls = len(ft.searches)
        step("import unchanged", "import")
        step("build nightly", "build")
        ft.offers = second_snapshot(upstream)[0]
        step("import changes", "import")
        step("build after changes", "build")
    data = json.loads((project / "content/imports/france-travail.json").read_text("utf-8"))
    size = (project / "content/imports/france-travail.json").stat().st_size
    return {"offers": offers, "search_calls_first": calls, "file_bytes": size,
            "withdrawn": sum(1 for o in data["offers"] if o["withdrawn"]), "steps": rows}


def _fmt(row: dict) -> str:
    if row.get("seconds") is None:
        return "failed"
    return f"{row['seconds']:7.2f} s  cpu {row['cpu_seconds']:7.2f} s  peak {row['peak_mib']:6.0f} MiB"


def table(result: dict) -> str:
    lines = [f"territoire import, {result['offers']} offers from a fake France Travail server "
             f"({result['search_calls_first']} search calls; content/imports/france-travail.json: "
             f"{result['file_bytes'] / MIB:.1f} MiB)", "",
             "| step | wall | CPU | peak RSS |", "|---|---|---|---|"]
    for name in STEPS:
        row = result["steps"].get(name, {})
        if row.get("seconds") is None:
            lines.append(f"| {name} | failed | | |")
        else:
            lines.append(f"| {name} | {row['seconds']:.2f} s | {row['cpu_seconds']:.2f} s | {row['peak_mib']:.0f} MiB |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--offers", type=int, default=2400)
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument("--out", type=Path, default=RESULTS / "imports.json")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="territoire-bench-imports-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        result = run(args.offers, work)
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(result))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
