"""Fixtures shared by every test module: one Chromium for the whole session (two Playwright
instances cannot run at once), axe-core, the demo site built and served once."""

from browser_support import axe, browser, demo_build, demo_server  # noqa: F401  (fixtures)
from job_board_support import board  # noqa: F401  (fixture: the 2,400-offer territory, built once)
