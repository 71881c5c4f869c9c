"""A workbook filled by a clerk gives the same results as the same report in YAML, located at its cells."""

from __future__ import annotations

import json
import shutil

import openpyxl
import yaml
from clerk import keys_of_columns
from factory import SAMPLES


def _results(document):
    """Everything of a run's results but where the data stands (file names and positions differ by syntax)."""

    def strip(result):
        return {k: v for k, v in result.items() if k not in ("locations", "items")} | {
            "items": [{k: v for k, v in i.items() if k != "locations"} for i in result["items"]]
        }

    reports = {
        (r["unit"], r["year"]): (r["score"], r["summary"], [strip(x) for x in r["results"]])
        for r in document["reports"]
    }
    city = [(c["year"], c["score"], [strip(x) for x in c["results"]]) for c in document["city"]]
    return reports, city, document["exit_code"]


def test_a_whole_year_in_workbooks_gives_the_same_json_as_in_yaml(filled, run_cli, tmp_path):
    for path in sorted((SAMPLES / "2023").glob("*.yaml")):
        filled(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem + ".xlsx")
    assert run_cli("validate", tmp_path / "in").exit_code == 0
    from_yaml = run_cli("check", SAMPLES / "2023", "-f", "json")
    from_xlsx = run_cli("check", tmp_path / "in", "-f", "json")
    assert from_xlsx.exit_code == from_yaml.exit_code == 1
    yaml_doc, xlsx_doc = json.loads(from_yaml.stdout), json.loads(from_xlsx.stdout)
    assert len(xlsx_doc["reports"]) == 15 and xlsx_doc["city"]
    assert _results(xlsx_doc) == _results(yaml_doc)


def test_the_data_used_is_located_at_its_cell_with_the_header(filled, run_cli, tmp_path):
    data = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))
    book = filled(data, "dongan.xlsx")
    document = json.loads(run_cli("check", book, "-f", "json").stdout)
    results = {r["rule"]: r for r in document["reports"][0]["results"]}
    funding = results["c16.secondary-funding"]
    column = keys_of_columns(openpyxl.load_workbook(book)["学校"])["appropriation_per_student"]
    letter = openpyxl.utils.get_column_letter(column)
    assert funding["status"] == "fail"
    assert funding["items"][0]["locations"][0]["cell"] == f"学校!{letter}3（生均拨款）"
    assert (
        funding["items"][0]["locations"][0]["line"] == 3
        and funding["items"][0]["locations"][0]["column"] == column
    )
    share = results["c1.vocational-share"]["locations"][0]
    assert share["cell"].startswith("本单位!C") and share["cell"].endswith("（高中阶段招生 · 中职招生）")
    table = run_cli("check", book, "--no-color").stdout
    assert f"{book}:学校!{letter}3（生均拨款）" in table.replace("\n", "").replace(" ", "")


def test_a_directory_picks_up_workbooks_but_not_excels_lock_files(filled, run_cli, tmp_path):
    data = yaml.safe_load((SAMPLES / "2023" / "dongan.yaml").read_text(encoding="utf-8"))
    book = filled(data, "dongan.xlsx")
    shutil.copy(book, book.with_name("~$dongan.xlsx"))  # what Excel leaves while the file is open
    result = run_cli("validate", tmp_path / "in", "-f", "json")
    assert [f["file"] for f in json.loads(result.stdout)["files"]] == [str(book)]
