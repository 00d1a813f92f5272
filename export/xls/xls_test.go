package xls

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fazhi/internal/testfiles"

	"fazhi/export/fileerr"
)

// fixturePath is the real 行政复议案件统计报表, kept in testdata/shared.
var fixturePath = testfiles.FixtureFile("xzfy_guofaban_stat_template.xls")

// readCase is one input and what Read must make of it. TestRead checks
// each; FuzzRead seeds its corpus with the same bytes.
type readCase struct {
	name  string
	data  []byte
	err   error // the sentinel Read must return, nil for success
	check func(t *testing.T, wb *Workbook)
}

// cell asserts one stored cell's text and kind.
func cell(t *testing.T, s *Sheet, row, col int, text string, kind Kind) {
	t.Helper()
	c, ok := s.Cells[CellRef{row, col}]
	if !ok {
		t.Errorf("%s!R%dC%d: no cell, want %q", s.Name, row+1, col+1, text)
		return
	}
	if c.Text != text || c.Kind != kind {
		t.Errorf("%s!R%dC%d = %q (kind %d), want %q (kind %d)", s.Name, row+1, col+1, c.Text, c.Kind, text, kind)
	}
}

// oneSheet is a workbook with a single visible worksheet holding records.
func oneSheet(sst []byte, records ...[]byte) bookSpec {
	return bookSpec{sst: sst, sheets: []sheetSpec{{name: "Sheet1", records: records}}}
}

func readCases(tb testing.TB) []readCase {
	tb.Helper()
	fixture, err := os.ReadFile(fixturePath)
	if err != nil {
		tb.Fatalf("the real .xls fixture is missing: %v", err)
	}
	good := xlsFile(oneSheet(sstStrings("甲", "乙"), labelSST(0, 0, 0), number(1, 1, 0, 12.5)))

	return []readCase{
		{name: "real statistical return", data: fixture, check: checkFixture},
		{
			// "Hello世界": five compressed characters, then a CONTINUE that
			// switches to UTF-16 for the rest. "中文ABC" goes the other way,
			// and "跨段" splits with no character in the first record at all.
			name: "SST split across CONTINUE with a change of compression",
			data: xlsFile(oneSheet(sstSplit(
				le(uint32(3), uint32(3), uint16(7), byte(0), "Hello"),
				le(byte(1), wide("世界"), uint16(5), byte(1), wide("中文")),
				le(byte(0), "ABC", uint16(2), byte(1)),
				le(byte(1), wide("跨段")),
			), labelSST(0, 0, 0), labelSST(0, 1, 1), labelSST(0, 2, 2))),
			check: func(t *testing.T, wb *Workbook) {
				s := &wb.Sheets[0]
				cell(t, s, 0, 0, "Hello世界", String)
				cell(t, s, 0, 1, "中文ABC", String)
				cell(t, s, 0, 2, "跨段", String)
			},
		},
		{
			// Two formatting runs and 6 bytes of phonetic data, the runs
			// split by a CONTINUE that carries no option byte (only character
			// data re-states it).
			name: "SST rich text and phonetic data skipped",
			data: xlsFile(oneSheet(sstSplit(
				le(uint32(2), uint32(2), uint16(2), byte(0x0D), uint16(2), uint32(6), wide("法治"), uint16(0), uint16(1)),
				le(uint16(1), uint16(2), "PHONET", uint16(2), byte(0), "ok"),
			), labelSST(0, 0, 0), labelSST(0, 1, 1))),
			check: func(t *testing.T, wb *Workbook) {
				cell(t, &wb.Sheets[0], 0, 0, "法治", String)
				cell(t, &wb.Sheets[0], 0, 1, "ok", String)
			},
		},
		{
			name: "RK, MULRK and NUMBER as Excel shows them",
			data: xlsFile(oneSheet(nil,
				rk(0, 0, 0, rkInt(45)), rk(0, 1, 0, rkInt(-3)), rk(0, 2, 0, rkCents(1234)), rk(0, 3, 0, rkFloat(12.5)),
				mulRK(1, 2, rkInt(1), rkCents(5), rkFloat(0.25)),
				number(2, 0, 0, 0.1+0.2), number(2, 1, 0, 1e20), number(2, 2, 0, 123456789012), number(2, 3, 0, -0.0),
			)),
			check: func(t *testing.T, wb *Workbook) {
				s := &wb.Sheets[0]
				for _, c := range []struct {
					r, c int
					want string
				}{{0, 0, "45"}, {0, 1, "-3"}, {0, 2, "12.34"}, {0, 3, "12.5"}, {1, 2, "1"}, {1, 3, "0.05"}, {1, 4, "0.25"},
					{2, 0, "0.3"}, {2, 1, "1E+20"}, {2, 2, "123456789012"}, {2, 3, "0"}} {
					cell(t, s, c.r, c.c, c.want, Number)
				}
				if s.Cols != 5 || s.Rows != 3 {
					t.Errorf("extent %d×%d, want 3×5", s.Rows, s.Cols)
				}
			},
		},
		{
			name: "FORMULA results: number, text via STRING, bool, error, empty",
			data: xlsFile(oneSheet(nil,
				formulaNum(0, 0, 42), formulaText(0, 1), rec(0x04BC, make([]byte, 8)), stringRec("合计"),
				formulaBool(0, 2, 1), formulaErr(0, 3, 0x07),
				formula(0, 4, le(byte(3), make([]byte, 5), uint16(0xFFFF))),
				stringRec("orphan STRING belongs to no formula"),
				boolErrRec(1, 0, 0, 0), boolErrRec(1, 1, 0x2A, 1),
				number(1, 2, 0, math.Inf(1)), // Excel never writes one; a damaged file might
			)),
			check: func(t *testing.T, wb *Workbook) {
				s := &wb.Sheets[0]
				cell(t, s, 0, 0, "42", Number)
				cell(t, s, 0, 1, "合计", String)
				cell(t, s, 0, 2, "TRUE", Bool)
				cell(t, s, 0, 3, "#DIV/0!", ErrorValue)
				cell(t, s, 1, 0, "FALSE", Bool)
				cell(t, s, 1, 1, "#N/A", ErrorValue)
				cell(t, s, 1, 2, "#NUM!", ErrorValue)
				if _, ok := s.Cells[CellRef{0, 4}]; ok || len(s.Cells) != 7 {
					t.Errorf("empty formula text stored, or stray cells: %v", s.Cells)
				}
			},
		},
		{
			name: "merged cells, hidden rows, LABEL and blanks",
			data: xlsFile(oneSheet(sstStrings("行 政 复 议 案 件 统 计 报 表"),
				rowRec(0, false), rowRec(3, true), rowRec(9, true),
				labelSST(0, 0, 0), label(1, 0, "栏次"), label(1, 1, "Latin"), blank(2, 2),
				rec(0x00BE, 2, 0, 0, 0, 0, 1),
				merged(Range{0, 0, 0, 5}, Range{1, 2, 0, 0}, Range{5, 4, 0, 0}, Range{0, 0, 3, 256}),
			)),
			check: func(t *testing.T, wb *Workbook) {
				s := &wb.Sheets[0]
				if want := []Range{{0, 0, 0, 5}, {1, 2, 0, 0}}; !slices.Equal(s.Merges, want) {
					t.Errorf("merges %v, want %v (inverted and out-of-grid ranges dropped)", s.Merges, want)
				}
				if !slices.Equal(s.HiddenRows, []int{3, 9}) {
					t.Errorf("hidden rows %v", s.HiddenRows)
				}
				cell(t, s, 1, 0, "栏次", String)
				cell(t, s, 1, 1, "Latin", String)
				if s.Value(0, 3) != "" || s.MergedValue(0, 3) != "行 政 复 议 案 件 统 计 报 表" || s.MergedValue(2, 0) != "栏次" || s.MergedValue(1, 1) != "Latin" {
					t.Errorf("Value/MergedValue: %q %q %q", s.Value(0, 3), s.MergedValue(0, 3), s.MergedValue(2, 0))
				}
				if len(s.Cells) != 3 || s.Rows != 3 || s.Cols != 6 {
					t.Errorf("%d cells, extent %d×%d; blanks must not be stored", len(s.Cells), s.Rows, s.Cols)
				}
			},
		},
		{
			name: "dates by built-in, Chinese built-in and custom formats; 1904 system",
			data: xlsFile(bookSpec{
				date1904: true,
				formats:  map[uint16]string{164: `yyyy"年"m"月"d"日"`, 165: `[Red]0.00"d"`, 166: `[h]:mm`},
				xfs:      []uint16{0, 14, 164, 165, 31, 166, 22},
				sheets: []sheetSpec{{name: "日期", records: [][]byte{
					number(0, 0, 1, 41650), number(0, 1, 2, 0), rk(0, 2, 3, rkInt(7)), rk(0, 3, 4, rkInt(1)),
					number(0, 4, 5, 0.5), number(0, 5, 6, 41650.75), number(0, 6, 1, -5),
				}}},
			}),
			check: func(t *testing.T, wb *Workbook) {
				s := &wb.Sheets[0]
				if !wb.Date1904 {
					t.Error("Date1904 not set")
				}
				cell(t, s, 0, 0, "2018-01-12", Date) // 41650 days after 1904-01-01
				cell(t, s, 0, 1, "1904-01-01", Date)
				cell(t, s, 0, 2, "7", Number) // "d" is quoted text, not a day
				cell(t, s, 0, 3, "1904-01-02", Date)
				cell(t, s, 0, 4, "12:00:00", Date)
				cell(t, s, 0, 5, "2018-01-12 18:00:00", Date)
				cell(t, s, 0, 6, "-5", Number) // no date before the epoch
				if got := s.Cells[CellRef{0, 0}].Time; !got.Equal(time.Date(2018, 1, 12, 0, 0, 0, 0, time.UTC)) {
					t.Errorf("Time = %v", got)
				}
			},
		},
		{
			name: "sheet names, hidden sheets, chart sheets skipped, embedded chart ignored",
			data: xlsFile(bookSpec{sheets: []sheetSpec{
				{name: "封面", records: [][]byte{rk(0, 0, 0, rkInt(1)), bof(0x0020), rk(5, 5, 0, rkInt(9)), eof(), rk(0, 1, 0, rkInt(2))}},
				{name: "图表", kind: 2},
				{name: "说明", state: 1},
				{name: "VeryHidden", state: 2},
			}}),
			check: func(t *testing.T, wb *Workbook) {
				var got []string
				for _, s := range wb.Sheets {
					got = append(got, s.Name+":"+strconv.FormatBool(s.Hidden))
				}
				if want := []string{"封面:false", "说明:true", "VeryHidden:true"}; !slices.Equal(got, want) {
					t.Errorf("sheets %v, want %v", got, want)
				}
				if s := &wb.Sheets[0]; len(s.Cells) != 2 || s.Value(0, 1) != "2" {
					t.Errorf("embedded chart leaked into cells: %v", s.Cells)
				}
			},
		},
		{
			name: "encrypted workbook",
			data: xlsFile(bookSpec{prelude: [][]byte{rec(recFilePass, uint16(1), make([]byte, 52))}, sheets: []sheetSpec{{name: "S"}}}),
			err:  fileerr.ErrEncrypted,
		},
		{name: "BIFF5 BOF", data: xlsFile(bookSpec{bof: rec(recBOF, uint16(0x0500), uint16(5), make([]byte, 4))}), err: ErrOldBIFF},
		{name: "BIFF5 Book stream", data: cfb(stream{Name: "Book", Data: rec(recBOF, uint16(0x0500), uint16(5), make([]byte, 4))}), err: ErrOldBIFF},
		{name: "BIFF4 BOF", data: cfb(stream{Name: "Workbook", Data: rec(recBOF4, uint16(0), uint16(0x0100))}), err: ErrOldBIFF},
		{name: "OLE file without a Workbook stream (a .doc)", data: cfb(stream{Name: "WordDocument", Data: []byte("not a workbook")}, stream{Name: "1Table", Data: nil}), err: ErrNoWorkbook},
		{name: "empty OLE file", data: cfb(), err: ErrNoWorkbook},
		{name: "empty file", data: nil, err: ErrNotXLS},
		{name: "text renamed .xls", data: []byte("序号,事项,责任单位\n1,行政复议,司法所\n"), err: ErrNotXLS},
		{name: "xlsx renamed .xls", data: []byte("PK\x03\x04\x14\x00\x06\x00"), err: ErrNotXLS},
		{name: "OLE magic only", data: oleMagic, err: fileerr.ErrDamaged},
		{name: "truncated in the compound-file header", data: good[:300], err: fileerr.ErrDamaged},
		{name: "truncated: stream larger than the file", data: good[:len(good)-3000], err: fileerr.ErrDamaged},
		{name: "truncated in the last sector", data: good[:len(good)-200], err: fileerr.ErrDamaged},
		{name: "workbook stream of zeros", data: cfb(stream{Name: "Workbook", Data: nil}), err: fileerr.ErrDamaged},
		{name: "no EOF in globals", data: cfb(stream{Name: "Workbook", Data: bof(5)}), err: fileerr.ErrDamaged},
		{name: "LABELSST past the SST", data: xlsFile(oneSheet(sstStrings("a"), labelSST(0, 0, 1))), err: fileerr.ErrDamaged},
		{name: "cell beyond column IV", data: xlsFile(oneSheet(nil, rk(0, 256, 0, rkInt(1)))), err: fileerr.ErrDamaged},
		{name: "SST string cut short", data: xlsFile(oneSheet(sstSplit(le(uint32(1), uint32(1), uint16(9), byte(0), "abc")))), err: fileerr.ErrDamaged},
		{
			name:  "SST count overstated: strings stop where the data does",
			data:  xlsFile(oneSheet(sstSplit(le(uint32(9), uint32(0xFFFFFFFF), xlString("only")), nil), labelSST(0, 0, 0))),
			check: func(t *testing.T, wb *Workbook) { cell(t, &wb.Sheets[0], 0, 0, "only", String) },
		},
		{
			name: "sheet offset past the stream",
			data: xlsFile(bookSpec{sheets: []sheetSpec{{name: "S", offset: 1 << 30}}}),
			err:  fileerr.ErrDamaged,
		},
		{
			name: "many sheets pointing at one large substream",
			data: func() []byte {
				sheets := []sheetSpec{{name: "S", records: slices.Repeat([][]byte{blank(0, 0)}, 300)}}
				for range 40 {
					sheets = append(sheets, sheetSpec{name: "S", sameAs: 1})
				}
				return xlsFile(bookSpec{sheets: sheets})
			}(),
			err: fileerr.ErrDamaged,
		},
	}
}

// checkFixture asserts what anyone sees opening the real return in Excel.
func checkFixture(t *testing.T, wb *Workbook) {
	if len(wb.Sheets) != 2 || wb.Sheets[0].Name != "sheet1" || wb.Sheets[1].Name != "Sheet2" {
		t.Fatalf("sheets: %d", len(wb.Sheets))
	}
	s := &wb.Sheets[0]
	if !strings.Contains(strings.ReplaceAll(s.Value(0, 0), " ", ""), "行政复议案件统计报表") {
		t.Errorf("title %q", s.Value(0, 0))
	}
	if !strings.HasPrefix(s.Value(6, 0), "填表单位") {
		t.Errorf("R7C1 %q, want the 填表单位 line", s.Value(6, 0))
	}
	// 栏次 codes 1..45 across row 12 from column D; 行次 1..47 down column C.
	for code := 1; code <= 45; code++ {
		cell(t, s, 11, 2+code, strconv.Itoa(code), Number)
	}
	for code := 1; code <= 47; code++ {
		cell(t, s, 11+code, 2, strconv.Itoa(code), Number)
	}
	cell(t, s, 58, 0, "合计", String)
	cell(t, s, 7, 3, "上期结转", String)
	cell(t, s, 22, 50, "2011-01-12", Date)
	if len(s.Merges) < 50 {
		t.Errorf("%d merges, want the three-level header's", len(s.Merges))
	}
	// The title is merged across the table: every header column shows it.
	if s.MergedValue(0, 30) != s.Value(0, 0) || s.Value(0, 30) != "" {
		t.Errorf("title merge: %q", s.MergedValue(0, 30))
	}
	if !strings.HasPrefix(wb.Sheets[1].Value(0, 0), "填表时间：") {
		t.Errorf("Sheet2 A1 %q", wb.Sheets[1].Value(0, 0))
	}
}

func TestRead(t *testing.T) {
	for _, c := range readCases(t) {
		t.Run(c.name, func(t *testing.T) {
			wb, err := Read(bytes.NewReader(c.data), int64(len(c.data)))
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("err = %v, want %v", err, c.err)
				}
				if wb != nil {
					t.Error("workbook returned with an error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkBounds(t, wb)
			c.check(t, wb)
		})
	}
}

// checkBounds asserts the promises Read makes on any successful result.
func checkBounds(t *testing.T, wb *Workbook) {
	t.Helper()
	cells, merges := 0, 0
	if len(wb.Sheets) > MaxSheets {
		t.Fatalf("%d sheets", len(wb.Sheets))
	}
	for i := range wb.Sheets {
		s := &wb.Sheets[i]
		cells += len(s.Cells)
		merges += len(s.Merges)
		if s.Rows > MaxRows || s.Cols > MaxCols || s.Rows < 0 || s.Cols < 0 {
			t.Fatalf("%q extent %d×%d", s.Name, s.Rows, s.Cols)
		}
		for ref, c := range s.Cells {
			if ref.Row >= s.Rows || ref.Col >= s.Cols || ref.Row < 0 || ref.Col < 0 {
				t.Fatalf("%q cell %v outside %d×%d", s.Name, ref, s.Rows, s.Cols)
			}
			if len(c.Text) > 3*65535 {
				t.Fatalf("%q cell %v text of %d bytes", s.Name, ref, len(c.Text))
			}
		}
		for _, m := range s.Merges {
			if m.LastRow >= s.Rows || m.LastCol >= s.Cols || m.FirstRow > m.LastRow || m.FirstCol > m.LastCol {
				t.Fatalf("%q merge %v outside %d×%d", s.Name, m, s.Rows, s.Cols)
			}
		}
		if !slices.IsSorted(s.HiddenRows) || len(s.HiddenRows) > MaxRows {
			t.Fatalf("%q hidden rows %v", s.Name, s.HiddenRows)
		}
	}
	if cells > MaxCells || merges > MaxMerges {
		t.Fatalf("%d cells, %d merges", cells, merges)
	}
}

// FuzzRead feeds whole files to read and, because most mutations of a
// compound file stop in mscfb, also feeds raw Workbook streams straight to
// the BIFF parser, seeded with the streams of the same cases.
func FuzzRead(f *testing.F) {
	for _, c := range readCases(f) {
		if c.data == nil {
			continue
		}
		f.Add(c.data)
		if s, err := workbookStream(io.NewSectionReader(bytes.NewReader(c.data), 0, int64(len(c.data))), int64(len(c.data))); err == nil {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// read and parseWorkbook, not Read: let panics surface.
		wb, err := read(bytes.NewReader(data), int64(len(data)))
		checkResult(t, wb, err)
		wb, err = parseWorkbook(data)
		checkResult(t, wb, err)
	})
}

func checkResult(t *testing.T, wb *Workbook, err error) {
	t.Helper()
	if err != nil {
		if wb != nil {
			t.Fatal("workbook returned with an error")
		}
		if userMessage(err) == "" {
			t.Fatal("no message for", err)
		}
		return
	}
	checkBounds(t, wb)
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "台账.xls")
	if err := os.WriteFile(path, xlsFile(oneSheet(sstStrings("x"), labelSST(0, 0, 0))), 0o600); err != nil {
		t.Fatal(err)
	}
	if wb, err := Open(path); err != nil || wb.Sheets[0].Value(0, 0) != "x" {
		t.Fatalf("Open: %v", err)
	}
	for _, p := range []string{filepath.Join(dir, "missing.xls"), dir} {
		if _, err := Open(p); !errors.Is(err, fileerr.ErrUnreadable) {
			t.Errorf("Open(%s) = %v, want fileerr.ErrUnreadable", p, err)
		}
	}
	if _, err := Open(filepath.Join(dir, "missing.xls")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file must still match fs.ErrNotExist: %v", err)
	}
}

func TestIsXLS(t *testing.T) {
	for _, c := range []struct {
		head []byte
		want bool
	}{{oleMagic, true}, {append(bytes.Clone(oleMagic), 0, 0), true}, {oleMagic[:7], false}, {[]byte("PK\x03\x04"), false}, {nil, false}} {
		if got := IsXLS(c.head); got != c.want {
			t.Errorf("IsXLS(% X) = %v", c.head, got)
		}
	}
}

// TestReadLimits builds files just past each limit a hostile file could push.
func TestReadLimits(t *testing.T) {
	var many [][]byte
	for r := range 8000 { // 8000 rows × 256 columns by MULRK = 2,048,000 cells
		vals := make([]uint32, 256)
		many = append(many, mulRK(r, 0, vals...))
	}
	if _, err := Read(bytes.NewReader(xlsFile(oneSheet(nil, many...))), 1<<30); !errors.Is(err, fileerr.ErrTooLarge) {
		t.Errorf("cells: %v, want fileerr.ErrTooLarge", err)
	}
	var ranges []Range
	for i := range 1000 {
		ranges = append(ranges, Range{i, i, 0, 1})
	}
	var merges [][]byte
	for range 201 {
		merges = append(merges, merged(ranges...))
	}
	if _, err := Read(bytes.NewReader(xlsFile(oneSheet(nil, merges...))), 1<<30); !errors.Is(err, fileerr.ErrTooLarge) {
		t.Errorf("merges: %v, want fileerr.ErrTooLarge", err)
	}
	var sheets []sheetSpec
	for range MaxSheets + 1 {
		sheets = append(sheets, sheetSpec{name: "S"})
	}
	if _, err := Read(bytes.NewReader(xlsFile(bookSpec{sheets: sheets})), 1<<30); !errors.Is(err, fileerr.ErrTooLarge) {
		t.Errorf("sheets: %v, want fileerr.ErrTooLarge", err)
	}
}

func BenchmarkReadFixture(b *testing.B) {
	data, err := os.ReadFile(fixturePath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), int64(len(data))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadLedger reads a 5,000-row × 9-column ledger, the size TECH.md
// takes for a large 台账: text through the SST, numbers as RK.
func BenchmarkReadLedger(b *testing.B) {
	var strs []string
	var records [][]byte
	for r := range 5000 {
		for c := range 9 {
			if c%3 == 0 {
				records = append(records, labelSST(r, c, len(strs)))
				strs = append(strs, "事项"+strconv.Itoa(r*9+c)+"：推进法治政府建设")
			} else {
				records = append(records, rk(r, c, 0, rkInt(int32(r*c))))
			}
		}
	}
	data := xlsFile(oneSheet(sstSplit(encodeSST(strs, maxRecordLen, false, false)...), records...))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		wb, err := Read(bytes.NewReader(data), int64(len(data)))
		if err != nil || len(wb.Sheets[0].Cells) != 45000 {
			b.Fatal(err)
		}
	}
}
