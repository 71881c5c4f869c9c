"""``diff OLD NEW``: field by field, schools and majors matched by name,
and the rule statuses that changed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from factory import line_of

from zhijiao_check.renderers.layout.text import cell_len

from .conftest import invoke
from .multiyear import ROOT

OLD, NEW = ROOT / "samples/2022/dongan.yaml", ROOT / "samples/2023/dongan.yaml"
# Named from the checkout, for the tests of where a line is broken: the same lines wherever it is.
OLD_HERE, NEW_HERE = OLD.relative_to(ROOT), NEW.relative_to(ROOT)


def diff_json(old: Path, new: Path) -> dict:
    result = invoke("diff", old, new, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_fields_schools_and_majors_by_name() -> None:
    doc = diff_json(OLD, NEW)
    changes = {c["path"]: c for c in doc["changes"]}
    seats = changes["public_secondary_vocational_seats"]
    assert (seats["kind"], seats["old"], seats["new"]) == ("changed", 1250, 1550)
    assert (seats["old_line"], seats["new_line"]) == (
        line_of(OLD, "public_secondary_vocational_seats"),
        line_of(NEW, "public_secondary_vocational_seats"),
    )
    rating = changes["schools[东安县舜德职业学校].majors[汽车运用与维修].rating"]
    assert (rating["old"], rating["new"]) == ("green", "yellow")
    assert rating["new_line"] == line_of(NEW, "rating: yellow")
    added = changes["schools[东安县职业中等专业学校].majors[机电技术应用].designations[]"]
    assert (added["kind"], added["old"], added["new"]) == ("added", None, "demonstration")
    assert not [c for c in doc["changes"] if c["path"] == "year"]  # the year differs by design
    statuses = {s["rule"]: (s["old"], s["new"]) for s in doc["statuses"]}
    assert statuses["c16.secondary-funding"] == ("pass", "fail")  # 10100 → 9200 元
    assert statuses["c4.yellow-majors-shrink"] == ("not_applicable", "fail")
    assert (doc["old"]["score"], doc["new"]["score"]) == (100.0, 82.4)
    assert doc["unchanged_rules"] + len(doc["statuses"]) == 20


def test_a_removed_school_and_a_reordered_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = NEW.read_text(encoding="utf-8")
    first = text.index("  - name: 东安县职业中等专业学校")
    second = text.index("  - name: 东安县舜德职业学校")
    swapped = tmp_path / "swapped.yaml"
    swapped.write_text(text[:first] + text[second:] + text[first:second], encoding="utf-8")
    assert diff_json(NEW, swapped)["changes"] == []  # the same schools in another order: no change
    dropped = tmp_path / "dropped.yaml"
    dropped.write_text(text[:second], encoding="utf-8")
    doc = diff_json(NEW, dropped)
    assert doc["changes"] == [
        {
            "kind": "removed",
            "path": "schools[东安县舜德职业学校]",
            "old": "东安县舜德职业学校",
            "new": None,
            "old_line": line_of(NEW, "- name: 东安县舜德职业学校"),
            "new_line": None,
            "old_cell": None,
            "new_cell": None,
        }
    ]
    monkeypatch.chdir(tmp_path)  # short names, so the line's breaks do not hang on where tmp_path is
    (tmp_path / "dongan.yaml").write_text(text, encoding="utf-8")
    table = invoke("diff", "dongan.yaml", "dropped.yaml").stdout
    removed = doc["changes"][0]["old_line"]
    assert f"- schools[东安县舜德职业学校]：东安县舜德职业学校  (dongan.yaml:{removed})" in table


def test_table_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = invoke("diff", OLD_HERE, NEW_HERE, "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"东安县 · 2022 → 2023 · {OLD_HERE} → {NEW_HERE}\nscore 100.0 → 82.4\n")
    old = line_of(OLD, "appropriation_per_student: 10100")
    new = line_of(NEW, "appropriation_per_student: 9200")
    # the field by key and label, its values under it at 100 columns, its places beside them
    assert (
        "  ~ schools[东安县职业中等专业学校].appropriation_per_student (appropriation per student):\n"
        f"    10100 → 9200  ({OLD_HERE}:{old} → {NEW_HERE}:{new})"
    ) in result.stdout
    assert (
        "  c16.secondary-funding\n"
        "    Public secondary vocational schools: at least 10,000 yuan a student a year: pass → fail\n"
        "      (100.0% → 0.0%)\n"
    ) in result.stdout
    # the funding fields by what they hold, not as "of which" lines of a statistics table
    assert (
        "  ~ funding.vocational_total (last year's vocational-education funding): 6600 → 6900\n"
        in result.stdout
    )
    assert "  ~ funding.new_vocational (new funding for vocational education): 420 → 210\n" in result.stdout


def test_two_units_or_an_invalid_report_exit_2(tmp_path: Path) -> None:
    other = invoke("diff", OLD, ROOT / "samples/2023/daoxian.yaml")
    assert other.exit_code == 2 and "东安县" in other.stderr and "道县" in other.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text(NEW.read_text(encoding="utf-8").replace("year: 2023", "year: 20233"), encoding="utf-8")
    result = invoke("diff", OLD, bad)
    assert result.exit_code == 2 and f"{bad}:{line_of(bad, 'year: 20233')}" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("lang", "said", "why"),
    [
        ("zh", "无法比较：无法读取 {file}", "{file}: 路径不存在：请检查文件或目录名"),
        (
            "en",
            "cannot compare: {file} could not be read",
            "{file}: no such file or directory: check the name",
        ),
    ],
)
def test_a_report_that_does_not_exist_is_said_not_to(tmp_path: Path, lang: str, said: str, why: str) -> None:
    """Not "an invalid report": there is no report to be invalid."""
    absent = tmp_path / "dongan.yaml"
    result = invoke("diff", OLD, absent, "--lang", lang)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [said.format(file=absent), why.format(file=absent)]


def test_two_folders_are_compared_unit_by_unit() -> None:
    """Last year's folder against this year's: each unit in both, in the unit list's order."""
    result = invoke("diff", ROOT / "samples/2022", ROOT / "samples/2023", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    units = [pair["new"]["unit"] for pair in doc["units"]]
    assert len(units) == 15 and units[:3] == ["零陵区", "冷水滩区", "祁阳市"]
    assert all(pair["old"]["year"] == 2022 and pair["new"]["year"] == 2023 for pair in doc["units"])
    dongan = next(pair for pair in doc["units"] if pair["new"]["unit"] == "东安县")
    assert dongan == diff_json(OLD, NEW) | {
        "old": dongan["old"],
        "new": dongan["new"],
    }  # as the two files alone
    assert (dongan["old"]["score"], dongan["new"]["score"]) == (100.0, 82.4)
    assert doc["only_old"] == doc["only_new"] == doc["several"] == doc["invalid"] == []


@pytest.mark.parametrize(
    ("lang", "said", "both", "why"),
    [
        (
            "zh",
            "无法比较：{file} 报表无效（1 个问题）：",
            "无法比较：两份报表都无效（2 个问题）：",
            "{file}:{line}:7: year: 年份 20233 不在 2000–2100 之间：请写四位年份，如 2023",
        ),
        (
            "en",
            "cannot compare: {file} is an invalid report (1 problem):",
            "cannot compare: both reports are invalid (2 problems):",
            "{file}:{line}:7: year: the year 20233 is outside 2000–2100: write a 4-digit year such as 2023",
        ),
    ],
)
def test_an_invalid_report_is_named_with_its_problems(
    tmp_path: Path, lang: str, said: str, both: str, why: str
) -> None:
    """Which report is invalid, and why: each problem at its line, in either language."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(NEW.read_text(encoding="utf-8").replace("year: 2023", "year: 20233"), encoding="utf-8")
    line = line_of(bad, "year: 20233")
    result = invoke("diff", OLD, bad, "--lang", lang)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [said.format(file=bad), why.format(file=bad, line=line)]
    again = tmp_path / "again.yaml"
    again.write_bytes(bad.read_bytes())
    result = invoke("diff", again, bad, "--lang", lang)
    assert result.stderr.splitlines()[0] == both
    assert len(result.stderr.splitlines()) == 3


def test_a_folder_s_odd_ones_are_named_and_the_others_still_compared(tmp_path: Path) -> None:
    old, new = tmp_path / "2022", tmp_path / "2023"
    old.mkdir(), new.mkdir()
    for name in ("dongan", "daoxian", "lingling"):
        (old / f"{name}.yaml").write_text((ROOT / f"samples/2022/{name}.yaml").read_text(encoding="utf-8"))
    (new / "dongan.yaml").write_text(NEW.read_text(encoding="utf-8"), encoding="utf-8")
    (new / "dongan-2.yaml").write_text(NEW.read_text(encoding="utf-8"), encoding="utf-8")  # twice
    (new / "xintian.yaml").write_text((ROOT / "samples/2023/xintian.yaml").read_text(encoding="utf-8"))
    bad = new / "daoxian.yaml"
    text = (ROOT / "samples/2023/daoxian.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("year: 2023", "year: 20233"), encoding="utf-8")
    result = invoke("diff", old, new)
    assert result.exit_code == 2  # an invalid report
    out = result.stdout
    assert out.startswith(f"{old} 与 {new} 中没有同一单位的报表可比较")  # no pair could be made
    # 道县's new report is invalid, not missing: named as invalid, not as a unit of the old folder only.
    assert f"只在 {old} 中有的单位，未比较：{old / 'lingling.yaml'}\n" in out
    assert f"只在 {new} 中有的单位，未比较：{new / 'xintian.yaml'}" in out
    assert f"东安县 在一个目录中有几份报表，未比较：{new / 'dongan-2.yaml'}、{new / 'dongan.yaml'}" in out
    assert f"{bad}：报表无效，1 个问题，未比较" in out
    assert f"  {bad}:{line_of(bad, 'year: 20233')}:" in out
    # The pair that can be made is compared, the others named as before.
    (new / "dongan-2.yaml").unlink()
    result = invoke("diff", old, new)
    assert result.exit_code == 2 and result.stdout.startswith("东安县 · 2022 年 → 2023 年")
    doc = json.loads(invoke("diff", old, new, "--format", "json").stdout)
    assert doc["only_old"] == [str(old / "lingling.yaml")] and doc["only_new"] == [str(new / "xintian.yaml")]
    assert [bad["file"] for bad in doc["invalid"]] == [str(bad)]


def test_a_folder_and_a_file_are_not_compared() -> None:
    result = invoke("diff", ROOT / "samples/2022", NEW)
    assert result.exit_code == 2
    assert "是目录" in result.stderr and "两个目录" in result.stderr


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_folder_and_a_path_that_is_not_there_say_it_is_not_there(lang: str, tmp_path: Path) -> None:
    """``diff 2022/ 2042/`` (a mistyped year) called ``2042`` a file, which it is not: it is not there, said
    as for two files, exit 2."""
    missing = tmp_path / "2042"
    for args in [(ROOT / "samples/2022", missing), (missing, ROOT / "samples/2022")]:
        result = invoke("diff", *args, "--lang", lang)
        assert result.exit_code == 2
        said = {
            "zh": f"无法比较：无法读取 {missing}\n{missing}: 路径不存在：请检查文件或目录名\n",
            "en": f"cannot compare: {missing} could not be read\n{missing}: no such file or directory",
        }[lang]
        assert result.stderr.startswith(said), result.stderr
        assert "是文件" not in result.stderr and "is a file" not in result.stderr


def test_an_entry_of_plain_values_is_shown_as_it_is() -> None:
    """A talent allowance removed (``{role: 产业导师, amount: 5000}``) is shown as it was written, not as the
    size of its table; in JSON as the table itself."""
    old, new = ROOT / "samples/2022/shibenji.yaml", ROOT / "samples/2023/shibenji.yaml"
    result = invoke("diff", old, new)
    assert result.exit_code == 0
    line = line_of(old, "talent_allowances:") + 9  # the ninth entry
    assert (
        f"  - city.talent_allowances[8]：{{role: 产业导师, amount: 5000}}\n      ({old}:{line})"
        in result.stdout
    )
    removed = next(c for c in diff_json(old, new)["changes"] if c["path"] == "city.talent_allowances[8]")
    assert removed["old"] == {"role": "产业导师", "amount": 5000} and removed["new"] is None


def test_a_change_between_workbooks_is_placed_at_its_cells(tmp_path: Path) -> None:
    """A clerk compares last year's workbook with this year's: each change names the cell, as a workbook's
    problems and results do, not a line the workbook does not have."""
    for year, source in (("2022", OLD), ("2023", NEW)):
        converted = invoke("convert", source, "-o", tmp_path / f"dongan-{year}.xlsx")
        assert converted.exit_code == 0, converted.output
    old, new = tmp_path / "dongan-2022.xlsx", tmp_path / "dongan-2023.xlsx"
    doc = diff_json(old, new)
    changes = {c["path"]: c for c in doc["changes"]}
    seats = changes["public_secondary_vocational_seats"]
    assert (seats["old_cell"], seats["new_cell"]) == ("本单位!C11（公办中职学位数）",) * 2
    rating = changes["schools[东安县舜德职业学校].majors[汽车运用与维修].rating"]
    assert rating["old_cell"].startswith("专业!") and rating["new_cell"].startswith("专业!")
    mixed = diff_json(old, NEW)["changes"][0]
    assert mixed["old_cell"].startswith("本单位!") and mixed["new_cell"] is None
    # wide enough for both places on one line whatever the length of the temporary folder's path
    wide = str(2 * len(str(old)) + 100)
    text = invoke("diff", old, new, env={"COLUMNS": wide}).stdout.splitlines()
    # what the clerk sees first (sheet, cell, header), the YAML path after it, beside the places
    at = text.index("  ~ 本单位!C11（公办中职学位数）：1250 → 1550")
    assert text[at + 1] == f"      public_secondary_vocational_seats  ({old}:本单位!C11 → {new}:本单位!C11)"
    assert f"({OLD}:{line_of(OLD, 'public_secondary_vocational_seats')}" in invoke("diff", OLD, new).stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 80])
def test_a_workbook_s_change_leads_with_its_cell_and_fits_the_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, columns: int
) -> None:
    """A clerk who compares two workbooks finds each change by its sheet, cell and header, not a YAML path:
    the line began ``schools[东安县舜德职业学校].majors[汽车运用与维修].rating（评估结论）`` with the cell in
    brackets at its end."""
    monkeypatch.chdir(tmp_path)
    for year, source in (("2022", OLD), ("2023", NEW)):
        assert invoke("convert", source, "-o", f"{year}.xlsx").exit_code == 0
    shown = invoke("diff", "2022.xlsx", "2023.xlsx", "--lang", lang, env={"COLUMNS": str(columns)}).stdout
    lines = shown.splitlines()
    assert max(map(cell_len, lines)) <= columns
    changes = [line for line in lines if re.match(r"  [~+-] ", line)]
    assert len(changes) == 40 and all(re.match(r"  [~+-] [^\s\[.]+![A-Z]+\d+（", line) for line in changes)
    colon = "：" if lang == "zh" else ": "
    at = lines.index(f"  ~ 本单位!C11（公办中职学位数）{colon}1250 → 1550")
    assert lines[at + 1] == "      public_secondary_vocational_seats"
    assert lines[at + 2] == "      (2022.xlsx:本单位!C11 → 2023.xlsx:本单位!C11)"
    rating = next(n for n, line in enumerate(lines) if line.endswith(f"（评估结论）{colon}green → yellow"))
    assert lines[rating].startswith("  ~ 专业!")
    assert "".join(line.strip() for line in lines[rating + 1 : rating + 3]).startswith(
        "schools[东安县舜德职业学校].majors[汽车运用与维修].rating"
    )


def test_a_change_fits_the_width_with_its_places_beside_it_or_under_it() -> None:
    # In an 80-column console each change was one line of 130, wrapped by the console wherever it fell.
    narrow = invoke("diff", "samples/2022/dongan.yaml", "samples/2023/dongan.yaml", env={"COLUMNS": "80"})
    lines = narrow.stdout.splitlines()
    assert "  ~ enrollment.secondary_vocational（中职招生）：870 → 950" in lines
    assert "      (samples/2022/dongan.yaml:13 → samples/2023/dongan.yaml:13)" in lines
    wide = invoke("diff", "samples/2022/dongan.yaml", "samples/2023/dongan.yaml", env={"COLUMNS": "160"})
    assert (
        "  ~ enrollment.secondary_vocational（中职招生）：870 → 950  "
        "(samples/2022/dongan.yaml:13 → samples/2023/dongan.yaml:13)"
    ) in wide.stdout.splitlines()


def test_a_change_too_wide_for_the_terminal_is_broken_after_a_list_s_entry() -> None:
    # schools[…].majors[…].previous_enrollment（上年招生）：140 → 150 was wrapped by the console wherever
    narrow = invoke("diff", "samples/2022/dongan.yaml", "samples/2023/dongan.yaml", env={"COLUMNS": "60"})
    lines = narrow.stdout.splitlines()
    at = lines.index("  ~ schools[东安县舜德职业学校].majors[汽车运用与维修]")
    assert lines[at + 1] == "    .rating（评估结论）：green → yellow"
    assert "  c10.pilot-schools" in lines  # a status: its title under the rule's ID
    # the title, which names both files, broken before each
    assert lines[:2] == [
        "东安县 · 2022 年 → 2023 年 · samples/2022/dongan.yaml →",
        "    samples/2023/dongan.yaml",
    ]
    assert max(map(cell_len, lines)) <= 60


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_every_line_of_two_folders_diff_fits_the_width(lang: str, columns: int) -> None:
    """A rule's title too long to stand with its change is broken between words (in Chinese between
    characters), the change kept whole: at 80 columns in English four lines were wider, and the console
    split a status in two ("pass → " over "fail")."""
    result = invoke("diff", "samples/2022", "samples/2023", "--lang", lang, env={"COLUMNS": str(columns)})
    lines = result.stdout.splitlines()
    assert max(map(cell_len, lines)) <= columns
    assert all(line == line.rstrip() for line in lines)
    if lang == "en" and columns == 80:
        at = lines.index("  c16.secondary-funding")
        assert lines[at + 1 : at + 3] == [
            "    Public secondary vocational schools: at least 10,000 yuan a student a year:",
            "    pass → fail  (100.0% → 0.0%)",
        ]


def test_a_designation_dropped_in_a_workbook_is_placed_at_its_own_column(tmp_path: Path) -> None:
    """A major's designations are one 是/否 column each: a designation dropped was placed at the list's last
    column marked 是 (高水平高职专业 for 优质中职专业, 示范中职专业 and 楚怡专业 alike)."""
    text = (ROOT / "samples/2023/jianghua.yaml").read_text(encoding="utf-8")
    quality = "designations: [quality, demonstration, chuyi]"
    assert quality in text
    old_yaml = tmp_path / "old.yaml"
    old_yaml.write_text(text, encoding="utf-8")
    new_yaml = tmp_path / "new.yaml"
    new_yaml.write_text(text.replace(quality, "designations: []", 1), encoding="utf-8")
    for source in (old_yaml, new_yaml):
        assert invoke("convert", source, "-o", source.with_suffix(".xlsx")).exit_code == 0
    doc = diff_json(old_yaml.with_suffix(".xlsx"), new_yaml.with_suffix(".xlsx"))
    dropped = [(c["old"], c["old_cell"]) for c in doc["changes"] if c["path"].endswith(".designations[]")]
    assert [(value, cell.split("（")[1]) for value, cell in dropped] == [
        ("quality", "优质中职专业）"),
        ("demonstration", "示范中职专业）"),
        ("chuyi", "楚怡专业）"),
    ]
    assert len({cell.split("（")[0] for _, cell in dropped}) == 3


@pytest.mark.parametrize(
    ("lang", "names"),
    [("zh", ("优质中职专业", "楚怡专业")), ("en", ("quality secondary-vocational major", "Chuyi major"))],
)
def test_two_workbooks_name_a_group_left_blank_by_its_cells_and_a_designation_by_its_name(
    tmp_path: Path, lang: str, names: tuple[str, str]
) -> None:
    """A clerk leaves 本单位 C18–C19 (“3+2”分段培养) blank this year: the diff named the group by its YAML key
    with a YAML table (``pathway_3plus2：{current: 110, previous: 95}``) and a designation by its code
    (``chuyi``), none of which the workbook shows. Each cell is a change at its own cell, a designation
    by its name."""
    text = (ROOT / "samples/2023/jianghua.yaml").read_text(encoding="utf-8")
    group, quality = "pathway_3plus2:", "designations: [quality, demonstration, chuyi]"
    assert group in text and quality in text
    old_yaml, new_yaml = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old_yaml.write_text(text, encoding="utf-8")
    lines = text.replace(quality, "designations: []", 1).splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith(group))
    new_yaml.write_text("\n".join([*lines[:at], *lines[at + 3 :]]) + "\n", encoding="utf-8")
    for source in (old_yaml, new_yaml):
        assert invoke("convert", source, "-o", source.with_suffix(".xlsx")).exit_code == 0
    old, new = old_yaml.with_suffix(".xlsx"), new_yaml.with_suffix(".xlsx")
    removed = {c["path"]: (c["old"], c["old_cell"]) for c in diff_json(old, new)["changes"]}
    assert "pathway_3plus2" not in removed
    assert removed["pathway_3plus2.current"] == (110, "本单位!C18（“3+2”分段培养 · 当年招生）")
    assert removed["pathway_3plus2.previous"][1] == "本单位!C19（“3+2”分段培养 · 上年招生）"
    shown = invoke("diff", old, new, "--lang", lang).stdout
    assert "{current:" not in shown and "：{" not in shown
    # a value after its field's colon, or on the line under it (not the cell's header, in brackets)
    assert all(re.search(f"[：: ]{name}\\s", shown) for name in names)
    # the codes alone after a colon (``quality secondary-vocational major`` is the English name)
    assert not re.search(r"[：:] ?(chuyi|quality)$", shown, re.MULTILINE)
    # JSON keeps the codes, as a YAML report writes them
    assert {c["old"] for c in diff_json(old, new)["changes"] if c["path"].endswith("designations[]")} == {
        "quality",
        "demonstration",
        "chuyi",
    }
