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
	"fazhi/export/backup"
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
// looking at nothing. Without a display or OpenGL driver there can be no
// window at all, so that is checked first and told in a message box.
func runWindow(g global, stderr io.Writer) int {
	if err := app.CheckGraphics(); err != nil {
		msg := data.Message(err)
		fmt.Fprintln(stderr, msg)
		app.ShowPlainError(msg)
		return 1
	}
	s, err := openStore(g)
	if err != nil {
		msg := data.Message(err)
		fmt.Fprintln(stderr, msg)
		app.RunStartupError(msg)
		return 1
	}
	defer s.Close()
	// The day's first start leaves a copy behind; if that fails (a full
	// disk) the window still opens, and 设置 shows how old the last backup is.
	if _, _, err := backup.AtStart(s); err != nil {
		fmt.Fprintln(stderr, data.Message(err))
	}
	app.Version = Version
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
	// One opening for both doors: the store backs up before every change
	// that replaces or merges data.
	return backup.OpenStore(path)
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
  tasks import 文件.xlsx --year 年度 [--dry-run] [--json] [--replace] [--sheet 工作表] [--column C=牵头单位]...
                                        读取任意格式的任务分解表（.xlsx，或 .xls），显示找到的表头、各列含义、
                                        任务和需要核对的地方；不加 --dry-run 时保存为该年度的任务分解表
  tasks merge --year 年度 文件.xlsx... [--apply [--accept 编号,...]] [--json]
                                        汇总各部门交回的任务分解表：列出每个文件、每项任务的新进展、状态和改动
                                        （每处前有 [编号]），以及冲突；加 --apply 时保存没有冲突的改动（进展记上
                                        部门和文件日期）；有冲突的，--accept 编号 采用其中一方
  tasks export --year 年度 [-o 文件.xlsx] [--as-of YYYY-MM-DD] [--template 模板.xlsx [--sheet 工作表]] [--force]
                                        导出任务分解表（A4 横向、可直接打印）；--as-of 只含该日前的进展；
                                        --template 填入上级下发的模板；已有同名文件时不覆盖，除非加 --force
  tasks export --year 年度 --per-dept 文件夹 [--force]
                                        每个部门生成一个待填写进展的文件，发给各部门填报
  report import 文件 --year 年度 [--dry-run] [--json] [--replace]
                                        读取往年的年度报告（.txt 或 .docx），按“举措和成效、不足、
                                        主要负责人履职、主要安排、其他”分部分显示；不加 --dry-run 时保存
  report draft --year 年度 [--replace] [--as-of YYYY-MM-DD]
                                        由该年度的任务、进展和统计数据生成报告草稿并保存
  report check --year 年度 [--as-of YYYY-MM-DD] [--json]
                                        检查数字是否与统计数据一致、规定部分是否齐全、报送期限；有问题时退出状态为 1
  report export --year 年度 -o 文件.docx|文件.txt [--force]
                                        按公文格式导出（--force 覆盖已有文件）；每次导出自动保存历史版本
  report show --year 年度 [--snapshot 编号] [--json]
  report snapshots --year 年度           列出历史版本
  report restore --year 年度 --snapshot 编号
                                        恢复历史版本（恢复前的内容也保存为历史版本）
  backup [-o 文件 [--replace]]         立即备份：不加 -o 时备份到数据文件夹的 backups/ 中
  backup list [--json]                  列出自动备份（最新的在前）
  backup keep [份数]                    显示或设置自动备份保留的份数（默认 10）
  restore 备份文件                      从备份恢复：先检查文件完好，并先备份当前数据
  stats set --year 年度 名称=数值...     填写统计数值（名称可用指标名称、代码或别名；331、３３１、2,707、2.5万、无 都可以）
  stats list --year 年度 [--json] [--all]
                                        列出全部指标的本年值和上年值（比率由分子分母自动计算）
  stats check --year 年度 [--json]      按错误、核实、提示检查本年数据；有错误时退出状态为 1
  stats explain --year 年度 名称 说明   为需要核实的数据写明说明
  stats indicator add|rename|alias|retire|reinstate …
                                        管理指标目录（改名后旧名称保留为别名；停用后历史数据保留）
  stats map 模板.xlsx [--map 指标=单元格]... [--unset 指标]... [--save]
                                        显示市里统计报表模板各栏目对应的指标；--map/--unset 改正后保存，
                                        同样格式的报表以后自动对应
  stats export --year 年度 -o 输出.xlsx [--template 模板.xlsx] [--map 指标=单元格]... [--replace]
                                        导出统计报表：有模板时只填对应的单元格，模板其余内容不变；有错误时不能导出
  stats import 文件.xlsx --year 年度 [--dry-run] [--json] [--map 指标=单元格]...
                                        读入填好的报表，先列出将改变的数值（比率不读入，由分子分母计算）
  stats sum -o 汇总.xlsx [--expect 单位、单位…] [--json] [--replace] 文件...
                                        汇总多个单位的同一报表：数量相加，比率按汇总后的分子分母重新计算；
                                        另附“各单位数据”表，列出缺报、重复和有错误的报表；
                                        不加 --expect 时用窗口中保存的应报送单位名单
  profile show [--json]                 显示单位信息
  profile set [--name 单位名称] [--party 党委名称] [--short 简称] [--level 乡镇|县区|地市]
              [--superior 上级机关] [--contact 联系人] [--phone 联系电话]
                                        修改单位信息（只改写给出的项）

数据文件默认位置：用户配置文件夹下的 fazhi/fazhi.db
（Windows：%AppData%\fazhi\fazhi.db；Linux：~/.config/fazhi/fazhi.db）。
每天第一次打开窗口时，以及每次导入、汇总交回的表、合并部门、结转、替换报告、恢复之前，自动备份到数据文件夹的 backups/ 中。
出错时错误信息写到标准错误输出，退出状态为 1。
`
