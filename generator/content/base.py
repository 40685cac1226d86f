"""The base of every model of the content: what all fields and rules have in common."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic_core import PydanticCustomError


class Model(BaseModel):
    # A misspelt field is an error (with a "did you mean"), never silently ignored.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)


def _error(kind: str, at: str | None = None, **ctx):
    """A rule across fields; ``at`` names the field the officer should look at."""
    return PydanticCustomError(kind, kind, {**ctx, "at": at} if at else ctx)


def written_secret(data, names: set[str]) -> str | None:
    """The key of ``data`` that names a secret (``client_secret``, ``Token``): site_config.yml is
    committed and often public, so a secret written there is refused, saying where it belongs."""
    if isinstance(data, dict):
        for key in data:
            if isinstance(key, str) and key.strip().lower().replace("-", "_") in names:
                return key
    return None
