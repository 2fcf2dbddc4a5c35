"""The web tests use the API tests' archives (one filled archive per backend)."""

from tests.api.conftest import client, filled, ids  # noqa: F401 - fixtures
