"""Problems of a ``--roster`` file (the bureau's list of schools per unit).

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "roster.not-a-roster-file": (
        "{suffix} 文件不能作为名册读取：名册是 Excel 工作簿（*.xlsx，表头为“单位”和“学校名称”）或 YAML "
        "文件（.yaml）；保存成 CSV 的名册请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）"
    ),
    "roster.not-a-mapping": "名册应为映射：units: 下按单位列出学校名称",
    "roster.unknown-key": "名册中没有字段 {key}（可用：{keys}）",
    "roster.bad-year": "year 应为 2000–2100 的整数，而不是 {value}",
    "roster.bad-year-in-cell": "年度应为 2000–2100 的四位年份，而不是 {value}",
    "roster.no-units": "名册缺少 units：请在 units: 下按单位列出学校，如“东安县: [东安县职业中等专业学校]”",
    "roster.unknown-unit": "没有单位“{unit}”；是否想写 {suggestion}？",
    "roster.unknown-unit-no-match": "没有单位“{unit}”：可用的单位有 {known}",
    "roster.unit-renamed": "“{unit}”已于 {year} 年更名为“{new}”：请写“{new}”，或写 {year} 年以前的 year",
    "roster.unit-not-yet": (
        "“{unit}”{since} 年设立，{since} 年起才填报：请写 {since} 年或以后的 year，或删除它"
    ),
    "roster.unit-merged": (
        "“{unit}”{merged}，{year} 年起不再单独填报：请把它的学校列在“{into}”下，或写 {year} 年以前的 year"
    ),
    "roster.bad-list": "“{unit}”下应为学校名称的列表，如 [东安县职业中等专业学校]",
    # A roster kept as a workbook (report/workbook/roster.py).
    "roster.no-header": "名册工作簿中找不到表头：请在表格第一行写“单位”和“学校名称”（可再加“年度”）",
    "roster.blank-unit": "学校“{school}”这一行没有写单位：请写单位名称",
    "roster.blank-school": "单位“{unit}”这一行没有写学校名称：请写学校名称，或删除这一行",
    "roster.mixed-years": "“年度”一列有多个年度（{years}）：一个名册只对一个年度，或不写年度（对每个年度）",
}
