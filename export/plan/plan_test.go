package plan

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// summary renders a task on one line for table comparisons:
// "一/1 title|L:lead|C:cooperate|R:responsible|all|deadline source words".
func summary(p *Plan) []string {
	out := []string{}
	for _, c := range p.Chapters {
		for _, t := range c.Tasks {
			dl := "nil"
			if t.Deadline != nil {
				dl = *t.Deadline
			}
			all := ""
			if t.AllRelevant {
				all = "all"
			}
			out = append(out, fmt.Sprintf("%s/%d %s|L:%s|C:%s|R:%s|%s|%s %s %s", c.No, t.No, t.Title,
				strings.Join(t.Lead, ","), strings.Join(t.Cooperate, ","), strings.Join(t.Responsible, ","),
				all, dl, t.DeadlineSource, t.DeadlineText))
		}
	}
	return out
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkInvariants holds for every input, parsed or fuzzed.
func checkInvariants(t *testing.T, p *Plan) {
	t.Helper()
	if p == nil || p.Chapters == nil {
		t.Fatal("nil plan or chapters")
	}
	if _, err := json.Marshal(p); err != nil {
		t.Fatalf("json: %v", err)
	}
	for _, c := range p.Chapters {
		if c.Tasks == nil {
			t.Fatalf("chapter %q has nil tasks (JSON null)", c.No)
		}
		seen := map[int]bool{}
		for _, task := range c.Tasks {
			if strings.TrimSpace(task.Text) == "" {
				t.Fatalf("task %s/%d has empty text", c.No, task.No)
			}
			if !utf8.ValidString(task.Text) || !utf8.ValidString(task.Title) {
				t.Fatalf("task %s/%d has invalid UTF-8", c.No, task.No)
			}
			if seen[task.No] {
				t.Fatalf("task number %s/%d repeats", c.No, task.No)
			}
			seen[task.No] = true
			if task.Lead == nil || task.Cooperate == nil || task.Responsible == nil {
				t.Fatalf("task %s/%d has a nil department list (JSON null)", c.No, task.No)
			}
			for _, list := range [][]string{task.Lead, task.Cooperate, task.Responsible} {
				for _, name := range list {
					if name == "" || strings.Contains(name, "负责") || strings.Contains(name, "配合") || strings.Contains(name, "牵头") {
						t.Fatalf("task %s/%d: bad department name %q", c.No, task.No, name)
					}
				}
			}
			if task.Deadline != nil && !isoDate.MatchString(*task.Deadline) {
				t.Fatalf("task %s/%d: deadline %q", c.No, task.No, *task.Deadline)
			}
			if task.LongTerm && task.Deadline != nil {
				t.Fatalf("task %s/%d: long-term with a date", c.No, task.No)
			}
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			p := Parse(tc.text, tc.year)
			checkInvariants(t, p)
			if tc.title != "" && p.Title != tc.title {
				t.Errorf("title = %q, want %q", p.Title, tc.title)
			}
			if got := summary(p); !slices.Equal(got, tc.want) {
				t.Errorf("tasks:\n got  %q\n want %q", got, tc.want)
			}
			if !strings.Contains(p.Preamble, tc.preamble) {
				t.Errorf("preamble %q lacks %q", p.Preamble, tc.preamble)
			}
			if !strings.Contains(p.Closing, tc.closing) {
				t.Errorf("closing %q lacks %q", p.Closing, tc.closing)
			}
			for _, d := range tc.dropped {
				if !slices.Contains(p.Dropped, d) {
					t.Errorf("dropped %q lacks %q", p.Dropped, d)
				}
			}
			for _, u := range tc.unplaced {
				if !slices.Contains(p.Unplaced, u) {
					t.Errorf("unplaced %q lacks %q", p.Unplaced, u)
				}
			}
			for _, c := range p.Chapters {
				for _, task := range c.Tasks {
					for _, w := range []string{"负责)", "负责）", "责任单位", "牵头单位", "配合单位", "扫一扫", "ICP"} {
						if strings.Contains(task.Text, w) {
							t.Errorf("task %s/%d text keeps %q: %q", c.No, task.No, w, task.Text)
						}
					}
				}
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.text, tc.year)
	}
	// An excerpt of seed 004, not all 40 KB: the fuzzer minimises every
	// new interesting input, and inputs grown from the whole plan took it
	// the full minimisation time each, stalling the run.
	if b, err := readSeed(); err == nil {
		lines := strings.Split(string(b), "\n")
		if len(lines) > 120 {
			excerpt := append(append(append([]string{}, lines[:10]...), lines[14:16]...), lines[96:101]...)
			f.Add(strings.Join(append(excerpt, lines[108:]...), "\n"), 2017)
		}
	}
	f.Fuzz(func(t *testing.T, text string, year int) {
		checkInvariants(t, Parse(text, year))
	})
}

func TestTaskNumberingKept(t *testing.T) {
	p := Parse(parseCases[6].text, 2024)
	var got []string
	for _, task := range p.Chapters[0].Tasks {
		got = append(got, task.Numbering+" "+task.Section)
	}
	want := []string{"（一）1. 深化放管服改革", "（一）2. 深化放管服改革", "（二）1. 加强执法监督", "（三） "}
	if !slices.Equal(got, want) {
		t.Fatalf("numbering %q, want %q", got, want)
	}
}

// TestJSONShape pins the command line's contract: these keys, in this
// nesting, with [] (not null) for empty lists and null for no date.
func TestJSONShape(t *testing.T) {
	p := Parse("某镇2024年工作要点\n一、任务\n1.甲任务。（法制办负责，长期坚持）\n2.乙任务。", 2024)
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"title":"某镇2024年工作要点","chapters":[{"no":"一","title":"任务","tasks":[` +
		`{"no":1,"title":"甲任务","text":"甲任务。","lead":[],"cooperate":[],"responsible":["法制办"],"all_relevant":false,"deadline":null,"deadline_text":"长期坚持","deadline_source":"long_term","long_term":true},` +
		`{"no":2,"title":"乙任务","text":"乙任务。","lead":[],"cooperate":[],"responsible":[],"all_relevant":false,"deadline":"2024-12-31","deadline_text":"","deadline_source":"year","long_term":false}]}]}`
	if string(b) != want {
		t.Fatalf("json:\n got  %s\n want %s", b, want)
	}
	if d, ok := p.Chapters[0].Tasks[1].DeadlineDate(); !ok || d.Format("2006-01-02") != "2024-12-31" {
		t.Fatalf("DeadlineDate = %v, %v", d, ok)
	}
}

func TestFindDeadlines(t *testing.T) {
	cases := []struct {
		text string
		want []string // "words=date"
	}{
		{"到2017年底，实现脱钩", []string{"到2017年底=2017-12-31"}},
		{"2017年年底前完成清理", []string{"2017年年底前=2017-12-31"}},
		{"2017年6月底前", []string{"2017年6月底前=2017-06-30"}},
		{"6月底前完成", []string{"6月底前=2024-06-30"}},
		{"三季度末完成", []string{"三季度末=2024-09-30"}},
		{"2023年第四季度前", []string{"2023年第四季度前=2023-12-31"}},
		{"年内完成", []string{"年内=2024-12-31"}},
		{"今年上半年完成", []string{"上半年=2024-06-30"}},
		{"2025年下半年", []string{"2025年下半年=2025-12-31"}},
		{"截至2024年9月30日", []string{"截至2024年9月30日=2024-09-30"}},
		{"2024年2月底", []string{"2024年2月底=2024-02-29"}},
		{"十二月中旬前", []string{"十二月中旬前=2024-12-20"}},
		{"每年年底报告", nil},
		{"每季度末报送", nil},
		{"一年内发生多起", nil},
		{"每年第一季度要报告", nil},
		{"2017年9月印发", nil},
		{"规划(2016-2020年)", nil},
		{"2024年2月30日前", nil},
		{"1990年以前", nil},
	}
	for _, tc := range cases {
		r := []rune(tc.text)
		var got []string
		for _, h := range findDeadlines(foldRunes(r), 2024) {
			got = append(got, string(r[h.start:h.end])+"="+h.iso())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestParseNote(t *testing.T) {
	cases := []struct {
		note string
		want string // "L:…|C:…|R:…|all|deadline"
	}{
		{"组织办牵头负责、财政分局、法制办配合落实", "L:组织办|C:财政分局,法制办|R:||"},
		{"由政务服务中心牵头,社会事务办、组织办、镇监察室、财政分局等部门配合落实", "L:政务服务中心|C:社会事务办,组织办,镇监察室,财政分局|R:||"},
		{"党政办、法制办按职责分工分别负责", "L:|C:|R:党政办,法制办||"},
		{"法制办负责", "L:|C:|R:法制办||"},
		{"宣传办，法制办分别负责", "L:|C:|R:宣传办,法制办||"},
		{"由政务服务中心牵头，社会事务办、组织办", "L:政务服务中心|C:社会事务办,组织办|R:||"},
		{"各有关部门,监察室、组织办,人力资源分局、审计办按职责分工分别负责", "L:|C:|R:监察室,组织办,人力资源分局,审计办|all|"},
		{"司法所负责牵头，民政办负责配合", "L:司法所|C:民政办|R:||"},
		{"责任单位：县政府办公室（牵头）、县司法局；完成时限：2024年底", "L:县政府办公室|C:县司法局|R:||2024年底"},
		{"综治办（维稳办）负责", "L:|C:|R:综治办(维稳办)||"},
		{"各镇（街道）、各相关单位负责", "L:|C:|R:各镇(街道)|all|"},
	}
	for _, tc := range cases {
		r := []rune(tc.note)
		n := parseNote(r, foldRunes(r), 0, len(r), roleResponsible)
		all := ""
		if n.allRelevant {
			all = "all"
		}
		got := fmt.Sprintf("L:%s|C:%s|R:%s|%s|%s", strings.Join(n.lead, ","), strings.Join(n.cooperate, ","), strings.Join(n.responsible, ","), all, n.deadline)
		if got != tc.want {
			t.Errorf("%q:\n got  %s\n want %s", tc.note, got, tc.want)
		}
	}
}

// TestNotANote: brackets in the prose stay in the text.
func TestNotANote(t *testing.T) {
	for _, s := range []string{"市政府第85号令", "统一登记、统一编号、统一印发", "2016-2020年", "试行", "由镇政府负总责的工作体制"} {
		r := []rune(s)
		if _, ok := noteIn(r, foldRunes(r), 0, len(r)); ok {
			t.Errorf("%q taken for a responsibility note", s)
		}
	}
}

// TestParseHostileSizes: about a megabyte of each shape that could make a
// careless parser quadratic must still parse quickly. Written after a
// FuzzParse run seemed to hang (it was the fuzzer minimising inputs grown
// from the whole seed); the review it prompted found four quadratic paths
// the fuzzer's small inputs never reach: de-duplicating a note with
// thousands of names, bracket matching on a line of stray brackets, the
// space test inside names (党 政 办), and a line of many trailing notes.
// All four are now bounded; these shapes keep them so.
func TestParseHostileSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("megabyte inputs")
	}
	shapes := map[string]string{
		"many names in one label": "一、任务\n1.甲任务。责任单位：" + strings.Repeat("甲办、", 200000),
		"spaced names":            "一、任务\n1.甲任务。责任单位：" + strings.Repeat("党 ", 300000),
		"stray brackets":          "一、任务\n1.甲任务" + strings.Repeat("(", 300000) + "\n各项工作任务",
		"closing brackets":        "一、任务\n1.甲任务" + strings.Repeat(")", 300000),
		"notes everywhere":        "一、任务\n1.甲任务" + strings.Repeat("(法制办负责)", 50000),
		"sections and items":      strings.Repeat("(一)甲 1.乙 ", 50000),
		"items": "一、任务 " + func() string {
			var b strings.Builder
			for i := 1; i <= 50000; i++ {
				fmt.Fprintf(&b, "%d.任务。（办%d负责） ", i%999+1, i)
			}
			return b.String()
		}(),
		"deadlines":     strings.Repeat("2017年6月底前", 50000),
		"spaces":        strings.Repeat(" ", 1<<20) + "1.甲",
		"chapter marks": strings.Repeat("一、", 300000),
		"one-is":        "一、任务\n" + strings.Repeat("一是甲；二是乙；", 50000),
		"labels":        "一、任务\n1.甲。" + strings.Repeat("责任单位：完成时限：", 50000),
		"debris":        strings.Repeat("扫一扫 ", 100000),
	}
	for name, text := range shapes {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			p := Parse(text, 2024)
			if d := time.Since(start); d > 20*time.Second { // quadratic would take hours; -race and a shared machine take seconds
				t.Errorf("%d runes took %v", len([]rune(text)), d)
			}
			checkInvariants(t, p)
		})
	}
}
