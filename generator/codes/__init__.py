"""Tracked QR codes: host rules for the short links, QR code files, posters, the print kit and
the scan report."""
