"""Messages about report files (area ``report``): reading, YAML, format v1, cross-field checks, warnings.

In Chinese, with the same keys as ``messages/en/report.py``, which says what its messages share."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # A value too long to quote whole in a message (problems.py).
    "report.long-number": "{head}…（共 {count} 位）",
    "report.long-text": "{head}…（共 {count} 个字符）",
    # Reading the file (source/encoding.py, files.py).
    "report.file-too-large": (
        "文件大小 {size_mib} MiB，超过 10 MiB 上限：{file_kind}远小于此，请确认没有选错文件"
    ),
    # What a file over a limit was to be (problems.said_of).
    "report.limit-of-report": "单位报表",
    "report.limit-of-roster": "名册",
    "report.limit-of-waivers": "豁免文件",
    "report.limit-of-pack": "规则包文件",
    "report.limit-of-config": "配置文件",
    "report.not-regular-file": "这是{kind}，不是普通文件，未打开：请给出一个文件",
    "report.file-unreadable": "无法读取：{reason}",
    "report.path-not-found": "路径不存在：请检查文件或目录名",
    "report.link-broken": "符号链接指向的 {target} 不存在：请恢复它指向的目录或文件，或删除这个链接",
    "report.permission-denied": (
        "没有读取权限：请让文件所有者授予读权限（目录还需执行权限），或换一个可读的副本"
    ),
    "report.io-error": "读取时磁盘、U 盘或网络共享出错（EIO）：请检查它是否仍连接、是否损坏，然后重试",
    "report.name-too-long": "路径中有一段名称过长（文件系统拒绝）：请改用较短的文件或目录名",
    "report.symlink-loop": "符号链接形成循环（链接最终指向自己）：请改正或删除这个链接",
    "report.stdin-closed": "标准输入已关闭，无法读取“-”",
    "report.directory-unreadable": "无法进入此目录，其中的报表未检查：{reason}",
    "report.file-name-not-utf8": "文件名不是 UTF-8 编码，无法识别的字节显示为 \\xNN：请改用 UTF-8 文件名",
    "report.file-name-gbk": (
        "文件名是 GBK 编码（多见于在中文 Windows 上制作的压缩包），应为“{name}”：请把文件改名为“{name}”"
    ),
    "report.file-name-txt": (
        "文件名多了 .txt（记事本“另存为”时保存类型选了“文本文档”），已按“{name}”读取：请把文件改名为“{name}”"
    ),
    "report.year-differs-from-folder": (
        "报表的统计年度是 {year} 年，而所在目录“{part}”写的是 {said} 年：请核对统计年度是否写错"
        "（如去年的报表复制后没有改年份），或报表是否放错了目录；本报表按 {year} 年检查"
    ),
    "report.year-differs-from-file-name": (
        "报表的统计年度是 {year} 年，而文件名“{part}”写的是 {said} 年：请核对统计年度是否写错"
        "（如去年的报表复制后没有改年份），或文件名是否写错；本报表按 {year} 年检查"
    ),
    "report.written-by-the-tool": (
        "这是 zhijiao-check 写出的检查结果，不是报表：请给出报表文件（在目录中查找报表时会跳过这样的文件）"
    ),
    "report.roster-not-report": (
        "这是名册（各单位的学校名单），不是报表：请给出报表文件；名册由 --roster 或配置文件"
        "（zhijiao-check.toml）的 roster 指定，检查时与报表对照"
    ),
    "report.table-text-file": (
        "这是 {suffix} 文件，只保存了一个工作表的文字，报表的其他内容和格子位置都已丢失，不能作为报表读取："
        "请提交 Excel 工作簿（*.xlsx）本身，或 YAML 报表"
    ),
    "report.bad-encoding": (
        "无法识别文件编码：字节 {byte} 既不属于 UTF-8 也不属于 GB18030；请用 UTF-8 编码另存文件"
    ),
    "report.lines-not-utf8": (
        "文件是 UTF-8 编码，但第 {lines} 行不是（字节 {byte}，多为从 GBK 文件粘贴的文字）："
        "请在编辑器中重新输入这些行，再以 UTF-8 保存"
    ),
    "report.office-document": (
        "这是 Office 文档（.xlsx、.ods、.docx 等压缩格式），不是文本文件：若是 Excel 工作簿，请把扩展名改为 "
        ".xlsx；其他表格请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）"
    ),
    "report.ods-document": (
        "这是 OpenDocument 表格（.ods，LibreOffice 或 WPS 另存的格式），本工具只读取 Excel 工作簿（.xlsx）："
        "请在 WPS、Excel 或 LibreOffice 中打开，“另存为”Excel 工作簿（*.xlsx）后再检查"
    ),
    "report.other-spreadsheet": (
        "这是 {suffix} 格式的表格（Excel 二进制工作簿或模板、WPS 或 LibreOffice 的格式、Numbers 文稿），"
        "本工具只读取 Excel 工作簿（.xlsx）：请在 Excel、WPS、LibreOffice 或 Numbers 中打开，"
        "“另存为”（Numbers 中为“导出到”）Excel 工作簿（*.xlsx）后再检查"
    ),
    "report.legacy-office-document": (
        "这是旧版 Office 文档（如 Excel 97-2003 的 .xls、WPS 表格的 .et），不能直接读取：请在 Excel 或 WPS "
        "中“另存为”Excel 工作簿（*.xlsx）"
    ),
    "report.wide-encoding": (
        "文件是 {encoding} 编码（每个字符占 2 或 4 个字节）：请在编辑器中“另存为”，编码选 UTF-8"
    ),
    "report.bad-encoding-bom": (
        "文件开头标明为 {encoding} 编码（BOM），内容却不是有效的 {encoding}：请用 UTF-8 编码另存文件"
    ),
    "report.encoding-gb18030": "文件不是 UTF-8 编码，已按 {encoding}（兼容 GBK）读取：建议用 UTF-8 编码另存",
    "report.odd-character": (
        "含有看不见或看似相同而实际不同的字符 {characters}（# 后为第几个字符）：多为从网页、Word "
        "或聊天中复制带来的，请删除或重新输入；去掉后为“{value}”"
    ),
    "report.invisible-only": "只有看不见的字符 {characters}，去掉后为空：请填写实际内容",
    "report.compatibility-ideograph": (
        "第 {index} 个字符是 {character}（CJK 兼容汉字），看起来与“{write}”相同却是另一个字符："
        "请改为“{write}”（即“{value}”）"
    ),
    "report.bad-character": (
        "文件含有不可见的控制字符 {code_point}：请删除它（常见于从网页或表格复制来的文字）"
    ),
    # YAML (source/yamltree.py, slips.py, syntax.py).
    "report.empty-file": "文件为空（或只有注释）：请按模板填写报表（zhijiao-check template）",
    "report.several-documents": "文件含有多个 YAML 文档（以“---”分隔）：一个文件只填一份报表",
    "report.yaml-syntax": "YAML 格式错误（{reason}）：请检查本行及上一行的缩进、冒号和引号",
    "report.yaml-why-flow-sequence": "方括号 [ ] 里少了逗号“,”或右括号“]”",
    "report.yaml-why-flow-mapping": "花括号（大括号）里少了逗号“,”或右花括号",
    "report.yaml-why-mapping-here": (
        "这里不能再写“名称: 值”：可能是缩进不对，或文字里的“冒号加空格”需要用引号括起来"
    ),
    "report.yaml-why-key-aligned": "这一行没有与上面同级的字段对齐",
    "report.yaml-why-dash-aligned": "这个列表项“- ”没有与上面的项对齐",
    "report.yaml-why-no-colon": "字段名后面少了冒号“:”",
    "report.yaml-why-bad-start": "值不能以这个字符开头（如 @、`、% 或制表符）：请把值用引号括起来",
    "report.yaml-why-escape": "双引号里反斜杠“\\”后面的字符无法识别：请改用单引号",
    "report.yaml-escape-pair": (
        "双引号里的转义“{escape}”是一个字符拆成的两半（UTF-16 代理对），YAML 不把它们拼合："
        "请直接写这个字符“{character}”，或写成“{write}”"
    ),
    "report.yaml-escape-half": (
        "双引号里的转义“{escape}”只是半个字符（UTF-16 代理项），本身不是字符：请直接写这个字符"
        "（U+FFFF 以上的字符也可写成“\\U”加 8 位十六进制数，如“\\U0001F600”）"
    ),
    "report.yaml-why-no-value": "这里应当写一个值",
    "report.yaml-why-alias": "“*名称”引用的锚点“&名称”没有定义",
    "report.yaml-why-anchor-name": "“&”或“*”后面应当紧跟一个名称",
    "report.yaml-why-tag": "“!”开头的是 YAML 标签，报表中不能使用：请删除它，或把值用引号括起来",
    "report.yaml-why-directive": "文件开头以“%”开头的行是 YAML 指令，报表不需要：请删除这一行",
    "report.yaml-why-dash-alone": (
        "字段名后单独的“-”是列表项的开头，不表示“没有”：数量为零请写 0，列表为空请写 []"
    ),
    "report.yaml-why-dash-here": "列表项“- ”不能接在字段名后面：请另起一行，比字段名多缩进两个空格",
    "report.yaml-why-document-end": "文件中间不能有文档结束标记“...”或以“%”开头的行：请删除这一行",
    "report.yaml-why-block-header": (
        "“|”或“>”表示下面几行是一段文字，它后面同一行只能写 1–9 的缩进数字或“+”“-”：请把文字写在下一行，"
        "比字段名多缩进两个空格"
    ),
    "report.yaml-why-line-end": "这一行到这里应当结束，后面只能写以空格加“#”开头的备注",
    "report.yaml-why-document-marker": (
        "引号里的文字有一行以“---”或“...”开头，YAML 把它当作文件的分隔：请检查引号是否成对，"
        "或不要让一行以它开头"
    ),
    "report.yaml-why-unexpected-end": "文件在引号、括号或一段文字结束之前就结束了：请检查引号和括号是否成对",
    "report.yaml-tab": "缩进中有制表符（Tab）：YAML 只能用空格缩进，请把 Tab 换成空格",
    "report.fullwidth-colon": "这里用了中文全角冒号“：”：字段名后应写英文冒号加空格“: ”",
    "report.too-many-values": (
        "文件中的值超过 {limit} 个（从这里起超出）：{file_kind}的值远少于此，请确认没有选错文件"
    ),
    "report.json-syntax": "JSON 语法错误：{expected}{hint}",
    "report.json-want-value": (
        "此处应为一个值（数字、双引号括起的文字、true、false、null，或用方括号、花括号括起的一组）"
    ),
    "report.json-want-key": "此处应为用双引号括起的字段名",
    "report.json-want-colon": "字段名后面少了冒号“:”",
    "report.json-want-comma-object": "此处少了逗号“,”或右花括号",
    "report.json-want-comma-array": "此处少了逗号“,”或右方括号“]”",
    "report.json-want-end": "JSON 到此已经结束，后面不能再写内容",
    "report.json-hint-ends": "；文件在这里就结束了：请检查括号是否成对",
    "report.json-hint-single-quote": '；JSON 的文字和字段名要用英文双引号“"”，不能用单引号',
    "report.json-hint-comment": "；JSON 里不能写注释：请删除它",
    "report.json-hint-trailing-comma": "；最后一项后面不能有逗号：请删除这个逗号",
    "report.json-hint-not-finite": "；JSON 没有 NaN 和 Infinity：请填写数字，没有数字时写 null",
    "report.json-hint-leading-zero": "；数字不能以 0 开头（如 01）：请写 1；0746 一类的编号请用双引号括起来",
    "report.json-hint-literal": "；true、false、null 要小写、拼写完整，文字要用双引号括起来",
    "report.json-hint-fullwidth-quote": '；这里是中文引号：JSON 要用英文双引号“"”',
    "report.json-hint-fullwidth": "；这里是中文全角标点：JSON 要用英文逗号“,”和冒号“:”",
    "report.json-string": "JSON 字符串无效：{reason}",
    "report.json-string-control": (
        '双引号里的文字不能直接换行或含制表符（也可能是少了结束的引号“"”）：换行请写成 \\n'
    ),
    "report.json-string-unclosed": '这里的双引号没有结束引号：请在文字末尾补上 "',
    "report.json-string-escape": (
        "反斜杠“\\”后面的字符无法识别：要写反斜杠本身（如 Windows 路径）请写两个“\\\\”"
    ),
    "report.fullwidth-hash": "这里用了全角“＃”：注释要用半角“#”开头，前面留一个空格",
    "report.fullwidth-comma": "这里用了中文全角逗号“，”分隔字段：{…} 中的各项之间应写英文逗号“,”",
    "report.line-separator": (
        "这里有一个看不见的换行符 {code_point}（常见于从网页或 Word 复制的文字）：YAML 会把它当作换行，"
        "请删除它"
    ),
    "report.byte-order-mark": (
        "这里有一个看不见的字符 {code_point}（字节顺序标记，只应出现在文件最开头，"
        "常见于拼接文件或粘贴文字时带入）：请删除它"
    ),
    "report.odd-space": (
        "这里有一个特殊空格 {code_point}（全角空格或不换行空格，常见于从 Word 或网页复制的文字）："
        "缩进和冒号后只能用半角空格"
    ),
    "report.colon-without-space": "字段名后的冒号后面要有一个空格：写成“{field}: 值”",
    "report.dash-without-space": "列表项开头的“-”后面要有一个空格：写成“- name: …”",
    "report.unclosed-quote": '这里的引号“"”没有结束引号：YAML 会把后面几行都读成这段文字；请在文字末尾补上 "',
    "report.top-not-mapping": "文件顶层应为“字段: 值”（如 schema_version: 1），实际是{found}",
    # 顶层实际是什么（``top-not-mapping``）。
    "report.found-list": "列表",
    "report.found-text": "一段文字",
    "report.found-number": "数字",
    "report.found-bool": "是/否",
    "report.found-null": "空值（null）",
    "report.alias-recursive": "别名引用了自身：报表中不应使用锚点（&）和别名（*）",
    "report.alias-bomb": "别名展开超过 {limit} 个节点，已停止读取：报表中不应使用锚点（&）和别名（*）",
    "report.too-deep": "嵌套超过 {limit} 层：{file_kind}没有这么深，请检查括号是否配对",
    "report.tag-not-allowed": (
        "不允许使用 YAML 标签 {tag}（它可以构造对象或执行代码）：请删除标签，只写普通的值"
    ),
    "report.merge-key": "不允许使用合并键“<<”：请把各字段逐一写出",
    "report.complex-key": "字段名必须是一段文字，不能是列表、映射或空值",
    "report.duplicate-key": (
        "字段“{field}”重复（第 {first_line} 行已出现）：只保留一个；"
        "一般的 {format} 读取程序会悄悄只取最后一个"
    ),
    "report.number-notation": (
        "数字 {value} 的写法会被读成 {read}（八进制、十六进制、六十进制或带下划线）："
        "请写普通的十进制数，如 {write}"
    ),
    "report.bad-scalar": "无法读取值“{value}”（{reason}）：如果它是文字，请加引号",
    # 无法读取的原因（``source.scalars``）：日期中超出范围的部分，或数值写法
    "report.bad-scalar-year": "年份应不小于 1，这里是 {year}",
    "report.bad-scalar-month": "月份应为 1–12，这里是 {month}",
    "report.bad-scalar-day": "{year} 年 {month} 月的日应为 1–{last}，这里是 {day}",
    "report.bad-scalar-time": "时刻应在 00:00:00–23:59:59 之间，这里是 {time}",
    "report.bad-scalar-date": "不是有效的日期，日期写作 2024-09-04",
    "report.bad-scalar-number": "不是可读取的数，数字写作 1200 或 12.5",
    "report.bad-scalar-other": "无法按其类型读取",
    # Format v1: fields.
    "report.unknown-field-lookalike": (
        "未知字段“{field}”：看起来与“{suggestion}”相同，但有字符不同（第几个字符：填写的 ≠ 应为）："
        "{differs}；请删掉重新输入"
    ),
    "report.unknown-field": "未知字段“{field}”：是否应为“{suggestion}”？",
    "report.unknown-field-no-match": "未知字段“{field}”：此处可用的字段有 {allowed}",
    "report.missing-field": "缺少必填字段 {field}（{title}）",
    "report.schema-version": "不支持的格式版本 {found}：请写 schema_version: 1",
    "report.schema-version-in-cell": "不支持的格式版本 {found}：格式版本填 1",
    "report.fullwidth-brackets": (
        "列表用了中文全角括号：{found}，请写 {write}（英文方括号，各项之间写英文逗号和空格）"
    ),
    "report.not-a-list": "此处应为列表（每项一行，以“- ”开头，或写成 [甲, 乙]），实际填写了 {found}",
    "report.not-a-mapping": "此处应为缩进书写的下一级字段（“字段: 值”），实际填写了 {found}",
    # Format v1: values.
    "report.blank": "值为空：请填写{expected}（没有数据的可选字段应整行删去，不能留空）",
    "report.wrong-type": "填写了 {found}：此处应为{expected}",
    "report.float-for-int": "填写了带小数的 {found}：此处应为{expected}",
    "report.point-for-int": "填写了带小数点的 {found}：此处应为整数，请写 {write}",
    "report.bool-for-number": "填写了是/否值 {found}：此处应为{expected}",
    "report.not-a-number": "填写了 {found}，不是数字：此处应为{expected}",
    "report.number-other-digits": "数字 {found} 不是用阿拉伯数字写的：请写成阿拉伯数字 {write}",
    "report.number-exponent": "数字写成了科学记数法 {found}：请写 {write}",
    "report.number-too-small": (
        "填写了 {found}，不是 0 却小于 {least}，不是实际数字：此处应为{expected}；若为零请写 0"
    ),
    "report.number-full-width": "数字用了全角字符 {found}：请写半角数字 {write}（输入法切换到半角后再输入）",
    "report.number-as-text": "数字写成了带引号的文字 {found}：请写 {write}（不加引号和空格）",
    "report.number-as-text-in-cell": (
        "单元格里的数字存成了文本 {found}：请改为数字 {write}"
        "（删去空格和开头的单引号，或用 Excel/WPS 的“转换为数字”）"
    ),
    "report.number-with-separator": "数字中不要用千位分隔符：{found}，请写 {write}",
    "report.number-with-magnitude": "不要用“千”“万”“亿”写数字：{found}，按本字段的单位请写 {write}",
    "report.none-for-number": "填写了 {found}：没有时请写 0",
    "report.none-for-number-in-cell": (
        "格子里写了 {found}：数量为零请填 0；没有统计的请把格子留空（检查时记为缺少数据）"
    ),
    "report.comment-without-space": "“#”前要留一个空格，后面的文字才是注释：{found}，请写 {write}  # …",
    "report.comment-without-space-in-cell": "数字格里只填数字：{found}，请填 {write}",
    "report.hedged-number": "填写了 {found}：请只写统计的确切数字（如 {write}），不加“约”“左右”“多”之类的字",
    "report.number-with-unit": "数字后不要加单位“{unit}”：{found}，请写 {write}",
    "report.percent-not-accepted": "此处不接受百分比 {found}：请填写{expected}，即实际数量而不是比例",
    "report.too-large": (
        "填写了 {found}，超过此处的上限 {maximum}（远超任何实际数字，多半是多打了几位）：此处应为{expected}"
    ),
    "report.negative": "填写了负数 {found}：此处必须不小于 0",
    "report.below-minimum": "填写了 {found}：此处至少为 {minimum}",
    "report.not-greater": "填写了 {found}：此处必须大于 {limit}",
    "report.year-out-of-range": "年份 {found} 不在 {low}–{high} 之间：请写四位年份，如 2023",
    "report.date-for-year": "此处只填年份，不是日期：{found}，请写 {write}",
    "report.date-for-year-in-cell": (
        "此处只填年份，不是日期：{found}，请先把单元格格式设为“常规”，"
        "再写 {write}（只改数字不改格式，仍会显示为日期）"
    ),
    # a year written as text (2023年, 2023-09), in YAML or a cell: no date format to change, a number to write
    "report.text-for-year": "此处只填年份，写成数字：{found}，请写 {write}",
    "report.date-for-number": "此处应为{expected}，填写的却是日期 {found}",
    "report.date-for-number-in-cell": (
        "单元格是日期格式（显示为 {found}），不是数字：请把单元格设为“常规”或“数值”格式，再填写{expected}"
    ),
    "report.bool-spelling": "是/否字段只能写 true 或 false：{found}，请写 {write}",
    "report.bool-spelling-in-cell": "是/否格只能从下拉列表中选“是”或“否”，不能写 {found}",
    "report.text-padded": "文字 {found} 的开头或末尾有空格或换行：请删去，写成 {write}",
    "report.line-break-in-text": "文字 {found} 中间有换行：名称只写一行，写成 {write}",
    "report.cell-holds-number": "数字",
    "report.cell-holds-date": "日期",
    "report.number-for-text": "此处应为文字：请把 {found} 加上引号，写成 {write}",
    "report.number-for-text-in-cell": (
        "此处应为文字，填写的却是{what} {found}：请把单元格设为“文本”格式后重新输入，或在前面加英文单引号"
    ),
    "report.not-one-of": "填写了 {found}，不是可选的值：请写以下之一：{allowed}",
    "report.choice-lookalike": (
        "填写了 {found}：看起来与 {write} 相同，但有字符不同（第几个字符：填写的 ≠ 应为）：{differs}；"
        "请删掉重新输入"
    ),
    "report.choice-spelling": "填写了 {found}：请写作 {write}",
    # A choice in a workbook's cell: its drop-down list offers the Chinese words and refuses the codes.
    "report.not-one-of-in-cell": "填写了 {found}，不是下拉列表中的一项：请从下拉列表选 {allowed} 之一",
    "report.choice-lookalike-in-cell": (
        "填写了 {found}：有字符与可选的值不同（第几个字符：填写的 ≠ 应为）：{differs}；"
        "请删掉后从下拉列表选“{write}”"
    ),
    "report.choice-spelling-in-cell": "填写了 {found}：请从下拉列表选“{write}”",
    "report.invalid-value": "值 {found} 不符合要求（{detail}）",
    # Format v1: checks across fields.
    "report.unknown-unit-lookalike": (
        "未知的填报单位“{name}”：看起来与“{suggestion}”相同，但有字符不同（第几个字符：填写的 ≠ 应为）："
        "{differs}；请删掉重新输入"
    ),
    "report.unknown-unit": "未知的填报单位“{name}”：是否应为“{suggestion}”？",
    "report.unknown-unit-no-match": "未知的填报单位“{name}”：可用的单位有 {known}",
    "report.unit-renamed": "“{name}”已于 {year} 年更名为“{new}”：请写 name: {new}",
    "report.unit-renamed-in-cell": "“{name}”已于 {year} 年更名为“{new}”：单位名称请填“{new}”",
    "report.unit-not-yet": "“{name}”{since} 年设立，{since} 年起才填报：{year} 年的报表不能写它，请检查年度",
    "report.unit-merged": (
        "“{name}”{merged}，{year} 年起不再单独填报：请把它的数据填入“{into}”的报表（name: {into}）"
    ),
    "report.unit-merged-in-cell": (
        "“{name}”{merged}，{year} 年起不再单独填报：请把它的数据填入“{into}”的报表，单位名称填“{into}”"
    ),
    "report.kind-mismatch": "“{name}”的单位类别是 {expected}，不是 {kind}：请写 kind: {expected}",
    "report.kind-mismatch-in-cell": (
        "“{name}”的单位类别是{expected_label}，不是{kind_label}：请从下拉列表选“{expected_label}”"
    ),
    "report.code-as-number": '行政区划代码 {code} 写成了数字：代码是文字，请加上引号，写成 code: "{code}"',
    "report.code-as-number-in-cell": (
        "行政区划代码 {code} 填成了数字：代码是文字，请把单元格设为“文本”格式后重新输入，或在前面加英文单引号"
    ),
    "report.code-number-short": (
        "此处应为 {length} 位行政区划代码（文字），填写的却是 {digits} 位的数字 {found}：数字不保留开头的 0，"
        "看不出原来的代码；请加上引号，写出完整的 {length} 位代码"
    ),
    "report.code-number-short-in-cell": (
        "此处应为 {length} 位行政区划代码（文字），单元格里却是 {digits} 位的数字 {found}："
        "数字不保留开头的 0，看不出原来的代码；请把单元格设为“文本”格式后重新输入完整的 {length} 位代码"
    ),
    "report.code-number-long": (
        "此处应为 {length} 位行政区划代码（文字），填写的却是 {digits} 位的数字 {found}：请加上引号，"
        "写出本单位的 {length} 位代码"
    ),
    "report.code-number-long-in-cell": (
        "此处应为 {length} 位行政区划代码（文字），单元格里却是 {digits} 位的数字 {found}：请把单元格设为"
        "“文本”格式后重新输入本单位的 {length} 位代码"
    ),
    "report.code-number-leading-zero": (
        "行政区划代码 {found} 写成了数字：数字不保留开头的 0，会被读成 {read}（八进制）；"
        "请加上引号，写成 code: {write}"
    ),
    "report.code-mismatch": "代码 {code} 与单位“{name}”不符：“{name}”的代码是 {expected}",
    "report.code-renamed": (
        '代码 {code} 是“{old}”的旧代码，{year} 年更名为“{name}”后代码是 {expected}：请写 code: "{expected}"'
    ),
    "report.code-renamed-in-cell": (
        "代码 {code} 是“{old}”的旧代码，{year} 年更名为“{name}”后代码是 {expected}：请填 {expected}"
    ),
    "report.unit-name-curly-quotes": (
        "单位名称 {name} 外面的中文引号会被当作名称的一部分：请去掉引号，写成 name: {expected}"
    ),
    "report.unit-name-curly-quotes-in-cell": (
        "单位名称 {name} 外面的引号会被当作名称的一部分：请去掉引号，只填 {expected}"
    ),
    "report.code-curly-quotes": '代码 {code} 用了中文引号：请用英文双引号，写成 code: "{expected}"',
    "report.code-curly-quotes-in-cell": (
        "代码 {code} 外面的引号会被当作代码的一部分：请去掉引号，只填 {expected}"
    ),
    "report.code-quoted": '代码 {code} 的引号多了一层，成了代码的一部分：请写 code: "{expected}"',
    "report.code-quoted-in-cell": "代码 {code} 外面的引号会被当作代码的一部分：请去掉引号，只填 {expected}",
    "report.code-not-applicable": "“{name}”没有行政区划代码：请删除 code: {code}",
    "report.code-not-applicable-in-cell": "“{name}”没有行政区划代码：请删去这一格中的 {code}，留空",
    "report.city-block-not-city": (
        "只有市本级（kind: city）的报表可以填写 city: 部分，“{name}”的类别是 {kind}：请删除 city: 部分"
    ),
    "report.city-block-not-city-in-cell": (
        "只有市本级的报表可以填写“市本级”表，“{name}”的类别是{kind_label}：请清空“市本级”表中填写的各项"
    ),
    "report.exceeds-teachers": (
        "{field} 为 {value}，多于专任教师数 teachers（{teachers}）：其中数不能大于总数"
    ),
    "report.exceeds-professional-teachers": (
        "dual_qualified_teachers 为 {value}，多于专业课教师数 professional_teachers（{professional}）："
        "“双师型”教师是专业课教师中的一部分，请核对这两个数"
    ),
    # In a workbook, the fields by the labels its sheets show, the other figure by its cell.
    "report.exceeds-teachers-in-cell": (
        "{label}为 {value}，多于{whole}（{whole_at}：{teachers}）：其中数不能大于总数"
    ),
    "report.exceeds-professional-teachers-in-cell": (
        "{label}为 {value}，多于{whole}（{whole_at}：{professional}）："
        "“双师型”教师是专业课教师中的一部分，请核对这两个数"
    ),
    "report.duplicate-school": "学校“{name}”重复（第 {first_line} 行已填报）：每所学校只填一次",
    "report.none-as-name": "“{found}”不是名称，会被当作一项计数：一项也没有时写空列表 []",
    "report.none-beside-names": "“{found}”不是名称，会被当作一项计数：列表中已有名称时请删去这一项",
    "report.duplicate-entry": "“{name}”重复（已是本列表第 {first} 项）：每项只写一次，否则会被重复计数",
    "report.evaluated-after-year": (
        "评估年份 {found} 晚于本报表的统计年度 {year}：请写 {year} 年或之前实际评估的年份"
    ),
    "report.established-after-year": (
        "建校年份 {found} 晚于本报表的统计年度 {year}：请写学校实际建校的年份（{year} 年或之前）"
    ),
    "report.upgraded-after-year": (
        "升格年份 {found} 晚于本报表的统计年度 {year}：请写学校实际升格的年份（{year} 年或之前），"
        "尚未升格的不填"
    ),
    "report.upgraded-before-established": (
        "升格年份 {found} 早于建校年份 {established}：学校不能在建校之前升格，请核对这两个年份"
    ),
    "report.upgraded-before-established-in-cell": (
        "升格年份 {found} 早于建校年份 {established}（{established_at}）：学校不能在建校之前升格，"
        "请核对这两个年份"
    ),
    "report.duplicate-major": (
        "学校“{school}”的专业“{name}”重复（第 {first_line} 行已填报）：每个专业只填一次"
    ),
    "report.duplicate-park": "园区“{name}”的资金支持重复（第 {first_line} 行已填报）：每个园区只填一次",
    # In a workbook, a row of its sheet: the line of a YAML report is no place there.
    "report.duplicate-school-in-cell": (
        "学校“{name}”重复（“学校”表第 {first_line} 行已填报）：每所学校只填一行"
    ),
    "report.duplicate-major-in-cell": (
        "学校“{school}”的专业“{name}”重复（“专业”表第 {first_line} 行已填报）：每个专业只填一行"
    ),
    "report.duplicate-park-in-cell": (
        "园区“{name}”的资金支持重复（“园区资金”表第 {first_line} 行已填报）：每个园区只填一行"
    ),
    "report.unknown-park": (
        "park_funding 中的“{name}”不在 demonstration_parks（{parks}）中：请写已建成示范园区的名称"
    ),
    "report.park-without-funding": (
        "示范园区 {parks} 在 park_funding 中没有一项：每个已建成园区填一项，当年未给予资金写 amount: 0"
    ),
    "report.unknown-park-in-cell": (
        "园区名称“{name}”不在“市本级”表所填的产教融合示范园区（{parks}）中：请填写其中一个已建成示范园区的名称"
    ),
    "report.park-without-funding-in-cell": (
        "示范园区 {parks} 在“园区资金”表中没有一行：每个已建成园区填一行，当年未给予资金的，"
        "“资金支持（万元）”填 0"
    ),
    "report.too-many-problems": (
        "另有 {count} 个问题未列出（每个文件最多列出 100 个）：请先改正以上问题再检查"
    ),
    "report.too-many-problems-at-least": (
        "另有至少 {count} 个问题未列出（每个文件最多列出 100 个；找到 200 个以上的笔误即不再往下找）："
        "请先改正以上问题再检查"
    ),
    "report.slips-cut-short": "此处以后的笔误没有再找：已找到 200 个以上，请先改正这些",
    # Warnings: shown, never blocking.
    "report.enrollment-over-students": (
        "学校“{school}”各专业当年招生合计 {total} 人，多于在校生 {students} 人：请核对"
    ),
    "report.appropriation-out-of-range": (
        "学校“{school}”生均拨款 {value} 元不在常见范围 {low}–{high} 元之间：请核对单位是否为元（不是万元）"
    ),
    "report.names-joined": (
        "“{entry}”中有{separator}，像是几项写成了一项，会被算作 1 项：请分开写，如 {write}"
    ),
    # What shows that an item holds several names (report/joined.py), after 中有.
    "report.joined-by-number": "编号“{mark}”",
    "report.joined-by-character": "“{character}”",
    "report.joined-by-space": "名称之间的空格",
    "report.cross-year-pathway": (
        "“3+2”上年招生 previous 填 {value}，而 {year} 年报表 {other_file} 的当年招生 current 为 "
        "{other_value}：两者应一致"
    ),
    "report.cross-year-major": (
        "“{school}”专业“{major}”上年招生 previous_enrollment 填 {value}，而 {year} 年报表 "
        "{other_file}:{other_line} 的当年招生为 {other_value}：两者应一致"
    ),
    "report.cross-year-pathway-in-cell": (
        "{label}为 {value}，而 {year} 年报表的{other_label}为 {other_value}（{other_at}）：两者应一致"
    ),
    "report.cross-year-major-in-cell": (
        "“{school}”专业“{major}”的上年招生为 {value}，而 {year} 年报表中它的当年招生为 {other_value}"
        "（{other_at}）：两者应一致"
    ),
    "report.school-vanished": (
        "上年（{year} 年）报表 {other_file}:{other_line} 有学校“{school}”，本年报表没有：漏报还是已停办？"
    ),
    "report.school-renamed": (
        "上年（{year} 年）报表 {other_file}:{other_line} 有学校“{school}”，本年报表没有；"
        "本年第 {line} 行的“{new}”是它改名后的名称吗？若不是，是漏报还是已停办？"
    ),
    "report.major-vanished": (
        "上年（{year} 年）报表 {other_file}:{other_line} 有“{school}”的专业“{major}”，本年报表没有："
        "漏报还是已停招撤销？"
    ),
    "report.majors-sum-differs": (
        "中职招生 secondary_vocational 填 {value} 人，而 {count} 所中职学校各专业当年招生合计 "
        "{total} 人，相差 {share}%："
        "是否漏报了学校或专业？"
    ),
    "report.majors-sum-differs-in-cell": (
        "{label}为 {value} 人，而 {count} 所中职学校各专业的当年招生（“专业”表）合计 {total} 人，"
        "相差 {share}%：是否漏报了学校或专业？"
    ),
    "report.roster-school-absent": (
        "名册 {roster}:{roster_line} 上的学校“{school}”不在本报表的 schools 中：请补报该校，"
        "或请名册维护单位更正名册"
    ),
    "report.roster-school-similar": (
        "名册 {roster}:{roster_line} 上的学校“{school}”不在本报表的 schools 中；第 {line} "
        "行的“{similar}”是否就是该校？"
        "请使用名册上的校名"
    ),
    "report.roster-school-absent-in-cell": (
        "名册 {roster}:{roster_line} 上的学校“{school}”不在“学校”表中：请在“学校”表中补报该校，"
        "或请名册维护单位更正名册"
    ),
    "report.roster-school-similar-in-cell": (
        "名册 {roster}:{roster_line} 上的学校“{school}”不在“学校”表中；这一格的“{similar}”是否就是该校？"
        "请使用名册上的校名"
    ),
    # What a path is when it is not a regular file (files.kind_problem), as the subject of a sentence.
    "report.file-kind-file": "一个文件",
    "report.file-kind-directory": "一个目录",
    "report.file-kind-fifo": "一个命名管道（FIFO）",
    "report.file-kind-socket": "一个套接字",
    "report.file-kind-character-device": "一个字符设备",
    "report.file-kind-block-device": "一个块设备",
    "report.file-kind-special": "一个特殊文件",
    # What a field of each kind takes (the ``expected`` of a problem); ``{allowed}``, ``{low}``, ``{high}``
    # come from the problem's parameters.
    "report.expected-count": "一个不小于 0 的整数",
    "report.expected-year": "四位年份（{low}–{high}），如 2023",
    "report.expected-yuan": "以元为单位的金额（不小于 0）",
    "report.expected-wan_yuan": "以万元为单位的金额（不小于 0）",
    "report.expected-months": "月数（大于 0，可有小数）",
    "report.expected-bool": "是/否值 true 或 false",
    "report.expected-bool-in-cell": "“是”或“否”",
    "report.expected-text": "文字",
    # What a report's code means, beside it where the codes a field takes are listed (report/codes.py's
    # labels, which a clerk may write instead)
    "report.meaning-county": "县市区",
    "report.meaning-management_area": "管理区",
    "report.meaning-development_zone": "经开区",
    "report.meaning-city": "市本级",
    "report.meaning-secondary": "中职，含技工学校",
    "report.meaning-higher": "高职",
    "report.meaning-public": "公办",
    "report.meaning-private": "民办",
    "report.meaning-quality_school": "优质中职学校",
    "report.meaning-chuyi_brand": "楚怡品牌学校",
    "report.meaning-undergraduate": "职业本科",
    "report.meaning-green": "绿牌",
    "report.meaning-yellow": "黄牌",
    "report.meaning-red": "红牌",
    "report.meaning-quality": "优质中职专业",
    "report.meaning-demonstration": "示范中职专业",
    "report.meaning-chuyi": "楚怡专业",
    "report.meaning-high_level": "高水平高职专业",
    "report.meaning-not_started": "未开工",
    "report.meaning-building": "在建",
    "report.meaning-completed": "已完工并投入使用",
    "report.expected-choice": "以下之一：{allowed}",
    "report.expected-choice-in-cell": "下拉列表中的一项（{allowed}）",
    "report.expected-schema_version": "1",
    "report.expected-list": "列表（每项一行，以“- ”开头）",
    "report.expected-mapping": "缩进书写的下一级字段",
}
