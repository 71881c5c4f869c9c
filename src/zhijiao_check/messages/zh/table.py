"""Words of the table output.

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "table.report-title": "{unit}（{kind}）· {year} 年 · {file}",
    "table.score": "得分",
    "table.col-status": "状态",
    "table.col-rule": "规则",
    "table.col-observed": "实际/目标",
    "table.col-explanation": "计算与说明",
    "table.col-unit": "单位",
    "table.panel-rules": "{title}（规则 {span}）",
    "table.panel-years": "{title}（{span} 年）",
    "table.panel-columns": "{title}（{span}）",
    "table.summary": "小计",
    "table.more-items": "另有 {count} 项未达标，见 --format json",
    "table.invalid": "{file}：报表无效，{count} 个问题，未计分",
    "table.unreadable": "{file}：无法读取，未检查",
    "table.warnings": "{count} 条提醒（不影响结果）：",
    "table.warnings-quiet": "{count} 条提醒（不影响结果；不加 --quiet 即列出）",
    "table.refused-again": "{count} 份报表未计分（问题见上）：",
    # the results that fail the run, named again above the exit status (``TableRenderer._failing_again``)
    "table.failing-again": "{count} 项结果未通过（详见上文）：",
    "table.failing-more": "另 {count} 项（见上文）",
    "table.refused-file": "{file}：报表无效，{count} 个问题",
    "table.refused-unreadable": "{file}：无法读取，未检查",
    "table.config": "设置取自配置文件 {file}（命令行上给出的选项优先）",
    "table.exit": "退出状态 {code}",
}
