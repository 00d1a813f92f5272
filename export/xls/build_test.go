package xls

// A tiny BIFF8 writer (the compound file around it is internal/hostile's), so
// tests can make exactly the records a case needs (mscfb only reads). It
// writes what Excel writes where it matters to the reader and nothing else:
// no styles beyond XF number formats, no DIMENSIONS, no mini stream (streams
// are padded to 4096 bytes, as Excel pads its own Workbook stream).

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"unicode/utf16"

	"fazhi/internal/hostile"
)

// le lays out values little-endian, the way every BIFF field is stored.
func le(parts ...any) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		switch v := p.(type) {
		case byte:
			b.WriteByte(v)
		case uint16:
			binary.Write(&b, binary.LittleEndian, v)
		case int: // row, column and XF indexes are 16-bit
			binary.Write(&b, binary.LittleEndian, uint16(v))
		case uint32:
			binary.Write(&b, binary.LittleEndian, v)
		case float64:
			binary.Write(&b, binary.LittleEndian, math.Float64bits(v))
		case []byte:
			b.Write(v)
		case string: // raw bytes, for hand-made string data
			b.WriteString(v)
		default:
			panic(fmt.Sprintf("le: %T", p))
		}
	}
	return b.Bytes()
}

// rec frames a record.
func rec(typ uint16, body ...any) []byte {
	d := le(body...)
	return le(typ, uint16(len(d)), d)
}

// wide is s as UTF-16LE code units, the uncompressed string form.
func wide(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = binary.LittleEndian.AppendUint16(out, u)
	}
	return out
}

// xlString is an XLUnicodeString: compressed when s is Latin-1.
func xlString(s string) []byte {
	for _, r := range s {
		if r > 0xFF {
			return le(uint16(len(utf16.Encode([]rune(s)))), byte(1), wide(s))
		}
	}
	var lat []byte
	for _, r := range s {
		lat = append(lat, byte(r))
	}
	return le(uint16(len(lat)), byte(0), lat)
}

func rkInt(n int32) uint32     { return uint32(n)<<2 | 0x02 }
func rkCents(n int32) uint32   { return uint32(n)<<2 | 0x03 } // n/100
func rkFloat(v float64) uint32 { return uint32(math.Float64bits(v) >> 32) }
func bof(dt uint16) []byte {
	return rec(recBOF, uint16(0x0600), dt, uint16(0x2775), uint16(0x07CD), uint32(0), uint32(0x06))
}
func eof() []byte                 { return rec(recEOF) }
func labelSST(r, c, i int) []byte { return rec(recLabelSST, r, c, 0, uint32(i)) }
func number(r, c, xf int, v float64) []byte {
	return rec(recNumber, r, c, xf, v)
}
func rk(r, c, xf int, v uint32) []byte { return rec(recRK, r, c, xf, v) }
func mulRK(r, first int, vals ...uint32) []byte {
	var body []any = []any{r, first}
	for _, v := range vals {
		body = append(body, 0, v)
	}
	return rec(recMulRK, append(body, first+len(vals)-1)...)
}

// formula writes a FORMULA record with cached value bytes v and a one-token
// formula (ptgInt 1), the smallest body Excel would accept.
func formula(r, c int, v []byte) []byte {
	return rec(recFormula, r, c, 0, v, uint16(0), uint32(0), uint16(3), byte(0x1E), uint16(1))
}
func formulaNum(r, c int, v float64) []byte { return formula(r, c, le(v)) }
func formulaText(r, c int) []byte           { return formula(r, c, le(byte(0), make([]byte, 5), uint16(0xFFFF))) }
func formulaBool(r, c int, b byte) []byte {
	return formula(r, c, le(byte(1), byte(0), b, make([]byte, 3), uint16(0xFFFF)))
}
func formulaErr(r, c int, e byte) []byte {
	return formula(r, c, le(byte(2), byte(0), e, make([]byte, 3), uint16(0xFFFF)))
}
func stringRec(s string) []byte { return rec(recString, xlString(s)) }
func label(r, c int, s string) []byte {
	return rec(recLabel, r, c, 0, xlString(s))
}
func boolErrRec(r, c int, v, isErr byte) []byte { return rec(recBoolErr, r, c, 0, v, isErr) }
func rowRec(r int, hidden bool) []byte {
	var flags uint16 = 0x0100
	if hidden {
		flags |= 0x20
	}
	return rec(recRow, r, 0, 10, uint16(0x00FF), uint16(0), uint16(0), flags, uint16(0x0F))
}
func merged(rs ...Range) []byte {
	body := []any{len(rs)}
	for _, m := range rs {
		body = append(body, m.FirstRow, m.LastRow, m.FirstCol, m.LastCol)
	}
	return rec(recMergedCells, body...)
}
func blank(r, c int) []byte { return rec(0x0201, r, c, 0) }

// sstStrings is an SST in one record, every string compressed or UTF-16.
func sstStrings(ss ...string) []byte {
	body := []any{uint32(len(ss)), uint32(len(ss))}
	for _, s := range ss {
		body = append(body, xlString(s))
	}
	return rec(recSST, body...)
}

// sstSplit writes an SST whose first segment is the SST body and the rest
// CONTINUE bodies, exactly as given, to place the split points by hand.
func sstSplit(segs ...[]byte) []byte {
	out := rec(recSST, segs[0])
	for _, s := range segs[1:] {
		out = append(out, rec(recContinue, s)...)
	}
	return out
}

// sheetSpec is one worksheet of a test workbook.
type sheetSpec struct {
	name    string
	state   byte // 0 visible, 1 hidden, 2 very hidden
	kind    byte // BOUNDSHEET sheet type: 0 worksheet, 2 chart
	records [][]byte
	// sameAs points this sheet at the substream of sheet sameAs-1 instead
	// of its own; offset, when set, is written as is. Both make damage.
	sameAs int
	offset uint32
}

// bookSpec is a whole test workbook stream.
type bookSpec struct {
	bof      []byte // defaults to a BIFF8 globals BOF
	prelude  [][]byte
	date1904 bool
	formats  map[uint16]string
	xfs      []uint16 // number format per XF; XF 0 is General when nil
	sst      []byte
	sheets   []sheetSpec
}

func (b bookSpec) stream() []byte {
	var g []byte
	if b.bof == nil {
		g = append(g, bof(0x0005)...)
	} else {
		g = append(g, b.bof...)
	}
	for _, p := range b.prelude {
		g = append(g, p...)
	}
	g = append(g, rec(0x0042, uint16(1200))...) // CODEPAGE: UTF-16, as Excel 97+ writes
	if b.date1904 {
		g = append(g, rec(recDateMode, uint16(1))...)
	}
	for id, f := range b.formats {
		g = append(g, rec(recFormat, id, xlString(f))...)
	}
	xfs := b.xfs
	if xfs == nil {
		xfs = []uint16{0}
	}
	for _, f := range xfs {
		g = append(g, rec(recXF, uint16(0), f, uint16(1), make([]byte, 14))...)
	}
	// BOUNDSHEET records hold stream offsets, known once the globals
	// size is: their own size does not depend on the offsets.
	var bs []int
	for _, s := range b.sheets {
		bs = append(bs, len(g))
		name := xlString(s.name) // ShortXLUnicodeString: the same with an 8-bit count
		g = append(g, rec(recBoundSheet, uint32(0), s.state, s.kind, name[0], name[2:])...)
	}
	g = append(g, b.sst...)
	g = append(g, eof()...)
	var at []uint32
	for i, s := range b.sheets {
		at = append(at, uint32(len(g)))
		switch {
		case s.sameAs > 0:
			at[i] = at[s.sameAs-1]
		case s.offset != 0:
			at[i] = s.offset
		}
		binary.LittleEndian.PutUint32(g[bs[i]+4:], at[i])
		if s.sameAs > 0 || s.offset != 0 {
			continue
		}
		dt := uint16(0x0010)
		if s.kind == 2 {
			dt = 0x0020
		}
		g = append(g, bof(dt)...)
		for _, r := range s.records {
			g = append(g, r...)
		}
		g = append(g, eof()...)
	}
	return g
}

// stream and cfb are internal/hostile's compound-file writer, which the
// corpus of bad files uses too.
type stream = hostile.Stream

func cfb(streams ...stream) []byte { return hostile.CompoundFile(streams...) }

// xlsFile is a test workbook as the bytes of a .xls file.
func xlsFile(b bookSpec) []byte { return cfb(stream{Name: "Workbook", Data: b.stream()}) }
