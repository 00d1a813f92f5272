package xls

import (
	"encoding/binary"
	"fmt"
	"math"

	"fazhi/export/fileerr"
)

// globals is what the workbook globals substream tells the sheets.
type globals struct {
	date1904 bool
	sst      []string
	xfDate   []bool // by XF index: does the cell's number format show a date
	sheets   []sheetEntry
}

// sheetEntry is one BOUNDSHEET8 record.
type sheetEntry struct {
	name   string
	hidden bool
	kind   byte // 0 worksheet, 1 macro sheet, 2 chart, 6 VBA module
	offset int  // of the sheet's BOF in the stream
}

// parseWorkbook reads the globals substream, then each worksheet.
func parseWorkbook(stream []byte) (*Workbook, error) {
	// Every record is visited once by a sane file; twice the stream leaves
	// room and still stops sheets that point into each other.
	budget := 2*len(stream) + 1<<16
	g, err := parseGlobals(&records{b: stream, budget: &budget})
	if err != nil {
		return nil, err
	}
	wb := &Workbook{Date1904: g.date1904}
	cells, merges := 0, 0
	for _, e := range g.sheets {
		if e.kind != 0 {
			continue // charts, macro sheets and modules hold no cell values
		}
		if e.offset >= len(stream) {
			return nil, fmt.Errorf("%w: sheet %q starts at %d, past the stream end", fileerr.ErrDamaged, e.name, e.offset)
		}
		p := &sheetParser{g: g, cells: &cells, merges: &merges, sheet: Sheet{
			Name: e.name, Hidden: e.hidden, Cells: map[CellRef]Cell{},
		}}
		if err := p.parse(&records{b: stream, pos: e.offset, budget: &budget}); err != nil {
			return nil, fmt.Errorf("sheet %q: %w", e.name, err)
		}
		wb.Sheets = append(wb.Sheets, p.sheet)
	}
	return wb, nil
}

func parseGlobals(r *records) (*globals, error) {
	typ, body, err := r.next()
	if err != nil {
		return nil, err
	}
	dt, err := checkBOF(typ, body)
	if err != nil {
		return nil, err
	}
	if dt != 0x0005 {
		return nil, fmt.Errorf("%w: stream starts with substream type 0x%04X, not workbook globals", fileerr.ErrDamaged, dt)
	}
	g := &globals{}
	formats := map[uint16]string{}
	var xfFormat []uint16
	for {
		typ, body, err := r.next()
		if err != nil {
			return nil, err
		}
		switch typ {
		case recEOF:
			g.xfDate = make([]bool, len(xfFormat))
			for i, f := range xfFormat {
				if s, ok := formats[f]; ok {
					g.xfDate[i] = isDateFormat(s)
				} else {
					g.xfDate[i] = builtinDate(f)
				}
			}
			return g, nil
		case recFilePass:
			return nil, fileerr.ErrEncrypted
		case recDateMode:
			g.date1904 = len(body) >= 2 && binary.LittleEndian.Uint16(body) == 1
		case recBoundSheet:
			e, err := boundSheet(body)
			if err != nil {
				return nil, err
			}
			if len(g.sheets) >= MaxSheets {
				return nil, fmt.Errorf("%w: more than %d sheets", fileerr.ErrTooLarge, MaxSheets)
			}
			g.sheets = append(g.sheets, e)
		case recFormat:
			if len(body) < 2 {
				return nil, fmt.Errorf("%w: FORMAT record of %d bytes", fileerr.ErrDamaged, len(body))
			}
			s, err := (&segReader{segs: [][]byte{body[2:]}}).unicodeString()
			if err != nil {
				return nil, fmt.Errorf("number format: %w", err)
			}
			formats[binary.LittleEndian.Uint16(body)] = s
		case recXF:
			// Cells refer to XFs by a 16-bit index, so more can never be used.
			if len(body) >= 4 && len(xfFormat) <= math.MaxUint16 {
				xfFormat = append(xfFormat, binary.LittleEndian.Uint16(body[2:]))
			}
		case recSST:
			segs, err := r.continued(body)
			if err != nil {
				return nil, err
			}
			if g.sst, err = decodeSST(segs); err != nil {
				return nil, err
			}
		}
	}
}

// boundSheet decodes a BOUNDSHEET8 record: stream offset, visibility, sheet
// type and a ShortXLUnicodeString name.
func boundSheet(b []byte) (sheetEntry, error) {
	if len(b) < 8 {
		return sheetEntry{}, fmt.Errorf("%w: BOUNDSHEET record of %d bytes", fileerr.ErrDamaged, len(b))
	}
	e := sheetEntry{
		offset: int(binary.LittleEndian.Uint32(b)),
		hidden: b[4]&0x03 != 0,
		kind:   b[5],
	}
	cch, wide := int(b[6]), b[7]&0x01 != 0
	name, err := (&segReader{segs: [][]byte{b[8:]}}).chars(cch, wide)
	if err != nil {
		return sheetEntry{}, fmt.Errorf("sheet name: %w", err)
	}
	e.name = name
	return e, nil
}
