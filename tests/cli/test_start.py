"""What the console script settles before it reads its command line (``entry``), seen from a real process:
Pydantic plugins installed beside the tool never see its validation (nor is ``importlib.metadata``, where
Pydantic would look for them, imported), the cyclic collector is off while the
tool loads and back on once the command runs, and the output is the same as through ``cli`` alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from factory import ROOT, SAMPLES

ONE = str(SAMPLES / "2023" / "lengshuitan.yaml")

# Runs the tool through ``module`` (``entry``: as the console script does; ``cli``: its command line alone)
# and says, on its last line of standard error, how the process ended.
PROBE = """
import atexit, gc, json, sys
DEFERRED = ("subprocess", "ipaddress", "tokenize")
def said():
    print(json.dumps({"collecting": gc.isenabled(), "collections": gc.get_stats()[0]["collections"],
                      "metadata": "importlib.metadata" in sys.modules,
                      "loaded": sorted(n for n in DEFERRED if type(sys.modules.get(n)) is type(sys))}),
          file=sys.stderr)
atexit.register(said)
module, *sys.argv[1:] = sys.argv[1:]
sys.argv[0] = "zhijiao-check"
main = __import__(f"zhijiao_check.{module}", fromlist=["main"]).main
main()
"""

# A Pydantic plugin, installed as a distribution with an entry point in the ``pydantic`` group (where Pydantic
# looks for plugins), that writes down each validator it is shown.
PLUGIN = """
import os

class Watch:
    def new_schema_validator(self, schema, schema_type, schema_type_path, schema_kind, config, settings):
        with open(os.environ["WATCHED"], "a", encoding="utf-8") as log:
            log.write(schema_type_path.name + "\\n")
        return None, None, None

plugin = Watch()
"""


def _run(
    module: str, *args: str, env: dict[str, str] | None = None, cache: Path | None = None
) -> tuple[subprocess.CompletedProcess, dict]:
    """A run through ``module``; with ``cache``, a cache folder of its own (empty: the run builds every
    validator it uses, as a first run does)."""
    if cache is not None:
        env = {**(env or os.environ), "ZHIJIAO_CHECK_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, module, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    return done, json.loads(done.stderr.strip().splitlines()[-1])


@pytest.fixture
def watched(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment with the watching plugin installed on the path, and the file it writes."""
    site = tmp_path / "site"
    info = site / "watch_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: watch-plugin\nVersion: 1.0\n", "utf-8")
    (info / "entry_points.txt").write_text("[pydantic]\nwatch = watch_plugin:plugin\n", "utf-8")
    (site / "watch_plugin.py").write_text(PLUGIN, "utf-8")
    log = tmp_path / "watched.txt"
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env |= {"PYTHONPATH": os.pathsep.join([str(site), env.get("PYTHONPATH", "")]), "WATCHED": str(log)}
    return env, log


def test_an_installed_pydantic_plugin_never_sees_the_tools_validation(watched) -> None:
    env, log = watched
    # Through the command line alone, Pydantic hands the plugin the report's validator: the plugin works.
    done, _ = _run("cli", ONE, "-f", "json", env=env)
    assert done.returncode == 0  # every target met
    assert "Report" in log.read_text("utf-8").split()
    log.unlink()
    # Through the console script it is never asked, and the document printed is the same.
    started, _ = _run("entry", ONE, "-f", "json", env=env)
    assert started.returncode == 0
    assert not log.exists()
    assert json.loads(started.stdout) == json.loads(done.stdout)


@pytest.mark.parametrize("args", [(ONE, "-f", "json"), (ONE,), ("validate", ONE)])
def test_plugins_off_the_tool_never_imports_where_they_would_be_found(args, tmp_path: Path) -> None:
    off = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "1"}
    alone, ended_alone = _run("cli", *args, env=off, cache=tmp_path / "alone")
    started, ended = _run("entry", *args, cache=tmp_path / "entry")
    assert ended_alone["metadata"]  # Pydantic's own loader imports it to read no entry point
    assert not ended["metadata"]
    assert (started.returncode, started.stdout) == (alone.returncode, alone.stdout)


@pytest.mark.parametrize("args", [(ONE, "-f", "json"), (ONE,), ("validate", ONE)])
def test_a_run_loads_none_of_the_standard_modules_typer_imports_for_completion(args, tmp_path: Path) -> None:
    # ``entry._DEFERRED``: typer imports them (its command line alone loads all three); a run reads no name
    # of them, so the console script never loads them, and its output is the same.
    # (a run with an empty cache folder checks the rule pack, whose models Pydantic builds with them)
    _run("entry", *args, cache=tmp_path)
    alone, ended_alone = _run("cli", *args, cache=tmp_path)
    started, ended = _run("entry", *args, cache=tmp_path)
    assert ended_alone["loaded"] == ["ipaddress", "subprocess", "tokenize"]
    assert ended["loaded"] == []
    assert (started.returncode, started.stdout) == (alone.returncode, alone.stdout)


def test_a_deferred_module_is_loaded_when_a_name_of_it_is_first_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from zhijiao_check.entry import Deferred

    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    standing_in = Deferred("colorsys")
    monkeypatch.setitem(sys.modules, "colorsys", standing_in)
    import colorsys  # bound to the stand-in: nothing loaded yet

    assert colorsys is standing_in
    assert colorsys.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)  # loaded now, in its place
    loaded = sys.modules["colorsys"]
    assert loaded is not standing_in and type(loaded).__name__ == "module"
    from colorsys import hsv_to_rgb  # through the module itself, and through the stand-in alike

    assert hsv_to_rgb is colorsys.hsv_to_rgb is loaded.hsv_to_rgb
    with pytest.raises(AttributeError):
        colorsys.no_such_name  # noqa: B018 - read for its error


def test_pydantic_imports_its_plugin_loader_only_to_ask_it_for_plugins() -> None:
    # What the stand-in for the loader (``entry._no_plugin_lookup``) must answer: were Pydantic to use the
    # loader for anything more, the stand-in would have to follow.
    import pydantic.plugin._schema_validator as schema_validator

    source = Path(schema_validator.__file__).read_text("utf-8")
    uses = [line.strip() for line in source.splitlines() if "_loader" in line]
    assert uses == ["from ._loader import get_plugins"]
    assert "get_plugins()" in source


@pytest.mark.parametrize("value", ["another", ""])
def test_a_users_own_choice_of_plugins_stays(watched, value) -> None:
    env, log = watched
    env["PYDANTIC_DISABLE_PLUGINS"] = value  # plugins by name, or all on: theirs, not ours, to turn off
    done, ended = _run("entry", ONE, "-f", "json", env=env)
    assert done.returncode == 0  # every target met
    assert "Report" in log.read_text("utf-8").split()
    assert ended["metadata"]


@pytest.mark.parametrize(
    ("args", "share"),
    [
        ((ONE, "-f", "json"), 0.5),  # check: on only after scoring, long after loading
        (("validate", ONE), 1.0),  # validate turns it on as it starts: what it loads is loaded with it on
    ],
)
def test_the_collector_stays_off_while_the_tool_loads_and_is_back_on_at_the_end(args, share) -> None:
    alone, ended_alone = _run("cli", *args)
    started, ended = _run("entry", *args)
    assert started.returncode == alone.returncode
    assert started.stdout == alone.stdout
    assert ended["collecting"] and ended_alone["collecting"]
    # Loading alone made the collector run scores of times.
    assert ended["collections"] < ended_alone["collections"] * share


# Says on standard error when a run's results or a held value are freed.
FREED = """
import sys
from zhijiao_check.engine.results import Run
from zhijiao_check.processes import until_exit
Run.__del__ = lambda self: print("run freed", file=sys.stderr)

class Loud:
    def __del__(self):
        print("value freed", file=sys.stderr)

until_exit(Loud())
sys.argv = ["zhijiao-check", *sys.argv[1:]]
from zhijiao_check.entry import main
main()
"""


@pytest.mark.parametrize("args", [(ONE, "-f", "json"), (str(SAMPLES / "2023"), "-f", "table")])
def test_a_checks_results_are_never_freed_the_process_ends_first(args) -> None:
    """Freeing a large run's results one object at a time cost a thirtieth of it, just before it ended: they
    are held until the process exits (``processes.until_exit``), and never freed. Holding them let go of the
    value held before."""
    done = subprocess.run(
        [sys.executable, "-c", FREED, *args], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode in (0, 1) and done.stdout
    assert "value freed" in done.stderr and "run freed" not in done.stderr


# Says at exit whether the report's Pydantic model was built (``report.model``, which the workbook's layout
# imports): a run of text reports reads them through the kept validator, and never needs it.
MODEL_PROBE = """
import atexit, sys
atexit.register(lambda: print("model built:", "zhijiao_check.report.model" in sys.modules, file=sys.stderr))
sys.argv[0] = "zhijiao-check"
from zhijiao_check.entry import main
main()
"""


def test_a_text_reports_warning_builds_no_model(tmp_path: Path) -> None:
    """A YAML report whose 中职招生 differs from its majors' sum is warned in words a workbook would say by
    its labels: looking them up imported the workbook's layout, and with it the report's Pydantic model
    (8 MiB more at the peak of a 10,000-report run, some 40 ms)."""
    text = (SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8")
    report = tmp_path / "dongan.yaml"
    report.write_text(
        text.replace("secondary_vocational: 950", "secondary_vocational: 2950", 1), encoding="utf-8"
    )
    env = {**os.environ, "ZHIJIAO_CHECK_CACHE": str(tmp_path / "cache")}
    argv = [sys.executable, "-c", MODEL_PROBE, str(report), "-f", "json"]
    subprocess.run(argv, capture_output=True, cwd=ROOT, env=env, check=False)  # keeps the validator
    done = subprocess.run(
        argv, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, check=False
    )
    assert '"code": "majors-sum-differs"' in done.stdout
    assert done.stderr.splitlines()[-1] == "model built: False"
