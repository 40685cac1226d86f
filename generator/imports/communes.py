"""The names of the French communes by INSEE code, as the Code officiel géographique writes them.

France Travail names an offer's place « 05 - BRIANCON »: capitals, no accent. Its INSEE code
(``lieuTravail.commune``) gives « Briançon » from this table, the same for every offer of the
town, so that the job board's town filter lists it once and visitors read it as it is written.

``data/communes.tsv.gz`` (code, tab, name; about 35,000 lines, 240 kB) comes from the npm
package ``@etalab/decoupage-administratif`` (Etalab, data under the Licence Ouverte, code MIT).
Refresh it once a year, after the January update of the COG:

    python -m generator.imports.communes 6.0.0
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tarfile
import tempfile
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif"
DATA = "data/communes.tsv.gz"
# Current communes first: a delegated commune may carry the code of its new commune's seat.
KINDS = ("commune-actuelle", "arrondissement-municipal", "commune-deleguee", "commune-associee")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    text = gzip.decompress(files(__package__).joinpath(DATA).read_bytes()).decode("utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


def commune_name(code: str | None) -> str | None:
    """« Briançon » for "05023"; None for a code the table does not know (a newer commune)."""
    return _names().get(code.strip().upper()) if code else None


def _table(communes: list[dict]) -> str:
    names: dict[str, str] = {}
    for kind in KINDS:
        for commune in communes:
            if commune.get("type") == kind and commune.get("code") and commune.get("nom"):
                names.setdefault(commune["code"], commune["nom"])
    return "".join(f"{code}\t{names[code]}\n" for code in sorted(names))


def main(argv: list[str]) -> int:
    """A maintainer's tool, never run by an import: the published package's own file, as served."""
    if len(argv) != 1:
        print("usage : python -m generator.imports.communes VERSION (de @etalab/decoupage-administratif)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{argv[0]}"], cwd=work, check=True, capture_output=True)
        (archive,) = Path(work).glob("*.tgz")
        with tarfile.open(archive) as tar:
            communes = json.load(tar.extractfile("package/data/communes.json"))
    table = _table(communes)
    target = Path(__file__).with_name("data") / "communes.tsv.gz"
    target.write_bytes(gzip.compress(table.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{target}: {table.count(chr(10))} communes de {PACKAGE} {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
