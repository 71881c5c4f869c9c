"""Words of ``rules``, ``explain`` and ``coverage``.

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "catalogue.due": "到 {year} 年",  # 到2023年, as the policy says; judged from that year on
    "catalogue.due-linear": "到 {year} 年（线性进度）",
    "catalogue.every-year": "每年（自 {year} 年）",
    "catalogue.from": "自 {year} 年起",
    "catalogue.from-due": "自 {start} 年起，到 {year} 年",
    "catalogue.from-due-linear": "自 {start} 年起，到 {year} 年（线性进度）",
    "catalogue.until": "{time}，至 {until} 年止",  # 统计年度 until 后不再适用
    "catalogue.until-replaced": "{time}，至 {until} 年止（此后由 {rule} 判定）",
    "catalogue.replaces": "{time}，接替 {rule}",  # time 的 replaces：另一规则包的规则判定至前一年止
    "catalogue.col-id": "规则",
    "catalogue.col-clause": "条",
    "catalogue.col-scope": "范围",
    "catalogue.col-time": "时间",
    "catalogue.col-title": "标题",
    "catalogue.col-rules": "规则",
    "catalogue.scope-unit": "单位",
    "catalogue.scope-school": "学校/专业",
    "catalogue.scope-city": "全市",
    "catalogue.count": "共 {count} 条规则",
    "catalogue.clause": "条款",
    "catalogue.clause-n": "第{n}条",
    # a clause by its title (in English, with the policy's own words beside it)
    "catalogue.clause-titled": "{clause} {title}",
    "catalogue.quote": "原文",
    "catalogue.scope": "范围",
    "catalogue.kind": "规则类型",
    "catalogue.reads": "读取字段",
    "catalogue.target": "目标",
    "catalogue.time": "时间",
    "catalogue.severity": "严重程度",
    "catalogue.weight": "权重",
    "catalogue.responsible": "责任单位",
    "catalogue.annex": "工作任务清单第{n}项",
    "catalogue.when": "适用条件",
    "catalogue.interpretation": "解读",
    "catalogue.unit-county": "县市区",
    "catalogue.unit-management_area": "管理区",
    "catalogue.unit-development_zone": "经开区",
    "catalogue.unit-city": "市本级",
    "catalogue.kind-ratio": "比例（Σ分子 / Σ分母）",
    "catalogue.kind-total": "数值或合计",
    "catalogue.kind-count": "计数",
    "catalogue.kind-flag": "是否（须为“是”）",
    "catalogue.kind-every": "逐项检查（每一项都须达标）",
    "catalogue.kind-coverage": "覆盖（每个规定的值都须出现）",
    "catalogue.or-else": "{field}，未填则 {other}",
    "catalogue.present": "已填写{field}",
    "catalogue.absent": "未填写{field}",
    "catalogue.contains": "含",
    "catalogue.year-plus": "统计年度{n}",
    "catalogue.flag-true": "= 是",
    "catalogue.every-item": "每一项：{test}",
    "catalogue.or": "，或 ",
    "catalogue.where": "只查 {test} 的项",
    "catalogue.ratio-of": "{top} 占 {bottom} 的比例",
    "catalogue.coverage": "{values} 都须覆盖（{text}）",
    "catalogue.coverage-some": "{values} 中覆盖的个数须 {text}",
    "catalogue.tolerance": "；低于目标但不低于 {low} 判“提醒”（warn），即“{target}左右”",
    "catalogue.expected-max": "；政策区间上限为 {high}，超过如实报告、不判失败",
    "catalogue.schedule": "线性进度",
    "catalogue.formula": "应达值 = {target} × (年份 − {base}) / ({due} − {base})：{years}",
    "catalogue.year-value": "{year} 年 {value}",
    "catalogue.severity-error": "错误（未达标即失败）",
    "catalogue.severity-warning": "警告（未达标只提醒）",
    "catalogue.borrowed": "（责任单位取自第{clauses}条的工作任务清单第{item}项）",
    "catalogue.rules-page": "zhijiao-check 的规则",
    "catalogue.rules-page-generated": (
        "由 `zhijiao-check rules --format markdown --lang en > docs/rules.md` 生成，请勿手工编辑；"
        + "每条规则一个锚点（`#规则ID`），SARIF 的 `helpUri` 指向这里。"
    ),
    "catalogue.untranscribed": "未转录：{reason}",
}
