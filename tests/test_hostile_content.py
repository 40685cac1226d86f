"""Content files are untrusted (a colleague, a web editor, a pull request, an import): whatever they
hold, ``check`` and ``build`` answer with a French message naming the file and the line, exit 1,
never a traceback, never read outside the project, and the previous site stays as it was."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main

from hostile_support import TODAY, project, refused, snapshot, write  # noqa: F401  (project: a fixture)
from project_factory import FILES, make_project

JOB = FILES["content/jobs/infirmier.yml"]
EVENT = FILES["content/events/job-dating.yml"]


# --- YAML itself -----------------------------------------------------------------------------

LAUGHS = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))


def test_billion_laughs_is_refused_at_once(tmp_path):
    """A 1 kB file whose aliases expand into billions of values: refused in well under a second and
    a few MB, measured in a process of its own (``check`` on any file under 1 MB: < 10 s, < 500 MB)."""
    root = make_project(tmp_path)
    write(root, "content/jobs/rires.yml", JOB + "l0: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha]\n" + LAUGHS)
    assert (root / "content/jobs/rires.yml").stat().st_size < 1024
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--project", str(root)],
                         capture_output=True, text=True, timeout=60,
                         preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (500 * 2**20, 500 * 2**20)))
    assert time.perf_counter() - started < 10
    assert run.returncode == 1, run.stderr
    assert "content/jobs/rires.yml:" in run.stderr and "ancres et alias" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("rel, text, expected", [
    ("content/jobs/infirmier.yml", JOB.replace('"Rejoignez **notre équipe**."', '"' + ">" * 200_000 + ' x"'),
     "content/jobs/infirmier.yml:9: description: ce texte imbrique plus de 20 niveaux"),
    ("content/jobs/infirmier.yml", JOB.replace('"Rejoignez **notre équipe**."', '"' + "<div>" * 190_000 + '"'),
     "content/jobs/infirmier.yml:9: description: ce texte imbrique plus de 20 niveaux"),
    ("content/pages/faq.md", FILES["content/pages/faq.md"] + "<blockquote>" * 8_000,
     "content/pages/faq.md:4: ce texte imbrique plus de 20 niveaux"),
    ("content/pages/faq.md", FILES["content/pages/faq.md"] + "Du texte. " * 99_000,
     "content/pages/faq.md:4: ce texte est trop long : 100\u202f000 caractères au plus"),
    ("content/jobs/infirmier.yml", JOB + "x: [" + ",".join(["1"] * 300_000) + "]\n",
     "content/jobs/infirmier.yml:11: x: champ inconnu « x »"),  # no alias: as long as its text, read in seconds
    ("content/jobs/infirmier.yml", JOB + "x: &x [" + ",".join(["1"] * 300_000) + "]\n",
     "content/jobs/infirmier.yml:11: le fichier contient plus de 200\u202f000 valeurs"),
])
def test_files_under_a_megabyte_that_would_take_minutes(tmp_path, rel, text, expected):
    """Deeply nested HTML takes the sanitiser a time growing with the square of the depth (a 1 MB
    description: minutes); hundreds of thousands of values, seconds and hundreds of MB. Each is refused
    at once, in a process of its own held to 500 MB."""
    root = make_project(tmp_path)
    write(root, rel, text)
    assert (root / rel).stat().st_size < 2**20
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--project", str(root)],
                         capture_output=True, text=True, timeout=60,
                         preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (500 * 2**20, 500 * 2**20)))
    assert time.perf_counter() - started < 10
    assert run.returncode == 1 and run.stderr.startswith(expected), run.stderr[:500]


def test_ordinary_nesting_is_fine(tmp_path):
    from generator.content.fields import markdown_depth

    assert markdown_depth("> citation\n>> réponse\n\n- a\n  - b\n    - c\n\n<div><p>x<br></p></div>") == 3
    root = make_project(tmp_path)
    write(root, "content/jobs/infirmier.yml", JOB.replace('"Rejoignez **notre équipe**."', "|\n  - a\n    - b\n  > c"))
    assert main(["check", "--project", str(root)]) == 0


def test_an_alias_inside_itself(project, capsys):
    write(project, "content/jobs/infirmier.yml", JOB + "boucle: &b [1, *b]\n")
    [line] = refused(capsys, project)
    assert line.startswith("content/jobs/infirmier.yml:11: ") and "ancres et alias" in line


def test_ordinary_aliases_still_work(tmp_path):
    root = make_project(tmp_path)
    write(root, "content/jobs/infirmier.yml", JOB.replace("employer: {name: Centre hospitalier}",
                                                          "employer: &ch {name: Centre hospitalier}"))
    assert main(["check", "--project", str(root), "--today", TODAY]) == 0


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1b", "\x07", "\ufffe", "\x85"])
def test_invisible_characters_typed_in_a_field(project, capsys, char):
    write(project, "content/jobs/infirmier.yml", JOB.replace("title: Infirmier·e", f'title: "Infir{char}mier"'))
    [line] = refused(capsys, project)
    assert line == (f"content/jobs/infirmier.yml:1: caractère invisible U+{ord(char):04X} dans le texte (souvent collé "
                    "depuis un autre logiciel) ; retapez ce passage ou supprimez le caractère")


@pytest.mark.parametrize("escape, code", [(r"\0", "0000"), (r"\v", "000B"), (r"\e", "001B"), (r"\a", "0007"),
                                          (r"\uFFFE", "FFFE"), (r"\x1b", "001B")])
def test_invisible_characters_written_as_escapes(project, capsys, escape, code):
    write(project, "content/campaigns/soignants.yml",
          FILES["content/campaigns/soignants.yml"].replace('label: "Affiche Bastille"', f'label: "Affiche{escape} Bastille"'))
    [line] = refused(capsys, project)
    assert line.startswith(f"content/campaigns/soignants.yml:10: placements.0.label: caractère invisible U+{code} ")


def test_print_refuses_an_invisible_character_in_a_label(project, capsys):
    """The label goes into qr-codes.yml: written there, the next build could not read the registry."""
    write(project, "content/campaigns/soignants.yml",
          FILES["content/campaigns/soignants.yml"].replace('label: "Affiche Bastille"', 'label: "Affiche\\a Bastille"'))
    assert main(["print", "--project", str(project), "--today", TODAY]) == 1
    assert "caractère invisible U+0007" in capsys.readouterr().err
    assert not (project / "qr-codes.yml").exists()


def test_a_number_as_a_field_name(project, capsys):
    write(project, "content/jobs/infirmier.yml", JOB + "1: 2\n")
    [line] = refused(capsys, project)
    assert line == ("content/jobs/infirmier.yml:11: 1: « 1 » n'est pas un nom de champ : un nom de champ est un mot "
                    "(mettez-le entre guillemets s'il est fait de chiffres)")


# --- values the model must bound ---------------------------------------------------------------

@pytest.mark.parametrize("salary, message", [
    ("max: .inf", "salary.max: un nombre ordinaire est attendu (par exemple 2200), pas l'infini"),
    ("max: .nan", "salary.max: un nombre ordinaire est attendu (par exemple 2200), pas l'infini"),
    ("max: 1e400", "salary.max: un nombre ordinaire est attendu (par exemple 2200), pas l'infini"),
    ("max: 99999999999999999999999999999999999", "salary.max: la valeur doit être au plus 10\u202f000\u202f000"),
])
def test_salaries_that_are_not_salaries(project, capsys, salary, message):
    write(project, "content/jobs/infirmier.yml", JOB.replace("max: 2800", salary))
    [line] = refused(capsys, project)
    assert line == f"content/jobs/infirmier.yml:6: {message}"


def test_no_english_from_the_validation_library(project, capsys):
    """Whatever pydantic says in English, the officer reads French."""
    write(project, "content/jobs/infirmier.yml", JOB + "1: 2\n" + "salary2: {min: .inf}\n")
    write(project, "site_config.yml", FILES["site_config.yml"] + "analytics: {provider: matomo, url: [1, 2]}\n")
    lines = refused(capsys, project)
    for line in lines:
        assert not any(word in line for word in ("Input should", "should be", "Keys should", "Value error", "Field required")), line


def test_times_with_an_offset_become_local_times(tmp_path):
    """ISO 8601 allows an offset (exports from other tools write one): the same instant, in the site's zone,
    compared with times written without one. A series date too."""
    from generator.content.project import load_project

    root = make_project(tmp_path)
    write(root, "content/events/job-dating.yml", EVENT.replace("start: 2027-04-08T09:00", "start: 2027-04-08T07:00Z"))
    series = FILES["content/events/webinaire.yml"].replace(
        "start: 2026-09-10T12:30\nend: 2026-09-10T13:30\n", "").replace(
        "replay: {url: https://replay.example.fr/webinaire}\n",
        "dates:\n  - {start: 2027-01-10T12:30+01:00, end: 2027-01-10T13:30}\n")
    write(root, "content/events/webinaire.yml", series)
    content = load_project(root)
    assert content.events["job-dating"].start.isoformat() == "2027-04-08T09:00:00"  # UTC+2 in April
    assert content.events["webinaire"].dates[0].start.isoformat() == "2027-01-10T12:30:00"
    assert main(["build", "--project", str(root), "--today", TODAY]) == 0


def test_an_end_before_an_offset_start(project, capsys):
    write(project, "content/events/job-dating.yml", EVENT.replace("start: 2027-04-08T09:00", "start: 2027-04-08T16:00Z"))
    [line] = refused(capsys, project)
    assert line.startswith("content/events/job-dating.yml:4: end: ")


# --- files: names, extensions, links -----------------------------------------------------------

def test_files_that_would_be_silently_ignored(project, capsys):
    write(project, "content/jobs/offre.YML", JOB)
    write(project, "content/jobs/autre.yml.txt", JOB)
    write(project, "content/pages/page.MD", FILES["content/pages/faq.md"])
    write(project, "content/job/egare.yml", JOB)
    write(project, "content/jobs/.brouillon.yml", "pas: lu")  # hidden files and editor backups stay quiet
    write(project, "content/jobs/infirmier.yml~", "pas: lu")
    lines = refused(capsys, project)
    assert lines == [
        "content/job: ni un dossier ni un fichier connu de content/ (attendus : campaigns, events, imports, jobs, media, pages, "
        "territory.yml, testimonials) ; renommez-le ou déplacez-le hors de content/ : vouliez-vous dire « jobs » ?",
        "content/jobs/autre.yml.txt: ce fichier n'est pas lu : le nom d'un fichier de ce dossier finit par .yml / .yaml ; "
        "renommez-le, par exemple « autre.yml », ou déplacez-le hors de content/",
        "content/jobs/offre.YML: ce fichier n'est pas lu : le nom d'un fichier de ce dossier finit par .yml / .yaml ; "
        "renommez-le, par exemple « offre.yml », ou déplacez-le hors de content/",
        "content/pages/page.MD: ce fichier n'est pas lu : le nom d'un fichier de ce dossier finit par .md ; "
        "renommez-le, par exemple « page.md », ou déplacez-le hors de content/",
    ]


def test_the_same_slug_twice(project, capsys):
    write(project, "content/jobs/infirmier.yaml", JOB)
    [line] = refused(capsys, project)
    assert line == ("content/jobs/infirmier.yml: ce fichier a le même nom que content/jobs/infirmier.yaml (seule "
                    "l'extension change) : les deux donneraient la même page ; supprimez ou renommez l'un des deux")


def test_a_page_cannot_replace_the_home_page(project, capsys):
    write(project, "content/pages/index.md", FILES["content/pages/faq.md"])
    [line] = refused(capsys, project)
    assert line == "content/pages/index.md:1: l'adresse /index/ est réservée par le site (accueil) ; renommez le fichier"


def test_a_250_character_file_name(project, capsys):
    write(project, f"content/jobs/{'a' * 246}.yml", JOB)
    [line] = refused(capsys, project)
    assert line == (f"content/jobs/{'a' * 246}.yml: nom de fichier trop long (246 caractères) : il devient l'adresse de la "
                    f"page, 80 caractères au plus ; raccourcissez-le, par exemple « {'a' * 80} »")


@pytest.mark.parametrize("rel, target", [
    ("content/media/logo.svg", "/etc/passwd"),
    ("content/media/hero.jpg", "/usr/share/pixmaps"),
    ("content/media/systeme", "/proc"),
    ("content/pages/hote.md", "/etc/hostname"),
    ("content/jobs/secret.yml", "/etc/hostname"),
    ("site_config.yml", None),
    ("qr-codes.yml", None),
])
def test_links_out_of_the_project_are_refused_and_never_read(project, capsys, tmp_path, rel, target):
    if target is None:  # a real project file moved out of the project, a link left in its place
        target = tmp_path / "ailleurs" / Path(rel).name
        target.parent.mkdir()
        source = project / rel
        target.write_text(source.read_text("utf-8") if source.exists() else "x: {campaign: soignants, label: a}\n", "utf-8")
    (project / rel).unlink(missing_ok=True)
    os.symlink(target, project / rel)
    lines = refused(capsys, project)
    assert f"{rel}: ce fichier est un lien vers « {Path(target).resolve()} », hors du projet : rien de ce qui est hors " \
           "du projet n'est publié ; remplacez le lien par une copie du fichier" in lines
    assert all("root:" not in line for line in lines)  # nothing of /etc/passwd reaches a message


def test_links_inside_the_project_are_fine(tmp_path):
    root = make_project(tmp_path)
    os.symlink("hero.jpg", root / "content/media/hero-copie.jpg")
    write(root, "content/territory.yml", FILES["content/territory.yml"].replace("hero.jpg", "hero-copie.jpg"))
    assert main(["build", "--project", str(root), "--today", TODAY]) == 0


# --- the output folder: replaced only when it is ours ------------------------------------------

def test_never_replaces_a_folder_of_someone_s_files(project, capsys, tmp_path):
    documents = tmp_path / "Documents"
    (documents / "these.odt").parent.mkdir()
    (documents / "these.odt").write_bytes(b"quatre ans de travail")
    assert main(["build", "--project", str(project), "--out", str(documents), "--today", TODAY]) == 1
    err = capsys.readouterr().err
    assert f"{documents}: ce dossier n'est pas vide et n'a pas été produit par Territoire" in err
    assert (documents / "these.odt").read_bytes() == b"quatre ans de travail"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Documents", "projet"]  # nothing left beside it


@pytest.mark.parametrize("command", ["build", "print"])
def test_never_replaces_a_file(project, capsys, command):
    registry = project / "qr-codes.yml"
    registry.write_text("bastille: {campaign: soignants, label: Affiche Bastille, medium: affiche, published: 2026-11-01}\n")
    before = registry.read_bytes()
    assert main([command, "--project", str(project), "--out", str(registry), "--today", TODAY]) == 1
    assert f"{registry}: c'est un fichier, pas un dossier" in capsys.readouterr().err
    assert registry.read_bytes() == before


def test_an_empty_folder_then_its_own_output_are_replaced(project, tmp_path):
    out = tmp_path / "public"
    out.mkdir()
    for _ in range(2):
        assert main(["build", "--project", str(project), "--out", str(out), "--today", TODAY]) == 0
        assert (out / "index.html").is_file() and (out / ".territoire-output").is_file()
    assert (tmp_path / "public.nginx.conf").is_file()


def test_the_nginx_rules_cannot_be_written_nothing_changes(project, capsys):
    (project / "site.nginx.conf").unlink()
    (project / "site.nginx.conf").mkdir()  # cannot be replaced by a file
    # ``check`` writes nothing, so only ``build`` meets the folder.
    assert refused(capsys, project, ("build",)) == [
        f"{project / 'site.nginx.conf'}: Territoire écrit ici, à côté du site, les règles nginx des liens courts, mais un "
        "dossier porte ce nom ; renommez ce dossier"]
    assert not [p for p in project.iterdir() if ".building-" in p.name or p.name.endswith(".part")]


def test_an_output_where_nothing_can_be_written(project, capsys, tmp_path):
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    for out in (blocker / "site", Path("/proc/territoire/site")):
        assert main(["build", "--project", str(project), "--out", str(out), "--today", TODAY]) == 1
        err = capsys.readouterr().err
        assert ": impossible d'écrire ici (" in err and "choisissez un dossier où vous pouvez écrire (--out)" in err, err


def test_folders_left_by_a_killed_build_are_removed(project, capsys):
    dead = project / ".site.building-4194303-abcd1234"  # above any pid the kernel hands out by default
    dead_old = project / ".site.old-4194303-0123abcd"
    live = project / f".site.building-1-efgh5678"  # pid 1 is alive: another build's folder, left alone
    for folder in (dead, dead_old, live):
        (folder / "offres").mkdir(parents=True)
    assert main(["build", "--project", str(project), "--today", TODAY]) == 0
    assert not dead.exists() and not dead_old.exists() and live.exists()


def test_a_build_killed_with_sigkill_leaves_nothing_for_long(project):
    """The real thing: kill -9 in the middle of a build; the next build starts by removing its folder."""
    run = subprocess.Popen([sys.executable, "-m", "generator", "build", "--project", str(project), "--today", TODAY],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not list(project.glob(".site.building-*")) and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.01)
    run.kill()
    run.wait()
    assert run.returncode == -9 and list(project.glob(".site.building-*"))  # killed in the middle
    assert main(["build", "--project", str(project), "--today", TODAY]) == 0
    assert not list(project.glob(".site.building-*")) and not list(project.glob(".site.old-*"))


def test_a_bug_is_told_as_one_with_its_details_in_a_file(project, capsys, monkeypatch):
    """Whatever escapes every check: no traceback on the officer's screen, a French message that says it is
    not their mistake, the details in a file to send; the previous site untouched."""
    from generator import cli
    from generator.engine import mkdocs_engine

    def broken(*args, **kwargs):
        raise KeyError("page")

    monkeypatch.setattr(mkdocs_engine, "mkdocs_build", broken)
    before = snapshot(project / "site")
    assert cli.main(["build", "--project", str(project), "--today", TODAY]) == 3
    err = capsys.readouterr().err
    assert err.startswith("erreur inattendue de Territoire (KeyError) : rien n'a été modifié. Ce n'est pas une erreur "
                          "de votre contenu ; envoyez le fichier ")
    log = Path(err.rsplit("envoyez le fichier ", 1)[1].split(" à l'équipe")[0])
    assert "Traceback" in log.read_text("utf-8") and "KeyError: 'page'" in log.read_text("utf-8")
    log.unlink()
    assert snapshot(project / "site") == before
    monkeypatch.setenv("TERRITOIRE_DEBUG", "1")  # developers get the exception itself
    with pytest.raises(KeyError):
        cli.main(["build", "--project", str(project), "--today", TODAY])


def test_an_image_too_large_to_resize(project, capsys):
    """A 1 MB PNG can hold 81 million pixels: 500 MB to resize. Over 50 million, the officer reduces it."""
    from PIL import Image

    Image.new("L", (9000, 9000)).save(project / "content/media/hero.jpg", "PNG")
    [line] = refused(capsys, project)
    assert line == ("content/media/hero.jpg: image trop grande (9000 × 9000 pixels) : 50 millions de pixels au plus ; "
                    "enregistrez-la en 4000 pixels de large, c'est bien assez même pour une affiche")


def test_worker_errors_cross_processes_whole():
    import pickle

    from generator.media.images import UnreadableImage

    err = pickle.loads(pickle.dumps(UnreadableImage("a.jpg", "image_too_large", size="1 × 1", max=50)))
    assert (err.rel, err.key, err.values) == ("a.jpg", "image_too_large", {"size": "1 × 1", "max": 50})


def test_never_replaces_someone_s_file_beside_the_site(project, capsys, tmp_path):
    """The nginx rules are written beside the output folder (never published): only over an earlier copy."""
    out = tmp_path / "public"
    (tmp_path / "public.nginx.conf").write_text("server { listen 80; }  # la configuration du serveur\n")
    assert main(["build", "--project", str(project), "--out", str(out), "--today", TODAY]) == 1
    assert f"{tmp_path / 'public.nginx.conf'}: ce fichier, écrit à côté du site" in capsys.readouterr().err
    assert (tmp_path / "public.nginx.conf").read_text() == "server { listen 80; }  # la configuration du serveur\n"
    assert not out.exists()


def test_a_campaign_that_cannot_be_read_keeps_its_codes(project, capsys):
    """One stray quote in a campaign file: one error, not also its printed codes reported dropped with
    advice to retire them (a file that cannot be read is unknown, not empty)."""
    write(project, "qr-codes.yml", "bastille:\n  campaign: soignants\n  medium: affiche\n  label: \"Affiche Bastille\"\n"
                                   "  published: 2026-11-01\n")
    write(project, "content/campaigns/soignants.yml",
          FILES["content/campaigns/soignants.yml"].replace('slogan: "À 1 h 30 de votre avenir"', 'slogan: "À 1 h 30 de votre avenir'))
    [line] = refused(capsys, project)
    assert line.startswith("content/campaigns/soignants.yml:3: le fichier ne peut pas être lu : ")
    assert "guillemet ouvert n'est pas refermé" in line


def test_links_back_up_inside_the_project_do_not_loop(tmp_path):
    """content/media/boucle -> . (twice): the walk looking for links out of the project never follows a link."""
    root = make_project(tmp_path)
    os.symlink(".", root / "content/media/boucle")
    os.symlink("..", root / "content/media/retour")
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--project", str(root)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
