"""A config or waivers file nested deeper than any setting needs (``x = [[[…]]]`` a thousand deep) stopped the
run with a RecursionError in tomllib, and, the config file being looked for upward, every ``check`` under its
folder. It is a located problem now, as any other mistake in these files (``settings.toml.MAX_NESTING``)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zhijiao_check.i18n import Translator
from zhijiao_check.problems import Problem
from zhijiao_check.settings.toml import MAX_NESTING, TomlFile, read_toml

from .conftest import write

ZH, EN = Translator("zh"), Translator("en")
TOO_DEEP_ZH = (
    "不是有效的 TOML：方括号 [ ] 或花括号 { } 套了超过 64 层（设置用不到这么多层）：请删去多余的括号"
)
TOO_DEEP_EN = (
    "not valid TOML: brackets [ ] or braces { } nest more than 64 levels deep (no setting needs so many): "
    "delete the extra ones"
)
DEEP = "x = " + "[" * 1000 + "]" * 1000 + "\n"  # the bracket past the 64th is at column 5 + 64


def test_a_config_file_nested_a_thousand_deep_stops_each_check_under_it_with_its_place(
    repo: Path, invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo / "zhijiao-check.toml", 'lang = "zh"\n' + DEEP)
    monkeypatch.chdir(repo / "reports" / "2023")  # found upward, as for any check under the folder
    for lang, said in (("zh", TOO_DEEP_ZH), ("en", TOO_DEEP_EN)):
        result = invoke("check", "dongan.yaml", "--lang", lang)
        assert result.exit_code == 2
        assert f"zhijiao-check.toml:2:69: {said}" in result.stderr
        assert "internal error" not in result.output and "内部错误" not in result.output


def test_a_waivers_file_nested_a_thousand_deep_is_located(repo: Path, invoke) -> None:
    write(repo / "deep-waivers.toml", '[[waiver]]\nrule = "c16.secondary-funding"\nreason = ' + DEEP[4:])
    result = invoke("check", "reports/2023/", "--waivers", "deep-waivers.toml")
    assert result.exit_code == 2
    assert f"deep-waivers.toml:3:74: {TOO_DEEP_ZH}" in result.stderr


def test_a_pyproject_tool_table_nested_a_thousand_deep_is_located(repo: Path, invoke) -> None:
    table = '[project]\nname = "reports"\n\n[tool.zhijiao-check]\nlang = "en"\n'
    write(repo / "pyproject.toml", table + DEEP)
    result = invoke("check", "reports/2023/dongan.yaml")
    assert result.exit_code == 2
    assert f"pyproject.toml:6:69: {TOO_DEEP_ZH}" in result.stderr


def test_a_pyproject_that_names_the_tool_table_but_is_not_toml_is_located_not_passed_over(
    repo: Path, invoke
) -> None:
    """Passed over, the team's settings (its waivers) would silently not hold; one that does not name the
    table is another project's, and the search goes on past it as before."""
    write(repo / "pyproject.toml", '[tool.zhijiao-check]\nlang = "en"\nselect = ["c1" "c16"]\n')
    result = invoke("check", "reports/2023/dongan.yaml")
    assert result.exit_code == 2
    assert "pyproject.toml:3:16: 不是有效的 TOML：方括号 [ ] 没有结束，或元素之间少了逗号" in result.stderr
    write(repo / "pyproject.toml", '[project]\nname = "reports"\ndependencies = ["a" "b"]\n')
    assert invoke("check", "reports/2023/dongan.yaml").exit_code == 1  # 东安县 fails three rules


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("x = " + "{a = " * 100 + "1" + "}" * 100 + "\n", (1, 4 + 64 * 5 + 1)),  # inline tables
        ("[[outputs]]\nx = [" + "[\n" * 70 + "]" * 71 + "\n", (65, 1)),  # a bracket a line, after a header
    ],
)
def test_inline_tables_and_arrays_over_lines_are_counted_alike(
    tmp_path: Path, text: str, at: tuple[int, int]
) -> None:
    read = read_toml(write(tmp_path / "x.toml", text), "x.toml")
    assert isinstance(read, Problem)
    assert (read.line, read.column, read.message(EN)) == (*at, TOO_DEEP_EN)


def test_brackets_inside_texts_and_comments_open_nothing(tmp_path: Path) -> None:
    deep = "[" * 100
    text = (
        f'reason = "{deep} \\" {deep}"\n'
        f"document = '{deep}'\n"
        f'note = """\n{deep}\\\n"{deep}"\n"""\n'
        f"more = '''\n{deep}\n'''\n"
        f"# {deep}\n"
        f"x = [[1], [2]]  # {deep}\n"
    )
    read = read_toml(write(tmp_path / "w.toml", text), "w.toml")
    assert isinstance(read, TomlFile) and read.data == tomllib.loads(text)


_OPEN = {"[": "]", "{a = ": "}"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    opened=st.lists(st.sampled_from(sorted(_OPEN)), min_size=1, max_size=400),
    texts=st.lists(st.sampled_from(['"[[{"', "'{[['", '"""\n]]}\n"""', "'''[{'''"]), max_size=3),
)
@example(opened=["["] * MAX_NESTING, texts=[])
@example(opened=["["] * (MAX_NESTING + 1), texts=[])
@example(opened=["{a = "] * 400, texts=[])
def test_any_nesting_is_read_or_located_never_a_recursion_error(
    tmp_path: Path, opened: list[str], texts: list[str]
) -> None:
    """Arrays and inline tables nested to any depth, with texts that hold brackets inside: up to
    ``MAX_NESTING`` levels the file reads as tomllib reads it; beyond, the first bracket past it is named."""
    inner = "[" + ", ".join(texts) + "]" if texts else "1"
    text = "x = " + "".join(opened) + inner + "".join(_OPEN[o] for o in reversed(opened)) + "\n"
    read = read_toml(write(tmp_path / "n.toml", text), "n.toml")
    depth = len(opened) + bool(texts)
    if depth <= MAX_NESTING:
        assert isinstance(read, TomlFile) and read.data == tomllib.loads(text)
    else:
        assert isinstance(read, Problem) and read.message(ZH) == TOO_DEEP_ZH
        # after "x = " and the first MAX_NESTING openings: one of ``opened``, or the list of texts
        assert (read.line, read.column) == (1, 5 + sum(len(o) for o in opened[:MAX_NESTING]))
