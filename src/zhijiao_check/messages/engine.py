"""Words of the explanations and notices the engine writes."""

MESSAGES: dict[str, tuple[str, str]] = {
    "engine.yes": ("是", "yes"),
    "engine.no": ("否", "no"),
    "engine.unit-yuan": (" 元", " yuan"),
    "engine.unit-persons": (" 人", " persons"),
    "engine.missing-data": ("缺少数据：{what}", "data missing: {what}"),
    "engine.field-absent": ("未填写{field}", "{field} not given"),
    "engine.zero-denominator": (
        "分母（{label}）为 0，无法计算比例",
        "the denominator ({label}) is 0: no ratio",
    ),
    "engine.sum-units": ("{count} 个单位{label}合计 {value}", "{label} of {count} units = {value}"),
    "engine.sum-items": ("{count} 项{label}合计 {value}", "{label} of {count} entries = {value}"),
    "engine.and-more": ("等（另 {count} 个）", " and {count} more"),
    "engine.above-range": (
        "共 {count} 个，超过政策区间 {range} 的上限 {high}：如实报告，不判失败",
        "{count} is above the policy's range {range} (top {high}): reported, not failed",
    ),
    "engine.distinct": (
        "{items} 项中{field}不同的有 {count} 个，按 {count} 计",
        "{items} entries, {count} different by {field}: counted as {count}",
    ),
    "engine.otherwise": (
        "{count} 所学校未填{field}，以{otherwise}计",
        "{count} schools give no {field}: their {otherwise} is counted instead",
    ),
    "engine.every": ("{passed} / {total} 项达标 = {share}", "{passed} of {total} pass = {share}"),
    "engine.none-matching": ("没有符合条件的学校、专业或条目", "no matching school, major or entry"),
    "engine.covered": ("已覆盖 {covered} / {total}", "{covered} of {total} covered"),
    "engine.uncovered": ("未覆盖：{values}", "not covered: {values}"),
    "engine.not-listed": ("未填报", "not in any report"),
    "engine.paren": ("（{text}）", " ({text})"),
    "engine.when-not-met": (
        "仅当 {rule} 为 {statuses} 时适用（本次为 {status}）",
        "applies only when {rule} is {statuses} (it is {status})",
    ),
    "engine.before-policy": (
        "统计年度 {year} 早于政策发布（{issued}），所有规则均不适用",
        "the year {year} is before the policy was issued ({issued}): no rule applies",
    ),
    "engine.not-yet-applicable": ("自 {start} 年起判定", "judged from {start}"),
    "engine.schedule": (
        "线性进度：{year} 年应达 {expected}（{due} 年目标 {target}）",
        "linear schedule: {expected} expected in {year} ({target} due {due})",
    ),
    "engine.units-missing": ("缺少单位：{units}", "units missing: {units}"),
    "engine.units-missing-met": (
        "缺少单位：{units}（不影响结果：已达标，缺少的单位只会增加合计或计数）",
        "units missing: {units} (they cannot change the outcome: the target is met, and they could only add)",
    ),
    "engine.units-missing-failed": (
        "缺少单位：{units}（不影响结果：已有不达标项）",
        "units missing: {units} (they cannot change the outcome: an item already fails)",
    ),
    "engine.units-missing-city-block": (
        "缺少单位：{units}（不影响结果：本规则只读市本级报表的 city: 项目）",
        (
            "units missing: {units} (they do not change the outcome: this rule reads only the 市本级 city: "
            "block)"
        ),
    ),
    "engine.met-without": (
        "未填写：{what}；已给出的数字已达标，未填写的只会增加合计，不影响结果",
        (
            "not given: {what}; the figures given already meet the target, and those not given could only "
            "add to them"
        ),
    ),
    "engine.city-not-evaluated": (
        "{year} 年全市性指标未评估：输入中没有有效的{city}报表",
        "city-wide targets for {year} not evaluated: no valid {city} report among the inputs",
    ),
    "engine.duplicate-report": (
        "{unit} {year} 年的报表重复：已由 {first} 提交，本文件不计分",
        "a second {year} report for {unit}: {first} already gives it, this file is not scored",
    ),
}
