package xls

import (
	"encoding/binary"
	"fmt"

	"fazhi/export/fileerr"
)

// BIFF8 record types this reader acts on ([MS-XLS] 2.3).
const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recDateMode    = 0x0022
	recFilePass    = 0x002F
	recContinue    = 0x003C
	recBoundSheet  = 0x0085
	recMulRK       = 0x00BD
	recXF          = 0x00E0
	recMergedCells = 0x00E5
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRow         = 0x0208
	recRK          = 0x027E
	recFormat      = 0x041E
	recBOF         = 0x0809
	// BOF records of BIFF2, BIFF3 and BIFF4, recognised only to refuse them.
	recBOF2 = 0x0009
	recBOF3 = 0x0209
	recBOF4 = 0x0409
)

// maxRecordLen is BIFF8's limit on a record body; Excel splits anything
// longer into CONTINUE records, so a longer one means damage.
const maxRecordLen = 8224

// records walks the record headers of the Workbook stream. budget is shared
// by every walker over one stream: BOUNDSHEET offsets are untrusted, and
// many sheets pointing into the same bytes must not make the work quadratic.
type records struct {
	b      []byte
	pos    int
	budget *int
}

func (r *records) next() (typ uint16, body []byte, err error) {
	if len(r.b)-r.pos < 4 {
		return 0, nil, fmt.Errorf("%w: stream ends at %d inside a substream (no EOF record)", fileerr.ErrDamaged, r.pos)
	}
	typ = binary.LittleEndian.Uint16(r.b[r.pos:])
	n := int(binary.LittleEndian.Uint16(r.b[r.pos+2:]))
	if n > maxRecordLen {
		return 0, nil, fmt.Errorf("%w: record 0x%04X at %d is %d bytes long", fileerr.ErrDamaged, typ, r.pos, n)
	}
	start := r.pos + 4
	if len(r.b)-start < n {
		return 0, nil, fmt.Errorf("%w: record 0x%04X at %d cut short", fileerr.ErrDamaged, typ, r.pos)
	}
	*r.budget -= 4 + n
	if *r.budget < 0 {
		return 0, nil, fmt.Errorf("%w: sheets overlap in the workbook stream", fileerr.ErrDamaged)
	}
	r.pos = start + n
	return typ, r.b[start:r.pos], nil
}

// continued returns body followed by the bodies of the CONTINUE records
// right after it, as separate segments: SST and STRING data is split there
// and the split points matter to string decoding.
func (r *records) continued(body []byte) ([][]byte, error) {
	segs := [][]byte{body}
	for len(r.b)-r.pos >= 4 && binary.LittleEndian.Uint16(r.b[r.pos:]) == recContinue {
		_, b, err := r.next()
		if err != nil {
			return nil, err
		}
		segs = append(segs, b)
	}
	return segs, nil
}

// checkBOF accepts a BIFF8 BOF record and returns its substream type; older
// BIFF versions get ErrOldBIFF, anything else fileerr.ErrDamaged.
func checkBOF(typ uint16, body []byte) (dt uint16, err error) {
	switch typ {
	case recBOF2, recBOF3, recBOF4:
		return 0, ErrOldBIFF
	case recBOF:
	default:
		return 0, fmt.Errorf("%w: substream starts with record 0x%04X, not BOF", fileerr.ErrDamaged, typ)
	}
	if len(body) < 4 {
		return 0, fmt.Errorf("%w: BOF record of %d bytes", fileerr.ErrDamaged, len(body))
	}
	// BIFF5 and BIFF7 share the record number 0x0809 and say 0x0500 here.
	if vers := binary.LittleEndian.Uint16(body); vers < 0x0600 {
		return 0, fmt.Errorf("%w: BOF version 0x%04X", ErrOldBIFF, vers)
	}
	return binary.LittleEndian.Uint16(body[2:]), nil
}
