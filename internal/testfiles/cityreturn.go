package testfiles

import (
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// CityReturn writes a small statistical return as the city sends it: a
// title with the year, 填报单位 with unit in B2, a header with 栏次 and 本年,
// four indicator rows (信访受理数, 信访办结数, 信访办结率, 调解案件数 — the
// last only similar to the catalogue's name) and a note a fill must keep.
// values (by Excel row, 4–7) go into the 本年 column C.
func CityReturn(t testing.TB, path, unit string, values map[int]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"2024年法治政府建设统计表"}, {"填报单位：", unit}, {"指标名称", "栏次", "本年"},
		{"信访受理数（宗）", 1}, {"信访办结数（宗）", 2}, {"信访办结率（%）", 3}, {"调解案件数", 4}, {"备注：勿删"},
	}
	for i, r := range rows {
		if v, ok := values[i+1]; ok {
			r = []any{r[0], r[1], v}
		}
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
