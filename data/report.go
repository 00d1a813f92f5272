package data

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// SectionKey says which mandated part of the 年度报告 a section is
// (法治政府建设与责任落实督察工作规定, 2019, art. 25). Keys, not headings, are
// what the checks and the draft work with: a past report may call its first
// part 主要做法 or 工作回顾 and still be the 主要举措和成效.
type SectionKey string

// The five parts of the report, in the order the rules list them.
const (
	SectionMeasures     SectionKey = "measures"     // (一) 主要举措和成效
	SectionShortcomings SectionKey = "shortcomings" // (二) 存在的不足和原因
	SectionLeaders      SectionKey = "leaders"      // (三) 党政主要负责人履行第一责任人职责
	SectionPlans        SectionKey = "plans"        // (四) 下一年度主要安排
	SectionOther        SectionKey = "other"        // (五) 其他需要报告的情况 (optional)
)

// SectionKeys lists every key in the mandated order.
var SectionKeys = []SectionKey{SectionMeasures, SectionShortcomings, SectionLeaders, SectionPlans, SectionOther}

// MandatedSections are the four parts a report must have; 其他 is optional.
var MandatedSections = []SectionKey{SectionMeasures, SectionShortcomings, SectionLeaders, SectionPlans}

// Valid reports whether k is one of SectionKeys.
func (k SectionKey) Valid() bool {
	for _, v := range SectionKeys {
		if v == k {
			return true
		}
	}
	return false
}

// Label is the short Chinese name of the part, for outlines and messages.
func (k SectionKey) Label() string {
	switch k {
	case SectionMeasures:
		return "主要举措和成效"
	case SectionShortcomings:
		return "存在的不足和原因"
	case SectionLeaders:
		return "党政主要负责人履职情况"
	case SectionPlans:
		return "下一年度主要安排"
	case SectionOther:
		return "其他需要报告的情况"
	}
	return string(k)
}

// DefaultHeading is the heading the rules word for part k of year's report
// (without its 一、 number: numbers follow the order on export).
func (k SectionKey) DefaultHeading(year int) string {
	switch k {
	case SectionMeasures:
		return strconv.Itoa(year) + "年度推进法治政府建设的主要举措和成效"
	case SectionShortcomings:
		return strconv.Itoa(year) + "年度推进法治政府建设存在的不足和原因"
	case SectionLeaders:
		return "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
	case SectionPlans:
		return strconv.Itoa(year+1) + "年度推进法治政府建设的主要安排"
	case SectionOther:
		return "其他需要报告的情况"
	}
	return ""
}

// Section is one 一、… part of the report. Heading is stored without its
// number; Text is the part's paragraphs, one per line, with their own
// numbering as the clerk wrote it ((一)…, 一是…二是…).
type Section struct {
	Key     SectionKey `json:"key"`
	Heading string     `json:"heading"`
	Text    string     `json:"text"`
}

// FigureLink remembers a statistic put into the text, so that the report
// can say when the statistic has changed since: the indicator it came from,
// its value then, and where it stands (the section, the text inserted and
// its byte offset in the section's text when inserted; the offset is a hint,
// the text is what is searched for, since the clerk edits around it).
type FigureLink struct {
	Indicator string     `json:"indicator"`
	Value     float64    `json:"value"`
	Unit      string     `json:"unit,omitempty"`
	Section   SectionKey `json:"section"`
	Text      string     `json:"text"`
	Offset    int        `json:"offset"`
}

// Report is one year's 法治政府建设年度报告, as the clerk edits it and as it is
// exported. Past years stay stored, so last year's report is at hand.
type Report struct {
	Year      int          `json:"year"`
	Title     string       `json:"title"`
	Addressee string       `json:"addressee"` // 主送机关, with its colon: 市委：
	Opening   string       `json:"opening"`   // paragraphs before 一、
	Sections  []Section    `json:"sections"`
	Signature []string     `json:"signature"` // one line per issuing body
	Date      Date         `json:"date"`      // 成文日期
	Contact   string       `json:"contact"`   // （联系人：…，联系电话：…）
	Figures   []FigureLink `json:"figures,omitempty"`
	Source    string       `json:"source,omitempty"` // 草稿, or the file it was imported from
	Updated   time.Time    `json:"updated"`
}

// Section returns the first section with key k, and false when there is
// none.
func (r *Report) Section(k SectionKey) (*Section, bool) {
	for i := range r.Sections {
		if r.Sections[i].Key == k {
			return &r.Sections[i], true
		}
	}
	return nil, false
}

// DefaultTitle is the title a report gets from the profile:
// {简称}{年度}年法治政府建设年度报告.
func DefaultTitle(p Profile, year int) string {
	return p.ShortName() + strconv.Itoa(year) + "年法治政府建设年度报告"
}

// AddresseeLine turns the profile's 上级机关 into the 主送 line, ending in a
// full-width colon as a 公文 writes it (市委 → 市委：).
func AddresseeLine(superior string) string {
	s := strings.TrimRight(strings.TrimSpace(superior), ":：")
	if s == "" {
		return ""
	}
	return s + "："
}

// ContactLine is the 附注 under the date, from the profile; "" when neither
// a contact nor a phone is known.
func ContactLine(p Profile) string {
	var parts []string
	if p.Contact != "" {
		parts = append(parts, "联系人："+p.Contact)
	}
	if p.Phone != "" {
		parts = append(parts, "联系电话："+p.Phone)
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
}

// SignatureLines are the bodies that sign: the party committee first, then
// the government, as the seed reports sign (中共黄江镇委员会 / 黄江镇人民政府).
func SignatureLines(p Profile) []string {
	var out []string
	for _, s := range []string{p.Party, p.Name} {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// NewReport is an empty report for year with the four mandated sections,
// and the title, addressee, signature and contact taken from the profile.
func NewReport(p Profile, year int) Report {
	r := Report{
		Year:      year,
		Title:     DefaultTitle(p, year),
		Addressee: AddresseeLine(p.Superior),
		Signature: SignatureLines(p),
		Contact:   ContactLine(p),
	}
	for _, k := range MandatedSections {
		r.Sections = append(r.Sections, Section{Key: k, Heading: k.DefaultHeading(year)})
	}
	return r
}

// clean trims what the clerk typed and checks the few rules a report has.
func (r Report) clean() (Report, error) {
	if r.Year < 1900 || r.Year > 9999 {
		return r, userErr(ErrInvalid, "年度“%d”无效。", r.Year)
	}
	r.Title = strings.TrimSpace(r.Title)
	r.Addressee = strings.TrimSpace(r.Addressee)
	r.Contact = strings.TrimSpace(r.Contact)
	for i := range r.Sections {
		s := &r.Sections[i]
		if !s.Key.Valid() {
			return r, userErr(ErrInvalid, "报告章节“%s”无效，只能是：measures、shortcomings、leaders、plans、other。", s.Key)
		}
		s.Heading = strings.TrimSpace(s.Heading)
	}
	var sig []string
	for _, l := range r.Signature {
		if l = strings.TrimSpace(l); l != "" {
			sig = append(sig, l)
		}
	}
	r.Signature = sig
	for _, s := range []string{r.Title, r.Addressee, r.Opening, r.Contact} {
		if !utf8.ValidString(s) {
			return r, userErr(ErrInvalid, "报告中有无法识别的字符，请检查后重新输入。")
		}
	}
	return r, nil
}

// FormatValue writes a figure's number the way a report does: whole
// numbers without decimals (331), others with at most two (98.1).
func FormatValue(v float64) string {
	s := strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// Figure is one statistic as the report needs it: the indicator's name, its
// value for the year (a rate as a percentage: 97 with Unit "%"), its unit,
// and optionally a finished sentence that states it (全年受理信访案件331宗).
// The statistics side hands these in; the report never reads indicators
// itself, so it works before any statistics are entered.
type Figure struct {
	Name     string
	Value    float64
	Unit     string
	Sentence string
}

// ValueText is the figure as it stands in the text: 331宗, 97%.
func (f Figure) ValueText() string { return FormatValue(f.Value) + f.Unit }
