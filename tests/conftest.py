"""Options of the whole suite."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

# No property test times its examples: speed is measured by benchmarks/, and a slower machine (CI's) would
# fail an example for taking 200 ms, or a strategy for drawing slowly, where nothing is wrong.
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Write the golden outputs of tests/golden/ instead of comparing with them.",
    )


@pytest.fixture(autouse=True, scope="session")
def _own_pack_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Kept rule packs (``pack.cache``) go to a folder of the session, never the user's cache; the commands
    the tests run in other processes inherit it."""
    import os

    os.environ["ZHIJIAO_CHECK_CACHE"] = str(tmp_path_factory.mktemp("pack-cache"))


@pytest.fixture(autouse=True, scope="session")
def _no_columns_of_the_shell() -> None:
    """Text written to a file or a pipe is laid out in ``COLUMNS`` when set (``terminal.width``): a shell that
    exports it would change what every test reads. A test that wants a width says it."""
    import os

    os.environ.pop("COLUMNS", None)
