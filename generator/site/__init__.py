"""Page logic: which pages the site has and what each shows, as plain data for templates.

No MkDocs imports here: the engine layer turns these pages into a rendered site."""
