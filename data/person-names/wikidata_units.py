"""Rebuild ``wikidata-units.tsv`` from the PyPI package arabic-name-romanizer (run by hand).

    pip install arabic-name-romanizer==0.2.0
    python data/person-names/wikidata_units.py > data/person-names/wikidata-units.tsv

The package ships an index of Arabic-script name *units* (one given name or family name) with
their role and how many Wikidata people carry them; this keeps the given names and surnames
attested at least twice, summed per spelling and role.  Only the counts are used by rasd (as
tagger features), so the package itself is not a dependency.
"""

from __future__ import annotations

import sqlite3
from importlib import resources


def main() -> None:
    db = resources.files("arabic_name_romanizer") / "resources" / "names.sqlite3"
    with resources.as_file(db) as path:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        rows = con.execute(
            "SELECT arabic_key, role, SUM(count) FROM units WHERE role IN ('given', 'surname')"
            " AND source = 'wikidata' GROUP BY arabic_key, role HAVING SUM(count) >= 2"
            " ORDER BY arabic_key, role"
        ).fetchall()
    print("# name\trole\tpeople (Wikidata, via arabic-name-romanizer 0.2.0; CC0)")
    for key, role, count in rows:
        print(f"{key}\t{role}\t{count}")


if __name__ == "__main__":
    main()
