"""Shared fixtures: a generated data set in a temporary folder, and the project paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_analytics.generator import GeneratorConfig, generate
from tests.python.helpers import PROJECT_DIR as PROJECT_DIR  # the test modules import it here
from tests.python.helpers import finish, publisher

# The demo seeds are written with these parameters (Makefile target `seeds`).
DEMO_ARGS = {
    "accounts": 300,
    "months": 24,
    "start_date": "2024-11-01",
    "seed": 42,
}


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mid-sized CSV data set (200 accounts) shared by the generator tests."""
    out = tmp_path_factory.mktemp("generated")
    generate(GeneratorConfig(accounts=200, seed=7), out, "csv")
    return out


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder whose warehouse.duckdb holds one publication of the demo build (`make build`'s
    publisher run on the project), its build database in build/."""
    tmp = tmp_path_factory.mktemp("publish")
    code, out, err = finish(publisher(tmp))
    assert code == 0, out + err
    assert "published" in out
    return tmp
