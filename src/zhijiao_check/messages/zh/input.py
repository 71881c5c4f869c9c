"""Messages of the ``template`` and ``schema`` commands (area ``input``): their errors and the template's
header.

In Chinese, with the same keys as ``messages/en/input.py``, which says what its messages share."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Errors.
    "input.unknown-unit": "未知的填报单位“{name}”：是否应为“{suggestion}”？可用的单位有 {known}",
    "input.unknown-unit-no-match": "未知的填报单位“{name}”：可用的单位有 {known}",
    "input.unit-not-yet": "“{name}”{since} 年设立，{since} 年起才填报：请用 --year {since} 或以后的年份",
    "input.unit-merged": "“{name}”{merged}，{year} 年起不再单独填报：请用 --unit {into}",
    "input.code-renamed": "代码 {old_code} 是“{old}”的旧代码，{year} 年更名为“{new}”：请用 --unit {new}",
    "input.template-former-name": (
        "“{given}”是 {year} 年更名前的名称或代码：模板按现名“{name}”填写（{year} 年以前的报表两者都可以写）"
    ),
    "input.unit-renamed": "“{name}”已于 {year} 年更名为“{new}”：请用 --unit {new}",
    "input.year-out-of-range": "统计年度 {year} 不在 {low}–{high} 之间：请写四位年份，如 --year 2023",
    "input.output-exists": "{file} 已存在，未覆盖（它可能是已填好的报表）：换一个文件名，或加 --force 覆盖",
    "input.from-invalid": "{file} 不是有效的报表（问题见上），不能用来预填：请先改正",
    "input.from-other-unit": "{file} 是“{found}”的报表，不是“{unit}”的：请选本单位上一年的报表",
    "input.from-wrong-year": (
        "{file} 是 {found} 年的报表，--year {year} 的模板应以上一年（{expected} 年）的报表预填："
        "上一年的“当年”数字会成为今年的“上年”数字，用其他年度的报表会填错。"
        "请选本单位 {expected} 年的报表，或不用 --from 生成空白模板"
    ),
    "input.template-format": (
        "不知道如何写成 {file}：模板文件名应以 .yaml、.yml 或 .xlsx 结尾（用 Excel 或 WPS 填报请用 .xlsx）"
    ),
    "input.template-format-other": (
        "{file} 的扩展名与 --format {format} 不符：工作簿请以 .xlsx 结尾，YAML 以 .yaml 或 .yml 结尾"
    ),
    "input.convert-format": "不知道如何写成 {file}：输出文件名应以 .xlsx、.yaml、.yml 或 .json 结尾",
    "input.convert-stdout": (
        "convert 写入文件，格式由输出文件名的扩展名决定，-o - 是标准输出，没有扩展名："
        "请给出以 .xlsx、.yaml、.yml 或 .json 结尾的文件名"
    ),
    "input.convert-invalid": (
        "{file} 不是有效的报表（问题见上），未转换：请先改正，转换只针对有效报表，以免丢失或猜测数据"
    ),
    "input.convert-list-item": (
        "{path} 中的“{item}”含有分隔符（、，；/，名称之间的空格，或编号）或就是“无”，"
        "在工作簿的一个格子中无法与其他项区分：请改写这一项的名称"
    ),
    "input.convert-school-none": (
        "{path} 的学校名称是“{none}”：工作簿“学校”表中学校名称填“{none}”表示本单位没有学校，这所学校会丢失："
        "请写学校的全称"
    ),
    "input.convert-precision": ("{path} 的 {value} 有效数字超过 15 位，Excel 不保留：请写成合理的精度"),
    "input.cell-text-too-long": (
        "{what}共 {length} 个字符，超过 Excel 一个单元格能保存的 {limit} 个，写进工作簿会被截断："
        "请先缩短（未写出任何文件）"
    ),
    "input.cell-text-one": "这段文字",
    "input.cell-text-list": "这些名称在工作簿中用“、”连成一格，",
    # The template's header: comments at the top of the blank report.
    "input.template-title": "{unit} {year} 年度职业教育统计填报（{document}，填报格式第 1 版）",
    "input.template-generated": "由 zhijiao-check template 生成。每个字段后的 # 注释写明含义、类型和单位。",
    "input.template-fill": "1. 在每个冒号后填写数值；留空的字段检查时会报错（validate 逐个指出）。",
    "input.template-absent": (
        "2. 确实没有数据的字段，整行删去，不要留空，也不要填 0：检查时记为“缺数”（missing）。实际为 0 "
        "的才写 0。"
    ),
    "input.template-lists": (
        "3. 以“- ”开头的整块是列表的一项（一所学校、一个专业……）：有几项就复制几块；一项也没有时写 []。"
    ),
    "input.template-values": (
        "4. 数字不加单位、不加千位分隔符、不写百分比；是/否写 true 或 false；字段名后用英文冒号加空格；"
        "用空格缩进。"
    ),
    "input.template-check": "5. 以 UTF-8 编码保存，然后运行：zhijiao-check validate {file}",
    "input.template-prefilled": (
        "预填来源 {file}：上年的数字已填好（上年报表的“当年”数字已转为本年度的“上年”数字），"
        "请逐项改为本年度的数字。"
    ),
    "input.template-prefilled-absent": (
        "以“# 字段名:”开头的行是上年报表没有填的字段：有数据时删去行首的“# ”再填写，没有就保留原样。"
    ),
    "input.template-workbook-chinese": (
        "工作簿是市教育局的中文填报表，不随 --lang 改变：工作表名、表头和填报说明都是中文"
        "（见 docs/excel.md）；英文的模板请写成 YAML（-o 文件名.yaml）"
    ),
    "input.template-no-code": "{unit}没有行政区划代码：不填 code",
    # A field's comment in the template: its title, what it takes, what it means.
    "input.template-comment": "{title}（{hint}）：{description}",
    "input.template-comment-plain": "{title}：{description}",
    "input.template-comment-bare": "{title}（{hint}）",
    "input.template-hint-required": "必填",
    "input.template-hint-and": "，",
    "input.template-hint-entries": "列表，每项以“- ”开头",
    "input.template-hint-list": "列表，如 [甲, 乙]，没有写 []",
    "input.template-hint-choice": "从所列的值中选一个",
    "input.template-hint-year": "四位年份",
    "input.template-hint-whole": "整数",
    "input.template-hint-number": "数字",
    "input.template-hint-boolean": "true 或 false",
    "input.template-hint-string": "文字",
    "input.schema-description": (
        "单位名称、类别与代码取自规则包的单位名单（{count} 个单位）。"
        "重复的字段名、学校或专业重名、“双师型”或已轮训教师多于专任教师等，JSON Schema 无法表达，"
        "只由 zhijiao-check validate 检查。"
    ),
}
