"""Routers contributed by other parts of rasd, mounted by :func:`rasd.api.app.create_app`.

Other modules (e.g. cross-document corrections) append ``"module:attr"`` strings naming a
FastAPI ``APIRouter`` to :data:`ROUTERS`; the app imports each one lazily at start-up so this
package never has to know about them.  A router that fails to import is skipped with a
warning in the server log instead of taking the whole API down.
"""

from __future__ import annotations

#: "package.module:router_attribute" strings, appended by other modules.
ROUTERS: list[str] = [
    "rasd.api.corrections:router",
    "rasd.api.watch:router",
]
