"""``schedule_base`` against the linear rules: a linear schedule is target × (Y − base) / (due − base). A base
not before a rule's due year loaded, and the first report checked ended in ``ZeroDivisionError`` (exit 3); a
base after the due year grew the schedule backwards, one after the issue year made it below zero. Each is
refused at ``schedule_base`` when the pack loads (``pack.schedule``)."""

from __future__ import annotations

from pathlib import Path

from .common import at, edited, refused, run


def test_a_schedule_base_in_a_linear_rules_due_year_is_refused_at_the_base(tmp_path: Path) -> None:
    pack, path = edited(tmp_path, "pack.yaml", "schedule_base: 2020", "schedule_base: 2025")
    rule_file = pack / "clause-01.yaml"
    assert (
        f"{at(path, 'schedule_base:', '2025')}: schedule_base: schedule_base 2025 不早于规则 "
        f"c1.quality-schools 的 due 2025（{rule_file}:69）（另有 11 条 linear 规则也是如此）："
        "linear 进度是目标 ×（年份 − schedule_base）/（due − schedule_base），从 due 年之前的一年起增长，"
        "schedule_base 须早于每条 linear 规则的 due 年："
        "应写 schedule_base: 2020（发文前一年，也是不写时的默认值）"
    ) in refused(pack)
    assert (
        f"schedule_base 2025 is not before the due year 2025 of rule c1.quality-schools ({rule_file}:69) "
        "(and 11 more linear rules): a linear schedule is"
    ) in refused(pack, "en")
    # it was an internal error (exit 3) once a report was checked
    checked = run("check", "samples/2023", "--rules", pack)
    assert checked.exit_code == 2
    assert "schedule_base 2025 不早于规则 c1.quality-schools" in checked.stderr


def test_a_schedule_base_after_the_due_year_is_refused(tmp_path: Path) -> None:
    pack, path = edited(tmp_path, "pack.yaml", "schedule_base: 2020", "schedule_base: 2030")
    assert f"{at(path, 'schedule_base:', '2030')}: schedule_base: schedule_base 2030 不早于规则" in refused(
        pack
    )


def test_one_linear_rule_due_in_the_base_year_is_named_alone(tmp_path: Path) -> None:
    """Base 2021 (the issue year) is before every due year but the one rule's due in 2021."""
    pack, path = edited(tmp_path, "pack.yaml", "schedule_base: 2020", "schedule_base: 2021")
    rule_file = pack / "clause-01.yaml"
    text = rule_file.read_text(encoding="utf-8")
    rule_file.write_text(
        text.replace("time: {due: 2025, linear: true}", "time: {due: 2021, linear: true}", 1)
    )
    assert (
        f"{at(path, 'schedule_base:', '2021')}: schedule_base: schedule_base 2021 不早于规则 "
        f"c1.quality-schools 的 due 2021（{rule_file}:69）：linear 进度是"
    ) in refused(pack)
    assert f"due year 2021 of rule c1.quality-schools ({rule_file}:69): a linear" in refused(pack, "en")


def test_a_schedule_base_after_the_issue_year_is_refused(tmp_path: Path) -> None:
    """Issued 2021, base 2022: the schedule of 2021 was target × (−1) / 3."""
    pack, path = edited(tmp_path, "pack.yaml", "schedule_base: 2020", "schedule_base: 2022")
    assert (
        f"{at(path, 'schedule_base:', '2022')}: schedule_base: schedule_base 2022 晚于发文年 2021："
        "linear 规则（如 c1.quality-schools）自 2021 年起判定，2022 年之前的进度"
        "（目标 ×（年份 − schedule_base）/（due − schedule_base））小于 0：schedule_base 不能晚于发文年，"
        "应写 schedule_base: 2020（发文前一年，也是不写时的默认值）"
    ) in refused(pack)
    assert "schedule_base 2022 is after the issue year 2021" in refused(pack, "en")


def test_a_schedule_base_in_the_issue_year_loads(tmp_path: Path) -> None:
    """The schedule of the issue year is then 0: nothing expected yet, never below zero."""
    pack, _ = edited(tmp_path, "pack.yaml", "schedule_base: 2020", "schedule_base: 2021")
    assert run("rules", "--rules", pack).exit_code == 0
