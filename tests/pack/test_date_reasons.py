"""A date or number YAML cannot read (``issued: 2024-13-01`` in pack.yaml, ``year: 0b_`` in a report) is
refused with the reason in the message catalogue's words, in both languages: it showed Python's English
(``month must be in 1..12``) inside the Chinese message."""

from __future__ import annotations

from pathlib import Path

import pytest
from factory import SAMPLES

from zhijiao_check.i18n import Translator
from zhijiao_check.source.scalars import date_reason

from .common import at, edited, refused, run

ISSUED = "issued: 2021-09-04"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "issued: 无法读取值“2024-13-01”（月份应为 1–12，这里是 13）：如果它是文字，请加引号"),
        (
            "en",
            (
                'issued: cannot read the value "2024-13-01" (the month must be 1 to 12, not 13):'
                " if it is text, put it in quotes"
            ),
        ),
    ],
)
def test_a_month_out_of_range_in_pack_yaml(tmp_path: Path, lang: str, said: str) -> None:
    pack, path = edited(tmp_path, "pack.yaml", ISSUED, "issued: 2024-13-01")
    err = refused(pack, lang)
    assert f"{at(path, 'issued:', '2024-13-01')}: {said}" in err
    assert "must be in" not in err


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        ("2023-02-29", "2023 年 2 月的日应为 1–28，这里是 29", "the day of 2023-2 must be 1 to 28, not 29"),
        ("2024-04-31", "2024 年 4 月的日应为 1–30，这里是 31", "the day of 2024-4 must be 1 to 30, not 31"),
        ("0000-01-01", "年份应不小于 1，这里是 0000", "the year must be 1 or later, not 0000"),
        (
            "2024-01-01 24:00:00",
            "时刻应在 00:00:00–23:59:59 之间，这里是 24:00:00",
            "the time of day must be 00:00:00 to 23:59:59, not 24:00:00",
        ),
        (
            "2024-01-01T10:00:00+25:00",
            "不是有效的日期，日期写作 2024-09-04",
            "not a valid date; a date is written 2024-09-04",
        ),
    ],
)
def test_each_part_of_a_date_out_of_range_is_named(value: str, zh: str, en: str) -> None:
    reason = date_reason(value)
    assert Translator("zh").render(reason) == zh
    assert Translator("en").render(reason) == en


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "year: 无法读取值“0b_”（不是可读取的数，数字写作 1200 或 12.5）：如果它是文字，请加引号"),
        (
            "en",
            (
                'year: cannot read the value "0b_" (not a number that can be read; a number is written'
                " 1200 or 12.5): if it is text, put it in quotes"
            ),
        ),
    ],
)
def test_a_number_yaml_cannot_read_in_a_report(tmp_path: Path, lang: str, said: str) -> None:
    text = (SAMPLES / "2023" / "lingling.yaml").read_text(encoding="utf-8")
    report = tmp_path / "lingling.yaml"
    report.write_text(text.replace("year: 2023", "year: 0b_", 1), encoding="utf-8")
    result = run("validate", report, "--lang", lang)
    assert result.exit_code == 2
    line = text[: text.index("year: 2023")].count("\n") + 1
    assert f"{report}:{line}:7: " in result.stdout and said in result.stdout
    assert "invalid literal" not in result.stdout
