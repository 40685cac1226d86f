"""Every message an officer can read about their content, in the site's language: the
``messages`` section of the catalogues (generator/locales/).

Each message says what is wrong and how to fix it."""

from __future__ import annotations

import difflib
import errno
from typing import Any

from ..locales import supported, words


class Messages:
    """``msg(key, **values)`` in one language."""

    def __init__(self, language: str = "fr"):
        self.language = supported(language)
        self._entries = words(self.language, "messages")

    def __call__(self, key: str, **values: Any) -> str:
        """A plural message (``errors_found``) takes its number as ``count``."""
        return self._entries[key].format(**values)

    def has(self, key: str) -> bool:
        return key in self._entries

    def counted(self, key: str, **counts: int) -> str:
        """``key`` with each count written by its own plural, ``{key}_{name}``: "3 campagnes, 1 offre"."""
        return self(key, **{name: self._entries[f"{key}_{name}"].format(count=n) for name, n in counts.items()})

    def os_error(self, err: BaseException) -> str:
        """Why a file could not be used, in the site's language for the usual causes (denied,
        read-only or full disk, missing, a folder), else the system's words."""
        key = {errno.EACCES: "os_denied", errno.EPERM: "os_denied", errno.EROFS: "os_read_only",
               errno.ENOSPC: "os_full", errno.EDQUOT: "os_full", errno.ENAMETOOLONG: "os_name_too_long",
               errno.ENOENT: "os_not_found", errno.EISDIR: "os_is_folder"}.get(getattr(err, "errno", None))
        return self(key) if key else (getattr(err, "strerror", None) or str(err))

    def number(self, value: float) -> str:
        """A number as an officer writes it: 10 000 000, not 10000000.0."""
        from babel.numbers import format_decimal

        return format_decimal(int(value) if value == int(value) else value, locale=self.language)

    def guess(self, word: str, candidates) -> str:
        """A “did you mean …?” suffix, or nothing."""
        by_folded = {str(c).casefold(): str(c) for c in candidates}
        found = difflib.get_close_matches(str(word).casefold(), list(by_folded), n=1, cutoff=0.6)
        return self("did_you_mean", guess=by_folded[found[0]]) if found else ""
