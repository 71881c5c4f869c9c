"""Words of the explanations and notices the engine writes.

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "engine.yes": "是",
    "engine.no": "否",
    "engine.practice-group": "第 {n} 组企业实践",
    # A figure with its unit (``count``: the figure as written; English says 1 person).
    "engine.unit-yuan": "{count} 元",
    "engine.unit-persons": "{count} 人",
    "engine.missing-data": "缺少数据：{what}",
    "engine.majors-not-in-sheet": (
        "{school}的开设专业（“专业”表中没有该校的行；该校没有专业时在“学校”表的“开设专业”填“无”）"
    ),
    "engine.enterprise-practice-not-in-sheet": (
        "{school}的企业实践（“企业实践”表中没有该校的行；该校没有时在“学校”表的“企业实践”填“无”）"
    ),
    "engine.field-absent": "未填写{field}",
    "engine.zero-denominator": "分母（{label}）为 0，无法计算比例",
    "engine.sum-units": "{count} 个单位{label}合计 {value}",
    # A sum over items, said by what the items are (kinds/total.py), else 条目 (entries). A practice group's
    # fields are named as the practice's (企业实践教师), so its groups are only 组.
    "engine.sum-items": "{count} 个条目的{label}合计 {value}",
    "engine.sum-over.schools": "{count} 所学校的{label}合计 {value}",
    "engine.sum-over.majors": "{count} 个专业的{label}合计 {value}",
    "engine.sum-over.enterprise_practice": "{count} 组{label}合计 {value}",
    "engine.sum-over.city.talent_allowances": "{count} 笔人才津贴的{label}合计 {value}",
    "engine.sum-over.city.park_funding": "{count} 个示范园区的{label}合计 {value}",
    "engine.and-more": "等（另 {count} 个）",
    "engine.above-range": "共 {count} 个，超过政策区间 {range} 的上限 {high}：如实报告，不判失败",
    "engine.distinct": "{items} 项中{field}不同的有 {count} 个，按 {count} 计",
    "engine.otherwise": "{count} 所学校未填{field}，以{otherwise}计",
    "engine.every": "{passed} / {total} 项达标 = {share}",
    "engine.none-matching": "没有符合条件的学校、专业或条目",
    "engine.covered": "已覆盖 {covered} / {total}",
    "engine.uncovered": "未覆盖：{values}",
    "engine.not-listed": "未填报",
    "engine.each": "均：{text}",
    "engine.paren": "（{text}）",
    "engine.when-not-met": "仅当 {rule} {statuses}时适用（本次{status}）",
    # The status of the rule a rule depends on, in words as the workbook shows statuses (render.status-*),
    # as the English says it: a clerk reads 未达标 where the table's column shows fail.
    "engine.when-or": "或",
    "engine.when-is.pass": "达标",
    "engine.when-is.fail": "未达标",
    "engine.when-is.warn": "预警",
    "engine.when-is.missing": "缺少数据",
    "engine.when-is.pending": "未到期",
    "engine.when-is.behind": "落后于线性进度",
    "engine.when-is.waived": "已豁免",
    "engine.when-is.not_applicable": "不适用",
    "engine.before-policy": "统计年度 {year} 早于政策发布（{issued}），所有规则均不适用",
    "engine.before-pack": "统计年度 {year} 早于{document}发布（{issued}），该文件的规则均不适用",
    "engine.after-plan": (
        "统计年度 {year} 晚于{document}的规划期（目标最晚 {due} 年到期）：目标到期后继续有效，仍按原目标判定"
    ),
    "engine.not-yet-applicable": "自 {start} 年起判定",
    "engine.retired": "判定至 {until} 年止（time 的 until）：{year} 年不再判定",
    "engine.retired-replaced": "判定至 {until} 年止（time 的 until）：{year} 年改由 {rule} 判定",
    "engine.schedule": "线性进度：{year} 年应达 {expected}（{due} 年目标 {target}）",
    # A miss within the tolerance band (targets.md: "20个左右", 18–19 warns).
    "engine.within-tolerance": "在 {target} 的 ±{tolerance} 以内（{edge}）：提醒",
    "engine.sum-fewest": "最少的 {count} 个单位：{units}",
    "engine.sum-most": "最多的 {count} 个单位：{units}",
    "engine.units-missing": "缺少单位：{units}",
    "engine.unit-other-year": "{unit}（其报表 {file} 为 {year} 年）",
    "engine.former-name": ("报表所填单位名称“{former}”是 {year} 年更名前的名称：按现名“{name}”显示和统计"),
    "engine.unit-differing": "{unit}（多份报表内容不同，都未计分）",
    "engine.unit-invalid": "{unit}（报表无效）",
    "engine.units-missing-met": "缺少单位：{units}（不影响结果：已达标，缺少的单位只会增加合计或计数）",
    "engine.units-missing-failed": "缺少单位：{units}（不影响结果：已有不达标项）",
    "engine.units-missing-beyond": (
        "缺少单位：{units}（不影响结果：比例不会超过 {most}，已有单位低于目标，"
        "缺少的单位无论填报什么都不能使其达标）"
    ),
    "engine.units-missing-city-block": "缺少单位：{units}（不影响结果：本规则只读市本级报表的 city: 项目）",
    "engine.met-without": "未填写：{what}；已给出的数字已达标，未填写的只会增加合计，不影响结果",
    "engine.city-not-evaluated": "{year} 年全市性指标未评估：输入中没有有效的{city}报表",
    # The roster lists the 市本级 as a unit that must file, and its report of the year is not there
    "engine.city-required": (
        "输入中没有{city} {year} 年的有效报表，而名册 {roster} 列有{city}：{year} 年全市性指标照常评估，"
        "{city}按缺少的单位计（只读其 city: 项目的规则为 missing）"
    ),
    "engine.city-not-evaluated-other-year": (
        "{year} 年全市性指标未评估：输入中没有{city} {year} 年的有效报表（其报表 {file} 为 {other} 年）"
    ),
    # A year only reports put among another year's give, the 市本级's among them (evaluate_city)
    "engine.city-stray-year": (
        "{year} 年全市性指标未评估：{city}的报表 {file} 写的是 {year} 年，却放在 {said} 年的报表中，"
        "{year} 年的报表都是这样放错的（多为去年的报表复制后没有改统计年度）；若它是 {said} 年的报表，"
        "请把统计年度改为 {said}"
    ),
    "engine.same-report": (
        "{unit} {year} 年的报表另有一份 {first}，两份内容相同（多为复制出的副本）：按 {first} 计分一次，"
        "本文件不重复计分；请删去多余的一份"
    ),
    "engine.differing-reports": (
        "{unit} {year} 年有 {count} 份报表，内容并不都相同：本文件和 {others}；"
        "不知道应以哪一份为准，都不计分：请确认保留哪一份，把其余的删去或移出目录"
    ),
    # A report whose path says another year, of the unit and year of one whose path does not (pathyear)
    "engine.set-aside-for-its-year": (
        "{unit} {year} 年的报表已有 {first}，按它计分；本文件也写的是 {year} 年，而“{part}”写的是 {said} 年"
        "（多为去年的报表复制后没有改统计年度）：本文件不计分；{advice}"
    ),
    "engine.set-aside-correct-year": "若它是 {said} 年的报表，请把 year: 改为 {said}",
    "engine.set-aside-correct-year-in-cell": "若它是 {said} 年的报表，请把统计年度改为 {said}",
    "engine.set-aside-remove": (
        "{unit} {said} 年也已有报表 {other}，本文件多为复制后留下的副本：请删去本文件，或把它移出要检查的目录"
        "（改了统计年度，{unit} {said} 年就有两份报表）"
    ),
    "engine.duplicate-of-invalid": (
        "{unit} {year} 年的报表重复：{first} 也是 {unit} {year} 年的报表（该文件无效）；"
        "请删去其中一份，本文件不计分"
    ),
}
