package tasksheet

import (
	"testing"

	"fazhi/data"
)

func TestFileNames(t *testing.T) {
	p := data.Profile{Name: "黄江镇人民政府"}
	cases := []struct{ got, want string }{
		{FileName(p, 2024, day("2024-06-30")), "黄江镇2024年法治政府建设任务分解表（截至2024年6月30日）.xlsx"},
		{FileName(data.Profile{Short: "企石镇"}, 2025, day("2025-01-05")), "企石镇2025年法治政府建设任务分解表（截至2025年1月5日）.xlsx"},
		{FileName(p, 2024, data.Date{}), "黄江镇2024年法治政府建设任务分解表（截至" + data.Today().Chinese() + "）.xlsx"},
		{DeptFileName(p, 2024, "司法所"), "黄江镇2024年法治政府建设任务分解表-司法所.xlsx"},
		{DeptFileName(p, 2024, "党政办/综治办"), "黄江镇2024年法治政府建设任务分解表-党政办_综治办.xlsx"},
		{DeptFileName(p, 2024, `a:b*c?"<>|.. `), "黄江镇2024年法治政府建设任务分解表-a_b_c_____.xlsx"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q; want %q", c.got, c.want)
		}
	}
}
