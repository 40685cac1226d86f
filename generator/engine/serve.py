"""Live preview: MkDocs' reloading server, rebuilding when the officer saves a file."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("territoire")


def serve(project: Path, rebuild, host: str = "127.0.0.1", port: int = 8000) -> None:
    """``rebuild(out_dir)`` builds into ``out_dir`` and returns False on a content error,
    in which case the previous preview stays up and the errors are printed."""
    site_dir = Path(tempfile.mkdtemp(prefix="territoire-serve-")) / "site"

    def builder(config=None):
        rebuild(site_dir)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir), mount_path="/")

    def error_page(code):
        page = site_dir / f"{code}.html"
        return page.read_bytes() if page.is_file() else None

    server.error_handler = error_page
    builder()
    for name in ("content", "themes", "site_config.yml"):
        if (project / name).exists():
            server.watch(str(project / name))
    print(f"Aperçu sur http://{host}:{port}/ — Ctrl+C pour arrêter", file=sys.stderr)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(site_dir.parent, ignore_errors=True)
