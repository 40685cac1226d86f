"""``territoire check --format github|gitlab``: content problems where an officer looks in CI, and
nothing in an untrusted file can turn into a workflow command, a Markdown link or a log line."""

from __future__ import annotations

import json
import re

import pytest

from generator.cli import main
from generator.content import error_formats as formats
from generator.content.errors import Problem

HOSTILE = Problem("content/jobs/a,b:c.yml", 7, "x:y,z", "« 100%\r\n::add-mask::secret » [lien](https://evil.example) | <b>")
PROBLEMS = [Problem("content/jobs/infirmier.yml", 8, "valid_trough", "champ inconnu « valid_trough »"),
            Problem("site_config.yml", None, None, "le fichier est vide")]
COMMAND = re.compile(r"^::error (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def parse_annotation(line: str) -> dict:
    """A workflow command read as the runner reads it (properties split on ``,``, then ``=``)."""
    match = COMMAND.match(line)
    assert match, line
    props = dict(p.split("=", 1) for p in match["props"].split(","))
    return {**{k: unescape(v) for k, v in props.items()}, "message": unescape(match["message"])}


def test_escaping_follows_the_actions_toolkit():
    assert formats.escape_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e"
    assert formats.escape_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


def test_github_annotations():
    first, second = formats.github_annotations(PROBLEMS, "fr")
    assert first == "::error file=content/jobs/infirmier.yml,line=8,title=Champ « valid_trough »::champ inconnu « valid_trough »"
    assert parse_annotation(second) == {"file": "site_config.yml", "title": "Contenu à corriger", "message": "le fichier est vide"}
    assert formats.github_annotations(PROBLEMS, "en")[1].endswith("title=Content to fix::le fichier est vide")


def test_github_annotation_of_hostile_content_is_one_command():
    (line,) = formats.github_annotations([HOSTILE], "fr", prefix="site/")
    assert "\n" not in line and "\r" not in line
    assert parse_annotation(line) == {"file": "site/content/jobs/a,b:c.yml", "line": "7", "title": "Champ « x:y,z »",
                                      "message": HOSTILE.message}


def test_github_summary_lists_every_problem_with_a_link_to_its_line():
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "mairie/site", "GITHUB_SHA": "abc123"}
    headline = "2 erreurs à corriger — le site n'a pas été modifié."
    text = formats.github_summary(PROBLEMS, "fr", headline, env=env)
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows[0] == "| Fichier | Ligne | Champ | Problème et correction |"
    assert rows[1].startswith(r"| [content\/jobs\/infirmier\.yml](https://github.com/mairie/site/blob/abc123/content/jobs/infirmier.yml#L8) | 8 | valid\_trough |")
    assert rows[2] == r"| [site\_config\.yml](https://github.com/mairie/site/blob/abc123/site_config.yml) |  |  | le fichier est vide |"
    assert "crayon" in text and "modifié" in text


def test_github_summary_of_hostile_content_stays_in_its_cell():
    text = formats.github_summary([HOSTILE], "fr", "1 erreur", env={"GITHUB_SERVER_URL": "https://github.com",
                                                                     "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "s"})
    (row,) = [line for line in text.splitlines() if line.startswith("| [")]
    assert row.count(" | ") == 3  # four cells, not more
    assert "a%2Cb%3Ac.yml#L7" in row  # the file's own name cannot end the link
    for raw in ("[lien](", "<b>", "::add-mask"):
        assert raw not in row
    assert r"\[lien\]\(https\:\/\/evil\.example\)" in row and r"\<b\>" in row


def test_summary_notes_the_annotation_limit():
    many = [Problem(f"content/jobs/j{i}.yml", 1, None, "x") for i in range(formats.GITHUB_ANNOTATION_LIMIT + 1)]
    assert "premières erreurs" in formats.github_summary(many, "fr", "11 erreurs")
    assert "premières erreurs" not in formats.github_summary(many[:-1], "fr", "10 erreurs")


def test_gitlab_log_and_code_quality():
    log = formats.gitlab_log([*PROBLEMS, HOSTILE], "fr")
    assert "erreurs" in log[0] and log[0].startswith("\x1b[")
    assert log[1] == "content/jobs/infirmier.yml:8: valid_trough: champ inconnu « valid_trough »"
    assert all("\n" not in line and "\r" not in line for line in log)
    issues = formats.code_quality([*PROBLEMS, HOSTILE], prefix="site/")
    assert issues[0] == {
        "type": "issue", "check_name": "territoire-check", "description": "valid_trough: champ inconnu « valid_trough »",
        "severity": "blocker", "fingerprint": issues[0]["fingerprint"],
        "location": {"path": "site/content/jobs/infirmier.yml", "lines": {"begin": 8}},
    }
    assert issues[1]["location"]["lines"] == {"begin": 1}  # GitLab needs a line
    assert "\n" not in issues[2]["description"]
    assert len({i["fingerprint"] for i in issues}) == 3


def test_code_quality_fingerprints_are_stable_and_unique():
    moved = Problem(PROBLEMS[0].file, 20, PROBLEMS[0].field, PROBLEMS[0].message)
    assert formats.code_quality([PROBLEMS[0]])[0]["fingerprint"] == formats.code_quality([moved])[0]["fingerprint"]
    twice = formats.code_quality([PROBLEMS[0], moved])
    assert twice[0]["fingerprint"] != twice[1]["fingerprint"]


@pytest.fixture
def broken(tmp_path):
    root = tmp_path / "projet"
    assert main(["new", str(root)]) == 0
    job = root / "content" / "jobs" / "infirmier-exemple.yml"
    text = job.read_text("utf-8")
    job.write_text(re.sub(r"^contract: .*$", 'contract: "CDI\\n::warning::piège"', text, count=1, flags=re.M), encoding="utf-8")
    line = next(i for i, l in enumerate(job.read_text("utf-8").splitlines(), 1) if l.startswith("contract:"))
    return root, line


def test_check_command_github(broken, tmp_path, capsys, monkeypatch):
    root, line = broken
    monkeypatch.chdir(root.parent)  # the repository's root: files named from there
    summary = tmp_path / "summary.md"
    summary.write_text("avant\n", encoding="utf-8")
    assert main(["check", "--project", "projet", "--format", "github", "--report", str(summary)]) == 1
    out = capsys.readouterr().out.splitlines()
    (annotation,) = [parse_annotation(l) for l in out if l.startswith("::")]
    assert annotation["file"] == "projet/content/jobs/infirmier-exemple.yml" and annotation["line"] == str(line)
    assert annotation["title"] == "Champ « contract »" and "::warning::piège" in annotation["message"]
    assert not any(l.startswith("::warning") for l in out)
    assert out[-1] == "1 erreur à corriger — le site n'a pas été modifié."
    report = summary.read_text("utf-8")
    assert report.startswith("avant\n## Vérification du contenu")  # appended, as GitHub asks
    assert r"projet\/content\/jobs\/infirmier\-exemple\.yml" in report


def test_check_command_gitlab(broken, tmp_path, capsys):
    root, line = broken
    report = tmp_path / "gl-code-quality-report.json"
    assert main(["check", "--project", str(root), "--format", "gitlab", "--report", str(report)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "erreurs" in out[0] and out[1].startswith(f"content/jobs/infirmier-exemple.yml:{line}: contract: ")
    (issue,) = json.loads(report.read_text("utf-8"))
    assert issue["location"] == {"path": "content/jobs/infirmier-exemple.yml", "lines": {"begin": line}}


@pytest.mark.parametrize("fmt", ["github", "gitlab"])
def test_check_command_passes(tmp_path, capsys, fmt):
    root = tmp_path / "projet"
    assert main(["new", str(root)]) == 0
    capsys.readouterr()
    report = tmp_path / "report"
    assert main(["check", "--project", str(root), "--format", fmt, "--report", str(report)]) == 0
    assert capsys.readouterr().out.startswith("Contenu valide")
    text = report.read_text("utf-8")
    assert json.loads(text) == [] if fmt == "gitlab" else "Contenu valide" in text


def test_a_report_that_cannot_be_written_is_the_officer_s_path_not_a_bug(tmp_path, capsys):
    from generator.cli import main
    from project_factory import make_project

    make_project(tmp_path)
    assert main(["check", "--project", str(tmp_path), "--format", "gitlab", "--report", str(tmp_path / "absent" / "r.json")]) == 2
    err = capsys.readouterr().err
    assert "impossible d'écrire le rapport" in err and "vérifiez que son dossier existe" in err
    assert "erreur inattendue" not in err
