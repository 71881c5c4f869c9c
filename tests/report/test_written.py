"""The tool's own results in a folder of reports (``report/written.py``): ``zhijiao-check . -o 结果.xlsx`` run
again in the reports' folder found its result there, read it as a report (exit 2) and refused to write over
it as over an input. A search leaves them out; one named is told for what it is; a report is never taken for
one, whatever its name."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from outputs import content
from typer.testing import CliRunner

from zhijiao_check.cli import app
from zhijiao_check.report import find_reports
from zhijiao_check.report.written import is_written

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "2023" / "dongan.yaml"


def run(folder: Path, *args: str) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.output


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "dongan.yaml").write_bytes(SAMPLE.read_bytes())
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ("-o", "结果.xlsx"),
        ("-o", "results.xlsx", "--lang", "en"),
        ("-f", "json", "-o", "结果.json"),
        ("-f", "json", "-o", "result.json", "--lang", "en"),
        ("-f", "sarif", "-o", "results.sarif.json"),
    ],
)
def test_a_result_written_into_the_folder_is_neither_read_nor_guarded_the_next_time(
    folder: Path, args: tuple[str, ...]
) -> None:
    first = run(folder, ".", "-q", *args)
    output = folder / args[args.index("-o") + 1]
    made = content(output)
    assert first[0] == 1 and is_written(output)
    again = run(folder, ".", "-q", *args)
    assert again == first  # exit 1 as before: three targets fail, nothing read as a report
    assert content(output) == made  # written anew, the same (a workbook but for the time it was written)
    plain = run(folder, ".", "-q")
    assert plain[0] == 1 and output.name not in plain[1]
    found, _ = find_reports([folder])
    assert [path.name for path, _ in found] == ["dongan.yaml"]


def test_validate_json_in_the_folder_is_left_out_too(folder: Path) -> None:
    assert run(folder, "validate", ".", "-f", "json", "-o", "v.json")[0] == 0
    assert json.loads((folder / "v.json").read_text(encoding="utf-8"))["exit_code"] == 0
    assert run(folder, "validate", ".", "-f", "json", "-o", "v.json")[0] == 0
    assert [f["file"] for f in json.loads((folder / "v.json").read_text(encoding="utf-8"))["files"]] == [
        "dongan.yaml"
    ]


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("结果.xlsx", "zh"),
        ("result.json", "en"),
        # given as a report, the page was a YAML syntax error and the CSV a report saved as CSV
        ("结果.html", "zh"),
        ("result.html", "en"),
        ("2023 明细.csv", "zh"),
        ("details.csv", "en"),
        ("结果.sarif", "zh"),
        ("junit.xml", "en"),
        ("结果.md", "zh"),
        ("summary.md", "en"),
    ],
)
def test_a_result_named_is_told_for_what_it_is(folder: Path, name: str, lang: str) -> None:
    assert run(folder, "dongan.yaml", "-o", name, "--lang", lang)[0] == 1
    code, text = run(folder, name, "--lang", lang)
    assert code == 2
    said = "这是 zhijiao-check 写出的检查结果，不是报表" if lang == "zh" else "a result zhijiao-check wrote"
    assert said.replace(" ", "") in "".join(text.split())  # as laid out, broken over lines
    assert "本单位" not in text and "unknown" not in text  # not read as a report


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_empty_run_s_junit_is_told_for_what_it_is(tmp_path: Path, lang: str) -> None:
    """A run of no reports writes JUnit XML without a suite, so without the package the others are told by:
    given as a report, it was read as one; it is told as every JUnit result is."""
    from zhijiao_check.i18n import Translator
    from zhijiao_check.renderers.junit import suites

    written = "".join(
        suites({"invalid": [], "reports": [], "city": []}, frozenset(), Translator(lang), tuple)
    )
    (tmp_path / "empty.xml").write_text(written, encoding="utf-8")
    (tmp_path / "crlf.xml").write_bytes(written.replace("\n", "\r\n").encode("utf-8"))
    assert is_written(tmp_path / "empty.xml") and is_written(tmp_path / "crlf.xml")
    said = {}
    for name in ("empty.xml", "junit.xml"):
        if name == "junit.xml":
            (tmp_path / "dongan.yaml").write_bytes(SAMPLE.read_bytes())
            assert run(tmp_path, "dongan.yaml", "-o", name, "--lang", lang)[0] == 1
        code, text = run(tmp_path, name, "--lang", lang)
        assert code == 2
        said[name] = "".join(text.split()).replace(name, "NAME")
    assert said["empty.xml"] == said["junit.xml"]
    assert (
        "这是zhijiao-check写出的检查结果，不是报表" if lang == "zh" else "aresultzhijiao-checkwrote"
    ) in said["junit.xml"]


def test_a_bulk_run_s_streamed_json_is_recognised(folder: Path) -> None:
    # From 100 reports the JSON is written as the reports are scored: the same first key.
    reports = folder / "reports"
    reports.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for number in range(100):
        (reports / f"r{number:03}.yaml").write_text(text, encoding="utf-8")
    run(folder, "reports", "-f", "json", "-o", "reports/big.json", "-q")
    assert is_written(reports / "big.json")
    found, _ = find_reports([reports])
    assert len(found) == 100


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{}",
        b'{"schema_version": 1, "unit": {"name": "\xe4\xb8\x9c\xe5\xae\x89\xe5\x8e\xbf"}, "year": 2023}',
        b'{"tool": "zhijiao-check"}',  # a report with a stray key: read, and told of the key
        b'{"files": "dongan.yaml"}',  # not validate's list of files
        b"[1, 2",
        b"\xff\xfe\x00garbage",
    ],
)
def test_no_report_json_is_taken_for_a_result(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "report.json"
    path.write_bytes(content)
    assert not is_written(path)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.md", "## ✅ 东安县报表说明\n"),
        ("page.html", "<!DOCTYPE html>\n<html><head><title>东安县</title></head></html>\n"),
        ("data.xml", '<?xml version="1.0"?>\n<testsuites>\n</testsuites>\n'),
        ("dongan.csv", "单位,年度,学校名称\n东安县,2023,东安县职业中等专业学校\n"),
    ],
)
def test_other_text_files_are_not_taken_for_results(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert not is_written(path)


def test_reports_and_other_files_are_not_results(tmp_path: Path) -> None:
    book = tmp_path / "dongan.xlsx"
    assert CliRunner().invoke(app, ["convert", str(SAMPLE), "-o", str(book)]).exit_code == 0
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(book.read_bytes()[:300])
    renamed = tmp_path / "dongan.json"
    renamed.write_bytes(SAMPLE.read_bytes())  # YAML under a JSON name
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # looking would block: it is left to reading, which refuses it
    assert not any(map(is_written, [book, broken, renamed, fifo, SAMPLE, tmp_path / "missing.json"]))


def test_a_results_workbook_saved_by_libreoffice_is_still_one(folder: Path) -> None:
    # A clerk opens the results and saves them: the sheets, and so the answer, stay.
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("no LibreOffice (Debian: apt-get install libreoffice-calc-nogui; .ci/run installs it)")
    assert run(folder, "dongan.yaml", "-o", "results.xlsx")[0] == 1
    saved = folder / "saved"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(saved),
            str(folder / "results.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert is_written(saved / "results.xlsx")


@pytest.mark.parametrize(
    "args",
    [
        ("schema", "-o", "other.yaml"),
        ("dongan.yaml", "-o", "other.yaml"),
        ("dongan.yaml", "-f", "json", "-o", "other.json"),
        ("dongan.yaml", "-o", "other.xlsx"),
        ("validate", "dongan.yaml", "-f", "json", "-o", "other.json"),
        ("diff", "dongan.yaml", "dongan.yaml", "-o", "other.yaml"),
    ],
)
def test_no_output_replaces_a_file_that_may_be_a_report(folder: Path, args: tuple[str, ...]) -> None:
    # schema -o dongan.yaml wrote the schema over a report that no input named.
    target = folder / args[-1]
    if target.suffix == ".xlsx":
        assert CliRunner().invoke(app, ["convert", str(SAMPLE), "-o", str(target)]).exit_code == 0
    elif target.suffix == ".json":  # the report in JSON, as another system would write it
        data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
        target.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    else:
        target.write_bytes(SAMPLE.read_bytes())
    held = target.read_bytes()
    code, text = run(folder, *args)
    assert code == 2 and target.read_bytes() == held
    assert "可能是一份报表" in text


def test_an_output_replaces_a_result_of_its_own_and_an_empty_file(folder: Path) -> None:
    for args in (("schema", "-o", "schema.json"), ("diff", ".", ".", "-f", "json", "-o", "diff.json")):
        assert run(folder, *args)[0] in (0, 1)
        assert run(folder, *args)[0] in (0, 1)  # its own result, written again
    (folder / "empty.json").write_bytes(b"")
    assert run(folder, "dongan.yaml", "-f", "json", "-o", "empty.json")[0] == 1


def test_template_s_force_still_replaces_what_it_is_told_to(folder: Path) -> None:
    (folder / "old.yaml").write_bytes(SAMPLE.read_bytes())
    assert run(folder, "template", "-u", "东安县", "-y", "2024", "-o", "old.yaml")[0] == 2  # exists
    assert run(folder, "template", "-u", "东安县", "-y", "2024", "-o", "old.yaml", "--force")[0] == 0


def test_an_output_replaces_a_file_that_cannot_be_a_report(folder: Path) -> None:
    (folder / "notes.json").write_text("old\n", encoding="utf-8")  # not a JSON object: no report
    (folder / "notes.xlsx").write_text("not a workbook\n", encoding="utf-8")
    assert run(folder, "dongan.yaml", "-f", "json", "-o", "notes.json")[0] == 1
    assert run(folder, "dongan.yaml", "-o", "notes.xlsx")[0] == 1


@pytest.mark.parametrize(
    "args",
    [
        ("schema", "-o", "other.xlsm"),
        ("dongan.yaml", "-o", "other.xlsm"),
        ("dongan.yaml", "-f", "json", "-o", "other.xlsm"),
        ("validate", "dongan.yaml", "-f", "json", "-o", "other.xlsm"),
        ("diff", "dongan.yaml", "dongan.yaml", "-o", "other.xlsm"),
    ],
)
def test_no_output_replaces_a_macro_enabled_workbook_report(folder: Path, args: tuple[str, ...]) -> None:
    # A report saved with 启用宏 is read as any workbook is; -o other.xlsm wrote the run's table over it.
    made = folder / "made.xlsx"
    assert CliRunner().invoke(app, ["convert", str(SAMPLE), "-o", str(made)]).exit_code == 0
    made.rename(folder / "other.xlsm")
    held = (folder / "other.xlsm").read_bytes()
    code, text = run(folder, *args)
    assert code == 2 and (folder / "other.xlsm").read_bytes() == held
    assert "可能是一份报表" in text


def test_a_results_workbook_saved_as_xlsm_is_left_out_and_not_written_as_xlsm(folder: Path) -> None:
    # Excel's 另存为 启用宏的工作簿 keeps the sheets: still a result, neither a report to read nor to keep.
    assert run(folder, ".", "-q", "-o", "结果.xlsx")[0] == 1
    (folder / "结果.xlsx").rename(folder / "结果.xlsm")
    assert is_written(folder / "结果.xlsm")
    assert [display for _, display in find_reports([folder])[0]] == [str(folder / "dongan.yaml")]
    # ... but not written as .xlsm again: the tool writes .xlsx workbooks, and an .xlsx named .xlsm is one
    # Excel will not open (refused, the file kept as it is).
    held = (folder / "结果.xlsm").read_bytes()
    assert run(folder, ".", "-q", "-f", "xlsx", "-o", "结果.xlsm")[0] == 2
    assert (folder / "结果.xlsm").read_bytes() == held


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_output_linked_to_a_report_is_judged_by_the_file_it_would_replace(folder: Path, lang: str) -> None:
    # latest.html -> dongan.yaml: judged by the link's name, the run's HTML replaced the report.
    (folder / "lanshan.yaml").write_bytes((SAMPLE.parent / "lanshan.yaml").read_bytes())
    (folder / "latest.html").symlink_to("dongan.yaml")
    held = (folder / "dongan.yaml").read_bytes()
    code, text = run(folder, "lanshan.yaml", "-o", "latest.html", "--lang", lang)
    assert code == 2 and (folder / "dongan.yaml").read_bytes() == held
    assert (folder / "latest.html").is_symlink()
    said = "is a link to" if lang == "en" else "是指向"
    assert said in text and "latest.html" in text and "dongan.yaml" in text


def test_an_output_linked_to_a_result_or_a_new_file_is_written_through(folder: Path) -> None:
    (folder / "results").mkdir()
    (folder / "latest.html").symlink_to(Path("results", "2023.html"))  # not there yet
    assert run(folder, "dongan.yaml", "-o", "latest.html")[0] == 1
    assert (folder / "results" / "2023.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    (folder / "latest.json").symlink_to("result.json")
    for _ in range(2):  # the second time over a result of its own
        assert run(folder, "dongan.yaml", "-f", "json", "-o", "latest.json")[0] == 1
    assert is_written(folder / "result.json")


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # Excel 97-2003's .xls, WPS's .et


@pytest.mark.parametrize(
    "name", ["dongan-2024.xls", "dongan-2024.ods", "dongan-2024.et", "结果.xlsm", "R.XLS"]
)
@pytest.mark.parametrize(
    "args",
    [
        ("dongan.yaml", "-o"),
        ("dongan.yaml", "-f", "xlsx", "-o"),
        ("dongan.yaml", "-f", "csv", "-o"),
        ("validate", "dongan.yaml", "-o"),
        ("diff", "dongan.yaml", "dongan.yaml", "-o"),
        ("schema", "-o"),
        ("template", "-u", "东安县", "-y", "2024", "--force", "-o"),
        ("convert", "dongan.yaml", "--force", "-o"),
    ],
)
def test_no_output_is_written_under_a_spreadsheet_name_the_tool_does_not_write(
    folder: Path, args: tuple[str, ...], name: str
) -> None:
    # `check dongan.yaml -o dongan-2024.xls` replaced the county's .xls workbook with the text table, and
    # `-o 结果.xlsm` made a file Excel (and validate) called corrupt: refused, told to use .xlsx.
    existing = folder / "dongan-2024.xls"
    existing.write_bytes(OLE)
    code, text = run(folder, *args, name)
    assert code == 2, text
    assert existing.read_bytes() == OLE
    assert sorted(path.name for path in folder.iterdir()) == ["dongan-2024.xls", "dongan.yaml"]
    suffix = Path(name).suffix
    assert f"本工具不写 {suffix} 表格" in text and f"（如 {Path(name).stem}.xlsx）" in text


def test_a_config_files_output_under_a_spreadsheet_name_is_refused_too(folder: Path) -> None:
    config = '[[outputs]]\nformat = "table"\nfile = "结果.ods"\n'
    (folder / "zhijiao-check.toml").write_text(config, encoding="utf-8")
    code, text = run(folder, "dongan.yaml", "--lang", "en")
    assert code == 2 and "the tool does not write .ods spreadsheets" in text and "(such as 结果.xlsx)" in text
    assert not (folder / "结果.ods").exists()


def test_a_device_keeps_taking_any_output(folder: Path) -> None:
    assert run(folder, "dongan.yaml", "-o", os.devnull)[0] == 1


def test_the_writer_itself_refuses_a_spreadsheet_name(folder: Path) -> None:
    # Whatever command a later change adds, nothing reaches a file named .xls.
    from zhijiao_check.errors import FatalError
    from zhijiao_check.output import write_all

    with pytest.raises(FatalError) as refused:
        write_all([("text", folder / "out.csv"), ("text", folder / "out.xls")])
    assert refused.value.code == "output-spreadsheet"
    assert sorted(path.name for path in folder.iterdir()) == ["dongan.yaml"]
