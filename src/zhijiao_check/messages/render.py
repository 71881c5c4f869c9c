"""Words of the CI and people outputs: JUnit, SARIF, GitHub annotations, Markdown,
HTML and the matrix view.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "render.city": ("全市", "City-wide"),
    "render.title": ("职业教育政策目标达标检查", "Vocational-education policy targets check"),
    "render.invalid-suite": ("无效报表 {file}", "invalid report {file}"),
    "render.invalid-title": ("无效报表（未计分）", "Invalid reports (not scored)"),
    "render.invalid-report": ("{file}：{count} 个问题", "{file}: problems: {count}"),
    "render.status-pass": ("达标", "met"),
    "render.status-fail": ("未达标", "not met"),
    "render.status-warn": ("预警（容差内或警告级规则）", "warning (within tolerance, or a warning rule)"),
    "render.status-missing": ("缺少数据", "data missing"),
    "render.status-pending": ("未到期", "not due yet"),
    "render.status-behind": ("未到期，落后于线性进度", "not due yet, behind the linear schedule"),
    "render.status-waived": ("已豁免（有批准的理由）", "waived (an approved reason)"),
    "render.waiver-note": (
        "已豁免（原为 {status}）：{reason}；批准：{approved_by}，{document}（{where}）",
        "waived (was {status}): {reason}; approved by {approved_by}, {document} ({where})",
    ),
    "render.waived-beside-score": ("另有 {count} 项已豁免，不计分", "{count} waived, left out of the score"),
    "render.invalid-rule": (
        "报表无效：格式不符合填报格式 v1（docs/report-format.md），未计分",
        "invalid report: not in report format v1 (docs/report-format.md), not scored",
    ),
    "render.status-not_applicable": ("不适用", "not applicable"),
    "render.status-none": ("该类单位无此规则", "no such rule for this kind of unit"),
    "render.legend": ("图例", "Legend"),
    "render.blank": ("空白", "blank"),
    "render.matrix-title": (
        "{year} 年 · 单位得分排名与达标矩阵",
        "{year} · units ranked by score, rule by rule",
    ),
    "render.matrix-rules": ("规则编号", "Rule numbers"),
    "render.rank": ("名次", "rank"),
    "render.unit": ("单位", "unit"),
    "render.score": ("得分", "score"),
    "render.city-score": ("全市性目标得分", "score of the city-wide targets"),
    "render.rule": ("规则", "rule"),
    "render.status": ("状态", "status"),
    "render.observed-target": ("实际 / 目标", "observed / target"),
    "render.explanation": ("计算与说明", "arithmetic and notes"),
    "render.more-items": ("另有 {count} 项未达标", "{count} more not met"),
    "render.passing": ("达标与不适用的规则（{count}）", "Rules met or not applicable ({count})"),
    "render.no-rules": ("本次没有需要判定的规则", "no rule was judged"),
    "render.report-title": ("{unit}（{kind}）· {year} 年", "{unit} ({kind}) · {year}"),
    "render.overview": (
        "{reports} 份报表 · {invalid} 份无效 · {failing} 项未通过 · 退出状态 {code}",
        "reports: {reports} · invalid: {invalid} · not passed: {failing} · exit status {code}",
    ),
    "render.exit-0": ("全部达标", "all targets met"),
    "render.exit-1": ("有目标未达标", "a target is not met"),
    "render.exit-2": ("有无效报表", "an invalid report"),
    "render.notices": ("说明", "Notes"),
    "render.invalid-annotation": ("无效报表", "invalid report"),
    "render.consistency-annotation": ("一致性提醒", "consistency warning"),
    # HTML
    "render.cards-units": ("个单位（{reports} 份报表）", "units ({reports} reports)"),
    "render.units-count": ("{count} 个单位", "units: {count}"),
    "render.cards-met": ("项目标达标（各单位各年合计）", "targets met (all units and years)"),
    "render.cards-not-met": ("项目标未达标或缺数据", "targets not met or data missing"),
    "render.cards-watch": ("项预警或落后于进度", "warnings or behind schedule"),
    "render.cards-pending": ("项未到期", "not due yet"),
    "render.page-number": (
        '"第 " counter(page) " 页，共 " counter(pages) " 页"',
        '"page " counter(page) " of " counter(pages)',
    ),
    "render.signoff-unit": ("填报单位（盖章）", "Reporting unit (seal)"),
    "render.signoff-reviewer": ("审核人", "Reviewed by"),
    "render.signoff-date": ("日期", "Date"),
    "render.cards-invalid": ("无效报表", "invalid reports"),
    "render.cards-city-score": ("{year} 年全市性目标得分", "{year} score of the city-wide targets"),
    "render.cards-exit": ("退出状态", "exit status"),
    "render.generated": (
        "{tool} {version} · 规则包 {pack}（{document}）",
        "{tool} {version} · rule pack {pack} ({document})",
    ),
    "render.bar-legend": (
        "进度条：实线为目标，虚线为当年线性进度；条的颜色即状态",
        (
            "Bars: the solid line is the target, the dashed line this year's linear schedule; the colour is "
            "the status"
        ),
    ),
    "render.due": ("{year} 年到期", "due {year}"),
    "render.every-year": ("每年判定", "judged every year"),
    "render.schedule": ("{year} 年线性进度 {value}", "linear schedule {year}: {value}"),
    "render.drilldown": ("各单位明细", "Unit by unit"),
    "render.clauses": ("政策条款原文", "The clauses quoted"),
    "render.clause": ("第 {clause} 条", "clause {clause}"),
    "render.responsible": ("责任单位", "responsible"),
    # Trends
    "render.trends-city": ("全市 · 历年趋势", "City-wide · trend by year"),
    "render.trends-unit": ("{unit} · 历年趋势", "{unit} · trend by year"),
    "render.trends-units": ("各单位历年趋势", "Trends unit by unit"),
    "render.trend-method": (
        (
            "预测：对各年实际值（数据完整的年份）作最小二乘直线拟合，至少两个年份，推算到期年份的值；"
            "预测仅供参考，不改变任何状态和退出状态"
        ),
        (
            "Projection: a least-squares line through each year's observed value (years with complete "
            "data, two at "
            "least), read at the due year; it is advice and never changes a status or the exit status"
        ),
    ),
    "render.trend-target": ("目标", "target"),
    "render.trend-projection": ("预测", "projection"),
    "render.trend-schedule": ("进度 {value}", "schedule {value}"),
    "render.on-track": ("按期可达", "on track"),
    "render.off-track": ("按期难达", "off track"),
    "render.projection": (
        "{first}–{last} 年拟合：每年 {slope}，{due} 年预计 {projected}（目标 {target}）；按当前速度，{meets}",
        (
            "fitted {first}–{last}: {slope} a year, {projected} projected for {due} (target {target}); at "
            "this pace {meets}"
        ),
    ),
    "render.meets-in": ("{year} 年起达标", "met from {year}"),
    "render.meets-never": ("无法达标", "never met"),
    "render.percentage-points": ("{value} 个百分点", "{value} percentage points"),
    "render.no-projection-no-due": ("无到期年份，逐年判定", "no due year: judged every year"),
    "render.no-projection-not-a-number": ("是否类目标，不作预测", "a yes/no target: no projection"),
    "render.no-projection-target-not-fixed": (
        "目标不是固定数值，不作预测",
        "the target is not a fixed number: no projection",
    ),
    "render.no-projection-due-passed": (
        "已过到期年份，以各年状态为准",
        "due year passed: the yearly statuses judge it",
    ),
    "render.no-projection-too-few-years": (
        "数据完整的年份不足两个，不作预测",
        "fewer than two years with complete data: no projection",
    ),
    "render.chart-legend": (
        "图：圆点为各年实际值（颜色即状态），实线为目标，细线为线性进度，虚线为预测",
        (
            "Charts: dots are each year's observed value (the colour is the status), the solid line the "
            "target, the thin "
            "line the linear schedule, the dashed line the projection"
        ),
    ),
}
