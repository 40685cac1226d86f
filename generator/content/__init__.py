"""The content model: loading, validating and cross-checking an officer's YAML files.

Nothing in this package imports MkDocs: another rendering engine can take over."""
