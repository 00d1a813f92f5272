package xls

import (
	"encoding/binary"
	"fmt"
	"math"

	"fazhi/export/fileerr"
)

// sheetParser collects one worksheet; cells and merges count across the
// whole workbook so the limits hold for the file, not per sheet.
type sheetParser struct {
	g      *globals
	sheet  Sheet
	cells  *int
	merges *int
	hidden [MaxRows / 8]byte
	// pending is the FORMULA cell whose text result the next STRING
	// record carries; other records (SHRFMLA, ARRAY) may come in between.
	pending *CellRef
}

func (p *sheetParser) parse(r *records) error {
	typ, body, err := r.next()
	if err != nil {
		return err
	}
	if _, err := checkBOF(typ, body); err != nil {
		return err
	}
	// Charts embedded in a worksheet are whole BOF…EOF substreams nested in
	// it; their records are not the sheet's cells.
	depth := 1
	for depth > 0 {
		typ, body, err := r.next()
		if err != nil {
			return err
		}
		switch {
		case typ == recBOF:
			depth++
		case typ == recEOF:
			depth--
		case depth == 1:
			if err := p.record(r, typ, body); err != nil {
				return err
			}
		}
	}
	for i, bits := range p.hidden {
		for bit := 0; bits != 0; bit++ {
			if bits&1 != 0 {
				p.sheet.HiddenRows = append(p.sheet.HiddenRows, i*8+bit)
			}
			bits >>= 1
		}
	}
	return nil
}

// record handles one record of the worksheet substream.
func (p *sheetParser) record(r *records, typ uint16, b []byte) error {
	switch typ {
	case recFormula, recLabelSST, recLabel, recRK, recMulRK, recNumber, recBoolErr:
		p.pending = nil // a STRING after another cell belongs to no formula
	}
	if len(b) < minLen(typ) {
		return fmt.Errorf("%w: record 0x%04X of %d bytes", fileerr.ErrDamaged, typ, len(b))
	}
	switch typ {
	case recLabelSST:
		i := binary.LittleEndian.Uint32(b[6:])
		if int64(i) >= int64(len(p.g.sst)) {
			return fmt.Errorf("%w: shared string %d of %d", fileerr.ErrDamaged, i, len(p.g.sst))
		}
		return p.put(b, Cell{Text: p.g.sst[i], Kind: String})
	case recLabel:
		s, err := (&segReader{segs: [][]byte{b[6:]}}).unicodeString()
		if err != nil {
			return err
		}
		return p.put(b, Cell{Text: s, Kind: String})
	case recRK:
		return p.put(b, p.number(b[4:], rkValue(binary.LittleEndian.Uint32(b[6:]))))
	case recMulRK:
		row, first := binary.LittleEndian.Uint16(b), int(binary.LittleEndian.Uint16(b[2:]))
		for i := 0; 4+6*i+6 <= len(b)-2; i++ {
			e := b[4+6*i:]
			c := p.number(e, rkValue(binary.LittleEndian.Uint32(e[2:])))
			if err := p.putAt(int(row), first+i, c); err != nil {
				return err
			}
		}
	case recNumber:
		return p.put(b, p.number(b[4:], math.Float64frombits(binary.LittleEndian.Uint64(b[6:]))))
	case recFormula:
		return p.formula(b)
	case recString:
		segs, err := r.continued(b)
		if err != nil {
			return err
		}
		if p.pending == nil {
			return nil
		}
		ref := *p.pending
		p.pending = nil
		s, err := (&segReader{segs: segs}).unicodeString()
		if err != nil {
			return fmt.Errorf("formula text: %w", err)
		}
		return p.putAt(ref.Row, ref.Col, Cell{Text: s, Kind: String})
	case recBoolErr:
		return p.put(b, boolErr(b[6], b[7] != 0))
	case recRow:
		if binary.LittleEndian.Uint16(b[12:])&0x20 != 0 { // fDyZero
			row := binary.LittleEndian.Uint16(b)
			p.hidden[row/8] |= 1 << (row % 8)
		}
	case recMergedCells:
		return p.mergedCells(b)
	}
	return nil
}

// minLen is the shortest body each handled record type can have.
func minLen(typ uint16) int {
	switch typ {
	case recLabelSST, recRK:
		return 10
	case recLabel:
		return 9
	case recMulRK:
		return 6
	case recNumber:
		return 14
	case recFormula, recRow:
		return 14 // the parts we read; the rest of the record is not needed
	case recBoolErr:
		return 8
	case recMergedCells:
		return 2
	}
	return 0
}

func (p *sheetParser) formula(b []byte) error {
	v := b[6:14]
	if v[6] != 0xFF || v[7] != 0xFF { // a cached number
		return p.put(b, p.number(b[4:], math.Float64frombits(binary.LittleEndian.Uint64(v))))
	}
	switch v[0] {
	case 0: // text result, in the STRING record that follows
		p.pending = &CellRef{int(binary.LittleEndian.Uint16(b)), int(binary.LittleEndian.Uint16(b[2:]))}
	case 1:
		return p.put(b, boolErr(v[2], false))
	case 2:
		return p.put(b, boolErr(v[2], true))
	}
	return nil // 3: empty text, nothing to store
}

// number builds a Number or Date cell; ixfe is the cell's XF index, whose
// number format decides whether the serial is a date.
func (p *sheetParser) number(ixfe []byte, v float64) Cell {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Cell{Text: "#NUM!", Kind: ErrorValue} // Excel stores neither
	}
	xf := int(binary.LittleEndian.Uint16(ixfe))
	if xf < len(p.g.xfDate) && p.g.xfDate[xf] {
		if t, ok := serialTime(v, p.g.date1904); ok {
			return Cell{Text: formatTime(t, v), Kind: Date, Number: v, Time: t}
		}
	}
	return Cell{Text: formatNumber(v), Kind: Number, Number: v}
}

// boolErr builds the cell of a BOOLERR record or a formula's boolean or
// error result.
func boolErr(v byte, isErr bool) Cell {
	if !isErr {
		if v != 0 {
			return Cell{Text: "TRUE", Kind: Bool, Number: 1}
		}
		return Cell{Text: "FALSE", Kind: Bool}
	}
	text, ok := errorText[v]
	if !ok {
		text = "#VALUE!"
	}
	return Cell{Text: text, Kind: ErrorValue}
}

var errorText = map[byte]string{
	0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
	0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA",
}

func (p *sheetParser) mergedCells(b []byte) error {
	n := int(binary.LittleEndian.Uint16(b))
	if len(b) < 2+8*n {
		return fmt.Errorf("%w: MERGEDCELLS lists %d ranges in %d bytes", fileerr.ErrDamaged, n, len(b))
	}
	for i := range n {
		e := b[2+8*i:]
		m := Range{
			FirstRow: int(binary.LittleEndian.Uint16(e)), LastRow: int(binary.LittleEndian.Uint16(e[2:])),
			FirstCol: int(binary.LittleEndian.Uint16(e[4:])), LastCol: int(binary.LittleEndian.Uint16(e[6:])),
		}
		if m.FirstRow > m.LastRow || m.FirstCol > m.LastCol || m.LastCol >= MaxCols {
			continue // Excel ignores such a range too; it covers no cell
		}
		if *p.merges++; *p.merges > MaxMerges {
			return fmt.Errorf("%w: more than %d merged ranges", fileerr.ErrTooLarge, MaxMerges)
		}
		p.sheet.Merges = append(p.sheet.Merges, m)
		p.sheet.Rows = max(p.sheet.Rows, m.LastRow+1)
		p.sheet.Cols = max(p.sheet.Cols, m.LastCol+1)
	}
	return nil
}

// put stores c at the row and column in the first four bytes of a cell record.
func (p *sheetParser) put(b []byte, c Cell) error {
	return p.putAt(int(binary.LittleEndian.Uint16(b)), int(binary.LittleEndian.Uint16(b[2:])), c)
}

func (p *sheetParser) putAt(row, col int, c Cell) error {
	if col >= MaxCols || row >= MaxRows {
		return fmt.Errorf("%w: cell at row %d, column %d is outside the BIFF8 grid", fileerr.ErrDamaged, row+1, col+1)
	}
	ref := CellRef{row, col}
	if _, ok := p.sheet.Cells[ref]; !ok {
		if *p.cells++; *p.cells > MaxCells {
			return fmt.Errorf("%w: more than %d cells", fileerr.ErrTooLarge, MaxCells)
		}
	}
	p.sheet.Cells[ref] = c
	p.sheet.Rows = max(p.sheet.Rows, row+1)
	p.sheet.Cols = max(p.sheet.Cols, col+1)
	return nil
}
