"""QR codes for short links, with segno: vector (SVG, PDF) for the printer, PNG for the web."""

from __future__ import annotations

import io
import re
from pathlib import Path

import segno
from PIL import Image

QUIET_ZONE = 4  # modules of white around the code, as the standard requires


def make_code(url: str, error_correction: str) -> segno.QRCode:
    # A full QR code (never Micro QR: phones do not all read it) of the smallest version for
    # this text: the fewer the modules, the larger each one prints, the farther a phone reads it.
    return segno.make_qr(url, error=error_correction, boost_error=False)


def write_code_files(code: segno.QRCode, folder: Path, dark: str = "#000000") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "qr.svg", folder / "qr.pdf", folder / "qr.png"]
    code.save(paths[0], kind="svg", scale=10, border=QUIET_ZONE, dark=dark, xmldecl=False)
    paths[1].write_bytes(_pdf(code, dark))
    code.save(paths[2], kind="png", scale=10, border=QUIET_ZONE, dark=dark)
    return paths


def _pdf(code: segno.QRCode, dark: str) -> bytes:
    """segno's PDF without the /CreationDate it takes from the machine's clock: the same code gives
    the same bytes on every run (reproducible print kits)."""
    buffer = io.BytesIO()
    code.save(buffer, kind="pdf", scale=10, border=QUIET_ZONE, dark=dark)
    data = re.sub(rb"/CreationDate\(D:[^)]*\)", b"", buffer.getvalue())
    # The info dictionary is the last object: only the cross-reference table moved.
    return re.sub(rb"startxref\r?\n\d+", b"startxref\r\n%d" % (data.rindex(b"\nxref") + 1), data)


def code_image(code: segno.QRCode, width_px: int) -> Image.Image:
    """The code with its quiet zone, at least ``width_px`` wide, crisp (whole pixels per module)."""
    modules = code.symbol_size(scale=1, border=QUIET_ZONE)[0]
    scale = max(1, -(-width_px // modules))
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=QUIET_ZONE)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")
