"""Fixtures of the ``rasd watch`` tests: local sites (see :mod:`tests.watch.helpers`) and one
shared analysis pipeline (loading it takes a second or two)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from rasd.pipeline import Pipeline
from tests.watch.helpers import Site, start_site


@pytest.fixture
def make_site() -> Iterator[Callable[[], Site]]:
    sites: list[Site] = []

    def make() -> Site:
        sites.append(start_site())
        return sites[-1]

    yield make
    for s in sites:
        s.server.shutdown()
        s.server.server_close()


@pytest.fixture
def site(make_site: Callable[[], Site]) -> Site:
    return make_site()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


