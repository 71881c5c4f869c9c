"""Problems in a rule pack (for the people who write rule files)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "pack.invalid-field": (
        "规则文件字段错误：{message}（填写的是 {found}）",
        "invalid rule field: {message} (found {found})",
    ),
    "pack.duplicate-rule": (
        "规则 ID {id} 重复，首次出现在 {first}",
        "rule ID {id} appears twice, first at {first}",
    ),
    "pack.quote-not-verbatim": (
        "规则 {id} 的 quote 在政策原文中找不到（按 NFKC、去空白比较）：{quote}",
        (
            "the quote of rule {id} is not in the policy text (compared after NFKC, white space removed): "
            "{quote}"
        ),
    ),
    "pack.when-unknown-rule": (
        "规则 {id} 的 when 引用了 {rule}，它须是更早的规则（本规则包中更靠前，或先加载的规则包中）",
        (
            "rule {id} has when: {rule}, which must be an earlier rule (before it in its pack, or in a pack "
            "loaded before)"
        ),
    ),
    "pack.rule-id-pattern": (
        "规则 ID {id} 不符合本规则包 pack.yaml 中 rule_ids 的格式 {pattern}",
        "rule ID {id} does not follow the pack's rule_ids pattern {pattern} (pack.yaml)",
    ),
    "pack.year-before-issue": (
        "规则 {id} 的年份 {year} 早于政策发布日期 {issued}（pack.yaml 中的 issued）",
        "rule {id} names the year {year}, before the policy was issued on {issued} (pack.yaml's issued)",
    ),
    "pack.unknown-field": (
        "规则 {id} 读取的字段 {field} 不在报表格式中（见 zhijiao-check schema）",
        "rule {id} reads {field}, which is not a field of the report format (see zhijiao-check schema)",
    ),
    "pack.policy-missing": ("找不到政策原文 {policy}", "the policy text {policy} is missing"),
    "pack.not-a-pack": (
        "{dir} 不是规则包目录：其中应有 pack.yaml、units.yaml 与规则文件",
        "{dir} is not a rule pack: it needs pack.yaml, units.yaml and rule files",
    ),
}
