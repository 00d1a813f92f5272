package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The statistics through the command line: tolerant entry shown back,
// computed rates in the promised JSON, the rules and their exit status.
func TestStatsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	out, errs, code := runCLI(t, "--db", db, "stats", "set", "--year", "2023", "信访受理数=300", "信访办结数=300", "人民调解案件数=2000", "人民调解成功数=1900")
	if code != 0 {
		t.Fatalf("set 2023: %s", errs)
	}
	out, errs, code = runCLI(t, "--db", db, "stats", "set", "--year", "2024", "信访受理数=３３１宗", "F02=331", "调解案件=2,707", "人民调解成功数=2633", "规范性文件制发数=2.5万")
	if code != 0 || !strings.Contains(out, "人民调解案件数 = 2707件（填写为“2,707”）") {
		t.Fatalf("set: exit %d, %q %q", code, out, errs)
	}
	if _, errs, code := runCLI(t, "--db", db, "stats", "set", "--year", "2024", "信访办结率=100"); code != 1 || !strings.Contains(errs, "自动计算") {
		t.Errorf("typing a rate: exit %d, %q", code, errs)
	}

	out, _, code = runCLI(t, "--db", db, "stats", "list", "--year", "2024", "--json")
	var list []struct {
		Name     string   `json:"name"`
		Code     string   `json:"code"`
		Unit     string   `json:"unit"`
		Kind     string   `json:"kind"`
		Value    *float64 `json:"value"`
		LastYear *float64 `json:"last_year"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 {
		t.Fatalf("list --json: %v %q", err, out)
	}
	found := 0
	for _, s := range list {
		switch s.Name {
		case "人民调解成功率":
			found++
			if s.Kind != "rate" || s.Value == nil || *s.Value != 97.27 || s.LastYear == nil || *s.LastYear != 95 {
				t.Errorf("人民调解成功率 %+v", s)
			}
		case "信访受理数":
			found++
			if s.Value == nil || *s.Value != 331 || s.Unit != "宗" || *s.LastYear != 300 {
				t.Errorf("信访受理数 %+v", s)
			}
		case "行政复议纠错数":
			found++
			if s.Value != nil {
				t.Errorf("an empty figure is %v; want null", *s.Value)
			}
		}
	}
	if found != 3 || len(list) < 40 {
		t.Errorf("%d indicators listed, found %d of 3", len(list), found)
	}

	// 2.5万 规范性文件 against nothing last year is only a hint; a part larger
	// than its whole is an 错误, and check exits 1 until it is fixed.
	runCLI(t, "--db", db, "stats", "set", "--year", "2024", "规范性文件合法性审核数=30000")
	out, errs, code = runCLI(t, "--db", db, "stats", "check", "--year", "2024")
	if code != 1 || !strings.Contains(out, "[错误] 分子大于分母") || !strings.Contains(errs, "有错误") {
		t.Errorf("check: exit %d, %q, %q", code, out, errs)
	}
	runCLI(t, "--db", db, "stats", "set", "--year", "2024", "规范性文件合法性审核数=25000")
	if out, _, code = runCLI(t, "--db", db, "stats", "check", "--year", "2024"); code != 0 {
		t.Errorf("check after the fix: exit %d, %q", code, out)
	}
}
