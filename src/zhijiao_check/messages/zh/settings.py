"""Messages of the config file and the waivers file (area ``settings``).

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "settings.not-utf8": "不是 UTF-8 编码：请以 UTF-8 保存",
    "settings.not-toml": "不是有效的 TOML：{reason}",
    "settings.config-table-missing": "没有 [{name}] 表：请添加该表，或不用 --config 指定此文件",
    "settings.unknown-key": "未知的键“{key}”：可用的键有 {known}",
    "settings.wrong-type": "“{key}”的值 {found} 无效：应写成 {expected}",
    "settings.wrong-choice": "“{key}”的值 {found} 无效：可选 {choices}",
    "settings.waiver-needs": "豁免缺少“{key}”（当前：{found}）：每条豁免须写明规则、单位、理由、批准人和文号",
    "settings.waiver-needs-time": (
        "豁免须有 year（豁免的统计年度）或 expires（截止日期，如 2024-06-30），或两者都写"
    ),
    "settings.waiver-unknown-rule": "没有规则“{rule}”；是否想写 {suggestion}？",
    "settings.waiver-unknown-unit": "未知的单位“{unit}”；是否想写“{suggestion}”？全市性规则请写“全市”",
    "settings.waiver-expired": "{unit} {rule} 的豁免已于 {expires} 到期：该规则重新计入",
    "settings.waiver-unused": (
        "{unit} {rule}（年度 {year}）的豁免没有匹配任何未达标的结果：目标已达成或条目有误，请删除或更正"
    ),
}
