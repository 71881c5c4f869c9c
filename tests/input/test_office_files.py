"""A report in an Office format the tool does not read, or a workbook named as text: refused with what to do,
never "not UTF-8 or GB18030"; the other reports of the run are still checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhijiao_check.commands.template import TemplateOptions
from zhijiao_check.commands.template import run as make_template

from .helpers import COUNTY, errors, run_cli, validate_json

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # the header of Excel 97-2003's .xls and WPS's .et
ZIPPED = (
    "这是 Office 文档（.xlsx、.ods、.docx 等压缩格式），不是文本文件：若是 Excel 工作簿，请把扩展名改为 .xlsx"
)
LEGACY = (
    "这是旧版 Office 文档（如 Excel 97-2003 的 .xls、WPS 表格的 .et），不能直接读取：请在 Excel 或 WPS 中"
)


@pytest.fixture
def workbook(tmp_path: Path) -> bytes:
    """A real .xlsx report: the template of 冷水滩区."""
    target = tmp_path / "template.xlsx"
    options = TemplateOptions("冷水滩区", 2023, target, "zh", [], None, False, None, "xlsx", None)
    assert make_template(options) == 0
    return target.read_bytes()


@pytest.mark.parametrize("name", ["lengshuitan.xls", "lengshuitan.et", "lengshuitan.yaml"])
def test_a_workbook_named_as_another_format_is_told_to_be_renamed(
    tmp_path: Path, workbook: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(workbook)
    code, document = validate_json(path)
    [error] = errors(document)
    # a binary file has no line or column to name: the problem is the whole file's
    assert (code, error["code"], error["line"], error["column"]) == (2, "office-document", None, None)
    assert error["message"].startswith(ZIPPED)


def _ods() -> bytes:
    """What LibreOffice and WPS write as .ods: a zip whose first part, stored, is ``mimetype``."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.mark.parametrize("name", ["dongan.ods", "dongan.yaml"])
def test_an_opendocument_spreadsheet_is_named_and_told_to_be_saved_as_xlsx(tmp_path: Path, name: str) -> None:
    """It was told to be renamed .xlsx if it was a workbook, which only led to a second refusal."""
    path = tmp_path / name
    path.write_bytes(_ods())
    code, document = validate_json(path)
    [error] = errors(document)
    assert (code, error["code"], error["line"]) == (2, "ods-document", None)
    assert "OpenDocument 表格" in error["message"] and "“另存为”Excel 工作簿（*.xlsx）" in error["message"]
    assert "不是文本文件" not in error["message"]  # a spreadsheet was never meant as one: save it as .xlsx
    assert "扩展名" not in error["message"]


def _zipped(*members: tuple[str, str]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in members:
            archive.writestr(zipfile.ZipInfo(name), text, zipfile.ZIP_STORED)
    return out.getvalue()


_TYPES = ("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
# What each format holds, as its program writes it: told by the name, since the bytes said the wrong thing (an
# .xlsb or a Numbers zip was told to be renamed .xlsx, a second refusal; a flat .fods was read as YAML text).
OTHER_FORMATS = {
    "daoxian.xlsb": _zipped(_TYPES, ("xl/workbook.bin", "\x83\x01"), ("xl/worksheets/sheet1.bin", "")),
    "daoxian.XLTX": _zipped(_TYPES, ("xl/workbook.xml", "<workbook/>")),
    "daoxian.numbers": _zipped(("Index/Document.iwa", "\x00"), ("Metadata/Properties.plist", "")),
    "daoxian.ots": _zipped(("mimetype", "application/vnd.oasis.opendocument.spreadsheet-template")),
    "daoxian.fods": (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document office:mimetype='
        b'"application/vnd.oasis.opendocument.spreadsheet">\n</office:document>\n'
    ),
}
SAVE_AS = "本工具只读取 Excel 工作簿（.xlsx）：请在 Excel、WPS、LibreOffice 或 Numbers 中打开，“另存为”"


@pytest.mark.parametrize("name", sorted(OTHER_FORMATS))
def test_a_spreadsheet_of_another_format_is_told_by_its_name_to_be_saved_as_xlsx(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(OTHER_FORMATS[name])
    code, document = validate_json(path)
    [error] = errors(document)
    assert (code, error["code"], error["line"], error["column"]) == (2, "other-spreadsheet", None, None)
    assert error["message"].startswith(f"这是 {path.suffix} 格式的表格") and SAVE_AS in error["message"]
    assert "扩展名" not in error["message"]  # renaming it .xlsx only led to a second refusal
    result = run_cli("validate", "--lang", "en", "--format", "json", path)
    [english] = errors(json.loads(result.stdout))
    assert english["message"].startswith(f"this is a {path.suffix} spreadsheet")
    assert '"Save As" (in Numbers "Export To") an Excel workbook (*.xlsx)' in english["message"]
    assert "rename" not in english["message"]


def test_a_numbers_package_folder_in_a_year_folder_is_listed_not_passed_over(tmp_path: Path) -> None:
    """A Numbers document saved on a Mac is a folder: it was passed over without a word, its unit missing."""
    (tmp_path / "lengshuitan.yaml").write_bytes(COUNTY.read_bytes())
    package = tmp_path / "daoxian.numbers"
    (package / "Index").mkdir(parents=True)
    (package / "Index" / "Document.iwa").write_bytes(b"\x00")
    (package / "Index" / "notes.yaml").write_text("year: 2023\n", encoding="utf-8")  # never searched into
    result = run_cli("check", tmp_path, "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert [r["unit"] for r in document["reports"]] == ["冷水滩区"]
    [invalid] = document["invalid"]
    assert invalid["file"] == str(package)
    [problem] = invalid["problems"]
    assert (problem["code"], problem["line"]) == ("other-spreadsheet", None)
    # named itself, it is the document, not a folder to search
    code, named = validate_json(package)
    assert (code, [e["code"] for e in errors(named)]) == (2, ["other-spreadsheet"])


@pytest.mark.parametrize("name", ["lengshuitan.xls", "lengshuitan.et", "lengshuitan.xlsx"])
def test_an_old_office_file_is_told_to_be_saved_as_xlsx(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OLE)
    code, document = validate_json(path)
    [error] = errors(document)
    assert code == 2
    if name.endswith(".xlsx"):  # read as a workbook: the workbook reader's own words, to the same end
        assert error["code"] == "xls-or-encrypted"
    else:
        assert (error["code"], error["message"][: len(LEGACY)]) == ("legacy-office-document", LEGACY)


def test_a_year_folder_with_an_xls_report_checks_the_others_and_names_it(tmp_path: Path) -> None:
    (tmp_path / "lengshuitan.yaml").write_bytes(COUNTY.read_bytes())
    (tmp_path / "daoxian.xls").write_bytes(OLE)
    result = run_cli("check", tmp_path, "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert [r["unit"] for r in document["reports"]] == ["冷水滩区"]
    [invalid] = document["invalid"]
    assert invalid["file"] == str(tmp_path / "daoxian.xls")
    assert invalid["problems"][0]["code"] == "legacy-office-document"


def test_a_report_notepad_named_txt_is_found_and_read_with_a_warning(tmp_path: Path) -> None:
    """Notepad saves ``lengshuitan.yaml`` as ``lengshuitan.yaml.txt`` when the type is "text document", and
    Windows shows it without the ``.txt``: the search finds it, and its unit is not missing from the year."""
    (tmp_path / "lengshuitan.yaml.txt").write_bytes(COUNTY.read_bytes())
    (tmp_path / "notes.txt").write_text("东安县的报表下周补交\n", encoding="utf-8")
    result = run_cli("check", tmp_path, "--format", "json")
    assert result.exit_code == run_cli("check", COUNTY, "--format", "json").exit_code
    document = json.loads(result.stdout)
    assert [r["unit"] for r in document["reports"]] == ["冷水滩区"] and document["invalid"] == []
    [warning] = document["warnings"]
    assert (warning["code"], warning["file"]) == ("file-name-txt", str(tmp_path / "lengshuitan.yaml.txt"))
    assert warning["message"].endswith("请把文件改名为“lengshuitan.yaml”")


def test_a_json_report_named_txt_is_read_as_json(tmp_path: Path) -> None:
    path = tmp_path / "lengshuitan.JSON.txt"
    path.write_text('{"schema_version": 1, "year": 2023,}', encoding="utf-8")  # JSON's slip, YAML's not
    code, document = validate_json(path)
    [error] = errors(document)
    assert (code, error["code"]) == (2, "json-syntax")
    assert error["message"].endswith("最后一项后面不能有逗号：请删除这个逗号")


@pytest.mark.parametrize("name", ["lengshuitan.csv", "lengshuitan.TSV"])
def test_a_sheet_saved_as_csv_is_refused_with_what_to_give(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text('"填报单位","冷水滩区（县市区）"\n"统计年度","2023"\n', encoding="utf-8")
    code, document = validate_json(path)
    [error] = errors(document)
    # the whole file is the problem: its name alone, as docs/excel.md says (it was located at file:1:1)
    assert (code, error["code"], error["line"], error["column"]) == (2, "table-text-file", None, None)
    assert error["message"].startswith(f"这是 {Path(name).suffix} 文件，只保存了一个工作表的文字")
    assert "请提交 Excel 工作簿（*.xlsx）本身" in error["message"]
