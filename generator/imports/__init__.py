"""``territoire import``: offers from France Travail's API, job feeds and spreadsheets, synced by
their upstream identifier into ``content/imports/<name>.json``.

readers (``france_travail``, ``feeds``, ``spreadsheets``) → ``records.UpstreamOffer`` →
``mapping`` (onto the model) → ``sync`` (created, updated, withdrawn) → ``store`` (the JSON file)."""
