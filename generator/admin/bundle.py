"""The vendored Decap CMS: its pinned version and the SHA-256 of its files, recorded once, here.

``generator/admin/decap/`` holds the browser bundle as published on npm (``decap-cms``), its
chunks, its licences and its configuration schema; ``python -m generator.admin.vendor VERSION``
replaces them and prints the values below. tests/test_admin.py checks the files against them."""

from __future__ import annotations

import hashlib
from pathlib import Path

VERSION = "3.16.3"
SCHEMA_FROM = "decap-cms-core@3.19.1"  # the configuration schema of that version's core
TREE_SHA256 = "61744cb3e4914d62a39864ff14af8004e18443f3fe1c80244761dd03592a4087"

FOLDER = Path(__file__).parent / "decap"
SCRIPT = "decap-cms.js"
# Published under /admin/: the script and what it loads by itself (chunks, WebAssembly), licences.
PUBLISHED_SUFFIXES = (".js", ".wasm", ".txt")


def published_files() -> list[Path]:
    return sorted(p for p in FOLDER.iterdir() if p.name.endswith(PUBLISHED_SUFFIXES) or p.name == "LICENSE")


def tree_sha256() -> str:
    """One SHA-256 over every vendored file: the hash of ``<sha256>  <name>`` lines, sorted by name."""
    lines = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in sorted(FOLDER.iterdir()))
    return hashlib.sha256(lines.encode()).hexdigest()
