"""The demo site: the coalition's public facts and clearly marked samples, for development,
screenshots, benchmarks and the tests.

The text lives as data in `content/<language>/*.toml`; the modules here only build pages,
images, documents and audio from it. Nothing in the site's own apps imports this package
(an import-linter contract in pyproject.toml holds that).
"""
