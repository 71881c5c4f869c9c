"""Messages of the config file and the waivers file (area ``settings``)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "settings.not-utf8": ("不是 UTF-8 编码：请以 UTF-8 保存", "not UTF-8: save it as UTF-8"),
    "settings.not-toml": ("不是有效的 TOML：{reason}", "not valid TOML: {reason}"),
    "settings.config-table-missing": (
        "没有 [{name}] 表：请添加该表，或不用 --config 指定此文件",
        "no [{name}] table: add one, or do not name this file with --config",
    ),
    "settings.unknown-key": (
        "未知的键“{key}”：可用的键有 {known}",
        "unknown key '{key}': the keys are {known}",
    ),
    "settings.wrong-type": (
        "“{key}”的值 {found} 无效：应写成 {expected}",
        "'{key}' = {found} is not valid: write {expected}",
    ),
    "settings.wrong-choice": (
        "“{key}”的值 {found} 无效：可选 {choices}",
        "'{key}' = {found} is not valid: choose {choices}",
    ),
    "settings.waiver-needs": (
        "豁免缺少“{key}”（当前：{found}）：每条豁免须写明规则、单位、理由、批准人和文号",
        (
            "the waiver has no '{key}' (found: {found}): every waiver names its rule, unit, reason, "
            "approver and document"
        ),
    ),
    "settings.waiver-needs-time": (
        "豁免须有 year（豁免的统计年度）或 expires（截止日期，如 2024-06-30），或两者都写",
        (
            "a waiver needs a year (the statistical year excused) or expires (its last day, e.g. "
            "2024-06-30), or both"
        ),
    ),
    "settings.waiver-unknown-rule": (
        "没有规则“{rule}”；是否想写 {suggestion}？",
        "there is no rule '{rule}'; did you mean {suggestion}?",
    ),
    "settings.waiver-unknown-unit": (
        "未知的单位“{unit}”；是否想写“{suggestion}”？全市性规则请写“全市”",
        "unknown unit '{unit}'; did you mean '{suggestion}'? For a city-wide rule write 全市",
    ),
    "settings.waiver-expired": (
        "{unit} {rule} 的豁免已于 {expires} 到期：该规则重新计入",
        "the waiver of {rule} for {unit} expired on {expires}: the rule counts again",
    ),
    "settings.waiver-unused": (
        "{unit} {rule}（年度 {year}）的豁免没有匹配任何未达标的结果：目标已达成或条目有误，请删除或更正",
        "the waiver of {rule} for {unit} (year {year}) matches no result that is not met: the target is met "
        + "or the entry is wrong; remove or correct it",
    ),
}
