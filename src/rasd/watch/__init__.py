"""``rasd watch``: poll feeds, sitemaps and section pages; store new articles; raise alerts.

Modules: :mod:`~rasd.watch.config` (the sources file), :mod:`~rasd.watch.http` (polite
fetching: robots.txt, per-host rate limit, retries, conditional GET), :mod:`~rasd.watch.links`
(article URLs out of a feed, a sitemap or a section page), :mod:`~rasd.watch.rules` (which
spans of a new article match a watch rule), :mod:`~rasd.watch.atom` (alerts as Atom, signed
webhooks) and :mod:`~rasd.watch.runner` (a round, the loop).  State lives in the archive
(:mod:`rasd.store.watch`).  docs/watch.md explains the whole.
"""
