"""The sourcing summary on the article page: the same figures as rasd.sourcing computes for
the stored document, and each lone anonymous claim jumping to its statement."""

from __future__ import annotations

import re

from rasd.sourcing import article_sourcing
from tests.api.fixtures import gold_document


def test_article_page_shows_the_sourcing_summary(client, ids) -> None:
    html = client.get(f"/doc/{ids['gold']}").text
    gold = gold_document()
    s = article_sourcing(gold)
    assert s.statements == len(gold.layer("quotes"))
    box = html[html.index('class="sourcing-summary"'):html.index('<div class="table-wrap">')]
    for kind, n in s.by_kind.items():
        row = re.search(rf'<tr class="kind-{kind}"><td>[^<]+</td><td class="n">(\d+)</td>'
                        rf'<td class="n">(\d+)</td>', box)
        if n == 0:
            assert row is None, kind
            continue
        assert row is not None, kind
        assert (int(row.group(1)), int(row.group(2))) == (n, s.sources[kind])
    lone = re.findall(r'<a href="#" data-jump="(q\d+)">', box)
    assert lone == [st.ref for st in s.single_anonymous]
    for ref in lone:  # every lone claim points at a row of the sourcing table
        assert f'<tr id="row-{ref}"' in html
