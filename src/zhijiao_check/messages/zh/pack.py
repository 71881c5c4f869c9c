"""Problems in a rule pack (for the people who write rule files).

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "pack.invalid-field": "规则文件字段错误：{message}（填写的是 {found}）",
    "pack.duplicate-rule": "规则 ID {id} 重复，首次出现在 {first}",
    "pack.quote-not-verbatim": "规则 {id} 的 quote 在政策原文中找不到（按 NFKC、去空白比较）：{quote}",
    "pack.when-unknown-rule": (
        "规则 {id} 的 when 引用了 {rule}，它须是更早的规则（本规则包中更靠前，或先加载的规则包中）"
    ),
    "pack.rule-id-pattern": "规则 ID {id} 不符合本规则包 pack.yaml 中 rule_ids 的格式 {pattern}",
    "pack.year-before-issue": "规则 {id} 的年份 {year} 早于政策发布日期 {issued}（pack.yaml 中的 issued）",
    "pack.unknown-field": "规则 {id} 读取的字段 {field} 不在报表格式中（见 zhijiao-check schema）",
    "pack.policy-missing": "找不到政策原文 {policy}",
    "pack.not-a-pack": "{dir} 不是规则包目录：其中应有 pack.yaml、units.yaml 与规则文件",
}
