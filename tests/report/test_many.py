"""A report with many problems lists them all, in file order, up to 100 and a count of the rest."""

from __future__ import annotations

from zhijiao_check.report import MAX_PROBLEMS, InvalidReport

from .conftest import Load
from .helpers import EN, ZH, county_text


def test_all_problems_are_listed_in_file_order(load: Load) -> None:
    result = load(
        county_text(
            ("schema_version: 1", "schema_version: 2"),
            ("  name: 冷水滩区", "  name: 祁阳县"),
            ("  secondary_vocational: 3120", '  secondary_vocational: "3,120"'),
            ("quality_committee: true\ncraftsman", "quality_commitee: true\ncraftsman"),
            ("    teachers: 210", "    teachers: 21O"),
            ("    teachers_rotated: 90", "    teachers_rotated: 300"),
            ("        rating: green", "        rating: 绿"),
            ("    students: 860", "    students: 30"),
            ("      - name: 幼儿保育", "      - name:"),
        )
    )
    assert isinstance(result, InvalidReport)
    assert [(p.code, p.line, p.severity) for p in result.problems] == [
        ("schema-version", 2, "error"),
        ("unit-renamed", 4, "error"),
        ("number-with-separator", 10, "error"),
        ("unknown-field", 21, "error"),
        ("not-a-number", 40, "error"),
        ("choice-spelling", 54, "error"),
        ("blank", 85, "error"),
        ("enrollment-over-students", 76, "warning"),
    ]
    # teachers is not a number, so teachers_rotated cannot be compared with it: no guess either way.
    assert all(p.message(ZH) and p.message(EN) for p in result.problems)


def test_at_most_100_problems_and_a_count_of_the_rest(load: Load) -> None:
    majors = "".join(
        f"      - name: 专业{i}\n        enrollment: -{i + 1}\n        rating: 紫\n" for i in range(80)
    )
    text = county_text(
        ("    majors:\n      - name: 幼儿保育\n", "    majors:\n" + majors + "      - name: 幼儿保育\n")
    )
    result = load(text)
    assert isinstance(result, InvalidReport)
    assert len(result.problems) == MAX_PROBLEMS + 1
    last = result.problems[-1]
    assert (last.code, last.severity) == ("too-many-problems", "error")
    assert (last.line or 0) > (result.problems[-2].line or 0)  # where the unlisted ones start
    assert "另有 60 个问题" in last.message(ZH) and "60 more problems" in last.message(EN)
