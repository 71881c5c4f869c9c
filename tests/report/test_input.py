"""Files that are not a readable single YAML mapping: encodings, syntax, hostile YAML, size."""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from zhijiao_check import files
from zhijiao_check.report import InvalidReport, ReportFile, load_report
from zhijiao_check.source import MAX_BYTES
from zhijiao_check.source.slips import _SEPARATORS, _SLIP_LINE, _line_slips

from .conftest import Load
from .helpers import COUNTY, EN, UNITS, ZH, assert_problem, county_text, only_error

VALID = COUNTY.read_text(encoding="utf-8")


def test_duplicate_key(load: Load) -> None:
    problem = only_error(load(county_text(("    teachers: 210\n", "    teachers: 210\n    teachers: 211\n"))))
    assert_problem(
        problem,
        "duplicate-key",
        41,
        5,
        "schools[0].teachers",
        ("“teachers”重复", "第 40 行"),
        ('duplicate key "teachers"', "first on line 40"),
    )


def test_duplicate_key_does_not_hide_other_problems(load: Load) -> None:
    result = load(county_text(("year: 2023\n", "year: 2023\nyear: 2024\n"), ("teachers: 48", "teachers: -1")))
    assert isinstance(result, InvalidReport)
    assert [(p.code, p.line) for p in result.problems] == [("duplicate-key", 8), ("negative", 80)]


def test_several_documents(load: Load) -> None:
    problem = only_error(load(VALID + "---\nschema_version: 1\n"))
    assert_problem(problem, "several-documents", 91, 1, "", "多个 YAML 文档", "more than one YAML document")


def test_empty_file(load: Load) -> None:
    assert_problem(only_error(load("")), "empty-file", 1, 1, "", "文件为空", "the file is empty")


def test_comment_only_file(load: Load) -> None:
    problem = only_error(load("# 冷水滩区 2023 年度报告\n# 待填写\n"))
    assert_problem(problem, "empty-file", 1, 1, "", "只有注释", "only comments")


def test_list_at_top_level(load: Load) -> None:
    problem = only_error(load("- schema_version: 1\n- year: 2023\n"))
    assert_problem(problem, "top-not-mapping", 1, 1, "", "文件顶层", "the top level must be")


def test_yaml_syntax_error(load: Load) -> None:
    problem = only_error(load(county_text(("  general_high_school: 3600", "  general_high_school: [3600"))))
    # libyaml notices the unclosed bracket where the next key starts; the problem is shown where it opened.
    assert_problem(
        problem,
        "yaml-syntax",
        11,
        24,
        "",
        ("YAML 格式错误", "上一行"),
        ("YAML syntax error", 'a comma "," or the closing "]" is missing', "the one before"),
    )


def test_tab_in_indentation(load: Load) -> None:
    problem = only_error(load(county_text(("  current: 300", "\tcurrent: 300"))))
    assert_problem(problem, "yaml-tab", 24, 1, "", "制表符", "a tab in the indentation")


def test_fullwidth_colon(load: Load) -> None:
    problem = only_error(load(county_text(("  kind: county", "  kind：county"))))
    assert_problem(problem, "fullwidth-colon", 5, 7, "", "全角冒号", "full-width colon")


def test_control_character(load: Load) -> None:
    problem = only_error(load(county_text(("  name: 冷水滩区\n", "  name: 冷水\x07滩区\n"))))
    assert_problem(problem, "bad-character", 4, 11, "", "U+0007", "control character U+0007")


def test_control_character_in_a_file_with_cr_line_ends(load: Load) -> None:
    # YAML reads a lone CR as a line break; the place of the character must be counted the same way.
    text = county_text(("  name: 冷水滩区\n", "  name: 冷水\x07滩区\n")).replace("\n", "\r")
    assert_problem(
        only_error(load(text.encode())), "bad-character", 4, 11, "", "U+0007", "control character U+0007"
    )


def test_an_endless_device_is_refused_unread() -> None:
    # /dev/zero has no size to check: reading it whole never ends. It is not a regular file, so it is refused
    # before it is opened. Run apart, with a memory and a time limit, so that a regression fails here instead
    # of hanging the suite.
    resource = pytest.importorskip("resource")
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    script = (
        "from pathlib import Path\n"
        "from zhijiao_check.pack.load import builtin_dir, load_pack\n"
        "from zhijiao_check.report import load_report\n"
        "units = load_pack(builtin_dir() / 'yzf-2021-7').units\n"
        "print(*[p.code for p in load_report(Path('/dev/zero'), units).problems])\n"
    )

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=limit_memory,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "not-regular-file"), done.stderr[-500:]


def test_object_building_tag(load: Load) -> None:
    text = county_text(
        ("craftsman_students: 60", "craftsman_students: !!python/object/apply:os.system [echo hacked]")
    )
    problem = only_error(load(text))
    assert_problem(
        problem,
        "tag-not-allowed",
        22,
        21,
        "craftsman_students",
        "!!python/object/apply:os.system",
        ("!!python/object/apply:os.system", "is not allowed"),
    )


def test_billion_laughs_fails_fast(load: Load) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    result = load("\n".join(lines) + "\n")
    assert isinstance(result, InvalidReport)
    assert [p.code for p in result.problems] == ["alias-bomb"]
    assert result.problems[0].line is not None
    assert "10000" in result.problems[0].message(EN)


def test_file_over_10_mib(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(VALID.encode() + b"#" * MAX_BYTES)
    result = load_report(path, UNITS, display="big.yaml")
    assert isinstance(result, InvalidReport)
    (problem,) = result.problems
    assert (problem.code, problem.file, problem.line) == ("file-too-large", "big.yaml", None)
    assert "10 MiB" in problem.message(ZH) and "over the 10 MiB limit" in problem.message(EN)


def test_a_file_read_in_short_pieces_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A network file system may give fewer bytes than asked for before the file's end: the file is read on
    # to its end, not taken as cut short.
    path = tmp_path / "dongan.yaml"
    path.write_text(VALID, encoding="utf-8")
    read = os.read
    monkeypatch.setattr(os, "read", lambda descriptor, size: read(descriptor, min(size, 100)))
    assert files.read_file(path, "dongan.yaml") == VALID.encode()


def test_a_file_grown_since_its_size_was_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Grown between its status and its reading: read on to the limit (one byte past it, so the caller says
    # it is too large), not cut at the size it had.
    path = tmp_path / "dongan.yaml"
    path.write_bytes(b"#" * 5000)
    status = os.fstat

    def smaller(descriptor: int) -> os.stat_result:
        return os.stat_result((*status(descriptor)[:6], 100, 0, 0, 0))  # st_size 100, as it was

    monkeypatch.setattr(os, "fstat", smaller)
    assert files.read_bytes(path, "dongan.yaml") == b"#" * 5000
    assert files.read_bytes(path, "dongan.yaml", limit=1000) == b"#" * 1001
    assert files.read_bytes(path, "dongan.yaml", limit=5000) == b"#" * 5000
    path.write_bytes(b"#" * 50)  # shrunk: what is there
    assert files.read_bytes(path, "dongan.yaml") == b"#" * 50


def test_missing_file_and_directory(tmp_path: Path) -> None:
    missing = load_report(tmp_path / "nope.yaml", UNITS)
    directory = load_report(tmp_path, UNITS)
    assert isinstance(missing, InvalidReport) and isinstance(directory, InvalidReport)
    assert [p.code for p in missing.problems + directory.problems] == ["path-not-found", "not-regular-file"]


def test_utf8_with_bom(load: Load) -> None:
    result = load(codecs.BOM_UTF8 + VALID.encode("utf-8"))
    assert isinstance(result, ReportFile) and result.warnings == ()
    assert result.positions.value(("year",)) == (7, 7)


def test_utf16_with_bom(load: Load) -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
        result = load(bom + VALID.encode(codec))
        assert isinstance(result, ReportFile) and result.unit == "冷水滩区" and result.warnings == ()


def test_gb18030_is_read_with_a_warning(load: Load) -> None:
    result = load(VALID.encode("gb18030"))
    assert isinstance(result, ReportFile) and result.unit == "冷水滩区"
    (warning,) = result.warnings
    assert (warning.code, warning.severity, warning.line) == ("encoding-gb18030", "warning", 1)
    assert "GB18030" in warning.message(ZH) and "read as GB18030" in warning.message(EN)


def test_gb18030_warning_also_comes_with_errors(load: Load) -> None:
    result = load(county_text(("teachers: 48", "teachers: -1")).encode("gb18030"))
    assert isinstance(result, InvalidReport)
    assert [(p.code, p.severity) for p in result.problems] == [
        ("negative", "error"),
        ("encoding-gb18030", "warning"),
    ]


def test_bytes_in_neither_encoding(load: Load) -> None:
    raw = b"schema_version: 1\nunit:\n  name: x\n  kind: \xff\xfe\xff\n"
    problem = only_error(load(raw))
    assert_problem(
        problem, "bad-encoding", 4, 9, "", ("0xFF", "UTF-8"), ("byte 0xFF", "save the file as UTF-8")
    )


def test_a_utf8_file_with_a_line_in_another_encoding_names_the_line(load: Load) -> None:
    raw = VALID.encode("utf-8").replace(b"  kind: county", b"  kind: \xff\xfe\xff")
    problem = only_error(load(raw))
    assert_problem(
        problem, "lines-not-utf8", 5, 9, "", ("第 5 行", "0xFF"), ("line(s) 5 are not", "byte 0xFF")
    )


def test_nesting_too_deep(load: Load) -> None:
    problem = only_error(load("schema_version: 1\nschools: " + "[" * 100 + "]" * 100 + "\n"))
    assert (problem.code, problem.line) == ("too-deep", 2)
    assert "64" in problem.message(ZH) and "nested more than 64 levels" in problem.message(EN)


def test_recursive_alias_and_merge_key(load: Load) -> None:
    assert only_error(load("schema_version: 1\nschools: &s [*s]\n")).code == "alias-recursive"
    problem = only_error(load(county_text(("unit:\n", "unit:\n  <<: {name: 冷水滩区}\n"))))
    assert_problem(problem, "merge-key", 4, 3, "unit", "合并键", "merge keys")


# Lines made of what the slips are made of: keys, colons, dashes, quotes, full-width and odd spaces.
_SLIP_PARTS = st.sampled_from(
    [" ", "  ", "-", "- ", ":", ": ", "：", "，", "{", "}", "#", '"', "'", "\t", "\u3000", "\u00a0", "\u2028"]
    + ["name", "teachers", "_x1", "9", "学校", "冷水滩区", "12:30", "http://x"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SLIP_PARTS, max_size=10).map("".join))
@example("-name:")  # each kind of slip, as a clerk types it
@example("  -name: 冷水滩区")
@example("name：冷水滩区")
@example("  - name ：冷水滩区")
@example("{name: a，teachers: 1}")
@example("teachers:110")
@example("\tname: x")
@example("name:\u3000x")
@example("\u3000name: x")
@example("name: a\u2028b")
def test_a_line_with_a_slip_is_always_read(line: str) -> None:
    """The scan reads only the lines ``_SLIP_LINE`` finds: each line in which a slip or a line separator is
    found is one."""
    if _line_slips(line, 1, "report.yaml") or _SEPARATORS.search(line):
        assert _SLIP_LINE.search(line)


# ``_SLIP_LINE`` as it reads best: its spaces as one class (which ``re`` searches for at every position).
_SLIP_LINE_AS_READ = re.compile(
    "[\t\u00a0\u2000-\u200a\u202f\u205f\u3000\u2028\u2029\x85]"
    "|：(?<=[A-Za-z0-9_ ]：)|，[ \u3000]*[A-Za-z_]"
    r"|:[^\s#]"
    "|-[A-Za-z_][A-Za-z0-9_]*+:"
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        _SLIP_PARTS | st.sampled_from(["\n", "\x85", "\u2029", "\u2000", "\u200a", "\u200b", "\u202f"]),
        max_size=30,
    ).map("".join)
)
def test_the_quick_form_of_the_slip_search_finds_what_the_class_form_finds(text: str) -> None:
    assert [m.start() for m in _SLIP_LINE.finditer(text)] == [
        m.start() for m in _SLIP_LINE_AS_READ.finditer(text)
    ]


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("- schema_version: 1\n- year: 2023\n", "实际是列表", "not a list"),
        ("东安县 2023 年度报告\n", "实际是一段文字", "not text"),
        ("2023\n", "实际是数字", "not a number"),
        ("~\n", "实际是空值（null）", "not null (an empty value)"),
    ],
)
def test_the_top_level_is_said_in_the_reader_s_words(load: Load, text: str, zh: str, en: str) -> None:
    """Not YAML's type names (``实际是 list``, ``not a text``), which a clerk cannot read."""
    assert_problem(only_error(load(text)), "top-not-mapping", 1, 1, "", zh, en)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "读取时磁盘、U 盘或网络共享出错（EIO）：请检查它是否仍连接、是否损坏，然后重试"),
        (
            "en",
            (
                "the disk, USB stick or network share failed while reading (EIO): check that it is still "
                "connected and sound, then try again"
            ),
        ),
    ],
)
def test_a_read_the_disk_fails_is_told_in_the_run_s_language_and_the_others_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """A USB stick pulled out or a network share dropped mid-read (EIO): the system's English
    ("Input/output error") stood in a Chinese run."""
    from typer.testing import CliRunner

    from zhijiao_check.cli import app

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    lost, kept = tmp_path / "a" / "dongan.yaml", tmp_path / "b" / "dongan.yaml"
    for path in (lost, kept):
        path.write_text(county_text(), encoding="utf-8")
    read = os.read

    def failing(descriptor: int, size: int) -> bytes:
        if os.fstat(descriptor).st_ino == lost.stat().st_ino:
            raise OSError(5, "Input/output error")
        return read(descriptor, size)

    monkeypatch.setattr(files.os, "read", failing)
    result = CliRunner().invoke(app, ["check", str(lost), str(kept), "-f", "json", "--lang", lang])
    assert result.exit_code == 2, result.output
    document = json.loads(result.stdout)
    assert [(p["code"], p["message"]) for p in document["invalid"][0]["problems"]] == [("io-error", said)]
    assert [report["file"] for report in document["reports"]] == [str(kept)]  # the other one checked
