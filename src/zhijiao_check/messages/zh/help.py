"""The command line's help: what each command does and each option is for (``cli_help``).

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py). ``help.option.<name>``
serves every command with that option; ``help.option.<command>.<name>``, one command's own."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "help.app": (
        "检查各单位的报表是否达到永政发〔2021〕7号的目标。直接写路径即运行 check：zhijiao-check reports/2023/"
    ),
    "help.usage": "用法：",
    "help.options-metavar": "[选项]",
    "help.command-metavar": "命令 [参数]...",
    "help.panel-arguments": "参数",
    "help.panel-options": "选项",
    "help.panel-commands": "命令",
    "help.default": "[默认：{}]",
    "help.required": "[必填]",
    # The statuses a stop gives (status.Stopped) on a line of their own: each line within the 66 columns
    # the commands' panel leaves a summary at 80 (tests/cli/test_help.py).
    "help.command.check": (
        "检查报表是否达标。\n退出状态：0 全部达标，1 有目标未达标，2 输入有误，3 内部错误；\n"
        "中断：130 Ctrl-C，143 SIGTERM，129 SIGHUP（终端关闭）。"
    ),
    "help.command.validate": (
        "只校验报表格式，不检查规则。\n退出状态：0 格式无误，2 有误，3 内部错误；\n"
        "中断：130 Ctrl-C，143 SIGTERM，129 SIGHUP（终端关闭）。"
    ),
    "help.command.diff": (
        "同一单位两份报表之间的变化：\n字段、按名称对应的学校和专业、规则状态；两个目录则按单位逐一比较。"
    ),
    "help.command.rules": (
        "列出全部规则：ID、条款、范围、时间、标题。\n--format markdown 把 Markdown 写到标准输出"
        "（docs/rules.md 即加 --lang en 的输出）。"
    ),
    "help.command.explain": "一条规则的全部内容：条款、原文、解释、读取的字段、时间、责任单位。",
    "help.command.coverage": "政策的每一条款：转写它的规则，或为什么没有规则。",
    "help.command.template": "为一个单位和年度生成空白填报模板，每个字段都有中文说明（--lang en 时为英文）。",
    "help.command.convert": "在 YAML 和 Excel 工作簿之间转换报表，不丢任何内容。",
    "help.command.schema": "填报格式 v1 的 JSON Schema（draft 2020-12），\n供编辑器和校验工具使用。",
    "help.option.help": "显示本帮助并退出。",
    "help.option.version": "显示版本并退出。",
    "help.option.install_completion": "为当前 shell 安装命令补全。",
    "help.option.show_completion": "显示当前 shell 的补全脚本，可复制或自行安装。",
    "help.option.paths": (
        "报表文件，或目录（在其中查找 *.yaml、*.yml、*.json、*.xlsx、*.xlsm，"
        "以及记事本保存的 *.yaml.txt、*.json.txt，读取时给出警告）；- 表示读标准输入。"
    ),
    "help.option.lang": "输出语言：zh（中文，默认）或 en（英文）。",
    "help.option.format": "table，或 json（供脚本读取）。",
    "help.option.output": "写入此文件（默认：标准输出）。",
    "help.option.force": "--output 的文件已存在时覆盖它。",
    "help.option.rules": "再加一个规则包目录（或替换同 ID 的内置规则包）。",
    "help.option.pack": "规则包：已安装规则包的 ID，或规则包目录（默认：已安装的规则包）。",
    "help.option.no_color": "不用颜色（设置了 NO_COLOR，或输出不是终端且未设置 FORCE_COLOR 时也不用）。",
    "help.option.debug": "出现内部错误（退出状态 3）时显示错误堆栈。",
    "help.option.check.formats": (
        "table（默认）、json、junit、markdown、github、sarif、html、xlsx 或 csv；"
        "与 --output 成对重复，一次运行写出多种输出。"
    ),
    "help.option.check.outputs": (
        "与 --format 对应的输出文件（默认：标准输出；写 - 也是）；没有对应的 --format 时按扩展名"
        "（.xlsx、.csv、.html、.json、.md、.sarif、.xml 为 junit），其余写表格。"
    ),
    "help.option.check.strict": "warn 和 behind 也算不通过（默认：否）。",
    "help.option.check.select": "只检查这些规则：规则 ID、通配符（c16.*）或条款（c4），用逗号分隔。",
    "help.option.check.ignore": "不检查这些规则（写法同 --select）。",
    "help.option.check.previous": (
        "用来对照的往年报表（不评分）：去年报表里有、今年没有的学校或专业给出警告。"
    ),
    "help.option.check.roster": (
        "教育局的各单位学校名册（YAML 或 Excel 工作簿）：名册上有、本单位报表里没有的学校算错误。"
    ),
    "help.option.check.per_unit": (
        "与 --format html 同用：另在 DIR 中为每个单位写一页可打印的页面，带签字栏。"
    ),
    "help.option.check.waivers": "豁免文件（TOML，[[waiver]] 条目）：写明理由而豁免的结果，显示为 waived。",
    "help.option.check.base_dir": (
        "SARIF 和 GitHub 输出中路径的起点（默认：git 仓库的根目录，否则为当前目录）。"
    ),
    "help.option.check.paths": (
        "报表文件，或目录（在其中查找 *.yaml、*.yml、*.json、*.xlsx、*.xlsm，"
        "以及记事本保存的 *.yaml.txt、*.json.txt，读取时给出警告）；- 表示读标准输入。"
        "用 --staged-removals 时为在哪里找移除的报表（可省略），用 --settings-only 时不给。"
    ),
    "help.option.check.whole_year": (
        "检查所给每个文件所在目录（其年度的目录）里的全部报表：pre-commit 钩子就是这样做的，"
        "全市指标才能看到整个年度。"
    ),
    "help.option.check.staged_removals": (
        "检查暂存的改动删除或移走了报表的目录（每个整个检查），供 pre-commit 钩子在删除报表的提交前使用；"
        "所给 PATH 限定在哪里找（如 reports/，默认整个 git 仓库）。没有移除报表时立即以 0 退出。"
    ),
    "help.option.check.settings_only": (
        "只按检查时的方式读取设置（配置文件、其中的规则包、名册、豁免文件及 --waivers 等），不读报表、"
        "不写输出：有误时退出状态 2 并指出文件、行、列，否则为 0。"
    ),
    "help.option.config": (
        "配置文件（默认：从当前目录向上最近的 zhijiao-check.toml，"
        "或含 [tool.zhijiao-check] 的 pyproject.toml）。"
    ),
    "help.option.no_config": "不读任何配置文件（所指定的和找到的都不读）：只用命令行上给出的选项和默认值。",
    "help.option.check.quiet": "只显示汇总行。",
    "help.option.check.jobs": (
        "同时处理大量报表的进程数，含本工具自身的进程（默认：只输出 json、junit、sarif 时"
        "每个可用处理器一个，这时多进程才划算；否则一个进程；至多每个可用处理器一个）。"
    ),
    "help.option.validate.format": "table，或 json（供 CI 和编辑器读取）。",
    "help.option.diff.old": "较早的报表（或较早的版本）；或上一年报表的目录。",
    "help.option.diff.new": "同一单位较晚的报表；或今年报表的目录（按单位逐一比较）。",
    "help.option.rules.format": "table、json，或 markdown（即 docs/rules.md 这一页）。",
    "help.option.explain.rule": "规则 ID，例如 c1.vocational-share。",
    "help.option.template.unit": "单位：名称（冷水滩区）或代码（431103）。",
    "help.option.template.year": "统计年度，例如 2023。",
    "help.option.template.format": "yaml，或 xlsx 工作簿（默认：按 --output 的文件名，否则 yaml）。",
    "help.option.template.prefill": "去年的报表（YAML 或 xlsx）：预先填入其中的数字。",
    "help.option.template.schema": "JSON Schema 的路径或网址：在模板顶部加一行 yaml-language-server 注释。",
    "help.option.convert.source": "一份报表：.yaml、.yml、.json 或 .xlsx。",
    "help.option.convert.output": "转换后的报表：.xlsx、.yaml 或 .json。",
}
