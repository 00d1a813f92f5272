package plan

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"fazhi/export/textin"
	"fazhi/internal/testfiles"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// seedPath is seed 004 (企石镇 实施方案), kept in testdata/shared.
func seedPath() string { return testfiles.SeedFile("004_2fa00343c3f7394e.txt") }

func readSeed() ([]byte, error) { return os.ReadFile(seedPath()) }

func seedText(t testing.TB) string {
	b, err := readSeed()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkSeed004 asserts the figures the 企石镇 plan must give, whatever
// form its text arrived in.
func checkSeed004(t *testing.T, p *Plan) {
	t.Helper()
	checkInvariants(t, p)
	if want := "企石镇关于贯彻落实《东莞市法治政府建设规划(2016-2020年)》实施方案"; p.Title != want {
		t.Errorf("title = %q, want %q", p.Title, want)
	}
	if len(p.Chapters) != 8 {
		t.Fatalf("chapters = %d, want 8", len(p.Chapters))
	}
	nos := []string{}
	tasks := map[int]Task{}
	for _, c := range p.Chapters {
		nos = append(nos, c.No)
		for _, task := range c.Tasks {
			if _, dup := tasks[task.No]; dup {
				t.Errorf("task %d twice", task.No)
			}
			tasks[task.No] = task
		}
	}
	if want := []string{"一", "二", "三", "四", "五", "六", "七", "八"}; !slices.Equal(nos, want) {
		t.Errorf("chapter numbers %q", nos)
	}
	if len(tasks) != 42 {
		t.Fatalf("tasks = %d, want 42", len(tasks))
	}
	for n := 1; n <= 42; n++ {
		if _, ok := tasks[n]; !ok {
			t.Errorf("task %d missing", n)
		}
	}
	roles := []struct {
		no                     int
		lead, coop, responsibl []string
		all                    bool
	}{
		{3, []string{"组织办"}, []string{"财政分局", "法制办"}, nil, false},
		{5, []string{"政务服务中心"}, []string{"社会事务办", "组织办", "镇监察室", "财政分局"}, nil, false},
		{9, nil, nil, []string{"党政办", "法制办"}, false},
		{14, nil, nil, []string{"法制办"}, false},
		{19, nil, nil, nil, true},
		{30, []string{"法制办"}, []string{"组织办", "财政分局"}, nil, false},
		{31, nil, nil, []string{"法制办", "司法分局", "人资分局"}, true}, // typo 各有部门
		{23, nil, nil, []string{"监察室", "人力资源局"}, true},
		{41, nil, nil, []string{"宣传办", "法制办"}, false},
	}
	for _, w := range roles {
		task := tasks[w.no]
		if !slices.Equal(task.Lead, nonNil(w.lead)) || !slices.Equal(task.Cooperate, nonNil(w.coop)) ||
			!slices.Equal(task.Responsible, nonNil(w.responsibl)) || task.AllRelevant != w.all {
			t.Errorf("task %d: lead %q cooperate %q responsible %q all %v", w.no, task.Lead, task.Cooperate, task.Responsible, task.AllRelevant)
		}
	}
	for n, task := range tasks {
		want, src := "2018-12-31", FromClosing
		if n == 6 || n == 10 {
			want, src = "2017-12-31", FromTask
		}
		if task.Deadline == nil || *task.Deadline != want || task.DeadlineSource != src {
			t.Errorf("task %d: deadline %v %q %q, want %s %s", n, task.Deadline, task.DeadlineSource, task.DeadlineText, want, src)
		}
		if n == 6 && task.DeadlineText != "到2017年底" || n == 10 && task.DeadlineText != "2017年年底前" || src == FromClosing && task.DeadlineText != "2018年年底前" {
			t.Errorf("task %d: deadline words %q", n, task.DeadlineText)
		}
		if task.Title == "" || strings.ContainsAny(task.Title, "。()（）") {
			t.Errorf("task %d: title %q", n, task.Title)
		}
		for _, debris := range []string{"负责)", "配合落实)", "《方案》", "各项工作任务原则上", "附件", "扫一扫", "ICP", "字体:", "来源:"} {
			if strings.Contains(task.Text, debris) {
				t.Errorf("task %d text keeps %q", n, debris)
			}
		}
	}
	if tasks[1].Title != "深化行政审批制度改革" || tasks[42].Title != "建设高素质政府法制机构队伍" {
		t.Errorf("titles %q / %q", tasks[1].Title, tasks[42].Title)
	}
	if !strings.HasSuffix(tasks[42].Text, "推进法制机构队伍的专业化和职业化建设。") {
		t.Errorf("task 42 ends %q", tasks[42].Text)
	}
	if !strings.HasPrefix(p.Chapters[7].Preamble, "党的领导是全面推进依法治国") || p.Chapters[7].Title != "加强组织保障和落实机制" {
		t.Errorf("chapter 八: %q / preamble %q", p.Chapters[7].Title, p.Chapters[7].Preamble)
	}
	if !strings.HasPrefix(p.Closing, "《方案》的部署落实由镇委书记和镇长负责亲自抓") || strings.Contains(p.Closing, "附件") {
		t.Errorf("closing %q", p.Closing)
	}
	if !strings.HasPrefix(p.Preamble, "为进一步推进我镇法治政府建设工作") {
		t.Errorf("preamble %q", p.Preamble)
	}
	for _, d := range []string{"头部", "扫一扫在手机打开当前页", "附件:", "媒体报道"} {
		if !slices.Contains(p.Dropped, d) {
			t.Errorf("dropped %q lacks %q", p.Dropped, d)
		}
	}
	if len(p.Unplaced) != 0 {
		t.Errorf("unplaced %q", p.Unplaced)
	}
}

func TestSeed004(t *testing.T) {
	checkSeed004(t, Parse(seedText(t), 2017))
}

// TestSeed004OneLine: the same plan pasted from a web page as one line.
func TestSeed004OneLine(t *testing.T) {
	var parts []string
	for _, l := range strings.Split(seedText(t), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	checkSeed004(t, Parse(strings.Join(parts, " "), 2017))
}

// TestSeed004YearFromText: without a year argument the closing default
// still dates every task.
func TestSeed004YearFromText(t *testing.T) {
	p := Parse(seedText(t), 0)
	if p.Year != 2018 {
		t.Errorf("year = %d, want 2018 (the closing default; the title's 2020 ends a range)", p.Year)
	}
	if d := p.Chapters[1].Tasks[1].Deadline; d == nil || *d != "2017-12-31" {
		t.Errorf("task 10 deadline %v", d)
	}
}

// TestFileFormats reads the seed in each form an office sends it and
// expects the same plan.
func TestFileFormats(t *testing.T) {
	text := seedText(t)
	dir := t.TempDir()
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.ReplaceAll(text, "\u00a0", " ")))
	if err != nil {
		t.Fatal(err)
	}
	var u16 []byte
	for _, u := range utf16.Encode([]rune("\ufeff" + strings.ReplaceAll(text, "\n", "\r\n"))) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	files := map[string][]byte{
		"gbk.txt":    gbk,
		"utf16.txt":  u16,
		"plan.docx":  makeDocx(t, strings.Split(text, "\n")),
		"utf8bom.md": append([]byte("\ufeff"), text...),
	}
	for name, b := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := textin.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			checkSeed004(t, Parse(s, 2017))
		})
	}
}

// makeDocx writes paragraphs as a minimal Word document.
func makeDocx(t testing.TB, paras []string) []byte {
	var body strings.Builder
	for _, p := range paras {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
		xml.EscapeText(&body, []byte(p))
		body.WriteString(`</w:t></w:r></w:p>`)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body.String() + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkParseSeed004: target ≤ 2 ms per parse of the 40 KB plan.
func BenchmarkParseSeed004(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Parse(text, 2017)
	}
}
