"""Options of the whole suite."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

# No property test times its examples: speed is measured by benchmarks/, and a slower machine (CI's) would
# fail an example for taking 200 ms, or a strategy for drawing slowly, where nothing is wrong.
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``ZHIJIAO_STRESS=N`` (never set in CI) runs the property tests alone, each drawing N times its
    examples, to meet before CI does what its new seed might draw; ``--hypothesis-seed`` picks the draw. A
    profile could not do it: a test's own ``@settings(max_examples=...)`` wins over any profile."""
    import os

    times = int(os.environ.get("ZHIJIAO_STRESS", "0") or "0")
    if times < 1:
        return
    kept, others, longer = [], [], set()
    for item in items:
        test = getattr(item, "obj", None)
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is None or not getattr(test, "is_hypothesis_test", False):
            others.append(item)
            continue
        kept.append(item)
        if id(test) not in longer:  # once: a parametrized test's items share the function
            longer.add(id(test))
            test._hypothesis_internal_use_settings = settings(own, max_examples=own.max_examples * times)
    if others:
        config.hook.pytest_deselected(items=others)
        items[:] = kept


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


@pytest.fixture(autouse=True, scope="session")
def _no_forced_colour() -> None:
    """``FORCE_COLOR`` colours the table and the help in a pipe (``cli._color``), as many CI systems set it:
    every test reading a command's output would read colour codes. A test that wants colour sets it."""
    import os

    os.environ.pop("FORCE_COLOR", None)
