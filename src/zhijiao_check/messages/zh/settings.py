"""Messages of the config file and the waivers file (area ``settings``).

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "settings.not-utf8": "不是 UTF-8 编码：请以 UTF-8 保存",
    "settings.not-toml": "不是有效的 TOML：{reason}",
    "settings.toml-why-twice": "同一个键写了两次",
    "settings.toml-why-table-twice": "同一个表（[名称]）声明了两次",
    "settings.toml-why-quote": "文字的引号没有结束",
    "settings.toml-why-equals": "键的后面应当是等号“=”（TOML 不用冒号）",
    "settings.toml-why-value": '值的写法不对：文字要加英文双引号（如 "en"），是/否写 true 或 false',
    "settings.toml-why-array": "方括号 [ ] 没有结束，或元素之间少了逗号",
    "settings.toml-why-inline-table": "花括号没有结束，或其中各项之间少了逗号",
    "settings.toml-why-array-header": "表数组的标题应以 ]] 结束，如 [[waiver]]",
    "settings.toml-why-table-header": "表的标题应以 ] 结束，如 [tool.zhijiao-check]",
    "settings.toml-why-one-per-line": "一行只写一个“键 = 值”：值的后面还有多余的内容",
    "settings.toml-why-too-deep": (
        "方括号 [ ] 或花括号 {{ }} 套了超过 {limit} 层（设置用不到这么多层）：请删去多余的括号"
    ),
    "settings.toml-why-date": (
        "日期请写成 2024-06-30 这样：年-月-日，月和日各写两位，用短横线，不加引号；并确认这一天存在"
    ),
    "settings.pyproject-unread": (
        "{reason}；其中如有 [{name}] 表，其设置不会生效"
        "（已继续在上级目录中查找配置文件；--no-config 不读配置文件）"
    ),
    "settings.config-table-missing": "没有 [{name}] 表：请添加该表，或不用 --config 指定此文件",
    "settings.config-table-near-miss": ("表名 [{found}] 写错了，其中的设置不会生效：是否想写 [{name}]？"),
    "settings.path-missing": "“{key}”的 {found} 不存在（路径相对于配置文件所在的目录）：请检查文件或目录名",
    "settings.base-dir-empty": (
        '“{key}”是空路径（""）：请写仓库的根目录（注释中的路径相对于它），路径相对于配置文件所在的目录，'
        '就是该目录时写 "."'
    ),
    "settings.base-dir-not-a-folder": (
        "“{key}”的 {found} 是{kind}，不是目录：请写仓库的根目录（注释中的路径相对于它），"
        "路径相对于配置文件所在的目录"
    ),
    "settings.base-dir-unreadable": "“{key}”的 {found} 无法读取：{reason}",
    "settings.path-nul": "“{key}”的 {found} 含有空字符（\\u0000），不能作文件或目录名：请写出实际的名称",
    "settings.output-folder": (
        "“{key}”的 {found} 以“/”结尾，是目录的写法：请写出要写入的文件名"
        "（在“/”后加上文件名，如 结果{suffix}）"
    ),
    "settings.output-from-config": (
        "输出 {file} 由配置文件的这一项 [[outputs]] 给出：请换一个文件名（命令行上给出的 -o 优先）"
    ),
    "settings.pack-from-config": (
        "规则包 {pack} 由配置文件的这一项给出：请改正该规则包，或从 packs 中删去这一项"
        "（命令行上给出的 --rules 优先）"
    ),
    "settings.units-from-config": (
        "报送单位取自规则包 {pack}，该规则包由配置文件的这一项给出（命令行上给出的 --rules 优先）"
    ),
    "settings.unknown-key": "未知的键“{key}”：可用的键有 {known}",
    "settings.wrong-type": "“{key}”的值 {found} 无效：应写成 {expected}",
    "settings.quoted-value": "“{key}”的值不加引号：请写 {key} = {write}",
    "settings.wrong-choice": "“{key}”的值 {found} 无效：可选 {choices}",
    "settings.output-needs-format": (
        '[[outputs]] 缺少 format：请写 format = "json"（可选 {choices}），或写以 .json、.xlsx 等结尾的 file'
    ),
    "settings.output-format-other": (
        'file = "{output}" 的扩展名表示格式 "{named}"，但这一项 [[outputs]] 写的是 format = "{format}"，'
        '写进去的会是 {format} 而不是 {named}：请把文件名改为以 {expected} 结尾，或写 format = "{named}"'
    ),
    "settings.waiver-needs": "豁免缺少“{key}”（当前：{found}）：每条豁免须写明规则、单位、理由、批准人和文号",
    "settings.waiver-one-each": (
        "“{key}” = {found} 是一个列表，而一条豁免只写一个 {key}（用引号括起来的文字）："
        "请每个分别写一条 [[waiver]]"
    ),
    "settings.waiver-control-character": (
        "“{key}”含有控制字符 {code_point}（第 {position} 个字符），会扰乱输出（转义序列会改变终端颜色）："
        "请删去它（reason、approved-by、document 中的换行和制表符可以保留）"
    ),
    "settings.waiver-not-text": '“{key}” = {found} 不是文字：请用引号括起来，写成 {key} = "…"',
    "settings.waiver-needs-time": (
        "豁免须有 year（豁免的统计年度）或 expires（截止日期，如 2024-06-30），或两者都写"
    ),
    "settings.waiver-unknown-rule": "没有规则“{rule}”；是否想写 {suggestion}？",
    "settings.waiver-unknown-rule-none": "没有规则“{rule}”；可用 zhijiao-check rules 查看全部规则",
    "settings.waiver-unknown-unit": "未知的单位“{unit}”；是否想写“{suggestion}”？全市性规则请写“全市”",
    "settings.waiver-unit-not-yet": (
        "“{name}”{since} 年设立，{since} 年起才填报，{year} 年没有它的结果：请写 {since} 年或以后的 year"
    ),
    "settings.waiver-unit-merged": (
        '“{name}”{merged}，{year} 年起不再单独填报：请写 unit = "{into}"，或写 {year} 年以前的 year'
    ),
    "settings.waiver-unit-renamed": '“{name}”已于 {year} 年更名为“{new}”：请写 unit = "{new}"',
    "settings.waiver-code-renamed": (
        "代码 {old_code} 是“{old}”的旧代码，{year} 年更名为“{name}”后代码是 {expected}："
        '请写 unit = "{expected}"'
    ),
    "settings.waiver-city-wide-rule": "{rule} 是全市性规则，结果属于全市而不是“{unit}”：unit 请写 全市",
    "settings.waiver-unit-rule": (
        "{rule} 按各单位的报表检查，不是全市性规则：unit 请写单位的名称或代码，如“{example}”"
    ),
    "settings.waiver-unit-kind": (
        "{rule} 只检查{kinds}的报表，“{unit}”是{kind}：这条豁免不会匹配任何结果，请核对规则或单位"
    ),
    "settings.waiver-expired": "{unit} {rule} 的豁免已于 {expires} 到期：该规则重新计入",
    "settings.waiver-repeats": (
        "{unit} {rule}（年度 {year}）的豁免与第 {first} 行的豁免重复，两者豁免同样的结果：请删除其中一条"
    ),
    "settings.waiver-unused": (
        "{unit} {rule}（年度 {year}）的豁免没有匹配任何未达标的结果：本次检查了{unit}该年度的报表，"
        "该结果已达标或不适用，或条目（规则、单位、年度）有误"
    ),
}
