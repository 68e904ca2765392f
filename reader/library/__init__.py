"""The library: the articles a reader keeps, with where they came from, what was read and
starred, and each article's analysis cached, in one SQLite file.

    location.py   where the library file is (--library, READER_LIBRARY, the data directory)
    errors.py     the errors a user sees: busy, damaged, not a library
    schema.py     tables, full-text index and migrations (PRAGMA user_version)
    store.py      Library: one transaction per input, queries, search, marks, positions, cache
    versions.py   the version of cleaning and of the whole pipeline (the cache key's half)
    documents.py  bytes -> documents: files, web pages (trafilatura + metadata), feeds
    fetch.py      http(s) with timeouts, redirects, a size limit and one error per failure
    importer.py   inputs -> cleaned (and analysed) articles -> the store, on every core
    feeds.py      subscriptions and refresh: conditional requests, a bounded pool, teasers
    opml.py       OPML import and export of subscriptions
    output.py     list and search results as text, Markdown, JSON and JSON Lines
"""
