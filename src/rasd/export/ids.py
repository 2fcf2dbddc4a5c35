"""The one id scheme per kind that rasd prints and accepts (docs/eval-export.md).

* a document: its content id (``Document.id``);
* an entity: ``ent_<12 hex>`` (:func:`rasd.store.records.entity_id`) — the archive, CSV,
  Parquet, the API, the network's node ids; a cross-document identity ``ent-<12 hex>``
  (:func:`rasd.link.resolve.identity_id`) is shown as the attribute ``identity`` and `rasd
  entity` accepts it too;
* a place: ``geo_<gazetteer id>`` for a resolved place (``geo_gn:360630``), ``plc_<12 hex>``
  for an unresolved name (:func:`rasd.store.records.place_id`); the gazetteer's own id
  (``gn:360630``, ``iso:EG``) is printed as ``gazetteer_id`` and accepted wherever a place
  id is (:func:`place_id_of`).
"""

from __future__ import annotations

import re

#: a gazetteer id: ``scheme:rest`` (gn: GeoNames, iso: countries, rasd: curated places)
_GAZETTEER_ID = re.compile(r"^[a-z]{2,8}:\S+$")


def place_id_of(value: str) -> str:
    """``value`` as an archive place id: a gazetteer id (``gn:360630``) gets the archive's
    ``geo_`` prefix; an archive id or a place name is returned as given."""
    v = value.strip()
    return f"geo_{v}" if _GAZETTEER_ID.match(v) else v
