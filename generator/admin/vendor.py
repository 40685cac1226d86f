"""Update the vendored Decap CMS: ``python -m generator.admin.vendor 3.16.3``.

A maintainer's tool, never run by a build. It takes the published npm packages (``npm pack``:
the very files the registry serves), copies the browser bundle with its lazily loaded chunks
and licences into ``generator/admin/decap/``, writes Decap's configuration schema as JSON, and
prints the SHA-256 to record in ``generator/admin/bundle.py``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .bundle import FOLDER, tree_sha256

# Decap's MIT licence, as in its repository (the npm package does not ship it).
LICENSE = """Copyright (c) 2016 Netlify <decap@p-m.si>

MIT License

Permission is hereby granted, free of charge, to any person obtaining
a copy of this software and associated documentation files (the
"Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to
the following conditions:

The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

# decap-cms-core's configSchema.js, evaluated with its imports replaced by the values they give;
# the ajv-keywords extensions standard JSON Schema lacks are written in standard terms
# (``instanceof: RegExp`` cannot hold in YAML: never valid), the per-widget ``select`` dropped
# (the browser test loads the configuration into Decap itself, which checks those too).
EXTRACT = r"""
import { readFileSync } from 'node:fs';
let src = readFileSync(process.argv[2], 'utf8').replace(/^import[\s\S]*?;\s*$/gm, '');
src = `
const getWidgets = () => [{ name: 'none', schema: {} }];
const frontmatterFormats = ['yaml-frontmatter', 'toml-frontmatter', 'json-frontmatter'];
const extensionFormatters = { yml: 1, yaml: 1, toml: 1, json: 1, md: 1, markdown: 1, html: 1 };
const I18N_STRUCTURE = { MULTIPLE_FOLDERS: 'multiple_folders', MULTIPLE_FILES: 'multiple_files', SINGLE_FILE: 'single_file' };
const I18N_FIELD = { TRANSLATE: 'translate', DUPLICATE: 'duplicate', NONE: 'none' };
${src}
export { getConfigSchema };`;
const { getConfigSchema } = await import('data:text/javascript,' + encodeURIComponent(src));
let fields = null;
const walk = (node) => {
  if (Array.isArray(node)) return node.map(walk);
  if (node === null || typeof node !== 'object') return node;
  if ('instanceof' in node) return { not: {} };
  if (typeof node.$id === 'string' && node.$id.startsWith('fields_')) {
    if (!fields) { const { $id, ...rest } = node; fields = true; fields = walk(rest); }
    return { $ref: '#/definitions/fields' };
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (['select', 'selectCases', '$id'].includes(key)) continue;
    if (key === '$ref' && /^fields?_/.test(value)) { out.$ref = '#/definitions/' + value.split('_')[0]; continue; }
    out[key] = walk(value);
  }
  return out;
};
const schema = walk(getConfigSchema());
schema.definitions = { fields, field: fields.items };
fields.items = { $ref: '#/definitions/field' };
process.stdout.write(JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, null, 1));
"""


def _unpack(spec: str, work: Path) -> Path:
    name = subprocess.run(["npm", "pack", "--silent", spec], cwd=work, check=True, capture_output=True,
                          text=True).stdout.strip().splitlines()[-1]
    target = work / name.removesuffix(".tgz")
    with tarfile.open(work / name) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def main(version: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        decap = _unpack(f"decap-cms@{version}", work)
        core_version = json.loads((_unpack(f"decap-cms-app@{version}", work) / "package.json").read_text())[
            "dependencies"]["decap-cms-core"]
        core = _unpack(f"decap-cms-core@{core_version}", work)
        if FOLDER.exists():
            shutil.rmtree(FOLDER)
        FOLDER.mkdir()
        dist = decap / "dist"
        for path in sorted(dist.iterdir()):
            if path.name == "decap-cms.js" or path.name.endswith((".decap-cms.js", ".wasm")) \
                    or path.name == "decap-cms.js.LICENSE.txt":
                shutil.copyfile(path, FOLDER / path.name)
        (FOLDER / "LICENSE").write_text(LICENSE, encoding="utf-8")
        script = work / "extract.mjs"
        script.write_text(EXTRACT, encoding="utf-8")
        schema = subprocess.run(["node", script, core / "src/constants/configSchema.js"], check=True,
                                capture_output=True, text=True).stdout
        (FOLDER / "config.schema.json").write_text(schema + "\n", encoding="utf-8")
    print(f'VERSION = "{version}"\nSCHEMA_FROM = "decap-cms-core@{core_version}"\nTREE_SHA256 = "{tree_sha256()}"')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
