"""Words of the table output."""

MESSAGES: dict[str, tuple[str, str]] = {
    "table.report-title": ("{unit}（{kind}）· {year} 年 · {file}", "{unit} ({kind}) · {year} · {file}"),
    "table.city-title": (
        "全市 · {year} 年 · {present}/{total} 个单位",
        "City-wide · {year} · {present}/{total} units",
    ),
    "table.kind-county": ("县市区", "county"),
    "table.kind-management_area": ("管理区", "management area"),
    "table.kind-development_zone": ("经开区", "development zone"),
    "table.kind-city": ("市本级", "city"),
    "table.score": ("得分", "score"),
    "table.col-status": ("状态", "status"),
    "table.col-rule": ("规则", "rule"),
    "table.col-observed": ("实际/目标", "observed/target"),
    "table.col-explanation": ("计算与说明", "arithmetic and notes"),
    "table.col-unit": ("单位", "unit"),
    "table.summary": ("小计", "summary"),
    "table.more-items": ("另有 {count} 项未达标，见 --format json", "{count} more, see --format json"),
    "table.invalid": (
        "{file}：报表无效，{count} 个问题，未计分",
        "{file}: invalid report, not scored (problems: {count})",
    ),
    "table.unreadable": ("{file}：无法读取，未检查", "{file}: could not be read, not checked"),
    "table.warnings": ("{count} 条提醒（不影响结果）：", "{count} warnings (they do not change the result):"),
    "table.warning": ("{count} 条提醒（不影响结果）：", "{count} warning (it does not change the result):"),
    "table.exit": ("退出状态 {code}", "exit status {code}"),
}
