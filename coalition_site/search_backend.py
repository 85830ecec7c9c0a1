"""Wagtail's database search backend, with PostgreSQL's text-search language per locale.

Wagtail's (modelsearch's) PostgreSQL backend builds every page's search vector,
and every query, with one text-search configuration: `SEARCH_CONFIG`, or the
server's `default_text_search_config` (usually English). Spanish pages would be
stemmed as English: "refugios" would not find "refugio".

Here each translatable object is indexed with the configuration of its locale
(`SEARCH_CONFIGS`: {"es": "spanish", …}), and a query with the configuration of
the reader's language; the site search only looks at pages of that language, so
a query and the vectors it is compared with always share one configuration.
On SQLite (FTS5, no stemming) and MySQL this is Wagtail's backend unchanged.
"""

import copy

from django.db import connection
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

DEFAULT_CONFIGS = {
    "en": "english",
    "es": "spanish",
    "ru": "russian",
}


def config_for_language(language, configs, default):
    if not language:
        return default
    return configs.get(language) or configs.get(language.split("-")[0]) or default


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor != "postgresql":
        return DatabaseSearchBackend(params)
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    configs = {**DEFAULT_CONFIGS, **params.get("SEARCH_CONFIGS", {})}

    class LocalizedIndex(PostgresIndex):
        def add_items(self, model, objs):
            groups = {}
            for obj in objs:
                locale = getattr(obj, "locale", None)
                language = getattr(locale, "language_code", None) if locale else None
                config = config_for_language(language, configs, self.backend.config)
                groups.setdefault(config, []).append(obj)
            backend = self.backend
            try:
                for config, group in groups.items():
                    self.backend = copy.copy(backend)
                    self.backend.config = config
                    super().add_items(model, group)
            finally:
                self.backend = backend

    class LocalizedQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return config_for_language(translation.get_language(), configs, backend.config)

    class LocalizedPostgresSearchBackend(PostgresSearchBackend):
        index_class = LocalizedIndex
        query_compiler_class = LocalizedQueryCompiler

    return LocalizedPostgresSearchBackend(params)
