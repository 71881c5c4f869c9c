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
    "pack.value-type": "规则 {id} 的条件写了 {found}，但 {field} 只取{takes}：应写 {write}",
    "pack.not-a-choice": "规则 {id}：{field} 没有 {found} 这个值，只取 {allowed} 之一：应写 {write}",
    "pack.op-for-type": "规则 {id}：{field} 只取{takes}，不能用 {op} 比较：可用 {ops}",
    "pack.condition-between": (
        "规则 {id}：条件不能用 between（它只用于 target）：{field} 的区间写成两个条件，"
        '{{field: {field}, op: ">=", value: 下限}} 与 {{field: {field}, op: "<=", value: 上限}}'
    ),
    "pack.other-type": (
        "规则 {id}：{field}（{takes}）不能与 {other}（{other_takes}）比较：other 须是同类的字段"
    ),
    "pack.year-plus-type": "规则 {id}：year_plus 把 {field} 与年份比较，但它只取{takes}",
    "pack.sum-type": "规则 {id} 合计 {field}，但它只取{takes}：只有数值（或是/否字段，每个“是”计 1）能合计",
    "pack.flag-not-yes-no": (
        "规则 {id} 是 flag 规则，读取的字段须为是/否，但 {field} 只取{takes}：与数比较请用 kind: total"
    ),
    "pack.not-finite": "规则 {id} 的 {key} 写了 {found}：须为有限的数（与它比较，每份报告都不达标或都达标）",
    "pack.takes-number": "数值",
    "pack.takes-flag": "是/否值（true 或 false）",
    "pack.takes-choice": " {allowed} 之一",
    "pack.takes-text": "文字",
    "pack.takes-list": "一组值（用 contains 判断其中有无某值）",
    "pack.takes-fields": "一组字段",
    "pack.write-number": "一个数，不加引号（如 value: 10000）",
    "pack.write-flag": "value: true 或 value: false",
    "pack.write-choice": "其中之一，如 value: {example}",
    "pack.write-one-of": "其中之一",
    "pack.unknown-kind": "没有 {found} 这种规则类型（kind）：应写 {write}（可选 {kinds}）",
    "pack.missing-kind": "规则缺少 kind：应写 {kinds} 之一",
    "pack.quote-too-short": (
        "规则 {id} 的 quote 去掉空白后只剩 {count} 个字符（{quote}）：须逐字摘录政策原文中至少 4 个字符的一句"
    ),
    "pack.unknown-clause": (
        "规则 {id} 的 clause {clause} 不在 pack.yaml 的 clauses 中（列有 {clauses}）："
        "未列出的条款在 coverage 中看不到"
    ),
    "pack.empty-rule-file": (
        "规则文件为空（或只有注释）：应写 rules: 列表，每项一条规则（见 docs/packs.md）；不用的文件请删除"
    ),
    "pack.rule-file-not-mapping": "规则文件顶层应为 rules: 列表，每项一条规则；实际是{found}",
    "pack.empty-pack-file": "{name} 为空（或只有注释）：写法见 docs/packs.md",
    "pack.pack-file-not-mapping": "{name} 顶层应为“键: 值”，实际是{found}：写法见 docs/packs.md",
}
