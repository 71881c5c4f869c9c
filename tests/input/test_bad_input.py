"""Every bad input of report-format.md, through the command line: exit 2, one clear located message each.

Each case is written as a county would write it, starting from a valid sample report. The expected line is
found in the edited text itself, so that the cases follow the sample if its layout changes.
"""

from __future__ import annotations

import codecs
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from .helpers import COUNTY, county_text, errors, line_of, run_cli, validate_json, write

VALID = COUNTY.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Case:
    id: str
    content: str | bytes
    code: str
    line: int
    message: str  # a part of the Chinese message
    path: str = ""
    name: str = "report.yaml"


def edit(old: str, new: str, needle: str | None = None) -> tuple[str, int]:
    """The sample with one edit, and the line of ``needle`` (default: ``new``'s first line) in the result."""
    text = county_text((old, new))
    return text, line_of(text, needle if needle is not None else new.strip().splitlines()[0])


def case(
    id: str, old: str, new: str, code: str, message: str, path: str = "", needle: str | None = None
) -> Case:
    text, line = edit(old, new, needle)
    return Case(id, text, code, line, message, path)


BILLION_LAUGHS = (
    "\n".join(
        ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    )
    + "\n"
)

CASES = [
    # Not a single YAML mapping.
    case("not-yaml", "  kind: county\n", "  kind: county: town\n", "yaml-syntax", "YAML 格式错误"),
    # Located at the second document's first line, just after its "---".
    Case(
        "several-documents",
        VALID + "---\nschema_version: 1\n",
        "several-documents",
        VALID.count("\n") + 2,
        "多个 YAML 文档",
    ),
    Case("top-level-list", "- schema_version: 1\n- year: 2023\n", "top-not-mapping", 1, "文件顶层"),
    Case("empty-file", "", "empty-file", 1, "文件为空"),
    Case("comments-only", "# 冷水滩区 2023\n# 待填写\n", "empty-file", 1, "只有注释"),
    case("tab-indent", "  current: 180\n", "\tcurrent: 180\n", "yaml-tab", "制表符"),
    case("fullwidth-colon", "  kind: county\n", "  kind：county\n", "fullwidth-colon", "全角冒号"),
    # A comment begun with a full-width ＃: the value's own error on that line is its consequence, not said.
    case(
        "fullwidth-hash",
        "  secondary_vocational: 1360",
        "  secondary_vocational: 1360  ＃ 中职招生",
        "fullwidth-hash",
        "全角“＃”",
    ),
    case(
        "fullwidth-hash-after-list",
        "leading_industries: [电子信息]",
        "leading_industries: [电子信息]  ＃ 主攻产业",
        "fullwidth-hash",
        "全角“＃”",
    ),
    case(
        "comment-without-space",
        "  secondary_vocational: 1360",
        "  secondary_vocational: 1360# 中职招生",
        "comment-without-space",
        "请写 1360",
        "enrollment.secondary_vocational",
    ),
    case(
        "none-for-number",
        "  secondary_vocational: 1360",
        "  secondary_vocational: 无",
        "none-for-number",
        "没有时请写 0",
        "enrollment.secondary_vocational",
    ),
    case(
        "unclosed-bracket",
        "  general_high_school: 1530",
        "  general_high_school: [1530",
        "yaml-syntax",
        "YAML 格式错误",
    ),
    Case(
        "unclosed-bracket-at-the-end",
        VALID.rstrip("\n").removesuffix("]") + "\n",
        "yaml-syntax",
        VALID.rstrip("\n").count("\n") + 1,
        "YAML 格式错误",
    ),
    case("unclosed-double-quote", "  name: 冷水滩区", '  name: "冷水滩区', "unclosed-quote", "没有结束引号"),
    case("unclosed-single-quote", "    teachers: 110", "    teachers: '110", "yaml-syntax", "YAML 格式错误"),
    case("missing-colon", "    teachers: 110", "    teachers 110", "yaml-syntax", "YAML 格式错误"),
    case("indented-less", "    teachers: 110", "   teachers: 110", "yaml-syntax", "YAML 格式错误"),
    case("indented-more", "    teachers: 110", "      teachers: 110", "yaml-syntax", "YAML 格式错误"),
    case("colon-in-text", "  name: 冷水滩区", "  name: 冷水滩区: 新区", "yaml-syntax", "YAML 格式错误"),
    case(
        "fullwidth-space-indent",
        "    teachers: 110\n",
        "\u3000\u3000\u3000\u3000teachers: 110\n",
        "odd-space",
        "U+3000",
    ),
    case(
        "no-break-space-after-colon", "    teachers: 110\n", "    teachers:\u00a0110\n", "odd-space", "U+00A0"
    ),
    case(
        "no-space-after-colon",
        "    teachers: 110\n",
        "    teachers:110\n",
        "colon-without-space",
        "teachers: 值",
    ),
    case(
        "no-space-after-dash",
        "  - name: 冷水滩区电子信息实训基地",
        "  -name: 冷水滩区电子信息实训基地",
        "dash-without-space",
        "“- name: …”",
    ),
    case("control-character", "  name: 冷水滩区\n", "  name: 冷水\x07滩区\n", "bad-character", "U+0007"),
    # Hostile YAML.
    case(
        "duplicate-key",
        "year: 2023\n",
        "year: 2023\nyear: 2024\n",
        "duplicate-key",
        "重复",
        "year",
        needle="year: 2024",
    ),
    case(
        "python-tag",
        "craftsman_students: 36",
        "craftsman_students: !!python/object/apply:os.system [echo hi]",
        "tag-not-allowed",
        "!!python/object/apply:os.system",
        "craftsman_students",
    ),
    Case("billion-laughs", BILLION_LAUGHS, "alias-bomb", 5, "别名"),  # at the alias that passes the limit
    case(
        "merge-key", "unit:\n", "unit:\n  <<: {name: 冷水滩区}\n", "merge-key", "合并键", "unit", needle="<<"
    ),
    # Fields.
    case(
        "unknown-field",
        "    teachers: 110\n",
        "    teacher: 110\n",
        "unknown-field",
        "是否应为“teachers”",
        "schools[0].teacher",
    ),
    case(
        "chinese-field-name",
        "    teachers: 110\n",
        "    专任教师: 110\n",
        "unknown-field",
        "teachers",
        "schools[0].专任教师",
    ),
    case(
        "missing-required",
        "    level: secondary\n",
        "",
        "missing-field",
        "level",
        "schools[0].level",
        needle="  - name: 冷水滩区职业中等专业学校",
    ),
    case("blank", "    teachers: 110\n", "    teachers:\n", "blank", "值为空", "schools[0].teachers"),
    case("null", "    teachers: 110\n", "    teachers: null\n", "blank", "值为空", "schools[0].teachers"),
    # Values.
    case(
        "wrong-type",
        "    students: 1820",
        "    students: 很多",
        "not-a-number",
        "不是数字",
        "schools[0].students",
    ),
    case("negative", "    teachers: 110\n", "    teachers: -5\n", "negative", "负数", "schools[0].teachers"),
    case(
        "thousands-separator",
        "  secondary_vocational: 1360",
        '  secondary_vocational: "1,360"',
        "number-with-separator",
        "请写 1360",
        "enrollment.secondary_vocational",
    ),
    case(
        "wan-in-count",
        "    students: 1820",
        '    students: "0.18万"',
        "number-with-magnitude",
        "请写 1800",
        "schools[0].students",
    ),
    case(
        "wan-in-wan-yuan",
        "  education_total: 102000",
        "  education_total: 10.2亿",
        "number-with-magnitude",
        "请写 102000",
        "funding.education_total",
    ),
    case(
        "percent",
        "    dual_qualified_teachers: 63",
        '    dual_qualified_teachers: "57%"',
        "percent-not-accepted",
        "百分比",
        "schools[0].dual_qualified_teachers",
    ),
    case(
        "unit-after-number",
        "    teachers: 110\n",
        "    teachers: 110人\n",
        "number-with-unit",
        "请写 110",
        "schools[0].teachers",
    ),
    case(
        "fraction-for-count",
        "    teachers: 110\n",
        "    teachers: 110.5\n",
        "float-for-int",
        "小数",
        "schools[0].teachers",
    ),
    case(
        "octal-looking",
        "    teachers: 110\n",
        "    teachers: 0110\n",
        "number-notation",
        "请写普通的十进制数，如 110",
        "schools[0].teachers",
    ),
    case(
        "hexadecimal",
        "    teachers: 110\n",
        "    teachers: 0x6E\n",
        "number-notation",
        "如 110",
        "schools[0].teachers",
    ),
    case(
        "base-60",
        "        months: 6",
        "        months: 1:30",
        "number-notation",
        "读成 90",
        "schools[0].enterprise_practice[0].months",
    ),
    case(
        "underscore",
        "  education_total: 102000",
        "  education_total: 102_000",
        "number-notation",
        "如 102000",
        "funding.education_total",
    ),
    case(
        "chinese-quotes-number",
        "    teachers: 110\n",
        "    teachers: “110”\n",
        "number-as-text",
        "请写 110",
        "schools[0].teachers",
    ),
    case("year-too-early", "year: 2023", "year: 1999", "year-out-of-range", "2000–2100", "year"),
    case("year-as-date", "year: 2023", "year: 2023-09-01", "date-for-year", "请写 2023", "year"),
    case(
        "founding-year-too-early",
        "    established: 2002",
        "    established: 1799",
        "year-out-of-range",
        "1800–2100",
        "schools[0].established",
    ),
    case(
        "yes-for-bool",
        "    meets_standards: true",
        "    meets_standards: 是",
        "bool-spelling",
        "请写 true",
        "schools[0].meets_standards",
    ),
    case(
        "chinese-choice",
        "    level: secondary",
        "    level: 中职",
        "choice-spelling",
        "请写作 secondary",
        "schools[0].level",
    ),
    case("unquoted-code", '  code: "431103"', "  code: 4311030", "code-number-long", "加上引号", "unit.code"),
    case(
        "schema-version",
        "schema_version: 1",
        "schema_version: 2",
        "schema-version",
        "schema_version: 1",
        "schema_version",
    ),
    case(
        "not-a-list",
        "leading_industries: [电子信息]",
        "leading_industries: 电子信息",
        "not-a-list",
        "列表",
        "leading_industries",
    ),
    case(
        "fullwidth-brackets",
        "leading_industries: [电子信息]",
        "leading_industries: 【电子信息，先进装备制造】",
        "fullwidth-brackets",
        "请写 [电子信息, 先进装备制造]",
        "leading_industries",
    ),
    # Across fields.
    case(
        "dual-over-teachers",
        "    dual_qualified_teachers: 63",
        "    dual_qualified_teachers: 111",
        "exceeds-teachers",
        "多于专任教师数",
        "schools[0].dual_qualified_teachers",
    ),
    case(
        "dual-over-professional-teachers",
        "    dual_qualified_teachers: 63",
        "    dual_qualified_teachers: 95",
        "exceeds-professional-teachers",
        "多于专业课教师数 professional_teachers（88）",
        "schools[0].dual_qualified_teachers",
    ),
    case(
        "rotated-over-teachers",
        "    teachers_rotated: 74",
        "    teachers_rotated: 200",
        "exceeds-teachers",
        "多于专任教师数",
        "schools[0].teachers_rotated",
    ),
    case(
        "city-block-in-county",
        "year: 2023\n",
        "year: 2023\ncity:\n  joint_meeting: true\n",
        "city-block-not-city",
        "只有市本级",
        "city",
        needle="city:",
    ),
    case("code-mismatch", '  code: "431103"', '  code: "431102"', "code-mismatch", "431103", "unit.code"),
    case(
        "chinese-quotes-code",
        '  code: "431103"',
        "  code: “431103”",
        "code-curly-quotes",
        "请用英文双引号",
        "unit.code",
    ),
    case("renamed-unit", "  name: 冷水滩区", "  name: 祁阳县", "unit-renamed", "祁阳市", "unit.name"),
    case("unknown-unit", "  name: 冷水滩区", "  name: 冷水滩", "unknown-unit", "冷水滩区", "unit.name"),
    case(
        "chinese-quotes-unit",
        "  name: 冷水滩区",
        "  name: “冷水滩区”",
        "unit-name-curly-quotes",
        "请去掉引号，写成 name: 冷水滩区",
        "unit.name",
    ),
    case("kind-mismatch", "  kind: county", "  kind: city", "kind-mismatch", "kind: county", "unit.kind"),
    # Encodings.
    Case(
        "one-line-not-utf8",
        VALID.encode("utf-8").replace(b"  kind: county", b"  kind: \xff\xfe\xff"),
        "lines-not-utf8",
        line_of(VALID, "  kind: county"),
        "0xFF",
    ),
    Case(
        "not-utf8-nor-gb18030", b"schema_version: 1\nunit:\n  kind: \xff\xfe\xff\n", "bad-encoding", 3, "0xFF"
    ),
    Case(
        "utf16-cut-short",
        codecs.BOM_UTF16_LE + VALID.encode("utf-16-le")[:-1],
        "bad-encoding-bom",
        VALID.count("\n"),
        "utf-16",
    ),
]


def _duplicate_school() -> Case:
    """Two schools of the same name: the second one's name is the problem."""
    school = "  - name: 冷水滩区职业中等专业学校\n    level: secondary\n    ownership: public\n"
    text = county_text(("schools:\n", "schools:\n" + school))
    return Case(
        "duplicate-school",
        text,
        "duplicate-school",
        line_of(text, "冷水滩区职业中等专业学校", 2),
        "重复",
        "schools[1].name",
    )


def _duplicate_major() -> Case:
    major = "      - name: 电子技术应用\n"
    text = county_text((major, major + "        enrollment: 1\n" + major))
    return Case(
        "duplicate-major",
        text,
        "duplicate-major",
        line_of(text, "电子技术应用", 2),
        "重复",
        "schools[0].majors[1].name",
    )


CASES += [_duplicate_school(), _duplicate_major()]


@pytest.mark.parametrize("bad", CASES, ids=[c.id for c in CASES])
def test_bad_input_gives_exit_2_and_one_located_message(tmp_path: Path, bad: Case) -> None:
    path = write(tmp_path, bad.name, bad.content)
    code, document = validate_json(path)
    assert code == 2 and document["exit_code"] == 2
    (problem,) = errors(document)
    assert (problem["code"], problem["line"]) == (bad.code, bad.line), problem
    assert bad.message in problem["message"], problem["message"]
    if bad.path:
        assert problem["path"] == bad.path
    assert problem["column"] is not None and problem["column"] >= 1
    # The table says the same, starting with file:line:column, and ``check`` refuses the file too.
    table = run_cli("validate", path)
    assert table.exit_code == 2
    assert f"{path}:{bad.line}:{problem['column']}: 错误：" in table.stdout
    assert run_cli("check", path, "--no-color").exit_code == 2


def test_messages_in_english_too(tmp_path: Path) -> None:
    path = write(
        tmp_path, "r.yaml", county_text(("  secondary_vocational: 1360", '  secondary_vocational: "1,360"'))
    )
    result = run_cli("validate", path, "--lang", "en")
    assert result.exit_code == 2
    assert "no thousands separators in numbers" in result.stdout and "write 1360" in result.stdout


def test_problems_in_chinese_are_punctuated_and_worded_as_chinese(tmp_path: Path) -> None:
    """The lines of ``validate`` in Chinese, as GCC's Chinese messages write them: ``错误：`` after the place
    (whose colons a terminal finds it by), a value found in Chinese quotation marks, a comma before what to
    write, a list of choices with 、 and each label in full-width brackets; in English as compilers write."""
    text = county_text(
        ("  secondary_vocational: 1360", '  secondary_vocational: "1,360"'),
        ("    level: secondary", "    level: 中专学校"),
    )
    path = write(tmp_path, "r.yaml", text)
    separator = f"{path}:{line_of(text, '1,360')}:25: "
    choice = f"{path}:{line_of(text, '中专学校')}:12: "
    chinese = run_cli("validate", path).stdout.splitlines()
    assert (
        f"{separator}错误：enrollment.secondary_vocational: 数字中不要用千位分隔符：“1,360”，请写 1360"
        in chinese
    )
    assert (
        f"{choice}错误：schools[0].level: 填写了 “中专学校”，不是可选的值：请写以下之一："
        "secondary（中职，含技工学校）、higher（高职）"
    ) in chinese
    english = run_cli("validate", path, "--lang", "en").stdout.splitlines()
    said = {line.partition(" ")[0]: line.partition(" ")[2] for line in english}
    assert said[separator.strip()].startswith("error: enrollment.secondary_vocational: ")
    assert '"1,360"' in said[separator.strip()]
    assert (
        said[choice.strip()].startswith("error: schools[0].level: ") and '"中专学校"' in said[choice.strip()]
    )
    assert said[choice.strip()].endswith(
        "secondary (secondary vocational, technical schools included), higher (higher vocational)"
    )


def test_no_code_runs_from_a_python_tag(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = county_text(
        ("craftsman_students: 36", f"craftsman_students: !!python/object/apply:os.system [touch {marker}]")
    )
    for command in ("validate", "check"):
        assert run_cli(command, write(tmp_path, "r.yaml", text)).exit_code == 2
    assert not marker.exists()


def test_billion_laughs_fails_fast(tmp_path: Path) -> None:
    start = time.perf_counter()
    assert run_cli("check", write(tmp_path, "r.yaml", BILLION_LAUGHS)).exit_code == 2
    assert time.perf_counter() - start < 5


def test_file_over_10_mib_is_refused_unread(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", VALID + "#" * (10 * 1024 * 1024) + "\n")
    code, document = validate_json(path)
    (problem,) = errors(document)
    assert (code, problem["code"]) == (2, "file-too-large") and "10 MiB" in problem["message"]


def test_missing_file_and_directory(tmp_path: Path) -> None:
    code, document = validate_json(tmp_path / "nope.yaml", COUNTY)
    assert code == 2
    assert [p["code"] for p in errors(document)] == ["path-not-found"]
    assert {f["file"]: f["valid"] for f in document["files"]} == {
        str(COUNTY): True,
        str(tmp_path / "nope.yaml"): False,
    }


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16-le-bom", "utf-16-be-bom"])
def test_valid_encodings_are_read(tmp_path: Path, encoding: str) -> None:
    raw = {
        "utf-8-sig": codecs.BOM_UTF8 + VALID.encode("utf-8"),
        "utf-16-le-bom": codecs.BOM_UTF16_LE + VALID.encode("utf-16-le"),
        "utf-16-be-bom": codecs.BOM_UTF16_BE + VALID.encode("utf-16-be"),
    }[encoding]
    code, document = validate_json(write(tmp_path, "r.yaml", raw))
    assert (code, document["problems"]) == (0, [])


def test_gb18030_is_read_with_a_warning_naming_it(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", VALID.encode("gb18030"))
    code, document = validate_json(path)
    assert code == 0
    (warning,) = document["problems"]
    assert (warning["severity"], warning["code"], warning["line"]) == ("warning", "encoding-gb18030", 1)
    assert "GB18030" in warning["message"]
    checked = run_cli("check", path, "--no-color")
    assert checked.exit_code in (0, 1) and "GB18030" in checked.stdout


def test_a_gb18030_file_with_an_error_is_located_in_characters(tmp_path: Path) -> None:
    text = county_text(("    teachers: 110\n", "    teachers: 一百一十\n"))
    code, document = validate_json(write(tmp_path, "r.yaml", text.encode("gb18030")))
    (problem,) = errors(document)
    assert (code, problem["code"], problem["line"], problem["column"]) == (
        2,
        "not-a-number",
        line_of(text, "一百一十"),
        15,
    )


def test_a_json_report_is_accepted_and_its_errors_located(tmp_path: Path) -> None:
    import json

    import yaml

    data = yaml.safe_load(VALID)
    assert validate_json(write(tmp_path, "r.json", json.dumps(data, ensure_ascii=False, indent=2)))[0] == 0
    data["schools"][0]["teachers"] = "110"
    text = json.dumps(data, ensure_ascii=False, indent=2)
    code, document = validate_json(write(tmp_path, "r.json", text))
    (problem,) = errors(document)
    assert (code, problem["code"], problem["line"]) == (
        2,
        "number-as-text",
        line_of(text, '"teachers": "110"'),
    )
