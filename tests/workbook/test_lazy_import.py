"""openpyxl is imported only when a workbook is read or written: a YAML run does not pay for it."""

from __future__ import annotations

import subprocess
import sys

from factory import ROOT, SAMPLES

PROBE = """
import sys
from zhijiao_check.cli import main
sys.argv = ["zhijiao-check", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("openpyxl" in sys.modules, file=sys.stderr)
"""


def _imports_openpyxl(*args: str) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )  # a failed check exits 1: the probe still prints
    return done.stderr.strip().splitlines()[-1] == "True"


def test_a_yaml_run_does_not_import_openpyxl():
    assert not _imports_openpyxl("check", str(SAMPLES / "2023"), "-f", "json", "-o", "/dev/null")
    assert not _imports_openpyxl("validate", str(SAMPLES / "2023" / "dongan.yaml"))


def test_a_workbook_output_does(tmp_path):
    assert _imports_openpyxl(
        "check", str(SAMPLES / "2023" / "dongan.yaml"), "-f", "xlsx", "-o", str(tmp_path / "r.xlsx")
    )
