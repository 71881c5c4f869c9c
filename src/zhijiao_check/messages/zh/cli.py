"""Messages of the command line itself: usage errors and internal errors.

In Chinese: one catalogue per language, the same keys in each (tests/test_messages.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "cli.binary-to-terminal": (
        "工作簿（xlsx）是二进制文件，不能显示在终端上：请用 --output 文件名.xlsx 写入文件"
    ),
    "cli.internal-error": "zhijiao-check：内部错误（程序缺陷，请报告）：{error}；加 --debug 查看详情",
    "cli.internal-error-outside": "zhijiao-check：内部错误（程序缺陷，请报告）：{error}",
    "cli.usage-help": "用 {command} -h 查看用法和全部选项",
    "cli.usage-no-such-option": "没有 {option} 这个选项",
    "cli.usage-no-such-option-maybe": "没有 {option} 这个选项；是否想写 {maybe}？",
    "cli.usage-no-such-command": "没有 {name} 这个命令，也没有这个文件或目录；是否想写 {maybe}？",
    "cli.usage-needs-value": "{option} 后面要写一个值",
    "cli.usage-switch-with-value": "{option} 是开关，不带值：只写 {option}",
    "cli.usage-missing-argument": "缺少参数 {name}",
    "cli.usage-missing-option": "缺少选项 {name}",
    "cli.usage-not-a-choice": "{option} 不能是“{given}”：可选 {choices}",
    "cli.usage-not-a-count": "{option} 不能是“{given}”：请写不小于 {least} 的整数（半角数字）",
    "cli.usage-not-a-number": "{option} 不能是“{given}”：请写整数（半角数字）",
    "cli.usage-bad-value": "{option} 不能是“{given}”：{reason}",
    "cli.usage-extra-arguments": "多余的参数：{arguments}（这个命令不接受这么多参数）",
    "cli.usage-output-twice": (
        "--output / -o 只能给一次：{command} 只写一个文件，给了 {files}，只会写最后一个；未做任何处理"
    ),
    "cli.usage-output-folder": (
        "--output {file} 以“/”结尾，是目录的写法：请给出要写入的文件名（如 {file}结果.json）；未做任何处理"
    ),
    "cli.usage-base-dir-empty": (
        '--base-dir 给的是空路径（""），例如未设置的变量：请给出仓库的根目录（注释中的路径相对于它）；'
        "未做任何处理"
    ),
    "cli.usage-shell-unsupported": (
        "不能为 {shell} 安装或显示命令补全：只支持 {shells}；请在其中一个 shell 中运行本命令"
    ),
    "cli.usage-shell-unknown": (
        "未能识别当前的 shell，不能安装或显示命令补全：只支持 {shells}；请在其中一个 shell 中运行本命令"
    ),
    "cli.completion-installed": "已为 {shell} 安装命令补全：{file}；重新打开终端后生效",
    "cli.usage-path-empty": (
        '{option} 给的是空路径（""），例如未设置的变量：请给出文件或目录（空路径不会当作当前目录）；'
        "未做任何处理"
    ),
    "cli.usage-output-empty": (
        '--output 给的是空路径（""），例如未设置的变量：请给出要写入的文件名；未做任何处理'
    ),
    "cli.usage-config-and-no-config": (
        "--config 和 --no-config 不能同时给出：--config FILE 读这个文件，--no-config 不读任何配置文件；"
        "请只给其中一个；未做任何处理"
    ),
    "cli.usage-staged-and-settings-only": (
        "--staged-removals 和 --settings-only 不能同时给出：--staged-removals 检查提交移走报表的年度目录，"
        "--settings-only 不读任何报表；两个钩子请分开写；未做任何处理"
    ),
    "cli.usage-settings-only-output": (
        "--settings-only 不读报表，也不写任何输出：请去掉 {typed}（配置文件中的 outputs 此时不写，"
        "无需改动）；未做任何处理"
    ),
    "cli.usage-other": "命令行有误：{reason}",
    "cli.os-is-a-directory": "这是一个目录，不是文件",
    "cli.os-no-such-path": "路径不存在，或其中不能新建文件",
    "cli.os-not-a-folder": "路径中有一段是文件，不是目录",
    "cli.os-in-use-or-denied": "文件可能正在 Excel、WPS 或其他程序中打开（请关闭后再试），或没有写入权限",
    "cli.os-permission-denied": "没有写入权限：请写到有写入权限的目录，或请目录所有者授予写权限",
    "cli.os-disk-full": "磁盘空间不足",
    "cli.os-read-only": "所在的文件系统是只读的",
    "cli.os-name-too-long": "文件名太长",
    "cli.os-io-error": "磁盘、U 盘或网络共享读写出错（EIO）：请检查它是否仍连接、是否损坏，然后重试",
    "cli.os-other": "系统错误 {name}：{said}",
    "cli.os-no-reader": (
        "没有程序在读取这个命名管道（FIFO），或设备不存在：请先启动读取它的程序，再运行本命令"
    ),
    "cli.interrupted": "已中断",
    "cli.written": "已写入 {files}",
    "cli.written-detail": "已写入 {files}（{detail}）",
    "cli.exit-status": "退出状态 {status}：{meaning}",
    "cli.exit-status-config": "退出状态 {status}：{meaning}；设置取自配置文件 {file}",
    "cli.config-used": "设置取自配置文件 {file}",
    "cli.detail-config": "{detail}；设置取自配置文件 {file}",
    "cli.written-pages": "{folder} 中每个单位一页",
    "cli.invalid-pack": "规则包无效：",
    "cli.choose-pack": "安装了多个规则包，请用 --pack 选择：{packs}",
    "cli.unknown-pack": "未知的规则包 {pack}：既不是已安装的规则包（{packs}），也不是目录",
    "cli.pack-empty": (
        '--pack 给的是空值（""），例如未设置的变量：请给出已安装的规则包（{packs}）或规则包目录；未做任何处理'
    ),
    "cli.explain-one-rule": "explain 一次说明一条规则；“{rule}”对应 {count} 条：{ids}",
    "cli.unknown-rule": "没有与“{rule}”匹配的规则；是否想写 {suggestion}？",
    "cli.unknown-rule-none": "没有与“{rule}”匹配的规则；可用 zhijiao-check rules 查看全部规则",
    "cli.unknown-format": "未知的输出格式 {format}，可选：{formats}",
    "cli.cannot-write": "无法写入 {file}：{reason}；没有留下写了一半的文件；已写入：{written}",
    "cli.cannot-write-none": "无法写入 {file}：{reason}；没有写出任何结果文件",
    "cli.spool-failed": (
        "无法写入临时文件（在 {folder}）：{reason}；请腾出空间，或用环境变量 TMPDIR 指定另一个目录；"
        "没有写出任何结果文件"
    ),
    "cli.worker-lost": (
        "一个工作进程没做完就停止了（被系统结束，可能是内存不足）；没有写出任何结果文件；"
        "请用更少的 --jobs 再运行（--jobs 1：只用一个进程）"
    ),
    "cli.cannot-write-stdout": "无法写入标准输出：{reason}；已写入的文件：{written}",
    "cli.cannot-write-stdout-none": "无法写入标准输出：{reason}；没有写出任何结果文件",
    "cli.stdout-closed": "标准输出已关闭，结果无处可写：{advice}；已写入的文件：{written}",
    "cli.stdout-closed-none": "标准输出已关闭，结果无处可写：{advice}；没有写出任何结果文件",
    "cli.stdout-advice-output": "请用 --output 指定文件",
    "cli.stdout-advice-redirect": "请把输出重定向到文件（如 > {file}）",
    "cli.cannot-write-help": "无法写入标准输出，帮助或版本号没有显示：{reason}",
    "cli.stdout-closed-help": "标准输出已关闭，帮助无处可写：请把它重定向到文件（如 > help.txt）",
    "cli.stdout-closed-version": "标准输出已关闭，版本号无处可写：请把它重定向到文件（如 > version.txt）",
    "cli.output-is-input": (
        "输出 {file} 就是输入 {input}（同一路径、符号链接或硬链接），写入会覆盖它：未做任何处理，"
        "请换一个输出文件名"
    ),
    "cli.output-over-report": (
        "{file} 已存在，且不是 zhijiao-check 写出的结果，可能是一份报表，写入会覆盖它：未做任何处理，"
        "请换一个输出文件名（或先移走这个文件）"
    ),
    "cli.output-link-over-report": (
        "{file} 是指向 {target} 的链接，写入会覆盖 {target}；它不是 zhijiao-check 写出的结果，"
        "可能是一份报表：未做任何处理，请换一个输出文件名（或先删除这个链接）"
    ),
    "cli.output-spreadsheet": (
        "不写入 {file}：本工具不写 {suffix} 表格，写成这个名字的文件 Excel、WPS 打不开，"
        "同名的表格还会被替换：未做任何处理，请把输出文件名改为以 .xlsx 结尾（如 {name}）"
    ),
    "cli.output-format-other": (
        "--output {file} 的扩展名表示 --format {named}，但它配的是 --format {format}"
        "（第 n 个 --output 配第 n 个 --format），写进去的会是 {format} 而不是 {named}："
        "未写出任何文件；请把文件名改为以 {expected} 结尾，或按 --output 的顺序给出 --format"
    ),
    "cli.output-report-name": (
        "不写入 {file}：以 {suffix} 结尾的文件会被当作报表读取，写进去的 {format} 结果在下次检查这个目录时"
        "会成为一份无效报表：未做任何处理，请把文件名改为以 {expected} 结尾"
    ),
    "cli.output-format-unwritten": (
        "不写入 {file}：它的扩展名表示 {named} 格式，而 {command} 不写这种格式：未做任何处理，"
        "请把文件名改为以 {expected} 结尾"
    ),
    "cli.output-format-given": (
        "--output {file} 的扩展名表示 --format {named}，但给出的是 --format {format}，写进去的会是 {format}："
        "未做任何处理，请把文件名改为以 {expected} 结尾，或改用 --format {named}"
    ),
    "cli.same-output": "{file} 与 {other} 是同一个输出文件，后写的会覆盖先写的：每个 --output 请用不同的文件",
    "cli.empty-path": '参数中有空路径（""），例如未设置的变量：请给出报表文件或目录（不会代为检查当前目录）',
    "cli.no-rule-selected": (
        "--select/--ignore 之后没有剩下任何规则：请放宽筛选（zhijiao-check rules 列出全部规则）"
    ),
    "cli.no-reports": "在 {paths} 中没有找到报表（*.yaml、*.yml、*.json、*.xlsx、*.xlsm）",
    "cli.several-to-stdout": (
        "{formats} 都会写到标准输出，混在一起无法读取：除一个以外，请各用 --output 指定文件"
    ),
    "cli.invalid-roster": "名册 {file} 无效：",
    "cli.per-unit-not-a-folder": (
        "--per-unit {folder} 是文件，不是目录：请给一个目录（不存在时会新建），每个单位在其中写一页 HTML"
    ),
    "cli.output-is-page": (
        "输出 {file} 正是 --per-unit {folder} 写单位页 {page} 的文件，后写的会覆盖先写的：未做任何处理，"
        "请换一个输出文件名，或换一个 --per-unit 目录"
    ),
    "cli.per-unit-needs-html": "--per-unit 需与 --format html 一起使用：每个单位写一页可打印的 HTML",
    "cli.base-dir-missing": "--base-dir 给出的目录无法读取：",
    "cli.base-dir-not-a-folder": (
        "--base-dir {folder} 是{kind}，不是目录：请给出仓库的根目录（注释中的路径相对于它）"
    ),
    "cli.cache-unused-others": (
        "缓存目录 {folder}（ZHIJIAO_CHECK_CACHE）未使用：同组或其他用户可以写入，其中的缓存文件读取时可能"
        "执行他人写入的代码，因此每次运行都重新读取规则包；请运行 chmod go-w {folder}，"
        "或取消 ZHIJIAO_CHECK_CACHE 改用默认缓存目录"
    ),
    "cli.cache-unused-owner": (
        "缓存目录 {folder}（ZHIJIAO_CHECK_CACHE）未使用：它属于其他用户，其中的缓存文件读取时可能执行他人"
        "写入的代码，因此每次运行都重新读取规则包；请把 ZHIJIAO_CHECK_CACHE 设为只有自己能写入的目录，"
        "或取消它改用默认缓存目录"
    ),
    "cli.whole-year-stdin": (
        "--whole-year 对标准输入（-）不起作用：标准输入没有所在的目录，只检查从中读入的这份报表"
    ),
    "cli.staged-removed": "暂存的改动从这些目录移除了报表，逐个检查整个目录：{folders}",
    "cli.staged-none": "暂存的改动没有移除报表：无需检查",
    "cli.staged-first-commit": "仓库还没有提交，暂存的改动不会移除任何报表：无需检查",
    "cli.staged-not-a-repository": (
        "--staged-removals 要问 git 哪些报表在暂存区中被删除或移走，但 {folder} 不在 git 仓库中："
        "请在报表的仓库中运行"
    ),
    "cli.staged-no-git": (
        "--staged-removals 要问 git 哪些报表在暂存区中被删除或移走，但找不到 git 命令：请安装 git，"
        "并让它在 PATH 中"
    ),
    "cli.staged-unmatched": (
        "--staged-removals 给出的 {paths} 不对应 git 暂存区或 HEAD 中的任何文件，在那里永远找不到移除的报表："
        "请检查钩子的 args（报表所在的目录，如 reports/）"
    ),
    "cli.staged-git-failed": "git 没能列出暂存区中删除的文件：{reason}",
    "cli.settings-only-paths": (
        "--settings-only 只检查设置（配置文件、豁免文件、名册、规则包），不读报表：请去掉 {paths}，"
        "或去掉 --settings-only 检查报表"
    ),
    "cli.settings-valid": "设置有效（未读报表）：{files}",
    "cli.settings-none": "没有找到配置文件，也没有给出豁免文件或名册：只检查了规则包",
    "cli.settings-none-no-config": (
        "没有读配置文件（--no-config），也没有给出豁免文件或名册：只检查了规则包"
    ),
    "cli.previous-missing": "--previous 给出的上年报表无法读取：",
    "cli.previous-invalid": "上年报表 {file} 无效，未用于比较（请用 validate 检查）",
    "cli.previous-unmatched": (
        "--previous 给出的报表为 {found} 年，没有本次报表（{years} 年）的上一年：未作逐年比较"
    ),
    "cli.roster-unmatched": "名册 {file} 为 {year} 年，本次没有该年的报表（{years} 年）：未按名册核对学校",
    "cli.roster-former-name": (
        "名册 {file} 所填单位名称“{former}”是 {year} 年更名前的名称：按现名“{name}”核对学校"
    ),
    "cli.diff-invalid": "无法比较：{file} 报表无效（{count} 个问题）：",
    "cli.diff-invalid-both": "无法比较：两份报表都无效（{count} 个问题）：",
    "cli.diff-unreadable": "无法比较：无法读取 {file}",
    "cli.diff-other-unit": "两份报表不是同一单位（{old} 与 {new}）：diff 比较同一单位不同年份或版本的报表",
    "cli.diff-folder-and-file": (
        "{folder} 是目录，{file} 是文件：请给出同一单位的两份报表，或两个目录（按单位逐一比较）"
    ),
    "cli.diff-no-pairs": "{old} 与 {new} 中没有同一单位的报表可比较",
    "cli.diff-only-in": "只在 {folder} 中有的单位，未比较：{files}",
    "cli.diff-several": "{unit} 在一个目录中有几份报表，未比较：{files}",
    "cli.diff-invalid-file": "{file}：报表无效，{count} 个问题，未比较",
    "cli.diff-title": "{unit} · {old_year} 年 → {new_year} 年 · {old} → {new}",
    "cli.diff-renamed": "单位于 {year} 年更名：“{old}” → “{new}”",
    "cli.diff-scores": "得分 {old} → {new}",
    "cli.diff-fields": "字段变化（{count}）：~ 修改 · + 新增 · - 删除",
    "cli.diff-none": "无",
    "cli.diff-statuses": "规则状态变化（{count}）",
    "cli.diff-unchanged": "状态未变的规则 {count} 条",
    "cli.diff-year-earlier": (
        "新报表是 {new} 年的，早于旧报表 {old_file}（{old} 年）：diff 先写旧报表、后写新报表"
        "（zhijiao-check diff 去年的 今年的），请核对两者是否写反，或报表的统计年度是否写错"
    ),
    "cli.diff-folders-year-earlier": (
        "新目录 {new_folder} 中 {count} 个单位的报表早于旧目录 {old_folder} 中的（如 {file} 是 {new} 年的，"
        "旧报表是 {old} 年的）：diff 先写旧的、后写新的（zhijiao-check diff 去年的 今年的），"
        "请核对两个目录是否写反，或报表的统计年度是否写错"
    ),
    "cli.diff-folders-year-same": (
        "新目录 {new_folder} 中 {count} 个单位的报表与旧目录 {old_folder} 中的同一年（如 {file}，{new} 年）："
        "比较同一年报表的两个版本时可不理会；否则请核对报表的统计年度是否写错，或是否给错了目录"
    ),
    "cli.diff-year-same": (
        "新报表与旧报表 {old_file} 同为 {new} 年：比较同一年报表的两个版本时可不理会；"
        "否则请核对报表的统计年度是否写错，或是否给错了文件或目录"
    ),
    "cli.diff-warnings": "提醒（{count}）",
    "cli.invalid-config": "配置文件 {file} 有误：",
    "cli.config-passed-over": (
        "配置文件 {file} 中 {command} 不读的键有误，本次当作没有这些键（check 会因此停止；"
        "--no-config 不读任何配置文件）："
    ),
    "cli.invalid-waivers": "豁免文件 {file} 有误（未豁免任何规则）：",
    "cli.progress": "正在检查报表",  # beside the progress bar of a long run, before its count (185/500)
    "cli.valid": "{file}：格式正确",
    # Before the problem, after its place (``Problem.report_line``).
    "cli.severity-error": "错误：",
    "cli.severity-warning": "警告：",
    "cli.valid-summary": "{valid} 个有效，{invalid} 个无效",
    "cli.valid-summary-copies": "{valid} 个有效（其中 {count} 份与另一份内容相同，是副本），{invalid} 个无效",
}
