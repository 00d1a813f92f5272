// Command fazhi is 法治政府建设台账: with no command it opens the window;
// with one (`fazhi <noun> <verb>`) it does the same work from the command
// line, on the same code, for scripts and tests.
package main

import (
	"fmt"
	"io"
	"os"

	"fazhi/app"
	_ "fazhi/app/uilang" // before Fyne reads the locale
	"fazhi/data"
)

// Version is set at release time with -ldflags "-X main.Version=…".
var Version = "0.1.0-dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program minus os.Exit, so tests call it directly.
func run(args []string, stdout, stderr io.Writer) int {
	g, rest, err := parseGlobal(args)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if g.help {
		fmt.Fprint(stdout, helpText)
		return 0
	}
	if len(rest) == 0 {
		return runWindow(g, stderr)
	}
	cmd, ok := commands[rest[0]]
	if !ok {
		fmt.Fprintf(stderr, "未知命令“%s”。运行 fazhi --help 查看所有命令。\n", rest[0])
		return 1
	}
	if err := cmd(&cli{global: g, stdout: stdout, stderr: stderr}, rest[1:]); err != nil {
		fmt.Fprintln(stderr, data.Message(err))
		return 1
	}
	return 0
}

// runWindow opens the data file and the window; when the file cannot be
// opened the user is told why in a window (and on stderr), never left
// looking at nothing.
func runWindow(g global, stderr io.Writer) int {
	s, err := openStore(g)
	if err != nil {
		msg := data.Message(err)
		fmt.Fprintln(stderr, msg)
		app.RunStartupError(msg)
		return 1
	}
	defer s.Close()
	app.Run(s, g.view)
	return 0
}

func openStore(g global) (*data.Store, error) {
	path := g.db
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return nil, err
		}
	}
	return data.Open(path)
}

const helpText = `法治政府建设台账 —— 任务分解表、统计报表和年度报告的本地台账

用法：
  fazhi [--db 文件]                     打开程序窗口
  fazhi [--db 文件] <对象> <操作> [参数]  在命令行中完成同样的工作

全局参数：
  --db 文件      使用指定的数据文件（也可用环境变量 FAZHI_DB 指定）
  --view 页面    打开窗口后直接显示的页面：overview tasks stats report depts settings
  -h, --help     显示本帮助

命令：
  version                               显示程序版本和数据版本
  dept add 名称 [--alias 别名]...       登记部门（别名可写多个 --alias）
  dept list [--json]                    列出所有部门及其别名
  dept resolve 名称                     显示名称或别名对应的正式部门名称
  dept alias 名称 别名                  为部门添加别名
  dept unalias 别名                     删除一个别名
  dept rename 旧名称 新名称             重命名部门（旧名称保留为别名）
  dept merge 被并入部门 目标部门        把一个部门合并到另一个部门，所有引用随之改变
  dept delete 名称                      删除未被任何任务引用的部门
  dept suggest [--json]                 列出可能重复的部门（只提示，不合并）
  plan import 文件 --year 年度 [--dry-run] [--json] [--replace]
                                        读取实施方案/工作要点（.txt 或 .docx），显示拆分出的章节和任务；
                                        不加 --dry-run 时保存为该年度的任务分解表
  plan carry --from 年度 --to 新年度     把任务结转到下一年（不含进展，默认时限顺延）
  tasks list --year 年度 [--dept 部门] [--status 状态] [--overdue] [--as-of YYYY-MM-DD] [--json]
  tasks add --year 年度 --no 序号 --title 标题 [--chapter 一] [--text 全文] [--lead 部门]...
            [--cooperate 部门]... [--responsible 部门]... [--deadline YYYY-MM-DD] [--deadline-text 原文] [--long-term]
  tasks progress --year 年度 --no 序号 [--chapter 一] --dept 部门 --text 进展 [--date YYYY-MM-DD]
  tasks status --year 年度 --no 序号 [--chapter 一] --set 未开始|推进中|已完成|长期坚持
  tasks export --year 年度 [-o 文件.xlsx] [--as-of YYYY-MM-DD] [--template 模板.xlsx [--sheet 工作表]] [--force]
                                        导出任务分解表（A4 横向、可直接打印）；--as-of 只含该日前的进展；
                                        --template 填入上级下发的模板；已有同名文件时不覆盖，除非加 --force
  tasks export --year 年度 --per-dept 文件夹 [--force]
                                        每个部门生成一个待填写进展的文件，发给各部门填报
  profile show [--json]                 显示单位信息
  profile set [--name 单位名称] [--party 党委名称] [--short 简称] [--level 乡镇|县区|地市]
              [--superior 上级机关] [--contact 联系人] [--phone 联系电话]
                                        修改单位信息（只改写给出的项）

数据文件默认位置：用户配置文件夹下的 fazhi/fazhi.db
（Windows：%AppData%\fazhi\fazhi.db；Linux：~/.config/fazhi/fazhi.db）。
出错时错误信息写到标准错误输出，退出状态为 1。
`
