"""Messages of the command line itself: usage errors and internal errors."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.internal-error": (
        "zhijiao-check：内部错误（程序缺陷，请报告）：{error}；加 --debug 查看详情",
        "zhijiao-check: internal error (a bug, please report it): {error}; --debug shows the traceback",
    ),
    "cli.interrupted": ("已中断", "interrupted"),
    "cli.invalid-pack": ("规则包无效：", "invalid rule pack:"),
    "cli.rule-id-clash": ("多个规则包中有相同的规则 ID：{ids}", "the same rule ID in several packs: {ids}"),
    "cli.unknown-rule": (
        "没有与“{rule}”匹配的规则；是否想写 {suggestion}？",
        "no rule matches '{rule}'; did you mean {suggestion}?",
    ),
    "cli.unknown-format": ("未知的输出格式 {format}，可选：{formats}", "unknown format {format}; choose from {formats}"),
    "cli.cannot-write": ("无法写入 {file}：{reason}", "cannot write {file}: {reason}"),
    "cli.no-reports": (
        "在 {paths} 中没有找到报表（*.yaml、*.yml、*.json）",
        "no reports (*.yaml, *.yml, *.json) found in {paths}",
    ),
    "cli.output-without-format": (
        "--output {output} 没有对应的 --format：每个 --output 需配一个 --format",
        "--output {output} has no matching --format: give one --format for each --output",
    ),
    "cli.several-to-stdout": (
        "{formats} 都会写到标准输出，混在一起无法读取：除一个以外，请各用 --output 指定文件",
        "{formats} would all go to standard output, mixed beyond reading: give each but one an --output file",
    ),
    "cli.valid": ("{file}：格式正确", "{file}: valid"),
    "cli.valid-summary": ("{valid} 个有效，{invalid} 个无效", "{valid} valid, {invalid} invalid"),
}
