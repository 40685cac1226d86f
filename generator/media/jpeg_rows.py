"""JPEG images that share their top with a base image: only their bottom is encoded.

The social cards of thousands of offers show the same image and differ only from the title's
first line down. Written with a restart marker after every row of 16-pixel blocks, a JPEG
codes each row on its own: the rows above the title are copied from the base image's
encoding and only the rows below are encoded, a third less work per card. The result is byte
for byte the JPEG Pillow writes for the whole image (tests/test_sharing.py).
"""

from __future__ import annotations

import io

from PIL import Image

ROW = 16  # pixel rows per row of blocks, with 4:2:0 subsampling
# Baseline JPEG without an optimisation pass: 5 × faster to write than optimised and progressive
# (thousands of job cards), 6-13 % larger, about 60 kB a card (bench/README.md). Part of every
# card's cache key: changing it draws the cards again.
OPTIONS = {"quality": 82, "subsampling": "4:2:0", "restart_marker_rows": 1}


def encode(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **OPTIONS)
    return buffer.getvalue()


class SharedTop:
    def __init__(self, base: Image.Image):
        self.width, self.height = base.size
        self.header, self.rows = _split(encode(base))
        # A Pillow that writes no restart markers gives a single row: cards are then encoded whole.
        self.splittable = len(self.rows) == -(-self.height // ROW)

    def start(self, first_changed: int) -> int:
        """The first pixel row to encode for an image that differs from the base from ``first_changed`` down."""
        return max(0, first_changed) // ROW * ROW if self.splittable else 0

    def encode(self, bottom: Image.Image, start: int) -> bytes:
        """The JPEG of the base image with its rows from ``start`` (given by ``start()``) replaced by ``bottom``."""
        if start == 0:
            return encode(bottom)
        _, rows = _split(encode(bottom))
        chunks = self.rows[:start // ROW] + rows
        out = bytearray(self.header)
        for n, chunk in enumerate(chunks):
            out += chunk
            if n < len(chunks) - 1:
                out += bytes((0xFF, 0xD0 + n % 8))  # RST0…RST7, in turn
        out += b"\xff\xd9"
        return bytes(out)


def _split(data: bytes) -> tuple[bytes, list[bytes]]:
    """The headers up to the start of the scan, and the scan's rows (restart markers removed)."""
    at = 2  # after SOI
    while True:
        marker, length = data[at + 1], int.from_bytes(data[at + 2:at + 4], "big")
        at += 2 + length
        if marker == 0xDA:  # start of scan
            break
    header, scan = data[:at], data[at:-2]  # the file ends with EOI
    rows, start, i = [], 0, scan.find(b"\xff")
    while i >= 0:
        if 0xD0 <= scan[i + 1] <= 0xD7:
            rows.append(scan[start:i])
            start = i + 2
        i = scan.find(b"\xff", i + 2)  # FF 00 is a stuffed data byte, FF Dn a marker
    rows.append(scan[start:])
    return header, rows
