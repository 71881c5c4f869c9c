"""What a file may hold (issue 7, classes 5 to 8 and 10): numbers beyond any real figure, size bombs, text in
mixed or wide encodings, invisible and look-alike characters, aliases, JSON, every typing slip at once, and
values the format refuses. Each is a located problem; nothing runs away."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from input.helpers import county_text, line_of, run_cli, validate_json

from zhijiao_check.i18n import Translator
from zhijiao_check.pack.load import builtin_dir, load_pack
from zhijiao_check.report import InvalidReport, ReportFile, load_report
from zhijiao_check.source import MAX_NODES, yamltree
from zhijiao_check.source.slips import MAX_SLIPS

from .helpers import SAMPLE, run

ZH, EN = Translator("zh"), Translator("en")

UNITS = load_pack(builtin_dir() / "yzf-2021-7").units


def _load(tmp_path: Path, content: str | bytes, name: str = "report.yaml") -> ReportFile | InvalidReport:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return load_report(path, UNITS, display=name)


def _errors(result: ReportFile | InvalidReport) -> list[tuple[str, int | None, int | None, str]]:
    assert isinstance(result, InvalidReport), "the report was accepted"
    return [(p.code, p.line, p.column, p.path) for p in result.problems if p.severity == "error"]


# ------------------------------------------------------------------------------------------------- 5. numbers


@pytest.mark.parametrize(
    ("field", "value", "maximum"),
    [
        ("craftsman_students", "9" * 4300, "10,000,000"),  # Python would refuse to print it
        ("craftsman_students", "10000001", "10,000,000"),
        ("  new_education", "100000001", "100,000,000"),
        ("    appropriation_per_student", "1.0e+300", "1,000,000,000"),
    ],
)
def test_a_number_beyond_any_real_figure_is_located(
    tmp_path: Path, field: str, value: str, maximum: str
) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith(field + ":"))
    rows = text.splitlines()
    rows[line - 1] = f"{field}: {value}"
    [(code, at, _, _)] = _errors(_load(tmp_path, "\n".join(rows) + "\n"))
    assert (code, at) == ("too-large", line)
    result = _load(tmp_path, "\n".join(rows) + "\n")
    assert isinstance(result, InvalidReport)
    assert maximum in result.problems[0].message(_en())
    code, document = validate_json(tmp_path / "report.yaml")
    assert code == 2 and document["problems"][0]["code"] == "too-large"


def _en():  # type: ignore[no-untyped-def]
    from zhijiao_check.i18n import Translator

    return Translator("en")


def test_json_output_is_strict_json_at_every_bound(tmp_path: Path) -> None:
    """At the largest accepted figures, sums and ratios stay finite and the output parses as strict JSON."""
    text = county_text()
    text = re.sub(
        r"(?m)^(\s+(?:students|teachers|professional_teachers|dual_qualified_teachers|enrollment"
        r"|previous_enrollment)): \d+",
        r"\1: 10000000",
        text,
    )
    text = re.sub(
        r"(?m)^(\s+(?:education_total|vocational_total|new_education|new_vocational)): \d+",
        r"\1: 100000000",
        text,
    )
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("check", path, "--format", "json")

    def refuse(constant: str) -> float:
        raise AssertionError(f"{constant} in JSON output")

    document = json.loads(result.stdout, parse_constant=refuse)
    assert result.exit_code in (0, 1) and document["reports"]
    numbers = [v for v in _leaves(document) if isinstance(v, float)]
    assert numbers and all(math.isfinite(v) for v in numbers)


def _leaves(data: object) -> list[object]:
    if isinstance(data, dict):
        return [leaf for value in data.values() for leaf in _leaves(value)]
    if isinstance(data, list):
        return [leaf for value in data for leaf in _leaves(value)]
    return [data]


def test_an_evaluation_after_the_report_year_is_an_error(tmp_path: Path) -> None:
    text = county_text(("evaluated_in: 2022", "evaluated_in: 2024"))
    [(code, line, _, path)] = _errors(_load(tmp_path, text))
    assert (code, line) == ("evaluated-after-year", line_of(text, "evaluated_in: 2024"))
    assert path.endswith("evaluated_in")


# ------------------------------------------------------------------------------------------------- 6. size
# bombs


@pytest.mark.parametrize(
    "bomb",
    [
        "leading_industries: [" + "~, " * 350_000 + "~]\n",  # 1 MB line of blanks: 350,000 problems, once
        "schools: [" + "{}, " * 250_000 + "{}]\n",
        "x: " + "[" * 60 + "]" * 60 + "\n" + "y: [" + "[], " * 200_000 + "]\n",
    ],
)
def test_a_size_bomb_under_the_size_limit_is_refused_before_it_is_built(tmp_path: Path, bomb: str) -> None:
    [(code, line, column, _)] = _errors(_load(tmp_path, "schema_version: 1\n" + bomb))
    assert code == "too-many-values" and line is not None and column is not None


def test_files_of_values_never_seen_twice_keep_the_readers_memos_within_their_bound() -> None:
    """The loader remembers what each plain value resolves to and builds (``yamltree._BUILT``, the memoised
    resolver, and the line reader's memo by text, ``yamltree._PLAIN``) so that a year's repeated keys and
    values are read once; real figures differ from report to report, so a large run meets hundreds of
    thousands of them, and unbounded memos would grow with every one (at 200,000 entries, their bound
    before, some 40 MiB). Each file is still read exactly."""
    limit = 10_000  # entries of each: a few MiB at most
    resolved = 2_000  # the resolver's: at 4,096, 10,000 reports of varied figures peaked 1 MiB higher
    start, size = 10_000_000, 4_000  # figures no other test writes; a file holds at most 10,000 values
    for file in range(8):
        first = start + file * size
        numbers = range(first, first + size)
        text = "".join(f"f{n}: {n}\n" for n in numbers)  # a key and a value never seen before
        parsed = yamltree.parse_yaml(text, f"{file}.yaml")
        assert isinstance(parsed, yamltree.Parsed)
        assert parsed.data == {f"f{n}": n for n in numbers}
        assert len(yamltree._BUILT) <= limit
        assert len(yamltree._PLAIN) <= limit
        assert yamltree._loader_class().resolve.cache_info().currsize <= resolved
    # such a text is read line by line (``yamlblock``): 32,000 values went through the memo it bounds
    assert yamltree.read_block(text, yamltree._PLAIN, yamltree._quoted_scalar) is not None


@pytest.mark.parametrize("slip", [":\u3000", " ＃", "\u2028"])
def test_a_line_of_a_million_slips_is_read_no_further_than_is_shown(tmp_path: Path, slip: str) -> None:
    """Each kind of slip is sought on a line only until more are found than are ever shown: a million of
    them were a million problems made (7 s and 1.2 GB for 9 MB), of which 100 are listed."""
    result = _load(tmp_path, "a: " + slip * 1_000_000 + "\n")
    assert isinstance(result, InvalidReport)
    more = result.problems[-1]
    assert more.code == "too-many-problems-at-least" and int(str(more.params["count"])) <= MAX_SLIPS + 1
    # what was not sought is not counted: the count is said to be the least it may be
    assert "另有至少 " in more.message(ZH) and "at least " in more.message(EN)


def test_a_json_size_bomb_is_refused_too(tmp_path: Path) -> None:
    [(code, _, _, _)] = _errors(_load(tmp_path, '{"a": [' + "null, " * 300_000 + "null]}", "r.json"))
    assert code == "too-many-values"


@pytest.mark.parametrize(
    ("bomb", "code"),
    [
        ("\r" * 3_000_000, "empty-file"),  # three million lines, as an old Mac editor ends them
        ("-\n" * 1_500_000, "too-many-values"),  # a list of three million lines of nothing
        # a million line separators on one line: 101 shown, not a million
        ("\u2028" * 1_000_000, "line-separator"),
        ("a: " + "\u200b" * 1_000_000 + "\n", "invisible-only"),  # a value of a million invisible characters
        ("unit: {name: " + "\uf9b3" * 1_000_000 + "}\n", "odd-character"),  # and of compatibility ideographs
        ("\t- a：1 '#'\n" * 300_000, "yaml-tab"),  # a slip on every line: the first ones are shown
        ("a: " + ":\u3000" * 1_000_000 + "\n", "odd-space"),  # a million slips on one line
        ("a: " + " ＃" * 1_000_000 + "\n", "fullwidth-hash"),
    ],
)
def test_the_shapes_of_a_bomb_that_are_slips_or_text_are_judged_whole(
    tmp_path: Path, bomb: str, code: str
) -> None:
    """Millions of lines, or of odd characters in one value: each gives its located problem, the slips and odd
    characters found by searching the whole text, never by a loop over every line or character
    (benchmarks/hostile.py times them)."""
    result = _load(tmp_path, bomb)
    assert isinstance(result, InvalidReport)
    found = next(problem for problem in result.problems if problem.code == code)
    assert found.line is not None and len(result.problems) <= 101
    # a value quoted, not copied
    assert all(len(problem.message(_en())) < 3_000 for problem in result.problems)


@pytest.mark.parametrize("blanks", [1_000_000, 9_000_000])
def test_lines_of_millions_of_blanks_are_read_in_one_pass(blanks: int) -> None:
    """The line reader (``yamlblock``) matches each line once, never once for each blank it could give back:
    a key's value after nine million blanks is located at its column, and blanks before a colon are libyaml's
    syntax error."""
    after = yamltree.parse_yaml("a:" + " " * blanks + "y\n", "r.yaml")
    assert isinstance(after, yamltree.Parsed) and after.data == {"a": "y"}
    assert after.positions.values[("a",)] == (1, blanks + 3)
    [before] = yamltree.parse_yaml("a: 1\n" + " " * blanks + ":\n", "r.yaml")  # type: ignore[misc]
    assert (before.code, before.line) == ("yaml-syntax", 2)


def test_just_under_the_limit_every_problem_is_counted_and_100_shown(tmp_path: Path) -> None:
    count = MAX_NODES // 3
    result = _load(
        tmp_path, county_text(("schools:\n", "schools: [" + "{}, " * count + "{}]\nold_schools:\n"))
    )
    assert isinstance(result, InvalidReport)
    assert len(result.problems) == 101
    last = result.problems[-1]
    assert last.code == "too-many-problems" and int(str(last.params["count"])) > count


# ------------------------------------------------------------------------------------------------- 7.
# encodings


def test_a_utf8_file_with_gbk_lines_names_those_lines(tmp_path: Path) -> None:
    rows = SAMPLE.read_text(encoding="utf-8").split("\n")
    raw = b"\n".join(row.encode("gbk") if n in (6, 40) else row.encode("utf-8") for n, row in enumerate(rows))
    [(code, line, _column, _)] = _errors(_load(tmp_path, raw))
    assert (code, line) == ("lines-not-utf8", 7)
    result = _load(tmp_path, raw)
    assert "7, 41" in result.problems[0].message(_en())  # type: ignore[union-attr]


def test_a_wholly_gbk_file_is_still_read_with_a_warning(tmp_path: Path) -> None:
    result = _load(tmp_path, SAMPLE.read_text(encoding="utf-8").encode("gbk"))
    assert isinstance(result, ReportFile) and result.unit == "东安县"
    assert [w.code for w in result.warnings] == ["encoding-gb18030"]


@pytest.mark.parametrize(
    ("codec", "named"),
    [
        ("utf-16-le", "UTF-16LE"),
        ("utf-16-be", "UTF-16BE"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
        ("utf-32", "UTF-32"),  # with its byte-order mark, which starts like UTF-16's
    ],
)
def test_wide_encodings_are_named_with_how_to_save(tmp_path: Path, codec: str, named: str) -> None:
    result = _load(tmp_path, SAMPLE.read_text(encoding="utf-8").encode(codec))
    assert [(p.code, p.line) for p in result.problems] == [("wide-encoding", 1)]  # type: ignore[union-attr]
    message = result.problems[0].message(_en())  # type: ignore[union-attr]
    assert named in message and "Save as" in message


# ------------------------------------------------------------------------------------------------- 7.
# characters


@pytest.mark.parametrize(
    ("old", "new", "code", "code_point"),
    [
        (
            "name: 东安县舜德职业学校",
            "name: 东安县\u200b舜德职业学校",
            "odd-character",
            "U+200B ZERO WIDTH SPACE",
        ),
        (
            "name: 东安县舜德职业学校",
            "name: 东安县\u00a0舜德职业学校",
            "odd-character",
            "U+00A0 NO-BREAK SPACE",
        ),
        ("name: 东安县舜德职业学校", "name: 东安县舜德职业学校\ufeff", "odd-character", "U+FEFF"),
        ("name: 东安县舜德职业学校", "name: 东安县舜德職業学校\uf9b4", "compatibility-ideograph", "U+F9B4"),
    ],
)
def test_invisible_and_compatibility_characters_are_named_where_they_stand(
    tmp_path: Path,
    old: str,
    new: str,
    code: str,
    code_point: str,
) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(old, new)
    result = _load(tmp_path, text)
    [(found, line, column, path)] = _errors(result)
    odd = next(c for c in new if c in "\u200b\u00a0\ufeff\uf9b4")
    row = text.splitlines()[line - 1]  # type: ignore[operator]
    assert (found, row[column - 1]) == (code, odd)  # type: ignore[operator]
    assert path.endswith("name")
    assert code_point in result.problems[0].message(_en())  # type: ignore[union-attr]


def test_a_line_separator_is_refused_before_it_shifts_every_line(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("year: 2023", "year: 2023\u2028", 1)
    [(code, line, column, _)] = _errors(_load(tmp_path, text))
    assert (code, line) == ("line-separator", line_of(text, "year: 2023"))
    assert text.splitlines()[0] and column == len("year: 2023") + 1


@pytest.mark.parametrize(
    ("old", "new", "code", "differs"),
    [
        ("kind: county", "kind: cоunty", "choice-lookalike", "#2: U+043E CYRILLIC SMALL LETTER O ≠ U+006F"),
        (
            "\nyear: 2023",
            "\nyeаr: 2023",
            "unknown-field-lookalike",
            "#3: U+0430 CYRILLIC SMALL LETTER A ≠ U+0061",
        ),
        (
            "  kind: county",
            "  kіnd: county",
            "unknown-field-lookalike",
            "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN",
        ),
    ],
)
def test_a_did_you_mean_that_looks_identical_says_what_differs(
    tmp_path: Path,
    old: str,
    new: str,
    code: str,
    differs: str,
) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(old, new, 1)
    result = _load(tmp_path, text)
    problem = next(p for p in result.problems if p.code == code)  # type: ignore[union-attr]
    assert differs in problem.message(_en())
    assert problem.line == line_of(text, new.strip())


def test_an_alias_is_located_at_the_alias_not_at_its_anchor(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("leading_industries: [", "leading_industries: &names [", 1)
    text = re.sub(r"(?m)^training_bases:.*\n(?:  .*\n)*", "training_bases: *names\n", text)
    problems = _errors(_load(tmp_path, text))
    alias_line = line_of(text, "training_bases: *names")
    assert problems and all(line == alias_line for _, line, _, _ in problems)
    assert all(path.startswith("training_bases[") for _, _, _, path in problems)


# ------------------------------------------------------------------------------------------------- 7. JSON


def _as_json(**changes: object) -> str:
    import yaml

    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    return json.dumps(data, ensure_ascii=False, indent=2)


def test_a_json_report_is_read_as_json(tmp_path: Path) -> None:
    """``1.55e3`` is JSON's number 1550 (YAML 1.1 reads it as text), located where it stands; a count, a whole
    number, takes it written as one, as YAML's reader has it (``report.scalars``: write 1550)."""
    text = _as_json(public_secondary_vocational_seats="SEATS").replace('"SEATS"', "1.55e3")
    result = _load(tmp_path, text, "r.json")
    assert isinstance(result, InvalidReport)
    [problem] = result.problems
    assert (problem.code, problem.path, problem.line, problem.column) == (
        "number-exponent",
        "public_secondary_vocational_seats",
        line_of(text, "1.55e3"),
        40,
    )
    assert problem.params["write"] == "1550"


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (('"year": 2023,', '"year": 2023, "year": 2024,'), "duplicate-key"),
        (('"year": 2023,', '"year": 2023'), "json-syntax"),
        (('"year": 2023,', '"year": NaN,'), "json-syntax"),
        (('"year": 2023,', '"year": 2023, // a comment\n'), "json-syntax"),
        # beyond any figure (and a float): the year's own check says so, as for 1999
        (('"year": 2023,', '"year": 1e999,'), "year-out-of-range"),
    ],
)
def test_json_mistakes_are_located_by_json_line_and_column(
    tmp_path: Path, edit: tuple[str, str], code: str
) -> None:
    text = _as_json().replace(*edit, 1)
    [(_found, line, column, _)] = [e for e in _errors(_load(tmp_path, text, "r.json")) if e[0] == code]
    assert line in (line_of(text, '"year"'), line_of(text, '"year"') + 1) and column


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (('"year": 2023,', '"ye\\udc00ar": 2023,'), "ye\udc00ar"),
        (('"name": "东安县"', '"name": "东安县\\ud800"'), "unit.name"),
    ],
)
def test_half_a_character_in_json_is_located_never_written_out(
    tmp_path: Path, edit: tuple[str, str], path: str
) -> None:
    """JSON may escape a lone surrogate (``\\ud800``), which no text can hold: it is named where it stands,
    and the report refused, rather than a crash when the results are written."""
    text = _as_json().replace(*edit, 1)
    assert edit[1] in text
    [(code, line, _, found)] = _errors(_load(tmp_path, text, "r.json"))
    assert code == "odd-character" and found == path and line == line_of(text, edit[1])
    done = run("check", tmp_path / "r.json", "-f", "json")
    assert done.code == 2 and json.loads(done.text)["invalid"][0]["problems"][0]["code"] == "odd-character"


@pytest.mark.parametrize(("name", "reader"), [("r.json", "JSON"), ("r.yaml", "YAML")])
def test_a_duplicate_key_names_the_readers_of_its_own_format(tmp_path: Path, name: str, reader: str) -> None:
    """A JSON report was told what YAML readers do."""
    if name.endswith(".json"):
        text = _as_json().replace('"year": 2023,', '"year": 2023, "year": 2024,', 1)
    else:
        text = SAMPLE.read_text(encoding="utf-8").replace("year: 2023", "year: 2023\nyear: 2024", 1)
    result = _load(tmp_path, text, name)
    assert isinstance(result, InvalidReport)
    [problem] = result.problems
    assert problem.code == "duplicate-key"
    assert problem.message(ZH).endswith(f"只保留一个；一般的 {reader} 读取程序会悄悄只取最后一个")
    assert problem.message(EN).endswith(f"keep only one; {reader} readers usually keep the last one silently")


# ------------------------------------------------------------------------------------------------- 8. slips


def test_every_typing_slip_is_reported_in_one_run(tmp_path: Path) -> None:
    rows = SAMPLE.read_text(encoding="utf-8").split("\n")
    rows[6] = rows[6].replace("name: ", "name：")
    rows[7] = "\t" + rows[7].lstrip()
    rows[12] = rows[12].replace(": ", ":\u3000", 1)
    rows[19] = rows[19].replace(": ", "： ", 1)
    rows.insert(30, "unit_extra: {name: 东安县，kind: county}")
    problems = _errors(_load(tmp_path, "\n".join(rows)))
    assert [(code, line) for code, line, _, _ in problems] == [
        ("fullwidth-colon", 7),
        ("yaml-tab", 8),
        ("odd-space", 13),
        ("fullwidth-colon", 20),
        ("fullwidth-comma", 31),
    ]


def test_slips_inside_quotes_and_comments_are_the_users_text(tmp_path: Path) -> None:
    text = county_text(("# ", "# 说明：全角冒号，逗号\t "))
    text = text.replace(
        "name: 冷水滩区职业中等专业学校", 'name: "冷水滩区职业中等专业学校（说明：x，kind: y）"', 1
    )
    assert isinstance(_load(tmp_path, text), ReportFile)


# ------------------------------------------------------------------------------------------------- 10. values


def test_an_industry_named_twice_is_refused(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "[先进装备制造, 农产品精深加工]", "[先进装备制造, 农产品精深加工, 先进装备制造 ]"
    )
    [(code, line, column, path)] = _errors(_load(tmp_path, text))
    assert (code, path) == ("duplicate-entry", "leading_industries[2]")
    assert text.splitlines()[line - 1][column - 1 :].startswith("先进装备制造 ]")  # type: ignore[operator]


@pytest.mark.parametrize("blank", ['"\u200b"', '"\u200b\u200c"', '"\u00a0"', '"\u3164"'])
def test_a_name_of_invisible_characters_only_is_refused(tmp_path: Path, blank: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("name: 东安县舜德职业学校", f"name: {blank}")
    [(code, _, _, path)] = _errors(_load(tmp_path, text))
    assert (code, path) == ("invisible-only", "schools[1].name")


# ------------------------------------------------------------------------------------------------- 10. keys


def _with_key(key: str) -> str:
    return SAMPLE.read_text(encoding="utf-8").replace("year: 2023", f"year: 2023\n{key}: 1", 1)


def test_a_key_of_millions_of_characters_is_said_by_its_start_and_length(tmp_path: Path) -> None:
    """It was said whole, twice: a line of 10 MB for a key of 5 MB (and 16 s spent looking for a field like
    it)."""
    path = tmp_path / "r.yaml"
    path.write_text(_with_key("k" * 5_000_000), encoding="utf-8")
    done = run("validate", path)
    assert done.code == 2 and len(done.out) < 2_000
    shown = "k" * 200 + "…（共 5,000,000 个字符）"
    assert f"r.yaml:11:1: 错误：{shown}: 未知字段“{shown}”：此处可用的字段有 schema_version" in done.text
    [problem] = json.loads(run("validate", path, "-f", "json", "--lang", "en").text)["problems"]
    assert problem["path"] == "k" * 200 + "… (5,000,000 characters)"
    assert problem["code"] == "unknown-field-no-match" and len(problem["message"]) < 1_000


def test_no_field_is_looked_for_like_a_key_far_longer_than_any(monkeypatch: pytest.MonkeyPatch) -> None:
    """difflib's ratio cannot reach its cutoff for a key over three times a name's length: it is not
    asked."""
    from zhijiao_check.report import validate

    def compared(*_args: object, **_kwargs: object) -> list[str]:
        raise AssertionError("compared")

    longest = max(map(len, ["public_secondary_vocational_seats", "general_high_school_plan"]))
    monkeypatch.setattr(validate.difflib, "get_close_matches", compared)
    assert validate._unknown_field(("k" * 1_000,))[0] == "unknown-field-no-match"
    with pytest.raises(AssertionError, match="compared"):
        validate._unknown_field(("k" * longest,))
    monkeypatch.undo()
    assert validate._unknown_field(("yeer",)) == ("unknown-field", {"field": "yeer", "suggestion": "year"})


def test_an_argument_of_100000_characters_is_said_by_its_start_and_length() -> None:
    done = run("explain", "c" * 100_000)
    assert done.code == 2 and len(done.err) < 1_000
    assert done.err.startswith(
        "没有与“" + "c" * 200 + "…（共 100,000 个字符）”匹配的规则；可用 zhijiao-check rules 查看全部规则"
    )
