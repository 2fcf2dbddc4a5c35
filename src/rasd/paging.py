"""Page-size caps of archive listings, shared by the HTTP API and the web pages.

Every listing is paged so a request cannot ask the store for everything at once; the web map
asks the API for places in pages of :data:`MAX_PLACES_PAGE`, so both sides must agree.  The
caps live here, below both :mod:`rasd.api` and :mod:`rasd.web`, so that the web pages do not
import the API package (which mounts them: that was an import cycle).
"""

from __future__ import annotations

#: Every listing is paged; ``limit`` above this is capped (and the cap is reported).
MAX_PAGE = 200
#: The map fetches places in bigger pages than listings.
MAX_PLACES_PAGE = 2000
