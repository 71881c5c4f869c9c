"""``--format github``: workflow commands a runner turns into annotations, and the job summary."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from zhijiao_check.renderers.paths import shown_from_base

from .conftest import ROOT, as_json, check, evaluations, render

COMMAND = re.compile(r"^::(error|warning) ([^:]*)::(.*)$")


def unescape(text: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def parse_commands(output: str) -> list[dict[str, str]]:
    """Each line parsed as the Actions runner parses it: level, properties, message."""
    out = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        level, properties, message = match.groups()
        fields = dict(part.split("=", 1) for part in properties.split(","))
        out.append(
            {"level": level, **{k: unescape(v) for k, v in fields.items()}, "message": unescape(message)}
        )
    return out


def test_one_annotation_per_rule_or_item_not_met(every_status: tuple[Path, ...]) -> None:
    *paths, pack = every_status
    for strict in (False, True):
        run = check(*paths, rules=[pack], strict=strict)
        found = parse_commands(render("github", run))
        expected = []
        for evaluation in evaluations(as_json(run)):
            for result in evaluation["results"]:
                if result["status"] not in ("fail", "missing", "warn", "behind"):
                    continue
                level = "error" if result["status"] in ("fail", "missing") or strict else "warning"
                for place in [i for i in result["items"] if i["status"] != "pass"] or [result]:
                    first = place["locations"][0]
                    # from the repository's root, as GitHub matches it
                    file = shown_from_base(first["file"], ROOT)
                    expected.append((level, file, str(first["line"]), str(first["column"]), result["rule"]))
        assert [
            (a["level"], a["file"], a["line"], a["col"], a["title"].split()[0]) for a in found
        ] == expected
        assert {a["level"] for a in found} == ({"error"} if strict else {"error", "warning"})


def test_title_and_message_survive_escaping(edited: Any) -> None:
    report = edited("examples/failing/jiangyong-2023-share.yaml")
    [share, *_] = parse_commands(render("github", check(report)))
    assert share["title"] == "c1.vocational-share 职普比不低于4.5:5.5"  # the colon was %3A on the line
    assert share["message"].startswith("江永县 2023：870 / (870 + 1420) = 38.0% < 45.0%")
    assert share["file"] == str(report)


def test_punctuation_is_the_languages_own() -> None:
    """Unit, item and notes are joined with ：and ；in Chinese, ": " and "; " in English."""
    run = check("samples/2022")
    zh, en = (parse_commands(render("github", run, lang=lang)) for lang in ("zh", "en"))
    [zh_progress] = [a["message"] for a in zh if a["title"].startswith("c8.demonstration-enterprises")]
    [en_progress] = [a["message"] for a in en if a["title"].startswith("c8.demonstration-enterprises")]
    assert zh_progress.startswith("全市 2022：产教融合示范性企业 8 < 30；线性进度：")
    assert en_progress.startswith("City-wide 2022: ") and "; " in en_progress and "；" not in en_progress
    [zh_school] = [a["message"] for a in zh if a["title"].startswith("c2.school-standards")]
    assert zh_school.startswith("宁远县 2022：宁远县职业中等专业学校：")


def test_invalid_report_problems_are_errors(invalid_report: Path) -> None:
    run = check(invalid_report)
    found = parse_commands(render("github", run, lang="en"))
    problems = as_json(run)["invalid"][0]["problems"]
    assert [(a["level"], a["line"], a["col"]) for a in found] == [
        ("error", str(p["line"]), str(p["column"])) for p in problems
    ]
    assert all(a["title"] == "invalid report" and a["file"] == str(invalid_report) for a in found)


def test_nothing_to_say_when_all_met() -> None:
    assert render("github", check("samples/2023/lingling.yaml")) == ""


def test_job_summary_is_appended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run = check("examples/failing")
    output = render("github", run)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## ")
    assert text.count("### ") >= 3 and "|❌ fail|`c1.vocational-share`" in text
    assert output.count("::error ") == len(parse_commands(output))  # the summary is not on standard output
