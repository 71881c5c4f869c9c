"""Problems in a rule pack (for the people who write rule files).

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "pack.duplicate-rule": "规则 ID {id} 重复，首次出现在 {first}",
    "pack.rule-id-in-two-packs": (
        "规则 ID {id} 已是规则包 {other} 的规则（{first}）：应改为本规则包的另一个 ID（符合 {pattern}）；"
        "若本规则包是要整个替换 {other}，则在其 pack.yaml 中写 id: {other}"
    ),
    "pack.quote-not-verbatim": (
        "规则 {id} 的 quote 在政策原文中找不到（须是正文一段、一个表格单元格或列表项之内的原话，"
        "不含 Markdown 标记与 --- 线后的说明；按 NFKC、去空白比较）：{quote}"
    ),
    "pack.quote-not-verbatim-near": (
        "规则 {id} 的 quote 在政策原文中找不到（须是正文一段、一个表格单元格或列表项之内的原话，"
        "不含 Markdown 标记与 --- 线后的说明；按 NFKC、去空白比较）：{quote}；"
        "最接近的是 {at} 的“{near}”：应写 quote: {write}"
    ),
    "pack.when-unknown-rule": (
        "规则 {id} 的 when 引用了 {rule}，它须是更早的规则（本规则包中更靠前，或先加载的规则包中）"
    ),
    "pack.rule-id-pattern": "规则 ID {id} 不符合本规则包 pack.yaml 中 rule_ids 的格式 {pattern}{hint}",
    "pack.id-write": "：应写如 id: {write}",
    "pack.clause-entry-flow": "一项 - {{number: {number}, title: {{zh: …, en: …}}}}",
    "pack.clause-entry-block": "一项 - number: {number}，其下一行写 title: {{zh: …, en: …}}",
    "pack.year-before-issue": "规则 {id} 的年份 {year} 早于政策发布日期 {issued}（pack.yaml 中的 issued）",
    "pack.city-field-units": (
        "规则 {id} 读取的 {field} 是市本级项目（city:），只在市本级（类别 city）的报表中填写，"
        "但本规则的 units 是 {units}，不含 city：这些单位的报表没有它，每个单位都会是 missing 或不达标；"
        "要按市本级报表判定全市，写 scope: city 并删去 units，"
        "否则改读这些单位报表中的字段（见 zhijiao-check schema）"
    ),
    "pack.unknown-field": "规则 {id} 读取的字段 {field} 不是{place}的字段：{hint}",
    "pack.policy-missing": (
        "找不到政策原文 {policy}：规则的 quote 要在原文中核对，待它就位后再检查"
        "（pack.yaml 的 policy: 写它的路径）"
    ),
    "pack.rules-wait-for-pack-file": (
        "pack.yaml 有误，改正前不检查规则的 quote（在它指定的政策原文中核对）、clause、annex、编号和年份"
        "（与它的 issued 比较）；规则的字段和取值照常检查"
    ),
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
    "pack.too-many-digits": (
        "规则 {id} 的 {key} 写的数整数部分超过 {digits} 位，没有报表的数字能与之比较："
        "请写不超过 {digits} 位的数"
    ),
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
        "未列出的条款在 coverage 中看不到；应在 {at} 的 clauses 中加上{entry}（标题照政策原文写）；"
        "若它是另一份文件（修订、补充通知）的条款，应另建一个规则包"
        "（见 docs/packs.md“An amendment: a pack of its own”）"
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
        "自某年起写 {from: 2022}（到某年止再加 until: 最后适用的年份）"
    ),
    "pack.time-one-of": (
        "time 写了 {given}，只能写 due、every_year、from 之一：每年判定写 {{every_year: 2022}}，"
        "到某年达成写 {{due: 2025}}（之前按进度判定再加 linear: true）；只有 from 可与 due 同写："
        "{{from: 2024, due: 2025}}，2024 年前不适用"
    ),
    "pack.time-linear": (
        "linear 只用于 due（到某年达成，之前按进度判定）：{given} 的规则每年判定，应删去 linear，"
        "或写 {{due: 2025, linear: true}}"
    ),
    "pack.time-from-after-due": (
        "from {start} 晚于 due {due}：自 {start} 年起判定的规则从那年起就判定达标与否；"
        "应写不晚于 {due} 的 from，或只写 from"
    ),
    "pack.time-until-before-start": (
        "until {until} 早于 {key} {start}：规则在任何年份都不适用；应写 until: {start} 或更晚（until 是规则"
        "适用的最后一个统计年度）"
    ),
    "pack.time-replaced-needs-until": (
        "replaced_by: {rule} 需与 until 同写：until 是本规则适用的最后一年，此后由 {rule} 判定；应在旁边写 "
        "until: 年份"
    ),
    "pack.until-before-issue": (
        "规则 {id} 写了 until: {until}，早于政策发布的 {issued_year} 年（{issued}，pack.yaml 中的 issued）："
        "规则在任何年份都不适用；应写 until: {issued_year} 或更晚，或删去这条规则"
    ),
    "pack.replaced-by-unknown": (
        "规则 {id} 写了 replaced_by: {rule}，所加载的规则包中没有这条规则："
        "应写 {until} 年后接替它的规则的编号{near}"
    ),
    "pack.replaced-by-self": (
        "规则 {id} 写了 replaced_by: {rule}，即它自己：一条规则不能接替它自己；应写 {until} 年后接替它的"
        "另一条规则的编号，没有接替的规则就去掉 replaced_by"
    ),
    "pack.replaced-by-near": "（是否 {rule}？）",
    "pack.replaced-by-start": (
        "规则 {id} 判定至 {until} 年止，由 {rule} 接替，但 {rule} 自 {start} 年起判定：应在 {rule} 的 time 中"
        "写 from: {next}，使每一年都由两者之一判定"
    ),
    "pack.replaced-by-no-start": (
        "规则 {id} 判定至 {until} 年止，由 {rule} 接替，但 {rule} 的 time 没有 from，自政策发布起每年都判定，"
        "{until} 年及以前也判定：应在 {rule} 的 time 中写 from: {next}"
    ),
    "pack.time-replaces-needs-from": (
        "replaces: {rule} 需与 from（或 every_year）同写：那是本规则接替 {rule} 的第一年，"
        "{rule} 判定至前一年止；应在旁边写 from: 年份"
    ),
    "pack.replaces-unknown": (
        "规则 {id} 写了 replaces: {rule}，所加载的规则包中没有这条规则：应写 {start} 年起由本规则接替的"
        "另一个规则包的规则编号{near}"
    ),
    "pack.replaces-self": (
        "规则 {id} 写了 replaces: {rule}，即它自己：一条规则不能接替它自己；应写 {start} 年起由它接替的"
        "另一个规则包的规则编号，没有就去掉 replaces"
    ),
    "pack.replaces-own-pack": (
        "规则 {id} 写了 replaces: {rule}，但 {rule} 是同一规则包（{pack}，{at}）的规则："
        "同一规则包内应在 {rule} 的 time 中写 until: {until}, replaced_by: {id}，并去掉 replaces"
        "（replaces 用于修订规则包接替另一个规则包的规则）"
    ),
    "pack.replaces-already-replaced": (
        "规则 {id} 写了 replaces: {rule}，但 {rule}（{pack}，{at}）已写明判定至 {last} 年止、"
        "由 {other} 接替：一条规则只能由一条规则接替；应去掉 replaces，或改写 {rule} 的 until 和 replaced_by"
    ),
    "pack.replaces-twice": (
        "规则 {id} 写了 replaces: {rule}，但 {other}（{other_at}）已接替 {rule}：一条规则只能由一条规则接替；"
        "应去掉其中一个 replaces，或让 {id} 写 replaces: {other}，在 {other} 之后接替"
    ),
    "pack.replaces-year-early": (
        "规则 {id} 自 {start} 年起接替 {rule}，但 {rule}（{pack}，{at}）自 {first} 年起才判定，接替后它在任何"
        "年份都不判定：应写 from: {low} 或更晚；若 {rule} 一年也不判定，应去掉 replaces，"
        "用 --ignore {rule} 排除它"
    ),
    "pack.replaces-year-late": (
        "规则 {id} 自 {start} 年起接替 {rule}，但 {rule}（{pack}，{at}）所在规划的目标到 {last} 年止，"
        "{start} 在规划之外：应写 from: {low} 到 {high} 之间的年份"
    ),
    "pack.replaces-year-late-until": (
        "规则 {id} 自 {start} 年起接替 {rule}，但 {rule}（{pack}，{at}）判定至 {last} 年止（time 的 until），"
        "其间的年份两者都不判定：应写 from: {low} 到 {high} 之间的年份"
    ),
    # pack.yaml 的 retires：另一个规则包的规则自某年起不再判定，没有规则接替（``pack.replaces``）
    "pack.retires-unknown": (
        "retires 写了 {rule}，所加载的规则包中没有这条规则：应写 {start} 年起不再判定的"
        "另一个规则包的规则编号{near}"
    ),
    "pack.retires-own-pack": (
        "retires 写了 {rule}，但它是本规则包（{at}）的规则：应在 {rule} 的 time 中写 until: {until}，"
        "并去掉这一项（retires 用于修订规则包结束另一个规则包的规则）"
    ),
    "pack.retires-already-replaced": (
        "retires 写了 {rule}，但 {rule}（{pack}，{at}）已写明判定至 {last} 年止、由 {other} 接替："
        "应去掉这一项，或改写 {rule} 的 until 和 replaced_by"
    ),
    "pack.retires-twice": (
        "retires 写了 {rule}，但 {other_at} 已结束 {rule}：一条规则只能结束一次；应去掉其中一处"
    ),
    "pack.retires-year-early": (
        "retires 自 {start} 年起结束 {rule}，但 {rule}（{pack}，{at}）自 {first} 年起才判定，结束后它在任何"
        "年份都不判定：应写 from: {low} 或更晚；若 {rule} 一年也不判定，应去掉这一项，"
        "用 --ignore {rule} 排除它"
    ),
    "pack.retires-year-late": (
        "retires 自 {start} 年起结束 {rule}，但 {rule}（{pack}，{at}）所在规划的目标到 {last} 年止，"
        "{start} 在规划之外：应写 from: {low} 到 {high} 之间的年份"
    ),
    "pack.retires-year-late-until": (
        "retires 自 {start} 年起结束 {rule}，但 {rule}（{pack}，{at}）已判定至 {last} 年止（time 的 until）："
        "应写 from: {low} 到 {high} 之间的年份，或去掉这一项"
    ),
    "pack.target-between": "op 为 between 时 value 写两个数 [下限, 上限]，如 value: [1, 2]",
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
    "pack.target-backwards": (
        "between 的 value 写了 [{low}, {high}]，下限大于上限，没有数落在其间（每份报表都不达标）："
        "应写 [{high}, {low}]"
    ),
    "pack.units-city": (
        "规则 {id} 是全市规则（scope: city），合计当年全部单位的报表，units 对它不起作用"
        "（写了 units: {units}）：应删去 units；要逐个检查这些单位，写 scope: unit"
    ),
    "pack.by-unit-not-city": (
        "规则 {id} 写了 by_unit，它只用于全市规则（在全市的比例下列出各单位自己的比例）；"
        "本规则是 scope: {scope}，按每个单位的报表判定，只有本单位一个比例：应删去 by_unit"
    ),
    "pack.school-scope-kind": (
        "规则 {id} 写了 scope: school，但 {kind} 规则对每个单位的报表只算一个值，不逐一判定学校或专业："
        "应写 scope: unit（逐一判定每所学校或每个专业用 kind: every，"
        "over: schools、majors 或 enterprise_practice）"
    ),
    "pack.school-scope-over": (
        "规则 {id} 写了 scope: school，但它逐一判定的是 {over} 的条目，不是学校或专业：应写 scope: unit"
    ),
    "pack.linear-not-number": (
        "规则 {id} 写了 linear: true，但{why}：linear 把目标的数从 schedule_base 起按年份分摊到 due 年，"
        "应删去 linear（due 年前已达到即 pass，未达到为 pending）"
    ),
    "pack.linear-flag": "它是 flag 规则，目标是“是”，没有中间的进度",
    "pack.linear-computed": "目标由 compare_to 或 year_plus 逐年算出，不是一个可分摊的数",
    "pack.linear-range": "目标是区间 [{low}, {high}]，不是一个可分摊的数",
    "pack.target-above-required": (
        "规则 {id} 的 target 写了 {found}，但 required 只列了 {count} 个值，覆盖的个数至多为 {count}：{met}："
        "应写不大于 {count} 的数（都须覆盖写 {count}）"
    ),
    "pack.quote-other-clause": (
        "规则 {id} 的 quote 不在第{clause}条的原文中，而在第{found}条："
        "应写 clause: {write}，或摘录第{clause}条的原文"
    ),
    "pack.quote-outside-clauses": (
        "规则 {id} 的 quote 不在第{clause}条的原文中，也不在其他条款中（在序言、附件等条款之外）："
        "应摘录第{clause}条原文中的一句"
    ),
    "pack.quote-outside-clauses-near": (
        "规则 {id} 的 quote 不在第{clause}条的原文中，也不在其他条款中（在序言、附件等条款之外）："
        "应摘录第{clause}条原文中的一句；其中最接近的是 {at} 的“{near}”：应写 quote: {write}"
    ),
    "pack.unknown-annex": (
        "规则 {id} 的 annex {item} 不在 pack.yaml 的 annex 中（工作任务清单列有第 {items} 项）：应写其中一项"
    ),
    "pack.no-annex": (
        "规则 {id} 写了 annex {item}，但 pack.yaml 没有列出 annex（工作任务清单的各项及其服务的条款）："
        "应在 pack.yaml 中列出，或删去 annex"
    ),
    "pack.clause-not-in-policy": (
        "clauses 列有第 {clause} 条，但政策原文 {policy} 没有“第{clause}条”的标题（有第 {found} 条）："
        "应写原文中的条款号"
    ),
    "pack.annex-unknown-clause": (
        "annex 第 {item} 项列了第 {clause} 条，但 clauses 中没有这一条（列有 {clauses}）：应写其中的条款号"
    ),
    "pack.when-other-scope": (
        "规则 {id} 的 when 引用了 {rule}，但 {rule} 按{theirs}判定，本规则按{own}判定："
        "when 引用的规则须对同一单位判定，否则条件总读作 not_applicable，本规则从不适用："
        "应引用同样按{own}判定的规则，或删去 when"
    ),
    "pack.when-other-units": (
        "规则 {id} 的 when 引用了 {rule}，但 {rule} 只检查 units: {theirs} 的报表，不检查 {kinds}："
        "在这些报表上条件总读作 not_applicable，本规则从不适用：应写 {write}"
    ),
    "pack.judged-city": "全市（当年全部报表）",
    "pack.judged-report": "每个单位的报表",
    "pack.write-when-rule": "引用检查这些单位的规则，或删去 when",
    "pack.fullwidth-comma-list": (
        "这里用了中文全角逗号“，”分隔列表项，YAML 把两边读作一项：[…] 中的各项之间应写英文逗号加空格“, ”"
        "（逗号确是文字的一部分时，给这一项加引号）"
    ),
    "pack.number-as-text": "{key} 写了 {found}，{why}，但它取{takes}：应写 {write}",
    "pack.value-number-as-text": "规则 {id} 的条件写了 {found}，{why}，但 {field} 只取{takes}：应写 {write}",
    "pack.read-as-text-exponent": "YAML 把它读作文字（科学记数法要有小数点和指数的正负号才是数，如 2.5e+4）",
    "pack.read-as-text-full-width": "YAML 把它读作文字（全角数字不是数）",
    "pack.read-as-text-percent": "YAML 把它读作文字（百分数不是数：比例写成小数）",
    "pack.read-as-text-wan": "YAML 把它读作文字（“万”不是数）",
    "pack.read-as-text-grouped": "YAML 把它读作文字（数中不能有千位分隔的逗号）",
    "pack.place-report": "报表格式中",
    "pack.place-items": " {over} 中各项",
    "pack.hint-schema": "可读取的字段见 zhijiao-check schema",
    "pack.hint-write": "应写 {write}",
    "pack.hint-close": "应写其中之一（最相近的在前）：{close}",
    "pack.hint-over": "{field} 是 {over} 中各项的字段，逐项合计应写 {write}",
    "pack.hint-school": "{field} 是 {over} 中各项所属学校的字段，应写 {write}",
    "pack.hint-collections": "over 可写 {collections}",
    "pack.sum-collection": (
        "规则 {id} 合计 {field}，但它是一组项（每项有自己的字段），不是数：应写 {write}，"
        "field 取各项中能合计的字段之一：{fields}"
    ),
    "pack.takes-items": "一组项（每项有自己的字段）",
    "pack.key-of-other-kinds": (
        "没有 {key} 这个键：{meant} 只用于 {kinds} 规则，{kind} 规则不能写它（可写的键：{keys}）"
    ),
    "pack.target-one-value": (
        "op 为 {op} 时 value 写一个数，如 value: 0.45；两个数 [下限, 上限] 只用于 op: between"
    ),
    "pack.unit-listed-twice": "单位“{name}”在 units 中列了两次（第一次在第 {first} 行）：删除其中一项",
    "pack.merged-still-listed": (
        "“{name}”已并入其他单位，仍列在 units 中（第 {first} 行）：从 units 删除它，"
        "merged 中的这一项保留它合并前的年份"
    ),
    "pack.merged-twice": "“{name}”在 merged 中列了两次（第一次在第 {first} 行）：删除其中一项",
    "pack.merged-into-unknown": (
        "并入的单位“{into}”既不在 units 中，也不在 merged 中：into 须是名单中的单位，"
        "或 merged 中随后又并入其他单位的单位，是否应为“{nearest}”？"
    ),
    "pack.merged-into-itself": "“{name}”不能并入它自己：into 写它并入的单位",
    "pack.renamed-old-listed": (
        "旧名称“{old}”仍是名单中的单位（第 {first} 行）：更名后旧名称不再是单位，从 units 删除它，"
        "或并入其他单位时写在 merged 中"
    ),
    "pack.renamed-twice": "旧名称“{old}”在 renamed 中列了两次（第一次在第 {first} 行）：删除其中一项",
    "pack.renamed-to-itself": "“{old}”更名为它自己：new 写更名后的名称",
    "pack.renamed-new-unknown": (
        "更名后的名称“{new}”不在 units 中：new 须是名单中的单位，是否应为“{nearest}”？"
        "（一个单位并入另一个单位时写在 merged 中）"
    ),
    "pack.unit-since-year": "年份 {year} 不在 {low}–{high} 之间：since 写单位设立（开始填报）的四位年份",
    "pack.unit-code-twice": (
        "代码 {code} 已是“{first}”的代码（第 {line} 行），“{name}”不能再用：每个单位的代码各不相同，"
        "报表按代码找到它的单位；请改正其中一个"
    ),
    "pack.merged-since-late": (
        "“{name}”{since} 年设立，却在 {year} 年并入其他单位：since 须早于 year，它单独填报的是 since 到 "
        "year 前一年的报表；请改正其中一个年份（自计划开始就有的单位不写 since）"
    ),
    "pack.merged-into-not-yet": (
        "“{name}”于 {year} 年并入“{into}”，但“{into}”{since} 年才设立（第 {line} 行）：并入的单位须在并入"
        "那年已设立；请写 year: {since} 或更晚，或把“{into}”的 since 改为 {year} 或更早"
    ),
    "pack.merged-into-merged-away": (
        "“{name}”于 {year} 年并入“{into}”，但“{into}”已于 {then} 年并入“{holder}”（第 {line} 行），"
        "{then} 年起不再是单独的单位：请写 {then} 年以前的 year，或写 into: {holder}"
    ),
    "pack.renamed-not-yet": (
        "“{old}”于 {year} 年更名为“{new}”，但“{new}”{since} 年才设立（第 {line} 行）：旧名称是更名前那些年"
        "的名称，since 须早于 year；请改正其中一个年份（自计划开始就有的单位不写 since）"
    ),
    "pack.renamed-after-merger": (
        "“{old}”于 {year} 年更名为“{new}”，但“{new}”已于 {then} 年并入“{holder}”（第 {line} 行），"
        "{then} 年起不再是单独的单位：更名须在并入之前；请写 year: {then} 或更早"
    ),
    "pack.merged-in-a-cycle": (
        "“{name}”的合并成环（{cycle}）：沿 into 最终须到达 units 中的单位，改正其中一项"
    ),
    "pack.unit-change-year": "年份 {year} 不在 {low}–{high} 之间：写更名或合并起始的四位年份",
    "pack.units-entry-unknown-key": (
        "{listed} 的这一项没有 {key} 这个键（可写的有 {keys}）：是否应为 {nearest}？"
    ),
    "pack.units-unknown-key": "单位名单中没有 {key} 这一项（可写的有 {keys}）：是否应为 {nearest}？",
    "pack.units-unknown-key-none": "单位名单中没有 {key} 这一项：删去它，或改写为其中之一：{keys}",
    "pack.units-entry-unknown-key-none": (
        "{listed} 的这一项没有 {key} 这个键：删去它，或改写为其中之一：{keys}"
    ),
    "pack.units-missing": "规则包缺少单位名单 {units}（pack.yaml 未写 units: 时读 units.yaml）：{need}",
    "pack.units-missing-named": "单位名单 {units} 不存在：请改正文件名，或写出这个文件；{need}",
    "pack.units-needed": (
        "每个规则包都须有单位名单，因为任一规则包都可作主规则包（--pack），报表按主规则包的单位名单检查；"
        "经 --rules 加入、ID 与主规则包不同的规则包，其单位名单只检查、不使用：可复制主规则包的 units.yaml"
    ),
    "pack.expected-max-below": (
        "expected_max 写了 {found}，低于目标 {value}：expected_max 是政策所列区间的上限"
        "（“1-2所”写 value: 1, expected_max: 2），达到目标的数会被报作超出区间：应写不小于 {value} 的数，"
        "或删去 expected_max"
    ),
    "pack.units-empty": (
        "规则 {id} 的 units 是空列表：它不检查任何单位的报表，从不适用："
        "应列出要检查的单位类别，如 units: [county]，或删去 units（检查全部类别）"
    ),
    "pack.when-status-empty": (
        "规则 {id} 的 when 的 status 是空列表：条件从不成立，本规则从不适用："
        "应列出 {rule} 的哪些状态使本规则适用，如 status: [fail]，或删去 when"
    ),
    "pack.sum-empty": (
        "规则 {id} 的 {key} 是空列表，合计为 0：{why}：应列出要合计的字段（至少一项），"
        "如 {key}: [enrollment.secondary_vocational] 或 {key}: [{{over: schools, field: students}}]"
    ),
    "pack.sum-empty-numerator": "分子为 0，比率恒为 0",
    "pack.sum-empty-denominator": "分母为 0，规则对每个单位都读作 not_applicable，不达标的单位也不判 fail",
    "pack.sum-term-twice": (
        "规则 {id} 的 {key} 写了两次 {term}（首次在 {first}）：合计时它的数计了两次：应删去这一项"
    ),
    "pack.annex-item-twice": (
        "annex 第 {item} 项写了两次（首次在 {first}）：规则按项号只读第一次写的 clauses："
        "应把它服务的条款并入那一项并删去这一项，或改正项号"
    ),
    "pack.values-joined": (
        "{key} 写了 {found}，是用逗号连成一项的 {count} 个值（{values}）：应写成 {count} 项：{write}"
    ),
    "pack.expected-max-kind": (
        "规则 {id} 是 {kind} 规则，target 写了 expected_max: {found}，但它对 {kind} 规则不起作用"
        "（超出的数既不报出，也不判为不达标）：expected_max 只用于 {kinds} 规则，是政策所列区间的上限"
        "（“1-2所”写 value: 1, expected_max: 2）：应删去 expected_max"
    ),
    "pack.sum-needs-over": (
        "规则 {id} 的求和项 {term} 写了 {key}，但没有 over：不写 over 时合计的是报表字段本身，"
        "{key} 只在对某个集合的条目求和时才读，这里不起作用：应写 {write}（over 为条目有这些字段的集合），"
        "或删去 {key}"
    ),
    "pack.target-above-one": (
        "规则 {id} 的 target 写了 {found}，但 unit: ratio 的比率是占比，按百分比比较和显示，"
        "{found} 即 {percent}：{write}；若确指倍数（如每个原有学位对应 1.5 个新增学位），"
        "写 unit: count，按数比较和显示"
    ),
    "pack.write-fraction": "应把占比写成不大于 1 的小数（45% 写 0.45）",
    "pack.condition-values-joined": (
        "规则 {id}：{field} {op} {found} 把 {count} 个值连成了一个（{values}），而每个 {op} 只比较一个值，"
        "不会取最接近的那个：{write}"
    ),
    "pack.joined-write-others": "要取其中任一个，写不等于其余各值的条件（同一列表中的条件须都成立）：{write}",
    "pack.joined-write-present": "这些是 {field} 的全部值，要取其中任一个，写 {write}（给出了 {field} 即可）",
    "pack.joined-write-each": "要排除其中每一个，每个值写一个条件（同一列表中的条件须都成立）：{write}",
    "pack.schedule-base-not-before-due": (
        "schedule_base {base} 不早于规则 {id} 的 due {due}（{rule}）{others}：linear 进度是"
        "目标 ×（年份 − schedule_base）/（due − schedule_base），从 due 年之前的一年起增长，"
        "schedule_base 须早于每条 linear 规则的 due 年：应写 {write}（发文前一年，也是不写时的默认值）"
    ),
    "pack.schedule-others": "（另有 {count} 条 linear 规则也是如此）",
    "pack.schedule-base-after-issue": (
        "schedule_base {base} 晚于发文年 {issued}：linear 规则（如 {id}）自 {issued} 年起判定，"
        "{base} 年之前的进度（目标 ×（年份 − schedule_base）/（due − schedule_base））小于 0："
        "schedule_base 不能晚于发文年，应写 {write}（发文前一年，也是不写时的默认值）"
    ),
}
