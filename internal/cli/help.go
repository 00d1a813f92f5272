package cli

const helpHead = `法治政府建设台账 —— 任务分解表、统计报表和年度报告的本地台账

用法：
  fazhi [--db 文件]                     打开程序窗口
  fazhi [--db 文件] <对象> <操作> [参数]  在命令行中完成同样的工作

全局参数：
  --db 文件      使用指定的数据文件（也可用环境变量 FAZHI_DB 指定）
  --view 页面    打开窗口后直接显示的页面：overview tasks stats report depts settings
  -h, --help     显示本帮助

参数的含义（各命令相同）：
  --replace      覆盖已有的文件或数据（没有它，已有的文件和数据不会被改写）
  --force        检查发现问题时仍然继续
  --dry-run      只显示将要做的，不保存
  --json         以 JSON 格式输出，供其他程序读取

命令：
`

const helpTail = `
数据文件默认位置：用户配置文件夹下的 fazhi/fazhi.db
（Windows：%AppData%\fazhi\fazhi.db；Linux：~/.config/fazhi/fazhi.db）。
每天第一次打开窗口时，以及每次导入、汇总交回的表、合并部门、结转、替换报告、恢复之前，自动备份到数据文件夹的 backups/ 中。
出错时错误信息写到标准错误输出，退出状态为 1。
`
