"""Messages about report files (area ``report``): reading, YAML, format v1, cross-field checks, warnings.

Every message says what was found and what to write. Parameters are language-neutral (``found`` is the
value as YAML shows it, ``write`` the value to write), except ``expected_zh``/``expected_en``: one message
serves fields of every type, so the expected type is passed as a pair of texts from ``EXPECTED``.
"""

from __future__ import annotations

# What a path is when it is not a regular file (files.kind_problem), as the subject of a sentence.
FILE_KINDS: dict[str, tuple[str, str]] = {
    "directory": ("一个目录", "a directory"),
    "fifo": ("一个命名管道（FIFO）", "a named pipe (FIFO)"),
    "socket": ("一个套接字", "a socket"),
    "character-device": ("一个字符设备", "a character device"),
    "block-device": ("一个块设备", "a block device"),
    "special": ("一个特殊文件", "a special file"),
}

# What a field of each kind takes; ``{allowed}``, ``{low}``, ``{high}`` come from the problem's parameters.
EXPECTED: dict[str, tuple[str, str]] = {
    "count": ("一个不小于 0 的整数", "a whole number (0 or more)"),
    "year": ("四位年份（{low}–{high}），如 2023", "a 4-digit year ({low}–{high}), such as 2023"),
    "yuan": ("以元为单位的金额（不小于 0）", "an amount in yuan (元, 0 or more)"),
    "wan_yuan": ("以万元为单位的金额（不小于 0）", "an amount in 万元 (units of 10,000 yuan, 0 or more)"),
    "months": ("月数（大于 0，可有小数）", "a number of months (more than 0)"),
    "bool": ("true 或 false", "true or false"),
    "text": ("文字", "text"),
    "choice": ("以下之一：{allowed}", "one of: {allowed}"),
    "schema_version": ("1", "1"),
    "list": ("列表（每项一行，以“- ”开头）", 'a list (one line per item, starting with "- ")'),
    "mapping": ("缩进书写的下一级字段", "indented fields below this one"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    # A value too long to quote whole in a message (problems.py).
    "report.long-text": ("{head}…（共 {count} 个字符）", "{head}… ({count} characters)"),
    # Reading the file (source.py).
    "report.file-too-large": (
        "文件大小 {size_mib} MiB，超过 10 MiB 上限：单位报告远小于此，请确认没有选错文件",
        (
            "the file is {size_mib} MiB, over the 10 MiB limit: a unit report is far smaller; check that "
            "this is the right file"
        ),
    ),
    "report.not-regular-file": (
        "这是{kind_zh}，不是普通文件，未打开：请给出报表文件",
        "this is {kind_en}, not a regular file, and was not opened: give a report file",
    ),
    "report.file-unreadable": ("无法读取：{reason}", "cannot read it: {reason}"),
    "report.path-not-found": ("路径不存在：请检查文件或目录名", "no such file or directory: check the name"),
    "report.permission-denied": (
        "没有读取权限：请让文件所有者授予读权限（目录还需执行权限），或换一个可读的副本",
        (
            "permission denied: ask the owner for read permission (execute too, for a directory), or "
            "use a copy "
            "you can read"
        ),
    ),
    "report.name-too-long": (
        "路径中有一段名称过长（文件系统拒绝）：请改用较短的文件或目录名",
        "a name in this path is too long for the file system: use a shorter file or directory name",
    ),
    "report.symlink-loop": (
        "符号链接形成循环（链接最终指向自己）：请改正或删除这个链接",
        "a loop of symbolic links (the link ends up pointing to itself): fix or delete the link",
    ),
    "report.stdin-closed": ("标准输入已关闭，无法读取“-”", "standard input is closed: '-' cannot be read"),
    "report.directory-unreadable": (
        "无法进入此目录，其中的报表未检查：{reason}",
        "cannot enter this directory; the reports in it were not checked: {reason}",
    ),
    "report.file-name-not-utf8": (
        "文件名不是 UTF-8 编码，无法识别的字节显示为 \\xNN：请改用 UTF-8 文件名",
        "the file name is not UTF-8; the bytes that are not are shown as \\xNN: rename the file",
    ),
    "report.file-name-gbk": (
        "文件名是 GBK 编码（多见于在中文 Windows 上制作的压缩包），应为“{name}”：请把文件改名为“{name}”",
        (
            'the file name is GBK-encoded (as in a zip made on a Chinese Windows), read as "{name}": '
            "rename the "
            'file "{name}"'
        ),
    ),
    "report.bad-encoding": (
        "无法识别文件编码：字节 {byte} 既不属于 UTF-8 也不属于 GB18030；请用 UTF-8 编码另存文件",
        "unknown encoding: byte {byte} is neither UTF-8 nor GB18030; save the file as UTF-8",
    ),
    "report.lines-not-utf8": (
        (
            "文件是 UTF-8 编码，但第 {lines} 行不是（字节 {byte}，多为从 GBK 文件粘贴的文字）："
            "请在编辑器中重新输入这些行，再以 UTF-8 保存"
        ),
        (
            "the file is UTF-8 but line(s) {lines} are not (byte {byte}; text pasted from a GBK file?): "
            "retype those "
            "lines in your editor and save the file as UTF-8"
        ),
    ),
    "report.wide-encoding": (
        "文件是 {encoding} 编码（每个字符占 2 或 4 个字节）：请在编辑器中“另存为”，编码选 UTF-8",
        (
            'the file is encoded as {encoding} (2 or 4 bytes a character): open it and use "Save as" with '
            "the encoding UTF-8"
        ),
    ),
    "report.bad-encoding-bom": (
        "文件开头标明为 {encoding} 编码（BOM），内容却不是有效的 {encoding}：请用 UTF-8 编码另存文件",
        (
            "the file starts with a {encoding} byte-order mark but is not valid {encoding}: save the file "
            "as UTF-8"
        ),
    ),
    "report.encoding-gb18030": (
        "文件不是 UTF-8 编码，已按 {encoding}（兼容 GBK）读取：建议用 UTF-8 编码另存",
        "the file is not UTF-8; it was read as {encoding} (a superset of GBK): consider saving it as UTF-8",
    ),
    "report.odd-character": (
        (
            "含有看不见或看似相同而实际不同的字符 {characters}（# 后为第几个字符）：多为从网页、Word "
            "或聊天中复制带来的，请删除或重新输入；去掉后为“{value}”"
        ),
        (
            "holds characters that are invisible or only look like ordinary ones: {characters} (# gives "
            "the position "
            "in the value), usually pasted from a web page, Word or a chat: delete or retype them; "
            "without them it "
            'reads "{value}"'
        ),
    ),
    "report.invisible-only": (
        "只有看不见的字符 {characters}，去掉后为空：请填写实际内容",
        "holds only invisible characters ({characters}) and is empty without them: write the actual text",
    ),
    "report.compatibility-ideograph": (
        (
            "第 {index} 个字符是 {character}（CJK 兼容汉字），看起来与“{write}”相同却是另一个字符："
            "请改为“{write}”（即“{value}”）"
        ),
        (
            'character {index} is {character}, a CJK compatibility ideograph that looks like "{write}" '
            "but is "
            'another character: write "{write}" ("{value}")'
        ),
    ),
    "report.bad-character": (
        "文件含有不可见的控制字符 {code_point}：请删除它（常见于从网页或表格复制来的文字）",
        (
            "the file contains the invisible control character {code_point}: delete it (it often comes "
            "with text "
            "copied from web pages or spreadsheets)"
        ),
    ),
    # YAML (source.py).
    "report.empty-file": (
        "文件为空（或只有注释）：请按模板填写报告（zhijiao-check template）",
        "the file is empty (or holds only comments): fill in a report (see zhijiao-check template)",
    ),
    "report.several-documents": (
        "文件含有多个 YAML 文档（以“---”分隔）：一个文件只填一份报告",
        'the file holds more than one YAML document (separated by "---"): put one report in each file',
    ),
    "report.yaml-syntax": (
        "YAML 格式错误（{reason}）：请检查本行及上一行的缩进、冒号和引号",
        (
            "YAML syntax error ({reason}): check the indentation, colons and quotes of this line and the "
            "one before"
        ),
    ),
    "report.yaml-tab": (
        "缩进中有制表符（Tab）：YAML 只能用空格缩进，请把 Tab 换成空格",
        "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces",
    ),
    "report.fullwidth-colon": (
        "这里用了中文全角冒号“：”：字段名后应写英文冒号加空格“: ”",
        'a full-width colon "：" here: write an ASCII colon and a space ": " after a field name',
    ),
    "report.too-many-values": (
        "文件中的值超过 {limit} 个（从这里起超出）：一份单位报告远少于此，请确认没有选错文件",
        (
            "more than {limit} values in the file (the limit is passed here): a unit report has far fewer; "
            "check the file"
        ),
    ),
    "report.json-syntax": (
        "JSON 语法错误：此处应为 {expected}",
        "JSON syntax error: expected {expected} here",
    ),
    "report.json-string": ("JSON 字符串无效：{reason}", "invalid JSON string: {reason}"),
    "report.json-number-too-long": (
        "数字 {digits} 超出范围（位数过多）：请填写实际数字",
        "the number {digits} is out of range (too many digits): write the actual figure",
    ),
    "report.fullwidth-comma": (
        "这里用了中文全角逗号“，”分隔字段：{…} 中的各项之间应写英文逗号“,”",
        'a full-width comma "，" between fields here: separate the entries of {…} with an ASCII comma ","',
    ),
    "report.line-separator": (
        (
            "这里有一个看不见的换行符 {code_point}（常见于从网页或 Word 复制的文字）：YAML 会把它当作换行，"
            "请删除它"
        ),
        (
            "an invisible line separator {code_point} here (often pasted from a web page or Word): YAML "
            "takes it for a "
            "line break; delete it"
        ),
    ),
    "report.odd-space": (
        (
            "这里有一个特殊空格 {code_point}（全角空格或不换行空格，常见于从 Word 或网页复制的文字）："
            "缩进和冒号后只能用半角空格"
        ),
        (
            "a special space {code_point} here (a full-width or no-break space, often pasted from Word "
            "or a web page): "
            "indent, and follow colons, with plain ASCII spaces"
        ),
    ),
    "report.colon-without-space": (
        "字段名后的冒号后面要有一个空格：写成“{field}: 值”",
        'a field name\'s colon needs a space after it: write "{field}: value"',
    ),
    "report.dash-without-space": (
        "列表项开头的“-”后面要有一个空格：写成“- name: …”",
        'the "-" that starts a list entry needs a space after it: write "- name: …"',
    ),
    "report.unclosed-quote": (
        '这里的引号“"”没有结束引号：YAML 会把后面几行都读成这段文字；请在文字末尾补上 "',
        'this double quote is never closed: YAML reads the following lines into the text; close it with "',
    ),
    "report.top-not-mapping": (
        "文件顶层应为“字段: 值”（如 schema_version: 1），实际是 {found}",
        'the top level must be fields written as "key: value" (such as schema_version: 1), not a {found}',
    ),
    "report.alias-recursive": (
        "别名引用了自身：报告中不应使用锚点（&）和别名（*）",
        "an alias refers to itself: do not use anchors (&) and aliases (*) in a report",
    ),
    "report.alias-bomb": (
        "别名展开超过 {limit} 个节点，已停止读取：报告中不应使用锚点（&）和别名（*）",
        (
            "aliases expand to more than {limit} nodes, reading stopped: do not use anchors (&) and aliases "
            "(*) in a report"
        ),
    ),
    "report.too-deep": (
        "嵌套超过 {limit} 层：单位报告没有这么深，请检查括号是否配对",
        "nested more than {limit} levels deep: a unit report is much flatter; check that brackets are paired",
    ),
    "report.tag-not-allowed": (
        "不允许使用 YAML 标签 {tag}（它可以构造对象或执行代码）：请删除标签，只写普通的值",
        (
            "the YAML tag {tag} is not allowed (it can build objects or run code): remove it and write a "
            "plain value"
        ),
    ),
    "report.merge-key": (
        "不允许使用合并键“<<”：请把各字段逐一写出",
        'merge keys ("<<") are not allowed: write each field out',
    ),
    "report.complex-key": (
        "字段名必须是一段文字，不能是列表、映射或空值",
        "a field name must be plain text, not a list, a mapping or empty",
    ),
    "report.duplicate-key": (
        "字段“{field}”重复（第 {first_line} 行已出现）：只保留一个；一般的 YAML 读取程序会悄悄只取最后一个",
        (
            'duplicate key "{field}" (first on line {first_line}): keep only one; YAML readers usually '
            "keep the last "
            "one silently"
        ),
    ),
    "report.number-notation": (
        (
            "数字 {value} 的写法会被读成 {read}（八进制、十六进制、六十进制或带下划线）："
            "请写普通的十进制数，如 {write}"
        ),
        (
            "the number {value} would be read as {read} (octal, hexadecimal, base 60 or with "
            "underscores): write a plain "
            "decimal number such as {write}"
        ),
    ),
    "report.bad-scalar": (
        "无法读取值“{value}”（{reason}）：如果它是文字，请加引号",
        'cannot read the value "{value}" ({reason}): if it is text, put it in quotes',
    ),
    # Format v1: fields.
    "report.unknown-field-lookalike": (
        (
            "未知字段“{field}”：看起来与“{suggestion}”相同，但有字符不同（第几个字符：填写的 ≠ 应为）："
            "{differs}；请删掉重新输入"
        ),
        (
            'unknown field "{field}": it looks like "{suggestion}" but characters differ (position: '
            "written ≠ "
            "expected): {differs}; delete it and type it again"
        ),
    ),
    "report.unknown-field": (
        "未知字段“{field}”：是否应为“{suggestion}”？",
        'unknown field "{field}": did you mean "{suggestion}"?',
    ),
    "report.unknown-field-no-match": (
        "未知字段“{field}”：此处可用的字段有 {allowed}",
        'unknown field "{field}": the fields allowed here are {allowed}',
    ),
    "report.missing-field": (
        "缺少必填字段 {field}（{title}）",
        "the required field {field} ({title}) is missing",
    ),
    "report.schema-version": (
        "不支持的格式版本 {found}：请写 schema_version: 1",
        "unsupported format version {found}: write schema_version: 1",
    ),
    "report.not-a-list": (
        "此处应为列表（每项一行，以“- ”开头，或写成 [甲, 乙]），实际填写了 {found}",
        'a list is expected here (one "- " line per item, or [a, b]); found {found}',
    ),
    "report.not-a-mapping": (
        "此处应为缩进书写的下一级字段（“字段: 值”），实际填写了 {found}",
        'indented fields ("key: value") are expected here; found {found}',
    ),
    # Format v1: values.
    "report.blank": (
        "值为空：请填写{expected_zh}（没有数据的可选字段应整行删去，不能留空）",
        "blank: write {expected_en} (an optional field without a figure is left out entirely, never blank)",
    ),
    "report.wrong-type": ("填写了 {found}：此处应为{expected_zh}", "found {found}: write {expected_en}"),
    "report.float-for-int": (
        "填写了带小数的 {found}：此处应为{expected_zh}",
        "found {found}, which has a fraction: write {expected_en}",
    ),
    "report.bool-for-number": (
        "填写了是/否值 {found}：此处应为{expected_zh}",
        "found the yes/no value {found}: write {expected_en}",
    ),
    "report.not-a-number": (
        "填写了 {found}，不是数字：此处应为{expected_zh}",
        "found {found}, which is not a number: write {expected_en}",
    ),
    "report.number-as-text": (
        "数字写成了带引号的文字 {found}：请写 {write}（不加引号和空格）",
        "found the text {found}: write the number {write} (no quotes, no spaces)",
    ),
    "report.number-with-separator": (
        "数字中不要用千位分隔符：{found} 请写 {write}",
        "no thousands separators in numbers: for {found} write {write}",
    ),
    "report.number-with-magnitude": (
        "不要用“千”“万”“亿”写数字：{found} 按本字段的单位请写 {write}",
        "no 千/万/亿 in numbers: for {found} write {write} (in this field's unit)",
    ),
    "report.number-with-unit": (
        "数字后不要加单位“{unit}”：{found} 请写 {write}",
        'no unit after the number: for {found} write {write} (without "{unit}")',
    ),
    "report.percent-not-accepted": (
        "此处不接受百分比 {found}：请填写{expected_zh}，即实际数量而不是比例",
        (
            "a percentage ({found}) is not accepted here: write {expected_en}, the count itself rather than "
            "a share"
        ),
    ),
    "report.too-large": (
        (
            "填写了 {found}，超过此处的上限 {maximum}（远超任何实际数字，多半是多打了几位）："
            "此处应为{expected_zh}"
        ),
        (
            "found {found}, above this field's limit of {maximum} (far above any real figure: extra "
            "digits typed?): "
            "write {expected_en}"
        ),
    ),
    "report.negative": ("填写了负数 {found}：此处必须不小于 0", "found {found}: must be 0 or more"),
    "report.below-minimum": (
        "填写了 {found}：此处至少为 {minimum}",
        "found {found}: must be at least {minimum}",
    ),
    "report.not-greater": (
        "填写了 {found}：此处必须大于 {limit}",
        "found {found}: must be more than {limit}",
    ),
    "report.year-out-of-range": (
        "年份 {found} 不在 {low}–{high} 之间：请写四位年份，如 2023",
        "the year {found} is outside {low}–{high}: write a 4-digit year such as 2023",
    ),
    "report.date-for-year": (
        "此处只填年份，不是日期：{found} 请写 {write}",
        "a year, not a date, belongs here: for {found} write {write}",
    ),
    "report.bool-spelling": (
        "是/否字段只能写 true 或 false：{found} 请写 {write}",
        "yes/no fields take true or false: for {found} write {write}",
    ),
    "report.number-for-text": (
        "此处应为文字：请把 {found} 加上引号，写成 {write}",
        "text is expected here: put {found} in quotes, {write}",
    ),
    "report.not-one-of": (
        "填写了 {found}，不是可选的值：请写以下之一：{allowed}",
        "found {found}, which is not allowed here: write one of {allowed}",
    ),
    "report.choice-lookalike": (
        (
            "填写了 {found}：看起来与 {write} 相同，但有字符不同（第几个字符：填写的 ≠ 应为）：{differs}；"
            "请删掉重新输入"
        ),
        (
            "found {found}: it looks like {write} but characters differ (position: written ≠ expected): "
            "{differs}; "
            "delete it and type it again"
        ),
    ),
    "report.choice-spelling": ("填写了 {found}：请写作 {write}", "found {found}: write {write}"),
    "report.invalid-value": (
        "值 {found} 不符合要求（{detail}）",
        "the value {found} is not accepted ({detail})",
    ),
    # Format v1: checks across fields.
    "report.unknown-unit-lookalike": (
        (
            "未知的填报单位“{name}”：看起来与“{suggestion}”相同，但有字符不同（第几个字符：填写的 ≠ 应为）："
            "{differs}；请删掉重新输入"
        ),
        (
            'unknown reporting unit "{name}": it looks like "{suggestion}" but characters differ (position: '
            "written ≠ expected): {differs}; delete it and type it again"
        ),
    ),
    "report.unknown-unit": (
        "未知的填报单位“{name}”：是否应为“{suggestion}”？",
        'unknown reporting unit "{name}": did you mean "{suggestion}"?',
    ),
    "report.unknown-unit-no-match": (
        "未知的填报单位“{name}”：可用的单位有 {known}",
        'unknown reporting unit "{name}": the units are {known}',
    ),
    "report.unit-renamed": (
        "“{name}”已于 {year} 年更名为“{new}”：请写 name: {new}",
        '"{name}" was renamed "{new}" in {year}: write name: {new}',
    ),
    "report.kind-mismatch": (
        "“{name}”的单位类别是 {expected}，不是 {kind}：请写 kind: {expected}",
        'the kind of "{name}" is {expected}, not {kind}: write kind: {expected}',
    ),
    "report.code-mismatch": (
        "代码 {code} 与单位“{name}”不符：“{name}”的代码是 {expected}",
        'the code {code} does not match "{name}": the code of "{name}" is {expected}',
    ),
    "report.code-renamed": (
        '代码 {code} 是“{old}”的旧代码，{year} 年更名为“{name}”后代码是 {expected}：请写 code: "{expected}"',
        (
            'the code {code} is that of "{old}", renamed "{name}" in {year}, whose code is {expected}: '
            'write code: "{expected}"'
        ),
    ),
    "report.code-curly-quotes": (
        '代码 {code} 用了中文引号：请用英文双引号，写成 code: "{expected}"',
        'the code {code} is in Chinese quotation marks: use ASCII double quotes, code: "{expected}"',
    ),
    "report.code-not-applicable": (
        "“{name}”没有行政区划代码：请删除 code: {code}",
        '"{name}" has no administrative code: delete code: {code}',
    ),
    "report.city-block-not-city": (
        "只有市本级（kind: city）的报告可以填写 city: 部分，“{name}”的类别是 {kind}：请删除 city: 部分",
        (
            'only the report of the city itself (kind: city) may have a city: block; "{name}" is of '
            "kind {kind}: "
            "delete the city: block"
        ),
    ),
    "report.exceeds-teachers": (
        "{field} 为 {value}，多于专任教师数 teachers（{teachers}）：其中数不能大于总数",
        "{field} is {value}, more than teachers ({teachers}): a part cannot exceed the whole",
    ),
    "report.duplicate-school": (
        "学校“{name}”重复（第 {first_line} 行已填报）：每所学校只填一次",
        'the school "{name}" appears twice (first on line {first_line}): list each school once',
    ),
    "report.duplicate-entry": (
        "“{name}”重复（已是本列表第 {first} 项）：每项只写一次，否则会被重复计数",
        '"{name}" appears twice (it is already item {first} of this list): list it once, or it counts twice',
    ),
    "report.evaluated-after-year": (
        "评估年份 {found} 晚于本报告的统计年度 {year}：请写 {year} 年或之前实际评估的年份",
        (
            "evaluated in {found}, after the report's year {year}: write the year of an evaluation made by "
            "{year}"
        ),
    ),
    "report.duplicate-major": (
        "学校“{school}”的专业“{name}”重复（第 {first_line} 行已填报）：每个专业只填一次",
        'the major "{name}" of "{school}" appears twice (first on line {first_line}): list each major once',
    ),
    "report.duplicate-park": (
        "园区“{name}”的资金支持重复（第 {first_line} 行已填报）：每个园区只填一次",
        'the park "{name}" has two funding entries (first on line {first_line}): list each park once',
    ),
    "report.unknown-park": (
        "park_funding 中的“{name}”不在 demonstration_parks（{parks}）中：请写已建成示范园区的名称",
        '"{name}" in park_funding is not one of demonstration_parks ({parks}): name a park listed there',
    ),
    "report.park-without-funding": (
        "示范园区 {parks} 在 park_funding 中没有一项：每个已建成园区填一项，当年未给予资金写 amount: 0",
        (
            "the parks {parks} have no entry in park_funding: give one entry for every park, "
            "amount: 0 for a park given nothing this year"
        ),
    ),
    "report.too-many-problems": (
        "另有 {count} 个问题未列出（每个文件最多列出 100 个）：请先改正以上问题再检查",
        "{count} more problems not listed (at most 100 per file): fix the ones above and check again",
    ),
    # Warnings: shown, never blocking.
    "report.enrollment-over-students": (
        "学校“{school}”各专业当年招生合计 {total} 人，多于在校生 {students} 人：请核对",
        (
            'the majors of "{school}" enrolled {total} this year in all, more than its {students} students: '
            "please check"
        ),
    ),
    "report.appropriation-out-of-range": (
        "学校“{school}”生均拨款 {value} 元不在常见范围 {low}–{high} 元之间：请核对单位是否为元（不是万元）",
        (
            'the appropriation per student of "{school}", {value} yuan, is outside the usual '
            "{low}–{high} yuan: "
            "check that it is in yuan (元), not 万元"
        ),
    ),
    "report.names-joined": (
        (
            "“{entry}”中有“{separator}”，像是几项写成了一项，会被算作 1 项：请分开写，如 [电子信息, "
            "先进装备制造]"
        ),
        (
            '"{entry}" contains "{separator}": it looks like several names in one entry, and counts as one; '
            "list them separately, as in [电子信息, 先进装备制造]"
        ),
    ),
    "report.cross-year-pathway": (
        (
            "“3+2”上年招生 previous 填 {value}，而 {year} 年报告 {other_file} 的当年招生 current 为 "
            "{other_value}：两者应一致"
        ),
        (
            "pathway_3plus2.previous is {value}, but the {year} report {other_file} gives current "
            "{other_value}: "
            "they should agree"
        ),
    ),
    "report.cross-year-major": (
        (
            "“{school}”专业“{major}”上年招生 previous_enrollment 填 {value}，而 {year} 年报告 "
            "{other_file}:{other_line} 的当年招生为 {other_value}：两者应一致"
        ),
        (
            'previous_enrollment of the major "{major}" of "{school}" is {value}, but the {year} report '
            "{other_file}:{other_line} gives enrollment {other_value}: they should agree"
        ),
    ),
    "report.school-vanished": (
        "上年（{year} 年）报表 {other_file}:{other_line} 有学校“{school}”，本年报表没有：漏报还是已停办？",
        (
            'the {year} report {other_file}:{other_line} lists the school "{school}", this year\'s does '
            "not: left out, "
            "or closed?"
        ),
    ),
    "report.major-vanished": (
        (
            "上年（{year} 年）报表 {other_file}:{other_line} 有“{school}”的专业“{major}”，本年报表没有："
            "漏报还是已停招撤销？"
        ),
        (
            'the {year} report {other_file}:{other_line} lists the major "{major}" of "{school}", this '
            "year's does "
            "not: left out, or closed?"
        ),
    ),
    "report.majors-sum-differs": (
        (
            "中职招生 secondary_vocational 填 {value} 人，而 {schools} 所中职学校各专业当年招生合计 "
            "{total} 人，相差 {share}%："
            "是否漏报了学校或专业？"
        ),
        (
            "enrollment.secondary_vocational is {value}, but the majors of the {schools} secondary "
            "schools enrolled "
            "{total} this year, {share}% apart: is a school or a major left out?"
        ),
    ),
    "report.roster-school-absent": (
        (
            "名册 {roster}:{roster_line} 上的学校“{school}”不在本报表的 schools 中：请补报该校，"
            "或请名册维护单位更正名册"
        ),
        (
            'the school "{school}" on the roster {roster}:{roster_line} is not in this report\'s '
            "schools: add it, "
            "or have the roster corrected"
        ),
    ),
    "report.roster-school-similar": (
        (
            "名册 {roster}:{roster_line} 上的学校“{school}”不在本报表的 schools 中；第 {line} "
            "行的“{similar}”是否就是该校？"
            "请使用名册上的校名"
        ),
        (
            'the school "{school}" on the roster {roster}:{roster_line} is not in this report\'s schools; is '
            '"{similar}" on line {line} the same school? Use the roster\'s name'
        ),
    ),
}
