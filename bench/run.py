"""Benchmark of Territoire at the scale of a territory (issue 7).

    python bench/run.py [--sizes 100,1000,2400,10000] [--quick] [--repeat N] [--no-serve]
                        [--work DIR] [--keep] [--repo CHECKOUT] [--out FILE]

For each size: a synthetic project (bench/synthetic.py), then, each as a subprocess measured by
bench/measure.py (wall seconds, CPU seconds, peak RSS): ``territoire build`` cold and warm, ``check``,
``print`` cold and warm, the floor's ``mkdocs build`` (bench/floor.py), and the live preview:
seconds from saving an offer to the new title being served. Prints a table and PASS/FAIL per
target, writes bench/results/latest.json (see bench/README.md). The exit code is 0 whatever the figures: it is a report.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.floor import build_command as floor_command, write_floor  # noqa: E402
from bench.synthetic import REFERENCE_DATE, make_territory  # noqa: E402

MEASURE = REPO / "bench" / "measure.py"
RESULTS = REPO / "bench" / "results"
DEFAULT_SIZES = [100, 1000, 2400, 10000]
QUICK_SIZES = [100, 1000]
MIB = 1024 * 1024
TODAY = REFERENCE_DATE.isoformat()
ORDER = ["generate", "build cold", "build warm", "check", "print cold", "print warm", "floor", "serve start", "serve edit"]


TARGET = REPO  # the checkout whose generator is measured (--repo); commands run from its root
PYCACHE: Path | None = None  # set by main(): compiled modules of every measured run, outside the repo


def env() -> dict[str, str]:
    """Environment of the measured commands: bytecode written once (by the warm-up) to a cache in
    the work folder and read by every run after, as for an installed tool, even where the
    environment says PYTHONDONTWRITEBYTECODE; and no banner about MkDocs 2."""
    out = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out["NO_MKDOCS_2_WARNING"] = "1"
    if PYCACHE is not None:
        out["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return out


def territoire(command: str, project: Path) -> list[str]:
    cmd = [sys.executable, "-m", "generator", command, "--project", str(project), "--today", TODAY]
    if command == "build":
        cmd += ["--out", str(project / "site")]
    return cmd


def measure(name: str, cmd: list[str], logs: Path, size: int, run: int = 0, extra_env: dict | None = None) -> dict:
    """Run ``cmd`` through bench/measure.py (one fresh wrapper, one child) from the checkout's root;
    ``extra_env``: variables the command needs besides (bench/imports.py: the fake API's address)."""
    stem = f"{size}-{name.replace(' ', '-')}" + (f"-{run + 1}" if run else "")
    report, log = logs / f"{stem}.json", logs / f"{stem}.log"
    with log.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, str(MEASURE), str(report), "--", *cmd], cwd=TARGET, env={**env(), **(extra_env or {})},
                       stdout=out, stderr=subprocess.STDOUT, check=False)
    try:
        data = json.loads(report.read_text("utf-8"))
    except (OSError, ValueError):
        data = {"seconds": None, "cpu_seconds": None, "peak_bytes": None, "returncode": -1}
    result = {"seconds": data["seconds"], "cpu_seconds": data["cpu_seconds"],
              "peak_mib": data["peak_bytes"] / MIB if data["peak_bytes"] else None,
              "returncode": data["returncode"], "log": str(log)}
    if data["returncode"] != 0:
        tail = log.read_text("utf-8", errors="replace").splitlines()[-15:]
        result["error"] = "\n".join(tail)
        print(f"  !! {name} failed (exit {data['returncode']}), log {log}:\n    " + "\n    ".join(tail), flush=True)
    return result


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as err:
        return err.code, ""
    except (urllib.error.URLError, OSError):
        return 0, ""


def _stable_job(project: Path) -> Path:
    """An offer published whatever the day the preview runs (serve uses the real date)."""
    for path in sorted((project / "content" / "jobs").glob("*.yml")):
        text = path.read_text("utf-8")
        if "\nvalid_through:" not in text:
            return path
    return sorted((project / "content" / "jobs").glob("*.yml"))[0]


def measure_serve(project: Path, logs: Path, size: int, timeout: float = 900) -> dict:
    """Start ``territoire serve``, wait for the home page, change one offer's title, and time
    until its page serves the new title."""
    port = _free_port()
    log = logs / f"{size}-serve.log"
    job = _stable_job(project)
    slug, original = job.stem, job.read_text("utf-8")
    marker = f"Offre modifiee BENCH{int(time.time())}"
    result: dict = {"port": port, "slug": slug, "start_seconds": None, "edit_seconds": None, "log": str(log)}
    with log.open("w", encoding="utf-8") as out:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--project", str(project), "--port", str(port)],
                                cwd=TARGET, env=env(), stdout=out, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}/"
            while time.perf_counter() - started < timeout:
                if proc.poll() is not None:
                    result["error"] = f"serve exited with {proc.returncode}"
                    return result
                if _get(base)[0] == 200:
                    result["start_seconds"] = time.perf_counter() - started
                    break
                time.sleep(0.1)
            else:
                result["error"] = "home page never answered"
                return result
            page = f"{base}offres/{slug}/"
            status, body = _get(page)
            if status != 200:
                result["error"] = f"{page} answered {status} before the edit"
                return result
            lines = original.splitlines(keepends=True)
            edited = "".join(f"title: {marker}\n" if line.startswith("title:") else line for line in lines)
            edited_at = time.perf_counter()
            job.write_text(edited, encoding="utf-8")
            while time.perf_counter() - edited_at < timeout:
                status, body = _get(page)
                if status == 200 and marker in body:
                    result["edit_seconds"] = time.perf_counter() - edited_at
                    break
                time.sleep(0.05)
            else:
                result["error"] = "the new title never appeared"
        finally:
            job.write_text(original, encoding="utf-8")
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)  # lets serve remove its temporary folder
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.terminate()
                    try:
                        proc.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait()
    if "error" in result:
        print(f"  !! serve: {result['error']} (log {log})", flush=True)
    return result


def _html_pages(folder: Path) -> int:
    return sum(1 for _, _, files in os.walk(folder) for f in files if f == "index.html")


def run_size(size: int, work: Path, logs: Path, serve: bool, repeat: int = 1) -> dict:
    project, floor = work / f"territory-{size}", work / f"floor-{size}"
    row: dict = {"size": size, "commands": {}}
    cmds = row["commands"]
    print(f"\n== {size} offers", flush=True)
    started = time.perf_counter()
    make_territory(project, size)
    cmds["generate"] = {"seconds": time.perf_counter() - started, "cpu_seconds": None, "peak_mib": None, "returncode": 0}
    row["load_before"] = os.getloadavg()[0]
    cache, kept = project / ".territoire-cache", project / ".territoire-cache-build"

    def best(name: str, cmd: list[str], prepare=None) -> dict:
        """The fastest of ``repeat`` runs (each after ``prepare``), with the highest peak seen."""
        runs = []
        for i in range(repeat):
            if prepare:
                prepare()
            runs.append(measure(name, cmd, logs, size, i))
        ok = [r for r in runs if r["returncode"] == 0]
        if not ok:
            return runs[-1]
        result = dict(min(ok, key=lambda r: r["seconds"]))
        result["peak_mib"] = max(r["peak_mib"] or 0 for r in ok) or None
        result["all_seconds"] = [r["seconds"] for r in runs]
        return result

    def no_build_output():
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)

    def no_print_output():
        shutil.rmtree(project / "print", ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)

    cmds["build cold"] = best("build cold", territoire("build", project), no_build_output)
    cmds["build warm"] = best("build warm", territoire("build", project))
    row["site_pages"] = _html_pages(project / "site")
    cmds["check"] = best("check", territoire("check", project))
    # Print cold without any cache; the build's cache is put aside, and back for the preview.
    if cache.exists():
        cache.rename(kept)
    cmds["print cold"] = best("print cold", territoire("print", project), no_print_output)
    cmds["print warm"] = best("print warm", territoire("print", project))
    if kept.exists():
        shutil.rmtree(cache, ignore_errors=True)
        kept.rename(cache)

    counts = write_floor(project, floor, REFERENCE_DATE)
    row["floor_pages"] = counts["pages"]
    row["published_offers"] = counts["job_pages"]
    cmds["floor"] = best("floor", floor_command(floor))
    row["floor_site_pages"] = _html_pages(floor / "site")
    if serve:
        s = measure_serve(project, logs, size)
        row["serve"] = s
        cmds["serve start"] = {"seconds": s["start_seconds"], "cpu_seconds": None, "peak_mib": None, "returncode": 0 if s["start_seconds"] else 1}
        cmds["serve edit"] = {"seconds": s["edit_seconds"], "cpu_seconds": None, "peak_mib": None, "returncode": 0 if s["edit_seconds"] else 1}
    row["load_after"] = os.getloadavg()[0]
    for name in ORDER:
        if name in cmds:
            c = cmds[name]
            print(f"  {name:<12} {_fmt(c['seconds'], 2):>8} s  {_fmt(c['cpu_seconds'], 2):>8} s CPU  {_fmt(c['peak_mib'], 0):>6} MiB", flush=True)
    print(f"  load average (1 min) {row['load_before']:.2f} before, {row['load_after']:.2f} after", flush=True)
    return row


def _fmt(value, digits: int) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _seconds(rows: dict, size: int, name: str, key: str = "seconds"):
    cmd = rows.get(size, {}).get("commands", {}).get(name)
    if not cmd or cmd.get("returncode") != 0:
        return None
    return cmd.get(key)


def _cpu_note(rows, a: tuple[int, str], b: tuple[int, str], limit: float | None) -> str:
    """The same ratio in CPU time: on a busy machine, wall time also counts waiting for a core.
    ``limit`` None: not comparable (a build's image workers use the cores the floor leaves idle)."""
    x, y = _seconds(rows, *a, key="cpu_seconds"), _seconds(rows, *b, key="cpu_seconds")
    if not x or not y:
        return ""
    r = x / y
    if limit is None:
        return f"; CPU time {x:.2f} s with the image workers, on every core, against {y:.2f} s on one"
    return f"; in CPU time {x:.2f} / {y:.2f} = {r:.2f} × ({'within' if r <= limit else 'over'} the limit)"


def targets(rows: dict) -> list[dict]:
    out = []

    def add(name: str, needed: list[int], compute):
        missing = [n for n in needed if n not in rows]
        if missing:
            out.append({"target": name, "status": "SKIP", "detail": f"size {', '.join(map(str, missing))} not measured"})
            return
        try:
            status, detail, value = compute()
        except TypeError:  # a command failed: None in the arithmetic
            status, detail, value = "ERROR", "a command failed, see its log", None
        out.append({"target": name, "status": status, "detail": detail, "value": value})

    def ratio_floor():
        b, f = _seconds(rows, 2400, "build cold"), _seconds(rows, 2400, "floor")
        w = _seconds(rows, 2400, "build warm")
        r = b / f
        warm_note = f"; warm build {w / f:.2f} ×" if w else ""
        return ("PASS" if r <= 1.25 else "FAIL"), (f"cold build {b:.2f} s / floor {f:.2f} s = {r:.2f} × (limit 1.25 ×{warm_note})"
                                                    + _cpu_note(rows, (2400, "build cold"), (2400, "floor"), None)), r

    def scaling():
        big, small = _seconds(rows, 10000, "build cold"), _seconds(rows, 1000, "build cold")
        r = big / small
        return ("PASS" if r <= 11 else "FAIL"), (f"build(10,000) {big:.2f} s / build(1,000) {small:.2f} s = {r:.2f} × (limit 11 ×)"
                                                  + _cpu_note(rows, (10000, "build cold"), (1000, "build cold"), 11)), r

    def check():
        c = _seconds(rows, 2400, "check")
        cpu = _seconds(rows, 2400, "check", key="cpu_seconds")
        return ("PASS" if c < 2 else "FAIL"), f"check(2,400) {c:.2f} s, {cpu:.2f} s CPU (limit < 2 s)", c

    def warm():
        w, c = _seconds(rows, 2400, "build warm"), _seconds(rows, 2400, "build cold")
        r = w / c
        return ("PASS" if r <= 0.5 else "FAIL"), (f"warm {w:.2f} s / cold {c:.2f} s = {r:.0%} (limit 50 %)"
                                                   + _cpu_note(rows, (2400, "build warm"), (2400, "build cold"), 0.5)), r

    def memory():
        cmds = rows[10000]["commands"]
        peaks = [cmds[n]["peak_mib"] for n in ("build cold", "build warm") if cmds[n]["returncode"] == 0]
        if not peaks:
            raise TypeError
        p = max(peaks)
        return ("PASS" if p < 1024 else "FAIL"), f"peak RSS of build(10,000) and its workers {p:.0f} MiB (limit < 1024 MiB)", p

    def serve():
        s = rows[2400].get("serve")
        if s is None:
            return "SKIP", "--no-serve", None
        e = s.get("edit_seconds")
        if e is None:
            raise TypeError
        return ("PASS" if e < 2 else "FAIL"), f"edit one offer → new title served in {e:.2f} s at 2,400 (limit < 2 s)", e

    add("full build ≤ 1.25 × floor at 2,400", [2400], ratio_floor)
    add("build(10,000) ≤ 11 × build(1,000)", [1000, 10000], scaling)
    add("check(2,400) < 2 s", [2400], check)
    add("warm rebuild ≤ 50 % of cold (2,400)", [2400], warm)
    add("peak memory of build(10,000) < 1 GiB", [10000], memory)
    add("serve: edit shown in < 2 s at 2,400", [2400], serve)
    return out


def table(rows: dict) -> str:
    lines = ["| offers | command | seconds | CPU s | peak MiB | × floor |", "|---:|---|---:|---:|---:|---:|"]
    for size in sorted(rows):
        cmds = rows[size]["commands"]
        floor = _seconds(rows, size, "floor")
        for name in ORDER:
            if name not in cmds:
                continue
            c = cmds[name]
            ratio = ""
            if name.startswith("build") and floor and c["seconds"] and c["returncode"] == 0:
                ratio = f"{c['seconds'] / floor:.2f}"
            secs = _fmt(c["seconds"], 2) if c["returncode"] == 0 else "failed"
            lines.append(f"| {size:,} | {name} | {secs} | {_fmt(c.get('cpu_seconds'), 2)} | {_fmt(c['peak_mib'], 0)} | {ratio} |")
    return "\n".join(lines)


def _versions() -> dict:
    out = {"python": platform.python_version()}
    for name in ("mkdocs", "mkdocs-material", "pydantic", "Jinja2", "Markdown", "Pillow", "segno"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def _git() -> dict:
    out: dict = {"measured": str(TARGET)}
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=TARGET, capture_output=True, text=True, check=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "generator", "themes"], cwd=TARGET,
                                    capture_output=True, text=True, check=True).stdout.strip())
        out.update({"commit": commit, "generator_or_themes_modified": dirty})
    except (OSError, subprocess.CalledProcessError):
        pass
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark Territoire against the MkDocs + Material floor.")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="numbers of offers, comma-separated")
    parser.add_argument("--quick", action="store_true", help="only 100 and 1,000 offers (a smoke run)")
    parser.add_argument("--no-serve", action="store_true", help="skip the live-preview measurement")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each measured command N times and keep the fastest (a busy machine adds noise)")
    parser.add_argument("--work", type=Path, help="where to write the projects (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the projects, sites and logs afterwards")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json", help="JSON results")
    parser.add_argument("--repo", type=Path, default=REPO,
                        help="the Territoire checkout to measure (default: this one), e.g. a `git archive` of a commit "
                             "to compare before and after a change")
    args = parser.parse_args(argv)
    global TARGET
    TARGET = args.repo.resolve()
    if not (TARGET / "generator" / "__main__.py").is_file():
        parser.error(f"--repo {TARGET}: no generator/ package there")
    sizes = QUICK_SIZES if args.quick else sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})

    work = args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="territoire-bench-"))
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    print(f"Territoire benchmark: sizes {', '.join(f'{s:,}' for s in sizes)}; work folder {work}", flush=True)
    print(f"{os.cpu_count()} CPU(s), Python {platform.python_version()}, reference date {TODAY}; measuring {TARGET}", flush=True)

    # Warm-up, not measured: byte-compile the generator and the libraries, fill the OS cache.
    global PYCACHE
    PYCACHE = work / "pycache"
    warm = work / "warm-up"
    make_territory(warm, 20)
    for cmd in (territoire("build", warm), territoire("print", warm)):
        subprocess.run(cmd, cwd=TARGET, env=env(), capture_output=True, check=False)
    write_floor(warm, work / "warm-up-floor", REFERENCE_DATE)
    subprocess.run(floor_command(work / "warm-up-floor"), cwd=TARGET, env=env(), capture_output=True, check=False)
    shutil.rmtree(warm, ignore_errors=True)
    shutil.rmtree(work / "warm-up-floor", ignore_errors=True)

    rows: dict[int, dict] = {}
    started = datetime.now()
    try:
        for size in sizes:
            rows[size] = run_size(size, work, logs, serve=not args.no_serve, repeat=args.repeat)
    finally:
        results = targets(rows)
        print("\n" + table(rows) + "\n")
        for t in results:
            print(f"{t['status']:<5} {t['target']} — {t['detail']}")
        data = {
            "date": started.isoformat(timespec="seconds"), "reference_date": TODAY, "cpus": os.cpu_count(),
            "platform": platform.platform(), "versions": _versions(), "git": _git(), "sizes": sizes, "repeat": args.repeat,
            "results": {str(k): v for k, v in rows.items()}, "targets": results, "table": table(rows),
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nResults: {args.out}")
        if args.keep or args.work:
            print(f"Projects, sites and logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
