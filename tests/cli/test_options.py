"""Options of ``check``: --strict, --select/--ignore, --lang, --quiet, --no-color and NO_COLOR."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from factory import city_year
from typer.testing import _NamedTextIOWrapper

ANSI = re.compile(r"\x1b\[")


def rule_ids(document: dict) -> set[str]:
    return {r["rule"] for e in [*document["reports"], *document["city"]] for r in e["results"]}


# ------------------------------------------------------------------------------------ --strict


@pytest.fixture
def behind_only(reports_dir):
    """A 2023 city year where nothing fails and one rule is behind (17 enterprises, 18 expected)."""
    return reports_dir(*city_year(2023, enterprises=17))


@pytest.fixture
def warn_only(reports_dir):
    """A 2025 city year where nothing fails and one rule warns (19 demonstration majors of about 20)."""
    return reports_dir(*city_year(2025, demonstration_majors=19))


def test_behind_does_not_fail_the_run(invoke_json, behind_only):
    result, document = invoke_json(*behind_only)
    assert document["city"][0]["summary"]["behind"] == 1
    assert result.exit_code == 0


def test_strict_makes_behind_fail_the_run(invoke, behind_only):
    assert invoke("check", *behind_only, "--strict").exit_code == 1


def test_warn_does_not_fail_the_run(invoke_json, warn_only):
    result, document = invoke_json(*warn_only)
    assert document["city"][0]["summary"]["warn"] == 1
    assert result.exit_code == 0


def test_strict_makes_warn_fail_the_run(invoke, warn_only):
    assert invoke("check", *warn_only, "--strict").exit_code == 1


def test_strict_leaves_statuses_as_they_are(invoke_json, warn_only):
    _, document = invoke_json(*warn_only, "--strict")
    assert document["city"][0]["summary"]["warn"] == 1


# ------------------------------------------------------------------------------------ --select / --ignore


def test_select_one_rule_by_id(invoke_json):
    result, document = invoke_json("samples/2023/dongan.yaml", "--select", "c1.vocational-share")
    assert rule_ids(document) == {"c1.vocational-share"}
    assert result.exit_code == 0  # the failing rules of 东安县 are not selected


def test_select_by_glob(invoke_json):
    result, document = invoke_json("samples/2023/dongan.yaml", "--select", "c16.*")
    assert rule_ids(document) == {"c16.secondary-funding", "c16.higher-funding", "c16.new-funding-tilt"}
    assert result.exit_code == 1


def test_select_by_clause_prefix_takes_that_clause_only(invoke_json):
    _, document = invoke_json("samples/2023/", "--select", "c1")
    ids = rule_ids(document)
    assert "c1.public-seats" in ids and "c1.vocational-share" in ids
    assert all(i.startswith("c1.") for i in ids)  # not c10.*, c11.*, …


def test_select_several_comma_separated(invoke_json):
    _, document = invoke_json("samples/2023/dongan.yaml", "--select", "c2.school-standards,c7")
    assert rule_ids(document) == {
        "c2.school-standards",
        "c7.training-base",
        "c7.unit-internship-management",
        "c7.school-internship-management",
    }


def test_ignore_rules_by_id_and_glob(invoke_json):
    result, document = invoke_json("samples/2023/dongan.yaml", "--ignore", "c4.yellow-majors-shrink,c16.*")
    ids = rule_ids(document)
    assert "c4.yellow-majors-shrink" not in ids and not any(i.startswith("c16.") for i in ids)
    assert "c1.vocational-share" in ids
    assert result.exit_code == 0


def test_a_rule_another_depends_on_is_still_computed_when_not_selected(invoke_json):
    _, document = invoke_json("samples/2023/lanshan.yaml", "--select", "c1.general-plan-freeze")
    [freeze] = document["reports"][0]["results"]
    assert freeze["status"] == "fail"  # applies because c1.vocational-share fails, though not shown


# ------------------------------------------------------------------------------------ --lang


def test_output_is_chinese_by_default(invoke):
    result = invoke("check", "samples/2023/dongan.yaml")
    assert "退出状态 1" in result.stdout
    assert "职普比不低于4.5:5.5" in result.stdout


def test_lang_en_gives_english_output(invoke):
    result = invoke("check", "samples/2023/dongan.yaml", "--lang", "en")
    assert "exit status 1" in result.stdout
    assert "退出状态" not in result.stdout
    assert "(county) · 2023" in result.stdout


def test_lang_en_in_json_explanations(invoke_json):
    _, document = invoke_json("samples/2023/", "--lang", "en", "--select", "c10.craftsman-students")
    [result] = document["city"][0]["results"]
    assert result["explanation"] == "Huxiang Craftsman class students of 15 units = 560 persons ≥ 500 persons"
    assert (
        result["title"]
        == "At least 500 students selected each year for the Huxiang Craftsman (湖湘工匠) classes"
    )


# ------------------------------------------------------------------------------------ --quiet


def test_quiet_shows_the_summary_lines_only(invoke):
    full = invoke("check", "samples/2023/dongan.yaml")
    quiet = invoke("check", "samples/2023/dongan.yaml", "--quiet")
    assert quiet.exit_code == full.exit_code == 1
    assert "950 / (950 + 1030) = 48.0% ≥ 45.0%" in full.stdout
    assert "950 / (950 + 1030)" not in quiet.stdout
    assert "c1.vocational-share" not in quiet.stdout
    assert "小计：pass 14 · fail 3 · not_applicable 3" in quiet.stdout
    assert len(quiet.stdout.splitlines()) < len(full.stdout.splitlines()) / 4


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "1 条提醒（不影响结果；不加 --quiet 即列出）"),
        ("en", "1 warning (it does not change the result; listed without --quiet)"),
    ],
)
def test_quiet_counts_the_warnings_and_says_where_they_are_listed(invoke, tmp_path, lang, line):
    gbk = tmp_path / "dongan.yaml"
    gbk.write_bytes(Path("samples/2023/dongan.yaml").read_text(encoding="utf-8").encode("gb18030"))
    quiet = invoke("check", str(gbk), "--quiet", "--lang", lang)
    assert line in quiet.stdout.splitlines()
    assert "GB18030" not in quiet.stdout  # the warning itself is not listed
    assert "GB18030" in invoke("check", str(gbk), "--lang", lang).stdout


# ------------------------------------------------------------------------------------ colour


@pytest.fixture
def terminal(monkeypatch):
    """Standard output looks like a terminal, as when a person runs the tool."""
    monkeypatch.setattr(_NamedTextIOWrapper, "isatty", lambda self: True, raising=False)


def test_a_terminal_gets_colour(invoke, terminal):
    assert ANSI.search(invoke("check", "samples/2023/dongan.yaml").stdout)


def test_no_color_gives_no_ansi_escapes(invoke, terminal):
    result = invoke("check", "samples/2023/dongan.yaml", "--no-color")
    assert not ANSI.search(result.stdout)
    assert "✗ fail" in result.stdout  # statuses still read without colour


def test_no_color_environment_variable_gives_no_ansi_escapes(invoke, terminal):
    result = invoke("check", "samples/2023/dongan.yaml", env={"NO_COLOR": "1"})
    assert not ANSI.search(result.stdout)


def test_a_terminal_shows_what_a_rule_says_plainly_and_only_its_place_dim(invoke, terminal):
    """A rule's title is what the table is read for: in the text's own colour, as a rule that does not apply
    is (both were dim, which some terminals show barely readable); dim is left to what is secondary, the
    place of the data. The status words are bold in a standard colour."""
    path = "samples/2023/dongan.yaml"
    shown = invoke("check", path).stdout
    [report] = json.loads(invoke("check", path, "-f", "json").stdout)["reports"]
    styled = re.findall(r"\x1b\[([0-9;]*)m([^\x1b]*)", shown)
    dimmed = " ".join(text for codes, text in styled if "2" in codes.split(";"))
    for result in report["results"]:
        assert result["title"][:6] in shown and result["title"][:6] not in dimmed, (result["title"], dimmed)
    assert "dongan.yaml:13" in dimmed  # a place, secondary to the line
    assert "\x1b[1;32m✓ pass" in shown and "\x1b[1;31m✗ fail" in shown
    assert "– not_applicable" in shown and "\x1b[2m– not_applicable" not in shown


def test_no_status_is_bold_in_a_colour_a_white_background_hides():
    """Many terminals show bold as the bright colour: bright yellow or cyan cannot be read on white."""
    from zhijiao_check.status import STATUSES

    for status in STATUSES:
        words = status.style.split()
        assert "dim" not in words, status
        assert not ({"yellow", "cyan", "bright_yellow", "bright_cyan"} & set(words) and "bold" in words), (
            status
        )


def test_output_that_is_not_a_terminal_has_no_colour(invoke):
    assert not ANSI.search(invoke("check", "samples/2023/").stdout)
