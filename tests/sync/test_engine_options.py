"""The server's PostgreSQL connections keep the URL's own options beside their own."""

from __future__ import annotations

import pytest

from sync.server.persistence.db import make_engine
from tests.sync.conftest import fresh_database_url


@pytest.mark.postgres
def test_a_search_path_in_the_url_survives_and_jit_is_off(tmp_path, request):
    url = fresh_database_url("postgres", tmp_path, request)  # options=-csearch_path=s_…
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            search_path = connection.exec_driver_sql("SHOW search_path").scalar()
            jit = connection.exec_driver_sql("SHOW jit").scalar()
    finally:
        engine.dispose()
    assert search_path is not None and search_path.startswith("s_") and jit == "off"
