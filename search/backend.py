"""Wagtail's database search backend, with PostgreSQL's text-search language per locale.

Wagtail's (modelsearch's) PostgreSQL backend builds every page's search vector,
and every query, with one text-search configuration: `SEARCH_CONFIG`, or the
server's `default_text_search_config` (usually English). Spanish pages would be
stemmed as English: "refugios" would not find "refugio".

Here each translatable object is indexed with the configuration of its locale
(`SEARCH_CONFIGS`: {"es": "spanish", …}), and a query with the configuration of
the reader's language; the site search only looks at pages of that language, so
a query and the vectors it is compared with always share one configuration.

Titles weigh more than body text. On PostgreSQL, Wagtail's backend honors the
`boost` of a search field (`index.SearchField("title", boost=2)` on every page):
the boost puts the title in a higher one of `ts_rank`'s four weight classes than
text without a boost, which is in the last. On SQLite (FTS5, no stemming) it ranks with
FTS5's `bm25()` of the whole row, the title column weighing no more than the
body, so a page that only mentioned "Operation Hot Spots" came before the page
of that name. Here FTS5 weighs the title column as PostgreSQL weighs the
title's class against the body's (`relative_weight`). MySQL gets Wagtail's
backend unchanged.
"""

import copy
import functools

from django.db import connection
from django.db.models import FloatField, Func
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.index import SearchField

DEFAULT_CONFIGS = {
    "en": "english",
    "es": "spanish",
    "ru": "russian",
}


def config_for_language(language, configs, default):
    if not language:
        return default
    return configs.get(language) or configs.get(language.split("-")[0]) or default


def title_boost(model):
    """The `boost` of `model`'s title search field (2 on Wagtail's Page), or None."""
    for field in model.get_search_fields():
        if isinstance(field, SearchField) and field.field_name == "title":
            return field.boost
    return None


@functools.cache
def relative_weight(boost):
    """How much text with `boost` weighs against text without one, on PostgreSQL.

    modelsearch puts every boost used by a search field in one of four classes
    (A to D, highest first; text without a boost in D) and gives the classes
    weights between 0 and 1 for `ts_rank` (modelsearch's postgres/weights.py).
    The same numbers, computed the same way, for any database.
    """
    from modelsearch.backends.database.postgres.weights import determine_boosts_weights

    classes = determine_boosts_weights()  # [(lowest boost in the class, class)], A first
    values = [value for value, _class in classes]
    lowest = min(values)
    if lowest <= 0:
        values = [value - (lowest or -0.1) for value in values]

    def weight(boost):
        if boost is None:
            return values[-1]
        for value, (least, _class) in zip(values, classes, strict=True):
            if boost >= least:
                return value
        return values[-1]

    return weight(boost) / max(weight(None), 0.001)  # text without a boost may weigh 0


def SearchBackend(params):
    if connection.vendor == "sqlite":
        return sqlite_backend(params)
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


def sqlite_backend(params):
    backend = DatabaseSearchBackend(params)
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    if not isinstance(backend, SQLiteSearchBackend):
        return backend  # SQLite without FTS5: Wagtail's fallback, which does not rank

    class WeightedBM25(Func):
        """FTS5's `bm25()` with a weight per column (lower is better).

        The index table's columns are, in order: autocomplete, body, title
        (modelsearch's migration 0002). The autocomplete column is not searched here.
        """

        output_field = FloatField()

        def __init__(self, title_weight):
            super().__init__()
            self.title_weight = float(title_weight)

        def as_sql(self, compiler, connection, **extra_context):
            table = connection.ops.quote_name(SQLiteFTSIndexEntry._meta.db_table)
            return f"bm25({table}, 0.0, 1.0, {self.title_weight!r})", []

    class TitleWeightedQueryCompiler(SQLiteSearchQueryCompiler):
        # FTS5 ranks a row against the whole MATCH expression at once, so one
        # weighted bm25() is the score: no per-term combination, no second vector.
        def get_search_vectors(self):
            return [(None, 1.0)]

        def build_tsrank(self, vector, query, config=None, boost=1.0):
            title_weight = relative_weight(title_boost(self.queryset.model))
            return WeightedBM25(title_weight) * boost

    class TitleWeightedSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = TitleWeightedQueryCompiler

    return TitleWeightedSQLiteSearchBackend(params)
