"""Messages of reading a report workbook (area ``workbook``): what a spreadsheet allows and a report may not
hold.

In Chinese, with the same keys as ``messages/en/workbook.py``, which says what its messages share."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "workbook.xls-or-encrypted": (
        "这不是 .xlsx 工作簿：可能是旧的 .xls 格式或设置了打开密码。请在 Excel 或 WPS 中“另存为”Excel "
        "工作簿（*.xlsx），不设密码"
    ),
    "workbook.not-a-workbook": (
        "无法作为 .xlsx 工作簿打开（文件已损坏，或并非 Excel 文件）：请用 "
        "zhijiao-check template --unit {unit} --year {year} -o {out} 生成模板，重新填写"
    ),
    "workbook.command-unit": "单位名称",
    "workbook.command-year": "年度",
    "workbook.command-output": '"{stem}-模板.xlsx"',
    "workbook.command-output-plain": "新报表.xlsx",
    "workbook.excel-lock-file": (
        "这是 Excel 打开工作簿“{real}”时在旁边留下的锁定文件（以 ~$ 开头，不是报表，关闭工作簿后自动删除）："
        "请检查工作簿本身：zhijiao-check validate {command}"
    ),
    "workbook.empty-workbook": (
        "文件是空的（0 字节），没有任何内容：多为保存或复制时中断；请重新保存或重新复制这份工作簿"
    ),
    "workbook.csv-not-xlsx": (
        "这是 CSV 文本（一个工作表另存成的逗号分隔文字），不是 .xlsx 工作簿，其他工作表和格子位置都已丢失："
        "请打开原来的工作簿，“另存为”Excel 工作簿（*.xlsx）"
    ),
    "workbook.yaml-not-xlsx": "这是 YAML 报表（文本文件），扩展名却是 {suffix}：请把扩展名改为 .yaml",
    "workbook.ods-not-xlsx": (
        "这是 OpenDocument 表格（.ods），扩展名却是 {suffix}：请在 WPS、Excel 或 LibreOffice 中打开，"
        "“另存为”Excel 工作簿（*.xlsx）"
    ),
    "workbook.zip-bomb": "工作簿解压后远超任何真实报表（{what}）：请确认没有选错文件；拒绝读取",
    "workbook.zip-bomb-parts": "由 {entries} 个部件组成，真实的工作簿只有几十个",
    "workbook.zip-bomb-size": "{entries} 个部件共约 {size_mib} MiB，上限为 {limit} MiB",
    "workbook.zip-bomb-part": "其中的部件 {part} 约 {size_mib} MiB，这类部件的上限为 {limit} MiB",
    "workbook.sheet-too-large": (
        "工作表“{sheet}”的文件解压后有 {size_mib} MiB，超过 {limit} MiB 的上限（填到单元格上限的报表，"
        "最大的工作表也不到 10 MiB），远多于任何{file_kind}：请确认没有选错文件，删去多余的行和列后"
        "在 Excel 或 WPS 中重新保存"
    ),
    "workbook.cell-text-too-long": (
        "单元格中的文字超过 {limit} 个字符，多于 Excel 一个单元格所能容纳：文件已损坏，或不是 Excel、WPS "
        "保存的。请确认没有选错文件，缩短这段文字后在 Excel 或 WPS 中重新保存"
    ),
    "workbook.sheet-text-too-long": (
        "工作表“{sheet}”的文件中有一段不在任何单元格里的内容超过 {limit} 字节，长于 Excel 任何单元格的文字："
        "文件已损坏，或不是 Excel、WPS 保存的。请确认没有选错文件，在 Excel 或 WPS 中打开后重新保存"
    ),
    "workbook.style-missing": (
        "单元格所用的格式（第 {index} 号样式）在工作簿中不存在或不完整：文件已损坏，或不是 Excel、WPS "
        "保存的。请在 Excel 或 WPS 中打开后重新保存"
    ),
    "workbook.shared-string-missing": (
        "单元格引用的共享文字（编号 {index}）不存在，工作簿中只有 {count} 项共享文字：文件已损坏，"
        "或不是 Excel、WPS 保存的。请在 Excel 或 WPS 中打开后重新保存"
    ),
    "workbook.cell-repeated": (
        "单元格 {ref} 在工作表的文件中写了不止一次，读取时只会取其中一个值：文件已损坏，或不是 Excel、WPS "
        "保存的。请在 Excel 或 WPS 中打开，核对这个单元格后重新保存"
    ),
    "workbook.cell-out-of-order": (
        "单元格 {ref} 在工作表的文件中写在 {after} 之后，不合行、列的先后顺序，读取时会被跳过："
        "文件已损坏，或不是 Excel、WPS 保存的。请在 Excel 或 WPS 中打开，核对这个单元格后重新保存"
    ),
    "workbook.cell-in-other-row": (
        "单元格 {ref} 在工作表的文件中写在第 {row} 行里，与它的行号不符：文件已损坏，或不是 Excel、WPS "
        "保存的。请在 Excel 或 WPS 中打开，核对这个单元格后重新保存"
    ),
    "workbook.cell-reference-invalid": (
        "工作表的文件中有一个单元格写作“{ref}”，工作表中没有这个位置（行号从 1 到 1,048,576，列从 A 到 "
        "XFD）：文件已损坏，或不是 Excel、WPS 保存的。请在 Excel 或 WPS 中打开后重新保存"
    ),
    "workbook.too-many-cells": (
        "工作表“{sheet}”中有内容的单元格（{range}）使工作簿超过 {limit} 个有内容的单元格，"
        "远多于任何{file_kind}：请确认没有选错文件，或删去这一范围中多余的内容"
    ),
    "workbook.too-many-formatted-cells": (
        "工作表“{sheet}”读到第 {row} 行，单元格已超过 {limit} 个，多为设了格式（边框、底色等）"
        "却没有内容的空白格（有内容的范围：{range}）：请选中表格下方、右侧多余的行和列，右键“删除”后保存"
    ),
    "workbook.rows-beyond-sheet": (
        "工作表“{sheet}”的文件中写有超过 {limit} 行，多于 Excel 一张工作表的行数：文件已损坏，"
        "或不是 Excel、WPS 保存的。请确认没有选错文件，在 Excel 或 WPS 中打开后重新保存"
    ),
    "workbook.row-beyond-columns": (
        "工作表“{sheet}”中有一行写有超过 {limit} 个单元格，多于 Excel 一行的列数：文件已损坏，"
        "或不是 Excel、WPS 保存的。请确认没有选错文件，在 Excel 或 WPS 中打开后重新保存"
    ),
    "workbook.row-overfull": (
        "工作表“{sheet}”中有一行在文件中写有超过 {limit} 个部分（单元格、值、公式、文字的各段及其格式），"
        "多于 Excel 的任何一行：文件已损坏，或不是 Excel、WPS 保存的。请确认没有选错文件，"
        "在 Excel 或 WPS 中打开后重新保存"
    ),
    "workbook.too-many-rows": "工作簿超过 {limit} 行，远多于任何{file_kind}：请确认没有选错文件",
    "workbook.workbook-unreadable": (
        "工作簿的内容已损坏，无法读取（技术细节：{reason}）：请在 Excel 或 WPS 中打开后重新保存为 .xlsx"
    ),
    "workbook.part-repeated": (
        "工作簿中的部件 {part} 出现了不止一次，各份的内容可能不同，无法确定读哪一份（Excel 会提示修复，"
        "或只显示其中一份）：文件已损坏，或不是 Excel、WPS 保存的。请在 Excel 或 WPS 中打开，核对各项数据后"
        "重新保存为 .xlsx"
    ),
    "workbook.xml-doctype": (
        "工作簿中的部件 {part} 含有文档类型或实体定义（<!DOCTYPE>），Excel 和 WPS 从不写入这种内容，"
        "多为有意制作来拖垮或窥探读取程序的文件：拒绝读取。请确认没有选错文件，或在 Excel 或 WPS 中打开后"
        "重新保存为 .xlsx"
    ),
    "workbook.xml-damaged": (
        "工作簿中的部件 {part} 在第 {line} 行第 {column} 列处不是完好的 XML：文件已损坏，或不是 Excel、WPS "
        "保存的。请在 Excel 或 WPS 中打开后重新保存为 .xlsx"
    ),
    "workbook.row-number-invalid": (
        "工作表“{sheet}”的文件中有一行的行号写作“{row}”，不是 1 到 1,048,576 之间的整数：文件已损坏，"
        "或不是 Excel、WPS 保存的。请在 Excel 或 WPS 中打开后重新保存为 .xlsx"
    ),
    "workbook.too-many-merges": (
        "工作表“{sheet}”中的合并单元格超过 {limit} 处，远多于任何{file_kind}：请确认没有选错文件，"
        "或取消合并（全选后再点一次“合并后居中”）后保存"
    ),
    "workbook.out-of-memory": (
        "读取这份工作簿时内存不足，其中的内容远多于任何{file_kind}：请确认没有选错文件，"
        "删去多余的行、列和工作表后在 Excel 或 WPS 中重新保存"
    ),
    "workbook.sheet-twin": (
        "工作表“{found}”与“{other}”去掉名称前后的空格后同名，都是“{sheet}”表{hidden}：报表按工作表名读取，"
        "无法确定读哪一张，这份工作簿未读取。请删去多余的一张，或给它另起名字"
    ),
    "workbook.twin-hidden": "（其中“{sheet}”是隐藏的工作表）",
    "workbook.no-unit-sheet": (
        "没有“{sheet}”工作表（现有：{found}）：请用 zhijiao-check template --format xlsx 生成的模板填报"
    ),
    "workbook.no-sheet": "没有“{sheet}”工作表：请从新模板复制该表；没有学校时在该表第 3 行的学校名称填“无”",
    "workbook.sheet-missing": "没有“{sheet}”工作表：其中的各项按未填报处理（规则记为缺少数据）",
    "workbook.sheet-renamed": (
        "工作表“{found}”像是“{sheet}”表（{keys}相同），但报表只按工作表名读取，其中的数据未读取："
        "请把工作表名改回“{sheet}”"
    ),
    "workbook.key-row": "字段代码行",
    "workbook.key-column": "字段代码",
    "workbook.rows-hidden": (
        "第 {rows} 行（共 {count} 行）被隐藏，其中的数据仍会读取：请确认这些数据应当计入（取消隐藏即可看到）"
    ),
    "workbook.column-hidden": (
        "此列被隐藏，其中的数据仍会读取，空着的格子记为缺少数据："
        "请取消隐藏（选中两旁的列，右键 › 取消隐藏），确认这一列已按实际填写"
    ),
    "workbook.sheet-hidden": "此工作表被隐藏，其中的数据仍会读取：请确认这些数据应当计入",
    "workbook.sheet-copy": (
        "此工作表像是“{sheet}”表的副本（“{sheet}”表本身已在），未读取："
        "请删去这张副本，或把其中的数据并入“{sheet}”表"
    ),
    "workbook.sheet-not-read": "此工作表不是报表的一部分，未读取{hint}。报表的工作表为：{sheets}",
    "workbook.no-header": "找不到表头行（应含 {headers}）：请从新模板复制表头",
    "workbook.no-key-row": "找不到字段代码行（表头下方一行，含 {key}）：请从新模板复制表头和字段代码两行",
    "workbook.unknown-key": "未知的字段代码“{key}”{hint}：字段代码由模板生成，请勿修改",
    "workbook.duplicate-key": "字段代码“{key}”重复（第一次在第 {first} 行）：每项只填一行",
    "workbook.value-without-key": "这一行没有字段代码，填报值未读取：请把数字填在对应项目的行中",
    "workbook.field-row-missing": "缺少“{label}”（{key}）这一行：按未填报处理",
    "workbook.column-missing": "缺少“{label}”（{key}）这一列：该列各项按未填报处理",
    "workbook.header-renamed": "表头“{found}”与模板的“{label}”不同：按字段代码 {key} 读取",
    "workbook.value-not-read": (
        "这一格的“{found}”不会被读取（只读取“填报值”一列）：若是“{label}”的填报值，请填在 {target}"
    ),
    "workbook.total-row": (
        "“{found}”是合计行，不是一项数据，不会读取：请删除这一行（检查时由本工具自行合计）"
    ),
    "workbook.column-not-read": "此列（{label}）没有字段代码，未读取：报表只读取模板中的列",
    "workbook.blank-rows": "数据中间有 {count} 个空行（第 {rows} 行），已跳过：请删除空行",
    "workbook.merged-cells": (
        "合并单元格 {range}：只有第一个格子有值，其余会读成空白。请取消合并，在每个格子中填写"
    ),
    "workbook.merged-header": "表头中的合并单元格 {range}：各列按字段代码读取",
    "workbook.formula-no-value": "公式没有计算结果（文件未经 Excel 或 WPS 保存）：请打开文件并保存后再检查",
    "workbook.number-too-large": (
        "单元格中的数字 {found} 超出 Excel 能保存的范围（远超任何实际数字，多为别的程序写入），未读取："
        "请填写实际数字"
    ),
    "workbook.not-a-number": (
        "单元格是数字格子，存的却是“{found}”，不是数字（文件已损坏，或不是 Excel、WPS 保存的），未读取："
        "请在 Excel 或 WPS 中把这一格重新填写为阿拉伯数字（如 28）后保存"
    ),
    "workbook.number-digits": "{sign}{head}…（共 {count} 位）",
    "workbook.number-infinite": "大于 1.8×10³⁰⁸",
    "workbook.formula-error": "公式的结果是错误值 {value}：请改正公式或直接填写数字",
    "workbook.formula-text": (
        "公式的结果是文本“{found}”，不是数字：请改用返回数字的公式（如 =VALUE(…)），或直接填写数字"
    ),
    "workbook.year-formatted-as-date": (
        "单元格是日期格式，填写的年份 {year} 被当作日期 {shown}：请把单元格格式设为“常规”，{year} 即照常显示"
    ),
    "workbook.percent-format": (
        "单元格是百分比格式，存的是 {found}（显示为 {shown}）：此处应为{expected}，不是比例。"
        "请把单元格格式设为“常规”，再填写实际数值"
    ),
    "workbook.text-trimmed": "{where}（单元格中看不出），已去掉，按“{value}”读取：请在单元格中删去",
    "workbook.trimmed-start": "开头有{what}",
    "workbook.trimmed-end": "末尾有{what}",
    "workbook.trimmed-and": "、",
    "workbook.spaces": " {count} 个空格",
    "workbook.line-breaks": " {count} 个换行",
    "workbook.quoted": "“{text}”",  # a line of a cell's text
    "workbook.line-break-in-text": (
        "名称中间有换行（{lines}，共 {count} 行）：名称只写一行，请删去换行，写成“{write}”"
    ),
    "workbook.school-blank": "没有填写所属学校：请选择“学校”表中的学校名称",
    "workbook.unknown-school": "“学校”表中没有学校“{name}”{hint}：请选择“学校”表中的学校名称",
    "workbook.names-joined": (
        "“{found}”中有{separator}，像是几项名称写在了一起，这样写只算 {count} 项：各项之间请用顿号“、”分隔"
        "（或每项一行），如“{write}”"
    ),
    # Names kept apart (、, ；, one a line) but numbered: the cell is refused for its numbers alone.
    "workbook.names-numbered": (
        "“{found}”中有{separator}：名单格里的名称不能编号：请删去编号，各项之间用顿号“、”分隔（或每项一行），"
        "如“{write}”"
    ),
    "workbook.none-but-rows": "这里填了“无”，但对应的表中有 {count} 行：有数据时请把“无”删去",
    # A list's marker (学校's 开设专业 and 企业实践 columns, 本单位's and 市本级's rows of a list kept on
    # its own sheet) takes 无 or nothing: the list is the rows of its sheet.
    "workbook.marker-only-none": (
        "填写了“{found}”：这一格只填“{none}”（一项也没有时），有则留空；{label}请填在“{sheet}”表，每项一行"
    ),
    "workbook.marker-only-none-school": (
        "填写了“{found}”：这一格只填“{none}”（本校一项也没有时），有则留空；{label}请填在“{sheet}”表，"
        "每项一行，第一列选本校的学校名称"
    ),
    "workbook.row-above-keys": (
        "这一行在字段代码行（第 {key_row} 行）的上方，不会读取：字段代码行像是被移动了（如排序时选中了它）。"
        "请把字段代码行移回第 {target} 行（表头下方），数据行都放在它下面；"
        "排序时只选中第 {first} 行起的数据行"
    ),
    "workbook.schools-blank": (
        "“学校”表中一所学校也没有填写：请每所职业院校填一行；本单位确实没有职业院校时，在这一格填“{none}”"
    ),
    "workbook.no-schools-filled": (
        "学校名称填了“{none}”（本单位没有学校），这一行却还填有其他内容：没有学校时这一行只填“{none}”，"
        "有学校时请填写学校名称"
    ),
    "workbook.no-schools-but-rows": (
        "这里填了“{none}”（本单位没有学校），但本表还有 {count} 所学校：有学校时请删去“{none}”这一行"
    ),
    # After a name that is not known, when one is close to it.
    "workbook.did-you-mean": "（是否应为“{name}”？）",
    "workbook.list-no-names": (
        "“{found}”中没有名称：一项也没有时只填“{none}”（不加“、”等符号），有则填写名称，用“、”分隔"
    ),
    "workbook.list-none-beside-names": (
        "“{found}”中“{none}”与名称同时填写：有名称时请删去“{none}”，写作“{write}”"
    ),
    "workbook.school-blank-hint": "（{cell} 的学校名称是空的：若是这所学校，请在该格填写它的名称）",
    "workbook.school-unnamed-hint": (
        "（{cell} 的学校名称不是文字，读不出：若是这所学校，请在该格填写它的名称）"
    ),
}

# 数为 1 时（i18n：``ONE``）。
ONE: dict[str, str] = {
    "workbook.rows-hidden": (
        "第 {rows} 行被隐藏，其中的数据仍会读取：请确认这些数据应当计入（取消隐藏即可看到）"
    ),
    "workbook.blank-rows": "数据中间有空行（第 {rows} 行），已跳过：请删除空行",
    "workbook.spaces": "一个空格",
    "workbook.line-breaks": "一个换行",
}
