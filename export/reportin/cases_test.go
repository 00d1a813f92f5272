package reportin

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fazhi/data"
)

// wantSection describes one part as read: its key and heading, how many
// paragraphs it holds, and how its first paragraph begins and its last one
// ends (so a paragraph that strayed into the wrong part is caught).
type wantSection struct {
	key         data.SectionKey
	heading     string
	paras       int
	first, last string
}

type reportCase struct {
	name      string
	seed      string // a file in shared/seeds, or
	text      string // the text itself
	title     string
	addressee string
	opening   string // prefix
	sections  []wantSection
	signature []string
	date      string
	contact   string
	dropped   []string
}

// reportCases are shared by TestParse and FuzzParse. The seed expectations
// were read off the seed files by eye.
var reportCases = []reportCase{
	{
		name: "000 黄江镇 2020: three parts, signature of two bodies, contact line, 相关新闻", seed: "000_3f419afd8f863118.txt",
		addressee: "市委：", opening: "2020年,黄江镇坚持以习近平新时代中国特色社会主义思想为指导",
		sections: []wantSection{
			{data.SectionMeasures, "2020年度推进法治政府建设的主要举措和成效", 18, "(一)切实加强党对法治政府建设的领导", "接受人民群众的评议和监督。"},
			{data.SectionShortcomings, "存在不足", 3, "(一)法治队伍整体素质和业务能力有待进一步提高。", "各行政执法单位的法制审核队伍有待进一步加强。"},
			{data.SectionPlans, "2021年法治政府建设的主要安排", 9, "2021年,我镇将全面贯彻习近平法治思想", "不断完善非诉讼纠纷解决机制。"},
		},
		signature: []string{"中共黄江镇委员会", "黄江镇人民政府"}, date: "2021-01-27",
		contact: "(联系人:刘丰华;联系电话:82118800)", dropped: []string{"- 相关新闻"},
	},
	{
		name: "001 罗定市 2022: 主要做法 / 存在问题 / 工作计划, no signature", seed: "001_67ce8698e7c80b38.txt",
		title: "罗定市2022年法治政府建设年度报告", opening: "2022年,市政府坚持以习近平新时代中国特色社会主义思想为指导",
		sections: []wantSection{
			{data.SectionMeasures, "主要做法", 12, "(一)加强组织领导,健全工作机制", "节省行政成本办结案件。"},
			{data.SectionShortcomings, "存在问题", 1, "一年来,我市法治政府建设虽然取得了一些成绩", "法治审核把关工作力量还需进一步加强。"},
			{data.SectionPlans, "2023年工作计划", 7, "我们将坚持以习近平新时代中国特色社会主义思想为指导", "努力提升社会综合治理水平。"},
		},
		signature: []string{}, dropped: []string{"发布时间 :"},
	},
	{
		name: "002 江都区 2020: page chrome, title twice, 工作回顾 / 问题与不足 / 下一步工作打算, date digits only", seed: "002_35d5d50f6bfc1673.txt",
		title: "江都区政府关于2020年和五年来法治政府建设工作报告", addressee: "扬州市人民政府：", opening: "近年来,我区以习近平新时代中国特色社会主义思想为指导",
		sections: []wantSection{
			{data.SectionMeasures, "2020年和五年来法治政府工作回顾", 16, "(一)提高政治站位,法治政府建设重点任务稳步推进", "建成投用发热门诊6家、PCR实验室6家。"},
			{data.SectionShortcomings, "我区法治政府建设存在的问题与不足", 4, "我区在稳步推进依法行政加快法治政府建设各项工作的基础上", "承接办理相对滞后。"},
			{data.SectionPlans, "下一步工作打算", 1, "一是切实发挥区法治政府建设工作领导小组统筹职能", "提升负责人出庭应诉能力。"},
		},
		// "202117" under the signature: the page lost 年月日; read as 2021年1月7日.
		signature: []string{"扬州市江都区人民政府"}, date: "2021-01-07",
		dropped: []string{
			"您当前所在位置: 首页\u00a0>\u00a0政府信息公开\u00a0>\u00a0信息公开目录\u00a0>\u00a0政府文件",
			"索引号: XXZX_JD-2021-008 文件编号:",
			"信息名称: 江都区政府关于2020年和五年来法治政府建设工作报告 发布机构:",
			"生成日期: 公开日期: 2021-01-18",
			"时效:",
			"来源:江都区人民政府办公室\u00a0\u00a0发布日期: 2021-01-18\u00a0\u00a0访问量:",
			"江都区政府关于2020年和五年来法治政府建设工作报告",
		},
	},
	{
		name: "003 沙门镇 2023: the four mandated parts run on in one line between | rows", seed: "003_41e7131f8820c50f.txt",
		title: "2023年度沙门镇法治政府建设年度报告",
		sections: []wantSection{
			{data.SectionMeasures, "2023年度推进法治政府建设的主要举措和成效", 4, "(一)强化责任意识,筑牢思想根基。一是加强政治理论学习。", "将办事依法、遇事找法、解决问题用法、化解矛盾靠法的法治观念根植于每个人心中。"},
			{data.SectionShortcomings, "2023年度推进法治政府建设存在的不足和原因", 1, "一年来,我镇在推进法治政府建设方面取得了一定成绩", "人人学法遵法守法用法的法治氛围还需持续营造。"},
			{data.SectionLeaders, "2023年度党政主要负责人履行推进法治建设第一责任人,加强法治政府建设的有关情况", 3, "(一)提高政治站位,加强组织保障。", "为推进平安沙门建设发挥重要作用。"},
			{data.SectionPlans, "2024年度推进法治政府建设的主要安排", 4, "2024年,我镇将以习近平新时代中国特色社会主义思想为指导", "在全社会营造良好的宣传氛围。"},
		},
		signature: []string{}, dropped: []string{"![]() ![]()"},
	},
	{
		name:  "full-width, parts out of order, Chinese-numeral date, 其他",
		text:  "某镇2024年法治政府建设年度报告\r\n县人民政府：\r\n现将有关情况报告如下：\r\n一、存在的问题\r\n　　一是学法不够。\r\n二、主要举措和成效\r\n（一）加强领导。\r\n全年开展学法4次。\r\n三、党政主要负责人履行推进法治建设第一责任人职责情况\r\n书记带头述法。\r\n四、2025年工作安排\r\n继续推进。\r\n五、其他需要报告的情况\r\n无。\r\n中共某镇委员会\r\n某镇人民政府\r\n二〇二五年一月二十七日\r\n（联系人：张三，联系电话：0769-1234）",
		title: "某镇2024年法治政府建设年度报告", addressee: "县人民政府：", opening: "现将有关情况报告如下：",
		sections: []wantSection{
			{data.SectionShortcomings, "存在的问题", 1, "一是学法不够。", "一是学法不够。"},
			{data.SectionMeasures, "主要举措和成效", 2, "（一）加强领导。", "全年开展学法4次。"},
			{data.SectionLeaders, "党政主要负责人履行推进法治建设第一责任人职责情况", 1, "书记带头述法。", "书记带头述法。"},
			{data.SectionPlans, "2025年工作安排", 1, "继续推进。", "继续推进。"},
			{data.SectionOther, "其他需要报告的情况", 1, "无。", "无。"},
		},
		signature: []string{"中共某镇委员会", "某镇人民政府"}, date: "2025-01-27", contact: "（联系人：张三，联系电话：0769-1234）",
	},
	{
		name: "items numbered 一、 inside a part are not parts; dates as 2025-01-27",
		text: "一、主要举措和成效\n一、二季度开展普法。\n一、加强学习。全年学法4次。\n二、存在不足\n不足。\n某镇人民政府\n2025-01-27",
		sections: []wantSection{
			{data.SectionMeasures, "主要举措和成效", 2, "一、二季度开展普法。", "一、加强学习。全年学法4次。"},
			{data.SectionShortcomings, "存在不足", 1, "不足。", "不足。"},
		},
		signature: []string{"某镇人民政府"}, date: "2025-01-27",
	},
	{
		name: "not a report", text: "会议通知\n请各单位于周五前报送材料。",
		title: "", opening: "会议通知", signature: []string{},
	},
	{name: "empty", text: "", signature: []string{}},
	// Found by fuzzing: a NUL inside a line is dropped, so the line read is
	// not a substring of the raw input.
	{name: "control character", text: "0\x000", opening: "00", signature: []string{}},
}

func caseText(t testing.TB, c reportCase) string {
	if c.seed == "" {
		return c.text
	}
	b, err := os.ReadFile(seedPath(t, c.seed))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParse(t *testing.T) {
	for _, c := range reportCases {
		t.Run(c.name, func(t *testing.T) {
			text := caseText(t, c)
			res := Parse(text)
			r := res.Report
			if r.Title != c.title || r.Addressee != c.addressee || r.Contact != c.contact {
				t.Errorf("title %q addressee %q contact %q", r.Title, r.Addressee, r.Contact)
			}
			if !strings.HasPrefix(r.Opening, c.opening) || (c.opening == "") != (r.Opening == "") {
				t.Errorf("opening %q", r.Opening)
			}
			if !slices.Equal(r.Signature, c.signature) || r.Date.String() != c.date {
				t.Errorf("signature %q date %q", r.Signature, r.Date)
			}
			if len(r.Sections) != len(c.sections) {
				t.Fatalf("%d sections; want %d: %+v", len(r.Sections), len(c.sections), r.Sections)
			}
			for i, w := range c.sections {
				s := r.Sections[i]
				paras := strings.Split(s.Text, "\n")
				if s.Key != w.key || s.Heading != w.heading || len(paras) != w.paras ||
					!strings.HasPrefix(paras[0], w.first) || !strings.HasSuffix(paras[len(paras)-1], w.last) {
					t.Errorf("section %d: %s %q, %d paragraphs, first %.60q, last …%q; want %+v", i, s.Key, s.Heading, len(paras), paras[0], tail(paras[len(paras)-1]), w)
				}
			}
			if !slices.Equal(res.Dropped, c.dropped) {
				t.Errorf("dropped %q; want %q", res.Dropped, c.dropped)
			}
			checkInvariants(t, text, res)
		})
	}
}

func tail(s string) string {
	r := []rune(s)
	return string(r[max(0, len(r)-20):])
}

// checkInvariants holds for any input: nothing invented (every paragraph,
// heading and signature line is text of the input), no empty paragraph,
// only known keys, valid UTF-8.
func checkInvariants(t *testing.T, text string, res Result) {
	t.Helper()
	r := res.Report
	in := stripInvisible(strings.ToValidUTF8(text, "\uFFFD"))
	for _, s := range r.Sections {
		if !s.Key.Valid() {
			t.Errorf("key %q", s.Key)
		}
		if !strings.Contains(in, s.Heading) || s.Heading == "" {
			t.Errorf("heading %q not from the input", s.Heading)
		}
		if s.Text == "" {
			continue
		}
		for _, p := range strings.Split(s.Text, "\n") {
			if p == "" || !strings.Contains(in, p) {
				t.Errorf("paragraph %q empty or not from the input", p)
			}
		}
	}
	for _, l := range append(append([]string{r.Title, r.Opening, r.Contact}, r.Signature...), res.Dropped...) {
		if !utf8.ValidString(l) {
			t.Errorf("invalid UTF-8 %q", l)
		}
		for _, p := range strings.Split(l, "\n") {
			if !strings.Contains(in, p) {
				t.Errorf("%q not from the input", p)
			}
		}
	}
	if !r.Date.IsZero() && (r.Date.Year() < 1900 || r.Date.Year() > 9999) {
		t.Errorf("date %s", r.Date)
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range reportCases {
		f.Add(caseText(f, c))
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Parse(text))
	})
}

// BenchmarkParse reads the longest seed (江都区, 18 KB).
func BenchmarkParse(b *testing.B) {
	text := caseText(b, reportCases[2])
	for b.Loop() {
		Parse(text)
	}
}
