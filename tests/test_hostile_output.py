"""What the build writes from untrusted content: calendars with no injected line, CSV exports with
no formula, SVGs with nothing that runs or calls another host, images with no comment or metadata,
and the same bytes for the same content and date."""

from __future__ import annotations

import csv
import io
import shutil
import time
from pathlib import Path

import icalendar
import pytest
from PIL import Image

from generator.cli import main
from generator.media.cache import cache_dir
from generator.media.safe_svg import SvgRefused, clean

from project_factory import FILES, make_project

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"
EVENT = FILES["content/events/job-dating.yml"]
JOB = FILES["content/jobs/infirmier.yml"]


def build(root: Path, *extra: str, out: Path | None = None) -> int:
    return main(["build", "--project", str(root), *(["--out", str(out)] if out else []), *extra])


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def demo(tmp: Path) -> Path:
    project = tmp / "demo"
    project.mkdir(parents=True)
    shutil.copy2(ROOT / "site_config.yml", project / "site_config.yml")
    for name in ("content", "themes"):
        shutil.copytree(ROOT / name, project / name)
    return project


# --- 1. calendars ------------------------------------------------------------------------------

def test_line_breaks_and_carriage_returns_in_event_text_are_escaped(tmp_path, capsys):
    event = (EVENT.replace("title: Job dating santé", 'title: "Job\\ndating\\rsanté\\r\\nX-INJECTED:1"')
             .replace("name: Salle des fêtes", 'name: "Salle\\rdes\\nfêtes"'))
    root = make_project(tmp_path, **{"content/events/job-dating.yml": event})
    assert build(root, "--today", TODAY) == 0
    assert "Traceback" not in capsys.readouterr().err
    for path in [root / "site/agenda/job-dating.ics", root / "site/agenda.ics"]:
        data = path.read_bytes()
        # Every line ends with CRLF: no bare CR, no bare LF, so no line of the event's text stands alone.
        assert data.count(b"\r") == data.count(b"\r\n") == data.count(b"\n"), path
        assert not any(line.startswith(b"X-INJECTED") for line in data.split(b"\r\n")), path
    cal = icalendar.Calendar.from_ical((root / "site/agenda/job-dating.ics").read_bytes())
    [item] = cal.walk("VEVENT")
    assert str(item["summary"]) == "Job\ndating\nsanté\nX-INJECTED:1"
    # icalendar reads back an X- property as it is: escaped like SUMMARY.
    assert "X-WR-CALNAME:Job\\ndating\\nsanté\\nX-INJECTED:1\r\n" in (root / "site/agenda/job-dating.ics").read_bytes().decode()
    assert str(item["location"]).startswith("Salle\ndes\nfêtes")


# --- 2. CSV injection -------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("https://evil.example/","Postuler")', "+33 2 54 00 00 00", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def test_the_shared_cell_rule():
    from generator import spreadsheet

    out = io.StringIO()
    spreadsheet.writer(out).writerows([[*FORMULAS, "Infirmier, de nuit", 'Dit "bonjour"', 2200, -3, 2.5, None, ""]])
    [row] = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert row == ["'" + text for text in FORMULAS] + ["Infirmier, de nuit", 'Dit "bonjour"', "2200", "-3", "2.5", "", ""]
    for text in FORMULAS:  # neutralised and quoted, as OWASP advises
        assert '"\'' + text.replace('"', '""') + '"' in out.getvalue()


def _formula_cells(rows: list[list[str]]) -> list[str]:
    return [c for row in rows for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_offers_csv_neutralises_formulas(tmp_path):
    job = (JOB.replace("title: Infirmier·e", "title: '=HYPERLINK(\"https://evil.example/\",\"Postuler\")'")
           .replace("employer: {name: Centre hospitalier}", "employer: {name: \"@SUM(1+1)*cmd|' /C calc'!A0\"}")
           .replace("city: Blois", "city: \"-2+3\""))
    root = make_project(tmp_path, **{"content/jobs/infirmier.yml": job})
    assert build(root, "--today", TODAY) == 0
    raw = (root / "site/offres/offres.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert not _formula_cells(rows)
    record = dict(zip(rows[0], rows[1]))
    assert record["titre"] == "'=HYPERLINK(\"https://evil.example/\",\"Postuler\")"
    assert record["employeur"] == "'@SUM(1+1)*cmd|' /C calc'!A0" and record["commune"] == "'-2+3"
    assert record["salaire_min"] == "2200"  # numbers stay numbers
    assert '"\'=HYPERLINK(""https://evil.example/"",""Postuler"")"' in raw


CAMPAIGN = FILES["content/campaigns/soignants.yml"].replace(
    '{code: bastille, medium: affiche, label: "Affiche Bastille", size: A3}',
    "{code: bastille, medium: web, label: '=HYPERLINK(\"https://evil.example/\",\"Voir\")'}")


def test_print_kit_csv_neutralises_formulas(tmp_path):
    root = make_project(tmp_path, **{"content/campaigns/soignants.yml": CAMPAIGN})
    assert main(["print", "--project", str(root), "--today", TODAY]) == 0
    rows = list(csv.reader((root / "print/qr-codes.csv").open(encoding="utf-8", newline="")))
    assert not _formula_cells(rows)
    assert dict(zip(rows[0], rows[1]))["label"] == "'=HYPERLINK(\"https://evil.example/\",\"Voir\")"


def test_scan_report_csv_neutralises_formulas(tmp_path):
    root = make_project(tmp_path, **{"content/campaigns/soignants.yml": CAMPAIGN})
    log = tmp_path / "access.log"
    log.write_text('203.0.113.7 - - [02/Nov/2026:10:00:00 +0100] "GET /q/bastille/ HTTP/1.1" 302 162 "-" '
                   '"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) '
                   'Version/17.5 Mobile/15E148 Safari/604.1"\n', encoding="utf-8")
    out = tmp_path / "scans.csv"
    assert main(["report", "--project", str(root), str(log), "--csv", str(out)]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert not _formula_cells(rows)
    assert rows[1] == ["2026-11-02", "soignants", "bastille", "web", "'=HYPERLINK(\"https://evil.example/\",\"Voir\")", "1"]


# --- 3. SVG ------------------------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'
HOSTILE_SVGS = {
    "prefixed script": ('<svg xmlns="http://www.w3.org/2000/svg"><x:script xmlns:x="http://www.w3.org/2000/svg">'
                        'alert(1)</x:script></svg>', "<script"),
    "html script": (SVG.format('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), "<script"),
    "entity-encoded javascript": ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
                                  '<use xlink:href="&#106;avascript:alert(1)"/></svg>', 'href="javascript:alert(1)"'),
    "DTD entity": ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                   + SVG.format("<text>&xxe;</text>"), "<!DOCTYPE"),
    "external DTD": ('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
                     + SVG.format("<rect/>"), "<!DOCTYPE"),
    "animate rewriting href": (SVG.format('<use href="#a"><animate attributeName="href" to="javascript:alert(1)"/></use>'),
                               "<animate"),
    "set rewriting href": (SVG.format('<use href="#a"><set attributeName="href" to="https://evil.example/x.svg#a"/></use>'),
                           "<set"),
    "external use": (SVG.format('<use href="https://evil.example/sprite.svg#logo"/>'), 'href="https://evil.example/sprite.svg#logo"'),
    "CSS @import": (SVG.format("<style>@import url(https://evil.example/x.css);</style>"), "@import"),
    "CSS escape": (SVG.format("<style>rect{fill:u\\72l(https://evil.example/x)}</style>"), "\\"),
    "external paint": (SVG.format('<rect width="5" height="5" fill="url(https://evil.example/p.svg#g)"/>'),
                       "url(https://evil.example/p.svg#g)"),
    "image-set in a style": (SVG.format("<rect style=\"fill:image-set('https://evil.example/a.png' 1x)\"/>"), "image-set("),
    "event handler": (SVG.format('<rect width="5" height="5" onmouseover="alert(1)"/>'), "onmouseover="),
}


@pytest.mark.parametrize("name", HOSTILE_SVGS)
def test_svg_that_would_run_or_call_another_host_is_refused(tmp_path, capsys, name):
    svg, found = HOSTILE_SVGS[name]
    config = FILES["site_config.yml"].replace("  timezone: Europe/Paris\n", "  timezone: Europe/Paris\n  logo: logo.svg\n")
    root = make_project(tmp_path, **{"site_config.yml": config})
    (root / "content/media/logo.svg").write_text(svg, encoding="utf-8")
    assert build(root, "--today", TODAY) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "root:" not in err
    assert err.startswith(f"site_config.yml:6: site.logo: le SVG « logo.svg » contient « {found} »"), err
    assert not (root / "site").exists()


def test_svg_is_published_rewritten_from_the_allow_list(tmp_path):
    """Editor data goes, what draws stays; the published file is never the original."""
    inkscape = ('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet href="https://evil.example/x.css"?>\n'
                '<!-- Camille, 12 rue des Lilas -->\n'
                '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
                'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 100 40">'
                '<sodipodi:namedview inkscape:document-units="mm"/>'
                '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">Camille</rdf:RDF></metadata>'
                '<defs><linearGradient id="g"><stop offset="0" stop-color="#1d4e89"/><stop offset="1" stop-color="#fff"/>'
                '</linearGradient><style>.a { fill: url(#g); } g > .b { stroke: #123 }</style></defs>'
                '<g inkscape:label="Calque 1" inkscape:groupmode="layer" data-name="x" transform="translate(1 2)">'
                '<rect class="a" width="30" height="20" style="stroke:none"/><path id="p" class="b" d="M0 0 L10 10"/>'
                '<use xlink:href="#p" x="40"/><text x="50" y="30" font-family="DejaVu Sans">Été &amp; <tspan>co</tspan></text>'
                '</g></svg>')
    config = FILES["site_config.yml"].replace("  timezone: Europe/Paris\n", "  timezone: Europe/Paris\n  logo: logo.svg\n")
    root = make_project(tmp_path, **{"site_config.yml": config})
    (root / "content/media/logo.svg").write_text(inkscape, encoding="utf-8")
    assert build(root, "--today", TODAY) == 0
    published = (root / "site/media/logo.svg").read_text("utf-8")
    for gone in ("Camille", "inkscape", "sodipodi", "metadata", "data-name", "xml-stylesheet", "evil.example"):
        assert gone not in published, gone
    for kept in ('<linearGradient id="g">', '<stop offset="0" stop-color="#1d4e89"/>', ".a { fill: url(#g); } g &gt; .b",
                 '<g transform="translate(1 2)">', '<rect class="a" width="30" height="20" style="stroke:none"/>',
                 '<use xlink:href="#p" x="40"/>', 'Été &amp; <tspan>co</tspan></text>'):
        assert kept in published, kept
    assert clean(published.encode()) == published.encode()  # stable: cleaning the clean file changes nothing


@pytest.mark.parametrize("path", ["content/media/logo.svg", "generator/starter/content/media/logo.svg"])
def test_the_demo_and_starter_logos_publish_unchanged_but_for_comments(path):
    import xml.etree.ElementTree as ET

    original = (ROOT / path).read_bytes()
    cleaned = clean(original)

    def shape(data: bytes):
        return [(e.tag, dict(e.attrib), (e.text or "").strip()) for e in ET.fromstring(data).iter()]
    assert shape(cleaned) == shape(original)


def test_svg_that_is_not_xml_is_refused_with_its_name(tmp_path, capsys):
    config = FILES["site_config.yml"].replace("  timezone: Europe/Paris\n", "  timezone: Europe/Paris\n  logo: logo.svg\n")
    root = make_project(tmp_path, **{"site_config.yml": config})
    (root / "content/media/logo.svg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'><rect")
    assert build(root, "--today", TODAY) == 1
    err = capsys.readouterr().err
    assert err.startswith("site_config.yml:6: site.logo: le fichier « logo.svg » n'est pas une image SVG lisible"), err
    with pytest.raises(SvgRefused):
        clean(b"<html xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script></html>")
    deep = b"<svg xmlns='http://www.w3.org/2000/svg'>" + b"<g>" * 100_000 + b"</g>" * 100_000 + b"</svg>"
    with pytest.raises(SvgRefused) as refused:  # never a RecursionError
        clean(deep)
    assert refused.value.kind == "svg_invalid"


def test_a_doctype_says_which_line_to_delete(tmp_path, capsys):
    config = FILES["site_config.yml"].replace("  timezone: Europe/Paris\n", "  timezone: Europe/Paris\n  logo: logo.svg\n")
    root = make_project(tmp_path, **{"site_config.yml": config})
    (root / "content/media/logo.svg").write_text(HOSTILE_SVGS["DTD entity"][0], encoding="utf-8")
    assert build(root, "--today", TODAY) == 1
    err = capsys.readouterr().err
    assert "« <!DOCTYPE » : une déclaration qui peut définir des entités" in err and "Supprimez cette ligne" in err
    assert "root:" not in err


# --- 4. image metadata ---------------------------------------------------------------------------

SECRET = b"Camille, 12 rue des Lilas"


def _jpeg_segments(data: bytes) -> list[tuple[int, bytes]]:
    assert data[:2] == b"\xff\xd8"
    at, segments = 2, []
    while True:
        marker, length = data[at + 1], int.from_bytes(data[at + 2:at + 4], "big")
        segments.append((marker, data[at + 4:at + 2 + length]))
        at += 2 + length
        if marker == 0xDA:
            return segments


def _chunks(data: bytes, start: int, size_order: str, header: int) -> list[bytes]:
    names, at = [], start
    while at + 8 <= len(data):
        if size_order == "png":
            size, name = int.from_bytes(data[at:at + 4], "big"), data[at + 4:at + 8]
            at += 12 + size
        else:
            name, size = data[at:at + 4], int.from_bytes(data[at + 4:at + 8], "little")
            at += 8 + size + (size & 1)
        names.append(name)
    return names


def _metadata_in(name: str, data: bytes) -> list:
    if name.endswith(".jpg"):
        # APP1 (EXIF, XMP), APP2 (ICC), APP13 (IPTC), COM: none. APP0 (JFIF) is the format itself.
        return [hex(m) for m, body in _jpeg_segments(data) if m == 0xFE or 0xE1 <= m <= 0xEF]
    if name.endswith(".webp"):
        return [c for c in _chunks(data, 12, "riff", 0) if c in (b"EXIF", b"XMP ", b"ICCP")]
    if name.endswith(".png"):
        return [c for c in _chunks(data, 8, "png", 0) if c in (b"eXIf", b"iCCP", b"tEXt", b"zTXt", b"iTXt")]
    return []


def test_no_comment_exif_xmp_or_profile_in_any_published_image(tmp_path):
    from PIL import ImageCms

    root = make_project(tmp_path, **{"content/testimonials/claire.yml": FILES["content/testimonials/claire.yml"]
                                     + "photo: claire.png\nphoto_alt: Claire devant chez elle\n"})
    exif = Image.Exif()
    exif[0x013B] = "Camille Martin"  # Artist
    exif[0x010E] = SECRET.decode()  # ImageDescription
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description>' + SECRET + b'</rdf:Description></rdf:RDF></x:xmpmeta>')
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    hero = Image.radial_gradient("L").convert("RGB").resize((900, 500))
    hero.save(root / "content/media/hero.jpg", "JPEG", comment=SECRET + b", 41000 Blois", exif=exif.tobytes(), xmp=xmp,
              icc_profile=icc)
    original = (root / "content/media/hero.jpg").read_bytes()
    assert b"\xff\xfe" in original and SECRET in original and b"http://ns.adobe.com/xap/1.0/" in original
    from PIL.PngImagePlugin import PngInfo

    text = PngInfo()
    text.add_text("Comment", SECRET.decode())
    photo = Image.new("RGBA", (400, 300), (200, 40, 40, 128))
    photo.save(root / "content/media/claire.png", "PNG", pnginfo=text, exif=exif.tobytes(), icc_profile=icc)

    assert build(root, "--today", TODAY) == 0
    published = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.suffix in (".jpg", ".webp", ".png")}
    assert any(p.parent.name == "social" for p in published) and len(published) > 10
    for path, data in published.items():
        assert SECRET not in data and b"Camille" not in data and b"xmpmeta" not in data, path
        assert not _metadata_in(path.name, data), path
    jpegs = [d for p, d in published.items() if p.suffix == ".jpg"]
    assert not any(m == 0xFE for d in jpegs for m, _ in _jpeg_segments(d))  # no COM segment


# --- 5. reproducible builds -------------------------------------------------------------------------

def test_same_content_and_date_give_the_same_bytes(tmp_path, monkeypatch):
    """A second apart, with a cold cache each time; --today and SOURCE_DATE_EPOCH at any hour of that day."""
    project = demo(tmp_path)
    runs = {}
    for name, env in [("today", None), ("today again", None), ("epoch 15:30", "1795444200"), ("epoch 00:30", "1795390200")]:
        shutil.rmtree(cache_dir(project), ignore_errors=True)
        if env:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", env)  # 2026-11-23 at 15:30 and 00:30 in Paris
            assert build(project, out=tmp_path / name) == 0
        else:
            monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
            assert build(project, "--today", TODAY, out=tmp_path / name) == 0
        runs[name] = files_of(tmp_path / name)
        time.sleep(1.1)
    reference = runs.pop("today")
    assert sum(name.endswith(".ics") for name in reference) >= 13
    for name, files in runs.items():
        assert files.keys() == reference.keys(), name
        assert [f for f in reference if files[f] != reference[f]] == [], name


def test_same_print_kit_twice_gives_the_same_bytes(tmp_path):
    project = demo(tmp_path)
    kits = []
    for n in range(2):
        shutil.rmtree(cache_dir(project), ignore_errors=True)  # posters drawn again, not copied
        assert main(["print", "--project", str(project), "--today", TODAY, "--out", str(tmp_path / f"kit{n}")]) == 0
        kits.append(files_of(tmp_path / f"kit{n}"))
        time.sleep(1.1)
    assert sum(name.endswith(".pdf") for name in kits[0]) >= 12
    assert kits[0].keys() == kits[1].keys()
    assert [f for f in kits[0] if kits[0][f] != kits[1][f]] == []
    for name, data in kits[0].items():
        if name.endswith(".pdf"):
            assert b"CreationDate" not in data and b"ModDate" not in data, name
            from PIL import PdfParser

            PdfParser.PdfParser(buf=data)  # still a valid PDF: its cross-reference table is right
