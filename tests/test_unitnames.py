"""The unit an unknown name most likely means (``unitnames``, behind ``UnitRegistry.suggest``): a unit's name
written short (江华县, 江华 for 江华瑶族自治县) is that unit's before any spelling is weighed, in a report, a
waiver, a roster and ``template --unit`` alike. The closest spelling took 江华县 for 江永县, and a waiver
written to that hint excused another county's failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import ROOT
from typer.testing import CliRunner

from zhijiao_check.cli import app
from zhijiao_check.pack.load import load_packs
from zhijiao_check.unitnames import short_forms

UNITS = load_packs([])[0].units


@pytest.mark.parametrize(
    ("given", "meant"),
    [
        ("江华县", "江华瑶族自治县"),  # its 瑶族自治 left out: spelled most like 江永县
        ("江华", "江华瑶族自治县"),
        ("江华自治县", "江华瑶族自治县"),
        ("江华瑶族县", "江华瑶族自治县"),
        ("江永", "江永县"),
        ("东安", "东安县"),
        ("祁阳", "祁阳市"),
        ("冷水滩", "冷水滩区"),
        ("东按县", "东安县"),  # a slip, still found by its spelling
        ("祁阳县", "祁阳市"),  # a former name: the name it has now
    ],
)
def test_a_short_form_is_its_units_before_any_spelling(given: str, meant: str) -> None:
    assert UNITS.suggest(given) == meant


def test_a_place_name_is_never_cut_short() -> None:
    """Forms keep a place's own two characters: 江华瑶族自治县 is never 江县, 道县 never 道."""
    assert short_forms("江华瑶族自治县") == {
        "江华县",
        "江华",
        "江华自治县",
        "江华自治",
        "江华瑶族县",
        "江华瑶族",
        "江华瑶族自治",
    }
    assert short_forms("道县") == set()
    assert short_forms("东安县") == {"东安"}


def _invoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_a_waiver_of_a_short_name_is_told_the_unit_it_means(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "waivers.toml").write_text(
        '[[waiver]]\nrule = "c1.vocational-share"\nunit = "江华县"\nyear = 2023\nreason = "县财政补足"\n'
        'approved-by = "永州市教育局"\ndocument = "永教函〔2024〕3号"\n',
        encoding="utf-8",
    )
    reports = str(ROOT / "samples" / "2023")
    status, output = _invoke(tmp_path, monkeypatch, "check", reports, "--waivers", "waivers.toml", "-q")
    assert status == 2
    assert "waivers.toml:3:1: waiver[0].unit: 未知的单位“江华县”；是否想写“江华瑶族自治县”？" in output
    assert "江永县" not in output


def test_template_of_a_short_name_is_told_the_unit_it_means(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    status, output = _invoke(tmp_path, monkeypatch, "template", "--unit", "江华县", "--year", "2023")
    assert status == 2
    assert output.startswith("未知的填报单位“江华县”：是否应为“江华瑶族自治县”？")


def test_a_roster_of_a_short_name_is_told_the_unit_it_means(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "roster.yaml").write_text("units:\n  江华县:\n    - 某学校\n", encoding="utf-8")
    reports = str(ROOT / "samples" / "2023")
    status, output = _invoke(tmp_path, monkeypatch, "check", reports, "--roster", "roster.yaml", "-q")
    assert status == 2
    assert "roster.yaml:2:3: units.江华县: 没有单位“江华县”；是否想写 江华瑶族自治县？" in output
    assert "江永县？" not in output
