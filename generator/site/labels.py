"""Words the site shows visitors, by language, as pages read them (``page.meta.t``): views of
the catalogues (generator/locales/), where the words are written."""

from __future__ import annotations

from ..content.vocabularies import ACCESSIBILITY_STATUSES
from ..locales import LANGUAGES, words

LABELS = {language: words(language, "site") for language in LANGUAGES}
ACCESSIBILITY_STATUS = {language: ACCESSIBILITY_STATUSES.labels(language) for language in LANGUAGES}
