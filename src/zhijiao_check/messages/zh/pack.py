"""Problems in a rule pack (for the people who write rule files).

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
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
    "pack.not-finite": "规则 {id} 的 {key} 写了 {found}：须为有限的数（与它比较，每份报表都不达标或都达标）",
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
    "pack.missing-key": "缺少 {key}：应写 {key}，它取{takes}",
    "pack.unknown-key": "没有 {key} 这个键：应写 {write}（可写的键：{keys}）",
    "pack.wrong-value": "{key} 写了 {found}，但它取{takes}",
    "pack.wrong-value-write": "{key} 写了 {found}，但它取{takes}：应写 {write}",
    "pack.wrong-value-unknown": "{key} 写了 {found}，不合规则文件的写法（见 docs/packs.md）",
    "pack.quoted-number": "{key} 写了 {found}，加了引号便是文字，但它取{takes}：应写 {write}，不加引号",
    "pack.time-none": (
        "time 应写 due、every_year、from 之一：每年判定写 {every_year: 2022}，到某年达成写 {due: 2025}，"
        "自某年起写 {from: 2022}"
    ),
    "pack.time-one-of": (
        "time 写了 {given}，只能写 due、every_year、from 之一：每年判定写 {{every_year: 2022}}，"
        "到某年达成写 {{due: 2025}}（之前按进度判定再加 linear: true）"
    ),
    "pack.time-linear": (
        "linear 只用于 due（到某年达成，之前按进度判定）：{given} 的规则每年判定，应删去 linear，"
        "或写 {{due: 2025, linear: true}}"
    ),
    "pack.target-between": (
        "op 为 between 时 value 写 [下限, 上限]，其他运算符（这里是 {op}）写一个数，如 value: 0.45"
    ),
    "pack.condition-one-of": "条件应写 value、other、year_plus、present 中的一个（且只写一个）",
    "pack.at-most-compare-to": "at_most 只用于与一个数比较的比率，与 compare_to 同用时应删去 at_most",
    "pack.compare-to-or-year-plus": "compare_to 与 year_plus 只能写一个",
    "pack.require-or-any-of": "require 与 any_of 应写一个（且只写一个）",
    "pack.rule-ids-not-linear": "rule_ids 不是能在线性时间内匹配规则 ID 的正则表达式：{reason}",
    "pack.or": "或",
    "pack.and": " 且",
    "pack.takes-int": "整数",
    "pack.bound-ge": "不小于 {n}",
    "pack.bound-gt": "大于 {n}",
    "pack.bound-le": "不大于 {n}",
    "pack.bound-lt": "小于 {n}",
    "pack.takes-bounded": "{bounds} 的{kind}",
    "pack.takes-rule-id": "形如 c16.secondary-funding 的规则 ID（小写字母与数字，条款与名称以点分开）",
    "pack.takes-pattern": "符合 {pattern} 的文字",
    "pack.takes-text-min": "至少 {n} 个字符的文字",
    "pack.takes-text-max": "至多 {n} 个字符的文字",
    "pack.takes-list-of": "列表 [ … ]，每项为{item}",
    "pack.takes-sum": "报表字段名（如 enrollment.secondary_vocational），或形如 {field: …, over: …} 的映射",
    "pack.takes-mapping": "形如 {example} 的映射",
    "pack.found-null": "空值",
    "pack.found-list": "{count} 项的列表",
    "pack.found-mapping": "含 {keys} 的映射",
    "pack.unknown-key-none": "没有 {key} 这个键：删去它，或改写为其中之一：{keys}",
    "pack.takes-date": "日期，如 2021-09-04",
    "pack.target-above-share": (
        "规则 {id} 的 target 写了 {found}，但它比较的是比率，至多为 {bound}（{why}）：{met}：{write}"
    ),
    "pack.never-met": "这个目标永远达不到",
    "pack.always-met": "这个目标永远达到",
    "pack.write-share": "写 {share} 表示 {percent}%",
    "pack.write-at-most": "应写不大于 {bound} 的数",
    "pack.why-at-most": "规则写了 at_most: {at_most}",
    "pack.why-part-of-whole": "分子各项都在分母中，部分不超过整体",
    "pack.why-every": "合格的学校、专业或条目所占比例",
}
