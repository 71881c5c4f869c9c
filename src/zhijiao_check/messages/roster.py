"""Problems of a ``--roster`` file (the bureau's list of schools per unit)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "roster.not-a-mapping": (
        "名册应为映射：units: 下按单位列出学校名称",
        "a roster is a mapping: units:, then each unit's schools",
    ),
    "roster.unknown-key": (
        "名册中没有字段 {key}（可用：{keys}）",
        "a roster has no field {key} (fields: {keys})",
    ),
    "roster.bad-year": (
        "year 应为 2000–2100 的整数，而不是 {value}",
        "year should be a whole number 2000–2100, not {value}",
    ),
    "roster.no-units": (
        "名册缺少 units：请按单位列出学校，如 units: {{东安县: [东安县职业中等专业学校]}}",
        (
            "the roster has no units: list each unit's schools, as in units: "
            "{{东安县: [东安县职业中等专业学校]}}"
        ),
    ),
    "roster.unknown-unit": (
        "没有单位“{unit}”；是否想写 {suggestion}？",
        'no unit "{unit}"; did you mean {suggestion}?',
    ),
    "roster.bad-list": (
        "“{unit}”下应为学校名称的列表，如 [东安县职业中等专业学校]",
        'under "{unit}" write a list of school names, as in [东安县职业中等专业学校]',
    ),
}
